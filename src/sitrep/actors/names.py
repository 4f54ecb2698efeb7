"""Text normalisation shared by the knowledge base and the resolver.

Aliases and article text are cut into the same tokens (runs of word characters, and
single punctuation marks) so that a phrase is found by looking up token n-grams, with
typographic quotes and dashes folded to ASCII first.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator

TOKEN = re.compile(r"\w+|[^\w\s]")
# Typographic variants that news sites use interchangeably with the ASCII ones.
_FOLD = str.maketrans({"’": "'", "‘": "'", "`": "'", "–": "-", "—": "-", "‐": "-", "‑": "-", "“": '"', "”": '"'})


def fold_chars(text: str) -> str:
    return text.translate(_FOLD)


def tokens(text: str) -> list[str]:
    return TOKEN.findall(fold_chars(text))


def token_spans(text: str) -> Iterator[tuple[str, int, int]]:
    """Tokens of ``text`` with their character offsets (folding keeps lengths unchanged)."""
    for match in TOKEN.finditer(fold_chars(text)):
        yield match.group(), match.start(), match.end()


def key_of(text: str) -> tuple[str, ...]:
    """The lookup key of a phrase: its tokens, lowercased."""
    return tuple(t.lower() for t in tokens(text))


def ascii_fold(text: str) -> str:
    """Lowercase ASCII letters and digits only, single-spaced: for comparing names."""
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", " ", text.lower()).strip()


def is_abbreviation(alias: str) -> bool:
    """Short upper-case forms ("US", "TB", "U.S.") must match with their exact case."""
    letters = [c for c in alias if c.isalpha()]
    return bool(letters) and len(letters) <= 6 and sum(c.isupper() for c in letters) >= max(2, len(letters) - 1)


def plural(word: str) -> str | None:
    """The plural of a demonym used as a noun ("Afghans", "Somalis"); None if it has none."""
    if word.endswith(("ese", "ish", "ch", "sh", "ss", "x")) or " " in word:
        return None
    return word + "s"
