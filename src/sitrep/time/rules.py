"""The time stage's rule data (``data/time/rules.toml``), loaded and compiled once.

Gregorian month and weekday names come from the ``calendar`` module (English, the
C locale), not from a table of ours; the data file holds news usage only.
"""

from __future__ import annotations

import calendar
import re
import tomllib
from dataclasses import dataclass
from functools import lru_cache

from sitrep.config import DATA_DIR

RULES_PATH = DATA_DIR / "time" / "rules.toml"

Calendar = str  # "gregorian" | "solar_hijri" | "islamic"


@dataclass(frozen=True)
class RelativeRule:
    """A phrase read as an offset from publication ("yesterday", "last week")."""

    phrase: str
    unit: str  # day | week_of | weekend | month | year
    start: int
    end: int | None
    precision: str | None
    anchor: int | None  # offset of a date named beside it, for publication inference
    future: bool


@dataclass(frozen=True)
class Rules:
    bare_weekday_same_day: bool
    weekday_date_window: int
    weekday_modifiers: dict[str, str]
    parts_after: tuple[str, ...]
    parts_before: tuple[str, ...]
    relative: dict[str, RelativeRule]
    span_leads: tuple[str, ...]
    ago_words: tuple[str, ...]
    ago_prepositions: tuple[str, ...]  # "before": may take an object ("days before the vote")
    units: dict[str, float]
    numbers: dict[str, int]
    vague_amounts: dict[str, tuple[int, int]]  # "a few" -> (2, 4): the fewest and the most
    year_links: tuple[str, ...]  # "of" in "March of last year"
    month_cues: tuple[str, ...]
    year_cues: tuple[str, ...]
    clock_words: tuple[str, ...]
    channel_nouns: frozenset[str]
    speech_verbs: frozenset[str]  # "said on Saturday": what they report counts its "yesterday" from that day
    simultaneous_marks: frozenset[str]
    since_marks: frozenset[str]
    stamp_keywords: tuple[str, ...]
    stamp_weak_keywords: tuple[str, ...]
    stamp_max_other_words: int
    banner_days: int
    inference_years: int
    story_day: re.Pattern[str]  # "the same day", "earlier in the day", "later", as whole words
    story_day_before: frozenset[str]  # "hours before": the day before or the story's day
    story_offset: re.Pattern[str]  # "the next afternoon", "two days later": days after the story's day
    story_offset_days: dict[str, int]  # of each phrase that is not counted ("the next day": 1)
    story_offset_units: frozenset[str]  # the units a counted offset may count ("day", "week")
    clause_offset_marks: dict[str, int]  # "after" -1: the clause's event is that many days before the main clause's
    story_early: re.Pattern[str]  # "in the early hours", not "in the early hours of Friday"
    recent_words: frozenset[str]
    months: dict[str, tuple[Calendar, int]]  # lower-cased name -> (calendar, month number)
    weekdays: dict[str, int]  # lower-cased name -> Monday=0


def words_pattern(phrases: list[str]) -> str:
    """One alternation matching any of the phrases as whole words, the longest first."""
    return r"\b(?:" + "|".join(re.escape(p.lower()) for p in sorted(phrases, key=len, reverse=True)) + r")\b"


def gregorian_month_names() -> dict[str, int]:
    names: dict[str, int] = {}
    for number in range(1, 13):
        full, short = calendar.month_name[number], calendar.month_abbr[number]
        names[full.lower()] = number
        names[short.lower()] = number
    names["sept"] = 9  # the one abbreviation news style adds to the locale's
    return names


def weekday_names() -> dict[str, int]:
    names: dict[str, int] = {}
    for number in range(7):
        names[calendar.day_name[number].lower()] = number
    return names


def story_offset_pattern(raw: dict) -> re.Pattern[str]:
    """The phrases of ``[story_offset]`` and its counted form ("two days later": ``n`` and
    ``unit`` groups), as whole words, case-insensitive."""
    offset = raw["story_offset"]
    phrases = [p for group in offset["phrases"] for p in group["phrases"]]
    numbers = alternation(list(raw["numbers"]))
    counted = (rf"\b(?P<n>\d+|{numbers})[\s-]+(?P<unit>{alternation(offset['counted_units'])})s?"
               rf"\s+(?:{alternation(offset['counted'])})\b")
    return re.compile(rf"{counted}|{words_pattern(phrases)}", re.IGNORECASE)


def story_offset_of(text: str, rules: Rules) -> tuple[str, int] | None:
    """The first phrase in ``text`` telling an offset in days from the story's day, and the
    offset ("A day later, soldiers came under fire": ("a day later", 1))."""
    m = rules.story_offset.search(text)
    return offset_of_match(m, rules) if m is not None else None


