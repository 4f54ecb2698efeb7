"""A whole passage (an ACLED note: no event word) that names no place but inside a
name: the name the geoparser set aside is still the passage's best clue to its province."""

from __future__ import annotations

import pytest

from sitrep.places import locate_event
from tests.places.locating import locate_at

STUDENTS = "Some two hundred Osmania University students marched against a rise in hostel fees."


def test_a_passage_naming_only_a_university_is_placed_by_it(placed):
    adoc = placed(STUDENTS)
    loc = locate_event(adoc, 0, len(STUDENTS))
    assert (loc.country, loc.admin1) == ("IN", "Telangana")


def test_an_event_word_does_not_take_a_place_from_a_name(placed):
    # With an event word the set-aside name stays unused: the pipeline's fallbacks
    # (the paragraph's places, the story's province) know better than a name's word.
    loc = locate_at(placed(STUDENTS), "marched")
    assert loc is None


def test_set_aside_names_are_not_places_of_the_story(placed):
    adoc = placed(STUDENTS)
    assert [m.text for m in adoc.places] == []


@pytest.mark.parametrize(
    "text",
    [
        # the first sentence names only where the gunmen came from
        "The gunmen had travelled by bus from Peshawar, police said. They opened fire at a checkpoint in Quetta on Sunday.",
        # the first sentence names only the country
        "Protests spread across Pakistan on Friday over rising fuel prices. "
        "Several hundred traders marched to the press club in Quetta.",
    ],
    ids=["origin", "country"],
)
def test_a_first_sentence_that_does_not_place_yields_to_the_next(placed, text):
    loc = locate_event(placed(text), 0, len(text))
    assert (loc.country, loc.admin1, loc.place) == ("PK", "Balochistan", "Quetta")


def test_a_name_inside_a_facility_yields_to_a_place_named_for_itself(placed):
    # "St Albans" (England) and "Nelson" (New Zealand) sit inside longer names; the
    # province named for itself places the passage, whatever country they suggested.
    text = ("On 3 June 2021, prisoners set fire to mattresses at St Albans Prison in Port Elizabeth "
            "(Nelson Mandela Bay, Eastern Cape) over visiting rules.")
    adoc = placed(text)
    loc = locate_event(adoc, 0, len(text))
    assert (loc.country, loc.admin1) == ("ZA", "Eastern Cape")
