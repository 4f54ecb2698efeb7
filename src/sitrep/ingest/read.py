"""Reading inputs: paths, directories, JSON Lines and stdin, into Documents or Failures.

Every check that can refuse a document raises ``IngestError`` with a one-line reason;
``iter_documents`` turns it into a ``Failure`` so that one bad file never stops a batch.
"""

from __future__ import annotations

import codecs
import hashlib
import json
import re
import sys
import unicodedata
from collections.abc import Iterable, Iterator
from datetime import date
from functools import lru_cache
from pathlib import Path

from charset_normalizer import from_bytes

from sitrep.config import MAX_INPUT_BYTES, MAX_TEXT_CHARS
from sitrep.ingest.boilerplate import strip_boilerplate
from sitrep.ingest.layout import unwrap
from sitrep.models import Document, Failure, one_line

TEXT_SUFFIXES = {".txt", ".text", ""}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}

#: Signatures of common binary formats, named so the error says what the file was.
MAGIC = {
    b"\x89PNG": "a PNG image",
    b"\xff\xd8\xff": "a JPEG image",
    b"GIF8": "a GIF image",
    b"%PDF": "a PDF file",
    b"PK\x03\x04": "a ZIP archive (or an Office document)",
    b"\x1f\x8b": "a gzip archive",
    b"\x7fELF": "an executable",
}

WESTERN_ENCODINGS = ("cp1252", "latin_1", "iso8859_15")


class IngestError(ValueError):
    """A document that cannot be read; the message is the one-line reason."""


def content_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def sniff_binary(data: bytes) -> str | None:
    """Name the binary format of ``data``, or None when it looks like text."""
    for magic, name in MAGIC.items():
        if data.startswith(magic):
            return name
    head = data[:4096]
    if b"\x00" in head and not (head.startswith((b"\xff\xfe", b"\xfe\xff")) or utf16_without_bom(head)):
        return "binary data"
    return None


#: Byte order marks, longest first (UTF-32's little-endian mark begins with UTF-16's).
BOMS = (
    (b"\xff\xfe\x00\x00", "utf-32-le"), (b"\x00\x00\xfe\xff", "utf-32-be"),
    (b"\xef\xbb\xbf", "utf-8"), (b"\xff\xfe", "utf-16-le"), (b"\xfe\xff", "utf-16-be"),
)
#: Windows-1252 bytes that, left invalid inside UTF-8, are read as that code page: its
#: letters (0xC0-0xFF but the signs of multiplication and division) and its quotes,
#: dashes and ellipsis, which is what a Latin-1 line pasted into a UTF-8 file holds.
CP1252_TEXT = frozenset([*range(0xC0, 0xFF + 1), 0x85, 0x91, 0x92, 0x93, 0x94, 0x96, 0x97]) - {0xD7, 0xF7}


def utf16_without_bom(data: bytes) -> str | None:
    """'utf-16-le' or 'utf-16-be' when every other byte is zero, as in UTF-16 Latin text."""
    head = data[:4096]
    if len(head) < 4:
        return None
    head = head[: len(head) // 2 * 2]
    even, odd = head[0::2], head[1::2]
    zeros_even, zeros_odd = even.count(0) / len(even), odd.count(0) / len(odd)
    if zeros_odd >= 0.5 and zeros_even <= 0.05:
        return "utf-16-le"
    if zeros_even >= 0.5 and zeros_odd <= 0.05:
        return "utf-16-be"
    return None


def decode_utf8_leniently(data: bytes) -> tuple[str, int, int]:
    """UTF-8 where the bytes are valid; an invalid byte is its Windows-1252 character when
    that is a letter, quote or dash, else U+FFFD. Returns the text and both counts."""
    parts: list[str] = []
    read = replaced = 0
    position = 0
    while position < len(data):
        try:
            parts.append(data[position:].decode("utf-8"))
            break
        except UnicodeDecodeError as error:
            start, end = position + error.start, position + error.end
            parts.append(data[position:start].decode("utf-8"))
            for byte in data[start:end]:
                if byte in CP1252_TEXT:
                    parts.append(bytes([byte]).decode("cp1252"))
                    read += 1
                else:
                    parts.append("\ufffd")
                    replaced += 1
            position = end
    return "".join(parts), read, replaced


def has_utf8_sequences(data: bytes) -> bool:
    """Whether the bytes hold at least one valid multi-byte UTF-8 sequence."""
    return UTF8_SEQUENCE.search(data) is not None


UTF8_SEQUENCE = re.compile(
    rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}"
)


