"""Specificity: only a specific event, at a time and place, is an incident. Background,
tallies, trends, habits, descriptions and history are not (sentences we wrote)."""

from __future__ import annotations

from datetime import date

import pytest

from sitrep.pipeline import ExtractOptions, extract_text
from tests.events.reading import OPTIONS, first


@pytest.mark.parametrize(
    "sentence",
    [
        # a tally counted from a starting point, or over many events
        "More than 3,000 people have been killed since the uprising began in the north.",
        "The air force has carried out hundreds of airstrikes in rebel-held districts.",
        # a trend
        "Militant attacks have been on the rise across the border districts.",
        "Violence has escalated in the province with clashes spreading to new villages.",
        "Rocket attacks have lessened since the mediators brokered a deal.",
        # what happens as a rule, or what a photograph shows
        "Most of the shelling takes place at night, away from the monitors.",
        "Relatives inspect the ruins of a house destroyed in the bombing.",
        # a description of people or a thing by what was done to them
        "The freed men were among those abducted during the raid on the market.",
        "The exchange includes 40 fishermen who were detained near the maritime border.",
        # an event that only dates another
        "The border crossing reopened after the ambush on the convoy.",
        # an act named in a gerund that is the subject: spoken of in general
        "\"Blocking the release of our fighters by outside powers is an insult to Afghanistan,\" the spokesman said.",
        # a running total: a present perfect counting "over" so many, with no time or place
        "The ministry said that it has freed over 3,000 rebel prisoners so far.",
        # a release demanded
        "The rebels have emphasized on the release of their fighters from state custody in a bid to open talks.",
        # what a reason is said to be: an explanation
        "Police said the reason for the feud between the two clans was that they accused each other of stealing cattle.",
        # a turn in someone's history, joined to a span of years, with no day of its own
        "She worked as a nurse in the city hospital for ten years and later was detained at the border for links with the rebels.",
        # a meeting named only as where something was said
        "However, the rebel chairman in a meeting claimed the government is failing to pull its troops out of the north.",
        # a bare participle describing the noun before it, whatever the parse hangs it on
        "The rebels insisted on release of their 300 fighters agreed in a truce signed between the two envoys "
        "on March 3rd in Geneva, after long talks.",
    ],
)
def test_background_is_no_incident(sentence):
    assert first(sentence) is None


def test_history_placed_by_its_year_is_no_incident():
    text = "The region has been unstable since 2012, when rebels stormed several garrison towns."
    assert extract_text(text, options=ExtractOptions(published=date(2021, 6, 16))).incidents == []


def test_an_old_event_dated_to_its_day_is_still_a_report():
    text = "On 2 May 2020, gunmen shot dead two farmers near the village of Kalar."
    [incident] = extract_text(text, options=ExtractOptions(published=date(2021, 6, 16))).incidents
    assert (incident.date, incident.killed) == ("2020-05-02", 2)


@pytest.mark.parametrize(
    "sentence, expected",
    [
        # the present of the report, not of the event
        ("The group claims responsibility for the bombing of a police post in Kunar.", ("Explosions/Remote violence", "Remote explosive/landmine/IED")),
        # present and past alike
        ("Assailants set a truck ablaze on the ring road in Kabul on Friday.", ("Riots", "Mob violence")),
        # a clause that goes on with the story
        ("The militants then entered the village, where they killed four herders.", ("Violence against civilians", "Attack")),
        # a tally of a specific event in the present perfect
        ("Eleven soldiers have been killed in an attack on a checkpoint in Marib on Monday.", ("Battles", "Armed clash")),
        # an event named after a preposition of time that carries its own toll
        ("Two pupils were wounded after a grenade blast at a school in Gao.", ("Explosions/Remote violence", "Grenade")),
    ],
)
def test_specific_events_pass(sentence, expected):
    incident = first(sentence)
    assert incident is not None and (incident.acled_type, incident.acled_sub_type) == expected


