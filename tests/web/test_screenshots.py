"""Screenshots for a person to look at: the page, a filtered view, an incident, the statements,
an agreement's compliance record, the API reference. Written to $SITREP_SCREENSHOTS, or to a temporary directory (printed)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

PNG = b"\x89PNG\r\n\x1a\n"


@pytest.fixture(scope="module")
def shots(tmp_path_factory) -> Path:
    folder = Path(os.environ.get("SITREP_SCREENSHOTS") or tmp_path_factory.mktemp("screenshots"))
    folder.mkdir(parents=True, exist_ok=True)
    print(f"screenshots in {folder}")
    return folder


def test_screenshots_of_each_view(page, store, shots):
    busiest = max(store.events().to_pylist(), key=lambda e: (e["reports"], e["cluster_id"]))
    views = {
        "page": "/",
        "filtered": "/?country=AF&bucket=week",
        "incident": f"/?event={busiest['cluster_id']}",
        "statements": "/?view=statements&kind=accusation",
        "compliance": "/?view=agreements&agreement=test-truce",
    }
    for name, path in views.items():
        page.open(path)
        page.page.screenshot(path=str(shots / f"{name}.png"))
    page.page.goto(page.base + "/docs")
    page.page.wait_for_selector(".opblock")
    page.page.screenshot(path=str(shots / "docs.png"), full_page=True)
    for name in [*views, "docs"]:
        data = (shots / f"{name}.png").read_bytes()
        assert data.startswith(PNG) and len(data) > 20_000, name
