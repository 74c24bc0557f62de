"""Timeline: choose the dates that matter and say what happened on each.

Takes linked events (models only) and returns a :class:`Timeline`; knows nothing of
how the events were found. Dates are ranked by :mod:`~chronicle.timeline.salience`
(references in the text, publication counts, independent sources); each chosen date is
summarized by :mod:`~chronicle.timeline.summarize` (centroid with redundancy removal).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import math
import re
from collections import defaultdict
from collections.abc import Iterable

from chronicle.models import (
    Article,
    EventMention,
    Evidence,
    Granularity,
    LinkedEvent,
    Timeline,
    TimelineEntry,
    TimelineEvent,
    TimelineOptions,
)
from chronicle.settings import Method
from chronicle.timeline.language import cited_articles, cited_claims, with_participants
from chronicle.timeline.salience import date_salience, spread_dates
from chronicle.timeline.summarize import Candidate, Pick, summarize_date, summarizes
from chronicle.timeline.text import (
    Vector,
    add_into,
    clean_summary,
    cosine,
    idf_weights,
    normalized,
    readable,
    terms,
    tfidf,
)
from chronicle.timeline.topic import topic_weight, topicality

__all__ = ["Method", "build_timeline", "cited_articles", "cited_claims", "date_label", "dates_for", "with_participants"]

_SPACE = re.compile(r"\s+")
_COARSENESS = {"day": 0, "week": 1, "month": 2, "quarter": 3, "year": 4, "decade": 5, "century": 6}


def date_label(first: dt.date, granularity: Granularity) -> str:
    """ISO 8601 at its granularity: ``2024-01-09``, ``2024-W02``, ``2023-12``, ``2023``."""
    if granularity == "day":
        return first.isoformat()
    if granularity == "week":
        year, week, _ = first.isocalendar()
        return f"{year}-W{week:02d}"
    if granularity == "month":
        return f"{first.year:04d}-{first.month:02d}"
    if granularity == "quarter":
        return f"{first.year:04d}-Q{(first.month - 1) // 3 + 1}"
    return f"{first.year:04d}"


def _event_id(label: str, head: EventMention) -> str:
    key = f"{label}|{head.article_id}|{head.sentence_index}"
    return "ev-" + hashlib.sha1(key.encode("utf-8")).hexdigest()[:12]


def _query_terms(query: str | None) -> list[str]:
    return [t for t in re.findall(r"\w+", query.lower())] if query else []


def _matches(event: LinkedEvent, query: list[str]) -> bool:
    text = " ".join(m.sentence for m in event.mentions).lower()
    return all(re.search(rf"\b{re.escape(term)}", text) for term in query)


def _in_range(event: LinkedEvent, options: TimelineOptions) -> bool:
    head = event.mentions[0]
    if options.since and head.last < options.since:
        return False
    return not (options.until and head.first > options.until)


class _Vectors:
    """TF-IDF vectors of mention sentences, computed once per sentence."""

    def __init__(self, mentions: Iterable[EventMention]) -> None:
        sentences: dict[tuple[str, int], str] = {}
        for m in mentions:
            sentences.setdefault((m.article_id, m.sentence_index), m.sentence)
        self._terms = {key: terms(text) for key, text in sentences.items()}
        self._idf = idf_weights(self._terms.values())
        self._default = max(self._idf.values(), default=1.0)
        self._cache: dict[tuple[str, int], Vector] = {}

    def article_terms(self) -> dict[str, list[str]]:
        """Each article's content terms, over its distinct sentences."""
        out: dict[str, list[str]] = defaultdict(list)
        for (article_id, _), tokens in self._terms.items():
            out[article_id].extend(tokens)
        return out

    def __call__(self, mention: EventMention) -> Vector:
        key = (mention.article_id, mention.sentence_index)
        vector = self._cache.get(key)
        if vector is None:
            tokens = self._terms.get(key)
            if tokens is None:
                tokens = terms(mention.sentence)
            vector = self._cache[key] = tfidf(tokens, self._idf, self._default)
        return vector


def _closeness(event: LinkedEvent, method: Method) -> float:
    # A sentence written weeks after the day usually names it in passing ("oil has gushed
    # since the April 20 explosion"): it is about its own day, not that one.
    lag = min((m.published - m.first).days for m in event.mentions)
    return 1.0 if lag <= method.late_after_days else method.late_report


