"""Agreements an article names, and the definite descriptions that refer back to them.

"the US-Taliban agreement ... the U.S.-TB agreement ... the signed agreement" are one
agreement: a ``Reference`` cluster. Agreements are things actors sign, not actors, so
this never feeds ``resolve_actors`` (nor incident actors); evaluation and callers that
want to follow what a statement is about read ``resolve_references``.

A named agreement is "<party>-<party> [modifier] <head>" where every party is a KB actor
or country ("US-Taliban peace deal", "Israel-Hamas ceasefire"), or "the <Name> <head>"
("the Doha agreement"). A definite description ("the agreement", "the signed deal",
"this accord") refers to the latest named agreement before it; with none, it is dropped.
Heads and modifiers are data: ``[agreements]`` in ``data/actors/categories.toml``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from sitrep.actors.kb import KnowledgeBase, load_kb
from sitrep.actors.names import ascii_fold, fold_chars
from sitrep.models import Actor, AnnotatedDocument

_PARTY = r"[A-Z][A-Za-z.']*"
_DASH = r"\s?[-/]\s?"


@dataclass(frozen=True)
class Reference:
    """One mention of an agreement; mentions of one agreement share ``id`` and ``name``."""

    start: int
    end: int
    text: str
    id: str  # "agreement:country:US+taliban", "agreement:doha"
    name: str  # the first naming of the agreement in the text ("US-Taliban agreement")
    parties: tuple[Actor, ...] = ()
    kind: str = "agreement"


@lru_cache(maxsize=1)
def _patterns() -> tuple[re.Pattern, re.Pattern, re.Pattern]:
    kb = load_kb()
    heads = sorted(kb.agreement_heads, key=len, reverse=True)
    head = "|".join(r"\s+".join(map(re.escape, h.split())) for h in heads)
    singular = "|".join(r"\s+".join(map(re.escape, h.split())) for h in heads if not h.endswith("s"))
    mods = "|".join(re.escape(m) for m in sorted(kb.agreement_modifiers, key=len, reverse=True))
    modifiers = rf"(?:(?:{mods})\s+){{0,2}}"
    named = re.compile(rf"(?<![\w.-])({_PARTY}(?:{_DASH}{_PARTY})+)\s+{modifiers}(?:{head})\b")
    titled = re.compile(rf"\b[Tt]he\s+([A-Z][\w'-]+)\s+{modifiers}(?:{head})\b")
    definite = re.compile(rf"\b(?:the|this)\s+{modifiers}(?:{singular})\b(?![\w-])", re.I)
    return named, titled, definite


def _party(kb: KnowledgeBase, text: str) -> Actor | None:
    actor = kb.lookup(text.strip(".") if text.count(".") == 1 else text)
    return actor if actor is not None and not actor.is_person else None


def resolve_references(adoc: AnnotatedDocument) -> list[Reference]:
    """Every agreement mention in text order, clustered (see the module docstring)."""
    kb = load_kb()
    named, titled, definite = _patterns()
    text = fold_chars(adoc.document.text)
    original = adoc.document.text
    found: list[tuple[int, int, str, tuple[Actor, ...]]] = []  # start, end, id, parties
    for match in named.finditer(text):
        parts = re.split(_DASH, match.group(1))
        parties = [_party(kb, p) for p in parts]
        if any(p is None for p in parties) or len({p.id for p in parties}) < 2:
            continue
        key = "agreement:" + "+".join(sorted(p.id for p in parties))
        found.append((match.start(), match.end(), key, tuple(parties)))
    for match in titled.finditer(text):
        if any(s < match.end() and match.start() < e for s, e, *_ in found):
            continue
        word = match.group(1)
        if word.lower() in kb.agreement_modifiers or _party(kb, word) is not None:
            continue  # "the Peace agreement", "the Taliban deal": no name of its own
        start = match.start(1)
        found.append((start, match.end(), f"agreement:{ascii_fold(word).replace(' ', '-')}", ()))
    found.sort()
    names: dict[str, str] = {}
    for start, end, key, _parties in found:
        names.setdefault(key, original[start:end])
    out = [Reference(s, e, original[s:e], key, names[key], parties) for s, e, key, parties in found]
    for match in definite.finditer(text):
        start, end = match.start(), match.end()
        if any(r.start < end and start < r.end for r in out):
            continue
        earlier = [r for r in out if r.end <= start]
        if earlier:
            latest = max(earlier, key=lambda r: r.end)
            out.append(Reference(start, end, original[start:end], latest.id, latest.name, latest.parties))
    return sorted(out, key=lambda r: r.start)
