"""Where fire came from ("shells fired from the direction of Israel", "rockets launched
from Gaza") is not where it struck: the place the fire hit, named beside it, is."""

from __future__ import annotations

from tests.places.reading import place_at


def test_fire_from_the_direction_of_a_country_lands_where_it_hit(placed):
    adoc = placed(
        "BEIRUT: Two farmers were wounded on Tuesday when shells fired from the direction of Israel "
        "hit an orchard near the village of Alma al-Shaab, local officials said.\n\n"
        "Israel said a drone had been shot down near Metula, across the border from Lebanon."
    )
    loc = place_at(adoc, "shells")
    assert (loc.country, loc.admin1) == ("LB", "South")


def test_fire_from_a_country_lands_where_it_hit(placed):
    adoc = placed("BEIRUT: Rockets launched from Syria struck a hillside near the village of Alma al-Shaab on Monday.")
    loc = place_at(adoc, "Rockets")
    assert (loc.country, loc.admin1) == ("LB", "South")
