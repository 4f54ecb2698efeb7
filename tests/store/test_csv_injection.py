"""No cell of a CSV the project writes starts a spreadsheet formula (issue 18, item 6)."""

from __future__ import annotations

import csv
import io

from sitrep.export import export
from sitrep.export.csvsafe import neutralise
from tests.store.factories import document, incident
from sitrep.models import Extraction


def test_neutralise_quotes_formula_starts_and_leaves_numbers_alone():
    assert [neutralise(v) for v in ("=HYPERLINK(\"x\")", "+1", "-2", "@SUM(A1)", "\tx", "plain", -71.5, 3, None)] == [
        "'=HYPERLINK(\"x\")", "'+1", "'-2", "'@SUM(A1)", "'\tx", "plain", -71.5, 3, None]


def test_acled_csv_cells_from_hostile_site_names_and_places_are_quoted(store):
    text = "=HYPERLINK(\"http://evil.example\",\"click\") Taliban fighters clashed with soldiers in the district."
    sentence = text
    doc = document("@SUM(1+1)", text, site_name="=cmd|'calc'!A0").model_copy(update={"source": "=cmd|'calc'!A0"})
    report = incident(text, sentence, place="-Badakhshan", latitude=36.7, longitude=-70.8, geo_precision="place")
    store.write_batch([Extraction(document=doc, incidents=[report])])
    handle = io.StringIO()
    assert export(store, "acled-csv", None, handle=handle) == 1
    rows = list(csv.DictReader(io.StringIO(handle.getvalue())))
    assert rows[0]["source"] == "'=cmd|'calc'!A0"
    assert rows[0]["location"] == "'-Badakhshan"
    assert rows[0]["longitude"] == "-70.8"
    assert rows[0]["notes"].startswith("On 10 April 2020, =HYPERLINK")
    every_cell = [value for row in rows for value in row.values()]
    assert not [v for v in every_cell if v.startswith(("=", "+", "@")) or (v.startswith("-") and v != "-70.8")]
