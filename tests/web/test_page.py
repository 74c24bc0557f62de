"""The web page in a real browser (Debian's chromium, driven by Playwright).

Waits poll the DOM from here: the page's CSP rightly forbids the eval that
``wait_for_function`` needs.
"""

from __future__ import annotations

import os
import shutil
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlparse

import httpx
import pytest

from chronicle import Chronicle
from chronicle.web import ServeConfig, create_app

from .conftest import ROOT, serving

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--no-first-run", "--disable-sync", "--disable-quic"]
LOAD = 180_000


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    if not Path(CHROMIUM).exists():
        if os.environ.get("CI") == "true":
            pytest.fail("chromium is not installed: .ci/run installs it")
        pytest.skip("chromium is not installed (apt-get install chromium)")
    playwright_api = pytest.importorskip("playwright.sync_api")
    with playwright_api.sync_playwright() as p:
        launched = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield launched
        launched.close()


class Watched:
    """A page with its script errors and console errors (CSP violations land there) recorded."""

    def __init__(self, browser: Any, url: str, width: int = 1400) -> None:
        self.page = browser.new_page(viewport={"width": width, "height": 900})
        self.errors: list[str] = []
        self.page.on("pageerror", lambda exc: self.errors.append(str(exc)))
        self.page.on("console", lambda msg: self.errors.append(msg.text) if msg.type == "error" else None)
        origin = "{0.scheme}://{0.netloc}/".format(urlparse(url))
        self.outside: list[str] = []
        self.page.on("request", lambda r: None if r.url.startswith((origin, "data:")) else self.outside.append(r.url))
        self.page.goto(url)
        self.page.wait_for_selector("#entries .event", timeout=LOAD)
        self.page.wait_for_selector("#axis .vis-item", timeout=LOAD)
        self.page.wait_for_selector("#claims .claim, #claims .muted:not(.pad)", timeout=LOAD)

    def until(self, condition: Callable[[], bool], timeout: float = 120) -> None:
        deadline = time.monotonic() + timeout
        while not condition():
            if time.monotonic() > deadline:
                raise AssertionError("the page did not get there in time")
            self.page.wait_for_timeout(100)

    def query(self) -> dict[str, list[str]]:
        return parse_qs(urlparse(self.page.url).query)

    def labels(self) -> list[str]:
        return [t for t in self.page.locator("#axis .vis-time-axis .vis-text").all_inner_texts() if t.strip()]


def open_evidence(watched: Watched) -> None:
    page = watched.page
    page.locator("#entries .summary").first.click()
    page.wait_for_selector("#detail .evidence blockquote", timeout=30_000)


def test_first_screen_has_the_story_axis_dates_names_and_claims(browser: Any, server: str) -> None:
    watched = Watched(browser, server)
    page = watched.page
    assert "articles" in page.locator("#story").inner_text()
    assert page.locator("#axis .vis-timeline").count() == 1
    assert page.locator("#entries .entry").count() >= 3
    # Dates read as dates, sources as outlets, never as file ids.
    first_date = page.locator("#entries .entry .date").first.inner_text()
    assert any(month in first_date for month in ("February", "March", "April", "May"))
    metas = " ".join(page.locator("#entries .meta").all_inner_texts())
    assert "Valmora Courier" in metas or "Northern Wire Service" in metas
    assert "2025-03-01-dockworkers" not in metas
    assert page.locator("#entities .entity").count() >= 5
    counts = [int(t) for t in page.locator("#entities .entity .count").all_inner_texts()]
    assert counts and all(n >= 1 for n in counts)
    assert watched.errors == [] and watched.outside == []


