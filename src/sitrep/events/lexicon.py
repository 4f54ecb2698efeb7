"""The events stage's knowledge: event classes and the triggers that signal them.

Both are data (``data/events/classes.toml``, ``data/events/triggers.toml``); this module
loads and validates them once and finds trigger hits in a parsed sentence.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import lru_cache

from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span, Token

from sitrep.config import DATA_DIR
from sitrep.text import load_nlp

TRIGGER_POS = {"NOUN", "VERB", "ADJ", "PROPN"}


@dataclass(frozen=True)
class EventClass:
    name: str
    acled: tuple[str, str]
    plover: tuple[str, str]
    family: str
    priority: int
    acled_civilian: tuple[str, str] | None = None
    acled_state: tuple[str, str] | None = None
    victim_typed: bool = False
    casualty_only: bool = False
    means: str | None = None  # how the harm was done: "remote", "explosive", "firearms"
    count: str | None = None  # the count field its figures go to (released, detained, abducted)
    national: bool = False  # an act of a government or a group as a whole: placed by its own clause, else the country


@dataclass(frozen=True)
class TriggerRule:
    event_class: EventClass
    context: tuple[str, ...] = ()
    argument: str | None = None
    exclude: tuple[str, ...] = ()  # the sentence must contain none of these (an accident, not an attack)
    # how the harm was done, where the words tell it and their class does not ("shot dead"
    # is an attack by firearms; "attack" alone fits any means)
    means: str | None = None

    def fits(self, lowered: str) -> bool:
        if self.context and not any(c in lowered for c in self.context):
            return False
        return not any(e in lowered for e in self.exclude)


@dataclass(frozen=True)
class TriggerHit:
    """A trigger found in a sentence: its head token and the rule that matched."""

    token: Token
    start: int
    end: int
    rule: TriggerRule

    @property
    def event_class(self) -> EventClass:
        return self.rule.event_class


@dataclass(frozen=True)
class Filters:
    """Words that keep a trigger from reporting a real, single, past event."""

    intention_verbs: frozenset[str]
    stopping_words: frozenset[str]
    condemning_verbs: frozenset[str]
    wave_verbs: frozenset[str]
    trend_verbs: frozenset[str]
    anchor_prepositions: frozenset[str]
    modal_words: frozenset[str]
    sensing_verbs: frozenset[str]
    noise_verbs: frozenset[str]
    past_ability_modals: frozenset[str]
    condition_marks: frozenset[str]
    generic_clause_marks: frozenset[str]
    perceiving_verbs: frozenset[str]
    aggregate: re.Pattern[str]
    new_event_words: frozenset[str]
    renewal_words: frozenset[str]
    sequel_words: frozenset[str]
    precedence_verbs: frozenset[str]
    spread_words: frozenset[str]
    spread_phrases: frozenset[str]
    spread_prepositions: frozenset[str]  # "attacks across the province": over an area, at many places
    realised_infinitive_heads: frozenset[str]
    doing_verbs: frozenset[str]
    war_nouns: frozenset[str]
    accusing_verbs: frozenset[str]
    separate_words: frozenset[str]
    explanation_nouns: frozenset[str]
    speech_settings: frozenset[str]
    running_count_phrases: frozenset[str]
    new_event_nouns: frozenset[str]
    new_event_openings: frozenset[str]
    background_modifiers: frozenset[str]
    ally_prepositions: frozenset[str]
    protest_holding_verbs: frozenset[str]
    grievance_prepositions: frozenset[str]
    grievance_verbs: frozenset[str]
    anaphoric_determiners: frozenset[str]
    told_event_nouns: frozenset[str]
    occurrence_verbs: frozenset[str]
    contrast_words: frozenset[str]


@dataclass(frozen=True)
class Lexicon:
    classes: dict[str, EventClass]
    by_lemma: dict[str, tuple[TriggerRule, ...]]
    phrase_rules: dict[str, TriggerRule]  # PhraseMatcher key -> rule
    matcher: PhraseMatcher
    territory_nouns: frozenset[str]
    prisoner_nouns: frozenset[str]
    custody_nouns: frozenset[str]
    captive_nouns: frozenset[str]
    agreement_nouns: frozenset[str]
    force_nouns: frozenset[str]
    state_body_nouns: frozenset[str]
    ruler_nouns: frozenset[str]
    base_nouns: frozenset[str]
    weapon_nouns: frozenset[str]
    disrupt_verbs: frozenset[str]
    rioter_nouns: frozenset[str]
    clash_rioter_nouns: frozenset[str]
    armed_nouns: frozenset[str]
    civilian_targets: frozenset[str]
    property_nouns: frozenset[str]
    road_nouns: frozenset[str]
    vehicle_nouns: frozenset[str]
    campaign_nouns: frozenset[str]
    person_object_words: frozenset[str]
    protest_site: re.Pattern[str]
    gunfight: re.Pattern[str]
    off_duty: re.Pattern[str]
    filters: Filters


def load_classes(data: dict) -> dict[str, EventClass]:
    classes = {}
    for name, spec in data["class"].items():
        classes[name] = EventClass(
            name=name,
            acled=tuple(spec["acled"]),
            plover=tuple(spec["plover"]),
            family=spec["family"],
            priority=int(spec["priority"]),
            acled_civilian=tuple(spec["acled_civilian"]) if "acled_civilian" in spec else None,
            acled_state=tuple(spec["acled_state"]) if "acled_state" in spec else None,
            victim_typed=bool(spec.get("victim_typed", False)),
            casualty_only=bool(spec.get("casualty_only", False)),
            means=spec.get("means"),
            count=spec.get("count"),
            national=bool(spec.get("national", False)),
        )
    return classes


def any_of(patterns: list[str]) -> re.Pattern[str]:
    """One case-insensitive pattern matching any of these, as whole words."""
    return re.compile(r"\b(?:" + "|".join(f"(?:{p})" for p in patterns) + r")\b", re.IGNORECASE)


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    class_data = tomllib.loads((DATA_DIR / "events" / "classes.toml").read_text(encoding="utf-8"))
    classes = load_classes(class_data)
    typing = class_data["typing"]
    data = tomllib.loads((DATA_DIR / "events" / "triggers.toml").read_text(encoding="utf-8"))
    nlp = load_nlp()
    matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
    by_lemma: dict[str, list[TriggerRule]] = {}
    phrase_rules: dict[str, TriggerRule] = {}
    for number, spec in enumerate(data["trigger"]):
        event_class = classes[spec["class"]]  # KeyError names a class missing from classes.toml
        rule = TriggerRule(event_class, tuple(spec.get("context", ())), spec.get("argument"), tuple(spec.get("exclude", ())),
                           spec.get("means"))
        for lemma in spec.get("lemmas", ()):
            by_lemma.setdefault(lemma, []).append(rule)
        if spec.get("phrases"):
            key = f"trigger-{number}"
            phrase_rules[key] = rule
            matcher.add(key, [nlp.make_doc(p) for phrase in spec["phrases"] for p in with_plural(phrase)])
    arguments = data["arguments"]
    spec = data["filters"]
    filters = Filters(
        aggregate=re.compile("|".join(f"(?:{p})" for p in spec.pop("aggregate_patterns")), re.IGNORECASE),
        **{name: frozenset(words) for name, words in spec.items()},
    )
    return Lexicon(
        classes=classes,
        by_lemma={k: tuple(v) for k, v in by_lemma.items()},
        phrase_rules=phrase_rules,
        matcher=matcher,
        territory_nouns=frozenset(arguments["territory_nouns"]),
        prisoner_nouns=frozenset(arguments["prisoner_nouns"]),
        custody_nouns=frozenset(arguments["custody_nouns"]),
        captive_nouns=frozenset(arguments["captive_nouns"]),
        agreement_nouns=frozenset(arguments["agreement_nouns"]),
        force_nouns=frozenset(arguments["force_nouns"]),
        state_body_nouns=frozenset(arguments["state_body_nouns"]),
        ruler_nouns=frozenset(arguments["ruler_nouns"]),
        base_nouns=frozenset(arguments["base_nouns"]),
        weapon_nouns=frozenset(arguments["weapon_nouns"]),
        disrupt_verbs=frozenset(arguments["disrupt_verbs"]),
        rioter_nouns=frozenset(arguments["rioter_nouns"]),
        clash_rioter_nouns=frozenset(arguments["clash_rioter_nouns"]),
        armed_nouns=frozenset(arguments["armed_nouns"]),
        civilian_targets=frozenset(arguments["civilian_targets"]),
        property_nouns=frozenset(arguments["property_nouns"]),
        road_nouns=frozenset(arguments["road_nouns"]),
        vehicle_nouns=frozenset(arguments["vehicle_nouns"]),
        campaign_nouns=frozenset(arguments["campaign_nouns"]),
        person_object_words=frozenset(arguments["person_object_words"]),
        protest_site=any_of(arguments["protest_site_patterns"]),
        gunfight=any_of(typing["gunfight_patterns"]),
        off_duty=any_of(typing["off_duty_patterns"]),
        filters=filters,
    )


def with_plural(phrase: str) -> tuple[str, ...]:
    """A phrase and the same phrase with its last word in the plural ("bomb attack", "bomb
    attacks"): the phrase matcher compares words as written, not their lemmas. A plural of
    a verb ("bomb explodeds") is harmless: it is never written."""
    last = phrase.rsplit(" ", 1)[-1]
    if " " not in phrase or last.endswith("s") or not last.isalpha():
        return (phrase,)
    plural = last[:-1] + "ies" if last.endswith("y") and last[-2:-1] not in "aeiou" else last + "s"
    return (phrase, phrase[: len(phrase) - len(last)] + plural)


def phrase_head(span: Span) -> Token:
    """The syntactic head of a matched phrase (the token whose head lies outside it)."""
    for token in span:
        if token.head.i < span.start or token.head.i >= span.end or token.head.i == token.i:
            return token
    return span[0]


def inside_a_name(token: Token) -> bool:
    """A word inside an organisation's or a document's name, other than the word the name
    is about, names no event: "the Organization for Security and Co-operation in Europe",
    "the Cessation of Hostilities Committee" (while "a Taliban attack", tagged as one
    name, is about the attack)."""
    if token.ent_type_ not in NAME_TYPES:
        return False
    doc = token.doc
    start = token.i
    while start > 0 and doc[start].ent_iob_ == "I":
        start -= 1
    end = token.i + 1
    while end < len(doc) and doc[end].ent_iob_ == "I":
        end += 1
    return doc[start:end].root.i != token.i


#: Entity types whose names may hold an event word ("Security and Co-operation").
NAME_TYPES = {"ORG", "WORK_OF_ART", "LAW"}


def find_triggers(sentence: Span, doc_phrase_matches: list[tuple[int, int, int]]) -> list[TriggerHit]:
    """Trigger hits in one sentence (phrase matches take precedence over their words).

    A word may carry several rules ("seized" a town, "seized" weapons): each is a hit, in
    the lexicon's order, and the events stage keeps the first whose argument fits."""
    lex = lexicon()
    lowered = sentence.text.lower()
    hits: list[TriggerHit] = []
    covered: set[int] = set()
    for match_id, start, end in doc_phrase_matches:
        if start < sentence.start or end > sentence.end:
            continue
        rule = lex.phrase_rules[sentence.doc.vocab.strings[match_id]]
        if not rule.fits(lowered):
            continue
        span = sentence.doc[start:end]
        hits.append(TriggerHit(phrase_head(span), span.start_char, span.end_char, rule))
        covered.update(range(start, end))
    for token in sentence:
        if token.i in covered or token.pos_ not in TRIGGER_POS or token.ent_type_ in ("DATE", "TIME"):
            continue  # "in March", "on Strike Day" are dates, not events
        if inside_a_name(token):
            continue
        for rule in lex.by_lemma.get(token.lemma_.lower(), ()) + lex.by_lemma.get(token.lower_, ()):
            if not rule.fits(lowered):
                continue
            hits.append(TriggerHit(token, token.idx, token.idx + len(token), rule))
    return sorted(hits, key=lambda h: h.start)


def phrase_matches(doc: Doc) -> list[tuple[int, int, int]]:
    return list(lexicon().matcher(doc))
