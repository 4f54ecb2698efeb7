"""Span helpers shared by the stages: offsets, quotations, paragraphs, overlaps, headlines."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol, TypeVar

from spacy.tokens import Doc, Span, Token

OPENING_QUOTES = "“«‘"
CLOSING_QUOTES = "”»’"


class HasOffsets(Protocol):
    start: int
    end: int


M = TypeVar("M", bound=HasOffsets)


def overlapping(mentions: Sequence[M], start: int, end: int) -> list[M]:
    """Mentions that share at least one character with [start, end)."""
    return [m for m in mentions if m.start < end and start < m.end]


def within(mentions: Sequence[M], start: int, end: int) -> list[M]:
    return [m for m in mentions if start <= m.start and m.end <= end]


def token_span(token: Token) -> tuple[int, int]:
    return token.idx, token.idx + len(token)


def subtree_span(token: Token, exclude: Sequence[Token] = ()) -> tuple[int, int]:
    """Character span of a token's subtree, leaving out the subtrees of ``exclude``."""
    excluded = {t.i for e in exclude for t in e.subtree}
    tokens = [t for t in token.subtree if t.i not in excluded]
    if not tokens:
        return token_span(token)
    return tokens[0].idx, tokens[-1].idx + len(tokens[-1])


@dataclass(frozen=True)
class Quotation:
    start: int  # offset of the opening mark
    end: int  # offset just after the closing mark (or the paragraph end when unclosed)
    text: str  # the words inside the marks


def find_quotations(text: str) -> list[Quotation]:
    """Quoted passages: curly quotes pair by direction, straight double quotes alternate.

    A quotation never runs past the end of a paragraph, except that a paragraph that
    ends inside an open quote continues when the next paragraph opens with a quote
    mark (the newspaper convention for a quote going on across paragraphs).
    """
    quotations: list[Quotation] = []
    paragraphs = [(m.start(), m.end()) for m in re.finditer(r"[^\n]+", text)]
    for start, end in paragraphs:
        open_at: int | None = None
        straight_open = False
        for index in range(start, end):
            char = text[index]
            if char in "“«" or (char == '"' and not straight_open and open_at is None):
                if open_at is None:
                    open_at = index
                    straight_open = char == '"'
            elif (char in "”»" or (char == '"' and straight_open)) and open_at is not None:
                quotations.append(Quotation(open_at, index + 1, text[open_at + 1 : index]))
                open_at, straight_open = None, False
        if open_at is not None:
            quotations.append(Quotation(open_at, end, text[open_at + 1 : end]))
    return join_continued(quotations, text)


def join_continued(quotations: list[Quotation], text: str) -> list[Quotation]:
    """Join a quote left open at a paragraph's end with the quote that opens the next one."""
    joined: list[Quotation] = []
    for quotation in quotations:
        previous = joined[-1] if joined else None
        if (
            previous is not None
            and text[previous.end - 1 : previous.end] not in CLOSING_QUOTES + '"'
            and not text[previous.end : quotation.start].strip()
        ):
            joined[-1] = Quotation(previous.start, quotation.end, f"{previous.text.rstrip()} {quotation.text}")
        else:
            joined.append(quotation)
    return joined


def in_quotation(quotations: Sequence[Quotation], offset: int) -> Quotation | None:
    for quotation in quotations:
        if quotation.start < offset < quotation.end:
            return quotation
    return None


def paragraph_of(text: str, offset: int) -> tuple[int, int]:
    start = text.rfind("\n", 0, offset) + 1
    end = text.find("\n", offset)
    return start, len(text) if end == -1 else end


def sentence_of(doc: Doc, token_i: int) -> Span:
    return doc[token_i].sent


def is_heading(sentence: Span, text: str) -> bool:
    """A short line with no closing punctuation in a text of several lines (headline,
    section label, stamp): not a report. A text of one line is the report itself.
    ``text`` is the document's text (passed in: spaCy rebuilds ``Doc.text`` on each call)."""
    if "\n" not in text.strip():
        return False
    line_start = text.rfind("\n", 0, sentence.start_char) + 1
    line_end = text.find("\n", sentence.start_char)
    line = text[line_start : len(text) if line_end == -1 else line_end].strip()
    if re.search(r"[a-z)][.!?]\s+[A-Z“\"]", line):
        return False  # a line of two sentences is text wrapped mid-sentence, not a headline
    return bool(line) and not re.search(r"[.!?\"”’)]$", line) and len(line.split()) <= 25
