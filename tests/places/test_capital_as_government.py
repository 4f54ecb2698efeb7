"""A capital named for its government ("Kiev has expressed hopes", "a truce between Kiev
and the rebels") is a party, not a place the story is set in; and an act told by a
speaker placed in another province ("said in Lviv") is not set in the story's province."""

from __future__ import annotations

from sitrep.places import locate_event
from sitrep.places.locate import is_actor


def _at(adoc, word: str):
    text = adoc.document.text
    para = text.rfind("\n", 0, text.index(word)) + 1
    end = text.find("\n", para)
    return locate_event(adoc, para, len(text) if end == -1 else end, text.index(word))


STORY = ("Shelling hit the city of Kharkiv on Monday, killing five people.\n"
         "Kiev has accused the rebels of breaking a truce agreed between Kiev and the separatists.\n"
         "{}")


def test_a_capital_that_accuses_or_is_one_side_of_a_truce_is_a_party(placed):
    adoc = placed(STORY.format("Three civilians were wounded on Tuesday."))
    kiev = [m for m in adoc.places if m.text == "Kiev"]
    assert [is_actor(adoc, m) for m in kiev] == [True, True]


def test_the_story_stays_in_its_one_province_when_the_capital_only_speaks(placed):
    loc = _at(placed(STORY.format("Three civilians were wounded on Tuesday.")), "wounded")
    assert (loc.country, loc.admin1) == ("UA", "Kharkiv")


def test_an_act_told_by_a_speaker_in_another_province_is_the_country(placed):
    loc = _at(placed(STORY.format("A spokesman said in Lviv that 12 soldiers had been wounded.")), "wounded")
    assert (loc.country, loc.admin1, loc.geo_precision) == ("UA", None, "country")


def test_a_capital_where_something_happened_is_still_a_place(placed):
    adoc = placed("Rockets hit a depot in Kiev on Monday, officials said.")
    assert [is_actor(adoc, m) for m in adoc.places if m.text == "Kiev"] == [False]
