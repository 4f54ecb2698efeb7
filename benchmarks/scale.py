"""Scale: Ray against the process pool, a soak, and the cores a day of world news needs.

    python benchmarks/scale.py rates [--docs 240]          # (a) articles/s, as ratios, in one run
    python benchmarks/scale.py soak [--docs 200000] [--db PATH|URL] [--jobs 2]   # (b)
    python benchmarks/scale.py estimate --per-core RATE    # (c) the paper estimate alone
    python benchmarks/scale.py store [--docs 200000] [--sample 500] [--db PATH|URL]   # (b), the store alone

(a) ``rates`` ingests the same articles (the dev articles and the bundled examples,
repeated with a copy number appended so that each copy is a new document to the store)
three times into fresh DuckDB files, in this one process: through the process pool
with two workers (the default engine), then ``--engine ray`` with one and with two
workers on a local Ray (its start-up is timed apart; worker start and model loads are
inside every figure, as a user sees them). It prints each rate and the ratios, which
move less with the machine's load than the rates do, and the estimate (c) from the
one-worker Ray rate.

(b) ``soak`` runs a real ``sitrep ingest`` process over ``--docs`` documents: ACLED notes
and real articles in their proportion in ../shared, repeated with varied ids and a copy
number, into DuckDB or PostgreSQL. It prints the throughput of every 10,000 documents and
the resident memory of every process of the ingest, then whether throughput stayed flat
(the last 10% within 20% of the first) and the peak memory of each process. Beside the
wall-clock rate it gives documents per CPU-second of the whole ingest (reader-writer,
live workers and the recycled ones it has waited for, and every PostgreSQL server
process for a PostgreSQL store), and the same flatness test on it: on a machine shared
with other jobs the wall rate follows their load, the CPU rate far less.

``store`` is the store's half of (b) without spaCy: it extracts ``--sample`` documents
of the same mix once (every n-th, so notes and articles keep their proportion), then
feeds their extractions again and again, each copy with a new id, a copy number in its
text (a new content hash) and every date moved by ``--shift-days`` per copy, through the
code path ``sitrep ingest --extracted`` takes (``run_ingest``: known-hash check, one
``write_batch`` transaction per batch with the cross-article merge and the denial links).
Moving the dates makes the store grow as a feed over the years grows (more days, about
the same reports per day); ``--shift-days 0`` keeps them, so every copy of a report
joins the same cluster, as in ``soak``. It prints the store's documents/s and the
resident memory of this process per ``--every`` documents, and the same flatness test;
also documents per CPU-second of this process (DuckDB's threads included) and, for a
PostgreSQL store on this machine, of the server process serving its connection, which
moves far less than the wall-clock rate with the load other jobs put on the machine; and
with each window the CPU time a fixed piece of work took just before it (``calibration_ms``),
since even a CPU-second does less the busier the machine: the last tenth's docs per
CPU-second over the first's, each scaled by its calibration, is
``last_over_first_cpu_calibrated``. Memory per window: ``rss_mib`` once the ingest has let go
of a DuckDB file (DuckDB has then freed all it held), ``rss_held_mib`` at the window's last
batch with the file held, ``peak_rss_mib`` the window's peak; ``--trace-memory`` adds
DuckDB's ``duckdb_memory()`` by tag and Python's growing allocation sites (``MemoryProbe``).

(c) ``estimate`` turns a per-core rate into the cores that keep up with 200,000 articles
a day (GDELT's order of magnitude) and the core-hours of a year's backfill.

The ACLED notes and dev articles are read from ../shared at run time; nothing is copied
into the repository.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import signal
import subprocess
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from ingest import acled_records, dev_records  # noqa: E402  (benchmarks/ingest.py)

ARTICLES_PER_DAY = 200_000
#: An assumed price of one cloud vCPU-hour (on-demand general-purpose instances are
#: around USD 0.02-0.05): a stated assumption for the paper estimate, not a measurement.
USD_PER_CORE_HOUR = 0.04


def article_records() -> list[dict]:
    records = dev_records()
    for path in sorted((REPO / "examples").glob("*.txt")):
        records.append({"id": path.stem, "text": path.read_text(encoding="utf-8")})
    return records


def copies(records: list[dict], count: int) -> list[dict]:
    """``count`` documents cycling through ``records``; every copy after the first gets its
    copy number in its id and at the end of its text (the store keys documents by text)."""
    out = []
    for number in range(count):
        record = dict(records[number % len(records)])
        round_ = number // len(records)
        if round_:
            record["id"] = f"{record['id']}-c{round_}"
            record["text"] = f"{record['text'].rstrip()}\n\n(Copy {round_}.)"
        out.append(record)
    return out


def write_jsonl(path: Path, records: list[dict]) -> None:
    with path.open("w", encoding="utf-8") as handle:
        for record in records:
            handle.write(json.dumps(record, ensure_ascii=False) + "\n")


# --- (c) -------------------------------------------------------------------------------


def estimate(per_core: float) -> dict:
    per_second = ARTICLES_PER_DAY / 86_400
    year = ARTICLES_PER_DAY * 365
    core_hours = year / per_core / 3600
    return {
        "articles_per_day": ARTICLES_PER_DAY,
        "articles_per_s_needed": round(per_second, 2),
        "per_core_articles_per_s": round(per_core, 2),
        "cores_to_keep_up": round(per_second / per_core, 1),
        "cores_with_50pct_headroom": round(1.5 * per_second / per_core, 1),
        "year_backfill_articles": year,
        "year_backfill_core_hours": round(core_hours),
        "year_backfill_days_on_64_cores": round(core_hours / 64 / 24, 1),
        "year_backfill_usd_at_assumed_price": round(core_hours * USD_PER_CORE_HOUR),
        "assumed_usd_per_core_hour": USD_PER_CORE_HOUR,
    }


# --- (a) -------------------------------------------------------------------------------


def timed(source: Path, db: Path, **options) -> float:
    from sitrep.corpus.ingest import IngestOptions, ingest_paths
    from sitrep.store import open_store

    store = open_store(str(db))
    try:
        started = time.monotonic()
        totals = ingest_paths(store, [str(source)], IngestOptions(batch_size=16, **options))
        seconds = time.monotonic() - started
    finally:
        store.close()
    assert totals.failures == 0 and totals.skipped == 0, totals
    return totals.documents / seconds


def rates(args) -> None:
    import ray

    os.environ.setdefault("RAY_USAGE_STATS_ENABLED", "0")
    records = copies(article_records(), args.docs)
    with tempfile.TemporaryDirectory(prefix="sitrep-scale-") as tmp:
        source = Path(tmp) / "articles.jsonl"
        write_jsonl(source, records)
        results = {"documents": len(records), "cpus": os.cpu_count(), "load_average_before": os.getloadavg()[0]}
        results["process_pool_2_workers"] = timed(source, Path(tmp) / "pool.duckdb", jobs=2)
        for workers in (1, 2):
            started = time.monotonic()
            ray.init(num_cpus=workers, include_dashboard=False, log_to_driver=False,
                     object_store_memory=256 * 1024 * 1024)
            results[f"ray_start_s_{workers}"] = round(time.monotonic() - started, 1)
            results[f"ray_{workers}_worker"] = timed(source, Path(tmp) / f"ray{workers}.duckdb", jobs=workers, engine="ray")
            ray.shutdown()
    pool = results["process_pool_2_workers"]
    for key in ("process_pool_2_workers", "ray_1_worker", "ray_2_worker"):
        results[key] = round(results[key], 2)
    results["ratio_ray_1_worker_to_pool"] = round(results["ray_1_worker"] / pool, 3)
    results["ratio_ray_2_workers_to_pool"] = round(results["ray_2_worker"] / pool, 3)
    results["ratio_ray_2_to_1_workers"] = round(results["ray_2_worker"] / results["ray_1_worker"], 3)
    results["estimate_from_ray_1_worker"] = estimate(results["ray_1_worker"])
    print(json.dumps(results, indent=2))
    record(args, {"kind": "rates", **results})


# --- (b) -------------------------------------------------------------------------------


def process_tree(pid: int) -> list[int]:
    found, stack = [], [pid]
    while stack:
        current = stack.pop()
        found.append(current)
        try:
            for task in Path(f"/proc/{current}/task").iterdir():
                stack += [int(child) for child in (task / "children").read_text().split()]
        except OSError:
            continue
    return found


def cpu_seconds(pid: int, with_children: bool = False) -> float:
    """CPU seconds a live process has used (user and system), and with ``with_children`` those
    of its children that have exited and been waited for (recycled workers); 0 when gone."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    ticks = int(fields[11]) + int(fields[12]) + (int(fields[13]) + int(fields[14]) if with_children else 0)
    return ticks / os.sysconf("SC_CLK_TCK")


