"""Evaluate the events stage on CASE 2021 task 2 snippets and on ACLED coders' notes.

    python -m sitrep.eval.events case ../shared/data/case2021_task2 [--show-misses N]
    python -m sitrep.eval.events acled ../shared/data [--per-file N] [--show-misses N]

CASE: each snippet is one document; the prediction is the sub-type of its first
incident, or "no incident". The 25 ACLED sub-types are scored as such; the five
non-ACLED classes (organised crime, disasters, diplomacy, attribution) are right when
sitrep finds no incident or codes "Other".

ACLED: each note is one document; its first incident is compared with the coded event
type, sub-type (current schema only) and fatalities. Old event types are mapped to the
current taxonomy by ``sitrep.eval.acled.EVENT_TYPE_MAP``.
"""

from __future__ import annotations

import argparse
import csv
import sys
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from sitrep.eval.acled import AcledEvent, read_events
from sitrep.ingest import IngestError, document_from_text
from sitrep.models import Document, Extraction, Failure, Incident
from sitrep.pipeline import extract_documents

NO_INCIDENT = "no incident"
CASE_LABELS = {
    "ABDUCT_DISSAP": "Abduction/forced disappearance",
    "AGREEMENT": "Agreement",
    "AIR_STRIKE": "Air/drone strike",
    "ARMED_CLASH": "Armed clash",
    "ARREST": "Arrests",
    "ART_MISS_ATTACK": "Shelling/artillery/missile attack",
    "ATTACK": "Attack",
    "CHANGE_TO_GROUP_ACT": "Change to group/activity",
    "CHEM_WEAP": "Chemical weapon",
    "DISR_WEAP": "Disrupted weapons use",
    "FORCE_AGAINST_PROTEST": "Excessive force against protesters",
    "GOV_REGAINS_TERIT": "Government regains territory",
    "GRENADE": "Grenade",
    "HQ_ESTABLISHED": "Headquarters or base established",
    "MOB_VIOL": "Mob violence",
    "NON_STATE_ACTOR_OVERTAKES_TER": "Non-state actor overtakes territory",
    "NON_VIOL_TERRIT_TRANSFER": "Non-violent transfer of territory",
    "OTHER": "Other",
    "PEACE_PROTEST": "Peaceful protest",
    "PROPERTY_DISTRUCT": "Looting/property destruction",
    "PROTEST_WITH_INTER": "Protest with intervention",
    "REM_EXPLOS": "Remote explosive/landmine/IED",
    "SEX_VIOL": "Sexual violence",
    "SUIC_BOMB": "Suicide bomb",
    "VIOL_DEMONSTR": "Violent demonstration",
}


def read_or_fail(text: str, index: int) -> Document | Failure:
    """A note sitrep refuses to read (not English, empty) is scored as finding nothing."""
    try:
        return document_from_text(text, doc_id=f"n{index}", source=f"n{index}")
    except IngestError as error:
        return Failure(source=f"n{index}", error=str(error))


def first_incidents(texts: list[str]) -> list[Incident | None]:
    documents = [read_or_fail(text, i) for i, text in enumerate(texts)]
    found: list[Incident | None] = []
    for item in extract_documents(documents, batch_size=64):
        if isinstance(item, Failure):
            found.append(None)
        else:
            assert isinstance(item, Extraction)
            found.append(item.incidents[0] if item.incidents else None)
    return found


@dataclass(frozen=True)
class CaseSnippet:
    text: str
    gold: str  # an ACLED sub-type, or NO_INCIDENT for the non-ACLED classes


def read_case(directory: Path) -> list[CaseSnippet]:
    path = directory / "test_set_final_release_with_labels.tsv"
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle, delimiter="\t"))
    return [CaseSnippet(r["EventSnippet"], CASE_LABELS.get(r["SubType"].strip(), NO_INCIDENT)) for r in rows]


def macro_f1(pairs: list[tuple[str, str]], labels: set[str]) -> float:
    scores = []
    for label in labels:
        tp = sum(g == label and p == label for g, p in pairs)
        fp = sum(g != label and p == label for g, p in pairs)
        fn = sum(g == label and p != label for g, p in pairs)
        precision = tp / (tp + fp) if tp + fp else 0.0
        recall = tp / (tp + fn) if tp + fn else 0.0
        scores.append(2 * precision * recall / (precision + recall) if precision + recall else 0.0)
    return sum(scores) / len(scores) if scores else 0.0


