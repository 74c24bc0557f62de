"""Worker processes that die with their parent.

A forked worker outlives a parent killed with SIGKILL: nothing tells it, and it finishes
its task (minutes of parsing, a few hundred MB) before it finds the pipe gone. Each worker
therefore asks the kernel for SIGKILL when its parent goes (Linux ``PR_SET_PDEATHSIG``) and
keeps a watchdog thread that exits when its parent changes, which also covers systems
without ``prctl`` and a parent that died before the request was made.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import os
import signal
import sys
import threading
import time

__all__ = ["die_with_parent"]

_PR_SET_PDEATHSIG = 1
#: How often the watchdog looks at its parent, in seconds.
WATCH_INTERVAL = 0.5


def die_with_parent(parent: int, *, from_main_thread: bool = True) -> None:
    """Make this (forked) process end when the process ``parent`` does.

    ``from_main_thread`` says the parent forked from its main thread: the kernel's death
    signal follows the forking *thread*, so a worker forked from a short-lived thread relies
    on the watchdog alone.
    """
    if from_main_thread and sys.platform.startswith("linux"):
        _set_pdeathsig(signal.SIGKILL)
    if os.getppid() != parent:  # the parent was gone before we asked
        os._exit(1)
    threading.Thread(target=_watch, args=(parent,), name="chronicle-parent-watchdog", daemon=True).start()


def _set_pdeathsig(sig: int) -> None:
    name = ctypes.util.find_library("c")
    if name is None:
        return
    try:
        libc = ctypes.CDLL(name, use_errno=True)
        libc.prctl(_PR_SET_PDEATHSIG, int(sig), 0, 0, 0)
    except (OSError, AttributeError):  # no prctl here: the watchdog does the work
        return


def _watch(parent: int) -> None:
    while True:
        time.sleep(WATCH_INTERVAL)
        if os.getppid() != parent:
            # os._exit, not sys.exit: a thread cannot end its process otherwise, and nothing of
            # a worker's state is worth flushing once the parent that wanted it is gone.
            os._exit(1)
