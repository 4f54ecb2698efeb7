"""A news site on 127.0.0.1 for the input tests: article pages, an RSS and an Atom feed,
robots.txt, a slow page and one over the size cap, built from the real dev articles
(read from ../shared at test time, never copied into the repo). Every request is logged."""

from __future__ import annotations

import html
import io
import json
import threading
import time
from datetime import date, datetime, timezone
from email.utils import format_datetime
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from tests.conftest import DEV

ARTICLE_IDS = ("af-008", "af-013", "n-af-001", "n-me-001", "n-afr-001", "wd-003")


def dev_article(doc_id: str) -> dict:
    return json.loads((DEV / f"{doc_id}.json").read_text(encoding="utf-8"))


def article_html(gold: dict) -> str:
    """A plain article page around the gold text: a title, a date in the page metadata, paragraphs."""
    paragraphs = [line.strip() for line in gold["text"].split("\n") if line.strip()]
    title = html.escape(paragraphs[0][:80])
    meta = f'<meta property="article:published_time" content="{gold["published"]}">' if gold.get("published") else ""
    body = "\n".join(f"<p>{html.escape(p)}</p>" for p in paragraphs)
    return (f"<!DOCTYPE html><html><head><title>{title}</title>{meta}</head>"
            f"<body><nav><a href='/'>Home</a></nav><article><h1>{title}</h1>\n{body}\n</article>"
            f"<footer>Copyright Example News</footer></body></html>")


def rfc822(day: str | None) -> str:
    value = date.fromisoformat(day) if day else date(2020, 12, 23)
    return format_datetime(datetime(value.year, value.month, value.day, 8, tzinfo=timezone.utc))


def headline(gold: dict) -> str:
    """An entry's title: the article's first line, as far as 80 characters."""
    return gold["text"].strip().split("\n")[0][:80]


def paragraphs_html(gold: dict) -> str:
    """The article's lines as the paragraphs of a feed entry's full text."""
    return "".join(f"<p>{html.escape(p)}</p>" for p in gold["text"].split("\n") if p.strip())


def rss_feed(base: str, ids: list[str], full_text: bool) -> str:
    items = []
    for doc_id in ids:
        gold = dev_article(doc_id)
        first = headline(gold)
        content = f"<content:encoded><![CDATA[{paragraphs_html(gold)}]]></content:encoded>" if full_text else ""
        items.append(
            f"<item><title>{html.escape(first)}</title><link>{base}/news/{doc_id}.html</link>"
            f"<guid>{base}/news/{doc_id}.html</guid><pubDate>{rfc822(gold['published'])}</pubDate>"
            f"<description>{html.escape(first)}</description>{content}</item>")
    return ('<?xml version="1.0" encoding="UTF-8"?><rss version="2.0" '
            'xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>Example News</title>'
            f"<link>{base}/</link><description>news</description>{''.join(items)}</channel></rss>")


def atom_feed(base: str, ids: list[str], full_text: bool) -> str:
    entries = []
    for doc_id in ids:
        gold = dev_article(doc_id)
        first = headline(gold)
        content = f'<content type="html">{html.escape(paragraphs_html(gold))}</content>' if full_text else ""
        entries.append(
            f"<entry><title>{html.escape(first)}</title><link href=\"{base}/news/{doc_id}.html\"/>"
            f"<id>{base}/news/{doc_id}.html</id><updated>2020-12-23T10:00:00Z</updated>"
            f"<summary>{html.escape(first)}</summary>{content}</entry>")
    return ('<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">'
            f"<title>Example Wire</title><id>{base}/</id><updated>2020-12-23T10:00:00Z</updated>{''.join(entries)}</feed>")


def write_warc(path: Path, pages: list[tuple[str, str, str]], extra: bool = True) -> None:
    """A gzipped WARC of (url, WARC-Date, html) responses written by warcio, with a request
    record and a non-HTML response between them (both to be passed over)."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with path.open("wb") as handle:
        writer = WARCWriter(handle, gzip=path.name.endswith(".gz"))
        for number, (url, when, page) in enumerate(pages):
            if extra and number == 1:
                headers = StatusAndHeaders("200 OK", [("Content-Type", "image/png")], protocol="HTTP/1.1")
                writer.write_record(writer.create_warc_record(
                    "https://example.org/logo.png", "response", payload=io.BytesIO(b"\x89PNG...."), http_headers=headers))
            request = StatusAndHeaders("GET / HTTP/1.1", [("User-Agent", "crawler")], is_http_request=True)
            writer.write_record(writer.create_warc_record(url, "request", payload=io.BytesIO(b""), http_headers=request))
            headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
            writer.write_record(writer.create_warc_record(
                url, "response", payload=io.BytesIO(page.encode("utf-8")), http_headers=headers,
                warc_headers_dict={"WARC-Date": when}))


@dataclass
class Route:
    body: bytes
    content_type: str = "text/html; charset=utf-8"
    status: int = 200
    delay: float = 0.0
    first_statuses: list[int] = field(default_factory=list)  # answered (empty) before the page, one per request


@dataclass
class Site:
    routes: dict[str, Route] = field(default_factory=dict)
    log: list[tuple[str, str]] = field(default_factory=list)  # (path, user agent)
    base: str = ""

    def paths(self) -> list[str]:
        return [path for path, _ in self.log]


def serve(site: Site):
    class Handler(BaseHTTPRequestHandler):
        def do_GET(self):  # noqa: N802 (the stdlib's name)
            site.log.append((self.path, self.headers.get("User-Agent", "")))
            route = site.routes.get(self.path)
            if route is None:
                self.send_error(404)
                return
            if route.delay:
                time.sleep(route.delay)
            if route.first_statuses:
                self.send_response(route.first_statuses.pop(0))
                self.send_header("Content-Length", "0")
                self.end_headers()
                return
            try:
                self.send_response(route.status)
                self.send_header("Content-Type", route.content_type)
                self.send_header("Content-Length", str(len(route.body)))
                self.end_headers()
                self.wfile.write(route.body)
            except (BrokenPipeError, ConnectionResetError):
                pass

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    site.base = f"http://127.0.0.1:{server.server_address[1]}"
    return server


def build_site(site: Site) -> None:
    base = site.base
    for doc_id in ARTICLE_IDS:
        site.routes[f"/news/{doc_id}.html"] = Route(article_html(dev_article(doc_id)).encode("utf-8"))
    site.routes["/robots.txt"] = Route(b"User-agent: *\nDisallow: /private/\n", "text/plain")
    site.routes["/private/n-af-001.html"] = Route(site.routes["/news/n-af-001.html"].body)
    site.routes["/slow.html"] = Route(site.routes["/news/af-008.html"].body, delay=3.0)
    site.routes["/huge.html"] = Route(b"<html><body><p>" + b"word " * 1_100_000 + b"</p></body></html>")  # over 5 MB
    site.routes["/feed.rss"] = Route(rss_feed(base, ["af-008", "af-013"], full_text=True).encode("utf-8"),
                                     "application/rss+xml")
    site.routes["/feed.atom"] = Route(atom_feed(base, ["n-af-001", "n-me-001"], full_text=False).encode("utf-8"),
                                      "application/atom+xml")
