"""Incidents from sentences we wrote (and one dev article beside the repo): what is an event,
its type, counts, place and source."""

from __future__ import annotations

import json

import pytest

from sitrep.pipeline import extract_text
from tests.conftest import DEV, needs_shared
from tests.events.reading import OPTIONS, first


def incidents(text: str):
    return extract_text(text, options=OPTIONS).incidents


def fields(incident):
    return (incident.acled_type, incident.acled_sub_type, incident.date, incident.country, incident.admin1,
            incident.killed, incident.injured)


def test_a_clash_with_counts_by_side_adds_up():
    [incident] = incidents(
        "Two soldiers were killed and five wounded in clashes in Kunduz province on Monday that also killed four Taliban fighters."
    )
    assert fields(incident) == ("Battles", "Armed clash", "2021-06-14", "AF", "Kunduz", 6, 5)


def test_killed_and_wounded_together_is_a_combined_figure():
    [incident] = incidents("Afghan forces shelled a village in Helmand province, which killed and wounded six civilians.")
    assert (incident.acled_sub_type, incident.killed, incident.injured, incident.killed_or_injured) == (
        "Shelling/artillery/missile attack", None, None, 6)


def test_a_contradicting_account_is_its_own_disputed_incident():
    found = incidents(
        "In a clash in Badakhshan province last Friday, 27 Taliban were killed and nine wounded, according to the Ministry of Defense. "
        "The Taliban, however, said that civilian homes were bombarded by Afghan forces, killing four civilians."
    )
    assert [(i.acled_sub_type, i.killed, i.claim_status, i.admin1, i.date) for i in found] == [
        ("Armed clash", 27, "reported", "Badakhshan", "2021-06-11"),
        ("Shelling/artillery/missile attack", 4, "disputed", "Badakhshan", "2021-06-11"),
    ]
    assert found[1].reported_by.name == "Taliban"


@pytest.mark.parametrize(
    "sentence",
    [
        "The group threatened to walk out of the talks.",
        "We will defend our partners if attacked.",
        "The Taliban called for a halt to attacks and night raids.",
        "The ministry said that Afghan forces will soon push the Taliban back from the area.",
        "There were no clashes in the district on Tuesday.",
        "In the past six months, more than 100 security force members were killed.",
        "The Taliban have intensified their attacks amid the peace talks.",
    ],
)
def test_what_did_not_happen_is_no_incident(sentence):
    assert incidents(sentence) == []


def test_a_release_of_prisoners():
    [incident] = incidents("The government released 200 Taliban prisoners last Wednesday and Thursday.")
    assert (incident.acled_type, incident.acled_sub_type, incident.plover_type, incident.released, incident.date) == (
        "Strategic developments", "Other", "CONCEDE", 200, "2021-06-09/2021-06-10")


def test_an_attack_on_civilians():
    [incident] = incidents("Gunmen attacked a market in Borno state on Tuesday and killed 12 villagers.")
    assert fields(incident) == ("Violence against civilians", "Attack", "2021-06-15", "NG", "Borno", 12, None)


def test_a_roadside_bomb():
    [incident] = incidents("A roadside bomb killed two policemen in Nad Ali district of Helmand province on Sunday.")
    assert fields(incident) == ("Explosions/Remote violence", "Remote explosive/landmine/IED", "2021-06-13", "AF", "Helmand", 2, None)


def test_mentions_of_one_event_join_and_the_figures_of_both_sides_add():
    found = incidents(
        "Taliban fighters attacked a checkpoint in Kunduz province on Monday night. "
        "Three policemen were killed in the attack. "
        "The police said four attackers were also killed in the clashes."
    )
    assert [(i.acled_sub_type, i.killed, i.date) for i in found] == [("Armed clash", 7, "2021-06-14")]


def test_another_attack_is_another_incident():
    found = incidents(
        "A bomb blast killed three people in Kabul on Monday. Another blast killed two soldiers in Kabul on Monday."
    )
    assert [i.killed for i in found] == [3, 2]


def test_a_round_up_over_provinces_leaves_admin1_empty():
    [incident] = incidents("At least 14 Taliban were killed during clashes with Afghan forces in Zabul and Uruzgan provinces on Monday.")
    assert (incident.admin1, incident.killed, sorted(incident.admin1_list)) == (None, 14, ["Uruzgan", "Zabul"])


