"""The growing record: documents, incidents, statements, actors, places, sources and
provenance in DuckDB (a file, by default) or PostgreSQL, behind one ``Store`` interface,
with a versioned schema (``schema.MIGRATIONS``).

This package owns the schema, its migrations, how extractions become rows (stable keys
from content hashes), transactional batch writes and the query filters. The merge rule
itself lives in ``sitrep.corpus.merge``.
"""

from __future__ import annotations

from sitrep.store.store import DEFAULT_DB, BatchResult, FailedDocument, Store, open_store

__all__ = ["DEFAULT_DB", "BatchResult", "FailedDocument", "Store", "open_store"]
