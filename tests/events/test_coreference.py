"""Event coreference on sentences we wrote: which mentions tell one event."""

from __future__ import annotations

from tests.events.reading import OPTIONS

from sitrep.pipeline import extract_text


def incidents(text: str):
    return extract_text(text, options=OPTIONS).incidents


def test_what_the_told_weapon_did_is_part_of_its_blast():
    # "the explosive" points back to the bomb; the sentence names no place, time or toll of its own
    found = incidents(
        "A roadside bomb killed two policemen in Kandahar province on Monday, officials said. "
        "The explosive destroyed their patrol car and left a deep hole in the road, officials said."
    )
    assert [(i.acled_sub_type, i.killed, len(i.mentions)) for i in found] == [("Remote explosive/landmine/IED", 2, 2)]


def test_intercepting_the_told_missiles_is_part_of_the_strike():
    found = incidents(
        "Three soldiers were killed in an Israeli missile attack near Homs on Tuesday, state media said. "
        "Army air defences intercepted the missiles, the agency said."
    )
    assert [(i.acled_sub_type, i.killed, len(i.mentions)) for i in found] == [("Shelling/artillery/missile attack", 3, 2)]


def test_a_bomb_found_in_a_search_is_a_seizure_of_its_own():
    found = incidents(
        "Three gunmen were killed in a raid on a camp near Jenin on Tuesday, the army said. "
        "During searches, soldiers found a bomb in a house, the army said."
    )
    assert [i.acled_sub_type for i in found] == ["Armed clash", "Disrupted weapons use"]


def test_a_sentence_pointing_back_to_the_district_tells_its_fall_though_it_names_the_place_forces_went_to():
    found = incidents(
        "Officials in Ghazni province said that Andar district has fallen to the Taliban after the security forces retreated. "
        "A local source said the district collapsed after the army left the area. "
        "The district had been besieged for a year, the source said. "
        "At midnight the soldiers left the district for Ghazni city and the district collapsed."
    )
    # fallen after the forces left, with no fighting told: a non-violent transfer (classify)
    assert [(i.acled_sub_type, i.admin1, len(i.mentions)) for i in found] == [
        ("Non-violent transfer of territory", "Ghazni", 3)]


def test_the_same_means_on_the_same_day_retells_the_event_far_down_the_story():
    # the later sentence names no place of its own (its city is in who said it): the day tells it
    found = incidents(
        "Five people were killed in shelling in Luhansk on Sunday, the city authorities said. "
        "The truce started on June 5 and has broadly held. "
        "Officials in Kyiv accused the rebels of breaking it. "
        "The rebels denied the charge. "
        "On Saturday there was heavy fighting around Luhansk airport. "
        "Luhansk city council said two districts of the city were shelled Sunday, damaging homes."
    )
    assert [(i.acled_sub_type, i.date, i.killed, len(i.mentions)) for i in found] == [
        ("Shelling/artillery/missile attack", "2021-06-13", 5, 2),
        ("Agreement", "2021-06-05", None, 1),  # the truce that started is news of its own (mentions)
        ("Armed clash", "2021-06-12", None, 1)]


def test_a_meeting_with_neither_time_nor_place_is_background():
    assert incidents("The envoy said last week that he had met rebel representatives to agree on a new timetable.") == []
    [held] = incidents("The envoy met rebel representatives in Doha on Monday to agree on a new timetable.")
    assert (held.acled_sub_type, held.date, held.place) == ("Other", "2021-06-14", "Doha")


def test_strikes_spread_over_two_other_provinces_are_no_retelling_of_the_told_attack():
    # the second sentence's strikes lie in two provinces, neither of them the first attack's
    found = incidents(
        "Government troops attacked rebel positions in Kandahar province on Monday, the rebels said. "
        "The army denied it and accused the rebels of attacking its posts in Bagram and Jalalabad on Monday."
    )
    assert [(i.admin1, tuple(i.admin1_list)) for i in found] == [("Kandahar", ()), (None, ("Parwan", "Nangarhar"))]