def test_a_ceasefire_agreement():
    [incident] = incidents("The Taliban announced a three-day ceasefire with the Afghan government starting on Sunday.")
    assert (incident.acled_type, incident.acled_sub_type, incident.plover_type) == ("Strategic developments", "Agreement", "AGREE")


def test_protesters_throwing_stones_is_a_riot():
    [incident] = incidents(
        "Protesters threw stones at police in central Baghdad on Monday, and police fired tear gas; two protesters were killed."
    )
    assert (incident.acled_type, incident.acled_sub_type, incident.killed, incident.admin1) == ("Riots", "Violent demonstration", 2, "Baghdad")


def test_claim_of_responsibility():
    [incident] = incidents("Al-Shabaab claimed responsibility for a suicide bombing in Mogadishu on Tuesday that killed five people.")
    assert (incident.acled_sub_type, incident.claim_status, incident.killed) == ("Suicide bomb", "claimed", 5)


def test_an_agreement_on_a_hyphenated_cease_fire():
    [incident] = incidents("The government and the rebels agreed to start talks on a cease-fire as the round ended on Friday in Havana.")
    assert (incident.acled_sub_type, incident.date) == ("Agreement", "2021-06-11")


@pytest.mark.parametrize(
    "sentence",
    [
        "Although a cease-fire agreement was expected, the delegations announced that nothing had been decided.",
        "The government announced on Monday that Cuba agreed to host the next round of peace talks.",
        "The army has stepped up operations in recent months with some assistance from foreign airstrikes.",
    ],
)
def test_asides_are_no_agreement_or_strike(sentence):
    assert incidents(sentence) == []


def test_a_clause_with_its_own_subject_keeps_its_own_doer():
    [incident] = incidents(
        "Security forces left the district for the provincial capital on Tuesday night, and the district collapsed to the Taliban."
    )
    # not "Government regains territory" (the forces are no doer of the collapse); with no
    # fighting or seizure told, the ground changed hands without violence
    assert incident.acled_sub_type == "Non-violent transfer of territory"


def test_a_lead_repeated_in_the_body_is_read_once_where_the_story_tells_it():
    lead = "The rebels agreed to a ceasefire with the government on Friday."
    found = incidents(f"{lead}\n\nTalks ended in Havana after two weeks.\n\nThe mediators welcomed the step.\n\nThe next round opens in March.\n\n{lead}")
    assert len(found) == 1
    assert found[0].evidence.start > 100


@pytest.mark.parametrize(
    "sentence, released",
    [
        ("The government then freed 200 Taliban prisoners last Wednesday.", 200),
        ("The rebels freed 12 soldiers they had held since March, the army said on Monday.", 12),
    ],
)
def test_freeing_people_is_a_release_not_territory(sentence, released):
    [incident] = incidents(sentence)
    assert (incident.acled_type, incident.acled_sub_type, incident.released) == ("Strategic developments", "Other", released)


def test_clearing_a_protest_camp_is_a_protest_with_intervention():
    [incident] = incidents("Security forces cleared the main protest camp in Basra on Tuesday and detained dozens of demonstrators.")
    assert (incident.acled_type, incident.acled_sub_type, incident.admin1) == ("Protests", "Protest with intervention", "Basrah")


def test_the_dateline_date_is_when_the_story_was_filed_not_when_the_release_happened():
    text = "LIMA, March 4, 2024 (sitrep) - Rebels released the mayor Pedro Quispe yesterday, a week after their fighters seized him."
    incidents = extract_text(text).incidents
    release = next(i for i in incidents if i.acled_sub_type == "Other")
    assert release.date == "2024-03-03"
    assert [i.acled_sub_type for i in incidents if i is not release] == ["Abduction/forced disappearance"]


def test_a_captive_handed_over_to_a_commission_is_no_transfer_of_territory():
    incidents = extract_text("The mayor was handed over to a commission of the Red Cross in Ayacucho on Monday.").incidents
    assert [i.acled_sub_type for i in incidents if i.acled_type == "Strategic developments"] != ["Non-violent transfer of territory"]


