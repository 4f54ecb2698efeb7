"""WARC, RSS, Atom and URL-list inputs through ``sitrep extract`` and ``sitrep ingest``,
against a news site the test serves on 127.0.0.1: each ingests, a second run adds nothing
and fetches nothing, and pages that time out, exceed the size cap or robots.txt forbids
are recorded failures."""

from __future__ import annotations

import json

from typer.testing import CliRunner

import sitrep
import sitrep.cli.db  # noqa: F401 - registers the store commands
from sitrep.cli import app
from tests.conftest import DEV, needs_shared
from tests.ingest.feedsite import ARTICLE_IDS, article_html, dev_article, rss_feed, write_warc

pytestmark = needs_shared(DEV)


def test_extract_reads_a_warc_and_dates_an_undated_page_by_its_capture(tmp_path):
    path = tmp_path / "crawl.warc.gz"
    write_warc(path, [(f"https://news.example.org/{i}", "2020-12-24T08:15:00Z", article_html(dev_article(i)))
                      for i in ("af-008", "n-af-001")])
    result = CliRunner().invoke(app, ["extract", str(path), "--format", "jsonl"])
    assert result.exit_code == 0, result.output
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert [(r["document"]["url"], r["document"]["published"], r["document"]["published_basis"]) for r in records] == [
        ("https://news.example.org/af-008", "2016-06-28", "metadata"),
        ("https://news.example.org/n-af-001", "2020-12-24", "inferred"),
    ]
    assert all(record["incidents"] for record in records)


def test_every_input_kind_ingests_and_a_rerun_adds_and_fetches_nothing(tmp_path, site):
    warc = tmp_path / "crawl.warc.gz"
    write_warc(warc, [(f"https://news.example.org/{i}", "2020-12-24T08:15:00Z", article_html(dev_article(i)))
                      for i in ("af-003", "dev-af-001")])
    rss = tmp_path / "wire.rss"
    rss.write_text(rss_feed("https://news.example.org", ["af-018"], full_text=True), encoding="utf-8")
    urls = tmp_path / "reading.txt"
    urls.write_text("\n".join(site.base + name for name in (
        "/news/n-afr-001.html", "/news/wd-003.html", "/private/n-af-001.html", "/slow.html", "/huge.html")) + "\n")
    db = str(tmp_path / "store.duckdb")
    arguments = ["ingest", "--db", db, "-j", "1", "--batch-size", "3", "--fetch", "--fetch-delay", "0",
                 "--fetch-timeout", "0.5", "--fetch-retries", "0", "--fetch-cache", str(tmp_path / "cache"),
                 str(warc), str(rss), f"{site.base}/feed.atom", str(urls)]
    first = CliRunner().invoke(app, arguments)
    assert first.exit_code == 0, first.output
    assert "stored 7 documents" in first.output and "3 failures" in first.output
    assert f"sitrep: error: {site.base}/slow.html: timed out after 0.5 s: {site.base}/slow.html" in first.output
    fetched = list(site.paths())
    assert sorted(fetched) == sorted(["/robots.txt", "/feed.atom", "/news/n-af-001.html", "/news/n-me-001.html",
                                      "/news/n-afr-001.html", "/news/wd-003.html", "/slow.html", "/huge.html"])
    with sitrep.open(db) as store:
        counts = store.counts()
        assert (counts["documents"], counts["failures"]) == (7, 3)
        urls_stored = sorted(store.sql("SELECT url FROM documents").column("url").to_pylist())
        assert urls_stored == sorted(
            [f"https://news.example.org/{i}" for i in ("af-003", "dev-af-001")] + ["https://news.example.org/news/af-018.html"]
            + [f"{site.base}/news/{i}.html" for i in ("n-af-001", "n-me-001", "n-afr-001", "wd-003")])
        reasons = sorted(store.sql("SELECT error FROM failures").column("error").to_pylist())
        assert [reason.replace(site.base, "") for reason in reasons] == [
            "disallowed by robots.txt: /private/n-af-001.html",
            "page over the size cap (5,500,033 bytes; limit 5,000,000): /huge.html",
            "timed out after 0.5 s: /slow.html",
        ]
    # The failed pages aside (a re-run tries them again), nothing is fetched twice.
    second = CliRunner().invoke(app, arguments)
    assert second.exit_code == 0, second.output
    assert "stored 0 documents (0 incidents, 0 statements); 7 already stored" in second.output
    assert sorted(site.paths()[len(fetched):]) == ["/huge.html", "/robots.txt", "/slow.html"]
    with sitrep.open(db) as store:
        assert store.counts() == counts
    # Without the failing pages, a re-run asks the site for nothing at all.
    urls.write_text("\n".join(site.base + name for name in ("/news/n-afr-001.html", "/news/wd-003.html")) + "\n")
    before = len(site.log)
    third = CliRunner().invoke(app, arguments)
    assert "stored 0 documents (0 incidents, 0 statements); 7 already stored; 0 failures" in third.output
    assert len(site.log) == before
