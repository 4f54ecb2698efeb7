"""The read routes: the store's rows, filtered and paged, with JSON errors."""

from __future__ import annotations

from sitrep.store import open_store
from sitrep.store.rows import record_key
from tests.store.factories import CLASH_A


def items(client, path: str, **params) -> list[dict]:
    response = client.get(path, params=params)
    assert response.status_code == 200, response.text
    return response.json()["items"]


def test_incidents_are_the_stores_rows_with_its_filters(client, filled):
    with open_store(filled) as store:
        expected = store.incidents(admin1="Badakhshan", actor="taliban").to_pylist()
    got = items(client, "/api/incidents", admin1="Badakhshan", actor="taliban", limit=500)
    assert [row["incident_key"] for row in got] == [row["incident_key"] for row in expected]
    assert len(got) == 6  # clash a, b and the denial; the three reports of the synthetic clash there


def test_pages_follow_each_other_to_the_last(client):
    everything = [row["incident_key"] for row in items(client, "/api/incidents", limit=500)]
    seen, offset = [], 0
    while offset is not None:
        body = client.get("/api/incidents", params={"limit": 7, "offset": offset}).json()
        assert body["limit"] == 7 and body["offset"] == offset
        seen += [row["incident_key"] for row in body["items"]]
        offset = body["next_offset"]
    assert seen == everything and len(everything) == 4 + 24 + 2  # the clashes, the synthetic ones, the truce


def test_page_size_is_bounded(client):
    response = client.get("/api/events", params={"limit": 501})
    assert response.status_code == 422
    assert response.json() == {"status": 422, "error": "query parameter 'limit': Input should be less than or equal to 500"}


def test_contested_events_are_those_a_party_disputes(client):
    contested = items(client, "/api/events", contested="true", country="AF")
    assert [(row["admin1"], row["reports"], row["contested"]) for row in contested] == [("Badakhshan", 3, True)]
    assert all(not row["contested"] for row in items(client, "/api/events", contested="false", limit=500))


def test_one_merged_incident_with_every_account(client):
    event = items(client, "/api/events", contested="true", country="AF")[0]
    body = client.get(f"/api/events/{event['cluster_id']}").json()
    assert body["event"]["cluster_id"] == event["cluster_id"]
    accounts = sorted((a["doc_id"], a["killed"], a["claim_status"]) for a in body["accounts"])
    assert accounts == [("clash-a", 27, "reported"), ("clash-b", 30, "reported"), ("clash-denied", 0, "disputed")]


def test_a_document_carries_its_text_and_every_records_offsets(client):
    key = items(client, "/api/incidents", text="at least 27")[0]["doc_key"]
    body = client.get(f"/api/documents/{key}").json()
    text = body["document"]["text"]
    assert text == CLASH_A
    [found] = body["incidents"]
    assert text[found["evidence"]["start"]:found["evidence"]["end"]] == found["evidence"]["text"]
    assert found["key"] == record_key("inc", key, "e1")


def test_threaded_statements_embed_the_denial_and_the_accusation(client):
    [accusation] = items(client, "/api/statements", kind="accusation", actor="taliban", thread="true")
    [denial] = items(client, "/api/statements", kind="denial", actor="taliban", thread="true")
    assert [reply["statement_key"] for reply in accusation["replies"]] == [denial["statement_key"]]
    assert [answered["statement_key"] for answered in denial["answers_to"]] == [accusation["statement_key"]]
    assert accusation["answers_to"] == [] and denial["replies"] == []
    plain = items(client, "/api/statements", kind="accusation", actor="taliban")[0]
    assert "replies" not in plain and plain["answered_by"] == denial["statement_key"]


def test_map_points_carry_every_merged_incident_in_short(client, filled):
    body = client.get("/api/map", params={"country": "AF"}).json()
    with open_store(filled) as store:
        clusters = store.events(country="AF").column("cluster_id").to_pylist()
    column = body["columns"].index("cluster_id")
    assert [point[column] for point in body["points"]] == clusters
    assert body["truncated"] is False and len(body["points"][0]) == len(body["columns"])


def test_summary_names_the_countries_and_types_held(client):
    summary = client.get("/api/summary").json()
    # Afghanistan: the three clashes (two merge) and eight synthetic ones; the truce's made-up country
    assert summary["countries"] == [{"country": "AF", "events": 10}, {"country": "TL", "events": 2}]
    assert summary["events"] == 12
    assert summary["statement_kinds"] == [
        {"kind": "accusation", "statements": 2}, {"kind": "confirmation", "statements": 24},
        {"kind": "denial", "statements": 2}]


def test_errors_are_json_with_a_status_and_one_line(client):
    cases = {
        "/api/incidents?colour=red": (422, "unknown query parameter 'colour'"),
        "/api/incidents?since=yesterday": (422, "query parameter 'since': Input should be a valid date or datetime, "
                                                "input is too short"),
        "/api/statements?kind=rumour": (422, "query parameter 'kind': Input should be 'statement', 'accusation', "
                                             "'denial', 'demand', 'threat', 'confirmation' or 'announcement'"),
        "/api/events/no-such-cluster": (404, "no merged incident 'no-such-cluster'"),
        "/api/documents/abc": (404, "no document 'abc'"),
        "/api/nowhere": (404, "Not Found"),
    }
    for path, (status, reason) in cases.items():
        response = client.get(path)
        assert (response.status_code, response.json()) == (status, {"status": status, "error": reason}), path
        assert response.headers["content-type"] == "application/json"


def test_filter_text_is_bounded(client):
    response = client.get("/api/incidents", params={"actor": "x" * 201})
    assert response.status_code == 422
    assert response.json()["error"] == "query parameter 'actor': String should have at most 200 characters"


def test_openapi_lists_every_endpoint(client):
    paths = client.get("/openapi.json").json()["paths"]
    assert sorted(paths) == [
        "/api/agreements", "/api/compliance/{agreement}", "/api/documents", "/api/documents/{doc_key}",
        "/api/events", "/api/events/{cluster_id}", "/api/export", "/api/incidents", "/api/map", "/api/statements",
        "/api/summary"]
    assert set(paths["/api/documents"]) == {"post"}
    parameters = {p["name"] for p in paths["/api/incidents"]["get"]["parameters"]}
    assert parameters == {"country", "admin1", "actor", "type", "since", "until", "text", "contested", "offset", "limit"}
