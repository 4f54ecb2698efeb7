"""The agreements knowledge base (``data/agreements/agreements.toml``) and the lexicon the
stage reads agreements and stances by (``data/agreements/lexicon.toml``).

``load_agreements`` reads and validates the knowledge base once per process and indexes
it by folded alias and place; ``load_lexicon`` does the same for the word lists.
"""

from __future__ import annotations

import calendar
import re
import tomllib
import unicodedata
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property, lru_cache

from sitrep.config import DATA_DIR
from sitrep.models import Commitment

DATA = DATA_DIR / "agreements"
KINDS = ("ceasefire", "peace agreement", "truce", "prisoner exchange", "other")
COMMITMENT_KINDS = ("release", "withdrawal", "handover", "ceasefire", "other")
ISO_PARTIAL = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
DASHES = re.compile(r"[\u2010-\u2015\u2212]")


class AgreementKBError(ValueError):
    """A data file breaks the knowledge base's schema."""


@lru_cache(maxsize=65536)
def fold(text: str | None) -> str:
    """Case, accents, dash styles, abbreviation dots and spaces around hyphens set aside
    (cached: the same names are folded for every entry of the knowledge base)."""
    text = DASHES.sub("-", (text or "").lower().replace("\u2019", "'"))
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    text = re.sub(r"(?<=\w)\.(?=\w|\s|-|$)", "", text)
    text = re.sub(r"\s*-+\s*", "-", text)
    return " ".join(text.split())


def bounds(value: str | None) -> tuple[date, date] | None:
    """First and last day of an ISO date, month, year or ``start/end`` range."""
    if not value:
        return None
    if "/" in value:
        first, last = (bounds(part) for part in value.split("/", 1))
        return (first[0], last[1]) if first and last else None
    if not ISO_PARTIAL.match(value):
        return None
    parts = [int(p) for p in value.split("-")]
    year = parts[0]
    if len(parts) == 1:
        return date(year, 1, 1), date(year, 12, 31)
    month = parts[1]
    if len(parts) == 2:
        return date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1])
    day = date(year, month, parts[2])
    return day, day


@dataclass(frozen=True)
class Party:
    name: str
    actor: str | None = None  # an actors-KB id, or "state:XX"
    aliases: tuple[str, ...] = ()  # what stories of this agreement call them ("the separatists")


@dataclass(frozen=True)
class Entry:
    id: str
    name: str
    kind: str
    parties: tuple[Party, ...]
    signed: str
    source: str
    official: str | None = None
    aliases: tuple[str, ...] = ()
    signatories: tuple[str, ...] = ()
    mediators: tuple[str, ...] = ()
    countries: tuple[str, ...] = ()
    places: tuple[str, ...] = ()
    effective: str | None = None
    ended: str | None = None
    commitments: tuple[Commitment, ...] = ()

    @cached_property
    def folded_places(self) -> frozenset[str]:
        return frozenset(fold(p) for p in self.places)

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(n for n in (self.name, self.official, *self.aliases) if n))

    @property
    def start(self) -> date:
        return bounds(self.signed)[0]  # type: ignore[index]  (validated on load)

    @property
    def end(self) -> date | None:
        found = bounds(self.ended)
        return found[1] if found else None

    def dated_on(self, value: str) -> bool:
        """Whether a date the text gives for its signing or entry into force fits this agreement."""
        told = bounds(value)
        if told is None:
            return False
        for mine in (self.signed, self.effective):
            span = bounds(mine)
            if span is not None and span[0] <= told[1] and told[0] <= span[1]:
                return True
        return False


@dataclass
class AgreementKB:
    entries: dict[str, Entry] = field(default_factory=dict)
    aliases: dict[str, list[tuple[str, bool]]] = field(default_factory=dict)  # folded alias -> (id, generic)
    places: dict[str, list[str]] = field(default_factory=dict)  # folded place -> ids

    def by_alias(self, text: str) -> list[tuple[Entry, bool]]:
        return [(self.entries[i], generic) for i, generic in self.aliases.get(fold(text), ())]

    def by_place(self, text: str) -> list[Entry]:
        return [self.entries[i] for i in self.places.get(fold(text), ())]


