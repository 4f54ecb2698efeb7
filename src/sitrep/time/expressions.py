"""Finding temporal expressions in text and resolving them against a publication date.

Finding is a handful of compiled regular expressions built from the rule data and the
``calendar`` module's names (cheap: no parser runs per sentence); a day-month string
is parsed by dateparser (cached by string). Resolution is pure date arithmetic against
the publication date, guided by the tense of the clause the expression sits in:
``past`` never resolves after publication, ``future`` never before it.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta
from functools import lru_cache
from typing import Literal

import dateparser

from sitrep.time import calendars
from sitrep.time.rules import RelativeRule, Rules, alternation, load_rules, number_of, title_variants

Tense = Literal["past", "present", "future"] | None


@dataclass(frozen=True)
class Expression:
    """One temporal expression as written, before it is anchored to a publication date."""

    start: int
    end: int
    text: str
    kind: str  # absolute | weekday | relative | range | month | year | day | duration
    calendar: str = "gregorian"
    year: int | None = None
    month: int | None = None
    day: int | None = None
    weekdays: tuple[int, ...] = ()
    modifier: str | None = None  # previous | next | this
    relative: RelativeRule | None = None
    amount: float | None = None  # how many units; of an uncounted amount, the most
    fewest: float | None = None  # of an uncounted amount ("a few days"), the fewest units
    unit: str | None = None
    year_offset: int | None = None  # a year told from publication ("in March last year": -1)


@dataclass(frozen=True)
class Resolved:
    value: str | None
    precision: str | None


UNRESOLVED = Resolved(None, None)


# --- patterns ------------------------------------------------------------------------


@dataclass(frozen=True)
class Patterns:
    date: re.Pattern
    weekday: re.Pattern
    relative: re.Pattern
    span: re.Pattern
    duration: re.Pattern
    ago: re.Pattern
    month_year: re.Pattern
    month_only: re.Pattern
    year_only: re.Pattern
    nth: re.Pattern
    relative_year: re.Pattern


def ci(pattern: str) -> str:
    return f"(?i:{pattern})"


@lru_cache(maxsize=1)
def patterns() -> Patterns:
    rules = load_rules()
    month = alternation(title_variants(rules.months))
    weekday = alternation(title_variants(rules.weekdays))
    anchored = [p for p, r in rules.relative.items() if r.anchor is not None]
    modifiers = alternation(rules.weekday_modifiers)
    parts_after = alternation(rules.parts_after)
    before = alternation(list(rules.parts_before) + list(rules.weekday_modifiers))
    numbers = alternation(rules.numbers)
    units = alternation(rules.units)
    # how long, as the span, duration and "ago" phrases count it: "48 hours", "three days",
    # or uncounted: "a few days", "several weeks"
    amount = (
        rf"(?:(?P<n>\d+|{ci(numbers)})[\s-]+|(?P<vague>{ci(alternation(rules.vague_amounts))})\s+)"
        rf"(?P<unit>{ci(units)})s?"
    )
    year_phrases = [p for p, r in rules.relative.items() if r.unit == "year"]
    # after "ago" or "earlier" whatever follows is no object of theirs: "three days ago the
    # governor resigned"; after "before" it may be ("two days before the vote")
    never_object = "".join(rf"(?<={ci(re.escape(w))})|" for w in rules.ago_words if w not in rules.ago_prepositions)
    year = r"(?:1[3-9]|20)\d\d"
    core = (
        rf"(?P<iso>(?P<iy>(?:19|20)\d\d)-(?P<im>0[1-9]|1[0-2])-(?P<id>0[1-9]|[12]\d|3[01]))(?!\d)"
        rf"|(?P<m1>{month})\.?\s+(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?\b(?:,?\s+(?P<y1>{year})\b)?"
        rf"|(?P<d3>\d{{1,2}})-(?P<m3>{month})-(?P<y3>{year})\b"
        rf"|(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<m2>{month})\b\.?(?:,?\s+(?P<y2>{year})\b)?"
    )
    date_re = (
        rf"(?:(?P<rel>{ci(alternation(anchored))})\s*[,(]?\s*)?"
        rf"(?:(?P<wmod>{ci(modifiers)})\s+)?"
        rf"(?:(?P<wd>{weekday})(?:\s+(?P<wpart>{ci(parts_after)}))?\s*[,(]?\s*)?"
        rf"(?<![\d.,])(?:{core})"
    )
    day_word = rf"(?P<wd>{weekday})(?P<poss>['’]s)?(?:\s+(?P<part>{ci(parts_after)}))?"
    weekday_re = (
        rf"(?:(?P<pre>{ci(before)})\s+)?{day_word}"
        rf"(?:\s+{ci('and|or|to|through|&')}\s+(?:{ci('last')}\s+)?(?P<wd2>{weekday})(?:\s+(?P<part2>{ci(parts_after)}))?)?"
    )
    return Patterns(
        date=re.compile(date_re),
        weekday=re.compile(rf"\b{weekday_re}\b"),
        relative=re.compile(rf"\b(?P<phrase>{ci(alternation(rules.relative))})\b"),
        span=re.compile(
            rf"\b(?P<lead>{ci(alternation(rules.span_leads))})\s+{amount}\b"
        ),
        duration=re.compile(rf"\b{ci('for')}\s+{amount}\b"),
        ago=re.compile(
            rf"\b{amount}\s+(?P<word>{ci(alternation(rules.ago_words))})\b"
            rf"(?P<tail>\s*[,.;:)]|\s*$|{never_object}(?!\s+(?:the|a|an|his|her|their|its|this|that|[A-Z])\b))"
        ),
        month_year=re.compile(
            rf"(?:\b(?P<cue>{ci(alternation(rules.month_cues))})\s+)?(?P<m>{month})\.?,?\s+(?P<y>{year})\b(?!\d)"
        ),
        month_only=re.compile(
            rf"\b(?P<cue>{ci(alternation(rules.month_cues))})(?:\s+|(?<=-))(?:the\s+)?(?:{ci('holy month of|month of')}\s+)?(?P<m>{month})\b(?![.\s]*\d)"
        ),
        year_only=re.compile(rf"\b(?P<cue>{ci(alternation(rules.year_cues))})(?:\s+|(?<=-))(?P<y>(?:19|20)\d\d)\b(?![-–/]?\d|\s*%|\s*(?:{ci(alternation(rules.clock_words))})\b)"),
        nth=re.compile(
            rf"\b(?:{ci('on')}\s+)?(?P<span>{ci('the')}\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th))\b"
            rf"(?=\s*[,.;)]|\s+{ci('of (?:this|last) month')})"
        ),
        # right after a month or a day-month: "[March] last year", "[5 June] of last year"
        relative_year=re.compile(
            rf"\s+(?:{ci(alternation(rules.year_links))}\s+)?(?P<phrase>{ci(alternation(year_phrases))})\b(?!['’]s)"
        ),
    )


# --- scanning ------------------------------------------------------------------------

KEEP_CUES = {"early", "late", "mid", "mid-", "earlier in", "later in", "last", "this", "end of", "beginning of", "start of"}


def amounts_of(m: re.Match, rules: Rules) -> tuple[float | None, float | None]:
    """(most, fewest) units an amount match counts: (3, None) for "three days", (4, 2)
    for "a few days" (an uncounted amount is read as a span of counts)."""
    if m.group("vague"):
        fewest, most = rules.vague_amounts[normalise(m.group("vague"))]
        return float(most), float(fewest)
    return number_of(m.group("n"), rules), None


def with_relative_year(expression: Expression, text: str, rules: Rules, p: Patterns) -> Expression:
    """A month or day-month without its year followed by a year told from publication
    ("in March last year", "on 5 June of last year"): one expression, that year's."""
    if expression.year is not None or expression.calendar != "gregorian" or expression.relative is not None:
        return expression
    if expression.kind not in ("absolute", "month") or expression.modifier is not None:
        return expression
    m = p.relative_year.match(text, expression.end)
    if m is None:
        return expression
    rule = rules.relative[normalise(m.group("phrase"))]
    return replace(expression, end=m.end(), text=text[expression.start : m.end()], year_offset=rule.start)


