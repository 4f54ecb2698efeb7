"""Events (merged incidents) as ACLED rows: every column of ACLED's export, in its order,
with its value conventions (``data/export/acled.toml``, ``data/export/outlets.toml``).

- ``event_date`` is always set: the event's date (``time_precision`` 1 for a day, 2 for
  a span of a week or less, 3 for longer spans and months), else the publication date
  with ``time_precision`` 2, which the notes say ("Around 9 May 2020 (as reported), ...").
  An event with neither is no ACLED row, nor is one in no known country (ACLED has no
  undated or countryless rows): ``acled_rows`` counts them.
- ``actor1`` is always set and never civilians (ACLED codes them as the second actor of
  violence against civilians); when the text names no one, the category ACLED uses
  ("Unidentified Armed Group (Nigeria)", "Protesters (Iraq)").
- ``source`` names outlets (the page's site name or its URL's host, never a file name);
  ``source_scale`` joins the scales of the outlets the table knows.
- ``fatalities`` is ACLED's conservative figure, the lowest of the neutral accounts;
  the notes name the other accounts' figures.
"""

from __future__ import annotations

import calendar
import re
import tomllib
from dataclasses import dataclass, field
from datetime import date, datetime, timezone
from functools import lru_cache
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

from sitrep.actors.kb import INTER_LABELS, load_kb
from sitrep.export.accounts import fetch_accounts
from sitrep.store import Store

DATA = Path(__file__).resolve().parents[1] / "data" / "export"

#: ACLED's export columns, in its order.
COLUMNS = (
    "data_id", "iso", "event_id_cnty", "event_id_no_cnty", "event_date", "year", "time_precision",
    "event_type", "sub_event_type", "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2",
    "interaction", "region", "country", "admin1", "admin2", "admin3", "location", "latitude", "longitude",
    "geo_precision", "source", "source_scale", "notes", "fatalities", "timestamp", "iso3",
)

GEO_PRECISION = {"place": 1, "admin2": 2, "admin1": 3, "country": 3}
#: The order ACLED joins the scales of an event's sources in ("Local partner-National").
SCALE_ORDER = ("Local partner", "Other", "New media", "Subnational", "National", "Regional", "International")
INTER_OF_LABEL = {label.lower(): code for code, label in INTER_LABELS.items()}
CIVILIANS = 7
#: Kosovo has no ISO 3166 code; ACLED numbers it 0, as its export does.
USER_ASSIGNED = {"XK": (0, "XKX", "Kosovo")}


def read_toml(name: str) -> dict:
    with (DATA / name).open("rb") as handle:
        return tomllib.load(handle)


@lru_cache(maxsize=1)
def conventions() -> dict:
    return read_toml("acled.toml")


@lru_cache(maxsize=1)
def regions() -> dict[str, str]:
    return {code: region for region, codes in conventions()["regions"].items() for code in codes}


@dataclass(frozen=True)
class Outlet:
    name: str
    scale: str | None = None


@lru_cache(maxsize=1)
def outlet_table() -> tuple[dict[str, Outlet], dict[str, Outlet]]:
    """(by host, by folded name)."""
    by_host: dict[str, Outlet] = {}
    by_name: dict[str, Outlet] = {}
    for record in read_toml("outlets.toml")["outlets"]:
        outlet = Outlet(record["name"], record.get("scale"))
        by_name[record["name"].casefold()] = outlet
        for host in record.get("hosts", []):
            by_host[host.casefold()] = outlet
    return by_host, by_name


def host_of(url: str | None) -> str | None:
    if not url or not url.startswith(("http://", "https://")):
        return None
    host = (urlparse(url).hostname or "").casefold().removeprefix("www.")
    return host or None


def outlet_of(site_name: str | None, url: str | None) -> Outlet | None:
    """The outlet of one document: its site name, else its URL's host (a known host is
    named as the table names it); a document read from a file or stdin has none."""
    by_host, by_name = outlet_table()
    host = host_of(url)
    known = None
    if host:
        parts = host.split(".")
        known = next((by_host[".".join(parts[i:])] for i in range(len(parts) - 1) if ".".join(parts[i:]) in by_host), None)
    if site_name and site_name.strip():
        named = by_name.get(site_name.strip().casefold())
        return named or Outlet(site_name.strip(), known.scale if known else None)
    if known:
        return known
    return Outlet(host) if host else None


def outlets(accounts: list[dict[str, Any]]) -> tuple[str, str]:
    """ACLED's ``source`` and ``source_scale`` for an event's accounts."""
    found = {o.name: o for a in accounts if (o := outlet_of(a.get("site_name"), a.get("url"))) is not None}
    names = sorted(found)
    scales = {o.scale for o in found.values() if o.scale}
    ordered = [s for s in SCALE_ORDER if s in scales] + sorted(scales - set(SCALE_ORDER))
    return "; ".join(names), "-".join(ordered)


