"""Two SQL engines behind one small connection interface.

SQL is written once, with ``?`` placeholders and the dialect DuckDB and PostgreSQL
share; the PostgreSQL backend rewrites the placeholders for psycopg. Values are always
bound as parameters, never formatted into the SQL text.
"""

from __future__ import annotations

import os
import re
import time
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
    def session(self) -> Any: ...
    def clone(self) -> Backend: ...
    def user_sql(self, sql: str, write: bool = False) -> pa.Table: ...
    def close(self) -> None: ...


class StoreLocked(RuntimeError):
    """Another process held the DuckDB file for longer than the wait allowed."""


#: How long an operation waits for another process to release a DuckDB file: a reader
#: waits out one batch of a running ingest, a writer waits out a reader's query.
LOCK_WAIT_SECONDS = float(os.environ.get("SITREP_LOCK_WAIT", 120))

#: The longest pause between a locked-out open's retries: short, since a running ingest
#: leaves the file free for ``corpus.ingest.RELEASE_SECONDS`` at a time.
LOCK_RETRY_SECONDS = 0.02



def waiting_marker(location: str | Path) -> Path:
    """The file a process locked out of a DuckDB store touches to ask its holder to let go.

    DuckDB tells a writer nothing of who waits for its file, so a writer holding the file
    across batches (``corpus.ingest.FileHold``) could only let go on a timer, paying a
    checkpoint each time whether anyone waited or not. A waiting process touches this file
    on every refused open; the holder lets go after the batch it is committing, and removes
    it (a process that still waits touches it again within ``LOCK_RETRY_SECONDS``).
    """
    return Path(f"{location}.wait")


def ask_to_release(location: str | Path) -> None:
    try:
        waiting_marker(location).touch()
    except OSError:  # a directory this process may not write to: the holder's timer lets it in
        pass


#: Statement types that only read, the ones ``sitrep sql`` runs without ``--write``.
READING_STATEMENTS = {"SELECT", "EXPLAIN"}