def decode_with_note(data: bytes) -> tuple[str, str | None]:
    """Decode bytes, and say how when it was not plain UTF-8 (the note goes on the document).

    A byte order mark decides; then strict UTF-8; then UTF-16 without a mark (every other
    byte zero); then, when the file holds valid UTF-8 sequences, UTF-8 with each invalid
    byte read as Windows-1252 or replaced (one stray byte in a UTF-8 file, or Latin-1 lines
    pasted into it); only a file with no UTF-8 in it goes to a single-byte code page.
    """
    for mark, encoding in BOMS:
        if data.startswith(mark):
            text = data[len(mark):].decode(encoding, errors="replace")
            return text, (None if encoding == "utf-8" else f"decoded as {encoding.upper()} (byte order mark)")
    if b"\x00" in data[:4096] and (encoding := utf16_without_bom(data)):
        return data.decode(encoding, errors="replace"), f"decoded as {encoding.upper()} (no byte order mark)"
    try:
        return data.decode("utf-8"), None
    except UnicodeDecodeError:
        pass
    if has_utf8_sequences(data):
        text, read, replaced = decode_utf8_leniently(data)
        how = [f"{plural(read, 'byte')} read as Windows-1252"] if read else []
        how += [f"{plural(replaced, 'invalid byte')} replaced (U+FFFD)"] if replaced else []
        return text, "decoded as UTF-8; " + ", ".join(how)
    return decode_single_byte(data)


def plural(count: int, noun: str) -> str:
    return f"{count} {noun}" if count == 1 else f"{count} {noun}s"


