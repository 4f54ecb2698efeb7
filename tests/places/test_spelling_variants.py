"""Names the index holds under another spelling: near spellings of several words or
tagged as a person by the parser, and numbered parts of a place ("Zolote-5")."""

from __future__ import annotations

from sitrep.models import Document
from sitrep.places import find_places, locate_event, story_country
from sitrep.places.names import variants
from sitrep.text import annotate


def _placed(text: str, hint: str | None):
    adoc = annotate(Document(id="t", source="t", text=text))
    adoc.country_hint = hint
    adoc.places = find_places(adoc)
    adoc.country = story_country(adoc)
    return adoc


def _where(adoc):
    loc = locate_event(adoc, 0, len(adoc.document.text))
    return (loc.country, loc.admin1, loc.place, loc.geo_precision)


def test_near_spelling_of_a_name_of_several_words():
    # Mandi Bahauddin, Punjab, with one letter dropped.
    adoc = _placed("Teachers rallied in Mandi Bahaudin on Sunday demanding unpaid salaries.", "PK")
    assert [(m.text, m.place.name) for m in adoc.places] == [("Mandi Bahaudin", "Mandi Bahauddin")]
    assert _where(adoc) == ("PK", "Punjab", "Mandi Bahauddin", "admin2")


def test_near_spelling_the_parser_takes_for_a_person():
    # The small model tags the misspelt "Jalanadhar" PERSON; after "in" it is the town.
    adoc = _placed("Union members blocked traffic and trains in Jalanadhar after the delayed payment of wages.", "IN")
    assert [(m.text, m.place.name, m.place.admin1) for m in adoc.places] == [("Jalanadhar", "Jalandhar", "Punjab")]


def test_near_spelling_the_parser_takes_for_an_organisation():
    # "Huballi" (Hubballi, Karnataka) comes out ORG here.
    adoc = _placed("Students held a sit-in at Huballi after a lecturer was dismissed.", "IN")
    assert _where(adoc) == ("IN", "Karnataka", "Hubballi", "place")


def test_person_named_with_a_possessive_is_no_near_spelling():
    adoc = _placed("Police questioned six men at Mohammadp's shop on Friday.", "BD")
    assert [m.text for m in adoc.places] == []


def test_long_capitalised_run_is_not_tried_as_a_misspelt_place():
    adoc = _placed("Lawyers protested in Toba Tek Sing Bar Council Hall on Monday.", "PK")
    assert not any(m.place.name == "Toba Tek Singh" for m in adoc.places)


def test_numbered_part_of_a_place_is_found_under_the_place():
    assert variants("Zolote-4") == {"zolote"}
    adoc = _placed("Monitors recorded two explosions near Zolote-3.", "UA")
    assert _where(adoc) == ("UA", "Luhansk", "Zolote", "place")


def test_numbered_quarter_before_a_level_word():
    adoc = _placed("Students marched at Gulshan-1 circle on Monday.", "BD")
    assert _where(adoc) == ("BD", "Dhaka", "Gulshan", "admin2")


def test_aircraft_numbers_are_not_numbered_places():
    assert variants("MiG-29") == {"mig 29", "mig29"}
    assert variants("Su-25") == {"su 25", "su25"}


def test_compass_word_before_a_misspelt_name_is_left_out():
    # "Upper" is no part of the spelling tried: "Dhamaas" is Dhamas (Gedo, Somalia).
    adoc = _placed("Government troops repelled an attack in Upper Dhamaas after heavy fighting.", "SO")
    assert [(m.text, m.place.name, m.place.admin1) for m in adoc.places] == [("Dhamaas", "Dhamas", "Gedo")]


def test_skeleton_keeps_consonants_sounds_and_syllables():
    from sitrep.places.names import skeleton

    assert skeleton("Sukkar") == skeleton("Sukkur") == "skr/2"
    assert skeleton("Gasr Ben Ghashir") == "ksr bn kshr/4"
    assert skeleton("Sahibabad") == "shbd/4"
    assert skeleton("Sahabad") == "shbd/3"


def test_farther_spelling_with_the_same_consonants_is_the_place(gaz):
    # ratio below the plain near-miss cutoff, but only vowels and a doubled letter differ
    assert [(p.name, p.admin1) for p in gaz.near_miss("Meknassi", "TN")] == [("El Maknassi", "Sidi Bou Zid")]
    assert [(p.name, p.admin1, p.level) for p in gaz.near_miss("Sukkar", "PK")] == [
        ("Sukkur", "Sindh", "place"), ("Sukkur", "Sindh", "admin2")]


def test_a_dropped_syllable_is_another_name(gaz):
    assert gaz.near_miss("Sahibabad", "IN") == []


def test_misspelt_name_of_several_words_in_another_transliteration():
    adoc = _placed("Gunmen shot a shopkeeper in Gasr Ben Ghashir on Sunday.", "LY")
    assert [(m.text, m.place.name) for m in adoc.places] == [("Gasr Ben Ghashir", "Qasr Bin Ghashir")]
