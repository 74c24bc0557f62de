"""The ``chronicle`` command: a thin adapter over the Python API.

Exit status: 0 when every input was read; 3 when the work was done (articles stored, output
written) but some inputs were skipped, each named on stderr with its reason; 2 for a usage
error (nothing done); 1 only for an unexpected failure (Python's own status for a traceback).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import os
import re
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import click
from rich.console import Console
from rich.markup import escape
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    ProgressColumn,
    Task,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)
from rich.table import Table
from rich.text import Text

from chronicle.api import Chronicle
from chronicle.cli import eval_dates, eval_quotes, eval_tls
from chronicle.cli import timeml as timeml_commands
from chronicle.engine import write_parquet
from chronicle.engines import parquet
from chronicle.errors import ChronicleError, InputError
from chronicle.exports import FORMATS as _EXPORT_FORMATS
from chronicle.exports import format_for_path, to_text
from chronicle.ingest import FORMATS, ReadOptions
from chronicle.models import PLAUSIBLE, IngestReport, TimelineOptions
from chronicle.serialize import claim_dict, entity_dict, event_dict, stored_article_dict
from chronicle.settings import DEFAULTS, Settings, settings_page

__all__ = ["main"]

EXIT_USAGE = 2
#: Done, but some inputs were skipped (distinct from 1, which a traceback also gives).
EXIT_SKIPPED = 3

_INPUT_FORMATS = click.Choice(sorted(FORMATS))
_OUTPUT_FORMATS = click.Choice(list(_EXPORT_FORMATS))


# Control characters (terminal escapes among them), bidirectional overrides and lone surrogates:
# an id, title, path or reason comes from untrusted input and must reach a terminal inert.
_UNSAFE = re.compile("[\x00-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")


def _safe(text: str) -> str:
    """Untrusted text fit for a rich console: unsafe characters as ``\\x1b``-style escapes, markup escaped."""
    return escape(_UNSAFE.sub(lambda m: m[0].encode("unicode_escape").decode("ascii"), text))


def _stderr() -> Console:
    return Console(stderr=True, highlight=False, soft_wrap=True)


def _parse_day(ctx: click.Context, param: click.Parameter, value: str | None) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(f"{value!r} is not a date in YYYY-MM-DD form") from None


#: Seconds between progress lines when stderr is not a terminal (the log of a long run).
PROGRESS_EVERY = 10.0


@contextmanager
def _progress(label: str, total: int | None) -> Iterator[Any]:
    """A live bar with articles/s and the time left on a terminal; otherwise a plain line every
    :data:`PROGRESS_EVERY` seconds, so that the log of a long run shows its progress too."""
    console = _stderr()
    if not console.is_terminal:
        yield _ProgressLines(label, total, console)
        return
    with Progress(
        TextColumn(label), BarColumn(), MofNCompleteColumn(), _RateColumn(), TimeRemainingColumn(),
        TimeElapsedColumn(), console=console, transient=True,
    ) as bar:
        task = bar.add_task(label, total=total)
        yield lambda n: bar.advance(task, n)


class _RateColumn(ProgressColumn):
    def render(self, task: Task) -> Text:
        return Text("" if task.speed is None else f"{task.speed:.1f} articles/s")


class _ProgressLines:
    """Counts articles and says every few seconds how many are done, how fast, and what is left."""

    def __init__(self, label: str, total: int | None, console: Console) -> None:
        self.label, self.total, self.console = label, total, console
        self.done = 0
        self.started = self.last = time.monotonic()

    def __call__(self, n: int) -> None:
        self.done += n
        now = time.monotonic()
        if now - self.last < PROGRESS_EVERY:
            return
        self.last = now
        rate = self.done / max(now - self.started, 1e-9)
        line = f"{self.label}: {self.done}" + (f"/{self.total}" if self.total else "") + f" articles, {rate:.1f}/s"
        if self.total and rate > 0:
            line += f", {_duration((self.total - self.done) / rate)} left"
        self.console.print(line)


def _duration(seconds: float) -> str:
    minutes, secs = divmod(round(seconds), 60)
    hours, minutes = divmod(minutes, 60)
    return f"{hours}h{minutes:02d}m" if hours else f"{minutes}m{secs:02d}s"


def _settings_option(func: Any) -> Any:
    return click.option(
        "--setting", "setting_pairs", type=(str, str), multiple=True, metavar="NAME VALUE",
        help="Set a tunable (repeatable); 'chronicle settings' lists them all.",
    )(func)


def _engine_option(func: Any) -> Any:
    return click.option(
        "--engine", type=click.Choice(["local", "ray"]),
        help="Where reading and analysis run: local (a process pool over this machine's cores) or ray "
             "(the Ray cluster at RAY_ADDRESS, else a local Ray for the run)  [default: local]",
    )(func)


def _settings(pairs: tuple[tuple[str, str], ...], **given: Any) -> Settings:
    """The settings from ``--setting`` pairs, then from the command's own options that were given."""
    settings = DEFAULTS.with_values(dict(pairs)) if pairs else DEFAULTS
    chosen = {name: str(value) for name, value in given.items() if value is not None}
    return settings.with_values(chosen) if chosen else settings