def _timeline_event(label: str, pick: Pick) -> TimelineEvent:
    event = pick.candidate.event
    # The article whose sentence is shown comes first, its evidence too: a reader checks the
    # summary against the first source named.
    mentions = sorted(event.mentions, key=lambda m: m is not pick.head)
    return TimelineEvent(
        id=_event_id(label, pick.head),
        summary=_SPACE.sub(" ", clean_summary(pick.head.sentence)).strip(),
        sources=tuple(dict.fromkeys(m.article_id for m in mentions)),
        evidence=tuple(
            # Read as a reader expects ("(50 miles)", not "-LRB- 50 miles -RRB-"); the offsets
            # still index the article's own text, which is what a page highlights.
            Evidence(m.article_id, readable(_SPACE.sub(" ", m.sentence).strip()), m.time_expression, m.start, m.end)
            for m in mentions
        ),
    )


def _same_happening(a: Pick, b: Pick, threshold: float) -> bool:
    if set(a.candidate.event.sources) & set(b.candidate.event.sources):
        return False
    words_a, words_b = set(terms(a.head.sentence)), set(terms(b.head.sentence))
    if not words_a or not words_b:
        return False
    return len(words_a & words_b) / min(len(words_a), len(words_b)) >= threshold


def _merged(picks: list[Pick], method: Method) -> list[Pick]:
    """Fold together the day's reports that different outlets make of one happening.

    Linking keeps reports apart unless their wording is close, which is right for choosing
    a summary's sentences; but outlets word one happening differently ("talks collapsed",
    "were paused", "broke down"), and a full timeline should show it once, with every source.
    """
    out: list[Pick] = []
    for pick in picks:
        home = next((p for p in out if _same_happening(p, pick, method.same_day_report)), None)
        if home is None:
            out.append(pick)
            continue
        event = LinkedEvent(home.candidate.event.mentions + pick.candidate.event.mentions)
        out[out.index(home)] = Pick(Candidate(event, home.candidate.weight, home.candidate.own), home.head, home.score)
    return out


def _summary(picks: list[Pick], automatic: bool, method: Method) -> list[Pick]:
    if not automatic or not picks:
        return picks
    picks = _merged(picks, method)
    top = picks[0].score
    return [p for p in picks if p.score >= method.auto_keep * top]


