"""The merge and the denial links look stored records up in a window of days, not over the store.

A store built with the bounded lookups must hold exactly what one built with the old
unbounded ones holds: every bound is one the rule in ``merge`` applies anyway.
"""

from __future__ import annotations

import random
from datetime import date, datetime, timedelta

from sitrep.store import Store, open_store
from sitrep.store.backend import connect
from sitrep.store.rows import extraction_rows
from sitrep.store.schema import MIGRATIONS, migrate
from tests.store.factories import document, extraction, incident, statement


class UnboundedStore(Store):
    """The candidate lookup as it was: every report of the country that overlaps in time."""

    def candidate_pairs(self, new_keys):
        from sitrep.store.store import one_of

        where, params = one_of("n.incident_key", new_keys)
        return self.backend.fetchall(
            "SELECT n.incident_key, i.incident_key FROM incidents n JOIN incidents i "
            "ON i.country = n.country AND i.date_start <= n.date_end AND i.date_end >= n.date_start "
            "AND (lower(i.admin1) = lower(n.admin1) OR lower(i.place) = lower(n.place)) "
            f"AND i.incident_key <> n.incident_key WHERE {where}",
            params,
        )


def varied_reports(count: int, seed: int = 3) -> list:
    """Reports of a few provinces over six weeks, dated to a day, a span of 2 to 15 days or a month,
    so that spans on both sides of the merge's 8-day limit meet."""
    chance = random.Random(seed)
    spans = (1, 1, 1, 2, 3, 7, 8, 8, 9, 15, "month")
    actors = (("Taliban",), ("Afghan National Defense and Security Forces", "Taliban"), ("Islamic State",), ())
    out = []
    for number in range(count):
        start = date(2020, 4, 1) + timedelta(days=chance.randrange(42))
        span = chance.choice(spans)
        if span == "month":
            when = start.isoformat()[:7]
        elif span == 1:
            when = start.isoformat()
        else:
            when = f"{start.isoformat()}/{(start + timedelta(days=span - 1)).isoformat()}"
        province = chance.choice(("Kunduz", "Balkh", "kunduz "))
        text = f"Report {number}: fighting in {province.strip()} was reported."
        out.append(extraction(
            document(f"varied-{number:03d}", text, published=start + timedelta(days=span if span != "month" else 31)),
            [incident(text, text, date=when, admin1=province, place=chance.choice((None, None, "Char Dara")),
                      actors=chance.choice(actors), killed=number % 5,
                      acled_type=chance.choice(("Battles", "Battles", "Explosions/Remote violence", "Protests")))],
        ))
    return out


def stored_clusters(store: Store) -> tuple[list, list]:
    incidents = store.backend.fetchall("SELECT incident_key, cluster_id FROM incidents ORDER BY incident_key")
    clusters = store.backend.fetchall(
        "SELECT cluster_id, date_start, date_end, killed_low, killed_high, killed_best, reports, documents, "
        "best_incident_key FROM clusters ORDER BY cluster_id")
    return incidents, clusters


def test_the_date_window_keeps_every_merge_the_unbounded_lookup_makes(tmp_path):
    reports = varied_reports(160)
    bounded = open_store(str(tmp_path / "bounded.duckdb"))
    unbounded = UnboundedStore(connect(str(tmp_path / "unbounded.duckdb")))
    try:
        for first in range(0, len(reports), 16):
            bounded.write_batch(reports[first:first + 16])
            unbounded.write_batch(reports[first:first + 16])
        assert stored_clusters(bounded) == stored_clusters(unbounded)
        incidents, clusters = stored_clusters(bounded)
        assert len(incidents) == 160 and len(clusters) < 120  # reports did merge
        keys = [key for key, _ in incidents]
        # The window leaves out pairs: reports that overlap but span more than 8 days.
        assert len(bounded.candidate_pairs(keys)) < len(unbounded.candidate_pairs(keys))
    finally:
        bounded.close()
        unbounded.close()


def one_report(doc_id: str, when: str, admin1: str = "Kunduz"):
    text = f"Fighting in {admin1} was reported ({doc_id})."
    return extraction(document(doc_id, text), [incident(text, text, date=when, admin1=admin1)])