def test_zoom_and_pan_the_time_axis(browser: Any, server: str) -> None:
    watched = Watched(browser, server)
    page = watched.page
    before = watched.labels()
    page.click("#zoom-in")
    page.click("#zoom-in")
    watched.until(lambda: watched.labels() != before)
    zoomed = watched.labels()
    page.click("#zoom-all")
    watched.until(lambda: watched.labels() != zoomed)
    page.click("#zoom-story")
    watched.until(lambda: watched.labels() == before)
    # Dragging pans.
    box = page.locator("#axis .vis-center").bounding_box()
    page.mouse.move(box["x"] + box["width"] / 2, box["y"] + 30)
    page.mouse.down()
    page.mouse.move(box["x"] + box["width"] / 2 - 300, box["y"] + 30, steps=8)
    page.mouse.up()
    watched.until(lambda: watched.labels() != before)
    assert watched.errors == []


def test_entity_filters_everything_and_goes_in_the_url(browser: Any, server: str) -> None:
    watched = Watched(browser, server)
    page = watched.page
    axis_before = page.locator("#axis-count").inner_text()
    entity = page.locator("#entities .entity").nth(0)
    name = entity.locator(".name").inner_text()
    entity.click()
    watched.until(lambda: "entity" in watched.query())
    watched.until(lambda: page.locator("#axis-count").inner_text() != axis_before)
    assert entity.get_attribute("aria-pressed") == "true"
    assert name in page.locator("#active").inner_text()
    entity_id = watched.query()["entity"][0]
    found = httpx.get(f"{server}/v1/entities", params={"q": name, "limit": 50}, timeout=60).json()["items"]
    names = {n for e in found if e["id"] == entity_id for n in [e["name"], *e["aliases"]]}
    page.wait_for_selector("#entries .event", timeout=LOAD)
    open_evidence(watched)
    # The event's actors or its evidence name the entity, under one of its names.
    shown = page.locator("#detail").inner_text().casefold()
    assert names and any(n.casefold() in shown for n in names), (names, shown)
    # Clearing the filter (its chip) brings the whole story back.
    page.locator("#active .chip").first.click()
    watched.until(lambda: "entity" not in watched.query())
    watched.until(lambda: page.locator("#axis-count").inner_text() == axis_before)
    assert watched.errors == []


def test_evidence_opens_with_outlet_and_highlight_in_the_article(browser: Any, server: str) -> None:
    watched = Watched(browser, server)
    page = watched.page
    open_evidence(watched)
    detail = page.locator("#detail")
    assert detail.is_visible()
    line = detail.locator(".evidence .article-line").first.inner_text()
    assert any(outlet in line for outlet in ("Valmora Courier", "Northern Wire Service", "Estrany"))
    assert "2025" in line
    assert detail.locator(".evidence mark.when").count() >= 1
    assert "event" in watched.query()
    detail.locator(".evidence button.link").first.click()
    page.wait_for_selector("#article-text mark.sentence", timeout=30_000)
    dialog = page.locator("#article")
    assert dialog.is_visible()
    mark = page.locator("#article-text mark.sentence")
    # The sentence is in the text, in view inside the dialog, with its time expression marked.
    evidence = detail.locator(".evidence blockquote").first.inner_text()
    assert mark.inner_text().strip() == evidence.strip()
    shown = page.locator("#article-text").bounding_box()
    at = mark.bounding_box()
    assert shown["y"] <= at["y"] and at["y"] + min(at["height"], 40) <= shown["y"] + shown["height"]
    assert page.locator("#article-text mark.sentence mark.when").count() == 1
    page.keyboard.press("Escape")
    watched.until(lambda: not dialog.is_visible())
    assert watched.errors == []


def test_dates_filter_the_key_dates_and_the_axis(browser: Any, server: str) -> None:
    watched = Watched(browser, server)
    page = watched.page
    axis_before = page.locator("#axis-count").inner_text()
    page.fill("#since", "2025-04")
    page.click("#filters button[type=submit]")
    watched.until(lambda: watched.query().get("since") == ["2025-04"])
    watched.until(lambda: page.locator("#axis-count").inner_text() != axis_before)
    ids = [i for i in page.locator("#entries .entry").evaluate_all("nodes => nodes.map((n) => n.id)")]
    assert ids and all(i >= "d-2025-04" for i in ids), ids
    page.fill("#since", "April")  # not a date: the form refuses it and nothing changes
    page.click("#filters button[type=submit]")
    page.wait_for_timeout(300)
    assert watched.query().get("since") == ["2025-04"]
    assert watched.errors == []


