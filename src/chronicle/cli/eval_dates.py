"""``chronicle eval dates``: the dates of real news against our hand-made gold (Timeline17 dev)."""

from __future__ import annotations

from pathlib import Path

import click

__all__ = ["dates"]


@click.command("dates")
@click.argument("gold", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.argument("t17_root", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option("--mismatches", default=40, show_default=True, help="Mismatches to list (0: none, -1: all).")
@click.option("--timelines", is_flag=True,
              help="Also build every topic's default timeline and count events put 3+ years from their "
                   "article's date by an expression naming no year.")
def dates(gold: Path, t17_root: Path, mismatches: int, timelines: bool) -> None:
    """Score the dates chronicle gives the GOLD expressions (tests/extract/real_news_dates.tsv)
    in the articles under T17_ROOT (../shared/bench/t17): accuracy and wrong years."""
    from chronicle.evaluation.dates import (
        format_report,
        load_gold,
        product_resolve,
        product_resolve_shown,
        score_dates,
    )

    items = load_gold(gold)
    scores = score_dates(items, t17_root, product_resolve)
    click.echo(format_report(scores, mismatches=None if mismatches < 0 else mismatches))
    shown = score_dates(items, t17_root, product_resolve_shown)
    click.echo("\nAs the timeline uses them (a date too doubtful to show counts as no date):")
    click.echo("\n".join(format_report(shown, mismatches=0).splitlines()[4:7]))
    if timelines:
        from chronicle.evaluation.dates import FAR_YEARS, far_dated_events

        far = far_dated_events(t17_root)
        click.echo(f"\nDefault timelines of {t17_root}: {far.far} of {far.events} events ({far.share:.1%}) are put "
                   f"{FAR_YEARS}+ years from their article's date by an expression naming no year")
        for topic, date, article, expression in far.examples[: max(mismatches, 0)]:
            click.echo(f"  {topic} {date} {article} {expression!r}")
