"""``chronicle eval dates``: the dates of real news against our hand-made gold (Timeline17 dev)."""

from __future__ import annotations

from pathlib import Path

import click

__all__ = ["dates"]


@click.command("dates")
@click.argument("gold", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.argument("t17_root", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option("--mismatches", default=40, show_default=True, help="Mismatches to list (0: none, -1: all).")
def dates(gold: Path, t17_root: Path, mismatches: int) -> None:
    """Score the dates chronicle gives the GOLD expressions (tests/extract/real_news_dates.tsv)
    in the articles under T17_ROOT (../shared/bench/t17): accuracy and wrong years."""
    from chronicle.evaluation.dates import format_report, load_gold, product_resolve, score_dates

    scores = score_dates(load_gold(gold), t17_root, product_resolve)
    click.echo(format_report(scores, mismatches=None if mismatches < 0 else mismatches))
