"""WARC, RSS/Atom and fetched inputs, read without extraction (fast): what each record
becomes, and that every bad record is a one-line Failure while the rest are still read."""

from __future__ import annotations

import gzip
from pathlib import Path

from sitrep.ingest.feeds import documents_from_feed, looks_like_feed
from sitrep.ingest.fetch import Fetcher, FetchOptions, url_list
from sitrep.ingest.read import iter_documents
from sitrep.models import Document, Failure
from tests.conftest import DEV, needs_shared
from tests.ingest.feedsite import ARTICLE_IDS, Route, article_html, atom_feed, dev_article, rss_feed, write_warc

pytestmark = needs_shared(DEV)


def fetcher(tmp_path: Path, **options) -> Fetcher:
    settings = {"delay": 0.0, "timeout": 0.5, "retries": 1, "backoff": 0.01, "cache_dir": tmp_path / "cache"} | options
    return Fetcher(FetchOptions(**settings))


def crawl_pages() -> list[tuple[str, str, str]]:
    return [(f"https://news.example.org/{doc_id}", "2020-12-24T08:15:00Z", article_html(dev_article(doc_id)))
            for doc_id in ARTICLE_IDS[:3]]


def test_every_html_response_of_a_warc_file_is_a_document(tmp_path):
    path = tmp_path / "crawl.warc.gz"
    write_warc(path, crawl_pages())
    items = list(iter_documents([str(path)]))
    assert [type(item).__name__ for item in items] == ["Document"] * 3  # the request and the PNG are passed over
    assert [item.url for item in items] == [f"https://news.example.org/{i}" for i in ARTICLE_IDS[:3]]
    assert [item.id for item in items] == ["crawl-1", "crawl-2", "crawl-3"]
    assert {str(item.captured) for item in items} == {"2020-12-24"}
    assert [str(item.published) for item in items] == ["2016-06-28", "2020-12-23", "None"]  # the page's own metadata
    assert "At least 14 armed Taliban were killed" in items[0].text
    assert "captured" not in items[0].model_dump()  # a reading hint, not part of the output record


def test_an_uncompressed_warc_reads_the_same(tmp_path):
    path = tmp_path / "crawl.warc"
    write_warc(path, crawl_pages()[:2], extra=False)
    assert [item.url for item in iter_documents([str(path)])] == [f"https://news.example.org/{i}" for i in ARTICLE_IDS[:2]]


def test_a_bad_warc_record_is_a_failure_and_the_next_records_are_read(tmp_path):
    pages = crawl_pages()
    pages.insert(1, ("https://news.example.org/empty", "2020-12-24T08:15:00Z", "<html><body><nav>Home</nav></body></html>"))
    path = tmp_path / "crawl.warc.gz"
    write_warc(path, pages, extra=False)
    items = list(iter_documents([str(path)]))
    assert [type(item).__name__ for item in items] == ["Document", "Failure", "Document", "Document"]
    assert items[1].source == f"{path}#2"
    assert items[1].error == "https://news.example.org/empty: empty document (no text after removing boilerplate)"


