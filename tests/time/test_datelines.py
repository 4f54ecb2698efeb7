"""Datelines: the filed date at the head of a story's first line."""

from __future__ import annotations

import pytest

from sitrep.time.datelines import in_dateline, stamp_keyword


@pytest.mark.parametrize(
    ("text", "date_text", "expected"),
    [
        ("BOGOTA, Nov 10, 2023 (sitrep) - Rebels freed the mayor yesterday.", "Nov 10, 2023", True),
        ("KABUL, April 12 - Two soldiers were killed.", "April 12", True),
        ("Rebels freed the mayor on Nov 10, 2023 - a week late.", "Nov 10, 2023", False),
        ("Heading\nLIMA, March 4 (AP) — Police said on March 4 that ...", "March 4", True),
        ("ASHGROVE, Nordland May 3 Militia fighters said on May 3 that ...", "May 3", True),
        ("Militia fighters said on May 3 that ...", "May 3", False),
        ("date 2021-05-04 ASHGROVE, May 3 (Sitrep Wire) Two guards were wounded on May 3.", "May 3", True),
        ("Ashgrove, Nordland, Eastland, May 3, 2021 (Sitrep Wire) - Two guards were wounded.", "May 3, 2021", True),
        ("ASHGROVE, Nordland, May 3 (Sitrep Wire) - Two guards were wounded.", "May 3", True),
    ],
)
def test_in_dateline(text, date_text, expected):
    start = text.index(date_text)
    assert in_dateline(text, start, start + len(date_text)) is expected


@pytest.mark.parametrize(
    ("text", "date_text", "expected"),
    [
        ("Nov 10, 2023 (BOGOTA) – Rebels freed the mayor yesterday.", "Nov 10, 2023", True),
        ("29 April 2020 - Gunmen shelled the market.", "29 April 2020", False),
        ("On 29 April 2020, monitors observed shelling.", "29 April 2020", False),
    ],
)
def test_a_date_opening_a_line_is_a_dateline_only_with_its_place(text, date_text, expected):
    start = text.index(date_text)
    assert in_dateline(text, start, start + len(date_text)) is expected


@pytest.mark.parametrize(
    ("text", "date_text", "expected"),
    [
        ("Published Date: 08:59 | 11 March 2023", "11 March 2023", "strong"),
        ("Posted on 3 May 2020", "3 May 2020", "strong"),
        ("Last updated: 4 May 2020", "4 May 2020", "weak"),
        ("On 3 May 2020, rebels killed a soldier.", "3 May 2020", None),
        ("Rebels posted a video on 3 May 2020.", "3 May 2020", None),
    ],
)
def test_stamp_keywords(text, date_text, expected):
    start = text.index(date_text)
    assert stamp_keyword(text, start, start + len(date_text)) == expected
