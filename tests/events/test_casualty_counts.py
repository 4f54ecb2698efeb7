"""Tolls read from how a sentence phrases them (misses of the dev set, in our own words)."""

from __future__ import annotations

import pytest

from sitrep.events.counts import sentence_counts
from sitrep.text import load_nlp
from tests.events.reading import first
from tests.events.test_incidents import incidents


def counts(sentence: str) -> list[tuple[str, int | None, str | None]]:
    doc = load_nlp()(sentence)
    return [(c.field, c.value, c.side) for s in doc.sents for c in sentence_counts(s, [])]


def test_one_named_victim_among_a_toll_gives_the_toll():
    incident = first("The district police commander, Ahmad Karimi, among 9 killed in fighting with rebels in Kunduz "
                     "province on Sunday, officials said.")
    assert incident.killed == 9


def test_among_a_toll_told_with_a_noun():
    assert counts("A local commander was among 11 people killed in the raid.") == [("killed", 11, "civilian")]


def test_a_copular_toll_of_dead_and_wounded_keeps_each_figure():
    assert counts("The provisional toll is 18 dead and 21 wounded, residents said.") == [
        ("killed", 18, None), ("injured", 21, None)]


def test_left_one_dead_and_another_wounded():
    incident = first("On Friday a rebel attack in Kunduz province left one police officer dead and another wounded, "
                     "the governor said.")
    assert (incident.killed, incident.injured) == (1, 1)


def test_left_a_figure_more_injured():
    assert counts("The shelling killed eight soldiers and left 15 more injured.") == [
        ("killed", 8, "state"), ("injured", 15, None)]


def test_a_role_after_a_named_victim_is_no_second_victim():
    found = counts("The gunmen opened fire on the crowd, leaving seriously wounded Maria Lopez Diaz, guard and leader "
                   "of the local people, and the farmer Pedro Ruiz Vega.")
    assert found == [("injured", 2, "civilian")]


@pytest.mark.parametrize("sentence, expected", [
    ("Four guards were killed when two suicide bombers detonated themselves at the gate.",
     [("killed", 4, "state"), ("killed", 2, "nonstate")]),
    ("A suicide bomber blew himself up outside the ministry.", [("killed", 1, "nonstate")]),
    ("Two bombers detonated their vests near the market.", []),
])
def test_suicide_bombers_who_set_off_their_charge_die(sentence, expected):
    assert counts(sentence) == expected


def test_bombers_who_blew_themselves_up_add_to_the_toll():
    incident = first("Four policemen were killed and another 9 wounded when two suicide bombers detonated themselves "
                     "at a police station in Bannu district on Thursday.")
    assert (incident.killed, incident.injured) == (6, 9)


def test_cops_are_state_forces():
    assert counts("Militants shot dead two cops near the bazaar.") == [("killed", 2, "state")]


def test_who_a_describing_clause_names_is_not_who_was_counted():
    incident = first("A video showed a dozen men executed by cartel gunmen in the town of Apatzingan in Michoacan "
                     "state on Sunday.")
    assert (incident.acled_type, incident.acled_sub_type, incident.killed) == ("Violence against civilians", "Attack", 12)
    assert incident.count_notes == ["killed civilian: 12"]


def test_people_of_a_nation_are_civilians_not_its_forces():
    incident = first("Israeli soldiers killed two Palestinians in Jenin on Tuesday, the ministry said.")
    assert (incident.acled_type, incident.acled_sub_type, incident.killed) == ("Violence against civilians", "Attack", 2)


def test_a_death_told_only_to_say_who_someone_is_counts_nobody():
    assert counts("A relative said one of the men was the brother of a soldier who had been killed last year.") == []
    assert counts("Two soldiers who had been killed in the ambush were buried on Monday.") == [("killed", 2, "state")]


def test_a_conjunction_of_figures_for_two_sides_is_one_figure_per_side():
    assert counts("Five soldiers and 30 militants were killed in the assault, the army said.") == [
        ("killed", 5, "state"), ("killed", 30, "nonstate")]
    assert counts("At least 31 soldiers and three army auxiliaries were killed on Monday.") == [("killed", 34, "state")]


