"""The publication date of one article, and how it was read.

Order of trust: a user's ``--published`` hint, the document's own metadata (set by
ingest from HTML/JSONL), the URL path, a dateline or date stamp in the text, and last an
inference from the text alone: the dates consistent with every weekday+date pair
("Friday, April 10"), relative anchor ("yesterday, April 11"), leap day ("February 29")
and calendar pair ("16 Asad (6 August)"). When several dates stay consistent, a past
month or day the text tells with its year bounds them ("launched their offensive in
December 2019": on or after it), and the one left, or the earliest within a year after
it, is taken; else the value is None and the candidates are kept: sitrep does not guess
a year the text leaves open.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING, Literal
from urllib.parse import unquote, urlparse

from sitrep.models import Document
from sitrep.time import calendars
from sitrep.time.datelines import in_dateline, line_bounds, stamp_keyword
from sitrep.time.expressions import Expression, Tense, choose, day_month_candidates, scan, valid_day
from sitrep.time.governance import clause_tense
from sitrep.time.rules import load_rules, number_of

if TYPE_CHECKING:
    from spacy.tokens import Doc

Basis = Literal["metadata", "url", "dateline", "inferred"]

#: Earliest year a URL date may name.
EARLIEST_YEAR = 1990
#: How many candidates an ambiguous inference keeps (the most recent first).
MAX_CANDIDATES = 12


@dataclass(frozen=True)
class PublicationDate:
    value: date | None
    basis: Basis | None
    text: str | None  # the expression it was read from
    candidates: tuple[date, ...]  # when ambiguous
    reasoning: str  # one line: why
    month: tuple[int, int] | None = None  # year and month, when no day is known but the month is

    @property
    def month_text(self) -> str | None:
        """The month of publication as written in a record ("2022-11"), when only it is known."""
        return f"{self.month[0]:04d}-{self.month[1]:02d}" if self.value is None and self.month else None


@dataclass(frozen=True)
class UrlDate:
    value: date | None  # a full date
    year: int | None  # a year and month when the URL gives no day ("/2022/Aug/")
    month: int | None
    text: str
    candidates: tuple[date, ...] = ()  # a compact date that reads as two days ("07122021")


# --- URL ---------------------------------------------------------------------------

COMPACT_DATE = re.compile(r"(?<!\d)((?:19|20)\d\d)(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])(?=\d{0,6}(?!\d))")
#: Day and month before the year, in either order, as some sites number their stories
#: ("/071220214-amp": 07 12 2021 and a serial).
COMPACT_DAY_FIRST = re.compile(r"(?<!\d)(\d\d)(\d\d)((?:19|20)\d\d)(?=\d{0,6}(?!\d))")
YEAR_MONTH = re.compile(r"/((?:19|20)\d\d)/(0?[1-9]|1[0-2]|[A-Za-z]{3,9})(?=/)")


def htmldate_url(url: str, today: date) -> date | None:
    """The date htmldate reads from a URL path (/2020/04/12/, 2020-04-12)."""
    try:
        from htmldate.extractors import extract_url_date
        from htmldate.utils import Extractor
    except ImportError:  # htmldate moved its helpers: fall back to our own patterns
        return None
    options = Extractor(False, datetime.combine(today, datetime.min.time()), datetime(EARLIEST_YEAR, 1, 1), True, "%Y-%m-%d")
    found = extract_url_date(url, options)
    return date.fromisoformat(found) if found else None


def date_from_url(url: str | None, today: date) -> UrlDate | None:
    if not url:
        return None
    path = unquote(urlparse(url).path)
    found = htmldate_url(url, today)
    if found is not None:
        return UrlDate(found, None, None, path)
    for m in COMPACT_DATE.finditer(path):
        try:
            found = date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        except ValueError:
            continue
        if found <= today:
            return UrlDate(found, None, None, m.group(0))
    for m in COMPACT_DAY_FIRST.finditer(path):
        a, b, year = int(m.group(1)), int(m.group(2)), int(m.group(3))
        days = sorted({date(year, month, day) for day, month in ((a, b), (b, a))
                       if valid_day(year, month, day) and date(year, month, day) <= today})
        if len(days) == 1:
            return UrlDate(days[0], None, None, m.group(0))
        if days:
            return UrlDate(None, None, None, m.group(0), tuple(days))
    # a slug that spells the date: /sunday-june-28-2020/
    slug = re.sub(r"[-_/]+", " ", path).title()
    for expression in scan(slug):
        if expression.kind == "absolute" and expression.year is not None and expression.calendar == "gregorian":
            found = calendars.to_gregorian("gregorian", expression.year, expression.month, expression.day)
            if found is not None and found <= today:
                return UrlDate(found, None, None, expression.text)
    m = YEAR_MONTH.search(path)
    if m:
        month = month_number(m.group(2))
        if month is not None:
            return UrlDate(None, int(m.group(1)), month, m.group(0))
    # a slug that spells only the month: /truce-holds-november-2022/
    for expression in scan(slug):
        if expression.kind == "month" and expression.year is not None and expression.calendar == "gregorian":
            if EARLIEST_YEAR <= expression.year and (expression.year, expression.month) <= (today.year, today.month):
                return UrlDate(None, expression.year, expression.month, expression.text)
    return None


def month_number(written: str) -> int | None:
    if written.isdigit():
        return int(written)
    found = load_rules().months.get(written.lower())
    return found[1] if found and found[0] == "gregorian" else None


# --- datelines and stamps ------------------------------------------------------------

WORD = re.compile(r"[A-Za-z]+")


@dataclass(frozen=True)
class Stamp:
    expression: Expression
    rank: int  # 0 keyword, 1 short stamp line, 2 dateline, 3 weak keyword
    line: str


def stamp_rank(text: str, expression: Expression) -> int | None:
    """How surely a date is the page's own: a keyword stamp, then a short line holding
    little but the date, then a dateline (the filing date), then an update stamp; None
    for a date in a sentence."""
    keyword = stamp_keyword(text, expression.start, expression.end)
    if keyword is not None:
        return 0 if keyword == "strong" else 3
    line_start, line_end = line_bounds(text, expression.start, expression.end)
    line = text[line_start:line_end].strip()
    other = WORD.findall(text[line_start : expression.start]) + WORD.findall(text[expression.end : line_end])
    # a stamp line is not a sentence: "On 3 May 2020, rebels killed a soldier." is an event's date
    if len(other) <= load_rules().stamp_max_other_words and len(line) <= 120 and not line.endswith((".", "!", "?")):
        return 1
    if in_dateline(text, expression.start, expression.end):
        return 2
    return None


def is_banner(stamp: Stamp, dateline: date | None) -> bool:
    """A bare date line days after the story's own dateline (or before it) is the site's
    date of the day, printed on every page when it was crawled, not the publication date."""
    if stamp.rank != 1 or dateline is None:
        return False
    found = stamp_date(stamp)
    return found is not None and not 0 <= (found - dateline).days <= load_rules().banner_days


#: A date in numbers whose day and month could be either way round: "02/10/2022".
EITHER_WAY = re.compile(r"(?<![\d/.-])(\d{1,2})([/.-])(\d{1,2})\2((?:19|20)\d\d)(?![\d/.-])")


def either_way_stamps(text: str, today: date) -> list[tuple[str, tuple[date, ...]]]:
    """The page's own date stamps written in numbers that read both day first and month
    first ("Published 02/10/2022 09:14"), each with its readings up to ``today``; the
    scanner, rightly, makes no date of them."""
    found = []
    for m in EITHER_WAY.finditer(text):
        first, second, year = int(m[1]), int(m[3]), int(m[4])
        if first == second or not (0 < first <= 12 and 0 < second <= 12):
            continue
        if stamp_keyword(text, m.start(), m.end()) is None:
            continue
        readings = tuple(d for d in (date(year, second, first), date(year, first, second)) if d <= today)
        if readings:
            found.append((m[0], readings))
    return found


def stamp_date(stamp: Stamp) -> date | None:
    e = stamp.expression
    if e.year is None:
        return None
    return calendars.to_gregorian(e.calendar, e.year, e.month, e.day)


def find_stamps(text: str, expressions: list[Expression]) -> list[Stamp]:
    stamps = []
    for expression in expressions:
        if expression.kind != "absolute" or expression.relative is not None:
            continue
        rank = stamp_rank(text, expression)
        if rank is not None:
            start, end = line_bounds(text, expression.start, expression.end)
            stamps.append(Stamp(expression, rank, text[start:end].strip()))
    return sorted(stamps, key=lambda s: (s.rank, s.expression.start))


# --- inference -----------------------------------------------------------------------

Check = Callable[[date], bool]


def exact_anchor(expression: Expression, offset: int) -> Check:
    """Publication is ``offset`` days after the named date ("yesterday, April 11": 1)."""

    def check(published: date) -> bool:
        return any(d + timedelta(days=offset) == published for d in day_month_candidates(expression, published))

    return check


def weekday_window(expression: Expression, window: int) -> Check:
    """A weekday+date pair names a date within a week of publication, on that weekday."""

    def check(published: date) -> bool:
        for d in day_month_candidates(expression, published):
            if d.weekday() not in expression.weekdays:
                continue
            if expression.modifier == "previous" and not (0 < (published - d).days <= window):
                continue
            if abs((published - d).days) <= window:
                return True
        return False

    return check


def exists_near(expression: Expression, future: bool) -> Check:
    """A day-month without a year must exist within the year before publication (after it,
    in a future clause): "signed on February 29" needs a leap year."""

    def check(published: date) -> bool:
        days = [(published - d).days for d in day_month_candidates(expression, published)]
        return any((-366 <= n <= 0) if future else (0 <= n <= 366) for n in days)

    return check


def same_day_pair(first: Expression, second: Expression) -> Check:
    """Two calendars naming one day ("16 Asad (6 August)") must agree."""

    def check(published: date) -> bool:
        nearest = choose(day_month_candidates(first, published), published, None)
        return nearest is not None and nearest == choose(day_month_candidates(second, published), published, None)

    return check


PAIR_GAP = re.compile(r"^[\s(\[/,=–-]*$")


@dataclass(frozen=True)
class Evidence:
    checks: list[Check]
    generators: list[tuple[Expression, int]]  # exact anchors: expression, days to publication
    texts: list[str]
    since: tuple[date, str] | None = None  # the latest past month or day told with its year, and its text


#: A year told with how long ago it was: "in 2008, 15 years ago", "fifteen years ago, in 2008".
YEARS_AGO = re.compile(
    r"\b(?P<year>(?:19|20)\d\d),? (?P<count>\w+) years ago\b|\b(?P<count2>\w+) years ago,? in (?P<year2>(?:19|20)\d\d)\b",
    re.IGNORECASE)


#: A month told with how long ago it was: "in February 2020, 18 months ago".
MONTHS_AGO = re.compile(r"\b(?P<month>[A-Z][a-z]+\.?) (?P<year>(?:19|20)\d\d),? (?P<count>\w+) months ago\b")


def months_ago(text: str) -> list[tuple[int, int, str]]:
    """The publication month that "in February 2020, 18 months ago" tells (August 2021), as
    (year, month, text)."""
    rules = load_rules()
    found = []
    for m in MONTHS_AGO.finditer(text):
        month, number = month_number(m["month"]), number_of(m["count"], rules)
        if month is None or number is None or number != int(number):
            continue
        total = int(m["year"]) * 12 + month - 1 + int(number)
        found.append((total // 12, total % 12 + 1, m[0]))
    return found


def in_month(year: int, month: int) -> Check:
    """Published in that month or the next (a writer's "18 months ago" rounds)."""
    def check(published: date) -> bool:
        told = published.year * 12 + published.month - (year * 12 + month)
        return told in (0, 1)

    return check


def years_ago(text: str) -> list[tuple[int, str]]:
    """The publication years that "in 2008, 15 years ago" tells (2023), with their text."""
    rules = load_rules()
    found = []
    for m in YEARS_AGO.finditer(text):
        year, count = (m["year"], m["count"]) if m["year"] else (m["year2"], m["count2"])
        number = number_of(count, rules)
        if number is not None and number == int(number):
            found.append((int(year) + int(number), m[0]))
    return found


def in_year(year: int) -> Check:
    def check(published: date) -> bool:
        return published.year == year

    return check


def not_before(year: int) -> Check:
    """An article that tells of a past year was published in it or later."""

    def check(published: date) -> bool:
        return published.year >= year

    return check


def gather_evidence(
    text: str,
    expressions: list[Expression],
    stamps: list[Stamp],
    tense_of: Callable[[Expression], Tense],
    today: date,
) -> Evidence:
    rules = load_rules()
    checks: list[Check] = []
    generators: list[tuple[Expression, int]] = []
    texts: list[str] = []
    dated = [e for e in expressions if e.kind == "absolute" and e.year is None]
    stamp_starts = {s.expression.start for s in stamps}
    for expression in dated:
        offset = None
        if expression.relative is not None and expression.relative.anchor is not None:
            offset = -expression.relative.anchor
        elif expression.start in stamp_starts:
            offset = 0  # a stamp or dateline without its year ("KABUL, April 12 (Pajhwok) -")
        if offset is not None:
            generators.append((expression, offset))
            checks.append(exact_anchor(expression, offset))
            texts.append(expression.text)
        if expression.weekdays:
            checks.append(weekday_window(expression, rules.weekday_date_window))
            texts.append(expression.text)
        elif offset is None:
            checks.append(exists_near(expression, tense_of(expression) == "future"))
            if (expression.month, expression.day) == (2, 29):
                texts.append(expression.text)
    past_years = [
        e.year
        for e in expressions
        if e.year is not None and e.calendar == "gregorian" and e.kind in ("absolute", "month", "year")
        and e.year <= today.year
        and tense_of(e) == "past"
    ]
    if past_years:
        checks.append(not_before(max(past_years)))
    for year, told in years_ago(text):
        checks.append(in_year(year))
        texts.append(told)
    for year, month, told in months_ago(text):
        checks.append(in_month(year, month))
        texts.append(told)
    since = past_since(expressions, stamp_starts, tense_of, today)
    for first, second in zip(dated, dated[1:]):
        if first.calendar != second.calendar and PAIR_GAP.match(text[first.end : second.start]):
            checks.append(same_day_pair(first, second))
            texts.append(f"{first.text} = {second.text}")
    return Evidence(checks, generators, texts, since)


def past_since(expressions: list[Expression], stamp_starts: set[int], tense_of: Callable[[Expression], Tense],
               today: date) -> tuple[date, str] | None:
    """The latest past month or day the text tells with its year ("launched their offensive
    in December 2019": the first of December 2019), and its text: the article was published
    on or after it. A page's own stamps are not told."""
    found: list[tuple[date, str]] = []
    for e in expressions:
        if e.year is None or e.calendar != "gregorian" or e.start in stamp_starts or e.relative is not None:
            continue
        if e.kind == "month" and e.month is not None:
            day = date(e.year, e.month, 1)
        elif e.kind == "absolute" and e.month is not None and e.day is not None and valid_day(e.year, e.month, e.day):
            day = date(e.year, e.month, e.day)
        else:
            continue
        if day <= today and tense_of(e) == "past":
            found.append((day, e.text))
    return max(found, key=lambda item: item[0]) if found else None


def a_year_after(day: date) -> date:
    """The same day a year on (28 February for a 29th)."""
    return day.replace(year=day.year + 1) if (day.month, day.day) != (2, 29) else date(day.year + 1, 2, 28)


def bounded_by_past(consistent: list[date], since: tuple[date, str] | None, anchor_text: str) -> PublicationDate | None:
    """Of several consistent publication dates, the one a past month or day the text tells
    fixes: none before it, and either one left or the earliest within a year after it (a
    story telling "the offensive launched in December 2019" under a yearless "Feb 25" is of
    February 2020, not of a later year). None when it fixes none."""
    if since is None:
        return None
    day, told = since
    left = sorted(d for d in consistent if d >= day)
    if not left:
        return None
    if len(left) == 1:
        why = f"the only date consistent with {anchor_text} on or after {told!r}, which the text tells as past"
    elif left[0] < a_year_after(day):
        why = (f"the earliest of {len(left)} dates consistent with {anchor_text} on or after {told!r}, which the text "
               f"tells as past, and within a year after it")
    else:
        return None
    return PublicationDate(left[0], "inferred", f"{anchor_text}; {told}", (), why)


def candidate_dates(evidence: Evidence, today: date, years: range) -> list[date]:
    """Publication dates that the exact anchors allow, in the years considered."""
    found: set[date] = set()
    for expression, offset in evidence.generators:
        first = calendars.year_of(expression.calendar, date(years.start, 1, 1)) or years.start
        last = calendars.year_of(expression.calendar, date(years.stop - 1, 12, 31)) or years.stop
        for year in range(first, last + 1):
            day = calendars.to_gregorian(expression.calendar, year, expression.month, expression.day)
            if day is not None:
                found.add(day + timedelta(days=offset))
    return sorted(d for d in found if d.year in years and d <= today)


def infer(
    text: str,
    expressions: list[Expression],
    stamps: list[Stamp],
    today: date,
    assume_year: int | None,
    url_month: tuple[int, int] | None,
    tense_of: Callable[[Expression], Tense],
) -> PublicationDate:
    evidence = gather_evidence(text, expressions, stamps, tense_of, today)
    if not evidence.generators:
        return PublicationDate(None, None, None, (), "no publication date in metadata, URL or text, and no date anchored to it")
    years = range(assume_year, assume_year + 1) if assume_year else range(today.year - load_rules().inference_years, today.year + 1)
    if url_month is not None:
        years = range(url_month[0], url_month[0] + 1) if url_month[0] in years else range(0)
    consistent = [
        d
        for d in candidate_dates(evidence, today, years)
        if all(check(d) for check in evidence.checks) and (url_month is None or (d.year, d.month) == url_month)
    ]
    anchor_text = "; ".join(dict.fromkeys(evidence.texts))
    from_stamp = any(e.start in {s.expression.start for s in stamps} for e, _ in evidence.generators)
    if len(consistent) == 1:
        basis: Basis = "dateline" if from_stamp else "inferred"
        why = "the only date consistent with " + anchor_text
        if assume_year:
            why += f" in the assumed year {assume_year}"
        return PublicationDate(consistent[0], basis, anchor_text, (), why)
    if not consistent:
        return PublicationDate(None, None, anchor_text, (), f"no date is consistent with every anchor: {anchor_text}")
    bounded = bounded_by_past(consistent, evidence.since, anchor_text)
    if bounded is not None:
        if assume_year:
            bounded = replace(bounded, reasoning=bounded.reasoning + f" in the assumed year {assume_year}")
        return bounded
    recent = tuple(sorted(consistent, reverse=True)[:MAX_CANDIDATES])
    return PublicationDate(
        None, None, anchor_text, recent, f"{len(consistent)} dates are consistent with {anchor_text}; the text does not fix the year"
    )


def weekday_lag(published: date, expressions: list[Expression], tense_of: Callable[[Expression], Tense]) -> int:
    """How many days back the text's bare past weekdays ("attacked on Tuesday") lie from
    ``published``: news tells of the days just gone, so the true date keeps this small."""
    lag = 0
    for e in expressions:
        if e.kind == "weekday" and e.modifier is None and tense_of(e) != "future":
            lag += (published.weekday() - e.weekdays[-1]) % 7
    return lag


def settle(
    candidates: tuple[date, ...],
    text: str,
    expressions: list[Expression],
    stamps: list[Stamp],
    tense_of: Callable[[Expression], Tense],
    today: date,
) -> date | None:
    """The one of a few candidate publication dates that the text's evidence fits: every
    weekday+date pair, anchor and leap day, then the most recent reading of its bare
    weekdays; None when they do not tell the candidates apart."""
    evidence = gather_evidence(text, expressions, stamps, tense_of, today)
    fitting = [d for d in candidates if all(check(d) for check in evidence.checks)]
    if len(fitting) <= 1:
        return fitting[0] if fitting else None
    lags = {d: weekday_lag(d, expressions, tense_of) for d in fitting}
    best = min(lags.values())
    chosen = [d for d, lag in lags.items() if lag == best]
    return chosen[0] if len(chosen) == 1 else None


# --- the stage's entry point ---------------------------------------------------------


def resolve_publication(
    document: Document,
    doc: Doc | None = None,
    *,
    hint: date | None = None,
    assume_year: int | None = None,
    today: date | None = None,
) -> PublicationDate:
    """The publication date of ``document``, its basis and the reasoning, in one record.

    ``hint`` (--published) wins over everything; ``assume_year`` (--assume-year or a
    collection default) narrows only the inference from the text. ``doc``, when given,
    tells the tense of each clause (a future "on February 29" does not need a leap year
    before publication).
    """
    today = today or date.today()
    if hint is not None:
        return PublicationDate(hint, "metadata", str(hint), (), "given by the user (--published)")
    if document.published is not None and document.published_basis == "metadata":
        return PublicationDate(document.published, "metadata", document.published_text, (), "from the page's metadata")
    from_url = date_from_url(document.url, today)
    if from_url is not None and from_url.value is not None:
        return PublicationDate(from_url.value, "url", from_url.text, (), f"the URL path holds the date {from_url.text!r}")
    text = document.text
    expressions = scan(text)
    stamps = find_stamps(text, expressions)
    if from_url is not None and from_url.candidates:
        found = settle(from_url.candidates, text, expressions, stamps, tense_reader(doc), today)
        if found is not None:
            return PublicationDate(found, "url", from_url.text, (),
                                   f"the URL's {from_url.text!r} reads as {found}, which the text's dates and weekdays fit best")
    dateline = next((d for s in stamps if s.rank == 2 and (d := stamp_date(s)) is not None and d <= today), None)
    for stamp in stamps:
        found = stamp_date(stamp)
        if found is not None and found <= today and not is_banner(stamp, dateline):
            return PublicationDate(found, "dateline", stamp.expression.text, (), f"date stamp in the text: {stamp.line!r}")
    for written, readings in either_way_stamps(text, today)[:1]:
        found = settle(readings, text, expressions, stamps, tense_reader(doc), today)
        if found is not None:
            return PublicationDate(found, "dateline", written, (),
                                   f"the stamp {written!r} reads as {found} (day or month first), which the text's dates and weekdays fit best")
    url_month = (from_url.year, from_url.month) if from_url is not None and from_url.year else None
    inferred = infer(text, expressions, stamps, today, assume_year, url_month, tense_reader(doc))
    if inferred.value is None and url_month is not None:
        # the URL tells the month and nothing tells the day: published in that month
        return replace(inferred, basis="url", text=inferred.text or from_url.text, month=url_month,
                       reasoning=f"the URL path holds the month {from_url.text!r}; {inferred.reasoning}")
    return inferred


def tense_reader(doc: Doc | None) -> Callable[[Expression], Tense]:
    """The tense of an expression's clause when there is a parse; without one, the past
    (news tells of what happened)."""
    if doc is None:
        return lambda expression: "past"
    return lambda expression: clause_tense(doc, expression.start, expression.end)


def collection_year(published: Iterable[date | None]) -> int | None:
    """The most common publication year of a collection's dated documents: a default
    ``assume_year`` for its undated ones (None when nothing in it is dated)."""
    counts = Counter(d.year for d in published if d is not None)
    return counts.most_common(1)[0][0] if counts else None
