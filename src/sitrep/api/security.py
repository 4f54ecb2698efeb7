"""What protects the reader and the store: response headers, request size, the write token.

Article text is untrusted and reaches the page, so every response carries a
Content-Security-Policy that allows scripts, styles and connections from this origin
only (no inline script, no other host): even a rendering bug cannot run an article's
script or send data elsewhere. Requests larger than the configured bound get 413
before their body is read into memory; writes need ``Authorization: Bearer <token>``.
"""

from __future__ import annotations

import hmac

import orjson

from sitrep.models import one_line

CONTENT_SECURITY_POLICY = "; ".join((
    "default-src 'none'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
))

SECURITY_HEADERS = [
    (b"content-security-policy", CONTENT_SECURITY_POLICY.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    (b"x-frame-options", b"DENY"),
    (b"cross-origin-opener-policy", b"same-origin"),
    (b"cross-origin-resource-policy", b"same-origin"),
]


async def send_error(send, status: int, reason: str, headers: list[tuple[bytes, bytes]] = ()) -> None:
    body = orjson.dumps({"status": status, "error": one_line(reason)})
    await send({"type": "http.response.start", "status": status, "headers": [
        (b"content-type", b"application/json"), (b"content-length", str(len(body)).encode()),
        (b"connection", b"close"), *SECURITY_HEADERS, *headers]})
    await send({"type": "http.response.body", "body": body})


class SecurityHeaders:
    """Adds the headers above to every HTTP response (pure ASGI: no per-request copy of the body)."""

    def __init__(self, app) -> None:
        self.app = app

    async def __call__(self, scope, receive, send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def with_headers(message) -> None:
            if message["type"] == "http.response.start":
                names = {name.lower() for name, _ in message.get("headers", [])}
                message["headers"] = [*message.get("headers", []),
                                      *(header for header in SECURITY_HEADERS if header[0] not in names)]
            await send(message)

        await self.app(scope, receive, with_headers)


class BodyLimit:
    """413 for a request whose body exceeds ``max_bytes``.

    A declared Content-Length is checked before anything is read (the server's HTTP
    parser holds the client to it); a chunked body, whose size is known only at its end,
    is read here up to the bound and handed on whole.
    """

    def __init__(self, app, max_bytes: int) -> None:
        self.app = app
        self.max_bytes = max_bytes

    async def __call__(self, scope, receive, send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        declared = dict(scope.get("headers", [])).get(b"content-length")
        if declared is not None:
            if not declared.isdigit():
                await send_error(send, 400, "Content-Length is not a number")
                return
            if int(declared) > self.max_bytes:
                await send_error(send, 413, f"request body of {int(declared):,} bytes is over the limit of "
                                            f"{self.max_bytes:,}")
                return
            await self.app(scope, receive, send)
            return
        chunks, size = [], 0
        while True:
            message = await receive()
            if message["type"] != "http.request":
                return  # the client went away
            chunk = message.get("body", b"")
            size += len(chunk)
            if size > self.max_bytes:
                await send_error(send, 413, f"request body is over the limit of {self.max_bytes:,} bytes")
                return
            chunks.append(chunk)
            if not message.get("more_body"):
                break
        replayed = False

        async def replay():
            nonlocal replayed
            if replayed:
                return await receive()
            replayed = True
            return {"type": "http.request", "body": b"".join(chunks), "more_body": False}

        await self.app(scope, replay, send)


def bearer_token(authorization: str | None) -> str | None:
    if not authorization:
        return None
    scheme, _, credentials = authorization.partition(" ")
    return credentials.strip() if scheme.lower() == "bearer" and credentials.strip() else None


def check_write_access(configured: str | None, authorization: str | None) -> tuple[int, str] | None:
    """None when the request may write; else the status and reason to answer with.

    No credentials, or wrong ones, is 401 whatever the configuration; a right-looking
    request to a server that has writes switched off (no token configured) is 403.
    """
    given = bearer_token(authorization)
    if given is None:
        return 401, "this endpoint needs Authorization: Bearer <token>"
    if not configured:
        return 403, "writes are off: start sitrep serve with --token or SITREP_TOKEN to allow them"
    if not hmac.compare_digest(given.encode(), configured.encode()):
        return 401, "the bearer token is not the one this server was started with"
    return None