def test_a_search_lists_the_articles_that_hold_its_words(browser: Any, server: str) -> None:
    watched = Watched(browser, server)
    page = watched.page
    assert page.locator("#found").is_hidden()
    page.fill("#q", "court")
    page.click("#filters button[type=submit]")
    page.wait_for_selector("#found-list li mark", timeout=LOAD)
    marks = page.locator("#found-list mark").all_inner_texts()
    assert marks and all(m.lower().startswith("court") for m in marks), marks
    assert "articles hold" in page.locator("#found-count").inner_text() or "article holds" in \
        page.locator("#found-count").inner_text()
    page.locator("#found-list button.link").first.click()
    page.wait_for_selector("#article-text", timeout=LOAD)
    assert "court" in page.locator("#article-text").inner_text().lower()
    page.keyboard.press("Escape")
    page.click("#reset")
    watched.until(lambda: page.locator("#found").is_hidden())
    assert watched.errors == []


def test_a_shared_url_restores_filters_and_the_open_event(browser: Any, server: str) -> None:
    first = Watched(browser, server)
    page = first.page
    page.select_option("#stance", "denies")
    first.until(lambda: first.query().get("stance") == ["denies"])
    open_evidence(first)
    title = page.locator("#detail h3").inner_text()
    shared = page.url
    assert "event=" in shared
    second = Watched(browser, shared)
    other = second.page
    other.wait_for_selector("#detail h3", timeout=30_000)
    assert other.locator("#detail h3").inner_text() == title
    assert other.locator("#stance").input_value() == "denies"
    second.until(lambda: all(t == "denies" for t in other.locator("#claims .claim .stance").all_text_contents()))
    assert other.locator("#claims .claim").count() >= 1
    # Back closes the event; forward opens it again.
    page.go_back()
    first.until(lambda: not page.locator("#detail").is_visible())
    assert first.errors == [] and second.errors == []


def test_a_token_in_the_address_does_not_stay_there(browser: Any, server: str) -> None:
    watched = Watched(browser, f"{server}/?token=0123456789abcdef-not-real&stance=denies")
    watched.until(lambda: "token" not in watched.query())
    assert watched.query().get("stance") == ["denies"]


def test_claims_are_paged_and_filtered_by_speaker(browser: Any, server: str) -> None:
    watched = Watched(browser, server)
    page = watched.page
    total = httpx.get(f"{server}/v1/claims", params={"limit": 1}, timeout=60).json()["total"]
    assert f"{total} claim" in page.locator("#claims-count").inner_text()
    assert page.locator("#claims .claim").count() <= 20
    more = page.locator("#more-claims")
    if total > 20:
        shown = page.locator("#claims .claim").count()
        more.click()
        watched.until(lambda: page.locator("#claims .claim").count() > shown)
    speaker = page.locator("#claims .claim .who").first.inner_text()
    page.locator("#claims .claim .who").first.click()
    watched.until(lambda: watched.query().get("speaker") == [speaker])
    assert page.locator("#speaker").input_value() == speaker
    said = httpx.get(f"{server}/v1/claims", params={"speaker": speaker, "limit": 1}, timeout=60).json()["total"]
    assert 1 <= said < total
    watched.until(lambda: page.locator("#claims-count").inner_text().startswith(f"{said} claim"))
    assert 1 <= page.locator("#claims .claim").count() <= said
    assert watched.errors == []