def test_earlier_this_month_opens_an_incident_of_its_own():
    text = (
        "Fighters attacked an army post near Bulo Burte on Sunday, killing three soldiers. "
        "Earlier this month, the same group killed 19 civilians in the region."
    )
    assert sorted(i.killed for i in extract_text(text).incidents) == [3, 19]


def test_a_named_partys_however_contradicts_an_unnamed_sources_account():
    text = (
        "Two soldiers were killed in fighting outside Bulo Burte on Tuesday, a local commander told reporters. "
        "Al-Shabaab, however, claimed that its fighters had killed 24 soldiers."
    )
    incidents = extract_text(text).incidents
    assert sorted((i.claim_status, i.killed) for i in incidents) == [("disputed", 24), ("reported", 2)]


def test_a_toll_since_the_campaign_began_is_an_aggregate_even_behind_a_reporting_verb():
    text = (
        "A US air strike near Buulobarde on Sunday killed 27 al-Shabaab fighters. "
        "Since it began in August, officials say, more than 100 militants have been killed."
    )
    assert [i.killed for i in extract_text(text).incidents] == [27]


def test_a_drone_shot_down_is_disrupted_weapons_use():
    text = "The coalition said it had shot down an explosive-laden drone heading for the palace in Aden on Wednesday."
    assert [(i.acled_type, i.acled_sub_type) for i in extract_text(text).incidents] == [
        ("Strategic developments", "Disrupted weapons use")]


@pytest.mark.parametrize(
    "sentence",
    [
        "The two sides signed a deal in Nairobi on Monday to cease hostilities.",
        "Senior commanders from both sides are due to meet in Mekelle within five days.",
        "The group denied any role in the attack.",
        "The deal follows weeks of heavy fighting.",
        "The war has dragged on since the coalition intervened in March 2015.",
    ],
)
def test_talk_about_fighting_is_no_fight(sentence):
    assert [i.acled_type for i in extract_text(sentence).incidents if i.acled_type != "Strategic developments"] == []


def test_fighting_alongside_allies_is_no_battle_of_its_own():
    text = "Federal troops, fighting alongside Eritrean forces, took control of Shire on October 18, the government said."
    assert [i.acled_sub_type for i in extract_text(text).incidents] == ["Government regains territory"]


@needs_shared(DEV)
def test_a_list_of_villages_captured_is_territory_even_when_the_tagger_calls_them_organisations():
    # wd-003: "captured El-Halelay, Qasaalay, Nurfanax, and Buur Gabo": only the last is indexed
    text = json.loads((DEV / "wd-003.json").read_text(encoding="utf-8"))["text"]
    captured = [i for i in extract_text(text).incidents if "El-Halelay" in i.evidence.text]
    assert [i.acled_sub_type for i in captured] == ["Government regains territory"]


def test_an_undated_event_told_next_shares_the_day_the_story_is_telling():
    text = (
        "The army said 17 militants were killed on Thursday in fighting near Bulo Burte. "
        "Soldiers also captured the villages of Qasaalay and Buur Gabo, the military radio said."
    )
    incidents = extract_text(text, options=OPTIONS).incidents
    assert [(i.acled_sub_type, i.date) for i in incidents] == [
        ("Armed clash", "2021-06-10"), ("Government regains territory", "2021-06-10")]


def test_an_event_that_opens_its_own_story_does_not_borrow_the_day_before():
    text = (
        "The army said 17 militants were killed on Thursday in fighting near Bulo Burte. "
        "In another incident, gunmen killed two traders in Beledweyne."
    )
    incidents = extract_text(text, options=OPTIONS).incidents
    assert [i.date for i in incidents] == ["2021-06-10", None]


def test_an_event_told_in_the_simple_past_with_no_time_has_no_date():
    # the publication's month would claim a precision the text does not give
    [incident] = incidents("Gunmen killed two traders in Beledweyne, the district commissioner said.")
    assert (incident.date, incident.date_precision) == (None, None)


@pytest.mark.parametrize("sentence", [
    "Officials in Zabul province said that Atghar district has fallen to the Taliban.",
    "At least 14 Taliban fighters were killed during recent clashes with security forces in Zabul province.",
])
def test_an_event_told_as_just_past_is_dated_by_the_month_of_the_report(sentence):
    [incident] = incidents(sentence)
    assert (incident.date, incident.date_precision) == ("2021-06", "month")


