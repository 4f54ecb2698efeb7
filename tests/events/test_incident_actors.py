"""Who an incident's actors are, as ACLED codes them (issue 19): a monitor that observed
the event is its source, civilians are never actor1, a category actor is named with the
incident's country, and a country named inside an organisation's name is no actor."""

from __future__ import annotations

from sitrep.pipeline import extract_text
from tests.events.reading import OPTIONS


def actors(text: str) -> list[list[tuple[str, str | None]]]:
    return [[(a.name, a.role) for a in i.actors] for i in extract_text(text, options=OPTIONS).incidents]


def test_the_monitor_that_observed_the_shelling_is_no_actor():
    assert actors("On 28 April 2020, the OSCE SMM observed a total of 33 explosions involving small arms near "
                  "Kashtanove, in Donetsk region of Ukraine.") == [[("Unidentified Armed Group (Ukraine)", "actor1")]]


def test_an_unidentified_group_and_its_victims_are_named_with_the_incidents_country():
    assert actors("Two civilians were killed when gunmen attacked a bus in Kunduz province of Afghanistan.") == [
        [("Unidentified Armed Group (Afghanistan)", "actor1"), ("Civilians (Afghanistan)", "actor2")]]


def test_civilians_told_first_are_the_victims_not_actor1():
    assert actors("Villagers were shot dead by Taliban fighters in Kunduz province on Monday.") == [
        [("Taliban", "actor1"), ("Civilians (Afghanistan)", "actor2")]]


def test_students_who_protest_are_the_protesters_associates_and_a_country_in_a_name_no_actor():
    assert actors("On 30 January 2015, Students Federation of India staged a road blockade at the bus stand in "
                  "Kolkata to protest against the police.") == [
        [("Protesters (India)", "actor1"), ("Civilians (India)", "associate"), ("Police Forces of India", "actor2")]]
