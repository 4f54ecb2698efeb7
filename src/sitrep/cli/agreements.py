"""Agreement commands: ``sitrep agreements`` (every agreement the store holds, with its
counts of allegations, denials, demands and deliveries) and ``sitrep compliance NAME``
(one agreement's record: per commitment, promised against delivered; then the dated
timeline with each source sentence and article)."""

from __future__ import annotations

import json
import sys
from enum import Enum
from typing import Annotated, Any, Optional

import typer

from sitrep.cli import app, parse_date_option
from sitrep.cli.db import DbOption, Format, QueryFormat, Since, Until, fail, open_db, plain, print_rows


class ComplianceFormat(str, Enum):
    table = "table"
    json = "json"
    csv = "csv"


@app.command()
def agreements(db: DbOption = "sitrep.duckdb", output: Format = QueryFormat.table) -> None:
    """List the agreements the stored articles refer to, with who alleges what against whom."""
    with open_db(db) as store:
        rows = store.agreements().to_pylist()
    columns = [("agreement", "name"), ("kind", "kind"), ("signed", "signed"), ("documents", "documents"),
               ("allegations", "allegations"), ("by whom, against whom", "allegations_by"),
               ("alleged violations", "alleged_violations"), ("denials", "denials"), ("demands", "demands"),
               ("compliance claims", "compliance_claims"), ("withdrawal threats", "withdrawal_threats"),
               ("deliveries", "deliveries")]
    print_rows(rows, columns, output)


def figure(value: int | None, bound: str | None = None) -> str:
    if value is None:
        return ""
    prefix = {"lower": "over ", "upper": "up to ", "approximate": "about "}.get(bound or "", "")
    return f"{prefix}{value:,}"


def delivered(row: dict[str, Any]) -> str:
    if row["delivered"] is None:
        return "none reported"
    if row["delivered_basis"] == "so far":
        return f"{figure(row['delivered'], row['delivered_so_far_bound'])} so far ({plain(row['delivered_so_far_date'])})"
    return f"{figure(row['delivered'])} (sum of reports)"


def batches(row: dict[str, Any]) -> str:
    if not row["delivered_batches"]:
        return ""
    plural = "es" if row["delivered_batches"] > 1 else ""
    return f"{figure(row['delivered_reports_sum'])} in {row['delivered_batches']} batch{plural}"


def source(row: dict[str, Any]) -> str:
    return row.get("site_name") or row.get("url") or row.get("doc_id") or ""


def quantity(row: dict[str, Any]) -> str:
    told = figure(row["quantity"], row["bound"])
    return f"{told} so far" if told and row["cumulative"] else told


def print_compliance(rows: list[dict[str, Any]]) -> None:
    from rich.console import Console
    from rich.table import Table

    from sitrep.cli.render import cell

    console = Console(width=None if sys.stdout.isatty() else 200)
    for key in dict.fromkeys(r["agreement_key"] for r in rows):
        mine = [r for r in rows if r["agreement_key"] == key]
        console.rule(cell(f"{mine[0]['agreement']} ({key})"))
        commitments = Table(title="Commitments: promised against delivered")
        for header in ("commitment", "who must deliver", "promised", "delivered", "largest figure so far",
                       "sum of reported batches", "due", "what", "source"):
            commitments.add_column(header)
        for r in (r for r in mine if r["entry"] == "commitment"):
            so_far = figure(r["delivered_so_far"], r["delivered_so_far_bound"])
            commitments.add_row(*(cell(v) for v in (
                r["commitment"], r["party"] or "", figure(r["promised"]) or "not quantified", delivered(r),
                f"{so_far} ({plain(r['delivered_so_far_date'])})" if so_far else "", batches(r), r["due"] or "",
                r["description"], r["evidence"])))
        console.print(commitments)
        timeline = Table(title="Timeline", show_lines=True)
        for header in ("date", "entry", "who", "against", "figure", "source sentence", "article"):
            timeline.add_column(header)
        for r in (r for r in mine if r["entry"] != "commitment"):
            who = r["party"] or ""
            if r["party_affiliation"] and r["party_affiliation"] != r["party"]:
                who = f"{who} ({r['party_affiliation']})"
            timeline.add_row(*(cell(v) for v in (
                r["when"] or "", r["entry"], who, r["against"] or "", quantity(r), r["evidence"], source(r))))
        console.print(timeline)


@app.command()
def compliance(
    name: Annotated[str, typer.Argument(help="The agreement: its name, an alias, or part of one.")],
    db: DbOption = "sitrep.duckdb",
    party: Annotated[Optional[str], typer.Option(help="Only what this party says, does or is accused of.")] = None,
    since: Since = None,
    until: Until = None,
    output: Annotated[ComplianceFormat, typer.Option("--format", "-f", help="Output format.")] = ComplianceFormat.table,
) -> None:
    """One agreement's compliance record: each commitment promised against delivered, then every
    dated allegation, denial, demand and delivery with its source sentence and article."""
    with open_db(db) as store:
        rows = store.compliance(name, party=party, since=parse_date_option(since),
                                until=parse_date_option(until)).to_pylist()
        known = [] if rows else store.agreements().column("name").to_pylist()
    if not rows:
        hint = f"; the store knows: {'; '.join(known)}" if known else ""
        raise fail(f"no agreement named {name!r} in the store{hint}", code=1)
    if output == ComplianceFormat.json:
        typer.echo(json.dumps([{k: plain(v) for k, v in r.items()} for r in rows], ensure_ascii=False, indent=2))
    elif output == ComplianceFormat.csv:
        from sitrep.export.csvsafe import write_rows

        write_rows(sys.stdout, list(rows[0]), ({k: plain(v) for k, v in r.items()} for r in rows))
    else:
        print_compliance(rows)
