"""Extraction on Ray (``sitrep ingest --engine ray [--address ADDR]``).

The driver (the ``sitrep ingest`` process) reads the inputs, skips what the store holds,
and sends each batch of documents to Ray as one task; the tasks run ``extract_chunk`` in
Ray's worker processes, on this machine or across a cluster, and their results come back
to the driver, which stays the store's one writer and commits them batch by batch in
input order, exactly as the process pool does. So the store's guarantees hold unchanged:
a batch is one transaction, a re-run skips every stored document, and a killed worker's
task is run again by Ray (``max_retries``) while a killed driver loses only batches not
yet committed, which the next run extracts again.

Ray reuses its worker processes, so each worker loads the spaCy model once (the text
stage caches it per process) and keeps it for the batches it is given: up to
``worker_batches`` of them (Ray's ``max_calls``), after which Ray replaces it with a
fresh process, so that a worker's memory cannot grow for the whole of a long run. Without an
address a local Ray is started for the run with ``jobs`` CPUs and stopped after it; with
one (``ray://`` or ``HOST:PORT`` of a ``ray start --head``), the driver joins that cluster,
and ``jobs`` defaults to the cluster's CPUs. Every node must have sitrep installed in
the same version (Ray ships tasks by reference to their functions, not the code).

Ray is an optional extra (``pip install sitrep[ray]``); CI installs it for the tests.
"""

from __future__ import annotations

import os
from concurrent.futures import Future

#: A local Ray for one ingest is kept small: the batches it carries are kilobytes of text.
LOCAL_OBJECT_STORE_BYTES = 256 * 1024 * 1024
#: How often Ray runs a task again whose worker died (killed, out of memory).
TASK_RETRIES = 3


def run_task(fn, *args):
    """What a Ray worker runs: a module-level function by reference, with its arguments."""
    return fn(*args)


def worker_probe() -> tuple[int, int]:
    """(pid, model loads in this process so far) after loading the model: for the tests."""
    from sitrep.text import load_nlp

    load_nlp()
    return os.getpid(), load_nlp.cache_info().misses


class RayExecutor:
    """Runs chunks as Ray tasks; ``submit`` returns a ``concurrent.futures.Future``."""

    def __init__(self, jobs: int | None = None, address: str | None = None, worker_batches: int = 0):
        try:
            import ray
        except ImportError:  # an optional extra
            raise RuntimeError("--engine ray needs Ray: pip install 'sitrep[ray]'") from None
        os.environ.setdefault("RAY_USAGE_STATS_ENABLED", "0")  # no report of usage over the network
        self.ray = ray
        self.started = not ray.is_initialized()
        if self.started:
            settings = {"include_dashboard": False, "log_to_driver": False, "configure_logging": False}
            if address:
                ray.init(address=address, **settings)
            else:
                ray.init(num_cpus=jobs or os.cpu_count() or 1, object_store_memory=LOCAL_OBJECT_STORE_BYTES, **settings)
        cpus = int(ray.cluster_resources().get("CPU", 1))
        self.jobs = max(1, min(jobs, cpus) if jobs else cpus)
        recycling = {"max_calls": worker_batches} if worker_batches else {}  # 0: Ray keeps its workers
        self.remote = ray.remote(num_cpus=1, max_retries=TASK_RETRIES, retry_exceptions=False, **recycling)(run_task)

    def submit(self, fn, *args) -> Future:
        return self.remote.options(name=f"sitrep.{fn.__name__}").remote(fn, *args).future()

    def shutdown(self, wait: bool = True, cancel_futures: bool = False) -> None:
        if self.started:
            self.ray.shutdown()
