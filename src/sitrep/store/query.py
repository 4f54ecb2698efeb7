"""Filters over the store, turned into parameterised SQL shared by the CLI and the Python API.

Every filter value is bound as a parameter; only the fixed fragments below are joined
into SQL text.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any


@dataclass(frozen=True)
class IncidentFilter:
    country: str | None = None  # ISO 3166 alpha-2 or a country name
    admin1: str | None = None
    actor: str | None = None  # part of an actor's or the reporting source's name
    type: str | None = None  # ACLED event or sub-event type, or PLOVER type
    since: date | None = None
    until: date | None = None
    text: str | None = None  # part of the evidence sentence
    cluster_id: str | None = None
    limit: int | None = None
    contested: bool | None = None  # True: only merged incidents some party claims or disputes
    offset: int | None = None  # rows to skip, for paging (with ``limit``)


@dataclass(frozen=True)
class StatementFilter:
    actor: str | None = None  # part of the speaker's, their affiliation's or the target's name
    kind: str | None = None
    since: date | None = None
    until: date | None = None
    text: str | None = None  # part of the evidence or quote
    limit: int | None = None
    offset: int | None = None
    keys: Sequence[str] | None = None  # only these statements (statement_key)


#: Codes in use that ISO 3166 has not assigned (Kosovo, as GeoNames and ACLED write it).
USER_ASSIGNED_CODES = {"XK"}


def country_code(value: str) -> str:
    """Accept ``AF``, ``AFG`` or ``Afghanistan``; the store keeps alpha-2 codes.

    A name no country has is a ValueError, not a filter that silently matches nothing.
    """
    import pycountry

    if value.upper() in USER_ASSIGNED_CODES:
        return value.upper()
    try:
        return pycountry.countries.lookup(value).alpha_2
    except LookupError:
        raise ValueError(f"unknown country: {value!r} (give an ISO 3166 code or an English name)") from None


def contains(value: str) -> str:
    """A LIKE pattern for a case-insensitive substring, with LIKE's own wildcards escaped."""
    escaped = value.lower().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


LIKE = "LIKE ? ESCAPE '\\'"


def as_day(value: date | str | None) -> date | None:
    return date.fromisoformat(value) if isinstance(value, str) else value


def as_date(value: Any) -> date | None:
    """A date column's value: DuckDB and psycopg both return ``date``; guard against
    datetimes from other paths."""
    if isinstance(value, datetime):
        return value.date()
    return value


def incident_conditions(f: IncidentFilter, alias: str, members: str) -> tuple[list[str], list]:
    """Conditions on a row ``alias`` whose incident reports are selected by ``members`` (SQL)."""
    where: list[str] = []
    params: list = []
    if f.country:
        where.append(f"{alias}.country = ?")
        params.append(country_code(f.country))
    if f.admin1:
        where.append(f"lower({alias}.admin1) = lower(?)")
        params.append(f.admin1)
    if f.type:
        where.append(f"(lower({alias}.acled_type) = lower(?) OR lower({alias}.acled_sub_type) = lower(?))")
        params += [f.type, f.type]
    if since := as_day(f.since):
        where.append(f"{alias}.date_end >= ?")
        params.append(since)
    if until := as_day(f.until):
        where.append(f"{alias}.date_start <= ?")
        params.append(until)
    if f.cluster_id:
        where.append(f"{alias}.cluster_id = ?")
        params.append(f.cluster_id)
    if f.contested is not None:
        where.append(f"{alias}.cluster_id {'' if f.contested else 'NOT '}IN (SELECT cluster_id FROM clusters WHERE contested)")
    if f.actor:
        where.append(
            f"EXISTS (SELECT 1 FROM incidents m LEFT JOIN incident_actors ia ON ia.incident_key = m.incident_key "
            f"LEFT JOIN actors a ON a.actor_key = ia.actor_key LEFT JOIN sources s ON s.source_key = m.source_key "
            f"WHERE {members} AND (lower(a.name) {LIKE} OR lower(s.name) {LIKE}))"
        )
        params += [contains(f.actor), contains(f.actor)]
    if f.text:
        where.append(
            f"EXISTS (SELECT 1 FROM incidents m JOIN provenance p ON p.record_key = m.incident_key "
            f"WHERE {members} AND lower(p.evidence) {LIKE})"
        )
        params.append(contains(f.text))
    return where, params


