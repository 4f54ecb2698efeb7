"""Acts told in ways the trigger words alone miss: a strike someone launched with no
aircraft named, an act inside an accusation, a gerund read as the event noun it names."""

from __future__ import annotations

from sitrep.pipeline import extract_text
from tests.events.reading import OPTIONS


def incidents(text: str):
    return extract_text(text, options=OPTIONS).incidents


def test_strikes_launched_against_troops_inside_an_accusation_are_a_clash():
    [incident] = incidents("The army denied involvement and accused the insurgents of launching strikes against its troops "
                           "in Kunduz province on Monday.")
    assert (incident.acled_type, incident.acled_sub_type, incident.date, incident.admin1) == (
        "Battles", "Armed clash", "2021-06-14", "Kunduz")


def test_strikes_carried_out_on_positions_are_a_clash():
    [incident] = incidents("Rebel fighters carried out strikes on army positions in Kunduz province on Monday.")
    assert (incident.acled_type, incident.acled_sub_type) == ("Battles", "Armed clash")


def test_a_strike_workers_launch_stays_a_protest():
    [incident] = incidents("Teachers launched a strike over unpaid salaries in Kunduz on Monday.")
    assert (incident.acled_type, incident.acled_sub_type) == ("Protests", "Peaceful protest")


def test_shelling_from_other_forces_after_a_preposition_is_their_own_strike():
    # "killed by shelling from X": the gerund is the event noun, X its doer, another side than the first strike's
    found = incidents("Ukrainian forces shelled Horlivka on Monday, killing a woman. "
                      "Two soldiers were killed by shelling from Russian forces near Horlivka on Monday.")
    assert [i.killed for i in found] == [1, 2]
    assert "Military Forces of Russia" in {a.name for a in found[1].actors}


def test_captives_carried_out_of_a_prison_are_a_release():
    [incident] = incidents("A bus carrying 40 prisoners left Ofer prison for Ramallah on Monday.")
    assert (incident.acled_type, incident.acled_sub_type, incident.date) == ("Strategic developments", "Other", "2021-06-14")


def test_visitors_leaving_a_prison_release_nobody():
    assert incidents("The journalists left the prison after visiting the inmates on Monday.") == []


def test_a_truce_that_started_is_an_agreement_of_its_day():
    [incident] = incidents("The truce between the army and the rebels started on Sunday and has broadly held.")
    assert (incident.acled_type, incident.acled_sub_type, incident.date) == ("Strategic developments", "Agreement", "2021-06-13")


def test_a_ceasefire_initiated_in_a_relative_clause_with_its_own_subject_is_an_agreement():
    [incident] = incidents("Talks went on for a year, the result of which on Sunday they initiated a bilateral ceasefire.")
    assert (incident.acled_sub_type, incident.date) == ("Agreement", "2021-06-13")


def test_a_ceasefire_violation_that_began_is_no_truce_begun():
    assert [i.acled_sub_type for i in incidents("The ceasefire violation began at 11 am on Monday in Poonch.")] == []


def test_a_truce_described_as_begun_tells_no_new_agreement():
    assert incidents("Residents said the truce that began last week has brought calm.") == []


def test_a_truce_begun_in_a_clause_that_times_an_attack_is_no_agreement_of_its_own():
    found = incidents("Rebels said troops shelled their camp near Torit on Sunday, only hours after the truce began.")
    assert [i.acled_sub_type for i in found] == ["Shelling/artillery/missile attack"]


def test_a_truce_suspended_after_an_attack_is_its_own_change_and_the_attack_only_times_it():
    found = incidents("On Monday the army suspended its truce with the rebels in two provinces after the group ambushed a patrol "
                      "on Sunday.")
    assert [(i.acled_type, i.acled_sub_type, i.date) for i in found] == [
        ("Strategic developments", "Change to group/activity", "2021-06-14")]


def test_a_group_breaking_its_truce_in_a_month_last_year_is_a_change_of_that_month():
    found = incidents("Violence has returned to the north after the militia broke its ceasefire with the government "
                      "in November last year.")
    assert [(i.acled_sub_type, i.date) for i in found] == [("Change to group/activity", "2020-11")]


def test_a_passive_suspended_truce_is_a_change():
    assert [i.acled_sub_type for i in incidents("The truce with the militia was suspended on Tuesday.")] == [
        "Change to group/activity"]