def month_of(name: str, rules: Rules) -> tuple[str, int]:
    return rules.months[name.lower().rstrip(".")]


def from_date_match(m: re.Match, text: str, rules: Rules) -> Expression | None:
    if m.group("iso"):
        cal, year, month, day = "gregorian", int(m.group("iy")), int(m.group("im")), int(m.group("id"))
    elif m.group("d3"):  # "11-May-2015", as some sites stamp their pages
        cal, month = month_of(m.group("m3"), rules)
        year, day = int(m.group("y3")), int(m.group("d3"))
        if cal != "gregorian" or not valid_day(year, month, day):
            return None
    else:
        name = m.group("m1") or m.group("m2")
        cal, month = month_of(name, rules)
        day = int(m.group("d1") or m.group("d2"))
        year_text = m.group("y1") or m.group("y2")
        year = int(year_text) if year_text else None
        if cal == "gregorian":
            parsed = parse_day_month(m.group(0)[m.start("m1" if m.group("m1") else "d2") - m.start():], year)
            if parsed is None:
                return None
            month, day = parsed
        elif not 1 <= day <= 31:
            return None
    if year is not None and cal == "gregorian" and not 1900 <= year <= 2100:
        year = None
    start, end = m.start(), m.end()
    if "(" in text[start:end] and ")" not in text[start:end] and text[end : end + 1] == ")":
        end += 1
    rel = m.group("rel")
    weekdays = (rules.weekdays[m.group("wd").lower()],) if m.group("wd") else ()
    modifier = rules.weekday_modifiers.get(m.group("wmod").lower()) if m.group("wmod") else None
    if modifier and not weekdays:  # "last 10 May" is not English; keep the date only
        start = next(m.start(g) for g in ("m1", "d2", "d3", "iso") if m.group(g))
        modifier = None
        if rel:
            return None
    return Expression(
        start=start,
        end=end,
        text=text[start:end],
        kind="absolute",
        calendar=cal,
        year=year,
        month=month,
        day=day,
        weekdays=weekdays,
        modifier=modifier,
        relative=rules.relative[normalise(rel)] if rel else None,
    )