def test_keyboard_reaches_events_on_the_list_and_the_axis(browser: Any, server: str) -> None:
    watched = Watched(browser, server)
    page = watched.page
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.className") == "skip"
    page.locator("#entries .summary").first.focus()
    page.keyboard.press("Enter")
    page.wait_for_selector("#detail:not([hidden]) h3", timeout=30_000)
    page.keyboard.press("Escape")  # the open event has the focus; Escape closes it and goes back
    watched.until(lambda: not page.locator("#detail").is_visible())
    assert page.evaluate("document.activeElement.className") == "summary"
    # The axis is one tab stop; arrows walk its events.
    page.locator("#axis").focus()
    page.keyboard.press("ArrowRight")
    page.keyboard.press("ArrowRight")
    focused = page.locator("#axis .axis-item:focus")
    assert focused.count() == 1
    label = focused.get_attribute("aria-label") or ""
    assert focused.get_attribute("role") == "button" and label
    page.keyboard.press("Enter")
    page.wait_for_selector("#detail:not([hidden]) h3", timeout=30_000)
    assert page.locator("#detail h3").inner_text() in label
    assert watched.errors == []


# Payloads in every field an article brings: text, title, outlet and URL.
PAYLOADS = [
    '<script>window.__pwned="script"</script>',
    '<img src=x onerror="window.__pwned=\'img\'">',
    '<svg onload="window.__pwned=\'svg\'"><circle r=5></circle></svg>',
    '<a href="javascript:window.__pwned=\'link\'">click</a>',
    '<iframe srcdoc="<script>parent.__pwned=1</script>"></iframe>',
]


@pytest.fixture(scope="module")
def hostile_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    folder = tmp_path_factory.mktemp("hostile")
    articles = folder / "articles"
    articles.mkdir()
    for n, payload in enumerate(PAYLOADS):
        url = "javascript:window.__pwned='url'" if n % 2 == 0 else f"https://example.org/story/{n}"
        (articles / f"hostile-{n}.txt").write_text(
            f"---\ndate: 2025-03-2{n}\nsource: {payload}\ntitle: {payload}\nurl: {url}\n---\n"
            f"The council of Valmora met on {n + 10} March 2025 to discuss {payload} the harbour.\n"
            f'"We reject {payload} entirely," the mayor said on {n + 10} March 2025.\n',
            encoding="utf-8",
        )
    db = folder / "hostile.db"
    with Chronicle(db) as story:
        story.ingest([articles])
    with serving(create_app(db)) as url:
        yield url


def test_hostile_article_text_stays_text(browser: Any, hostile_server: str) -> None:
    watched = Watched(browser, hostile_server)
    page = watched.page
    summaries = page.locator("#entries .summary")
    hrefs: list[str] = []
    for n in range(summaries.count()):
        summaries.nth(n).click()
        page.wait_for_selector("#detail .evidence", timeout=30_000)
        hrefs += page.locator("a[href]").evaluate_all("links => links.map((a) => a.href)")
        for m in range(page.locator("#detail .evidence button.link").count()):
            page.locator("#detail .evidence button.link").nth(m).click()
            page.wait_for_selector("#article-text mark", timeout=30_000)
            page.keyboard.press("Escape")
    # The search's passages are article text too.
    page.fill("#q", "harbour")
    page.click("#filters button[type=submit]")
    page.wait_for_selector("#found-list li mark", timeout=LOAD)
    assert page.evaluate("window.__pwned") is None
    for tag in ("script", "img", "svg", "iframe"):
        assert page.locator(f"body main {tag}, #axis {tag}, dialog {tag}").count() == 0, tag
    # Only http(s) URLs become links.
    assert hrefs and all(h.startswith(("http://", "https://")) for h in hrefs), hrefs
    assert any("example.org" in h for h in hrefs)
    text = page.locator("body").inner_text()
    assert "onerror=" in text and "<svg" in text
    assert watched.errors == []


T17 = Path(__file__).resolve().parents[2] / ".." / "shared" / "bench" / "t17" / "bpoil_guardian"


