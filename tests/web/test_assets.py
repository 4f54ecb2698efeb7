"""The page's files: ours reference nothing outside this server and build no markup from
strings; the third-party ones come from installed packages; the outlines build and cache."""

from __future__ import annotations

import json
import re

from sitrep.web import outlines
from sitrep.web.assets import STATIC_DIR, vendor_dirs
from tests.api.conftest import client_for


def test_our_html_loads_only_this_servers_files():
    for page in ("index.html", "docs.html"):
        html = (STATIC_DIR / page).read_text(encoding="utf-8")
        references = re.findall(r'(?:src|href)="([^"]*)"', html)
        assert references and all(ref.startswith("/") or ref == "data:," for ref in references), page
        assert "<script>" not in html and " style=" not in html, page  # no inline script or style


def test_our_scripts_never_turn_strings_into_markup_or_code():
    risky = re.compile(r"innerHTML|outerHTML|insertAdjacentHTML|document\.write|\beval\(|new Function|bindPopup\(\s*[`'\"]")
    for script in STATIC_DIR.glob("*.js"):
        assert not risky.findall(script.read_text(encoding="utf-8")), script.name


def test_vendored_libraries_come_from_installed_packages(tmp_path):
    dirs = vendor_dirs()
    assert (dirs["leaflet"] / "leaflet.js").exists() and (dirs["markercluster"] / "leaflet.markercluster.js").exists()
    assert (dirs["swagger"] / "swagger-ui-bundle.js").exists()
    with client_for(str(tmp_path / "empty.duckdb")) as client:
        for path in ("/vendor/leaflet/leaflet.js", "/vendor/markercluster/MarkerCluster.css",
                     "/vendor/swagger/swagger-ui.css", "/static/app.js", "/"):
            assert client.get(path).status_code == 200, path


def test_country_outlines_are_built_once_then_read_from_the_cache(tmp_path, monkeypatch):
    monkeypatch.setattr(outlines, "CACHE_DIR", tmp_path)
    data = json.loads(outlines.country_outlines())
    names = {f["properties"]["iso_a2"]: f["properties"]["name"] for f in data["features"]}
    assert len(data["features"]) > 200
    assert (names["AF"], names["NG"], names["CO"]) == ("Afghanistan", "Nigeria", "Colombia")
    afghanistan = next(f for f in data["features"] if f["properties"]["iso_a2"] == "AF")["geometry"]
    ring = afghanistan["coordinates"][0] if afghanistan["type"] == "Polygon" else afghanistan["coordinates"][0][0]
    longitudes = [point[0] for point in ring]
    assert 60 < min(longitudes) < 61.5 and 74 < max(longitudes) < 75.5  # lon 60.5 to 74.9
    cached = outlines.cache_path()
    assert cached.parent == tmp_path / "outlines" and cached.exists()
    cached.write_bytes(b'{"type": "FeatureCollection", "features": []}')
    assert json.loads(outlines.country_outlines())["features"] == []