class DuckDBBackend:
    """A DuckDB file, held only while an operation runs.

    DuckDB lets one process at a time open a file for writing, and no other process open
    it at all meanwhile. So the file is opened for each operation (a query, or one
    transaction such as a whole batch) and closed after it, and an open that finds the
    file locked waits and retries: readers get in between a running ingest's batches,
    and the ingest waits out their queries. ``session()`` keeps one connection across
    several operations (an export's queries, say).
    """

    kind = "duckdb"

    def __init__(self, path: str | Path, read_only: bool = False, lock_wait: float | None = None) -> None:
        self.location = str(path)
        self.read_only = read_only
        self.lock_wait = LOCK_WAIT_SECONDS if lock_wait is None else lock_wait
        self.columns_cache: dict[str, list[str]] = {}
        self.connection = None
        self.depth = 0
        with self.session():  # fail now, not at the first query, when the file is unusable
            pass

    def open_connection(self):
        import duckdb

        config = {"enable_external_access": False} if self.read_only else {}
        deadline = time.monotonic() + self.lock_wait
        pause = 0.01
        while True:
            try:
                return duckdb.connect(self.location, read_only=self.read_only, config=config)
            except duckdb.IOException as error:
                if "lock" not in str(error).lower() or time.monotonic() >= deadline:
                    if "lock" in str(error).lower():
                        raise StoreLocked(
                            f"{self.location} stayed locked by another process for {self.lock_wait:.0f} s"
                        ) from None
                    raise
            ask_to_release(self.location)
            time.sleep(pause)
            pause = min(pause * 2, LOCK_RETRY_SECONDS)

    @contextmanager
    def session(self) -> Iterator[Any]:
        """Hold the file for the operations inside; the outermost session closes it."""
        if self.depth == 0:
            self.connection = self.open_connection()
        self.depth += 1
        try:
            yield self.connection
        finally:
            self.depth -= 1
            if self.depth == 0:
                connection, self.connection = self.connection, None
                connection.close()

    def clone(self) -> DuckDBBackend:
        """Another backend on the same file, for another thread (a connection serves one thread at a time)."""
        return DuckDBBackend(self.location, read_only=self.read_only, lock_wait=self.lock_wait)

    def execute(self, sql: str, params: Params = ()) -> None:
        with self.session() as connection:
            connection.execute(sql, list(params))

    def executemany(self, sql: str, rows: Sequence[Params]) -> None:
        if rows:
            with self.session() as connection:
                connection.executemany(sql, [list(row) for row in rows])

    def fetchall(self, sql: str, params: Params = ()) -> list[tuple]:
        with self.session() as connection:
            return connection.execute(sql, list(params)).fetchall()

    def insert(self, table: str, rows: Sequence[Params]) -> None:
        """Insert many rows at once (skipping existing keys): DuckDB pays per statement, not per row."""
        if not rows:
            return
        with self.session() as connection:
            names = table_columns(self, table)
            columns = list(zip(*rows))
            connection.register("sitrep_rows", pa.table([pa.array(c) for c in columns], names=names))
            try:
                # ``table`` is one of the store's own table names, checked by table_columns.
                connection.execute(f"INSERT INTO {table} SELECT * FROM sitrep_rows ON CONFLICT DO NOTHING")
            finally:
                connection.unregister("sitrep_rows")

    def query(self, sql: str, params: Params = ()) -> tuple[list[str], list[tuple]]:
        with self.session() as connection:
            cursor = connection.execute(sql, list(params))
            if cursor.description is None:
                return [], []
            return [column[0] for column in cursor.description], cursor.fetchall()

    def arrow(self, sql: str, params: Params = ()) -> pa.Table:
        with self.session() as connection:
            # Through the relational API: DuckDB hands Arrow over without an extra copy.
            relation = connection.sql(sql, params=list(params) or None)
            return pa.table({}) if relation is None else relation.to_arrow_table()  # None: the SQL selected nothing

    def user_sql(self, sql: str, write: bool = False) -> pa.Table:
        """One statement of the user's own SQL; only a reading one unless ``write``."""
        with self.session() as connection:
            statements = connection.extract_statements(sql)
            if len(statements) != 1:
                raise ValueError(f"give one SQL statement at a time (found {len(statements)})")
            kind = statements[0].type.name
            if not write and kind not in READING_STATEMENTS:
                raise ValueError(f"{kind} would change the store; sitrep sql only reads unless given --write")
            return self.arrow(sql)

    @contextmanager
    def transaction(self) -> Iterator[None]:
        with self.session() as connection:
            connection.begin()
            try:
                yield
            except BaseException:
                connection.rollback()
                raise
            else:
                connection.commit()

    def close(self) -> None:
        if self.connection is not None:
            self.connection.close()
            self.connection, self.depth = None, 0


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


def rows_to_arrow(names: list[str], rows: list[tuple]) -> pa.Table:
    if not rows:
        return pa.table({name: pa.array([], pa.null()) for name in names})
    return pa.Table.from_pylist([dict(zip(names, row)) for row in rows])


class PostgresBackend:
    kind = "postgresql"

    def __init__(self, url: str, read_only: bool = False) -> None:
        import psycopg

        self.location = url
        self.read_only = read_only
        # Autocommit outside explicit transactions: a query never leaves one open.
        self.connection = psycopg.connect(url, autocommit=True)
        if read_only:
            self.connection.execute("SET default_transaction_read_only = on")
        self.columns_cache: dict[str, list[str]] = {}

    @contextmanager
    def session(self) -> Iterator[Any]:
        """The server handles concurrency: the one connection stays open."""
        yield self.connection

    def clone(self) -> PostgresBackend:
        """Another connection to the same database, for another thread."""
        return PostgresBackend(self.location, read_only=self.read_only)

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
        return rows_to_arrow(*self.query(sql, params))

    def user_sql(self, sql: str, write: bool = False) -> pa.Table:
        """One statement of the user's own SQL, in a read-only transaction unless ``write``.

        A prepared statement holds exactly one command, so "SELECT 1; DROP TABLE x" is
        refused by the server rather than split.
        """
        with self.connection.transaction():
            if not write:
                self.connection.execute("SET TRANSACTION READ ONLY")
            cursor = self.connection.execute(sql, prepare=True)
            if cursor.description is None:
                return pa.table({})
            names = [column.name for column in cursor.description]
            rows = cursor.fetchall()
        return rows_to_arrow(names, rows)

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
        return PostgresBackend(text, read_only=read_only)
    return DuckDBBackend(text, read_only=read_only)
