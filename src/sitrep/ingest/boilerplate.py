"""Removal of site boilerplate lines (comment forms, share bars, related-article lists).

The rules are data (``data/ingest/boilerplate.toml``): whole-line regular expressions.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import lru_cache

from sitrep.config import DATA_DIR
from sitrep.ingest.layout import LEADING_STAMP

RULES_FILE = DATA_DIR / "ingest" / "boilerplate.toml"


@dataclass(frozen=True)
class BoilerplateRules:
    version: int
    pattern: re.Pattern[str]


@lru_cache(maxsize=1)
def load_rules() -> BoilerplateRules:
    data = tomllib.loads(RULES_FILE.read_text(encoding="utf-8"))
    alternatives = [p for rule in data["rule"] for p in rule["patterns"]]
    for alternative in alternatives:
        re.compile(alternative)  # a bad rule should fail loudly, naming itself
    combined = "|".join(f"(?:{p})" for p in alternatives)
    return BoilerplateRules(
        version=int(data["version"]),
        pattern=re.compile(rf"^\s*(?:{combined})\s*$", re.IGNORECASE),
    )


def strip_boilerplate(text: str) -> tuple[str, list[str]]:
    """Return the text without boilerplate lines, and the stripped lines removed.

    Blank-line structure is kept (paragraphs matter to later stages); runs of more
    than one blank line left behind by removals are collapsed, and the result is
    stripped at both ends. A page's date stamp run into a boilerplate line ("date
    2015-07-19 (Updates with ...)") stays, on its own line, and the rest goes.
    """
    rules = load_rules()
    kept: list[str] = []
    removed: list[str] = []
    for line in text.splitlines():
        if line.strip() and rules.pattern.match(line):
            removed.append(line.strip())
            continue
        stamp = LEADING_STAMP.match(line)
        if stamp and line[stamp.end() :].strip() and rules.pattern.match(line[stamp.end() :]):
            removed.append(line[stamp.end() :].strip())
            kept.append(line[: stamp.end()].rstrip())
            continue
        if not line.strip() and kept and not kept[-1].strip():
            continue
        kept.append(line.rstrip())
    return "\n".join(kept).strip(), removed
