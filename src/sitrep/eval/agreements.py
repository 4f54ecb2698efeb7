"""Evaluate the agreements stage on the gold readings that carry agreements (the ``n-pp``
dev batch and the founding example).

    python -m sitrep.eval.agreements [--shared ../shared] [--show-misses]

Articles are read as a feed carries them (id, url, text), then scored with the shared
scorer's own rules (``eval/score.py``: agreements matched by name, statements and
incidents matched on their evidence): agreement precision, recall and F1; the share of
matched gold statements that carry ``about_agreement`` whose prediction names the same
agreement, and the same for incidents' ``violation_of``. Two figures the scorer does not
give: link precision (of matched statements we tie to an agreement, the share the gold
ties to the same one; the gold ties only accusations, denials and demands, so a
correct "other" link to a named agreement counts against it) and how many predicted
agreements come from the knowledge base. Prints JSON.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import sys
from collections import Counter
from pathlib import Path
from types import ModuleType

from sitrep.ingest import document_from_text
from sitrep.models import Extraction
from sitrep.pipeline import extract_documents

DEFAULT_SHARED = Path(__file__).resolve().parents[3].parent / "shared"


def scorer(shared: Path) -> ModuleType:
    """The shared scorer, loaded from its file: the rules the acceptance uses."""
    spec = importlib.util.spec_from_file_location("sitrep_shared_score", shared / "eval" / "score.py")
    module = importlib.util.module_from_spec(spec)  # type: ignore[arg-type]
    spec.loader.exec_module(module)  # type: ignore[union-attr]
    return module


def golds_with_agreements(score: ModuleType, shared: Path) -> dict[str, dict]:
    found = {}
    for directory in (shared / "data" / "dev", shared / "examples"):
        for gid, gold in score.load_gold(directory).items():
            if "agreements" in gold:
                found[gid] = gold
    return found


def read_all(golds: dict[str, dict]) -> dict[str, Extraction]:
    documents = [document_from_text(g["text"], doc_id=gid, source=g.get("url") or gid, url=g.get("url"))
                 for gid, g in golds.items()]
    return {r.document.id: r for r in extract_documents(documents) if isinstance(r, Extraction)}


def group_of(gid: str) -> str:
    return gid.rsplit("-", 1)[0] if gid[-1].isdigit() else "founding"


def tally_document(score: ModuleType, gold: dict, extraction: Extraction, t: Counter, misses: list[str]) -> None:
    pred = extraction.model_dump(mode="json")
    gid = gold.get("id")
    golden, predicted = gold.get("agreements") or [], pred["agreements"]
    t["gold"] += len(golden)
    t["pred"] += len(predicted)
    t["known"] += sum(a["known"] for a in predicted)
    used: set[int] = set()
    for agreement in golden:
        hit = next((j for j, p in enumerate(predicted) if j not in used and score.same_agreement(agreement["name"], p)), None)
        if hit is None:
            misses.append(f"{gid} missed agreement: {agreement['name']}")
            continue
        used.add(hit)
        t["tp"] += 1
    misses += [f"{gid} extra agreement: {p['name']}" for j, p in enumerate(predicted) if j not in used]
    for g, p in score.match(gold.get("statements") or [], pred["statements"], 0.6, extra=score.speakers_agree):
        ours, theirs = p.get("about_agreement"), g.get("about_agreement")
        if theirs:
            t["about_gold"] += 1
            ok = bool(ours) and score.same_agreement(theirs, ours)
            t["about_ok"] += ok
            if not ok:
                misses.append(f"{gid} statement: gold={theirs!r} ours={(ours or {}).get('name')!r} | {g['evidence'][:70]}")
        if ours:
            t["linked"] += 1
            t["linked_right"] += bool(theirs) and score.same_agreement(theirs, ours)
    for g, p in score.match(gold.get("incidents") or [], pred["incidents"], 0.6):
        if g.get("violation_of"):
            t["violation_gold"] += 1
            ok = bool(p.get("violation_of")) and score.same_agreement(g["violation_of"], p["violation_of"])
            t["violation_ok"] += ok
            if not ok:
                misses.append(f"{gid} incident: gold={g['violation_of']!r} ours={p.get('violation_of')!r} | {g['evidence'][:70]}")


def figures(t: Counter) -> dict:
    def ratio(a: int, b: int) -> float | None:
        return round(a / b, 3) if b else None

    precision, recall = ratio(t["tp"], t["pred"]), ratio(t["tp"], t["gold"])
    f1 = round(2 * precision * recall / (precision + recall), 3) if precision and recall else 0.0
    return {
        "documents": t["documents"], "agreements_gold": t["gold"], "agreements_predicted": t["pred"],
        "agreement_precision": precision, "agreement_recall": recall, "agreement_f1": f1,
        "from_knowledge_base": ratio(t["known"], t["pred"]),
        "statements_agreement_accuracy": ratio(t["about_ok"], t["about_gold"]), "statements_linked_gold": t["about_gold"],
        "statement_link_precision": ratio(t["linked_right"], t["linked"]), "statements_linked": t["linked"],
        "incidents_violated_agreement_accuracy": ratio(t["violation_ok"], t["violation_gold"]),
        "incidents_violation_gold": t["violation_gold"],
    }


def evaluate(shared: Path, show_misses: bool = False) -> dict:
    score = scorer(shared)
    golds = golds_with_agreements(score, shared)
    extractions = read_all(golds)
    totals, groups, misses = Counter(), {}, []
    for gid, gold in golds.items():
        extraction = extractions.get(gid)
        if extraction is None:
            misses.append(f"{gid}: could not be read")
            continue
        for t in (totals, groups.setdefault(group_of(gid), Counter())):
            t["documents"] += 1
            tally_document(score, gold, extraction, t, misses if t is totals else [])
    result = {"all": figures(totals), **{name: figures(t) for name, t in sorted(groups.items())}}
    if show_misses:
        result["misses"] = misses
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--shared", type=Path, default=DEFAULT_SHARED)
    parser.add_argument("--show-misses", action="store_true")
    args = parser.parse_args(argv)
    print(json.dumps(evaluate(args.shared, args.show_misses), indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
