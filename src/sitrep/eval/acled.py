"""Reading ACLED exports in both schemas (current lower-case, pre-2019 upper-case).

Old exports use event types that ACLED later split or renamed; ``EVENT_TYPE_MAP`` says
how each maps to the current taxonomy (type, and sub-type where the old name fixes it).
"""

from __future__ import annotations

import csv
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

ACLED_FILES = ("acled_rpanlilio_2020may", "acled_asia2015_katehara", "acled_africa2016_aschharwood")

#: Pre-2019 event type -> (current event type, current sub-type or None when it varies).
#: "Riots/Protests" covers both of today's Protests and Riots: either counts as a match.
EVENT_TYPE_MAP: dict[str, tuple[str, str | None]] = {
    "battle-no change of territory": ("Battles", "Armed clash"),
    "battle-government regains territory": ("Battles", "Government regains territory"),
    "battle-non-state actor overtakes territory": ("Battles", "Non-state actor overtakes territory"),
    "battle-non-state actors overtake territory": ("Battles", "Non-state actor overtakes territory"),
    "remote violence": ("Explosions/Remote violence", None),
    "riots/protests": ("Protests|Riots", None),
    "violence against civilians": ("Violence against civilians", None),
    "strategic development": ("Strategic developments", None),
    "non-violent transfer of territory": ("Strategic developments", "Non-violent transfer of territory"),
    "headquarters or base established": ("Strategic developments", "Headquarters or base established"),
}


@dataclass(frozen=True)
class AcledEvent:
    source_file: str
    event_id: str
    country: str
    event_type: str  # current taxonomy; "Protests|Riots" where the old type covers both
    sub_event_type: str | None
    admin1: str
    notes: str
    fatalities: int
    actor1: str
    actor2: str
    latitude: float | None
    longitude: float | None
    geo_precision: int | None
    event_date: date | None = None


def current_type(event_type: str, sub_event_type: str | None) -> tuple[str, str | None]:
    mapped = EVENT_TYPE_MAP.get(event_type.strip().lower())
    if mapped is None:
        return event_type.strip(), (sub_event_type or None)
    return mapped[0], sub_event_type or mapped[1]


#: How the ACLED files write their dates ("2020-05-09", "09 May 2020", "9-May-20", "09/05/2020").
DATE_FORMATS = ("%Y-%m-%d", "%d %B %Y", "%d-%B-%Y", "%d-%b-%y", "%d/%m/%Y")


def as_date(value: str | None) -> date | None:
    for fmt in DATE_FORMATS:
        try:
            return datetime.strptime((value or "").strip(), fmt).date()
        except ValueError:
            continue
    return None


def as_float(value: str | None) -> float | None:
    try:
        return float(value) if value not in (None, "") else None
    except ValueError:
        return None


def read_events(data_dir: Path, names: tuple[str, ...] = ACLED_FILES) -> Iterator[AcledEvent]:
    for name in names:
        path = data_dir / name / "acled.csv"
        if not path.exists():
            continue
        with path.open(encoding="utf-8", errors="replace", newline="") as handle:
            for raw in csv.DictReader(handle):
                row = {(k or "").lower(): (v or "") for k, v in raw.items()}
                if not row.get("notes", "").strip():
                    continue
                event_type, sub = current_type(row.get("event_type", ""), row.get("sub_event_type"))
                yield AcledEvent(
                    source_file=name,
                    event_id=row.get("event_id_cnty") or row.get("data_id", ""),
                    country=row.get("country", ""),
                    event_type=event_type,
                    sub_event_type=sub,
                    admin1=row.get("admin1", ""),
                    notes=row["notes"].strip(),
                    fatalities=int(as_float(row.get("fatalities")) or 0),
                    actor1=row.get("actor1", ""),
                    actor2=row.get("actor2", ""),
                    latitude=as_float(row.get("latitude")),
                    longitude=as_float(row.get("longitude")),
                    geo_precision=int(as_float(row.get("geo_precision")) or 0) or None,
                    event_date=as_date(row.get("event_date")),
                )