def _require(record: dict, fields: tuple[str, ...], where: str) -> None:
    missing = [f for f in fields if not record.get(f)]
    if missing:
        raise AgreementKBError(f"{where}: missing {', '.join(missing)}")


def _date(value: str | None, where: str) -> str | None:
    if value is not None and bounds(value) is None:
        raise AgreementKBError(f"{where}: not an ISO date, month or year: {value!r}")
    return value


def _commitment(record: dict, where: str) -> Commitment:
    _require(record, ("id", "kind", "description", "source"), where)
    if record["kind"] not in COMMITMENT_KINDS:
        raise AgreementKBError(f"{where}: kind {record['kind']!r} is not one of {', '.join(COMMITMENT_KINDS)}")
    _date(record.get("due"), where)
    return Commitment(**record)


def _entry(record: dict) -> Entry:
    where = f"agreement {record.get('id', '?')}"
    _require(record, ("id", "name", "kind", "parties", "signed", "source"), where)
    if record["kind"] not in KINDS:
        raise AgreementKBError(f"{where}: kind {record['kind']!r} is not one of {', '.join(KINDS)}")
    for key in ("signed", "effective", "ended"):
        _date(record.get(key), where)
    commitments = tuple(_commitment(c, f"{where}, commitment {c.get('id', '?')}") for c in record.get("commitment", ()))
    if len({c.id for c in commitments}) != len(commitments):
        raise AgreementKBError(f"{where}: two commitments share an id")
    parties = tuple(Party(p["name"], p.get("actor"), tuple(p.get("aliases", ()))) for p in record["parties"])
    fields = {k: v for k, v in record.items() if k not in ("parties", "commitment")}
    for key in ("aliases", "signatories", "mediators", "countries", "places"):
        fields[key] = tuple(fields.get(key, ()))
    return Entry(parties=parties, commitments=commitments, **fields)


def build_agreements(text: str) -> AgreementKB:
    kb = AgreementKB()
    for record in tomllib.loads(text).get("agreement", ()):
        entry = _entry(record)
        if entry.id in kb.entries:
            raise AgreementKBError(f"agreement {entry.id}: defined twice")
        kb.entries[entry.id] = entry
        for name in entry.names:
            generic = name == name.lower() and name not in (entry.name, entry.official)
            pairs = kb.aliases.setdefault(fold(name), [])
            if all(i != entry.id for i, _ in pairs):
                pairs.append((entry.id, generic))
        for place in entry.places:
            kb.places.setdefault(fold(place), []).append(entry.id)
    return kb


@lru_cache(maxsize=1)
def load_agreements() -> AgreementKB:
    return build_agreements((DATA / "agreements.toml").read_text(encoding="utf-8"))


# --- the lexicon ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Lexicon:
    heads: dict[str, str]
    qualified_heads: dict[str, frozenset[str]]
    kinds: tuple[tuple[str, frozenset[str]], ...]
    mediation_participles: frozenset[str]
    mediation_verbs: frozenset[str]
    signing_verbs: frozenset[str]
    signing_nouns: frozenset[str]
    effect_verbs: frozenset[str]
    later: frozenset[str]
    earlier: frozenset[str]
    prospective_verbs: frozenset[str]
    prospective_nouns: frozenset[str]
    prospective_modals: frozenset[str]
    prospective_determiners: frozenset[str]
    violation_verbs: frozenset[str]
    violation_nouns: frozenset[str]
    violation_prepositions: frozenset[str]
    failures: frozenset[str]
    compliance_verbs: frozenset[str]
    compliance_nouns: frozenset[str]
    adjuncts: tuple[tuple[str, ...], ...]  # multiword prepositions, longest first
    denial_verbs: frozenset[str]
    denial_adjectives: frozenset[str]
    demand_verbs: frozenset[str]
    demand_modals: frozenset[str]
    discussion_verbs: frozenset[str]
    event_anaphors: frozenset[str]
    continuing_speakers: frozenset[str]
    continuation_markers: frozenset[str]
    withdrawal_verbs: frozenset[str]
    withdrawal_particles: tuple[tuple[str, str], ...]
    threats: frozenset[str]
    delivery_verbs: dict[str, frozenset[str]]  # commitment kind -> verbs
    delivery_units: dict[str, frozenset[str]]  # commitment kind -> counted nouns
    cumulative: tuple[str, ...]
    promises: frozenset[str]
    unrelated: frozenset[str]

    def is_head(self, word: str) -> bool:
        return word in self.heads or word in self.qualified_heads