def test_an_event_on_the_same_day_takes_the_day_dated_before_it_however_far_back():
    text = (
        "Gunmen killed five villagers in Gida Ayana district on 7 June, a resident said. "
        "The district administrator, who asked not to be named, said the attackers came at night. "
        "He said he had asked for more troops in the area for months. "
        "He also described a second attack on the same day in Charu village, where eight people were killed."
    )
    found = incidents(text)
    assert [(i.killed, i.date, i.date_text) for i in found] == [(5, "2021-06-07", "7 June"), (8, "2021-06-07", "the same day")]


def test_an_event_earlier_in_the_day_with_nothing_dated_before_is_on_the_day_of_the_report():
    [incident] = incidents("Earlier in the day, militants handed over two hostages to the Red Cross in Khan Younis.")
    assert (incident.acled_sub_type, incident.date, incident.date_precision) == ("Other", "2021-06-16", "day")


def test_an_incident_lists_every_sentence_that_tells_it_with_the_fullest_first():
    text = ("Gunmen ambushed a fuel convoy on the main highway in Zabul province on Sunday. "
            "The attackers later set three of the tankers on fire. "
            "Four drivers were killed and two were wounded in the ambush, the governor said.")
    [incident] = incidents(text)
    assert (incident.acled_sub_type, incident.killed, incident.injured) == ("Attack", 4, 2)
    assert incident.evidence.text == "Four drivers were killed and two were wounded in the ambush, the governor said."
    assert [m.text for m in incident.mentions] == [
        "Four drivers were killed and two were wounded in the ambush, the governor said.",
        "Gunmen ambushed a fuel convoy on the main highway in Zabul province on Sunday.",
        "The attackers later set three of the tankers on fire.",
    ]
    assert all(text[m.start:m.end] == m.text for m in incident.mentions)


def test_a_pointer_to_attacks_told_only_in_general_is_no_incident_in_a_story_of_other_events():
    text = ("The rebel movement accused the government of violating the ceasefire by launching a series of attacks on its positions. "
            "The attacks, it said, have set back reconciliation efforts. "
            "Separately, gunmen killed two traders in Yei on Monday.")
    assert [(i.acled_sub_type, i.killed) for i in incidents(text)] == [("Attack", 2)]


def test_the_same_means_at_the_same_place_retells_the_event_across_another_one():
    text = ("Scores of bandits were killed in air strikes in Zamfara State, the air force said on Monday. "
            "Meanwhile, the army denied reports that 25 soldiers were killed in an attack in Borno State. "
            "The spokesman said: \"The air component neutralised dozens of bandits in air strikes at Doumbourou Forest in Zamfara State.\"")
    assert [(i.acled_sub_type, i.admin1, i.killed, len(i.mentions)) for i in incidents(text)] == [
        ("Air/drone strike", "Zamfara", None, 2), ("Armed clash", "Borno", 25, 1)]


def test_a_strike_at_the_same_place_with_a_toll_of_its_own_is_another_strike():
    text = ("Two soldiers were killed in an air strike in Zamfara State on Monday. "
            "Meanwhile, the army denied reports that 25 soldiers were killed in an attack in Borno State. "
            "Five bandits were killed in air strikes at Doumbourou Forest in Zamfara State.")
    assert [(i.admin1, i.killed) for i in incidents(text)] == [("Zamfara", 2), ("Borno", 25), ("Zamfara", 5)]


def test_a_word_inside_an_organisations_name_is_no_event():
    found = incidents("Representatives of the Organization for Security and Co-operation in Europe visited Donetsk on Monday.")
    assert [i.acled_sub_type for i in found] == []


def test_an_agreement_reached_at_a_meeting_is_one_incident_placed_where_they_met():
    text = ("During the September 5 meeting of the Contact Group on Ukraine in Minsk, representatives from Ukraine, Russia and "
            "the Organization for Security and Co-operation in Europe agreed to a ceasefire between Kiev and the separatists.")
    assert [(i.acled_sub_type, i.date, i.place) for i in incidents(text)] == [("Agreement", "2020-09-05", "Minsk")]


