"""Table-driven: temporal expressions read on a publication date, with the tense of
their clause, and the ISO value and precision they must resolve to."""

from __future__ import annotations

from datetime import date

import pytest

from sitrep.time import resolve_text

SUN_APR_12 = date(2020, 4, 12)  # the founding example's publication day, a Sunday
FRI_AUG_19 = date(2022, 8, 19)
WED_AUG_28 = date(2019, 8, 28)

# (text, published, tense, value, precision)
TABLE = [
    # weekdays: the most recent such day; a bare weekday naming publication's own day is that day
    ("on Tuesday", SUN_APR_12, "past", "2020-04-07", "day"),
    ("killed on Sunday", SUN_APR_12, "past", "2020-04-12", "day"),
    ("last Sunday", SUN_APR_12, "past", "2020-04-05", "day"),
    ("last Friday", SUN_APR_12, "past", "2020-04-10", "day"),
    ("Last Friday, the insurgents", WED_AUG_28, "past", "2019-08-23", "day"),
    ("ended Friday in Mexico", date(2023, 3, 11), "past", "2023-03-10", "day"),
    ("announced last Wednesday", date(2023, 3, 11), "past", "2023-03-08", "day"),
    ("on Thursday", FRI_AUG_19, "past", "2022-08-18", "day"),
    ("confirmed on Wednesday", FRI_AUG_19, "past", "2022-08-17", "day"),
    ("on Tuesday", WED_AUG_28, "past", "2019-08-27", "day"),
    ("in Wednesday's issue", WED_AUG_28, None, "2019-08-28", "day"),
    # night and day parts stay on the named day
    ("Monday night", SUN_APR_12, "past", "2020-04-06", "day"),
    ("late Tuesday", SUN_APR_12, "past", "2020-04-07", "day"),
    ("early Saturday", SUN_APR_12, "past", "2020-04-11", "day"),
    ("in the early hours of Thursday morning", SUN_APR_12, "past", "2020-04-09", "day"),
    ("on Saturday night", date(2020, 6, 28), "past", "2020-06-27", "day"),
    ("on Sunday morning", date(2020, 6, 28), "past", "2020-06-28", "day"),
    ("Later on Friday", WED_AUG_28, "past", "2019-08-23", "day"),
    # future clauses look forward
    ("next Monday", SUN_APR_12, "future", "2020-04-13", "day"),
    ("will meet on Monday", SUN_APR_12, "future", "2020-04-13", "day"),
    ("is to be observed on Sunday", date(2020, 5, 24), "future", "2020-05-24", "day"),
    ("this Friday", SUN_APR_12, "present", "2020-04-10", "day"),
    # coordinated weekdays are ranges
    ("last Wednesday and Thursday", SUN_APR_12, "past", "2020-04-08/2020-04-09", "range"),
    ("last Wednesday and Thursday", date(2020, 4, 9), "past", "2020-04-01/2020-04-02", "range"),
    ("on Saturday and Sunday", SUN_APR_12, "past", "2020-04-11/2020-04-12", "range"),
    ("Friday or Saturday", SUN_APR_12, "past", "2020-04-10/2020-04-11", "range"),
    ("from Monday to Wednesday", SUN_APR_12, "past", "2020-04-06/2020-04-08", "range"),
    # relative days
    ("yesterday", SUN_APR_12, "past", "2020-04-11", "day"),
    ("today", SUN_APR_12, "present", "2020-04-12", "day"),
    ("this morning", SUN_APR_12, "past", "2020-04-12", "day"),
    ("last night", SUN_APR_12, "past", "2020-04-11", "day"),
    ("the day before yesterday", SUN_APR_12, "past", "2020-04-10", "day"),
    ("tomorrow", SUN_APR_12, "future", "2020-04-13", "day"),
    ("yesterday", date(2021, 1, 1), "past", "2020-12-31", "day"),
    # ranges ending at publication
    ("killed overnight", SUN_APR_12, "past", "2020-04-11/2020-04-12", "range"),
    ("over the past 24 hours", SUN_APR_12, "past", "2020-04-11/2020-04-12", "range"),
    ("In the past 48 hours", SUN_APR_12, "past", "2020-04-10/2020-04-12", "range"),
    ("during the last three days", SUN_APR_12, "past", "2020-04-09/2020-04-12", "range"),
    ("over the past two weeks", SUN_APR_12, "past", "2020-03-29/2020-04-12", "range"),
    ("in the last 72-hours", SUN_APR_12, "past", "2020-04-09/2020-04-12", "range"),
    # weeks
    ("last week", SUN_APR_12, "past", "2020-04-05/2020-04-11", "week"),
    ("A week earlier", SUN_APR_12, "past", "2020-04-02/2020-04-08", "week"),
    ("a week ago", SUN_APR_12, "past", "2020-04-02/2020-04-08", "week"),
    ("two weeks ago", SUN_APR_12, "past", "2020-03-26/2020-04-01", "week"),
    ("this week", SUN_APR_12, "present", "2020-04-06/2020-04-12", "week"),
    ("Earlier this week", FRI_AUG_19, "past", "2022-08-15/2022-08-18", "week"),
    # the weekend: the Saturday and Sunday last begun by publication
    ("bombed over the weekend", date(2021, 3, 9), "past", "2021-03-06/2021-03-07", "range"),
    ("at the weekend", date(2021, 3, 8), "past", "2021-03-06/2021-03-07", "range"),
    ("last weekend", SUN_APR_12, "past", "2020-04-11/2020-04-12", "range"),
    ("the past weekend", date(2020, 4, 11), "past", "2020-04-11", "day"),
    # days, months and years ago
    ("three days ago", SUN_APR_12, "past", "2020-04-09", "day"),
    ("two days earlier.", SUN_APR_12, "past", "2020-04-10", "day"),
    ("six months ago", SUN_APR_12, "past", "2019-10", "month"),
    ("two years ago", SUN_APR_12, "past", "2018", "year"),
    ("last month", SUN_APR_12, "past", "2020-03", "month"),
    ("last month", date(2021, 1, 5), "past", "2020-12", "month"),
    ("earlier this month", SUN_APR_12, "past", "2020-04", "month"),
    ("last year", SUN_APR_12, "past", "2019", "year"),
    ("earlier this year", SUN_APR_12, "past", "2020", "year"),
    # day and month without a year: the past clause takes the latest not after publication
    ("April 10", SUN_APR_12, "past", "2020-04-10", "day"),
    ("said in a tweet on April 07", SUN_APR_12, "past", "2020-04-07", "day"),
    ("on 9 May", SUN_APR_12, "past", "2019-05-09", "day"),
    ("on 9 May", SUN_APR_12, "future", "2020-05-09", "day"),
    ("on 9 May", SUN_APR_12, None, "2020-05-09", "day"),
    ("talks on April 20", SUN_APR_12, "future", "2020-04-20", "day"),
    ("December 30", date(2021, 1, 3), "past", "2020-12-30", "day"),
    ("January 2", date(2020, 12, 30), "future", "2021-01-02", "day"),
    ("signed on February 29", SUN_APR_12, "past", "2020-02-29", "day"),
    ("signed on February 29", date(2021, 1, 10), "past", "2020-02-29", "day"),
    ("Sept. 3", date(2020, 9, 10), "past", "2020-09-03", "day"),
    ("the 3rd of September", date(2020, 9, 10), "past", "2020-09-03", "day"),
    ("07 Aug", date(2024, 8, 15), "past", "2024-08-07", "day"),
    ("Feb. 13", date(2023, 3, 11), "past", "2023-02-13", "day"),
    ("KABUL, April 12 (Pajhwok) -", SUN_APR_12, None, "2020-04-12", "day"),
    # weekday + date, and a relative word beside a date
    ("Friday, April 10", SUN_APR_12, "past", "2020-04-10", "day"),
    ("the evening of last Friday, April 10", SUN_APR_12, "past", "2020-04-10", "day"),
    ("posted yesterday, April 11", SUN_APR_12, "past", "2020-04-11", "day"),
    # the day of the month alone
    ("on the 7th,", SUN_APR_12, "past", "2020-04-07", "day"),
    ("on the 20th.", SUN_APR_12, "past", "2020-03-20", "day"),
    ("on the 20th.", SUN_APR_12, "future", "2020-04-20", "day"),
    # full dates need no publication date
    ("11 March 2023", None, None, "2023-03-11", "day"),
    ("Tuesday June 28, 2016", None, None, "2016-06-28", "day"),
    ("Sunday, June 28 2020", None, None, "2020-06-28", "day"),
    ("Friday August 19, 2022", None, None, "2022-08-19", "day"),
    (" date 2020-12-23 AT News", None, None, "2020-12-23", "day"),
    ("on 07 August, 2024", None, None, "2024-08-07", "day"),
    ("- Published Date: 08:59 | 11 March 2023", None, None, "2023-03-11", "day"),
    # months
    ("in March", SUN_APR_12, "past", "2020-03", "month"),
    ("in April", SUN_APR_12, "past", "2020-04", "month"),
    ("in August", SUN_APR_12, "past", "2019-08", "month"),
    ("in June", SUN_APR_12, "future", "2020-06", "month"),
    ("In early August", FRI_AUG_19, "past", "2022-08", "month"),
    ("since mid-April", date(2020, 5, 1), "past", "2020-04", "month"),
    ("last October", date(2020, 7, 27), "past", "2019-10", "month"),
    ("in November", date(2023, 3, 11), "past", "2022-11", "month"),
    ("December 2022", None, None, "2022-12", "month"),
    ("in March 2019", None, None, "2019-03", "month"),
    # years
    ("began in 2017", None, None, "2017", "year"),
    ("since 2011", None, None, "2011", "year"),
    # Solar Hijri (Afghan month names), by convertdate
    ("16 Asad 1399", None, None, "2020-08-06", "day"),
    ("today (Saturday, 16 Asad)", date(2021, 8, 7), "present", "2021-08-07", "day"),
    ("on Saturday, 16 Asad", date(2021, 8, 10), "past", "2021-08-07", "day"),
    ("on 1 Hamal", date(2021, 4, 10), "past", "2021-03-21", "day"),
    ("Jawza 10,", date(2020, 6, 5), "past", "2020-05-30", "day"),
    ("Dalw 5, 1399", None, None, "2021-01-24", "day"),
    ("22 Sunbula", date(2020, 9, 20), "past", "2020-09-12", "day"),
    ("3 Hoot 1398", None, None, "2020-02-22", "day"),
    # Islamic months, by hijridate (Umm al-Qura)
    ("15 Ramadan 1441", None, None, "2020-05-08", "day"),
    ("on 1 Shawwal", date(2020, 5, 30), "past", "2020-05-24", "day"),
    ("during the holy month of Ramzan", date(2020, 5, 30), "past", "2020-04-24/2020-05-23", "range"),
    # a month still running when a past clause is read ends at publication (found by hypothesis)
    ("fought during Ramadan", date(2000, 1, 1), "past", "1999-12-09/2000-01-01", "range"),
    # without a publication date only what the text fixes is dated
    ("on Monday", None, "past", None, None),
    ("yesterday", None, "past", None, None),
    ("April 10", None, "past", None, None),
    ("over the past 24 hours", None, "past", None, None),
]