@pytest.mark.parametrize(
    "sentence",
    [
        # a purpose or a prospect told by an infinitive
        "The envoy flew to Doha to agree on a ceasefire with the rebel leaders.",
        "Commanders were directed to cease all hostilities at midnight.",
        # fear of an act that did not happen
        "Some of the wounded were so afraid of being arrested that they avoided the hospitals.",
        # what was done to someone, told as an adjective
        "Photographs showed more than a dozen burned bodies in the village square.",
        # a round-up of separate events, each told on its own or not at all
        "Five policemen have lost their lives in separate attacks across the province this week.",
        # a tally over a long war
        "The mediator said more than 600,000 people have died during the two-year war.",
    ],
)
def test_more_background_is_no_incident(sentence):
    assert first(sentence) is None


def test_an_event_dated_after_the_story_is_announced_not_done():
    text = "The decree orders the resumption of military operations against the group from June 20, 2021."
    assert extract_text(text, options=ExtractOptions(published=date(2021, 6, 16))).incidents == []


def test_an_infinitive_that_tells_what_happened_is_an_event():
    incident = first("Rebels began to shell the garrison town of Kidal on Monday.")
    assert (incident.acled_sub_type, incident.date) == ("Shelling/artillery/missile attack", "2021-06-14")


def test_hostages_freed_are_a_release_not_an_abduction():
    incident = first("Friday saw the release of 24 hostages held in the tunnels under the city.")
    assert (incident.acled_type, incident.acled_sub_type, incident.released) == ("Strategic developments", "Other", 24)


def test_coming_under_fire_is_an_attack():
    incident = first("The army said its troops woke up under fire from the rebels and their allies early on Monday near Bunagana.")
    assert (incident.acled_type, incident.acled_sub_type, incident.date) == ("Battles", "Armed clash", "2021-06-14")


def test_in_the_wake_of_an_attack_dates_what_follows():
    assert first("Schools closed across the district in the wake of the attack on the market.") is None



def test_a_release_insisted_on_is_a_demand_not_an_incident():
    assert extract_text("The Taliban insisted on the release of 5,000 prisoners.", options=OPTIONS).incidents == []


def test_fighting_over_years_is_the_war_not_an_event_while_two_days_of_it_is_one():
    assert extract_text("The coalition, which has been battling the Houthis in Yemen for more than four years, made no comment.",
                        options=OPTIONS).incidents == []
    [incident] = extract_text("Government forces have been fighting the rebels for two days in Kunduz.", options=OPTIONS).incidents
    assert incident.acled_sub_type == "Armed clash"


def test_a_jail_released_from_is_a_place_not_an_arrest():
    found = extract_text("The government on Friday released 164 members of Hizb-e-Islami from Bagram and Pul-e-Charkhi jails.",
                         options=OPTIONS).incidents
    assert [i.acled_sub_type for i in found] == ["Other"]


def test_a_toll_of_a_whole_war_or_offensive_is_no_event_while_one_days_fighting_is():
    assert extract_text("The Hamas administration claims that 18,800 Palestinians have died as a result of Israel's retaliatory offensive.",
                        options=OPTIONS).incidents == []
    [incident] = extract_text("Five soldiers have been killed in the fighting in Kunduz on Monday.", options=OPTIONS).incidents
    assert (incident.acled_sub_type, incident.killed) == ("Armed clash", 5)


@pytest.mark.parametrize(
    "sentence",
    [
        # a "when" clause cut down to its participle tells a rule of conduct, not an act
        "The units are ordered to hold their ground, let aid convoys pass and only shoot in self-defence when attacked by other groups.",
        # an attack noun right after a verb of intention is intended, however the parse attaches it
        "According to the armed group, the army plans further attacks on their positions in Yei and Morobo counties and the other areas yet to be known in the region.",
        "The opposition says the junta plans new attacks on its bases in the hills and the areas yet to be known.",
        # a present the tagger reads as a base form, joined to a past: what the men do as a rule
        "Officials say demobilised militiamen abandoned their camps and use their guns for looting.",
    ],
)
def test_rules_of_conduct_plans_and_habits_are_no_incident(sentence):
    assert first(sentence) is None


