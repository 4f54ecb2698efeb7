"""Pool workers are replaced by fresh processes after ``worker_batches`` batches, so a
worker's memory cannot grow for the whole of a long ingest (it grew from 519 to 629 MiB
over 60,000 documents), and the documents still come out the same."""

from __future__ import annotations

import os
from collections import Counter

from sitrep.config import WORKER_BATCHES
from sitrep.corpus.ingest import IngestOptions, make_executor, run_ingest
from sitrep.ingest import document_from_text
from sitrep.store import open_store


def pids_of(executor, tasks: int) -> Counter:
    """The worker pid of each of ``tasks`` tasks, submitted one after the other."""
    try:
        return Counter(executor.submit(os.getpid).result(timeout=300) for _ in range(tasks))
    finally:
        executor.shutdown()


def test_a_pool_worker_is_replaced_after_its_batches():
    pids = pids_of(make_executor(2, worker_batches=2), 6)
    assert os.getpid() not in pids
    assert max(pids.values()) <= 2  # no worker ran a third batch
    assert len(pids) >= 3  # six batches of at most two a worker: three workers at the least


def test_without_recycling_the_pools_two_workers_run_every_batch():
    pids = pids_of(make_executor(2, worker_batches=0), 6)
    assert len(pids) <= 2 and sum(pids.values()) == 6


def test_recycling_is_on_by_default_and_a_recycled_run_stores_every_document(tmp_path):
    assert (IngestOptions().worker_batches, WORKER_BATCHES) == (200, 200)
    texts = {  # in our own words
        "kunduz": "Gunmen attacked a police post in Kunduz province on Tuesday, killing two officers, officials said.",
        "helmand": "Militants shelled a market in Helmand province on Friday, wounding four traders, police said.",
        "kandahar": "Mortar rounds hit a school in Kandahar province on Monday, wounding six pupils, police said.",
    }
    documents = [document_from_text(text, doc_id=name, source=f"{name}.txt") for name, text in texts.items()]
    with open_store(str(tmp_path / "store.duckdb")) as store:
        progress = run_ingest(store, documents, IngestOptions(jobs=2, batch_size=1, worker_batches=1))
        assert (progress.documents, progress.failures, progress.batches) == (3, 0, 3)
        assert store.backend.fetchall("SELECT doc_id FROM documents ORDER BY doc_id") == [
            ("helmand",), ("kandahar",), ("kunduz",)]
