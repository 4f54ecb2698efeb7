"""Span helpers shared by the stages: offsets, quotations, paragraphs, overlaps, headlines."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from typing import Protocol, TypeVar

from spacy.tokens import Doc, Span, Token

OPENING_QUOTES = "“«‘"
CLOSING_QUOTES = "”»’"
#: How a line of prose ends, and a headline does not: a stop, a closing quote or bracket.
CLOSING_STOP = re.compile(r"[.!?\"”’)]$")


class HasOffsets(Protocol):
    start: int
    end: int


M = TypeVar("M", bound=HasOffsets)


def overlapping(mentions: Sequence[M], start: int, end: int) -> list[M]:
    """Mentions that share at least one character with [start, end)."""
    return [m for m in mentions if m.start < end and start < m.end]


def within(mentions: Sequence[M], start: int, end: int) -> list[M]:
    return [m for m in mentions if start <= m.start and m.end <= end]


#: Where the per-Doc indexes below are kept: ``doc.user_data``, so they live and die with
#: the parse they were computed from and never outlast it or pass to another document.
ENTS_KEY = "sitrep.text.ents"
ENT_STARTS_KEY = "sitrep.text.ent_starts"
TOKEN_STARTS_KEY = "sitrep.text.token_starts"


def entities(doc: Doc) -> tuple[Span, ...]:
    """``doc.ents``, built once per parse. spaCy builds the tuple anew, one Span per entity,
    on every read of ``doc.ents``; the stages read it for every place, speaker and name, so
    a 20,000-character segment paid for it thousands of times. Nothing sets ``doc.ents``
    after the parse, so the tuple stays that of the Doc."""
    cached = doc.user_data.get(ENTS_KEY)
    if cached is None:
        cached = doc.user_data[ENTS_KEY] = tuple(doc.ents)
    return cached


def _entity_starts(doc: Doc) -> tuple[list[int], list[int]]:
    """The entities' first tokens and first characters, in text order."""
    cached = doc.user_data.get(ENT_STARTS_KEY)
    if cached is None:
        ents = entities(doc)
        cached = doc.user_data[ENT_STARTS_KEY] = ([e.start for e in ents], [e.start_char for e in ents])
    return cached


def covering_entity(doc: Doc, start: int, end: int) -> Span | None:
    """The first entity (in text order) with ``e.start <= start`` and ``e.end >= end``, in
    tokens: what ``next(e for e in doc.ents if ...)`` finds, without reading them all.
    Entities do not overlap, so for a non-empty range only the last one to begin at or
    before ``start`` can cover it."""
    if end <= start:
        return next((e for e in entities(doc) if e.start <= start and e.end >= end), None)
    i = bisect_right(_entity_starts(doc)[0], start) - 1
    if i < 0:
        return None
    ent = entities(doc)[i]
    return ent if ent.end >= end else None


def entities_within(doc: Doc, start: int, end: int) -> list[Span]:
    """Entities whose characters lie in [start, end), in text order (as a filter of
    ``doc.ents`` on ``start <= e.start_char and e.end_char <= end`` would give them)."""
    ents = entities(doc)
    i = bisect_left(_entity_starts(doc)[1], start)
    found = []
    while i < len(ents) and ents[i].end_char <= end:  # ends grow with starts: the first past ``end`` ends the run
        found.append(ents[i])
        i += 1
    return found


def tokens_from(doc: Doc, start: int, end: int) -> Span:
    """The tokens that begin in [start, end) of the text, as a slice of the Doc, found by
    bisection on the token offsets (kept per Doc) instead of a walk through every token."""
    starts = doc.user_data.get(TOKEN_STARTS_KEY)
    if starts is None:
        starts = doc.user_data[TOKEN_STARTS_KEY] = [t.idx for t in doc]
    first = bisect_left(starts, start)
    return doc[first : max(first, bisect_left(starts, end))]


def token_span(token: Token) -> tuple[int, int]:
    return token.idx, token.idx + len(token)