def test_an_attack_told_in_a_full_when_clause_is_an_incident():
    incident = first("Two soldiers were wounded when they were attacked by militiamen near Bunia on Monday.")
    assert (incident.acled_type, incident.injured, incident.date) == ("Battles", 2, "2021-06-14")


@pytest.mark.parametrize("sentence", [
    "The movement, which controls the capital, says it is fighting a corrupt system.",
    "The governor said his office was fighting poverty in the north.",
])
def test_fighting_a_thing_is_no_clash(sentence):
    assert extract_text(sentence, options=OPTIONS).incidents == []


def test_fighting_people_or_forces_is_still_a_clash():
    from tests.events.reading import first

    incident = first("Soldiers fought a band of gunmen near Gao on Monday, killing four.")
    assert (incident.acled_type, incident.date, incident.killed) == ("Battles", "2021-06-14", 4)


def test_a_release_told_as_done_is_still_an_incident_beside_a_gerund_subject():
    incident = first("The government released 80 Taliban prisoners in Kabul on Monday, officials said.")
    assert (incident.acled_sub_type, incident.released) == ("Other", 80)


def test_a_perfect_release_at_a_place_is_still_an_incident():
    incident = first("The government has freed over 300 Taliban prisoners from Bagram prison, officials said.")
    assert (incident.acled_sub_type, incident.released) == ("Other", 300)


def test_a_meeting_held_is_still_an_incident():
    incident = first("Rebel and government envoys held a meeting in Nairobi on Monday to discuss a truce.")
    assert (incident.acled_sub_type, incident.date, incident.place) == ("Other", "2021-06-14", "Nairobi")


def test_an_act_with_its_own_day_after_a_span_of_years_is_still_an_incident():
    incident = first("She worked as a nurse in Kabul for ten years and was arrested at Kabul airport on Monday.")
    assert (incident.acled_sub_type, incident.date) == ("Arrests", "2021-06-14")


def test_what_could_be_heard_on_a_night_is_a_past_perception():
    found = first("Gunfire and explosions could be heard in the centre of Kismayo on Sunday night, according to a witness.")
    assert (found.acled_type, str(found.date), found.admin1) == ("Explosions/Remote violence", "2021-06-13", "Lower Juba")


def test_what_could_have_been_heard_is_still_a_possibility():
    assert first("Explosions could have been heard if the wind had been right, a resident said.") is None


def test_fighting_going_on_since_a_day_of_the_week_is_one_event_still_going_on():
    # counted from a day, not from the start of a war: no tally
    incident = first("“Since Saturday, fighting has been going on between the Borana and Gabra tribes in Moyale,” a witness said on Monday.")
    assert (incident.acled_sub_type, incident.date) == ("Armed clash", "2021-06-12")


def test_deaths_counted_since_the_war_began_stay_a_tally():
    assert first("More than 3,000 people have been killed since the war began in the two regions.") is None


def test_an_act_placed_only_by_an_earlier_year_is_background():
    found = extract_text(
        "The government and the rebels agreed on Friday to extend their ceasefire by three months. "
        "The rebels abducted the brother of a well-known singer last year, which stalled the talks.",
        options=OPTIONS,
    ).incidents
    assert [i.acled_sub_type for i in found] == ["Agreement"]


def test_an_act_placed_by_a_month_of_last_year_is_still_told():
    found = extract_text("The rebels ended their truce with the government in November last year, the army said.", options=OPTIONS).incidents
    assert [(i.acled_sub_type, str(i.date)) for i in found] == [("Change to group/activity", "2020-11")]


