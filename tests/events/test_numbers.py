from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sitrep.events.numbers import Quantity, parse_number, parse_quantity

WORDS = {1: "one", 2: "two", 3: "three", 4: "four", 5: "five", 6: "six", 7: "seven", 8: "eight", 9: "nine",
         10: "ten", 11: "eleven", 12: "twelve", 13: "thirteen", 14: "fourteen", 15: "fifteen", 16: "sixteen",
         17: "seventeen", 18: "eighteen", 19: "nineteen"}
TENS = {2: "twenty", 3: "thirty", 4: "forty", 5: "fifty", 6: "sixty", 7: "seventy", 8: "eighty", 9: "ninety"}


def spell(n: int) -> str:
    if n < 20:
        return WORDS[n]
    tens, units = divmod(n, 10)
    return TENS[tens] + (f"-{WORDS[units]}" if units else "")


@pytest.mark.parametrize(
    "text, expected",
    [
        ("27", Quantity(27)),
        ("1,200", Quantity(1200)),
        ("nine", Quantity(9)),
        ("Twenty-seven", Quantity(27)),
        ("two dozen", Quantity(24)),
        ("a dozen", Quantity(12)),
        ("at least 25", Quantity(25, bound="lower")),
        ("more than 30", Quantity(30, bound="lower")),
        ("nearly 30", Quantity(30, bound="approximate")),
        ("up to 40", Quantity(40, bound="upper")),
        ("three hundred", Quantity(300)),
        ("two thousand five hundred", Quantity(2500)),
        ("dozens", Quantity(None, vague="dozens")),
        ("several", Quantity(None, vague="several")),
        ("14Al", Quantity(14)),  # "14Al-Shabaab": a number glued to the next word
        ("no", Quantity(0)),
    ],
)
def test_quantities(text, expected):
    assert parse_quantity(text) == expected


@pytest.mark.parametrize("text", ["Taliban", "", "the", "province"])
def test_words_that_are_no_quantity(text):
    assert parse_quantity(text) is None


@given(st.integers(min_value=1, max_value=99))
def test_spelled_numbers_read_back(n):
    assert parse_number(spell(n)) == n


@given(st.integers(min_value=0, max_value=10**7))
def test_digits_with_and_without_thousands_separators(n):
    assert parse_number(str(n)) == n
    assert parse_number(f"{n:,}") == n


@given(st.text(max_size=30))
def test_parse_quantity_never_raises(text):
    result = parse_quantity(text)
    assert result is None or result.value is None or result.value >= 0