@lru_cache(maxsize=4096)
def parse_day_month(written: str, year: int | None) -> tuple[int, int] | None:
    """Month and day of a written Gregorian date ("April 07", "9 May", "Sept. 3rd"), by
    dateparser. The base is a leap year so that February 29 parses."""
    settings = {"RELATIVE_BASE": datetime(2000 if year is None else year, 1, 1), "REQUIRE_PARTS": ["day", "month"]}
    try:
        parsed = dateparser.parse(written, languages=["en"], settings=settings)
    except (ValueError, OverflowError):
        return None
    if parsed is None:
        return None
    return parsed.month, parsed.day


def normalise(phrase: str) -> str:
    return re.sub(r"\s+", " ", phrase.lower())


def weekday_expression(m: re.Match, text: str, rules: Rules) -> Expression:
    pre = normalise(m.group("pre")) if m.group("pre") else None
    days = (rules.weekdays[m.group("wd").lower()],)
    if m.group("wd2"):
        days += (rules.weekdays[m.group("wd2").lower()],)
    modifier = rules.weekday_modifiers.get(pre) if pre else None
    return Expression(
        start=m.start(),
        end=m.end(),
        text=m.group(0),
        kind="range" if len(days) > 1 else "weekday",
        weekdays=days,
        modifier=modifier,
    )


def scan(text: str) -> list[Expression]:
    """Every temporal expression in ``text``, in text order, longest match first."""
    return list(scan_cached(text))


#: "30/03/2021", "30.03.2021", "08-11-2023": day and month in either order, four-digit year.
NUMERIC_DATE = re.compile(r"(?<![\d/.-])(?P<a>\d{1,2})(?P<sep>[/.-])(?P<b>\d{1,2})(?P=sep)(?P<y>(?:19|20)\d\d)(?![\d/.-])")