def _report(report: IngestReport, console: Console) -> None:
    for rejection in report.rejections:
        console.print(f"[red]rejected[/red] {_safe(str(rejection))}")
    for article_id in report.undated:
        console.print(f"[yellow]undated[/yellow] {_safe(article_id)}: stored, left out of the timeline")
    for copy, original, similarity in report.copies:
        kind = "exact copy" if similarity >= 1.0 else f"near copy ({similarity:.2f})"
        console.print(f"[cyan]copy[/cyan] {_safe(copy)}: {kind} of {_safe(original)}")
    console.print(
        f"{len(report.added)} added, {len(report.updated)} updated, {len(report.unchanged)} unchanged, "
        f"{len(report.copies)} copies, {len(report.undated)} undated, {len(report.rejections)} rejected"
    )


def _require_some(paths: tuple[str, ...]) -> None:
    """A usage error, before any store file is created, when not one of the paths exists."""
    if not any(os.path.lexists(p) for p in paths):
        raise InputError(f"no such file or folder: {', '.join(paths)}")


def _ingest(story: Chronicle, paths: tuple[str, ...], fmt: str | None, date: dt.date | None) -> IngestReport:
    with _progress("ingesting", None) as advance:
        return story.ingest(paths, format=fmt, date=date, progress=advance)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="chronicle", prog_name="chronicle")
def cli() -> None:
    """Turn a pile of dated news articles into the record of a story."""


@cli.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--db", default="chronicle.db", show_default=True, help="Store file.")
@click.option("--format", "fmt", type=_INPUT_FORMATS, help="Input format (default: detected per file).")
@click.option("--date", callback=_parse_day, help="Publication date for inputs that carry none (YYYY-MM-DD).")
@click.option("--max-bytes", type=click.IntRange(min=1),
              help=f"Refuse files larger than this  [default: {DEFAULTS.max_bytes}]")
@click.option("--processes", type=click.IntRange(min=1), help="Worker processes for --analyse (default: one per core).")
@click.option("--analyse", is_flag=True,
              help="Also run the language pipeline now (entities, claims, events), so later commands are instant.")
@_engine_option
@click.option("--output", metavar="parquet:DIR",
              help="Write articles (with --analyse, their analyses too) to Parquet shards in DIR instead of "
                   "the store, for very large runs; a rerun does only the shards not yet done. "
                   "'chronicle ingest DIR' loads them into a store.")
@_settings_option
def ingest(paths: tuple[str, ...], db: str, fmt: str | None, date: dt.date | None, max_bytes: int | None,
           processes: int | None, analyse: bool, engine: str | None, output: str | None,
           setting_pairs: tuple[tuple[str, str], ...]) -> None:
    """Read articles from files and folders into the store."""
    settings = _settings(setting_pairs, max_bytes=max_bytes, processes=processes, engine=engine)
    _require_some(paths)
    if output is not None:
        sys.exit(_ingest_to_parquet(paths, output, fmt, date, analyse, settings))
    with Chronicle(db, settings=settings) as story:
        report = _ingest(story, paths, fmt, date)
        _report(report, _stderr())
        if analyse:
            with _progress("analysing", len(story.articles(include_copies=False))) as advance:
                story.analyse(progress=advance)
    sys.exit(0 if report.ok else EXIT_SKIPPED)


def _ingest_to_parquet(paths: tuple[str, ...], output: str, fmt: str | None, date: dt.date | None,
                       analyse: bool, settings: Settings) -> int:
    folder = parquet.output_folder(output)
    options = ReadOptions(format=fmt, date=date, max_bytes=settings.max_bytes)
    with _progress("analysing" if analyse else "reading", None) as advance:
        report = write_parquet(paths, folder, options, analyse=analyse, settings=settings, progress=advance)
    console = _stderr()
    for rejection in report.rejections:
        console.print(f"[red]rejected[/red] {_safe(str(rejection))}")
    console.print(f"{report.written} shards written ({report.articles} articles), {report.skipped} done before, "
                  f"{len(report.rejections)} rejected: {_safe(str(folder))}")
    return EXIT_SKIPPED if report.rejections else 0


