"""Views of a story computed once per store state: what a server (or any repeated reader) reads.

A view is the JSON of a timeline, or of the story's whole record (entities, events, claims,
statement groups, disagreements). It is computed at one *generation* of the store (the count
of writes to its articles), saved in the store under a key naming the view, its options, the
settings and the code that made the analyses, and served until the next write. In a process,
the parsed view is kept in memory, and concurrent readers of a view that is not made yet wait
for the one reader making it instead of each redoing the work.
"""

from __future__ import annotations

import dataclasses
import gzip
import hashlib
import json
import logging
import multiprocessing
import os
import sqlite3
import threading
from collections.abc import Callable, Iterator, Mapping
from pathlib import Path
from typing import Any

from chronicle import engine, extract
from chronicle.api import Chronicle
from chronicle.errors import ChronicleError
from chronicle.extract.fingerprint import code_digest
from chronicle.models import StoryRecord, TimelineOptions
from chronicle.serialize import (
    claim_dict,
    claim_group_dict,
    disagreement_dict,
    entity_dict,
    event_dict,
    timeline_dict,
)
from chronicle.settings import DEFAULTS, Settings
from chronicle.store import Store

__all__ = ["StoryViews", "Warmer", "page_timeline", "record_dict"]

_LOG = logging.getLogger(__name__)
#: The modules and packages whose code makes a view (beside the extraction, keyed already).
_VIEW_CODE = ("link", "timeline", "exports", "engine.py", "serialize.py", "views.py", "settings.py", "api.py")


def _options_key(options: TimelineOptions) -> str:
    return json.dumps([options.dates, options.sentences_per_date, str(options.since), str(options.until),
                       options.query, options.record])


def record_dict(found: StoryRecord) -> dict[str, Any]:
    """The story's record as JSON: each claim carries its statement ``group``, the id of the
    story entity that spoke it (``speaker_story_entity``, an id of ``entities``), its article's
    ``outlet`` and how many articles reported the statement (``reported_by``), so a page of
    claims is shown without the statement groups or the article list."""
    group_of = {id(c): g for g in found.claim_groups for c in g.claims}
    outlets = found.outlets or (None,) * len(found.claims)
    claims = []
    for claim, speaker, outlet in zip(found.claims, found.speakers, outlets, strict=True):
        group = group_of.get(id(claim))
        row = claim_dict(claim, None if group is None else group.id)
        row["speaker_story_entity"] = speaker
        row["outlet"] = outlet
        row["reported_by"] = 1 if group is None else len(group.sources)
        claims.append(row)
    return {
        "entities": [entity_dict(e) for e in found.entities],
        "events": [event_dict(e) for e in found.events],
        "claims": claims,
        "claim_groups": [claim_group_dict(g) for g in found.claim_groups],
        "disagreements": [disagreement_dict(d) for d in found.disagreements],
    }


def page_timeline(data: dict[str, Any]) -> dict[str, Any]:
    """A timeline's JSON for a page that reads claims page by page: its entries and
    disagreements, the articles these cite and no claims or statement groups. On a large story
    the groups and the whole article list are most of the answer (2.8 of 3.4 MB on 10,000
    articles), and the page needs neither before its claims are asked for."""
    cited: set[str] = set()
    for entry in data["entries"]:
        for event in entry["events"]:
            cited.update(event["sources"])
            cited.update(e["article"] for e in event["evidence"])
    for disagreement in data["disagreements"]:
        for side in disagreement["sides"]:
            cited.update(side["sources"])
    return {**data, "articles": [a for a in data["articles"] if a["id"] in cited], "claims": [],
            "claim_groups": []}