# --- the country -------------------------------------------------------------------------


def country_name(code: str | None) -> str:
    """The country as ACLED names it ("Democratic Republic of Congo", "Russia", "Palestine")."""
    if not code:
        return ""
    code = code.upper()
    if code in USER_ASSIGNED:
        return USER_ASSIGNED[code][2]
    named = conventions()["country_names"].get(code)
    if named:
        return named
    country = load_kb().countries.get(code)
    return country.name if country is not None else code


def iso_codes(code: str | None) -> tuple[int | None, str]:
    """ISO 3166 numeric and alpha-3 codes."""
    import pycountry

    if not code:
        return None, ""
    code = code.upper()
    if code in USER_ASSIGNED:
        return USER_ASSIGNED[code][:2]
    found = pycountry.countries.get(alpha_2=code)
    return (int(found.numeric), found.alpha_3) if found else (None, "")


# --- the date ----------------------------------------------------------------------------


def day_text(day: date) -> str:
    return f"{day.day} {day:%B %Y}"


def span_text(start: date, end: date) -> str:
    if start.year != end.year:
        return f"{day_text(start)}-{day_text(end)}"
    if start.month != end.month:
        return f"{start.day} {start:%B}-{day_text(end)}"
    return f"{start.day}-{day_text(end)}"


@dataclass(frozen=True)
class AcledDate:
    day: date
    precision: int  # ACLED's time_precision
    lead: str  # how the notes open: "On 29 April 2020, "


def as_day(value: Any) -> date | None:
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    return date.fromisoformat(str(value)[:10])


def acled_date(event: dict[str, Any], best: dict[str, Any] | None, published: date | None) -> AcledDate | None:
    """ACLED's event date: the day told (time_precision 1); a span or a month at its first
    day, "Around" it (2 for a week or less, 3 beyond); the report's own date for an event
    told without one (2, "as reported")."""
    start, end = as_day(event.get("date_start")), as_day(event.get("date_end"))
    precision = event.get("date_precision")
    from_report = precision == "month" and best is not None and not best.get("date_text")
    if start is not None and precision == "day":
        return AcledDate(start, 1, f"On {day_text(start)}, ")
    if start is not None and not from_report:
        if precision == "month":
            end = start.replace(day=calendar.monthrange(start.year, start.month)[1])
        end = end or start
        told = f"{start:%B %Y}" if precision == "month" else span_text(start, end)
        return AcledDate(start, 2 if (end - start).days < 7 else 3, f"Around {day_text(start)} ({told}), ")
    if published is not None:
        return AcledDate(published, 2, f"Around {day_text(published)} (as reported), ")
    return None


# --- the actors --------------------------------------------------------------------------


def inter_of(actor: dict[str, Any]) -> int | None:
    """The actor's inter code: as stored, else from its kind, else the knowledge base's."""
    if actor.get("inter"):
        return int(actor["inter"])
    if (actor.get("kind") or "").lower() in INTER_OF_LABEL:
        return INTER_OF_LABEL[actor["kind"].lower()]
    known = load_kb().lookup(actor["name"]) if actor.get("name") else None
    return known.inter if known is not None else None


def category_name(actor: dict[str, Any], country: str | None) -> str:
    """A category actor named with the event's country, as ACLED names them: an actor
    resolved before the story's country was known is "Unidentified Armed Group"."""
    kb = load_kb()
    name = actor["name"]
    for key, category in kb.categories.items():
        if name == category.name and country and country.upper() in kb.countries:
            return kb.category_actor(key, country.upper()).name
    return name


#: Event types a country acts in through its military; in the others through its government.
ARMED_TYPES = {"Battles", "Explosions/Remote violence", "Violence against civilians"}
DEMONSTRATIONS = {"Protests", "Riots"}


def as_acled_actor(actor: dict[str, Any], event_type: str) -> dict[str, Any] | None:
    """ACLED never names a bare country as an actor: a country that fights or strikes is
    its military forces, one that acts otherwise its government; none demonstrates."""
    code = (actor.get("country") or "").upper()
    if not code or actor.get("name") != country_name(code) or code not in load_kb().countries:
        return actor
    if event_type in DEMONSTRATIONS:
        return None
    body = load_kb().institution_actor("military" if event_type in ARMED_TYPES else "government", code)
    return dict(actor, name=body.name, inter=body.inter, kind=body.kind)