def postgres_cpu_seconds() -> float:
    """CPU seconds every PostgreSQL server process on this machine has used: a PostgreSQL
    store's work runs there, not in the ingest's processes."""
    total = 0.0
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                if (entry / "comm").read_text().strip() == "postgres":
                    total += cpu_seconds(int(entry.name))
            except OSError:
                continue
    return total


def tree_cpu_seconds(pid: int, postgres: bool) -> float:
    """CPU seconds of an ingest's whole process tree (the exited workers included), and of
    the database server when the store is PostgreSQL: a window's documents per CPU-second
    does not move with the other jobs of a shared machine as documents per wall second do."""
    tree = process_tree(pid)
    total = cpu_seconds(tree[0], with_children=True) + sum(cpu_seconds(child) for child in tree[1:])
    return total + (postgres_cpu_seconds() if postgres else 0.0)


def memory_kib(pid: int) -> tuple[str, int, int] | None:
    """(command, resident KiB now, peak resident KiB) of a live process."""
    try:
        status = Path(f"/proc/{pid}/status").read_text()
        command = Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
    except OSError:
        return None
    fields = {line.split(":")[0]: line.split()[1] for line in status.splitlines() if line.startswith(("VmRSS", "VmHWM"))}
    if "VmRSS" not in fields:
        return None
    name = "ingest (reader, writer)" if " ingest " in command else "worker"
    return name, int(fields["VmRSS"]), int(fields["VmHWM"])


