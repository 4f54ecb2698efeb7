"""Answers to read requests kept in memory until the store changes.

The store is read far more often than it is written, and a page of a list costs a query
of tens of milliseconds (more while other work loads the machine), so with many clients
the queries, not the HTTP, bound the rate. This middleware keeps the body of every
successful ``GET /api/...`` answer (exports excepted: they stream, and can be large)
under the request's path and query string and the store's generation, and answers the
same request again from memory, on the event loop, without a worker thread or a query.

The generation changes with every write: ``POST /api/documents`` bumps it when its batch
is committed. With DuckDB nothing else can write, since the server holds the file. A
PostgreSQL database can also be written by ``sitrep ingest`` from elsewhere, so there the
generation also counts the store's batches, read again at most every ``POLL_SECONDS``: an
ingest elsewhere shows within that time. Entries of an older generation are never
answered and age out; the cache holds at most ``max_bytes`` of bodies, least recently
used first out. Requests for an answer being computed wait for it rather than query the
store again (many clients asking one new URL at once cost one query, not one each).
"""

from __future__ import annotations

import time
from collections import OrderedDict
from collections.abc import Callable

import anyio

#: How often a PostgreSQL store's batch count is read again (other processes may write it).
POLL_SECONDS = 1.0
#: One body larger than this share of the cache is not kept.
LARGEST_SHARE = 8

CACHE_HEADER = b"x-sitrep-cache"
UNCACHED_PREFIXES = ("/api/export",)


class ResponseCache:
    """A bounded LRU of answers: key -> (status, headers, body)."""

    def __init__(self, max_bytes: int) -> None:
        self.max_bytes = max_bytes
        self.entries: OrderedDict[tuple, tuple[int, list, bytes]] = OrderedDict()
        self.size = 0
        self.writes = 0  # bumped by every write this process commits
        self.external: object = None  # what the poll last read (PostgreSQL)
        self.polled_at = float("-inf")

    def get(self, key: tuple) -> tuple[int, list, bytes] | None:
        found = self.entries.get(key)
        if found is not None:
            self.entries.move_to_end(key)
        return found

    def put(self, key: tuple, status: int, headers: list, body: bytes) -> None:
        if len(body) * LARGEST_SHARE > self.max_bytes or key in self.entries:
            return
        self.entries[key] = (status, headers, body)
        self.size += len(body)
        while self.size > self.max_bytes:
            _, (_, _, dropped) = self.entries.popitem(last=False)
            self.size -= len(dropped)

    def changed(self) -> None:
        """The store was written: what is kept answers no request from now on."""
        self.writes += 1
        self.entries.clear()
        self.size = 0


class CachedReads:
    """ASGI middleware serving repeated ``GET /api/...`` requests from a ``ResponseCache``.

    ``poll`` (None for DuckDB) returns a value that changes when another process writes the
    store; it runs in a worker thread, at most every ``POLL_SECONDS``.
    """

    def __init__(self, app, cache: ResponseCache, poll: Callable[[], object] | None = None) -> None:
        self.app = app
        self.cache = cache
        self.poll = poll
        self.computing: dict[tuple, anyio.Event] = {}

    async def generation(self) -> tuple:
        if self.poll is not None and time.monotonic() - self.cache.polled_at >= POLL_SECONDS:
            self.cache.polled_at = time.monotonic()
            external = await anyio.to_thread.run_sync(self.poll)
            if external != self.cache.external:
                self.cache.external = external
                self.cache.entries.clear()
                self.cache.size = 0
        return self.cache.writes, self.cache.external

    async def __call__(self, scope, receive, send) -> None:
        path = scope.get("path", "")
        if (scope["type"] != "http" or scope["method"] != "GET" or not path.startswith("/api/")
                or path.startswith(UNCACHED_PREFIXES) or self.cache.max_bytes <= 0):
            await self.app(scope, receive, send)
            return
        key = (await self.generation(), path, scope.get("query_string", b""))
        if key in self.computing:
            await self.computing[key].wait()  # then answered from the cache, unless it was an error
        found = self.cache.get(key)
        if found is not None:
            status, headers, body = found
            await send({"type": "http.response.start", "status": status, "headers": [*headers, (CACHE_HEADER, b"hit")]})
            await send({"type": "http.response.body", "body": body})
            return
        if key in self.computing:  # an error was answered meanwhile, and another request asks again
            await self.app(scope, receive, send)
            return
        done = self.computing[key] = anyio.Event()
        try:
            await self.compute(key, scope, receive, send)
        finally:
            del self.computing[key]
            done.set()

    async def compute(self, key: tuple, scope, receive, send) -> None:
        started: dict = {}
        chunks: list[bytes] = []

        async def keeping(message) -> None:
            if message["type"] == "http.response.start":
                started.update(message)
                message = {**message, "headers": [*message.get("headers", []), (CACHE_HEADER, b"miss")]}
            elif message["type"] == "http.response.body":
                chunks.append(message.get("body", b""))
                if not message.get("more_body", False) and started.get("status") == 200:
                    # Kept only under the generation the request began in: an answer read
                    # across a write is never served after it.
                    self.cache.put(key, 200, list(started.get("headers", [])), b"".join(chunks))
            await send(message)

        await self.app(scope, receive, keeping)
