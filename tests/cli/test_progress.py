"""Progress of a long run when stderr is not a terminal: a plain line every few seconds."""

from __future__ import annotations

import io

import pytest
from rich.console import Console

import chronicle.cli as cli


def lines_for(steps: list[int], total: int | None, every: float) -> list[str]:
    out = io.StringIO()
    counter = cli._ProgressLines("analysing", total, Console(file=out, width=200))
    cli.PROGRESS_EVERY = every
    for n in steps:
        counter(n)
    return out.getvalue().splitlines()


@pytest.fixture(autouse=True)
def _keep_interval() -> object:
    saved = cli.PROGRESS_EVERY
    yield
    cli.PROGRESS_EVERY = saved


def test_a_line_says_done_total_rate_and_time_left() -> None:
    lines = lines_for([10, 30], total=100, every=0.0)
    assert len(lines) == 2
    assert lines[1].startswith("analysing: 40/100 articles, ")
    assert lines[1].endswith(" left") and "/s, " in lines[1]


def test_without_a_total_no_time_left_is_guessed() -> None:
    (line,) = lines_for([7], total=None, every=0.0)
    assert line.startswith("analysing: 7 articles, ") and "left" not in line


def test_a_short_run_prints_nothing() -> None:
    assert lines_for([1] * 50, total=50, every=3600.0) == []


@pytest.mark.parametrize(("seconds", "text"), [(0, "0m00s"), (59.6, "1m00s"), (754, "12m34s"), (7384, "2h03m")])
def test_durations(seconds: float, text: str) -> None:
    assert cli._duration(seconds) == text
