"""Places that say who, not where: a government named by its seat, a speaker's
audience, a nickname ending in a foreign town's name (dev article n-afr-005, n-pp-003)."""

from __future__ import annotations

from sitrep.places import locate_event
from tests.places.locating import locate_at

CAMEROON = (
    "Ten separatist fighters were killed in Small Babanki in the Northwest Region, the army said.\n"
    "The Southern Cameroons Interim Government announced that 10 civilians were killed by troops "
    "loyal to the regime in Yaounde."
)


def test_a_government_named_by_its_seat_does_not_place_the_event(placed):
    adoc = placed(CAMEROON)
    second = CAMEROON.index("The Southern")
    loc = locate_event(adoc, second, len(CAMEROON), CAMEROON.index("killed by"))
    # Yaounde names the regime; the story's one province is where the killings were.
    assert (loc.country, loc.admin1) == ("CM", "North-West")


def test_the_government_in_kabul_is_no_place_of_the_attack(placed):
    adoc = placed("Militiamen loyal to the government in Kabul attacked a Taliban checkpoint on Monday.")
    loc = locate_at(adoc, "attacked")
    assert (loc.country, loc.geo_precision) == ("AF", "country")


def test_the_press_a_speaker_told_is_where_the_speaker_was(placed):
    adoc = placed("The prisoners were handed over on Monday, the prime minister told the press in Moscow.")
    loc = locate_at(adoc, "handed")
    assert loc is None or loc.place != "Moscow"


def test_a_nickname_ending_in_a_foreign_town_is_no_place(placed):
    text = ("The army in Cameroon said a separatist commander known as General Fire Man was "
            "among those killed on Saturday.")
    adoc = placed(text)
    loc = locate_at(adoc, "killed")
    assert (loc.country, loc.place) == ("CM", None)


def test_a_country_accused_of_a_deed_did_it_and_is_not_where(placed):
    adoc = placed("Officials accused Armenia of firing shells in the direction of the Tartar region on Monday.")
    loc = locate_at(adoc, "firing")
    assert (loc.country, loc.admin1) == ("AZ", "Tartar")


def test_a_country_that_is_the_object_of_an_attack_is_still_where(placed):
    adoc = placed("Militants attacked Niger on Monday near the border with Mali, killing 12 soldiers.")
    armenia_like = [m for m in adoc.places if m.text == "Niger"]
    from sitrep.places.locate import is_actor

    assert armenia_like and not is_actor(adoc, armenia_like[0])


def test_captives_handed_over_to_the_capital_are_handed_to_its_government(placed):
    text = "A spokesman said on Sunday that 30 prisoners had been returned to Kabul after the truce began."
    adoc = placed(text)
    loc = locate_at(adoc, "returned")
    assert (loc.country, loc.admin1) == ("AF", None)


def test_captives_returned_to_a_town_that_is_no_capital_are_placed_there(placed):
    text = "A spokesman said on Sunday that 30 prisoners had been returned to Kandahar after the truce began."
    adoc = placed(text)
    loc = locate_at(adoc, "returned")
    assert (loc.country, loc.admin1) == ("AF", "Kandahar")


def test_the_country_owning_the_agency_that_quoted_a_source_is_no_place_of_the_event(placed):
    text = ("The ceasefire was reported broken in Marib. A local source was quoted by Oman's state news agency "
            "as saying that the rebels fired mortar rounds at a clinic in the western suburbs.")
    adoc = placed(text)
    loc = locate_event(adoc, text.index("as saying"), len(text), text.index("fired"))
    # Oman owns the reporter; the story's place is where the shells fell
    assert (loc.country, loc.admin1) == ("YE", "Marib")


def test_a_place_hung_on_an_as_reported_aside_is_the_events(placed):
    # The parser hangs "in Guarenas" on "reported"; the aside tells no one speaking there.
    text = "On 2 March 2021 (as reported), in Guarenas, Miranda state, 40 nurses protested after a week of training in Tachira state."
    adoc = placed(text)
    loc = locate_event(adoc, 0, len(text))
    assert (loc.country, loc.admin1, loc.place) == ("VE", "Miranda", "Guarenas")
