"""``chronicle eval quotes``: attribution (quote) extraction scored on PolNeAR-style JSONL.

An input whose records carry no ``attributions`` is only run through the extractor (predictions
are written, nothing is scored); otherwise per-role exact and token-overlap P/R/F1 are printed,
computed as the benchmark's scorer computes them (see :mod:`chronicle.evaluation.polnear`).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import click
from rich.console import Console
from rich.table import Table

__all__ = ["quotes"]

_PIPED_WIDTH = 120


def _console() -> Console:
    console = Console(highlight=False)
    if not console.is_terminal:
        console = Console(highlight=False, width=_PIPED_WIDTH)
    return console


def _table(res: dict[str, Any]) -> Table:
    from chronicle.evaluation.polnear import ROLES

    table = Table(title="PolNeAR attribution scores (article mode)", title_justify="left")
    for col in ("role", "gold", "pred", "exact P", "exact R", "exact F1", "overlap P", "overlap R", "overlap F1"):
        table.add_column(col, justify="left" if col == "role" else "right")
    rows = [(r, res["roles"][r]) for r in ROLES] + [("attribution", res["attribution"])]
    for name, x in rows:
        table.add_row(
            name,
            str(x["n_gold"]),
            str(x["n_pred"]),
            *(f"{100 * x['exact'][k]:.1f}" for k in "prf"),
            *(f"{100 * x['overlap'][k]:.1f}" for k in "prf"),
        )
    return table


@click.command("quotes")
@click.argument("data", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option(
    "--predictions",
    "predictions",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help=("Where to write predictions (JSONL, the benchmark's format); default <DATA's name>.pred.jsonl in "
          "the current folder (never beside the benchmark's data)."),
)
@click.option("--batch-size", default=16, show_default=True, help="spaCy nlp.pipe batch size.")
@click.option("--json", "json_out", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Also write the full score report as JSON here.")
def quotes(data: Path, predictions: Path | None, batch_size: int, json_out: Path | None) -> None:
    """Extract attributions from DATA.jsonl and score them if DATA is annotated."""
    # Heavy imports here so that `chronicle --help` does not load spaCy.
    from chronicle.evaluation.polnear import load_jsonl, predict, score_articles, write_jsonl
    from chronicle.extract.pipeline import build_nlp

    console = _console()
    records = load_jsonl(data)
    # The product's own parse (chronicle's sentence and morphology steps), none of its components:
    # predict() finds the attributions itself.
    nlp = build_nlp(components=())
    preds = list(predict(records, nlp, batch_size=batch_size))
    # Beside the data would write into the benchmark's folder, which is not ours to change.
    out = predictions or Path.cwd() / data.with_suffix(".pred.jsonl").name
    write_jsonl(out, preds)
    console.print(f"wrote {len(preds)} prediction lines to {out}")
    if not records or not all("attributions" in r for r in records):
        console.print("input has no gold attributions: nothing scored")
        return
    res = score_articles(records, preds)
    console.print(_table(res))
    if json_out is not None:
        json_out.write_text(json.dumps(res, indent=1), encoding="utf-8")
