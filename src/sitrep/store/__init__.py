"""The growing record: documents, incidents, statements, actors, places, sources and
provenance in DuckDB (a file, by default) or PostgreSQL, behind one ``Store`` interface,
with a versioned schema (``schema.MIGRATIONS``).

This package owns the schema, its migrations, how extractions become rows (stable keys
from content hashes), transactional batch writes, the query filters, and the rule that merges reports of one
incident across articles (``store.merge``, pure functions the store applies inside the
transaction that adds a batch).
"""

from __future__ import annotations

from sitrep.store.store import DEFAULT_DB, BatchResult, FailedDocument, Store, open_store

__all__ = ["DEFAULT_DB", "BatchResult", "FailedDocument", "Store", "open_store"]
