"""The time stage: publication dates and every temporal expression, resolved and sourced.

It owns the publication date (``publication``: metadata, URL, dateline, inference from
the text), finding and resolving temporal expressions against it (``expressions``, rule
data in ``data/time/rules.toml``, calendars by convertdate and hijridate in
``calendars``) and the choice of the expression that governs a clause (``governance``).
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from typing import TYPE_CHECKING

from sitrep.models import TimeMention
from sitrep.time.datelines import is_page_date
from sitrep.time.expressions import Expression, Resolved, resolve, resolve_text, scan
from sitrep.time.governance import (
    clause_tense, dates_main_clause, governing_time, quotations, ranks_within, reported_speech_time, speech_time, up_to_now,
)
from sitrep.time.publication import PublicationDate, collection_year, resolve_publication

if TYPE_CHECKING:
    from spacy.tokens import Doc


def precision_of(value: str) -> str:
    """The precision of a resolved ISO value: "start/end" is a range, YYYY-MM-DD a day, else a month."""
    if "/" in value:
        return "range"
    return "day" if len(value) == 10 else "month"


def last_day(value: str) -> date:
    """The last day a resolved ISO value covers: "2014" ends on 31 December, "2020-02" on
    the 29th, "2020-04-08/2020-04-09" on the 9th."""
    end = value.rpartition("/")[2]
    parts = [int(p) for p in end.split("-")]
    if len(parts) == 3:
        return date(*parts)
    if len(parts) == 1:
        return date(parts[0], 12, 31)
    year, month = parts
    following = date(year + month // 12, month % 12 + 1, 1)
    return date.fromordinal(following.toordinal() - 1)


def month_reference(month: tuple[int, int]) -> date:
    """The day a text published in ``month`` (no day known) reads its dates against: the
    month's last, so that a date in the month is not after publication."""
    year, number = month
    return last_day(f"{year:04d}-{number:02d}")


def readable_in_month(expression: Expression) -> Expression | None:
    """The expression as a text published in a known month, on an unknown day, reads it:
    a date or a month is fixed by the month's year, its weekday set aside (the year is not
    in doubt; a weekday that does not fit it is the writer's slip); a weekday, "yesterday"
    or "three days ago" counts from a day nobody knows (None)."""
    if expression.kind == "absolute":
        return replace(expression, weekdays=())
    if expression.kind in ("month", "year") and not expression.weekdays:
        return expression
    if expression.kind == "relative" and expression.relative is not None and expression.relative.unit in ("month", "year"):
        return expression
    return None


def find_time_mentions(doc: Doc, published: date | None, month: tuple[int, int] | None = None) -> list[TimeMention]:
    """Every temporal expression in ``doc.text`` that can date what the text tells, in
    text order, resolved against ``published`` in the tense of its clause (value None
    when it cannot be anchored). With no day of publication but its ``month`` (year,
    month), what that month fixes is read against the month's last day. The page's own
    datelines and stamps are left out: they date the page, never an event or a statement
    on their line."""
    mentions = []
    read: list[tuple[Expression, TimeMention]] = []
    text = doc.text
    reference = published if published is not None or month is None else month_reference(month)
    for expression in scan(text):
        if is_page_date(text, expression.start, expression.end):
            continue
        tense = clause_tense(doc, expression.start, expression.end)
        if expression.kind == "duration":
            if not up_to_now(doc, expression.start, expression.end):
                continue  # a length of time that dates nothing ("fought for three days")
            tense = "present"
        readable = expression if published is not None or month is None else readable_in_month(expression)
        resolved = resolve(readable, reference, tense) if readable is not None else Resolved(None, None)
        mention = TimeMention(
            start=expression.start,
            end=expression.end,
            text=expression.text,
            value=resolved.value,
            precision=resolved.precision,
            kind=expression.kind,
        )
        mentions.append(mention)
        read.append((expression, mention))
    if published is not None:
        mentions = told_from_speech_day(doc, read, mentions, published)
    return mentions


def counts_from_today(expression: Expression) -> bool:
    """Whether an expression counts from the day it is said ("yesterday", "on Tuesday",
    "two days ago"), not a date of its own."""
    if expression.kind in ("weekday", "range") and expression.weekdays:
        return True
    if expression.kind == "relative":
        return expression.relative is None or expression.relative.unit in ("day", "week_of", "weekend")
    return False


def told_from_speech_day(doc: Doc, pairs: list[tuple[Expression, TimeMention]], mentions: list[TimeMention],
                         published: date) -> list[TimeMention]:
    """A "yesterday" or a weekday inside a direct quotation counts from the day it was said,
    when the text dates the saying ("'... attacked our forces yesterday,' he wrote on
    Sunday": the Saturday before), not from publication; so does a "yesterday" or an
    "overnight" in reported speech that, read from publication, would come after the saying
    ("killed 132 people in an overnight raid, the government said on Saturday", in a Sunday
    report: the night into Saturday)."""
    quotes = quotations(doc.text)
    out = list(mentions)
    for index, (expression, mention) in enumerate(pairs):
        if not counts_from_today(expression):
            continue
        quote = next((q for q in quotes if q[0] <= expression.start and expression.end <= q[1]), None)
        if quote is not None:
            said = speech_time(doc, expression.start, expression.end, quote, mentions)
        elif (expression.kind == "relative" and expression.relative is not None and expression.relative.unit == "day"
              and mention.value):
            # reported speech tells its "yesterday" from the reporter's day, unless that puts
            # what was reported after the saying: "an overnight raid, the government said on
            # Saturday" in a Sunday report is the night into Saturday
            said = reported_speech_time(doc, expression.start, expression.end, mentions)
            if said is not None and mention.value.rpartition("/")[2] <= said.value:
                continue
        else:
            continue
        if said is None or said.value == published.isoformat():
            continue
        resolved = resolve(expression, date.fromisoformat(said.value), clause_tense(doc, expression.start, expression.end))
        if resolved.value is not None:
            out[index] = replace(mention, value=resolved.value, precision=resolved.precision)
    return out


__all__ = [
    "Expression",
    "PublicationDate",
    "Resolved",
    "clause_tense",
    "collection_year",
    "dates_main_clause",
    "find_time_mentions",
    "month_reference",
    "governing_time",
    "precision_of",
    "ranks_within",
    "resolve",
    "resolve_publication",
    "resolve_text",
    "scan",
]
