"""What every route reads: the story's views, the server's configuration, the upload jobs."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Any

from fastapi import Depends, HTTPException, Request, Response
from fastapi.responses import JSONResponse

from chronicle.settings import Settings
from chronicle.views import StoryViews, Warmer
from chronicle.web.security import ServeConfig

__all__ = ["Served", "ServedDep", "json_response", "served", "view_response"]


@dataclass(frozen=True, slots=True)
class Served:
    db: Path
    settings: Settings
    views: StoryViews
    config: ServeConfig
    jobs: ThreadPoolExecutor
    #: Makes the page's views ahead of the first request, when the server is configured to.
    warmer: Warmer | None = None


def served(request: Request) -> Served:
    state: Served = request.app.state.served
    if state.config.reads_need_token and not state.config.authorised(request):
        raise HTTPException(401, "a valid API token is needed (Authorization: Bearer <token>)",
                            headers={"WWW-Authenticate": "Bearer"})
    return state


def json_response(data: bytes | Any, status: int = 200) -> Response:
    """JSON as it is (bytes already encoded are sent untouched)."""
    if isinstance(data, bytes):
        return Response(data, status_code=status, media_type="application/json")
    return JSONResponse(data, status_code=status)


#: The served story, as a route's parameter (checks the token where reads need one).
ServedDep = Annotated[Served, Depends(served)]


def view_response(request: Request, state: Served, data: bytes) -> Response:
    """A cached view's JSON, gzipped once for every client that accepts it."""
    if "gzip" in request.headers.get("accept-encoding", ""):
        return Response(state.views.compressed(data), media_type="application/json",
                        headers={"Content-Encoding": "gzip", "Vary": "Accept-Encoding"})
    return Response(data, media_type="application/json", headers={"Vary": "Accept-Encoding"})