def test_a_figure_told_as_neutralised_is_noted_not_added():
    incident = first("Twelve soldiers were killed in an ambush by jihadists in Soum province on Monday, the army said. "
                     "According to the army, more than forty terrorists were neutralised in the fighting.")
    assert incident.killed == 12
    assert incident.count_notes == ["killed nonstate: at least 40 (told as neutralised, not added)", "killed state: 12"]


@pytest.mark.parametrize("sentence, expected", [
    ("No one was hurt in the blast.", [("injured", 0, None)]),
    ("No casualties or injuries were reported.", [("killed", 0, None), ("injured", 0, None), ("injured", 0, None)]),
    ("There were no deaths.", [("killed", 0, None)]),
])
def test_none_hurt_is_a_toll_of_nought(sentence, expected):
    assert counts(sentence) == expected


def test_no_casualties_after_an_event_told_without_a_toll_puts_it_at_nought():
    incident = first("Rockets fired by militants landed near an army base outside Kirkuk on Monday evening, a commander "
                     "said. No casualties or injuries were reported.")
    assert (incident.killed, incident.injured) == (0, 0)


def test_no_casualties_on_one_side_beside_a_toll_leaves_the_other_figures_open():
    incident = first("Soldiers killed two rebels in a clash in Bukidnon province on Sunday, the army said. The rebels "
                     "said they suffered no casualties.")
    assert (incident.killed, incident.injured) == (2, None)


def test_a_list_of_people_the_parser_took_for_an_apposition_counts_each():
    assert counts("The spokesman said that one soldier, a woman, her grandson and a 60-year-old man had been killed.") == [
        ("killed", 1, "state"), ("killed", 3, "civilian")]
    assert counts("The commander, a father and husband, was killed.") == [("killed", 1, None)]
    assert counts("Abdul Zahir, a policeman, was killed.") == [("killed", 1, "state")]


@pytest.mark.parametrize("text, killed, noted", [
    # the toll inside the shelling's own sentence is kept as a note, beside no toll
    ("Rebels shelled the port city of Mariupol on Sunday despite a truce that has brought some respite in a conflict "
     "that has killed more than 3,000.", None, True),
    # a sentence of its own telling the running total is no mention at all (specificity)
    ("Rebels shelled Mariupol on Sunday, killing two civilians. The insurgency has killed more than 5,000 people.", 2, False),
])
def test_a_wars_toll_so_far_is_noted_not_added(text, killed, noted):
    incident = first(text)
    assert incident.killed == killed
    assert any("the conflict's toll so far, not added" in note for note in incident.count_notes) is noted


def test_the_forces_of_a_group_the_kb_does_not_know_are_counted_as_its_fighters():
    # a state's forces are named by their state; "Forces" in an unknown group's name are rebels
    from sitrep.actors import resolve_actors
    from sitrep.ingest import document_from_text
    from sitrep.text import annotate

    adoc = annotate(document_from_text('The army said 12 "Lake Chad Liberation Forces" were killed near Bol.', doc_id="t", source="t"))
    found = [(c.field, c.value, c.side) for s in adoc.doc.sents for c in sentence_counts(s, resolve_actors(adoc))]
    assert found == [("killed", 12, "nonstate")]


def test_a_relative_clause_whose_second_verb_tells_the_death_counts_its_antecedent():
    found = first("Among the dead was a well-known teacher, Maria Gomez, who ran a women's cooperative in the valley and was killed on Monday.")
    assert (found.acled_type, found.killed, str(found.date)) == ("Violence against civilians", 1, "2021-06-14")


def test_former_fighters_killed_are_civilians_now():
    former = first("Gunmen killed two former rebel fighters in Cauca on Monday, police said.")
    serving = first("Gunmen killed two rebel fighters in Cauca on Monday, police said.")
    assert (former.acled_sub_type, former.killed) == ("Attack", 2)
    assert (serving.acled_sub_type, serving.killed) == ("Armed clash", 2)


def test_the_killing_and_wounding_of_a_number_is_one_combined_figure():
    # the gerund nouns joined tell one figure for the dead and the hurt together
    assert counts("The clashes resulted in the killing and wounding of 12 villagers.") == [("killed_or_injured", 12, "civilian")]
    assert counts("The feud has led to the killing and injuring of at least 31 herders, elders said.") == [
        ("killed_or_injured", 31, "civilian")]



