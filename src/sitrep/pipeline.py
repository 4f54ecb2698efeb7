"""The pipeline: runs the stages over documents in their one-way order.

Document -> annotated text (spaCy) -> mentions (time, actors, places) -> incidents and
statements -> the agreements they concern. Each stage is a function over one ``AnnotatedDocument``; this module only
sequences them and turns a crash inside one document into a ``Failure`` for it.

A text longer than ``config.SEGMENT_CHARS`` is read as bounded segments
(``text.segment_bounds``), each parsed and extracted on its own and then merged into one
``Extraction`` with offsets into the whole text, so that a document's cost is linear in
its length. ``ExtractOptions.doc_timeout`` bounds each document's time (``budget``).

The segments after the first (which gives the whole text its publication date) depend on
nothing but it, so a main process extracts them in forked workers, one per core
(``ExtractOptions.segment_jobs``); the parts come back in text order, so the merged
Extraction is the one a single process would make. The budget stays the document's: the
timer fires in the waiting main process, and leaving the pool kills its workers.
"""

from __future__ import annotations

import logging
import multiprocessing
import os
import threading
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from itertools import islice

from sitrep import actors, agreements, budget, claims, events, places, text, time
from sitrep.config import SEGMENT_CHARS
from sitrep.models import (
    Agreement, AnnotatedDocument, Delivery, Document, Evidence, Extraction, Failure, Incident, Statement,
)

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class ExtractOptions:
    """What a user may tell sitrep about a collection that the texts may not say."""

    published: date | None = None  # --published: the publication date of every input
    assume_year: int | None = None  # --assume-year: narrows year inference
    country: str | None = None  # --country: the collection's country (ISO alpha-2), when every article is from one
    today: date | None = None  # the processing date; nothing is published after it
    doc_timeout: float | None = None  # --doc-timeout: seconds one document may take (None: no budget)
    # processes that extract a long text's segments at once (None: one per core in the main
    # thread of a main process, else 1; a caller that runs documents in parallel gives 1)
    segment_jobs: int | None = None


def run_stages(
    adoc: AnnotatedDocument,
    options: ExtractOptions = ExtractOptions(),
    publication: time.PublicationDate | None = None,
) -> Extraction:
    """Every stage over one parsed text; ``publication``, when given, is not read again
    (the later segments of a long text take the first segment's)."""
    document = adoc.document
    if publication is None:
        # A page's capture date (WARC-Date, fetch time) bounds its publication: dates are read
        # against it, and it is the publication date when nothing else dates the page.
        today = document.captured or options.today
        publication = time.resolve_publication(
            document, adoc.doc, hint=options.published, assume_year=options.assume_year, today=today
        )
        if publication.value is None and document.captured is not None:
            publication = time.PublicationDate(
                document.captured, "inferred", None, (), "the page's capture date (WARC-Date or fetch time)")
    document = document.model_copy(
        update={
            "published": publication.value,
            "published_basis": publication.basis,
            "published_text": publication.text,
            "published_candidates": list(publication.candidates),
            "published_month": publication.month_text,
        }
    )
    adoc.document = document
    adoc.times = time.find_time_mentions(adoc.doc, publication.value, publication.month if publication.value is None else None)
    adoc.country_hint = options.country
    adoc.actors = actors.resolve_actors(adoc)
    adoc.places = places.find_places(adoc)
    adoc.country = places.story_country(adoc) or options.country
    adoc.attributions = claims.find_attributions(adoc)
    incidents = events.extract_incidents(adoc)
    statements = claims.extract_statements(adoc, incidents)
    reading = agreements.read_agreements(adoc, incidents, statements)
    return Extraction(
        document=document, incidents=reading.incidents, statements=reading.statements,
        agreements=reading.agreements, deliveries=reading.deliveries,
    )


def extract_document(document: Document, options: ExtractOptions = ExtractOptions()) -> Extraction:
    if len(document.text) > SEGMENT_CHARS:
        return extract_segmented(document, options)
    return run_stages(text.annotate(document), options)


def extract_segmented(
    document: Document, options: ExtractOptions = ExtractOptions(), limit: int = SEGMENT_CHARS
) -> Extraction:
    """A long text segment by segment: each process holds one segment's parse at a time."""
    pieces = [
        (start, document.model_copy(update={"text": document.text[start:end]}))
        for start, end in text.segment_bounds(document.text, limit)
        if document.text[start:end].strip()
    ]
    if not pieces:
        return merge_segments(document, [])
    budget.check()
    first = run_stages(text.annotate(pieces[0][1]), options)
    meta = first.document
    publication = time.PublicationDate(
        meta.published, meta.published_basis, meta.published_text,
        tuple(meta.published_candidates), "read from the first segment",
        tuple(int(part) for part in meta.published_month.split("-")) if meta.published_month else None,
    )
    parts: list[tuple[int, Extraction]] = [(pieces[0][0], first)]
    rest = pieces[1:]
    jobs = min(segment_jobs(options), len(rest))
    if jobs > 1:
        budget.check()
        tasks = [(piece, options, publication) for _, piece in rest]
        # fork: the workers start with the parser and knowledge bases already loaded
        with multiprocessing.get_context("fork").Pool(jobs) as pool:  # leaving it terminates the workers
            for (start, _), extraction in zip(rest, pool.imap(_extract_piece, tasks)):
                parts.append((start, extraction))
                budget.check()
        return merge_segments(document, parts)
    for start, piece in rest:
        budget.check()
        parts.append((start, run_stages(text.annotate(piece), options, publication)))
    return merge_segments(document, parts)


