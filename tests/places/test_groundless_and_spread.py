"""Events with no one province: an act with no ground of its own (a truce, a release of
captives) told without a place, and an event spread over towns of two provinces joined
as a list (dev articles n-eaa-001, n-pp-006, n-pp-001)."""

from __future__ import annotations

from sitrep.places import locate_event

STORY = (
    "Rockets hit the city of Kharkiv on Sunday, killing four people, officials said.\n"
    "The ceasefire began on Tuesday and has mostly held since then.\n"
    "Two more people were wounded on Tuesday."
)


def _at(adoc, word: str):
    text = adoc.document.text
    para = text.rfind("\n", 0, text.index(word)) + 1
    end = text.find("\n", para)
    return locate_event(adoc, para, len(text) if end == -1 else end, text.index(word))


def test_a_truce_told_without_a_place_is_not_set_in_the_story_province(placed):
    loc = _at(placed(STORY), "ceasefire")
    assert (loc.country, loc.admin1, loc.geo_precision) == ("UA", None, "country")


def test_a_wounding_told_without_a_place_still_takes_the_story_province(placed):
    loc = _at(placed(STORY), "wounded")
    assert (loc.country, loc.admin1) == ("UA", "Kharkiv")


def test_a_release_told_without_a_place_is_the_country(placed):
    text = ("Gunmen stormed a checkpoint in Kandahar city on Monday, killing two guards.\n"
            "Thursday saw the release of 30 prisoners by the government.")
    loc = _at(placed(text), "release")
    assert (loc.country, loc.admin1, loc.geo_precision) == ("AF", None, "country")


def test_towns_of_two_provinces_joined_by_and_spread_the_event_over_both(placed):
    text = "Insurgents raided police posts in Bagram and Jalalabad on Monday."
    loc = _at(placed(text), "raided")
    assert (loc.country, loc.admin1, loc.admin1_list) == ("AF", None, ("Parwan", "Nangarhar"))


def test_a_town_and_its_own_province_after_a_comma_stay_one_place(placed):
    text = "Insurgents raided a police post in Jalalabad, Nangarhar on Monday."
    loc = _at(placed(text), "raided")
    assert (loc.country, loc.admin1, loc.admin1_list) == ("AF", "Nangarhar", ())


def test_an_exchange_of_fire_told_without_a_place_still_takes_the_story_province(placed):
    text = ("Rockets hit the city of Kharkiv on Sunday, killing four people, officials said.\n"
            "Troops and rebels exchanged fire for two hours on Tuesday.")
    loc = _at(placed(text), "exchanged")
    assert (loc.country, loc.admin1) == ("UA", "Kharkiv")


def test_a_truce_that_starts_told_by_its_verb_is_the_country(placed):
    # the pipeline asks at the trigger verb ("began"), whose subject is the truce
    text = ("Drones struck the city of Kharkiv on Sunday, killing three people, officials said.\n"
            "The armistice began on Thursday and has broadly held.")
    loc = _at(placed(text), "began")
    assert (loc.country, loc.admin1, loc.geo_precision) == ("UA", None, "country")


def test_a_verb_whose_object_is_the_truce_still_takes_the_story_province(placed):
    # "the rebels broke the truce": the rebels acted somewhere, the story's province
    text = ("Drones struck the city of Kharkiv on Sunday, killing three people, officials said.\n"
            "Troops wounded two rebels who broke the ceasefire on Thursday.")
    loc = _at(placed(text), "wounded")
    assert (loc.country, loc.admin1) == ("UA", "Kharkiv")


def test_a_prison_town_listed_after_another_place_is_found_and_spreads_the_event(placed):
    # the second name shares "from" with the first, though the parser hangs it elsewhere
    text = "The authorities on Sunday freed 90 inmates from Bagram and Pul-e-Charkhi prisons."
    adoc = placed(text)
    assert [(m.text, m.place.admin1) for m in adoc.places] == [("Bagram", "Parwan"), ("Pul-e-Charkhi", "Kabul")]
    loc = _at(adoc, "freed")
    assert (loc.country, loc.admin1, loc.admin1_list) == ("AF", None, ("Parwan", "Kabul"))
