"""An event the story dates weeks before its news, told with no place of its own, is the
story's past: it is not set in the province the story is about."""

from __future__ import annotations

from sitrep.pipeline import extract_text
from tests.events.reading import OPTIONS


def places(text: str) -> list[tuple[str, str | None, str | None]]:
    return [(i.evidence.text[:10], i.date, i.admin1) for i in extract_text(text, options=OPTIONS).incidents]


STORY = ("Rebels shelled a market in Kunduz city on Tuesday, wounding six people.\n"
         "{}")


def test_an_event_dated_weeks_back_without_a_place_is_not_set_in_the_story_province():
    found = places(STORY.format("The rebels' raids on 3 May killed 300 people."))
    assert found[-1] == ("The rebels", "2021-05-03", None)


def test_an_event_of_the_story_week_without_a_place_still_takes_the_story_province():
    found = places(STORY.format("The rebels' raids on Sunday killed 30 people."))
    assert found[-1] == ("The rebels", "2021-06-13", "Kunduz")


def test_a_sentence_pointing_back_gives_no_place_outside_the_country_told():
    found = extract_text(
        "Turkish warplanes struck militant targets in northern Iraq on Sunday evening, the defence ministry said. "
        "The Ankara chief prosecutor's office opened an investigation into the attack.", options=OPTIONS
    ).incidents
    assert [(i.country, i.admin1) for i in found] == [("IQ", None)]
