"""Which expression governs a clause: the founding example's sentences and others."""

from __future__ import annotations

from datetime import date

import pytest

from sitrep.time import clause_tense, governing_time


def token_in(adoc, sentence_start: str, word: str, occurrence: int = 0):
    start = adoc.doc.text.index(sentence_start)
    sentence = adoc.doc.char_span(start, start + 1, alignment_mode="expand")[0].sent
    matches = [t for t in sentence if t.text == word]
    return matches[occurrence]


def governed(adoc, sentence_start: str, word: str, occurrence: int = 0):
    found = governing_time(adoc, token_in(adoc, sentence_start, word, occurrence).i)
    return None if found is None else (found.text, found.value)


def test_founding_said_on_friday_governs_said_not_released(founding):
    start = "Though the government released"
    assert governed(founding, start, "said") == ("Friday, April 10", "2020-04-10")
    assert governed(founding, start, "released", 0) == ("last Wednesday and Thursday", "2020-04-08/2020-04-09")
    assert governed(founding, start, "released", 1) is None  # the reported release is not dated


def test_founding_badakhshan_clash_last_friday(founding):
    start = "In latest confrontation"
    assert governed(founding, start, "killed") == ("last Friday", "2020-04-10")
    assert governed(founding, start, "wounded") == ("last Friday", "2020-04-10")
    assert governed(founding, start, "according") is None  # the ministry's report is not dated


def test_founding_meeting_held_last_friday(founding):
    assert governed(founding, "According to Mr. Shaheen", "held") == ("last Friday, April 10", "2020-04-10")
    assert governed(founding, "According to Mr. Shaheen", "According") is None


def test_founding_tweets(founding):
    assert governed(founding, "Spokesperson for the Taliban", "said") == ("yesterday, April 11", "2020-04-11")
    assert governed(founding, "Spokesperson for the Taliban", "discussed") is None
    quote = "“Prisoners of the Islamic Emirate"
    assert governed(founding, quote, "said") == ("April 07", "2020-04-07")
    assert governed(founding, quote, "released") is None


def test_founding_week_expressions(founding):
    assert governed(founding, "A week earlier", "accused") == ("A week earlier", "2020-04-02/2020-04-08")
    assert governed(founding, "Last week, the Taliban", "threatened") == ("Last week", "2020-04-05/2020-04-11")


def test_founding_mentions_are_spans_of_the_text(founding):
    text = founding.doc.text
    assert [m.text for m in founding.times] == [text[m.start : m.end] for m in founding.times]
    assert [m.start for m in founding.times] == sorted(m.start for m in founding.times)


def test_sentence_without_time_gives_none(annotate):
    adoc = annotate("The Taliban attacked a checkpoint in Kunduz. Police said on Monday that five died.", date(2020, 4, 15))
    assert governing_time(adoc, token_in(adoc, "The Taliban", "attacked").i) is None


def test_participle_takes_main_clause_time(annotate):
    adoc = annotate("Insurgents attacked a police post on Monday, killing five officers.", date(2020, 4, 15))
    assert governed(adoc, "Insurgents", "killing") == ("Monday", "2020-04-13")


def test_simultaneous_clause_lends_its_time(annotate):
    text = "Colombia and the ELN agreed to start talks on a cease-fire as the second round of dialogue ended Friday in Mexico."
    adoc = annotate(text, date(2023, 3, 11))
    assert governed(adoc, "Colombia", "agreed") == ("Friday", "2023-03-10")


def test_time_on_trigger_noun(annotate):
    adoc = annotate("The attack carried out on Monday killed five people.", date(2020, 4, 15))
    assert governed(adoc, "The attack", "attack") == ("Monday", "2020-04-13")


def test_according_to_a_dated_report(annotate):
    text = (
        "Terrorists murdered five people on Tuesday in Macomia district, according to a report in "
        "Wednesday's issue of the newssheet."
    )
    adoc = annotate(text, date(2019, 8, 28))
    assert governed(adoc, "Terrorists", "murdered") == ("Tuesday", "2019-08-27")
    assert governed(adoc, "Terrorists", "according") == ("Wednesday's", "2019-08-28")


@pytest.mark.parametrize(
    ("text", "expression", "tense"),
    [
        ("The Taliban attacked the district on Thursday.", "Thursday", "past"),
        ("27 Taliban have been killed and nine others wounded last Friday.", "last Friday", "past"),
        ("The talks will resume on Monday.", "Monday", "future"),
        ("The three-day Eid is to be observed on Sunday.", "Sunday", "future"),
        ("Officials say the road is closed today.", "today", "present"),
    ],
)
def test_clause_tense(nlp, text, expression, tense):
    doc = nlp(text)
    start = text.index(expression)
    assert clause_tense(doc, start, start + len(expression)) == tense


@pytest.mark.parametrize(
    ("text", "word", "expected"),
    [
        # the parser may hang the time on a word it takes for the root: the opening date still frames the sentence
        ("On 12 June 2019, striking nurses marched to the ministry demanding back pay.", "marched", "2019-06-12"),
        ("On 3 March 2021, suspected bandits kidnapped four farmers near the river.", "kidnapped", "2021-03-03"),
        ("Around 7 July 2018 (as reported), in the market town, gunmen shot dead a trader.", "shot", "2018-07-07"),
    ],
)
def test_a_time_that_opens_the_sentence_frames_its_clauses(annotate, text, word, expected):
    adoc = annotate(text, None)
    found = governing_time(adoc, token_in(adoc, text[:10], word).i)
    assert found is not None and found.value == expected