def decode_single_byte(data: bytes) -> tuple[str, str | None]:
    high = sum(byte >= 0x80 for byte in data)
    try:
        western = data.decode("cp1252")
    except UnicodeDecodeError:
        western = None
    if western is not None and high <= max(8, len(data) // 50):
        return western, "decoded as Windows-1252"  # English with a few accented letters or smart quotes
    matches = list(from_bytes(data))
    if not matches:
        if western is not None:
            return western, "decoded as Windows-1252"
        raise IngestError("cannot detect the text encoding")
    best = matches[0]
    # Short English text fits several single-byte code pages equally well; Windows-1252
    # is what English-language sites use, so it wins among equals.
    chosen = next((m for m in matches if m.encoding in WESTERN_ENCODINGS and m.chaos <= best.chaos + 0.01), None) or best
    return str(chosen), f"decoded as {chosen.encoding} (detected)"


def decode(data: bytes) -> str:
    return decode_with_note(data)[0]


#: Language identification (py3langid: a naive Bayes model over byte n-grams of 97
#: languages, 4.5 MB, offline). Nigerian Pidgin shares English's n-grams so closely that
#: English notes full of Nigerian names read as it; both count as English.
ENGLISH_LIKE = frozenset({"en", "pcm"})
#: Below this probability of English a text is refused. Over the 15,764 ACLED notes, the
#: dev articles and the examples the lowest is 0.092 ("SAF bomb Deribat. 2 farmers
#: died."); a French sentence of five words has 0.0009, longer foreign text under 1e-7.
MIN_ENGLISH = 0.01
#: Letters a text needs before its language is judged; the head read to judge it.
MIN_LETTERS_TO_JUDGE = 10
LANGUAGE_SAMPLE = 10_000
#: Article text has at least one line of this many words (of two letters or more, all
#: of one script): a page of menu items, share buttons or markup has none, and neither
#: have a few random bytes decoded ('ｴ畛dv73Fﾒ3M巡' mixes three scripts in a word).
MIN_LINE_WORDS = 3
#: Characters that show nothing: zero-width spaces, word joiners, byte order marks and
#: soft hyphens are removed at cleaning (they split words for every later stage).
INVISIBLE = re.compile("[\u00ad\u180e\u200b\u2060\ufeff]")
TAG = re.compile(r"<[/!?]?[A-Za-z][^<>]{0,500}>|<!--.*?-->", re.DOTALL)
LONG_WORD = re.compile(r"[^\W\d_]{2,}")
#: ...and at least this many letters in those words, this share of the line's visible
#: characters: over the ACLED notes the fewest are 15 ("2 killed in air raid.") and the
#: lowest share 0.78; '[ÃÀÉ=]ZÏ?Ðû©×', thirteen random bytes, has 7 and 0.5.
MIN_LINE_LETTERS = 12
PROSE_SHARE = 0.6


@lru_cache(maxsize=1)
def language_identifier():
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def language_name(code: str) -> str:
    import pycountry

    found = pycountry.languages.get(alpha_2=code) if len(code) == 2 else pycountry.languages.get(alpha_3=code)
    return found.name if found is not None else code


def check_english(text: str) -> None:
    sample = text[:LANGUAGE_SAMPLE]
    if sum(c.isalpha() for c in sample) < MIN_LETTERS_TO_JUDGE:
        return
    ranked = language_identifier().rank(sample)
    english = sum(p for code, p in ranked if code in ENGLISH_LIKE)
    if english < MIN_ENGLISH:
        code, p = ranked[0]
        raise IngestError(f"not English text (reads as {language_name(code)}, {p:.0%}; English {english:.1%})")


def script(letter: str) -> str:
    """The first word of a letter's Unicode name: LATIN, CYRILLIC, CJK, ARABIC, HANGUL..."""
    return unicodedata.name(letter, "?").split(" ", 1)[0]


def is_word(word: str) -> bool:
    first = script(word[0])
    return all(script(letter) == first for letter in word[1:])


def check_article_text(text: str) -> None:
    """Refuse what holds no article text: no line of ``MIN_LINE_WORDS`` words outside markup."""
    if TAG.search(text):
        text = TAG.sub(" ", text)
    for line in text.splitlines():
        if is_prose(line):
            return
    raise IngestError(f"no article text after cleaning (no line of {MIN_LINE_WORDS} words)")


def is_prose(line: str) -> bool:
    """A line of ``MIN_LINE_WORDS`` one-script words whose letters are most of what it shows."""
    words = [word for word in LONG_WORD.findall(line) if is_word(word)]
    if len(words) < MIN_LINE_WORDS:
        return False
    letters = sum(len(word) for word in words)
    shown = len(line) - sum(c.isspace() for c in line)
    return letters >= MIN_LINE_LETTERS and letters >= PROSE_SHARE * shown


def finish(
    text: str,
    *,
    doc_id: str,
    source: str,
    url: str | None = None,
    title: str | None = None,
    site_name: str | None = None,
    published: date | None = None,
    decoding: str | None = None,
) -> Document:
    """Clean ``text`` and make the Document; refuse empty and non-English text."""
    text = INVISIBLE.sub("", text.replace("\r\n", "\n").replace("\r", "\n"))
    cleaned, removed = strip_boilerplate(text)
    cleaned = unwrap(cleaned)
    if not cleaned.strip():
        raise IngestError("empty document (no text after removing boilerplate)")
    if len(cleaned) > MAX_TEXT_CHARS:
        raise IngestError(f"text too long ({len(cleaned):,} characters; limit {MAX_TEXT_CHARS:,})")
    check_english(cleaned)
    check_article_text(cleaned)
    return Document(
        id=doc_id,
        source=source,
        url=url,
        title=title,
        site_name=site_name,
        published=published,
        published_basis="metadata" if published else None,
        text=cleaned,
        removed=removed,
        content_hash=content_hash(cleaned),
        decoding=decoding,
    )


def document_from_text(text: str, *, doc_id: str, source: str, **metadata) -> Document:
    return finish(text, doc_id=doc_id, source=source, **metadata)


def parse_iso_date(value: object) -> date | None:
    if not value:
        return None
    match = re.match(r"(\d{4})-(\d{2})-(\d{2})", str(value))
    if not match:
        return None
    try:
        return date(*map(int, match.groups()))
    except ValueError:
        return None


def document_from_html(
    html: str, *, doc_id: str, source: str, url: str | None = None, decoding: str | None = None
) -> Document:
    """Main text and metadata by trafilatura; the page's own date counts as metadata."""
    import trafilatura  # slow to import; only HTML input needs it

    result = trafilatura.bare_extraction(
        html, url=url, with_metadata=True, include_comments=False, include_tables=False
    )
    if result is None or not (result.text or "").strip():
        raise IngestError("no article text found in the HTML")
    return finish(
        result.text,
        doc_id=doc_id,
        source=source,
        url=url or result.url,
        title=result.title,
        site_name=result.sitename,
        published=parse_iso_date(result.date),
        decoding=decoding,
    )


#: The media types of an HTML page (a WARC record, a fetched response).
HTML_TYPES = ("text/html", "application/xhtml+xml")


def html_charset(content_type: str) -> str | None:
    for part in content_type.split(";")[1:]:
        name, _, value = part.strip().partition("=")
        if name.lower() == "charset" and value:
            return value.strip("\"' ")
    return None


def page_text(body: bytes, content_type: str) -> tuple[str, str | None]:
    """The page's bytes as text, and how they were read when not as plain UTF-8.

    The declared charset decides when the bytes decode in it; otherwise the bytes go the
    way a file's do (``decode_with_note``), so an archived or fetched page keeps the same
    note on its document as a file on disk would.
    """
    if kind := sniff_binary(body):
        raise IngestError(f"not a text document: {kind}")
    charset = html_charset(content_type)
    if charset:
        try:
            text = body.decode(charset)
        except (LookupError, UnicodeDecodeError):
            pass
        else:
            plain = codecs.lookup(charset).name in {"utf-8", "ascii"}
            return text, None if plain else f"decoded as {charset.upper()} (declared charset)"
    return decode_with_note(body)


def document_from_page(
    body: bytes, *, content_type: str, url: str, doc_id: str, source: str, captured: date | None
) -> Document:
    """One fetched or archived HTML page through the HTML path, with its capture date."""
    if not body:
        raise IngestError("empty response body")
    if len(body) > MAX_INPUT_BYTES:
        raise IngestError(f"page too large ({len(body):,} bytes; limit {MAX_INPUT_BYTES:,})")
    text, decoding = page_text(body, content_type)
    document = document_from_html(text, doc_id=doc_id, source=source, url=url, decoding=decoding)
    return document.model_copy(update={"captured": captured}) if captured else document


def read_bounded(path: Path) -> bytes:
    size = path.stat().st_size
    if size > MAX_INPUT_BYTES:
        raise IngestError(f"file too large ({size:,} bytes; limit {MAX_INPUT_BYTES:,})")
    if size == 0:
        raise IngestError("empty file")
    return path.read_bytes()


def looks_like_html(text: str) -> bool:
    """A page rather than text: it opens as HTML, or markup is a third of what it shows."""
    head = text.lstrip()[:200].lower()
    if head.startswith(("<!doctype html", "<html")):
        return True
    sample = text[:100_000]
    tags = [m.end() - m.start() for m in TAG.finditer(sample)]
    visible = len(sample) - sum(c.isspace() for c in sample)
    return len(tags) >= 3 and sum(tags) >= visible / 3


def document_from_path(path: Path) -> Document:
    data = read_bounded(path)
    kind = sniff_binary(data)
    if kind:
        raise IngestError(f"not a text document: {kind}")
    text, decoding = decode_with_note(data)
    if path.suffix.lower() in HTML_SUFFIXES or looks_like_html(text):
        return document_from_html(text, doc_id=path.stem, source=str(path), decoding=decoding)
    return document_from_text(text, doc_id=path.stem, source=str(path), decoding=decoding)


#: The optional fields of a JSON Lines record and the JSON types each may hold.
RECORD_FIELDS: dict[str, tuple[type, ...]] = {
    "id": (str, int), "url": (str,), "title": (str,), "published": (str,), "html": (str,), "site_name": (str,),
}
LONE_SURROGATE = re.compile("[\ud800-\udfff]")


def check_text_field(name: str, value: str) -> None:
    if surrogate := LONE_SURROGATE.search(value):
        raise IngestError(f'"{name}" holds a lone surrogate (U+{ord(surrogate.group()):04X}) at character {surrogate.start()}')


def parse_record(line: str) -> dict:
    """One JSON Lines record, checked field by field; every defect is an IngestError."""
    if len(line) > MAX_INPUT_BYTES:
        raise IngestError(f"line too long ({len(line):,} characters)")
    try:
        record = json.loads(line)
    except json.JSONDecodeError as error:
        raise IngestError(f"not valid JSON ({error.msg} at column {error.colno})") from None
    except RecursionError:
        raise IngestError("not valid JSON (nested too deeply)") from None
    if not isinstance(record, dict):
        raise IngestError(f"a JSON Lines record must be an object, not {type(record).__name__}")
    if not isinstance(record.get("text"), str) and not isinstance(record.get("html"), str):
        raise IngestError('a JSON Lines record needs a "text" string')
    for name, types in RECORD_FIELDS.items():
        value = record.get(name)
        if value is not None and (not isinstance(value, types) or isinstance(value, bool)):
            raise IngestError(f'"{name}" must be {" or ".join(t.__name__ for t in types)}, not {type(value).__name__}')
    for name in ("text", "html", "url", "title", "id", "site_name"):
        if isinstance(record.get(name), str):
            check_text_field(name, record[name])
    return record


def bounded_lines(handle, limit: int | None = None) -> Iterator[str | bytes | None]:
    """The lines of a text or binary stream, none read past ``limit`` characters or bytes (the
    input limit): a longer line is None (and the rest of it is skipped), so one endless line
    cannot fill the memory."""
    limit = limit or MAX_INPUT_BYTES
    while line := handle.readline(limit + 1):
        newline = "\n" if isinstance(line, str) else b"\n"
        if len(line) > limit and not line.endswith(newline):
            while (rest := handle.readline(limit)) and not rest.endswith(newline):
                pass
            yield None
        else:
            yield line


def documents_from_jsonl_lines(
    lines: Iterable[str | bytes | None], source: str, stem: str, decoding: str | None = None
) -> Iterator[Document | Failure]:
    """One document per JSON object: ``text`` required; ``id``, ``url``, ``title``, ``published``,
    ``site_name`` (the outlet, as a feed names it) optional.

    Each record is checked on its own: a bad one becomes a Failure named ``SOURCE:LINE``
    and the records after it are still read. A line given as bytes is decoded on its own, so
    a stray byte in one record is noted on that record's document (``decoding``, else the
    note of the whole input) and touches no other.
    """
    for number, line in enumerate(lines, start=1):
        where = f"{source}:{number}"
        if line is None:
            yield Failure(source=where, error=f"line too long (over {MAX_INPUT_BYTES:,} characters)")
            continue
        note = decoding
        if isinstance(line, bytes):
            line, line_note = decode_with_note(line)
            note = line_note or decoding
        if number == 1:
            line = line.removeprefix("\ufeff")  # a byte order mark before the first record
        if not line.strip():
            continue
        try:
            record = parse_record(line)
            doc_id = str(record.get("id") or f"{stem}-{number}")
            url = record.get("url") or None
            if record.get("html"):
                yield document_from_html(record["html"], doc_id=doc_id, source=url or where, url=url,
                                         decoding=note)
            else:
                yield finish(
                    record["text"], doc_id=doc_id, source=url or where, url=url,
                    title=record.get("title"), published=parse_iso_date(record.get("published")),
                    site_name=record.get("site_name") or None, decoding=note,
                )
        except IngestError as error:
            yield Failure(source=where, error=one_line(str(error)))
        except Exception as error:  # an unforeseen defect of one record must not lose the rest
            yield Failure(source=where, error=one_line(f"cannot read the record: {type(error).__name__}: {error}"))


def iter_jsonl_file(path: Path) -> Iterator[Document | Failure]:
    with path.open("rb") as handle:
        yield from documents_from_jsonl_lines(bounded_lines(handle), str(path), path.stem)


#: What a directory walk passes over: notes and data that sit beside articles (a README,
#: gold .json files, tables). Anything else is read, so that an image or a binary dropped
#: among the articles gets its one-line error. A file named on the command line is always read.
NOT_ARTICLE_SUFFIXES = {".json", ".md", ".markdown", ".rst", ".csv", ".tsv", ".yml", ".yaml", ".toml"}


URL_ARGUMENT = re.compile(r"^https?://", re.I)


def iter_sources(paths: Iterable[str]) -> Iterator[Path | str]:
    """Expand directories (recursively, sorted, hidden files and notes beside articles skipped); ``-`` stays as is."""
    for raw in paths:
        if raw == "-" or URL_ARGUMENT.match(raw):
            yield raw
            continue
        path = Path(raw)
        if path.is_dir():
            for child in sorted(path.rglob("*")):
                relative = child.relative_to(path)
                if (
                    child.is_file()
                    and child.suffix.lower() not in NOT_ARTICLE_SUFFIXES
                    and not any(part.startswith(".") for part in relative.parts)
                ):
                    yield child
        else:
            yield path


def iter_stdin(stream=None) -> Iterator[Document | Failure]:
    """Standard input as one text document, or as JSON Lines when it starts with ``{``.

    Bytes are read where the stream has them, so that input in another encoding (or
    with invalid bytes) is decoded like a file rather than ending the run.
    """
    stream = stream or sys.stdin
    reader = getattr(stream, "buffer", stream)
    data = reader.read(MAX_INPUT_BYTES + 1)
    if len(data) > MAX_INPUT_BYTES:
        yield Failure(source="-", error=f"standard input too large (limit {MAX_INPUT_BYTES:,})")
        return
    decoding = None
    try:
        if isinstance(data, bytes):
            if not data:
                raise IngestError("empty input")
            if kind := sniff_binary(data):
                raise IngestError(f"not a text document: {kind}")
            data, decoding = decode_with_note(data)
        data = data.removeprefix("\ufeff")
        if data.lstrip().startswith("{"):
            yield from documents_from_jsonl_lines(data.splitlines(), "-", "stdin", decoding)
            return
        if looks_like_html(data):
            yield document_from_html(data, doc_id="stdin", source="-", decoding=decoding)
            return
        yield document_from_text(data, doc_id="stdin", source="-", decoding=decoding)
    except IngestError as error:
        yield Failure(source="-", error=one_line(str(error)))


def iter_documents(paths: Iterable[str], fetcher=None) -> Iterator[Document | Failure]:
    """Every document the inputs hold, in order; unreadable ones as Failures.

    Besides text, HTML and JSON Lines files: WARC files (``ingest.warc``), RSS and Atom
    files (``ingest.feeds``) and, given a ``Fetcher`` (``--fetch``), feed and article URLs
    and files that list article URLs (``ingest.fetch``).
    """
    for source in iter_sources(paths):
        if source == "-":
            yield from iter_stdin()
            continue
        if isinstance(source, str):  # a URL
            yield from iter_url(source, fetcher)
            continue
        yield from iter_path(Path(source), fetcher)


def iter_url(url: str, fetcher) -> Iterator[Document | Failure]:
    if fetcher is None:
        yield Failure(source=url, error="a URL is read only with --fetch")
        return
    from sitrep.ingest.fetch import documents_from_url

    yield from documents_from_url(fetcher, url)


def iter_path(path: Path, fetcher=None) -> Iterator[Document | Failure]:
    from sitrep.ingest.feeds import FEED_SUFFIXES, iter_feed_file, looks_like_feed
    from sitrep.ingest.warc import is_warc, iter_warc

    try:
        if not path.exists():
            raise IngestError("no such file or directory")
        if path.suffix.lower() in JSONL_SUFFIXES:
            yield from iter_jsonl_file(path)
        elif is_warc(path):
            yield from iter_warc(path)
        elif path.suffix.lower() in FEED_SUFFIXES or (path.is_file() and looks_like_feed(read_head(path))):
            read_page = None
            if fetcher is not None:
                from sitrep.ingest.fetch import read_article

                read_page = lambda link: read_article(fetcher, link)  # noqa: E731
            yield from iter_feed_file(path, read_page)
        elif fetcher is not None and (urls := url_list_of(path)) is not None:
            from sitrep.ingest.fetch import documents_from_url

            for url in urls:
                yield from documents_from_url(fetcher, url)
        else:
            yield document_from_path(path)
    except IngestError as error:
        yield Failure(source=str(path), error=one_line(str(error)))
    except OSError as error:
        yield Failure(source=str(path), error=f"cannot read: {error.strerror or error}")
    except Exception as error:  # an unforeseen defect of one file must not stop the batch
        yield Failure(source=str(path), error=one_line(f"cannot read: {type(error).__name__}: {error}"))


def read_head(path: Path, size: int = 4096) -> bytes:
    with path.open("rb") as handle:
        return handle.read(size)


def url_list_of(path: Path) -> list[str] | None:
    """The URLs a file lists, one per line, or None when it is not such a list."""
    from sitrep.ingest.fetch import url_list

    head = read_head(path, 64)
    if not head.lstrip().lower().startswith((b"http://", b"https://", b"#")):
        return None
    return url_list(decode(read_bounded(path)))
