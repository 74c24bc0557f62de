"""Timeline-summarization (TLS) evaluation on Timeline17, scored as tilse 0.2.1 scores it.

The metrics are those of tilse 0.2.1 (Martschat & Markert, EACL 2017) with
``rouge_computation="reimpl"``, which is what news-tls (Ghalandari & Ifrim, 2020) and most
later TLS papers report:

* **Date-F1** — precision/recall of the set of predicted dates against the gold dates.
* **concat ROUGE-1/2** — all daily summaries of each timeline concatenated into one summary.
* **agreement ROUGE-1/2** — daily summaries compared only on dates both timelines have.
* **alignment ROUGE-1/2** (AR-1, AR-2) — tilse's ``align_date_content_costs_many_to_one``:
  every predicted date is aligned to its cheapest gold date (and, for recall, every gold date
  to its cheapest predicted date), where the cost multiplies a date-distance factor by one
  minus an approximate ROUGE-1 F of the two summaries; matched n-grams then count
  ``1 / (days apart + 1)``.

Each gold timeline is scored on its own (a ground truth of one timeline, as news-tls does).
Across timelines, precision and recall are each averaged and F is computed from those two
means (news-tls ``experiments/evaluate.py::get_average_results``, and tilse's own
``Scores._compute_average``) — not the mean of per-timeline F values.

The one departure from tilse is on inputs where tilse raises instead of scoring (an empty
prediction, or a side without a single content unigram or bigram): a ratio with a zero
denominator is 0 here. Everything else is computed in tilse's order of float operations, so
the figures are equal to tilse's to the last bit, ties included (an alignment cost tie goes to
the earliest date, as ``numpy.argmin`` breaks it).

ROUGE preprocessing is tilse's reimplementation exactly: whitespace tokens, lower-cased, dropped
when in ROUGE-1.5.5's ``smart_common_words.txt`` or in tilse's short punctuation list, then
Porter-stemmed by NLTK's ``PorterStemmer`` (which needs no NLTK data files). Bigrams run across
sentence boundaries, and for concat across date boundaries too. The alignment cost uses a
different, cruder token filter (tilse's ``compute_rouge_approximation``): case kept, no stemming,
no stopwords, and a token dropped when it is a *substring* of ``string.punctuation``.

NLTK is the one extra dependency (``pip install 'chronicle[eval]'``); it is imported on first use
so the rest of chronicle does not need it.
"""

from __future__ import annotations

import datetime as dt
import itertools
import string
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, fields
from pathlib import Path
from typing import Final, Literal, Protocol, TypeAlias, TypeVar

__all__ = [
    "DATE_BLOCK_END",
    "METRIC_LABELS",
    "PRF",
    "Report",
    "TimelineBuilder",
    "TimelineResult",
    "TlsScores",
    "TlsTimeline",
    "average_scores",
    "date_f1",
    "evaluate_tls",
    "format_tls",
    "parse_tls",
    "pubcount_lead_baseline",
    "read_tls",
    "rouge_tokens",
    "score_timeline",
    "write_tls",
]

#: A timeline as TLS evaluation sees it: a date and that date's daily summary, one sentence per
#: string, tokens separated by whitespace (Timeline17's text is already tokenized).
TlsTimeline: TypeAlias = dict[dt.date, list[str]]

#: The line that closes each date block in the Timeline17 format.
DATE_BLOCK_END: Final = "-" * 32


class TimelineBuilder(Protocol):
    """The system under evaluation: builds a timeline from one topic's input documents.

    ``n_dates`` and ``sentences_per_date`` are the size of the gold timeline (its number of dates
    and its mean sentences per date, rounded); ``since``/``until`` are its first and last date.
    """

    def __call__(
        self,
        input_docs_dir: Path,
        n_dates: int,
        sentences_per_date: int,
        since: dt.date,
        until: dt.date,
        /,
    ) -> Mapping[dt.date, Sequence[str]]: ...


# ---------------------------------------------------------------------------------------------
# The Timeline17 text format
# ---------------------------------------------------------------------------------------------


def _as_date(line: str) -> dt.date | None:
    # strptime rather than fromisoformat because that is what tilse's reader accepts as a date.
    try:
        return dt.datetime.strptime(line, "%Y-%m-%d").date()
    except ValueError:
        return None