def test_a_wars_toll_so_far_in_a_relative_clause_is_no_incident():
    found = extract_text(
        "Talks resumed in Jakarta on Tuesday. The separatists have fought for independence since the 1960s, "
        "in an insurgency that has killed an estimated 100,000 people.",
        options=OPTIONS,
    ).incidents
    assert found == []


def test_a_death_told_beside_the_wars_toll_is_still_an_incident():
    found = first("A soldier was killed on Monday near Wamena in an insurgency that has killed thousands.")
    assert (found.acled_type, found.killed, str(found.date)) == ("Battles", 1, "2021-06-14")


def test_several_attacks_told_at_one_time_and_place_are_one_incident():
    incident = first("Militants had already launched several attacks on army posts along the frontier on Monday.")
    assert incident is not None and incident.date == "2021-06-14"


def test_several_attacks_told_over_two_places_are_each_their_own_incident():
    assert first("Militants carried out two separate attacks in Kandahar and Helmand on Monday.") is None


def test_several_attacks_told_at_no_time_are_background():
    assert first("Militants have carried out several attacks on army posts along the frontier.") is None


def test_several_attacks_at_no_named_place_are_placed_no_finer_than_the_country():
    found = extract_text(
        "Two soldiers were killed in a roadside bombing in Kunar province on Sunday. "
        "Militants had also launched several attacks on army posts on Monday.",
        options=OPTIONS,
    ).incidents
    assert [(i.date, i.admin1, i.geo_precision) for i in found] == [("2021-06-13", "Kunar", "admin1"), ("2021-06-14", None, "country")]


def test_a_gerund_under_since_only_starts_the_span_a_tally_counts_over():
    from tests.events.reading import first
    # the capture is a tally since the offensive began; the offensive only dates its start
    assert first("The insurgents have overrun much of Kunduz province since launching their spring offensive "
                 "this year.") is None


@pytest.mark.parametrize("sentence, expected", [
    # a plural event noun in the perfect with a verb of reaching new places: a wave of events
    ("Sit-ins against the fuel price rise have spread from the capital to market towns across the country.", None),
    # one event, in the simple past, on its day: still told
    ("Fighting spread to the centre of Kunduz city on Tuesday.", ("Battles", "Armed clash")),
])
def test_events_that_have_spread_are_a_wave_not_one_event(sentence, expected):
    from tests.events.reading import kind
    assert kind(sentence) == expected


def test_a_country_that_carried_out_several_strikes_is_their_doer_not_their_place():
    found = extract_text(
        "Soldiers fought militants in Somalia's Hiraan region on Sunday. "
        "Earlier this month, the US carried out three separate airstrikes against the group.",
        options=OPTIONS,
    ).incidents
    assert [(i.acled_sub_type, i.admin1, i.geo_precision) for i in found][-1] == ("Air/drone strike", None, "country")


def test_what_an_anchor_event_did_in_its_relative_clause_is_the_anchor_too():
    # "since the 2011 uprising": the uprising and what it did only start the span told of
    found = extract_text("Clashes in the capital killed 12 people on Saturday. The country has known little calm "
                         "since the 2011 revolt that toppled the old ruler.", options=OPTIONS).incidents
    assert [(i.acled_sub_type, i.killed) for i in found] == [("Armed clash", 12)]


def test_a_truce_said_broken_in_a_denial_is_no_end_of_the_truce():
    found = extract_text("A truce took effect at midnight. A rebel spokesman denied that the rebels had broken the truce "
                         "and said army guns had shelled two villages after midnight.", options=OPTIONS).incidents
    # (the truce taking effect is its start, as "the truce started at midnight" is)
    assert [i.acled_sub_type for i in found] == ["Agreement", "Shelling/artillery/missile attack"]


def test_a_trigger_inside_a_since_clause_only_describes_the_anchor():
    found = extract_text("Published 25 February 2020\n\nStrikes killed 21 civilians in the city on Tuesday. It was the "
                         "bloodiest day since government forces, backed by foreign warplanes, launched their offensive "
                         "in December 2019.").incidents
    assert [(i.killed, i.date) for i in found] == [(21, "2020-02-25")]


