"""How a plain text is laid out: hard-wrapped lines made into running paragraphs, and the
page's date stamp and a story's dateline where they open a line.

Hard-wrapped text (wire copy, plain-text archives, e-mail) is made into running
paragraphs, so that a line break means what it means everywhere else: the end of a
paragraph, a headline, a byline, a dateline or a list item, never the middle of a
sentence. A text is hard-wrapped when several of its lines stop in the middle of a
sentence and the sentence goes on in lower case on the next line ("... pro-Russian\\n
rebels accused ..."); the longest of those lines is the width it was wrapped at. In such
a text a line break only wraps when the line fills most of that width and either stops
in the middle of a sentence before a word that would not have fitted on it, or goes on
in lower case (after an abbreviation's stop too), or stops at a full stop inside a
quotation that the line leaves open. Short lines (headlines, bylines, datelines, the
last line of a paragraph), lines longer than a wrapping width, a line before a
capitalised one at the head of the text, where no line has yet ended a sentence nor been
followed by a blank line (a headline, unless it ends on a word no headline ends on: "of",
"the"), and the line before a list item or an indented paragraph keep their breaks.

Unwrapping turns each wrapping break into a space: the text keeps its length, so every
offset into it stays that of the text as it came.
"""

from __future__ import annotations

import calendar
import re
import tomllib
from functools import lru_cache

from sitrep.config import DATA_DIR

RULES_FILE = DATA_DIR / "ingest" / "layout.toml"

#: A page's date stamp at the start of its text: "date 2019-07-22 ".
LEADING_STAMP = re.compile(r"\s*(?:date|published|posted|updated):?\s+\d{4}-\d{2}-\d{2}\s+", re.IGNORECASE)

#: Month names and their abbreviations (Python's own English calendar names).
MONTHS = "|".join(sorted({*calendar.month_name[1:], *calendar.month_abbr[1:], "Sept"}, key=len, reverse=True))
#: A dateline run into its story's first sentence with no dash or colon to end it
#: ("KHERSON, May 3 Officials said ...", "ODESA, Ukraine, June 9, 2023 Rescuers ...",
#: "ODESA (Agency) Rescuers ..."): the place in capitals, then either its region or country
#: and the filing date (a comma after the place) or the agency in brackets, then the
#: sentence's first word. A dash or colon after it leaves the dateline to its sentence.
RUN_IN_DATELINE = re.compile(
    r"[ \t]*[A-Z][A-Z'’.-]+(?:[ ][A-Z][A-Z'’.-]+)*"  # the place, in capitals
    r"(?:(?:,[ ]*[A-Z][\w'’.-]*(?:[ ][A-Z][\w'’.-]*)*){0,2},?[ ]+"  # its region or country
    rf"(?P<date>(?:{MONTHS})\.?[ ]+\d{{1,2}}(?:,?[ ]+\d{{4}})?)"  # the date
    r"|[ ]*\([A-Z][^()\n]{0,40}\))"  # or the agency
    r"(?:[ ]*\([A-Z][^()\n]{0,40}\))?"  # the agency after the date
    r"[ ]+(?=[A-Z“\"‘'])"
)


#: A dateline ended by a dash or colon: "KIEV — ", "ODESA, Ukraine, June 9 (Agency) - ",
#: "MAIMANA (Agency): ": the place in capitals, perhaps its region or country, the date, the
#: agency, then the dash and the sentence's first word. Before a dash an agency's name may be
#: styled in lower case ("(dpa)"); run in with no dash, it must open with a capital.
DASHED_DATELINE = re.compile(
    r"[ \t]*[A-Z][A-Z'’.-]+(?:[ ][A-Z][A-Z'’.-]+)*"
    r"(?:,[ ]*[A-Z][\w'’.-]*(?:[ ][A-Z][\w'’.-]*)*){0,2},?"
    rf"(?:[ ]+(?:{MONTHS})\.?[ ]+\d{{1,2}}(?:,?[ ]+\d{{4}})?)?"
    r"(?:[ ]*\([A-Za-z][^()\n]{0,40}\))?"
    r"[ ]*(?:[-–—:]|--)[ ]+(?=[A-Z“\"‘'])"
)


def dashed_dateline(line: str) -> int:
    """Where the first sentence begins after a dateline ended by a dash or colon that opens
    ``line`` (0 when the line opens with no such dateline)."""
    match = DASHED_DATELINE.match(line)
    return match.end() if match else 0


def run_in_dateline(line: str) -> int:
    """Where the first sentence begins after a dateline that opens ``line`` with no dash or
    colon after it (0 when the line opens with no such dateline)."""
    match = RUN_IN_DATELINE.match(line)
    if match is None or (match.group("date") and "," not in match.group()):
        return 0
    return match.end()


