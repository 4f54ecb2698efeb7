"""--doc-timeout under ``sitrep ingest --engine ray``: a document past its budget in a Ray
worker is a recorded failure with its one-line reason, and the other documents are stored.

Ray runs a task on its worker's main thread, where the budget's timer signal reaches it
(a worker thread would get the budget's thread timer instead). The slow stage is installed
in every Ray worker by Ray's worker setup hook, so no timing decides the outcome: the
slow document never ends, and the budget is what stops it.
"""

from __future__ import annotations

import sys

import pytest

from sitrep.corpus.ingest import IngestOptions, run_ingest
from sitrep.ingest import document_from_text
from sitrep.pipeline import ExtractOptions
from sitrep.store import open_store

ray = pytest.importorskip("ray", reason="Ray is the optional extra sitrep[ray]")


def install_endless_stage() -> None:
    """Runs in each Ray worker at its start: the document named 'endless' never finishes its stages."""
    import time

    from sitrep import pipeline

    real = pipeline.run_stages

    def run_stages(adoc, options=pipeline.ExtractOptions(), publication=None):
        while adoc.document.id == "endless":
            time.sleep(0.01)
        return real(adoc, options, publication)

    pipeline.run_stages = run_stages


@pytest.fixture
def ray_with_endless_stage():
    from ray import cloudpickle

    from sitrep.corpus.ray_engine import RayExecutor

    if ray.is_initialized():  # another module's Ray, without the hook
        ray.shutdown()
    cloudpickle.register_pickle_by_value(sys.modules[__name__])  # the workers need not import the tests
    ray.init(num_cpus=1, object_store_memory=128 * 1024 * 1024, include_dashboard=False, log_to_driver=False,
             configure_logging=False, runtime_env={"worker_process_setup_hook": install_endless_stage})
    try:
        yield
    finally:
        cloudpickle.unregister_pickle_by_value(sys.modules[__name__])
        executor = RayExecutor(1)
        executor.started = True
        executor.shutdown()


#: In our own words: three short reports; the middle one is the poison.
TEXTS = {
    "before": "Gunmen attacked a police post in Kunduz province on Tuesday, killing two officers, officials said.",
    "endless": "Mortar rounds hit a school in Kandahar province on Monday, wounding six pupils, police said.",
    "after": "Militants shelled a market in Helmand province on Friday, wounding four traders, police said.",
}


def test_a_document_past_its_budget_in_a_ray_worker_fails_alone(tmp_path, ray_with_endless_stage):
    documents = [document_from_text(text, doc_id=name, source=f"{name}.txt") for name, text in TEXTS.items()]
    reason = "extraction stopped: took longer than the per-document budget of 1 s (--doc-timeout)"
    options = IngestOptions(jobs=1, batch_size=1, engine="ray", extract=ExtractOptions(doc_timeout=1))
    with open_store(str(tmp_path / "store.duckdb")) as store:
        progress = run_ingest(store, documents, options)
        assert (progress.read, progress.documents, progress.failures) == (3, 2, 1)
        assert sorted(store.sql("SELECT doc_id FROM documents").column("doc_id").to_pylist()) == ["after", "before"]
        assert store.sql("SELECT source, error FROM failures").to_pylist() == [{"source": "endless.txt", "error": reason}]
        again = run_ingest(store, documents, options)  # the failure is known: a re-run adds nothing
        assert (again.documents, again.skipped, again.failures) == (0, 3, 0)
