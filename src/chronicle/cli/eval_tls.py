"""``chronicle eval tls``: timeline-summarization scores on Timeline17-layout data.

The scores are tilse 0.2.1's (reimplemented, equal to it) and are averaged as news-tls averages
them; see :mod:`chronicle.evaluation.tls`.
"""

from __future__ import annotations

from pathlib import Path

import click
from rich.console import Console
from rich.markup import escape
from rich.table import Table

from chronicle.evaluation.tls import (
    METRIC_LABELS,
    Report,
    TimelineBuilder,
    TimelineResult,
    TlsScores,
    evaluate_tls,
    pubcount_lead_baseline,
)

__all__ = ["tls"]

_BASELINES: dict[str, TimelineBuilder] = {"pubcount": pubcount_lead_baseline}

# Piped output has no terminal width; rich would then squeeze eleven columns into 80.
_PIPED_WIDTH = 160


def _console(*, stderr: bool = False) -> Console:
    console = Console(stderr=stderr, highlight=False)
    if not console.is_terminal:
        console = Console(stderr=stderr, highlight=False, width=_PIPED_WIDTH)
    return console


def _product_builder(err: Console, setting_pairs: tuple[tuple[str, str], ...] = ()) -> TimelineBuilder:
    # Imported here, not at module load: the engine pulls in spaCy and friends, which
    # `--baseline` runs and `--help` should not pay for, and it may not exist yet at all.
    try:
        from chronicle.engine import tls_builder
    except ImportError as exc:
        err.print(
            f"[yellow]warning:[/yellow] chronicle's timeline builder is unavailable "
            f"({escape(str(exc))}); scoring the pubcount baseline instead"
        )
        return pubcount_lead_baseline
    if not setting_pairs:
        return tls_builder
    import functools

    from chronicle.settings import DEFAULTS

    return functools.partial(tls_builder, settings=DEFAULTS.with_values(dict(setting_pairs)))


def _f_cells(scores: TlsScores) -> list[str]:
    return [f"{getattr(scores, name).f1:.3f}" for name in METRIC_LABELS]


def _timelines_table(report: Report, title: str) -> Table:
    table = Table(title=title, title_justify="left")
    table.add_column("timeline", no_wrap=True)
    table.add_column("N", justify="right")
    table.add_column("K", justify="right")
    table.add_column("dates out", justify="right")
    for label in METRIC_LABELS.values():
        table.add_column(f"{label} F", justify="right")
    for result in report.timelines:
        table.add_row(
            escape(result.name),
            str(result.n_dates),
            str(result.sentences_per_date),
            str(result.predicted_dates),
            *_f_cells(result.scores),
        )
    table.add_section()
    table.add_row(f"average of {len(report.timelines)}", "", "", "", *_f_cells(report.average), style="bold")
    return table


def _average_table(report: Report) -> Table:
    # news-tls's averaging: F1 of the mean P and mean R, not the mean of per-timeline F1.
    table = Table(title="Average P, R, F1 of the means", title_justify="left")
    table.add_column("metric")
    for column in ("P", "R", "F1"):
        table.add_column(column, justify="right")
    for name, label in METRIC_LABELS.items():
        prf = getattr(report.average, name)
        table.add_row(label, f"{prf.precision:.4f}", f"{prf.recall:.4f}", f"{prf.f1:.4f}")
    return table


@click.command("tls")
@click.argument("data_dir", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option(
    "--predictions-dir",
    type=click.Path(file_okay=False, path_type=Path),
    default=None,
    help="Also write each predicted timeline here, as <topic folder>__<gold file name>.",
)
@click.option(
    "--baseline",
    type=click.Choice(sorted(_BASELINES)),
    default=None,
    help="Score a reference baseline instead of chronicle's timeline builder.",
)
@click.option("--setting", "setting_pairs", type=(str, str), multiple=True, metavar="NAME VALUE",
              help="Build chronicle's timelines with this setting (repeatable; see 'chronicle settings').")
def tls(data_dir: Path, predictions_dir: Path | None, baseline: str | None,
        setting_pairs: tuple[tuple[str, str], ...]) -> None:
    """Score timelines built from DATA_DIR (Timeline17 layout) against its gold timelines.

    DATA_DIR holds topic folders, each with InputDocs/<YYYY-MM-DD>/ articles and
    timelines/*.txt gold timelines. Each gold timeline gets its own prediction, asked for with
    the gold's number of dates (N), mean sentences per date (K) and first and last date.
    Scores: Date-F1, concat, agreement and alignment (AR) ROUGE-1/2 F, as tilse 0.2.1 computes
    them with its ROUGE reimplementation.
    """
    err = _console(stderr=True)
    if baseline is not None:
        builder, system = _BASELINES[baseline], f"baseline {baseline}"
    else:
        builder, system = _product_builder(err, setting_pairs), "chronicle"
        if builder is pubcount_lead_baseline:
            system = "baseline pubcount (fallback)"

    def progress(result: TimelineResult) -> None:
        err.print(f"scored {escape(result.name)}  AR-1 F {result.scores.align_r1.f1:.3f}")

    try:
        report = evaluate_tls(data_dir, builder, predictions_dir, on_timeline=progress)
    except (FileNotFoundError, ImportError) as exc:
        raise click.ClickException(str(exc)) from exc

    out = _console()
    out.print(_timelines_table(report, f"TLS scores of {system} on {escape(str(data_dir))} (F1)"))
    out.print(_average_table(report))