def valid_day(year: int, month: int, day: int) -> bool:
    try:
        date(year, month, day)
    except ValueError:
        return False
    return True


@lru_cache(maxsize=1)
def weekday_before_pattern() -> re.Pattern:
    """A weekday name or its abbreviation just before a date: "Wed, 08-11-2023"."""
    names = set(load_rules().weekdays) | {n[:3] for n in load_rules().weekdays} | {"tues", "thur", "thurs"}
    return re.compile(rf"(?P<wd>{alternation(title_variants(names))})\.?,?\s*$")


def numeric_date(m: re.Match[str], text: str) -> Expression | None:
    """A numeric date when its order is certain: one part over 12 must be the day, both
    parts are equal, or the weekday written before it fits one order only ("Wed,
    08-11-2023" is 8 November: 11 August 2023 was a Friday). "03/04/2021" alone could be
    March or April: no date is guessed."""
    a, b, year = int(m.group("a")), int(m.group("b")), int(m.group("y"))
    orders = {(day, month) for day, month in ((a, b), (b, a)) if valid_day(year, month, day)}
    start = m.start()
    weekday = weekday_before_pattern().search(text, max(0, start - 12), start)
    weekdays: tuple[int, ...] = ()
    if weekday is not None and len(orders) > 1:
        named = load_rules().weekdays
        number = next(n for name, n in named.items() if name.startswith(weekday.group("wd").lower()[:3]))
        fitting = {(d, mo) for d, mo in orders if date(year, mo, d).weekday() == number}
        if len(fitting) == 1:
            orders, start, weekdays = fitting, weekday.start(), (number,)
    if len(orders) != 1:
        return None
    ((day, month),) = orders
    return Expression(start, m.end(), text[start : m.end()], "absolute", year=year, month=month, day=day, weekdays=weekdays)


@lru_cache(maxsize=64)
def scan_cached(text: str) -> tuple[Expression, ...]:
    rules, p = load_rules(), patterns()
    found: list[Expression] = []
    for m in p.date.finditer(text):
        expression = from_date_match(m, text, rules)
        if expression is not None:
            found.append(expression)
    for m in NUMERIC_DATE.finditer(text):
        expression = numeric_date(m, text)
        if expression is not None:
            found.append(expression)
    for m in p.weekday.finditer(text):
        found.append(weekday_expression(m, text, rules))
    for m in p.relative.finditer(text):
        found.append(Expression(m.start(), m.end(), m.group(0), "relative", relative=rules.relative[normalise(m.group("phrase"))]))
    for m in p.span.finditer(text):
        amount, fewest = amounts_of(m, rules)
        if amount:
            found.append(Expression(m.start(), m.end(), m.group(0), "range", amount=amount, fewest=fewest,
                                    unit=m.group("unit").lower()))
    for m in p.duration.finditer(text):
        amount, fewest = amounts_of(m, rules)
        if amount:
            found.append(Expression(m.start(), m.end(), m.group(0), "duration", amount=amount, fewest=fewest,
                                    unit=m.group("unit").lower()))
    for m in p.ago.finditer(text):
        amount, fewest = amounts_of(m, rules)
        end = m.end("word")
        if amount:
            found.append(Expression(m.start(), end, text[m.start() : end], "relative", amount=amount, fewest=fewest,
                                    unit=m.group("unit").lower()))
    for m in p.month_year.finditer(text):
        cal, month = month_of(m.group("m"), rules)
        start = m.start() if m.group("cue") and normalise(m.group("cue")) in KEEP_CUES else m.start("m")
        found.append(Expression(start, m.end(), text[start : m.end()], "month", calendar=cal, year=int(m.group("y")), month=month))
    for m in p.month_only.finditer(text):
        cal, month = month_of(m.group("m"), rules)
        cue = normalise(m.group("cue"))
        start = m.start() if cue in KEEP_CUES else m.start("m")
        modifier = rules.weekday_modifiers.get(cue)
        found.append(Expression(start, m.end(), text[start : m.end()], "month", calendar=cal, month=month, modifier=modifier))
    for m in p.year_only.finditer(text):
        cue = normalise(m.group("cue"))
        start = m.start() if cue in KEEP_CUES else m.start("y")
        found.append(Expression(start, m.end(), text[start : m.end()], "year", year=int(m.group("y"))))
    for m in p.nth.finditer(text):
        day = int(m.group("d"))
        if 1 <= day <= 31:
            found.append(Expression(m.start("span"), m.end(), text[m.start("span") : m.end()], "day", day=day))
    return tuple(non_overlapping([with_relative_year(e, text, rules, p) for e in found]))