def parse_tls(text: str, *, duplicate_dates: Literal["last", "merge"] = "last") -> TlsTimeline:
    """Read a timeline in the Timeline17 format: a date line, its sentences, a line of dashes.

    Some Timeline17 gold timelines repeat a date in two blocks. tilse's reader keeps only the
    last block, so ``"last"`` is the default to score exactly as tilse does; ``"merge"`` keeps
    all sentences instead. Blank lines are not sentences.
    """
    timeline: TlsTimeline = {}
    current: dt.date | None = None
    sentences: list[str] = []

    def close_block() -> None:
        if current is None:
            return
        if duplicate_dates == "merge" and current in timeline:
            timeline[current].extend(sentences)
        else:
            timeline[current] = sentences

    for raw in text.splitlines():
        line = raw.strip()
        if line == DATE_BLOCK_END:
            close_block()
            current, sentences = None, []
            continue
        date = _as_date(line)
        if date is not None:
            current = date
        elif line:
            sentences.append(line)
    # A last block without its closing dashes is kept, so a truncated file loses nothing.
    close_block()
    return timeline


def read_tls(path: Path | str, *, duplicate_dates: Literal["last", "merge"] = "last") -> TlsTimeline:
    """Read a Timeline17-format timeline file (see :func:`parse_tls`)."""
    return parse_tls(Path(path).read_text(encoding="utf-8"), duplicate_dates=duplicate_dates)


def _one_line(sentence: str) -> str:
    # A line break inside a sentence would split it in two on reading; whitespace is not
    # significant to any metric, so collapsing it loses nothing.
    return " ".join(sentence.split())


def format_tls(timeline: Mapping[dt.date, Iterable[str]]) -> str:
    """Write a timeline in the Timeline17 format, dates in order.

    Sentences are put on one line each with their whitespace collapsed; empty ones are dropped.
    """
    lines: list[str] = []
    for date in sorted(timeline):
        lines.append(date.isoformat())
        lines.extend(s for s in map(_one_line, timeline[date]) if s)
        lines.append(DATE_BLOCK_END)
    return "".join(line + "\n" for line in lines)


def write_tls(timeline: Mapping[dt.date, Iterable[str]], path: Path | str) -> None:
    """Write a timeline file in the Timeline17 format (see :func:`format_tls`)."""
    Path(path).write_text(format_tls(timeline), encoding="utf-8")


# ---------------------------------------------------------------------------------------------
# ROUGE preprocessing, as tilse's RougeReimplementation does it
# ---------------------------------------------------------------------------------------------

# ROUGE-1.5.5's data/smart_common_words.txt, the stopword list tilse's reimplementation loads
# (596 distinct entries, the SMART list plus news boilerplate such as month names).
_ROUGE_STOPWORDS: Final = frozenset(
    """
    reuters ap jan feb mar apr may jun jul aug sep oct nov dec tech news index mon tue wed thu fri sat
    's a a's able about above according accordingly across actually after afterwards again against ain't
    all allow allows almost alone along already also although always am amid among amongst an and
    another any anybody anyhow anyone anything anyway anyways anywhere apart appear appreciate
    appropriate are aren't around as aside ask asking associated at available away awfully b be became
    because become becomes becoming been before beforehand behind being believe below beside besides
    best better between beyond both brief but by c c'mon c's came can can't cannot cant cause causes
    certain certainly changes clearly co com come comes concerning consequently consider considering
    contain containing contains corresponding could couldn't course currently d definitely described
    despite did didn't different do does doesn't doing don't done down downwards during e each edu eg
    e.g. eight either else elsewhere enough entirely especially et etc etc. even ever every everybody
    everyone everything everywhere ex exactly example except f far few fifth five followed following
    follows for former formerly forth four from further furthermore g get gets getting given gives go
    goes going gone got gotten greetings h had hadn't happens hardly has hasn't have haven't having he
    he's hello help hence her here here's hereafter hereby herein hereupon hers herself hi him himself
    his hither hopefully how howbeit however i i'd i'll i'm i've ie i.e. if ignored immediate in
    inasmuch inc indeed indicate indicated indicates inner insofar instead into inward is isn't it it'd
    it'll it's its itself j just k keep keeps kept know knows known l lately later latter latterly least
    less lest let let's like liked likely little look looking looks ltd m mainly many maybe me mean
    meanwhile merely might more moreover most mostly mr. ms. much must my myself n namely nd near nearly
    necessary need needs neither never nevertheless new next nine no nobody non none noone nor normally
    not nothing novel now nowhere o obviously of off often oh ok okay old on once one ones only onto or
    other others otherwise ought our ours ourselves out outside over overall own p particular
    particularly per perhaps placed please plus possible presumably probably provides q que quite qv r
    rather rd re really reasonably regarding regardless regards relatively respectively right s said
    same saw say saying says second secondly see seeing seem seemed seeming seems seen self selves
    sensible sent serious seriously seven several shall she should shouldn't since six so some somebody
    somehow someone something sometime sometimes somewhat somewhere soon sorry specified specify
    specifying still sub such sup sure t t's take taken tell tends th than thank thanks thanx that
    that's thats the their theirs them themselves then thence there there's thereafter thereby therefore
    therein theres thereupon these they they'd they'll they're they've think third this thorough
    thoroughly those though three through throughout thru thus to together too took toward towards tried
    tries truly try trying twice two u un under unfortunately unless unlikely until unto up upon us use
    used useful uses using usually uucp v value various very via viz vs w want wants was wasn't way we
    we'd we'll we're we've welcome well went were weren't what what's whatever when whence whenever
    where where's whereafter whereas whereby wherein whereupon wherever whether which while whither who
    who's whoever whole whom whose why will willing wish with within without won't wonder would wouldn't
    x y yes yet you you'd you'll you're you've your yours yourself yourselves z zero
    """.split()
)

