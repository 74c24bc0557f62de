"""``/v1/timeline`` and ``/v1/export/{format}``: the story's timeline, as JSON or as a file."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, HTTPException, Query, Request, Response

from chronicle.models import TimelineOptions
from chronicle.web.deps import Served, ServedDep, view_response
from chronicle.web.params import DateBounds
from chronicle.web.schemas import Timeline

router = APIRouter(tags=["timeline"])


class TimelineParams:
    """The CLI's timeline options, as query parameters."""

    def __init__(
        self,
        *,
        dates: Annotated[int | None, Query(ge=1, le=1000, description="number of dates (default: scaled to the story)")] = None,
        sentences_per_date: Annotated[int | None, Query(ge=1, le=50)] = None,
        query: Annotated[str | None, Query(max_length=200, description="a person, place or keywords")] = None,
        entity: Annotated[str | None, Query(max_length=200, description="an entity id or name: its events only")] = None,
        all: Annotated[bool, Query(description="the full dated record instead of the reader's page")] = False,
        bounds: Annotated[DateBounds, Depends()],
    ) -> None:
        self.dates = dates
        self.sentences_per_date = sentences_per_date
        self.query = query
        self.entity = entity
        self.all = all
        self.bounds = bounds

    def options(self, state: Served) -> TimelineOptions:
        query = self.query
        if self.entity:
            query = _entity_name(state, self.entity)
        return TimelineOptions(self.dates, self.sentences_per_date, self.bounds.since, self.bounds.until,
                               query, record=self.all)


def _entity_name(state: Served, wanted: str) -> str:
    entities: list[dict[str, Any]] = state.views.record()["entities"]
    key = wanted.casefold()
    for entity in entities:
        if entity["id"] == wanted or key in (n.casefold() for n in (entity["name"], *entity["aliases"])):
            return str(entity["name"])
    raise HTTPException(404, f"no entity {wanted!r} in this story")


@router.get("/timeline", response_model=Timeline)
def timeline(request: Request, params: Annotated[TimelineParams, Depends()], state: ServedDep) -> Response:
    """The timeline in the ``chronicle.timeline/1`` contract, computed once per store state."""
    data, _ = state.views.timeline(params.options(state))
    return view_response(request, state, data)


EXPORTS = {
    "json": ("json", "application/json"),
    "markdown": ("md", "text/markdown; charset=utf-8"),
    "html": ("html", "text/html; charset=utf-8"),
}


@router.get("/export/{fmt}",
                  responses={200: {"content": {"application/octet-stream": {}}}})
def export(fmt: str, params: Annotated[TimelineParams, Depends()], state: ServedDep) -> Response:
    """The timeline as a file to download."""
    from chronicle import render
    from chronicle.api import Chronicle

    if fmt not in EXPORTS:
        raise HTTPException(404, f"unknown export {fmt!r}; known: {', '.join(EXPORTS)}")
    extension, media = EXPORTS[fmt]
    with Chronicle(state.db, settings=state.settings) as story:
        built = story.timeline(dates=params.dates, sentences_per_date=params.sentences_per_date,
                               since=params.bounds.since, until=params.bounds.until,
                               query=params.options(state).query, record=params.all)
    body = render.render(built, fmt)
    return Response(body, media_type=media,
                    headers={"Content-Disposition": f'attachment; filename="timeline.{extension}"'})
