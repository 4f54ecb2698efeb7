"""What is article text in English, and what is not (issue 18, item 8).

Before: a function-word ratio judged only texts of 20 words or more, so Chinese (34 of
50), zero-width-only files (82 of 130), boilerplate-only pages (99 of 120), tag soup (88
of 150) and random bytes of 16 bytes or less (148 of 246) became empty records, while
two English ACLED notes with few function words were refused as "not English".
"""

from __future__ import annotations

import csv
import random
from pathlib import Path

import pytest

from sitrep.ingest import document_from_text, iter_documents
from sitrep.ingest.read import IngestError
from sitrep.models import Document, Failure
from tests.conftest import SHARED, needs_shared

ACLED = sorted((SHARED / "data").glob("acled_*/acled.csv"))


def acled_notes() -> list[tuple[str, int, str]]:
    notes = []
    for path in ACLED:
        with path.open(encoding="utf-8") as handle:
            for number, row in enumerate(csv.DictReader(handle)):
                note = row.get("notes") or row.get("NOTES")
                if note:
                    notes.append((path.parent.name, number, note))
    return notes


def read(tmp_path: Path, name: str, content: bytes) -> Document | Failure:
    path = tmp_path / name
    path.write_bytes(content)
    (item,) = iter_documents([str(path)])
    return item if isinstance(item, Document) else Failure(source=name, error=item.error)


@needs_shared(SHARED / "data")
def test_the_two_english_acled_notes_once_refused_are_read():
    notes = {(batch, number): note for batch, number, note in acled_notes()}
    for key in [("acled_africa2016_aschharwood", 312), ("acled_rpanlilio_2020may", 965)]:
        document = document_from_text(notes[key], doc_id="note", source="note")
        assert document.text == notes[key].strip()


@needs_shared(SHARED / "data")
def test_every_acled_note_is_read_as_english_article_text():
    notes = acled_notes()
    assert len(notes) == 15_764
    refused = []
    for batch, number, note in notes:
        try:
            document_from_text(note, doc_id="note", source="note")
        except IngestError as error:
            refused.append((batch, number, str(error)))
    assert refused == []


@pytest.mark.parametrize(
    "name, text, error",
    [
        ("zh.txt", "周二，武装分子袭击了边境附近的一个检查站，造成三名士兵死亡。军方表示，袭击者已经逃离现场。",
         "not English text (reads as Chinese, 86%; English 0.0%)"),
        ("fr.txt", "Le gouvernement a annoncé mardi que trois soldats ont été tués dans une attaque près de la frontière.",
         "not English text (reads as French, 100%; English 0.0%)"),
        ("ar.txt", "قتل ثلاثة جنود يوم الثلاثاء في هجوم على نقطة تفتيش قرب الحدود، بحسب الجيش.",
         "not English text (reads as Arabic, 80%; English 0.0%)"),
        ("ru.txt", "Во вторник трое военнослужащих погибли в результате нападения на блокпост у границы.",
         "not English text (reads as Russian, 95%; English 0.0%)"),
        ("zero-width.txt", "\u200b\u200b\u200b\n\u200b\ufeff\u2060", "empty document (no text after removing boilerplate)"),
        ("boilerplate.txt", "Home\nMenu\nShare this:\nWorld\nSports\nContact us\nLeave a Reply\n",
         "no article text after cleaning (no line of 3 words)"),
        ("tag-soup.txt", "<div><span class='x'></span><b></b><i></i></div><p></p>", "no article text found in the HTML"),
        ("tags-in-text.txt", "[<b></b> <i>] <span></span> {<u>}", "no article text after cleaning (no line of 3 words)"),
        ("headline.txt", "Kabul blast", "no article text after cleaning (no line of 3 words)"),
        ("mixed-scripts.txt", "ｴ畛dv73Fﾒ3M巡", "no article text after cleaning (no line of 3 words)"),
    ],
)
def test_what_is_not_english_article_text_is_one_line_error(tmp_path, name, text, error):
    assert read(tmp_path, name, text.encode("utf-8")) == Failure(source=name, error=error)


def test_short_english_is_read_and_zero_width_characters_are_removed(tmp_path):
    assert read(tmp_path, "note.txt", b"SAF bomb Deribat. 2 farmers died.").text == "SAF bomb Deribat. 2 farmers died."
    document = read(tmp_path, "zw.txt", "Tal\u200biban fighters attacked\u00ad a checkpoint.\ufeff".encode("utf-8"))
    assert document.text == "Taliban fighters attacked a checkpoint."


def test_tiny_random_files_are_never_documents(tmp_path):
    generator = random.Random(5)
    outcomes = {}
    for size in range(1, 17):
        for copy in range(15):
            item = read(tmp_path, f"r{size}-{copy}.txt", bytes(generator.getrandbits(8) for _ in range(size)))
            assert isinstance(item, Failure), (size, copy, item)
            reason = item.error.split(" (")[0]
            outcomes[reason] = outcomes.get(reason, 0) + 1
    assert sum(outcomes.values()) == 240
