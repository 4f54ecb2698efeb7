"""The agreements stage: which agreements a document refers to, and who says what of them.

It owns the agreements knowledge base and lexicon (``kb``; data in ``data/agreements/``:
well-known agreements with their aliases, parties, signing date and main commitments,
each fact with its public source), agreement mentions read from the parse
(``mentions``), their coreference and resolution against the knowledge base
(``resolve``), the stance of statements toward them (``stance``), the links of
statements and incidents to them (``links``), deliveries on their commitments
(``deliveries``) and the arithmetic of promised against delivered (``balance``). It runs
after the claims and events stages and reads their records; it never changes which
statements or incidents were found, only links them to agreements (``stage``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sitrep.agreements.stage import AgreementReading
    from sitrep.models import AnnotatedDocument, Incident, Statement


def read_agreements(adoc: AnnotatedDocument, incidents: list[Incident], statements: list[Statement]) -> AgreementReading:
    """See ``stage.read_agreements``; imported on use so that the store can import ``balance``
    without the parse-reading modules."""
    from sitrep.agreements.stage import read_agreements as read

    return read(adoc, incidents, statements)


__all__ = ["read_agreements"]
