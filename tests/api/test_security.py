"""What protects the reader and the store: headers, the write token, size bounds, the Host check."""

from __future__ import annotations

import json
import time

import pytest

from sitrep.api.security import CONTENT_SECURITY_POLICY
from tests.api.conftest import TOKEN, client_for

AUTH = {"Authorization": f"Bearer {TOKEN}"}

#: In our own words: an attack report that a reader would want on the record.
ARTICLE = ("Gunmen attacked a police checkpoint in Kunduz province, Afghanistan, on Tuesday, killing three "
           "officers, a provincial spokesman said. The attackers fled into nearby orchards.")


def test_every_response_carries_the_content_security_policy(client):
    for path in ("/", "/api/incidents", "/api/nowhere", "/static/app.js", "/docs"):
        headers = client.get(path).headers
        assert headers["content-security-policy"] == CONTENT_SECURITY_POLICY, path
        assert (headers["x-content-type-options"], headers["x-frame-options"]) == ("nosniff", "DENY")
    assert "script-src 'self';" in CONTENT_SECURITY_POLICY and "unsafe" not in CONTENT_SECURITY_POLICY


@pytest.mark.parametrize("headers", [{}, {"Authorization": "Bearer wrong"}, {"Authorization": f"Basic {TOKEN}"}],
                         ids=["none", "wrong", "not bearer"])
def test_a_post_without_the_token_is_401_and_stores_nothing(client, headers):
    before = client.get("/api/summary").json()["documents"]
    response = client.post("/api/documents", content=ARTICLE, headers={"Content-Type": "text/plain", **headers})
    assert response.status_code == 401
    assert response.headers["www-authenticate"] == "Bearer"
    assert client.get("/api/summary").json()["documents"] == before


def test_without_a_configured_token_writes_are_off(filled):
    with client_for(filled) as client:
        anonymous = client.post("/api/documents", content=ARTICLE, headers={"Content-Type": "text/plain"})
        assert anonymous.status_code == 401
        claimed = client.post("/api/documents", content=ARTICLE,
                              headers={"Content-Type": "text/plain", "Authorization": "Bearer anything"})
        assert claimed.json() == {"status": 403, "error": "writes are off: start sitrep serve with --token or "
                                                          "SITREP_TOKEN to allow them"}


def test_a_request_over_the_size_bound_is_413_before_its_body_is_read(filled):
    with client_for(filled, token=TOKEN, max_request_bytes=2048) as client:
        declared = client.post("/api/documents", content="x" * 4096, headers={"Content-Type": "text/plain", **AUTH})
        assert declared.json() == {"status": 413, "error": "request body of 4,096 bytes is over the limit of 2,048"}

        def chunks():  # no Content-Length: the size shows only as the body streams
            for _ in range(4):
                yield b"y" * 1024

        streamed = client.post("/api/documents", content=chunks(), headers={"Content-Type": "text/plain", **AUTH})
        assert streamed.json() == {"status": 413, "error": "request body is over the limit of 2,048 bytes"}


def test_a_foreign_host_header_is_refused(filled):
    with client_for(filled) as client:
        assert client.get("/api/summary", headers={"Host": "attacker.example"}).status_code == 400


def test_posted_articles_are_ingested_once(client):
    lines = "\n".join([json.dumps({"id": "kunduz-checkpoint", "text": ARTICLE, "published": "2021-06-02"}),
                       "not json", json.dumps({"id": "no text"})])
    response = client.post("/api/documents", content=lines, headers={"Content-Type": "application/x-ndjson", **AUTH})
    assert response.status_code == 201, response.text
    body = response.json()
    assert (body["read"], body["documents"], body["skipped"], body["failures"]) == (3, 1, 0, 2)
    assert body["errors"] == [
        {"source": "POST /api/documents:2", "error": "not valid JSON (Expecting value at column 1)"},
        {"source": "POST /api/documents:3", "error": 'a JSON Lines record needs a "text" string'}]
    assert body["incidents"] >= 1
    stored = client.get("/api/incidents", params={"text": "police checkpoint"}).json()["items"]
    assert [(row["doc_id"], row["admin1"], row["killed"]) for row in stored] == [("kunduz-checkpoint", "Kunduz", 3)]

    again = client.post("/api/documents", content=json.dumps({"id": "again", "text": ARTICLE}),
                        headers={"Content-Type": "application/json", **AUTH})
    assert again.status_code == 200
    assert (again.json()["documents"], again.json()["skipped"]) == (0, 1)