def _words(values) -> frozenset[str]:
    return frozenset(v.lower() for v in values)


@lru_cache(maxsize=1)
def load_lexicon() -> Lexicon:
    data = tomllib.loads((DATA / "lexicon.toml").read_text(encoding="utf-8"))
    bad = [k for k, v in data["heads"].items() if v not in KINDS]
    if bad:
        raise AgreementKBError(f"lexicon heads with an unknown kind: {', '.join(bad)}")
    delivery = data["delivery"]
    return Lexicon(
        heads=dict(data["heads"]),
        qualified_heads={k: _words(v) for k, v in data["qualified_heads"].items()},
        kinds=tuple((k, _words(v)) for k, v in data["kinds"].items()),
        mediation_participles=_words(data["mediation"]["participles"]),
        mediation_verbs=_words(data["mediation"]["verbs"]),
        signing_verbs=_words(data["signing"]["verbs"]),
        signing_nouns=_words(data["signing"]["nouns"]),
        effect_verbs=_words(data["signing"]["effect_verbs"]),
        later=_words(data["contrast"]["later"]),
        earlier=_words(data["contrast"]["earlier"]),
        prospective_verbs=_words(data["prospective"]["verbs"]),
        prospective_nouns=_words(data["prospective"]["nouns"]),
        prospective_modals=_words(data["prospective"]["modals"]),
        prospective_determiners=_words(data["prospective"]["determiners"]),
        violation_verbs=_words(data["violation"]["verbs"]),
        violation_nouns=_words(data["violation"]["nouns"]),
        violation_prepositions=_words(data["violation"]["prepositions"]),
        failures=_words(data["violation"]["failures"]),
        compliance_verbs=_words(data["compliance"]["verbs"]),
        compliance_nouns=_words(data["compliance"]["nouns"]),
        adjuncts=tuple(sorted((tuple(a.split()) for a in data["compliance"]["adjuncts"]), key=len, reverse=True)),
        denial_verbs=_words(data["denial"]["verbs"]),
        denial_adjectives=_words(data["denial"]["adjectives"]),
        demand_verbs=_words(data["demand"]["verbs"]),
        demand_modals=_words(data["demand"]["modals"]),
        discussion_verbs=_words(data["discussion"]["verbs"]),
        event_anaphors=_words(data["events"]["anaphors"]),
        continuing_speakers=_words(data["continuation"]["speakers"]),
        continuation_markers=_words(data["continuation"]["markers"]),
        withdrawal_verbs=_words(data["withdrawal"]["verbs"]),
        withdrawal_particles=tuple(tuple(p.split()) for p in data["withdrawal"]["particles"]),  # type: ignore[misc]
        threats=_words(data["withdrawal"]["threats"]),
        delivery_verbs={k: _words(delivery[k]) for k in ("release", "withdrawal", "handover")},
        delivery_units={k: _words(delivery[f"{k}_units"]) for k in ("release", "withdrawal", "handover")},
        cumulative=tuple(sorted(data["cumulative"]["phrases"], key=len, reverse=True)),
        promises=_words(delivery["promises"]),
        unrelated=_words(data["unrelated"]["modifiers"]),
    )
