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
