"""Bulk ingest over every ACLED note in ../shared/data/acled_* plus the dev articles.

    python benchmarks/ingest.py [--jobs 2] [--limit N] [--db PATH] [--record FILE]

Writes the notes and dev texts as JSON Lines into a temporary directory (the ACLED files
are for internal evaluation only: nothing is copied into the repository), runs
``sitrep ingest`` on them as a separate process, polls the RSS of that process and its
workers, then runs the same ingest again and counts the rows it added (should be 0).
Prints articles/s, peak memory (the main reader/writer process, the largest extraction
worker, and the whole tree) and the store's row counts, as JSON; ``--record`` also
appends that JSON to a file. The extraction stages dominate the time, so the figure
moves with them: compare runs made on the same commit.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import subprocess
import sys
import tempfile
import time
from datetime import datetime
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared" / "data"
COMMAND = [sys.executable, "-m", "sitrep"]
DATE_FORMATS = ("%Y-%m-%d", "%d-%B-%Y", "%d-%b-%y", "%d/%m/%Y")


def iso_date(value: str) -> str | None:
    for fmt in DATE_FORMATS:
        try:
            return datetime.strptime(value.strip(), fmt).date().isoformat()
        except ValueError:
            continue
    return None


def acled_records() -> list[dict]:
    """One record per ACLED note; the event date stands in for the unknown publication date."""
    records = []
    for path in sorted(SHARED.glob("acled_*/acled.csv")):
        with path.open(encoding="utf-8", errors="replace", newline="") as handle:
            for number, row in enumerate(csv.DictReader(handle), start=1):
                row = {key.lower(): value for key, value in row.items() if key}
                if not (row.get("notes") or "").strip():
                    continue
                records.append({
                    "id": f"{path.parent.name}-{number}",
                    "text": row["notes"],
                    "published": iso_date(row.get("event_date") or ""),
                })
    return records


def dev_records() -> list[dict]:
    records = []
    for path in sorted((SHARED / "dev").glob("*.json")):
        gold = json.loads(path.read_text(encoding="utf-8"))
        records.append({"id": gold["id"], "text": gold["text"], "url": gold.get("url")})
    return records


def rss_kib(pid: int) -> int:
    status = Path(f"/proc/{pid}/status").read_text()
    return next(int(line.split()[1]) for line in status.splitlines() if line.startswith("VmRSS:"))


def tree_rss_kib(pid: int) -> tuple[int, int, int]:
    """Resident sets in KiB: ``pid`` itself (the reader and writer), its largest descendant, and all."""
    main, descendants = 0, []
    stack = [pid]
    while stack:
        current = stack.pop()
        try:
            size = rss_kib(current)
            for task in Path(f"/proc/{current}/task").iterdir():
                stack += [int(child) for child in (task / "children").read_text().split()]
        except (FileNotFoundError, ProcessLookupError, StopIteration):
            continue
        if current == pid:
            main = size
        else:
            descendants.append(size)
    return main, max(descendants, default=0), main + sum(descendants)


def timed_ingest(db: str, source: Path, jobs: int, batch_size: int) -> dict:
    started = time.monotonic()
    process = subprocess.Popen(
        [*COMMAND, "ingest", "--db", db, "-j", str(jobs), "--batch-size", str(batch_size), str(source)],
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
    )
    peaks = [0, 0, 0]
    while process.poll() is None:
        peaks = [max(peak, now) for peak, now in zip(peaks, tree_rss_kib(process.pid))]
        time.sleep(0.2)
    stderr = process.stderr.read()
    if process.returncode != 0:
        raise SystemExit(f"ingest failed ({process.returncode}):\n{stderr[-3000:]}")
    summary = [line for line in stderr.splitlines() if line.startswith("sitrep: stored")][-1]
    return {"seconds": round(time.monotonic() - started, 1), "peak_rss_mib_main_process": peaks[0] // 1024,
            "peak_rss_mib_largest_worker": peaks[1] // 1024, "peak_rss_mib_all_processes": peaks[2] // 1024,
            "summary": summary}


def store_counts(db: str) -> dict[str, int]:
    sys.path.insert(0, str(REPO / "src"))
    from sitrep.store import open_store

    with open_store(db) as store:
        return store.counts()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--jobs", "-j", type=int, default=2)
    parser.add_argument("--batch-size", type=int, default=64)
    parser.add_argument("--limit", type=int, help="only the first N ACLED notes")
    parser.add_argument("--db", help="store to ingest into (default: a fresh temporary DuckDB file)")
    parser.add_argument("--record", type=Path, help="append the result as a JSON line to this file")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="sitrep-bench-") as tmp:
        records = acled_records()[: args.limit] + dev_records()
        source = Path(tmp) / "inputs.jsonl"
        source.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
        db = args.db or str(Path(tmp) / "bench.duckdb")
        first = timed_ingest(db, source, args.jobs, args.batch_size)
        after_first = store_counts(db)
        second = timed_ingest(db, source, args.jobs, args.batch_size)
        after_second = store_counts(db)
    result = {
        "when": datetime.now().isoformat(timespec="seconds"),
        "inputs": len(records),
        "jobs": args.jobs,
        "store": "postgresql" if db.startswith(("postgresql://", "postgres://")) else "duckdb",
        "cpus": os.cpu_count(),
        "first_run": {**first, "articles_per_s": round(len(records) / first["seconds"], 1)},
        "second_run": second,
        "rows_added_by_second_run": sum(after_second.values()) - sum(after_first.values()),
        "counts": after_first,
    }
    text = json.dumps(result, indent=2)
    print(text)
    if args.record:
        with args.record.open("a", encoding="utf-8") as handle:
            handle.write(json.dumps(result) + "\n")


if __name__ == "__main__":
    main()
