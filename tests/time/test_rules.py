"""The rule data file is well formed and agrees with the calendar libraries."""

from __future__ import annotations

from collections import Counter
from datetime import date

from sitrep.time.calendars import islamic_to_gregorian, solar_hijri_to_gregorian
from sitrep.time.rules import load_rules


def test_every_month_of_each_calendar_has_spellings():
    rules = load_rules()
    by_calendar = Counter((cal, month) for cal, month in rules.months.values())
    for calendar_name in ("gregorian", "solar_hijri", "islamic"):
        assert {m for c, m in by_calendar if c == calendar_name} == set(range(1, 13))


def test_month_spellings_are_unambiguous():
    rules = load_rules()
    assert rules.months["asad"] == ("solar_hijri", 5)
    assert rules.months["hoot"] == ("solar_hijri", 12)
    assert rules.months["sept"] == ("gregorian", 9)
    assert rules.months["ramzan"] == ("islamic", 9)


def test_relative_phrases_are_consistent():
    rules = load_rules()
    for phrase, rule in rules.relative.items():
        assert rule.unit in {"day", "week_of", "weekend", "month", "year"}, phrase
        assert rule.precision in {None, "day", "range", "week", "month", "year"}, phrase
        if rule.end is not None and rule.unit == "day":
            assert rule.start <= rule.end, phrase
    assert rules.relative["yesterday"].anchor == -1


def test_story_day_phrases_before_the_day_are_story_day_phrases():
    rules = load_rules()
    assert rules.story_day_before == {"hours before", "hours earlier"}
    for phrase in ("hours before", "the same day", "hours after"):
        assert rules.story_day.fullmatch(phrase), phrase
    assert rules.story_day.search("Hours before the army was targeted").group() == "Hours before"


def test_weekdays_come_from_the_calendar_module():
    assert load_rules().weekdays == {
        "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5, "sunday": 6
    }


def test_calendar_conversions():
    assert str(solar_hijri_to_gregorian(1399, 1, 1)) == "2020-03-20"
    assert solar_hijri_to_gregorian(1398, 12, 30) is None  # 1398 is not a leap year
    assert str(solar_hijri_to_gregorian(1399, 12, 30)) == "2021-03-20"
    assert str(islamic_to_gregorian(1441, 10, 1)) == "2020-05-24"
    assert islamic_to_gregorian(1441, 2, 30) is None


def test_solar_hijri_conversions_through_the_cached_equinox_are_the_same_days():
    # the equinox of a Gregorian year is computed once and kept; the days do not change
    from convertdate import persian

    assert hasattr(persian.equinox_jd, "cache_info")
    for _ in range(2):
        assert solar_hijri_to_gregorian(1400, 1, 1) == date(2021, 3, 21)
        assert solar_hijri_to_gregorian(1399, 12, 30) == date(2021, 3, 20)
        assert solar_hijri_to_gregorian(1400, 12, 30) is None  # 1400 has 29 days in Esfand
        assert solar_hijri_to_gregorian(1402, 7, 1) == date(2023, 9, 23)


def test_story_offsets_are_read_from_their_phrases_and_from_counted_days():
    from sitrep.time.rules import story_offset_of
    rules = load_rules()
    assert story_offset_of("A day later, soldiers came under fire", rules) == ("a day later", 1)
    assert story_offset_of("The next afternoon, a crowd gathered", rules) == ("the next afternoon", 1)
    assert story_offset_of("Two days later the town fell", rules) == ("two days later", 2)
    assert story_offset_of("a week later", rules) == ("a week later", 7)
    assert story_offset_of("The day after the ambush, troops arrived", rules) == ("the day after", 1)
    for text in ("days later", "at a later date", "hours later", "the next president"):
        assert story_offset_of(text, rules) is None, text
    assert all(days > 0 for days in rules.story_offset_days.values())


def test_the_early_hours_are_a_story_day_phrase_unless_a_day_is_named():
    rules = load_rules()
    assert rules.story_early.search("killed in the early hours, the first breach").group() == "in the early hours"
    assert rules.story_early.search("In the small hours, rebels shelled").group() == "In the small hours"
    assert rules.story_early.search("killed in the early hours of Friday") is None
