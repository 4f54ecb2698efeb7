"""A place inside the name of a body ("an Assam Rifles camp", "a Punjab Police post")
only qualifies a noun: the place the sentence puts the event in ("in Mon town") wins."""

from __future__ import annotations

from tests.places.reading import place_at
from sitrep.places.locate import is_qualifier


def test_province_in_a_force_s_name_yields_to_the_locative_town(placed):
    adoc = placed("On Sunday a mob stormed and burned part of an Assam Rifles post in Mon town.")
    assert [is_qualifier(adoc, m) for m in adoc.places if m.text == "Assam"] == [True]
    loc = place_at(adoc, "stormed")
    assert (loc.admin1, loc.place) == ("Nagaland", "Mon")


def test_province_named_for_itself_still_places(placed):
    adoc = placed("On Sunday a mob stormed a police post in Assam.")
    assert [is_qualifier(adoc, m) for m in adoc.places] == [False]
    assert place_at(adoc, "stormed").admin1 == "Assam"


def test_a_town_s_name_after_a_province_inside_a_body_s_name_is_a_word_of_it(placed):
    # "Independence" is also a US town; after "Kachin" inside the army's name it is a word
    adoc = placed("A spokesman for the Kachin Independence Army (KIA) said an army post was attacked in Kachin State.")
    assert [m.text for m in adoc.places if m.place.country == "US"] == []


def test_a_province_after_a_compass_word_inside_a_body_s_name_still_says_where(placed):
    adoc = placed("Members of the South Gujarat Farmers Association protested against low cane prices.")
    assert [m.place.admin1 for m in adoc.places] == ["Gujarat"]
