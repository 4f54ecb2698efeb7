"""Accounts: one incident per physical event and per source that tells it with figures of
its own (sentences we wrote)."""

from __future__ import annotations

from tests.events.test_incidents import incidents


def summary(found):
    return [(i.killed, i.injured, i.reported_by.mention if i.reported_by else None, i.claim_status) for i in found]


def test_sources_that_give_different_tolls_are_accounts_of_their_own():
    found = incidents(
        "Warplanes struck a fuel depot in Maarat al-Numan on Monday. "
        "A monitoring group said the strikes killed 31 people. "
        "A local rescue team said 26 people were killed in the strikes."
    )
    assert summary(found) == [(31, None, "A monitoring group", "reported"), (26, None, "A local rescue team", "reported")]
    assert [i.date for i in found] == ["2021-06-14", "2021-06-14"]
    assert [m.text for m in found[0].mentions] == [
        "A monitoring group said the strikes killed 31 people.", "Warplanes struck a fuel depot in Maarat al-Numan on Monday."]


def test_a_source_that_confirms_the_toll_and_adds_the_wounded_tells_the_same_account():
    found = incidents(
        "Insurgents stormed a police post in Ghazni province on Sunday, killing nine officers, local officials said. "
        "The provincial governor said that besides the nine dead, six officers were wounded in the assault."
    )
    assert [(i.killed, i.injured) for i in found] == [(9, 6)]


def test_one_named_victim_is_a_detail_of_the_toll_not_another_account():
    found = incidents(
        "Twelve people were killed when shells hit a market in Donetsk on Friday, the city council said. "
        "A volunteer medic said one of his colleagues was killed in the shelling."
    )
    assert [(i.killed, i.reported_by.mention) for i in found] == [(12, "the city council")]


def test_a_source_is_read_whole_before_it_is_set_beside_the_story():
    found = incidents(
        "Troops killed 18 militants in an operation in Dand district on Sunday, the defence ministry said. "
        "Eleven more were wounded in the operation, the ministry added. "
        "A provincial police spokesman, Ahmad Sultani, said 18 militants were killed in the operation. "
        "He said nine militants were wounded."
    )
    assert [(i.killed, i.injured) for i in found] == [(18, 11), (18, 9)]


def test_one_man_killed_is_a_toll_that_can_contradict():
    found = incidents(
        "The rebels said one man was killed by shelling from government positions in Horlivka on Saturday. "
        "An army spokesman said four civilians were killed in the shelling of Horlivka."
    )
    assert [i.killed for i in found] == [1, 4]


def test_the_place_of_an_event_is_read_from_what_was_reported():
    [incident] = incidents(
        "A source quoted by the Qatari news agency QNA said gunmen attacked a clinic in Marib on Monday, killing three guards."
    )
    assert (incident.country, incident.admin1, incident.killed) == ("YE", "Marib", 3)


def test_one_person_a_witness_tells_of_is_within_the_toll_not_a_second_account():
    text = ("Security forces fired live ammunition into a crowd of protesters in Nasiriya on Friday, wounding 47 people, "
            "a human rights monitor said. A witness was quoted as saying by Amnesty that one protester was shot in the head.")
    assert [(i.injured, len(i.mentions)) for i in incidents(text)] == [(47, 2)]


def test_each_party_to_the_fighting_gives_its_own_account_even_when_the_figures_agree():
    found = incidents(
        "Troops and rebels clashed near Maramag in Bukidnon on Tuesday. "
        "The army said three rebels were killed in the fighting. "
        "A rebel spokesman speaking on behalf of the New People's Army said two soldiers were killed and five wounded in the fighting."
    )
    assert [(i.killed, i.injured) for i in found] == [(3, None), (2, 5)]


def test_a_second_source_of_the_same_party_joins_its_account():
    found = incidents(
        "Troops and rebels clashed near Maramag in Bukidnon on Tuesday. "
        "The army said three rebels were killed in the fighting. "
        "Colonel Ramon Santos, an army brigade commander, said three rebels were killed in the fighting."
    )
    assert [(i.killed, i.injured) for i in found] == [(3, None)]


def test_two_accounts_in_one_sentence_are_two_incidents():
    found = incidents(
        "The general said seven soldiers died in the attack on the base in Kismayo on Saturday, "
        "while the militants put the number at 15."
    )
    assert [(i.killed, i.reported_by.mention) for i in found] == [(7, "The general"), (15, "the militants")]
    assert found[0].evidence.text == found[1].evidence.text


