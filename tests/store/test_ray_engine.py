"""``sitrep ingest --engine ray``: the same rows as the process pool on the dev articles,
the model loaded once per worker, a re-run adding nothing, and a Ray worker or the driver
killed mid-run losing no committed batch."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from sitrep.corpus.ingest import IngestOptions, ingest_paths
from sitrep.store import open_store
from tests.conftest import DEV, needs_shared

ray = pytest.importorskip("ray", reason="Ray is the optional extra sitrep[ray]")
pytestmark = needs_shared(DEV)

#: Columns that differ between two runs by nature (when, in which batch), not by reading.
RUN_COLUMNS = {"batch_id", "ingested_at", "committed_at"}
TABLES = ("documents", "incidents", "incident_actors", "statements", "statement_links", "clusters", "failures")


@pytest.fixture(scope="module")
def local_ray():
    """One local Ray of two CPUs for this module's in-process runs (its start costs seconds)."""
    from sitrep.corpus.ray_engine import RayExecutor

    executor = RayExecutor(2)
    yield
    executor.started = True
    executor.shutdown()


def write_dev_texts(directory: Path, count: int | None = None) -> int:
    directory.mkdir(exist_ok=True)
    paths = sorted(DEV.glob("*.json"))[:count]
    for path in paths:
        gold = json.loads(path.read_text(encoding="utf-8"))
        (directory / f"{gold['id']}.txt").write_text(gold["text"], encoding="utf-8")
    return len(paths)


def rows(target: str) -> dict[str, list[tuple]]:
    store = open_store(target, read_only=True)
    try:
        tables = {}
        for table in TABLES:
            result = store.sql(f"SELECT * FROM {table}")
            names = [name for name in result.column_names if name not in RUN_COLUMNS]
            data = result.select(names).to_pylist()
            tables[table] = sorted((tuple(sorted((k, repr(v)) for k, v in row.items())) for row in data))
        return tables
    finally:
        store.close()


def test_a_ray_worker_loads_the_model_once(local_ray):
    from sitrep.corpus.ray_engine import RayExecutor, worker_probe

    executor = RayExecutor(1)
    probes = [future.result() for future in [executor.submit(worker_probe) for _ in range(6)]]
    by_worker: dict[int, set[int]] = {}
    for pid, loads in probes:
        by_worker.setdefault(pid, set()).add(loads)
    assert pid != os.getpid()  # the work ran in Ray's workers
    assert all(loads == {1} for loads in by_worker.values())  # one model load per worker, however many tasks
    assert len(by_worker) <= 2


def test_ray_gives_the_default_engines_rows_on_the_dev_articles_and_a_rerun_adds_nothing(tmp_path, local_ray):
    inputs = tmp_path / "dev"
    total = write_dev_texts(inputs)
    default, on_ray = str(tmp_path / "default.duckdb"), str(tmp_path / "ray.duckdb")
    for target, options in ((default, IngestOptions(jobs=1, batch_size=8)),
                            (on_ray, IngestOptions(jobs=2, batch_size=8, engine="ray"))):
        store = open_store(target)
        try:
            totals = ingest_paths(store, [str(inputs)], options)
        finally:
            store.close()
        assert (totals.documents, totals.failures) == (total, 0)
    expected = rows(default)
    assert len(expected["incidents"]) > 100 and len(expected["statements"]) > 100
    assert rows(on_ray) == expected
    store = open_store(on_ray)
    try:
        again = ingest_paths(store, [str(inputs)], IngestOptions(jobs=2, batch_size=8, engine="ray"))
    finally:
        store.close()
    assert (again.documents, again.skipped) == (0, total)
    assert rows(on_ray) == expected


# --- killing processes of a real `sitrep ingest --engine ray` ------------------------------


def children(pid: int) -> list[int]:
    """Every live descendant of ``pid`` (from /proc): what this test's ingest started."""
    parents: dict[int, int] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            parents[int(entry.name)] = int(stat.rsplit(")", 1)[1].split()[1])
    found, frontier = [], [pid]
    while frontier:
        parent = frontier.pop()
        for child, its_parent in parents.items():
            if its_parent == parent:
                found.append(child)
                frontier.append(child)
    return found


def title(pid: int) -> str:
    try:
        return Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
    except OSError:
        return ""


