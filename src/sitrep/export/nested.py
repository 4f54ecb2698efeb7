"""Nested Parquet columns: incidents with their actors, per-side figures, provinces and
sentences; events with every account (report) of them as a list of structs."""

from __future__ import annotations

import json
from typing import Any

import pyarrow as pa

from sitrep.export.accounts import ACCOUNT_SQL
from sitrep.store import Store

ACTOR = pa.struct([("name", pa.string()), ("role", pa.string()), ("mention", pa.string()),
                   ("kind", pa.string()), ("inter", pa.int64()), ("country", pa.string())])
EVIDENCE = pa.struct([("text", pa.string()), ("start", pa.int64()), ("end", pa.int64())])
#: What a report's stored record adds to its columns.
RECORD_COLUMNS = {
    "actors": pa.list_(ACTOR),
    "count_notes": pa.list_(pa.string()),
    "admin1_list": pa.list_(pa.string()),
    "mentions": pa.list_(EVIDENCE),
}


def record_arrays(records: list[str | None]) -> dict[str, pa.Array]:
    parsed = [json.loads(r or "{}") for r in records]
    columns: dict[str, list[Any]] = {name: [] for name in RECORD_COLUMNS}
    for record in parsed:
        columns["actors"].append([{k: a.get(k) for k in ACTOR.names} for a in record.get("actors", [])])
        columns["count_notes"].append(record.get("count_notes", []))
        columns["admin1_list"].append(record.get("admin1_list", []))
        columns["mentions"].append([{k: m.get(k) for k in EVIDENCE.names} for m in record.get("mentions", [])])
    return {name: pa.array(values, type=RECORD_COLUMNS[name]) for name, values in columns.items()}


def records_of(store: Store, keys: list[str]) -> dict[str, str]:
    if not keys:
        return {}
    return dict(store.backend.fetchall("SELECT incident_key, record FROM incidents WHERE incident_key = ANY(?)", (keys,)))


def with_records(store: Store, table: pa.Table) -> pa.Table:
    """The incidents table with each report's actors, count_notes, admin1_list and mentions."""
    keys = table.column("incident_key").to_pylist() if table.num_rows else []
    records = records_of(store, keys)
    for name, array in record_arrays([records.get(k) for k in keys]).items():
        table = table.append_column(name, array)
    return table


def account_table(store: Store, cluster_ids: list[str]) -> pa.Table:
    accounts = store.backend.arrow(ACCOUNT_SQL.format(column="cluster_id"), (cluster_ids,))
    records = accounts.column("record").to_pylist()
    accounts = accounts.drop_columns(["record"])
    for name, array in record_arrays(records).items():
        accounts = accounts.append_column(name, array)
    return accounts


def with_accounts(store: Store, table: pa.Table) -> pa.Table:
    """The events table with an ``accounts`` column: each event's reports, in the order
    of their keys, each with its own figures, source, actors and sentences."""
    cluster_ids = table.column("cluster_id").to_pylist() if table.num_rows else []
    accounts = account_table(store, cluster_ids)
    rows_of: dict[str, list[int]] = {}
    for index, cluster_id in enumerate(accounts.column("cluster_id").to_pylist()):
        rows_of.setdefault(cluster_id, []).append(index)
    indices: list[int] = []
    offsets = [0]
    for cluster_id in cluster_ids:
        indices += rows_of.get(cluster_id, [])
        offsets.append(len(indices))
    structs = pa.StructArray.from_arrays(
        [column.combine_chunks() if isinstance(column, pa.ChunkedArray) else column for column in accounts.columns],
        fields=list(accounts.schema),
    ).take(pa.array(indices, type=pa.int64()))
    nested = pa.ListArray.from_arrays(pa.array(offsets, type=pa.int32()), structs)
    return table.append_column("accounts", nested)