def default_actor(event_type: str, country: str | None) -> dict[str, Any]:
    """The actor ACLED names when the text names none."""
    rules = conventions()["unknown_actor1"]
    key = rules.get(event_type, rules["default"])
    kb = load_kb()
    code = country.upper() if country and country.upper() in kb.countries else None
    actor = kb.category_actor(key, code)
    return {"name": actor.name, "inter": actor.inter, "role": "actor1", "kind": actor.kind}


@dataclass
class Sides:
    actor1: dict[str, Any]
    actor2: dict[str, Any] | None
    assoc1: list[str] = field(default_factory=list)
    assoc2: list[str] = field(default_factory=list)


def sides(actors: list[dict[str, Any]], event_type: str, country: str | None) -> Sides:
    """ACLED's actor1 and actor2 from the actors the best account names (the stage that
    read them gave actor1 to the doer): civilians only ever as actor2, a category named
    with its country, the category ACLED uses when no actor1 is left. Further actors are
    associates: of actor2 when they are of its kind and not of actor1's, else of actor1."""
    named = [dict(a, name=category_name(a, country)) for a in actors if a.get("name")]
    named = [a for a in (as_acled_actor(a, event_type) for a in named) if a is not None]
    rank = {"actor1": 0, "actor2": 1, None: 2, "associate": 3, "victim": 4}
    ordered = sorted(named, key=lambda a: rank.get(a.get("role"), 2))
    doers = [a for a in ordered if inter_of(a) != CIVILIANS and a.get("role") in ("actor1", "actor2", None)]
    first = doers[0] if doers else default_actor(event_type, country)
    rest = [a for a in ordered if a is not first and a["name"] != first["name"]]
    second = next((a for a in rest if a.get("role") in ("actor2", "victim")), None) or next(
        (a for a in rest if a.get("role") != "associate"), None)
    sides_ = Sides(first, second)
    for actor in rest:
        if actor is second or actor["name"] in sides_.assoc1 + sides_.assoc2 or (second and actor["name"] == second["name"]):
            continue
        inter = inter_of(actor)
        of_second = second is not None and inter == inter_of(second) and inter != inter_of(first)
        (sides_.assoc2 if of_second else sides_.assoc1).append(actor["name"])
    return sides_


def interaction(inter1: int, inter2: int) -> int:
    """ACLED's interaction: the two inter codes, lower first; a lone actor's code then 0."""
    if not inter2:
        return inter1 * 10
    low, high = sorted((inter1, inter2))
    return low * 10 + high


# --- figures and notes -------------------------------------------------------------------


def neutral(account: dict[str, Any]) -> bool:
    return account.get("claim_status") not in ("claimed", "disputed")


def conservative_fatalities(accounts: list[dict[str, Any]]) -> int:
    """ACLED's rule: the lowest figure of the neutral accounts (of any account when every
    one is a party's claim); 0 when none gives one."""
    figures = [a["killed"] for a in accounts if a.get("killed") is not None and neutral(a)]
    figures = figures or [a["killed"] for a in accounts if a.get("killed") is not None]
    return min(figures) if figures else 0


def who_reported(account: dict[str, Any]) -> str:
    outlet = outlet_of(account.get("site_name"), account.get("url"))
    return account.get("reported_by") or (outlet.name if outlet else "another report")


def other_accounts(accounts: list[dict[str, Any]], coded: int) -> str:
    """ACLED names the figures it did not code: "Fatalities coded as 27 (Officials
    reported 30; Taliban claimed 45)."""
    others = []
    for account in accounts:
        killed = account.get("killed")
        if killed is None or killed == coded:
            continue
        verb = {"claimed": "claimed", "disputed": "said", "denied": "denied"}.get(account.get("claim_status"), "reported")
        others.append(f"{who_reported(account)} {verb} {killed}")
    others = list(dict.fromkeys(others))
    return f" Fatalities coded as {coded} ({'; '.join(others)})." if others else ""


#: A time that opens the evidence sentence ("On 29 April 2020, "): the notes' own lead replaces it.
OPENING_TIME = re.compile(r"^(?:On|Around|On or around)\s+[^,]{3,40}?\b(?:19|20)\d\d\s*(?:\([^)]{1,30}\))?\s*,\s*")
#: Words that open a sentence in lower case after the notes' lead ("On 9 May 2020, the ...").
COMMON_OPENINGS = frozenset({
    "a", "an", "the", "at", "about", "around", "in", "on", "during", "after", "following", "overnight", "late",
    "early", "earlier", "according", "some", "several", "many", "unidentified", "unknown", "armed", "suspected",
    "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "dozens", "hundreds",
    "thousands", "gunmen", "militants", "protesters", "demonstrators", "police", "security", "troops", "soldiers",
    "clashes", "fighting", "residents", "villagers", "members", "supporters", "no", "heavy", "fierce",
    "though", "although", "while", "as", "when", "before", "since", "despite", "amid", "it", "they", "he",
    "she", "this", "these", "there", "here", "meanwhile", "also", "more", "over", "nearly", "almost", "unidentified",
    "local", "angry", "students", "workers", "farmers", "activists", "lawyers", "teachers", "traders", "doctors",
})