def test_a_body_that_is_no_article_is_refused_with_its_reason(client):
    png = client.post("/api/documents", content=b"\x89PNG\r\n\x1a\n" + b"\x00" * 64,
                      headers={"Content-Type": "text/plain", **AUTH})
    assert png.json() == {"status": 415, "error": "not a text document: a PNG image"}
    form = client.post("/api/documents", content="a=1", headers={"Content-Type": "application/x-www-form-urlencoded", **AUTH})
    assert form.status_code == 415
    assert client.post("/api/documents", content="  ", headers={"Content-Type": "text/plain", **AUTH}).json() == {
        "status": 400, "error": "empty request body"}


def test_a_posted_article_keeps_how_its_bytes_were_decoded(client):
    response = client.post("/api/documents", content=ARTICLE.encode("utf-16-le"),
                           headers={"Content-Type": "text/plain", **AUTH})
    assert response.status_code == 201, response.text
    [row] = client.get("/api/incidents", params={"text": "police checkpoint"}).json()["items"]
    document = client.get(f"/api/documents/{row['doc_key']}").json()["document"]
    assert (document["text"], document["decoding"]) == (ARTICLE, "decoded as UTF-16-LE (no byte order mark)")
    plain = client.post("/api/documents", content=ARTICLE.replace("three", "four"),
                        headers={"Content-Type": "text/plain", **AUTH})
    assert plain.status_code == 201
    rows = client.get("/api/incidents", params={"text": "police checkpoint"}).json()["items"]
    notes = sorted((client.get(f"/api/documents/{r['doc_key']}").json()["document"]["decoding"] or "")
                   for r in rows)
    assert notes == ["", "decoded as UTF-16-LE (no byte order mark)"]


def test_a_posted_document_past_its_budget_is_a_recorded_failure_and_the_others_are_stored(filled, monkeypatch):
    from sitrep import pipeline
    from sitrep.store import open_store

    pipeline.warm_up()  # the model's load is no document's time
    real = pipeline.run_stages

    def run_stages(adoc, options=pipeline.ExtractOptions(), publication=None):
        while adoc.document.id == "endless":  # a stage that never ends, as a poison document's once did
            time.sleep(0.01)
        return real(adoc, options, publication)

    monkeypatch.setattr(pipeline, "run_stages", run_stages)
    lines = "\n".join(json.dumps({"id": name, "text": text}) for name, text in (
        ("endless", "Mortar rounds hit a school in Kandahar province on Monday, wounding six pupils, police said."),
        ("after", ARTICLE)))
    reason = "extraction stopped: took longer than the per-document budget of 0.5 s (--doc-timeout)"
    with client_for(filled, token=TOKEN, doc_timeout=0.5) as client:
        response = client.post("/api/documents", content=lines, headers={"Content-Type": "application/x-ndjson", **AUTH})
        assert response.status_code == 201, response.text
        body = response.json()
        assert (body["read"], body["documents"], body["failures"]) == (2, 1, 1)
        assert body["errors"] == [{"source": "POST /api/documents:1", "error": reason}]
        stored = client.get("/api/incidents", params={"text": "police checkpoint"}).json()["items"]
        assert [row["doc_id"] for row in stored] == ["after"]
    with open_store(filled) as store:
        assert store.sql("SELECT source, error FROM failures").to_pylist() == [
            {"source": "POST /api/documents:1", "error": reason}]
