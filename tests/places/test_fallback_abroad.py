"""An event whose own sentence names no place does not take a place abroad from an
earlier sentence of its paragraph: the story's own country (or its one province) is
where its unplaced events are."""

from __future__ import annotations

from tests.places.reading import place_at


def test_an_earlier_place_abroad_is_no_fallback(placed):
    adoc = placed(
        "SANAA: Clashes were reported in Marib and Taiz on Sunday, and air raids hit Sanaa.\n\n"
        "Tensions rose after Iran seized a tanker off Bandar Abbas. Houthi officials said four of their "
        "fighters had been killed in air strikes overnight."
    )
    loc = place_at(adoc, "strikes")
    assert loc.country == "YE"
