"""sitrep: conflict and peace-process news in, sourced incidents and statements out.

The Python API: ``sitrep.extract(text)`` reads one article and returns an
``Extraction``; ``sitrep.open(db)`` opens the growing record (a DuckDB file or a
``postgresql://`` URL), whose ``incidents(...)``, ``events(...)`` and ``statements(...)``
return Arrow tables (``.to_pandas()`` where pandas is installed). Both import their
machinery on first use, so ``import sitrep`` stays cheap.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sitrep.models import Extraction
    from sitrep.store import Store


def extract(text: str, **options) -> Extraction:
    """Read one article's text; keywords as ``sitrep.pipeline.extract_text``."""
    from sitrep.pipeline import extract_text

    return extract_text(text, **options)


def open(db: str = "sitrep.duckdb") -> Store:  # noqa: A001 - the name the API promises
    """Open (creating as needed) the store at a DuckDB path or ``postgresql://`` URL."""
    from sitrep.store import open_store

    return open_store(db)
