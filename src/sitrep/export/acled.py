"""Events (merged incidents) as ACLED rows: ACLED's column names and value conventions."""

from __future__ import annotations

from collections import defaultdict
from datetime import date
from typing import Any
from urllib.parse import urlparse

from sitrep.store import Store

COLUMNS = (
    "event_id_cnty", "event_date", "year", "time_precision", "event_type", "sub_event_type",
    "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2", "interaction",
    "country", "admin1", "admin2", "location", "latitude", "longitude", "geo_precision",
    "source", "notes", "fatalities",
)

TIME_PRECISION = {"day": 1, "range": 2, "week": 2, "month": 3}
GEO_PRECISION = {"place": 1, "admin2": 2, "admin1": 3, "country": 3}


def country_name(code: str | None) -> str:
    import pycountry

    if not code:
        return ""
    found = pycountry.countries.get(alpha_2=code.upper())
    return getattr(found, "common_name", None) or found.name if found else code


def outlet(source: str) -> str:
    """A publication's name for ACLED's ``source``: the site name, a URL's host, or a file's name."""
    if source.startswith(("http://", "https://")):
        host = urlparse(source).hostname or source
        return host.removeprefix("www.")
    return source.rsplit("/", 1)[-1]


def outlets(sources: str | None) -> str:
    names = dict.fromkeys(outlet(part) for part in (sources or "").split("; ") if part)
    return "; ".join(names)


def event_actors(store: Store, incident_keys: list[str]) -> dict[str, list[dict[str, Any]]]:
    actors: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for key, role, name, inter in store.backend.fetchall(
        "SELECT ia.incident_key, ia.role, a.name, a.inter FROM incident_actors ia "
        "JOIN actors a ON a.actor_key = ia.actor_key WHERE ia.incident_key = ANY(?) ORDER BY ia.incident_key, ia.position",
        (incident_keys,),
    ):
        actors[key].append({"role": role, "name": name, "inter": inter})
    return actors


def evidence_of(store: Store, incident_keys: list[str]) -> dict[str, str]:
    return dict(store.backend.fetchall(
        "SELECT record_key, evidence FROM provenance WHERE record_key = ANY(?)", (incident_keys,)))


def sides(actors: list[dict[str, Any]]) -> tuple[dict | None, dict | None, list[str], list[str]]:
    """ACLED's actor1/actor2 and their associates; a victim stands as actor2 when none is named."""
    first = next((a for a in actors if a["role"] == "actor1"), None)
    second = next((a for a in actors if a["role"] == "actor2"), None)
    rest = [a for a in actors if a is not first and a is not second]
    if first is None and rest:
        first = rest.pop(0)
    if second is None:
        second = next((a for a in rest if a["role"] == "victim"), None) or next(
            (a for a in rest if a["role"] != "associate"), None)
        if second is not None:
            rest.remove(second)
    associates = [a["name"] for a in rest if a["role"] in ("associate", None)]
    return first, second, associates[:1], associates[1:]


def interaction(inter1: int | None, inter2: int | None) -> str:
    if inter1 is None:
        return ""
    if not inter2:
        return f"{inter1}0"
    return "".join(str(code) for code in sorted((inter1, inter2)))


def figure_text(low: int | None, high: int | None) -> str:
    if low is None:
        return ""
    return f"; {low} reported killed" if low == high else f"; {low} to {high} reported killed"


def notes(event: dict[str, Any], first: dict | None, second: dict | None, evidence: str) -> str:
    """One sentence from our fields, then the evidence sentence it was read from."""
    when = f"On {event['date_start'].day} {event['date_start']:%B %Y}, " if event["date_start"] else ""
    who = " and ".join(a["name"] for a in (first, second) if a)
    where = ", ".join(x for x in (event["place"], event["admin1"], country_name(event["country"])) if x)
    summary = f"{when}{event['acled_sub_type'].lower()}" + (f" involving {who}" if who else "")
    summary += (f" in {where}" if where else "") + figure_text(event["killed_low"], event["killed_high"])
    if event["reports"] > 1:
        summary += f" ({event['reports']} reports" + (", contested accounts)" if event["contested"] else ")")
    elif event["contested"]:
        summary += " (contested account)"
    summary = summary[0].upper() + summary[1:]
    return f"{summary}. {evidence}".strip()


def acled_rows(store: Store, events: list[dict[str, Any]]) -> list[dict[str, Any]]:
    keys = [event["best_incident_key"] for event in events]
    actors = event_actors(store, keys)
    evidence = evidence_of(store, keys)
    rows = []
    for event in events:
        key = event["best_incident_key"]
        first, second, assoc1, assoc2 = sides(actors[key])
        start: date | None = event["date_start"]
        inter1 = first["inter"] if first else None
        inter2 = second["inter"] if second else 0
        rows.append({
            "event_id_cnty": event["cluster_id"],
            "event_date": start.isoformat() if start else "",
            "year": start.year if start else "",
            "time_precision": TIME_PRECISION.get(event["date_precision"] or "", 3 if start else ""),
            "event_type": event["acled_type"],
            "sub_event_type": event["acled_sub_type"],
            "actor1": first["name"] if first else "",
            "assoc_actor_1": "; ".join(assoc1),
            "inter1": "" if inter1 is None else inter1,
            "actor2": second["name"] if second else "",
            "assoc_actor_2": "; ".join(assoc2),
            "inter2": "" if inter2 is None else inter2,
            "interaction": interaction(inter1, inter2),
            "country": country_name(event["country"]),
            "admin1": event["admin1"] or "",
            "admin2": event["admin2"] or "",
            "location": event["place"] or event["admin2"] or event["admin1"] or country_name(event["country"]),
            "latitude": "" if event["latitude"] is None else event["latitude"],
            "longitude": "" if event["longitude"] is None else event["longitude"],
            "geo_precision": GEO_PRECISION.get(event["geo_precision"] or "", ""),
            "source": outlets(event["sources"]),
            "notes": notes(event, first, second, evidence.get(key, "")),
            "fatalities": event["killed_best"] or 0,
        })
    return rows
