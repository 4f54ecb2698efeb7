"""Bulk ingest: inputs -> batches -> extraction in worker processes -> one transaction per batch.

Memory stays bounded whatever the input size: inputs are read lazily, and at most
``2 * jobs`` batches are in flight between the reader and the single writer. Documents
whose content hash the store already holds (or, unless retried, already failed on) are
skipped before extraction, which makes a re-run add nothing and lets a killed run
resume where its last committed batch ended. A worker is replaced by a fresh process
after ``IngestOptions.worker_batches`` batches, so its memory cannot grow for the whole
of a long run.
"""

from __future__ import annotations

import io
import json
import os
import signal
import sys
import time
import uuid
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, field, replace
from itertools import chain, islice
from multiprocessing import get_context
from pathlib import Path
from typing import BinaryIO, TextIO

from pydantic import ValidationError

from sitrep.config import MAX_INPUT_BYTES, WORKER_BATCHES
from sitrep.ingest.read import bounded_lines, documents_from_jsonl_lines, iter_documents, iter_sources, iter_stdin
from sitrep.models import Document, Extraction, Failure
from sitrep.pipeline import ExtractOptions
from sitrep.store import FailedDocument, Store
from sitrep.store.backend import waiting_marker

Item = Document | Extraction | Failure


def machine_cores() -> int:
    """The cores this process may run on (a container's or taskset's share, not the host's)."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def default_jobs(total: int | None, batch_size: int) -> int:
    """One worker per core, but no more workers than batches: a pool costs a model load each."""
    if total is None:
        return machine_cores()
    return max(1, min(machine_cores(), -(-total // batch_size)))


@dataclass(frozen=True)
class IngestOptions:
    jobs: int = 1
    batch_size: int = 64
    retry_failed: bool = False  # extract again documents that failed in an earlier run
    extract: ExtractOptions = field(default_factory=ExtractOptions)
    engine: str = "process"  # "process": a local process pool; "ray": Ray tasks (corpus.ray_engine)
    address: str | None = None  # with engine "ray": the cluster to join (else a local Ray is started)
    worker_batches: int = WORKER_BATCHES  # batches a worker extracts before a fresh process replaces it (0: never)


@dataclass
class Progress:
    """Running totals, passed to the progress callback after every committed batch."""

    read: int = 0
    documents: int = 0
    skipped: int = 0
    failures: int = 0
    incidents: int = 0
    statements: int = 0
    batches: int = 0
    started: float = field(default_factory=time.monotonic)
    new_failures: list[Failure] = field(default_factory=list)  # those of the batch just committed

    @property
    def seconds(self) -> float:
        return time.monotonic() - self.started


ProgressCallback = Callable[[Progress], None]


# --- reading ---------------------------------------------------------------------------


def iter_stdin_streaming(stream: TextIO | BinaryIO | None = None) -> Iterator[Document | Failure]:
    """Standard input: JSON Lines are read line by line (any length of stream); text as one document.

    Standard input is read as bytes, so each JSON Lines record is decoded on its own and a
    stray byte is noted on its record's document, as in a file (``documents_from_jsonl_lines``).
    """
    stream = stream or sys.stdin.buffer
    lines = bounded_lines(stream)
    first = next(lines, "")
    head = first.decode("utf-8", errors="replace") if isinstance(first, bytes) else first
    if first is None or head.removeprefix("\ufeff").lstrip().startswith("{"):
        yield from documents_from_jsonl_lines(chain([first], lines), "-", "stdin")
        return
    rest = stream.read(MAX_INPUT_BYTES + 1 - len(first))
    whole = io.BytesIO(first + rest) if isinstance(first, bytes) else io.StringIO(head.removeprefix("\ufeff") + rest)
    yield from iter_stdin(whole)


def iter_inputs(paths: Iterable[str], fetcher=None) -> Iterator[Document | Failure]:
    for raw in paths:
        if raw == "-":
            yield from iter_stdin_streaming()
        else:
            yield from iter_documents([raw], fetcher)


def extractions_from_lines(lines: Iterable[str], source: str) -> Iterator[Extraction | Failure]:
    """``sitrep extract --format jsonl`` output, one Extraction per line."""
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            yield Extraction.model_validate_json(line)
        except ValidationError as error:
            first = error.errors()[0]
            where = ".".join(str(part) for part in first["loc"])
            yield Failure(source=f"{source}:{number}", error=f"not a sitrep extraction ({where}: {first['msg']})")


def iter_extractions(paths: Iterable[str]) -> Iterator[Extraction | Failure]:
    for source in iter_sources(paths):
        if source == "-":
            yield from extractions_from_lines(sys.stdin, "-")
            continue
        try:
            with Path(source).open(encoding="utf-8", errors="replace") as handle:
                yield from extractions_from_lines(handle, str(source))
        except OSError as error:
            yield Failure(source=str(source), error=f"cannot read: {error.strerror or error}")


def count_inputs(paths: Iterable[str]) -> int | None:
    """How many documents the inputs hold (for the ETA), or None when stdin, a URL, a WARC
    file or a feed makes it unknowable without reading them."""
    paths = list(paths)
    if "-" in paths:
        return None
    total = 0
    for source in iter_sources(paths):
        if isinstance(source, str):  # a URL
            return None
        path = Path(source)
        name = path.name.lower()
        if name.endswith((".warc", ".warc.gz", ".rss", ".atom", ".xml")):
            return None
        if path.suffix.lower() in {".jsonl", ".ndjson"} and path.is_file():
            with path.open("rb") as handle:
                total += sum(1 for line in handle if line.strip())
        else:
            total += 1
    return total


# --- extraction (runs in worker processes) ------------------------------------------


def extract_chunk(documents: list[Document], options: ExtractOptions) -> list[Extraction | FailedDocument]:
    """Extract one batch; each output keeps its document's content hash, failures included."""
    from sitrep.pipeline import extract_documents

    if options.segment_jobs is None:
        options = replace(options, segment_jobs=1)  # the corpus runs documents in parallel already: no pool in a pool
    try:
        outputs = list(extract_documents(documents, options, batch_size=len(documents) or 1))
    except Exception:
        if len(documents) == 1:
            raise
        # A crash outside the per-document guard (the parser, say): isolate the culprit.
        return [item for document in documents for item in safe_extract_one(document, options)]
    return [
        FailedDocument(output, document.content_hash) if isinstance(output, Failure) else output
        for document, output in zip(documents, outputs, strict=True)
    ]


