"""What the extractor finds: one attributed statement, its spans as character offsets."""

from __future__ import annotations

from dataclasses import dataclass, field

#: A possibly discontinuous span: end-exclusive (start, end) character offsets, in order.
CharSpan = tuple[tuple[int, int], ...]


@dataclass(frozen=True)
class Attribution:
    """One attributed statement.  Spans are end-exclusive character offsets into ``doc.text``."""

    source: CharSpan | None
    cue: CharSpan | None
    content: CharSpan
    kind: str  # "direct" | "indirect" | "mixed" | "according_to" | "headline"
    stance: str = "asserts"  # "asserts" | "denies" | "condemns"
    source_text: str | None = None
    cue_text: str | None = None
    content_text: str = ""
    speaker: str | None = None
    #: Token index of the cue head; kept for ordering and de-duplication, not compared.
    cue_index: int = field(default=-1, compare=False)

    @classmethod
    def from_spans(
        cls,
        text: str,
        *,
        source: CharSpan | None,
        cue: CharSpan | None,
        content: CharSpan,
        kind: str,
        cue_index: int,
        stance: str = "asserts",
    ) -> Attribution:
        """An attribution whose texts are those of its spans in ``text``."""
        return cls(
            source=source,
            cue=cue,
            content=content,
            kind=kind,
            stance=stance,
            source_text=text_of(text, source),
            cue_text=text_of(text, cue),
            content_text=text_of(text, content) or "",
            cue_index=cue_index,
        )


def text_of(text: str, span: CharSpan | None) -> str | None:
    """The text of a span, its pieces joined by " ... "."""
    if not span:
        return None
    return " ... ".join(text[s:e] for s, e in span)
