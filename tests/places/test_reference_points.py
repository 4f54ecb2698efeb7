"""A place the event's place is only measured from ("south of Baghdad", "20 km from
Jaffna") is not where the event happened; a day after a name is no part of it."""

from __future__ import annotations

from tests.places.locating import locate_at


def _where(loc):
    return (loc.country, loc.admin1, loc.place)


def test_bearing_from_a_city_points_at_the_town_before_it(placed):
    adoc = placed("A roadside bomb wounded three policemen in Taji, just north of Baghdad, on Sunday.")
    assert _where(locate_at(adoc, "wounded")) == ("IQ", "Baghdad", "Taji")


def test_distance_and_bearing_from_a_city(placed):
    adoc = placed("A car bomb exploded at a busy market in Suwayrah, some 40 km south of Baghdad, killing nine people.")
    assert _where(locate_at(adoc, "exploded")) == ("IQ", "Wassit", "As Suwayrah")


def test_the_east_of_a_city_is_inside_it(placed):
    adoc = placed("Gunmen shelled houses in Zabid and in the east of Hodeidah on Friday.")
    loc = locate_at(adoc, "shelled")
    assert (loc.country, loc.admin1) == ("YE", "Hodeidah")


def test_whole_note_skips_the_place_another_is_measured_from(placed):
    adoc = placed("Forty kilometres from Kabul, in Surobi, militants ambushed a convoy.")
    loc = locate_at(adoc, "ambushed")
    assert (loc.country, loc.admin1, loc.place) == ("AF", "Kabul", "Surobi")


def test_weekday_after_a_small_town_is_no_part_of_its_name(placed):
    adoc = placed("Militia fighters captured the town of Huddur Wednesday after a day of fighting.")
    assert [(m.text, m.place.name) for m in adoc.places] == [("Huddur", "Xuddur")]
    assert _where(locate_at(adoc, "captured")) == ("SO", "Bakool", "Xuddur")
