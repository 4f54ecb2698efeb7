"""An ingest keeps a DuckDB file open across batches for a while (each close is a checkpoint
whose cost grows with the store), then leaves it free for readers, and never keeps it after."""

from __future__ import annotations

from sitrep.corpus import ingest
from sitrep.corpus.ingest import IngestOptions, run_ingest
from sitrep.store import open_store
from tests.store.factories import synthetic_reports


def opens_during_ingest(tmp_path, monkeypatch, hold_seconds: float) -> tuple[int, object]:
    monkeypatch.setattr(ingest, "HOLD_SECONDS", hold_seconds)
    monkeypatch.setattr(ingest, "RELEASE_SECONDS", 0.0)
    store = open_store(str(tmp_path / "store.duckdb"))
    opened = []
    original = store.backend.open_connection

    def counting():
        opened.append(1)
        return original()

    monkeypatch.setattr(store.backend, "open_connection", counting)
    progress = run_ingest(store, synthetic_reports(60), IngestOptions(batch_size=6))
    assert (progress.documents, progress.batches) == (60, 10)
    return len(opened), store


def test_the_file_is_opened_once_for_batches_within_the_hold(tmp_path, monkeypatch):
    opened, store = opens_during_ingest(tmp_path, monkeypatch, hold_seconds=3600)
    assert opened == 1
    assert store.backend.connection is None  # released when the ingest ends
    assert store.counts()["documents"] == 60
    store.close()


def test_with_no_hold_the_file_is_let_go_after_every_batch(tmp_path, monkeypatch):
    opened, store = opens_during_ingest(tmp_path, monkeypatch, hold_seconds=0)
    assert opened == 10
    assert store.backend.connection is None
    store.close()
