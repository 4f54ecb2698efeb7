"""Bounded segments of a long text, so that no stage ever sees more than one segment.

Several stages compare each mention or sentence with the others of its document
(overlap look-ups, coreference, quote pairing), which is quadratic in the document's
length: a 320,000-character text cost 176 s where 20,000 characters cost 0.9 s. A text
longer than ``config.SEGMENT_CHARS`` is therefore read as consecutive segments, each
parsed and extracted on its own, so that the cost of a document is the number of its
segments times a bounded cost per segment: linear in its length.

A segment ends at the last paragraph break of its second half, failing that at the last
line break, sentence end or space, and only failing all of those in the middle of a
word; each segment therefore holds at least half the limit and the number of segments
is at most twice the length over the limit.
"""

from __future__ import annotations

import re

#: Where a segment may end, best first: a paragraph break, a line break, a sentence end, a space.
CUTS = (re.compile(r"\n\s*\n"), re.compile(r"\n"), re.compile(r"[.!?][\"'”’)\]]*\s"), re.compile(r"\s"))


def segment_bounds(text: str, limit: int) -> list[tuple[int, int]]:
    """``(start, end)`` of consecutive segments covering ``text``, each at most ``limit`` characters."""
    if limit <= 0:
        raise ValueError("the segment limit must be positive")
    bounds: list[tuple[int, int]] = []
    start, length = 0, len(text)
    while length - start > limit:
        window = text[start : start + limit]
        floor = limit // 2
        cut = limit
        for pattern in CUTS:
            ends = [m.end() for m in pattern.finditer(window, floor)]
            if ends:
                cut = ends[-1]
                break
        bounds.append((start, start + cut))
        start += cut
    bounds.append((start, length))
    return bounds
