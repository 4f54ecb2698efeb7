"""Quantities as news writes them: "27", "1,200", "nine", "twenty-seven", "two dozen".

The number words are data (``data/events/numbers.toml``). ``parse_quantity`` reads one
phrase; ``Quantity`` keeps whether the text gave a bound ("at least 25") or a vague
amount ("dozens": no figure, only a note).
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import lru_cache

from sitrep.config import DATA_DIR, MAX_PLAUSIBLE_COUNT

DIGITS = re.compile(r"^(\d{1,3}(?:,\d{3})+|\d+)(?=[^\d,]|$)")


@dataclass(frozen=True)
class NumberWords:
    units: dict[str, int]
    multipliers: dict[str, int]
    vague: frozenset[str]
    lower_bound: tuple[str, ...]
    upper_bound: tuple[str, ...]
    approximate: tuple[str, ...]


@dataclass(frozen=True)
class Quantity:
    value: int | None
    bound: str | None = None  # "lower", "upper", "approximate"
    vague: str | None = None  # the vague word when no figure is given


@lru_cache(maxsize=1)
def number_words() -> NumberWords:
    data = tomllib.loads((DATA_DIR / "events" / "numbers.toml").read_text(encoding="utf-8"))
    by_length = lambda items: tuple(sorted(items, key=len, reverse=True))  # noqa: E731
    return NumberWords(
        units=dict(data["units"]),
        multipliers=dict(data["multipliers"]),
        vague=frozenset(data["vague"]["words"]),
        lower_bound=by_length(data["qualifiers"]["lower_bound"]),
        upper_bound=by_length(data["qualifiers"]["upper_bound"]),
        approximate=by_length(data["qualifiers"]["approximate"]),
    )


def parse_number(text: str) -> int | None:
    """The integer a number phrase names, or None: "27", "1,200", "twenty-seven", "two dozen"."""
    text = text.strip().lower()
    if not text:
        return None
    match = DIGITS.match(text)
    if match:
        rest = text[match.end():].strip(" -")
        value = int(match.group(1).replace(",", ""))
        multiplier = number_words().multipliers.get(rest)
        return value * multiplier if multiplier else value
    words = number_words()
    total, current, seen = 0, 0, False
    for word in re.split(r"[\s-]+", text.replace(" and ", " ")):
        if not word:
            continue
        if word in words.units:
            value = words.units[word]
            if word == "dozen" or word == "score":
                current = (current or 1) * value
            else:
                current += value
            seen = True
        elif word in words.multipliers:
            current = (current or 1) * words.multipliers[word]
            if words.multipliers[word] >= 1000:
                total, current = total + current, 0
            seen = True
        else:
            return None
    return total + current if seen else None


def split_qualifier(text: str) -> tuple[str | None, str]:
    """("lower", "25") for "at least 25"; (None, text) when no qualifier leads."""
    lowered = text.strip().lower()
    words = number_words()
    for bound, phrases in (("lower", words.lower_bound), ("upper", words.upper_bound), ("approximate", words.approximate)):
        for phrase in phrases:
            if lowered.startswith(phrase + " "):
                return bound, lowered[len(phrase) + 1:]
    return None, lowered


def plausible(value: int) -> bool:
    """Whether a figure can be a count of people in one incident (``config.MAX_PLAUSIBLE_COUNT``)."""
    return 0 <= value <= MAX_PLAUSIBLE_COUNT


def parse_quantity(text: str) -> Quantity | None:
    """Read "at least 25", "nine", "dozens"; None when the phrase is no quantity.

    An implausible figure ("2,147,483,648") is kept like a vague amount: as written, no value.
    """
    bound, rest = split_qualifier(text)
    if rest in number_words().vague:
        return Quantity(value=None, bound=bound, vague=rest)
    value = parse_number(rest)
    if value is None:
        return None
    if not plausible(value):
        return Quantity(value=None, bound=bound, vague=rest)
    return Quantity(value=value, bound=bound)