def safe_extract_one(document: Document, options: ExtractOptions) -> list[Extraction | FailedDocument]:
    try:
        return extract_chunk([document], options)
    except Exception as error:
        failure = Failure(source=document.source, error=f"extraction failed: {type(error).__name__}: {error}")
        return [FailedDocument(failure, document.content_hash)]


class InlineExecutor:
    """Runs chunks in this process: ``-j 1``, and the path tests and debuggers can step through."""

    def submit(self, fn, *args) -> Future:
        future: Future = Future()
        try:
            future.set_result(fn(*args))
        except BaseException as error:  # delivered where the result is read, like a pool would
            future.set_exception(error)
        return future

    def shutdown(self, wait: bool = True, cancel_futures: bool = False) -> None:
        pass


def die_with_parent(parent: int) -> None:
    """Worker initializer: an ingest killed with SIGKILL must not leave its workers running."""
    if sys.platform.startswith("linux"):
        import ctypes

        PR_SET_PDEATHSIG = 1
        ctypes.CDLL(None, use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGKILL)
    if os.getppid() != parent:  # the parent died before the line above took effect
        os._exit(1)


def make_executor(jobs: int, engine: str = "process", address: str | None = None, worker_batches: int = 0):
    """The pool that runs ``extract_chunk``: each of its workers is replaced by a fresh
    process after ``worker_batches`` chunks (0: kept for the run). ``-j 1`` runs in this
    process, which is not recycled."""
    if engine == "ray":
        from sitrep.corpus.ray_engine import RayExecutor

        return RayExecutor(jobs, address, worker_batches)
    if engine != "process":
        raise ValueError(f"unknown engine {engine!r} (process or ray)")
    if jobs <= 1:
        return InlineExecutor()
    # spawn, not fork: the parent holds an open database connection and its threads.
    return ProcessPoolExecutor(
        max_workers=jobs, mp_context=get_context("spawn"), initializer=die_with_parent, initargs=(os.getpid(),),
        max_tasks_per_child=worker_batches or None,
    )


# --- the loop ----------------------------------------------------------------------------


@dataclass
class Chunk:
    """One batch between reader and writer: what is ready to store, and what is being extracted."""

    extractions: list[Extraction] = field(default_factory=list)
    failures: list[FailedDocument] = field(default_factory=list)
    pending: Future | None = None
    read: int = 0
    skipped: int = 0


def prepare_chunk(store: Store, items: list[Item], options: IngestOptions, executor) -> Chunk:
    chunk = Chunk(read=len(items))
    documents: dict[str, Document] = {}
    for item in items:
        if isinstance(item, Failure):
            chunk.failures.append(FailedDocument(item))
        elif isinstance(item, Extraction):
            chunk.extractions.append(item)
        elif item.content_hash in documents:
            chunk.skipped += 1
        else:
            documents[item.content_hash or ""] = item
    known = store.known_hashes(list(documents), include_failed=not options.retry_failed)
    chunk.skipped += len(known)
    todo = [document for key, document in documents.items() if key not in known]
    if todo:
        chunk.pending = executor.submit(extract_chunk, todo, options.extract)
    return chunk


def commit_chunk(store: Store, chunk: Chunk, progress: Progress) -> None:
    if chunk.pending is not None:
        for output in chunk.pending.result():
            if isinstance(output, FailedDocument):
                chunk.failures.append(output)
            else:
                chunk.extractions.append(output)
    result = store.write_batch(chunk.extractions, chunk.failures, batch_id=f"b-{uuid.uuid4().hex[:16]}")
    progress.read += chunk.read
    progress.documents += result.documents
    progress.skipped += chunk.skipped + result.skipped
    progress.failures += len(chunk.failures) + len(result.unstored)
    progress.new_failures = [item.failure for item in chunk.failures + result.unstored]
    progress.incidents += result.incidents
    progress.statements += result.statements
    progress.batches += 1


