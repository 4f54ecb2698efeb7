"""Which named place is the event's: a region written with a lower-case hyphened tail,
a part of the country that the story's one province fills, a place qualifying someone
in a relative clause, a list of provinces' namesake towns, a road between provinces, a
government's seat reached through "the team of the government in X" (dev articles
n-afr-004, n-afr-007, n-eaa-010, n-eaa-008, n-af-003)."""

from __future__ import annotations

from sitrep.places import locate_event
from tests.places.locating import locate_at


def test_a_region_with_a_lower_case_hyphened_tail_is_found(placed):
    adoc = placed("A convoy fell into an ambush near Kaya, in the Centre-nord region of Burkina Faso.")
    found = [(m.text, m.place.admin1, m.place.level) for m in adoc.places if m.text.startswith("Centre")]
    assert found == [("Centre-nord", "Centre-Nord", "admin1")]


def test_a_hyphened_lower_case_word_after_a_place_is_no_name(placed):
    adoc = placed("A Kabul-based analyst said the attack in Kandahar killed four people.")
    assert [m.text for m in adoc.places] == ["Kabul", "Kandahar"]


def _first_line(adoc, verb):
    text = adoc.document.text
    return locate_event(adoc, 0, text.index("\n"), text.index(verb))


def test_central_country_is_the_story_s_one_province(placed):
    text = ("Gunmen killed at least 12 herders in central Mali on Saturday, residents said.\n"
            "An official in Douentza said the men had fled their village a month earlier.")
    adoc = placed(text)
    loc = _first_line(adoc, "killed")
    assert (loc.country, loc.admin1, loc.geo_precision) == ("ML", "Mopti", "admin1")


def test_a_compass_word_on_the_wrong_side_keeps_the_country(placed):
    # Kayes lies in the far west of Mali: "eastern Mali" is not there.
    text = ("Gunmen killed at least 12 herders in eastern Mali on Saturday, residents said.\n"
            "An official in Kayes said the men had fled their village a month earlier.")
    adoc = placed(text)
    loc = _first_line(adoc, "killed")
    assert (loc.country, loc.admin1) == ("ML", None)


def test_the_country_without_a_compass_word_stays_the_country(placed):
    text = ("Gunmen killed at least 12 herders in Mali on Saturday, residents said.\n"
            "An official in Douentza said the men had fled their village a month earlier.")
    adoc = placed(text)
    loc = _first_line(adoc, "killed")
    assert (loc.country, loc.admin1) == ("ML", None)


def test_a_place_qualifying_someone_in_a_relative_clause_is_not_the_event_s(placed):
    text = ("Gunmen opened fire on mourners in Apatzingan in Michoacan state on Friday.\n"
            "The shooting happened at the wake of a man who had driven trucks for the Sinaloa cartel.")
    adoc = placed(text)
    second = text.index("The shooting")
    loc = locate_event(adoc, second, len(text), text.index("shooting"))
    assert loc is None or loc.admin1 != "Sinaloa"


def test_namesake_towns_of_provinces_in_a_list_are_a_round_up(placed):
    adoc = placed("Last week bombs exploded in Pattani, Narathiwat and Yala, killing three people.")
    loc = locate_at(adoc, "exploded")
    assert (loc.country, loc.admin1, loc.admin1_list) == ("TH", None, ("Pattani", "Narathiwat", "Yala"))


def test_a_road_between_two_provinces_lies_in_neither(placed):
    adoc = placed("A farmer was shot dead on Tuesday on the Pattani-Yala road, police said.")
    loc = locate_at(adoc, "shot")
    assert (loc.country, loc.admin1, loc.admin1_list) == ("TH", None, ("Pattani", "Yala"))


def test_the_team_of_the_government_in_kabul_names_its_seat(placed):
    text = ("The government said it freed 80 Taliban prisoners on Sunday.\n"
            "The list had been agreed during talks with the negotiating team of the government in Kabul.")
    adoc = placed(text)
    loc = locate_at(adoc, "freed")
    assert (loc.country, loc.admin1) == ("AF", None)


FOCUS = (
    "Troops raided a refugee camp near Nablus in the West Bank on Monday.\n"
    "Violence in the West Bank has risen since the war in the Gaza Strip began.\n"
    "The West Bank has seen raids almost daily this year.\n"
)


