"""Typing and tolls from sentences we wrote after ACLED coders' notes that sitrep misread:
crude and petrol bombs during a strike, gunfights with the police, heavy weapons fired at
positions, unnamed attackers, and casualty figures told in less common ways."""

from __future__ import annotations

import pytest

from sitrep.events.counts import casualty_lexicon, is_person_phrase
from sitrep.events.lexicon import lexicon
from tests.events.reading import first, kind


def test_word_lists_moved_out_of_code_load():
    lex = lexicon()
    assert {"militant", "prisoner"} <= lex.person_object_words
    assert lex.protest_site.search("police cleared the protesters' camp")
    assert lex.gunfight.search("killed in a shoot-out with police")
    assert lex.off_duty.search("was shot dead outside his home")
    assert {"bus", "truck", "rickshaw"} <= lex.vehicle_nouns
    assert "hartal" in lex.campaign_nouns
    persons = casualty_lexicon()
    assert {"chief", "driver", "person"} <= persons.person_words
    assert "succumb" in persons.dying_verbs and "report" in persons.reporting_verbs


def test_person_words_still_count_one_person():
    from sitrep.text import load_nlp

    doc = load_nlp()("The district chief was killed.")
    assert is_person_phrase(doc[2])


def test_petrol_bomb_at_a_truck_during_a_blockade_burning_the_driver_is_an_attack():
    assert kind("A truck driver suffered burn injuries when blockaders threw a petrol bomb at his truck in Feni "
                "on Sunday night during the hartal.") == ("Violence against civilians", "Attack")


def test_crude_bombs_going_off_with_nobody_named_or_hurt_are_explosions():
    assert kind("On the fourth day of the blockade, three crude bombs went off near the court building in Khulna on Monday evening.") == (
        "Explosions/Remote violence", "Remote explosive/landmine/IED")


def test_crude_bombs_thrown_by_pickets_stay_a_riot():
    assert kind("Pickets exploded five crude bombs at the bus stand in Bogra on Tuesday during the hartal.")[0] == "Riots"


def test_a_gunfight_with_the_police_during_a_strike_is_a_battle():
    incident = first("A Shibir activist was killed in a gunfight with police in Rajshahi on Wednesday during the hartal.")
    assert (incident.acled_type, incident.killed) == ("Battles", 1)


def test_setting_a_bus_ablaze_is_arson_by_rioters():
    assert kind("A gang of assailants set a bus ablaze near the flyover in Dhaka on Saturday afternoon.")[0] == "Riots"


def test_an_arson_attack_that_kills_bus_passengers_is_an_attack_on_civilians():
    incident = first("Five passengers were killed in an arson attack on a bus in Gaibandha on Friday night.")
    assert (incident.acled_type, incident.acled_sub_type, incident.killed) == ("Violence against civilians", "Attack", 5)


def test_heavy_machine_guns_fired_at_positions_are_shelling():
    assert kind("On 3 May, rebel forces fired heavy machine guns and grenade launchers at army positions near Avdiivka.") == (
        "Explosions/Remote violence", "Shelling/artillery/missile attack")


def test_heavy_weapons_and_small_arms_fired_are_an_armed_clash():
    assert kind("On 3 May, rebel forces fired mortars, heavy machine guns and small arms at army positions near Avdiivka.") == (
        "Battles", "Armed clash")


def test_explosions_from_unknown_weapons_are_shelling_and_in_both_directions_a_clash():
    assert kind("On 3 May, monitors recorded 14 explosions involving unknown weapons near Stanytsia.") == (
        "Explosions/Remote violence", "Shelling/artillery/missile attack")
    assert kind("On 3 May, monitors recorded 40 explosions involving unknown weapons in both directions of the frontline near Stanytsia.") == (
        "Battles", "Armed clash")


def test_forces_returning_fire_make_an_armed_clash():
    assert kind("Gunmen attacked a convoy carrying the district governor near Ikorodu on Monday. The police escort returned fire.") == (
        "Battles", "Armed clash")


def test_unnamed_gunmen_killing_people_where_no_force_is_told_is_an_attack_on_civilians():
    incident = first("Unknown gunmen raided Kaura village on Tuesday, leaving six dead.")
    assert (incident.acled_type, incident.killed) == ("Violence against civilians", 6)


def test_a_policeman_killed_at_his_home_is_an_attack_on_civilians():
    assert kind("Militants shot dead a police sergeant outside his home in Arish on Sunday.")[0] == "Violence against civilians"


@pytest.mark.parametrize(
    ("text", "killed"),
    [
        ("Police said one man died when they traded gunfire with a gang in Khulna on Sunday.", 1),
        ("A shopkeeper was wounded when a crude bomb exploded in Sylhet on Monday. He died the next day.", 1),
        ("A rickshaw puller was hurt in a blast in Dhaka on Monday. He succumbed to his injuries at hospital on Tuesday.", 1),
        ("Three rebels were reported killed during the clash with soldiers near Beni on Friday.", 3),
        ("At least one civilian was confirmed dead after mortar rounds hit Baidoa on Friday.", 1),
        ("Militias clashed in Djugu on Friday, resulting in 4 killed and 9 wounded.", 4),
        ("Soldiers clashed with rebels near Beni on Friday; they killed three and wounded two.", 3),
        ("Gunmen attacked Tudun village on Monday. One farmer died and another one was injured.", 1),
        ("The raid on the camp on Sunday resulted in a soldier and a rebel killed.", 2),
    ],
)
def test_tolls_told_in_less_common_ways(text, killed):
    assert first(text).killed == killed


@pytest.mark.parametrize(
    ("text", "killed"),
    [
        ("On 3 May, rebels and soldiers fought on three fronts near Marib. Unknown fatalities coded as 10 and spread between 2 locations.", 5),
        ("On 3 May, soldiers attacked rebels near Marib, killing dozens. Dozens of fatalities coded as 12.", 12),
        ("On 3 May, 12 rebels were killed by army airstrikes in two districts of Kandahar. Fatalities are split across 2 events (6).", 6),
    ],
)
def test_a_coders_figure_settles_the_toll(text, killed):
    assert first(text).killed == killed
