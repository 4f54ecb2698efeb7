"""The words of reported speech, loaded once from ``data/claims/speech.toml``: speech
verbs and the kind each signals, cues inside what was said, channels, and the nouns
that tell how a speaker phrase refers (people, bodies, reports)."""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import lru_cache

from sitrep.config import DATA_DIR

#: Kinds ranked: when one report carries several cues, the most specific wins.
KIND_RANK = {"statement": 0, "announcement": 1, "confirmation": 2, "accusation": 3, "demand": 4, "denial": 5, "threat": 6}


@dataclass(frozen=True)
class SpeechLexicon:
    verbs: dict[str, str]
    phrases: dict[str, str]
    content_cues: tuple[tuple[str, tuple[str, ...]], ...]
    channels: tuple[tuple[str, tuple[str, ...]], ...]
    report_nouns: frozenset[str]  # "a report in ... said": the report speaks for its issuer
    person_nouns: frozenset[str]  # "a government official", "the general": a person, named or not
    body_nouns: frozenset[str]  # "the ministry", "the group": a body named before
    kin_nouns: frozenset[str]  # "his family said": the family of the person "his" stands for
    handling_verbs: frozenset[str]  # "documents seen by X": X holds the document, it did not issue it
    generic_person_nouns: frozenset[str]  # "the source": anyone who spoke
    local_modifiers: frozenset[str]  # "municipal authorities": a body below the country's
    speaking_nouns: frozenset[str]  # "according to witnesses", "to media reports": more who can be a source
    collective_nouns: frozenset[str]  # "both sides", "the warring parties": no one speaker
    denied_acts: dict[str, str]  # "dismissed X's reports": X's act, of this kind
    refusal_verbs: frozenset[str]  # "refused to accept it": a denial
    accepting_verbs: frozenset[str]
    naming_verbs: frozenset[str]  # "called the reports fake": the complement names the act
    accusing_labels: frozenset[str]  # "described the killing as a crime"
    denying_labels: frozenset[str]  # "called the figures rumours"
    clause_verbs: frozenset[str]  # verbs that report only with a clause: "police believe (that) ..."
    role_synonyms: dict[str, str]  # "spokesperson" -> "spokesman": one role however written
    light_verbs: frozenset[str]  # "made the denial", "issued a warning": the object names the act
    speech_nouns: dict[str, str]  # noun of a speech act -> its kind
    figure_verbs: frozenset[str]  # "put the number at 15": giving a figure for a toll tells it
    figure_nouns: frozenset[str]
    figure_prepositions: frozenset[str]
    acts: frozenset[str]  # hostile acts: told of another party, a report accuses it (claims/agency.py)
    breaches: frozenset[str]  # breaking a commitment: an accusation even with its doer unnamed
    breaking: frozenset[str]  # "broke the terms": a breach only with a commitment as object
    commitments: frozenset[str]
    truces: frozenset[str]  # a truce told in a story makes each side's report of the other's attacks an accusation
    carrying_verbs: frozenset[str]  # "launched attacks", "committed violations": their subject did the act
    state_force_nouns: frozenset[str]  # "troops", "police": a state's forces, named by what they are
    irregular_nouns: frozenset[str]  # "rebels", "gunmen": armed men who are no state's
    unidentified: frozenset[str]  # "unidentified gunmen", "suspected jihadists": a doer no one is named as
    media_nouns: frozenset[str]  # a speaker phrase with these is a news outlet: it reports, it does not accuse
    state_nouns: frozenset[str]  # an unnamed speaker described by these speaks for a state
    military_ranks: frozenset[str]  # "Colonel NAME": a person titled as of a state's forces
    civilian_nouns: frozenset[str]  # victims that make a state's report of an attack an accusation
    operations: frozenset[str]  # what a state body announces of its own side besides hostile acts
    continuing_verbs: frozenset[str]  # "violence would continue": going on, with a future modal, threatens
    future_modals: frozenset[str]
    violence_nouns: frozenset[str]
    punishing_verbs: frozenset[str]  # "would hunt down those responsible"
    punishing_phrases: frozenset[str]
    watchdog_words: frozenset[str]  # "rights groups", "activists": unnamed speakers who watch the state  # "would be held responsible": a verb's lemma and a word it takes
    doer_words: frozenset[str]  # "those responsible", "the perpetrators"
    loss_verbs: frozenset[str]  # "it suffered no casualties": its own losses denied
    mutual_verbs: frozenset[str]  # "the two sides traded fire": an act both sides do
    conditions: frozenset[str]  # "if the army attacks": an act under a condition, not told as done
    reduced_conditions: frozenset[str]  # "when attacked": only before a clause with no subject
    order_verbs: frozenset[str]  # "the units are directed to cease fire": an order in force


