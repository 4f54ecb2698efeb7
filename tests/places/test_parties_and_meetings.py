"""Who acted, who spoke and where parties met are not where an event happened: the doer
of a passive ("a truce brokered by Egypt"), speakers placed inside their own subject
("diplomats in Nairobi said"), and a meeting place abroad ("the deal was signed in Doha")
neither place the event nor keep the story from its one province."""

from __future__ import annotations

from sitrep.places import locate_event
from tests.places.reading import place_at
from sitrep.places.locate import is_actor, is_capital_government
from tests.places.locating import locate_at


def test_the_doer_of_a_passive_is_a_party(placed):
    adoc = placed("A truce brokered by Egypt for the Gaza Strip collapsed, and clashes in the north of the strip killed nine people.")
    egypt = [m for m in adoc.places if m.text == "Egypt"]
    assert [is_actor(adoc, m) for m in egypt] == [True]
    loc = locate_at(adoc, "clashes")
    assert loc.country == "PS"


def test_speakers_placed_in_their_subject_do_not_place_what_they_tell(placed):
    adoc = placed(
        "Gunmen attacked a market in Mandera County on Monday. Shops burned in Mandera town and in "
        "Rhamu, and residents fled to El Wak.\n\n"
        "Several foreign diplomats in Nairobi said on Tuesday that the shooting showed the need for more troops."
    )
    loc = place_at(adoc, "shooting")
    assert loc.admin1 != "Nairobi"


def test_local_speakers_in_a_story_of_many_provinces_still_place_what_they_tell(placed):
    adoc = placed(
        "Fighting went on in Helmand on Sunday.\n\n"
        "Police in Kandahar said five civilians were killed in a roadside blast on Monday."
    )
    assert place_at(adoc, "blast").admin1 == "Kandahar"


def test_capitals_joined_as_subjects_speak_for_their_governments(placed):
    adoc = placed("Both Moscow and Ankara say the fight against the jihadists will go on.")
    assert [is_capital_government(adoc, m) for m in adoc.places] == [True, True]


def test_a_meeting_place_abroad_does_not_unsettle_the_story_s_one_province(placed):
    adoc = placed(
        "Fighters clashed near Kismayo in Lower Juba on Sunday.\n\n"
        "Kenya hosted the talks, and a truce was announced in Nairobi on Monday.\n\n"
        "Five guards were killed near Bar-Wayleey Yare, a hamlet on the river, on Tuesday."
    )
    loc = place_at(adoc, "killed")
    assert (loc.country, loc.admin1) == ("SO", "Lower Juba")


def test_where_a_deal_was_announced_is_no_fallback_for_a_later_act(placed):
    adoc = placed(
        "Fighting flared in Jonglei last week.\n\n"
        "A truce was announced in Juba on Monday by the two leaders. Hours later, five soldiers "
        "were killed in an ambush."
    )
    loc = place_at(adoc, "ambush")
    assert (loc.country, loc.admin1) == ("SS", None)


def test_a_capital_speaking_for_its_government_is_no_fallback(placed):
    text = ("Fighting raged across Idlib province on Friday.\n\n"
            "Ankara blamed Syrian troops for the strike and answered with waves of drone attacks.")
    adoc = placed(text)
    start = text.index("Syrian troops")
    loc = locate_event(adoc, start, len(text), text.index("attacks"))
    assert loc is None or loc.country != "TR"
