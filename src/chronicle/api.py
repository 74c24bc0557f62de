"""chronicle's Python API: what the CLI, the REST API and the web page call."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Iterable
from pathlib import Path
from types import TracebackType

from chronicle import engine
from chronicle.errors import InputError
from chronicle.exports import Export, export, format_spec
from chronicle.ingest import FORMATS, ReadOptions
from chronicle.models import (
    Claim,
    ClaimGroup,
    Disagreement,
    EventMention,
    IngestReport,
    StoredArticle,
    StoryEntity,
    Timeline,
    TimelineOptions,
)
from chronicle.settings import DEFAULTS, Settings
from chronicle.store import Store

__all__ = ["Chronicle", "timeline"]


class Chronicle:
    """A story's record in one store file.

    >>> with Chronicle("story.db") as story:          # doctest: +SKIP
    ...     story.ingest(["articles/"])
    ...     print(story.timeline().entries[0].date)
    """

    def __init__(self, db: str | Path = "chronicle.db", *, settings: Settings = DEFAULTS) -> None:
        self.store = Store(db)
        self.settings = settings

    def close(self) -> None:
        self.store.close()

    def __enter__(self) -> Chronicle:
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()

    def ingest(
        self,
        paths: Iterable[str | Path],
        *,
        format: str | None = None,
        date: dt.date | None = None,
        max_bytes: int | None = None,
        progress: engine.Progress | None = None,
    ) -> IngestReport:
        """Add articles from files and folders; re-ingesting the same input adds nothing.

        ``max_bytes`` defaults to the ``max_bytes`` setting.
        """
        if format is not None and format not in FORMATS:
            raise InputError(f"unknown format {format!r}; known: {', '.join(FORMATS)}")
        limit = self.settings.max_bytes if max_bytes is None else max_bytes
        if limit <= 0:
            raise InputError("max_bytes must be positive")
        options = ReadOptions(format=format, date=date, max_bytes=limit)
        paths = list(paths)
        report = engine.ingest(self.store, paths, options, settings=self.settings, progress=progress)
        engine.load_analyses(self.store, paths, settings=self.settings)
        return report

    def analyse(self, *, progress: engine.Progress | None = None) -> int:
        """Run the language pipeline over every stored article now (results are cached in the
        store), so later timelines, claims and entities come from the store at once.

        Returns the number of articles analysed.
        """
        return engine.analyse_all(self.store, settings=self.settings, progress=progress)

    def articles(self, *, include_copies: bool = True) -> list[StoredArticle]:
        """Stored articles by publication date, copies marked."""
        return self.store.articles(include_copies=include_copies)

    def article(self, article_id: str) -> StoredArticle | None:
        """One stored article with its text, or ``None`` if there is none with this id."""
        return self.store.get_article(article_id)

    def timeline(
        self,
        *,
        dates: int | None = None,
        sentences_per_date: int | None = None,
        since: dt.date | None = None,
        until: dt.date | None = None,
        query: str | None = None,
        progress: engine.Progress | None = None,
        language: bool = True,
        record: bool = False,
        keep_off_topic: bool = False,
    ) -> Timeline:
        """The story's timeline: dated events with their sources and evidence.

        By default it has a number of dates scaled to the story (``dates`` sets it); ``record``
        gives the full dated record instead, every date with something on it.

        A page (not the record, and not a ``query``'s timeline) keeps to the story most of the
        articles are about: articles far off it are left out and listed in the result's
        ``set_aside``, unless ``keep_off_topic``.

        ``language=False`` skips the language pipeline (actors, places, claims): the dates
        and summaries are the same, and it is much faster.
        """
        if dates is not None and dates < 1:
            raise InputError("dates must be at least 1")
        if sentences_per_date is not None and sentences_per_date < 1:
            raise InputError("sentences_per_date must be at least 1")
        options = TimelineOptions(dates, sentences_per_date, since, until, query, record=record,
                                  keep_off_topic=keep_off_topic)
        return engine.build_timeline(self.store, options, settings=self.settings, progress=progress,
                                     language=language)

    def export(self, fmt: str, *, options: TimelineOptions | None = None, language: bool = True,
               progress: engine.Progress | None = None) -> Export:
        """The timeline (of ``options``, the same as :meth:`timeline`'s arguments) in an output
        format of :data:`chronicle.exports.FORMATS`: its content, media type and file extension.

        The ``html`` and ``markdown`` formats list the story's actors (:meth:`entities`); the
        ``tls`` format has no place for what the language pipeline adds and skips it.
        """
        spec = format_spec(fmt)
        wanted = options or TimelineOptions()
        language = language and spec.language
        result = self.timeline(**dataclasses.asdict(wanted), progress=progress, language=language)
        actors = self.entities(progress=progress) if language and spec.actors else []
        return export(result, fmt, entities=actors)

    def entities(self, *, progress: engine.Progress | None = None) -> list[StoryEntity]:
        """The people, organisations, countries and places of the story, one per referent."""
        return engine.entities(self.store, settings=self.settings, progress=progress)

    def events(self, *, progress: engine.Progress | None = None) -> list[EventMention]:
        """Events found in the articles: who did what to whom, when and where."""
        return engine.events(self.store, settings=self.settings, progress=progress)

    def claims(
        self,
        *,
        speaker: str | None = None,
        stance: str | None = None,
        since: dt.date | None = None,
        until: dt.date | None = None,
        progress: engine.Progress | None = None,
    ) -> list[Claim]:
        """Quotes and attributed claims, by the date they were said; of one speaker (any of an
        entity's names), one stance, or a date range."""
        if stance is not None and stance not in ("asserts", "denies", "condemns"):
            raise InputError(f"unknown stance {stance!r}; known: asserts, denies, condemns")
        return engine.claims(self.store, speaker=speaker, stance=stance, since=since, until=until,
                             settings=self.settings, progress=progress)

    def disagreements(self, *, progress: engine.Progress | None = None) -> list[Disagreement]:
        """Where sources disagree: denials of what others assert, different figures."""
        return engine.claim_groups(self.store, settings=self.settings, progress=progress)[1]

    def claim_groups(self, *, progress: engine.Progress | None = None) -> list[ClaimGroup]:
        """Each statement once, with every article that reported it."""
        return engine.claim_groups(self.store, settings=self.settings, progress=progress)[0]


def timeline(
    paths: Iterable[str | Path],
    *,
    format: str | None = None,
    date: dt.date | None = None,
    dates: int | None = None,
    sentences_per_date: int | None = None,
    since: dt.date | None = None,
    until: dt.date | None = None,
    query: str | None = None,
    language: bool = True,
    record: bool = False,
    keep_off_topic: bool = False,
    settings: Settings = DEFAULTS,
) -> tuple[Timeline, IngestReport]:
    """Build a timeline straight from files, in a throw-away in-memory store."""
    with Chronicle(":memory:", settings=settings) as story:
        report = story.ingest(paths, format=format, date=date)
        result = story.timeline(
            dates=dates, sentences_per_date=sentences_per_date, since=since, until=until, query=query,
            language=language, record=record, keep_off_topic=keep_off_topic,
        )
    return result, report
