"""Two SQL engines behind one small connection interface.

SQL is written once, with ``?`` placeholders and the dialect DuckDB and PostgreSQL
share; the PostgreSQL backend rewrites the placeholders for psycopg. Values are always
bound as parameters, never formatted into the SQL text.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Protocol

import pyarrow as pa

Params = Sequence[Any]


class Backend(Protocol):
    kind: str
    location: str
    columns_cache: dict[str, list[str]]

    def execute(self, sql: str, params: Params = ()) -> None: ...
    def executemany(self, sql: str, rows: Sequence[Params]) -> None: ...
    def insert(self, table: str, rows: Sequence[Params]) -> None: ...
    def fetchall(self, sql: str, params: Params = ()) -> list[tuple]: ...
    def query(self, sql: str, params: Params = ()) -> tuple[list[str], list[tuple]]: ...
    def arrow(self, sql: str, params: Params = ()) -> pa.Table: ...
    def transaction(self) -> Any: ...
    def close(self) -> None: ...


class DuckDBBackend:
    kind = "duckdb"

    def __init__(self, path: str | Path, read_only: bool = False) -> None:
        import duckdb

        self.location = str(path)
        self.connection = duckdb.connect(self.location, read_only=read_only)
        self.columns_cache: dict[str, list[str]] = {}

    def execute(self, sql: str, params: Params = ()) -> None:
        self.connection.execute(sql, list(params))

    def executemany(self, sql: str, rows: Sequence[Params]) -> None:
        if rows:
            self.connection.executemany(sql, [list(row) for row in rows])

    def fetchall(self, sql: str, params: Params = ()) -> list[tuple]:
        return self.connection.execute(sql, list(params)).fetchall()

    def insert(self, table: str, rows: Sequence[Params]) -> None:
        """Insert many rows at once (skipping existing keys): DuckDB pays per statement, not per row."""
        if not rows:
            return
        names = table_columns(self, table)
        columns = list(zip(*rows))
        self.connection.register("sitrep_rows", pa.table([pa.array(c) for c in columns], names=names))
        try:
            # ``table`` is one of the store's own table names, checked by table_columns.
            self.connection.execute(f"INSERT INTO {table} SELECT * FROM sitrep_rows ON CONFLICT DO NOTHING")
        finally:
            self.connection.unregister("sitrep_rows")

    def query(self, sql: str, params: Params = ()) -> tuple[list[str], list[tuple]]:
        cursor = self.connection.execute(sql, list(params))
        if cursor.description is None:
            return [], []
        return [column[0] for column in cursor.description], cursor.fetchall()

    def arrow(self, sql: str, params: Params = ()) -> pa.Table:
        # Through the relational API: DuckDB hands Arrow over without an extra copy.
        relation = self.connection.sql(sql, params=list(params) or None)
        return pa.table({}) if relation is None else relation.to_arrow_table()  # None: the SQL selected nothing

    @contextmanager
    def transaction(self) -> Iterator[None]:
        self.connection.begin()
        try:
            yield
        except BaseException:
            self.connection.rollback()
            raise
        else:
            self.connection.commit()

    def close(self) -> None:
        self.connection.close()


#: A ``?`` placeholder outside quoted strings; psycopg wants ``%s``.
QUOTED_OR_PLACEHOLDER = re.compile(r"'(?:[^']|'')*'|\"(?:[^\"]|\"\")*\"|\?|%")


def to_pyformat(sql: str) -> str:
    """Rewrite ``?`` placeholders to ``%s`` and escape literal ``%``, leaving quoted text alone."""

    def replace(match: re.Match[str]) -> str:
        token = match.group(0)
        if token == "?":
            return "%s"
        if token == "%":
            return "%%"
        return token.replace("%", "%%")

    return QUOTED_OR_PLACEHOLDER.sub(replace, sql)


class PostgresBackend:
    kind = "postgresql"

    def __init__(self, url: str) -> None:
        import psycopg

        self.location = url
        # Autocommit outside explicit transactions: a query never leaves one open.
        self.connection = psycopg.connect(url, autocommit=True)
        self.columns_cache: dict[str, list[str]] = {}

    def execute(self, sql: str, params: Params = ()) -> None:
        self.connection.execute(to_pyformat(sql), list(params))

    def executemany(self, sql: str, rows: Sequence[Params]) -> None:
        if rows:
            with self.connection.cursor() as cursor:
                cursor.executemany(to_pyformat(sql), [list(row) for row in rows])

    def fetchall(self, sql: str, params: Params = ()) -> list[tuple]:
        return self.connection.execute(to_pyformat(sql), list(params)).fetchall()

    def insert(self, table: str, rows: Sequence[Params]) -> None:
        if rows:
            names = table_columns(self, table)
            marks = ", ".join("?" * len(names))
            self.executemany(f"INSERT INTO {table} VALUES ({marks}) ON CONFLICT DO NOTHING", rows)

    def query(self, sql: str, params: Params = ()) -> tuple[list[str], list[tuple]]:
        # User SQL without parameters goes verbatim: psycopg only reads % when params exist.
        cursor = self.connection.execute(to_pyformat(sql), list(params)) if params else self.connection.execute(sql)
        if cursor.description is None:
            return [], []
        return [column.name for column in cursor.description], cursor.fetchall()

    def arrow(self, sql: str, params: Params = ()) -> pa.Table:
        names, rows = self.query(sql, params)
        return pa.Table.from_pylist([dict(zip(names, row)) for row in rows]) if rows else pa.table(
            {name: pa.array([], pa.null()) for name in names}
        )

    @contextmanager
    def transaction(self) -> Iterator[None]:
        with self.connection.transaction():
            yield

    def close(self) -> None:
        self.connection.close()


IDENTIFIER = re.compile(r"[a-z_][a-z0-9_]*")


def table_columns(backend: Backend, table: str) -> list[str]:
    """The columns of one of the store's tables, in order (cached per connection)."""
    if not IDENTIFIER.fullmatch(table):
        raise ValueError(f"not a table name: {table!r}")
    cache = backend.columns_cache
    if table not in cache:
        cache[table] = backend.query(f"SELECT * FROM {table} LIMIT 0")[0]
    return cache[table]


def connect(target: str | Path, read_only: bool = False) -> Backend:
    """A PostgreSQL backend for a ``postgresql://`` (or ``postgres://``) URL, else a DuckDB file."""
    text = str(target)
    if text.startswith(("postgresql://", "postgres://")):
        return PostgresBackend(text)
    return DuckDBBackend(text, read_only=read_only)
