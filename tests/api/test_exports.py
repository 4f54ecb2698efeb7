"""``/api/export`` writes what ``sitrep export`` writes, with the same filters."""

from __future__ import annotations

import io

import pyarrow.parquet as pq
import pytest
from typer.testing import CliRunner

from sitrep.cli import app
from tests.api.conftest import client_for


def cli_export(db: str, tmp_path, *args: str) -> bytes:
    out = tmp_path / "cli-export"
    result = CliRunner().invoke(app, ["export", "--db", db, "--out", str(out), *args])
    assert result.exit_code == 0, result.output
    return out.read_bytes()


@pytest.mark.parametrize(("fmt", "what", "media"), [
    ("acled-csv", "events", "text/csv; charset=utf-8"),
    ("geojson", "events", "application/geo+json"),
    ("jsonl", "incidents", "application/x-ndjson"),
    ("jsonl", "statements", "application/x-ndjson"),
])
def test_text_exports_equal_the_cli_export(filled, tmp_path, fmt, what, media):
    filters = {} if what == "statements" else {"admin1": "Badakhshan"}
    options = [f"--{name}={value}" for name, value in filters.items()]
    # The CLI first: it opens the file read-only, which it cannot while this process serves it.
    expected = cli_export(filled, tmp_path, "--format", fmt, "--what", what, *options)
    with client_for(filled) as client:
        response = client.get("/api/export", params={"format": fmt, "what": what, **filters})
    assert response.status_code == 200
    assert response.headers["content-type"] == media
    assert response.headers["content-disposition"].startswith("attachment;")
    assert response.content == expected and len(expected) > 100


def test_parquet_export_reads_back_as_the_selection(client, filled):
    response = client.get("/api/export", params={"format": "parquet", "what": "incidents", "country": "AF"})
    table = pq.read_table(io.BytesIO(response.content))
    listed = client.get("/api/incidents", params={"country": "AF", "limit": 500}).json()["items"]
    assert table.column("incident_key").to_pylist() == [row["incident_key"] for row in listed]


def test_statements_export_whole_and_say_so_when_filtered(client):
    response = client.get("/api/export", params={"format": "jsonl", "what": "statements", "country": "AF"})
    assert response.json() == {"status": 422, "error": "the filters apply to events and incidents; statements export whole"}
    assert client.get("/api/export", params={"format": "xlsx"}).status_code == 422
