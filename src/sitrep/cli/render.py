"""Rendering extractions for people (Rich tables) and programs (JSON, JSON Lines)."""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from typing import TextIO

from rich.console import Console
from rich.table import Table
from rich.text import Text

from sitrep.models import Extraction


#: Control characters (a raw ESC sequence from an article reaches the terminal
#: otherwise) and the bidirectional overrides that can make a cell read backwards.
UNPRINTABLE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def cell(value: object) -> Text:
    """A table cell from untrusted text: never read as Rich markup, no control characters."""
    text = "" if value is None else str(value)
    return Text(UNPRINTABLE.sub("", text.replace("\t", " ").replace("\n", " ")))


def terminal_line(text: str) -> str:
    """One line for standard error from untrusted text (a file name, a reason quoting input)."""
    return UNPRINTABLE.sub("", " ".join(text.split()))


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
    console.rule(Text.assemble((cell(document.id).plain, "bold"), f"  published {published}"))
    if document.removed:
        console.print(Text(f"removed boilerplate: {cell('; '.join(document.removed)).plain}", style="dim"))
    incidents = Table(title="Incidents", show_lines=False, expand=False)
    for column in ("date", "type", "where", "actors", "killed", "injured", "k/i", "rel.", "det.", "reported by", "status"):
        incidents.add_column(column)
    for incident in extraction.incidents:
        where = ", ".join(x for x in (incident.place, incident.admin1, incident.country) if x)
        incidents.add_row(*map(cell, (
            incident.date,
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
        )))
    console.print(incidents)
    statements = Table(title="Statements")
    for column in ("date", "speaker", "for", "kind", "target", "channel", "quote"):
        statements.add_column(column)
    for statement in extraction.statements:
        statements.add_row(*map(cell, (
            statement.date,
            statement.speaker.name,
            statement.speaker.affiliation,
            statement.kind,
            statement.target.name if statement.target else None,
            statement.channel,
            (statement.quote or "")[:80],
        )))
    console.print(statements)