@cli.command()
@click.option("--db", default="chronicle.db", show_default=True, help="Store file.")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@click.option("--no-copies", is_flag=True, help="Leave out articles that copy another one.")
def articles(db: str, fmt: str, no_copies: bool) -> None:
    """List stored articles with their dates and sources."""
    with _open_store(db) as story:
        stored = story.articles(include_copies=not no_copies)
    if fmt == "json":
        _echo_json([stored_article_dict(s) for s in stored])
        return
    table = Table("published", "id", "source", "title", "copy of")
    for s in stored:
        a = s.article
        table.add_row(
            a.published.isoformat() if a.published else "undated",
            _safe(a.id),
            _safe(a.source or ""),
            _safe((a.title or "")[:60]),
            _safe(s.duplicate_of or ""),
        )
    Console(highlight=False).print(table)


@cli.command()
@click.argument("paths", nargs=-1)
@click.option("--db", help="Read the timeline from this store instead of from PATHS.")
@click.option("--format", "fmt", type=_OUTPUT_FORMATS,
              help="Output format  [default: from -o's extension (.json .md .html .txt .csv), else text]")
@click.option("-o", "--output", type=click.Path(dir_okay=False, writable=True),
              help="Write to this file (its extension must fit the format).")
@click.option("--input-format", type=_INPUT_FORMATS, help="Format of PATHS (default: detected per file).")
@click.option("--date", callback=_parse_day, help="Publication date for inputs that carry none.")
@click.option("--dates", type=click.IntRange(min=1),
              help="Number of dates (default: scaled to the story, a reader's page; see --all).")
@click.option("--all", "record", is_flag=True, help="The full dated record: every date, weeks and months included.")
@click.option("--keep-off-topic", is_flag=True,
              help="Keep articles far off the story most articles are about (by default a page leaves them out and says how many).")
@click.option("--sentences-per-date", type=click.IntRange(min=1), help="Events per date (default: 3).")
@click.option("--since", callback=_parse_day, help="First date (YYYY-MM-DD).")
@click.option("--until", callback=_parse_day, help="Last date (YYYY-MM-DD).")
@click.option("--query", help="Only events whose evidence mentions all these words.")
@click.option("--language/--no-language", default=True, show_default=True,
              help="Actors, places and claims from the language pipeline (slower on a first run; cached).")
@click.option("--processes", type=click.IntRange(min=1), help="Worker processes for the language pipeline.")
@_engine_option
@_settings_option
def timeline(
    paths: tuple[str, ...],
    db: str | None,
    fmt: str | None,
    output: str | None,
    input_format: str | None,
    date: dt.date | None,
    dates: int | None,
    record: bool,
    keep_off_topic: bool,
    sentences_per_date: int | None,
    since: dt.date | None,
    until: dt.date | None,
    query: str | None,
    language: bool,
    processes: int | None,
    engine: str | None,
    setting_pairs: tuple[tuple[str, str], ...],
) -> None:
    """Build the timeline of PATHS (in a temporary store) or of the store --db."""
    if bool(paths) == bool(db):
        raise click.UsageError("give either PATHS or --db")
    if output is not None:
        try:
            fmt = format_for_path(output, fmt)
        except InputError as exc:
            raise click.BadParameter(str(exc), param_hint="'-o' / '--format'") from None
    fmt = fmt or "text"
    if output is not None:
        _check_writable(Path(output))
    if db and not Path(db).exists():
        raise InputError(f"{db}: no such store")
    if paths:
        _require_some(paths)
    options = TimelineOptions(dates, sentences_per_date, since, until, query, record=record,
                              keep_off_topic=keep_off_topic)
    terminal = fmt == "text" and output is None
    report: IngestReport | None = None
    with Chronicle(db or ":memory:", settings=_settings(setting_pairs, processes=processes, engine=engine)) as story:
        if paths:
            report = _ingest(story, paths, input_format, date)
        with _progress("analysing", None) as advance:
            if terminal:
                result = story.timeline(**dataclasses.asdict(options), progress=advance, language=language)
                content = to_text(result, markup=True)
            else:
                content = story.export(fmt, options=options, language=language, progress=advance).content
    if report is not None and (report.rejections or report.undated or report.copies):
        _report(report, _stderr())
    if terminal:
        Console(highlight=False, soft_wrap=not sys.stdout.isatty()).print(content, end="")
    elif output is not None:
        try:
            # newline="": the CSV formats end their lines with CRLF themselves.
            Path(output).write_text(content, encoding="utf-8", newline="")
        except OSError as exc:
            raise InputError(f"{output}: cannot write ({exc.strerror or exc})") from None
    else:
        click.echo(content, nl=False)
    sys.exit(0 if report is None or report.ok else EXIT_SKIPPED)


