"""Rendering extractions for people (Rich tables) and programs (JSON, JSON Lines)."""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import TextIO

from rich.console import Console
from rich.table import Table

from sitrep.models import Extraction


def as_json(extraction: Extraction) -> dict:
    return extraction.model_dump(mode="json")


def write_extractions(extractions: Iterable[Extraction], output_format: str, handle: TextIO) -> None:
    if output_format == "jsonl":
        for extraction in extractions:
            handle.write(json.dumps(as_json(extraction), ensure_ascii=False) + "\n")
            handle.flush()
    elif output_format == "json":
        handle.write(json.dumps([as_json(e) for e in extractions], ensure_ascii=False, indent=2) + "\n")
    else:
        console = Console(file=handle, width=160 if not handle.isatty() else None)
        for extraction in extractions:
            render_table(extraction, console)


def figure(value: int | None) -> str:
    return "" if value is None else str(value)


def render_table(extraction: Extraction, console: Console) -> None:
    document = extraction.document
    published = f"{document.published} ({document.published_basis})" if document.published else "unknown"
    console.rule(f"[bold]{document.id}[/]  published {published}")
    if document.removed:
        console.print(f"[dim]removed boilerplate: {'; '.join(document.removed)}[/]")
    incidents = Table(title="Incidents", show_lines=False, expand=False)
    for column in ("date", "type", "where", "actors", "killed", "injured", "k/i", "rel.", "det.", "reported by", "status"):
        incidents.add_column(column)
    for incident in extraction.incidents:
        where = ", ".join(x for x in (incident.place, incident.admin1, incident.country) if x)
        incidents.add_row(
            incident.date or "",
            f"{incident.acled_type} / {incident.acled_sub_type}",
            where,
            "; ".join(a.name for a in incident.actors),
            figure(incident.killed),
            figure(incident.injured),
            figure(incident.killed_or_injured),
            figure(incident.released),
            figure(incident.detained),
            incident.reported_by.name if incident.reported_by else "",
            incident.claim_status,
        )
    console.print(incidents)
    statements = Table(title="Statements")
    for column in ("date", "speaker", "for", "kind", "target", "channel", "quote"):
        statements.add_column(column)
    for statement in extraction.statements:
        statements.add_row(
            statement.date or "",
            statement.speaker.name,
            statement.speaker.affiliation or "",
            statement.kind,
            statement.target.name if statement.target else "",
            statement.channel or "",
            (statement.quote or "")[:80],
        )
    console.print(statements)
