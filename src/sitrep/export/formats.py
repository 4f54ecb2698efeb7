"""Writing one selection of the store to a file in a chosen format."""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any, TextIO

import pyarrow as pa
import pyarrow.parquet as pq

from sitrep.export.accounts import RECORD_FIELDS, fetch_accounts, jsonable, plain
from sitrep.export.acled import COLUMNS, acled_rows
from sitrep.export.csvsafe import write_rows
from sitrep.export.nested import with_accounts, with_records
from sitrep.store import Store

Warn = Callable[[str], None]

FORMATS = ("acled-csv", "geojson", "parquet", "jsonl", "csv")
TABLES = ("events", "incidents", "statements", "agreements", "compliance")


def select(store: Store, what: str, filters: dict[str, Any]) -> pa.Table:
    if what == "events":
        return store.events(**filters)
    if what == "incidents":
        return store.incidents(**filters)
    if what == "statements":
        return store.statements(**filters)
    if what == "agreements":
        return store.agreements()
    if what == "compliance":  # every agreement's commitments and timeline
        return store.compliance(None, **filters)
    raise ValueError(f"cannot export {what!r}; choose one of {', '.join(TABLES)}")


def warn_stderr(message: str) -> None:
    sys.stderr.write(f"sitrep: {message}\n")


def write_acled_csv(store: Store, handle: TextIO, filters: dict[str, Any], warn: Warn = warn_stderr) -> int:
    exported = acled_rows(store, store.events(**filters).to_pylist())
    # ACLED has no undated or countryless rows: an event told without a date in a document
    # without one, or in no country the text names, is left out and counted
    left_out = [f"{exported.undated} with neither an event date nor a publication date"] if exported.undated else []
    left_out += [f"{exported.countryless} in no known country"] if exported.countryless else []
    if left_out:
        warn(f"ACLED CSV: left out {sum((exported.undated, exported.countryless))} events: {'; '.join(left_out)}")
    return write_rows(handle, COLUMNS, exported.rows)


def feature(event: dict[str, Any]) -> dict[str, Any]:
    has_point = event["latitude"] is not None and event["longitude"] is not None
    return {
        "type": "Feature",
        "id": event["cluster_id"],
        # RFC 7946: [longitude, latitude]; an event with no coordinates keeps a null geometry
        # and is counted in the collection's features_without_geometry.
        "geometry": {"type": "Point", "coordinates": [event["longitude"], event["latitude"]]} if has_point else None,
        "properties": {key: plain(value) for key, value in event.items() if key not in ("latitude", "longitude")},
    }


def write_geojson(store: Store, handle: TextIO, filters: dict[str, Any]) -> int:
    events = store.events(**filters).to_pylist()
    features = [feature(e) for e in events]
    json.dump({"type": "FeatureCollection",
               "features_without_geometry": sum(1 for f in features if f["geometry"] is None),
               "features": features}, handle, ensure_ascii=False)
    handle.write("\n")
    return len(events)


def write_jsonl(store: Store, handle: TextIO, what: str, filters: dict[str, Any]) -> int:
    rows = select(store, what, filters).to_pylist()
    if what in ("events", "incidents") and rows:
        # An event line carries each of its accounts, an incident line its actors, per-side
        # figures, provinces and sentences: what a user needs without a second query.
        by = "cluster_id" if what == "events" else "incident_key"
        accounts = fetch_accounts(store, [r[by] for r in rows], by=by)
    for row in rows:
        record = {key: plain(value) for key, value in row.items()}
        if what == "events":
            record["accounts"] = [jsonable(a) for a in accounts.get(row["cluster_id"], [])]
        elif what == "incidents":
            (account,) = accounts[row["incident_key"]]
            record.update({name: account[name] for name in RECORD_FIELDS})
        handle.write(json.dumps(record, ensure_ascii=False) + "\n")
    return len(rows)


def write_csv(store: Store, handle: TextIO, what: str, filters: dict[str, Any]) -> int:
    """The selected table as it is, one CSV row per row (ACLED's columns are ``acled-csv``)."""
    table = select(store, what, filters)
    return write_rows(handle, table.column_names, ({k: plain(v) for k, v in row.items()} for row in table.to_pylist()))


def write_parquet(store: Store, path: Path, what: str, filters: dict[str, Any]) -> int:
    table = select(store, what, filters)
    if what == "incidents":
        table = with_records(store, table)
    elif what == "events":
        table = with_accounts(store, table)
    pq.write_table(table, path)
    return table.num_rows


def export(store: Store, fmt: str, out: Path | None, what: str = "events", handle: TextIO | None = None,
           warn: Warn = warn_stderr, **filters: Any) -> int:
    """Write the selection to ``out`` (or ``handle`` for text formats); return the rows written."""
    if fmt == "parquet":
        if out is None:
            raise ValueError("Parquet is binary: give an output file")
        return write_parquet(store, out, what, filters)
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")
    opened = out.open("w", encoding="utf-8", newline="") if out else None
    target = opened or handle
    if target is None:
        raise ValueError("give an output file or handle")
    try:
        if fmt == "acled-csv":
            return write_acled_csv(store, target, filters, warn)
        if fmt == "geojson":
            return write_geojson(store, target, filters)
        if fmt == "csv":
            return write_csv(store, target, what, filters)
        return write_jsonl(store, target, what, filters)
    finally:
        if opened:
            opened.close()
