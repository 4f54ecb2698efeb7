"""Exports: ACLED CSV (read back with pandas), GeoJSON (RFC 7946 checks), Parquet, JSON Lines."""

from __future__ import annotations

import io
import json

import pyarrow.parquet as pq
import pytest

from sitrep.export import export
from sitrep.ingest import document_from_text
from sitrep.models import ActorRef, Evidence, Extraction, Incident, Source
from tests.conftest import FOUNDING, needs_shared
from tests.store.factories import clash_a, clash_b, clash_other_province, document, extraction, incident

pd = pytest.importorskip("pandas", reason="pandas is a test extra: pip install -e .[test]")

ACLED_COLUMNS = [
    "event_date", "year", "time_precision", "event_type", "sub_event_type", "actor1", "inter1", "actor2",
    "inter2", "country", "admin1", "admin2", "location", "latitude", "longitude", "geo_precision", "source",
    "notes", "fatalities",
]


def founding_extraction(gold: dict, text: str) -> Extraction:
    """The founding example's gold reading as an Extraction over the ingested text."""
    doc = document_from_text(text, doc_id=gold["id"], source=str(FOUNDING))
    doc = doc.model_copy(update={"site_name": "Khaama Press"})
    incidents = []
    for number, item in enumerate(gold["incidents"], start=1):
        start = doc.text.index(item["evidence"])
        admin1 = item["admin1"][0] if isinstance(item["admin1"], list) else item["admin1"]
        incidents.append(Incident(
            id=f"e{number}", acled_type=item["acled_type"], acled_sub_type=item["acled_sub_type"],
            plover_type=item.get("plover_type"), date=item["date"],
            date_precision="range" if "/" in item["date"] else "day", country=item["country"], admin1=admin1,
            place=item["place"], geo_precision="place" if item["place"] else "admin1" if admin1 else "country",
            killed=item["killed"], injured=item["injured"], killed_or_injured=item.get("killed_or_injured"),
            released=item.get("prisoners_released"), claim_status=item.get("claim_status", "reported"),
            actors=[ActorRef(name=name, role=("actor1", "actor2")[i] if i < 2 else None)
                    for i, name in enumerate(item["actors"])],
            reported_by=Source(name=item["reported_by"]) if item["reported_by"] else None,
            evidence=Evidence(text=item["evidence"], start=start, end=start + len(item["evidence"])),
        ))
    return Extraction(document=doc, incidents=incidents)


@needs_shared(FOUNDING)
def test_acled_csv_of_the_founding_example_opens_in_pandas_with_acled_columns(store, founding_gold, founding_text):
    store.write_batch([founding_extraction(founding_gold, founding_text)])
    handle = io.StringIO()
    assert export(store, "acled-csv", None, handle=handle) == 3  # the clash and the bombardment merge
    frame = pd.read_csv(io.StringIO(handle.getvalue()), keep_default_na=False)
    assert [c for c in frame.columns if c in ACLED_COLUMNS] == ACLED_COLUMNS
    assert len(frame) == 3
    clash = frame[frame["admin1"] == "Badakhshan"].iloc[0]
    assert (clash["event_date"], clash["year"], clash["time_precision"]) == ("2020-04-10", 2020, 1)
    assert (clash["event_type"], clash["sub_event_type"]) == ("Battles", "Armed clash")
    assert (clash["country"], clash["location"], clash["geo_precision"], clash["fatalities"]) == (
        "Afghanistan", "Badakhshan", 3, 27)
    assert clash["actor1"] == "Afghan National Defense and Security Forces" and clash["actor2"] == "Taliban"
    assert clash["source"] == "Khaama Press"
    assert clash["notes"] == (
        "On 10 April 2020, in latest confrontation between the two sides, 27 Taliban have been killed and nine "
        "others wounded last Friday in the northeastern Badakhshan province, according to the Ministry of Defense.")
    assert (clash["iso"], clash["iso3"], clash["region"], clash["inter1"], clash["interaction"]) == (
        4, "AFG", "Caucasus and Central Asia", 1, 12)
    release = frame[frame["event_date"] == "2020-04-08"].iloc[0]
    assert (release["time_precision"], release["geo_precision"], release["fatalities"]) == (2, 3, 0)
    doha = frame[frame["location"] == "Doha"].iloc[0]
    assert (doha["country"], doha["geo_precision"], doha["event_type"]) == ("Qatar", 1, "Strategic developments")


def test_inter_codes_and_interaction(store):
    store.write_batch([clash_other_province()])
    handle = io.StringIO()
    export(store, "acled-csv", None, handle=handle)
    row = pd.read_csv(io.StringIO(handle.getvalue()), keep_default_na=False).iloc[0]
    assert (row["inter1"], row["inter2"], row["interaction"]) == (1, 2, 12)


def located_clash() -> Extraction:
    text = "Fighting in Faizabad, the capital of Badakhshan, killed five on Friday."
    return extraction(document("faizabad", text, site_name="Pajhwok"), [
        incident(text, text, place="Faizabad", latitude=37.1166, longitude=70.58, geo_precision="place", killed=5,
                 date="2020-04-17")])