def build_timeline(
    events: list[LinkedEvent],
    articles: list[Article],
    options: TimelineOptions | None = None,
    method: Method | None = None,
) -> Timeline:
    """The story's timeline: dated entries, each with the events of its date.

    * ``options.dates`` set: exactly that many day-granularity dates (fewer only when fewer
      days have anything to say), the most salient ones, each summarized by its most central
      events, as timeline-summarization evaluation expects;
    * ``options.record``: the full record, every date with something on it, weeks and months
      included, each event stated by the report linking chose to represent it;
    * by default, a reader's page: the record's :func:`dates_for` most salient days.
    """
    options = options or TimelineOptions()
    method = method or Method()
    query = _query_terms(options.query)
    vectors = _Vectors(m for e in events for m in e.mentions)
    # A page keeps to the pile's story; the record lists everything, and a query is the topic.
    focused = (method.topic.enabled and not options.record and not options.query and not options.keep_off_topic
               and len(articles) >= method.topic.min_articles)
    weight = _topic_weights(vectors, method) if focused else {}
    set_aside = tuple(sorted(a for a, w in weight.items() if w <= 0))
    kept = [e for e in (_on_topic(e, weight) for e in events)
            if e.mentions and _in_range(e, options) and (not query or _matches(e, query))]
    story: Vector = {}
    for event in kept:
        for mention in event.mentions:
            add_into(story, vectors(mention), weight.get(mention.article_id, 1.0))
    story = normalized(story)

    by_date: dict[tuple[dt.date, Granularity], list[LinkedEvent]] = defaultdict(list)
    for event in kept:
        head = event.mentions[0]
        by_date[(head.first, head.granularity)].append(event)

    automatic = options.sentences_per_date is None
    per_date = options.sentences_per_date or method.events_per_date
    salience = date_salience((m for e in kept for m in e.mentions), method.salience, weight or None)
    if focused:
        salience = _on_thread(salience, kept, vectors, story, method)

    def belongs(event: LinkedEvent) -> float:
        return max((weight.get(m.article_id, 1.0) for m in event.mentions), default=1.0)

    def candidates(day: dt.date, granularity: Granularity) -> list[Candidate]:
        out = [Candidate(e, _closeness(e, method) * belongs(e)) for e in by_date.get((day, granularity), ())]
        if granularity == "day" and method.next_day_leads > 0:
            out.extend(
                Candidate(e, method.next_day_leads * belongs(e), own=False)
                for e in by_date.get((day + dt.timedelta(days=1), "day"), ())
                if all(m.time_expression is None for m in e.mentions)
            )
        return out

    def in_bounds(day: dt.date) -> bool:
        return not ((options.since and day < options.since) or (options.until and day > options.until))

    def ranked_days(wanted: int, eligible: dict[dt.date, float] | None = None) -> list[dt.date]:
        in_range = {d: s for d, s in (eligible or salience).items() if in_bounds(d)}
        first_day = options.since or min(in_range, default=dt.date.min)
        last_day = options.until or max(in_range, default=dt.date.min)
        span = (last_day - first_day).days + 1 if in_range else 1
        # The damping reaches about as far as the mean gap between the dates asked for.
        # All days are ranked, not just n, to have spares for days with nothing to summarize.
        gap = method.spread_scale * span / wanted
        return spread_dates(in_range, gap, method.spread)

    entries: list[TimelineEntry] = []
    if options.dates is not None:
        for day in ranked_days(options.dates):
            if len(entries) >= options.dates:
                break
            # A compressed timeline folds the next morning's undated reports into the
            # day they report on: that next day may well not be among the chosen dates.
            picks = _summary(
                # Timeline summarization's gold timelines keep announcements among the events, and
                # a timeline of N dates is what that evaluation asks for: plans are not discounted.
                summarize_date(candidates(day, "day"), per_date, vectors,
                               dataclasses.replace(method.summary, written_before=1.0), story=story),
                automatic,
                method,
            )
            if picks:
                label = date_label(day, "day")
                entries.append(TimelineEntry(label, "day", tuple(_timeline_event(label, p) for p in picks)))
    else:
        for day, granularity in list(by_date):
            if granularity == "day" and not in_bounds(day):
                continue
            picks = _summary(
                # Every day is listed here, so each report stays on its own day; a question is
                # not an event a reader's timeline lists.
                summarize_date(candidates(day, granularity), per_date, vectors,
                               dataclasses.replace(method.summary, question=0.0), neighbours=False, story=story),
                automatic,
                method,
            )
            if picks:
                label = date_label(day, granularity)
                # The record states each event by the report linking chose to represent it
                # (the finest-dated one written on or after the day); a reader's page by the
                # sentence that sits nearest the day's centroid, which says most of it.
                if options.record:
                    picks = [Pick(p.candidate, _representative(p, method), p.score) for p in picks]
                entries.append(TimelineEntry(label, granularity, tuple(_timeline_event(label, p) for p in picks)))
        if not options.record:
            # A reader's page: the most salient days of the record, in the record's words.
            wanted = dates_for(len(articles) - len(set_aside), method)
            by_label = {e.date: e for e in entries if e.granularity == "day"}
            eligible = _story_days(salience, kept, method)
            chosen = [d for d in ranked_days(wanted, eligible) if d.isoformat() in by_label][:wanted]
            entries = [by_label[d.isoformat()] for d in chosen]

    def order(entry: TimelineEntry) -> tuple[dt.date, int]:
        first = _first_day(entry.date, entry.granularity)
        return first, -_COARSENESS[entry.granularity]

    entries.sort(key=order)
    return Timeline(entries=tuple(entries), articles=tuple(articles), set_aside=set_aside)


def _topic_weights(vectors: _Vectors, method: Method) -> dict[str, float]:
    """How much each article counts on a page: 1 for the story's reports, less for asides,
    0 for articles off the story (see :mod:`~chronicle.timeline.topic`)."""
    shares = topicality(vectors.article_terms(), method.topic)
    return {aid: topic_weight(share, method.topic) for aid, share in shares.items()}


