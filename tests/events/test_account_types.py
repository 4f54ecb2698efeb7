"""Another source's toll for an event already told is a telling of that event: its type is
the event's (dev misses, in our own words)."""

from __future__ import annotations

import pytest

from sitrep.pipeline import extract_text
from tests.events.reading import OPTIONS


def kinds(text: str) -> list[tuple[str, str, int | None]]:
    return [(i.acled_type, i.acled_sub_type, i.killed) for i in extract_text(text, options=OPTIONS).incidents]


@pytest.mark.parametrize("text, second", [
    ("Rebel fighters fired a missile at an army base in Kunduz province on Monday, killing five soldiers, officials "
     "said. But a local television channel said nine soldiers were killed in the attack.",
     ("Explosions/Remote violence", "Shelling/artillery/missile attack", 9)),
    ("Military jets bombed a village in Sagaing Region on Tuesday, killing 40 people, residents said. However, a local "
     "news site reported that 25 civilians were killed and 12 injured.",
     ("Explosions/Remote violence", "Air/drone strike", 25)),
])
def test_a_second_toll_keeps_the_means_of_the_event(text, second):
    assert kinds(text)[1] == second


def test_an_armed_group_telling_its_own_version_is_not_given_the_first_means():
    found = kinds("Government forces raided a village in Khost province on Sunday, and a landmine blast killed four "
                  "civilians, officials said. The rebels said 15 civilians were killed.")
    assert found == [("Explosions/Remote violence", "Remote explosive/landmine/IED", 4),
                     ("Violence against civilians", "Attack", 15)]


def test_a_bomb_opening_an_assault_in_which_both_sides_died_is_a_battle():
    found = kinds("Militants attacked an army base in Lower Shabelle region on Saturday, detonating a car bomb at its "
                  "gate. Five soldiers and 30 militants were killed, the army said.")
    assert found == [("Battles", "Armed clash", 35)]


def test_a_roadside_bomb_that_killed_soldiers_stays_an_explosion():
    found = kinds("A roadside bomb killed three soldiers in Lower Shabelle region on Saturday, the army said.")
    assert found == [("Explosions/Remote violence", "Remote explosive/landmine/IED", 3)]


def test_shelling_told_after_a_week_of_fighting_is_shelling():
    assert kinds("Rebels shelled residential areas of Donetsk on Saturday, killing four civilians following a week of "
                 "heavy fighting, officials said.") == [("Explosions/Remote violence", "Shelling/artillery/missile attack", 4)]


def test_shelling_amid_fighting_told_as_the_event_is_the_battle():
    assert kinds("Government forces shelled rebel positions and fought the rebels near Donetsk on Saturday, killing four "
                 "fighters, officials said.") == [("Battles", "Armed clash", 4)]


@pytest.mark.parametrize("text, expected", [
    ("Government bombing in Idlib province killed at least nine civilians on Sunday, monitors said.",
     ("Explosions/Remote violence", "Air/drone strike", 9)),
    ("Army bombing of villages in Darfur killed 12 people on Monday, residents said.",
     ("Explosions/Remote violence", "Air/drone strike", 12)),
    ("A bombing in Idlib province killed nine civilians on Sunday, monitors said.",
     ("Explosions/Remote violence", "Remote explosive/landmine/IED", 9)),
])
def test_a_state_bombing_is_from_the_air(text, expected):
    assert kinds(text) == [expected]


@pytest.mark.parametrize("text, expected", [
    ("Officials in Helmand province said on Monday that Nad Ali district has fallen to the Taliban after the security "
     "forces left the area.", ("Strategic developments", "Non-violent transfer of territory", None)),
    ("Afghan forces retreated from Nad Ali district in Helmand province on Monday. The Taliban captured the district "
     "headquarters, officials said.", ("Battles", "Non-state actor overtakes territory", None)),
    ("The checkpoint first fell to the rebels but was recaptured by government troops in a counterattack in which two "
     "rebels were killed, the governor of Kunduz province said on Monday.", ("Battles", "Government regains territory", 2)),
])
def test_who_holds_the_ground_in_the_end_and_how(text, expected):
    assert kinds(text)[0] == expected
