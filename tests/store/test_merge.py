"""Merging reports of one incident across articles, and linking denials to accusations."""

from __future__ import annotations

from datetime import date

from sitrep.store.merge import Member, Report, figures, same_incident
from tests.store.factories import (
    clash_a,
    clash_b,
    clash_other_province,
    document,
    extraction,
    incident,
    statement,
)


def report(key: str, **fields) -> Report:
    values = dict(
        key=key, doc_key=f"doc-{key}", acled_type="Battles", date_start=date(2020, 4, 10),
        date_end=date(2020, 4, 10), country="AF", admin1="Badakhshan", place=None,
        actors=frozenset({"taliban"}), reporter=None,
    )
    values.update(fields)
    return Report(**values)


def test_two_worded_differently_reports_of_one_clash_form_one_cluster(store):
    store.write_batch([clash_a()])
    store.write_batch([clash_b()])
    events = store.events().to_pylist()
    assert len(events) == 1
    event = events[0]
    assert (event["reports"], event["documents"]) == (2, 2)
    assert (event["killed_low"], event["killed_high"], event["killed_best"]) == (27, 30, 27)
    assert (event["injured_low"], event["injured_high"]) == (9, 9)
    assert event["sources"] == "Pajhwok; TOLOnews"
    assert event["reported_by"] == "Ministry of Defense; Officials"
    # Each source's own figures stay on its report.
    reports = store.incidents(cluster_id=event["cluster_id"]).to_pylist()
    assert sorted((r["site_name"], r["killed"]) for r in reports) == [("Pajhwok", 30), ("TOLOnews", 27)]


def test_clashes_on_the_same_day_in_different_provinces_stay_apart(store):
    store.write_batch([clash_a(), clash_other_province()])
    events = store.events().to_pylist()
    assert sorted((e["admin1"], e["reports"]) for e in events) == [("Badakhshan", 1), ("Kunduz", 1)]


def test_merging_does_not_depend_on_ingest_order(target):
    from sitrep.store import open_store

    with open_store(target) as store:
        store.write_batch([clash_b(), clash_other_province()])
        store.write_batch([clash_a()])
        assert sorted(store.events().column("reports").to_pylist()) == [1, 2]


def test_a_report_bridging_two_clusters_joins_them(store):
    text_a = "Fighting in Badakhshan on April 9 and 10 killed 12."
    text_b = "Fighting in Badakhshan on April 10 and 11 killed 14."
    text_c = "Fighting raged in Badakhshan from April 9 to 11."
    first = extraction(document("a", text_a), [incident(text_a, text_a, date="2020-04-09", killed=12)])
    second = extraction(document("b", text_b), [incident(text_b, text_b, date="2020-04-11", killed=14)])
    bridge = extraction(document("c", text_c), [
        incident(text_c, text_c, date="2020-04-09/2020-04-11", precision="range")])
    store.write_batch([first, second])
    assert store.counts()["clusters"] == 2
    store.write_batch([bridge])
    events = store.events().to_pylist()
    assert [(e["reports"], e["killed_low"], e["killed_high"]) for e in events] == [(3, 12, 14)]
    assert store.backend.fetchall("SELECT count(DISTINCT cluster_id) FROM incidents") == [(1,)]


def test_contested_accounts_stay_visible_in_one_cluster(store):
    text = ("The ministry said 27 Taliban were killed in Badakhshan on Friday. "
            "The Taliban said the army shelled homes in Badakhshan, killing six civilians.")
    ministry = incident(text, "The ministry said 27 Taliban were killed in Badakhshan on Friday.",
                        id="e1", killed=27, reported_by="Ministry of Defense")
    taliban = incident(text, "The Taliban said the army shelled homes in Badakhshan, killing six civilians.",
                       id="e2", acled_type="Explosions/Remote violence", sub_type="Shelling/artillery/missile attack",
                       killed=6, actors=("Afghan National Defense and Security Forces", "Civilians"),
                       reported_by="Taliban", claim_status="disputed")
    store.write_batch([extraction(document("doha", text), [ministry, taliban])])
    events = store.events().to_pylist()
    assert len(events) == 1
    event = events[0]
    assert event["contested"] is True
    assert (event["killed_low"], event["killed_high"], event["killed_best"]) == (6, 27, 27)
    assert (event["acled_type"], event["acled_sub_type"]) == ("Battles", "Armed clash")
    statuses = store.incidents().column("claim_status").to_pylist()
    assert sorted(statuses) == ["disputed", "reported"]


def test_two_events_in_one_account_of_one_article_stay_apart(store):
    text = "Two bombs hit Kabul on Friday. One killed three at a market. Another killed two at a mosque."
    market = incident(text, "One killed three at a market.", id="e1", admin1="Kabul", killed=3)
    mosque = incident(text, "Another killed two at a mosque.", id="e2", admin1="Kabul", killed=2)
    store.write_batch([extraction(document("kabul", text), [market, mosque])])
    assert store.counts()["clusters"] == 2