def test_a_toll_given_as_a_figure_is_a_count():
    [incident] = incidents("A police source confirmed the attack on the village of Sogo on Sunday but gave the death toll as 19.")
    assert (incident.killed, incident.count_notes) == (19, ["killed unspecified: 19"])
    [incident] = incidents("A number of people were wounded when a bomb went off at the market in Sogo on Sunday.")
    assert incident.killed is None


def test_a_monitor_that_counts_another_side_is_no_party_with_an_account_of_its_own():
    found = incidents(
        "Troops and rebels clashed near Maramag in Bukidnon on Tuesday. "
        "The rebels said three soldiers were killed in the fighting. "
        "Human Rights Watch said two civilians were killed in the fighting."
    )
    assert [(i.killed, i.injured) for i in found] == [(5, None)]


def test_another_source_that_counts_more_dead_than_the_story_gives_its_own_larger_toll():
    found = incidents(
        "Four soldiers were killed and four wounded in an air strike near Homs on Monday, state media said. "
        "A war monitor, the Syrian Network, said it had documented two additional fighters killed in the strikes."
    )
    assert [(i.killed, i.injured, i.reported_by.name) for i in found] == [(4, 4, "State media"), (6, None, "War monitor")]
    assert [i.date for i in found] == ["2021-06-14", "2021-06-14"]


def test_a_later_source_that_repeats_an_account_s_figure_joins_that_account():
    found = incidents(
        "Gunmen attacked a village near Mopti on Saturday. "
        "Residents said 14 people were killed. "
        "A police source said 16 people were killed in the attack. "
        "A local mayor also said that 16 villagers had been killed by the gunmen."
    )
    assert [(i.killed, len(i.mentions)) for i in found] == [(14, 2), (16, 2)]


def test_a_quoted_perfect_does_not_date_an_account_first_told_in_the_past():
    # the account is first told in the simple past with no day: no date, though its source
    # goes on to say "have been killed"
    found = incidents(
        "Residents said three farmers were killed in a village in Khost province, but the rebels said soldiers killed 11. "
        "\"Eleven civilians have been killed in their homes,\" a rebel spokesman said."
    )
    assert [(i.killed, i.date) for i in found] == [(3, None), (11, None)]


def test_a_toll_told_so_far_is_part_of_a_larger_total_not_another_account():
    found = incidents(
        "Nine militants were killed and 20 others wounded when fighting broke out in Faryab province on Monday, police said. "
        "\"The fighting began at dawn in two villages and so far nine insurgents have been killed and four wounded,\" a district official said."
    )
    assert [(i.killed, len(i.mentions)) for i in found] == [(9, 2)]


def test_a_smaller_toll_not_told_as_so_far_still_contradicts():
    found = incidents(
        "Nine militants were killed and 20 others wounded when fighting broke out in Faryab province on Monday, police said. "
        "\"Nine insurgents were killed and four wounded in the fighting,\" a district official said."
    )
    assert [(i.killed, i.injured) for i in found] == [(9, 20), (9, 4)]


def test_a_separatist_government_counting_civilians_is_the_other_partys_account():
    found = incidents(
        "The government said 12 \"Lake Chad Liberation Forces\" were killed by the army near Bol on Saturday. "
        "The Boranu Interim Government announced that 9 civilians were killed by troops loyal to the regime."
    )
    assert [(i.acled_type, i.killed, i.reported_by.mention if i.reported_by else None) for i in found] == [
        ("Battles", 12, "The government"), ("Violence against civilians", 9, "The Boranu Interim Government")]


def test_two_states_counting_the_dead_of_one_raid_are_two_accounts():
    # the Palestinian health ministry is no actor the index knows: its last word makes it a
    # body of the Palestinian state, the other side to the Israeli army
    found = incidents(
        "Israeli troops raided the Nur Shams camp near Tulkarm on Monday. "
        "The Palestinian health ministry said nine Palestinians had been killed by Israeli fire during the raid. "
        "The Israeli military said its forces had killed nine gunmen in the raid."
    )
    assert [(i.killed, i.reported_by.mention) for i in found] == [
        (9, "The Palestinian health ministry"), (9, "The Israeli military")]
