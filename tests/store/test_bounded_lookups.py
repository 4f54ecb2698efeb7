"""The write path looks up a batch's keys through indexes: its cost must not grow with the store."""

from __future__ import annotations

from sitrep.store.store import one_of
from tests.store.factories import clash_a, clash_b, clash_other_province


def test_one_of_gives_a_placeholder_per_value():
    assert one_of("doc_key", ["a", "b", "c"]) == ("doc_key IN (?, ?, ?)", ["a", "b", "c"])


def test_one_of_no_values_matches_nothing(store):
    where, params = one_of("doc_key", [])
    assert (where, params) == ("doc_key IN (NULL)", [])
    store.write_batch([clash_a()])
    assert store.backend.fetchall(f"SELECT count(*) FROM documents WHERE {where}", params) == [(0,)]


def test_known_hashes_with_no_hashes_reads_nothing(store):
    assert store.known_hashes([]) == set()


def test_a_batch_looks_up_no_list_through_any(store, monkeypatch):
    """``= ANY(?)`` makes DuckDB scan the whole table (a join with the unnested list);
    every statement a batch runs names its keys as IN lists instead."""
    issued: list[str] = []
    backend = store.backend
    for name in ("execute", "fetchall"):
        original = getattr(backend, name)

        def spy(sql, params=(), original=original):
            issued.append(sql)
            return original(sql, params)

        monkeypatch.setattr(backend, name, spy)
    store.write_batch([clash_a(), clash_other_province()])
    store.write_batch([clash_b()])
    assert issued
    assert not [sql for sql in issued if "ANY(" in sql.upper()]
    assert sorted(store.events().column("reports").to_pylist()) == [1, 2]


def test_a_list_of_keys_is_found_through_the_index_on_duckdb(tmp_path):
    """On a table larger than DuckDB's index-scan threshold, an IN list of keys reads the
    index (an ``= ANY`` list scans every row)."""
    import duckdb

    connection = duckdb.connect(str(tmp_path / "plain.duckdb"))
    connection.execute("CREATE TABLE t (k TEXT PRIMARY KEY)")
    connection.execute("INSERT INTO t SELECT 'k' || i::TEXT FROM range(300000) r(i)")
    keys = [f"k{number * 37}" for number in range(70)]  # a batch's worth: more than ANY gets an index for
    where, params = one_of("k", keys)
    plan = " ".join(row[1] for row in connection.execute(f"EXPLAIN ANALYZE SELECT k FROM t WHERE {where}", params).fetchall())
    assert "Index Scan" in plan
    assert sorted(connection.execute(f"SELECT k FROM t WHERE {where}", params).fetchall()) == sorted((k,) for k in keys)
    any_plan = " ".join(row[1] for row in connection.execute("EXPLAIN ANALYZE SELECT k FROM t WHERE k = ANY(?)", [keys]).fetchall())
    assert "Index Scan" not in any_plan
