"""Datelines: the filed date at the head of a story's first line."""

from __future__ import annotations

import pytest

from sitrep.time.datelines import in_dateline


@pytest.mark.parametrize(
    ("text", "date_text", "expected"),
    [
        ("BOGOTA, Nov 10, 2023 (sitrep) - Rebels freed the mayor yesterday.", "Nov 10, 2023", True),
        ("KABUL, April 12 - Two soldiers were killed.", "April 12", True),
        ("Rebels freed the mayor on Nov 10, 2023 - a week late.", "Nov 10, 2023", False),
        ("Heading\nLIMA, March 4 (AP) — Police said on March 4 that ...", "March 4", True),
    ],
)
def test_in_dateline(text, date_text, expected):
    start = text.index(date_text)
    assert in_dateline(text, start, start + len(date_text)) is expected
