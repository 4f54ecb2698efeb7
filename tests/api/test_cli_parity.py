"""Every list route filters and pages as the CLI does: the same rows, in the same order, on one store."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from sitrep.cli import app
from tests.api.conftest import client_for

INCIDENT_FILTERS = [
    {},
    {"country": "AF", "admin1": "kunduz"},
    {"actor": "taliban", "since": "2020-01-03", "until": "2020-04-10"},
    {"type": "Armed clash", "text": "clashed"},
    {"contested": True},
    {"limit": 5, "offset": 10},
    {"country": "Afghanistan", "limit": 3, "offset": 0},
]
STATEMENT_FILTERS = [{}, {"kind": "denial"}, {"actor": "taliban"}, {"since": "2020-04-05", "until": "2020-04-06"},
                     {"text": "clash", "limit": 4, "offset": 2}]


#: Columns the CLI rewrites for its table (a place line, killed as a range of the merged figures).
CLI_DERIVED = {"where", "killed"}


def cli_rows(*args: str) -> list[dict]:
    result = CliRunner().invoke(app, [*args, "--format", "json"])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def cli_options(filters: dict) -> list[str]:
    options = []
    for name, value in filters.items():
        options += [f"--{name}"] if value is True else [f"--{name}", str(value)]
    return options


def api_params(filters: dict) -> dict:
    params = {name: ("true" if value is True else value) for name, value in filters.items()}
    params.setdefault("limit", 500)
    return params


@pytest.mark.parametrize("filters", INCIDENT_FILTERS, ids=lambda f: ",".join(f) or "none")
@pytest.mark.parametrize(("route", "merged", "key"), [
    ("/api/incidents", False, "incident_key"), ("/api/events", True, "cluster_id")])
def test_incident_routes_match_the_cli(filled, filters, route, merged, key):
    # The CLI first: it opens the file read-only, which it cannot while this process serves it.
    expected = cli_rows("incidents", "--db", filled, *(["--merged"] if merged else []), *cli_options(filters))
    with client_for(filled) as client:
        body = client.get(route, params=api_params(filters)).json()
    assert [row[key] for row in body["items"]] == [row[key] for row in expected]
    derived = CLI_DERIVED if merged else {"where"}
    assert [{k: v for k, v in row.items() if k not in derived} for row in expected] == [
        {k: v for k, v in row.items() if k not in derived} for row in body["items"]]


@pytest.mark.parametrize("filters", STATEMENT_FILTERS, ids=lambda f: ",".join(f) or "none")
def test_statement_route_matches_the_cli(filled, filters):
    expected = cli_rows("statements", "--db", filled, *cli_options(filters))
    with client_for(filled) as client:
        body = client.get("/api/statements", params=api_params(filters)).json()
    assert body["items"] == expected and len(expected) > 0


@pytest.mark.parametrize("paging", [{}, {"limit": 1, "offset": 0}, {"offset": 1}], ids=["all", "first", "past"])
def test_agreements_route_matches_the_cli(filled, paging):
    expected = cli_rows("agreements", "--db", filled)
    with client_for(filled) as client:
        body = client.get("/api/agreements", params=api_params(paging)).json()
    start = paging.get("offset", 0)
    assert body["items"] == expected[start:start + paging.get("limit", 500)]
    assert [row["name"] for row in expected] == ["Harbour Truce"]


COMPLIANCE_FILTERS = [{}, {"party": "Northern Front"}, {"since": "2021-03-15"}, {"until": "2021-03-14"},
                      {"since": "2030-01-01"}]


@pytest.mark.parametrize("filters", COMPLIANCE_FILTERS, ids=lambda f: ",".join(f) or "none")
@pytest.mark.parametrize("name", ["Harbour Truce", "harbour", "test-truce"])
def test_compliance_route_matches_the_cli(filled, name, filters):
    expected = cli_rows("compliance", name, "--db", filled, *cli_options(filters))
    with client_for(filled) as client:
        body = client.get(f"/api/compliance/{name}", params=filters).json()
    assert body["items"] == expected
    assert [row["entry"] for row in expected[:2]] == ["commitment", "commitment"]
