"""Evaluate the places stage on ACLED notes and on Halterman's event-location gold.

    python -m sitrep.eval.places acled ../shared/data --per-file 1000
    python -m sitrep.eval.places halterman ../shared/data/event_location_halterman

ACLED: each note is one Document; find_places, story_country and locate_event run over
the whole note and the result is compared with ACLED's admin1 (folded fuzzy match, as
the gold scorer does) and, for notes ACLED codes at geo_precision 1, with its
coordinates (share within 25 km). ACLED's country column is used for reporting and,
with ``--country-given``, as the collection's country hint (what ``sitrep extract
--country`` passes), since a note, unlike an article, seldom names its country.
Halterman: the 496 RELABEL sentences; a sentence matches when the place we pick for
its event verb is the gold LOCATION span (or we pick none where the gold has none).
"""

from __future__ import annotations

import argparse
import difflib
import json
import math
import sys
import time
import zipfile
from dataclasses import dataclass
from pathlib import Path

import pycountry

from sitrep.eval.acled import ACLED_FILES, AcledEvent, read_events
from sitrep.models import Document
from sitrep.places import find_places, load_gazetteer, locate_event, story_country
from sitrep.places.locate import event_mentions
from sitrep.places.names import fold
from sitrep.text import annotate_many



def similar_name(a: str | None, b: str | None) -> bool:
    """The gold scorer's name comparison: folded equality, substring, or ratio >= 0.85."""
    fa, fb = fold(a or ""), fold(b or "")
    if not fa or not fb:
        return fa == fb
    if fa in fb or fb in fa:
        return True
    return difflib.SequenceMatcher(None, fa, fb).ratio() >= 0.85


def same_admin1(country: str | None, gold: str, ours: str | None) -> bool:
    """Our admin1 is ACLED's: a similar name, another spelling our gazetteer knows for the
    same division, or a division that covered the same ground (admin1_history.toml)."""
    if ours is None:
        return False
    if similar_name(gold, ours):
        return True
    if not country:
        return False
    gaz = load_gazetteer()
    known = gaz.admin1(country, gold)
    if known is not None and known.name == ours:
        return True
    return gaz.admin1_covers(country, gold, ours) or gaz.admin1_covers(country, ours, gold)


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 6371.0 * 2 * math.asin(math.sqrt(a))


def _alpha2(name: str) -> str | None:
    try:
        return pycountry.countries.lookup(name).alpha_2
    except LookupError:
        try:
            return pycountry.countries.search_fuzzy(name)[0].alpha_2
        except LookupError:
            # "Democratic Republic of Congo": our gazetteer's country names.
            found = [p for p in load_gazetteer().lookup(name) if p.level == "country"]
            return found[0].country if found else None


def sample_notes(data_dir: Path, per_file: int) -> list[AcledEvent]:
    """Every k-th located note with an admin1 of each file, at most ``per_file`` per file, spread evenly."""
    by_file: dict[str, list[AcledEvent]] = {name: [] for name in ACLED_FILES}
    for event in read_events(data_dir):
        if event.admin1 and event.latitude is not None and event.longitude is not None:
            by_file[event.source_file].append(event)
    sampled = []
    for events in by_file.values():
        step = max(1, math.ceil(len(events) / per_file))
        sampled += events[::step]
    return sampled


@dataclass
class Tally:
    notes: int = 0
    admin1_ok: int = 0
    country_ok: int = 0
    precise: int = 0
    within_25km: int = 0

    def line(self, name: str) -> str:
        def share(a: int, b: int) -> str:
            return f"{a / b:.3f}" if b else "n/a"

        return (
            f"{name:32s} notes={self.notes:5d} admin1={share(self.admin1_ok, self.notes)} "
            f"country={share(self.country_ok, self.notes)} "
            f"geo_precision1={self.precise:5d} within25km={share(self.within_25km, self.precise)}"
        )


def evaluate_acled(
    data_dir: Path, per_file: int, show_misses: int = 0, country_given: bool = False
) -> dict[str, Tally]:
    notes = sample_notes(data_dir, per_file)
    countries = {name: _alpha2(name) for name in {n.country for n in notes}}
    docs = [Document(id=f"acled-{i}", source="acled", text=n.notes) for i, n in enumerate(notes)]
    tallies: dict[str, Tally] = {d: Tally() for d in ACLED_FILES}
    tallies["overall"] = Tally()
    shown = 0
    for note, adoc in zip(notes, annotate_many(docs, batch_size=64)):
        country = countries[note.country]
        adoc.country_hint = country if country_given else None
        adoc.places = find_places(adoc)
        adoc.country = story_country(adoc)
        loc = locate_event(adoc, 0, len(note.notes))
        ok = loc is not None and same_admin1(country, note.admin1, loc.admin1)
        country_ok = loc is not None and loc.country == country
        near = None
        if note.geo_precision == 1:
            near = bool(loc and loc.latitude is not None) and haversine_km(
                note.latitude, note.longitude, loc.latitude, loc.longitude  # type: ignore[arg-type]
            ) < 25
        for t in (tallies[note.source_file], tallies["overall"]):
            t.notes += 1
            t.admin1_ok += ok
            t.country_ok += country_ok
            if near is not None:
                t.precise += 1
                t.within_25km += near
        if not ok and shown < show_misses:
            shown += 1
            print(_miss_line(note, country, adoc, loc), file=sys.stderr)
    return tallies