def _extract_piece(task: tuple[Document, ExtractOptions, time.PublicationDate]) -> Extraction:
    piece, options, publication = task
    return run_stages(text.annotate(piece), options, publication)


def segment_jobs(options: ExtractOptions) -> int:
    """How many processes extract one long text's segments (see ``ExtractOptions.segment_jobs``).

    By default one per usable core, but only in the main thread of a main process where
    fork is available: a worker of a pool, or a server's thread, runs its segments itself."""
    if options.segment_jobs is not None:
        return max(1, options.segment_jobs)
    if (
        multiprocessing.parent_process() is not None
        or threading.current_thread() is not threading.main_thread()
        or "fork" not in multiprocessing.get_all_start_methods()
    ):
        return 1
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


def shifted(evidence: Evidence, offset: int) -> Evidence:
    return Evidence(text=evidence.text, start=evidence.start + offset, end=evidence.end + offset)


def merge_segments(document: Document, parts: list[tuple[int, Extraction]]) -> Extraction:
    """One Extraction from the segments' (offset, Extraction): offsets into the whole text,
    ids numbered through, an agreement referred to in several segments listed once."""
    if parts:
        first = parts[0][1].document
        document = document.model_copy(update={
            "published": first.published, "published_basis": first.published_basis,
            "published_text": first.published_text, "published_candidates": first.published_candidates,
        })
    incidents: list[Incident] = []
    statements: list[Statement] = []
    deliveries: list[Delivery] = []
    agreements: dict[str, Agreement] = {}
    for offset, part in parts:
        incident_ids = {i.id: f"i{len(incidents) + n}" for n, i in enumerate(part.incidents, start=1)}
        statement_ids = {s.id: f"s{len(statements) + n}" for n, s in enumerate(part.statements, start=1)}
        for incident in part.incidents:
            incidents.append(incident.model_copy(update={
                "id": incident_ids[incident.id],
                "evidence": shifted(incident.evidence, offset),
                "mentions": [shifted(m, offset) for m in incident.mentions],
            }))
        for statement in part.statements:
            statements.append(statement.model_copy(update={
                "id": statement_ids[statement.id],
                "evidence": shifted(statement.evidence, offset),
                "about_incident": incident_ids.get(statement.about_incident) if statement.about_incident else None,
                "answers": statement_ids.get(statement.answers) if statement.answers else None,
            }))
        for delivery in part.deliveries:
            deliveries.append(delivery.model_copy(update={
                "id": f"d{len(deliveries) + 1}",
                "evidence": shifted(delivery.evidence, offset),
                "incident": incident_ids.get(delivery.incident) if delivery.incident else None,
                "statement": statement_ids.get(delivery.statement) if delivery.statement else None,
            }))
        for agreement in part.agreements:
            mentions = [shifted(m, offset) for m in agreement.mentions]
            known = agreements.get(agreement.id)
            if known is None:
                agreements[agreement.id] = agreement.model_copy(update={
                    "evidence": shifted(agreement.evidence, offset), "mentions": mentions,
                })
            else:
                agreements[agreement.id] = known.model_copy(update={"mentions": known.mentions + mentions})
    return Extraction(
        document=document, incidents=incidents, statements=statements,
        agreements=list(agreements.values()), deliveries=deliveries,
    )


def extract_text(body: str, *, doc_id: str = "text", options: ExtractOptions = ExtractOptions()) -> Extraction:
    """The Python API's entry point: one article's text in, typed records out."""
    from sitrep.ingest import document_from_text

    return extract_document(document_from_text(body, doc_id=doc_id, source=doc_id), options)


@lru_cache(maxsize=1)
def warm_up() -> None:
    """Load what the stages load on first use (the parser, the gazetteer, the knowledge
    bases) outside any document's budget: a cold cache is no document's fault."""
    from sitrep.ingest import document_from_text

    extract_document(document_from_text(WARM_UP_TEXT, doc_id="warm-up", source="warm-up"))


WARM_UP_TEXT = (
    "KABUL, Afghanistan (AP) - Taliban fighters attacked a checkpoint in Kunduz province on Monday, "
    "killing three soldiers, a spokesman for the Ministry of Defense said. The Taliban denied the attack."
)


def extract_documents(
    items: Iterable[Document | Failure],
    options: ExtractOptions = ExtractOptions(),
    batch_size: int = 32,
) -> Iterator[Extraction | Failure]:
    """Extract from a stream of ingested items, parsing in batches; failures pass through.

    Short texts are parsed together; a text longer than ``SEGMENT_CHARS`` segment by
    segment. Each document runs under ``options.doc_timeout``: an overrun, like a crash,
    is that document's Failure and the next document goes on.
    """
    iterator = iter(items)
    while batch := list(islice(iterator, batch_size)):
        if options.doc_timeout:
            warm_up()
        short = [item for item in batch if isinstance(item, Document) and len(item.text) <= SEGMENT_CHARS]
        annotated = iter(text.annotate_many(short)) if short else iter(())
        for item in batch:
            if isinstance(item, Failure):
                yield item
                continue
            adoc = next(annotated) if len(item.text) <= SEGMENT_CHARS else None
            output: Extraction | Failure
            try:
                with budget.deadline(options.doc_timeout):
                    output = run_stages(adoc, options) if adoc is not None else extract_segmented(item, options)
            except budget.DocumentTimeout as timeout:
                output = Failure(source=item.source, error=f"extraction stopped: {timeout}")
            except Exception as error:  # one document's bug must not stop the batch
                log.debug("extraction failed for %s", item.source, exc_info=True)  # the Failure is the one-line report
                output = Failure(source=item.source, error=f"extraction failed: {type(error).__name__}: {error}")
            yield output  # outside the budget: the consumer's time is not the document's