def test_a_truce_broken_by_shelling_is_the_shelling():
    found = incidents("The army broke the ceasefire by shelling the town on Monday.")
    assert [i.acled_sub_type for i in found] == ["Shelling/artillery/missile attack"]


def test_breaking_the_terms_of_a_deal_or_being_accused_of_breaking_a_truce_ends_no_truce():
    assert incidents("The rebels broke the terms of the deal on Monday.") == []
    assert incidents("The rebels accused the army of breaking the truce on Monday.") == []
    assert incidents("The rebels threatened to end the truce on Monday.") == []


def test_demonstrating_something_is_no_protest():
    assert incidents("The army demonstrated its new drones at a parade in the capital on Monday.") == []
    assert [i.acled_sub_type for i in incidents("Hundreds of teachers demonstrated in Goma on Monday.")] == ["Peaceful protest"]


CUT_OFF = ("Rebels shelled a market in Kidal on Monday, killing four traders.\n"
           "Officials said the attack was the deadliest this year.\n")


def test_a_cut_off_last_line_whose_main_verb_tells_a_past_act_is_read():
    found = incidents(CUT_OFF + "A drone strike on Gao in May hit a depot where rebel officers were meeting to plan new")
    assert [(i.acled_sub_type, i.date) for i in found] == [
        ("Shelling/artillery/missile attack", "2021-06-14"), ("Air/drone strike", "2021-05")]


def test_a_cut_off_last_line_is_read_only_in_its_main_clause():
    # the abduction is told in a clause the cut may have changed: only the main clause is read
    found = incidents(CUT_OFF + "The governor visited the camp after rebels abducted two aid workers from the town of Menaka and")
    assert [i.acled_sub_type for i in found] == ["Shelling/artillery/missile attack"]


def test_a_cut_off_last_line_in_title_case_is_a_headline():
    found = incidents(CUT_OFF + "Rebels Attacked Army Convoy Near Gao Last Week")
    assert [i.acled_sub_type for i in found] == ["Shelling/artillery/missile attack"]


def test_one_more_victim_seized_by_armed_men_is_an_attack_of_its_own():
    found = incidents("Gunmen killed three farmers near Kidal on Monday. "
                      "The fourth victim was seized by the gunmen at a well outside the town as he drew water.")
    assert [(i.acled_type, i.acled_sub_type) for i in found] == [
        ("Violence against civilians", "Attack"), ("Violence against civilians", "Attack")]
    assert found[1].evidence.text.startswith("The fourth victim")


def test_a_victim_taken_to_hospital_tells_no_attack():
    assert incidents("The victim was taken to hospital by neighbours on Monday.") == []


def test_a_ruler_ousted_in_a_since_clause_of_the_story_week_is_news_placed_in_the_country():
    found = incidents("The rallies in Omdurman were the largest since the general ousted the prime minister's cabinet on Monday.")
    coup = [i for i in found if i.acled_type == "Strategic developments"]
    assert [(i.acled_sub_type, i.date, i.country, i.admin1) for i in coup] == [("Other", "2021-06-14", "SD", None)]


def test_a_ruler_ousted_in_a_since_clause_years_ago_is_background():
    found = incidents("The rallies in Omdurman were the largest since the army ousted the president in April 2019.")
    assert [i.acled_type for i in found if i.acled_type == "Strategic developments"] == []


def test_rebels_ousted_from_a_town_remove_no_ruler():
    found = incidents("Rebels were ousted from the town of Menaka on Monday.")
    assert [i.acled_sub_type for i in found if i.acled_type == "Strategic developments"] == []


def test_a_truce_ended_is_placed_in_the_country_not_in_the_provinces_of_the_main_clause():
    [incident] = incidents("Violence has returned to Kunduz province after the Taliban ended their truce with the government on Monday.")
    assert (incident.acled_sub_type, incident.country, incident.admin1) == ("Change to group/activity", "AF", None)


def test_a_truce_extended_in_a_clause_on_its_noun_is_a_second_agreement_of_its_own_date():
    found = incidents("Talks went on for a year, the result of which on 3 March they initiated a truce, "
                      "which was extended for six months in May.")
    assert [(i.acled_sub_type, i.date) for i in found] == [("Agreement", "2021-03-03"), ("Agreement", "2021-05")]


def test_a_truce_signed_in_a_clause_on_its_noun_is_no_new_agreement():
    assert incidents("The rebels say the army violated the truce, which was signed in 2016.") == []
