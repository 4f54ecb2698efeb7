"""Calendar conversion: Solar Hijri by convertdate, Islamic (Umm al-Qura) by hijridate.

Only thin wrappers: no calendar arithmetic of our own. Every function returns None for a
day that does not exist (31 Hoot) or lies outside the library's range.

The conversions are pure and kept (``to_gregorian``, ``year_of``). convertdate finds a
Solar Hijri year by the March equinox, which it computes astronomically (pymeeus) each
time it is asked, several times per conversion: about 0.2 s a date, 8 s of a 200 KB
extraction. The equinox of a Gregorian year is a pure function of the year, so
``persian.equinox_jd`` is wrapped once in a cache: the same numbers, computed once a year.
"""

from __future__ import annotations

from datetime import date
from functools import lru_cache

from convertdate import persian
from hijridate import Gregorian, Hijri

if not hasattr(persian.equinox_jd, "cache_info"):
    # convertdate's own functions look ``equinox_jd`` up in their module at each call
    persian.equinox_jd = lru_cache(maxsize=1024)(persian.equinox_jd)


def solar_hijri_to_gregorian(year: int, month: int, day: int) -> date | None:
    if not (1 <= month <= 12 and 1 <= day <= 31) or (month > 6 and day > 30):
        return None
    try:
        gregorian = date(*persian.to_gregorian(year, month, day))
    except ValueError:
        return None
    # convertdate rolls an impossible 30 Hoot over to 1 Hamal: detect and refuse it
    if persian.from_gregorian(gregorian.year, gregorian.month, gregorian.day) != (year, month, day):
        return None
    return gregorian


def solar_hijri_year(day: date) -> int:
    return persian.from_gregorian(day.year, day.month, day.day)[0]


def islamic_to_gregorian(year: int, month: int, day: int) -> date | None:
    try:
        return date(*Hijri(year, month, day).to_gregorian().datetuple())
    except (ValueError, OverflowError):
        return None


def islamic_year(day: date) -> int | None:
    try:
        return Gregorian(day.year, day.month, day.day).to_hijri().year
    except (ValueError, OverflowError):
        return None


def islamic_month_range(year: int, month: int) -> tuple[date, date] | None:
    """First and last Gregorian day of an Islamic month."""
    try:
        first = Hijri(year, month, 1)
        return date(*first.to_gregorian().datetuple()), date(*Hijri(year, month, first.month_length()).to_gregorian().datetuple())
    except (ValueError, OverflowError):
        return None


@lru_cache(maxsize=4096)
def to_gregorian(calendar_name: str, year: int, month: int, day: int) -> date | None:
    if calendar_name == "gregorian":
        try:
            return date(year, month, day)
        except ValueError:
            return None
    if calendar_name == "solar_hijri":
        return solar_hijri_to_gregorian(year, month, day)
    if calendar_name == "islamic":
        return islamic_to_gregorian(year, month, day)
    raise ValueError(f"unknown calendar {calendar_name!r}")


@lru_cache(maxsize=4096)
def year_of(calendar_name: str, day: date) -> int | None:
    """The year of ``day`` in the named calendar."""
    if calendar_name == "gregorian":
        return day.year
    if calendar_name == "solar_hijri":
        return solar_hijri_year(day)
    if calendar_name == "islamic":
        return islamic_year(day)
    raise ValueError(f"unknown calendar {calendar_name!r}")
