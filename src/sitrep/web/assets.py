"""Where the page's files come from: ours in ``static/``, third-party ones from installed wheels."""

from __future__ import annotations

from pathlib import Path

STATIC_DIR = Path(__file__).parent / "static"


def leaflet_dir() -> Path:
    import xstatic.pkg.leaflet as leaflet

    return Path(leaflet.BASE_DIR)


def markercluster_dir() -> Path:
    import xstatic.pkg.leaflet_markercluster as markercluster

    return Path(markercluster.BASE_DIR)


def swagger_dir() -> Path:
    """Swagger UI's bundle and stylesheet as fastapi-offline ships them (our own page loads them)."""
    import fastapi_offline

    return Path(fastapi_offline.__file__).parent / "static"


def vendor_dirs() -> dict[str, Path]:
    """URL prefix under ``/vendor`` -> directory, for every third-party asset the page loads."""
    return {"leaflet": leaflet_dir(), "markercluster": markercluster_dir(), "swagger": swagger_dir()}
