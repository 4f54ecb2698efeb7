"""Hard-wrapped text made into running paragraphs before it is parsed, on texts we wrote."""

from __future__ import annotations

import textwrap

import pytest

from sitrep.ingest.layout import closed_class_words, dashed_dateline, run_in_dateline, soft_breaks, unwrap

WRAPPED = (
    "KHERSON, May 3 Officials on both sides of the river traded\n"
    "accusations on Friday of shelling homes in villages along\n"
    "the front, saying at least three people were killed.\n"
    "Regional officials said two women were killed by shelling from\n"
    "positions across the river. A resident reported seeing smoke over\n"
    "the market, though it was unclear what had been hit.\n"
)


def test_wrapping_line_breaks_become_spaces_and_paragraph_ends_stay():
    unwrapped = unwrap(WRAPPED)
    assert len(unwrapped) == len(WRAPPED)
    assert unwrapped.split("\n") == [
        "KHERSON, May 3 Officials on both sides of the river traded accusations on Friday of shelling homes in villages "
        "along the front, saying at least three people were killed.",
        "Regional officials said two women were killed by shelling from positions across the river. A resident reported "
        "seeing smoke over the market, though it was unclear what had been hit.",
        "",
    ]


def test_headlines_and_one_line_paragraphs_are_left_as_they_are():
    text = ("Rebels say they shot down an army drone over the eastern hills\n"
            "Talks on the prisoner exchange to resume in Geneva next week\n"
            "The army said on Monday that its air defences had intercepted two drones.\n")
    assert unwrap(text) == text


PARAGRAPHS = [
    "Militia fighters and border guards exchanged fire for several hours on Tuesday near a crossing in the "
    "northern hills, the regional governor said, adding that two guards and a herder were wounded.",
    "The governor said the fighters had crossed from Nordland Province before dawn and opened fire on a "
    "patrol from positions above the road, and that reinforcements reached the post by noon.",
    '"We will not let them come back. We will hold the ridge," the commander of the border unit told '
    "reporters at the post, where the wounded were treated before they were taken to the city.",
    "Officials in the capital said a team would be sent to the area on Wednesday to count the damage.",
]


@pytest.mark.parametrize("width", [40, 52, 64, 72, 80])
def test_text_wrapped_at_any_width_gets_its_paragraphs_back(width):
    lines = ["Border clash wounds three", "By a staff reporter", "ASHGROVE, March 12"]
    for paragraph in PARAGRAPHS:
        lines += textwrap.wrap(paragraph, width, break_on_hyphens=False)
    text = "\n".join(lines)
    unwrapped = unwrap(text)
    assert len(unwrapped) == len(text)
    assert all(u == t or (t, u) == ("\n", " ") for u, t in zip(unwrapped, text))  # only breaks change
    assert unwrapped.split("\n") == ["Border clash wounds three", "By a staff reporter", "ASHGROVE, March 12", *PARAGRAPHS]


def test_list_items_stay_on_their_lines_and_a_wrapped_item_is_joined():
    text = (
        "The ministry published the names of the places that were shelled\n"
        "overnight and said repair crews would be sent to each of them in\n"
        "the morning, once the shelling had stopped, with the police:\n"
        "- the grain depot on the northern edge of the town, where a guard\n"
        "  was wounded\n"
        "- the pumping station, which lost power for several hours\n"
        "- two schools in the centre of the old town\n"
    )
    assert unwrap(text).split("\n") == [
        "The ministry published the names of the places that were shelled overnight and said repair crews would be "
        "sent to each of them in the morning, once the shelling had stopped, with the police:",
        "- the grain depot on the northern edge of the town, where a guard   was wounded",
        "- the pumping station, which lost power for several hours",
        "- two schools in the centre of the old town",
        "",
    ]


def test_a_stop_before_lower_case_and_a_quotation_left_open_only_wrap():
    text = (
        "The envoy arrived in the capital at 9 a.m. on Monday and met the\n"
        "prime minister, officials said, before travelling to the border.\n"
        '"We have come to listen to both sides. We want the guns to fall\n'
        "silent before winter comes. There is no other way out of this,\" the\n"
        "envoy told reporters at the airport after the meeting ended late.\n"
        "The rebels did not comment on the visit or on the talks that had\n"
        "been planned for later in the week at a hotel outside the city.\n"
    )
    assert unwrap(text).split("\n") == [
        "The envoy arrived in the capital at 9 a.m. on Monday and met the prime minister, officials said, before "
        "travelling to the border.",
        '"We have come to listen to both sides. We want the guns to fall silent before winter comes. There is no '
        'other way out of this," the envoy told reporters at the airport after the meeting ended late.',
        "The rebels did not comment on the visit or on the talks that had been planned for later in the week at a "
        "hotel outside the city.",
        "",
    ]


