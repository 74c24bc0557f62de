"""``chronicle timeml``: tag TimeML documents and score them the TempEval-3 way."""

from __future__ import annotations

from pathlib import Path

import click

__all__ = ["timeml"]


@click.group("timeml")
def timeml() -> None:
    """TimeML TIMEX3 annotation and TempEval-3 Task A scoring."""


@timeml.command("annotate")
@click.argument("in_dir", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.argument("out_dir", type=click.Path(file_okay=False, path_type=Path))
def annotate(in_dir: Path, out_dir: Path) -> None:
    """Tag every *.tml of IN_DIR (its DCT as anchor) and write it under OUT_DIR."""
    from chronicle.evaluation.timeml import annotate_directory
    from chronicle.extract.timex import tag

    count = annotate_directory(in_dir, out_dir, lambda text, dct: tag(text, dct))
    click.echo(f"annotated {count} documents into {out_dir}")


@timeml.command("score")
@click.argument("gold_dir", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.argument("pred_dir", type=click.Path(exists=True, file_okay=False, path_type=Path))
def score(gold_dir: Path, pred_dir: Path) -> None:
    """Score PRED_DIR against GOLD_DIR (TempEval-3 Task A: strict/relaxed span, value, type)."""
    from chronicle.evaluation.timeml import score_directories

    scores, missing = score_directories(gold_dir, pred_dir)
    if missing:
        click.echo(f"{len(missing)} gold documents have no prediction (scored as empty)", err=True)
    click.echo(scores.report())
