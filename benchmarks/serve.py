"""Load on ``sitrep serve``: 200 concurrent clients on loopback, per endpoint, over a store of
at least 15,000 documents (every ACLED note plus the dev articles, as ``benchmarks/ingest.py``, and
the CASE 2021 snippets: the ACLED notes repeat some texts, so they alone make about 14,790 documents).

    python benchmarks/serve.py [--db PATH] [--clients 200] [--seconds 20] [--cache both|on|off] [--record FILE]

Builds the store first when ``--db`` holds fewer than 15,000 documents (a temporary one by
default: the ACLED files are for internal evaluation only, nothing is copied into the
repository), starts ``sitrep serve`` on it as a separate process, and drives each endpoint
with ``wrk`` (Debian's package: ``apt-get install wrk``), which keeps ``--clients``
connections busy, each sending its next request when the last one is answered, cycling
through URLs with varied filters. Prints requests/s and p50/p99 latency per endpoint, as
JSON; a small static file measured in the same run is the baseline, and each endpoint's
rate is also given as a ratio of it. Each endpoint is measured twice by default: against a
server without the answer cache (``--cache-mb 0``: every request queries the store) and
against one with it (the default), where each URL's first request is a miss, then again on
that server with every answer kept ("cached, repeated"). Between
endpoints the server works off what the last run left queued. The machine's load moves
absolute figures (the 1-minute load average is recorded with each endpoint): compare runs
made at the same time.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import random
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from datetime import datetime
from pathlib import Path
from urllib.parse import quote, urlencode

BENCHMARKS = Path(__file__).resolve().parent
REPO = BENCHMARKS.parent
sys.path.insert(0, str(BENCHMARKS))
from ingest import SHARED, acled_records, dev_records  # noqa: E402  (the same inputs as the ingest benchmark)

COMMAND = [sys.executable, "-m", "sitrep"]
MIN_DOCUMENTS = 15_000

#: Collects wrk's summary as one JSON line (wrk calls done() once, after the run).
WRK_SCRIPT = """
local paths = {%s}
local counter = 0
request = function()
  counter = counter %% #paths + 1
  return wrk.format("GET", paths[counter])
end
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    '\\nRESULT {"requests": %%d, "duration_us": %%d, "p50_us": %%d, "p90_us": %%d, "p99_us": %%d, "max_us": %%d, ' ..
    '"socket_errors": %%d, "non_2xx": %%d}\\n',
    summary.requests, summary.duration, latency:percentile(50), latency:percentile(90),
    latency:percentile(99), latency.max, e.connect + e.read + e.write + e.timeout, e.status))
