"""Agreements in the store: merged across documents, listed with counts, and one agreement's
compliance record (commitments with promised against delivered, then the timeline)."""

from __future__ import annotations

from datetime import date

from sitrep.store.agreements import AGREEMENT_SCHEMA, COMPLIANCE_SCHEMA
from tests.store.factories import clash_a, truce_a, truce_b


def test_an_agreement_told_by_two_documents_is_one_row_with_its_counts(store):
    store.write_batch([truce_a(), truce_b(), clash_a()])
    rows = store.agreements().to_pylist()
    assert len(rows) == 1
    row = rows[0]
    assert {k: row[k] for k in ("agreement_key", "name", "kind", "parties", "signed", "known", "documents")} == {
        "agreement_key": "test-truce", "name": "Harbour Truce", "kind": "truce",
        "parties": "Government of Testland; Northern Front", "signed": "2021-03-01", "known": True, "documents": 2,
    }
    assert {k: row[k] for k in ("statements", "allegations", "denials", "demands", "compliance_claims",
                                "withdrawal_threats", "alleged_violations", "deliveries", "commitments")} == {
        "statements": 2, "allegations": 1, "denials": 1, "demands": 0, "compliance_claims": 0,
        "withdrawal_threats": 0, "alleged_violations": 1, "deliveries": 3, "commitments": 2,
    }
    # the statement names its target; the incident's accused is its first actor
    assert row["allegations_by"] == "Northern Front against Government of Testland: 2"
    assert row["aliases"] == "Harbour ceasefire"


def test_empty_store_gives_the_fixed_columns(store):
    assert store.agreements().schema == AGREEMENT_SCHEMA
    assert store.compliance("anything").schema == COMPLIANCE_SCHEMA
    assert store.compliance("anything").num_rows == 0


def test_compliance_puts_commitments_first_then_the_dated_timeline(store):
    store.write_batch([truce_a(), truce_b()])
    table = store.compliance("harbour truce")
    assert table.schema == COMPLIANCE_SCHEMA
    rows = table.to_pylist()
    commitments = [r for r in rows if r["entry"] == "commitment"]
    prisoners = next(r for r in commitments if r["commitment"] == "front-prisoners")
    # the largest running total (700 so far) wins over the sum of batches (300 + 250); both shown
    assert {k: prisoners[k] for k in ("promised", "delivered", "delivered_basis", "delivered_so_far",
                                      "delivered_so_far_date", "delivered_reports_sum", "delivered_batches",
                                      "due", "party", "against", "evidence")} == {
        "promised": 1000, "delivered": 700, "delivered_basis": "so far", "delivered_so_far": 700,
        "delivered_so_far_date": date(2021, 3, 20), "delivered_reports_sum": 550, "delivered_batches": 2,
        "due": "2021-04-01", "party": "Government of Testland", "against": "Northern Front",
        "evidence": "a test fixture, article 3",
    }
    guns = next(r for r in commitments if r["commitment"] == "guns-withdrawn")
    assert (guns["promised"], guns["delivered"], guns["delivered_basis"]) == (None, None, None)
    timeline = [(r["date"], r["entry"], r["party"], r["quantity"], r["doc_id"]) for r in rows[len(commitments):]]
    assert timeline == [
        (date(2021, 3, 13), "alleged violation", "Northern Front", None, "truce-a"),
        (date(2021, 3, 14), "delivery", "Government of Testland", 300, "truce-a"),
        (date(2021, 3, 14), "delivery", "Government of Testland", 250, "truce-b"),
        (date(2021, 3, 15), "allegation", "Northern Front", None, "truce-a"),
        (date(2021, 3, 16), "denial", "Government of Testland", None, "truce-a"),  # undated: its publication
        (date(2021, 3, 20), "delivery", "Government of Testland", 700, "truce-b"),
    ]
    denial = next(r for r in rows if r["entry"] == "denial")
    assert (denial["when"], denial["evidence"], denial["site_name"]) == (
        "published 2021-03-16", "The government denied violating the truce.", "Harbour Times")


def test_compliance_finds_by_alias_and_key_and_filters_by_party_and_date(store):
    store.write_batch([truce_a(), truce_b()])
    assert store.compliance("Harbour ceasefire").num_rows == store.compliance("test-truce").num_rows == 8
    assert store.compliance("harbour").num_rows == 8  # part of a name
    assert store.compliance("Minsk").num_rows == 0
    front = store.compliance("Harbour Truce", party="northern front").to_pylist()
    assert [r["entry"] for r in front] == ["commitment", "commitment", "alleged violation", "allegation", "denial"]
    later = store.compliance("Harbour Truce", since="2021-03-15").to_pylist()
    assert [r["entry"] for r in later] == ["commitment", "commitment", "allegation", "denial", "delivery"]


def test_the_stored_extraction_with_agreements_reads_back_equal(store):
    original = truce_a()
    store.write_batch([original])
    assert store.extraction(original.document.content_hash) == original


def test_each_timeline_row_names_its_article_by_store_key(store):
    first, second = truce_a(), truce_b()
    store.write_batch([first, second])
    rows = store.compliance("harbour truce").to_pylist()
    keys = {first.document.id: first.document.content_hash, second.document.id: second.document.content_hash}
    assert [(r["entry"], r["doc_key"]) for r in rows if r["entry"] == "commitment"] == [
        ("commitment", None), ("commitment", None)]
    assert all(r["doc_key"] == keys[r["doc_id"]] for r in rows if r["entry"] != "commitment")