# tilse's own list (not string.punctuation): so "(", "?", "--" or "-LRB-" are content tokens.
_ROUGE_PUNCTUATION: Final = frozenset({".", ",", ";", ":", "``", "''", "-", '"'})
_ROUGE_IGNORED: Final = _ROUGE_STOPWORDS | _ROUGE_PUNCTUATION


class _PorterStems:
    """NLTK's Porter stemmer behind a cache: a timeline's vocabulary is small and stemming slow."""

    def __init__(self) -> None:
        try:
            from nltk.stem.porter import PorterStemmer
        except ImportError as exc:  # pragma: no cover - depends on the environment
            raise ImportError(
                "TLS evaluation stems with NLTK's Porter stemmer, as tilse does; "
                "install it with: pip install 'chronicle[eval]'"
            ) from exc
        self._stemmer = PorterStemmer()
        self._cache: dict[str, str] = {}

    def __call__(self, token: str) -> str:
        stem = self._cache.get(token)
        if stem is None:
            try:
                stem = str(self._stemmer.stem(token))
            except IndexError:
                # tilse's "robust" stemmer: old NLTK versions raised on some short tokens.
                stem = token
            self._cache[token] = stem
        return stem


_stems: _PorterStems | None = None


def _stem(token: str) -> str:
    global _stems
    if _stems is None:
        _stems = _PorterStems()
    return _stems(token)


def rouge_tokens(sentences: Iterable[str]) -> list[str]:
    """The tokens tilse's ROUGE reimplementation compares, in order, sentences run together."""
    tokens: list[str] = []
    for sentence in sentences:
        for token in sentence.split():
            lowered = token.lower()
            if lowered not in _ROUGE_IGNORED:
                tokens.append(_stem(lowered))
    return tokens


# ---------------------------------------------------------------------------------------------
# Scores
# ---------------------------------------------------------------------------------------------


def _f1(precision: float, recall: float) -> float:
    if precision + recall == 0:
        return 0.0
    return 2 * precision * recall / (precision + recall)


def _ratio(numerator: float, denominator: float) -> float:
    return numerator / denominator if denominator else 0.0


@dataclass(frozen=True, slots=True)
class PRF:
    """Precision, recall and their F1."""

    precision: float
    recall: float

    @property
    def f1(self) -> float:
        return _f1(self.precision, self.recall)

    @classmethod
    def mean(cls, scores: Sequence[PRF]) -> PRF:
        """Mean precision and mean recall; F1 is then taken from those means (news-tls, tilse)."""
        if not scores:
            return cls(0.0, 0.0)
        return cls(
            sum(s.precision for s in scores) / len(scores),
            sum(s.recall for s in scores) / len(scores),
        )


@dataclass(frozen=True, slots=True)
class TlsScores:
    """Every TLS metric for one timeline, or averaged over several."""

    date: PRF
    concat_r1: PRF
    concat_r2: PRF
    agreement_r1: PRF
    agreement_r2: PRF
    align_r1: PRF
    align_r2: PRF


