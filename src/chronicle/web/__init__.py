"""The REST API and the web page: a thin adapter over the Python API.

``create_app(db)`` builds the application; nothing is opened at import time. The story's views
(timeline, entities, events, claims) are computed once per store state and cached in the store
(:mod:`chronicle.views`), so requests do no language processing after the first; every answer
carries an ETag naming the store state, and large ones are gzipped.

Routes: ``/v1/...`` (one router per resource), ``/api/...`` (the first API, deprecated),
``/docs`` (the OpenAPI page, served offline), ``/`` (the page).
"""

from __future__ import annotations

import hashlib
import threading
from collections import OrderedDict
from concurrent.futures import ThreadPoolExecutor
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

from fastapi import FastAPI, Request, Response
from fastapi.middleware.gzip import GZipMiddleware
from fastapi.responses import FileResponse, JSONResponse, RedirectResponse
from fastapi.staticfiles import StaticFiles
from starlette.middleware.trustedhost import TrustedHostMiddleware

from chronicle.errors import ChronicleError, InputError
from chronicle.settings import DEFAULTS, Settings
from chronicle.views import StoryViews, Warmer
from chronicle.web.deps import Served
from chronicle.web.routers import articles, ingest, legacy, records, story, timeline
from chronicle.web.security import COOKIE, BodyLimit, HeadAsGet, ServeConfig

__all__ = ["ServeConfig", "create_app"]

_STATIC = Path(__file__).parent / "static"
# Article text is untrusted: the page builds its DOM with textContent, and the policy
# forbids inline scripts and any origin but our own even if something slipped through.
_CSP = ("default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; object-src 'none'; "
        "base-uri 'none'; frame-ancestors 'none'; form-action 'self'")
# Answers that change without a write to the articles: never given an ETag.
_UNCACHED = ("/v1/jobs/", "/v1/ingest")


def _secured(request: Request, response: Response) -> Response:
    response.headers["Content-Security-Policy"] = _CSP
    response.headers["X-Content-Type-Options"] = "nosniff"
    response.headers["Referrer-Policy"] = "no-referrer"
    if request.url.path.startswith("/api/"):
        response.headers["Deprecation"] = "true"
        response.headers["Link"] = '</v1/>; rel="successor-version"'
    return response


class AnswerCache:
    """Answers of read requests by (store generation, request, gzip): every read is a function of
    the store state, so an answer stays right until the next write. Bounded by count and bytes;
    answers of older generations go first."""

    def __init__(self, *, count: int = 512, size: int = 256 * 1024 * 1024) -> None:
        self._count = count
        self._size = size
        self._used = 0
        self._lock = threading.Lock()
        self._kept: OrderedDict[tuple[int, str, bool], tuple[bytes, dict[str, str]]] = OrderedDict()

    def get(self, key: tuple[int, str, bool]) -> tuple[bytes, dict[str, str]] | None:
        with self._lock:
            found = self._kept.get(key)
            if found is not None:
                self._kept.move_to_end(key)
            return found

    def put(self, key: tuple[int, str, bool], answer: tuple[bytes, dict[str, str]]) -> None:
        if len(answer[0]) > self._size // 8:
            return
        with self._lock:
            for old in [k for k in self._kept if k[0] != key[0]]:
                self._used -= len(self._kept.pop(old)[0])
            if key in self._kept:
                self._used -= len(self._kept.pop(key)[0])
            self._kept[key] = answer
            self._used += len(answer[0])
            while len(self._kept) > self._count or self._used > self._size:
                _, dropped = self._kept.popitem(last=False)
                self._used -= len(dropped[0])


def create_app(db: str | Path, *, settings: Settings = DEFAULTS, config: ServeConfig | None = None) -> FastAPI:
    """The chronicle web application over the store file ``db``."""
    config = config or ServeConfig()
    config.check()
    db_path = Path(db)
    if not db_path.exists():
        raise InputError(f"{db_path}: no such store (run 'chronicle ingest' first)")
    views = StoryViews(db_path, settings=settings)
    warmer = Warmer(db_path, settings=settings) if config.warm else None
    jobs = ThreadPoolExecutor(max_workers=1, thread_name_prefix="chronicle-ingest")

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> Any:
        if warmer is not None:
            warmer.start()
        yield
        if warmer is not None:
            warmer.stop()
        jobs.shutdown(wait=True, cancel_futures=False)

    app = FastAPI(
        title="chronicle",
        version="1.0.0",
        description="The record of a story, from the news: timeline, entities, events, who said what.",
        docs_url=None,
        redoc_url=None,
        lifespan=lifespan,
    )
    app.state.served = Served(db_path, settings, views, config, jobs, warmer)

    for router in (story.router, timeline.router, articles.router, records.router, ingest.router):
        app.include_router(router, prefix="/v1")
    app.include_router(legacy.router, prefix="/api")

    @app.exception_handler(ChronicleError)
    async def chronicle_error(request: Request, exc: ChronicleError) -> JSONResponse:
        return JSONResponse({"detail": str(exc)}, status_code=400)

    answers = AnswerCache()

    @app.middleware("http")
    async def read_answers(request: Request, call_next: Any) -> Response:
        """ETags, the answers of this store state kept for the next identical request, and the
        security headers, in one layer (each layer of this kind costs every request a copy)."""
        path = request.url.path
        cacheable = (
            request.method == "GET"
            and path.startswith(("/v1/", "/api/"))
            and not path.startswith(_UNCACHED)
            and (not config.reads_need_token or config.authorised(request))
        )
        if not cacheable:
            response: Response = await call_next(request)
            return _secured(request, response)
        generation = views.generation()
        digest = hashlib.sha256(f"{path}?{request.url.query}".encode()).hexdigest()[:16]
        tag = f'W/"{generation}-{digest}"'
        if tag in request.headers.get("if-none-match", ""):
            return _secured(request, Response(status_code=304, headers={"ETag": tag}))
        gzip_ok = "gzip" in request.headers.get("accept-encoding", "")
        key = (generation, digest, gzip_ok)
        kept = answers.get(key)
        if kept is None:
            response = await call_next(request)
            if response.status_code != 200:
                return _secured(request, response)
            body = b"".join([chunk async for chunk in response.body_iterator])  # type: ignore[attr-defined]
            headers = {k: v for k, v in response.headers.items() if k.lower() != "content-length"}
            kept = (body, headers)
            answers.put(key, kept)
        body, headers = kept
        answer = Response(body, headers={**headers, "ETag": tag, "Cache-Control": "no-cache"})
        return _secured(request, answer)

    @app.get("/", include_in_schema=False)
    def index(request: Request) -> Response:
        given = request.query_params.get("token")
        if given is not None and config.token:
            # One visit with the token sets it as a cookie, so the page's own requests carry it.
            response = RedirectResponse("/", status_code=303)
            response.set_cookie(COOKIE, given, httponly=True, samesite="strict",
                                secure=request.url.scheme == "https")
            return response
        return FileResponse(_STATIC / "index.html", media_type="text/html")

    @app.get("/docs", include_in_schema=False)
    def docs() -> FileResponse:
        return FileResponse(_STATIC / "docs.html", media_type="text/html")

    app.mount("/static", StaticFiles(directory=_STATIC), name="static")
    # Outermost first: refuse other Host names and oversized bodies before anything runs.
    app.add_middleware(GZipMiddleware, minimum_size=1024)
    app.add_middleware(BodyLimit, limit=config.max_upload_bytes)
    app.add_middleware(TrustedHostMiddleware, allowed_hosts=config.hosts())
    app.add_middleware(HeadAsGet)
    return app
