"""Every report (account) of the selected events, with what its stored record carries.

One query for all the clusters of an export: each account has its report's columns
(``incident_reports``), its document's outlet and ingest time, and from the stored
record its actors (name, role, kind, inter, country), ``count_notes``, ``admin1_list``
and the sentences that tell it (``mentions``).
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import date, datetime
from typing import Any

from sitrep.store import Store

#: What an account takes from its stored record (the ``Incident`` as extracted).
RECORD_FIELDS = ("actors", "count_notes", "admin1_list", "mentions")

ACCOUNT_SQL = (
    "SELECT r.*, d.ingested_at, i.record FROM incident_reports r "
    "JOIN documents d ON d.doc_key = r.doc_key JOIN incidents i ON i.incident_key = r.incident_key "
    "WHERE r.{column} = ANY(?) ORDER BY r.cluster_id, r.incident_key"
)


def plain(value: Any) -> Any:
    """A value as JSON, CSV and the terminal write it: a date in ISO form."""
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    return value


def actor_of(actor: dict[str, Any]) -> dict[str, Any]:
    return {key: actor.get(key) for key in ("name", "role", "mention", "kind", "inter", "country")}


def account_of(row: dict[str, Any]) -> dict[str, Any]:
    record = json.loads(row.pop("record") or "{}")
    account = dict(row)
    account["actors"] = [actor_of(a) for a in record.get("actors", [])]
    for name in RECORD_FIELDS[1:]:
        account[name] = record.get(name, [])
    return account


def fetch_accounts(store: Store, keys: Sequence[str], by: str = "cluster_id") -> dict[str, list[dict[str, Any]]]:
    """Accounts grouped by ``by`` (``cluster_id`` or ``incident_key``), as Python values."""
    if by not in ("cluster_id", "incident_key"):
        raise ValueError(by)
    found: dict[str, list[dict[str, Any]]] = {}
    if not keys:
        return found
    table = store.backend.arrow(ACCOUNT_SQL.format(column=by), (list(keys),))
    for row in table.to_pylist():
        found.setdefault(row[by], []).append(account_of(row))
    return found


def jsonable(account: dict[str, Any]) -> dict[str, Any]:
    return {key: plain(value) for key, value in account.items()}