def non_overlapping(found: list[Expression]) -> list[Expression]:
    kept: list[Expression] = []
    last_end = -1
    for expression in sorted(found, key=lambda e: (e.start, -(e.end - e.start))):
        if expression.start >= last_end:
            kept.append(expression)
            last_end = expression.end
    return kept


# --- resolution ----------------------------------------------------------------------


def iso(day: date) -> str:
    return day.isoformat()


def span_value(first: date, last: date, precision: str | None = None) -> Resolved:
    if first > last:
        first, last = last, first
    if first == last:
        return Resolved(iso(first), precision or "day")
    return Resolved(f"{iso(first)}/{iso(last)}", precision or "range")


def choose(candidates: list[date], published: date, tense: Tense) -> date | None:
    """The candidate a clause of this tense means: past -> latest not after publication,
    future -> earliest not before it, otherwise the nearest (a tie goes to the past)."""
    if not candidates:
        return None
    if tense == "past":
        before = [c for c in candidates if c <= published]
        return max(before) if before else None
    if tense == "future":
        after = [c for c in candidates if c >= published]
        return min(after) if after else None
    return min(candidates, key=lambda c: (abs((c - published).days), c > published))


def day_month_candidates(expression: Expression, published: date) -> list[date]:
    """The day-month of ``expression`` in the calendar years around publication."""
    if expression.year is not None:
        found = calendars.to_gregorian(expression.calendar, expression.year, expression.month, expression.day)
        return [found] if found else []
    around = calendars.year_of(expression.calendar, published)
    if around is None:
        return []
    days = [calendars.to_gregorian(expression.calendar, y, expression.month, expression.day) for y in (around - 1, around, around + 1)]
    return [d for d in days if d is not None]


def resolve_absolute(expression: Expression, published: date | None, tense: Tense) -> Resolved:
    if expression.year is not None:
        found = calendars.to_gregorian(expression.calendar, expression.year, expression.month, expression.day)
        return Resolved(iso(found), "day") if found else UNRESOLVED
    if published is None:
        return UNRESOLVED
    if expression.year_offset is not None:
        found = calendars.to_gregorian(expression.calendar, published.year + expression.year_offset,
                                       expression.month, expression.day)
        return Resolved(iso(found), "day") if found else UNRESOLVED
    candidates = day_month_candidates(expression, published)
    if expression.relative is not None and expression.relative.anchor is not None:
        tense = "future" if expression.relative.anchor > 0 else "past"
    named = [c for c in candidates if c.weekday() in expression.weekdays]
    # a weekday that fits no year near publication is the writer's slip; the date stands
    found = choose(named, published, tense) or choose(candidates, published, tense)
    return Resolved(iso(found), "day") if found else UNRESOLVED


def weekday_before(published: date, weekday: int, allow_same_day: bool) -> date:
    back = (published.weekday() - weekday) % 7
    if back == 0 and not allow_same_day:
        back = 7
    return published - timedelta(days=back)


def weekday_after(published: date, weekday: int, allow_same_day: bool) -> date:
    ahead = (weekday - published.weekday()) % 7
    if ahead == 0 and not allow_same_day:
        ahead = 7
    return published + timedelta(days=ahead)


