"""Publication dates: metadata, URL, stamps and datelines, inference from the text."""

from __future__ import annotations

import json
from datetime import date

import pytest

from sitrep.models import Document
from sitrep.time import collection_year, resolve_publication
from tests.conftest import DEV, needs_shared

TODAY = date(2026, 11, 29)


def publication(text: str, url: str | None = None, **options):
    options.setdefault("today", TODAY)
    return resolve_publication(Document(id="t", source="t", url=url, text=text), **options)


def test_founding_example_is_inferred(founding_text, nlp):
    found = resolve_publication(Document(id="d", source="d", text=founding_text), nlp(founding_text), today=TODAY)
    assert (found.value, found.basis, found.candidates) == (date(2020, 4, 12), "inferred", ())
    assert "yesterday, April 11" in found.text and "February 29" in found.text


def test_founding_example_without_parse(founding_text):
    assert publication(founding_text).value == date(2020, 4, 12)


def test_without_leap_day_the_year_stays_open():
    text = "He said in a tweet posted yesterday, April 11, that the meeting was held last Friday, April 10."
    found = publication(text)
    assert found.value is None and found.basis is None
    assert found.candidates == (date(2026, 4, 12), date(2020, 4, 12), date(2015, 4, 12), date(2009, 4, 12), date(1998, 4, 12))


def test_assume_year_narrows_inference():
    text = "He said in a tweet posted yesterday, April 11, that the meeting was held last Friday, April 10."
    assert publication(text, assume_year=2015).value == date(2015, 4, 12)
    assert publication(text, assume_year=2016).value is None  # April 10, 2016 was a Sunday


def test_hint_wins_over_everything():
    found = publication("Sunday June 28, 2016\nKabul (BNA) ...", url="https://x.af/2019/01/02/a", hint=date(2020, 1, 1))
    assert (found.value, found.basis) == (date(2020, 1, 1), "metadata")


def test_metadata_is_kept():
    document = Document(id="t", source="t", text="Tuesday June 28, 2016", published=date(2016, 6, 29), published_basis="metadata")
    assert resolve_publication(document, today=TODAY).value == date(2016, 6, 29)


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://anews.com.tr/americas/2023/03/11/colombian-government/amp", date(2023, 3, 11)),
        ("https://allafrica.com/stories/201908280763.html", date(2019, 8, 28)),
        ("https://example.org/news/2020-04-12-taliban-talks", date(2020, 4, 12)),
        ("https://reporterly.net/live/newsfeed/sunday-june-28-2020/16-taliban", date(2020, 6, 28)),
    ],
)
def test_url_dates(url, expected):
    found = publication("No date here.", url=url)
    assert (found.value, found.basis) == (expected, "url")


def test_url_year_and_month_narrow_a_dateline_without_year():
    text = "KABUL, April 12 (Pajhwok) - Officials said on Sunday that talks resumed."
    found = publication(text, url="https://example.org/news/2020/apr/some-story")
    assert (found.value, found.basis) == (date(2020, 4, 12), "dateline")


def test_url_without_date_is_ignored():
    assert publication("On Monday the Taliban attacked.", url="https://tolonews.com/afghanistan-172272").value is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (" date 2020-12-23 AT News\n\nKABUL: Officials said ...", date(2020, 12, 23)),
        ("Security\n\nFourteen Taliban Killed\n\nTuesday June 28, 2016\n\nKabul (BNA) At least 14 ...", date(2016, 6, 28)),
        ("Title\n- Published Date: 08:59 | 11 March 2023\nBody text follows here.", date(2023, 3, 11)),
        ("Body of the story ended on Sunday.\n\nLatest from Newsfeed; Sunday, June 28 2020", date(2020, 6, 28)),
        ("Posted on 3 Hoot 1398\nThe governor said ...", date(2020, 2, 22)),
    ],
)
def test_stamps(text, expected):
    found = publication(text)
    assert (found.value, found.basis) == (expected, "dateline")


def test_body_dates_are_not_stamps():
    text = "Negotiations with the ELN began on 13 February 2023 in Mexico, officials said on Monday in Bogota."
    assert publication(text).value is None


def test_relative_weekday_without_year_gives_none():
    assert publication("Taliban attacked a checkpoint on Monday night, officials said yesterday.").value is None


def test_solar_hijri_today_anchor():
    text = "Kabul governor said today (Saturday, 16 Asad) that the road had reopened."
    found = publication(text)
    assert found.value is None
    assert found.candidates == (date(2021, 8, 7), date(2016, 8, 6), date(2010, 8, 7), date(1999, 8, 7))
    assert publication(text, assume_year=2021).value == date(2021, 8, 7)


def test_calendar_pair_must_name_one_day():
    text = "Kabul governor said today (Saturday, 16 Asad / August 7) that the road had reopened."
    found = publication(text)
    assert found.candidates == (date(2021, 8, 7), date(2010, 8, 7), date(1999, 8, 7))  # 16 Asad 1395 was August 6


def test_future_dates_are_not_publication_dates():
    assert publication("Published: 11 March 2030\nThe talks will resume.").value is None


def test_collection_year():
    assert collection_year([date(2020, 4, 12), None, date(2020, 6, 1), date(2019, 1, 1)]) == 2020
    assert collection_year([None, None]) is None


@needs_shared(DEV)
def test_dev_publication_accuracy():
    """Every dev article, read from its text alone (the scorer hands sitrep no URL)."""
    right = total = 0
    for path in sorted(DEV.glob("*.json")):
        gold = json.loads(path.read_text(encoding="utf-8"))
        found = publication(gold["text"])
        expected = date.fromisoformat(gold["published"]) if gold["published"] else None
        right += found.value == expected
        total += 1
    assert total >= 10
    assert right / total >= 0.9
    assert right == total


def test_a_numeric_stamp_with_the_day_first_is_read():
    from sitrep.models import Document
    from sitrep.time import resolve_publication

    document = Document(id="x", source="x", text="Insurgents attack Palma\nPosted 30/03/2021 14:05\nThe attack began on Wednesday.")
    assert resolve_publication(document, today=date(2026, 1, 1)).value == date(2021, 3, 30)


@pytest.mark.parametrize("written, expected", [("30/03/2021", "2021-03-30"), ("03/30/2021", "2021-03-30"), ("05.05.2020", "2020-05-05"), ("03/04/2021", None), ("31/02/2021", None)])
def test_numeric_dates_only_when_the_order_is_certain(written, expected):
    from sitrep.time.expressions import scan

    found = [e for e in scan(f"Posted {written}") if e.kind == "absolute"]
    value = f"{found[0].year:04d}-{found[0].month:02d}-{found[0].day:02d}" if found else None
    assert value == expected
