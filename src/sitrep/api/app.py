"""Building the ASGI application: routes, the page, error handling and the protective middleware."""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass, field

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from starlette.exceptions import HTTPException
from starlette.middleware.trustedhost import TrustedHostMiddleware

from sitrep.api.cache import CachedReads, ResponseCache
from sitrep.api.responses import error_response
from sitrep.api.security import BodyLimit, SecurityHeaders
from sitrep.api.sessions import StoreSessions
from sitrep.config import DEFAULT_DOC_TIMEOUT, MAX_INPUT_BYTES
from sitrep.store import DEFAULT_DB, open_store
from sitrep.store.store import is_duckdb_path

log = logging.getLogger("sitrep.api")

LOOPBACK_HOSTS = ("127.0.0.1", "localhost", "[::1]", "::1")
DEFAULT_CACHE_BYTES = 64 * 2**20


@dataclass(frozen=True)
class ServeConfig:
    db: str = DEFAULT_DB
    #: The bearer token POST needs; None switches writes off.
    token: str | None = None
    max_request_bytes: int = MAX_INPUT_BYTES
    #: Host headers accepted (a page on another site cannot reach a loopback server through
    #: DNS rebinding); ``("*",)`` accepts any.
    allowed_hosts: tuple[str, ...] = field(default=LOOPBACK_HOSTS)
    #: Bytes of answers kept in memory until the store changes (``api.cache``); 0 keeps none.
    cache_bytes: int = DEFAULT_CACHE_BYTES
    #: Seconds one posted document may take to extract (``--doc-timeout``, as in ``sitrep
    #: ingest``): past it, the document is a recorded failure and the request goes on. 0: no limit.
    doc_timeout: float = DEFAULT_DOC_TIMEOUT


def field_name(location: tuple) -> str:
    parts = [str(part) for part in location if part not in ("query", "path", "header", "body")]
    where = location[0] if location else "request"
    return f"{where} parameter {'.'.join(parts)!r}" if parts else str(where)


def validation_reason(error: RequestValidationError) -> str:
    first = error.errors()[0]
    if first.get("type") == "extra_forbidden":
        return f"unknown {field_name(first['loc'])}"
    return f"{field_name(first.get('loc', ()))}: {first.get('msg', 'invalid')}"


def create_app(config: ServeConfig = ServeConfig()) -> FastAPI:
    """The application over the store at ``config.db`` (opened, and migrated, at startup)."""
    from sitrep.api import agreements, exports, routes, writes
    from sitrep import web

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        app.state.sessions = StoreSessions(open_store(config.db))
        try:
            yield
        finally:
            app.state.sessions.close()

    app = FastAPI(
        title="sitrep",
        summary="Incidents, merged events and statements read from conflict news, each with its source sentence.",
        version="1",
        docs_url=None,
        redoc_url=None,
        lifespan=lifespan,
    )
    app.state.config = config
    app.state.cache = ResponseCache(config.cache_bytes)
    app.include_router(routes.router)
    app.include_router(agreements.router)
    app.include_router(exports.router)
    app.include_router(writes.router)
    web.mount(app)

    @app.exception_handler(HTTPException)
    async def http_error(request: Request, error: HTTPException):
        return error_response(error.status_code, str(error.detail), getattr(error, "headers", None))

    @app.exception_handler(RequestValidationError)
    async def invalid_request(request: Request, error: RequestValidationError):
        return error_response(422, validation_reason(error))

    @app.exception_handler(Exception)
    async def unexpected(request: Request, error: Exception):
        log.exception("error serving %s", request.url.path)
        return error_response(500, f"internal error ({type(error).__name__})")

    # Innermost first: cached answers only for accepted hosts; the size bound before anything
    # reads a body; the headers on every answer.
    external_writers = not is_duckdb_path(config.db)  # DuckDB: the server holds the file
    app.add_middleware(CachedReads, cache=app.state.cache,
                       poll=(lambda: app.state.sessions.current().generation()) if external_writers else None)
    app.add_middleware(TrustedHostMiddleware, allowed_hosts=list(config.allowed_hosts))
    app.add_middleware(BodyLimit, max_bytes=config.max_request_bytes)
    app.add_middleware(SecurityHeaders)
    return app