def ray_ingest(target: str, inputs: Path) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-m", "sitrep", "ingest", "--db", target, "--engine", "ray", "-j", "2",
         "--batch-size", "2", str(inputs)],
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, env={**os.environ, "COLUMNS": "200"},
    )


def default_counts(tmp_path: Path, inputs: Path) -> dict[str, int]:
    target = str(tmp_path / "default.duckdb")
    store = open_store(target)
    try:
        ingest_paths(store, [str(inputs)], IngestOptions(jobs=1, batch_size=2))
        return store.counts()
    finally:
        store.close()


def test_a_ray_worker_killed_mid_run_loses_nothing(tmp_path):
    inputs = tmp_path / "dev"
    write_dev_texts(inputs, 10)
    target = str(tmp_path / "ray.duckdb")
    process = ray_ingest(target, inputs)
    killed = None
    deadline = time.monotonic() + 240
    while killed is None and process.poll() is None and time.monotonic() < deadline:
        busy = [pid for pid in children(process.pid) if "ray::sitrep.extract_chunk" in title(pid)]
        if busy:
            killed = busy[0]
            os.kill(killed, signal.SIGKILL)
        time.sleep(0.05)
    error = process.communicate(timeout=600)[1]
    assert killed is not None, "no Ray worker was seen extracting"
    assert process.returncode == 0, error
    expected = default_counts(tmp_path, inputs)
    store = open_store(target, read_only=True)
    try:
        counts = store.counts()
        assert {k: v for k, v in counts.items() if k != "batches"} == {k: v for k, v in expected.items() if k != "batches"}
        assert store.backend.fetchall("SELECT count(DISTINCT doc_key) FROM documents")[0][0] == 10
    finally:
        store.close()


def test_the_driver_killed_mid_run_loses_no_committed_batch(tmp_path):
    inputs = tmp_path / "dev"
    write_dev_texts(inputs, 10)
    target = str(tmp_path / "ray.duckdb")
    process = ray_ingest(target, inputs)
    committed = 0
    while committed == 0:
        line = process.stderr.readline()
        assert line, "the ingest ended before its first batch"
        if line.startswith("sitrep: batch committed "):
            committed = json.loads(line.removeprefix("sitrep: batch committed "))["documents"]
    started = children(process.pid)
    process.send_signal(signal.SIGKILL)
    process.wait()
    process.stderr.close()
    # Ray's processes share the driver's fate: the raylet, the GCS and the workers go at
    # once; its dashboard and runtime-env agents notice the raylet gone within seconds but
    # then wait on the dead GCS for about a minute before they exit, so they are let off.
    deadline = time.monotonic() + 30
    core = lambda: [pid for pid in started if title(pid) and "Agent" not in title(pid) and "agent" not in title(pid)]  # noqa: E731
    while core() and time.monotonic() < deadline:
        time.sleep(0.5)
    left = [title(pid)[:60] for pid in core()]
    for pid in started:
        if title(pid):
            os.kill(pid, signal.SIGKILL)
    assert left == []
    store = open_store(target, read_only=True)
    try:
        assert store.counts()["documents"] >= committed
    finally:
        store.close()
    rerun = ray_ingest(target, inputs)
    error = rerun.communicate(timeout=600)[1]
    assert rerun.returncode == 0, error
    expected = default_counts(tmp_path, inputs)
    store = open_store(target, read_only=True)
    try:
        counts = store.counts()
        assert {k: counts[k] for k in ("documents", "incidents", "statements", "clusters", "failures")} == {
            k: expected[k] for k in ("documents", "incidents", "statements", "clusters", "failures")}
    finally:
        store.close()


def test_a_ray_worker_is_replaced_after_its_batches(local_ray):
    from sitrep.corpus.ray_engine import RayExecutor, worker_probe

    executor = RayExecutor(1, worker_batches=2)
    probes = [executor.submit(worker_probe).result() for _ in range(6)]
    by_worker: dict[int, list[int]] = {}
    for pid, loads in probes:
        by_worker.setdefault(pid, []).append(loads)
    assert os.getpid() not in by_worker
    assert all(len(calls) <= 2 for calls in by_worker.values())  # Ray's max_calls: no worker ran a third
    assert len(by_worker) >= 3
    assert all(set(loads) == {1} for loads in by_worker.values())  # each fresh worker loads the model once
