"""A server makes the page's views ahead of its first visitor, and still stops at once."""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest

from chronicle import Chronicle
from chronicle.models import TimelineOptions
from chronicle.views import StoryViews, Warmer

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "examples" / "harbor-strike"


def _store(tmp_path: Path) -> Path:
    db = tmp_path / "s.db"
    with Chronicle(db) as story:
        story.ingest([SAMPLE])  # not analysed: warming has the language model to run
    return db


def _children(pid: int) -> list[int]:
    found = subprocess.run(["pgrep", "-P", str(pid)], capture_output=True, text=True).stdout.split()
    return [int(p) for p in found]


def test_the_warmer_makes_the_views_in_another_process(tmp_path: Path) -> None:
    db = _store(tmp_path)
    warmer = Warmer(db)
    warmer.start()
    served = StoryViews(db)
    # The request waits for the warmer's lease and reads what it made.
    assert served.timeline(TimelineOptions(), claims=False)[1]["entries"]
    deadline = time.monotonic() + 300
    while warmer._process is not None and warmer._process.is_alive():
        assert time.monotonic() < deadline
        time.sleep(0.2)
    warmer.stop()
    assert served.record()["entities"]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.mark.parametrize("stop", [signal.SIGTERM, signal.SIGINT])
def test_serve_stops_at_once_while_it_warms(tmp_path: Path, stop: signal.Signals) -> None:
    db = _store(tmp_path)
    chronicle = shutil.which("chronicle", path=str(Path(sys.executable).parent)) or "chronicle"
    env = {**os.environ, "PATH": str(Path(sys.executable).parent), "PYTHONPATH": str(ROOT / "src")}
    port = _free_port()
    server = subprocess.Popen([chronicle, "serve", "--db", str(db), "--port", str(port)], env=env,
                              stderr=subprocess.PIPE, text=True)
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                httpx.get(f"http://127.0.0.1:{port}/v1/story", timeout=5)
                break
            except httpx.TransportError:
                assert time.monotonic() < deadline, "the server did not start"
                time.sleep(0.2)
        warming = _children(server.pid)
        assert warming, "no warming process"
        server.send_signal(stop)
        server.wait(timeout=20)
    finally:
        if server.poll() is None:
            server.kill()
            server.wait()
    assert "Traceback" not in (server.stderr.read() if server.stderr else "")
    deadline = time.monotonic() + 10
    while left := [_command(p) for p in warming if Path(f"/proc/{p}").exists() and _command(p)]:
        assert time.monotonic() < deadline, left
        time.sleep(0.2)


def _command(pid: int) -> str:
    try:
        return Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode()
    except OSError:
        return ""
