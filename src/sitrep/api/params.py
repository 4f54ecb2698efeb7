"""Query parameters: the CLI's filters, validated and bounded, turned into ``Store`` keywords.

Each model lists exactly what a route accepts (an unknown parameter is an error, so a
misspelt filter never silently returns everything), with the bounds that keep one
request cheap: strings of at most ``MAX_TEXT`` characters, pages of at most
``MAX_PAGE`` rows.
"""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, field_validator

MAX_PAGE = 500
DEFAULT_PAGE = 50
MAX_OFFSET = 10_000_000
MAX_TEXT = 200

Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=MAX_TEXT)]


class Query(BaseModel):
    model_config = ConfigDict(extra="forbid")

    def filters(self) -> dict[str, Any]:
        """The store keywords of the filters that were given."""
        return {key: value for key, value in self.model_dump(exclude=PAGING).items() if value is not None}


PAGING = {"offset", "limit", "thread", "format", "what"}


class Paging(BaseModel):
    offset: int = Field(0, ge=0, le=MAX_OFFSET, description="Rows to skip (the previous page's next_offset).")
    limit: int = Field(DEFAULT_PAGE, ge=1, le=MAX_PAGE, description=f"Rows per page, at most {MAX_PAGE}.")


class IncidentFilters(Query):
    country: Text | None = Field(None, description="ISO 3166 alpha-2 or alpha-3 code, or a country name.")
    admin1: Text | None = Field(None, description="First-level region (province, state), any case.")
    actor: Text | None = Field(None, description="Part of an actor's or the reporting source's name.")
    type: Text | None = Field(None, description="ACLED event type or sub-event type.")
    since: date | None = Field(None, description="Incidents ending on or after this day (YYYY-MM-DD).")
    until: date | None = Field(None, description="Incidents starting on or before this day (YYYY-MM-DD).")
    text: Text | None = Field(None, description="Words in the evidence sentence.")
    contested: bool | None = Field(
        None, description="true: only merged incidents a party claims or disputes; false: only the others.")

    @field_validator("country")
    @classmethod
    def known_country(cls, value: str | None) -> str | None:
        """An unknown country is an error (as in the CLI), not a filter that matches nothing."""
        from sitrep.store.query import country_code

        if value is not None:
            country_code(value)
        return value


class IncidentQuery(IncidentFilters, Paging):
    pass


class StatementFilters(Query):
    actor: Text | None = Field(None, description="Part of the speaker's, their affiliation's or the target's name.")
    kind: Literal["statement", "accusation", "denial", "demand", "threat", "confirmation", "announcement"] | None = None
    since: date | None = Field(None, description="Statements dated (or published) on or after this day.")
    until: date | None = Field(None, description="Statements dated (or published) on or before this day.")
    text: Text | None = Field(None, description="Words in the evidence sentence or the quote.")


class StatementQuery(StatementFilters, Paging):
    thread: bool = Field(
        False, description="Embed each statement's replies (the denials answering it) and what it answers.")


class ExportQuery(IncidentFilters):
    format: Literal["acled-csv", "geojson", "parquet", "jsonl"] = Field(
        ..., description="acled-csv and geojson always export merged incidents (events).")
    what: Literal["events", "incidents", "statements"] = Field(
        "events", description="events (merged), incidents (per report) or statements (jsonl and parquet).")
