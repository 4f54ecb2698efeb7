"""Store commands: ``ingest``, ``incidents``, ``statements``, ``sql`` and ``export``.

They share ``--db`` (a DuckDB file, ``./sitrep.duckdb`` by default, or a
``postgresql://`` URL). Heavy modules are imported inside the commands so that
``sitrep --help`` stays fast.
"""

from __future__ import annotations

import json
import sys
from datetime import date, datetime
from enum import Enum
from pathlib import Path
from typing import Annotated, Any, Optional

import typer

from sitrep.cli import (
    AssumeYearOption,
    CountryOption,
    FetchCacheOption,
    FetchDelayOption,
    FetchOption,
    FetchRetriesOption,
    FetchTimeoutOption,
    PublishedOption,
    app,
    check_output_path,
    make_fetcher,
    parse_country_option,
    parse_date_option,
)
from sitrep.config import DEFAULT_DOC_TIMEOUT, WORKER_BATCHES

DbOption = Annotated[
    str,
    typer.Option("--db", envvar="SITREP_DB", help="DuckDB file or postgresql:// URL."),
]


class QueryFormat(str, Enum):
    table = "table"
    json = "json"


class ExportFormat(str, Enum):
    acled_csv = "acled-csv"
    geojson = "geojson"
    parquet = "parquet"
    jsonl = "jsonl"
    csv = "csv"


class Engine(str, Enum):
    process = "process"
    ray = "ray"


class ExportTable(str, Enum):
    events = "events"
    incidents = "incidents"
    statements = "statements"
    agreements = "agreements"
    compliance = "compliance"


def fail(message: str, code: int = 2) -> typer.Exit:
    from sitrep.cli.render import terminal_line

    typer.echo(terminal_line(f"sitrep: error: {message}"), err=True)
    return typer.Exit(code=code)


def open_db(db: str, read_only: bool = True):
    """The store for a command: reading commands open it read-only and never create one."""
    from sitrep.store import open_store

    try:
        return open_store(db, read_only=read_only)
    except Exception as error:  # the engine's own message says what is wrong with the target
        raise fail(f"cannot open store {db}: {error}") from None


def checked_filters(filters: dict[str, Any]) -> dict[str, Any]:
    """Filters as the store reads them; an unknown country is an error, not an empty answer."""
    from sitrep.store.query import country_code

    if filters.get("country"):
        try:
            country_code(filters["country"])
        except ValueError as error:
            raise typer.BadParameter(str(error), param_hint="--country") from None
    return filters


# --- ingest ------------------------------------------------------------------------------


def progress_reporter(total: int | None):
    """A Rich progress bar on a terminal; one JSON line per committed batch otherwise."""
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

    from sitrep.corpus.ingest import progress_json

    console = Console(stderr=True)
    if not console.is_terminal:
        return None, lambda progress: typer.echo(f"sitrep: batch committed {progress_json(progress)}", err=True)
    bar = Progress(
        TextColumn("[bold]ingest"), BarColumn(), MofNCompleteColumn(),
        TextColumn("{task.fields[rate]:.1f} docs/s"), TextColumn("ETA"), TimeRemainingColumn(),
        TextColumn("failures: {task.fields[failures]}"), console=console,
    )
    task = bar.add_task("ingest", total=total, rate=0.0, failures=0)

    def update(progress) -> None:
        bar.update(task, completed=progress.read, rate=progress.read / max(progress.seconds, 1e-9),
                   failures=progress.failures)

    return bar, update


