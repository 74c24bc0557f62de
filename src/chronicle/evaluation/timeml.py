"""TimeML documents in and out, and the TempEval-3 Task A (TIMEX3) scorer.

Reading keeps the plain text of ``<TEXT>`` exactly (tags removed, XML entities
decoded) and the gold TIMEX3 spans as character offsets into it, so the tagger runs
on the same string a reader sees. Writing puts our TIMEX3 tags back into the same
document: everything outside ``<TEXT>`` (``DOCID``, ``DCT``...) is copied byte for
byte, and the text is re-escaped, so the output is ready for the official TempEval-3
toolkit.

Scoring follows the TempEval-3 toolkit's definitions for Task A:

* strict match: same extent; relaxed match: the extents share at least one character;
* precision = system timexes that match a gold one / system timexes, recall = gold
  timexes matched by a system one / gold timexes, F1 their harmonic mean;
* attribute (``value``, ``type``) "F1" = relaxed F1 x (gold/system pairs with the same
  attribute / relaxed pairs), pairs being formed one to one by greatest overlap;
* all counts are summed over the documents (micro-average).
"""

from __future__ import annotations

import datetime as dt
import html
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from chronicle.models import Timex

__all__ = [
    "GoldTimex",
    "Scores",
    "TimemlDocument",
    "annotate_directory",
    "parse_timeml",
    "read_directory",
    "read_timeml",
    "render_timeml",
    "score",
    "score_directories",
]

_TEXT_RE = re.compile(r"(<TEXT\b[^>]*>)(.*?)(</TEXT>)", re.DOTALL)
_DOCID_RE = re.compile(r"<DOCID\b[^>]*>(.*?)</DOCID>", re.DOTALL)
_DCT_RE = re.compile(r"<DCT\b[^>]*>(.*?)</DCT>", re.DOTALL)
_VALUE_RE = re.compile(r"""\bvalue\s*=\s*["']([^"']*)["']""")
_TAG_RE = re.compile(r"<(/?)([A-Za-z_][\w.:-]*)((?:\s[^>]*?)?)(/?)>", re.DOTALL)
_ATTR_RE = re.compile(r"""([\w:-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')""")
_ISO_DAY_RE = re.compile(r"(\d{4})-?(\d\d)-?(\d\d)")


@dataclass(frozen=True, slots=True)
class GoldTimex:
    """A TIMEX3 found in a TimeML document, with offsets into its plain text."""

    start: int
    end: int
    text: str
    type: str
    value: str
    mod: str | None = None


@dataclass(slots=True)
class TimemlDocument:
    """One TimeML document: its plain text, creation date and the TIMEX3 it carries."""

    docid: str
    dct: dt.date | None
    text: str
    timexes: list[GoldTimex] = field(default_factory=list)
    raw: str = ""
    path: str | None = None


def _attrs(blob: str) -> dict[str, str]:
    return {m.group(1): html.unescape(m.group(2) if m.group(2) is not None else m.group(3) or "")
            for m in _ATTR_RE.finditer(blob)}


def _parse_date(value: str) -> dt.date | None:
    m = _ISO_DAY_RE.match(value.strip())
    if not m:
        return None
    try:
        return dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    except ValueError:
        return None


def parse_timeml(raw: str, path: str | None = None) -> TimemlDocument:
    """Read a TimeML document from its source; tags inside ``<TEXT>`` are removed."""
    docid_m = _DOCID_RE.search(raw)
    docid = html.unescape(docid_m.group(1).strip()) if docid_m else (Path(path).stem if path else "")
    dct: dt.date | None = None
    dct_m = _DCT_RE.search(raw)
    if dct_m:
        value_m = _VALUE_RE.search(dct_m.group(1))
        dct = _parse_date(value_m.group(1)) if value_m else None
        if dct is None:
            dct = _parse_date(re.sub(r"<[^>]*>", "", dct_m.group(1)))
    text_m = _TEXT_RE.search(raw)
    body = text_m.group(2) if text_m else ""
    parts: list[str] = []
    length = 0
    open_timex: list[tuple[int, dict[str, str]]] = []
    timexes: list[GoldTimex] = []
    pos = 0
    for m in _TAG_RE.finditer(body):
        chunk = html.unescape(body[pos:m.start()])
        parts.append(chunk)
        length += len(chunk)
        pos = m.end()
        if m.group(2) != "TIMEX3":
            continue
        if m.group(1):
            if open_timex:
                start, attrs = open_timex.pop()
                timexes.append(_gold(start, length, parts, attrs))
        elif not m.group(4):
            open_timex.append((length, _attrs(m.group(3))))
    tail = html.unescape(body[pos:])
    parts.append(tail)
    text = "".join(parts)
    timexes = [GoldTimex(t.start, t.end, text[t.start:t.end], t.type, t.value, t.mod) for t in timexes]
    timexes.sort(key=lambda t: (t.start, t.end))
    return TimemlDocument(docid, dct, text, timexes, raw, path)