@pytest.mark.parametrize("text, expected", [
    ("Armed men killed a trader as he left a friend's home.", [("Violence against civilians", 1)]),
    ("Government forces clash with al Shabaab near El Dhere. Both sides used heavy weaponry in the battle.", [("Battles", None)]),
])
def test_a_text_that_tells_one_event_keeps_it_however_it_is_told(text, expected):
    # a toll with nobody else counted is no pointer back; a pointer in a text that tells nothing else is the event
    assert [(i.acled_type, i.killed) for i in incidents(text)] == expected


def test_a_strike_named_to_date_a_reply_is_its_own_event_with_its_own_toll():
    text = ("Hezbollah launched rockets at Israel on Saturday after an Israeli air strike that according to a Lebanese "
            "security source killed two civilians in the country's south.")
    assert [(i.acled_sub_type, i.killed) for i in incidents(text)] == [
        ("Shelling/artillery/missile attack", None), ("Air/drone strike", 2)]


def test_a_doer_told_as_one_or_another_sets_no_event_apart():
    text = ("Russia's Defense Ministry denied reports that Russian warplanes carried out air strikes on a market in Maarat al-Numan, "
            "killing at least 23 civilians. Activists said either Russian or Syrian military jets conducted air strikes on the market.")
    assert [(i.acled_sub_type, i.killed, len(i.mentions)) for i in incidents(text)] == [("Air/drone strike", 23, 2)]


def test_force_used_against_marchers_is_part_of_their_protest():
    text = ("Hundreds of protesters marched from Tahrir Square in Baghdad on Sunday night. "
            "Security forces fired live ammunition to disperse the crowd, killing two protesters.")
    assert len(incidents(text)) == 1


def test_the_side_accused_of_an_act_is_its_doer():
    text = ("Houthi-run al-Masirah TV accused Saudi-led coalition forces of breaching the truce by shelling several sites in Hodeidah. "
            "The Houthis shelled a hospital in Hodeidah, a government source said.")
    assert [i.acled_sub_type for i in incidents(text)] == ["Shelling/artillery/missile attack"] * 2


def test_an_event_told_as_later_is_on_the_story_day_but_a_word_containing_later_is_no_cue():
    [released] = incidents("A third hostage was later released by Hamas in Gaza City.")
    assert (released.date, released.date_text) == ("2021-06-16", "later")
    [killed] = incidents("Gunmen killed two traders in Beledweyne, causing collateral damage to shops.")
    assert killed.date is None


def test_soldiers_counted_dead_are_a_toll():
    # "counted three soldiers dead": the object of the verb that "dead" completes
    [incident] = incidents("The military counted three soldiers dead after the clashes in Basilan on Wednesday.")
    assert (incident.acled_type, incident.killed) == ("Battles", 3)


def test_soldiers_counted_dead_beside_another_sides_toll_add_up():
    # the parse hangs "dead" on "counted" as an adverbial clause when a "while" clause follows
    [incident] = incidents(
        "The army counted five soldiers dead while a rebel commander, the head of the front's northern unit, "
        "said at least six rebel fighters were killed in the clashes in Basilan on Monday."
    )
    assert (incident.killed, incident.count_notes) == (11, ["killed nonstate: at least 6", "killed state: 5"])


def test_an_agreement_announced_by_a_third_party_is_the_agreement_already_told():
    # an agreement has two parties: the office announcing it is not a doer setting it apart
    text = ("The government and the rebel front on Friday, June 11, signed a truce agreement, a move seen to end three days "
            "of fighting in Kidal. The Office of the Mediator announced that the agreement was signed in Kidal by members "
            "of the two delegations and military officers.")
    assert [(i.acled_sub_type, i.date) for i in incidents(text)] == [("Agreement", "2021-06-11")]


def test_who_reports_shelling_is_not_its_doer():
    # "villagers reported shelling": the villagers tell of it, they are no crowd doing violence
    incident = first("Villagers reported shelling on Tuesday night on the outskirts of Hodeidah.")
    assert (incident.acled_type, incident.acled_sub_type, incident.date) == (
        "Explosions/Remote violence", "Shelling/artillery/missile attack", "2021-06-15")


