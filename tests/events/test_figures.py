"""Two tellings' figures set side by side: which count the same people, and whether they
agree, contradict, or only count fewer."""

from __future__ import annotations

from types import SimpleNamespace

from sitrep.events.accounts import agrees, contradicts, only_fewer, same_people
from sitrep.events.counts import Count


def telling(*figures: tuple[str, int, str | None]):
    """A telling with these counts (field, value, side); the accounts read only its counts."""
    return [SimpleNamespace(counts=[Count(field=f, value=v, side=s, token_i=0, text=f"{v} people") for f, v, s in figures])]


def test_the_same_people_are_the_same_toll_of_the_same_side_or_of_a_side_not_named():
    ours = telling(("killed", 9, "state"), ("killed", 4, "nonstate"), ("injured", 12, None))
    theirs = telling(("killed", 9, "state"), ("killed", 7, None), ("injured", 5, "civilian"))
    assert list(same_people(ours, theirs)) == [
        ({9}, {9}),  # the soldiers: the same side
        ({7}, {9}), ({7}, {4}),  # the dead of no side named: either side's
        ({5}, {12}),  # their wounded civilians: our wounded of no side
    ]
    assert list(same_people(telling(("killed", 3, "state")), telling(("killed", 3, "nonstate")))) == []


def test_a_figure_for_the_same_people_that_differs_contradicts_unless_one_of_a_larger_toll():
    ours = telling(("killed", 9, "state"))
    assert contradicts(ours, telling(("killed", 11, "state"))) is True
    assert contradicts(ours, telling(("killed", 9, None))) is False
    assert contradicts(ours, telling(("killed", 1, None))) is False  # one of the nine
    assert contradicts(ours, telling(("killed", 11, "nonstate"))) is False  # other people


def test_agreeing_is_sharing_a_figure_and_contradicting_none():
    ours = telling(("killed", 9, "state"), ("injured", 12, "state"))
    assert agrees(ours, telling(("killed", 9, None))) is True
    assert agrees(ours, telling(("killed", 9, None), ("injured", 20, "state"))) is False
    assert agrees(ours, telling(("killed", 9, "nonstate"))) is False


def test_only_fewer_when_every_differing_figure_for_the_same_people_is_smaller():
    ours = telling(("killed", 9, "state"), ("injured", 12, "state"))
    assert only_fewer(ours, telling(("killed", 6, "state"), ("injured", 12, None))) is True
    assert only_fewer(ours, telling(("killed", 6, "state"), ("injured", 15, None))) is False
    assert only_fewer(ours, telling(("killed", 15, "nonstate"))) is True  # other people
