"""The founding article read end to end: every incident of its gold reading, field by field."""

from __future__ import annotations

from datetime import date

from sitrep.pipeline import ExtractOptions, extract_text


def test_every_gold_incident_comes_out_once_with_its_fields(founding_text, founding_gold):
    extraction = extract_text(founding_text, doc_id="doha-meeting", options=ExtractOptions(today=date(2026, 1, 1)))
    read = sorted(
        ((i.acled_sub_type, i.date, i.country, i.admin1, i.killed, i.injured, i.killed_or_injured, i.released)
         for i in extraction.incidents),
        key=repr,
    )
    expected = []
    for gold in founding_gold["incidents"]:
        # Gold lists the admin1 spellings it accepts; the meeting's first one is ours.
        admin1 = gold["admin1"][0] if isinstance(gold["admin1"], list) else gold["admin1"]
        expected.append(
            (
                gold["acled_sub_type"],
                gold["date"],
                gold["country"],
                admin1,
                gold["killed"],
                gold["injured"],
                gold.get("killed_or_injured"),
                gold.get("prisoners_released"),
            )
        )
    assert read == sorted(expected, key=repr)