def test_the_strike_pointed_back_to_with_a_relative_clause_and_a_day_off_is_the_strike_told():
    # "the air strike that hit a market" points back, and "late on Friday" borders "at the
    # weekend": the strike runs from the Friday night through the weekend, as coders date it
    # from its first day
    text = ("Thirty civilians were killed by an air strike in a district of Darfur at the weekend, aid groups said. "
            "The army did not respond to requests for comment. The rebels did not comment either. "
            "Relief officials said the lack of fuel was hampering care for the wounded, in a statement issued after "
            "the air strike that hit a market late on Friday.")
    assert [(i.acled_sub_type, i.date, i.killed) for i in incidents(text)] == [("Air/drone strike", "2021-06-11/2021-06-13", 30)]


def test_an_undated_event_told_next_shares_the_day_its_neighbour_was_dated_with():
    # the second and third sentences have no time of their own, but their raid is the
    # Monday raid told first: the fourth goes on with Monday, not with no date
    text = ("Soldiers killed three gunmen in a raid on a village near Jenin on Monday morning, the ministry said. "
            "Residents said the raid lasted for several hours. "
            "\"Two fighters were killed and others were wounded\" during the raid, the spokesman said. "
            "\"During searches, troops found explosives in a shed where the gunmen were hiding,\" he added.")
    found = incidents(text)
    assert [(i.acled_sub_type, i.date) for i in found][-1] == ("Disrupted weapons use", "2021-06-14")


def test_hours_before_the_story_s_event_may_be_the_night_before():
    text = ("Militants attacked an army post in Kirkuk on Tuesday, killing two soldiers, an officer said. "
            "Hours before the army was targeted, rockets landed near a Peshmerga base in Erbil province, a commander said.")
    found = incidents(text)
    assert [(i.acled_sub_type, i.date) for i in found] == [
        ("Armed clash", "2021-06-15"), ("Shelling/artillery/missile attack", "2021-06-14/2021-06-15")]


def test_hours_after_takes_the_last_day_the_story_told_even_with_no_event_on_it():
    # the day of the first sentence dates an accusation, not an event: the attack told
    # "hours after" the truce began is on that day, not on the day of publication
    text = ("The two armies traded accusations on Monday over a truce that was to begin at midnight. "
            "A rebel spokesman said troops attacked rebel positions in Yei at dawn, just hours after the truce began.")
    [attack] = incidents(text)
    assert (attack.date, attack.date_text) == ("2021-06-14", "hours after")


def test_a_day_inside_a_clause_about_the_past_is_not_the_story_s_day():
    # "arrested after the 5 May attack" names a day of the background, not the day the story tells
    text = ("The list includes 40 men who were arrested after the 5 May attack and held without trial. "
            "Earlier in the day, militants handed over two hostages to the Red Cross in Gaza City.")
    found = incidents(text)
    assert [(i.date, i.date_text) for i in found if i.acled_sub_type == "Other"] == [("2021-06-16", "earlier in the day")]


def test_a_text_published_in_a_month_the_url_names_dates_its_events_in_that_month():
    from sitrep.models import Document
    from sitrep.pipeline import extract_document

    text = ("The army and the rebel front on Friday, March 9, signed a truce in Kidal, ending three days of fighting. "
            "The army counted four soldiers dead in the clashes in Kidal since Tuesday, March 6, a spokesman said.")
    extraction = extract_document(Document(id="t", source="t", url="https://news.example.ml/truce-in-kidal-march-2022/", text=text))
    assert extraction.model_dump(mode="json")["document"]["published"] == "2022-03"
    assert [(i.acled_sub_type, i.date) for i in extraction.incidents] == [("Agreement", "2022-03-09"), ("Armed clash", "2022-03-06")]


@pytest.mark.parametrize("second, expected", [
    # "the operation" points back to the strikes just told and dates them
    ("The operation was carried out on Sunday after intelligence reports.", "2021-06-13"),
    # an operation with no determiner pointing back is no pointer, and a day on the saying dates no strike
    ("An operation was launched on Sunday in the north, the spokesman said on Monday.", None),
])
def test_a_sentence_pointing_back_to_the_event_by_a_definite_noun_dates_it(second, expected):
    text = "Jets killed dozens of bandits in air strikes on a forest camp in Zamfara State, the air force said. " + second
    assert [(i.acled_sub_type, i.date) for i in incidents(text)] == [("Air/drone strike", expected)]