def test_a_report_seven_days_earlier_spanning_eight_days_still_merges(store):
    store.write_batch([one_report("later", "2020-04-18")])
    store.write_batch([one_report("earlier", "2020-04-11/2020-04-18")])  # starts 7 days before, ends that day
    store.write_batch([one_report("too-long", "2020-04-10/2020-04-18")])  # nine days: too vague to merge
    assert store.backend.fetchall(
        "SELECT count(DISTINCT cluster_id), count(*) FROM incidents") == [(2, 3)]
    assert sorted(store.events().column("reports").to_pylist()) == [1, 2]


def test_a_re_run_adds_nothing(store):
    reports = varied_reports(40)
    store.write_batch(reports[:20])
    store.write_batch(reports[20:])
    before = stored_clusters(store), store.counts()
    assert store.write_batch(reports).skipped == 40
    assert (stored_clusters(store), store.counts()) == before


# --- denials: the accused looked up by folded name within the window ----------------------

ACCUSED = "The Eastern League accused the river police of firing on fishermen."
DENIED = "A river police spokesman denied that officers had fired at anyone."


def accusation_of(target: str, published: date):
    doc = document(f"accuses-{published}", ACCUSED, published=published)
    return extraction(doc, statements=[statement(ACCUSED, ACCUSED, speaker="Eastern League", kind="accusation",
                                                 target=target)])


def denial_by(affiliation: str, published: date):
    doc = document(f"denies-{published}", DENIED, published=published)
    return extraction(doc, statements=[statement(DENIED, DENIED, speaker="Jon Arrow", kind="denial",
                                                 affiliation=affiliation, target="Eastern League")])


def answered(store) -> list[tuple]:
    return store.backend.fetchall(
        "SELECT d.doc_id, a.doc_id, l.basis FROM statement_links l "
        "JOIN statements ds ON ds.statement_key = l.statement_key JOIN documents d ON d.doc_key = ds.doc_key "
        "JOIN statements ac ON ac.statement_key = l.answers_key JOIN documents a ON a.doc_key = ac.doc_key "
        "ORDER BY 1, 2")


def test_the_accused_is_found_by_the_folded_name_within_the_window(store):
    store.write_batch([accusation_of("the  River Police", date(2020, 6, 1)),  # spaced and cased otherwise
                       accusation_of("the river police", date(2020, 5, 1))])  # a month before: out of the window
    store.write_batch([denial_by("The River Police", date(2020, 6, 3))])
    assert answered(store) == [("denies-2020-06-03", "accuses-2020-06-01", "the accused denies")]


def test_a_later_accusation_finds_the_denier_by_their_side(store):
    store.write_batch([denial_by("The River Police", date(2020, 6, 3))])
    store.write_batch([accusation_of("the river police", date(2020, 6, 2)),
                       accusation_of("the river police", date(2020, 6, 20))])  # after the denial: out
    assert answered(store) == [("denies-2020-06-03", "accuses-2020-06-02", "the accused denies")]


def test_statements_stored_before_the_lookup_columns_are_found_after_the_migration(target):
    old = Store(connect(target), migrate_schema=False)
    try:
        assert migrate(old.backend, MIGRATIONS[:7]) == [1, 2, 3, 4, 5, 6, 7]
        rows = extraction_rows(accusation_of("the  River Police", date(2020, 6, 1)), "b-old", datetime(2020, 6, 1, 12))
        old.backend.insert("documents", [rows.document])
        old.backend.insert("sources", [row[:3] for row in rows.sources])  # the columns version 7 has
        old.backend.insert("statements", [row[:-2] for row in rows.statements])
        old.backend.insert("provenance", rows.provenance)
    finally:
        old.close()
    with open_store(target) as store:
        assert store.backend.fetchall("SELECT target_folded, reference_day FROM statements") == [
            ("the river police", date(2020, 6, 1))]
        assert store.backend.fetchall("SELECT name_folded, affiliation_folded FROM sources") == [
            ("eastern league", None)]
        store.write_batch([denial_by("The River Police", date(2020, 6, 3))])
        assert answered(store) == [("denies-2020-06-03", "accuses-2020-06-01", "the accused denies")]