#: Column labels as TLS papers print them, in :class:`TlsScores` field order.
METRIC_LABELS: Final[Mapping[str, str]] = {
    "date": "Date-F1",
    "concat_r1": "concat R-1",
    "concat_r2": "concat R-2",
    "agreement_r1": "agree R-1",
    "agreement_r2": "agree R-2",
    "align_r1": "AR-1",
    "align_r2": "AR-2",
}


def average_scores(scores: Sequence[TlsScores]) -> TlsScores:
    """Average per metric: mean precision, mean recall, F1 of the two means."""
    return TlsScores(**{f.name: PRF.mean([getattr(s, f.name) for s in scores]) for f in fields(TlsScores)})


def date_f1(predicted: Iterable[dt.date], gold: Iterable[dt.date]) -> PRF:
    """Date selection: the predicted dates that are gold dates, exact day match."""
    predicted_dates, gold_dates = set(predicted), set(gold)
    shared = len(predicted_dates & gold_dates)
    return PRF(_ratio(shared, len(predicted_dates)), _ratio(shared, len(gold_dates)))


@dataclass(frozen=True, slots=True)
class _Summary:
    """One daily summary (or a whole concatenated timeline), counted the ways the metrics need."""

    unigrams: Counter[str]
    bigrams: Counter[tuple[str, str]]
    # For the alignment cost only (tilse's compute_rouge_approximation).
    raw_unigrams: Counter[str]

    @classmethod
    def of(cls, sentences: Sequence[str]) -> _Summary:
        tokens = rouge_tokens(sentences)
        raw = Counter(
            token
            for sentence in sentences
            for token in sentence.split()
            # Substring test, as tilse writes it: "" and runs like "()" or "./" count as punctuation.
            if token not in string.punctuation
        )
        return cls(Counter(tokens), Counter(itertools.pairwise(tokens)), raw)

    @property
    def n_unigrams(self) -> int:
        return sum(self.unigrams.values())

    @property
    def n_bigrams(self) -> int:
        return sum(self.bigrams.values())


_Gram = TypeVar("_Gram", str, tuple[str, str])


def _overlap(predicted: Counter[_Gram], gold: Counter[_Gram]) -> int:
    return sum(min(count, gold[gram]) for gram, count in predicted.items())


def _approximate_rouge1_f(predicted: _Summary, gold: _Summary) -> float:
    match = _overlap(predicted.raw_unigrams, gold.raw_unigrams)
    precision = _ratio(match, sum(predicted.raw_unigrams.values()))
    recall = _ratio(match, sum(gold.raw_unigrams.values()))
    return _f1(precision, recall)


def _date_weight(a: dt.date, b: dt.date) -> float:
    return 1 / (abs(a.toordinal() - b.toordinal()) + 1)


def _concat(predicted: Mapping[dt.date, Sequence[str]], gold: TlsTimeline) -> tuple[PRF, PRF]:
    p = _Summary.of([s for date in sorted(predicted) for s in predicted[date]])
    g = _Summary.of([s for date in sorted(gold) for s in gold[date]])
    r1, r2 = _overlap(p.unigrams, g.unigrams), _overlap(p.bigrams, g.bigrams)
    return (
        PRF(_ratio(r1, p.n_unigrams), _ratio(r1, g.n_unigrams)),
        PRF(_ratio(r2, p.n_bigrams), _ratio(r2, g.n_bigrams)),
    )


def _agreement(predicted: Mapping[dt.date, _Summary], gold: Mapping[dt.date, _Summary]) -> tuple[PRF, PRF]:
    shared = predicted.keys() & gold.keys()
    r1 = sum(_overlap(predicted[d].unigrams, gold[d].unigrams) for d in shared)
    r2 = sum(_overlap(predicted[d].bigrams, gold[d].bigrams) for d in shared)
    return _rouge_prf(r1, r1, r2, r2, predicted, gold)


