"""Evaluate the date a text opens with, on the ACLED notes that open with their own date.

    python -m sitrep.eval.dates ../shared/data [--published] [--per-file N] [--show-misses N]

A note such as "On 29 April 2020, the SMM observed ..." or "Property destruction: On 9
May 2020, ..." opens with the day of its event; it is no dateline. Each such note (a full
date, day month year, at its start, after at most a "Label:" and "On"/"Around") is
extracted as one document without a publication date (``--published``: with ACLED's event
date as the publication date, as the ingest benchmark feeds them), and its first
incident's date is compared with ACLED's ``event_date``: the right day, the day lost (a
month, a span or no date) or a wrong day.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter
from pathlib import Path

from sitrep.eval.acled import AcledEvent, read_events
from sitrep.ingest import IngestError, document_from_text
from sitrep.models import Extraction, Failure
from sitrep.pipeline import extract_documents

MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December"
OPENING_DATE = re.compile(
    rf"^\s*(?:[A-Z][A-Za-z /-]{{2,40}}:\s+)?(?:On or around |On or about |On |Around )?\d{{1,2}} (?:{MONTHS}),? \d{{4}}\b")


def opens_with_date(text: str) -> bool:
    return OPENING_DATE.match(text) is not None


def first_dates(events: list[AcledEvent], published: bool) -> list[tuple[str | None, str | None]]:
    """(date, precision) of each note's first incident; (None, None) when none is found."""
    documents = []
    for index, event in enumerate(events):
        try:
            documents.append(document_from_text(event.notes, doc_id=f"n{index}", source=f"n{index}",
                                                published=event.event_date if published else None))
        except IngestError as error:
            documents.append(Failure(source=f"n{index}", error=str(error)))
    found: list[tuple[str | None, str | None]] = []
    for item in extract_documents(documents, batch_size=64):
        if isinstance(item, Extraction) and item.incidents:
            found.append((item.incidents[0].date, item.incidents[0].date_precision))
        else:
            found.append((None, None))
    return found


def verdict(event: AcledEvent, dated: tuple[str | None, str | None]) -> str:
    value, precision = dated
    if value is None and precision is None:
        return "no incident"
    if precision != "day":
        return "day lost"
    return "right day" if value == event.event_date.isoformat() else "wrong day"


def evaluate(data_dir: Path, published: bool = False, per_file: int = 0, show_misses: int = 0) -> dict:
    events: list[AcledEvent] = []
    counts: Counter[str] = Counter()
    for event in read_events(data_dir):
        if event.event_date is None or not opens_with_date(event.notes):
            continue
        if per_file and counts[event.source_file] >= per_file:
            continue
        counts[event.source_file] += 1
        events.append(event)
    dates = first_dates(events, published)
    verdicts = [verdict(e, d) for e, d in zip(events, dates)]
    tally = Counter(verdicts)
    with_incident = len(events) - tally["no incident"]
    if show_misses:
        misses = [(e, d, v) for e, d, v in zip(events, dates, verdicts) if v in ("day lost", "wrong day")]
        for event, (value, precision), what in misses[:show_misses]:
            print(f"[{what}: ACLED {event.event_date}, sitrep {value} ({precision})] {event.notes[:160]}")
    return {
        "notes_opening_with_their_date": len(events),
        "per_file": dict(counts),
        "publication_dates_given": published,
        "with_an_incident": with_incident,
        "right_day": tally["right day"],
        "day_lost": tally["day lost"],
        "wrong_day": tally["wrong day"],
        "right_day_share_of_notes_with_an_incident": round(tally["right day"] / max(with_incident, 1), 4),
        "right_day_share_of_all_notes": round(tally["right day"] / max(len(events), 1), 4),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("path", type=Path, help="the directory holding the acled_* data sets")
    parser.add_argument("--published", action="store_true", help="give each note ACLED's date as its publication date")
    parser.add_argument("--per-file", type=int, default=0, help="at most this many notes per file (0: all)")
    parser.add_argument("--show-misses", type=int, default=0)
    args = parser.parse_args(argv)
    for key, value in evaluate(args.path, args.published, args.per_file, args.show_misses).items():
        print(f"{key}: {value}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
