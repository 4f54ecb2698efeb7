"""API tests: the application over a store of test records, on each engine the store tests use."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from sitrep.api import ServeConfig, create_app
from sitrep.store import open_store
from tests.store.conftest import ENGINES, PG_URL, target  # noqa: F401  (the store tests' engines)
from tests.store.factories import (
    clash_a,
    clash_b,
    clash_other_province,
    document,
    extraction,
    incident,
    synthetic_reports,
    truce_a,
    truce_b,
)
from tests.store.test_merge import accusation_doc, denial_doc

TOKEN = "test-token-of-this-suite"

DISPUTED = "The Taliban denied that 27 of their fighters were killed in Badakhshan on Friday."


def disputed_account():
    doc = document("clash-denied", DISPUTED, published=date(2020, 4, 11), site_name="Alemarah")
    return extraction(doc, [incident(DISPUTED, DISPUTED, killed=0, actors=("Taliban",), claim_status="disputed",
                                     reported_by="Taliban")])


def fill(store) -> None:
    """Merged and single reports in two provinces, a contested cluster, statements that answer each
    other, and an agreement told by two articles (the store tests' Harbour Truce)."""
    store.write_batch([clash_a(), clash_b(), clash_other_province(), disputed_account()])
    store.write_batch([accusation_doc()])
    store.write_batch([denial_doc()])
    store.write_batch(synthetic_reports(24))
    store.write_batch([truce_a(), truce_b()])


@pytest.fixture(scope="session")
def filled_duckdb(tmp_path_factory) -> Path:
    """One filled DuckDB file per session; each test gets a copy (filling takes seconds, copying none)."""
    path = tmp_path_factory.mktemp("api-store") / "filled.duckdb"
    with open_store(path) as store:
        fill(store)
    return path


@pytest.fixture
def filled(target, request):  # noqa: F811
    if target.startswith("postgresql://"):
        with open_store(target) as store:
            fill(store)
    else:
        shutil.copyfile(request.getfixturevalue("filled_duckdb"), target)
    return target


def client_for(db: str, **config) -> TestClient:
    settings = ServeConfig(db=db, allowed_hosts=("testserver",), **config)
    return TestClient(create_app(settings))


@pytest.fixture
def client(filled):
    with client_for(filled, token=TOKEN) as opened:
        yield opened
