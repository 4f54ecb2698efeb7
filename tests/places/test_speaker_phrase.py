"""Whose the speaker is, or where the speaker stood, is not where the reported event was:
"In Cairo, Egypt's interior ministry said its police had killed ... in North Sinai"."""

from __future__ import annotations

from sitrep.places.locate import in_speaker_phrase
from tests.places.locating import locate_at


def test_country_of_the_speaking_ministry_yields_to_the_reported_place(placed):
    adoc = placed(
        "In Cairo, Egypt's interior ministry said its police had shot dead seven gunmen and seized "
        "two trucks in the North Sinai region on Sunday, after an attack on a checkpoint in Libya."
    )
    loc = locate_at(adoc, "shot")
    assert (loc.country, loc.admin1) == ("EG", "North Sinai")


def test_fronted_capital_abroad_is_no_venue_for_the_speaker_s_country(placed):
    # the story is about Syria; Ankara only says where the Turkish ministry spoke
    adoc = placed(
        "Fighting raged across northwest Syria on Monday.\n\n"
        "In Ankara, Turkey's defence ministry said its drones had struck 30 targets and killed "
        "dozens of Syrian troops in the Idlib region."
    )
    loc = locate_at(adoc, "struck")
    assert loc.country == "SY"


def test_place_of_the_speaker_is_still_the_fallback(placed):
    # "Kunduz police said": with no other place, the speaker's province is the best guess
    adoc = placed("Kunduz police said three guards were killed overnight.")
    killed = next(t for t in adoc.doc if t.text == "killed")
    assert [in_speaker_phrase(adoc, m, killed) for m in adoc.places] == [True]
    loc = locate_at(adoc, "killed")
    assert loc.admin1 == "Kunduz"