def evaluate_case(directory: Path, show_misses: int = 0) -> dict:
    snippets = read_case(directory)
    predictions = first_incidents([s.text for s in snippets])
    pairs = []
    for snippet, incident in zip(snippets, predictions):
        predicted = incident.acled_sub_type if incident else NO_INCIDENT
        if snippet.gold == NO_INCIDENT and predicted == "Other":
            predicted = NO_INCIDENT
        pairs.append((snippet.gold, predicted))
    acled_pairs = [(g, p) for g, p in pairs if g != NO_INCIDENT]
    result = {
        "snippets": len(pairs),
        "acled_snippets": len(acled_pairs),
        "accuracy_acled_subtypes": round(sum(g == p for g, p in acled_pairs) / len(acled_pairs), 3),
        "accuracy_all": round(sum(g == p for g, p in pairs) / len(pairs), 3),
        "macro_f1": round(macro_f1(pairs, {g for g, _ in pairs}), 3),
        "confusions": Counter((g, p) for g, p in pairs if g != p).most_common(12),
    }
    if show_misses:
        shown = 0
        for snippet, (gold, predicted) in zip(snippets, pairs):
            if gold != predicted and shown < show_misses:
                print(f"{gold} -> {predicted}: {snippet.text[:160]}")
                shown += 1
    return result


def type_matches(event: AcledEvent, incident: Incident | None) -> bool:
    predicted = incident.acled_type if incident else NO_INCIDENT
    return predicted in event.event_type.split("|")


def evaluate_acled(data_dir: Path, per_file: int = 0, show_misses: int = 0) -> dict:
    events: list[AcledEvent] = []
    counts: Counter[str] = Counter()
    for event in read_events(data_dir):
        if per_file and counts[event.source_file] >= per_file:
            continue
        counts[event.source_file] += 1
        events.append(event)
    predictions = first_incidents([e.notes for e in events])
    typed = [type_matches(e, i) for e, i in zip(events, predictions)]
    with_sub = [(e, i) for e, i in zip(events, predictions) if e.sub_event_type]
    deadly = [(e, i) for e, i in zip(events, predictions) if e.fatalities > 0]
    harmless = [(e, i) for e, i in zip(events, predictions) if e.fatalities == 0]
    disagreements: Counter[str] = Counter()
    for event, incident in zip(events, predictions):
        if incident is None:
            disagreements["no incident found"] += 1
        elif not type_matches(event, incident):
            disagreements[f"type {event.event_type} -> {incident.acled_type}"] += 1
        elif event.fatalities and (incident.killed or 0) != event.fatalities:
            if (incident.killed or 0) > event.fatalities:
                disagreements["killed above ACLED's (ACLED codes conservatively or splits the toll)"] += 1
            else:
                disagreements["killed below ACLED's (toll not read, or summed across reports)"] += 1
    result = {
        "notes": len(events),
        "per_file": dict(counts),
        "event_type_accuracy": round(sum(typed) / len(typed), 3),
        "sub_event_type_notes": len(with_sub),
        "sub_event_type_accuracy": round(sum(bool(i) and i.acled_sub_type == e.sub_event_type for e, i in with_sub) / max(len(with_sub), 1), 3),
        "deadly_notes": len(deadly),
        "killed_equal_when_deadly": round(sum(bool(i) and i.killed == e.fatalities for e, i in deadly) / max(len(deadly), 1), 3),
        "harmless_notes": len(harmless),
        "killed_zero_or_null_when_none": round(sum(not i or not i.killed for e, i in harmless) / max(len(harmless), 1), 3),
        "disagreements": disagreements.most_common(12),
    }
    if show_misses:
        shown = 0
        for event, incident in zip(events, predictions):
            wrong_type = not type_matches(event, incident)
            wrong_sub = bool(event.sub_event_type) and (incident is None or incident.acled_sub_type != event.sub_event_type)
            wrong_killed = event.fatalities > 0 and (incident is None or incident.killed != event.fatalities)
            if (wrong_type or wrong_sub or wrong_killed) and shown < show_misses:
                got = f"{incident.acled_type} / {incident.acled_sub_type} killed={incident.killed}" if incident else NO_INCIDENT
                print(f"[{event.event_type} / {event.sub_event_type} fatalities={event.fatalities}] -> [{got}]: {event.notes[:200]}")
                shown += 1
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("dataset", choices=["case", "acled"])
    parser.add_argument("path", type=Path)
    parser.add_argument("--per-file", type=int, default=0, help="ACLED: at most this many notes per file (0: all)")
    parser.add_argument("--show-misses", type=int, default=0)
    args = parser.parse_args(argv)
    if args.dataset == "case":
        result = evaluate_case(args.path, args.show_misses)
    else:
        result = evaluate_acled(args.path, args.per_file, args.show_misses)
    for key, value in result.items():
        print(f"{key}: {value}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
