"""The engine: the one module that knows the order of the stages.

``ingest -> extract -> link -> timeline``, with the store in between. Each stage only
sees models; this module moves them from one stage to the next and to the store.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from pathlib import Path

from chronicle import extract, link, timeline
from chronicle.ingest import DuplicateFinder, ReadOptions, minhash_signature, read_articles
from chronicle.models import (
    Article,
    EventMention,
    IngestReport,
    Rejection,
    Sentence,
    Timeline,
    TimelineOptions,
)
from chronicle.store import Store

__all__ = ["analyse", "build_timeline", "ingest", "tls_builder"]

#: Articles written per transaction: large enough to amortize commits, small enough
#: that a killed run loses little work.
BATCH_SIZE = 200

Progress = Callable[[int], None]


def _unique_id(store: Store, article: Article) -> tuple[Article, bool]:
    """Resolve an id clash: same id and text is a re-ingest, same id and path an update,
    otherwise a different article that happens to share a file stem gets a suffixed id."""
    stored_hash = store.content_hash_of(article.id)
    if stored_hash is None or stored_hash == article.content_hash:
        return article, False
    stored = store.get_article(article.id)
    if stored is not None and stored.article.path == article.path:
        return article, True
    alt = Article(
        id=f"{article.id}@{article.content_hash[:8]}",
        text=article.text,
        published=article.published,
        title=article.title,
        source=article.source,
        url=article.url,
        path=article.path,
        content_hash=article.content_hash,
    )
    return alt, False


def ingest(
    store: Store,
    paths: Iterable[str | Path],
    options: ReadOptions | None = None,
    *,
    batch_size: int = BATCH_SIZE,
    progress: Progress | None = None,
) -> IngestReport:
    """Read every input into the store; copies are recorded, bad inputs reported."""
    finder = DuplicateFinder()
    for article_id, signature in store.signatures():
        finder.add(article_id, signature)
    added: list[str] = []
    unchanged: list[str] = []
    updated: list[str] = []
    copies: list[tuple[str, str, float]] = []
    undated: list[str] = []
    rejections: list[Rejection] = []
    pending: list[Article] = []

    def flush() -> None:
        with store.transaction():
            for article in pending:
                article, is_update = _unique_id(store, article)
                if store.content_hash_of(article.id) == article.content_hash:
                    unchanged.append(article.id)
                    continue
                signature = minhash_signature(article.text)
                original = store.original_with_hash(article.content_hash)
                if original is not None and original != article.id:
                    match: tuple[str, float] | None = (original, 1.0)
                else:
                    match = finder.find(signature)
                if match is not None and match[0] != article.id:
                    store.add_article(article, signature=signature, duplicate_of=match[0], similarity=match[1])
                    copies.append((article.id, match[0], match[1]))
                else:
                    store.add_article(article, signature=signature)
                    finder.add(article.id, signature)
                    (updated if is_update else added).append(article.id)
                if article.published is None:
                    undated.append(article.id)
        if progress is not None:
            progress(len(pending))
        pending.clear()

    for item in read_articles(paths, options):
        if isinstance(item, Rejection):
            rejections.append(item)
            if progress is not None:
                progress(1)
            continue
        pending.append(item)
        if len(pending) >= batch_size:
            flush()
    if pending:
        flush()
    return IngestReport(
        added=tuple(added),
        unchanged=tuple(unchanged),
        updated=tuple(updated),
        copies=tuple(copies),
        undated=tuple(undated),
        rejections=tuple(rejections),
    )


def analyse(
    store: Store, articles: list[Article], *, progress: Progress | None = None
) -> dict[str, tuple[Sentence, ...]]:
    """Per-article extraction, from the store when already done by this pipeline version."""
    done = store.analyses(extract.PIPELINE_VERSION, [a.id for a in articles])
    out: dict[str, tuple[Sentence, ...]] = {}
    fresh: list[tuple[Article, tuple[Sentence, ...]]] = []
    for article in articles:
        data = done.get(article.id)
        if data is not None:
            out[article.id] = extract.sentences_from_data(article, data)
        else:
            out[article.id] = extract.analyse_article(article)
            fresh.append((article, out[article.id]))
        if progress is not None:
            progress(1)
    if fresh:
        with store.transaction():
            for article, sentences in fresh:
                store.save_analysis(article.id, extract.PIPELINE_VERSION, extract.sentences_to_data(sentences))
    return out


def build_timeline(
    store: Store, options: TimelineOptions | None = None, *, progress: Progress | None = None
) -> Timeline:
    """The timeline of everything in the store (dated articles that are not copies)."""
    options = options or TimelineOptions()
    articles = [s.article for s in store.articles(include_copies=False) if s.article.published is not None]
    sentences = analyse(store, articles, progress=progress)
    mentions: list[EventMention] = []
    for article in articles:
        mentions.extend(extract.event_mentions(article, sentences[article.id]))
    events = link.link_mentions(mentions)
    return timeline.build_timeline(events, articles, options)


def tls_builder(
    input_docs: Path, n_dates: int, sentences_per_date: int, since: dt.date, until: dt.date
) -> dict[dt.date, list[str]]:
    """A timeline in the Timeline17 evaluation's shape, built the way ``chronicle timeline`` does."""
    with Store(":memory:") as store:
        ingest(store, [input_docs])
        result = build_timeline(
            store,
            TimelineOptions(dates=n_dates, sentences_per_date=sentences_per_date, since=since, until=until),
        )
    out: dict[dt.date, list[str]] = {}
    for entry in result.entries:
        if entry.granularity == "day":
            out[dt.date.fromisoformat(entry.date)] = [e.summary for e in entry.events]
    return out
