"""The page in a real browser: map, filters in the URL, the incident view with its evidence,
threaded statements, the API reference, and nothing fetched from elsewhere."""

from __future__ import annotations

from collections import Counter
from urllib.parse import parse_qs, urlencode, urlparse

PAGE = 50


def located(rows: list[dict]) -> list[dict]:
    return [row for row in rows if row["latitude"] is not None and row["longitude"] is not None]


def map_total(page) -> int:
    """Points drawn on the map: single markers plus the counts on the cluster icons."""
    return page.evaluate("""() => {
      const singles = document.querySelectorAll('#map .leaflet-marker-icon.pt').length;
      const clustered = [...document.querySelectorAll('#map .marker-cluster span')]
        .reduce((n, span) => n + parseInt(span.textContent, 10), 0);
      return singles + clustered;
    }""")


def listed_clusters(page) -> list[str]:
    return page.eval_on_selector_all("#events-table tr.event", "rows => rows.map(r => r.dataset.cluster)")


def query(page) -> dict[str, list[str]]:
    return parse_qs(urlparse(page.url).query)


def test_the_map_shows_one_point_per_located_merged_incident(page, store):
    expected = len(located(store.events().to_pylist()))
    page.open("/")
    assert page.page.get_attribute("#map", "data-points") == str(expected)
    assert map_total(page.page) == expected
    assert page.page.text_content("#status").startswith(f"{store.events().num_rows} merged incidents, {expected} on the map")
    assert listed_clusters(page.page) == store.events(limit=PAGE).column("cluster_id").to_pylist()
    assert page.errors == [] and page.violations() == []


def test_a_filter_updates_map_timeline_list_and_url_and_the_link_shares_the_view(page, store):
    [(country, _)] = Counter(store.events().column("country").to_pylist()).most_common(1)
    events = store.events(country=country).to_pylist()
    page.open("/")
    page.page.select_option("select[name=country]", country)
    page.page.check("input[name=contested]")
    page.page.uncheck("input[name=contested]")
    page.after(lambda: page.page.click("#filters button[type=submit]"))

    assert query(page.page) == {"country": [country]}
    assert listed_clusters(page.page) == [e["cluster_id"] for e in events[:PAGE]]
    assert page.page.get_attribute("#map", "data-points") == str(len(located(events)))
    bars = page.page.eval_on_selector_all("#timeline g.bar", "bars => bars.map(b => +b.dataset.count)")
    assert sum(bars) == len([e for e in events if e["date_start"] is not None])

    shared = page.page.url
    page.page.goto("about:blank")
    page.page.goto(shared)
    page.ready()
    assert page.page.input_value("select[name=country]") == country
    assert listed_clusters(page.page) == [e["cluster_id"] for e in events[:PAGE]]


def test_dates_type_actor_and_contested_come_from_the_url(page, store):
    chosen = next(e for e in store.events(contested=True).to_pylist() if e["date_start"] and e["reported_by"])
    filters = dict(since=chosen["date_start"].isoformat(), until=chosen["date_end"].isoformat(),
                   type=chosen["acled_type"], actor=chosen["reported_by"].split("; ")[0], contested="true")
    expected = store.events(**{**filters, "contested": True}).column("cluster_id").to_pylist()
    page.open("/?" + urlencode(filters))
    assert listed_clusters(page.page) == expected and chosen["cluster_id"] in expected
    assert page.page.input_value("input[name=actor]") == filters["actor"]
    assert page.page.input_value("input[name=since]") == filters["since"]
    assert page.page.is_checked("input[name=contested]")


def test_the_timeline_narrows_the_dates_to_the_bar_clicked(page, store):
    page.open("/?bucket=day")
    # The last bar: drawn last, it is on top where bars of close days overlap (the dev articles
    # span eleven years, so a day's bar is a pixel wide and its neighbours cover it).
    bar = page.page.locator("#timeline g.bar").last
    day = bar.get_attribute("data-start")
    page.after(lambda: bar.click())
    assert (query(page.page)["since"], query(page.page)["until"]) == ([day], [day])
    assert listed_clusters(page.page) == store.events(since=day, until=day, limit=PAGE).column("cluster_id").to_pylist()


def test_an_incident_shows_every_account_and_its_sentence_inside_the_article(page, store):
    events = sorted(store.events().to_pylist(), key=lambda e: (-e["reports"], e["cluster_id"]))
    event = events[0]
    accounts = store.incidents(cluster_id=event["cluster_id"]).to_pylist()
    assert len(accounts) == event["reports"] >= 2
    page.open(f"/?event={event['cluster_id']}")
    assert page.page.is_visible("#detail")
    rows = page.page.eval_on_selector_all("#detail tr.account", "rows => rows.map(r => r.dataset.key)")
    assert rows == [a["incident_key"] for a in accounts]
    documents = page.page.eval_on_selector_all("#detail section.source", "blocks => blocks.map(b => b.dataset.doc)")
    assert documents == list(dict.fromkeys(a["doc_key"] for a in accounts))  # each article once
    for account in accounts:
        section = f"#detail section.source[data-doc='{account['doc_key']}']"
        marked = page.page.eval_on_selector_all(
            f"{section} mark.current[data-keys~='{account['incident_key']}']",
            "marks => marks.map(m => m.textContent).join('')")
        assert marked == account["evidence"]
        assert page.page.text_content(f"{section} .article-text") == store.extraction(account["doc_key"]).document.text


def test_a_row_of_the_list_opens_its_incident(page, store):
    page.open("/")
    first = store.events(limit=1).column("cluster_id").to_pylist()[0]
    page.after(lambda: page.page.click("#events-table tr.event"))
    assert query(page.page)["event"] == [first]
    assert page.page.is_visible("#detail mark.current")
    page.after(lambda: page.page.click("#close-detail"))
    assert "event" not in query(page.page) and page.page.is_hidden("#detail")


def test_statements_thread_each_accusation_with_the_denials_answering_it(page, store):
    answered = [s for s in store.statements(kind="accusation").to_pylist() if s["answered_by"]]
    assert answered
    accusation = answered[0]
    page.open(f"/?view=statements&kind=accusation&actor={accusation['speaker']}")
    thread = f"#statements-list li.thread:has(> .statement.head[data-key='{accusation['statement_key']}'])"
    replies = page.page.eval_on_selector_all(f"{thread} .replies .statement", "els => els.map(e => e.dataset.key)")
    assert replies == accusation["answered_by"].split("; ")


def test_nothing_is_fetched_from_another_origin(page, store):
    event = store.events(limit=1).column("cluster_id").to_pylist()[0]
    page.open(f"/?event={event}&view=statements")
    page.page.goto(page.base + "/docs")
    page.page.wait_for_selector(".opblock")
    outside = [url for url in page.requests if not url.startswith((page.base, "data:"))]
    assert outside == [] and len(page.requests) > 10


def test_the_api_reference_lists_every_endpoint(page, server):
    import httpx2

    schema = httpx2.get(server.base + "/openapi.json").json()
    page.page.goto(server.base + "/docs")
    page.page.wait_for_selector(".opblock")
    shown = page.page.eval_on_selector_all(
        ".opblock", "blocks => blocks.map(b => b.querySelector('.opblock-summary-method').textContent + ' ' + "
                    "b.querySelector('.opblock-summary-path').textContent)")
    expected = [f"{method.upper()} {path}" for path, methods in schema["paths"].items() for method in methods]
    assert sorted(shown) == sorted(expected) and len(expected) >= 9
    assert page.errors == [] and page.violations() == []