@lru_cache(maxsize=1)
def lexicon() -> SpeechLexicon:
    data = tomllib.loads((DATA_DIR / "claims" / "speech.toml").read_text(encoding="utf-8"))
    speakers = data["speakers"]
    return SpeechLexicon(
        verbs=dict(data["verbs"]),
        phrases=dict(data["phrases"]),
        content_cues=tuple((kind, tuple(cues)) for kind, cues in data["content_cues"].items()),
        channels=tuple((name, tuple(words)) for name, words in data["channels"].items()),
        report_nouns=frozenset(speakers["report_nouns"]),
        person_nouns=frozenset(speakers["person_nouns"]),
        body_nouns=frozenset(speakers["body_nouns"]),
        kin_nouns=frozenset(speakers["kin_nouns"]),
        handling_verbs=frozenset(speakers["handling_verbs"]),
        generic_person_nouns=frozenset(speakers["generic_person_nouns"]),
        speaking_nouns=frozenset(speakers["speaking_nouns"]),
        local_modifiers=frozenset(speakers["local_modifiers"]),
        role_synonyms=dict(speakers["role_synonyms"]),
        clause_verbs=frozenset(data["clause_verbs"]["verbs"]),
        naming_verbs=frozenset(data["naming_verbs"]["verbs"]),
        accusing_labels=frozenset(data["naming_verbs"]["accusing_labels"]),
        denying_labels=frozenset(data["naming_verbs"]["denying_labels"]),
        refusal_verbs=frozenset(data["refusals"]["verbs"]),
        denied_acts=dict(data["denied_acts"]),
        accepting_verbs=frozenset(data["refusals"]["accepting"]),
        collective_nouns=frozenset(speakers["collective_nouns"]),
        light_verbs=frozenset(data["light_verbs"]["verbs"]),
        speech_nouns=dict(data["light_verbs"]["nouns"]),
        figure_verbs=frozenset(data["figure_verbs"]["verbs"]),
        figure_nouns=frozenset(data["figure_verbs"]["nouns"]),
        figure_prepositions=frozenset(data["figure_verbs"]["prepositions"]),
        acts=frozenset(data["acts"]["hostile"]),
        breaches=frozenset(data["acts"]["breaches"]),
        breaking=frozenset(data["acts"]["breaking"]),
        commitments=frozenset(data["acts"]["commitments"]),
        truces=frozenset(data["acts"]["truces"]),
        operations=frozenset(data["acts"]["operations"]),
        civilian_nouns=frozenset(data["acts"]["civilian_nouns"]),
        state_nouns=frozenset(speakers["state_nouns"]),
        military_ranks=frozenset(speakers["military_ranks"]),
        media_nouns=frozenset(speakers["media_nouns"]),
        state_force_nouns=frozenset(data["acts"]["state_force_nouns"]),
        irregular_nouns=frozenset(data["acts"]["irregular_nouns"]),
        unidentified=frozenset(data["acts"]["unidentified"]),
        carrying_verbs=frozenset(data["acts"]["carrying_verbs"]),
        continuing_verbs=frozenset(data["threats"]["continuing"]),
        future_modals=frozenset(data["threats"]["modals"]),
        violence_nouns=frozenset(data["threats"]["violence"]),
        punishing_verbs=frozenset(data["threats"]["punishing"]),
        punishing_phrases=frozenset(data["threats"]["punishing_phrases"]),
        watchdog_words=frozenset(data["acts"]["watchdog_words"]),
        doer_words=frozenset(data["threats"]["doers"]),
        loss_verbs=frozenset(data["own_losses"]["verbs"]),
        mutual_verbs=frozenset(data["acts"]["mutual_verbs"]),
        conditions=frozenset(data["conditions"]["always"]),
        reduced_conditions=frozenset(data["conditions"]["reduced"]),
        order_verbs=frozenset(data["conditions"]["orders"]),
    )


@lru_cache(maxsize=1)
def content_patterns() -> tuple[tuple[str, re.Pattern[str]], ...]:
    """Each kind's cues as one pattern, in the data file's order. A cue matches where a
    word starts ("lies" is no cue in "allies")."""
    return tuple(
        (kind, re.compile(r"(?<![\w-])(?:" + "|".join(re.escape(cue) for cue in cues) + ")"))
        for kind, cues in lexicon().content_cues
        if cues  # an empty alternation would match every text
    )


#: Words that, right before a cue, say its act was not done: "opened fire without any
#: warning" warns no one, "gave no warning" neither.
WITHOUT = re.compile(r"\b(?:without|no)\s+(?:any\s+|prior\s+)?$")


def content_kind(text: str) -> str | None:
    """The speech-act kind that words of the reported content signal, if any: the first
    kind, in the data file's order, with a cue in the text that no "without" negates."""
    lowered = text.lower()
    for kind, pattern in content_patterns():
        if any(not WITHOUT.search(lowered, 0, m.start()) for m in pattern.finditer(lowered)):
            return kind
    return None
