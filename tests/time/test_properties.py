"""Properties: past-tense clauses never resolve after publication; scanning any text is
safe and every expression is a span of it."""

from __future__ import annotations

from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st

from sitrep.time import resolve, resolve_text, scan

# Backward-looking or neutral expressions. Explicitly forward words ("tomorrow", "next
# Monday") are left out: "was postponed until next Monday" is past tense yet names a
# future day, and resolving it to the past would be wrong.
PAST_COMPATIBLE = [
    "on Monday", "Tuesday night", "late Wednesday", "last Thursday", "on Friday", "Saturday morning",
    "on Sunday", "last Wednesday and Thursday", "Saturday and Sunday", "yesterday", "today", "last night",
    "this morning", "overnight", "over the past 24 hours", "in the past 48 hours", "during the last three days",
    "last week", "a week earlier", "two weeks ago", "earlier this week", "this week", "three days ago",
    "last month", "earlier this month", "six months ago", "last year", "this year", "April 10", "on 9 May",
    "February 29", "December 31", "January 1", "Friday, April 10", "last Friday, April 10",
    "yesterday, April 11", "on the 7th,", "on the 31st,", "in March", "in early August", "last October",
    "in December", "16 Asad", "today (Saturday, 16 Asad)", "1 Hamal", "30 Hoot", "1 Shawwal",
    "during Ramadan", "15 Muharram", "this Friday", "Sept. 3", "07 Aug", "mid-April",
]

publication_days = st.dates(min_value=date(1995, 1, 1), max_value=date(2035, 12, 31))


def first_day(value: str) -> str:
    return value.split("/")[0]


def last_day(value: str) -> str:
    return value.split("/")[-1]


def not_after(value: str, published: date) -> bool:
    """A value (day, range, month or year) does not begin after publication, and a day or
    range does not end after it."""
    if len(value) == 4:
        return int(value) <= published.year
    if len(value) == 7:
        return value <= published.isoformat()[:7]
    return first_day(value) <= published.isoformat() and last_day(value) <= published.isoformat()


@settings(max_examples=300, deadline=None)
@given(phrase=st.sampled_from(PAST_COMPATIBLE), published=publication_days)
def test_past_tense_never_after_publication(phrase, published):
    found = resolve_text(phrase, published, "past")
    assert found is not None, phrase
    resolved = found[1]
    if resolved.value is not None:  # 30 Hoot exists only in leap years
        assert not_after(resolved.value, published), (phrase, published, resolved)


@settings(max_examples=200, deadline=None)
@given(phrase=st.sampled_from(PAST_COMPATIBLE), published=publication_days)
def test_resolution_is_iso(phrase, published):
    for expression in scan(phrase):
        resolved = resolve(expression, published, None)
        if resolved.value is not None:
            for part in resolved.value.split("/"):
                padding = {4: "-01-01", 7: "-01", 10: ""}
                assert len(part) in padding, resolved.value
                date.fromisoformat(part + padding[len(part)])


words = st.sampled_from(
    ["on", "Monday", "last", "Friday", ",", "April", "10", "2020", "yesterday", "the", "7th", "Asad", "16", "in",
     "past", "48", "hours", "and", "Thursday", "(", ")", "week", "ago", "May", "killed", "-", "12", "Ramadan", "\n"]
)


@settings(max_examples=300, deadline=None)
@given(st.lists(words, max_size=14), st.text(max_size=30), publication_days)
def test_scan_is_safe_and_spans_hold(tokens, noise, published):
    text = " ".join(tokens) + noise
    found = scan(text)
    assert [e.start for e in found] == sorted(e.start for e in found)
    for expression in found:
        assert text[expression.start : expression.end] == expression.text
        resolve(expression, published, "past")
        resolve(expression, None, None)
