"""Cost of extraction against the length of one document: seconds per 1,000 characters.

    python benchmarks/scaling.py [--sizes 2000,20000,200000,1000000]

Each document is built from real text: "unique" puts the dev articles (the gold files
beside the repo carry their text) and then ACLED notes end to end, so no sentence comes
twice; "repeated" cycles the dev articles, so the same attributions and names come back
again and again (what made coreference and speaker resolution quadratic). Each is cut at
the size, read by ``document_from_text`` and extracted once in this process after a warm
up; the table gives seconds, seconds per 1,000 characters, the ratio of that to the
smallest size's, incidents and statements found, and the process's peak RSS.
Extraction is linear when the ratio stays near 1 (the issue's bar: within 2x from 2 KB to 1 MB).
"""

from __future__ import annotations

import argparse
import csv
import json
import resource
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
sys.path.insert(0, str(REPO / "src"))

from sitrep.ingest import document_from_text  # noqa: E402
from sitrep.pipeline import extract_document, warm_up  # noqa: E402


def dev_articles() -> list[str]:
    texts = []
    for path in sorted((SHARED / "data" / "dev").glob("*.json")):
        record = json.loads(path.read_text(encoding="utf-8"))
        if isinstance(record.get("text"), str):
            texts.append(record["text"].strip())
    return texts


def acled_notes() -> list[str]:
    notes = []
    for path in sorted((SHARED / "data").glob("acled_*/acled.csv")):
        with path.open(encoding="utf-8") as handle:
            notes.extend(n.strip() for row in csv.DictReader(handle) if (n := row.get("notes") or row.get("NOTES")))
    return list(dict.fromkeys(notes))


def build(pieces: list[str], size: int, cycle: bool) -> str:
    out, total, i = [], 0, 0
    while total < size:
        if i >= len(pieces) and not cycle:
            raise SystemExit(f"not enough text for {size:,} characters")
        piece = pieces[i % len(pieces)]
        out.append(piece)
        total += len(piece) + 2
        i += 1
    return "\n\n".join(out)[:size]


def peak_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="2000,20000,200000,1000000")
    parser.add_argument("--kinds", default="unique,repeated")
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    dev = dev_articles()
    sources = {"unique": (dev + acled_notes(), False), "repeated": (dev, True)}
    warm_up()
    print(f"{'text':<9} {'chars':>9} {'seconds':>8} {'s/1k chars':>10} {'ratio':>6} {'incidents':>9} {'statements':>10} {'peak MiB':>8}")
    for kind in args.kinds.split(","):
        pieces, cycle = sources[kind]
        base = None
        for size in sizes:
            document = document_from_text(build(pieces, size, cycle), doc_id=f"{kind}-{size}", source=kind)
            start = time.perf_counter()
            extraction = extract_document(document)
            seconds = time.perf_counter() - start
            per_k = seconds / len(document.text) * 1000
            base = base or per_k
            print(f"{kind:<9} {len(document.text):>9,} {seconds:>8.1f} {per_k:>10.3f} {per_k / base:>6.2f} "
                  f"{len(extraction.incidents):>9} {len(extraction.statements):>10} {peak_mib():>8.0f}", flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