def test_a_strike_by_a_party_outside_the_fighting_is_an_event_of_its_own():
    # the fighting is between the army and the Taliban; NATO forces are neither side
    found = incidents(
        "Afghan forces clashed with the Taliban in Andar district of Ghazni province on Monday, killing nine insurgents. "
        "A statement from the army said NATO forces carried out bombardment on Taliban positions during the operation."
    )
    assert [(i.acled_sub_type, len(i.mentions)) for i in found] == [("Armed clash", 1), ("Shelling/artillery/missile attack", 1)]


def test_an_air_strike_by_a_side_of_the_fighting_stays_part_of_it():
    found = incidents(
        "Afghan forces clashed with the Taliban in Andar district of Ghazni province on Monday, killing nine insurgents. "
        "A statement from the army said Afghan forces carried out bombardment on Taliban positions during the operation."
    )
    assert [(i.acled_sub_type, len(i.mentions)) for i in found] == [("Armed clash", 2)]


def test_an_undated_victim_told_after_tuesdays_attack_is_not_part_of_last_fridays():
    # the fourth victim has no day of its own, but the story was telling Tuesday
    found = incidents(
        "Gunmen killed four villagers in Macomia district on Tuesday, the police said. "
        "The villagers were attacked on their way back from their fields on Tuesday afternoon. "
        "The fourth victim was seized by the gunmen near a river as he was fetching water. "
        "Last Friday, the gunmen shot dead two farmers in Nangade district."
    )
    assert [([m.text.split()[1] for m in i.mentions], i.killed) for i in found] == [
        (["killed", "villagers"], 4), (["fourth"], None), (["Friday,"], 2)]



def test_what_the_story_says_came_after_is_an_earlier_event_of_its_own():
    # "come after" places what was told after the strike: two events, though the strike has
    # no doer and the attack no means that could tell them apart
    found = incidents(
        "The Daru Front said government troops launched fresh attacks on its positions near Bati town in Afar on Sunday. "
        "The claims come after a relief agency said 31 villagers were killed by a drone strike in Afar at the weekend."
    )
    assert [(i.acled_sub_type, i.killed) for i in found] == [("Armed clash", None), ("Air/drone strike", 31)]


def test_what_the_claims_followed_is_an_earlier_event_of_its_own():
    found = incidents(
        "Rebels said soldiers attacked their base near Bati town in Afar on Sunday. "
        "The claims followed a drone strike that killed 12 herders in Afar at the weekend, aid workers said."
    )
    assert [(i.acled_sub_type, i.killed) for i in found] == [("Armed clash", None), ("Air/drone strike", 12)]


def test_a_city_event_is_one_of_the_nationwide_ones_not_all_of_them():
    # "nationwide protests" sums many local events: tear gas in the capital, told with a place
    # of its own, is one of them; the rights group's four dead, told again in full, are the
    # four already told, though the tear gas came between; "it said" goes on with the group's
    found = incidents(
        "Police shot dead four people during nationwide protests in Kenya on Tuesday, a rights group said. "
        "In Nairobi, police used tear gas to break up a huge crowd of marchers, a witness said. "
        "The rights group said four protesters were shot dead by police in Nairobi. "
        "It said 20 people were injured, some by gunfire."
    )
    assert [(i.acled_sub_type, i.admin1, i.killed, i.injured, len(i.mentions)) for i in found] == [
        ("Excessive force against protesters", "Nairobi", 4, 20, 3), ("Protest with intervention", "Nairobi", None, None, 1)]


def test_a_city_told_during_protests_in_one_place_is_the_same_protest():
    # no spreading word: the city is where the protest told was
    found = incidents(
        "Police fired tear gas at protesters in Kenya on Tuesday, a rights group said. "
        "In Nairobi, police used tear gas to break up a huge crowd of marchers, a witness said."
    )
    assert [(i.acled_sub_type, i.admin1, len(i.mentions)) for i in found] == [("Protest with intervention", "Nairobi", 2)]


def test_a_fight_between_other_sides_in_the_same_county_is_another_fight():
    found = incidents(
        "Clashes broke out between the Kenyan army and al-Shabaab fighters in Marsabit county, residents said. "
        "A witness said fighting also broke out between the Borana and Gabra tribes in Marsabit county, killing 12 people."
    )
    assert [(i.acled_sub_type, i.killed, len(i.mentions)) for i in found] == [("Armed clash", None, 1), ("Armed clash", 12, 1)]


