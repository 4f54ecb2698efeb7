"""The pipeline: runs the stages over documents in their one-way order.

Document -> annotated text (spaCy) -> mentions (time, actors, places) -> incidents and
statements -> the agreements they concern. Each stage is a function over one ``AnnotatedDocument``; this module only
sequences them and turns a crash inside one document into a ``Failure`` for it.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from itertools import islice

from sitrep import actors, agreements, claims, events, places, text, time
from sitrep.models import AnnotatedDocument, Document, Extraction, Failure

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class ExtractOptions:
    """What a user may tell sitrep about a collection that the texts may not say."""

    published: date | None = None  # --published: the publication date of every input
    assume_year: int | None = None  # --assume-year: narrows year inference
    country: str | None = None  # --country: the collection's country (ISO alpha-2), when every article is from one
    today: date | None = None  # the processing date; nothing is published after it


def run_stages(adoc: AnnotatedDocument, options: ExtractOptions = ExtractOptions()) -> Extraction:
    document = adoc.document
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
        }
    )
    adoc.document = document
    adoc.times = time.find_time_mentions(adoc.doc, publication.value)
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
    return run_stages(text.annotate(document), options)


def extract_text(body: str, *, doc_id: str = "text", options: ExtractOptions = ExtractOptions()) -> Extraction:
    """The Python API's entry point: one article's text in, typed records out."""
    from sitrep.ingest import document_from_text

    return extract_document(document_from_text(body, doc_id=doc_id, source=doc_id), options)


def extract_documents(
    items: Iterable[Document | Failure],
    options: ExtractOptions = ExtractOptions(),
    batch_size: int = 32,
) -> Iterator[Extraction | Failure]:
    """Extract from a stream of ingested items, parsing in batches; failures pass through."""
    iterator = iter(items)
    while batch := list(islice(iterator, batch_size)):
        documents = [item for item in batch if isinstance(item, Document)]
        annotated = iter(text.annotate_many(documents)) if documents else iter(())
        for item in batch:
            if isinstance(item, Failure):
                yield item
                continue
            adoc = next(annotated)
            try:
                yield run_stages(adoc, options)
            except Exception as error:  # one document's bug must not stop the batch
                log.debug("extraction failed for %s", item.source, exc_info=True)  # the Failure is the one-line report
                yield Failure(source=item.source, error=f"extraction failed: {type(error).__name__}: {error}")
