"""The agreements tab and an agreement's compliance view: commitments promised against
delivered, the timeline of allegations, denials, demands and deliveries, and each entry's
sentence inside its article."""

from __future__ import annotations

from urllib.parse import parse_qs, urlparse


def test_the_agreements_tab_lists_what_the_store_holds(page, store):
    page.open("/?view=agreements")
    keys = page.page.eval_on_selector_all("#agreements-table tr.agreement", "rows => rows.map(r => r.dataset.key)")
    assert keys == store.agreements().column("agreement_key").to_pylist() and "test-truce" in keys


def test_the_compliance_view_sets_promised_against_delivered_and_dates_every_entry(page, store):
    rows = store.compliance("test-truce").to_pylist()
    entries = [r for r in rows if r["entry"] != "commitment"]
    page.open("/?view=agreements")
    page.after(lambda: page.page.click("#agreements-table tr.agreement[data-key='test-truce']"))
    assert parse_qs(urlparse(page.page.url).query)["agreement"] == ["test-truce"]
    prisoners = "#detail tr.commitment[data-commitment='front-prisoners']"
    assert page.page.text_content(f"{prisoners} td.promised") == "1,000"
    assert page.page.text_content(f"{prisoners} td.delivered") == "700 so far (2021-03-20)"
    listed = page.page.eval_on_selector_all("#compliance-entries li.entry", "items => items.map(i => i.dataset.record)")
    assert listed == [r["record_key"] for r in entries]
    dots = page.page.eval_on_selector_all("#detail svg.compliance-chart circle.dot", "dots => dots.length")
    assert dots == len([r for r in entries if r["date"] is not None]) > 0
    assert page.errors == [] and page.violations() == []


def test_an_entry_opens_its_article_with_its_sentence_marked(page, store):
    allegation = next(r for r in store.compliance("test-truce").to_pylist() if r["entry"] == "allegation")
    page.open("/?agreement=test-truce")
    item = f"#compliance-entries li.entry[data-record='{allegation['record_key']}']"
    page.after(lambda: page.page.click(f"{item} button.open-doc"))
    query = parse_qs(urlparse(page.page.url).query)
    assert (query["doc"], query["record"]) == ([allegation["doc_key"]], [allegation["record_key"]])
    assert page.page.text_content("#detail section.document mark.current") == allegation["evidence"]


def test_the_founding_examples_agreement_opens_with_its_prisoner_release(page, store):
    """The issue's check: the compliance view of the founding example's agreement (the US-Taliban
    agreement of the Doha meeting), reached from the agreements tab."""
    from tests.conftest import FOUNDING

    founding = next(d for d in store.sql("SELECT doc_key, source FROM documents").to_pylist()
                    if d["source"].endswith(FOUNDING.name))["doc_key"]
    rows = [r for r in store.compliance("us-taliban-2020").to_pylist() if r["agreement_key"] == "us-taliban-2020"]
    prisoners = next(r for r in rows if r["entry"] == "commitment" and r["commitment"] == "taliban-prisoners")
    releases = [r for r in rows if r["entry"] == "delivery" and r["doc_key"] == founding]
    assert prisoners["promised"] == 5000 and releases

    page.open("/?view=agreements")
    page.after(lambda: page.page.click("#agreements-table tr.agreement[data-key='us-taliban-2020']"))
    assert page.page.text_content("#detail h2") == "US-Taliban agreement"
    cell = "#detail tr.commitment[data-commitment='taliban-prisoners'] td"
    assert page.page.text_content(f"{cell}.promised") == "5,000"
    assert page.page.text_content(f"{cell}.delivered") != "none reported"
    listed = page.page.eval_on_selector_all("#compliance-entries li.entry", "items => items.map(i => i.dataset.record)")
    assert listed == [r["record_key"] or "" for r in rows if r["entry"] != "commitment"]
    assert {r["record_key"] for r in releases} <= set(listed)
    assert page.errors == [] and page.violations() == []