def sentence_after_lead(evidence: str) -> str:
    text = OPENING_TIME.sub("", evidence.strip(), count=1)
    first = text.split(" ", 1)[0]
    if first.lower() in COMMON_OPENINGS and first[:1].isupper() and first[1:2].islower():
        text = text[0].lower() + text[1:]
    return text


def notes(when: AcledDate, evidence: str, accounts: list[dict[str, Any]], coded: int) -> str:
    """As ACLED writes them: the date first ("On 29 April 2020, ..." / "Around ..."), what
    happened (the evidence sentence), then the figures not coded."""
    return f"{when.lead}{sentence_after_lead(evidence)}{other_accounts(accounts, coded)}".strip()


# --- rows --------------------------------------------------------------------------------


def number_of(cluster_id: str) -> int:
    """A stable number for an event: the first 12 hex digits of its cluster id."""
    digits = re.sub(r"[^0-9a-f]", "", cluster_id.split("-", 1)[-1].lower())[:12]
    return int(digits or "0", 16)


def epoch(value: Any) -> int:
    if isinstance(value, str):
        value = datetime.fromisoformat(value)
    if value.tzinfo is None:
        value = value.replace(tzinfo=timezone.utc)
    return int(value.timestamp())


@dataclass
class AcledExport:
    rows: list[dict[str, Any]]
    undated: int = 0  # events with neither a date nor a publication date
    countryless: int = 0  # events in no known country


def acled_row(event: dict[str, Any], accounts: list[dict[str, Any]]) -> dict[str, Any] | None:
    best = next((a for a in accounts if a["incident_key"] == event["best_incident_key"]), accounts[0] if accounts else None)
    ordered = ([best] if best else []) + [a for a in accounts if a is not best]
    published = next((as_day(a["published"]) for a in ordered if a.get("published")), None)
    when = acled_date(event, best, published)
    if when is None:
        return None
    country = event.get("country")
    actors = next((a["actors"] for a in ordered if a["actors"]), [])
    chosen = sides(actors, event["acled_type"], country)
    inter1 = inter_of(chosen.actor1) or 3
    inter2 = (inter_of(chosen.actor2) or 0) if chosen.actor2 else 0
    iso, iso3 = iso_codes(country)
    number = number_of(event["cluster_id"])
    source, scale = outlets(accounts)
    coded = conservative_fatalities(accounts)
    return {
        "data_id": number,
        "iso": iso if iso is not None else "",
        "event_id_cnty": f"{iso3 or 'XXX'}{number}",
        "event_id_no_cnty": number,
        "event_date": when.day.isoformat(),
        "year": when.day.year,
        "time_precision": when.precision,
        "event_type": event["acled_type"],
        "sub_event_type": event["acled_sub_type"],
        "actor1": chosen.actor1["name"],
        "assoc_actor_1": "; ".join(chosen.assoc1),
        "inter1": inter1,
        "actor2": chosen.actor2["name"] if chosen.actor2 else "",
        "assoc_actor_2": "; ".join(chosen.assoc2),
        "inter2": inter2,
        "interaction": interaction(inter1, inter2),
        "region": regions().get((country or "").upper(), ""),
        "country": country_name(country),
        "admin1": event["admin1"] or "",
        "admin2": event["admin2"] or "",
        "admin3": "",  # the packaged gazetteer has no third-level divisions
        "location": event["place"] or event["admin2"] or event["admin1"] or country_name(country),
        "latitude": "" if event["latitude"] is None else event["latitude"],
        "longitude": "" if event["longitude"] is None else event["longitude"],
        "geo_precision": GEO_PRECISION.get(event["geo_precision"] or "", ""),
        "source": source,
        "source_scale": scale,
        "notes": notes(when, best["evidence"] if best else "", ordered, coded),
        "fatalities": coded,
        "timestamp": max(epoch(a["ingested_at"]) for a in accounts) if accounts else "",
        "iso3": iso3,
    }


def acled_rows(store: Store, events: list[dict[str, Any]]) -> AcledExport:
    accounts = fetch_accounts(store, [e["cluster_id"] for e in events])
    export = AcledExport(rows=[])
    for event in events:
        if not event.get("country"):
            export.countryless += 1
            continue
        row = acled_row(event, accounts.get(event["cluster_id"], []))
        if row is None:
            export.undated += 1
        else:
            export.rows.append(row)
    return export
