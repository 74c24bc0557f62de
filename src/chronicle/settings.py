"""Every tunable of chronicle in one frozen object, passed down from the API to the stages.

``Settings()`` holds the defaults; ``Settings().with_values({"processes": "1"})`` sets fields by
their dotted names from strings (the CLI's ``--setting NAME VALUE``). The table of all settings
in ``docs/settings.md`` is generated from the fields' ``help`` metadata by :func:`settings_table`
(a test keeps the two in step).
"""

from __future__ import annotations

import dataclasses
import types
import typing
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any

from chronicle.errors import InputError

__all__ = ["DEFAULTS", "Method", "SalienceWeights", "Settings", "SummaryParams", "TopicParams", "settings_page", "settings_table"]


def _help(text: str) -> dict[str, str]:
    return {"help": text}


@dataclass(frozen=True, slots=True)
class SalienceWeights:
    """How much each kind of evidence for a day weighs (units: one referring article)."""

    reference: float = field(default=1.0, metadata={"help": "Weight of an article that names the day."})
    retrospective: float = field(default=1.0, metadata={"help": "Extra for an article that names the day and was published at least retrospective_after_days after it."})
    retrospective_after_days: int = field(default=2, metadata={"help": "Days after the day from which a referring article counts as looking back."})
    announced: float = field(default=1.0, metadata={"help": "Factor for an article that names the day before it comes (a plan, not yet an event)."})
    published_on: float = field(default=0.75, metadata={"help": "Weight of an article published on the day."})
    published_next: float = field(default=0.25, metadata={"help": "Weight of an article published the day after (it reports \"yesterday\"'s news)."})
    coarse: float = field(default=1.0, metadata={"help": "Weight of an article that names a week or month containing the day, shared among its days (a weak vote: \"last week\" says something happened, not which day)."})
    coarse_share: float = field(default=1.0, metadata={"help": "Exponent of the number of days a week or month vote is shared among."})


@dataclass(frozen=True, slots=True)
class SummaryParams:
    min_words: int = field(default=10, metadata={"help": "Sentences shorter than this (in words) are weighed down by (words / min_words) ** short_penalty: short news sentences often say less."})
    fragment_words: int = field(default=4, metadata={"help": "Shorter than this, or short and not ending like a sentence, a line is a headline, byline or fragment: never a summary."})
    question: float = field(default=0.3, metadata={"help": "Factor for a sentence that asks a question instead of stating what happened."})
    short_penalty: float = field(default=3.0, metadata={"help": "Exponent of the weight of sentences shorter than min_words."})
    max_words: int = field(default=60, metadata={"help": "Sentences longer than this (in words) are usually run-on extraction errors or lists."})
    long_words: int = field(default=25, metadata={"help": "Beyond this many words a sentence's score is discounted by ``(words / long_words) ** length_penalty``: a long sentence covers more of the centroid without saying more about the day."})
    length_penalty: float = field(default=0.3, metadata={"help": "Exponent of the discount of sentences longer than long_words."})
    story_share: float = field(default=0.5, metadata={"help": "Share of the whole story's centroid in each day's centroid."})
    redundancy: float = field(default=0.5, metadata={"help": "Two events whose chosen sentences are this similar say the same thing."})
    support_bonus: float = field(default=0.0, metadata={"help": "How much a second, third... independent source adds to an event's score."})
    reported_speech: float = field(default=1.0, metadata={"help": "Penalty factor for sentences that report speech rather than state a happening."})
    written_before: float = field(default=0.5, metadata={"help": "Factor for a sentence written before the day it is about (a plan or a forecast: 'the strike would begin next Monday'): the reports written on or after the day tell what happened. On a page and the record; a timeline of N dates (--dates, as timeline-summarization evaluation asks) does not discount them."})


@dataclass(frozen=True, slots=True)
class TopicParams:
    """How a reader's page keeps to the story the pile of articles is mostly about."""

    enabled: bool = field(default=True, metadata={"help": "Weigh articles by how much they belong to the pile's dominant story when choosing a page's dates and summaries (never with a query: the query is the topic)."})
    off_topic_below: float = field(default=0.08, metadata={"help": "An article less than this close to the story's thread, as a share of a typical story article's closeness, is off the story: left out of a page and listed as set aside."})
    full_weight_at: float = field(default=0.5, metadata={"help": "From this share of a typical story article's closeness an article counts fully; below, it counts (share / full_weight_at) ** weight_power."})
    weight_power: float = field(default=2.0, metadata={"help": "Exponent of the weight of articles between off_topic_below and full_weight_at, and of days below day_full_at."})
    day_full_at: float = field(default=1.0, metadata={"help": "A page's day counts fully from this share of a typical day's closeness to the story's thread (its sentences against the story's centroid); below, its salience is weighed down by (share / day_full_at) ** weight_power."})
    rounds: int = field(default=6, metadata={"help": "Rounds of re-weighting that pull the centroid onto the pile's largest thread."})
    power: float = field(default=2.0, metadata={"help": "Each round weighs an article by its closeness to the centroid to this power."})
    min_articles: int = field(default=20, metadata={"help": "With fewer articles every one counts fully: too few to tell a thread from an aside."})


