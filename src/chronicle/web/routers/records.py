"""``/v1/entities``, ``/v1/events``, ``/v1/claims``, ``/v1/claim-groups`` and ``/v1/disagreements``:
the story's record, paged and filtered. All read the record's parts, made together once per store state."""

from __future__ import annotations

import bisect
from collections.abc import Mapping
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, Query, Request, Response

from chronicle.web.deps import Served, ServedDep, json_response
from chronicle.web.params import DateBounds, Paging, page
from chronicle.web.schemas import Claim, ClaimGroup, Disagreement, Entity, Event, Page

router = APIRouter()

Stance = Literal["asserts", "denies", "condemns"]


def _key(text: str) -> str:
    return " ".join(text.casefold().split())


def _entity_names(record: Mapping[str, Any], wanted: str | None) -> tuple[set[str], set[str]]:
    """The ids and every name of the story entities ``wanted`` names (by id or by any name)."""
    if not wanted:
        return set(), set()
    key = _key(wanted)
    ids: set[str] = set()
    names: set[str] = set()
    for entity in record["entities"]:
        own = {_key(n) for n in (entity["name"], *entity["aliases"])}
        if entity["id"] == wanted or key in own:
            ids.add(entity["id"])
            names |= own
    return ids, names or {key}


def _dated(state: Served, bounds: DateBounds) -> list[dict[str, Any]]:
    """The events whose first day may fall within the bounds: the record lists them by first day,
    so the range is found by bisection rather than by reading every event."""
    events: list[dict[str, Any]] = state.views.record_part("events")
    firsts = state.views.event_days()
    low = bisect.bisect_left(firsts, bounds.since.isoformat()) if bounds.since else 0
    high = bisect.bisect_right(firsts, bounds.until.isoformat() + "~") if bounds.until else len(events)
    return events[low:high]


def _contains(query: str | None, *texts: str | None) -> bool:
    if not query:
        return True
    key = query.casefold()
    return any(t and key in t.casefold() for t in texts)


@router.get("/entities", response_model=Page[Entity], tags=["entities"])
def entities(
    *,
    request: Request,
    type: Annotated[str | None, Query(description="PERSON, ORG, GPE, ...")] = None,
    q: Annotated[str | None, Query(max_length=200, description="part of a name or alias")] = None,
    paging: Annotated[Paging, Depends()],
    state: ServedDep,
) -> Response:
    """The story's people, organisations and places, one per referent, most mentioned first."""
    rows = [
        e for e in state.views.record()["entities"]
        if (type is None or e["type"] == type.upper()) and _contains(q, e["name"], *e["aliases"])
    ]
    return json_response(page(request, rows, paging))


@router.get("/events", response_model=Page[Event], tags=["events"])
def events(
    *,
    request: Request,
    entity: Annotated[str | None, Query(max_length=200, description="an entity id or name: events it takes part in")] = None,
    q: Annotated[str | None, Query(max_length=200, description="words of the sentence")] = None,
    bounds: Annotated[DateBounds, Depends()],
    paging: Annotated[Paging, Depends()],
    state: ServedDep,
) -> Response:
    """Events found in the articles (who did what to whom, when, where), by date."""
    record = state.views.record()
    _, names = _entity_names(record, entity)
    rows = [
        e for e in _dated(state, bounds)
        if bounds.keeps(e["first"])
        and (not names or any(_key(a) in names for a in e["actors"]) or _key(e["agent"] or "") in names)
        and _contains(q, e["sentence"])
    ]
    return json_response(page(request, rows, paging))


@router.get("/claims", response_model=Page[Claim], tags=["claims"])
def claims(
    *,
    request: Request,
    speaker: Annotated[str | None, Query(max_length=200, description="a speaker's name or entity id (all its names)")] = None,
    stance: Stance | None = None,
    q: Annotated[str | None, Query(max_length=200, description="words of what was said")] = None,
    bounds: Annotated[DateBounds, Depends()],
    paging: Annotated[Paging, Depends()],
    state: ServedDep,
) -> Response:
    """Who said what, dated when said."""
    return json_response(page(request, select_claims(state.views.record(), speaker, stance, bounds, q), paging))


def select_claims(record: Mapping[str, Any], speaker: str | None, stance: str | None, bounds: DateBounds,
                  q: str | None = None) -> list[dict[str, Any]]:
    """The claims of one speaker (any name of a story entity), stance, date range and words."""
    ids, _ = _entity_names(record, speaker)
    wanted = _key(speaker) if speaker else None
    return [
        c for c in record["claims"]
        if (wanted is None or c["speaker_story_entity"] in ids or wanted in _key(c["speaker"] or ""))
        and (stance is None or c["stance"] == stance)
        and bounds.keeps(c["date"])
        and _contains(q, c["text"])
    ]


@router.get("/claim-groups", response_model=Page[ClaimGroup], tags=["claims"])
def claim_groups(request: Request, paging: Annotated[Paging, Depends()], state: ServedDep) -> Response:
    """Each statement once, with every article that reported it."""
    return json_response(page(request, state.views.record()["claim_groups"], paging))


@router.get("/disagreements", response_model=Page[Disagreement],
                  tags=["claims"])
def disagreements(request: Request, paging: Annotated[Paging, Depends()], state: ServedDep) -> Response:
    """Where sources disagree: a denial of a named accusation, or incompatible figures."""
    return json_response(page(request, state.views.record()["disagreements"], paging))