def _rouge_prf(
    p_r1: float, r_r1: float, p_r2: float, r_r2: float,
    predicted: Mapping[dt.date, _Summary], gold: Mapping[dt.date, _Summary],
) -> tuple[PRF, PRF]:
    """ROUGE-1 and ROUGE-2 P/R from matched counts over the predicted and gold totals."""
    return (
        PRF(
            _ratio(p_r1, sum(s.n_unigrams for s in predicted.values())),
            _ratio(r_r1, sum(s.n_unigrams for s in gold.values())),
        ),
        PRF(
            _ratio(p_r2, sum(s.n_bigrams for s in predicted.values())),
            _ratio(r_r2, sum(s.n_bigrams for s in gold.values())),
        ),
    )


def _alignment(predicted: Mapping[dt.date, _Summary], gold: Mapping[dt.date, _Summary]) -> tuple[PRF, PRF]:
    """tilse's align_date_content_costs_many_to_one, for one gold timeline."""
    predicted_dates, gold_dates = sorted(predicted), sorted(gold)
    if not predicted_dates or not gold_dates:
        return PRF(0.0, 0.0), PRF(0.0, 0.0)
    # cost[i][j] between predicted date i and gold date j; tilse builds the same matrix for
    # precision (rows: predicted) and its transpose for recall (rows: gold).
    cost = [
        [(1 - _date_weight(p, g)) * (1 - _approximate_rouge1_f(predicted[p], gold[g])) for g in gold_dates]
        for p in predicted_dates
    ]

    # numpy.argmin semantics: the first of equal minima, i.e. the earliest date.
    def cheapest(costs: Sequence[float]) -> int:
        return min(range(len(costs)), key=costs.__getitem__)

    # Numerators are accumulated in tilse's order so the float sums come out bit for bit.
    p_r1 = p_r2 = 0.0
    for i, p in enumerate(predicted_dates):
        g = gold_dates[cheapest(cost[i])]
        weight = _date_weight(p, g)
        p_r1 += weight * _overlap(predicted[p].unigrams, gold[g].unigrams)
        p_r2 += weight * _overlap(predicted[p].bigrams, gold[g].bigrams)
    r_r1 = r_r2 = 0.0
    for j, g in enumerate(gold_dates):
        p = predicted_dates[cheapest([row[j] for row in cost])]
        weight = _date_weight(p, g)
        r_r1 += weight * _overlap(predicted[p].unigrams, gold[g].unigrams)
        r_r2 += weight * _overlap(predicted[p].bigrams, gold[g].bigrams)
    return _rouge_prf(p_r1, r_r1, p_r2, r_r2, predicted, gold)


def score_timeline(predicted: Mapping[dt.date, Sequence[str]], gold: TlsTimeline) -> TlsScores:
    """Score a predicted timeline against one gold timeline on every TLS metric."""
    predicted_summaries = {d: _Summary.of(s) for d, s in predicted.items()}
    gold_summaries = {d: _Summary.of(s) for d, s in gold.items()}
    concat_r1, concat_r2 = _concat(predicted, gold)
    agreement_r1, agreement_r2 = _agreement(predicted_summaries, gold_summaries)
    align_r1, align_r2 = _alignment(predicted_summaries, gold_summaries)
    return TlsScores(
        date=date_f1(predicted, gold),
        concat_r1=concat_r1,
        concat_r2=concat_r2,
        agreement_r1=agreement_r1,
        agreement_r2=agreement_r2,
        align_r1=align_r1,
        align_r2=align_r2,
    )


# ---------------------------------------------------------------------------------------------
# Evaluation over a Timeline17-layout directory
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class TimelineResult:
    """The scores of one predicted timeline against one gold timeline."""

    topic: str
    gold_name: str
    n_dates: int
    sentences_per_date: int
    since: dt.date
    until: dt.date
    predicted_dates: int
    scores: TlsScores

    @property
    def name(self) -> str:
        return f"{self.topic}/{self.gold_name}"


@dataclass(frozen=True, slots=True)
class Report:
    """Per-timeline scores and their average (mean P and R per metric, F1 of those means)."""

    timelines: list[TimelineResult]
    average: TlsScores


def _gold_timelines(data_dir: Path) -> list[tuple[Path, Path]]:
    """(topic folder, gold timeline file) pairs, in a stable order."""
    pairs: list[tuple[Path, Path]] = []
    for topic in sorted(p for p in data_dir.iterdir() if p.is_dir()):
        timelines_dir = topic / "timelines"
        if (topic / "InputDocs").is_dir() and timelines_dir.is_dir():
            pairs.extend((topic, gold) for gold in sorted(timelines_dir.glob("*.txt")))
    return pairs


