"""A province the text states around a place ("X, a village in the state of Y") beats a
namesake of X elsewhere: X is read inside Y, or, when the index knows no X there, kept
by name as a village of Y."""

from __future__ import annotations

from tests.places.reading import place_at


def test_appositive_gloss_states_the_container(placed):
    adoc = placed("Gunmen set fire to a bus in El Aguaje, a hamlet in the state of Michoacan, on Friday.")
    loc = place_at(adoc, "fire")
    assert (loc.country, loc.admin1, loc.place) == ("MX", "Michoacan", "El Aguaje")


def test_gloss_through_a_municipality_states_the_province(placed):
    adoc = placed(
        "Police were ambushed on Sunday in El Aguaje, a settlement of the municipality of Aguililla "
        "in the western state of Michoacan, and four officers died."
    )
    loc = place_at(adoc, "ambushed")
    assert (loc.admin1, loc.place) == ("Michoacan", "El Aguaje")


def test_a_name_placed_once_is_that_place_wherever_the_story_names_it_again(placed):
    # the index knows no Banjska; the first sentence puts it in Zvecan municipality, so the
    # later bare "Banjska" is that village too, not a namesake the fuzzy index finds elsewhere
    adoc = placed(
        "Police went to check on two lorries blocking a bridge at the village of Banjska, in Zvecan "
        "municipality, on Sunday. Gunmen later fired on officers at Banjska, killing one of them."
    )
    loc = place_at(adoc, "fired")
    assert (loc.country, loc.admin1, loc.place) == ("XK", "Mitrovica", "Banjska")
