"""A long document is read in bounded segments and merged into one record.

Before, a 320,000-character document of dev articles back to back took 176 s (x4 per
doubling: the stages compare each mention with the whole document); read in segments of
``SEGMENT_CHARS`` its cost is linear. What must hold: a segment is read as if it were a
document of its own, and the merged record indexes the whole text.
"""

from __future__ import annotations

import json
import multiprocessing
import os
import threading
import time
from dataclasses import replace
from datetime import date

import pytest

from sitrep import budget, pipeline

from sitrep.ingest import document_from_text
from sitrep.models import Agreement, AgreementRef, Delivery, Document, Evidence, Extraction, Incident, Statement, Source
from sitrep.pipeline import ExtractOptions, extract_document, extract_segmented, merge_segments, segment_jobs
from sitrep.text import segment_bounds
from tests.conftest import DEV, needs_shared

OPTIONS = ExtractOptions(published=date(2020, 7, 21))


def dev_text(name: str) -> str:
    record = json.loads((DEV / f"{name}.json").read_text(encoding="utf-8"))
    return document_from_text(record["text"], doc_id=name, source=name).text


def document(text: str) -> Document:
    return Document(id="long", source="long", text=text)


def comparable(record, offset: int = 0) -> dict:
    """A record's fields with its evidence moved by ``offset`` and its id left out."""
    dump = record.model_dump(exclude={"id", "about_incident", "answers"})
    dump["evidence"]["start"] += offset
    dump["evidence"]["end"] += offset
    for mention in dump.get("mentions", []):
        mention["start"] += offset
        mention["end"] += offset
    return dump


@needs_shared(DEV)
def test_each_segment_is_read_as_a_document_of_its_own():
    first, second = dev_text("n-af-001"), dev_text("n-af-002")
    text = first + "\n\n" + second
    limit = len(first) + 2
    assert len(second) <= limit
    merged = extract_segmented(document(text), OPTIONS, limit=limit)
    alone = [extract_document(document(first + "\n\n"), OPTIONS), extract_document(document(second), OPTIONS)]
    offset = len(first) + 2
    assert [comparable(i) for i in merged.incidents] == (
        [comparable(i) for i in alone[0].incidents] + [comparable(i, offset) for i in alone[1].incidents]
    )
    assert [comparable(s) for s in merged.statements] == (
        [comparable(s) for s in alone[0].statements] + [comparable(s, offset) for s in alone[1].statements]
    )
    counts = (len(alone[0].incidents), len(alone[1].incidents))
    assert min(counts) > 0 and min(len(a.statements) for a in alone) > 0
    assert [i.id for i in merged.incidents] == [f"i{n}" for n in range(1, sum(counts) + 1)]
    assert merged.document.text == text
    assert merged.document.published == date(2020, 7, 21)


@needs_shared(DEV)
def test_every_span_of_a_segmented_document_indexes_the_whole_text():
    names = ["n-af-001", "n-af-002", "n-af-003", "n-af-004", "n-af-005", "n-af-006", "n-af-007", "n-af-008"]
    text = "\n\n".join(dev_text(name) for name in names)
    merged = extract_segmented(document(text), OPTIONS, limit=4000)
    records = [*merged.incidents, *merged.statements, *merged.agreements, *merged.deliveries]
    spans = [r.evidence for r in records] + [m for r in [*merged.incidents, *merged.agreements] for m in r.mentions]
    assert spans and all(text[e.start : e.end] == e.text for e in spans)
    incident_ids = [i.id for i in merged.incidents]
    statement_ids = [s.id for s in merged.statements]
    assert len(set(incident_ids)) == len(incident_ids) and len(set(statement_ids)) == len(statement_ids)
    assert all(s.about_incident in incident_ids for s in merged.statements if s.about_incident)
    assert all(s.answers in statement_ids for s in merged.statements if s.answers)
    assert all(d.incident in incident_ids for d in merged.deliveries if d.incident)
    assert len({a.id for a in merged.agreements}) == len(merged.agreements)


