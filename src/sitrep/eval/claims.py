"""Evaluate the claims stage on PLOVER's gold records (verbal event categories).

    python -m sitrep.eval.claims ../shared/data/plover_gsr [--show-misses N]

Each gold sentence is one document. For the verbal categories, the expected statement
kind is: DEMAND -> demand, REJECT -> denial, THREATEN -> threat, DISAPPROVE (PLOVER's
accusation category in this release) -> accusation; AGREE and CONSULT are right when
sitrep reports a statement or announcement by the source, or an Agreement / meeting
incident. The speaker is right when our speaker's name and the gold source's text
contain one another after folding (or share a content word of at least four letters).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import unicodedata
from collections import Counter
from pathlib import Path

from sitrep.ingest import document_from_text
from sitrep.models import Extraction, Failure
from sitrep.pipeline import extract_documents

EXPECTED_KIND = {"DEMAND": {"demand"}, "REJECT": {"denial"}, "THREATEN": {"threat"}, "DISAPPROVE": {"accusation"},
                 "AGREE": {"statement", "announcement", "confirmation"}, "CONSULT": {"statement", "announcement"}}
INCIDENT_FOR = {"AGREE": ("Agreement",), "CONSULT": ("Other",)}
STOP = {"the", "of", "and", "for", "said", "senior", "officials", "official"}


def fold(text: str) -> str:
    text = unicodedata.normalize("NFKD", text or "").encode("ascii", "ignore").decode().lower()
    return re.sub(r"[^a-z0-9]+", " ", text).strip()


def same_speaker(ours: str, gold_sources: list[str]) -> bool:
    mine = fold(ours)
    for gold in map(fold, gold_sources):
        if mine and gold and (mine in gold or gold in mine):
            return True
        if {w for w in mine.split() if len(w) >= 4} & {w for w in gold.split() if len(w) >= 4} - STOP:
            return True
    return False


def evaluate(directory: Path, show_misses: int = 0) -> dict:
    records = json.loads((directory / "PLOVER_GSR_CAMEO.txt").read_text(encoding="utf-8"))
    gold = [r for r in records if r.get("event") in EXPECTED_KIND and r.get("text")]
    documents = [document_from_text(r["text"], doc_id=r["id"], source=r["id"]) for r in gold]
    results = list(extract_documents(documents, batch_size=64))
    per_category: dict[str, Counter[str]] = {}
    shown = 0
    for record, result in zip(gold, results):
        category = record["event"]
        tally = per_category.setdefault(category, Counter())
        tally["sentences"] += 1
        if isinstance(result, Failure):
            continue
        assert isinstance(result, Extraction)
        sources = [s.get("actorText", "") for s in record.get("source") or []]
        kinds = [s.kind for s in result.statements]
        kind_right = any(k in EXPECTED_KIND[category] for k in kinds) or any(
            i.acled_sub_type in INCIDENT_FOR.get(category, ()) for i in result.incidents
        )
        matching = [s for s in result.statements if s.kind in EXPECTED_KIND[category]] or result.statements
        speaker_right = bool(matching) and same_speaker(matching[0].speaker.name, sources)
        tally["kind"] += kind_right
        tally["speaker"] += speaker_right
        tally["both"] += kind_right and speaker_right
        if show_misses and not (kind_right and speaker_right) and shown < show_misses:
            got = [(s.speaker.name, s.kind) for s in result.statements]
            print(f"{category} {sources} -> {got}: {record['text'][:140]}")
            shown += 1
    total = Counter()
    for tally in per_category.values():
        total.update(tally)
    summary = {c: {k: round(t[k] / t["sentences"], 3) for k in ("kind", "speaker", "both")} | {"sentences": t["sentences"]}
               for c, t in sorted(per_category.items())}
    summary["all"] = {k: round(total[k] / total["sentences"], 3) for k in ("kind", "speaker", "both")} | {"sentences": total["sentences"]}
    return summary


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("path", type=Path)
    parser.add_argument("--show-misses", type=int, default=0)
    args = parser.parse_args(argv)
    for category, figures in evaluate(args.path, args.show_misses).items():
        print(f"{category:11} {figures}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