def subtree_span(token: Token, exclude: Sequence[Token] = ()) -> tuple[int, int]:
    """Character span of a token's subtree, leaving out the subtrees of ``exclude``."""
    excluded = {t.i for e in exclude for t in e.subtree}
    tokens = [t for t in token.subtree if t.i not in excluded]
    if not tokens:
        return token_span(token)
    return tokens[0].idx, tokens[-1].idx + len(tokens[-1])


def coordinated(token: Token, pos: Collection[str] | None = None) -> list[Token]:
    """A word and the words coordinated with it, however the parser nested them ("the
    army, police and the rebels" hangs "the rebels" on "police" or on "army"), depth first:
    in the order of the text. With ``pos``, only conjuncts of those parts of speech count,
    and the coordination goes on only through them ("the army and police, who fled": the
    nouns, not the verb joined to them)."""
    found = [token]
    for child in token.children:
        if child.dep_ == "conj" and (pos is None or child.pos_ in pos):
            found += coordinated(child, pos)
    return found


def first_conjunct(token: Token) -> Token:
    """The first of the words coordinated with a token, on which the parser hangs the others
    ("burned and looted shops": "burned"; "French and Egyptian warships": "French"): the
    word whose place in the sentence the coordination takes. The token itself when it is no
    conjunct."""
    while token.dep_ == "conj" and token.head.i != token.i:
        token = token.head
    return token


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
    """The bounds of the line (a paragraph, in ingested text) that ``offset`` lies on; an
    offset on a line break belongs to the line it ends, a blank line is empty."""
    start = text.rfind("\n", 0, offset) + 1
    end = text.find("\n", offset)
    return start, len(text) if end == -1 else end


def sentence_of(doc: Doc, token_i: int) -> Span:
    return doc[token_i].sent


#: The lead that says what a story is about: its headings, then at least two sentences and
#: some forty words (wire copy broken at every line makes sentences short).
LEAD_WORDS = 40
LEAD_MIN_SENTENCES = 2


def lead_sentences(sentences: Sequence[Span], text: str) -> list[Span]:
    """The story's headings and first sentences of prose, up to its lead's length."""
    lead: list[Span] = []
    told, words = 0, 0
    for sentence in sentences:
        lead.append(sentence)
        if is_heading(sentence, text):
            continue
        told += 1
        words += sum(t.is_alpha for t in sentence)
        if told >= LEAD_MIN_SENTENCES and words >= LEAD_WORDS:
            break
    return lead


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
    return bool(line) and not CLOSING_STOP.search(line) and len(line.split()) <= 25


def cut_off_ending(sentence: Span, text: str, after_prose: bool = False) -> bool:
    """Whether a line that :func:`is_heading` takes for a headline is rather the text's last
    line, cut off mid-sentence: the cut took its closing stop ("The army said the convoy
    had been attacked near the river, but"). The sentence must be the last of the text, on
    its last line; what tells it from a title is, by default, that its words are not in
    title case (a title's are: "Rebels Attacked Army Convoy Near Gao"), or, with
    ``after_prose``, that a paragraph of prose (15 words or more, a closing stop) stands on
    the line before, whatever the line's capitals ("In May the Kel Ansar of Gao Region
    declared it"): a headline opens a story or stands among short lines. The callers add
    what a sentence-case headline ("Taliban says it will attend the talks") lacks."""
    if text[sentence.end_char :].strip():
        return False
    lines = [(m.start(), m.group()) for m in re.finditer(r"[^\n]+", text) if m.group().strip()]
    if not lines or sentence.start_char < lines[-1][0]:
        return False
    if after_prose:
        before = lines[-2][1].strip() if len(lines) > 1 else ""
        return len(before.split()) >= 15 and CLOSING_STOP.search(before) is not None
    words = [t for t in sentence if t.is_alpha and len(t) > 3]
    return bool(words) and sum(t.is_title for t in words) <= len(words) / 2