def test_a_nationality_before_a_civilian_noun_makes_no_state_force():
    man = first("Israeli troops shot dead a Palestinian man in Hebron on Sunday.")
    women = first("Gunmen killed three Afghan women in Kunduz on Monday.")
    soldier = first("Palestinian gunmen shot dead an Israeli soldier in Hebron on Sunday.")
    assert [(i.acled_sub_type, i.killed) for i in (man, women, soldier)] == [("Attack", 1), ("Attack", 3), ("Armed clash", 1)]


def test_they_killed_when_the_counted_people_were_doing_something_are_those_people():
    # the pronoun subject of a "when" clause is the main clause's subject, counted there
    assert counts("Three shepherds were grazing goats near the river when they were killed in a drone strike.") == [
        ("killed", 3, "civilian")]


def test_a_singular_pronoun_does_not_take_a_plural_subject():
    assert counts("Three shepherds were grazing goats near the river when he was killed in a drone strike.") == []


@pytest.mark.parametrize("sentence, expected", [
    # the toll moved to a new figure, as object of a causative verb or as subject of a verb of rising
    ("Divers recovered the last bodies from the lake, bringing the death toll to 41.", [("killed", 41, None)]),
    ("The toll from the ferry fire climbed to 27 overnight.", [("killed", 27, None)]),
    ("The wounded toll rose to 63 by the evening.", [("injured", 63, None)]),
    # a bare "number" names no toll: moving it to a figure counts no one
    ("The mission raised the number of its observers to 500.", []),
])
def test_a_toll_moved_to_a_figure_gives_the_figure(sentence, expected):
    assert counts(sentence) == expected


def test_a_toll_taken_to_a_figure_is_the_toll_of_the_event_it_names():
    incident = first("Rescue teams dug more victims out of the collapsed school in Kunduz city on Thursday, taking "
                     "the death toll from Wednesday's bombing to 52, the provincial governor said.")
    assert (incident.acled_sub_type, incident.date, incident.killed) == ("Remote explosive/landmine/IED", "2021-06-16", 52)


def test_each_conjunct_the_parser_hung_on_the_verb_as_another_subject_is_counted():
    # "14 of the attackers" and "one soldier" both hang on "killed" as passive subjects
    incident = first("The army said 14 of the attackers and one soldier had been killed in the gunfight in Kunduz on Monday.")
    assert incident.killed == 15


@pytest.mark.parametrize("sentence, expected", [
    ("Two soldiers and four militants were killed in the gunfight in Kunduz on Monday.", 6),
    ("Police said 30 people, 14 of them children, were killed in the attack in Kunduz on Monday.", 30),
    ("Gunmen attacked a village in Kunduz on Monday, killing 30 people, 14 of them children.", 30),
])
def test_conjoined_figures_still_add_and_a_partitive_restating_the_total_does_not(sentence, expected):
    assert first(sentence).killed == expected


def test_a_part_the_parser_took_for_a_conjunct_restates_the_total():
    # "among them 14 children and a woman" hangs on "civilians" as a conjunct: they are of the 22
    assert first("Up to 22 civilians, among them 14 children and a pregnant woman, were killed when gunmen "
                 "attacked a village in Kunduz on Monday.").killed == 22
    assert first("Two soldiers and four of the militants were killed in the gunfight in Kunduz on Monday.").killed == 6


def test_figures_for_groups_sharing_one_noun_add_up():
    # "17 American and nine Kenyan soldiers": one noun, two figures each with its own modifier
    assert first("The group said its fighters had killed 17 American and nine Kenyan soldiers in Lamu on Sunday.").killed == 26
    assert first("Five or six soldiers were killed in Lamu on Sunday.").killed == 5


@pytest.mark.parametrize("sentence, expected", [
    ("Gunmen attacked a village in Kunduz on Monday, killing two people and burning 20 houses.", (2, None)),
    ("Gunmen attacked a village in Kunduz on Monday, killing three and burning five vehicles.", (3, None)),
    ("A mob burned two suspected thieves in Kunduz on Monday.", (None, 2)),
])
def test_a_verb_that_harms_things_as_often_as_people_counts_only_people(sentence, expected):
    incident = first(sentence)
    assert (incident.killed, incident.injured) == expected


