"""Output formats; article text is untrusted and must never reach HTML unescaped."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from chronicle.errors import InputError
from chronicle.exports import export
from chronicle.models import Article, Evidence, Timeline, TimelineEntry, TimelineEvent
from chronicle.render import FORMATS, render, to_text
from chronicle.serialize import timeline_dict

HOSTILE = '<script>alert("x")</script> & <img src=x onerror=alert(1)>'


def hostile_timeline() -> Timeline:
    article = Article(id="a<1>", text=HOSTILE, published=dt.date(2024, 1, 2), source="<b>Wire</b>")
    event = TimelineEvent(
        id="ev-1", summary=HOSTILE, sources=("a<1>",),
        evidence=(Evidence("a<1>", HOSTILE, "on <Monday>"),),
    )
    return Timeline(entries=(TimelineEntry("2024-01-01", "day", (event,)),), articles=(article,))


def test_html_escapes_every_piece_of_article_text() -> None:
    page = render(hostile_timeline(), "html")
    assert "<script>alert" not in page and "<img" not in page and "<b>Wire" not in page
    assert "&lt;script&gt;" in page and "on &lt;Monday&gt;" in page
    assert "Content-Security-Policy" in page


def test_json_contract_fields() -> None:
    data = json.loads(render(hostile_timeline(), "json"))
    assert data == timeline_dict(hostile_timeline())
    assert list(data) == ["schema", "entries", "articles", "claims", "claim_groups", "disagreements", "set_aside"]
    assert data["articles"][0] == {
        "id": "a<1>", "title": None, "source": "<b>Wire</b>", "published": "2024-01-02", "url": None
    }


def test_tls_format_has_32_dashes_and_day_entries_only() -> None:
    tl = hostile_timeline()
    month = TimelineEntry("2024-01", "month", tl.entries[0].events)
    text = render(Timeline(entries=(*tl.entries, month), articles=tl.articles), "tls")
    assert text.splitlines() == ["2024-01-01", HOSTILE, "-" * 32]


def test_disagreements_are_rendered_and_escaped() -> None:
    from chronicle.models import Claim, ClaimGroup, Disagreement

    denial = Claim("The <i>ministry</i>", "denied", "reports that it shipped arms", "denies", "a<1>", "2024-01-02")
    accusation = Claim("the panel", "condemned", "the shipment of arms", "condemns", "a<1>", "2024-01-05")
    tl = hostile_timeline()
    with_dispute = Timeline(tl.entries, tl.articles, disagreements=(
        Disagreement("denial", "arms", (ClaimGroup((denial,)), ClaimGroup((accusation,)))),
    ))
    page = render(with_dispute, "html")
    assert "<b>The &lt;i&gt;ministry&lt;/i&gt;</b> <span class=\"stance\">denies</span>" in page
    assert "<blockquote>reports that it shipped arms</blockquote>" in page
    markdown = render(with_dispute, "markdown")
    assert "# Where sources disagree" in markdown
    assert "**the panel** condemns, 2024-01-05: the shipment of arms" in markdown
    data = json.loads(render(with_dispute, "json"))
    side = data["disagreements"][0]["sides"][1]
    assert side.pop("id").startswith("q-")
    assert side == {
        "speaker": "the panel", "stance": "condemns", "text": "the shipment of arms", "date": "2024-01-05",
        "sources": ["a<1>"],
    }


@pytest.mark.parametrize("fmt", FORMATS)
def test_render_gives_every_export_format(fmt: str) -> None:
    assert render(hostile_timeline(), fmt) == export(hostile_timeline(), fmt).content


def test_render_refuses_an_unknown_format() -> None:
    with pytest.raises(InputError):
        render(hostile_timeline(), "pdf")


def test_text_is_the_terminal_timeline_and_its_markup_escapes_article_text() -> None:
    tl = hostile_timeline()
    plain = render(tl, "text")
    assert plain == to_text(tl) and not plain.startswith("# Timeline")
    assert plain.splitlines()[1:3] == ["2024-01-01", f"  • {HOSTILE}"]
    from rich.console import Console

    console = Console(width=400, record=True, file=open("/dev/null", "w"))  # noqa: SIM115
    console.print(to_text(tl, markup=True), end="")
    shown = console.export_text()
    assert f"  • {HOSTILE}" in shown and "<b>Wire</b> (a<1>)" in shown
