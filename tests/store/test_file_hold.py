"""An ingest keeps a DuckDB file open across batches (each close is a checkpoint whose cost
grows with the store), lets go when a reader asks or its timer ends, and never keeps it after."""

from __future__ import annotations

import subprocess
import sys
import time

from sitrep.corpus import ingest
from sitrep.corpus.ingest import FileHold, IngestOptions, run_ingest
from sitrep.store import open_store
from sitrep.store.backend import DuckDBBackend, waiting_marker
from tests.store.factories import synthetic_reports


def opens_during_ingest(tmp_path, monkeypatch, hold_seconds: float, on_batch=None,
                        release_share: float = ingest.RELEASE_SHARE) -> tuple[int, object]:
    monkeypatch.setattr(ingest, "HOLD_SECONDS", hold_seconds)
    monkeypatch.setattr(ingest, "RELEASE_SHARE", release_share)
    monkeypatch.setattr(ingest, "RELEASE_SECONDS", 0.0)
    store = open_store(str(tmp_path / "store.duckdb"))
    opened = []
    original = store.backend.open_connection

    def counting():
        opened.append(1)
        return original()

    monkeypatch.setattr(store.backend, "open_connection", counting)
    progress = run_ingest(store, synthetic_reports(60), IngestOptions(batch_size=6), on_batch)
    assert (progress.documents, progress.batches) == (60, 10)
    return len(opened), store


def test_the_file_is_opened_once_for_batches_within_the_hold(tmp_path, monkeypatch):
    opened, store = opens_during_ingest(tmp_path, monkeypatch, hold_seconds=3600)
    assert opened == 1
    assert store.backend.connection is None  # released when the ingest ends
    assert store.counts()["documents"] == 60
    store.close()


def test_with_no_hold_the_file_is_let_go_after_every_batch(tmp_path, monkeypatch):
    # A release share of 1: the time letting go took does not lengthen the hold either.
    opened, store = opens_during_ingest(tmp_path, monkeypatch, hold_seconds=0, release_share=1.0)
    assert opened == 10
    assert store.backend.connection is None
    store.close()


def test_a_waiting_reader_is_let_in_after_the_batch_being_committed(tmp_path, monkeypatch):
    marker = waiting_marker(tmp_path / "store.duckdb")

    def reader_asks(progress):
        if progress.batches == 3:
            marker.touch()  # what a reader's refused open does

    opened, store = opens_during_ingest(tmp_path, monkeypatch, hold_seconds=3600, on_batch=reader_asks)
    assert opened == 2  # let go once, after the fourth batch, then taken again for the rest
    assert not marker.exists()  # the request was answered
    assert store.counts()["documents"] == 60
    store.close()


def test_the_timer_lasts_long_enough_that_letting_go_stays_a_small_share(tmp_path, monkeypatch):
    monkeypatch.setattr(ingest, "HOLD_SECONDS", 1.0)
    monkeypatch.setattr(ingest, "RELEASE_SHARE", 0.05)
    store = open_store(str(tmp_path / "store.duckdb"))
    hold = FileHold(store)
    hold.release_cost = 0.01
    assert hold.hold_limit() == 1.0  # a cheap checkpoint: the floor
    hold.release_cost = 0.5
    assert round(hold.hold_limit(), 6) == 9.5  # 0.5 s of 10 s spent letting go: 5%
    store.close()


HOLDER = """
import sys, time, duckdb
connection = duckdb.connect(sys.argv[1])
print("held", flush=True)
time.sleep(float(sys.argv[2]))
connection.close()
"""


def test_an_open_locked_out_asks_the_holder_to_let_go(tmp_path):
    path = tmp_path / "store.duckdb"
    open_store(str(path)).close()
    holder = subprocess.Popen([sys.executable, "-c", HOLDER, str(path), "1.5"], stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "held"
        began = time.monotonic()
        backend = DuckDBBackend(path, read_only=True, lock_wait=30)  # waits out the holder
        assert time.monotonic() - began > 0.5
        assert waiting_marker(path).exists()  # it asked while it waited
        backend.close()
    finally:
        holder.wait(timeout=30)
        holder.stdout.close()
