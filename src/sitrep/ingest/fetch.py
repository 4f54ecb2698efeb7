"""Fetching pages politely (``--fetch``): feed URLs, article URLs and files listing them.

``Fetcher.get`` is the one way sitrep reaches the network. It

- names itself (``User-Agent: sitrep/VERSION ...``) and asks only for http(s) URLs;
- honours robots.txt (RFC 9309: a 4xx robots.txt allows everything, an unreachable one
  or a 5xx disallows the host) and its ``Crawl-delay``;
- waits ``delay`` seconds between two requests to one host;
- gives up on a request after ``timeout`` seconds, retries timeouts, connection errors,
  429 and 5xx ``retries`` times with a doubling backoff, and refuses bodies over
  ``max_bytes`` (by Content-Length before reading, and while reading);
- caches every page it got on disk, keyed by the URL's SHA-256, so a re-run fetches
  nothing it has. Feeds (read again to see new entries) are fresh for ``feed_max_age``
  seconds; article pages never expire.

Every refusal is a ``FetchError`` (an ``IngestError``) with a one-line reason, which the
readers turn into a recorded Failure.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import socket
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit
from urllib.robotparser import RobotFileParser

from sitrep.config import CACHE_DIR, MAX_INPUT_BYTES
from sitrep.ingest.read import HTML_TYPES, IngestError, document_from_page, parse_iso_date
from sitrep.models import Document, Failure, one_line

URL = re.compile(r"^https?://[^\s/]+", re.I)
FEED_TYPES = ("application/rss+xml", "application/atom+xml", "application/rdf+xml", "application/xml", "text/xml")


def user_agent() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        release = version("sitrep")
    except PackageNotFoundError:
        release = "dev"
    return f"sitrep/{release} (conflict-news extraction; polite fetcher honouring robots.txt)"


def is_url(value: str) -> bool:
    return bool(URL.match(value))


class FetchError(IngestError):
    """A page that could not (or must not) be fetched; the message is the reason."""


@dataclass(frozen=True)
class FetchOptions:
    delay: float = 1.0  # seconds between two requests to one host
    timeout: float = 20.0  # seconds for one request, connect to last byte
    retries: int = 2  # further tries after a timeout, a connection error, a 429 or a 5xx
    backoff: float = 1.0  # seconds before the first retry; doubled for each next one
    max_bytes: int = MAX_INPUT_BYTES
    cache_dir: Path = field(default_factory=lambda: CACHE_DIR / "pages")
    feed_max_age: float = 900.0  # seconds a cached feed stays fresh
    user_agent: str = field(default_factory=user_agent)


@dataclass(frozen=True)
class Page:
    url: str  # as asked for (the cache key)
    final_url: str  # after redirects
    status: int
    content_type: str
    body: bytes
    fetched_at: float

    @property
    def media_type(self) -> str:
        return self.content_type.split(";")[0].strip().lower()


class Fetcher:
    """One polite HTTP client for a run; ``requests`` counts what went to the network."""

    def __init__(self, options: FetchOptions = FetchOptions()):
        self.options = options
        self.requests: list[str] = []  # every URL requested from the network, robots.txt included
        self.cache_hits = 0
        self._last: dict[str, float] = {}  # host -> monotonic time of its last request
        self._robots: dict[str, tuple[RobotFileParser | None, bool]] = {}  # host -> (rules, allow all)

    # --- the cache -------------------------------------------------------------------

    def cache_paths(self, url: str) -> tuple[Path, Path]:
        key = hashlib.sha256(url.encode("utf-8")).hexdigest()
        folder = self.options.cache_dir / key[:2]
        return folder / f"{key}.json", folder / f"{key}.body"

    def cached(self, url: str) -> Page | None:
        meta_path, body_path = self.cache_paths(url)
        try:
            meta = json.loads(meta_path.read_text(encoding="utf-8"))
            body = body_path.read_bytes()
        except (OSError, ValueError):
            return None
        if meta.get("url") != url or len(body) != meta.get("size"):
            return None  # a hash collision or a write cut short
        return Page(url, meta["final_url"], meta["status"], meta["content_type"], body, meta["fetched_at"])

    def store(self, page: Page) -> None:
        meta_path, body_path = self.cache_paths(page.url)
        meta_path.parent.mkdir(parents=True, exist_ok=True)
        meta = {"url": page.url, "final_url": page.final_url, "status": page.status,
                "content_type": page.content_type, "fetched_at": page.fetched_at, "size": len(page.body)}
        for path, data in ((body_path, page.body), (meta_path, json.dumps(meta).encode("utf-8"))):
            partial = path.with_suffix(path.suffix + f".{os.getpid()}.part")
            partial.write_bytes(data)
            os.replace(partial, path)  # the body first, the metadata last: a cut write is a miss

    # --- politeness ------------------------------------------------------------------

    def wait_turn(self, host: str, delay: float) -> None:
        last = self._last.get(host)
        if last is not None:
            pause = last + delay - time.monotonic()
            if pause > 0:
                time.sleep(pause)
        self._last[host] = time.monotonic()

    def robots(self, url: str) -> tuple[RobotFileParser | None, bool]:
        parts = urlsplit(url)
        host = f"{parts.scheme}://{parts.netloc}".lower()
        if host not in self._robots:
            robots_url = f"{host}/robots.txt"
            try:
                status, _, body, _ = self.request(robots_url, host, self.options.delay, max_bytes=500_000)
                parser = RobotFileParser(robots_url)
                parser.parse(body.decode("utf-8", errors="replace").splitlines())
                self._robots[host] = (parser, False)
            except FetchError as error:
                status = getattr(error, "status", None)
                # RFC 9309 2.3.1: robots.txt "unavailable" (4xx) allows all; "unreachable" disallows.
                self._robots[host] = (None, bool(status and 400 <= status < 500))
        return self._robots[host]

    def allowed(self, url: str) -> tuple[bool, float]:
        parser, allow_all = self.robots(url)
        if parser is None:
            return allow_all, self.options.delay
        crawl_delay = parser.crawl_delay(self.options.user_agent)
        delay = max(self.options.delay, float(crawl_delay)) if crawl_delay else self.options.delay
        return parser.can_fetch(self.options.user_agent, url), delay

    # --- the network -----------------------------------------------------------------

    def request(self, url: str, host: str, delay: float, max_bytes: int | None = None) -> tuple[int, str, bytes, str]:
        """GET with retries; (status, content type, body, final URL) or FetchError."""
        max_bytes = max_bytes or self.options.max_bytes
        attempt = 0
        while True:
            self.wait_turn(host, delay)
            self.requests.append(url)
            retry_after: float | None = None
            try:
                return self.request_once(url, max_bytes)
            except urllib.error.HTTPError as error:
                if error.code != 429 and error.code < 500:
                    raise http_error(url, error.code) from None
                failure = http_error(url, error.code)
                retry_after = parse_retry_after(error.headers.get("Retry-After") if error.headers else None)
            except (TimeoutError, socket.timeout):
                failure = FetchError(f"timed out after {self.options.timeout:g} s: {url}")
            except urllib.error.URLError as error:
                reason = error.reason
                if isinstance(reason, (TimeoutError, socket.timeout)):
                    failure = FetchError(f"timed out after {self.options.timeout:g} s: {url}")
                else:
                    failure = FetchError(f"cannot connect: {reason}: {url}")
            except (ConnectionError, http_client_errors()) as error:
                failure = FetchError(f"connection failed: {type(error).__name__}: {url}")
            if attempt >= self.options.retries:
                if attempt:
                    failure = FetchError(f"{failure} (after {attempt + 1} tries)")
                raise failure
            pause = self.options.backoff * 2**attempt
            time.sleep(min(max(pause, retry_after or 0.0), 60.0))
            attempt += 1

    def request_once(self, url: str, max_bytes: int) -> tuple[int, str, bytes, str]:
        request = urllib.request.Request(url, headers={
            "User-Agent": self.options.user_agent,
            "Accept": "text/html,application/xhtml+xml,application/rss+xml,application/atom+xml,application/xml;q=0.9,*/*;q=0.5",
        })
        deadline = time.monotonic() + self.options.timeout
        with urllib.request.urlopen(request, timeout=self.options.timeout) as response:  # noqa: S310 (http(s) only)
            length = response.headers.get("Content-Length")
            if length and length.isdigit() and int(length) > max_bytes:
                raise FetchError(f"page over the size cap ({int(length):,} bytes; limit {max_bytes:,}): {url}")
            chunks, size = [], 0
            while chunk := response.read(65536):
                size += len(chunk)
                if size > max_bytes:
                    raise FetchError(f"page over the size cap (more than {max_bytes:,} bytes): {url}")
                if time.monotonic() > deadline:
                    raise TimeoutError
                chunks.append(chunk)
            return response.status, response.headers.get("Content-Type", ""), b"".join(chunks), response.geturl()

    def get(self, url: str, *, fresh: Callable[[Page], bool] | None = None) -> Page:
        """The page at ``url``, from the cache when it holds it (and ``fresh`` accepts it)."""
        if not is_url(url):
            raise FetchError(f"not an http(s) URL: {url}")
        if (page := self.cached(url)) is not None and (fresh is None or fresh(page)):
            self.cache_hits += 1
            return page
        allowed, delay = self.allowed(url)
        if not allowed:
            raise FetchError(f"disallowed by robots.txt: {url}")
        parts = urlsplit(url)
        status, content_type, body, final_url = self.request(url, f"{parts.scheme}://{parts.netloc}".lower(), delay)
        page = Page(url, final_url, status, content_type, body, time.time())
        self.store(page)
        return page


def http_client_errors() -> type[Exception]:
    import http.client

    return http.client.HTTPException


def http_error(url: str, code: int) -> FetchError:
    error = FetchError(f"HTTP {code}: {url}")
    error.status = code  # type: ignore[attr-defined]
    return error


def parse_retry_after(value: str | None) -> float | None:
    return float(value) if value and value.strip().isdigit() else None


# --- reading what was fetched --------------------------------------------------------


def is_feed_page(page: Page) -> bool:
    from sitrep.ingest.feeds import looks_like_feed

    if page.media_type in HTML_TYPES:
        return False
    return page.media_type in FEED_TYPES or looks_like_feed(page.body)


def slug(url: str) -> str:
    path = urlsplit(url).path.rstrip("/")
    name = path.rsplit("/", 1)[-1] if path else urlsplit(url).netloc
    return re.sub(r"\.(html?|php|aspx?|rss|atom|xml)$", "", name) or "page"


def read_article(fetcher: Fetcher, url: str, page: Page | None = None) -> Document:
    """An article page fetched (or taken from the cache) and read by the HTML path."""
    page = page or fetcher.get(url)
    if page.media_type and page.media_type not in HTML_TYPES and not page.media_type.startswith("text/"):
        raise FetchError(f"not an HTML page ({page.media_type}): {url}")
    captured = parse_iso_date(time.strftime("%Y-%m-%d", time.gmtime(page.fetched_at)))
    return document_from_page(page.body, content_type=page.content_type, url=page.final_url or url,
                              doc_id=slug(url), source=url, captured=captured)


def documents_from_url(fetcher: Fetcher, url: str) -> Iterator[Document | Failure]:
    """A feed URL (each entry, its pages fetched when the feed carries no full text) or an article URL."""
    from sitrep.ingest.feeds import documents_from_feed

    try:
        max_age = fetcher.options.feed_max_age
        page = fetcher.get(url, fresh=lambda page: not is_feed_page(page) or time.time() - page.fetched_at <= max_age)
        if is_feed_page(page):
            yield from documents_from_feed(page.body, url, slug(url), lambda link: read_article(fetcher, link))
            return
        yield read_article(fetcher, url, page)
    except IngestError as error:
        yield Failure(source=url, error=one_line(str(error)))
    except Exception as error:  # one bad page must not stop the run
        yield Failure(source=url, error=one_line(f"cannot fetch: {type(error).__name__}: {error}"))


def url_list(text: str) -> list[str] | None:
    """The URLs of a file that lists one per line (blank lines and ``#`` comments aside), else None."""
    lines = [line.strip() for line in text.splitlines()]
    urls = [line for line in lines if line and not line.startswith("#")]
    return urls if urls and all(is_url(line) and " " not in line for line in urls) else None