def test_a_day_of_mourning_for_the_dead_is_no_second_incident():
    found = extract_text(
        "Gunmen killed three soldiers at a checkpoint near Gao on Sunday, the army said. The government "
        "declared Wednesday a day of national mourning for the three dead soldiers.", options=OPTIONS).incidents
    assert [(i.date, i.killed) for i in found] == [("2021-06-13", 3)]


@pytest.mark.parametrize(
    "sentence, expected",
    [
        # the deal the story is about, told in the passive with its day, or as coming into force
        ("The truce was announced in Moscow on Monday by the two presidents after six hours of talks.",
         [("Strategic developments", "Agreement", "2021-06-14")]),
        ("The two-month truce, announced by the UN envoy on Friday, came into force at 7 p.m. on Saturday.",
         [("Strategic developments", "Agreement", "2021-06-12")]),
        # a deal already known, told in passing with no day of its own: background
        ("The agreement was signed in Khartoum after meetings between the two leaders.", []),
        ("The truce deal was agreed at UN-led talks in Sweden last week.", []),
    ],
)
def test_a_deal_told_in_the_passive_is_news_only_with_a_day_of_its_own(sentence, expected):
    found = extract_text(sentence, options=OPTIONS).incidents
    assert [(i.acled_type, i.acled_sub_type, i.date) for i in found] == expected


def test_hundreds_killed_so_far_in_a_campaign_is_a_tally():
    # (joined to the day's killing, the fighters' deaths made it a battle)
    found = extract_text(
        "Gunmen killed 12 villagers near Beni on Tuesday, the army said. The army has fought the group across "
        "the border for two years, and officials say hundreds of its fighters have been killed in those "
        "operations.", options=OPTIONS).incidents
    assert [(i.acled_type, i.date, i.killed) for i in found] == [("Violence against civilians", "2021-06-15", 12)]


def test_a_toll_after_a_timing_clause_is_the_result_of_the_act_before_it():
    # the parser hangs "wounding" on "before parliament was due to reopen", which is not yet
    found = extract_text(
        "Two attackers set off a bomb at the gate of the police headquarters in Ankara on Tuesday morning, "
        "hours before parliament was due to reopen nearby, wounding two police officers, the minister said.",
        options=OPTIONS).incidents
    assert [(i.acled_sub_type, i.injured) for i in found] == [("Remote explosive/landmine/IED", 2)]


@pytest.mark.parametrize(
    "sentence, expected",
    [
        # a bombing's toll updated is that bombing told, with its toll
        ("The death toll from Sunday's suicide bombing at a rally in Khar rose to 54 overnight, officials said.",
         [("Suicide bomb", "2021-06-13", 54)]),
        # how many events there were, rising, is a trend
        ("The number of attacks on aid workers has risen sharply this year, the UN said.", []),
    ],
)
def test_a_toll_that_rises_is_an_update_and_a_number_of_attacks_that_rises_a_trend(sentence, expected):
    found = extract_text(sentence, options=OPTIONS).incidents
    assert [(i.acled_sub_type, i.date, i.killed) for i in found] == expected


def test_pounds_of_explosives_are_no_shelling():
    found = extract_text("The commander told reporters on Thursday that the attacker had been carrying about 25 "
                         "pounds of explosives.", options=OPTIONS).incidents
    assert found == []


def test_an_event_in_a_timing_clause_of_this_week_is_told_apart_from_the_main_one():
    found = extract_text("A drone strike killed two militants near Jalalabad on Tuesday, a day after a suicide bomber "
                         "blew himself up at the airport gate on Monday, officials said.", options=OPTIONS).incidents
    assert [(i.acled_sub_type, i.date, i.killed) for i in found] == [
        ("Air/drone strike", "2021-06-15", 2), ("Suicide bomb", "2021-06-14", 1)]