@app.command()
def ingest(
    paths: Annotated[list[str], typer.Argument(help="Files, directories, JSON Lines, WARC, RSS/Atom files, URLs (--fetch), or - for stdin.")],
    db: DbOption = "sitrep.duckdb",
    jobs: Annotated[Optional[int], typer.Option("--jobs", "-j", min=1, help="Extraction worker processes (default: one per core, at most one per batch).")] = None,
    batch_size: Annotated[int, typer.Option(min=1, help="Documents per committed transaction.")] = 64,
    extracted: Annotated[bool, typer.Option(help="Inputs are `sitrep extract --format jsonl` output.")] = False,
    retry_failed: Annotated[bool, typer.Option(help="Extract again documents that failed before.")] = False,
    published: PublishedOption = None,
    assume_year: AssumeYearOption = None,
    country: CountryOption = None,
    fetch: FetchOption = False,
    fetch_delay: FetchDelayOption = 1.0,
    fetch_timeout: FetchTimeoutOption = 20.0,
    fetch_retries: FetchRetriesOption = 2,
    fetch_cache: FetchCacheOption = None,
    engine: Annotated[Engine, typer.Option(help="Where extraction runs: a local process pool, or Ray tasks (local Ray, or the cluster at --address).")] = Engine.process,
    address: Annotated[Optional[str], typer.Option(help="With --engine ray: the Ray cluster to join (HOST:PORT of `ray start --head`, or ray://HOST:10001).")] = None,
    doc_timeout: Annotated[float, typer.Option(min=0, help="Seconds one document may take; past it, the document is a recorded failure (0: no limit).")] = DEFAULT_DOC_TIMEOUT,
    worker_batches: Annotated[int, typer.Option(min=0, help="Batches a worker extracts before a fresh process replaces it, bounding its memory (0: never).")] = WORKER_BATCHES,
) -> None:
    """Add articles to the store: extract, merge with earlier reports, commit batch by batch."""
    from sitrep.cli.render import terminal_line
    from sitrep.corpus.ingest import IngestOptions, count_inputs, default_jobs, ingest_paths
    from sitrep.pipeline import ExtractOptions

    extract_options = ExtractOptions(
        published=parse_date_option(published), assume_year=assume_year, country=parse_country_option(country),
        doc_timeout=doc_timeout or None)
    fetcher = make_fetcher(fetch, fetch_delay, fetch_timeout, fetch_retries, fetch_cache)
    total = count_inputs(paths)
    if address and engine != Engine.ray:
        raise typer.BadParameter("--address needs --engine ray", param_hint="--address")
    if engine == Engine.ray:  # a cluster's CPUs by default; locally one per core
        workers = jobs or (None if address else default_jobs(total, batch_size))
    else:
        workers = jobs or default_jobs(total, batch_size)
    options = IngestOptions(jobs=workers or 0, batch_size=batch_size, retry_failed=retry_failed,
                            extract=extract_options, engine=engine.value, address=address,
                            worker_batches=worker_batches)
    store = open_db(db, read_only=False)
    bar, update = progress_reporter(total)

    def on_batch(progress) -> None:
        for failure in progress.new_failures:  # each reason once, as it happens; the failures table keeps them
            message = terminal_line(f"sitrep: error: {failure.source}: {failure.error}")
            (bar.console.print(message, markup=False, highlight=False) if bar is not None else typer.echo(message, err=True))
        update(progress)

    try:
        if bar is not None:
            bar.start()
        totals = ingest_paths(store, paths, options, on_batch=on_batch, extracted=extracted, fetcher=fetcher)
    finally:
        if bar is not None:
            bar.stop()
        store.close()
    rate = totals.read / max(totals.seconds, 1e-9)
    typer.echo(
        f"sitrep: stored {totals.documents} documents ({totals.incidents} incidents, {totals.statements} "
        f"statements); {totals.skipped} already stored; {totals.failures} failures; "
        f"{totals.seconds:.1f} s, {rate:.1f} docs/s",
        err=True,
    )
    if totals.documents == 0 and totals.skipped == 0:
        raise fail(f"nothing was stored ({totals.failures} failed)", code=1)


# --- queries -------------------------------------------------------------------------------


def plain(value: Any) -> Any:
    """export.accounts.plain, kept here: the CLI starts without importing the store or pyarrow."""
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    return value


def print_rows(rows: list[dict[str, Any]], columns: list[tuple[str, str]], output: QueryFormat) -> None:
    """``columns`` pairs a header with a key of the row (table output only)."""
    if output == QueryFormat.json:
        typer.echo(json.dumps([{k: plain(v) for k, v in row.items()} for row in rows], ensure_ascii=False, indent=2))
        return
    from rich.console import Console
    from rich.table import Table

    from sitrep.cli.render import cell

    table = Table(show_lines=False)
    for header, _ in columns:
        table.add_column(cell(header))
    for row in rows:
        table.add_row(*(cell(plain(row.get(key))) for _, key in columns))
    Console(width=None if sys.stdout.isatty() else 200).print(table)


def killed_range(row: dict[str, Any], prefix: str) -> str:
    low, high, best = row.get(f"{prefix}low"), row.get(f"{prefix}high"), row.get(f"{prefix}best")
    if low is None:
        return ""
    return str(low) if low == high else f"{low}-{high} (best {best})"


def where(row: dict[str, Any]) -> str:
    return ", ".join(x for x in (row.get("place"), row.get("admin1"), row.get("country")) if x)


Country = Annotated[Optional[str], typer.Option(help="Country: ISO code or name.")]
Admin1 = Annotated[Optional[str], typer.Option(help="First-level region (province, state).")]
Actor = Annotated[Optional[str], typer.Option(help="Part of an actor's or source's name.")]
EventType = Annotated[Optional[str], typer.Option("--type", help="ACLED event or sub-event type.")]
Since = Annotated[Optional[str], typer.Option(help="From this date (YYYY-MM-DD).")]
Until = Annotated[Optional[str], typer.Option(help="Up to this date (YYYY-MM-DD).")]
Text = Annotated[Optional[str], typer.Option(help="Words in the evidence sentence.")]
Limit = Annotated[Optional[int], typer.Option(min=1, help="At most this many rows.")]
Offset = Annotated[Optional[int], typer.Option(min=0, help="Skip this many rows first (paging, with --limit).")]
Contested = Annotated[bool, typer.Option("--contested", help="Only merged incidents some party claims or disputes.")]
Format = Annotated[QueryFormat, typer.Option("--format", "-f", help="Output format.")]


