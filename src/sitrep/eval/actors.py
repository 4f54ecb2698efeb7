"""Evaluate the actors stage: founding clusters (actors and agreement references), PLOVER
source/target, ACLED actor1.

    python -m sitrep.eval.actors founding
    python -m sitrep.eval.actors plover [--show-misses]
    python -m sitrep.eval.actors acled [--show-misses]
    python -m sitrep.eval.actors all

Reads third-party data from ../shared (beside the repository) or --shared; prints JSON.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from sitrep.actors import load_kb, resolve_actors
from sitrep.agreements.mentions import find_mentions
from sitrep.agreements.resolve import resolve_agreements
from sitrep.actors.names import ascii_fold
from sitrep.eval.acled import read_events
from sitrep.models import ActorMention, Document
from sitrep.text import annotate_many

DEFAULT_SHARED = Path(__file__).resolve().parents[3].parent / "shared"
#: ACLED countries the issue asks about.
ACLED_COUNTRIES = {"Afghanistan": "AF", "Pakistan": "PK", "Nigeria": "NG", "Somalia": "SO", "Syria": "SY"}
#: CAMEO codes that differ from ISO 3166 alpha-3.
CAMEO_TO_ISO = {"JAP": "JPN", "ROM": "ROU", "ZAR": "COD", "GER": "DEU", "RUM": "ROU"}


@dataclass(frozen=True)
class Mentions:
    text: str
    mentions: list[ActorMention]
    references: list[tuple[str, str]] = field(default_factory=list)  # (mention text, agreement name)


def resolve_texts(texts: list[str], countries: list[str | None] | None = None, references: bool = False) -> list[Mentions]:
    documents = [Document(id=str(i), source=str(i), text=t) for i, t in enumerate(texts)]
    out = []
    for index, adoc in enumerate(annotate_many(documents, batch_size=64)):
        if countries is not None:
            adoc.country_hint = countries[index]
        adoc.actors = resolve_actors(adoc)
        refs = []
        if references:
            reading = resolve_agreements(adoc, find_mentions(adoc))
            refs = [(mention.text, agreement.name) for mention, agreement in reading.mentions]
        out.append(Mentions(adoc.document.text, adoc.actors, refs))
    return out


# --- founding example ---------------------------------------------------------------------


def founding(shared: Path) -> dict:
    text = (shared / "examples" / "doha-meeting.txt").read_text(encoding="utf-8")
    gold = json.loads((shared / "examples" / "doha-meeting.gold.json").read_text(encoding="utf-8"))
    (result,) = resolve_texts([text], references=True)
    by_name: dict[str, set[str]] = {}
    for m in result.mentions:
        if m.text.lower() not in ("he", "she"):
            by_name.setdefault(m.actor.name, set()).add(m.text)
    for text, name in result.references:  # agreements: clustered apart from actors
        by_name.setdefault(name, set()).add(text)
    clusters = {}
    for name, expected in gold["entities_to_resolve"].items():
        got = by_name.get(name, set())
        clusters[name] = {"exact": got == set(expected), "missing": sorted(set(expected) - got), "extra": sorted(got - set(expected))}
    return {"clusters_exact": sum(c["exact"] for c in clusters.values()), "clusters": len(clusters), "detail": clusters}


# --- PLOVER gold standard records -----------------------------------------------------------


def _span_of(text: str, actor_text: str) -> tuple[int, int] | None:
    needle = actor_text.replace(" ...", "").strip(" (")
    for candidate in (needle, needle.split(" (")[0]):
        index = text.lower().find(candidate.lower())
        if index >= 0:
            return index, index + len(candidate)
    return None


def _iso3(code: str | None) -> str | None:
    if code is None:
        return None
    import pycountry

    found = pycountry.countries.get(alpha_2=code)
    return found.alpha_3 if found else None


def _side_right(text: str, gold: list[dict], mentions: list[ActorMention], with_country: bool) -> bool:
    for actor in gold:
        span = _span_of(text, actor.get("actorText") or "")
        code = CAMEO_TO_ISO.get(actor.get("code") or "", actor.get("code"))
        for m in mentions:
            overlap = span is not None and m.start < span[1] and span[0] < m.end
            folded, name = ascii_fold(actor.get("actorText") or ""), ascii_fold(m.actor.name)
            named = bool(folded) and (folded in name or name in folded)
            if not (overlap or named):
                continue
            if not with_country or code == "IGO" and m.actor.country is None or _iso3(m.actor.country) == code:
                return True
    return False


def plover(shared: Path, show_misses: bool = False) -> dict:
    records = [r for r in json.loads((shared / "data" / "plover_gsr" / "PLOVER_GSR_CAMEO.txt").read_text(encoding="utf-8")) if r.get("text")]
    results = resolve_texts([r["text"] for r in records])
    tally: Counter = Counter()
    misses = []
    for record, result in zip(records, results):
        source = record.get("source") if isinstance(record.get("source"), list) else []
        target = record.get("target") if isinstance(record.get("target"), list) else []
        for with_country, tag in ((False, ""), (True, "_country")):
            s_ok = not source or _side_right(result.text, source, result.mentions, with_country)
            t_ok = not target or _side_right(result.text, target, result.mentions, with_country)
            tally["source" + tag] += s_ok
            tally["target" + tag] += t_ok
            tally["both" + tag] += s_ok and t_ok
            if show_misses and not tag and not (s_ok and t_ok):
                misses.append(f"{record['id']}: gold S={[a.get('actorText') for a in source]} T={[a.get('actorText') for a in target]} "
                              f"ours={[(m.text, m.actor.name) for m in result.mentions]}")
    n = len(records)
    out = {"sentences": n, **{k: round(v / n, 3) for k, v in sorted(tally.items())}}
    if show_misses:
        out["misses"] = misses
    return out


# --- ACLED notes ------------------------------------------------------------------------------


def acled(shared: Path, show_misses: bool = False) -> dict:
    kb = load_kb()
    rows = [
        (ACLED_COUNTRIES[event.country], event.actor1, event.notes)
        for event in read_events(shared / "data")
        if event.country in ACLED_COUNTRIES
    ]
    mapped = [kb.from_acled(name) for _, name, _ in rows]
    results = resolve_texts([notes for _, _, notes in rows], [country for country, _, _ in rows])
    tally: Counter = Counter()
    misses: Counter = Counter()
    for (country, name, notes), actor, result in zip(rows, mapped, results):
        tally["mapped"] += actor is not None
        if actor is None:
            misses[f"unmapped: {name}"] += 1
            continue
        found = {m.actor.id for m in result.mentions} | {m.actor.name for m in result.mentions}
        strict = actor.id in found
        same_side = strict or any(
            m.actor.inter == actor.inter == 1 and m.actor.country == actor.country and not m.actor.is_person for m in result.mentions
        )
        tally["agree"] += strict
        tally["agree_state_any_branch"] += same_side
        if not strict:
            misses[f"{name} -> {actor.name}"] += 1
    n = len(rows)
    out = {"events": n, "mapped": round(tally["mapped"] / n, 3), "actor1_agreement": round(tally["agree"] / n, 3),
           "actor1_agreement_state_any_branch": round(tally["agree_state_any_branch"] / n, 3)}
    if show_misses:
        out["misses"] = misses.most_common(40)
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m sitrep.eval.actors", description=__doc__.splitlines()[0])
    parser.add_argument("what", choices=["founding", "plover", "acled", "kb", "all"])
    parser.add_argument("--shared", type=Path, default=DEFAULT_SHARED)
    parser.add_argument("--show-misses", action="store_true")
    args = parser.parse_args(argv)
    report: dict = {}
    if args.what in ("kb", "all"):
        load_kb.cache_clear()
        started = time.perf_counter()
        kb = load_kb()
        report["kb"] = {"load_seconds": round(time.perf_counter() - started, 3), "actors": len(kb.actors)}
    if args.what in ("founding", "all"):
        report["founding"] = founding(args.shared)
    if args.what in ("plover", "all"):
        report["plover"] = plover(args.shared, args.show_misses)
    if args.what in ("acled", "all"):
        report["acled"] = acled(args.shared, args.show_misses)
    json.dump(report, sys.stdout, indent=2, ensure_ascii=False)
    print()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