def test_a_sides_shelling_that_killed_civilians_is_no_part_of_the_ground_fighting():
    found = incidents(
        "Clashes broke out between the Sudanese army and the RSF in North Darfur on Monday, residents said. "
        "The RSF said 19 civilians were killed in the army's shelling of a market in El Fasher."
    )
    assert [(i.acled_sub_type, i.killed) for i in found] == [("Armed clash", None), ("Shelling/artillery/missile attack", 19)]


def test_a_new_event_the_told_one_places_in_time_is_an_event_of_its_own():
    # "this attack happened hours before an assassination attempt": the attack is the one told,
    # the attempt is news, on the attack's day or the next
    found = incidents(
        "Nine policemen were killed in a Taliban attack in Ghazni province on Sunday. "
        "This attack happened only hours before an assassination attempt on the provincial police chief, "
        "which also took place in Ghazni province."
    )
    assert [(i.acled_sub_type, i.date, i.killed, len(i.mentions)) for i in found] == [
        ("Armed clash", "2021-06-13", 9, 2), ("Armed clash", "2021-06-13/2021-06-14", None, 1)]


def test_a_shooting_with_its_own_toll_after_a_bombing_is_another_attack():
    found = incidents(
        "A roadside bomb killed three soldiers near a checkpoint in Ghazni city on Monday. "
        "Gunmen shot dead two shopkeepers in the main bazaar."
    )
    assert [(i.acled_sub_type, i.killed) for i in found] == [("Remote explosive/landmine/IED", 3), ("Attack", 2)]


def test_gunmen_opening_fire_in_a_suicide_bombing_are_the_same_complex_attack():
    found = incidents(
        "Four policemen were killed when two suicide bombers blew themselves up at a police station in Bannu on Monday. "
        "Two gunmen had first opened fire on the guards at the gate."
    )
    # the two bombers died too: ACLED counts attackers among the dead
    assert [(i.acled_sub_type, i.killed, len(i.mentions)) for i in found] == [("Suicide bomb", 6, 2)]


def test_fresh_attacks_told_after_a_lead_with_no_time_are_the_leads_attacks():
    found = incidents(
        "The rebel movement has accused the neighbouring army of attacking its positions. "
        "\"The army launched fresh attacks against our forces yesterday near Badme,\" the movement's spokesman wrote on Sunday."
    )
    # "yesterday" is the day before the Sunday the spokesman wrote
    assert [(i.date, len(i.mentions)) for i in found] == [("2021-06-12", 2)]


def test_fresh_attacks_after_attacks_told_on_their_own_day_are_another_event():
    found = incidents(
        "Rebels attacked an army post near Badme on Monday. "
        "On Tuesday they launched fresh attacks on the same post, the army said."
    )
    assert [i.date for i in found] == ["2021-06-14", "2021-06-15"]


def test_property_told_damaged_by_no_one_right_after_a_shelling_is_what_the_shelling_damaged():
    found = incidents("The defence ministry said enemy forces had shelled Vardenis with artillery on Tuesday. "
                      "It said a school and several homes had been damaged but gave no casualty figure.")
    assert [i.acled_sub_type for i in found] == ["Shelling/artillery/missile attack"]
    assert len(found[0].mentions) == 2


def test_property_burned_in_a_place_of_its_own_is_an_event_of_its_own():
    found = incidents("The defence ministry said enemy forces had shelled Vardenis with artillery on Tuesday. "
                      "Shops were torched in Gavar, residents said.")
    assert len(found) == 2


def test_a_bodys_own_weapons_told_by_it_are_its_strike_apart_from_the_other_sides():
    # "its artillery": the ministry's; a strike by another side on the same day and province stays apart
    found = incidents("Syrian air strikes hit three schools in Idlib province on Tuesday, killing 21 civilians, "
                      "a UN official said. In Ankara, Turkey's defence ministry said its artillery had killed 19 Syrian "
                      "government soldiers in Idlib province on Tuesday.")
    assert [(i.killed, [a.name for a in i.actors if a.role == "actor1"]) for i in found][1:] == [
        (19, ["Ministry of Defense of Turkey"])]
    assert len(found) == 2
