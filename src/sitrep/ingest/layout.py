"""Text laid out as hard-wrapped lines (wire copy, plain-text archives, e-mail) made into
running paragraphs, so that a line break means what it means everywhere else: the end
of a paragraph, a headline or a dateline, never the middle of a sentence."""

from __future__ import annotations

import re

#: A line at least this long that stops without ending a sentence, in a hard-wrapped
#: text, only wraps: the sentence goes on on the next line.
WRAPPED_LINE_CHARS = 45
SENTENCE_END = re.compile(r"[.!?:;\"”’)\]]\s*$")
#: How many such wraps carrying on in lower case ("... pro-Russian\nrebels accused ...")
#: tell that a text is hard-wrapped; headline lists and one-line paragraphs have none.
WRAPS_TO_DECIDE = 3


def soft_breaks(text: str) -> list[int]:
    """Offsets of the line breaks that only wrap a sentence, if the text is hard-wrapped."""
    lines = text.split("\n")
    offset, candidates, lowercase = 0, [], 0
    for line, following in zip(lines, lines[1:]):
        offset += len(line)
        if len(line) >= WRAPPED_LINE_CHARS and not SENTENCE_END.search(line) and following.strip():
            candidates.append(offset)
            lowercase += following.lstrip()[:1].islower()
        offset += 1
    return candidates if lowercase >= WRAPS_TO_DECIDE else []


def unwrap(text: str) -> str:
    """The text with its wrapping line breaks turned into spaces (same length, same offsets)."""
    breaks = soft_breaks(text)
    if not breaks:
        return text
    characters = list(text)
    for offset in breaks:
        characters[offset] = " "
    return "".join(characters)
