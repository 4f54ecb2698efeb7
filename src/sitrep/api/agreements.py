"""The agreement routes: the agreements the stored articles refer to, and one agreement's
compliance record (``Store.agreements``, ``Store.compliance``), as ``sitrep agreements`` and
``sitrep compliance NAME`` print them."""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any

from fastapi import APIRouter, Path, Query, Request
from pydantic import Field

from sitrep.api.params import MAX_TEXT, Paging, Text
from sitrep.api.params import Query as Filters
from sitrep.api.responses import ERRORS, Page, Rows, error_response, json_response, page
from sitrep.api.routes import store_of

router = APIRouter(prefix="/api", responses=ERRORS)


class AgreementQuery(Filters, Paging):
    pass


class ComplianceQuery(Filters):
    party: Text | None = Field(None, description="Only what this party says, does or is accused of.")
    since: date | None = Field(None, description="Timeline entries on or after this day.")
    until: date | None = Field(None, description="Timeline entries on or before this day.")


@router.get("/agreements", response_model=Page, summary="Agreements the articles refer to, with their counts")
def list_agreements(request: Request, query: Annotated[AgreementQuery, Query()]) -> Any:
    """The rows of `sitrep agreements -f json`: each agreement with its counts of allegations (by
    whom, against whom), denials, demands, alleged violations and deliveries."""
    rows = store_of(request).agreements().to_pylist()
    return json_response(page(rows[query.offset:query.offset + query.limit + 1], query.offset, query.limit))


@router.get("/compliance/{agreement}", response_model=Rows, summary="One agreement's compliance record")
def compliance(request: Request, agreement: Annotated[str, Path(max_length=MAX_TEXT)],
               query: Annotated[ComplianceQuery, Query()]) -> Any:
    """The rows of `sitrep compliance NAME -f json` (NAME: the agreement's key, name, alias or part
    of one): first one row per commitment (`entry` "commitment": promised against delivered, the
    largest running total and the sum of reported batches), then the timeline in date order, each
    row with its source sentence (`evidence`), its article (`doc_key`) and record (`record_key`)."""
    store = store_of(request)
    rows = store.compliance(agreement, **query.filters()).to_pylist()
    if not rows and not store.compliance(agreement).num_rows:
        known = store.agreements().column("name").to_pylist()
        hint = f"; the store knows: {'; '.join(known)}" if known else ""
        return error_response(404, f"no agreement named {agreement!r} in the store{hint}")
    return json_response({"items": rows})