class StoryViews:
    """The views of the story in the store file ``db``, made once per store state."""

    def __init__(self, db: str | Path, *, settings: Settings = DEFAULTS, keep: int = 32) -> None:
        self.db = Path(db)
        self.settings = settings
        self._keep = keep
        self._lock = threading.Lock()
        self._making: dict[str, threading.Lock] = {}
        self._memory: dict[tuple[int, str], tuple[bytes, Any]] = {}
        self._gzipped: dict[int, tuple[bytes, bytes]] = {}
        self._local = threading.local()
        # The settings and the code are part of every key: a view made by other rules is not served.
        digest = hashlib.sha256(repr(dataclasses.asdict(settings)).encode())
        digest.update(extract.fingerprint(language=True).encode())
        digest.update(extract.fingerprint(language=False).encode())
        # And the code of every stage after extraction: an upgrade is never served an old view.
        digest.update(code_digest(*_VIEW_CODE).encode())
        self._rules = digest.hexdigest()[:16]

    def store(self) -> Store:
        """This thread's connection to the store (SQLite connections are not shared by threads)."""
        store: Store | None = getattr(self._local, "store", None)
        if store is None:
            store = Store(self.db)
            self._local.store = store
        return store

    def generation(self) -> int:
        return self.store().generation()

    def compressed(self, data: bytes) -> bytes:
        """``data`` gzipped, once per view: a large answer is compressed once, not per request."""
        with self._lock:
            found = self._gzipped.get(id(data))
            if found is not None and found[0] is data:
                return found[1]
        packed = gzip.compress(data, compresslevel=6, mtime=0)
        with self._lock:
            if len(self._gzipped) >= self._keep:
                self._gzipped.pop(next(iter(self._gzipped)))
            self._gzipped[id(data)] = (data, packed)
        return packed

    def timeline(self, options: TimelineOptions, *, claims: bool = True) -> tuple[bytes, dict[str, Any]]:
        """The timeline as JSON bytes and as the parsed object; without ``claims``, the slim
        answer of :func:`page_timeline`, for a page that pages through the claims on its own."""
        key = f"timeline/{_options_key(options)}"

        def make(store: Store) -> dict[str, Any]:
            return timeline_dict(engine.build_timeline(store, options, settings=self.settings))

        if claims:
            return self._view(key, make)
        return self._view(key + "/page", lambda store: page_timeline(self._view(key, make)[1]))

    def export(self, options: TimelineOptions, fmt: str) -> tuple[bytes, str, str]:
        """The timeline in an export format (:data:`chronicle.exports.FORMATS`): its bytes, media
        type and file extension."""
        key = f"export/{fmt}/{_options_key(options)}"

        def make(store: Store) -> dict[str, Any]:
            with Chronicle(self.db, settings=self.settings) as story:
                made = story.export(fmt, options=options)
            return {"content": made.content, "media_type": made.media_type, "extension": made.extension}

        parsed = self._view(key, make)[1]
        # Encoded once and kept with the view, so the gzipped copy is made once too.
        content: bytes = parsed.setdefault("_encoded", parsed["content"].encode())
        return content, parsed["media_type"], parsed["extension"]

    def warm(self) -> None:
        """Make (or load) what the page asks for first, so its first visitor after a start or a
        write does not wait for it: the key dates, the dated record of the time axis, and the
        story's record. Anything that goes wrong is left for the request that asks again."""
        try:
            self.timeline(TimelineOptions(), claims=False)
            self.timeline(TimelineOptions(record=True), claims=False)
            for part in RECORD_PARTS:
                self.record_part(part)
        except (ChronicleError, OSError, sqlite3.Error):
            _LOG.warning("could not prepare the story's views ahead of the first request", exc_info=True)

    def record(self) -> Mapping[str, Any]:
        """The story's record (see :func:`record_dict`), each part (``entities``, ``events``,
        ``claims``, ``claim_groups``, ``disagreements``) read when first asked for: the whole
        record of 10,000 articles is 116 MB of JSON, its entities a few, and a request for names
        should not parse the claims."""
        return _Record(self)

    def record_part(self, part: str) -> list[Any]:
        """One part of the story's record; the first made makes them all, and keeps them all."""

        def make(store: Store) -> list[Any]:
            generation = store.generation()
            whole = record_dict(engine.record(store, settings=self.settings))
            for other, rows in whole.items():
                if other != part:
                    data = _encoded(rows)
                    store.save_view(f"record/{other}/{self._rules}", generation, data, rules=f"/{self._rules}")
                    self._remember(generation, f"record/{other}/{self._rules}", (data, rows))
            made: list[Any] = whole[part]
            return made

        rows: list[Any] = self._view(f"record/{part}", make, lease="record")[1]
        return rows

    def event_days(self) -> list[str]:
        """The first day of each event of the record, in its order (by first day): what a date
        range is looked up in by bisection."""
        days: list[str] = self._view("record/event-days", lambda store: [
            e["first"] or "" for e in self.record_part("events")])[1]
        return days

    def _view(self, name: str, make: Callable[[Store], Any], *, lease: str | None = None) -> tuple[bytes, Any]:
        store = self.store()
        generation = store.generation()
        key = f"{name}/{self._rules}"
        found = self._memory.get((generation, key))
        if found is not None:
            return found
        with self._lock:
            making = self._making.setdefault(lease or key, threading.Lock())
        with making:
            found = self._memory.get((generation, key))
            if found is not None:
                return found
            data = store.view(key, generation)
            if data is None:
                # Another process making this view (a server's warmer, a second server) is
                # waited for, not raced: its result is read from the store when it is done.
                with store.lease(f"view:{lease or key}"):
                    data = store.view(key, generation)
                    if data is None:
                        made = make(store)
                        data = _encoded(made)
                        store.save_view(key, generation, data, rules=f"/{self._rules}")
                        found = (data, made)
            if found is None:
                found = (data, json.loads(data))
            self._remember(generation, key, found)
            return found

    def _remember(self, generation: int, key: str, found: tuple[bytes, Any]) -> None:
        with self._lock:
            for old in [k for k in self._memory if k[0] != generation]:
                del self._memory[old]
            while len(self._memory) >= self._keep:
                del self._memory[next(iter(self._memory))]
            self._memory[(generation, key)] = found


