"""Worker processes die with their parent, also when it is killed with SIGKILL."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from chronicle.extract.workers import WATCH_INTERVAL

SRC = str(Path(__file__).resolve().parents[2] / "src")

# A parent that forks a worker (as the analysis pool does), says the worker's pid and waits.
_PARENT = """
    import os, sys, threading, time
    from chronicle.extract.workers import die_with_parent
    parent = os.getpid()
    def fork() -> None:
        child = os.fork()
        if child == 0:
            die_with_parent(parent, from_main_thread=sys.argv[1] == "main")
            time.sleep(600)  # a long parse
            os._exit(0)
        print(child, flush=True)
    if sys.argv[1] == "main":
        fork()
    else:  # forked from a thread that has ended: only the watchdog can tell
        thread = threading.Thread(target=fork)
        thread.start()
        thread.join()
    time.sleep(600)
"""


def _alive(pid: int) -> bool:
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return False
    return stat[stat.rindex(")") + 2] != "Z"


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")
@pytest.mark.parametrize("forked_from", ["main", "thread"])
def test_a_worker_ends_when_its_parent_is_killed(forked_from: str) -> None:
    parent = subprocess.Popen([sys.executable, "-c", textwrap.dedent(_PARENT), forked_from], text=True,
                              stdout=subprocess.PIPE, env={**os.environ, "PYTHONPATH": SRC})
    assert parent.stdout is not None
    worker = int(parent.stdout.readline())
    time.sleep(2 * WATCH_INTERVAL)
    assert _alive(worker)  # the thread's end alone does not end it
    parent.send_signal(signal.SIGKILL)
    parent.wait()
    deadline = time.monotonic() + 10 * WATCH_INTERVAL
    while _alive(worker) and time.monotonic() < deadline:
        time.sleep(0.05)
    if _alive(worker):
        os.kill(worker, signal.SIGKILL)
        pytest.fail("the worker outlived its killed parent")
