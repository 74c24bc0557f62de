"""The web page in a real browser (Debian's chromium, driven by Playwright)."""

from __future__ import annotations

import os
import shutil
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from .conftest import HOSTILE

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--no-first-run", "--disable-sync", "--disable-quic"]


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


def test_timeline_renders_and_expands_evidence(browser: Any, server: str, tmp_path: Path) -> None:
    page = browser.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.goto(server)
    page.wait_for_selector(".entry .event", timeout=120_000)
    assert page.locator("#d-2025-03-03").count() == 1
    assert page.locator("#axis button").count() == page.locator(".entry").count()
    first = page.locator(".event").first
    assert not first.locator(".evidence").is_visible()
    first.click()
    assert first.locator(".evidence blockquote").first.is_visible()
    page.screenshot(path=str(tmp_path / "page.png"), full_page=True)
    assert (tmp_path / "page.png").stat().st_size > 10_000
    assert errors == []


def test_hostile_article_text_stays_text(browser: Any, server: str) -> None:
    page = browser.new_page()
    page.goto(server)
    page.wait_for_selector(".entry .event", timeout=120_000)
    assert page.evaluate("window.__pwned") is None
    assert page.locator("#timeline img").count() == 0
    body = page.locator("body").inner_text()
    assert "onerror=" in body or HOSTILE not in page.content()


def test_query_filters_the_timeline(browser: Any, server: str) -> None:
    page = browser.new_page()
    page.goto(server)
    page.wait_for_selector(".entry .event", timeout=120_000)
    before = page.locator(".event").count()
    page.fill("#query", "court")
    page.click("#filters button")
    # Polled from here: the page's CSP rightly forbids the eval that wait_for_function needs.
    deadline = time.monotonic() + 120
    while page.locator(".event").count() >= before and time.monotonic() < deadline:
        page.wait_for_timeout(100)
    assert page.locator(".event").count() < before
    summaries = page.locator(".event").all_inner_texts()
    assert summaries
    for text in page.locator(".event .evidence").all_text_contents():
        assert "court" in text.lower()
