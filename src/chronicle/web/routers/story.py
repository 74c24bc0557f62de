"""``/v1/story``: what the store holds."""

from __future__ import annotations

from fastapi import APIRouter, Response

from chronicle.web.deps import ServedDep, json_response
from chronicle.web.schemas import Story

router = APIRouter(tags=["story"])


@router.get("/story", response_model=Story)
def story(state: ServedDep) -> Response:
    """How many articles, from which outlets, over which dates, at which store generation."""
    store = state.views.store()
    first, last = store.date_range()
    return json_response({
        "articles": store.count_articles(),
        "sources": [{"name": name, "articles": n} for name, n in store.sources()],
        "first": first.isoformat() if first else None,
        "last": last.isoformat() if last else None,
        "generation": store.generation(),
    })
