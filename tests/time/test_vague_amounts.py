"""Uncounted amounts ("a few days ago", "over the past several days") and a month told
with a year counted from publication ("in March last year")."""

from __future__ import annotations

from datetime import date

import pytest

from sitrep.time import resolve_text
from sitrep.time.rules import load_rules

FRI_APR_10 = date(2020, 4, 10)
MON_JUN_15 = date(2020, 6, 15)


def test_vague_amounts_are_data_with_the_fewest_before_the_most():
    amounts = load_rules().vague_amounts
    assert amounts["a few"] == (2, 4)
    assert amounts["few"] == (2, 4)
    assert amounts["a couple of"] == (2, 3)
    assert amounts["several"] == (3, 7)
    for words, (fewest, most) in amounts.items():
        assert 1 <= fewest < most, words


@pytest.mark.parametrize(("text", "published", "value", "precision"), [
    # approximate: from the most units before publication to the fewest, never publication itself
    ("a militia commander was shot dead a few days ago", FRI_APR_10, "2020-04-06/2020-04-08", "range"),
    ("police said they detained him few days ago", FRI_APR_10, "2020-04-06/2020-04-08", "range"),
    ("the convoy was ambushed a couple of days ago", FRI_APR_10, "2020-04-07/2020-04-08", "range"),
    ("the convoy was ambushed a couple days ago", FRI_APR_10, "2020-04-07/2020-04-08", "range"),
    ("the bridge was blown up several days ago", FRI_APR_10, "2020-04-03/2020-04-07", "range"),
    ("the village emptied some days ago", FRI_APR_10, "2020-04-03/2020-04-08", "range"),
    ("two envoys met a few days earlier.", date(2021, 3, 2), "2021-02-26/2021-02-28", "range"),
    # weeks are told by the week, as "two weeks ago" is; months and years by whole months and years
    ("the base was shelled a few weeks ago", FRI_APR_10, "2020-03-13/2020-03-27", "week"),
    ("the dam was seized a few months ago", FRI_APR_10, "2019-12-01/2020-02-29", "range"),
    ("the truce collapsed several years ago", FRI_APR_10, "2013-01-01/2017-12-31", "range"),
    # hours fall on the day of the report
    ("a market was hit a few hours ago", FRI_APR_10, "2020-04-10", "day"),
    # a span up to publication counts back the most
    ("over the past few days, 40 families fled", FRI_APR_10, "2020-04-06/2020-04-10", "range"),
    ("in the last several days", FRI_APR_10, "2020-04-03/2020-04-10", "range"),
    # a counted amount beside "some" is counted ("some 12 days ago")
    ("the camp was raided some 12 days ago", FRI_APR_10, "2020-03-29", "day"),
])
def test_an_uncounted_amount_reads_as_a_span_of_counts(text, published, value, precision):
    found = resolve_text(text, published, "past")
    assert found is not None, text
    assert (found[1].value, found[1].precision) == (value, precision)


def test_an_uncounted_amount_without_publication_is_no_date():
    found = resolve_text("a checkpoint was overrun a few days ago", None, "past")
    assert found is not None
    assert (found[1].value, found[1].precision) == (None, None)


def test_the_phrase_is_found_whole():
    written, _ = resolve_text("gunmen stormed the school a few days ago, residents said", FRI_APR_10, "past")
    assert written.text == "a few days ago"
    written, _ = resolve_text("Few days ago the governor resigned", FRI_APR_10, "past")
    assert written.text == "Few days ago"


@pytest.mark.parametrize(("text", "published", "value", "precision"), [
    # the year told beside the month wins over the nearest year of the month
    ("the offensive began in March last year", FRI_APR_10, "2019-03", "month"),
    ("the offensive began in March of last year", FRI_APR_10, "2019-03", "month"),
    ("the dam fell in June last year", MON_JUN_15, "2019-06", "month"),
    ("talks resumed in February this year", FRI_APR_10, "2020-02", "month"),
    ("the base was handed over in November the previous year", FRI_APR_10, "2019-11", "month"),
    ("the envoy was kidnapped on 5 March last year", FRI_APR_10, "2019-03-05", "day"),
    ("the envoy was kidnapped on March 5 of last year", FRI_APR_10, "2019-03-05", "day"),
    # "last June": the June before the one running, else the latest past
    ("the dam fell last June", MON_JUN_15, "2019-06", "month"),
    ("the dam fell last June", date(2020, 8, 3), "2020-06", "month"),
    ("the dam fell last March", FRI_APR_10, "2020-03", "month"),
])
def test_a_month_with_a_year_counted_from_publication(text, published, value, precision):
    found = resolve_text(text, published, "past")
    assert found is not None, text
    assert (found[1].value, found[1].precision) == (value, precision)


def test_the_month_and_its_year_are_one_expression():
    written, _ = resolve_text("fighting broke out in April of last year", FRI_APR_10, "past")
    assert written.text == "April of last year"


def test_a_possessive_year_is_not_the_months_year():
    # "in March, last year's winner" / "in March last year's offensive": the year belongs to the noun
    written, resolved = resolve_text("rebels regrouped in March last year's losses notwithstanding", FRI_APR_10, "past")
    assert written.text == "March"
    assert resolved.value == "2020-03"


def test_ago_takes_no_object_but_before_may():
    # "ago" and "earlier" end the phrase whatever follows; "before the vote" counts from the vote
    assert load_rules().ago_prepositions == ("before",)
    written, resolved = resolve_text("Three days ago the mayor of Tessit resigned", FRI_APR_10, "past")
    assert (written.text, resolved.value) == ("Three days ago", "2020-04-07")
    written, resolved = resolve_text("Two days earlier the army had withdrawn", FRI_APR_10, "past")
    assert (written.text, resolved.value) == ("Two days earlier", "2020-04-08")
    assert resolve_text("the polls closed two days before the vote count", FRI_APR_10, "past") is None
