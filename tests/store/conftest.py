"""Store tests run once per engine: DuckDB always, PostgreSQL when SITREP_TEST_PG_URL is set
(``scripts/ci-postgres.sh`` starts a local server and prints that variable)."""

from __future__ import annotations

import os
import uuid
from urllib.parse import quote

import pytest

from sitrep.store import open_store

PG_URL = os.environ.get("SITREP_TEST_PG_URL")
ENGINES = [
    "duckdb",
    pytest.param(
        "postgresql",
        marks=pytest.mark.skipif(
            not PG_URL, reason="SITREP_TEST_PG_URL not set (run scripts/ci-postgres.sh to start a server)"
        ),
    ),
]


@pytest.fixture(params=ENGINES)
def target(request, tmp_path):
    """A fresh, empty store location: a DuckDB file, or a private schema of the test server."""
    if request.param == "duckdb":
        yield str(tmp_path / "store.duckdb")
        return
    import psycopg

    schema = f"t_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(PG_URL, autocommit=True) as admin:
        admin.execute(f'CREATE SCHEMA "{schema}"')
    separator = "&" if "?" in PG_URL else "?"
    yield f"{PG_URL}{separator}options={quote(f'-csearch_path={schema}')}"
    with psycopg.connect(PG_URL, autocommit=True) as admin:
        admin.execute(f'DROP SCHEMA "{schema}" CASCADE')


@pytest.fixture
def store(target):
    with open_store(target) as opened:
        yield opened
