"""What stands before the routes: the body size limit, the token, and JSON errors.

Every error a client can meet is a JSON object ``{"error": "..."}`` with its status; an
unexpected exception is logged on the server and answered with 500 and a fixed message, so
no stack trace ever reaches a client.
"""

from __future__ import annotations

import hmac
import logging

from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from auditor.serve.request_bodies import BadRequest, Unauthorized
from auditor.serve.routes import OPEN_PATHS, NotFound
from auditor.serve.service import Busy

log = logging.getLogger("auditor.serve")


class BodyTooLarge(Exception):
    """The request body is over ``--max-bytes`` (HTTP 413)."""

    def __init__(self, limit: int) -> None:
        super().__init__(limit)
        self.limit = limit


def error(status: int, message: str, headers: dict[str, str] | None = None) -> JSONResponse:
    """The JSON error response every failure gets."""
    return JSONResponse({"error": message}, status_code=status, headers=headers)


class BodyLimit:
    """ASGI middleware refusing bodies over ``max_bytes``: by Content-Length before reading,
    and while reading (a chunked body has no length), never holding more than the limit."""

    def __init__(self, app: ASGIApp, max_bytes: int) -> None:
        self.app = app
        self.max_bytes = max_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        declared = dict(scope["headers"]).get(b"content-length")
        if declared is not None and declared.isdigit() and int(declared) > self.max_bytes:
            await too_large(self.max_bytes)(scope, receive, send)
            return
        received = 0

        async def counted() -> Message:
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > self.max_bytes:
                    raise BodyTooLarge(self.max_bytes)
            return message

        await self.app(scope, counted, send)


def too_large(limit: int) -> JSONResponse:
    """The 413 answer for a body over ``limit`` bytes."""
    return error(413, f"the request body is larger than the server's limit of {limit:,} bytes")


class TokenGuard:
    """ASGI middleware asking every API call (but health and the schema) for the bearer
    token, when the server has one. The review page itself holds no data and stays open."""

    def __init__(self, app: ASGIApp, token: str | None) -> None:
        self.app = app
        self.expected = f"Bearer {token}".encode() if token else None

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if self.expected is None or scope["type"] != "http" or not self._guarded(scope["path"]):
            await self.app(scope, receive, send)
            return
        given = dict(scope["headers"]).get(b"authorization", b"")
        if not hmac.compare_digest(given, self.expected):
            answer = error(
                401,
                "missing or wrong token; send the header Authorization: Bearer TOKEN",
                headers={"WWW-Authenticate": "Bearer"},
            )
            await answer(scope, receive, send)
            return
        await self.app(scope, receive, send)

    @staticmethod
    def _guarded(path: str) -> bool:
        return path.startswith("/api/") and path not in OPEN_PATHS


async def _bad_request(request: Request, exc: Exception) -> JSONResponse:
    return error(400, str(exc))


async def _unauthorized(request: Request, exc: Exception) -> JSONResponse:
    return error(401, str(exc), headers={"WWW-Authenticate": "Bearer"})


async def _not_found(request: Request, exc: Exception) -> JSONResponse:
    return error(404, str(exc))


async def _busy(request: Request, exc: Exception) -> JSONResponse:
    return error(
        503, "the server is busy with other audits; try again shortly", headers={"Retry-After": "2"}
    )


async def _body_too_large(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, BodyTooLarge)
    return too_large(exc.limit)


async def _http_error(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, HTTPException)
    messages = {404: f"no such page: {request.url.path}", 405: "method not allowed here"}
    return error(exc.status_code, messages.get(exc.status_code, exc.detail), exc.headers)


async def _crash(request: Request, exc: Exception) -> JSONResponse:
    log.error("audit failed on %s %s", request.method, request.url.path, exc_info=exc)
    return error(500, "the server failed on this request; the error is in its log")


EXCEPTION_HANDLERS = {
    BadRequest: _bad_request,
    Unauthorized: _unauthorized,
    NotFound: _not_found,
    Busy: _busy,
    BodyTooLarge: _body_too_large,
    HTTPException: _http_error,
    Exception: _crash,
}
