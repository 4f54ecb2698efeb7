from __future__ import annotations

import json
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
FOUNDING = SHARED / "examples" / "doha-meeting.txt"
DEV = SHARED / "data" / "dev"


def needs_shared(path: Path):
    """Skip a test that reads third-party data when ../shared is not beside the repo."""
    return pytest.mark.skipif(not path.exists(), reason=f"{path} not present")


@pytest.fixture(scope="session")
def founding_text() -> str:
    if not FOUNDING.exists():
        pytest.skip("founding example not present")
    return FOUNDING.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def founding_gold() -> dict:
    path = FOUNDING.with_suffix("").with_suffix(".gold.json")
    if not path.exists():
        pytest.skip("founding gold not present")
    return json.loads(path.read_text(encoding="utf-8"))