def test_an_event_told_on_two_days_runs_from_the_first_to_the_last():
    # the first breach is dated by a sentence pointing back to it, the second by the
    # exchange of fire told with it: one clash over the night, from Monday to Tuesday
    text = ("Two soldiers were killed when troops traded heavy gunfire in Kupwara district, officials said. "
            "Troops exchanged fire with the intruders near the border posts. "
            "The first violation took place at 9 pm on Monday. "
            "The second violation began at 10 am on Tuesday and the exchange of fire was still going on, he said.")
    assert [(i.acled_sub_type, i.date, i.killed) for i in incidents(text)] == [("Armed clash", "2021-06-14/2021-06-15", 2)]


def test_a_pointer_back_dates_the_event_only_by_a_verb_telling_when_it_happened():
    text = ("Jets killed dozens of bandits in air strikes on a forest camp in Zamfara State, the air force said. "
            "The operation drew praise from the governor on Sunday.")
    assert [(i.acled_sub_type, i.date) for i in incidents(text)] == [("Air/drone strike", None)]


def test_an_event_told_over_a_span_and_on_a_day_inside_it_keeps_the_span():
    # "overnight" is Tuesday to Wednesday: the Tuesday night told again adds no day
    text = ("Rebels shelled a village near Kidal overnight, killing four civilians, officials said. "
            "The shelling of the village began late on Tuesday night, residents said.")
    assert [(i.date, i.killed) for i in incidents(text)] == [("2021-06-15/2021-06-16", 4)]


@pytest.mark.parametrize(("text", "expected"), [
    # the event told as just past: the month of the report
    ("Gunmen have killed five villagers in an attack in Kidal region, officials said. The attackers shot the men outside a mosque.",
     "2021-06"),
    # told in the simple past; a remark in the present perfect told with it dates nothing
    ("Rebels said one man was killed by shelling from government forces in central Donetsk. "
     "The monitors said neither side has withdrawn heavy artillery from the front line.", None),
])
def test_an_event_is_told_as_just_past_by_its_evidence_sentence(text, expected):
    assert [i.date for i in incidents(text)] == [expected]


def test_what_has_happened_since_an_agreement_the_story_dates_runs_from_its_day_to_the_report():
    # the releases the second source counts "after a truce was imposed" run from the day the
    # story dates the truce (Saturday) to publication, not from the first source's day
    text = ("“We released 12 captured soldiers yesterday and got more of our men back,” the rebel leader said. "
            "Earlier the same day, a government spokesman said some 30 prisoners have been released to their families "
            "after a truce was imposed in the north. "
            "At a meeting in Algiers on Saturday, the two sides agreed to a truce.")
    assert [(i.acled_sub_type, i.date) for i in incidents(text)] == [
        ("Other", "2021-06-15"), ("Other", "2021-06-12/2021-06-16"), ("Agreement", "2021-06-12")]


@pytest.mark.parametrize(("sentence", "told"), [
    ("Gunmen killed two herders near Ansongo a few days ago, the mayor said.", "a few days ago"),
    ("Few days ago the army killed 12 militants in Tessit, officials said.", "Few days ago"),
])
def test_an_event_told_a_few_days_ago_is_dated_approximately_before_the_report(sentence, told):
    # published Wednesday 16 June 2021: from four days before to two, as a coder dates it
    # (ACLED time precision 2: a span under a week)
    from sitrep.export.acled import acled_date

    incident = first(sentence)
    assert (incident.date, incident.date_precision, incident.date_text) == ("2021-06-12/2021-06-14", "range", told)
    when = acled_date({"date_start": "2021-06-12", "date_end": "2021-06-14", "date_precision": "range"},
                      {"date_text": told}, OPTIONS.published)
    assert (str(when.day), when.precision) == ("2021-06-12", 2)


def test_a_month_of_last_year_is_the_storys_history_not_this_years_news():
    # "in March last year" read on 16 June 2021 is March 2020, over a year before: background
    assert incidents("Gunmen killed four soldiers at a checkpoint near Gao in March last year, the army said.") == []
    [incident] = incidents("Gunmen killed four soldiers at a checkpoint near Gao in March, the army said.")
    assert incident.date == "2021-03"
