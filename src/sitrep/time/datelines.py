"""Datelines ("KABUL, April 12 (Pajhwok) -"): where a filed date sits on its line.

Shared by the publication date, which reads a dateline as the date the story was filed,
and clause governance, which must not take that date for the time of the events after it.
"""

from __future__ import annotations

import re

DATELINE_PREFIX = re.compile(r"^\W*[A-Z][A-Za-z.'’ -]{1,40},\s*$")
DATELINE_SUFFIX = re.compile(r"^\s*(?:\([^)]{1,40}\))?\s*[-–—:]")


def line_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    return text.rfind("\n", 0, start) + 1, (text.find("\n", end) if text.find("\n", end) >= 0 else len(text))


def in_dateline(text: str, start: int, end: int) -> bool:
    """Whether text[start:end] is the date of a dateline ("BOGOTA, Nov 10, 2023 (sitrep) -"):
    when the story was filed, not when anything in the sentence after it happened."""
    line_start, line_end = line_bounds(text, start, end)
    return bool(DATELINE_PREFIX.match(text[line_start:start]) and DATELINE_SUFFIX.match(text[end:line_end]))