def test_a_casualty_adjective_the_parser_gave_the_object_counts_it():
    # "a motorcycle shot" read as a noun: "dead" holds the object
    assert first("Far to the south, gunmen on a motorcycle shot dead a former rebel commander in the town of Tafas "
                 "in Daraa province on Monday evening, activists said.").killed == 1


def test_a_named_person_who_died_of_the_wounds_is_dead_not_wounded():
    incident = first("The governor of Kunduz, Ahmad Karimi, has died of wounds suffered in an ambush on Saturday, officials "
                     "said. The army said Karimi had been wounded when gunmen fired on his convoy.")
    assert (incident.killed, incident.injured) == (1, None)
    incident = first("Gunmen killed Ahmad Karimi and wounded Mohammad Karimi in Kunduz on Saturday.")
    assert (incident.killed, incident.injured) == (1, 1)


@pytest.mark.parametrize("sentence, expected", [
    ("The army said it killed more than 300 rebels in Kunduz on Saturday, losing five of its own soldiers.", 305),
    ("The Taliban lost 20 fighters in clashes with the army in Kunduz on Saturday.", 20),
    ("The rebels shot down a helicopter in Kunduz on Saturday, and the army lost two aircraft.", None),
])
def test_people_a_side_lost_are_its_dead(sentence, expected):
    assert first(sentence).killed == expected


@pytest.mark.parametrize("sentence, expected", [
    ("A number of soldiers were killed in clashes with the Taliban in Kunduz on Saturday.", None),
    ("The rebels said they had lost a handful of fighters in clashes with the army in Kunduz on Saturday.", None),
    ("A dozen of the soldiers were killed in clashes with the Taliban in Kunduz on Saturday.", 12),
    ("A member of the rebel group was killed in clashes with the army in Kunduz on Saturday.", 1),
])
def test_a_noun_telling_how_many_of_them_is_no_one_person(sentence, expected):
    assert first(sentence).killed == expected


def test_the_story_toll_in_all_is_noted_beside_an_events_own_and_is_the_toll_alone():
    from sitrep.events.incident import total_counts
    from sitrep.events.mentions import detect_mentions
    from sitrep.models import Document
    from sitrep.pipeline import run_stages
    from sitrep.text import annotate
    from tests.events.reading import OPTIONS

    adoc = annotate(Document(id="t", source="t", text="Soldiers fired on a crowd in Kunduz on Monday, killing another man. "
                                                     "In all, 14 civilians and a soldier had died, the governor said."))
    run_stages(adoc, OPTIONS)
    totals, notes = total_counts(detect_mentions(adoc))
    assert totals["killed"] == 1 and "killed: 14 in all the story tells (not added)" in notes
    assert counts("In total, 12 people were killed in the attack.") == [("killed", 12, "civilian")]
    assert first("Gunmen attacked a village in Kunduz on Monday. In total, 12 people were killed, officials said.").killed == 12


def test_the_wounded_counted_where_they_are_treated():
    found = incidents("Gunmen killed 41 people in an attack on a school in Mpondwe on Friday, police said. "
                      "Eight other people were being treated at Bwera hospital, he said.")
    assert [(i.killed, i.injured) for i in found] == [(41, 8)]
    # care given elsewhere, or with no one counted, tells no wounded
    found = incidents("Gunmen killed 41 people in an attack on a school in Mpondwe on Friday, police said. "
                      "The wounded were being treated at Bwera hospital. A nurse at the hospital treated 12 patients "
                      "for malaria on Tuesday.")
    assert [(i.killed, i.injured) for i in found] == [(41, None)]


def test_a_list_among_them_in_apposition_is_part_of_the_toll():
    found = incidents("Eight people, among them five park rangers and a French instructor, were killed when two "
                      "roadside bombs struck their patrol near Banikoara on Tuesday, the government said.")
    assert [i.killed for i in found] == [8]


def test_one_person_named_again_by_a_definite_phrase_is_one_of_the_toll():
    found = incidents("Eight soldiers, among them a French instructor, were killed when two roadside bombs struck "
                      "their patrol near Banikoara on Tuesday, the government said. France confirmed the death of "
                      "the French citizen.")
    assert [i.killed for i in found] == [8]