def _gold(start: int, end: int, parts: list[str], attrs: dict[str, str]) -> GoldTimex:
    return GoldTimex(start, end, "", attrs.get("type", ""), attrs.get("value", ""), attrs.get("mod") or None)


def read_timeml(path: str | Path) -> TimemlDocument:
    """Read one ``.tml`` file."""
    p = Path(path)
    return parse_timeml(p.read_text(encoding="utf-8"), str(p))


def read_directory(directory: str | Path) -> list[TimemlDocument]:
    """Read every ``*.tml`` file under ``directory`` (sorted by path)."""
    root = Path(directory)
    return [read_timeml(p) for p in sorted(root.rglob("*.tml"))]


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def render_timeml(doc: TimemlDocument, timexes: Sequence[Timex | GoldTimex]) -> str:
    """Return ``doc`` with ``timexes`` as the TIMEX3 tags of its text (all else untouched).

    Overlapping timexes are dropped after the first, as TIMEX3 cannot nest.
    """
    out: list[str] = []
    pos = 0
    tid = 0
    for t in sorted(timexes, key=lambda t: (t.start, -t.end)):
        if t.start < pos or t.end <= t.start or t.end > len(doc.text):
            continue
        tid += 1
        attrs = f'tid="t{tid}" type="{_escape(t.type)}" value="{_escape(t.value)}"'
        if t.mod:
            attrs += f' mod="{_escape(t.mod)}"'
        out.append(_escape(doc.text[pos:t.start]))
        out.append(f"<TIMEX3 {attrs}>{_escape(doc.text[t.start:t.end])}</TIMEX3>")
        pos = t.end
    out.append(_escape(doc.text[pos:]))
    body = "".join(out)
    raw = doc.raw or (
        f'<?xml version="1.0" ?>\n<TimeML>\n<DOCID>{_escape(doc.docid)}</DOCID>\n'
        f"<DCT>{doc.dct.isoformat() if doc.dct else ''}</DCT>\n<TEXT></TEXT>\n</TimeML>\n"
    )
    m = _TEXT_RE.search(raw)
    if not m:
        return raw.rstrip("\n") + f"\n<TEXT>{body}</TEXT>\n"
    return raw[: m.start(2)] + body + raw[m.end(2):]


def annotate_directory(
    in_dir: str | Path,
    out_dir: str | Path,
    tagger: Callable[[str, dt.date | None], Sequence[Timex]],
) -> int:
    """Tag every ``*.tml`` of ``in_dir`` and write it, same relative path, under ``out_dir``."""
    root, dest = Path(in_dir), Path(out_dir)
    count = 0
    for path in sorted(root.rglob("*.tml")):
        doc = read_timeml(path)
        target = dest / path.relative_to(root)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(render_timeml(doc, tagger(doc.text, doc.dct)), encoding="utf-8")
        count += 1
    return count


