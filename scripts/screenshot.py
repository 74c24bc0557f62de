"""Render the web page on a real 300-article story to docs/screenshot.png (the picture in the README).

    python scripts/screenshot.py [TOPIC_FOLDER] [--db STORE]

TOPIC_FOLDER defaults to Timeline17's bpoil_guardian (287 Guardian articles on the 2010 Gulf of
Mexico oil spill) from ../shared; the picture shows the first screen with one event's evidence open.
--db reuses (or keeps) the store, so a second run does not ingest again.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

from playwright.sync_api import sync_playwright

from chronicle import Chronicle
from chronicle.web import create_app

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.web.conftest import serving  # noqa: E402  (the test suite's server, not a second copy)

TOPIC = ROOT / ".." / "shared" / "bench" / "t17" / "bpoil_guardian"
OUT = ROOT / "docs" / "screenshot.png"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("topic", nargs="?", type=Path, default=TOPIC)
    parser.add_argument("--db", type=Path)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        db = args.db or Path(tmp) / "story.db"
        if not db.exists():
            with Chronicle(db) as story:
                story.ingest([args.topic], format="t17")
        with serving(create_app(db)) as url, sync_playwright() as p:
            browser = p.chromium.launch(
                executable_path="/usr/bin/chromium",
                args=["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"],
            )
            page = browser.new_page(viewport={"width": 1400, "height": 1000})
            page.goto(url)
            page.wait_for_selector("#entries .event", timeout=600_000)
            page.wait_for_selector("#claims .claim", timeout=600_000)
            page.wait_for_selector("#axis .vis-item", timeout=60_000)
            page.locator("#entries .summary").nth(1).click()
            page.wait_for_selector("#detail .evidence", timeout=60_000)
            page.wait_for_timeout(1500)  # the headlines that come from the articles' first lines
            page.evaluate("window.scrollTo(0, 0)")
            page.wait_for_timeout(500)
            page.screenshot(path=str(OUT))
            height = page.evaluate("document.documentElement.scrollHeight")
            browser.close()
    print(f"wrote {OUT.relative_to(ROOT)} ({OUT.stat().st_size // 1024} KB); page height {height} px")
    return 0


if __name__ == "__main__":
    sys.exit(main())
