"""The agreement routes: the store's agreements and one agreement's compliance record."""

from __future__ import annotations

import json

from sitrep.store import open_store
from tests.store.factories import truce_a


def plain(rows: list[dict]) -> list[dict]:
    """Rows as JSON carries them (dates as ISO strings)."""
    return json.loads(json.dumps(rows, default=lambda value: value.isoformat()))


def test_agreements_are_the_stores_rows_a_page_at_a_time(client, filled):
    with open_store(filled) as store:
        expected = store.agreements().to_pylist()
    body = client.get("/api/agreements").json()
    assert body["items"] == plain(expected) and body["next_offset"] is None
    assert [row["name"] for row in body["items"]] == ["Harbour Truce"]
    assert client.get("/api/agreements", params={"offset": 1}).json()["items"] == []


def test_compliance_is_the_stores_record_with_its_filters(client, filled):
    with open_store(filled) as store:
        expected = store.compliance("harbour", party="Northern Front").to_pylist()
        everything = store.compliance("test-truce").to_pylist()
    filtered = client.get("/api/compliance/harbour", params={"party": "Northern Front"}).json()["items"]
    assert filtered == plain(expected) and len(filtered) < len(everything)
    rows = client.get("/api/compliance/test-truce").json()["items"]
    assert rows == plain(everything)
    assert [r["entry"] for r in rows[:2]] == ["commitment", "commitment"]
    truce = truce_a().document
    accusation = next(r for r in rows if r["entry"] == "allegation")
    assert (accusation["doc_key"], accusation["doc_id"]) == (truce.content_hash, truce.id)
    document = client.get(f"/api/documents/{accusation['doc_key']}").json()
    assert accusation["record_key"] in {s["key"] for s in document["statements"]}


def test_an_agreement_the_store_lacks_is_404_naming_those_it_has(client):
    response = client.get("/api/compliance/Minsk accords")
    assert response.json() == {"status": 404, "error": "no agreement named 'Minsk accords' in the store; "
                                                       "the store knows: Harbour Truce"}
    narrowed = client.get("/api/compliance/harbour", params={"since": "2030-01-01"}).json()["items"]
    assert [r["entry"] for r in narrowed] == ["commitment", "commitment"]  # the record stands; no entry that late
