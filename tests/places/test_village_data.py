"""The villages of villages.toml: found in text, in the province their district lies in,
at the point of that district's town."""

from __future__ import annotations

from tests.places.locating import locate_at


def test_a_border_village_is_in_its_governorate_at_its_district_town(placed, gaz):
    adoc = placed("A drone strike hit a house near Khiam in southern Lebanon on Friday.")
    loc = locate_at(adoc, "hit")
    town = next(p for p in gaz.lookup("Marjayoun") if p.level == "place")
    assert (loc.country, loc.admin1, loc.place, loc.geo_precision) == ("LB", "Nabatieh", "Khiam", "place")
    assert (loc.latitude, loc.longitude) == (town.latitude, town.longitude)


def test_a_further_spelling_finds_the_same_village(gaz):
    assert [(p.name, p.admin1) for p in gaz.lookup("Kfar Tibnit")] == [("Kfar Tebnit", "Nabatieh")]


def test_a_village_of_the_tyre_district_is_in_the_south_governorate(placed):
    loc = locate_at(placed("Shells fell on olive groves outside Majdal Zoun on Tuesday."), "fell")
    assert (loc.country, loc.admin1, loc.place) == ("LB", "South", "Majdal Zoun")
