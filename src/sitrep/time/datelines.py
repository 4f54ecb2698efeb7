"""Datelines and date stamps: the dates a page prints about itself, where they sit on a line.

A dateline ("KABUL, April 12 (Pajhwok) -", "September 4, 2018 (JUBA) -") tells when a
story was filed; a stamp ("Published: 11 March 2023", "date 2020-12-23") when the page
was. Shared by the publication date, which reads them, and clause governance, which
must not take them for the time of the events told after them on the same line. A date
that merely opens a text ("On 29 April 2020, monitors observed ...", "29 April 2020 -
rebels shelled ...") is neither: it is the time of what the sentence tells.
"""

from __future__ import annotations

import re

from sitrep.ingest.layout import LEADING_STAMP, dashed_dateline, run_in_dateline
from sitrep.time.rules import load_rules

#: The place before a dateline's date: "KABUL, ", "Beirut, Lebanon, ", "Odesa, Odesa region, Ukraine, ".
DATELINE_PREFIX = re.compile(r"^\W*[A-Z][A-Za-z.'’ -]{1,40}(?:,\s*[A-Z][A-Za-z.'’ -]{1,40}){0,2},\s*$")
#: What follows a dateline's date: an optional agency or place in brackets, then a dash or colon.
DATELINE_SUFFIX = re.compile(r"^\s*(?:\([^)]{1,40}\))?\s*[-–—:]")
#: A date that opens its line with the place after it: "September 4, 2018 (JUBA) –".
PLACE_AFTER_DATE = re.compile(r"^\s*\(\s*[A-Z][A-Za-z.'’ ,-]{1,40}\)\s*[-–—]")

WORD = re.compile(r"[A-Za-z]+")
#: Words that may stand between a stamp keyword and its date ("Posted on", "Published at").
LINKS = frozenset({"on", "at"})


def line_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    return text.rfind("\n", 0, start) + 1, (text.find("\n", end) if text.find("\n", end) >= 0 else len(text))


def in_dateline(text: str, start: int, end: int) -> bool:
    """Whether text[start:end] is the date of a dateline ("BOGOTA, Nov 10, 2023 (sitrep) -",
    "Nov 10, 2023 (BOGOTA) -"): when the story was filed, not when anything in the sentence
    after it happened. A line that opens with a date and a dash alone is not laid out as
    a dateline: the date is the event's. A dateline may also name the place's region
    ("ODESA, Ukraine, June 9, 2023 (Reuters) -") or run into its sentence with no dash
    ("KHERSON, May 3 Officials said ..."), as ``ingest.layout`` reads them."""
    line_start, line_end = line_bounds(text, start, end)
    before, after = text[line_start:start], text[end:line_end]
    if DATELINE_PREFIX.match(before) and DATELINE_SUFFIX.match(after):
        return True
    stamp = LEADING_STAMP.match(text, line_start, line_end)  # "date 2015-07-19 KHERSON, May 3 ..."
    opening = stamp.end() if stamp else line_start
    if start > opening and end - opening <= max(run_in_dateline(line := text[opening:line_end]), dashed_dateline(line)):
        return True
    return not before.strip() and bool(PLACE_AFTER_DATE.match(after))


def stamp_keyword(text: str, start: int, end: int) -> str | None:
    """"strong" when the words before a date on its line name it the page's own date
    ("Published Date: 08:59 |", "date", "Posted on"), "weak" for an update stamp
    ("Last updated:"), None otherwise. A bare "On" opens a sentence, not a stamp."""
    rules = load_rules()
    line_start, _ = line_bounds(text, start, end)
    words = {w.lower() for w in WORD.findall(text[line_start:start])}
    keywords = {w for k in rules.stamp_keywords for w in k.split()}
    weak = {w for k in rules.stamp_weak_keywords for w in k.split()}
    named = words - LINKS
    if not named:
        return None
    if named <= keywords:
        return "strong"
    if named <= keywords | weak:
        return "weak"
    return None


def is_page_date(text: str, start: int, end: int) -> bool:
    """Whether text[start:end] is a date the page prints about itself (a dateline or a
    stamp): never the time of an event told on its line."""
    return in_dateline(text, start, end) or stamp_keyword(text, start, end) is not None
