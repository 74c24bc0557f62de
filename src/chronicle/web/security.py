"""Who may read and write, and how much may be sent.

Served on the loopback interface (the default), reads are open and writes need the API token.
Served anywhere else, the server refuses to start without a token (``ServeConfig.check``), and
every request needs it: as ``Authorization: Bearer <token>``, or the cookie the page sets
after one visit to ``/?token=<token>``.
"""

from __future__ import annotations

import hmac
import ipaddress
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from fastapi import HTTPException, Request
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from chronicle.errors import InputError

__all__ = ["COOKIE", "BodyLimit", "HeadAsGet", "ServeConfig", "is_loopback"]

COOKIE = "chronicle_token"
_LOCAL_NAMES = ("127.0.0.1", "localhost", "::1", "[::1]")


def is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


@dataclass(frozen=True, slots=True)
class ServeConfig:
    """How a server is exposed: where it listens, its token, the host names it answers to, and
    the upload limits."""

    host: str = "127.0.0.1"
    token: str | None = None
    allowed_hosts: Sequence[str] = field(default=())
    max_upload_bytes: int = 100 * 1024 * 1024
    max_upload_files: int = 1000
    #: Make the page's views in the background at start and after each upload, so the first
    #: visitor does not wait for them (off in tests, whose requests time the computation).
    warm: bool = False

    def check(self) -> None:
        """Refuse a configuration that would serve the store to a network without a token."""
        if self.token is not None and len(self.token) < 16:
            raise InputError("the API token must be at least 16 characters")
        if not is_loopback(self.host) and not self.token:
            raise InputError(
                f"serving on {self.host} exposes the store to the network: set an API token "
                "(CHRONICLE_API_TOKEN or --token-file), or serve on 127.0.0.1"
            )

    @property
    def reads_need_token(self) -> bool:
        return not is_loopback(self.host)

    def hosts(self) -> list[str]:
        """The ``Host`` names answered: the loopback names, the bound address and the configured ones."""
        names = [*_LOCAL_NAMES, *self.allowed_hosts]
        if self.host not in ("0.0.0.0", "::"):
            names.append(self.host)
        return list(dict.fromkeys(names))

    def token_of(self, request: Request) -> str | None:
        header = request.headers.get("authorization", "")
        if header.lower().startswith("bearer "):
            return header[7:].strip()
        return request.cookies.get(COOKIE)

    def authorised(self, request: Request) -> bool:
        given = self.token_of(request)
        return bool(self.token and given and hmac.compare_digest(given.encode(), self.token.encode()))

    def require_write(self, request: Request) -> None:
        if not self.token:
            raise HTTPException(403, "writing needs an API token: start the server with CHRONICLE_API_TOKEN set")
        if not self.authorised(request):
            raise HTTPException(401, "a valid API token is needed (Authorization: Bearer <token>)",
                                headers={"WWW-Authenticate": "Bearer"})


class _TooLarge(HTTPException):
    """Raised while the body is read, inside the application, which answers it as a 413."""


class BodyLimit:
    """A request body over ``limit`` bytes is refused with 413, whether it says its length or not."""

    def __init__(self, app: ASGIApp, limit: int) -> None:
        self.app = app
        self.limit = limit

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] not in ("POST", "PUT", "PATCH"):
            await self.app(scope, receive, send)
            return
        declared = dict(scope["headers"]).get(b"content-length")
        if declared is not None and declared.isdigit() and int(declared) > self.limit:
            await self._refuse(send)
            return
        seen = 0
        started = False

        async def counted() -> Message:
            nonlocal seen
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > self.limit:
                    raise _TooLarge(413, f"the upload is larger than the limit of {self.limit} bytes")
            return message

        async def tracked(message: Message) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
            await send(message)

        try:
            await self.app(scope, counted, tracked)
        except _TooLarge:
            if not started:
                await self._refuse(send)

    async def _refuse(self, send: Send) -> None:
        body = (
            b'{"detail":"the upload is larger than the limit of ' + str(self.limit).encode() + b' bytes"}'
        )
        headers: list[Any] = [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode())]
        await send({"type": "http.response.start", "status": 413, "headers": headers})
        await send({"type": "http.response.body", "body": body})


class HeadAsGet:
    """``HEAD`` answered as ``GET`` without the body (the server drops it), for every route."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http" and scope["method"] == "HEAD":
            scope = {**scope, "method": "GET"}
        await self.app(scope, receive, send)
