"""The Markdown brief and the terminal text: every section, and article text that stays text."""

from __future__ import annotations

import re

import pytest

from chronicle.exports import to_markdown, to_text
from chronicle.exports.markdown import escape_markdown
from chronicle.models import StoryEntity, Timeline


@pytest.mark.parametrize(("text", "escaped"), [
    ("<script>alert(1)</script>", r"\<script\>alert(1)\</script\>"),
    ("[click](javascript:alert(1))", r"\[click\](javascript:alert(1))"),
    ("**bold** and `code`", r"\*\*bold\*\* and \`code\`"),
    ("_emphasis_ but snake_case and 000_bare_id", r"\_emphasis\_ but snake_case and 000_bare_id"),
    ("# not a heading\n- not a list", r"\# not a heading - not a list"),
    ("AT&amp;T | ![img](x)", r"AT\&amp;T \| \!\[img\](x)"),
    ("a plain sentence, with 4,000 workers.", "a plain sentence, with 4,000 workers."),
])
def test_markdown_escapes_what_could_become_markup(text: str, escaped: str) -> None:
    assert escape_markdown(text) == escaped


def test_the_brief_has_timeline_actors_statements_and_disagreements(timeline: Timeline,
                                                                    entities: list[StoryEntity]) -> None:
    brief = to_markdown(timeline, entities)
    lines = brief.splitlines()
    assert lines[0] == "# Timeline"
    assert [line for line in lines if line.startswith("# ")] == [
        "# Timeline", "# Actors", "# Who said what", "# Where sources disagree"]
    assert "## 2025-W10" in lines
    assert "  - who: Valmora Ferry Union, Valmora Port Authority; where: Valmora" in lines
    assert "| Valmora Ferry Union | ORG | 2 | 9 | the union, VFU |" in lines
    assert ("- **the union** asserts, 2025-03-06 (Thursday): Ferry talks in Valmora were paused on Thursday — "
            "Valmora Courier, “Ferry talks paused”; Northern Wire, “Ferry crews strike, talks stall” "
            "(via the ferry operators)") in lines
    assert "- **Denial**: the port authority denies what the union asserts (both speak of: crews hired replacement)" \
        in lines
    # Every < and [ from an article is escaped: no tag, no link.
    assert not re.search(r"(?<!\\)[<\[]", brief) and "\\<script" in brief


def test_the_terminal_text_has_who_said_what_with_relays_and_both_sides(timeline: Timeline) -> None:
    text = to_text(timeline)
    assert "Who said what" in text and "Where sources disagree" in text
    assert ("  the union asserts (2025-03-06): Ferry talks in Valmora were paused on Thursday — "
            "Valmora Courier (courier-1), Northern Wire (wire-1) (via the ferry operators)") in text.splitlines()
    assert "\x1b" not in text and "\x07" not in text
    assert "  denial: the port authority denies what the union asserts (both speak of: crews hired replacement)" \
        in text.splitlines()


def test_the_brief_rendered_by_a_commonmark_renderer_has_no_markup_from_articles(
        timeline: Timeline, entities: list[StoryEntity]) -> None:
    from markdown_it import MarkdownIt

    rendered = MarkdownIt("commonmark").enable("table").render(to_markdown(timeline, entities))
    assert "<script" not in rendered and "<img" not in rendered and "<svg" not in rendered
    assert "href" not in rendered  # no link at all: the brief makes none, and no article text becomes one
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in rendered
    assert "<td>Valmora Ferry Union</td>" in rendered and "<strong>the union</strong> asserts" in rendered
