"""Deciding which stored reports tell of one incident, and what the cluster then says.

These are pure functions over small records the store loads; the store applies them
inside the transaction that adds a batch, so clusters are always consistent with the
reports committed. Like UCDP's best/low/high, a cluster keeps every source's figures
and states the range; accounts that a party claims or disputes stay in the cluster,
marked, and count toward the range but not toward the best estimate when a neutral
("reported") account exists.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date, timedelta

#: Event types that may describe one physical event told differently: a clash one side
#: calls an air strike on civilians is still one event with contested accounts.
TYPE_FAMILY = {
    "Battles": "political violence",
    "Explosions/Remote violence": "political violence",
    "Violence against civilians": "political violence",
    "Protests": "demonstrations",
    "Riots": "demonstrations",
    "Strategic developments": "strategic developments",
}

#: Reports dated less precisely than this (a month, say) could match anything that
#: month; they stay in clusters of their own.
MAX_SPAN_DAYS = 8

#: Actors that name nobody in particular and so never contradict a named one.
WILDCARD_ACTOR_PREFIXES = ("unidentified", "unknown")

GEO_RANK = {"place": 0, "admin2": 1, "admin1": 2, "country": 3, None: 4}

#: How many days before a denial the accusation it answers may have been made.
DENIAL_WINDOW_DAYS = 14


def fold(text: str | None) -> str:
    return " ".join((text or "").casefold().split())


@dataclass(frozen=True)
class Report:
    """What the merge rule reads of one stored incident report."""

    key: str
    doc_key: str
    acled_type: str
    date_start: date | None
    date_end: date | None
    country: str | None
    admin1: str | None
    place: str | None
    actors: frozenset[str]
    reporter: str | None


def span_days(report: Report) -> int | None:
    if report.date_start is None or report.date_end is None:
        return None
    return (report.date_end - report.date_start).days + 1


def dates_overlap(a: Report, b: Report) -> bool:
    spans = (span_days(a), span_days(b))
    if any(span is None or span > MAX_SPAN_DAYS for span in spans):
        return False
    return a.date_start <= b.date_end and b.date_start <= a.date_end  # type: ignore[operator]


def same_location(a: Report, b: Report) -> bool:
    if not a.country or fold(a.country) != fold(b.country):
        return False
    if a.place and b.place:
        return fold(a.place) == fold(b.place)
    return bool(a.admin1) and fold(a.admin1) == fold(b.admin1)


def named_actors(report: Report) -> frozenset[str]:
    return frozenset(name for name in report.actors if not name.startswith(WILDCARD_ACTOR_PREFIXES))


def actors_compatible(a: Report, b: Report) -> bool:
    first, second = named_actors(a), named_actors(b)
    return not first or not second or bool(first & second)


def types_compatible(a: Report, b: Report) -> bool:
    family = TYPE_FAMILY.get(a.acled_type, a.acled_type)
    return family == TYPE_FAMILY.get(b.acled_type, b.acled_type)


def same_incident(a: Report, b: Report) -> bool:
    """True when ``a`` and ``b`` report one incident: when, where, what and who agree."""
    if a.key == b.key:
        return False
    # One account in one article naming two events is two events, not two reports of one.
    if a.doc_key == b.doc_key and a.reporter == b.reporter:
        return False
    return types_compatible(a, b) and dates_overlap(a, b) and same_location(a, b) and actors_compatible(a, b)


@dataclass(frozen=True)
class Member:
    """One report in a cluster, with what the cluster summary reads of it."""

    key: str
    doc_key: str
    acled_type: str
    acled_sub_type: str
    date_start: date | None
    date_end: date | None
    date_precision: str | None
    country: str | None
    admin1: str | None
    admin2: str | None
    place: str | None
    latitude: float | None
    longitude: float | None
    geo_precision: str | None
    killed: int | None
    injured: int | None
    claim_status: str


@dataclass(frozen=True)
class Figures:
    low: int | None
    high: int | None
    best: int | None


@dataclass(frozen=True)
class ClusterSummary:
    cluster_id: str
    representative: Member
    acled_type: str
    acled_sub_type: str
    date_start: date | None
    date_end: date | None
    killed: Figures
    injured: Figures
    reports: int
    documents: int
    contested: bool


def lower_median(values: list[int]) -> int:
    ordered = sorted(values)
    return ordered[(len(ordered) - 1) // 2]


def figures(members: list[Member], field: str) -> Figures:
    """Low and high over every account; best is the (lower) median of neutral accounts if any."""
    values = [getattr(m, field) for m in members if getattr(m, field) is not None]
    if not values:
        return Figures(None, None, None)
    neutral = [getattr(m, field) for m in members if getattr(m, field) is not None and m.claim_status == "reported"]
    return Figures(min(values), max(values), lower_median(neutral or values))


def representative(members: list[Member]) -> Member:
    """The report the cluster's where and when come from: neutral, then most precise."""

    def rank(member: Member) -> tuple:
        span = (member.date_end - member.date_start).days if member.date_start and member.date_end else 10_000
        return (member.claim_status != "reported", GEO_RANK.get(member.geo_precision, 4), span, member.key)

    return min(members, key=rank)


def summarise(cluster_id: str, members: list[Member]) -> ClusterSummary:
    best = representative(members)
    types = Counter((m.acled_type, m.acled_sub_type) for m in members)
    top = max(types.values())
    # Ties between types go to the representative's reading.
    acled_type, acled_sub_type = (
        (best.acled_type, best.acled_sub_type)
        if types[(best.acled_type, best.acled_sub_type)] == top
        else min(t for t, n in types.items() if n == top)
    )
    return ClusterSummary(
        cluster_id=cluster_id,
        representative=best,
        acled_type=acled_type,
        acled_sub_type=acled_sub_type,
        date_start=best.date_start,
        date_end=best.date_end,
        killed=figures(members, "killed"),
        injured=figures(members, "injured"),
        reports=len(members),
        documents=len({m.doc_key for m in members}),
        contested=any(m.claim_status != "reported" for m in members),
    )


@dataclass(frozen=True)
class StatementRef:
    """What denial linking reads of one stored statement."""

    key: str
    doc_key: str
    kind: str
    speaker: str
    speaker_affiliation: str | None
    target: str | None
    day: date | None  # the statement's date, else its document's publication date
    cluster_id: str | None  # the cluster of the incident it is about, if any


def names(statement: StatementRef) -> set[str]:
    return {fold(statement.speaker), fold(statement.speaker_affiliation)} - {""}


def answers(denial: StatementRef, accusation: StatementRef) -> str | None:
    """Why ``denial`` answers ``accusation`` (the basis), or None when it does not."""
    if denial.kind != "denial" or accusation.kind != "accusation" or denial.doc_key == accusation.doc_key:
        return None
    if denial.day and accusation.day:
        if not denial.day - timedelta(days=DENIAL_WINDOW_DAYS) <= accusation.day <= denial.day + timedelta(days=1):
            return None
    if denial.cluster_id and denial.cluster_id == accusation.cluster_id:
        return "same incident"
    if fold(accusation.target) not in names(denial):
        return None
    if denial.target and fold(denial.target) not in names(accusation):
        return None
    return "the accused denies"
