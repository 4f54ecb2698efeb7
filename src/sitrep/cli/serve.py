"""``sitrep serve``: the page and the HTTP API over one store, in one process (uvicorn)."""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Annotated, Optional

import typer

from sitrep.cli import app
from sitrep.cli.db import DbOption
from sitrep.config import DEFAULT_DOC_TIMEOUT, MAX_INPUT_BYTES


def examples_dir() -> Path:
    """The bundled examples: beside the source tree in a clone, else ./examples."""
    import sitrep

    beside = Path(sitrep.__file__).resolve().parents[2] / "examples"
    return beside if beside.is_dir() else Path("examples")


def demo_store(directory: Path) -> str:
    """Ingest the bundled examples into a fresh DuckDB file under ``directory``; return its path."""
    from sitrep.corpus.ingest import IngestOptions, ingest_paths
    from sitrep.store import open_store

    source = examples_dir()
    if not source.is_dir():
        typer.echo(f"sitrep: error: no examples directory at {source}", err=True)
        raise typer.Exit(code=2)
    path = str(directory / "demo.duckdb")
    typer.echo(f"sitrep: ingesting {source} into a temporary store ...", err=True)
    with open_store(path) as store:
        totals = ingest_paths(store, [str(source)], IngestOptions(jobs=1))
    typer.echo(f"sitrep: demo store holds {totals.documents} documents ({totals.incidents} incidents, "
               f"{totals.statements} statements)", err=True)
    return path


@app.command()
def serve(
    db: DbOption = "sitrep.duckdb",
    host: Annotated[str, typer.Option(help="Address to listen on; the default is reachable from this machine only.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(min=1, max=65535)] = 8000,
    token: Annotated[Optional[str], typer.Option(
        envvar="SITREP_TOKEN", help="Bearer token that POST /api/documents needs; without one, writes are off.")] = None,
    demo: Annotated[bool, typer.Option(help="Serve the bundled examples, ingested into a temporary store first.")] = False,
    max_request_bytes: Annotated[int, typer.Option(min=1024, help="Larger requests get 413.")] = MAX_INPUT_BYTES,
    access_log: Annotated[bool, typer.Option(help="Log every request.")] = False,
    cache_mb: Annotated[int, typer.Option(min=0, help="MiB of API answers kept in memory until the store changes; 0 keeps none.")] = 64,
    doc_timeout: Annotated[float, typer.Option(min=0, help="Seconds one posted document may take; past it, the document is a recorded failure (0: no limit).")] = DEFAULT_DOC_TIMEOUT,
) -> None:
    """Serve the page (map, timeline, lists, sources) and the JSON API (/docs) over the store."""
    import uvicorn

    from sitrep.api import ServeConfig, create_app
    from sitrep.api.app import LOOPBACK_HOSTS
    from sitrep.web.outlines import country_outlines

    with tempfile.TemporaryDirectory(prefix="sitrep-demo-") as scratch:
        target = demo_store(Path(scratch)) if demo else db
        loopback = host in LOOPBACK_HOSTS
        if not loopback:
            typer.echo(f"sitrep: warning: listening on {host}: other machines can read this store", err=True)
        config = ServeConfig(db=target, token=token or None, max_request_bytes=max_request_bytes,
                             cache_bytes=cache_mb * 2**20, allowed_hosts=LOOPBACK_HOSTS if loopback else ("*",),
                             doc_timeout=doc_timeout)
        country_outlines()  # built once and cached; the first page load need not wait for it
        typer.echo(f"sitrep: serving {target} at http://{host}:{port}/ (API reference at /docs; writes "
                   f"{'need the token' if config.token else 'are off'})", err=True)
        uvicorn.run(create_app(config), host=host, port=port, access_log=access_log, server_header=False,
                    log_level="info" if access_log else "warning")
