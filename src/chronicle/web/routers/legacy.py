"""``/api/*``: the first API's endpoints, kept answering for one release (deprecated: use ``/v1``).

They answer as they did (whole lists, not pages), from the same views as ``/v1``.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated

from fastapi import APIRouter, HTTPException, Query, Request, Response

from chronicle.models import TimelineOptions
from chronicle.serialize import stored_article_dict
from chronicle.web.deps import ServedDep, json_response, view_response
from chronicle.web.params import DateBounds
from chronicle.web.routers import articles as v1_articles
from chronicle.web.routers import records

router = APIRouter(tags=["deprecated: /api (use /v1)"], deprecated=True)


@router.get("/timeline")
def timeline(
    *,
    request: Request,
    dates: Annotated[int | None, Query(ge=1)] = None,
    sentences_per_date: Annotated[int | None, Query(ge=1)] = None,
    since: dt.date | None = None,
    until: dt.date | None = None,
    query: str | None = None,
    all: bool = False,
    state: ServedDep,
) -> Response:
    data, _ = state.views.timeline(TimelineOptions(dates, sentences_per_date, since, until, query, record=all))
    return view_response(request, state, data)


@router.get("/articles")
def articles(state: ServedDep) -> Response:
    store = state.views.store()
    return json_response([stored_article_dict(s) for s in store.articles()])


@router.get("/articles/{article_id:path}")
def article(article_id: str, state: ServedDep) -> Response:
    return v1_articles.article(article_id=article_id, state=state)


@router.get("/entities")
def entities(state: ServedDep) -> Response:
    return json_response(state.views.record()["entities"])


@router.get("/events")
def events(state: ServedDep) -> Response:
    return json_response(state.views.record()["events"])


@router.get("/claims")
def claims(
    *,
    speaker: str | None = None,
    stance: str | None = None,
    since: dt.date | None = None,
    until: dt.date | None = None,
    state: ServedDep,
) -> Response:
    if stance is not None and stance not in ("asserts", "denies", "condemns"):
        raise HTTPException(400, f"unknown stance {stance!r}; known: asserts, denies, condemns")
    bounds = DateBounds(since=None, until=None)
    bounds.since, bounds.until = since, until
    return json_response(records.select_claims(state.views.record(), speaker, stance, bounds))
