"""The per-document budget (--doc-timeout): an overrun is that document's failure and the batch goes on."""

from __future__ import annotations

import threading
import time

import pytest

from sitrep import budget, pipeline
from sitrep.ingest import document_from_text
from sitrep.models import Extraction, Failure
from sitrep.pipeline import ExtractOptions, extract_documents


def spin(seconds: float) -> None:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        pass


def test_a_loop_past_its_budget_is_stopped():
    with pytest.raises(budget.DocumentTimeout, match=r"^took longer than the per-document budget of 0.2 s \(--doc-timeout\)$"):
        with budget.deadline(0.2):
            spin(30)


def test_no_budget_and_a_block_within_it_run_to_the_end():
    with budget.deadline(None):
        spin(0.01)
    with budget.deadline(5):
        spin(0.01)
    spin(0.1)  # the timer is disarmed: nothing fires later


def test_except_exception_inside_a_stage_does_not_swallow_the_timeout():
    with pytest.raises(budget.DocumentTimeout):
        with budget.deadline(0.2):
            try:
                spin(30)
            except Exception:  # what a stage's own guard looks like
                pass
            spin(30)


def test_off_the_main_thread_the_budget_is_checked_between_steps():
    outcome = []

    def work():
        try:
            with budget.deadline(0.05):
                spin(0.1)
                budget.check()
        except budget.DocumentTimeout as error:
            outcome.append(str(error))

    thread = threading.Thread(target=work)
    thread.start()
    thread.join()
    assert outcome == ["took longer than the per-document budget of 0.05 s (--doc-timeout)"]


def in_a_thread(work) -> list:
    """Run ``work`` on another thread (as the server extracts a posted body); its outcome."""
    outcome: list = []

    def run():
        try:
            outcome.append(work())
        except budget.DocumentTimeout as error:
            outcome.append(str(error))

    thread = threading.Thread(target=run)
    thread.start()
    thread.join()
    return outcome


def test_off_the_main_thread_a_loop_past_its_budget_is_stopped_without_a_check():
    def work():
        with budget.deadline(0.2):
            spin(30)
        return "ran to the end"

    assert in_a_thread(work) == ["took longer than the per-document budget of 0.2 s (--doc-timeout)"]


def test_off_the_main_thread_a_block_within_its_budget_is_not_stopped_later():
    def work():
        for _ in range(3):
            with budget.deadline(2):  # 200 times what the block takes: a loaded machine cannot overrun it
                spin(0.01)
        spin(2.2)  # past every budget: their timers were disarmed
        return "ran to the end"

    assert in_a_thread(work) == ["ran to the end"]


def test_a_budget_off_the_main_thread_leaves_the_main_threads_budget_alone():
    def overrun():
        with budget.deadline(0.05):
            spin(30)

    with budget.deadline(30):
        assert in_a_thread(lambda: budget.check() or "no budget of its own") == ["no budget of its own"]
        assert in_a_thread(overrun) == ["took longer than the per-document budget of 0.05 s (--doc-timeout)"]
        budget.check()  # the main thread's 30 s are not spent


def test_a_slow_document_is_a_failure_and_the_next_is_extracted(monkeypatch):
    pipeline.warm_up()
    real = pipeline.run_stages

    def run_stages(adoc, options, publication=None):
        if adoc.document.id == "slow":
            spin(60)
        return real(adoc, options, publication)

    monkeypatch.setattr(pipeline, "run_stages", run_stages)
    texts = {"slow": "Taliban fighters attacked a checkpoint in Kunduz.", "next": "Gunmen killed two farmers in Ghazni."}
    documents = [document_from_text(text, doc_id=name, source=name) for name, text in texts.items()]
    outputs = list(extract_documents(documents, ExtractOptions(doc_timeout=0.5)))
    assert outputs[0] == Failure(
        source="slow", error="extraction stopped: took longer than the per-document budget of 0.5 s (--doc-timeout)"
    )
    assert isinstance(outputs[1], Extraction) and outputs[1].document.id == "next"
