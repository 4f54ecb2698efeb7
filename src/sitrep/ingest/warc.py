"""WARC input: every HTML ``response`` record of a ``.warc`` or ``.warc.gz`` file, as a Document.

A crawl (Common Crawl's news set, a monitor's own crawler) stores pages as WARC records;
warcio reads them as a stream, so a file of any size is read record by record. Each HTML
response goes through the HTML path (trafilatura) with the record's target URI as its URL
and its ``WARC-Date`` as the capture date: the article was published on or before it,
so the time stage reads its dates against it and falls back to it when the page and the
text date nothing. Other records (requests, metadata, images, robots.txt) are passed over.

A record that cannot be read becomes a ``Failure`` named ``FILE#N`` (N counts the
response records) and the records after it are still read; a file truncated or corrupt
part way is one Failure after the records before the damage.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

from sitrep.config import MAX_INPUT_BYTES
from sitrep.ingest.read import HTML_TYPES, IngestError, document_from_page, parse_iso_date
from sitrep.models import Document, Failure, one_line

WARC_SUFFIXES = (".warc", ".warc.gz")


def is_warc(path: Path) -> bool:
    return path.name.lower().endswith(WARC_SUFFIXES)


def capture_date(value: str | None) -> date | None:
    """``WARC-Date`` (``2020-04-12T08:15:00Z``) as a date."""
    return parse_iso_date(value)


def check_gzip_complete(path: Path) -> None:
    """Raise EOFError when the last gzip member is cut short: warcio stops quietly at such an
    end, and the records lost there must be a Failure, not silence. (A second decompression
    pass; it costs seconds per gigabyte, far below the extraction of what the file holds.)"""
    import gzip

    with gzip.open(path, "rb") as handle:
        while handle.read(1 << 20):
            pass


def iter_warc(path: Path) -> Iterator[Document | Failure]:
    """Every HTML response record of ``path``, in order; unreadable ones as Failures."""
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    number = 0
    try:
        with path.open("rb") as handle:
            for record in ArchiveIterator(handle):
                if record.format != "warc":
                    raise ArchiveLoadFailed(f"a {record.format or 'non-WARC'} record where a WARC record was expected")
                if record.rec_type != "response" or record.http_headers is None:
                    continue
                content_type = record.http_headers.get_header("Content-Type") or ""
                if content_type.split(";")[0].strip().lower() not in HTML_TYPES:
                    continue
                number += 1
                url = record.rec_headers.get_header("WARC-Target-URI") or ""
                where = f"{path}#{number}"
                try:
                    status = record.http_headers.get_statuscode()
                    if status and not status.startswith("2"):
                        raise IngestError(f"HTTP status {status} for {url}")
                    body = record.content_stream().read(MAX_INPUT_BYTES + 1)
                    yield document_from_page(
                        body, content_type=content_type, url=url or None, doc_id=f"{path.name.split('.')[0]}-{number}",
                        source=url or where, captured=capture_date(record.rec_headers.get_header("WARC-Date")),
                    )
                except IngestError as error:
                    yield Failure(source=where, error=one_line(f"{url}: {error}" if url else str(error)))
                except Exception as error:  # one bad record must not lose the rest
                    yield Failure(source=where, error=one_line(f"cannot read the record: {type(error).__name__}: {error}"))
        if path.name.lower().endswith(".gz"):
            check_gzip_complete(path)
    except ArchiveLoadFailed as error:
        yield Failure(source=str(path), error=one_line(f"not a readable WARC file after {number} HTML records: {error}"))
    except (EOFError, OSError, ValueError) as error:  # truncated gzip, a damaged header
        yield Failure(source=str(path), error=one_line(f"WARC file damaged after {number} HTML records: {type(error).__name__}: {error}"))