@dataclass(frozen=True, slots=True)
class Method:
    """The tunable parts of the timeline method, gathered so experiments can vary them."""

    salience: SalienceWeights = field(default_factory=SalienceWeights, metadata={"help": "How much each kind of evidence for a day weighs."})
    summary: SummaryParams = field(default_factory=SummaryParams, metadata={"help": "How a date's sentences are chosen."})
    topic: TopicParams = field(default_factory=TopicParams, metadata={"help": "How a page keeps to the pile's story."})
    dates_per_root_article: float = field(default=1.5, metadata={"help": "The default timeline has this many dates per square root of the story's articles (a reader's page, not the whole record)."})
    min_dates: int = field(default=8, metadata={"help": "The default timeline has at least this many dates, when the story has them."})
    max_dates: int = field(default=30, metadata={"help": "The default timeline has at most this many dates; --all shows the whole record."})
    coverage_margin_days: int = field(default=30, metadata={"help": "The default timeline shows days within this many days of the story's coverage (first to last publication date)..."})
    background_articles: int = field(default=3, metadata={"help": "... and days outside it that at least this many articles refer to..."})
    background_share: float = field(default=0.05, metadata={"help": "... and at least this share of the story's articles."})
    events_per_date: int = field(default=3, metadata={"help": "Events per date when the user does not say: enough to show what a day held without turning the timeline into a reading list."})
    same_day_report: float = field(default=0.2, metadata={"help": "Overlap of content words above which two outlets' reports of a day are one happening."})
    auto_keep: float = field(default=0.6, metadata={"help": "With the number of events chosen automatically, a further event is shown only when it is at least this central compared with the day's first one."})
    next_day_leads: float = field(default=1.0, metadata={"help": "Weight of the next day's undated leads among a date's summary candidates (the news of a day is often printed the day after, without 'yesterday')."})
    late_report: float = field(default=0.7, metadata={"help": "Weight, among a date's summary candidates, of an event first reported more than late_after_days after the date."})
    late_after_days: int = field(default=7, metadata={"help": "Days after the date beyond which a report counts as late (see late_report)."})
    spread: float = field(default=0.35, metadata={"help": "How strongly a chosen date damps the salience of the days near it (see spread_dates)."})
    spread_scale: float = field(default=0.5, metadata={"help": "Reach of the damping, as a fraction of the mean gap between the dates asked for."})


@dataclass(frozen=True, slots=True)
class Settings:
    """chronicle's tunables. The defaults are the ones the benchmark figures were measured with."""

    # -- ingest ---------------------------------------------------------------------------
    max_bytes: int = field(default=10 * 1024 * 1024, metadata=_help(
        "Files larger than this many bytes are rejected (reported by name, the batch goes on)."))
    max_article_chars: int = field(default=1_000_000, metadata=_help(
        "Articles longer than this many characters are rejected (spaCy's own limit; the longest of the "
        "3,179 benchmark articles has 700,345)."))
    max_sentence_chars: int = field(default=10_000, metadata=_help(
        "Articles with a run longer than this many characters without a sentence end or line break are "
        "rejected: such a run is a data dump, not prose (the longest in the benchmark articles has 2,006)."))
    max_feed_entries: int = field(default=1_000, metadata=_help(
        "Feeds with more entries than this are rejected (a feed is a few dozen; an archive of more should "
        "be split or this raised)."))
    earliest_year: int = field(default=1800, metadata=_help(
        "Publication dates before this year are rejected as implausible (as are dates after tomorrow)."))
    near_copy_threshold: float = field(default=0.8, metadata=_help(
        "Character 5-gram Jaccard (MinHash) at which an article counts as a near copy of an earlier one."))
    write_batch: int = field(default=200, metadata=_help(
        "Articles (or analyses) written per store transaction: a killed run loses at most one batch."))
    # -- extraction -----------------------------------------------------------------------
    engine: str = field(default="local", metadata=_help(
        "Where reading and analysis run: local (a process pool over this machine's cores) or ray "
        "(Ray Data: the cluster at RAY_ADDRESS, else a local Ray started for the run)."))
    processes: int | None = field(default=None, metadata=_help(
        "Worker processes for the language pipeline (default: one per core when there is enough work)."))
    nlp_batch_size: int = field(default=16, metadata=_help("Articles per spaCy nlp.pipe batch."))
    articles_per_task: int = field(default=8, metadata=_help(
        "Articles a worker process analyses per task: shipping cost against keeping every worker busy."))
    min_articles_per_process: int = field(default=24, metadata=_help(
        "Below this many articles per process a further worker costs more to start than it saves."))
    # -- linking --------------------------------------------------------------------------
    same_event_overlap: float = field(default=0.5, metadata=_help(
        "Content-word overlap at which two same-day reports are one event (timelines with --dates)."))
    same_statement_overlap: float = field(default=0.6, metadata=_help(
        "Content-word overlap at which two claims of one speaker are one statement."))
    denial_overlap: float = field(default=0.3, metadata=_help(
        "Content-word overlap a denial needs with what it denies."))
    compare_figures: bool = field(default=False, metadata=_help(
        "Also list different figures for one thing as disagreements. Off: on our labelled pairs they "
        "are right 16% of the time (counts of different things, places or periods look alike)."))
    figures_window_days: int = field(default=0, metadata=_help(
        "Days within which two claims' figures can be about the same moment of the story (0: the same day)."))
    # -- timeline -------------------------------------------------------------------------
    timeline: Method = field(default_factory=Method, metadata=_help(
        "How dates are chosen and summarized (salience weights, summary parameters)."))

    def with_values(self, values: Mapping[str, str]) -> Settings:
        """A copy with the named settings (dotted for nested ones) parsed from strings."""
        out = self
        for name, raw in values.items():
            out = _replace_path(out, name.split("."), raw, name)
        return out


