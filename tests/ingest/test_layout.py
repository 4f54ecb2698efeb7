"""Hard-wrapped text made into running paragraphs before it is parsed."""

from __future__ import annotations

from sitrep.ingest.layout import unwrap

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
