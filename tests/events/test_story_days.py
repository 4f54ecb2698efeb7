"""Which day an undated sentence of a story tells: the one the story just told, unless
the sentence opens an event of its own; and the day a sentence takes from the story
("hours after", "the same day") is the day the sentences going on from it tell."""

from __future__ import annotations

from sitrep.events.mentions import detect_mentions
from sitrep.models import Document
from sitrep.pipeline import extract_text, run_stages
from sitrep.text import annotate
from tests.events.reading import OPTIONS


def opening(text: str) -> list[tuple[str, bool, bool]]:
    """Each mention's first words, whether it opens an event of its own, and whether it
    only tells one more victim."""
    adoc = annotate(Document(id="t", source="t", text=text))
    run_stages(adoc, OPTIONS)
    return [(m.sentence.text.strip()[:10], m.new_event, m.one_more) for m in detect_mentions(adoc)]


def dates(text: str) -> list[tuple[str, str | None]]:
    return [(i.evidence.text[:10], i.date) for i in extract_text(text, options=OPTIONS).incidents]


def test_an_ordinal_on_a_victim_is_one_more_victim_apart_from_the_event_told():
    assert opening("Gunmen killed two herders in Kunduz province on Monday.\n"
                   "The third victim was seized by the gunmen near the river.") == [
        ("Gunmen kil", False, False), ("The third ", True, True)]


def test_an_ordinal_on_an_event_noun_opens_an_event_of_its_own():
    assert opening("A bomb exploded at a market in Kunduz province on Monday, killing four people.\n"
                   "A second blast wounded two policemen near the city.") == [
        ("A bomb exp", False, False), ("A second b", True, False)]


def test_one_more_victim_is_told_on_the_day_just_told():
    found = dates("Gunmen killed two herders in Kunduz province on Monday.\n"
                  "The third victim was seized by the gunmen near the river.")
    assert found[-1] == ("The third ", "2021-06-14")


def test_a_second_blast_takes_no_day_from_the_sentence_before():
    found = dates("A bomb exploded at a market in Kunduz province on Monday, killing four people.\n"
                  "A second blast wounded two policemen near the city.")
    assert found == [("A bomb exp", "2021-06-14"), ("A second b", None)]


def test_the_day_hours_after_gives_is_the_day_of_the_sentences_that_go_on():
    # the raid takes Monday from the accusations told that day; the next undated report goes on with it
    found = dates("The two sides traded accusations on Monday over breaches of a new truce.\n"
                  "Rebels raided an army post in Kunduz province just hours after the truce took effect, the army said.\n"
                  "The rebels also fired rockets at troops in Baghlan province.")
    assert found == [("Rebels rai", "2021-06-14"), ("The rebels", "2021-06-14")]


def test_a_leads_month_yields_to_the_days_a_later_sentence_tells_inside_it():
    assert dates("Gunmen killed at least 20 villagers in Kunduz province late last month, officials said on Tuesday.\n"
                 "The gunmen attacked the villages on May 20, the officials said.") == [("Gunmen kil", "2021-05-20")]


def test_a_leads_week_yields_to_a_day_of_its_month_told_later():
    # "last week" is coded as its month; a day of that month told of the same killings is finer
    assert dates("Soldiers shot dead 14 herders near Kunduz city last week, a rights group said on Tuesday.\n"
                 "The soldiers opened fire on the herders on Friday, June 11, the group said.") == [("Soldiers s", "2021-06-11")]


def test_a_day_outside_the_leads_month_does_not_move_it():
    found = dates("Gunmen killed at least 20 villagers in Kunduz province late last month, officials said on Tuesday.\n"
                  "The gunmen attacked the villages again on June 14, killing three more people, the officials said.")
    assert found[0] == ("Gunmen kil", "2021-05")


def test_a_condemned_bombing_gives_the_toll_told_next_its_day():
    # the condemnation tells the one bombing again (singular, definite), with its day and place
    found = extract_text("The interior ministry condemned the bombing at a bus station in Kunduz city on Monday.\n"
                         "Six people were killed and 30 wounded when the device went off, police said.",
                         options=OPTIONS).incidents
    assert [(i.date, i.admin1, i.killed, i.injured) for i in found] == [("2021-06-14", "Kunduz", 6, 30)]


def test_condemned_attacks_in_general_tell_no_event():
    assert extract_text("The interior ministry condemned attacks on bus stations in Kunduz province.",
                        options=OPTIONS).incidents == []


