"""A small place's name after a facility's title ("Camp Simba") is the facility's name,
not the village of that name elsewhere in the country."""

from __future__ import annotations


def test_camp_title_makes_a_facility_name(placed):
    adoc = placed("Militants raided the naval base in Lamu County, which the army calls Camp Simba, before dawn.")
    assert [m.text for m in adoc.places] == ["Lamu"]


def test_level_word_after_a_name_still_names_the_place(placed):
    adoc = placed("Militants raided a police post near Simba village in Kajiado on Monday.")
    assert "Simba" in [m.text for m in adoc.places]