def test_a_text_within_the_limit_is_read_whole():
    text = "Taliban fighters attacked a checkpoint in Kunduz on Monday, killing three soldiers, officials said."
    assert extract_document(document(text), OPTIONS) == extract_segmented(document(text), OPTIONS, limit=10_000)


def evidence(text: str, start: int) -> Evidence:
    return Evidence(text=text, start=start, end=start + len(text))


def test_merging_renumbers_ids_moves_offsets_and_lists_an_agreement_once():
    ref = AgreementRef(id="us-taliban-2020", name="US-Taliban agreement")
    deal = Agreement(id="us-taliban-2020", name="US-Taliban agreement", evidence=evidence("the deal", 4),
                     mentions=[evidence("the deal", 4)])
    speaker = Source(name="Taliban")

    def part(incident_text: str) -> Extraction:
        return Extraction(
            document=document("x"),
            incidents=[Incident(id="i1", acled_type="Battles", acled_sub_type="Armed clash", evidence=evidence(incident_text, 0))],
            statements=[
                Statement(id="s1", speaker=speaker, kind="accusation", evidence=evidence("s", 1), about_incident="i1"),
                Statement(id="s3", speaker=speaker, kind="denial", evidence=evidence("t", 2), answers="s1"),
            ],
            agreements=[deal],
            deliveries=[Delivery(id="d1", agreement=ref, incident="i1", statement="s3", evidence=evidence("d", 3))],
        )

    merged = merge_segments(document("x" * 200), [(0, part("a")), (100, part("b"))])
    assert [(i.id, i.evidence.start) for i in merged.incidents] == [("i1", 0), ("i2", 100)]
    assert [(s.id, s.evidence.start, s.about_incident, s.answers) for s in merged.statements] == [
        ("s1", 1, "i1", None), ("s2", 2, None, "s1"), ("s3", 101, "i2", None), ("s4", 102, None, "s3"),
    ]
    assert [(d.id, d.incident, d.statement, d.evidence.start) for d in merged.deliveries] == [
        ("d1", "i1", "s2", 3), ("d2", "i2", "s4", 103),
    ]
    assert [(a.id, a.evidence.start, [m.start for m in a.mentions]) for a in merged.agreements] == [
        ("us-taliban-2020", 4, [4, 104]),
    ]


@needs_shared(DEV)
def test_segments_extracted_by_two_workers_make_the_record_one_process_makes():
    names = ["n-af-001", "n-af-002", "n-af-003", "n-af-004"]
    text = "\n\n".join(dev_text(name) for name in names)
    assert len(segment_bounds(text, 1500)) > 3
    alone = extract_segmented(document(text), replace(OPTIONS, segment_jobs=1), limit=1500)
    pooled = extract_segmented(document(text), replace(OPTIONS, segment_jobs=2), limit=1500)
    assert pooled == alone
    assert len(pooled.incidents) > 0 and len(pooled.statements) > 0
    assert multiprocessing.active_children() == []


def test_how_many_processes_read_the_segments():
    assert segment_jobs(replace(OPTIONS, segment_jobs=3)) == 3
    assert segment_jobs(replace(OPTIONS, segment_jobs=0)) == 1
    assert segment_jobs(OPTIONS) == len(os.sched_getaffinity(0))  # the main thread of a main process
    found = []
    worker = threading.Thread(target=lambda: found.append(segment_jobs(OPTIONS)))
    worker.start()
    worker.join()
    assert found == [1]  # a server's thread reads its segments itself


def test_a_budget_that_runs_out_while_workers_read_stops_the_document_and_its_workers(monkeypatch):
    real = pipeline.run_stages

    def run_stages(adoc, options, publication=None):
        if multiprocessing.parent_process() is not None:
            time.sleep(60)  # a worker's segment that never ends
        return real(adoc, options, publication)

    monkeypatch.setattr(pipeline, "run_stages", run_stages)
    text = "\n\n".join(["Gunmen killed two farmers in Ghazni on Monday, police said."] * 12)
    started = time.monotonic()
    with pytest.raises(budget.DocumentTimeout):
        with budget.deadline(3):
            extract_segmented(document(text), replace(OPTIONS, segment_jobs=2), limit=130)
    assert time.monotonic() - started < 20
    assert multiprocessing.active_children() == []