def _miss_line(note: AcledEvent, country: str | None, adoc, loc) -> str:
    """One miss: gold country/admin1, what we located, the mentions we resolved, the note."""
    ours = f"{loc.country}/{loc.admin1}/{loc.place}" if loc else "none"
    mentions = "; ".join(f"{m.text}->{m.place.country}/{m.place.admin1}/{m.place.level}" for m in adoc.places)
    kind = "none" if loc is None else ("country" if loc.country != country else "admin1")
    return (
        f"MISS[{kind}] {note.source_file.split('_')[1]} gold={country}/{note.admin1} ours={ours} "
        f"story={adoc.country}\n    [{mentions}]\n    {note.notes[:240]}"
    )


def _span_start(record: dict, span: dict | None) -> int | None:
    """Character offset of a gold span. Its token indices are authoritative: in many
    records the LOCATION span's start/end are token numbers, not characters."""
    if not span:
        return None
    tokens = record.get("tokens") or []
    if "token_start" in span and span["token_start"] < len(tokens):
        return tokens[span["token_start"]]["start"]
    return span.get("start")


def _span_text(record: dict, span: dict | None) -> str:
    if not span:
        return ""
    tokens = record.get("tokens") or []
    if "token_start" in span and "token_end" in span and span["token_end"] < len(tokens):
        return record["text"][tokens[span["token_start"]]["start"] : tokens[span["token_end"]]["end"]]
    return span.get("text") or ""


def evaluate_halterman(data_dir: Path, show_misses: int = 0) -> tuple[int, int]:
    with zipfile.ZipFile(data_dir / "labeled_text.jsonl.zip") as zf:
        name = next(n for n in zf.namelist() if n.endswith(".jsonl"))
        records = json.loads(zf.read(name))
    gold = [r for r in records if r.get("source") == "RELABEL"]
    docs = [Document(id=str(r.get("_id")), source="halterman", text=r["text"]) for r in gold]
    matched = 0
    shown = 0
    for r, adoc in zip(gold, annotate_many(docs, batch_size=64)):
        verb = next((s for s in r.get("spans", []) if s["label"] == "VERB"), None)
        loc_span = next((s for s in r.get("spans", []) if s["label"] == "LOCATION"), None)
        gold_text = _span_text(r, loc_span)
        adoc.places = find_places(adoc)
        adoc.country = story_country(adoc)
        trigger = _span_start(r, verb)
        pool = event_mentions(adoc, 0, len(r["text"]), trigger)
        loc = locate_event(adoc, 0, len(r["text"]), trigger) if pool else None
        predicted = ""
        if loc is not None:
            target = loc.place or loc.admin1
            chosen = [m for m in pool if target and m.place.name == target] or [
                m for m in pool if m.place.country == loc.country
            ]
            predicted = chosen[0].text if chosen else ""
        ok = similar_name(gold_text, predicted) if gold_text else predicted == ""
        matched += ok
        if not ok and shown < show_misses:
            shown += 1
            print(f"MISS gold={gold_text!r} ours={predicted!r}: {r['text'][:160]}", file=sys.stderr)
    return matched, len(gold)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m sitrep.eval.places", description=__doc__.split("\n")[0])
    sub = ap.add_subparsers(dest="command", required=True)
    a = sub.add_parser("acled", help="admin1 and coordinate agreement on ACLED notes")
    a.add_argument("data_dir", type=Path, help="../shared/data")
    a.add_argument("--per-file", type=int, default=1000, help="notes sampled per ACLED file (evenly spaced)")
    a.add_argument("--show-misses", type=int, default=0)
    a.add_argument("--country-given", action="store_true", help="pass each note's ACLED country as the country hint")
    h = sub.add_parser("halterman", help="event-location span agreement")
    h.add_argument("data_dir", type=Path, help="../shared/data/event_location_halterman")
    h.add_argument("--show-misses", type=int, default=0)
    args = ap.parse_args(argv)
    started = time.time()
    if args.command == "acled":
        for name, tally in evaluate_acled(args.data_dir, args.per_file, args.show_misses, args.country_given).items():
            print(tally.line(name))
    else:
        matched, total = evaluate_halterman(args.data_dir, args.show_misses)
        print(f"halterman RELABEL sentences={total} place_match={matched / total:.3f} ({matched}/{total})")
    print(f"elapsed {time.time() - started:.1f}s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
