"""Render the sample corpus's web page to docs/timeline.png (the picture in the README).

    python scripts/screenshot.py
"""

from __future__ import annotations

import socket
import sys
import tempfile
import threading
import time
from pathlib import Path

import uvicorn
from playwright.sync_api import sync_playwright

from chronicle import Chronicle
from chronicle.web import create_app

ROOT = Path(__file__).resolve().parents[1]


def main() -> int:
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "story.db"
        with Chronicle(db) as story:
            story.ingest([ROOT / "examples" / "harbor-strike"])
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            port = s.getsockname()[1]
        server = uvicorn.Server(uvicorn.Config(create_app(db), host="127.0.0.1", port=port, log_level="warning"))
        threading.Thread(target=server.run, daemon=True).start()
        while not server.started:
            time.sleep(0.05)
        with sync_playwright() as p:
            browser = p.chromium.launch(
                executable_path="/usr/bin/chromium",
                args=["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"],
            )
            page = browser.new_page(viewport={"width": 1280, "height": 900})
            page.goto(f"http://127.0.0.1:{port}/")
            page.wait_for_selector(".entry .event", timeout=120_000)
            page.locator(".event").nth(2).click()
            page.screenshot(path=str(ROOT / "docs" / "timeline.png"))
            browser.close()
        server.should_exit = True
    print("wrote docs/timeline.png")
    return 0


if __name__ == "__main__":
    sys.exit(main())