@dataclass(slots=True)
class Scores:
    """Counts of a TempEval-3 Task A evaluation, with the figures derived from them."""

    gold: int = 0
    system: int = 0
    strict_gold: int = 0
    strict_system: int = 0
    relaxed_gold: int = 0
    relaxed_system: int = 0
    pairs: int = 0
    value_correct: int = 0
    type_correct: int = 0

    def add(self, other: Scores) -> None:
        for name in self.__slots__:
            setattr(self, name, getattr(self, name) + getattr(other, name))

    @staticmethod
    def _f(p: float, r: float) -> float:
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def strict_p(self) -> float:
        return self.strict_system / self.system if self.system else 0.0

    @property
    def strict_r(self) -> float:
        return self.strict_gold / self.gold if self.gold else 0.0

    @property
    def strict_f1(self) -> float:
        return self._f(self.strict_p, self.strict_r)

    @property
    def relaxed_p(self) -> float:
        return self.relaxed_system / self.system if self.system else 0.0

    @property
    def relaxed_r(self) -> float:
        return self.relaxed_gold / self.gold if self.gold else 0.0

    @property
    def relaxed_f1(self) -> float:
        return self._f(self.relaxed_p, self.relaxed_r)

    @property
    def value_accuracy(self) -> float:
        return self.value_correct / self.pairs if self.pairs else 0.0

    @property
    def type_accuracy(self) -> float:
        return self.type_correct / self.pairs if self.pairs else 0.0

    @property
    def value_f1(self) -> float:
        return self.relaxed_f1 * self.value_accuracy

    @property
    def type_f1(self) -> float:
        return self.relaxed_f1 * self.type_accuracy

    def as_dict(self) -> dict[str, float]:
        return {
            "strict_p": self.strict_p, "strict_r": self.strict_r, "strict_f1": self.strict_f1,
            "relaxed_p": self.relaxed_p, "relaxed_r": self.relaxed_r, "relaxed_f1": self.relaxed_f1,
            "value_f1": self.value_f1, "type_f1": self.type_f1,
            "value_accuracy": self.value_accuracy, "type_accuracy": self.type_accuracy,
        }

    def report(self) -> str:
        rows = [
            ("strict", self.strict_p, self.strict_r, self.strict_f1),
            ("relaxed", self.relaxed_p, self.relaxed_r, self.relaxed_f1),
        ]
        lines = [f"gold timexes: {self.gold}  system timexes: {self.system}",
                 f"{'':8} {'P':>7} {'R':>7} {'F1':>7}"]
        lines += [f"{name:8} {p:7.2%} {r:7.2%} {f:7.2%}" for name, p, r, f in rows]
        lines.append(f"value F1 {self.value_f1:7.2%}  (accuracy {self.value_accuracy:.2%})")
        lines.append(f"type F1  {self.type_f1:7.2%}  (accuracy {self.type_accuracy:.2%})")
        return "\n".join(lines)


def _overlap(a: Timex | GoldTimex, b: Timex | GoldTimex) -> int:
    return min(a.end, b.end) - max(a.start, b.start)


def score(gold: Iterable[Timex | GoldTimex], system: Iterable[Timex | GoldTimex]) -> Scores:
    """Score the timexes of one document against its gold ones."""
    g = [t for t in gold if t.end > t.start]
    s = [t for t in system if t.end > t.start]
    result = Scores(gold=len(g), system=len(s))
    g_spans = {(t.start, t.end) for t in g}
    s_spans = {(t.start, t.end) for t in s}
    result.strict_gold = sum((t.start, t.end) in s_spans for t in g)
    result.strict_system = sum((t.start, t.end) in g_spans for t in s)
    result.relaxed_gold = sum(any(_overlap(t, u) > 0 for u in s) for t in g)
    result.relaxed_system = sum(any(_overlap(t, u) > 0 for u in g) for t in s)
    candidates = sorted(
        ((_overlap(a, b), i, j) for i, a in enumerate(g) for j, b in enumerate(s) if _overlap(a, b) > 0),
        key=lambda c: (-c[0], c[1], c[2]),
    )
    used_g: set[int] = set()
    used_s: set[int] = set()
    for _, i, j in candidates:
        if i in used_g or j in used_s:
            continue
        used_g.add(i)
        used_s.add(j)
        result.pairs += 1
        result.value_correct += g[i].value == s[j].value
        result.type_correct += g[i].type == s[j].type
    return result


def score_directories(gold_dir: str | Path, pred_dir: str | Path) -> tuple[Scores, list[str]]:
    """Score every gold ``*.tml`` against the file of the same relative path in ``pred_dir``.

    A missing prediction counts as a document with no timexes; the second item lists them.
    """
    total = Scores()
    missing: list[str] = []
    groot, proot = Path(gold_dir), Path(pred_dir)
    for path in sorted(groot.rglob("*.tml")):
        gold = read_timeml(path)
        pred_path = proot / path.relative_to(groot)
        if pred_path.exists():
            pred = read_timeml(pred_path).timexes
        else:
            missing.append(str(path.relative_to(groot)))
            pred = []
        total.add(score(gold.timexes, pred))
    return total, missing