def _encoded(made: Any) -> bytes:
    return json.dumps(made, ensure_ascii=False, separators=(",", ":")).encode()


#: The parts of the story's record, as :func:`record_dict` names them.
RECORD_PARTS = ("entities", "events", "claims", "claim_groups", "disagreements")


class _Record(Mapping[str, Any]):
    """The story's record, each part read from the views when first asked for."""

    def __init__(self, views: StoryViews) -> None:
        self._views = views

    def __getitem__(self, part: str) -> Any:
        if part not in RECORD_PARTS:
            raise KeyError(part)
        return self._views.record_part(part)

    def __iter__(self) -> Iterator[str]:
        return iter(RECORD_PARTS)

    def __len__(self) -> int:
        return len(RECORD_PARTS)


class Warmer:
    """Makes a store's page views (:meth:`StoryViews.warm`) in a child process, so a server
    stays responsive while they are made (the work holds no lock of the server's), and stops at
    once when the server does (a thread would keep the process alive until the analyses in
    flight were done). A request for a view the warmer is making waits for it through the
    store's lease instead of making it a second time."""

    def __init__(self, db: str | Path, *, settings: Settings = DEFAULTS) -> None:
        self.db = Path(db)
        self.settings = settings
        self._process: multiprocessing.process.BaseProcess | None = None
        self._reaper: threading.Thread | None = None
        self._lock = threading.Lock()

    def start(self) -> None:
        """Make the views of the store's current state, stopping a warm-up of an older one."""
        with self._lock:
            self._halt()
            # spawn, not fork: a server has threads, and a fork copies their held locks.
            context = multiprocessing.get_context("spawn")
            self._process = context.Process(target=_warm, args=(self.db, self.settings, os.getpid()),
                                            name="chronicle-warm")
            self._process.start()
            # Reaped when it ends, not left a zombie until the next upload or the server's end;
            # only this thread waits for the process, so no two threads race for its status.
            self._reaper = threading.Thread(target=self._process.join, name="chronicle-warm-reaper", daemon=True)
            self._reaper.start()

    def stop(self) -> None:
        with self._lock:
            self._halt()

    def _halt(self) -> None:
        process, self._process = self._process, None
        reaper, self._reaper = self._reaper, None
        if process is None or reaper is None:
            return
        if reaper.is_alive():
            process.terminate()  # its analysis workers die with it
            reaper.join(10)
        if reaper.is_alive():
            process.kill()
            reaper.join()


def _warm(db: Path, settings: Settings, parent: int) -> None:
    from chronicle.extract.workers import die_with_parent

    die_with_parent(parent)
    StoryViews(db, settings=settings).warm()