def resolve_one_weekday(weekday: int, modifier: str | None, published: date, tense: Tense, rules: Rules) -> date:
    if modifier == "previous":
        return weekday_before(published, weekday, allow_same_day=False)
    if modifier == "next":
        return weekday_after(published, weekday, allow_same_day=False)
    if modifier == "this" and tense != "past":
        return published - timedelta(days=published.weekday()) + timedelta(days=weekday)
    if tense == "future":
        return weekday_after(published, weekday, allow_same_day=True)
    return weekday_before(published, weekday, allow_same_day=rules.bare_weekday_same_day)


def resolve_weekdays(expression: Expression, published: date | None, tense: Tense) -> Resolved:
    if published is None:
        return UNRESOLVED
    rules = load_rules()
    # anchor the last-named day; the earlier ones count back from it ("last Wednesday and Thursday")
    last = resolve_one_weekday(expression.weekdays[-1], expression.modifier, published, tense, rules)
    first = last
    for weekday in expression.weekdays[:-1]:
        first = min(first, last - timedelta(days=(expression.weekdays[-1] - weekday) % 7))
    return span_value(first, last)


def add_months(day: date, months: int) -> tuple[int, int]:
    index = day.year * 12 + day.month - 1 + months
    return index // 12, index % 12 + 1


def resolve_relative(expression: Expression, published: date | None) -> Resolved:
    if published is None:
        return UNRESOLVED
    if expression.relative is None:
        return resolve_ago(expression, published)
    rule = expression.relative
    if rule.unit == "day":
        first = published + timedelta(days=rule.start)
        last = first if rule.end is None else published + timedelta(days=rule.end)
        return span_value(first, last, rule.precision)
    if rule.unit == "week_of":
        monday = published - timedelta(days=published.weekday())
        first = monday + timedelta(days=rule.start)
        end = rule.end if rule.end is not None else 6
        last = monday + timedelta(days=end) if end >= 0 else published + timedelta(days=end)
        last = max(first, min(last, published))
        return span_value(first, last, rule.precision)
    if rule.unit == "weekend":
        saturday = published - timedelta(days=(published.weekday() - 5) % 7)
        return span_value(saturday, min(saturday + timedelta(days=1), published))
    if rule.unit == "month":
        year, month = add_months(published, rule.start)
        return Resolved(f"{year:04d}-{month:02d}", "month")
    if rule.unit == "year":
        return Resolved(f"{published.year + rule.start:04d}", "year")
    raise ValueError(f"unknown unit {rule.unit!r} in rules")


def resolve_ago(expression: Expression, published: date) -> Resolved:
    amount, unit = expression.amount or 0, expression.unit or "day"
    if expression.fewest is not None:
        return resolve_vague_ago(published, expression.fewest, amount, unit)
    if unit == "month":
        year, month = add_months(published, -int(amount))
        return Resolved(f"{year:04d}-{month:02d}", "month")
    if unit == "year":
        return Resolved(f"{published.year - int(amount):04d}", "year")
    if unit == "week":
        centre = published - timedelta(days=7 * int(amount))
        return span_value(centre - timedelta(days=3), min(centre + timedelta(days=3), published), "week")
    days = math.floor(amount * load_rules().units[unit] + 1e-9)
    return Resolved(iso(published - timedelta(days=days)), "day")