def test_table_is_large_enough():
    assert len(TABLE) >= 80


@pytest.mark.parametrize(("text", "published", "tense", "value", "precision"), TABLE)
def test_expression(text, published, tense, value, precision):
    found = resolve_text(text, published, tense)
    assert found is not None, text
    _, resolved = found
    assert (resolved.value, resolved.precision) == (value, precision)


@pytest.mark.parametrize(
    ("text", "expression"),
    [
        ("In the past 48 hours, 99 Taliban were killed", "In the past 48 hours"),
        ("the meeting was held in the evening of last Friday, April 10, and", "last Friday, April 10"),
        ("said in a tweet posted yesterday, April 11, that", "yesterday, April 11"),
        ("today (Saturday, 16 Asad) the governor said", "today (Saturday, 16 Asad)"),
        ("released 200 prisoners last Wednesday and Thursday after", "last Wednesday and Thursday"),
        ("the police chief's spokesman said Tuesday", "Tuesday"),
    ],
)
def test_source_expression_and_span(text, expression):
    found = resolve_text(text, date(2020, 4, 12))
    assert found is not None
    written, _ = found
    assert written.text == expression
    assert text[written.start : written.end] == expression


@pytest.mark.parametrize(
    "text",
    [
        "Taliban may attack the city",  # the verb, not the month
        "they will march on Kabul",
        "the 3rd battalion moved",
        "a three-day ceasefire",
        "killed 14 Taliban",
        "Asad Durrani said",  # a name, not the Solar Hijri month
        "Mehr News Agency reported",
        "fired since 2000 hours",  # a clock time, not the year 2000
        "shelled from 2030 GMT",
    ],
)
def test_not_temporal(text):
    assert resolve_text(text, date(2020, 4, 12)) is None
