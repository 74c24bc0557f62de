"""A real chronicle server on localhost over a store of the sample corpus."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
import uvicorn

from chronicle import Chronicle
from chronicle.web import create_app

ROOT = Path(__file__).resolve().parents[2]
HOSTILE = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script>'


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="session")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    folder = tmp_path_factory.mktemp("web")
    db = folder / "story.db"
    hostile = folder / "hostile.txt"
    hostile.write_text(
        "---\ndate: 2025-03-20\nsource: " + HOSTILE + "\ntitle: " + HOSTILE + "\n---\n"
        "Officials said on Wednesday that " + HOSTILE + " talks resumed at the port of Valmora.",
        encoding="utf-8",
    )
    with Chronicle(db) as story:
        story.ingest([ROOT / "examples" / "harbor-strike", hostile])
    with serving(create_app(db)) as url:
        yield url


@contextmanager
def serving(app: Any) -> Iterator[str]:
    """``app`` served by uvicorn on a free localhost port, for as long as the block runs."""
    port = _free_port()
    config = uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning")
    instance = uvicorn.Server(config)
    thread = threading.Thread(target=instance.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not instance.started:
        if time.monotonic() > deadline:
            raise RuntimeError("server did not start")
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        instance.should_exit = True
        thread.join(timeout=10)