def soak(args) -> None:
    notes, articles = acled_records(), article_records()
    mix = notes + articles
    records = copies(mix, args.docs)
    with tempfile.TemporaryDirectory(prefix="sitrep-soak-") as tmp:
        source = Path(tmp) / "soak.jsonl"
        write_jsonl(source, records)
        del records
        db = args.db or str(Path(tmp) / "soak.duckdb")
        command = [sys.executable, "-m", "sitrep", "ingest", "--db", db, "-j", str(args.jobs),
                   "--batch-size", str(args.batch_size), str(source)]
        if args.engine == "ray":
            command += ["--engine", "ray"]
        print(f"soak: {args.docs:,} documents ({len(notes):,} ACLED notes and {len(articles)} articles, cycled), "
              f"{args.jobs} workers, {'PostgreSQL' if db.startswith('postgres') else 'DuckDB'}", flush=True)
        process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
                                   env={**os.environ, "RAY_USAGE_STATS_ENABLED": "0"})
        peaks: dict[int, tuple[str, int]] = {}
        windows: list[dict] = []
        mark, last_read, last_seconds = args.every, 0, 0.0
        postgres = db.startswith("postgres")
        cpu_base = postgres_cpu_seconds() if postgres else 0.0
        last_cpu = 0.0
        started, stopped = time.monotonic(), False
        for line in process.stderr:
            if args.max_minutes and not stopped and time.monotonic() - started > 60 * args.max_minutes:
                process.send_signal(signal.SIGINT)  # out of time: what ran is reported as what ran
                stopped = True
            if not line.startswith("sitrep: batch committed "):
                if line.startswith("sitrep: stored"):
                    print(line.strip(), flush=True)
                continue
            totals = json.loads(line.removeprefix("sitrep: batch committed "))
            for pid in process_tree(process.pid):
                if (found := memory_kib(pid)) is not None:
                    name, _, peak = found
                    peaks[pid] = (name, max(peak, peaks.get(pid, (name, 0))[1]))
            if totals["read"] >= mark or totals["read"] >= args.docs:
                rate = (totals["read"] - last_read) / max(totals["seconds"] - last_seconds, 1e-9)
                cpu = tree_cpu_seconds(process.pid, postgres) - cpu_base
                per_cpu = (totals["read"] - last_read) / max(cpu - last_cpu, 1e-9)
                now = {pid: found[1] for pid in process_tree(process.pid) if (found := memory_kib(pid))}
                windows.append({"read": totals["read"], "seconds": round(totals["seconds"], 1), "docs_per_s": round(rate, 1),
                                "cpu_seconds": round(cpu, 1), "docs_per_cpu_s": round(per_cpu, 2),
                                "load_average": round(os.getloadavg()[0], 2),
                                "rss_mib": sorted((kib // 1024 for kib in now.values()), reverse=True),
                                "reader_writer_rss_mib": now.get(process.pid, 0) // 1024})
                print(json.dumps(windows[-1]), flush=True)
                last_read, last_seconds, last_cpu = totals["read"], totals["seconds"], cpu
                mark = (totals["read"] // args.every + 1) * args.every
        process.wait()
        if process.returncode != 0 and not stopped:
            raise SystemExit(f"ingest failed ({process.returncode})")
    load_after = os.getloadavg()[0]
    tenth = max(1, len(windows) // 10)
    first = sum(w["docs_per_s"] for w in windows[:tenth]) / tenth
    last = sum(w["docs_per_s"] for w in windows[-tenth:]) / tenth
    first_cpu = sum(w["docs_per_cpu_s"] for w in windows[:tenth]) / tenth
    last_cpu = sum(w["docs_per_cpu_s"] for w in windows[-tenth:]) / tenth
    result = {
        "kind": "soak", "commit": commit(), "documents_planned": args.docs, "documents": windows[-1]["read"] if windows else 0,
        "stopped_at_time_limit": stopped, "load_average_at_end": load_after, "jobs": args.jobs, "engine": args.engine,
        "store": "postgresql" if db.startswith("postgres") else "duckdb",
        "seconds": windows[-1]["seconds"] if windows else None,
        "docs_per_s_overall": round(windows[-1]["read"] / windows[-1]["seconds"], 1) if windows else None,
        "first_10pct_docs_per_s": round(first, 1), "last_10pct_docs_per_s": round(last, 1),
        "last_over_first": round(last / first, 3), "flat": abs(last / first - 1) <= 0.2,
        "first_10pct_docs_per_cpu_s": round(first_cpu, 2), "last_10pct_docs_per_cpu_s": round(last_cpu, 2),
        "last_over_first_per_cpu_s": round(last_cpu / first_cpu, 3), "flat_per_cpu_s": abs(last_cpu / first_cpu - 1) <= 0.2,
        "peak_rss_mib_per_process": sorted(((name, kib // 1024) for name, kib in peaks.values()), key=lambda p: -p[1]),
        # The acceptance figure for memory: the reader-writer (which holds a DuckDB store) over the run.
        "reader_writer_rss_mib_first_last_tenth": [
            round(sum(w["reader_writer_rss_mib"] for w in part) / len(part)) for part in (windows[:tenth], windows[-tenth:])
        ] if windows else None,
        "windows": windows,
    }
    print(json.dumps({k: v for k, v in result.items() if k != "windows"}, indent=2))
    record(args, result)


# --- (b) without extraction: the store alone ---------------------------------------------


def sample_extractions(count: int) -> list[dict]:
    """Extract every n-th document of the soak's mix once; return the extractions as dicts."""
    from sitrep.ingest.read import documents_from_jsonl_lines
    from sitrep.pipeline import extract_documents

    mix = acled_records() + article_records()
    step = max(1, len(mix) // count)
    chosen = mix[::step][:count]
    lines = [json.dumps(record, ensure_ascii=False) for record in chosen]
    documents = list(documents_from_jsonl_lines(lines, "sample", "sample"))
    return [output.model_dump(mode="json") for output in extract_documents(documents, batch_size=32)
            if not hasattr(output, "error")]


DATE_VALUE = re.compile(r"\d{4}-\d{2}(?:-\d{2})?(?:/\d{4}-\d{2}(?:-\d{2})?)?")


def shift_value(value: str, days: int) -> str:
    def one(part: str) -> str:
        if len(part) == 7:  # a month: the month its first day moves into
            return (date.fromisoformat(part + "-01") + timedelta(days=days)).isoformat()[:7]
        return (date.fromisoformat(part) + timedelta(days=days)).isoformat()

    return "/".join(one(part) for part in value.split("/"))


def shifted_dates(value, days: int):
    """``value`` (an extraction as JSON data) with every ISO date or month value moved by ``days``."""
    if isinstance(value, dict):
        return {key: shifted_dates(item, days) for key, item in value.items()}
    if isinstance(value, list):
        return [shifted_dates(item, days) for item in value]
    if isinstance(value, str) and days and DATE_VALUE.fullmatch(value):
        try:
            return shift_value(value, days)
        except ValueError:
            return value
    return value


def extraction_copy(base: dict, round_: int, shift_days: int):
    """Copy ``round_`` of one extraction: a new id, text and content hash, dates moved."""
    from sitrep.ingest.read import content_hash
    from sitrep.models import Extraction

    data = shifted_dates(base, round_ * shift_days)
    if round_:
        document = data["document"]
        document["id"] = f"{document['id']}-c{round_}"
        document["text"] = f"{document['text'].rstrip()}\n\n(Copy {round_}.)"
        document["content_hash"] = content_hash(document["text"])
    return Extraction.model_validate(data)


def rss_mib(field: str = "VmRSS") -> int:
    """This process's resident memory now (``VmHWM``: its peak since the last ``reset_peak_rss``)."""
    status = Path("/proc/self/status").read_text()
    return next(int(line.split()[1]) for line in status.splitlines() if line.startswith(f"{field}:")) // 1024


def reset_peak_rss() -> None:
    try:
        Path("/proc/self/clear_refs").write_text("5")  # VmHWM starts again from VmRSS
    except OSError:
        pass  # then each window's peak is the run's peak so far


class MemoryProbe:
    """What the writer holds while the store's file is open, at the last batch of a window.

    A window's ``rss_mib`` is read after the ingest let go of the DuckDB file, when DuckDB
    has freed everything it held; the writer's memory while it writes is read here, on the
    batch callback, with the file held: resident memory then and, with ``trace``, DuckDB's
    own accounting by tag (``duckdb_memory()``: ``ART_INDEX`` is the indexes, held whole
    while the file is open and never evicted; ``BASE_TABLE`` the cached blocks, bounded by
    ``memory_limit``), its temporary files, and Python's allocations (tracemalloc) with the
    sites that grew most since the previous window.
    """

    def __init__(self, store, every: int, trace: bool) -> None:
        self.store, self.every, self.trace = store, every, trace
        self.held: dict = {}
        self.previous = None
        if trace:
            import tracemalloc

            tracemalloc.start(8)

    def on_batch(self, progress) -> None:
        if progress.read % self.every and progress.read % self.every < self.every - 64:
            return  # not the window's last batches
        connection = getattr(self.store.backend, "connection", None)
        self.held = {"rss_held_mib": rss_mib()}
        if self.trace and connection is not None:
            self.held["duckdb_memory_mib"] = {tag: size >> 20 for tag, size in connection.execute(
                "SELECT tag, memory_usage_bytes FROM duckdb_memory() WHERE memory_usage_bytes >= 1048576").fetchall()}
            self.held["duckdb_temporary_mib"] = connection.execute(
                "SELECT coalesce(sum(size), 0) // 1048576 FROM duckdb_temporary_files()").fetchall()[0][0]

    def window(self) -> dict:
        found, self.held = self.held, {}
        if self.trace:
            import tracemalloc

            found["python_traced_mib"] = tracemalloc.get_traced_memory()[0] >> 20
            snapshot = tracemalloc.take_snapshot().filter_traces([tracemalloc.Filter(False, tracemalloc.__file__)])
            if self.previous is not None:
                found["python_growth_kib"] = [
                    [stat.size_diff >> 10, " <- ".join(f"{Path(frame.filename).name}:{frame.lineno}"
                                                       for frame in reversed(stat.traceback))]
                    for stat in sorted(snapshot.compare_to(self.previous, "traceback"), key=lambda s: -s.size_diff)[:3]]
            self.previous = snapshot
        return found


def calibration_ms() -> float:
    """CPU milliseconds a fixed piece of work takes now (a one-thread DuckDB scan and a Python
    loop, the best of three): on a machine shared with other jobs one CPU-second does less
    work the busier the machine is, so a window's docs per CPU-second times this figure
    compares windows run under different loads."""
    import duckdb

    best = None
    connection = duckdb.connect(":memory:", config={"threads": 1})
    try:
        for _ in range(3):
            began = time.process_time()
            connection.execute("SELECT sum(hash(i)) FROM range(1000000) r(i)").fetchall()
            total = 0
            for number in range(300_000):
                total += number * number % 7
            spent = time.process_time() - began
            best = spent if best is None else min(best, spent)
    finally:
        connection.close()
    return round(1000 * best, 1)


def server_cpu_seconds(store) -> float | None:
    """CPU seconds the PostgreSQL server process serving ``store``'s connection has used, when
    it runs on this machine and /proc shows it (else None). A PostgreSQL store does its work
    there, not in this process; the server's background processes (WAL writer, checkpointer,
    autovacuum) are not counted."""
    if store.backend.kind != "postgresql":
        return None
    pid = store.backend.fetchall("SELECT pg_backend_pid()")[0][0]
    return cpu_seconds(pid) if Path(f"/proc/{pid}/stat").exists() else None


def store_only(args) -> None:
    from sitrep.corpus.ingest import IngestOptions, run_ingest
    from sitrep.store import open_store

    started = time.monotonic()
    if args.extractions and args.extractions.is_file():
        bases = [json.loads(line) for line in args.extractions.read_text(encoding="utf-8").splitlines()]
    else:
        bases = sample_extractions(args.sample)
        if args.extractions:
            args.extractions.write_text("".join(json.dumps(b, ensure_ascii=False) + "\n" for b in bases),
                                        encoding="utf-8")
    extract_seconds = time.monotonic() - started
    incidents = sum(len(b["incidents"]) for b in bases)
    statements = sum(len(b["statements"]) for b in bases)
    with tempfile.TemporaryDirectory(prefix="sitrep-store-") as tmp:
        db = args.db or str(Path(tmp) / "store.duckdb")
        kind = "postgresql" if db.startswith("postgres") else "duckdb"
        print(f"store: {args.docs:,} documents, copies of {len(bases)} extractions ({incidents} incidents, "
              f"{statements} statements; extracted in {extract_seconds:.0f} s), dates moved {args.shift_days} "
              f"days a copy, batches of {args.batch_size}, {kind}", flush=True)
        store = open_store(db)
        options = IngestOptions(jobs=1, batch_size=args.batch_size)
        probe = MemoryProbe(store, args.every, args.trace_memory)
        windows, done, store_seconds, cpu_seconds, stopped = [], 0, 0.0, 0.0, False
        limit_started = time.monotonic()
        try:
            while done < args.docs:
                if args.max_minutes and time.monotonic() - limit_started > 60 * args.max_minutes:
                    stopped = True
                    break
                count = min(args.every, args.docs - done)
                items = [extraction_copy(bases[n % len(bases)], n // len(bases), args.shift_days)
                         for n in range(done, done + count)]  # built outside the timing
                calibration = calibration_ms()
                reset_peak_rss()
                began, began_cpu, began_server = time.monotonic(), time.process_time(), server_cpu_seconds(store)
                totals = run_ingest(store, items, options, on_batch=probe.on_batch)
                seconds, cpu = time.monotonic() - began, time.process_time() - began_cpu
                if began_server is not None and (ended_server := server_cpu_seconds(store)) is not None:
                    cpu += ended_server - began_server  # the server's share of the work, too
                assert totals.failures == 0 and totals.documents == count, totals
                del items
                done += count
                store_seconds += seconds
                cpu_seconds += cpu
                counts = store.backend.fetchall("SELECT (SELECT count(*) FROM incidents), (SELECT count(*) FROM clusters)")[0]
                size = Path(db).stat().st_size // 2**20 if kind == "duckdb" else None
                windows.append({"read": done, "seconds": round(store_seconds, 1), "docs_per_s": round(count / seconds, 1),
                                "docs_per_cpu_s": round(count / cpu, 1), "calibration_ms": calibration,
                                "load": round(os.getloadavg()[0], 1),
                                "rss_mib": rss_mib(), "peak_rss_mib": rss_mib("VmHWM"), **probe.window(),
                                "incidents": counts[0], "clusters": counts[1], "file_mib": size})
                print(json.dumps(windows[-1]), flush=True)
        finally:
            store.close()
    tenth = max(1, len(windows) // 10)
    first = sum(w["docs_per_s"] for w in windows[:tenth]) / tenth
    last = sum(w["docs_per_s"] for w in windows[-tenth:]) / tenth
    result = {
        "kind": "store", "commit": commit(), "documents_planned": args.docs, "documents": done,
        "stopped_at_time_limit": stopped, "sample": len(bases), "sample_incidents": incidents,
        "sample_statements": statements, "shift_days": args.shift_days, "batch_size": args.batch_size,
        "store": kind, "load_average_at_end": os.getloadavg()[0], "seconds": round(store_seconds, 1),
        "docs_per_s_overall": round(done / store_seconds, 1) if store_seconds else None,
        "first_10pct_docs_per_s": round(first, 1), "last_10pct_docs_per_s": round(last, 1),
        "last_over_first": round(last / first, 3), "flat": abs(last / first - 1) <= 0.2,
        "cpu_seconds": round(cpu_seconds, 1),
        "first_10pct_docs_per_cpu_s": round(sum(w["docs_per_cpu_s"] for w in windows[:tenth]) / tenth, 1),
        "last_10pct_docs_per_cpu_s": round(sum(w["docs_per_cpu_s"] for w in windows[-tenth:]) / tenth, 1),
        # Docs per CPU-second scaled by the calibration: the same work per window, whatever the load.
        "last_over_first_cpu_calibrated": round(
            sum(w["docs_per_cpu_s"] * w["calibration_ms"] for w in windows[-tenth:])
            / sum(w["docs_per_cpu_s"] * w["calibration_ms"] for w in windows[:tenth]), 3) if windows else None,
        "rss_mib_first_last": [windows[0]["rss_mib"], windows[-1]["rss_mib"]] if windows else None,
        # The writer with the file held (DuckDB's indexes in memory), first and last tenth, and its peak.
        "rss_held_mib_first_last_tenth": [
            round(sum(w.get("rss_held_mib", 0) for w in part) / len(part)) for part in (windows[:tenth], windows[-tenth:])
        ] if windows else None,
        "peak_rss_mib": max(w["peak_rss_mib"] for w in windows) if windows else None,
        "windows": windows,
    }
    print(json.dumps({k: v for k, v in result.items() if k != "windows"}, indent=2))
    record(args, result)


def commit() -> str | None:
    try:
        return subprocess.run(["git", "-C", str(REPO), "rev-parse", "--short", "HEAD"], capture_output=True,
                              text=True, check=True).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return None


def record(args, result: dict) -> None:
    if args.record:
        with args.record.open("a", encoding="utf-8") as handle:
            handle.write(json.dumps({"when": time.strftime("%Y-%m-%dT%H:%M:%S"), **result}) + "\n")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = parser.add_subparsers(dest="command", required=True)
    a = sub.add_parser("rates", help="(a) Ray with 1 and 2 workers against the process pool")
    a.add_argument("--docs", type=int, default=240)
    b = sub.add_parser("soak", help="(b) a long ingest: throughput per 10,000 documents, memory")
    b.add_argument("--docs", type=int, default=200_000)
    b.add_argument("--every", type=int, default=10_000)
    b.add_argument("--jobs", "-j", type=int, default=2)
    b.add_argument("--batch-size", type=int, default=64)
    b.add_argument("--engine", choices=("process", "ray"), default="process")
    b.add_argument("--max-minutes", type=float, help="stop the ingest after this long and report what ran")
    b.add_argument("--db", help="DuckDB file or postgresql:// URL (default: a temporary DuckDB file)")
    s = sub.add_parser("store", help="(b) the store alone: copies of a few hundred extractions, no spaCy")
    s.add_argument("--docs", type=int, default=200_000)
    s.add_argument("--every", type=int, default=10_000)
    s.add_argument("--sample", type=int, default=500, help="documents extracted once (every n-th of the mix)")
    s.add_argument("--extractions", type=Path, help="a cache of the sample's extractions (read if it exists, else written)")
    s.add_argument("--shift-days", type=int, default=9, help="days every date moves per copy (0: as in soak)")
    s.add_argument("--batch-size", type=int, default=64)
    s.add_argument("--max-minutes", type=float, help="stop after this long and report what ran")
    s.add_argument("--trace-memory", action="store_true",
                   help="with each window: DuckDB's duckdb_memory() by tag and Python's growing allocation sites "
                   "(tracemalloc slows the Python side: the rates are then not comparable)")
    s.add_argument("--db", help="DuckDB file or postgresql:// URL (default: a temporary DuckDB file)")
    c = sub.add_parser("estimate", help="(c) cores for 200,000 articles a day from a per-core rate")
    c.add_argument("--per-core", type=float, required=True)
    for p in (a, b, s, c):
        p.add_argument("--record", type=Path, help="append the result as a JSON line to this file")
    args = parser.parse_args()
    if args.command == "rates":
        rates(args)
    elif args.command == "soak":
        soak(args)
    elif args.command == "store":
        store_only(args)
    else:
        result = estimate(args.per_core)
        print(json.dumps(result, indent=2))
        record(args, {"kind": "estimate", **result})


if __name__ == "__main__":
    main()