def test_the_province_a_story_keeps_coming_back_to_places_an_unplaced_event(placed):
    text = FOCUS + "\"The soldiers found explosives in a school,\" the army said."
    adoc = placed(text)
    loc = locate_event(adoc, text.index("\"The soldiers"), len(text), text.index("found"))
    assert (loc.country, loc.admin1) == ("PS", "West Bank")


def test_an_event_told_from_where_its_speaker_was_keeps_the_country(placed):
    text = FOCUS + "Separately, an army spokesman said in Jerusalem that two soldiers were wounded."
    adoc = placed(text)
    loc = locate_event(adoc, text.index("Separately"), len(text), text.index("wounded"))
    assert loc.admin1 != "West Bank"


def test_two_provinces_named_alike_are_no_focus(placed):
    text = ("Troops raided a camp near Nablus in the West Bank on Monday.\n"
            "Aircraft struck Khan Younis in the Gaza Strip on Tuesday.\n"
            "\"The soldiers found explosives in a school,\" the army said.")
    adoc = placed(text)
    loc = locate_event(adoc, text.index("\"The soldiers"), len(text), text.index("found"))
    assert (loc.country, loc.admin1) == ("PS", None)


def test_a_compass_compound_with_a_lower_case_tail_is_no_district(placed):
    adoc = placed("Students marched against the plan for big dams in the North-east on Monday.")
    assert [m.text for m in adoc.places] == []


def test_a_small_town_abroad_is_a_place_when_its_country_is_named_beside_it(placed):
    text = ("Lebanon's Hezbollah fired rockets on Sunday after a strike in south Lebanon.\n"
            "The group said it had fired dozens of rockets at the border town of Metula, in Israel's north.")
    adoc = placed(text)
    second = text.index("The group")
    loc = locate_event(adoc, second, len(text), text.index("fired dozens"))
    assert (loc.country, loc.admin1, loc.place) == ("IL", "Northern", "Metula")


def test_a_small_town_abroad_without_its_country_stays_a_stray(placed):
    text = ("Lebanon's Hezbollah fired rockets on Sunday after a strike in south Lebanon.\n"
            "The group said it had fired dozens of rockets at Metula.")
    adoc = placed(text)
    second = text.index("The group")
    loc = locate_event(adoc, second, len(text), text.index("fired dozens"))
    assert loc.country == "LB"


def test_the_site_named_again_with_its_place_places_the_event(placed):
    text = ("Militants stormed an army camp in Somalia on Sunday, officials said.\n"
            "Troops later retook the camp located in Gedo region, a commander said.")
    adoc = placed(text)
    loc = _first_line(adoc, "stormed")
    assert (loc.country, loc.admin1) == ("SO", "Gedo")


def test_another_noun_placed_elsewhere_does_not_place_the_event(placed):
    text = ("Militants stormed an army camp in Somalia on Sunday, officials said.\n"
            "The convoy located in Gedo region was not attacked, a commander said.")
    adoc = placed(text)
    loc = _first_line(adoc, "stormed")
    assert (loc.country, loc.admin1) == ("SO", None)


def test_a_near_spelling_of_a_town_of_another_province_is_left_out(placed):
    # "Zirakai" is one letter from Ziraki, a village of Badakhshan; the story is in Samangan.
    text = ("Eleven policemen were killed in clashes in Dara-e-Suf district of Samangan province on Monday.\n"
            "The Taliban also took control of the Zirakai region, officials said.")
    adoc = placed(text)
    assert [m.text for m in adoc.places if m.text == "Zirakai"] == []
    loc = locate_event(adoc, text.index("The Taliban"), len(text), text.index("took"))
    assert (loc.country, loc.admin1) == ("AF", "Samangan")


def test_a_plural_event_word_in_a_part_of_the_country_spans_many_places(placed):
    text = ("The army said raids in central Somalia had killed 20 militants this week.\n"
            "Troops captured two villages in Hiraan region on Friday.")
    adoc = placed(text)
    loc = _first_line(adoc, "raids")
    assert (loc.country, loc.admin1) == ("SO", None)


def test_a_part_of_the_country_that_frames_the_event_word_is_no_province(placed):
    text = ("Twenty militants were killed on Friday during a long campaign in central Somalia, the army said.\n"
            "Troops captured two villages in Hiraan region on Friday.")
    adoc = placed(text)
    loc = _first_line(adoc, "killed")
    assert (loc.country, loc.admin1) == ("SO", None)