def offset_of_match(m: re.Match[str], rules: Rules) -> tuple[str, int]:
    """The phrase a match of ``rules.story_offset`` holds and its offset in days."""
    phrase = " ".join(m.group().lower().split())
    if m.group("n") is None:
        return phrase, rules.story_offset_days[phrase]
    return phrase, round(number_of(m.group("n"), rules) * rules.units[m.group("unit").lower()])


def number_of(word: str, rules: Rules) -> float | None:
    """How many a figure or a number word of the rules counts ("3", "three"), else None."""
    word = word.lower()
    if word.isdigit():
        return float(word)
    return rules.numbers.get(word)


@lru_cache(maxsize=1)
def load_rules() -> Rules:
    raw = tomllib.loads(RULES_PATH.read_text(encoding="utf-8"))
    relative: dict[str, RelativeRule] = {}
    for entry in raw["relative"]:
        for phrase in entry["phrases"]:
            relative[phrase.lower()] = RelativeRule(
                phrase=phrase.lower(),
                unit=entry["unit"],
                start=int(entry["start"]),
                end=entry.get("end"),
                precision=entry.get("precision"),
                anchor=entry.get("anchor"),
                future=bool(entry.get("future", False)),
            )
    months: dict[str, tuple[Calendar, int]] = {n: ("gregorian", m) for n, m in gregorian_month_names().items()}
    for cal, key in (("solar_hijri", "solar_hijri_months"), ("islamic", "islamic_months")):
        for number, spellings in raw[key].items():
            for spelling in spellings:
                months.setdefault(spelling.lower(), (cal, int(number)))
    parts = raw["day_parts"]
    governance = raw["governance"]
    stamps = raw["stamps"]
    return Rules(
        bare_weekday_same_day=bool(raw["weekday_reading"]["bare_weekday_same_day"]),
        weekday_date_window=int(raw["weekday_reading"]["weekday_date_window"]),
        weekday_modifiers={k.lower(): v for k, v in raw["weekday_modifiers"].items()},
        parts_after=tuple(parts["after"]),
        parts_before=tuple(parts["before"]),
        relative=relative,
        span_leads=tuple(raw["span_phrases"]["lead"]),
        ago_words=tuple(raw["ago_phrases"]["words"]),
        ago_prepositions=tuple(raw["ago_phrases"]["prepositions"]),
        units={k: float(v) for k, v in raw["units"].items()},
        numbers={k: int(v) for k, v in raw["numbers"].items()},
        vague_amounts={k.lower(): (int(v[0]), int(v[1])) for k, v in raw["vague_amounts"].items()},
        year_links=tuple(raw["month_relative_year"]["links"]),
        month_cues=tuple(raw["month_only"]["cues"]),
        year_cues=tuple(raw["year_only"]["cues"]),
        clock_words=tuple(raw["year_only"]["clock_words"]),
        channel_nouns=frozenset(n.lower() for n in governance["channel_nouns"]),
        speech_verbs=frozenset(v.lower() for v in governance["speech_verbs"]),
        story_day=re.compile(words_pattern(raw["story_day"]["phrases"] + raw["story_day"]["before"]), re.IGNORECASE),
        story_day_before=frozenset(p.lower() for p in raw["story_day"]["before"]),
        story_offset=story_offset_pattern(raw),
        story_early=re.compile(
            words_pattern(raw["story_early"]["phrases"]) + rf"(?!\s+(?:{alternation(raw['story_early']['named_by'])})\b)",
            re.IGNORECASE),
        story_offset_units=frozenset(u.lower() for u in raw["story_offset"]["counted_units"]),
        clause_offset_marks={k.lower(): int(v) for k, v in raw["story_offset"]["clause_marks"].items()},
        story_offset_days={p.lower(): int(group["days"]) for group in raw["story_offset"]["phrases"] for p in group["phrases"]},
        recent_words=frozenset(w.lower() for w in raw["recent"]["words"]),
        simultaneous_marks=frozenset(m.lower() for m in governance["simultaneous_marks"]),
        since_marks=frozenset(m.lower() for m in governance["since_marks"]),
        stamp_keywords=tuple(k.lower() for k in stamps["keywords"]),
        stamp_weak_keywords=tuple(k.lower() for k in stamps["weak_keywords"]),
        stamp_max_other_words=int(stamps["max_other_words"]),
        banner_days=int(stamps["banner_days"]),
        inference_years=int(raw["publication"]["inference_years"]),
        months=months,
        weekdays=weekday_names(),
    )


def alternation(words: list[str] | tuple[str, ...] | set[str]) -> str:
    """A regex alternation, longest first so that "last night" wins over "last"."""
    ordered = sorted(set(words), key=lambda w: (-len(w), w))
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in ordered)


def title_variants(words) -> list[str]:
    """Capitalised and upper-case forms: month names are matched case-sensitively so that
    "may" (the verb) and "march" stay words."""
    out: set[str] = set()
    for word in words:
        titled = word[:1].upper() + word[1:]
        out.update({titled, word.upper(), word.title()})
    return sorted(out)