end
"""


def get_json(base: str, path: str):
    with urllib.request.urlopen(base + path, timeout=60) as response:
        return json.load(response)


def document_count(db: str) -> int:
    sys.path.insert(0, str(REPO / "src"))
    from sitrep.store import open_store

    if not Path(db).exists():
        return 0
    with open_store(db) as store:
        return store.counts()["documents"]


def case_records() -> list[dict]:
    """The CASE 2021 task 2 snippets (1,019 news sentences about events, no publication date)."""
    path = SHARED / "case2021_task2" / "test_set_final_release_with_labels.tsv"
    with path.open(encoding="utf-8", newline="") as handle:
        return [{"id": f"case2021-{row['id']}", "text": row["EventSnippet"]}
                for row in csv.DictReader(handle, delimiter="\t") if row["EventSnippet"].strip()]


def build_store(db: str, jobs: int) -> dict:
    """Ingest every ACLED note, the dev articles (what benchmarks/ingest.py ingests) and the CASE
    snippets into ``db``; what the store already holds is skipped."""
    with tempfile.TemporaryDirectory(prefix="sitrep-serve-bench-") as tmp:
        records = acled_records() + dev_records() + case_records()
        source = Path(tmp) / "inputs.jsonl"
        source.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
        started = time.monotonic()
        subprocess.run([*COMMAND, "ingest", "--db", db, "-j", str(jobs), str(source)], check=True,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        return {"inputs": len(records), "seconds": round(time.monotonic() - started, 1)}


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def start_server(db: str, cache_mb: int) -> tuple[subprocess.Popen, str]:
    port = free_port()
    process = subprocess.Popen([*COMMAND, "serve", "--db", db, "--port", str(port), "--cache-mb", str(cache_mb)],
                               stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 300
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise SystemExit(f"sitrep serve exited: {process.stderr.read()[-2000:]}")
        try:
            get_json(base, "/api/summary")
            return process, base
        except OSError:
            time.sleep(0.5)
    process.kill()
    raise SystemExit("sitrep serve did not come up")


def url(path: str, **params) -> str:
    return f"{path}?{urlencode(params)}" if params else path


def endpoint_paths(base: str, seed: int = 0) -> dict[str, list[str]]:
    """Per endpoint, the URLs to cycle through: filters drawn from what the store holds."""
    rng = random.Random(seed)
    summary = get_json(base, "/api/summary")
    countries = [c["country"] for c in summary["countries"][:20]]
    types = sorted({t["acled_type"] for t in summary["types"]})
    sub_types = [t["acled_sub_type"] for t in summary["types"] if t["events"] >= 20]
    first, last = int(summary["first_date"][:4]), int(summary["last_date"][:4])
    years = list(range(max(first, last - 12), last + 1))
    kinds = [k["kind"] for k in summary["statement_kinds"]]

    def incident_filters() -> dict:
        year = rng.choice(years)
        filters = {"country": rng.choice(countries), "since": f"{year}-01-01", "until": f"{year}-12-31"}
        if rng.random() < 0.5:
            filters["type"] = rng.choice(types + sub_types)
        return filters

    events = get_json(base, url("/api/events", limit=500, offset=500))["items"]
    incidents = get_json(base, url("/api/incidents", limit=500, offset=1000))["items"]
    return {
        "static file (baseline)": ["/static/state.js"],
        "incidents, filtered": [url("/api/incidents", **incident_filters()) for _ in range(200)],
        "incidents, actor filter": [url("/api/incidents", country=rng.choice(countries), actor=actor)
                                    for actor in ("police", "army", "taliban", "protesters", "militia") * 20],
        "incidents, pages": [url("/api/incidents", offset=50 * n) for n in range(0, 200)],
        "events, filtered": [url("/api/events", **incident_filters()) for _ in range(200)],
        "statements, filtered": [url("/api/statements", kind=rng.choice(kinds), since=f"{y}-01-01",
                                     until=f"{y}-12-31") for y in (rng.choice(years) for _ in range(200))],
        "map, by country": [url("/api/map", country=c) for c in countries],
        "one merged incident": [f"/api/events/{quote(e['cluster_id'])}" for e in events[:200]],
        "one document": [f"/api/documents/{i['doc_key']}" for i in incidents[:200]],
    }


def run_wrk(base: str, paths: list[str], clients: int, seconds: int, threads: int) -> dict:
    with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as script:
        script.write(WRK_SCRIPT % ", ".join(json.dumps(path) for path in paths))
    try:
        output = subprocess.run(
            ["wrk", "-t", str(threads), "-c", str(clients), "-d", f"{seconds}s", "--timeout", "20s",
             "-s", script.name, base], capture_output=True, text=True, check=True).stdout
    finally:
        os.unlink(script.name)
    result = json.loads(next(line for line in output.splitlines() if line.startswith("RESULT "))[7:])
    seconds_run = result["duration_us"] / 1e6
    return {
        "requests_per_s": round(result["requests"] / seconds_run, 1),
        "p50_ms": round(result["p50_us"] / 1000, 1), "p90_ms": round(result["p90_us"] / 1000, 1),
        "p99_ms": round(result["p99_us"] / 1000, 1), "max_ms": round(result["max_us"] / 1000, 1),
        "requests": result["requests"], "socket_errors": result["socket_errors"], "non_2xx": result["non_2xx"],
    }


def settle(base: str, patience: float = 180.0) -> float:
    """Wait until the server has worked off the last run's queue (requests wrk left unanswered are
    still served after it stops): three quick answers in a row. Returns the seconds waited."""
    started = time.monotonic()
    quick = 0
    while quick < 3 and time.monotonic() - started < patience:
        began = time.monotonic()
        with urllib.request.urlopen(base + "/static/state.js", timeout=patience) as response:
            response.read()
        quick = quick + 1 if time.monotonic() - began < 0.2 else 0
        time.sleep(0.2)
    return round(time.monotonic() - started, 1)


def measure(db: str, cache_mb: int, args) -> tuple[dict, dict, dict | None]:
    """Every endpoint's figures against one server; the first time each URL is asked is a miss
    even with the cache (the warm-up asks other filters). With the cache, every endpoint is then
    measured again on the same server, its answers kept: the figures of repeated requests."""
    process, base = start_server(db, cache_mb)
    try:
        summary = get_json(base, "/api/summary")
        paths = endpoint_paths(base)
        run_wrk(base, endpoint_paths(base, seed=1)["incidents, filtered"], args.clients, 3, args.threads)  # warm-up
        passes = [{}, {}] if cache_mb else [{}]
        for endpoints in passes:
            for name, urls in paths.items():
                waited = settle(base)
                endpoints[name] = {**run_wrk(base, urls, args.clients, args.seconds, args.threads),
                                   "load_average_1m": round(os.getloadavg()[0], 2), "settled_s": waited}
    finally:
        process.terminate()
        process.wait(timeout=60)
    for endpoints in passes:
        baseline = endpoints["static file (baseline)"]["requests_per_s"]
        for figures in endpoints.values():
            figures["rate_vs_baseline"] = round(figures["requests_per_s"] / baseline, 3)
    return summary, passes[0], passes[1] if cache_mb else None


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--db", help="store to serve (built there when it holds fewer than 15,000 documents)")
    parser.add_argument("--clients", type=int, default=200)
    parser.add_argument("--seconds", type=int, default=20)
    parser.add_argument("--threads", type=int, default=2, help="wrk threads")
    parser.add_argument("--jobs", "-j", type=int, default=2, help="ingest workers, when the store is built")
    parser.add_argument("--cache", choices=("both", "on", "off"), default="both",
                        help="serve with the answer cache (sitrep serve's default), without it (--cache-mb 0), or both")
    parser.add_argument("--record", type=Path, help="append the result as a JSON line to this file")
    args = parser.parse_args()
    if shutil.which("wrk") is None:
        raise SystemExit("benchmarks/serve.py needs wrk: apt-get install wrk")

    modes = {"on": [("cached", 64)], "off": [("uncached", 0)], "both": [("uncached", 0), ("cached", 64)]}[args.cache]
    started_load = round(os.getloadavg()[0], 2)
    with tempfile.TemporaryDirectory(prefix="sitrep-serve-store-") as tmp:
        db = args.db or str(Path(tmp) / "bench.duckdb")
        built = build_store(db, args.jobs) if document_count(db) < MIN_DOCUMENTS else None
        runs = {}
        for mode, cache_mb in modes:
            summary, runs[mode], repeated = measure(db, cache_mb, args)
            if repeated is not None:
                runs[f"{mode}, repeated"] = repeated
    result = {
        "when": datetime.now().isoformat(timespec="seconds"), "cpus": os.cpu_count(),
        "load_average_1m": {"start": started_load, "end": round(os.getloadavg()[0], 2)},
        "clients": args.clients, "seconds": args.seconds,
        "store": {k: summary[k] for k in ("documents", "incidents", "events", "statements")},
        "store_built": built, **runs,
    }
    print(json.dumps(result, indent=2))
    if args.record:
        with args.record.open("a", encoding="utf-8") as handle:
            handle.write(json.dumps(result) + "\n")


if __name__ == "__main__":
    main()
