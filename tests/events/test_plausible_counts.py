"""Implausible figures are kept as written, in count_notes, never as counts (issue 18, item 1)."""

from __future__ import annotations

import pytest

from sitrep import extract
from sitrep.config import MAX_PLAUSIBLE_COUNT
from sitrep.events.numbers import Quantity, parse_quantity


@pytest.mark.parametrize("phrase", ["2,147,483,648", "99999999999999999999", "at least 5000000"])
def test_a_figure_past_the_plausible_bound_has_no_value(phrase):
    quantity = parse_quantity(phrase)
    assert quantity is not None and quantity.value is None
    assert quantity.vague == phrase.removeprefix("at least ")


def test_the_bound_itself_is_a_count():
    assert parse_quantity(f"{MAX_PLAUSIBLE_COUNT:,}") == Quantity(value=MAX_PLAUSIBLE_COUNT)
    assert parse_quantity("1,200") == Quantity(value=1200)


def test_an_article_with_a_poisoned_toll_keeps_the_figure_in_its_notes():
    text = "Gunmen killed 2,147,483,648 people in a raid on a village in Kunduz province on Monday."
    incident = extract(text).incidents[0]
    assert incident.killed is None
    assert incident.count_notes == ["killed: 2,147,483,648 (no figure)"]


def test_an_implausible_coded_figure_does_not_replace_the_stated_toll():
    text = "Gunmen killed 25 people in a raid on a village in Kunduz province. Fatalities coded as 99999999999999999999."
    assert extract(text).incidents[0].killed == 25