@app.command()
def incidents(
    db: DbOption = "sitrep.duckdb",
    country: Country = None,
    admin1: Admin1 = None,
    actor: Actor = None,
    event_type: EventType = None,
    since: Since = None,
    until: Until = None,
    text: Text = None,
    merged: Annotated[bool, typer.Option(help="One row per merged incident (cluster) instead of per report.")] = False,
    limit: Limit = None,
    output: Format = QueryFormat.table,
    contested: Contested = False,
    offset: Offset = None,
) -> None:
    """List stored incidents, per report or merged across articles."""
    filters = checked_filters(dict(country=country, admin1=admin1, actor=actor, type=event_type,
                                   since=parse_date_option(since), until=parse_date_option(until), text=text,
                                   limit=limit, contested=contested or None, offset=offset))
    with open_db(db) as store:
        if merged:
            rows = store.events(**filters).to_pylist()
            for row in rows:
                row["where"], row["killed"] = where(row), killed_range(row, "killed_")
            columns = [("cluster", "cluster_id"), ("date", "date"), ("type", "acled_sub_type"),
                       ("where", "where"), ("killed", "killed"), ("reports", "reports"),
                       ("contested", "contested"), ("sources", "sources")]
        else:
            rows = store.incidents(**filters).to_pylist()
            for row in rows:
                row["where"] = where(row)
            columns = [("date", "date"), ("type", "acled_sub_type"), ("where", "where"), ("killed", "killed"),
                       ("injured", "injured"), ("reported by", "reported_by"), ("status", "claim_status"),
                       ("document", "doc_id"), ("cluster", "cluster_id")]
    print_rows(rows, columns, output)


@app.command()
def statements(
    db: DbOption = "sitrep.duckdb",
    actor: Annotated[Optional[str], typer.Option(help="Part of the speaker's or target's name.")] = None,
    kind: Annotated[Optional[str], typer.Option(help="statement, accusation, denial, demand, ...")] = None,
    since: Since = None,
    until: Until = None,
    text: Annotated[Optional[str], typer.Option(help="Words in the evidence or quote.")] = None,
    limit: Limit = None,
    output: Format = QueryFormat.table,
    offset: Offset = None,
) -> None:
    """List stored statements, with the accusations each denial answers."""
    with open_db(db) as store:
        rows = store.statements(actor=actor, kind=kind, since=parse_date_option(since),
                                until=parse_date_option(until), text=text, limit=limit, offset=offset).to_pylist()
    columns = [("date", "date"), ("kind", "kind"), ("speaker", "speaker"), ("target", "target"),
               ("evidence", "evidence"), ("answers", "answers"), ("document", "doc_id")]
    print_rows(rows, columns, output)


@app.command()
def sql(
    query: Annotated[str, typer.Argument(help="One SQL statement to run against the store.")],
    db: DbOption = "sitrep.duckdb",
    output: Format = QueryFormat.table,
    write: Annotated[bool, typer.Option("--write", help="Allow a statement that changes the store.")] = False,
) -> None:
    """Run one SQL statement against the store, read-only unless --write (tables: documents, incidents, ...)."""
    with open_db(db, read_only=not write) as store:
        try:
            rows = store.sql(query, write=write).to_pylist()
        except Exception as error:  # a user's SQL mistake: the engine's message, no traceback
            raise fail(str(error), code=1) from None
    columns = [(name, name) for name in (rows[0] if rows else {})]
    print_rows(rows, columns, output)


@app.command()
def export(
    export_format: Annotated[ExportFormat, typer.Option("--format", "-f", help="Export format.")],
    db: DbOption = "sitrep.duckdb",
    out: Annotated[Optional[Path], typer.Option("--out", "-o", help="Output file (required for parquet).")] = None,
    what: Annotated[ExportTable, typer.Option(help="events (merged), incidents (per report), statements, "
                                              "agreements, or compliance (every agreement's commitments and "
                                              "timeline); acled-csv and geojson always export events.")] = ExportTable.events,
    country: Country = None,
    admin1: Admin1 = None,
    actor: Actor = None,
    event_type: EventType = None,
    since: Since = None,
    until: Until = None,
) -> None:
    """Export the store as ACLED-style CSV, GeoJSON, Parquet, JSON Lines or plain CSV (any table)."""
    from sitrep.export import export as run_export

    if export_format == ExportFormat.parquet and out is None:
        raise typer.BadParameter("Parquet is binary: give --out FILE", param_hint="--out")
    check_output_path(out)
    filters: dict[str, Any] = {}
    if what in (ExportTable.events, ExportTable.incidents):
        filters = checked_filters(dict(country=country, admin1=admin1, actor=actor, type=event_type,
                                       since=parse_date_option(since), until=parse_date_option(until)))
    with open_db(db) as store, store.session():
        count = run_export(store, export_format.value, out, what=what.value, handle=sys.stdout, **filters)
    typer.echo(f"sitrep: exported {count} rows", err=True)
