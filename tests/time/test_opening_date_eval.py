"""Which ACLED notes open with their own date, and how a first incident's date is judged
(``python -m sitrep.eval.dates``)."""

from __future__ import annotations

from datetime import date

import pytest

from sitrep.eval.acled import AcledEvent, as_date
from sitrep.eval.dates import opens_with_date, verdict


@pytest.mark.parametrize(("text", "opens"), [
    ("On 29 April 2020, the SMM observed 33 explosions.", True),
    ("Property destruction: On 9 May 2020, rioters set a bus on fire.", True),
    ("Around 8 May 2020 (as reported), police arrested 50 people.", True),
    ("29 April 2020 - rebels shelled the town.", True),
    ("Members of the union protested on 29 April 2020.", False),
    ("On Monday, gunmen attacked a post.", False),
])
def test_a_note_opens_with_its_date(text, opens):
    assert opens_with_date(text) is opens


def test_the_first_incidents_date_is_right_lost_or_wrong():
    event = AcledEvent("f", "1", "Ukraine", "Battles", None, "", "On 29 April 2020, ...", 0, "", "", None, None, None,
                       event_date=date(2020, 4, 29))
    assert [verdict(event, d) for d in (("2020-04-29", "day"), ("2020-04", "month"), ("2020-04-28", "day"), (None, None))] == [
        "right day", "day lost", "wrong day", "no incident"]


def test_acled_files_dates_are_read_in_each_of_their_formats():
    assert {as_date(v) for v in ("2020-05-09", "09 May 2020", "09-May-2020", "9-May-20", "09/05/2020")} == {date(2020, 5, 9)}
    assert as_date("") is None
