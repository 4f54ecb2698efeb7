"""An unknown name a level word marks as a place ("the village of X", "X town", "the X
neighbourhood") becomes the event's place, set in the known place it is said to be in
or near (Halterman's relabelled event locations)."""

from __future__ import annotations

from sitrep.places.geoparse import lexicon
from tests.places.locating import locate_at


def test_marker_words_come_from_the_data_file():
    markers = lexicon().place_markers
    assert {"village", "town", "neighbourhood", "camp", "area"} <= markers
    assert "province" not in markers


def test_the_village_of_an_unknown_name_near_a_known_town(placed):
    adoc = placed("Soldiers arrested three men in the village of Qarbuzeh near Nablus on Monday.")
    loc = locate_at(adoc, "arrested")
    nablus = next(m.place for m in adoc.places if m.text == "Nablus")
    assert (loc.place, loc.geo_precision, loc.country, loc.admin1) == ("Qarbuzeh", "place", nablus.country, nablus.admin1)
    assert (loc.latitude, loc.longitude) == (nablus.latitude, nablus.longitude)


def test_a_hyphened_name_before_a_level_word_in_a_known_city(placed):
    adoc = placed("A shell killed two women in al-Warud neighbourhood in eastern Damascus on Friday.")
    loc = locate_at(adoc, "killed")
    assert (loc.place, loc.geo_precision, loc.country) == ("al-Warud", "place", "SY")


def test_a_level_word_before_of_after_a_known_city(placed):
    adoc = placed("In the north Baghdad district of Al-Burtuqa, a car bomb killed five people.")
    assert [m.text for m in adoc.places] == ["Baghdad", "Al-Burtuqa"]
    loc = locate_at(adoc, "killed")
    assert (loc.place, loc.country, loc.admin1) == ("Al-Burtuqa", "IQ", "Baghdad")


def test_a_weekday_after_the_name_is_not_part_of_it(placed):
    adoc = placed("Rebels seized the town of Bardoor Tuesday, residents of Mogadishu said.")
    assert "Bardoor" in [m.text for m in adoc.places]


def test_without_a_known_place_no_name_is_made(placed):
    adoc = placed("Fighters took the village of Qarbuzeh after a long battle.")
    assert adoc.places == []


def test_a_marked_name_beside_a_country_does_not_outrank_the_known_district(placed):
    adoc = placed("Artillery shelled the Qarbuzeh area in western Yemen (Razih, Saada) on Friday.")
    loc = locate_at(adoc, "shelled")
    razih = next(m.place for m in adoc.places if m.text == "Razih")
    assert (loc.country, loc.admin1, loc.place) == ("YE", razih.admin1, "Razih")
    assert razih.admin1 is not None


def test_a_lower_case_modifier_between_name_and_marker(placed):
    adoc = placed("Two bombs went off near troops in the Qarbuzeh refugee camp near Nablus on Thursday.")
    assert "Qarbuzeh" in [m.text for m in adoc.places]
    loc = locate_at(adoc, "went")
    assert (loc.place, loc.geo_precision) == ("Qarbuzeh", "place")


def test_a_people_s_name_before_a_marker_is_no_place(placed):
    adoc = placed("The prisoners were sent to the Nazi labour camp at Kassel in 1944.")
    assert "Nazi" not in [m.text for m in adoc.places]


def test_a_known_small_place_a_level_word_marks_beats_the_wider_place(placed):
    adoc = placed("Some fighters were killed in clashes near Sirrin town in the southern countryside of Kobane.")
    loc = locate_at(adoc, "killed")
    sirrin = next(m.place for m in adoc.places if m.text == "Sirrin")
    assert (loc.place, loc.admin1, loc.latitude) == (sirrin.name, sirrin.admin1, sirrin.latitude)


def test_an_unknown_name_before_a_comma_and_its_country_is_a_place_of_that_country(placed):
    # "near Qoryaley, Somalia": the country is named because the place is unknown; no province is said
    adoc = placed("Drones hit militant camps near Qoryaley, Somalia, killing nine fighters.")
    assert [(m.text, m.place.country, m.place.admin1) for m in adoc.places] == [
        ("Qoryaley", "SO", None), ("Somalia", "SO", None)]
    loc = locate_at(adoc, "hit")
    assert (loc.place, loc.geo_precision, loc.country, loc.admin1) == ("Qoryaley", "place", "SO", None)


def test_a_person_named_before_a_comma_and_a_country_is_no_place(placed):
    adoc = placed("The talks were chaired in Doha by Hamid Karzai, Afghanistan's former president.")
    assert "Hamid Karzai" not in [m.text for m in adoc.places]