def test_an_opening_time_does_not_date_what_a_speaker_reports(annotate):
    text = "On Monday, the governor said that gunmen had torched a school."
    adoc = annotate(text, date(2021, 3, 10))
    assert governed(adoc, "On Monday", "said") == ("Monday", "2021-03-08")
    assert governed(adoc, "On Monday", "torched") is None


def test_a_participle_on_a_noun_shares_its_clause_time(annotate):
    text = "Observers recorded on Friday some forty explosions involving mortars near the airport."
    adoc = annotate(text, date(2020, 5, 10))
    assert governed(adoc, "Observers", "involving") == ("Friday", "2020-05-08")


def test_a_named_day_wins_over_a_vaguer_span_in_one_clause(annotate):
    text = "Six guards were killed in an overnight raid on the depot on Monday."
    adoc = annotate(text, date(2023, 11, 8))
    assert governed(adoc, "Six guards", "killed") == ("Monday", "2023-11-06")
    assert governed(adoc, "Six guards", "raid") == ("Monday", "2023-11-06")


def test_the_page_stamp_on_a_line_dates_no_event(annotate):
    text = " date 2022-05-04 At least nine villagers were killed in a raid on Tuesday, officials said."
    adoc = annotate(text, date(2022, 5, 4))
    assert [m.text for m in adoc.times] == ["Tuesday"]
    assert governed(adoc, "At least", "killed") == ("Tuesday", "2022-05-03")


def test_a_time_after_the_noun_dates_the_noun_and_the_one_before_dates_the_verb():
    from tests.events.reading import first

    incident = first("The rebels on Monday claimed responsibility for a raid on a police post in Gao late on Saturday.")
    assert (incident.date, incident.date_text) == ("2021-06-12", "Saturday")
    incident = first("Police on Tuesday detained three men over the bombing of a bus depot in Kano on Sunday.")
    assert (incident.date, incident.date_text) == ("2021-06-13", "Sunday")


@pytest.mark.parametrize("sentence", [
    "Four villagers were killed in the deadliest raid on the district this year, a local chief said.",
    "Two policemen died in the second ambush on the highway this month.",
])
def test_a_year_or_month_a_ranking_runs_over_is_not_the_date(sentence):
    from tests.events.reading import first

    incident = first(sentence)
    assert (incident.date, incident.date_text) == (None, None)


def test_a_year_that_is_no_ranking_scope_still_dates():
    from tests.events.reading import first

    assert first("Four villagers were killed in Kandahar this year.").date == "2021"


def test_a_length_of_time_up_to_now_is_a_span_ending_on_the_report():
    from tests.events.reading import first

    incident = first("Fighting between two clans, which has been going on for four days, has killed 12 herders.")
    assert (incident.date, incident.date_text) == ("2021-06-12/2021-06-16", "for four days")


def test_a_length_of_time_in_the_past_dates_nothing():
    from tests.events.reading import first

    incident = first("The two clans fought for four days, killing 12 herders.")
    assert (incident.killed, incident.date, incident.date_text) == (12, None, None)


def test_a_subject_among_events_dated_by_a_participle_shares_their_day():
    from tests.events.reading import first

    incident = first("The shelling was among 30 breaches of the truce carried out by the army on Monday, the rebels said.")
    assert (incident.date, incident.date_text) == ("2021-06-14", "Monday")


@pytest.mark.parametrize(("text", "expected"), [
    # a quotation's "yesterday" counts from the day the quote was written, when the text dates it
    ('"The army shelled our positions yesterday near the border," the rebel spokesman wrote on Twitter on Sunday.',
     {"yesterday": "2020-04-11", "Sunday": "2020-04-12"}),
    ('"The army shelled our positions yesterday near the border," the rebel spokesman wrote on Friday.',
     {"yesterday": "2020-04-09", "Friday": "2020-04-10"}),
    # undated saying, or a "yesterday" outside the quotation: from publication
    ('"The army shelled our positions yesterday near the border," the rebel spokesman said.', {"yesterday": "2020-04-12"}),
    ('The rebels said on Sunday that the army shelled their positions yesterday.', {"Sunday": "2020-04-12", "yesterday": "2020-04-12"}),
    # ... unless publication's yesterday comes after the saying: then the sayer's is meant
    ('The rebels said on Friday that the army shelled their positions yesterday.', {"Friday": "2020-04-10", "yesterday": "2020-04-09"}),
    ('Gunmen killed four traders in an overnight raid on the village, the police said on Saturday.',
     {"overnight": "2020-04-10/2020-04-11", "Saturday": "2020-04-11"}),
])
def test_a_quotation_counts_from_the_day_it_was_said(annotate, text, expected):
    adoc = annotate(text, date(2020, 4, 13))
    assert {t.text: t.value for t in adoc.times} == expected


def test_a_quotation_left_unclosed_is_no_quotation():
    from sitrep.time.governance import quotations

    text = "“This happened at dawn, said the colonel. “The fight goes on.” Then \"we left,\" he said."
    assert [text[a:b] for a, b in quotations(text)] == ["“The fight goes on.”", "\"we left,\""]


def test_a_day_in_the_source_phrase_never_dates_a_verb_the_phrase_hangs_on(annotate):
    # the second verb carries the event's day; the first verb carries the "according to" phrase
    text = (
        "Gunmen robbed and burned three shops on Sunday in Mueda district, in the north of the "
        "province, according to an account in Monday's edition of the weekly bulletin."
    )
    adoc = annotate(text, date(2019, 8, 28))
    assert governed(adoc, "Gunmen", "robbed") == ("Sunday", "2019-08-25")
    assert governed(adoc, "Gunmen", "according") == ("Monday's", "2019-08-26")
