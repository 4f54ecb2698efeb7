"""Propose ACLED's spelling as the display name of first-level divisions.

Reads the admin1 values of the ACLED files beside the repo (../shared/data) and, for
each division of our gazetteer that one of them names under another spelling, writes
ACLED's spelling as its `name` in src/sitrep/data/places/admin1_names.toml (the newest
file's spelling first, then the most frequent). Divisions whose entry already has a
`name` are ours to decide (ACLED's current export where the older files differ, as
Cameroon's English region names) and are left alone; values that admin1_history.toml
lists (divisions merged, split or renamed) are no spellings. Run once after the ACLED
files or the gazetteer change, then review the diff:

    .venv/bin/python scripts/acled_admin1_names.py [--write]
"""

from __future__ import annotations

import json
import re
import sys
import tomllib
from collections import Counter, defaultdict
from pathlib import Path

from sitrep.eval.acled import ACLED_FILES, read_events
from sitrep.eval.places import _alpha2
from sitrep.places.gazetteer import PLACES_DATA, load_gazetteer
from sitrep.places.names import fold

SHARED = Path(__file__).resolve().parent.parent.parent / "shared" / "data"
NEWEST = "acled_rpanlilio_2020may"


def proposals() -> dict[str, dict[str, str]]:
    gaz = load_gazetteer()
    history = tomllib.loads((PLACES_DATA / "admin1_history.toml").read_text(encoding="utf-8"))
    names = tomllib.loads((PLACES_DATA / "admin1_names.toml").read_text(encoding="utf-8"))
    curated = {(cc, fold(e["name"])) for cc, t in names.items() for e in t.values() if "name" in e}
    votes: dict[tuple[str, str], Counter] = defaultdict(Counter)
    for e in read_events(SHARED):
        cc = _alpha2(e.country) if e.country else None
        if not cc or not e.admin1 or fold(e.admin1) in {fold(k) for k in history.get(cc, {})}:
            continue
        found = gaz.admin1(cc, e.admin1)
        if found is None or (cc, fold(found.name)) in curated:
            continue
        votes[(cc, found.name)][e.admin1] += 1000 if e.source_file.startswith(NEWEST) else 1
    out: dict[str, dict[str, str]] = defaultdict(dict)
    for (cc, ours), counter in sorted(votes.items()):
        best = counter.most_common(1)[0][0]
        if best != ours and fold(best) != fold(ours):
            out[cc][ours] = best
    return out


def write(props: dict[str, dict[str, str]]) -> None:
    path = PLACES_DATA / "admin1_names.toml"
    lines = path.read_text(encoding="utf-8").splitlines()
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    section = None
    done: set[tuple[str, str]] = set()
    for i, line in enumerate(lines):
        m = re.match(r"^\[(\w\w)\]$", line)
        if m:
            section = m.group(1)
            continue
        m = re.match(r'^("?)(.+?)\1 = \{ (.*)$', line)
        if not (m and section in props):
            continue
        key = m.group(2)
        entry = data[section][key]
        shown = entry.get("name", key)
        for ours, acled in props[section].items():
            if fold(ours) in (fold(shown), fold(key)) and "name" not in entry:
                lines[i] = f'{m.group(1)}{key}{m.group(1)} = {{ name = {json.dumps(acled)}, {m.group(3)}'
                done.add((section, ours))
    extra: dict[str, list[str]] = defaultdict(list)
    for cc, table in props.items():
        for ours, acled in table.items():
            if (cc, ours) not in done:
                extra[cc].append(f"{json.dumps(ours)} = {{ name = {json.dumps(acled)} }}")
    for cc, rows in sorted(extra.items()):
        at = next((k for k, line in enumerate(lines) if line == f"[{cc}]"), None)
        if at is None:
            lines += ["", f"[{cc}]", *rows]
        else:
            end = at + 1
            while end < len(lines) and lines[end].strip() and not lines[end].startswith("["):
                end += 1
            lines[end:end] = rows
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


if __name__ == "__main__":
    props = proposals()
    for cc, table in props.items():
        for ours, acled in table.items():
            print(f"{cc}: {ours} -> {acled}")
    if "--write" in sys.argv:
        write(props)
