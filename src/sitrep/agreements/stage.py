"""The agreements stage over one document: mentions, agreements, links, deliveries."""

from __future__ import annotations

from dataclasses import dataclass

from sitrep.agreements.deliveries import find_deliveries
from sitrep.agreements.links import Story, link_incidents, link_statements, ref
from sitrep.agreements.mentions import find_mentions
from sitrep.agreements.resolve import resolve_agreements
from sitrep.models import Agreement, AnnotatedDocument, Delivery, Incident, Statement


@dataclass(frozen=True)
class AgreementReading:
    agreements: list[Agreement]
    statements: list[Statement]
    incidents: list[Incident]
    deliveries: list[Delivery]


def read_agreements(adoc: AnnotatedDocument, incidents: list[Incident], statements: list[Statement]) -> AgreementReading:
    """The document's agreements, its statements and incidents linked to them, and its deliveries.

    Statements and incidents come back in the same order, changed only in their agreement
    fields."""
    mentions = find_mentions(adoc)
    if not mentions:
        return AgreementReading([], statements, incidents, [])
    reading = resolve_agreements(adoc, mentions)
    if not reading.agreements:
        return AgreementReading([], statements, incidents, [])
    story = Story(adoc, reading)
    statements = link_statements(story, statements, incidents)
    incidents = link_incidents(story, statements, incidents)
    deliveries, under = find_deliveries(story, statements, incidents)
    incidents = [
        i.model_copy(update={"under_agreement": ref(under[i.id])}) if i.id in under else i for i in incidents
    ]
    return AgreementReading(reading.agreements, statements, incidents, deliveries)
