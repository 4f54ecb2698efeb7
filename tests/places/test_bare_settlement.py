"""A settlement named by its kind alone ("the city", "the provincial capital") is the one
settlement the story has named before it (our own sentences)."""

from __future__ import annotations

from datetime import date

from sitrep.pipeline import ExtractOptions, extract_text

OPTIONS = ExtractOptions(published=date(2021, 6, 16))


def places(text: str) -> list[tuple[str | None, str | None]]:
    return [(i.place, i.admin1) for i in extract_text(text, options=OPTIONS).incidents]


def test_the_city_is_the_one_city_the_headline_named():
    text = ("Market blast in Peshawar\n\n"
            "Pakistan | World | Sport\n\n"
            "A bomb hidden in a cart exploded outside the city's grain market on Monday, killing 9 people, police said. "
            "Doctors in Afghanistan and Iran offered help.")
    assert places(text)[0] == ("Peshawar", "Khyber Pakhtunkhwa")


def test_with_two_cities_named_before_the_city_is_not_guessed():
    text = ("Blasts in Peshawar and Quetta\n\n"
            "A bomb hidden in a cart exploded outside the city's grain market on Monday, killing 9 people, police said.")
    assert places(text)[0][0] is None