def _check_writable(path: Path) -> None:
    """Fail before any work, with the reason, when the output cannot be written."""
    folder = path.parent if str(path.parent) else Path(".")
    if not folder.is_dir():
        raise InputError(f"{path}: no such folder {folder}")
    if path.is_dir():
        raise InputError(f"{path}: is a folder, not a file")
    if not os.access(path if path.exists() else folder, os.W_OK):
        raise InputError(f"{path}: not writable (permission denied)")


def _open_store(db: str, pairs: tuple[tuple[str, str], ...] = ()) -> Chronicle:
    if not Path(db).exists():
        raise InputError(f"{db}: no such store (run 'chronicle ingest' first)")
    return Chronicle(db, settings=_settings(pairs))


def _echo_json(rows: list[dict[str, Any]]) -> None:
    click.echo(json.dumps(rows, ensure_ascii=False, indent=2))


_LIST_FORMATS = click.Choice(["text", "json"])


@cli.command()
@click.option("--db", default="chronicle.db", show_default=True, help="Store file.")
@click.option("--format", "fmt", type=_LIST_FORMATS, default="text", show_default=True)
@click.option("--type", "etype", type=click.Choice(["PERSON", "ORG", "GPE", "NORP", "LOC", "FAC"]),
              help="Only entities of this type.")
@_settings_option
def entities(db: str, fmt: str, etype: str | None, setting_pairs: tuple[tuple[str, str], ...]) -> None:
    """People, organisations, countries and places: one entity however it is written."""
    with _open_store(db, setting_pairs) as story, _progress("analysing", None) as advance:
        found = [e for e in story.entities(progress=advance) if etype is None or e.type == etype]
    if fmt == "json":
        _echo_json([entity_dict(e) for e in found])
        return
    table = Table("id", "type", "name", "aliases", "articles", "mentions")
    for e in found:
        table.add_row(e.id, e.type, escape(e.name), escape(", ".join(e.aliases)), str(len(e.articles)),
                      str(e.mentions))
    Console(highlight=False).print(table)


@cli.command()
@click.option("--db", default="chronicle.db", show_default=True, help="Store file.")
@click.option("--format", "fmt", type=_LIST_FORMATS, default="text", show_default=True)
@_settings_option
def events(db: str, fmt: str, setting_pairs: tuple[tuple[str, str], ...]) -> None:
    """Events: who did what to whom, when and where, with modality and negation."""
    with _open_store(db, setting_pairs) as story, _progress("analysing", None) as advance:
        found = story.events(progress=advance)
    if fmt == "json":
        _echo_json([event_dict(e) for e in found])
        return
    table = Table("date", "agent", "trigger", "patient", "place", "modality", "article")
    unsure = 0
    for e in found:
        label = e.first.isoformat() if e.first == e.last else f"{e.first}..{e.last}"
        if e.date_confidence < PLAUSIBLE:
            label, unsure = f"{label} ?", unsure + 1
        trigger = f"not {e.trigger}" if e.negated and e.trigger else (e.trigger or "")
        table.add_row(label, escape(e.agent or ""), escape(trigger), escape(e.patient or ""),
                      escape(e.place or ""), e.modality, escape(e.article_id))
    console = Console(highlight=False)
    console.print(table)
    if unsure:
        console.print(f"? {unsure} dates years away from their article's date rest on no year the text "
                      "states nearby: they are kept off the timeline")


