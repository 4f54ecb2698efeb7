"""RSS and Atom input: one Document per feed entry, by feedparser.

Each entry gives its link (the Document's URL), its title and its published (or updated)
date, which counts as the page's metadata. When the feed carries the article itself
(``content:encoded``, Atom ``<content>``, or a description as long as an article) that
text is the Document; an entry that carries only a teaser is fetched from its link when
a fetcher is given (``--fetch``) and is otherwise a Failure saying so. A feed that
feedparser cannot read at all is one Failure; a bad entry is a Failure named
``SOURCE#N`` and the entries after it are still read.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from sitrep.ingest.read import IngestError, finish
from sitrep.models import Document, Failure, one_line

FEED_SUFFIXES = {".rss", ".atom", ".xml"}
FEED_HEAD = re.compile(rb"^(?:\xef\xbb\xbf)?\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:rss|feed|rdf:RDF)\b", re.S)

#: Below this many characters of text an entry's content is a teaser, not the article.
FULL_TEXT_CHARS = 400

BLOCKS = ("p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "tr", "section", "article")


def looks_like_feed(head: bytes) -> bool:
    """True when the bytes open an RSS, RDF or Atom document."""
    return bool(FEED_HEAD.match(head[:4096]))


@dataclass(frozen=True)
class FeedEntry:
    number: int
    link: str | None
    title: str | None
    published: date | None
    text: str | None  # the full text when the feed carries it
    entry_id: str | None


def html_fragment_text(value: str) -> str:
    """The text of an HTML fragment, one line per block element."""
    import lxml.html

    if "<" not in value:
        return value.strip()
    try:
        root = lxml.html.fragment_fromstring(value, create_parent="div")
    except Exception:  # lxml refuses some fragments (only a comment, say): keep the bare text
        return re.sub(r"<[^>]+>", " ", value).strip()
    for element in root.iter(*BLOCKS):
        element.tail = "\n\n" + (element.tail or "")
    lines = [" ".join(line.split()) for line in root.text_content().split("\n")]
    return "\n\n".join(line for line in lines if line)


def entry_date(entry) -> date | None:
    for key in ("published_parsed", "updated_parsed", "created_parsed"):
        value = entry.get(key)
        if value:
            try:
                return date(value.tm_year, value.tm_mon, value.tm_mday)
            except ValueError:
                continue
    return None


def entry_text(entry) -> str | None:
    """The longest text the entry carries, when it is long enough to be the article."""
    candidates = [part.get("value") or "" for part in entry.get("content") or []]
    candidates.append(entry.get("summary") or "")
    texts = [html_fragment_text(value) for value in candidates if value.strip()]
    best = max(texts, key=len, default="")
    return best if len(best) >= FULL_TEXT_CHARS else None


def parse_feed(data: bytes, source: str) -> tuple[str | None, list[FeedEntry]]:
    """The feed's title and its entries; IngestError when it is no feed at all."""
    import feedparser

    parsed = feedparser.parse(data)
    if not parsed.entries:
        if parsed.get("bozo") and parsed.get("bozo_exception") is not None:
            raise IngestError(f"not a readable RSS or Atom feed: {parsed.bozo_exception}")
        if not parsed.get("version"):
            raise IngestError("not an RSS or Atom feed")
    entries = [
        FeedEntry(
            number=number, link=entry.get("link") or None, title=entry.get("title") or None,
            published=entry_date(entry), text=entry_text(entry), entry_id=entry.get("id") or None,
        )
        for number, entry in enumerate(parsed.entries, start=1)
    ]
    return (parsed.feed.get("title") or None), entries


PageReader = Callable[[str], Document]


def documents_from_feed(
    data: bytes, source: str, stem: str, read_page: PageReader | None = None
) -> Iterator[Document | Failure]:
    """Every entry of one feed as a Document (or its Failure); ``read_page`` fetches a link."""
    try:
        site, entries = parse_feed(data, source)
    except IngestError as error:
        yield Failure(source=source, error=one_line(str(error)))
        return
    for entry in entries:
        where = f"{source}#{entry.number}"
        doc_id = f"{stem}-{entry.number}"
        try:
            if entry.text is not None:
                yield finish(entry.text, doc_id=doc_id, source=entry.link or where, url=entry.link,
                             title=entry.title, site_name=site, published=entry.published)
            elif read_page is None:
                raise IngestError("the entry carries no full text (with --fetch its link is read)")
            elif not entry.link:
                raise IngestError("the entry carries neither full text nor a link")
            else:
                page = read_page(entry.link)
                update = {"id": doc_id, "title": page.title or entry.title}
                if entry.published and page.published is None:
                    update |= {"published": entry.published, "published_basis": "metadata"}
                yield page.model_copy(update=update)
        except IngestError as error:
            yield Failure(source=entry.link or where, error=one_line(str(error)))
        except Exception as error:  # one bad entry must not lose the rest
            yield Failure(source=entry.link or where, error=one_line(f"cannot read the entry: {type(error).__name__}: {error}"))


def iter_feed_file(path: Path, read_page: PageReader | None = None) -> Iterator[Document | Failure]:
    from sitrep.ingest.read import read_bounded

    yield from documents_from_feed(read_bounded(path), str(path), path.name.split(".")[0], read_page)