def test_geojson_is_a_valid_feature_collection(store, tmp_path):
    store.write_batch([clash_a(), clash_b(), located_clash()])
    out = tmp_path / "events.geojson"
    assert export(store, "geojson", out) == 2
    collection = json.loads(out.read_text(encoding="utf-8"))
    assert collection["type"] == "FeatureCollection"
    assert collection["features_without_geometry"] == 1
    for feature in collection["features"]:
        assert set(feature) == {"type", "id", "geometry", "properties"} and feature["type"] == "Feature"
        assert isinstance(feature["properties"], dict)
        geometry = feature["geometry"]
        if geometry is not None:
            assert geometry["type"] == "Point"
            longitude, latitude = geometry["coordinates"]
            assert -180 <= longitude <= 180 and -90 <= latitude <= 90
    located = [f for f in collection["features"] if f["geometry"]]
    assert [(f["geometry"]["coordinates"], f["properties"]["place"]) for f in located] == [
        ([70.58, 37.1166], "Faizabad")]
    unlocated = [f for f in collection["features"] if f["geometry"] is None]
    assert [(f["properties"]["killed_low"], f["properties"]["killed_high"], f["properties"]["date"])
            for f in unlocated] == [(27, 30, "2020-04-10")]


def test_dates_are_shown_at_their_precision(store, tmp_path):
    text = "Militants attacked a post in Kunduz in April."
    month = incident(text, text, date="2020-04", precision="month", admin1="Kunduz")
    store.write_batch([extraction(document("month", text), [month]), located_clash()])
    assert sorted(store.events().column("date").to_pylist()) == ["2020-04", "2020-04-17"]
    out = tmp_path / "events.geojson"
    export(store, "geojson", out)
    assert sorted(f["properties"]["date"] for f in json.loads(out.read_text())["features"]) == ["2020-04", "2020-04-17"]


@pytest.mark.parametrize("what", ["events", "incidents", "statements"])
def test_parquet_round_trips(store, tmp_path, what):
    from tests.store.test_merge import accusation_doc, denial_doc

    store.write_batch([clash_a(), clash_b(), located_clash(), accusation_doc(), denial_doc()])
    out = tmp_path / f"{what}.parquet"
    written = export(store, "parquet", out, what=what)
    table = getattr(store, what)()
    assert written == table.num_rows == {"events": 2, "incidents": 3, "statements": 2}[what]
    back = pq.read_table(out)
    extra = {"events": ["accounts"], "incidents": ["actors", "count_notes", "admin1_list", "mentions"],
             "statements": []}[what]
    assert back.column_names == table.column_names + extra
    assert back.select(table.column_names).equals(table)


def test_parquet_events_nest_their_accounts_with_actors(store, tmp_path):
    store.write_batch([clash_a(), clash_b()])
    out = tmp_path / "events.parquet"
    export(store, "parquet", out)
    (event,) = pq.read_table(out).to_pylist()
    accounts = sorted(event["accounts"], key=lambda a: a["doc_id"])
    assert [(a["doc_id"], a["killed"], a["reported_by"]) for a in accounts] == [
        ("clash-a", 27, "Ministry of Defense"), ("clash-b", 30, "Officials")]
    assert [(x["name"], x["role"], x["inter"]) for x in accounts[0]["actors"]] == [
        ("Afghan National Defense and Security Forces", "actor1", 1), ("Taliban", "actor2", 2)]
    assert accounts[0]["mentions"] == [] and accounts[0]["count_notes"] == []


def test_parquet_incidents_carry_actors_notes_and_provinces(store, tmp_path):
    text = "Clashes in Kunduz and Takhar killed 12 Taliban and 3 soldiers."
    found = incident(text, text, killed=15, admin1=None).model_copy(update={
        "admin1_list": ["Kunduz", "Takhar"], "count_notes": ["killed Taliban: 12", "killed soldiers: 3"],
        "mentions": [Evidence(text=text, start=0, end=len(text))]})
    store.write_batch([extraction(document("round-up", text), [found])])
    out = tmp_path / "incidents.parquet"
    export(store, "parquet", out, what="incidents")
    (row,) = pq.read_table(out).to_pylist()
    assert (row["admin1_list"], row["count_notes"]) == (["Kunduz", "Takhar"], ["killed Taliban: 12", "killed soldiers: 3"])
    assert row["mentions"] == [{"text": text, "start": 0, "end": len(text)}]
    assert [a["name"] for a in row["actors"]] == ["Afghan National Defense and Security Forces", "Taliban"]
    handle = io.StringIO()
    export(store, "jsonl", None, handle=handle, what="incidents")
    line = json.loads(handle.getvalue())
    assert (line["admin1_list"], line["count_notes"], line["mentions"]) == (
        row["admin1_list"], row["count_notes"], row["mentions"])
    assert line["actors"][1] == {"name": "Taliban", "role": "actor2", "mention": None, "kind": None, "inter": 2,
                                 "country": None}


def test_jsonl_events_carry_every_account(store, tmp_path):
    store.write_batch([clash_a(), clash_b()])
    out = tmp_path / "events.jsonl"
    assert export(store, "jsonl", out) == 1
    event = json.loads(out.read_text(encoding="utf-8"))
    assert (event["reports"], event["killed_low"], event["killed_high"]) == (2, 27, 30)
    assert sorted((a["doc_id"], a["killed"], a["reported_by"]) for a in event["accounts"]) == [
        ("clash-a", 27, "Ministry of Defense"), ("clash-b", 30, "Officials")]
    first = min(event["accounts"], key=lambda a: a["doc_id"])
    assert [x["name"] for x in first["actors"]] == ["Afghan National Defense and Security Forces", "Taliban"]


def test_export_filters_apply(store, tmp_path):
    store.write_batch([clash_a(), clash_other_province()])
    handle = io.StringIO()
    assert export(store, "jsonl", None, handle=handle, what="incidents", admin1="Kunduz") == 1
    assert json.loads(handle.getvalue())["admin1"] == "Kunduz"