@pytest.mark.slow
def test_a_real_300_article_story_fits_in_5000_pixels(browser: Any, tmp_path: Path) -> None:
    if not T17.exists():
        pytest.skip("../shared/bench/t17 is not here")
    db = tmp_path / "t17.db"
    with Chronicle(db) as story:
        story.ingest([T17], format="t17")
    with serving(create_app(db)) as url:
        # A new store's views are computed on first request (minutes at this size), then cached.
        for params in ({}, {"all": "true"}):
            assert httpx.get(f"{url}/v1/timeline", params=params, timeout=900).status_code == 200
        started = time.monotonic()
        watched = Watched(browser, url, width=1400)
        assert time.monotonic() - started < 60
        page = watched.page
        height = page.evaluate("document.documentElement.scrollHeight")
        assert height < 5000, height
        claims = httpx.get(f"{url}/v1/claims", params={"limit": 1}, timeout=300).json()["total"]
        assert claims > 500  # the claims are there, paged
        assert page.locator("#claims .claim").count() <= 20
        # The axis opens on the story, not on decades of background.
        labels = " ".join(watched.labels())
        assert "2010" in labels and "1950" not in labels
        before = watched.labels()
        page.click("#zoom-all")
        watched.until(lambda: watched.labels() != before)
        page.click("#entities .entity >> nth=0")
        watched.until(lambda: "entity" in watched.query(), timeout=300)
        page.wait_for_selector("#entries .event", timeout=LOAD)
        open_evidence(watched)
        assert page.locator("#detail .evidence .outlet").first.inner_text() == "guardian"
        height = page.evaluate("document.documentElement.scrollHeight")
        assert height < 5000, height
        assert watched.errors == []
        # On a tablet and a phone the columns stack: still one screenful of each part, not all.
        for width in (900, 400):
            narrow = Watched(browser, url, width=width)
            narrow.page.wait_for_selector("#claims .claim", timeout=LOAD)
            height = narrow.page.evaluate("document.documentElement.scrollHeight")
            assert height < 5000, (width, height)
            assert narrow.errors == []


def test_api_docs_work_offline_under_the_csp(browser: Any, server: str) -> None:
    page = browser.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
    outside: list[str] = []
    page.on("request", lambda r: outside.append(r.url) if not r.url.startswith((server, "data:")) else None)
    page.goto(f"{server}/docs")
    page.wait_for_selector(".opblock", timeout=60_000)
    assert page.locator(".opblock").count() >= 10
    assert page.locator(".opblock", has_text="/v1/timeline").count() >= 1
    assert outside == [] and errors == []


# -- adding articles from the page ---------------------------------------------------------

TOKEN = "a-page-test-token-of-32-chars-xx"
# Two articles of our own, an accusation and its denial: once both are in, the story has a
# disagreement between a singular speaker and a plural one.
ACCUSATION = (" date 2025-05-02 \nThe Valmora Ferry Company said on Friday that striking crews had sabotaged "
              "the harbour cranes overnight.\n")
DENIAL = (" date 2025-05-03 \nStriking ferry crews denied accusations that they had sabotaged the harbour "
          "cranes overnight.\nDock inspectors said the harbour cranes would be repaired by Monday.\n")
HOSTILE_NAME = "<img src=x onerror=alert(1)>.txt"


def refused(watched: Watched, status: int) -> list[str]:
    """The page's errors but the browser's own note of an answer the test asked for."""
    return [e for e in watched.errors if f"status of {status}" not in e]


def text_of(watched: Watched, selector: str) -> str:
    return str(watched.page.locator(selector).inner_text())


@pytest.fixture(scope="module")
def writable_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    folder = tmp_path_factory.mktemp("writable")
    db = folder / "story.db"
    with Chronicle(db) as story:
        story.ingest([ROOT / "examples" / "harbor-strike" / "2025-03-01-dockworkers-vote-to-strike.txt"])
    config = ServeConfig(token=TOKEN, max_upload_bytes=200_000)
    with serving(create_app(db, config=config)) as url:
        yield url