@cli.command()
@click.option("--db", default="chronicle.db", show_default=True, help="Store file.")
@click.option("--format", "fmt", type=_LIST_FORMATS, default="text", show_default=True)
@click.option("--speaker", help="Only claims of this speaker (a name, or any name of a story entity).")
@click.option("--stance", type=click.Choice(["asserts", "denies", "condemns"]), help="Only claims of this stance.")
@click.option("--since", callback=_parse_day, help="Only claims made on or after this day (YYYY-MM-DD).")
@click.option("--until", callback=_parse_day, help="Only claims made on or before this day (YYYY-MM-DD).")
@_settings_option
def claims(db: str, fmt: str, speaker: str | None, stance: str | None, since: dt.date | None,
           until: dt.date | None, setting_pairs: tuple[tuple[str, str], ...]) -> None:
    """Who said what, dated when said: quotes and attributed claims, with their stance.

    --speaker matches a speaker's name, or any name of a story entity ("North Korea" finds what
    "Pyongyang" said)."""
    with _open_store(db, setting_pairs) as story, _progress("analysing", None) as advance:
        found = story.claims(speaker=speaker, stance=stance, since=since, until=until, progress=advance)
    if fmt == "json":
        _echo_json([claim_dict(c) for c in found])
        return
    console = Console(highlight=False, soft_wrap=not sys.stdout.isatty())
    colour = {"asserts": "green", "denies": "red", "condemns": "magenta"}
    for c in found:
        text = " ".join(c.text.split())
        console.print(
            f"[bold]{escape(c.date or 'undated')}[/bold] {escape(c.speaker or '(unknown speaker)')} "
            f"[{colour[c.stance]}]{c.stance}[/{colour[c.stance]}] [dim]({escape(c.cue or '')})[/dim]: "
            f"{escape(text[:400])} [dim]{escape(c.article)}{escape(f' (via {c.via})' if c.via else '')}[/dim]"
        )


@cli.command()
@click.option("--db", default="chronicle.db", show_default=True, help="Store file.")
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to listen on. Any other than the loopback needs an API token.")
@click.option("--port", default=8000, show_default=True, type=click.IntRange(1, 65535))
@click.option("--token-file", type=click.Path(dir_okay=False, exists=True),
              help="File holding the API token (else the CHRONICLE_API_TOKEN environment variable).")
@click.option("--allow-host", "allow_hosts", multiple=True, metavar="NAME",
              help="A Host name the server answers to besides the loopback names (repeatable).")
@click.option("--max-upload-mb", default=100, show_default=True, type=click.IntRange(1, 10_000),
              help="Largest upload accepted, in megabytes.")
@_settings_option
def serve(db: str, host: str, port: int, token_file: str | None, allow_hosts: tuple[str, ...],
          max_upload_mb: int, setting_pairs: tuple[tuple[str, str], ...]) -> None:
    """Serve the web page and the REST API (/v1/timeline, /v1/claims, ... ; docs at /docs).

    On 127.0.0.1 (the default) anyone on this machine can read; uploads need the API token.
    On any other address every request needs the token, and the server will not start without one.
    """
    import uvicorn

    from chronicle.web import ServeConfig, create_app

    token = Path(token_file).read_text(encoding="utf-8").strip() if token_file else None
    token = token or os.environ.get("CHRONICLE_API_TOKEN") or None
    config = ServeConfig(host=host, token=token, allowed_hosts=allow_hosts,
                         max_upload_bytes=max_upload_mb * 1024 * 1024, warm=True)
    app = create_app(db, settings=_settings(setting_pairs), config=config)
    shown = f"[{host}]" if ":" in host else host
    note = "" if token else "  (uploads disabled: no API token)"
    _stderr().print(f"chronicle: http://{shown}:{port}/  (API docs at /docs){note}")
    uvicorn.run(app, host=host, port=port, log_level="warning")


@cli.command("settings")
def settings_command() -> None:
    """List every tunable with its default (the docs/settings.md page)."""
    click.echo(settings_page(), nl=False)


@cli.group("eval")
def evaluate() -> None:
    """Measure quality on benchmark data."""


evaluate.add_command(eval_dates.dates)
evaluate.add_command(eval_quotes.quotes)
evaluate.add_command(eval_tls.tls)
cli.add_command(timeml_commands.timeml)


def main() -> None:
    """Entry point: chronicle's own errors become a message and exit status 2, not a traceback."""
    try:
        cli.main(standalone_mode=False)
    except click.exceptions.Exit as exc:
        sys.exit(exc.exit_code)
    except click.ClickException as exc:
        exc.show()
        sys.exit(exc.exit_code)
    except click.exceptions.Abort:
        _stderr().print("aborted")
        sys.exit(130)
    except ChronicleError as exc:
        _stderr().print(f"[red]error:[/red] {_safe(str(exc))}")
        sys.exit(EXIT_USAGE)