def evaluate_tls(
    data_dir: Path | str,
    build_timeline: TimelineBuilder,
    predictions_dir: Path | str | None = None,
    *,
    on_timeline: Callable[[TimelineResult], None] | None = None,
) -> Report:
    """Build and score a timeline for every gold timeline under a Timeline17-layout directory.

    ``data_dir`` holds topic folders, each with ``InputDocs/<YYYY-MM-DD>/*`` and
    ``timelines/*.txt``. For each gold timeline the builder gets the gold's number of dates,
    its mean sentences per date (rounded half to even, as news-tls's ``round(np.mean(...))``
    does, and at least 1) and its first and last date. With ``predictions_dir``, each prediction
    is written there as ``<topic folder>__<gold file name>``. ``on_timeline`` is called after each
    timeline is scored, for progress display.
    """
    data_dir = Path(data_dir)
    pairs = _gold_timelines(data_dir)
    if not pairs:
        raise FileNotFoundError(f"no <topic>/timelines/*.txt with an InputDocs folder under {data_dir}")
    out_dir = Path(predictions_dir) if predictions_dir is not None else None
    if out_dir is not None:
        out_dir.mkdir(parents=True, exist_ok=True)

    results: list[TimelineResult] = []
    for topic, gold_path in pairs:
        gold = read_tls(gold_path)
        dates = sorted(gold)
        n_dates = len(dates)
        sentences_per_date = max(1, round(sum(len(s) for s in gold.values()) / n_dates))
        built = build_timeline(topic / "InputDocs", n_dates, sentences_per_date, dates[0], dates[-1])
        predicted: TlsTimeline = {date: list(sentences) for date, sentences in built.items()}
        if out_dir is not None:
            write_tls(predicted, out_dir / f"{topic.name}__{gold_path.name}")
        result = TimelineResult(
            topic=topic.name,
            gold_name=gold_path.name,
            n_dates=n_dates,
            sentences_per_date=sentences_per_date,
            since=dates[0],
            until=dates[-1],
            predicted_dates=len(predicted),
            scores=score_timeline(predicted, gold),
        )
        results.append(result)
        if on_timeline is not None:
            on_timeline(result)
    return Report(results, average_scores([r.scores for r in results]))


# ---------------------------------------------------------------------------------------------
# A reference baseline
# ---------------------------------------------------------------------------------------------


def _article_number(path: Path) -> tuple[int, str]:
    head = path.name.split(".", 1)[0]
    return (int(head), path.name) if head.isdigit() else (1 << 62, path.name)


def _published_articles(
    input_docs_dir: Path, since: dt.date, until: dt.date
) -> dict[dt.date, list[list[str]]]:
    """Non-empty articles by publication date (their folder name), each as its sentence lines."""
    by_date: dict[dt.date, list[list[str]]] = {}
    for folder in sorted(input_docs_dir.iterdir()):
        date = _as_date(folder.name) if folder.is_dir() else None
        if date is None or not since <= date <= until:
            continue
        for path in sorted((p for p in folder.iterdir() if p.is_file()), key=_article_number):
            lines = path.read_text(encoding="utf-8", errors="replace").splitlines()
            sentences = [line.strip() for line in lines if line.strip()]
            if sentences:
                by_date.setdefault(date, []).append(sentences)
    return by_date


def pubcount_lead_baseline(
    input_docs_dir: Path,
    n_dates: int,
    sentences_per_date: int,
    since: dt.date,
    until: dt.date,
) -> TlsTimeline:
    """PUBCOUNT dates with lead sentences: the TLS baseline any real system has to beat.

    The ``n_dates`` days in ``since..until`` on which the most (non-empty) articles were
    published, earlier day first on equal counts. Each day's summary is the first sentence of
    that day's articles in file order, then their second sentences, and so on, until
    ``sentences_per_date`` sentences.
    """
    articles = _published_articles(Path(input_docs_dir), since, until)
    chosen = sorted(articles, key=lambda d: (-len(articles[d]), d))[:n_dates]
    timeline: TlsTimeline = {}
    for date in sorted(chosen):
        summary: list[str] = []
        depth = max(len(a) for a in articles[date])
        for position in range(depth):
            for article in articles[date]:
                if position < len(article) and len(summary) < sentences_per_date:
                    summary.append(article[position])
        timeline[date] = summary
    return timeline