def test_the_upload_button_adds_no_height_and_opens_a_labelled_dialog(browser: Any, writable_server: str) -> None:
    watched = Watched(browser, writable_server)
    page = watched.page
    # On the title's line, at every width: the first screen is as tall as without it.
    for width in (1400, 400):
        page.set_viewport_size({"width": width, "height": 900})
        title = page.locator("header h1").bounding_box()
        opener = page.locator("#upload-open").bounding_box()
        assert title["y"] <= opener["y"] and opener["y"] + opener["height"] <= title["y"] + title["height"]
    assert page.locator("#upload").is_hidden()
    page.locator("#upload-open").focus()
    page.keyboard.press("Enter")
    watched.until(lambda: page.locator("#upload").is_visible())
    assert page.evaluate("document.activeElement.id") == "upload-files"
    assert page.locator("label[for=upload-files]").inner_text() == "Files"
    assert page.locator("label[for=upload-token]").inner_text() == "API token"
    assert page.locator("#upload-token").get_attribute("type") == "password"
    assert page.locator("#upload-status").get_attribute("role") == "status"
    page.keyboard.press("Escape")
    watched.until(lambda: page.locator("#upload").is_hidden())
    assert page.evaluate("document.activeElement.id") == "upload-open"
    assert watched.errors == []


def test_an_upload_needs_the_right_token_then_shows_each_file_and_the_new_events(
    browser: Any, writable_server: str, tmp_path: Path
) -> None:
    files = {"ferry-accusation.txt": ACCUSATION, "crews-deny.txt": DENIAL, "empty.txt": "", HOSTILE_NAME: ""}
    for name, text in files.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    watched = Watched(browser, f"{writable_server}/?stance=asserts")
    page = watched.page
    alerts: list[str] = []
    page.on("dialog", lambda dialog: (alerts.append(dialog.message), dialog.dismiss()))
    axis_before = text_of(watched, "#axis-count")
    page.click("#upload-open")
    page.set_input_files("#upload-files", [str(tmp_path / name) for name in files])
    # No token, then a wrong one (typed and sent from the keyboard): each says what is wrong.
    page.click("#upload-send")
    watched.until(lambda: "Token needed" in text_of(watched, "#upload-error"))
    page.locator("#upload-files").focus()
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.id") == "upload-token"
    page.keyboard.type("not-the-token-of-this-server")
    page.keyboard.press("Enter")
    watched.until(lambda: "Wrong token" in text_of(watched, "#upload-error"))
    assert page.evaluate("sessionStorage.getItem('chronicle.token')") is None
    assert page.locator("#upload-result").is_hidden()
    page.fill("#upload-token", TOKEN)
    page.click("#upload-send")
    watched.until(lambda: "the page shows the new articles" in text_of(watched, "#upload-status"), timeout=LOAD / 1000)
    assert text_of(watched, "#upload-error") == ""
    summary = text_of(watched, "#upload-summary")
    assert "2 articles added" in summary and "2 rejected" in summary, summary
    rejected = page.locator("#upload-rejected li").all_inner_texts()
    assert sorted(rejected) == sorted([f"{HOSTILE_NAME}: empty file", "empty.txt: empty file"]), rejected
    # The hostile name is text: no element was made of it and nothing ran.
    assert page.locator("#upload-rejected .file").all_inner_texts().count(HOSTILE_NAME) == 1
    assert page.locator("#upload img, #upload script").count() == 0
    assert alerts == [] and page.evaluate("window.__pwned") is None
    # The token is kept in this tab, never in the address; the address keeps the page's state.
    assert page.evaluate("sessionStorage.getItem('chronicle.token')") == TOKEN
    assert "token" not in page.url and watched.query() == {"stance": ["asserts"]}
    page.keyboard.press("Escape")
    watched.until(lambda: page.locator("#upload").is_hidden())
    # The views were made again: the new articles' events and their disagreement are on the page.
    assert "2 May 2025" in page.locator("#entries .date").all_inner_texts()
    assert "The Valmora Ferry Company said on Friday" in text_of(watched, "#entries")
    assert text_of(watched, "#axis-count") != axis_before
    assert "3 articles" in text_of(watched, "#story")
    sides = page.locator("#disagreements .side .who").all_inner_texts()
    assert "Striking ferry crews deny: " in sides and "The Valmora Ferry Company asserts: " in sides, sides
    assert refused(watched, 401) == []


