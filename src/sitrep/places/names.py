"""Name folding shared by the gazetteer index and the text matcher.

Both sides must fold identically, or a spelling indexed at build time is never found at
match time; so the one ``fold`` lives here.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# Characters that transliterations use interchangeably or drop (Ma'rib, Ma`rib, Marib):
# removed outright so that all three fold to the same key.
_DROPPED = re.compile(r"['`\u2018\u2019\u02bb\u02bc\u02be\u02bf\u00b4]")
_NON_ALNUM = re.compile(r"[^a-z0-9]+")
# Letters that Unicode does not decompose into a base letter and a mark ("Bakı",
# "Međimurska", "Łódź"): written as the Latin letters transliterations use.
_UNDECOMPOSED = str.maketrans({"ı": "i", "đ": "d", "Đ": "D", "ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "ß": "ss", "æ": "ae", "Æ": "Ae", "œ": "oe", "Œ": "Oe", "ħ": "h", "Ħ": "H", "ŧ": "t", "þ": "th", "ð": "d", "ɛ": "e", "ɔ": "o"})
# Arabic article variants written before a name ("al-Hasakah", "Ad Dawhah"); an article
# may be present in one source and absent in another, so both forms are indexed.
_ARTICLE = re.compile(r"^(?:al|el|ad|ar|as|an|at|az|ash|adh|ath|ag)\s+(?=\S{3})")
# A number hyphened to a name numbers a part of the place ("Zolote-5" of the Zolote
# mines, "Gulshan-2" of Gulshan): the part is found under the place's own name. The name
# is a word ending in a small letter: "MiG-29" or "Su-25" name aircraft, not places.
_NUMBERED_PART = re.compile(r"^(?P<name>.*[^\W\d_]{2}[a-z])-\d{1,3}$")


@lru_cache(maxsize=65536)
def fold(text: str) -> str:
    """Lower-case ASCII key: accents stripped, apostrophes dropped, other marks to spaces.
    (Cached: every token of every document is folded, and most are common words.)"""
    decomposed = unicodedata.normalize("NFKD", text.translate(_UNDECOMPOSED))
    ascii_text = decomposed.encode("ascii", "ignore").decode()
    return _NON_ALNUM.sub(" ", _DROPPED.sub("", ascii_text.lower())).strip()


def variants(text: str) -> set[str]:
    """The folded keys a name is indexed (and looked up) under."""
    numbered = _NUMBERED_PART.match(text.strip())
    if numbered:
        return variants(numbered.group("name"))
    key = fold(text)
    if not key:
        return set()
    keys = {key, key.replace(" ", "")}
    bare = _ARTICLE.sub("", key)
    if bare != key:
        keys |= {bare, bare.replace(" ", "")}
    return keys


def ascii_name(text: str) -> str:
    """A display form in plain ASCII ("Zōr Kōṯ" -> "Zor Kot")."""
    decomposed = unicodedata.normalize("NFKD", text.translate(_UNDECOMPOSED))
    return decomposed.encode("ascii", "ignore").decode().strip()


# Letters transliterations of one sound write differently ("Gasr"/"Qasr", "Kh"/"K",
# "Shashamene"/"Shashamane"): one letter for each, for ``skeleton``.
_SOUNDS = (("ph", "f"), ("kh", "k"), ("gh", "k"), ("q", "k"), ("g", "k"), ("c", "k"), ("th", "t"), ("dh", "d"), ("w", "v"), ("z", "s"))
_VOWELS = re.compile(r"[aeiouy]")
_VOWEL_GROUPS = re.compile(r"[aeiouy]+")
_DOUBLED = re.compile(r"(.)\1+")


@lru_cache(maxsize=65536)
def skeleton(text: str) -> str:
    """The consonants of each word of a folded name, after its first letter, with one
    letter per sound and no doubling: two spellings of one name differ in vowels,
    doubled letters and such pairs ("Sukkar", "Sukkur" -> "skr/2"; "Gambori", "Gamboru"),
    not in how many syllables they have."""
    key = fold(text)
    for a, b in _SOUNDS:
        key = key.replace(a, b)
    # The count of vowel groups keeps a dropped syllable apart ("Sahibabad", "Sahabad").
    syllables = len(_VOWEL_GROUPS.findall(key))
    return " ".join(_DOUBLED.sub(r"\1", w[0] + _VOWELS.sub("", w[1:])) for w in key.split()) + f"/{syllables}"
