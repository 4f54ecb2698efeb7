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


def test_a_key_list_beside_another_filter_scans_every_row_on_duckdb(tmp_path):
    """Why denial linking filters a statement's kind, side and day in Python: with any other
    condition beside it (an indexed ``kind``, a day range), DuckDB reads the whole table
    instead of looking the key list up in its index."""
    import duckdb

    connection = duckdb.connect(str(tmp_path / "plain.duckdb"))
    connection.execute("CREATE TABLE s (k TEXT PRIMARY KEY, about TEXT, kind TEXT, day DATE)")
    connection.execute("INSERT INTO s SELECT 's' || i::TEXT, 'i' || (i // 2)::TEXT, "
                       "CASE WHEN i % 2 = 0 THEN 'denial' ELSE 'accusation' END, DATE '2021-01-01' + (i % 300)::INTEGER "
                       "FROM range(300000) r(i)")
    connection.execute("CREATE INDEX s_about ON s (about)")
    connection.execute("CREATE INDEX s_kind ON s (kind)")
    where, params = one_of("about", ["i17", "i4242"])

    def plan(sql: str, values: list) -> str:
        return " ".join(row[1] for row in connection.execute(f"EXPLAIN ANALYZE {sql}", values).fetchall())

    assert "Index Scan" in plan(f"SELECT k FROM s WHERE {where}", params)
    assert "Index Scan" not in plan(f"SELECT k FROM s WHERE kind = 'denial' AND {where}", params)
    assert "Index Scan" not in plan(
        f"SELECT k FROM s WHERE (day IS NULL OR day BETWEEN DATE '2021-01-01' AND DATE '2021-02-01') AND {where}", params)
    assert sorted(connection.execute(f"SELECT k, kind FROM s WHERE {where}", params).fetchall()) == [
        ("s34", "denial"), ("s35", "accusation"), ("s8484", "denial"), ("s8485", "accusation")]
