"""Read answers kept in memory (``api.cache``): the same request is answered again without a
query, and never with what a write has made out of date."""

from __future__ import annotations

import json

import pytest

from sitrep.api import cache
from sitrep.api.cache import ResponseCache
from sitrep.store import open_store
from tests.api.conftest import TOKEN, client_for
from tests.api.test_security import ARTICLE

AUTH = {"Authorization": f"Bearer {TOKEN}"}
CHECKPOINT = {"text": "police checkpoint"}


def test_a_repeated_read_is_answered_from_memory_with_the_same_body(client):
    first = client.get("/api/incidents", params={"country": "AF", "limit": 3})
    again = client.get("/api/incidents", params={"country": "AF", "limit": 3})
    assert (first.headers["x-sitrep-cache"], again.headers["x-sitrep-cache"]) == ("miss", "hit")
    assert again.content == first.content and again.headers["content-type"] == "application/json"
    assert again.headers["content-security-policy"] == first.headers["content-security-policy"]
    other = client.get("/api/incidents", params={"country": "AF", "limit": 4})
    assert other.headers["x-sitrep-cache"] == "miss" and len(other.json()["items"]) == 4


def test_errors_and_exports_are_not_kept(client):
    for _ in range(2):
        assert client.get("/api/events/no-such-cluster").headers["x-sitrep-cache"] == "miss"
        assert client.get("/api/incidents", params={"since": "yesterday"}).headers["x-sitrep-cache"] == "miss"
        assert "x-sitrep-cache" not in client.get("/api/export", params={"format": "jsonl"}).headers


def test_a_posted_article_shows_in_the_next_answer(client):
    before = client.get("/api/incidents", params=CHECKPOINT)
    assert client.get("/api/incidents", params=CHECKPOINT).headers["x-sitrep-cache"] == "hit"
    assert before.json()["items"] == []
    posted = client.post("/api/documents", content=json.dumps({"id": "checkpoint", "text": ARTICLE}),
                         headers={"Content-Type": "application/json", **AUTH})
    assert posted.status_code == 201
    after = client.get("/api/incidents", params=CHECKPOINT)
    assert after.headers["x-sitrep-cache"] == "miss"
    assert [row["doc_id"] for row in after.json()["items"]] == ["checkpoint"]


def test_an_ingest_by_another_process_shows_within_the_poll(filled, monkeypatch):
    if not filled.startswith("postgresql://"):
        pytest.skip("DuckDB: the server holds the file, so only its own POST can write it")
    monkeypatch.setattr(cache, "POLL_SECONDS", 0.0)
    with client_for(filled) as client:
        assert client.get("/api/incidents", params=CHECKPOINT).json()["items"] == []
        from sitrep.corpus.ingest import IngestOptions, run_ingest
        from sitrep.ingest.read import document_from_text

        with open_store(filled) as other:
            run_ingest(other, [document_from_text(ARTICLE, doc_id="elsewhere", source="elsewhere")],
                       IngestOptions(jobs=1))
        after = client.get("/api/incidents", params=CHECKPOINT)
        assert [row["doc_id"] for row in after.json()["items"]] == ["elsewhere"]


def test_without_a_cache_every_read_queries(filled):
    with client_for(filled, cache_bytes=0) as client:
        answers = [client.get("/api/summary") for _ in range(2)]
    assert [a.headers.get("x-sitrep-cache") for a in answers] == [None, None]
    assert answers[0].content == answers[1].content


def test_the_cache_holds_at_most_its_bytes_dropping_the_least_recently_used():
    kept = ResponseCache(max_bytes=800)
    for n in range(10):
        kept.put(("g", f"/api/{n}", b""), 200, [], bytes(100))
    assert kept.get(("g", "/api/0", b"")) is None and kept.get(("g", "/api/2", b"")) is not None
    kept.put(("g", "/api/10", b""), 200, [], bytes(100))  # /api/2 was used last: /api/3 goes
    assert kept.size == 800 and kept.get(("g", "/api/3", b"")) is None and kept.get(("g", "/api/2", b"")) is not None
    kept.put(("g", "/api/big", b""), 200, [], bytes(101))  # over an eighth of the cache: not kept
    assert kept.get(("g", "/api/big", b"")) is None
    kept.changed()
    assert (kept.size, len(kept.entries), kept.writes) == (0, 0, 1)


def test_clients_asking_one_new_url_at_once_cost_one_query():
    import anyio

    from sitrep.api.cache import CachedReads

    calls = []

    async def slow_route(scope, receive, send):
        calls.append(scope["query_string"])
        await anyio.sleep(0.05)  # the query: the other requests arrive meanwhile
        await send({"type": "http.response.start", "status": 200, "headers": [(b"content-type", b"application/json")]})
        await send({"type": "http.response.body", "body": b'{"items": []}'})

    reads = CachedReads(slow_route, ResponseCache(1 << 20))
    answers = []

    async def ask(query: bytes):
        sent = []

        async def send(message):
            sent.append(message)

        await reads({"type": "http", "method": "GET", "path": "/api/incidents", "query_string": query}, None, send)
        answers.append((query, dict(sent[0]["headers"])[b"x-sitrep-cache"], sent[1]["body"]))

    async def main():
        async with anyio.create_task_group() as group:
            for query in (b"country=AF",) * 5 + (b"country=IQ",):
                group.start_soon(ask, query)

    anyio.run(main)
    assert sorted(calls) == [b"country=AF", b"country=IQ"]
    assert sorted(answers) == sorted([(b"country=AF", b"miss", b'{"items": []}')] + [(b"country=AF", b"hit", b'{"items": []}')] * 4
                                     + [(b"country=IQ", b"miss", b'{"items": []}')])
