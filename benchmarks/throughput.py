"""Throughput of the whole pipeline against spaCy's own parse of the same texts.

    python benchmarks/throughput.py [--repeat N] [TEXT_DIR ...]

Prints articles/s for `nlp.pipe` alone and for the whole pipeline (ingested Documents
to Extractions), and their ratio: the share of spaCy's speed the pipeline keeps. Both
run in the same process on the same texts, so the ratio is stable on a noisy machine
where the absolute figures are not. Texts: the dev articles beside the repo (their
gold files carry the text) and the bundled examples.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))

from sitrep.ingest import document_from_text  # noqa: E402
from sitrep.pipeline import extract_documents  # noqa: E402
from sitrep.text import load_nlp  # noqa: E402


def load_texts(directories: list[Path]) -> list[str]:
    texts = []
    for directory in directories:
        for path in sorted(directory.glob("*")):
            if path.suffix == ".txt":
                texts.append(path.read_text(encoding="utf-8"))
            elif path.suffix == ".json":
                record = json.loads(path.read_text(encoding="utf-8"))
                if isinstance(record, dict) and isinstance(record.get("text"), str):
                    texts.append(record["text"])
    return texts


def timed(function) -> float:
    start = time.perf_counter()
    function()
    return time.perf_counter() - start


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("dirs", nargs="*", type=Path, default=[REPO.parent / "shared" / "data" / "dev", REPO / "examples"])
    parser.add_argument("--repeat", type=int, default=5, help="copies of the corpus per round")
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    texts = load_texts(args.dirs) * args.repeat
    if not texts:
        print("no texts found", file=sys.stderr)
        return 1
    documents = [document_from_text(t, doc_id=f"doc{i}", source=f"doc{i}") for i, t in enumerate(texts)]
    nlp = load_nlp()
    list(extract_documents(documents[:4]))  # warm up: lexicons, gazetteer, actor KB

    spacy_times, pipeline_times = [], []
    for _ in range(args.rounds):
        spacy_times.append(timed(lambda: list(nlp.pipe((d.text for d in documents), batch_size=32))))
        pipeline_times.append(timed(lambda: list(extract_documents(documents))))
    spacy_rate = len(documents) / statistics.median(spacy_times)
    pipeline_rate = len(documents) / statistics.median(pipeline_times)
    print(f"articles: {len(documents)} ({len(texts) // args.repeat} distinct x {args.repeat}), median of {args.rounds} rounds")
    print(f"spaCy nlp.pipe alone: {spacy_rate:8.1f} articles/s")
    print(f"sitrep pipeline:      {pipeline_rate:8.1f} articles/s")
    print(f"ratio pipeline/spaCy: {pipeline_rate / spacy_rate:8.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