def test_a_closing_participle_hung_on_a_clause_inside_the_act_takes_the_acts_day():
    # the parser hangs ", killing 40" on "to carry them", deep in the "as" clause; the day is the strike's
    assert dates("Rockets struck a bus depot in Kunduz city on Monday morning as hundreds of families waited for "
                 "buses to take them south, killing at least 40, the governor said.") == [("Rockets st", "2021-06-14")]


def test_an_event_told_a_day_later_is_on_the_day_after_the_day_just_told():
    found = dates("Gunmen ambushed a police patrol in Kunduz province on Monday, killing four officers.\n"
                  "A day later, soldiers came under fire from gunmen near the town of Imam Sahib.")
    assert found == [("Gunmen amb", "2021-06-14"), ("A day late", "2021-06-15")]


def test_the_next_afternoon_and_two_days_later_move_the_story_on_and_what_goes_on_follows():
    found = dates("Gunmen ambushed a police patrol in Kunduz province on Monday, killing four officers.\n"
                  "The next afternoon, a crowd set fire to a police post in Baghlan province, killing one man.")
    assert found[-1] == ("The next a", "2021-06-15")
    found = dates("Gunmen ambushed a police patrol in Kunduz province on Sunday, killing four officers.\n"
                  "Two days later, a crowd set fire to a police post in Baghlan province, killing one man.\n"
                  "The crowd also looted several shops.")
    assert found[1:] == [("Two days l", "2021-06-15"), ("The crowd ", "2021-06-15")]


def test_an_offset_past_publication_is_no_day_of_the_story():
    # Tuesday plus two is after a Wednesday report: no day after the report is given
    found = dates("Gunmen ambushed a police patrol in Kunduz province on Tuesday, killing four officers.\n"
                  "Two days later, a crowd set fire to a police post in Baghlan province, killing one man.")
    assert found[0] == ("Gunmen amb", "2021-06-15")
    assert found[-1][0] == "Two days l" and (found[-1][1] or "") <= "2021-06-16"


def test_an_event_in_the_early_hours_with_no_day_named_is_on_the_reports_day():
    # the truce's midnight is no day told; a day dated in the background is not the event's
    found = dates("A truce for the province came into force at midnight.\n"
                  "A monitoring group said five soldiers and four rebels were killed in fighting near Kunduz in the early hours.")
    # (the truce coming into force is an incident of its own, the agreement begun)
    assert [evidence for evidence, _ in found] == ["A truce fo", "A monitori"]
    assert found[1] == ("A monitori", "2021-06-16")


def test_the_early_hours_of_a_named_day_are_that_days():
    found = dates("A monitoring group said five soldiers were killed in fighting near Kunduz in the early hours of Monday.")
    assert found == [("A monitori", "2021-06-14")]


def test_the_early_hours_go_on_with_the_day_the_story_is_telling():
    found = dates("Gunmen attacked a checkpoint near Kunduz on Monday, killing two soldiers.\n"
                  "In the early hours, rebels shelled an army post in Baghlan province, killing one soldier.")
    assert found == [("Gunmen att", "2021-06-14"), ("In the ear", "2021-06-14")]


def test_an_event_a_clause_places_days_before_the_event_told_is_on_that_earlier_day():
    found = dates("Militants stormed an army base in Lamu on Monday, killing three soldiers, the army said.\n"
                  "The raid came three days after suspected militants opened fire on a bus near Witu, killing two people, "
                  "police said.")
    assert found == [("Militants ", "2021-06-14"), ("The raid c", "2021-06-11")]


def test_an_offset_that_dates_the_saying_does_not_move_the_event():
    # "said two days later": the saying's day, not the event's
    found = dates("Gunmen ambushed a police patrol in Kunduz province on Sunday, killing four officers.\n"
                  "The army said two days later that soldiers had killed three gunmen in Baghlan province.")
    assert found[-1][0] == "The army s" and found[-1][1] in (None, "2021-06-13")


def test_a_deals_day_is_no_day_for_the_fighting_told_after_it():
    # the truce announced on Monday; the clashes "in the early hours" are of the report's day
    found = dates("The truce was announced in Moscow on Monday by the two presidents after six hours of talks.\n"
                  "A monitoring group said five soldiers and four rebels were killed in fighting near Saraqeb in the early hours.")
    assert found == [("The truce ", "2021-06-14"), ("A monitori", "2021-06-16")]