def test_merge_rule():
    base = report("a")
    assert same_incident(base, report("b", admin1="BADAKHSHAN "))
    assert not same_incident(base, report("b", admin1="Kunduz"))
    assert not same_incident(base, report("b", country="PK"))
    assert not same_incident(base, report("b", date_start=date(2020, 4, 11), date_end=date(2020, 4, 11)))
    assert not same_incident(base, report("b", acled_type="Protests"))
    assert same_incident(base, report("b", acled_type="Violence against civilians"))
    assert not same_incident(base, report("b", actors=frozenset({"islamic state"})))
    assert same_incident(base, report("b", actors=frozenset({"unidentified armed group (afghanistan)"})))
    assert same_incident(base, report("b", actors=frozenset()))
    # A month-precise report is too vague to join anything.
    assert not same_incident(base, report("b", date_start=date(2020, 4, 1), date_end=date(2020, 4, 30)))
    # Different towns of one province are different places; the same town matches without admin1.
    assert not same_incident(report("a", place="Faizabad"), report("b", place="Jurm"))
    assert same_incident(report("a", place="Faizabad", admin1=None), report("b", place="faizabad", admin1=None))
    assert not same_incident(report("a", admin1=None), report("b", admin1=None))
    # One reporter in one article: two events; two reporters in one article: two accounts.
    assert not same_incident(report("a", doc_key="d"), report("b", doc_key="d"))
    assert same_incident(report("a", doc_key="d", reporter="x"), report("b", doc_key="d", reporter="y"))


def member(key: str, killed: int | None, status: str = "reported") -> Member:
    return Member(key, f"doc-{key}", "Battles", "Armed clash", date(2020, 4, 10), date(2020, 4, 10), "day",
                  "AF", "Badakhshan", None, None, None, None, "admin1", killed, None, status)


def test_figures_low_high_best():
    assert figures([member("a", 10), member("b", 12), member("c", 40)], "killed").__dict__ == {
        "low": 10, "high": 40, "best": 12}
    assert figures([member("a", 10), member("b", 12)], "killed").__dict__ == {"low": 10, "high": 12, "best": 10}
    # A party's claim widens the range but does not set the best estimate when a neutral account exists.
    assert figures([member("a", 5), member("b", 50, "claimed")], "killed").__dict__ == {
        "low": 5, "high": 50, "best": 5}
    assert figures([member("a", 50, "claimed")], "killed").__dict__ == {"low": 50, "high": 50, "best": 50}
    assert figures([member("a", None)], "killed").__dict__ == {"low": None, "high": None, "best": None}


ACCUSATION = "The Taliban accused US forces of violating the agreement with drone strikes."
DENIAL = "USFOR-A rejected the claim, calling any assertion otherwise baseless."


def accusation_doc(published: date = date(2020, 4, 5)):
    doc = document("accusation", ACCUSATION, published=published, site_name="Ariana")
    return extraction(doc, statements=[statement(ACCUSATION, ACCUSATION, speaker="Taliban", kind="accusation",
                                                 target="US forces in Afghanistan")])


def denial_doc(published: date = date(2020, 4, 6)):
    doc = document("denial", DENIAL, published=published, site_name="TOLOnews")
    return extraction(doc, statements=[statement(DENIAL, DENIAL, speaker="Sonny Legget", kind="denial",
                                                 affiliation="US forces in Afghanistan", target="Taliban")])


def links(store) -> list[tuple]:
    return store.backend.fetchall(
        "SELECT d.local_id, dd.doc_id, a.local_id, ad.doc_id, l.basis FROM statement_links l "
        "JOIN statements d ON d.statement_key = l.statement_key JOIN documents dd ON dd.doc_key = d.doc_key "
        "JOIN statements a ON a.statement_key = l.answers_key JOIN documents ad ON ad.doc_key = a.doc_key")


def test_a_denial_links_to_the_accusation_it_answers_in_another_document(store):
    store.write_batch([accusation_doc()])
    store.write_batch([denial_doc()])
    assert links(store) == [("s1", "denial", "s1", "accusation", "the accused denies")]
    assert store.statements(kind="denial").column("answers").to_pylist() == store.statements(
        kind="accusation").column("statement_key").to_pylist()


def test_the_link_is_made_whichever_arrives_first(store):
    store.write_batch([denial_doc()])
    store.write_batch([accusation_doc()])
    assert links(store) == [("s1", "denial", "s1", "accusation", "the accused denies")]


def test_a_denial_weeks_later_answers_nothing(store):
    store.write_batch([accusation_doc(date(2020, 3, 1)), denial_doc(date(2020, 4, 6))])
    assert links(store) == []