def finish(
    sql: str, where: list[str], order: str, limit: int | None, params: list, offset: int | None = None
) -> tuple[str, list]:
    if where:
        sql += " WHERE " + " AND ".join(where)
    sql += f" ORDER BY {order}"
    if limit is not None:
        sql += " LIMIT ?"
        params.append(int(limit))
    if offset:
        sql += " OFFSET ?"
        params.append(int(offset))
    return sql, params


def incident_query(f: IncidentFilter) -> tuple[str, list]:
    where, params = incident_conditions(f, "r", "m.incident_key = r.incident_key")
    sql = (
        "SELECT r.*, c.killed_low AS cluster_killed_low, c.killed_high AS cluster_killed_high, "
        "c.killed_best AS cluster_killed_best, c.reports AS cluster_reports, c.contested AS cluster_contested "
        "FROM incident_reports r JOIN clusters c ON c.cluster_id = r.cluster_id"
    )
    return finish(sql, where, "r.date_start NULLS LAST, r.incident_key", f.limit, params, f.offset)


#: A merged incident's date at its precision: "2020-04-10", "2020-04" for a month,
#: "2020-04-01/2020-04-07" for a span (never a month shown as its first day).
EVENT_DATE = (
    "CASE WHEN c.date_start IS NULL THEN NULL "
    "WHEN c.date_precision = 'month' THEN substr(CAST(c.date_start AS TEXT), 1, 7) "
    "WHEN c.date_end IS NULL OR c.date_end = c.date_start THEN CAST(c.date_start AS TEXT) "
    "ELSE CAST(c.date_start AS TEXT) || '/' || CAST(c.date_end AS TEXT) END AS date"
)

EVENT_SELECT = (
    f"SELECT c.*, {EVENT_DATE}, "
    "(SELECT string_agg(DISTINCT coalesce(d.site_name, d.url, d.source), '; ' ORDER BY coalesce(d.site_name, d.url, d.source)) FROM incidents i "
    " JOIN documents d ON d.doc_key = i.doc_key WHERE i.cluster_id = c.cluster_id) AS sources, "
    "(SELECT string_agg(DISTINCT s.name, '; ' ORDER BY s.name) FROM incidents i "
    " JOIN sources s ON s.source_key = i.source_key WHERE i.cluster_id = c.cluster_id) AS reported_by "
    "FROM clusters c"
)


def event_query(f: IncidentFilter) -> tuple[str, list]:
    where, params = incident_conditions(f, "c", "m.cluster_id = c.cluster_id")
    return finish(EVENT_SELECT, where, "c.date_start NULLS LAST, c.cluster_id", f.limit, params, f.offset)


def statement_query(f: StatementFilter) -> tuple[str, list]:
    where: list[str] = []
    params: list = []
    if f.actor:
        where.append(f"(lower(r.speaker) {LIKE} OR lower(r.speaker_affiliation) {LIKE} OR lower(r.target) {LIKE})")
        params += [contains(f.actor)] * 3
    if f.kind:
        where.append("r.kind = ?")
        params.append(f.kind)
    if since := as_day(f.since):
        where.append("coalesce(r.date_end, r.published) >= ?")
        params.append(since)
    if until := as_day(f.until):
        where.append("coalesce(r.date_start, r.published) <= ?")
        params.append(until)
    if f.text:
        where.append(f"(lower(r.evidence) {LIKE} OR lower(r.quote) {LIKE})")
        params += [contains(f.text)] * 2
    if f.keys is not None:
        where.append("r.statement_key = ANY(?)")
        params.append(list(f.keys))
    sql = (
        "SELECT r.*, (SELECT string_agg(l.answers_key, '; ' ORDER BY l.answers_key) FROM statement_links l "
        "WHERE l.statement_key = r.statement_key) AS answers, "
        "(SELECT string_agg(l.statement_key, '; ' ORDER BY l.statement_key) FROM statement_links l "
        "WHERE l.answers_key = r.statement_key) AS answered_by FROM statement_reports r"
    )
    return finish(
        sql, where, "coalesce(r.date_start, r.published) NULLS LAST, r.statement_key", f.limit, params, f.offset
    )