BODY = (
    "Nordland Province and the border guards were put off until the end\n"
    "of the month, after both sides accused each other of holding back\n"
    "names from the lists that the mediators had asked them to hand over\n"
    "at the first meeting, which was held in a hotel outside the capital.\n"
)


def test_the_first_line_before_a_capital_is_a_headline():
    headline = "Prisoner exchange talks put off as both sides trade accusations"
    assert unwrap(f"{headline}\n{BODY}").split("\n")[:2] == [
        headline, "Nordland Province and the border guards were put off until the end of the month, after both sides "
        "accused each other of holding back names from the lists that the mediators had asked them to hand over at "
        "the first meeting, which was held in a hotel outside the capital."]


def test_a_first_line_that_ends_on_a_word_no_headline_ends_on_goes_on():
    lead = "Talks on an exchange of prisoners between the militia of"
    assert unwrap(f"{lead}\n{BODY}").split("\n")[0].startswith(f"{lead} Nordland Province and the border guards")


def test_a_text_of_short_lower_case_lines_is_not_wrapped():
    assert soft_breaks("Tags\nceasefire\nsouth\nrebels\nborder\nNews of the day.\n") == []


@pytest.mark.parametrize(
    ("line", "sentence"),
    [
        ("KHERSON, May 3 Officials on both sides", "Officials on both sides"),
        ("ASHGROVE, Nordland June 9 The militia said", "The militia said"),
        ("ASHGROVE, Nordland, June 9, 2023 Rescuers said", "Rescuers said"),
        ("ASHGROVE (Sitrep Wire) Rescuers said", "Rescuers said"),
        ("NEW PORT, Nordland, May 3 (Sitrep Wire) \"We saw the smoke", '"We saw the smoke'),
        ("ASHGROVE, May 3 (Sitrep Wire) - Rescuers said", None),  # a dash ends it: dashed_dateline reads it
        ("ASHGROVE — Rescuers said", None),
        ("NATO May 3 talks", None),
        ("UN envoys said on May 3 that", None),
        ("Ashgrove, May 3 Rescuers said", None),
    ],
)
def test_a_dateline_run_into_the_first_sentence(line, sentence):
    length = run_in_dateline(line)
    assert (line[length:] if length else None) == sentence


def test_the_words_no_headline_ends_on_are_single_lower_case_words_and_no_verb_of_saying():
    words = closed_class_words()
    assert {"of", "the", "and", "in"} <= words
    assert all(word.isalpha() and word.islower() for word in words)
    assert not {"says", "said", "say"} & words  # "..., officials say" ends many a headline


def test_the_head_of_the_text_ends_at_its_first_blank_line():
    lead = "Negotiators sent from the capital on Monday met the envoys of the"
    story = f"{lead}\n{BODY}"  # the story's first line ends before a capital ("... of the\nNordland ...")
    headline = "Prisoner exchange put off"
    assert unwrap(f"{headline}\n\n{story}").split("\n")[2].startswith(f"{lead} Nordland")
    lead = "Negotiators sent from the capital on Monday met envoys at Ashgrove"  # not a word that cannot end a headline
    assert unwrap(f"{headline}\n\n{lead}\n{BODY}").split("\n")[2].startswith(f"{lead} Nordland")
    assert unwrap(f"{headline}\n{lead}\n{BODY}").split("\n")[1] == lead  # no blank line: a second headline


@pytest.mark.parametrize(
    ("line", "sentence"),
    [
        ("ASHGROVE — Rescuers said", "Rescuers said"),
        ("ASHGROVE, Nordland, May 3, 2021 (Sitrep Wire) - Rescuers said", "Rescuers said"),
        ("NEW PORT (Sitrep Wire): The militia said", "The militia said"),
        # an agency styled in lower case ends the dateline as well before its dash
        ("ASHGROVE, May 3 (wirenews) - Rescuers said", "Rescuers said"),
        ("ASHGROVE -- \"We saw the smoke", '"We saw the smoke'),
        ("ASHGROVE, May 3 Rescuers said", None),  # no dash: run_in_dateline reads it
        ("Ashgrove - Rescuers said", None),  # a place in capitals only
        ("UN envoys - all of them - said", None),
    ],
)
def test_a_dateline_ended_by_a_dash_or_colon(line, sentence):
    length = dashed_dateline(line)
    assert (line[length:] if length else None) == sentence


def test_a_number_after_a_line_at_the_head_of_the_text_goes_on_with_its_sentence():
    lead = "The ministry said on Monday that the army in the east had freed"
    assert unwrap(f"{lead}\n240 prisoners held in the eastern camps since the\n{BODY}").split("\n")[0].startswith(
        f"{lead} 240 prisoners")
