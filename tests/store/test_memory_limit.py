"""A store opened to write bounds DuckDB's memory (config.DUCKDB_MEMORY_LIMIT): DuckDB's
own default, 80% of the machine, let an ingest's reader-writer grow with the file."""

from __future__ import annotations

from sitrep.config import DUCKDB_MEMORY_LIMIT
from sitrep.store.backend import DuckDBBackend


def test_a_writing_duckdb_store_runs_under_the_configured_memory_limit(tmp_path):
    backend = DuckDBBackend(tmp_path / "limit.duckdb")
    with backend.session():
        (limit,) = backend.fetchall("SELECT current_setting('memory_limit')")[0]
    assert DUCKDB_MEMORY_LIMIT == "256MB"
    assert limit == "244.1 MiB"  # DuckDB reports 256 MB (10^6 bytes) in MiB
