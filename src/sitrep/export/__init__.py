"""Handing the store's data out in the formats analysts already load: ACLED-style CSV,
GeoJSON, Parquet and JSON Lines. Exports read through ``Store`` filters, so what one
exports is what ``sitrep incidents`` shows.
"""

from __future__ import annotations

from sitrep.export.formats import FORMATS, export

__all__ = ["FORMATS", "export"]
