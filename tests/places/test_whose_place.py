"""A place that only says whose or from where a participant is ("a Tampa woman",
"Mexico's army", "Seville fans") is not where the event happened."""

from __future__ import annotations

from sitrep.places.locate import event_mentions, names_whose
from tests.places.locating import locate_at


def _pool(adoc, verb):
    text = adoc.document.text
    return [m.text for m in event_mentions(adoc, 0, len(text), text.index(verb))]


def test_town_before_a_person_noun_is_no_event_place(placed):
    adoc = placed("A Denver man shot his neighbour during an argument over parking.")
    assert _pool(adoc, "shot") == []


def test_country_owning_an_army_is_no_event_place(placed):
    adoc = placed("Peru's army has captured a senior commander of the rebel group.")
    assert [names_whose(adoc, m) for m in adoc.places] == [True]
    assert _pool(adoc, "captured") == []


def test_place_qualifying_a_named_person_is_no_event_place(placed):
    adoc = placed("Kenya's Eliud Kipchoge captured another marathon title in the rain.")
    assert _pool(adoc, "captured") == []


def test_the_event_place_named_beside_a_participant_s_town_wins(placed):
    adoc = placed("Porto fans fought with police in Lisbon after the cup final.")
    loc = locate_at(adoc, "fought")
    assert (loc.country, loc.place) == ("PT", "Lisbon")


def test_place_before_a_place_noun_still_names_where(placed):
    # a city's home, offices or streets are in the city
    adoc = placed("The envoy was shot dead outside his Beirut home on Friday.")
    assert _pool(adoc, "shot") == ["Beirut"]


def test_a_district_the_parser_tags_as_one_person_is_still_the_place(placed):
    adoc = placed("Bandits attacked Guzamala LGA of Borno on Sunday.")
    assert [names_whose(adoc, m) for m in adoc.places] == [False, False]


def test_a_station_or_a_club_named_after_a_town_is_in_it(placed):
    adoc = placed("Traders marched to the Sonapur police station and then to the Guwahati Press Club.")
    assert [names_whose(adoc, m) for m in adoc.places] == [False, False]


def test_a_place_before_a_body_s_name_tagged_as_a_person_is_not_whose(placed):
    adoc = placed("Students marched from the office of the All Kerala Tribal Sangha at Kochi on Monday.")
    assert [(m.text, names_whose(adoc, m)) for m in adoc.places] == [("Kerala", False), ("Kochi", False)]