#: The default settings: where a stage's own default for a tunable comes from.
DEFAULTS = Settings()


def _replace_path(obj: Any, path: list[str], raw: str, full_name: str) -> Any:
    fields = {f.name: f for f in dataclasses.fields(obj)}
    if path[0] not in fields:
        known = ", ".join(name for name, _ in _leaves(Settings()))
        raise InputError(f"unknown setting {full_name!r}; known: {known}")
    current = getattr(obj, path[0])
    if len(path) > 1:
        if not dataclasses.is_dataclass(current):
            raise InputError(f"setting {full_name!r}: {path[0]} has no parts")
        value = _replace_path(current, path[1:], raw, full_name)
    else:
        if dataclasses.is_dataclass(current):
            raise InputError(f"setting {full_name!r} is a group: name one of its parts")
        value = _parse(raw, _field_type(type(obj), path[0]), full_name)
    return dataclasses.replace(obj, **{path[0]: value})


def _field_type(owner: type, name: str) -> Any:
    return typing.get_type_hints(owner)[name]


def _parse(raw: str, kind: Any, name: str) -> Any:
    optional = isinstance(kind, types.UnionType) and type(None) in typing.get_args(kind)
    if optional:
        if raw.strip().lower() in ("", "none", "auto"):
            return None
        kind = next(k for k in typing.get_args(kind) if k is not type(None))
    try:
        if kind is bool:
            if raw.lower() not in ("true", "false", "1", "0", "yes", "no"):
                raise ValueError(raw)
            return raw.lower() in ("true", "1", "yes")
        value = kind(raw)
    except ValueError:
        raise InputError(f"setting {name!r}: {raw!r} is not a {kind.__name__}") from None
    if isinstance(value, int | float) and value < 0:
        raise InputError(f"setting {name!r} cannot be negative")
    return value


def _leaves(obj: Any, prefix: str = "") -> Iterator[tuple[str, dataclasses.Field[Any]]]:
    for f in dataclasses.fields(obj):
        value = getattr(obj, f.name)
        if dataclasses.is_dataclass(value):
            yield from _leaves(value, f"{prefix}{f.name}.")
        else:
            yield f"{prefix}{f.name}", f


def _doc(owner: Any, name: str) -> str:
    metadata_help = next((f.metadata.get("help") for f in dataclasses.fields(owner) if f.name == name), None)
    return str(metadata_help or "")


def settings_table() -> str:
    """The Markdown table of every setting: dotted name, default and what it does."""
    rows = ["| setting | default | what it does |", "|---|---|---|"]
    for name, f in _leaves(Settings()):
        owner: Any = Settings()
        for part in name.split(".")[:-1]:
            owner = getattr(owner, part)
        default = getattr(owner, f.name)
        text = _doc(owner, f.name)
        rows.append(f"| `{name}` | `{default}` | {text} |")
    return "\n".join(rows) + "\n"


_PAGE_HEAD = """# Settings

Every tunable of chronicle, with its default. The defaults are the ones the figures in
[benchmarks.md](benchmarks.md) were measured with.

- Python: `Chronicle("story.db", settings=Settings(processes=1))`, or
  `Settings().with_values({"timeline.summary.min_words": "8"})`.
- Command line: `--setting NAME VALUE` (repeatable) on every command that reads or analyses,
  e.g. `chronicle timeline story/ --setting processes 1 --setting timeline.events_per_date 5`.

This page is generated from the code (`chronicle settings > docs/settings.md`); a test keeps
the two in step.

"""


def settings_page() -> str:
    """The whole ``docs/settings.md`` page."""
    return _PAGE_HEAD + settings_table()