#: A line that ends where a sentence may end: a full stop, question or exclamation mark,
#: then any closing quotes or brackets. A comma, a colon or semicolon, a word, or a bracket
#: or quote closed after a word ("(OSCE)", 'observers,"') leave the sentence open (a colon
#: before a list is kept by the list's own marks).
SENTENCE_END = re.compile(r"[.!?][\"'”’)\]]*\s*$")
#: A line that opens a list item: a bullet or dash, a number or letter with a stop or bracket.
LIST_ITEM = re.compile(r"^\s*(?:[-*•·–—]\s|\d{1,3}[.)]\s|\(?[a-z][.)]\s)")
#: How many lines stopping mid-sentence before a line in lower case tell that a text is
#: hard-wrapped; headline lists and one-line paragraphs have none.
WRAPS_TO_DECIDE = 3
#: No text is hard-wrapped wider than this (a longer line is a paragraph of its own) nor
#: narrower than this (lines of a word or two in lower case are a menu or a tag list).
MAX_WRAP_WIDTH = 100
MIN_WRAP_WIDTH = 30
#: A line up to this share longer than the longest wrapped line seen is wrapped as well
#: (the width is measured on the lines that go on in lower case, a sample of them all).
WIDTH_TOLERANCE = 1.15
#: A line that stops mid-sentence before a capitalised word only wraps when that word
#: would not have fitted on it: the line and the word overrun this share of the width
#: (a wrapper breaks where the next word overruns; a list of headlines breaks anywhere).
FITS_SHARE = 0.9
#: A line shorter than this share of the width a text is wrapped at is not filled: it is a
#: headline, a byline, a dateline or the last line of a paragraph, and its break stays.
FILLED_SHARE = 0.6


@lru_cache(maxsize=1)
def closed_class_words() -> frozenset[str]:
    data = tomllib.loads(RULES_FILE.read_text(encoding="utf-8"))
    return frozenset(w.lower() for w in data["closed_class"]["words"])


def continues(line: str) -> bool:
    """Whether the next line goes on with the sentence: it opens in lower case (or with a
    digit or punctuation that cannot open a sentence after a line in mid-sentence)."""
    first = line.lstrip()[:1]
    return first.islower()


def wrap_width(lines: list[str]) -> int:
    """The width a text is wrapped at (the longest line that stops mid-sentence before a
    line in lower case), or 0 when the text is not hard-wrapped."""
    widths = [
        len(line.rstrip())
        for line, following in zip(lines, lines[1:])
        if line.strip() and not SENTENCE_END.search(line) and continues(following)
        and len(line.rstrip()) <= MAX_WRAP_WIDTH
    ]
    if not widths:
        return 0
    width = max(widths)
    if width < MIN_WRAP_WIDTH:
        return 0
    filled = [w for w in widths if w >= FILLED_SHARE * width]
    return width if len(filled) >= WRAPS_TO_DECIDE else 0


def quote_marks(line: str) -> tuple[int, int]:
    """The straight double quotes of a line, and its opening less its closing curly ones."""
    return line.count('"'), line.count("“") - line.count("”")


def soft_breaks(text: str) -> list[int]:
    """Offsets of the line breaks that only wrap a sentence, if the text is hard-wrapped."""
    lines = text.split("\n")
    width = wrap_width(lines)
    if not width:
        return []
    breaks: list[int] = []
    offset = 0
    straight = curly = 0  # quote marks of the paragraph so far (the lines joined into it)
    header = True  # the lines before the story's first sentence or paragraph: site name, headline, byline
    for line, following in zip(lines, lines[1:]):
        offset += len(line)
        marks = quote_marks(line)
        straight, curly = straight + marks[0], curly + marks[1]
        if wraps(line, following, width, straight % 2 == 1 or curly > 0, header):
            breaks.append(offset)
            header = False
        else:
            straight = curly = 0
            # the head ends with its first sentence, or with a blank line after it
            header = header and not SENTENCE_END.search(line) and not (following.strip() == "" and line.strip())
        offset += 1
    return breaks


def wraps(line: str, following: str, width: int, quoting: bool, header: bool) -> bool:
    """Whether the break between ``line`` and ``following`` only wraps a sentence.
    ``quoting``: a quotation opened in the paragraph is open at the end of ``line``;
    ``header``: no line before ``line`` ended a sentence, went on into the next or came
    before a blank line."""
    length = len(line.rstrip())
    if not line.strip() or not following.strip() or LIST_ITEM.match(following):
        return False
    if length > width * WIDTH_TOLERANCE or length < FILLED_SHARE * width:
        return False
    if continues(following):
        return True  # after a stop, lower case goes on from an abbreviation
    if length + 1 + len(following.split()[0]) <= FITS_SHARE * width:
        return False  # the next word would have fitted: the line ended there
    if SENTENCE_END.search(line):
        # a quotation left open goes on (unless the next line opens a quotation of its
        # own, as a paragraph that carries a quotation on does)
        return quoting and following.lstrip()[:1] not in "\"“«'‘"
    if header and following.lstrip()[:1].isupper() and last_word(line) not in closed_class_words():
        return False  # a headline before the story
    indented = len(following) - len(following.lstrip()) > len(line) - len(line.lstrip())
    return not indented


def last_word(line: str) -> str:
    words = re.findall(r"[^\W\d_]+", line)
    return words[-1].lower() if words else ""


def unwrap(text: str) -> str:
    """The text with its wrapping line breaks turned into spaces (same length, same offsets)."""
    breaks = soft_breaks(text)
    if not breaks:
        return text
    characters = list(text)
    for offset in breaks:
        characters[offset] = " "
    return "".join(characters)
