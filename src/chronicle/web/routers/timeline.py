"""``/v1/timeline`` and ``/v1/export/{format}``: the story's timeline, as JSON or as a file."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, HTTPException, Query, Request, Response

from chronicle.exports import FORMATS
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
        keep_off_topic: Annotated[bool, Query(description=(
            "keep articles far off the story most articles are about (a page leaves them out, listed "
            "in set_aside)"))] = False,
        claims: Annotated[bool, Query(description=(
            "include the cited claims, their statement groups and every article (false: a page's slim "
            "answer, with only the articles the entries and disagreements cite)"))] = True,
        bounds: Annotated[DateBounds, Depends()],
    ) -> None:
        self.dates = dates
        self.sentences_per_date = sentences_per_date
        self.query = query
        self.entity = entity
        self.all = all
        self.keep_off_topic = keep_off_topic
        self.claims = claims
        self.bounds = bounds

    def options(self, state: Served) -> TimelineOptions:
        query = self.query
        if self.entity:
            query = _entity_name(state, self.entity)
        return TimelineOptions(self.dates, self.sentences_per_date, self.bounds.since, self.bounds.until,
                               query, record=self.all, keep_off_topic=self.keep_off_topic)


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
    data, _ = state.views.timeline(params.options(state), claims=params.claims)
    return view_response(request, state, data)


@router.get("/export/{fmt}", responses={200: {"content": {
    "text/html": {}, "text/csv": {}, "text/markdown": {}, "application/json": {}, "text/plain": {}}}})
def export(
    request: Request, fmt: str, params: Annotated[TimelineParams, Depends()], state: ServedDep
) -> Response:
    """The timeline as a file to download: ``json``, ``markdown`` (a brief), ``html`` (a page that
    works offline), ``timelinejs`` (TimelineJS3 data), ``csv-events``, ``csv-claims``, ``text``,
    ``tls``. Made once per store state, like the timeline."""
    if fmt not in FORMATS:
        raise HTTPException(404, f"unknown export {fmt!r}; known: {', '.join(FORMATS)}")
    data, media_type, extension = state.views.export(params.options(state), fmt)
    response = view_response(request, state, data)
    response.headers["Content-Type"] = media_type
    response.headers["Content-Disposition"] = f'attachment; filename="timeline.{extension}"'
    return response