def resolve_vague_ago(published: date, fewest: float, most: float, unit: str) -> Resolved:
    """"a few days ago": approximate, from the most units back to the fewest ("a few days
    ago" published April 10: April 6 to April 8); "a few weeks ago" is told by the week,
    as "two weeks ago" is; months and years by their whole calendar months and years."""
    if unit == "month":
        first_year, first_month = add_months(published, -int(most))
        last_year, last_month = add_months(published, -int(fewest))
        last = date(last_year + last_month // 12, last_month % 12 + 1, 1) - timedelta(days=1)
        return span_value(date(first_year, first_month, 1), last)
    if unit == "year":
        return span_value(date(published.year - int(most), 1, 1), date(published.year - int(fewest), 12, 31))
    length = load_rules().units[unit]
    first = published - timedelta(days=math.floor(most * length + 1e-9))
    last = published - timedelta(days=math.floor(fewest * length + 1e-9))
    return span_value(first, last, "week" if unit == "week" else None)


def resolve_span(expression: Expression, published: date | None) -> Resolved:
    """"over the past 48 hours": from that many days back to publication."""
    if published is None:
        return UNRESOLVED
    days = math.ceil((expression.amount or 0) * load_rules().units[expression.unit or "day"] - 1e-9)
    return span_value(published - timedelta(days=max(days, 1)), published)


def month_range(calendar_name: str, year: int, month: int) -> tuple[date, date] | None:
    first = calendars.to_gregorian(calendar_name, year, month, 1)
    following = calendars.to_gregorian(calendar_name, year + month // 12, month % 12 + 1, 1)
    if first is None or following is None:
        return None
    return first, following - timedelta(days=1)


def resolve_month(expression: Expression, published: date | None, tense: Tense) -> Resolved:
    month = expression.month or 1
    if expression.year is not None:
        year = expression.year
    elif expression.year_offset is not None:
        if published is None:
            return UNRESOLVED
        year = published.year + expression.year_offset
    else:
        if published is None:
            return UNRESOLVED
        around = calendars.year_of(expression.calendar, published)
        if around is None:
            return UNRESOLVED
        starts = {y: month_range(expression.calendar, y, month) for y in (around - 1, around, around + 1)}
        firsts = {bounds[0]: y for y, bounds in starts.items() if bounds}
        current = {bounds[0]: y for y, bounds in starts.items() if bounds and bounds[0] <= published <= bounds[1]}
        if expression.modifier == "previous":
            tense = "past"
            firsts = {d: y for d, y in firsts.items() if d not in current}
        elif expression.modifier == "this" or current:
            firsts = current or firsts
        pick = choose(list(firsts), published.replace(day=1) if expression.calendar == "gregorian" else published, tense)
        if pick is None:
            return UNRESOLVED
        year = firsts[pick]
    if expression.calendar == "gregorian":
        return Resolved(f"{year:04d}-{month:02d}", "month")
    bounds = month_range(expression.calendar, year, month)
    if bounds is None:
        return UNRESOLVED
    first, last = bounds
    if tense == "past" and published is not None and first <= published < last:
        last = published  # "fought during Ramadan" while Ramadan is still on: up to now
    return span_value(first, last, "range")


def resolve_day_of_month(expression: Expression, published: date | None, tense: Tense) -> Resolved:
    if published is None or expression.day is None:
        return UNRESOLVED
    candidates = []
    for offset in (-2, -1, 0, 1, 2):
        year, month = add_months(published, offset)
        try:
            candidates.append(date(year, month, expression.day))
        except ValueError:
            continue
    found = choose(candidates, published, tense)
    return Resolved(iso(found), "day") if found else UNRESOLVED


def resolve(expression: Expression, published: date | None, tense: Tense = None) -> Resolved:
    """The ISO value and precision of ``expression`` read on ``published``."""
    if expression.kind == "absolute":
        return resolve_absolute(expression, published, tense)
    if expression.weekdays:
        return resolve_weekdays(expression, published, tense)
    if expression.kind == "relative":
        return resolve_relative(expression, published)
    if expression.kind == "range":
        return resolve_span(expression, published)
    if expression.kind == "duration":
        # "has been going on for three days": a span up to now, read so only in a clause
        # that runs up to the report (the caller says so with "present"); "fought for three
        # days" says how long, not when
        return resolve_span(expression, published) if tense == "present" else UNRESOLVED
    if expression.kind == "month":
        return resolve_month(expression, published, tense)
    if expression.kind == "year":
        return Resolved(f"{expression.year:04d}", "year")
    if expression.kind == "day":
        return resolve_day_of_month(expression, published, tense)
    return UNRESOLVED


def resolve_text(text: str, published: date | None, tense: Tense = None) -> tuple[Expression, Resolved] | None:
    """The first expression in ``text``, resolved: a convenience for tests and callers
    that hold a bare phrase rather than a parsed document."""
    found = scan(text)
    if not found:
        return None
    return found[0], resolve(found[0], published, tense)