def test_a_truncated_warc_keeps_the_records_before_the_damage(tmp_path):
    path = tmp_path / "crawl.warc.gz"
    write_warc(path, crawl_pages(), extra=False)
    data = path.read_bytes()
    cut = tmp_path / "cut.warc.gz"
    cut.write_bytes(data[: len(data) * 3 // 4])
    items = list(iter_documents([str(cut)]))
    assert [type(item).__name__ for item in items] == ["Document", "Document", "Failure"]
    assert items[-1].source == str(cut)
    assert items[-1].error == "WARC file damaged after 2 HTML records: EOFError: Compressed file ended before the end-of-stream marker was reached"
    assert "\n" not in items[-1].error


def test_a_file_that_is_not_a_warc_is_one_failure(tmp_path):
    path = tmp_path / "notes.warc.gz"
    path.write_bytes(gzip.compress(b"this is not a WARC record\r\n\r\n"))
    items = list(iter_documents([str(path)]))
    assert len(items) == 1 and isinstance(items[0], Failure)
    assert "WARC" in items[0].error


def test_rss_entries_with_full_text_are_documents_with_link_title_and_date(tmp_path):
    path = tmp_path / "wire.rss"
    path.write_text(rss_feed("https://news.example.org", ["af-008", "af-013"], full_text=True), encoding="utf-8")
    items = list(iter_documents([str(path)]))
    assert [(item.url, str(item.published), item.site_name) for item in items] == [
        ("https://news.example.org/news/af-008.html", "2016-06-28", "Example News"),
        ("https://news.example.org/news/af-013.html", "2020-12-23", "Example News"),
    ]
    assert items[0].title == "Security"
    assert "At least 14 armed Taliban were killed" in items[0].text


def test_a_feed_is_recognised_by_its_content_whatever_its_name(tmp_path):
    path = tmp_path / "latest"
    path.write_text(rss_feed("https://news.example.org", ["af-008"], full_text=True), encoding="utf-8")
    assert looks_like_feed(path.read_bytes())
    assert [item.url for item in iter_documents([str(path)])] == ["https://news.example.org/news/af-008.html"]


def test_atom_entries_without_full_text_need_fetch(tmp_path):
    path = tmp_path / "wire.atom"
    path.write_text(atom_feed("https://news.example.org", ["n-af-001", "n-me-001"], full_text=False), encoding="utf-8")
    items = list(iter_documents([str(path)]))
    assert [(type(item).__name__, item.source) for item in items] == [
        ("Failure", "https://news.example.org/news/n-af-001.html"),
        ("Failure", "https://news.example.org/news/n-me-001.html"),
    ]
    assert items[0].error == "the entry carries no full text (with --fetch its link is read)"


def test_atom_with_full_text_and_a_broken_feed(tmp_path):
    good = atom_feed("https://news.example.org", ["n-me-001"], full_text=True).encode("utf-8")
    [document] = documents_from_feed(good, "wire.atom", "wire")
    assert (document.url, str(document.published), document.site_name) == (
        "https://news.example.org/news/n-me-001.html", "2020-12-23", "Example Wire")
    [failure] = documents_from_feed(b"KABUL: no feed here", "broken.rss", "broken")
    assert isinstance(failure, Failure) and failure.source == "broken.rss"


def test_fetched_feed_and_url_list_then_a_rerun_fetches_nothing(tmp_path, site):
    urls = tmp_path / "urls.txt"
    urls.write_text("# today's reading\n" + "\n".join(f"{site.base}/news/{i}.html" for i in ("n-afr-001", "wd-003")) + "\n")
    first = fetcher(tmp_path)
    items = list(iter_documents([f"{site.base}/feed.atom", str(urls)], first))
    assert [type(item).__name__ for item in items] == ["Document"] * 4
    assert [item.url for item in items] == [f"{site.base}/news/{i}.html" for i in ("n-af-001", "n-me-001", "n-afr-001", "wd-003")]
    assert items[0].id == "feed-1" and str(items[0].published) == "2020-12-23"  # the entry's date, the page has none
    assert site.paths() == ["/robots.txt", "/feed.atom", "/news/n-af-001.html", "/news/n-me-001.html",
                            "/news/n-afr-001.html", "/news/wd-003.html"]
    assert {agent for _, agent in site.log} == {first.options.user_agent}
    assert first.options.user_agent.startswith("sitrep/")
    again = fetcher(tmp_path)
    assert [item.content_hash for item in iter_documents([f"{site.base}/feed.atom", str(urls)], again)] == [
        item.content_hash for item in items]
    assert (len(site.log), again.requests, again.cache_hits) == (6, [], 5)


def test_a_stale_feed_is_fetched_again_but_its_articles_are_not(tmp_path, site):
    list(iter_documents([f"{site.base}/feed.atom"], fetcher(tmp_path)))
    later = fetcher(tmp_path, feed_max_age=0.0)
    list(iter_documents([f"{site.base}/feed.atom"], later))
    assert later.requests == [f"{site.base}/robots.txt", f"{site.base}/feed.atom"]


def test_refusals_are_one_line_failures_and_the_rest_go_on(tmp_path, site):
    names = ["/private/n-af-001.html", "/slow.html", "/huge.html", "/missing.html", "/news/af-008.html"]
    urls = tmp_path / "urls.txt"
    urls.write_text("\n".join(site.base + name for name in names))
    items = list(iter_documents([str(urls)], fetcher(tmp_path)))
    assert [(type(item).__name__, item.source.removeprefix(site.base)) for item in items] == [
        ("Failure", "/private/n-af-001.html"), ("Failure", "/slow.html"), ("Failure", "/huge.html"),
        ("Failure", "/missing.html"), ("Document", "/news/af-008.html")]
    assert [item.error.replace(site.base, "") for item in items[:4]] == [
        "disallowed by robots.txt: /private/n-af-001.html",
        "timed out after 0.5 s: /slow.html (after 2 tries)",
        "page over the size cap (5,500,033 bytes; limit 5,000,000): /huge.html",
        "HTTP 404: /missing.html",
    ]
    assert "/private/n-af-001.html" not in site.paths()
    assert site.paths().count("/slow.html") == 2  # one retry


def test_size_cap_while_reading_a_body_without_length(tmp_path, site, monkeypatch):
    small = fetcher(tmp_path, max_bytes=1000)
    [failure] = iter_documents([f"{site.base}/news/n-af-001.html"], small)
    assert failure.error == f"page over the size cap ({len(site.routes['/news/n-af-001.html'].body):,} bytes; limit 1,000): {site.base}/news/n-af-001.html"


def test_retries_back_off_and_then_succeed(tmp_path, site, monkeypatch):
    import sitrep.ingest.fetch as fetch

    pauses: list[float] = []
    monkeypatch.setattr(fetch.time, "sleep", pauses.append)
    site.routes["/news/af-008.html"].first_statuses = [503, 429]
    [document] = iter_documents([f"{site.base}/news/af-008.html"], fetcher(tmp_path, retries=2, backoff=0.5))
    assert isinstance(document, Document)
    assert site.paths() == ["/robots.txt", "/news/af-008.html", "/news/af-008.html", "/news/af-008.html"]
    assert pauses == [0.5, 1.0]


def test_one_host_is_asked_at_most_once_per_delay(tmp_path, site, monkeypatch):
    import sitrep.ingest.fetch as fetch

    pauses: list[float] = []
    monkeypatch.setattr(fetch.time, "sleep", pauses.append)
    urls = tmp_path / "urls.txt"
    urls.write_text(f"{site.base}/news/af-008.html\n{site.base}/news/af-013.html\n")
    list(iter_documents([str(urls)], fetcher(tmp_path, delay=30.0)))
    assert len(pauses) == 2 and all(29.0 < pause <= 30.0 for pause in pauses)  # before each page after robots.txt


def test_robots_crawl_delay_and_an_unreachable_robots_txt(tmp_path, site, monkeypatch):
    import sitrep.ingest.fetch as fetch

    pauses: list[float] = []
    monkeypatch.setattr(fetch.time, "sleep", pauses.append)
    site.routes["/robots.txt"] = Route(b"User-agent: sitrep\nCrawl-delay: 7\nDisallow:\n", "text/plain")
    list(iter_documents([f"{site.base}/news/af-008.html"], fetcher(tmp_path)))
    assert len(pauses) == 1 and 6.0 < pauses[0] <= 7.0
    site.routes["/robots.txt"] = Route(b"", status=503)
    [failure] = iter_documents([f"{site.base}/news/af-013.html"], fetcher(tmp_path, retries=0))
    assert failure.error == f"disallowed by robots.txt: {site.base}/news/af-013.html"


def test_a_url_needs_fetch_and_a_list_must_be_all_urls(tmp_path):
    [failure] = iter_documents(["http://127.0.0.1:9/x.html"])
    assert failure.error == "a URL is read only with --fetch"
    assert url_list("http://a.example/1\n\n# note\nhttps://b.example/2\n") == ["http://a.example/1", "https://b.example/2"]
    assert url_list("http://a.example/1\nKABUL: officials said\n") is None
