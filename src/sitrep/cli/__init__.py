"""The command line: ``sitrep extract`` and friends (Typer), one module per concern.

This module owns the app and the ``extract`` command; the store commands
(``ingest``, ``incidents``, ``statements``, ``sql``, ``export``) live in ``cli.db``,
``serve`` in ``cli.serve``, the agreement commands (``agreements``, ``compliance``) in
``cli.agreements``.
"""

from __future__ import annotations

import sys
from datetime import date
from enum import Enum
from pathlib import Path
from typing import Annotated, Optional

import typer

from sitrep.config import DEFAULT_DOC_TIMEOUT

app = typer.Typer(
    name="sitrep",
    help="Turn conflict and peace-process news into sourced incidents and statements.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


class OutputFormat(str, Enum):
    json = "json"
    jsonl = "jsonl"
    table = "table"


def parse_date_option(value: Optional[str]) -> Optional[date]:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise typer.BadParameter(f"not an ISO date (YYYY-MM-DD): {value!r}") from None


def parse_country_option(value: Optional[str]) -> Optional[str]:
    if value is None:
        return None
    import pycountry

    found = pycountry.countries.get(alpha_2=value.upper()) if len(value) == 2 else None
    if found is None:
        raise typer.BadParameter(f"not an ISO 3166 alpha-2 country code: {value!r}")
    return found.alpha_2


def check_output_path(out: Optional[Path]) -> None:
    """Refuse an output file that cannot be written before any work is done."""
    if out is None:
        return
    parent = out.parent if str(out.parent) else Path(".")
    if not parent.is_dir():
        raise typer.BadParameter(f"no such directory: {parent}", param_hint="--out")
    if out.is_dir():
        raise typer.BadParameter(f"is a directory: {out}", param_hint="--out")


# what every extracting command asks of its inputs (extract, db ingest): one declaration each
PublishedOption = Annotated[Optional[str], typer.Option(help="Publication date of every input (YYYY-MM-DD).")]
AssumeYearOption = Annotated[Optional[int], typer.Option(help="Year to assume when the text fixes none.")]
CountryOption = Annotated[Optional[str], typer.Option(help="Country of every input (ISO alpha-2), when the text may not say.")]
FetchOption = Annotated[bool, typer.Option("--fetch", help="Fetch URLs given as inputs, listed in a file, or linked from feed entries that carry no full text.")]
FetchDelayOption = Annotated[float, typer.Option(min=0, help="With --fetch: seconds between two requests to one host (robots.txt Crawl-delay may ask more).")]
FetchTimeoutOption = Annotated[float, typer.Option(min=0.01, help="With --fetch: seconds before a request is given up.")]
FetchRetriesOption = Annotated[int, typer.Option(min=0, help="With --fetch: further tries after a timeout, a connection error, a 429 or a 5xx.")]
FetchCacheOption = Annotated[Optional[Path], typer.Option(help="With --fetch: the page cache (default: $SITREP_CACHE_DIR/pages or ~/.cache/sitrep/pages).")]


def make_fetcher(fetch: bool, delay: float, timeout: float, retries: int, cache: Optional[Path]):
    """The run's polite fetcher, or None without --fetch."""
    if not fetch:
        return None
    from sitrep.ingest.fetch import Fetcher, FetchOptions

    where = {"cache_dir": cache} if cache is not None else {}
    return Fetcher(FetchOptions(delay=delay, timeout=timeout, retries=retries, **where))


@app.command()
def extract(
    paths: Annotated[list[str], typer.Argument(help="Files, directories, JSON Lines, WARC, RSS/Atom files, URLs (--fetch), or - for stdin.")],
    output_format: Annotated[OutputFormat, typer.Option("--format", "-f", help="Output format.")] = OutputFormat.table,
    out: Annotated[Optional[Path], typer.Option("--out", "-o", help="Write to this file instead of stdout.")] = None,
    published: PublishedOption = None,
    assume_year: AssumeYearOption = None,
    country: CountryOption = None,
    fetch: FetchOption = False,
    fetch_delay: FetchDelayOption = 1.0,
    fetch_timeout: FetchTimeoutOption = 20.0,
    fetch_retries: FetchRetriesOption = 2,
    fetch_cache: FetchCacheOption = None,
    doc_timeout: Annotated[float, typer.Option(min=0, help="Seconds one document may take; past it, the document is an error line (0: no limit).")] = DEFAULT_DOC_TIMEOUT,
) -> None:
    """Read articles and print the incidents and statements they report."""
    from sitrep.cli.render import terminal_line, write_extractions
    from sitrep.ingest import iter_documents
    from sitrep.models import Failure
    from sitrep.pipeline import ExtractOptions, extract_documents

    options = ExtractOptions(published=parse_date_option(published), assume_year=assume_year,
                             country=parse_country_option(country), doc_timeout=doc_timeout or None)
    check_output_path(out)
    fetcher = make_fetcher(fetch, fetch_delay, fetch_timeout, fetch_retries, fetch_cache)
    handle = out.open("w", encoding="utf-8") if out else sys.stdout
    counts = {"ok": 0, "failed": 0}

    def successes():
        for item in extract_documents(iter_documents(paths, fetcher), options):
            if isinstance(item, Failure):
                counts["failed"] += 1
                typer.echo(terminal_line(f"sitrep: error: {item.source}: {item.error}"), err=True)
                continue
            counts["ok"] += 1
            yield item

    try:
        write_extractions(successes(), output_format.value, handle)
    finally:
        if out:
            handle.close()
    if counts["ok"] == 0:
        typer.echo(f"sitrep: no document could be read ({counts['failed']} failed)", err=True)
        raise typer.Exit(code=1)


def main() -> None:
    app()



from sitrep.cli import db  # noqa: E402,F401  (registers the store commands)
from sitrep.cli import serve  # noqa: E402,F401  (registers sitrep serve)
from sitrep.cli import agreements  # noqa: E402,F401  (registers the agreement commands)
