"""The ACLED CSV of every ACLED note, checked against ACLED's conventions and its file.

    python -m sitrep.eval.export ../shared/data [--jobs 2] [--db STORE] [--out FILE]

Feeds every note of the ACLED files as one JSON Lines record (written to a temporary
directory, never into the repository) with ACLED's event date as its publication date
and ACLED's ``source`` as its site name, as a news feed gives both; ingests them into a
store (``--db`` reuses one already filled), exports the ACLED CSV and reads it with
pandas beside ACLED's file of May 2020. Prints the rows written and left out, the
empty ``event_date``, ``actor1``, ``inter1``, ``interaction`` cells, the categories
named without their country, civilians, monitors and bare countries as ``actor1``,
whether the columns are ACLED's in its order, and the columns whose pandas dtype
differs from that of ACLED's file (read without its cut-off last line).
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import subprocess
import sys
import tempfile
from pathlib import Path

from sitrep.eval.acled import ACLED_FILES, as_date

REFERENCE = "acled_rpanlilio_2020may"
CATEGORIES = ("Unidentified Armed Group", "Civilians", "Protesters", "Rioters")


def feed_records(data_dir: Path) -> list[dict]:
    records = []
    for name in ACLED_FILES:
        path = data_dir / name / "acled.csv"
        with path.open(encoding="utf-8", errors="replace", newline="") as handle:
            for number, raw in enumerate(csv.DictReader(handle), start=1):
                row = {(k or "").lower(): (v or "") for k, v in raw.items()}
                if not row.get("notes", "").strip():
                    continue
                day = as_date(row.get("event_date"))
                record = {"id": f"{name}-{number}", "text": row["notes"], "published": day.isoformat() if day else None}
                if row.get("source", "").strip():
                    record["site_name"] = row["source"].strip()
                records.append(record)
    return records


def reference_frame(data_dir: Path):
    import pandas as pd

    lines = (data_dir / REFERENCE / "acled.csv").read_text(encoding="utf-8").splitlines(keepends=True)
    return pd.read_csv(io.StringIO("".join(lines[:-1])))  # the last line was cut off mid-row


def check(csv_path: Path, data_dir: Path) -> dict:
    import pandas as pd

    from sitrep.actors.kb import load_kb

    frame = pd.read_csv(csv_path)
    reference = reference_frame(data_dir)
    actor1 = frame["actor1"].fillna("")
    kb = load_kb()
    countries = {c.name for c in kb.countries.values()}
    monitors = {kb.actors[m].name for m in kb.monitors}
    return {
        "rows": len(frame),
        "empty": {c: int(frame[c].isna().sum()) for c in ("event_date", "actor1", "inter1", "interaction")},
        "categories_without_country_as_actor1": int(actor1.isin(CATEGORIES).sum()),
        "unidentified_armed_group_as_actor1": int(actor1.str.startswith("Unidentified Armed Group").sum()),
        "civilians_as_actor1": int(actor1.str.startswith("Civilians").sum() + (frame["inter1"] == 7).sum()),
        "monitors_as_actor1": int(actor1.isin(monitors).sum()),
        "bare_countries_as_actor1": int(actor1.isin(countries).sum()),
        "columns_are_acleds_in_order": list(frame.columns) == list(reference.columns),
        "dtypes_differing_from_acleds": {c: (str(frame[c].dtype), str(reference[c].dtype))
                                         for c in reference.columns if c in frame and frame[c].dtype != reference[c].dtype},
        "time_precision": {int(k): int(v) for k, v in frame["time_precision"].value_counts().sort_index().items()},
        "with_source_scale": int(frame["source_scale"].notna().sum()),
    }


def run(command: list[str]) -> str:
    done = subprocess.run(command, capture_output=True, text=True)
    if done.returncode != 0:
        raise SystemExit(f"{' '.join(command[:4])} failed ({done.returncode}):\n{done.stderr[-3000:]}")
    return done.stderr


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("path", type=Path, help="the directory holding the acled_* data sets")
    parser.add_argument("--jobs", "-j", type=int, default=2)
    parser.add_argument("--db", help="a store already holding the notes (default: ingest them into a temporary one)")
    parser.add_argument("--out", type=Path, help="keep the ACLED CSV here")
    args = parser.parse_args(argv)
    sitrep = [sys.executable, "-m", "sitrep"]
    with tempfile.TemporaryDirectory(prefix="sitrep-eval-export-") as tmp:
        db = args.db or str(Path(tmp) / "notes.duckdb")
        if not args.db:
            feed = Path(tmp) / "notes.jsonl"
            records = feed_records(args.path)
            feed.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
            print(f"notes: {len(records)}")
            stored = [line for line in run([*sitrep, "ingest", "--db", db, "-j", str(args.jobs), str(feed)]).splitlines()
                      if line.startswith("sitrep: stored")]
            print(stored[-1] if stored else "")
        out = args.out or Path(tmp) / "acled.csv"
        for line in run([*sitrep, "export", "--db", db, "-f", "acled-csv", "-o", str(out)]).splitlines():
            print(line)
        for key, value in check(out, args.path).items():
            print(f"{key}: {value}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
