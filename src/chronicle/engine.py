"""The engine: the one module that knows the order of the stages.

``ingest -> extract -> link -> timeline``, with the store in between. Each stage only sees
models; this module moves them from one stage to the next and to the store, and nothing else:
the rules of each step live in its stage.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import logging
from collections.abc import Callable, Iterable, Iterator
from itertools import chain
from pathlib import Path
from typing import Any

from chronicle import extract, link, timeline
from chronicle.engines import get_engine, parquet
from chronicle.ingest import DuplicateFinder, ReadOptions, minhash_signature, resolve_id
from chronicle.link.claims import link_claims
from chronicle.link.entities import canonical_names, entity_thread, link_entities
from chronicle.models import (
    Article,
    ArticleAnalysis,
    Claim,
    ClaimGroup,
    Disagreement,
    Entity,
    EventMention,
    IngestReport,
    Rejection,
    StoryEntity,
    StoryRecord,
    Timeline,
    TimelineOptions,
)
from chronicle.settings import DEFAULTS, Settings
from chronicle.store import Store

__all__ = [
    "analyse",
    "analyse_all",
    "build_timeline",
    "claim_groups",
    "claims",
    "entities",
    "events",
    "ingest",
    "load_analyses",
    "record",
    "tls_builder",
    "write_parquet",
]

Progress = Callable[[int], None]

_LOG = logging.getLogger(__name__)


def ingest(
    store: Store,
    paths: Iterable[str | Path],
    options: ReadOptions | None = None,
    *,
    settings: Settings = DEFAULTS,
    progress: Progress | None = None,
) -> IngestReport:
    """Read every input into the store; copies are recorded, bad inputs reported.

    A bad file is one rejection, never the end of the batch: readers turn whatever goes wrong
    in a file into a rejection, and what was read before an unexpected stop is still committed.
    """
    options = (options or ReadOptions()).using(settings)
    finder = DuplicateFinder(settings.near_copy_threshold)
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
        # Taken out first: a batch the store refuses is not written twice.
        batch = pending[:]
        pending.clear()
        with store.transaction():
            for article in batch:
                stored = store.article_identity(article.id)
                article, is_update = resolve_id(article, *(stored or (None, None)))
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
            progress(len(batch))

    # Characters of article text held before they are written, whatever the batch size: with
    # max_article_chars this bounds what is held (at most 4 bytes a character: 84 MB).
    batch_chars, pending_chars = 20_000_000, 0
    try:
        for item in _read(store, paths, options, settings):
            if isinstance(item, Rejection):
                rejections.append(item)
                if progress is not None:
                    progress(1)
                continue
            pending.append(item)
            pending_chars += len(item.text)
            if len(pending) >= settings.write_batch or pending_chars >= batch_chars:
                pending_chars = 0
                flush()
    finally:
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


def _read(store: Store, paths: Iterable[str | Path], options: ReadOptions | None,
          settings: Settings) -> Iterator[Article | Rejection]:
    """The articles of every input, on the chosen engine; a folder of Parquet shards gives its
    articles (:func:`load_analyses` then gives the store their analyses)."""
    engine = get_engine(settings.engine)
    pending: list[str | Path] = []
    for path in paths:
        if not parquet.is_output(path):
            pending.append(path)
            continue
        yield from engine.read(pending, options)
        pending.clear()
        yield from (article for article, _, _ in parquet.read_output(path))
    yield from engine.read(pending, options)


def load_analyses(store: Store, paths: Iterable[str | Path], *, settings: Settings = DEFAULTS) -> int:
    """Keep in the store's cache the analyses that folders of Parquet shards among ``paths`` hold
    for stored articles, when this very code made them; how many were kept."""
    kept: list[tuple[str, str, dict[str, Any]]] = []
    count = 0
    current = extract.fingerprint(language=True)
    for path in (p for p in paths if parquet.is_output(p)):
        for article, key, data in parquet.analyses(path):
            # Under an id the store gives another text, the analysis is not this article's.
            if key == current and store.content_hash_of(article.id) == article.content_hash:
                kept.append((article.id, key, data))
            if len(kept) >= settings.write_batch:
                count += _keep(store, kept)
    return count + _keep(store, kept)


def _keep(store: Store, analyses: list[tuple[str, str, dict[str, Any]]]) -> int:
    with store.transaction():
        for article_id, key, data in analyses:
            store.save_analysis(article_id, key, data)
    count = len(analyses)
    analyses.clear()
    return count


def write_parquet(
    paths: Iterable[str | Path],
    folder: Path,
    options: ReadOptions | None = None,
    *,
    analyse: bool = False,
    settings: Settings = DEFAULTS,
    progress: Progress | None = None,
) -> parquet.ShardReport:
    """Read (and with ``analyse``, analyse) every input shard into Parquet files in ``folder``,
    for runs too large for one store; shards done by an earlier run are skipped."""
    return parquet.write_shards(paths, folder, engine=get_engine(settings.engine), options=options,
                                settings=settings, analyse=analyse, progress=progress)


def analyse(
    store: Store,
    articles: list[Article],
    *,
    language: bool,
    settings: Settings = DEFAULTS,
    progress: Progress | None = None,
) -> dict[str, ArticleAnalysis]:
    """Each article's analysis: from the store when this very code made it, else made and stored.

    Without ``language`` a stored analysis made with the language model serves too (it holds
    the same sentences and dates). A failed analysis is stored as failed, with its error, and
    tried again on the next run.
    """
    key = extract.fingerprint(language=language)
    ids = [a.id for a in articles]
    stored = store.analyses(key, ids)
    if not language and len(stored) < len(ids):
        stored = {**store.analyses(extract.fingerprint(language=True), ids), **stored}
    out = {a.id: extract.analysis_from_data(a, stored[a.id]) for a in articles if a.id in stored}
    if progress is not None and out:
        progress(len(out))
    todo = [a for a in articles if a.id not in stored]
    if not todo:
        return out
    # One process computes an analysis at a time: a reader started while a writer analyses
    # waits for the writer's results rather than running the model on the same articles.
    with store.lease(key, waiting=_Waiting(store, key)):
        done = store.analyses(key, [a.id for a in todo])  # made by whoever held the lease before
        for article in todo:
            if article.id in done:
                out[article.id] = extract.analysis_from_data(article, done[article.id])
        if progress is not None and done:
            progress(len(done))
        rest = [a for a in todo if a.id not in done]
        for article, analysis in _made(store, key, rest, language=language, settings=settings, progress=progress):
            out[article.id] = analysis
    return out

def _made(store: Store, key: str, articles: Iterable[Article], *, language: bool, settings: Settings,
          progress: Progress | None) -> Iterator[tuple[Article, ArticleAnalysis]]:
    """Each article's analysis as the engine makes it, saved under ``key`` a batch at a time
    (no engine is started when there is nothing to analyse)."""
    stream = iter(articles)
    first = next(stream, None)
    if first is None:
        return
    batch: list[tuple[Article, ArticleAnalysis]] = []
    engine = get_engine(settings.engine)
    for article, analysis in engine.analyse(chain([first], stream), language=language, settings=settings):
        batch.append((article, analysis))
        if len(batch) >= settings.write_batch:
            _save(store, key, batch)
        if progress is not None:
            progress(1)
        yield article, analysis
    _save(store, key, batch)


class _Waiting:
    """Says once, in the log, which process this one waits for."""

    def __init__(self, store: Store, key: str) -> None:
        self.store, self.key, self.said = store, key, False

    def __call__(self) -> None:
        if not self.said:
            self.said = True
            _LOG.warning("process %s is analysing this store; waiting for its results",
                         self.store.lease_holder(self.key))


def _save(store: Store, key: str, batch: list[tuple[Article, ArticleAnalysis]]) -> None:
    with store.transaction():
        for article, analysis in batch:
            # An article another process changed meanwhile keeps no analysis of its old text.
            store.save_analysis(article.id, key, extract.analysis_to_data(analysis), error=analysis.error,
                                content_hash=article.content_hash or None)
        store.refresh_lease(key)
    batch.clear()


def _originals(store: Store) -> list[Article]:
    """Every stored article that is not a copy of another."""
    return [s.article for s in store.articles(include_copies=False)]


def build_timeline(
    store: Store,
    options: TimelineOptions | None = None,
    *,
    settings: Settings = DEFAULTS,
    progress: Progress | None = None,
    language: bool = True,
) -> Timeline:
    """The timeline of everything in the store (dated articles that are not copies).

    The dates and summaries come from the dated sentences of every article; with ``language``
    (the default) the language model's analysis of the cited articles adds each event's
    actors and place and the timeline's claims and disagreements.
    """
    options = options or TimelineOptions()
    articles = [a for a in _originals(store) if a.published is not None]
    thread = _entity_thread(store, articles, options.query, settings, progress) if options.query and language else None
    if thread is not None:
        # The thread is the query's selection: the story's topic is the query, not the pile's.
        mentions, options = thread, dataclasses.replace(options, query=None, keep_off_topic=True)
    else:
        mentions = _dated_mentions(store, articles, settings, progress)
    linked = link.link_mentions(mentions, record=options.dates is None, threshold=settings.same_event_overlap)
    result = timeline.build_timeline(linked, articles, options, settings.timeline)
    if not language:
        return result
    cited = timeline.cited_articles(result)
    found = analyse(store, [a for a in articles if a.id in cited], language=True, settings=settings)
    people = canonical_names(link_entities({aid: a.entities for aid, a in found.items()}))
    result = timeline.with_participants(result, {aid: a.events for aid, a in found.items()}, people)
    said = timeline.cited_claims(result, {aid: a.claims for aid, a in found.items()})
    groups, disagreements = _link_claims(said, settings)
    return dataclasses.replace(result, claims=tuple(said), disagreements=tuple(disagreements),
                               claim_groups=tuple(groups))


#: Rounds of widening the articles read for an entity to those holding its newly found names;
#: an entity whose names keep growing past them is looked for among all articles.
_ENTITY_ROUNDS = 8


def _entity_thread(store: Store, articles: list[Article], query: str, settings: Settings,
                   progress: Progress | None) -> list[EventMention] | None:
    """The date mentions of the story entity ``query`` names, under all its names (as
    :func:`entity_thread` finds them among every article's), reading only the articles that
    hold one of its names; ``None`` when the query names no entity of the story.

    The articles an entity comes from hold its names, or, for a country or an organisation of
    the extractor's tables, one of the forms of its name there. So the entities linked from the
    articles holding the query (or its forms) include every one named by it; linked again with
    the articles holding any of their names, until no new article holds one, they are the
    entities linking every article gives (an article outside holds none of their names, so none
    of its entities shares a name or an alias with them), and so are the mentions naming them.
    """
    wanted = _name_key(query)
    position = {a.id: n for n, a in enumerate(articles)}
    held: dict[str, tuple[Entity, ...]] = {}
    names = _name_forms([query])
    for _ in range(_ENTITY_ROUNDS):
        found = sorted((i for i in store.ids_holding(names) if i in position and i not in held), key=position.__getitem__)
        if not found and held:
            break
        held.update(_entities(store, [articles[position[i]] for i in found], settings))
        entities = link_entities(dict(sorted(held.items(), key=lambda kv: position[kv[0]])))
        named = [e for e in entities if wanted in {_name_key(n) for n in (e.name, *e.aliases)}]
        if not named:
            return None
        names = _name_forms([query, *(n for e in named for n in (e.name, *e.aliases))])
    else:
        _LOG.info("the names of %r kept growing: its entity is looked for among all articles", query)
        held = _entities(store, articles, settings)
    selected = [a for a in articles if a.id in held]
    _LOG.info("query %r: %d of %d articles read", query, len(selected), len(articles))
    return entity_thread(_dated_mentions(store, selected, settings, progress),
                         link_entities(dict(sorted(held.items(), key=lambda kv: position[kv[0]]))), query)


def _entities(store: Store, articles: list[Article], settings: Settings) -> dict[str, tuple[Entity, ...]]:
    """Each article's entities, a page of language analyses at a time (the rest let go)."""
    out: dict[str, tuple[Entity, ...]] = {}
    for start in range(0, len(articles), _MENTIONS_PAGE):
        found = analyse(store, articles[start : start + _MENTIONS_PAGE], language=True, settings=settings)
        out.update((aid, analysis.entities) for aid, analysis in found.items())
    return out


def _name_key(name: str) -> str:
    return " ".join(name.casefold().split())


def _name_forms(names: list[str]) -> list[str]:
    """The names, with every form the extractor gives the same canonical name (a country's
    capital and demonyms, an organisation's acronyms): an article saying only "Pyongyang"
    has an entity named "North Korea"."""
    from chronicle.extract.entities import COUNTRIES, ORGANISATIONS  # spaCy: only for a query

    keys = {_name_key(n).removeprefix("the ") for n in names}
    out = list(names)
    # A demonym's plural ("North Koreans") names the country too.
    tables = [(name, capital or "", *dems, *(d + "s" for d in dems), *others) for name, capital, dems, others in COUNTRIES]
    tables += [(name, *others) for name, others in ORGANISATIONS]
    for forms in tables:
        if keys & {_name_key(f).removeprefix("the ") for f in forms if f}:
            out.extend(f for f in forms if f)
    return out


#: Articles whose analyses are read at once when only their date mentions are kept.
_MENTIONS_PAGE = 500


def _dated_mentions(store: Store, articles: list[Article], settings: Settings,
                    progress: Progress | None) -> list[EventMention]:
    """Every article's date mentions, a page of analyses at a time: the rest of an analysis
    (its sentences, and any entities, claims and events stored with it) is let go at once."""
    mentions: list[EventMention] = []
    for start in range(0, len(articles), _MENTIONS_PAGE):
        page = articles[start : start + _MENTIONS_PAGE]
        dated = analyse(store, page, language=False, settings=settings, progress=progress)
        mentions.extend(m for a in page for m in dated[a.id].mentions)
    return mentions


def _link_claims(found: Iterable[Claim], settings: Settings) -> tuple[list[ClaimGroup], list[Disagreement]]:
    return link_claims(
        found,
        same_statement=settings.same_statement_overlap,
        denial_overlap=settings.denial_overlap,
        figures_window_days=settings.figures_window_days,
        compare_figures=settings.compare_figures,
    )


def _story(store: Store, settings: Settings, progress: Progress | None) -> tuple[list[Article], dict[str, ArticleAnalysis]]:
    """The story's articles and their full analyses (made where not yet stored)."""
    articles = _originals(store)
    return articles, analyse(store, articles, language=True, settings=settings, progress=progress)


def analyse_all(store: Store, *, settings: Settings = DEFAULTS, progress: Progress | None = None) -> int:
    """The full analysis of every stored article that is not a copy, cached in the store.

    Streamed: articles are read from the store as the engine takes them and each analysis is
    written and let go, so memory stays flat however large the store.
    """
    key = extract.fingerprint(language=True)
    ids = store.article_ids(include_copies=False)
    with store.lease(key, waiting=_Waiting(store, key)):
        done = store.analysed_ids(key)
        if progress is not None and done:
            progress(sum(1 for i in ids if i in done))
        todo = (article for i in ids if i not in done and (article := _article(store, i)) is not None)
        for _ in _made(store, key, todo, language=True, settings=settings, progress=progress):
            pass  # each analysis is in the store already: none is kept here
    return len(ids)


def _article(store: Store, article_id: str) -> Article | None:
    stored = store.get_article(article_id)
    return None if stored is None else stored.article


def entities(store: Store, *, settings: Settings = DEFAULTS, progress: Progress | None = None) -> list[StoryEntity]:
    """Every person, organisation and place of the story, one entity per referent."""
    _, found = _story(store, settings, progress)
    return link_entities({aid: a.entities for aid, a in found.items()})


def claims(
    store: Store,
    *,
    speaker: str | None = None,
    stance: str | None = None,
    since: dt.date | None = None,
    until: dt.date | None = None,
    settings: Settings = DEFAULTS,
    progress: Progress | None = None,
) -> list[Claim]:
    """Who said what, by date. ``speaker`` matches any part of the speaker's name, or names an
    entity of the story, whose claims it then finds under all its names ("North Korea" finds
    what "Pyongyang" said)."""
    articles, found = _story(store, settings, progress)
    names = _speaker_names(speaker, found) if speaker else None
    out = [
        c
        for a in articles
        for c in found[a.id].claims
        if (names is None or _said_by(c, names, found[a.id]))
        and (stance is None or c.stance == stance)
        and (since is None or (c.date is not None and c.date >= since.isoformat()))
        and (until is None or (c.date is not None and c.date <= until.isoformat()))
    ]
    return sorted(out, key=lambda c: (c.date or "", c.article))


def _speaker_names(speaker: str, found: dict[str, ArticleAnalysis]) -> tuple[str, frozenset[str]]:
    """What a speaker query looks for: its words, and every name of the story entity it names."""
    wanted = " ".join(speaker.casefold().split())
    for entity in link_entities({aid: a.entities for aid, a in found.items()}):
        names = frozenset(" ".join(n.casefold().split()) for n in (entity.name, *entity.aliases))
        if wanted in names:
            return wanted, names
    return wanted, frozenset()


def _said_by(claim: Claim, names: tuple[str, frozenset[str]], analysis: ArticleAnalysis) -> bool:
    wanted, entity_names = names
    if claim.speaker and wanted in claim.speaker.casefold():
        return True
    if not entity_names or claim.speaker_entity is None:
        return False
    local = next((e for e in analysis.entities if e.id == claim.speaker_entity), None)
    return local is not None and " ".join(local.name.casefold().split()) in entity_names


def claim_groups(
    store: Store, *, settings: Settings = DEFAULTS, progress: Progress | None = None
) -> tuple[list[ClaimGroup], list[Disagreement]]:
    """Claims grouped across the outlets that reported them, and where sources disagree."""
    return _link_claims(claims(store, settings=settings, progress=progress), settings)


def events(store: Store, *, settings: Settings = DEFAULTS, progress: Progress | None = None) -> list[EventMention]:
    """Every event found in every article (who did what to whom, when, where), by date."""
    articles, found = _story(store, settings, progress)
    out = [e for a in articles for e in found[a.id].events]
    return sorted(out, key=lambda e: (e.first, e.article_id, e.start))


def record(store: Store, *, settings: Settings = DEFAULTS, progress: Progress | None = None) -> StoryRecord:
    """The whole story in one pass over the analyses: what the entity, event and claim views
    read, so a server computes them together once per store state."""
    articles, found = _story(store, settings, progress)
    story_entities = link_entities({aid: a.entities for aid, a in found.items()})
    owner: dict[tuple[str, str], str] = {}
    for story_entity in story_entities:
        for name in (story_entity.name, *story_entity.aliases):
            owner.setdefault((story_entity.type, " ".join(name.casefold().split())), story_entity.id)
    said: list[Claim] = []
    speakers: list[str | None] = []
    outlets: list[str | None] = []
    for article in articles:
        local = {e.id: e for e in found[article.id].entities}
        for claim in found[article.id].claims:
            entity = local.get(claim.speaker_entity) if claim.speaker_entity else None
            said.append(claim)
            outlets.append(article.source)
            speakers.append(
                None if entity is None else owner.get((entity.type, " ".join(entity.name.casefold().split())))
            )
    order = sorted(range(len(said)), key=lambda i: (said[i].date or "", said[i].article))
    claims_by_date = [said[i] for i in order]
    groups, disagreements = _link_claims(claims_by_date, settings)
    story_events = sorted((e for a in articles for e in found[a.id].events),
                          key=lambda e: (e.first, e.article_id, e.start))
    return StoryRecord(
        entities=tuple(story_entities),
        events=tuple(story_events),
        claims=tuple(claims_by_date),
        speakers=tuple(speakers[i] for i in order),
        claim_groups=tuple(groups),
        disagreements=tuple(disagreements),
        outlets=tuple(outlets[i] for i in order),
    )


def tls_builder(
    input_docs: Path, n_dates: int, sentences_per_date: int, since: dt.date, until: dt.date,
    *, settings: Settings = DEFAULTS,
) -> dict[dt.date, list[str]]:
    """A timeline in the Timeline17 evaluation's shape, built the way ``chronicle timeline`` does."""
    with Store(":memory:") as store:
        ingest(store, [input_docs], settings=settings)
        result = build_timeline(
            store,
            TimelineOptions(dates=n_dates, sentences_per_date=sentences_per_date, since=since, until=until),
            settings=settings,
            language=False,
        )
    out: dict[dt.date, list[str]] = {}
    for entry in result.entries:
        if entry.granularity == "day":
            out[dt.date.fromisoformat(entry.date)] = [e.summary for e in entry.events]
    return out
