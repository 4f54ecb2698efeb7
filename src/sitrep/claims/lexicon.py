"""The words of reported speech, loaded once from ``data/claims/speech.toml``: speech
verbs and the kind each signals, cues inside what was said, channels, and the nouns
that tell how a speaker phrase refers (people, bodies, reports)."""

from __future__ import annotations

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
    generic_person_nouns: frozenset[str]  # "the source": anyone who spoke
    local_modifiers: frozenset[str]  # "municipal authorities": a body below the country's
    speaking_nouns: frozenset[str]  # "according to witnesses", "to media reports": more who can be a source


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
        generic_person_nouns=frozenset(speakers["generic_person_nouns"]),
        speaking_nouns=frozenset(speakers["speaking_nouns"]),
        local_modifiers=frozenset(speakers["local_modifiers"]),
    )


def content_kind(text: str) -> str | None:
    """The speech-act kind that words of the reported content signal, if any."""
    lowered = text.lower()
    for kind, cues in lexicon().content_cues:
        if any(cue in lowered for cue in cues):
            return kind
    return None
