"""The REST API and the web page: a thin adapter over the Python API.

``create_app(db)`` builds the application; nothing is opened at import time. Each
request opens the store (SQLite connections are per thread), so the server can run
with several workers.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from fastapi import FastAPI, HTTPException, Query, Request, Response
from fastapi.responses import FileResponse, JSONResponse
from fastapi.staticfiles import StaticFiles

from chronicle.api import Chronicle
from chronicle.errors import ChronicleError, InputError
from chronicle.serialize import claim_dict, entity_dict, event_dict, stored_article_dict, timeline_dict
from chronicle.settings import DEFAULTS, Settings

__all__ = ["create_app"]

_STATIC = Path(__file__).parent / "static"
# Article text is untrusted: the page builds its DOM with textContent, and the policy
# forbids inline scripts and any origin but our own even if something slipped through.
_CSP = "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; object-src 'none'"


def create_app(db: str | Path, *, settings: Settings = DEFAULTS) -> FastAPI:
    """The chronicle web application over the store file ``db``."""
    db_path = Path(db)
    if not db_path.exists():
        raise InputError(f"{db_path}: no such store (run 'chronicle ingest' first)")
    app = FastAPI(title="chronicle", version="0.1.0", description="The record of a story, from the news.")

    def story() -> Chronicle:
        return Chronicle(db_path, settings=settings)

    @app.middleware("http")
    async def security_headers(request: Request, call_next: Any) -> Response:
        response: Response = await call_next(request)
        response.headers["Content-Security-Policy"] = _CSP
        response.headers["X-Content-Type-Options"] = "nosniff"
        return response

    @app.exception_handler(ChronicleError)
    async def chronicle_error(request: Request, exc: ChronicleError) -> JSONResponse:
        return JSONResponse({"detail": str(exc)}, status_code=400)

    @app.get("/", include_in_schema=False)
    def index() -> FileResponse:
        return FileResponse(_STATIC / "index.html", media_type="text/html")

    app.mount("/static", StaticFiles(directory=_STATIC), name="static")

    @app.get("/api/timeline")
    def timeline(
        dates: int | None = Query(None, ge=1),
        sentences_per_date: int | None = Query(None, ge=1),
        since: dt.date | None = None,
        until: dt.date | None = None,
        query: str | None = None,
        all: bool = False,
    ) -> dict[str, Any]:
        """The timeline in the ``chronicle.timeline/1`` JSON contract (``all``: the full record)."""
        with story() as opened:
            result = opened.timeline(
                dates=dates, sentences_per_date=sentences_per_date, since=since, until=until, query=query,
                record=all,
            )
            return timeline_dict(result)

    @app.get("/api/articles")
    def articles() -> list[dict[str, Any]]:
        with story() as opened:
            return [stored_article_dict(s) for s in opened.articles()]

    @app.get("/api/articles/{article_id:path}")
    def article(article_id: str) -> dict[str, Any]:
        """One article with its text, so a page can show evidence in context."""
        with story() as opened:
            stored = opened.article(article_id)
        if stored is None:
            raise HTTPException(404, f"no article {article_id!r}")
        return stored_article_dict(stored, text=True)

    @app.get("/api/entities")
    def entities() -> list[dict[str, Any]]:
        with story() as opened:
            return [entity_dict(e) for e in opened.entities()]

    @app.get("/api/events")
    def events() -> list[dict[str, Any]]:
        with story() as opened:
            return [event_dict(e) for e in opened.events()]

    @app.get("/api/claims")
    def claims(
        speaker: str | None = None,
        stance: str | None = None,
        since: dt.date | None = None,
        until: dt.date | None = None,
    ) -> list[dict[str, Any]]:
        """Who said what, dated when said; ``speaker`` follows every name of a story entity."""
        with story() as opened:
            found = opened.claims(speaker=speaker, stance=stance, since=since, until=until)
            return [claim_dict(c) for c in found]

    return app