def _on_thread(salience: dict[dt.date, float], events: list[LinkedEvent], vectors: _Vectors, story: Vector,
               method: Method) -> dict[dt.date, float]:
    """Salience weighed by how much each day's sentences are about the story's thread.

    An aside's day can gather votes from several articles of fair topicality (a wire service's
    earthquake copy names its day again and again, in words a war story shares: killed,
    people, forces); what is said of that day is still far from the story. A day counts fully
    from ``day_full_at`` of a typical day's closeness to the story's centroid, less below.
    """
    total: dict[dt.date, float] = defaultdict(float)
    count: dict[dt.date, int] = defaultdict(int)
    said: dict[dt.date, Vector] = defaultdict(dict)
    for event in events:
        for m in event.mentions:
            if m.granularity == "day":
                total[m.first] += cosine(vectors(m), story)
                count[m.first] += 1
                add_into(said[m.first], vectors(m))
    sentences = sum(count.values())
    if not sentences:
        return salience
    # Two views of a day's closeness, each against its typical value: its sentences' mean (fair
    # to a quiet day), and its centroid's (fair to a busy day, whose many sentences on the
    # thread outweigh its asides). A day near the thread by either counts as near.
    mean = {d: total[d] / count[d] for d in count}
    typical_mean = sum(total.values()) / sentences
    centroid = {d: cosine(normalized(v), story) for d, v in said.items()}
    typical_centroid = sum(c * count[d] for d, c in centroid.items()) / sentences
    if typical_mean <= 0 or typical_centroid <= 0:
        return salience
    p = method.topic
    share = {d: max(mean[d] / typical_mean, centroid[d] / typical_centroid) for d in count}
    return {d: s * min(1.0, share.get(d, 1.0) / p.day_full_at) ** p.weight_power for d, s in salience.items()}


def _on_topic(event: LinkedEvent, weight: dict[str, float]) -> LinkedEvent:
    """The event as the story's articles report it: without the reports of articles off it."""
    if not weight or all(weight.get(m.article_id, 1.0) > 0 for m in event.mentions):
        return event
    return LinkedEvent(tuple(m for m in event.mentions if weight.get(m.article_id, 1.0) > 0))


def _story_days(salience: dict[dt.date, float], events: list[LinkedEvent], method: Method) -> dict[dt.date, float]:
    """The days a reader's page may show: those of the story's coverage, and the background
    days several articles refer to (a lone article's aside about 1982 is not the story)."""
    published_by = {m.article_id: m.published for e in events for m in e.mentions}
    published = sorted(set(published_by.values()))
    if not published:
        return salience
    margin = dt.timedelta(days=method.coverage_margin_days)
    first, last = published[0] - margin, published[-1] + margin
    referring: dict[dt.date, set[str]] = defaultdict(set)
    for event in events:
        for m in event.mentions:
            if m.granularity == "day" and m.time_expression is not None:
                referring[m.first].add(m.article_id)
    # Background needs to be the story's: a day a handful of articles mention in passing (the
    # 2001 attacks in an oil-spill story) is not.
    needed = max(method.background_articles, math.ceil(method.background_share * len(published_by)))
    return {d: s for d, s in salience.items() if first <= d <= last or len(referring[d]) >= needed}


def dates_for(articles: int, method: Method) -> int:
    """How many dates a reader's timeline of a story of this many articles has.

    Newsroom timelines of a story grow slower than its coverage: on Timeline17, stories of 76
    to 346 articles have gold timelines of 9 to 158 dates, most between 12 and 35.
    """
    wanted = round(method.dates_per_root_article * math.sqrt(articles))
    return max(method.min_dates, min(method.max_dates, wanted))


def _representative(pick: Pick, method: Method) -> EventMention:
    """The report linking chose to represent the event (the first one stated on this date that
    could summarize it), else the one the summary picked."""
    return next((m for m in pick.candidate.event.mentions if m.primary and summarizes(m.sentence, method.summary)),
                pick.head)


def _first_day(label: str, granularity: Granularity) -> dt.date:
    if granularity == "day":
        return dt.date.fromisoformat(label)
    if granularity == "week":
        year, week = label.split("-W")
        return dt.date.fromisocalendar(int(year), int(week), 1)
    if granularity == "month":
        year, month = label.split("-")
        return dt.date(int(year), int(month), 1)
    if granularity == "quarter":
        year, quarter = label.split("-Q")
        return dt.date(int(year), 3 * int(quarter) - 2, 1)
    return dt.date(int(label[:4]), 1, 1)
