"""A part of the country named by a diagonal compass word ("northeastern Mali") is the
story's one province when the province lies on both its sides; the part may hold the
event's target ("a raid on the village of X in northeastern Mali")."""

from __future__ import annotations

from sitrep.places import locate_event


def _first_line(adoc, verb):
    text = adoc.document.text
    return locate_event(adoc, 0, text.index("\n"), text.index(verb))


def test_a_diagonal_compass_part_holding_the_target_is_the_story_s_province(placed):
    text = ("Gunmen killed 20 people in a night raid on the village of Tinzawaten Ouest in northeastern Mali.\n"
            "An official in Kidal said the men had fled their homes a month earlier.")
    loc = _first_line(placed(text), "raid")
    assert (loc.country, loc.admin1) == ("ML", "Kidal")


def test_a_diagonal_compass_part_on_the_wrong_side_keeps_the_country(placed):
    # Kidal lies in the north-east of Mali: "southwestern Mali" is not there.
    text = ("Gunmen killed 20 people in a night raid on the village of Tinzawaten Ouest in southwestern Mali.\n"
            "An official in Kidal said the men had fled their homes a month earlier.")
    loc = _first_line(placed(text), "raid")
    assert (loc.country, loc.admin1) == ("ML", None)