#: How the writer shares a DuckDB file with readers. Each close is a checkpoint (DuckDB writes
#: what the batches since the last one changed, tables and indexes), and each open reads the
#: catalogue back; both cost more as the store grows. Closing after every batch of 64 took a
#: third of the store's CPU by 40,000 documents; closing every second still took a quarter by
#: 60,000 (a checkpoint of ~120 ms), and more batches per close the busier the machine. So the
#: writer keeps the file across batches and lets go only when asked: a reader locked out
#: touches ``backend.waiting_marker`` and gets in after the batch being committed. Readers
#: that cannot ask (a directory they may not write to) wait for the timer: the file is let go
#: at the latest after HOLD_SECONDS, or after enough batches that letting go (the close and
#: the open after it) stays within RELEASE_SHARE of the time, whichever is longer. Every
#: batch is still its own committed transaction, durable in the write-ahead log, so holding
#: the file across batches loses nothing to a crash; DuckDB checkpoints on its own as the log
#: passes ``checkpoint_threshold``.
HOLD_SECONDS = 1.0
RELEASE_SHARE = 0.05
RELEASE_SECONDS = 0.05


class FileHold:
    """Holds a DuckDB store's file across batches, letting go when a reader asks or the timer ends."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self.active = store.backend.kind == "duckdb"
        self.marker = waiting_marker(store.backend.location) if self.active else None
        self.held = None
        self.since = 0.0
        self.release_cost = 0.0  # seconds the last close and the open after it took

    def hold(self) -> None:
        if self.active and self.held is None:
            began = time.monotonic()
            self.held = self.store.session()
            self.held.__enter__()
            self.since = time.monotonic()
            self.release_cost += self.since - began
            self.unmark()  # this process may have asked too, while a reader held the file

    def unmark(self) -> None:
        try:
            self.marker.unlink(missing_ok=True)
        except OSError:
            pass

    def release(self, pause: bool = False) -> None:
        if self.held is not None:
            held, self.held = self.held, None
            began = time.monotonic()
            held.__exit__(None, None, None)
            self.release_cost = time.monotonic() - began
            if pause:
                self.unmark()
                time.sleep(RELEASE_SECONDS)  # the file is free: a waiting reader gets in

    def hold_limit(self) -> float:
        return max(HOLD_SECONDS, self.release_cost * (1 - RELEASE_SHARE) / RELEASE_SHARE)

    def after_batch(self) -> None:
        if self.held is None:
            return
        if self.marker.exists() or time.monotonic() - self.since >= self.hold_limit():
            self.release(pause=True)


def run_ingest(
    store: Store,
    items: Iterable[Item],
    options: IngestOptions = IngestOptions(),
    on_batch: ProgressCallback | None = None,
) -> Progress:
    """Store every item (Documents are extracted first); return the totals."""
    progress = Progress()
    executor = make_executor(options.jobs, options.engine, options.address, options.worker_batches)
    in_flight = max(2, 2 * getattr(executor, "jobs", options.jobs))
    window: deque[Chunk] = deque()
    iterator = iter(items)
    hold = FileHold(store)

    def commit(chunk: Chunk) -> None:
        if chunk.pending is not None and not chunk.pending.done():
            hold.release()  # the file is free while the workers extract
            chunk.pending.exception()  # waits; commit_chunk raises what it raised
        hold.hold()
        commit_chunk(store, chunk, progress)
        hold.after_batch()
        if on_batch:
            on_batch(progress)

    try:
        while batch := list(islice(iterator, options.batch_size)):
            hold.hold()
            window.append(prepare_chunk(store, batch, options, executor))
            if len(window) >= in_flight:
                commit(window.popleft())
        while window:
            commit(window.popleft())
    finally:
        hold.release()
        executor.shutdown(wait=True, cancel_futures=True)
    return progress


def ingest_paths(
    store: Store,
    paths: Iterable[str],
    options: IngestOptions = IngestOptions(),
    on_batch: ProgressCallback | None = None,
    extracted: bool = False,
    fetcher=None,
) -> Progress:
    """Ingest files, directories, JSON Lines, WARC and feed files, URLs (given a ``Fetcher``)
    and ``-``; ``extracted`` reads ``sitrep extract -f jsonl`` output."""
    items = iter_extractions(paths) if extracted else iter_inputs(paths, fetcher)
    return run_ingest(store, items, options, on_batch)


def progress_json(progress: Progress) -> str:
    return json.dumps({
        "read": progress.read, "documents": progress.documents, "skipped": progress.skipped,
        "failures": progress.failures, "incidents": progress.incidents, "statements": progress.statements,
        "batches": progress.batches, "seconds": round(progress.seconds, 3),
    })