def refusal(browser: Any, url: str, article: Path) -> tuple[str, Watched]:
    """What the page says when the server at ``url`` refuses an upload of ``article`` with the token."""
    watched = Watched(browser, url)
    page = watched.page
    page.click("#upload-open")
    page.set_input_files("#upload-files", str(article))
    page.fill("#upload-token", TOKEN)
    page.click("#upload-send")
    watched.until(lambda: bool(text_of(watched, "#upload-error")))
    assert page.locator("#upload-result").is_hidden()
    return text_of(watched, "#upload-error"), watched


def test_an_upload_over_the_limit_says_the_limit_in_words(browser: Any, writable_server: str, tmp_path: Path) -> None:
    big = tmp_path / "big.txt"
    big.write_text(" date 2025-05-04 \n" + "The harbour was quiet. " * 20_000, encoding="utf-8")
    said, watched = refusal(browser, writable_server, big)
    assert said == "The upload is too large (449 KB): this server takes at most 195 KB in one upload."
    assert refused(watched, 413) == []


def test_a_server_without_a_token_says_it_takes_no_uploads(browser: Any, server: str, tmp_path: Path) -> None:
    article = tmp_path / "ferry.txt"
    article.write_text(ACCUSATION, encoding="utf-8")
    said, watched = refusal(browser, server, article)
    assert said.startswith("Token needed, and this server has none"), said
    assert refused(watched, 403) == []


# The verb after a speaker agrees with it; a capitalised last word is a name, and one party.
VERBS = [
    ("nearly 50 countries", "condemns", "condemn"),
    ("Striking ferry crews", "denies", "deny"),
    ("a chorus of critics", "asserts", "assert"),
    ("the police", "denies", "deny"),
    ("local people", "asserts", "assert"),
    ("two women", "condemns", "condemn"),
    ("the United States", "condemns", "condemns"),
    ("Reuters", "asserts", "asserts"),
    ("the Philippines", "denies", "denies"),
    ("the union", "denies", "denies"),
    ("the press", "asserts", "asserts"),
    ("the campus", "asserts", "asserts"),
    ("the analysis", "asserts", "asserts"),
    ("unknown speaker", "condemns", "condemns"),
    ("Officials", "asserts", "assert"),          # a plural opening the sentence, capitalised
    ("Thomas", "asserts", "asserts"),
]


@pytest.fixture(scope="module")
def script_page(browser: Any, server: str) -> Any:
    page = browser.new_page()
    page.goto(server)
    return page


@pytest.mark.parametrize(("speaker", "stance", "verb"), VERBS)
def test_the_stance_verb_agrees_with_its_speaker(script_page: Any, speaker: str, stance: str, verb: str) -> None:
    assert script_page.evaluate("([speaker, stance]) => stanceVerb(speaker, stance)", [speaker, stance]) == verb


def test_the_key_dates_say_how_many_articles_they_set_aside(script_page: Any) -> None:
    note = script_page.evaluate("""() => {
      renderSetAside(["a", "b"]);
      const shown = [document.getElementById("set-aside").hidden, document.getElementById("set-aside").textContent];
      renderSetAside([]);
      return [...shown, document.getElementById("set-aside").hidden];
    }""")
    assert note == [False, "2 articles look off the story most articles are about and are left out of the key dates; "
                    "the time axis shows every dated event.", True]
