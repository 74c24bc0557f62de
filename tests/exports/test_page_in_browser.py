"""The standalone page in a real browser (Debian's chromium): it asks for nothing but itself and
runs nothing from a hostile article."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest

from chronicle.exports import to_html
from chronicle.models import StoryEntity, Timeline


def test_the_page_loads_nothing_and_runs_nothing(tmp_path: Path, timeline: Timeline,
                                                 entities: list[StoryEntity]) -> None:
    chromium = shutil.which("chromium")
    if chromium is None:
        pytest.skip("chromium is not installed (apt-get install chromium)")
    sync_api: Any = pytest.importorskip("playwright.sync_api")
    path = tmp_path / "story.html"
    # Were any article text to run, it would say so: every alert( of the hostile article sets a flag.
    path.write_text(to_html(timeline, entities).replace("alert(", "window.ran=1;alert("), encoding="utf-8")
    requests: list[str] = []
    dialogs: list[str] = []
    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium, args=["--headless", "--no-sandbox", "--disable-gpu"])
        page = browser.new_page()
        page.on("request", lambda r: requests.append(r.url))
        page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
        page.goto(path.as_uri())
        for summary in page.locator("details summary").all():
            summary.click()
        page.locator("a[href='#claims']").click()
        shown = page.locator("#claims").inner_text()
        ran = page.evaluate("window.ran")
        browser.close()
    assert requests == [path.as_uri()] and not dialogs and ran is None
    assert '<script>window.ran=1;alert("x")</script>' in shown
