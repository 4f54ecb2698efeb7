"""Each quote pattern, on sentences we wrote, with exact speaker, kind, target and quote."""

from __future__ import annotations

import pytest

from sitrep.pipeline import extract_text


def statements(text: str):
    return extract_text(text).statements


def one(text: str):
    found = statements(text)
    assert len(found) == 1, [(s.speaker.name, s.kind, s.evidence.text) for s in found]
    return found[0]


def test_speaker_said_that():
    s = one("Zabihullah Mujahid, a Taliban spokesman, said on Friday that the talks would resume next week.")
    assert (s.speaker.name, s.kind, s.target) == ("Zabihullah Mujahid", "statement", None)


def test_quote_then_speaker():
    s = one("“We will not attend the meeting in Doha,” Suhail Shaheen said in a tweet.")
    assert (s.speaker.name, s.kind, s.channel) == ("Suhail Shaheen", "statement", "tweet")
    assert s.quote == "We will not attend the meeting in Doha,"


def test_said_speaker_inverted():
    s = one("“The operation continues in the district,” said Abdul Rahman, a police spokesman in Kunduz.")
    assert s.speaker.name == "Abdul Rahman"
    assert s.quote == "The operation continues in the district,"


def test_according_to():
    s = one("Twelve militants were killed in the raid, according to the Ministry of Defense.")
    # no country is named, so the ministry stays as written
    assert (s.speaker.name, s.speaker.mention, s.kind) == ("Ministry of Defense", "the Ministry of Defense", "statement")


def test_accusation_with_target():
    s = one("The Taliban accused the Afghan government of violating the agreement.")
    assert (s.speaker.name, s.kind) == ("Taliban", "accusation")
    assert s.target is not None and s.target.name == "Government of Afghanistan"


def test_accusation_and_threat_in_one_sentence_are_two_acts():
    found = statements("Last week, the Taliban accused the government of delaying the talks and the group threatened to walk out.")
    assert [(s.speaker.name, s.kind) for s in found] == [("Taliban", "accusation"), ("Taliban", "threat")]


def test_participle_and_main_verb_are_one_act():
    found = statements(
        "Zabihullah Mujahid said on Friday that the prisoners were unknown. "
        "Accusing the government of seeking pretexts, he warned that the process could collapse."
    )
    assert [(s.speaker.name, s.kind) for s in found] == [("Zabihullah Mujahid", "statement"), ("Zabihullah Mujahid", "threat")]


def test_denial_in_a_two_sentence_quote_cites_the_denying_sentence():
    text = (
        "The Taliban accused US forces of violating the agreement. "
        "“We have upheld the agreement; any claim otherwise is baseless. We will defend our partners,” "
        "said Col. Sonny Leggett in a tweet."
    )
    found = statements(text)
    denial = [s for s in found if s.kind == "denial"]
    assert len(denial) == 1
    assert denial[0].speaker.name == "Sonny Leggett"
    assert denial[0].evidence.text == "“We have upheld the agreement; any claim otherwise is baseless."
    assert denial[0].target is not None and denial[0].target.name == "Taliban"


def test_demand_by_called_for():
    s = one("The United Nations called for an immediate halt to attacks on civilians in Kunduz.")
    assert s.kind == "demand"


def test_pronoun_speaker_is_the_last_speaker_not_the_last_person_named():
    found = statements(
        "Police spokesman Sanaullah Rohani said the Taliban attacked the district. "
        "According to him, Abdul Zahir, the police chief, was killed. "
        "He also added that four Taliban fighters were killed."
    )
    assert [s.speaker.name for s in found] == ["Sanaullah Rohani"] * 3


def test_negated_saying_is_no_statement():
    assert statements("The Taliban have not said anything about the attack so far.") == []


@pytest.mark.parametrize(
    "sentence",
    [
        "It has been said that there were no casualties.",
        "We will respond if attacked.",
    ],
)
def test_no_speaker_no_statement(sentence):
    assert statements(sentence) == []


def test_a_repeated_lead_is_one_statement():
    text = (
        "Taliban fighters suffered heavy casualties in Bala Murghab, the defense ministry said on Monday.\n\n"
        "Taliban fighters suffered heavy casualties in Bala Murghab, the defense ministry said on Monday.\n"
    )
    assert len(statements(text)) == 1


def test_a_ministry_speaks_for_its_government():
    # the article says whose ministry it is: its words name it; the side is the government
    [s] = statements("Twelve Taliban were killed in Kunduz province, according to the Afghan Ministry of Defense.")
    assert (s.speaker.name, s.speaker.affiliation) == ("Afghan Ministry of Defense", "Government of Afghanistan")


def test_a_quote_over_two_sentences_with_the_speaker_after_it():
    found = statements(
        "Police chief Abdul Rahman said the attackers had fled. "
        "“We found their weapons near the river. They will not escape,” he said."
    )
    assert [(s.speaker.name, s.quote) for s in found] == [
        ("Abdul Rahman", None),
        ("Abdul Rahman", "We found their weapons near the river. They will not escape,"),
    ]


def test_a_quote_whose_speaker_comes_first_and_that_goes_on_in_the_next_paragraph():
    found = statements(
        "Mullah Baradar told reporters in Doha: “The prisoners must be released first. We have waited long enough.\n\n"
        "“Without the release there will be no talks.”\n"
    )
    # the quote is told whole by its tag; the paragraph it goes on in is a statement of its own
    # (the dev gold cites each paragraph of a long quote)
    assert [(s.speaker.name, s.kind) for s in found] == [("Abdul Ghani Baradar", "demand"), ("Abdul Ghani Baradar", "statement")]
    assert found[0].quote == "The prisoners must be released first. We have waited long enough. Without the release there will be no talks."
    assert found[1].evidence.text == "“Without the release there will be no talks.”"


def test_a_denial_answers_the_accusation_and_a_claim_points_at_its_incident():
    extraction = extract_text(
        "The Taliban accused US forces of violating the agreement on Monday. "
        "US forces rejected the accusation as baseless on Tuesday. "
        "Al-Shabaab claimed responsibility for a suicide bombing in Mogadishu on Tuesday that killed five people."
    )
    accusation, denial, claim = extraction.statements
    assert (accusation.kind, accusation.speaker.name) == ("accusation", "Taliban")
    assert (denial.kind, denial.target.name, denial.answers) == ("denial", "Taliban", accusation.id)
    [incident] = extraction.incidents
    assert (claim.speaker.name, claim.about_incident, incident.claim_status) == ("al-Shabaab", incident.id, "claimed")


def test_speech_lexicon_loads_every_table():
    from sitrep.claims.lexicon import KIND_RANK, lexicon

    lex = lexicon()
    assert set(lex.verbs.values()) <= set(KIND_RANK)
    assert set(lex.phrases.values()) <= set(KIND_RANK)
    assert {"report", "statement"} <= lex.report_nouns
    assert {"official", "source", "spokesman"} <= lex.person_nouns
    assert {"ministry", "group"} <= lex.body_nouns
    assert lex.generic_person_nouns <= lex.person_nouns
    # Every entry is written lower-case: the code compares folded words.
    for words in (lex.report_nouns, lex.person_nouns, lex.body_nouns):
        assert all(w == w.lower().strip() for w in words)


def test_a_bare_rejection_then_the_spokesmans_quoted_denial_is_one_denial():
    text = (
        "On Monday the rebels accused the army of shelling a market in Kidal. "
        "It was rejected by the Malian army. "
        "“The army has not fired a single shell in Kidal; this accusation is baseless,” said Colonel Souleymane Dembele, "
        "spokesman for the Malian army."
    )
    found = [(s.kind, s.speaker.name) for s in statements(text)]
    assert found.count(("denial", "Souleymane Dembele")) == 1
    assert not any(kind == "denial" and name != "Souleymane Dembele" for kind, name in found)


def test_a_rejection_that_says_what_it_rejects_stays_its_own_statement():
    text = (
        "The army rejected the rebels' claim that it had shelled a market. "
        "“Not a single shell was fired,” said Colonel Souleymane Dembele, spokesman for the Malian army."
    )
    # "the army" is named as the article names it: the Malian army
    assert [(s.kind, s.speaker.name) for s in statements(text)][0] == ("denial", "Malian army")


def test_a_headline_is_not_a_statement_of_its_own():
    text = (
        "Rebels claim attack on army post as toll rises\n\n"
        "The rebels on Monday claimed the attack on an army post near Kidal, saying their fighters had killed 12 soldiers."
    )
    assert [s.evidence.text[:10] for s in statements(text)] == ["The rebels"]


# What a plain "said" reports decides its kind (claims/agency.py): who did the act told.


def kinds(text: str):
    return [(s.speaker.name, s.kind) for s in statements(text)]


def test_a_passive_act_by_another_party_accuses_it():
    s = one("The doctors' union said four marchers were shot dead by police in the capital.")
    assert s.kind == "accusation"


def test_an_act_named_by_a_noun_with_its_possessor_accuses_the_possessor():
    s = one("The rebel movement said in a statement that 30 villagers were killed in the army's shelling of the market.")
    assert s.kind == "accusation"


def test_a_light_verb_makes_its_subject_the_doer_of_the_act_it_carries():
    s = one("Official sources said Pakistani troops opened unprovoked fire at a border post in Kupwara district overnight.")
    assert s.kind == "accusation"


def test_a_state_report_of_insurgents_fighting_its_forces_is_a_statement():
    s = one("A police spokesman, Abdul Qadir, said the Taliban attacked a checkpoint in the district on Monday night.")
    assert s.kind == "statement"


def test_a_state_report_of_insurgents_attacking_a_village_accuses_them():
    s = one("A police spokesman, Abdul Qadir, said the Taliban attacked a village in the district on Monday night.")
    assert s.kind == "accusation"


def test_a_breach_accuses_even_with_its_doer_unnamed():
    s = one("“A ceasefire violation took place at 8 pm and lasted an hour,” army spokesman Raj Kumar said.")
    assert s.kind == "accusation"


def test_violations_talked_about_accuse_no_one():
    s = one("The envoy, Jan Kubis, said the two sides had discussed violations of the truce at the meeting.")
    assert s.kind == "statement"


def test_a_first_person_speech_act_inside_the_quote_is_the_speakers_act():
    s = one("“We reject these allegations against our fighters,” rebel spokesman Lam Garang said.")
    assert s.kind == "denial"


def test_a_cue_word_counts_only_where_a_word_starts():
    # "lies" inside "allies" denies nothing; the state's own report of the fighting stays a statement
    s = one("The troops came under fire from the militants and their allies at dawn, army spokesman Ndjike Kaiko said.")
    assert s.kind == "statement"


def test_a_state_body_telling_what_it_did_itself_announces_it():
    s = one("The Afghan Ministry of Interior said it released 100 Taliban prisoners on Wednesday.")
    assert s.kind == "announcement"


def test_a_cited_report_through_a_statement_is_not_an_announcement_for_its_channel_alone():
    s = one("According to a statement by the Ministry of Defense, the new outpost would improve security in the area.")
    assert s.kind == "statement"


def test_quoted_paragraphs_after_a_speakers_words_go_on_in_that_voice():
    text = (
        "The air force said it struck a camp in the forest.\n\n"
        "Spokesman Ibrahim Dauda said: “Our jets destroyed the camp on Saturday.\n\n"
        "“The strike followed weeks of surveillance of the area.\n\n"
        "“We will keep up the pressure on the gangs in the north.”\n\n"
        "Villagers in the area said they heard the jets at dawn."
    )
    found = statements(text)
    dauda = [s.evidence.text for s in found if s.speaker.name == "Ibrahim Dauda"]
    assert dauda == [
        "Spokesman Ibrahim Dauda said: “Our jets destroyed the camp on Saturday.",
        "“The strike followed weeks of surveillance of the area.",
        "“We will keep up the pressure on the gangs in the north.”",
    ]


def test_a_quote_over_paragraphs_tagged_at_its_end_is_told_once():
    text = (
        "President Amina Diallo welcomed the truce.\n\n"
        "“I welcome the truce announced by the rebels. The government extends its hand.\n\n"
        "“I have ordered the army to hold its fire,” Diallo wrote on Twitter."
    )
    found = statements(text)
    assert [s.evidence.text[:12] for s in found] == ["President Am", "“I have orde"]


def test_a_source_cited_according_to_lends_no_voice_to_the_next_paragraph():
    text = (
        "The district fell to the rebels, according to a security source.\n\n"
        "“The troops left the town at night and the rebels walked in.”"
    )
    assert [s.evidence.text for s in statements(text)] == ["The district fell to the rebels, according to a security source."]


def test_the_one_quoted_speaks_not_who_quotes():
    s = one("The agency quoted Abu Salim, a rebel spokesman, as saying that their fighters had withdrawn from the town.")
    assert s.speaker.name == "Abu Salim"


def test_a_witness_quoted_by_a_rights_group_speaks():
    s = one("A witness was quoted as saying by Amnesty International that one marcher was hit in the chest.")
    assert s.speaker.name == "witness"


def test_pointed_out_reports_and_called_upon_demands():
    assert kinds("The ministry pointed out that the talks would resume on Monday.") == [("Ministry", "statement")]
    s = one("The armed opposition has called upon the monitoring body to investigate the attack.")
    assert s.kind == "demand"


def test_a_light_verb_with_a_speech_noun_is_that_act():
    s = one("Colonel Sagir Musa, the army's spokesman, made the denial in a short message to reporters.")
    assert (s.speaker.name, s.kind) == ("Sagir Musa", "denial")


def test_a_passive_hedge_names_no_speaker_but_a_belief_with_a_clause_reports():
    assert statements("Several rockets believed to have been fired by the militants landed near the base.") == []
    s = one("Police believe the bombs were planted by the insurgent network.")
    assert s.speaker.name == "Police"


def test_the_spokesperson_is_the_spokesman_named_before():
    found = statements(
        "Defence spokesman Lt Colonel Rajesh Kalia said the firing lasted an hour. "
        "The Indian Army spokesperson pointed out that the troops had held their positions."
    )
    assert [s.speaker.name for s in found] == ["Rajesh Kalia", "Rajesh Kalia"]


def test_a_breach_said_not_to_have_happened_is_denied():
    s = one("Army spokesman Raj Kumar rebutted the charge, saying there was no ceasefire violation from the Indian side.")
    assert s.kind == "denial"


def test_a_speech_act_of_another_doer_told_in_a_report_does_not_give_the_report_its_kind():
    s = one("The monitors said the commission had confirmed the figures on Monday.")
    assert (s.speaker.name, s.kind) == ("Monitors", "statement")


def test_a_statement_saying_speaks_for_who_issued_it_not_for_a_name_in_what_it_says():
    s = one("On Friday, the SPLM-IO issued a statement saying its forces would abide by the deal signed by Riek Machar.")
    assert s.speaker.name == "SPLM-IO"


def test_a_speech_act_told_in_a_noun_phrase_with_a_doer_of_its_own_is_that_doers():
    found = statements("Sources told the channel that the batch did not include ten commanders the Taliban were demanding.")
    assert [(s.speaker.name, s.kind) for s in found] == [("sources", "statement"), ("Taliban", "demand")]
    found = statements("Abdul Karim, a spokesman for the Taliban, confirmed the clash, saying the militants had killed twenty soldiers, "
                       "a claim rejected by officials as baseless.")
    assert [(s.speaker.name, s.kind) for s in found] == [("Abdul Karim", "confirmation"), ("officials", "denial")]


def test_a_person_the_text_ties_to_no_actor_speaks_for_the_state_by_the_role_said_of_them():
    s = one("Mullah Faizullah, chief of Garziwan district, said the Taliban attacked a security post on Tuesday night.")
    assert s.kind == "statement"


def test_a_demonym_stands_for_the_whole_state_so_its_military_telling_it_announces():
    s = one("Israeli aircraft then struck a Hezbollah field commander near the border, the Israeli military said.")
    assert s.kind == "announcement"


def test_an_unnamed_role_is_the_one_person_the_story_names_in_it_even_later():
    found = statements(
        "Fighting resumed on Monday near Goma, a spokesman for the army confirmed. "
        "“The rebels attacked our positions at dawn,” said Colonel Ndjike Kaiko, spokesman for the army in Goma. "
        "Another spokesman said the road was closed."
    )
    assert [s.speaker.name for s in found] == ["Ndjike Kaiko", "Ndjike Kaiko", "spokesman"]


def test_a_news_outlet_reports_what_happened_it_accuses_no_one():
    s = one("The state news agency reported that rebel shelling wounded four people in the market on Friday.")
    assert (s.speaker.name, s.kind) == ("State news agency", "statement")
    s = one("Gunmen from the Eastern Brigade burned two villages on Monday, according to a report in the Daily Courier.")
    assert (s.speaker.name, s.kind) == ("Daily Courier", "statement")
    # its own verb still makes it an accusation
    s = one("The rebels' television accused the army of shelling the market.")
    assert s.kind == "accusation"


def test_we_reject_the_allegations_is_a_denial_whatever_they_allege():
    s = one('"We reject the allegations of shelling the village and of killing civilians," the army spokesman said.')
    assert s.kind == "denial"


def test_a_reply_already_made_is_no_threat_and_warning_against_a_delay_is_a_demand():
    s = one("The rebel group said it had retaliated by firing mortars at the army post.")
    assert s.kind != "threat"
    s = one("The opposition leader warned against any delay in the release of the prisoners.")
    assert s.kind == "demand"


def test_a_speaker_quantified_by_no_is_no_one():
    assert statements("No group has claimed responsibility for the bombing of the bridge on Monday.") == []
    assert statements("Nobody has claimed the attack on the convoy.") == []


def test_a_state_body_saying_its_forces_did_not_carry_out_an_act_denies_it():
    s = one('"Our aircraft did not carry out any flights over the valley," the Russian defence ministry said.')
    assert s.kind == "denial"


def test_a_reciprocal_accusation_is_one_accusation_per_party():
    found = statements("Somalia and al-Shabaab accused each other on Monday of attacking civilians near Kismayo.")
    assert [(s.speaker.name, s.kind) for s in found] == [("Somali government", "accusation"), ("al-Shabaab", "accusation")]


def test_both_sides_are_the_parties_of_the_reciprocal_act_told_before():
    found = statements(
        "Somalia and al-Shabaab accused each other on Monday of attacking civilians near Kismayo. "
        "The fighting went on for days, and both sides accuse each other of breaking the truce."
    )
    assert [(s.speaker.name, s.kind) for s in found][2:] == [("Somali government", "accusation"), ("al-Shabaab", "accusation")]


def test_both_sides_with_no_parties_named_before_name_no_speaker():
    assert statements("The fighting went on for days, and both sides accuse each other of breaking the truce.") == []


def test_a_with_clause_gives_the_act_the_voice_of_the_person_who_spoke():
    s = one("However, Pakistan blamed the blast on India, with the army spokesman Major General Athar Abbas alleging that Indian troops fired first.")
    assert (s.speaker.name, s.kind) == ("Athar Abbas", "accusation")


def test_calling_reports_fake_denies_them():
    found = statements('Activists said jets struck the market. Moscow called the reports "fake."')
    assert [(s.speaker.name, s.kind) for s in found][1:] == [("Russian government", "denial")]


def test_describing_claims_as_propaganda_denies_them_and_calling_someone_a_hero_says_nothing():
    assert [(s.speaker.name, s.kind) for s in statements("The army described the claims as baseless propaganda.")] == [("Army", "denial")]
    assert statements("The army called the pilot a hero.") == []


def test_contesting_a_claim_and_refusing_to_accept_it_deny_it():
    found = statements(
        "Police said the three men were militants. Families of the men contested the police claim, saying they were students. "
        "However, police refused to accept it. The governor refused to comment."
    )
    assert [(s.speaker.name, s.kind) for s in found] == [("Police", "statement"), ("Families", "denial"), ("Police", "denial")]


def test_dismissing_a_partys_reports_is_a_denial_and_tells_that_partys_accusation():
    found = statements("The Georgian Interior Ministry on Monday dismissed Russia's reports accusing Georgia of shelling the border post.")
    assert [(s.speaker.name, s.kind) for s in found] == [("Georgian Interior Ministry", "denial"), ("Russian government", "accusation")]


def test_rejecting_calls_by_others_tells_their_demand_but_reports_of_an_act_by_others_do_not():
    found = statements("The Taliban have rejected repeated calls for a truce by the United Nations.")
    assert [(s.speaker.name, s.kind) for s in found] == [("Taliban", "denial"), ("United Nations", "demand")]
    found = statements("The army denied reports that 20 soldiers were killed in an ambush carried out by the rebels.")
    assert [s.kind for s in found] == ["denial"]


def test_a_party_only_told_of_is_no_voice_for_a_later_pronoun():
    found = statements(
        "Spokeswoman Ana Petrova denied the Azerbaijani reports on shelling the area as fake news. "
        "“Our side respects the truce,” she said."
    )
    assert [(s.speaker.name, s.kind) for s in found][-1] == ("Ana Petrova", "statement")


def test_the_group_stands_for_the_subject_not_the_network_that_describes_it():
    s = one("Al-Shabaab, a group affiliated with the international al-Qaeda terrorist network, launches regular attacks "
            "against hotels in Somalia. The jihadist group claimed responsibility for a bombing at a hotel in Nairobi on Tuesday.")
    assert (s.speaker.name, s.kind) == ("al-Shabaab", "statement")


def test_its_wing_speaks_for_the_body_its_stands_for_and_breaking_a_truce_accuses():
    found = statements(
        "Hamas has announced it is delaying the release of further hostages. "
        "A statement by its military wing says Israel has broken the terms of the truce deal."
    )
    assert [(s.speaker.name, s.kind) for s in found] == [("Hamas", "announcement"), ("Hamas", "accusation")]


def test_breaking_a_siege_breaches_nothing():
    s = one("The army said its troops broke the siege of the town on Monday.")
    assert s.kind == "statement"


def test_two_speakers_each_introduced_by_their_own_article_are_two_statements_one_per_speaker():
    found = statements("Gunmen killed 19 farmers in central Mali on Saturday. "
                       "A police source and a regional official confirmed the attack, but gave the death toll of 19 and blamed terrorists.")
    assert [(s.speaker.name, s.kind) for s in found] == [("police source", "confirmation"), ("regional official", "confirmation")]


def test_speakers_listed_without_their_own_articles_are_one_source():
    found = statements("Two people died in the clashes in Baghdad on Friday, police, medics and protesters said.")
    assert [s.speaker.name for s in found] == ["Police"]


def test_a_story_cut_off_mid_sentence_still_reports_its_last_line_but_a_headline_does_not():
    body = ("Taliban attack police post\n\n"
            "Fighters attacked a police post in the north of the province on Monday night and the fighting went on until dawn, officials said.\n\n")
    found = statements(body + "The army said the convoy had been attacked near the river, but")
    assert [(s.speaker.name, s.evidence.text) for s in found][-1] == ("Army", "The army said the convoy had been attacked near the river, but")
    found = statements("Taliban says it will attend the talks\n\nShort line.\n\nThe army says it holds the town")
    assert found == []


def test_a_state_source_telling_what_protesters_did_accuses_them():
    found = statements("Protests spread across Baghdad on Friday. The protesters threw stones and petrol bombs, a security source said.")
    assert [(s.speaker.name, s.kind) for s in found] == [("security source", "accusation")]


def test_an_even_as_clause_and_a_with_clause_with_their_own_speaker_are_their_own_acts():
    found = statements("The SPLM-IO called for an inquiry into the raid, even as the government denied responsibility for it.")
    assert [s.kind for s in found] == ["demand", "denial"]
    found = statements("The army suffered heavy losses east of the city, with Kiev accusing Russia of sending troops.")
    assert [(s.speaker.name, s.kind) for s in found] == [("Ukrainian government", "accusation")]


def test_a_crowd_demanding_in_a_with_clause_is_no_statement():
    assert statements("The protests went on for months with hundreds of thousands of Iraqis demanding jobs and services.") == []


def test_a_denying_participle_after_the_report_is_a_second_act_and_a_saying_one_is_not():
    found = statements("Cameroon’s government said 10 rebels were killed by the army in the Northwest, denying online reports of civilian deaths.")
    assert [(s.speaker.name, s.kind) for s in found] == [("Cameroon’s government", "statement"), ("Cameroon’s government", "denial")]
    found = statements("Zabihullah Mujahid, a Taliban spokesman, confirmed the fighting in the district, saying that ten soldiers were killed.")
    assert [s.kind for s in found] == ["confirmation"]


def test_a_body_named_around_the_word_government_is_its_own_speaker():
    found = statements("Cameroon’s government said 10 rebels were killed by the army. "
                       "The Southern Cameroons Interim Government announced that 10 civilians were killed by troops loyal to the regime.")
    assert [s.speaker.name for s in found] == ["Cameroon’s government", "Southern Cameroons Interim Government"]


def test_announcing_what_another_party_did_to_civilians_accuses_it():
    assert one("The Taliban announced that ten civilians were killed by Afghan forces in an air strike in Kunduz.").kind == "accusation"
    assert one("The Afghan army announced that ten Taliban fighters were killed in an operation in Kunduz.").kind == "announcement"


def test_an_unnamed_body_is_the_named_body_whose_name_carries_its_words_and_a_clause_beside_it_is_not_its_act():
    found = statements("KHARTOUM – Security forces shot dead four people during protests across the country on Sunday, a doctors committee said, "
                       "as hundreds of thousands of people demanded the return of a civilian-led government after the coup. "
                       "The Central Committee of Sudanese Doctors said three protesters were shot dead by security forces in Omdurman.")
    # the crowd's demand set beside the report is not the committee's; what it reports (the
    # clause before its tag) blames the security forces
    assert [(s.speaker.name, s.kind) for s in found] == [("Central Committee of Sudanese Doctors", "accusation"),
                                                         ("Central Committee of Sudanese Doctors", "accusation")]


def test_a_party_saying_its_forces_will_abide_by_the_deal_announces_it():
    s = one("On Friday, the SPLM-IO issued a statement saying its forces would abide by the agreement signed by their leader.")
    assert (s.speaker.name, s.kind) == ("SPLM-IO", "announcement")


def test_the_tag_of_an_unclosed_quote_is_its_own_act_whatever_the_parse_hangs_it_on():
    found = statements("The spokesman for the SPLM-IO said government forces attacked the base in Wau at about 7 a.m. "
                       "“This happened just hours after the ceasefire took effect, said Col. Lam Paul Gabriel in the statement. "
                       "“The fight is still ongoing as I write.”")
    assert [s.speaker.name for s in found][:2] == ["spokesman", "Lam Paul Gabriel"]


def test_insisting_on_something_demands_it():
    assert one("The militants insisted on the release of their 5,000 prisoners.").kind == "demand"


def test_when_asked_is_a_question_put_to_the_speaker_not_a_demand():
    s = one("When asked for comment, a Taliban spokesman said that the talks would resume on Monday.")
    assert (s.speaker.name, s.kind) == ("Taliban spokesman", "statement")


def test_a_call_told_of_a_noun_in_a_relative_clause_is_not_the_speakers():
    s = one("Bertrand Bisimwa said that the army attacked the M23 position to sabotage the plan of the UN Security Council which calls for dialogue.")
    assert (s.speaker.name, s.kind) == ("Bertrand Bisimwa", "accusation")


def test_the_source_an_outlet_cites_is_the_speaker():
    found = statements("Two soldiers were wounded in a shelling near the border on Monday, state media reported, citing a military source.")
    assert [s.speaker.name for s in found] == ["military source"]


def test_blaming_an_act_on_no_party_explains_it_and_blaming_it_on_a_party_accuses():
    assert one("Kurdish and Iraqi officials have blamed the attacks on the security vacuum between Erbil and Baghdad.").kind == "statement"
    assert one("The governor blamed the attack on militants.").kind == "accusation"
    assert one("Pakistan blamed the attack on India.").kind == "accusation"


def test_violence_said_to_go_on_until_a_condition_is_a_threat():
    s = one("The rebels said that the attacks would continue until the troops left the valley.")
    assert (s.speaker.name, s.kind) == ("Unidentified Armed Group", "threat")
    s = one("The insurgents said that violence would be continuing until a truce was agreed.")
    assert s.kind == "threat"


def test_violence_said_to_have_continued_is_no_threat():
    s = one("The insurgents said that violence continued in the north last week.")
    assert s.kind == "statement"


def test_own_side_lost_nothing_is_a_denial():
    s = one("The rebel group said it suffered no casualties in the clash near the river.")
    assert (s.speaker.name, s.kind) == ("Rebel group", "denial")


def test_own_side_losses_told_is_no_denial():
    s = one("The rebel group said it suffered three casualties in the clash near the river.")
    assert s.kind == "statement"


def test_a_label_corrected_is_a_denial():
    s = one('The two men were "farmers, not militants", the village elder said.')
    assert (s.speaker.name, s.kind) == ("village elder", "denial")



def test_agent_of_a_passive_act_outweighs_a_possessor():
    # parsed by hand, so the tagger's reading of the day cannot hide the rule
    from spacy.tokens import Doc
    from spacy.vocab import Vocab

    from sitrep.claims.agency import doer_of_noun

    words = ["Friday", "'s", "raid", "was", "staged", "by", "the", "militia"]
    doc = Doc(Vocab(), words=words, heads=[2, 0, 4, 4, 4, 4, 7, 5],
              deps=["poss", "case", "nsubjpass", "auxpass", "ROOT", "agent", "det", "pobj"],
              pos=["PROPN", "PART", "NOUN", "AUX", "VERB", "ADP", "DET", "NOUN"])
    assert doer_of_noun(doc[2]).text == "militia"


def test_first_person_act_in_the_quote_outweighs_a_cue_it_reports():
    s = one("“We confirm. The gunmen shot the farmers near the well. They accuse the farmers of helping the army,” "
            "the district police chief said.")
    assert (s.speaker.name, s.kind) == ("district police chief", "confirmation")


def test_a_verb_of_its_own_kind_keeps_it_over_a_first_person_act():
    s = one("The rebels accused the army of shelling the market, saying “we condemn this crime”.")
    assert (s.speaker.name, s.kind) == ("Unidentified Armed Group", "accusation")


def test_an_order_in_force_told_in_the_present_passive_is_an_announcement():
    s = one("“All our units are, from today, directed to hold their positions,” the rebel command said in a statement.")
    assert s.kind == "announcement"


def test_an_order_told_in_the_past_is_no_announcement():
    s = one("“All our units were directed to hold their positions last week,” the rebel command said.")
    assert s.kind == "statement"


def test_an_act_under_a_condition_accuses_no_one():
    s = one("The rebel command said its units would only fire back if attacked by government troops.")
    assert s.kind == "statement"


def test_an_act_in_a_when_clause_with_a_subject_is_told_as_done():
    s = one("The rebel command said its units fired back when government troops attacked their camp.")
    assert s.kind == "accusation"


def test_an_act_named_only_as_the_cause_of_a_toll_blames_no_one():
    s = one("Forty villagers have died as a result of the militia's offensive, the district doctor said.")
    assert (s.speaker.name, s.kind) == ("district doctor", "statement")


def test_an_act_as_subject_of_a_verb_that_is_no_act_blames_no_one():
    s = one("The villagers said the militia's assault on the town began before dawn.")
    assert (s.speaker.name, s.kind) == ("villagers", "statement")


def test_an_act_that_did_the_harm_still_accuses_its_doer():
    s = one("The villagers said the militia's assault killed four farmers.")
    assert (s.speaker.name, s.kind) == ("villagers", "accusation")


def test_a_breach_told_as_mutual_blames_no_one():
    s = one("Two soldiers were killed in a violation of the truce near the border, when troops from the two sides "
            "traded mortar fire, officials said.")
    assert (s.speaker.name, s.kind) == ("officials", "statement")


def test_a_breach_with_no_doer_and_no_exchange_still_accuses():
    s = one("Two soldiers were killed in a violation of the truce near the border, officials said.")
    assert (s.speaker.name, s.kind) == ("officials", "accusation")


def test_lead_repeated_with_other_apostrophes_is_one_statement():
    text = (
        "Gunmen attacked a border post in Somalia's Gedo region on Sunday, killing six soldiers, regional officials said.\n\n"
        "Gunmen attacked a border post in Somalia’s Gedo region on Sunday, killing six soldiers, regional officials said.\n\n"
        "The governor of Gedo, Ahmed Farah, said four more soldiers were wounded."
    )
    found = statements(text)
    assert [(s.speaker.name, s.kind) for s in found] == [("regional officials", "statement"), ("Ahmed Farah", "statement")]


def test_unidentified_doers_are_told_not_blamed():
    s = one("A village chief told reporters that unidentified armed men killed seven villagers near their wells.")
    assert (s.speaker.name, s.kind) == ("village chief", "statement")
    s = one("Suspected insurgents shot dead nine traders on the road to Gao, local sources said on Friday.")
    assert (s.speaker.name, s.kind) == ("local sources", "statement")


def test_identified_doers_are_still_blamed():
    s = one("A village chief told reporters that the insurgents killed seven villagers near their wells.")
    assert (s.speaker.name, s.kind) == ("village chief", "accusation")


def test_calling_a_claim_incorrect_denies_it():
    s = one("Amina Yusuf, a spokeswoman for the front, said the claim that the talks stalled for lack of money was incorrect.")
    assert (s.speaker.name, s.kind) == ("Amina Yusuf", "denial")


def test_a_report_in_an_issue_of_a_newssheet_tells_it_does_not_accuse():
    s = one(
        "Insurgents burned three villages near Mocimboa on Monday, according to a report in Thursday's edition "
        "of the weekly newssheet \"Zambeze Hoje\"."
    )
    assert (s.speaker.name, s.kind) == ("Zambeze Hoje", "statement")


def test_calling_an_act_interference_accuses():
    s = one("“Blocking the handover of the detainees is plain interference in our affairs,” Idris Kamara said.")
    assert (s.speaker.name, s.kind) == ("Idris Kamara", "accusation")


def test_a_tag_after_its_clause_reports_that_clause_not_the_narration_after_it():
    s = one(
        "Security forces shot dead four people during nationwide protests in Uganda yesterday, the Union of Ugandan "
        "Doctors said, as hundreds of thousands of people marched for the restoration of a civilian-led government "
        "after a military coup."
    )
    assert (s.speaker.name, s.kind) == ("Union of Ugandan Doctors", "accusation")


def test_a_breach_told_of_a_pronoun_that_is_not_the_speaker_accuses():
    s = one("Asked about the raid, a rebel spokesman said that there had been no clashes when the drone struck, "
            "and it broke the terms of the truce.")
    assert (s.speaker.name, s.kind) == ("rebel spokesman", "accusation")


def test_a_state_naming_who_is_behind_an_attack_blames_them():
    s = one("Police believe the ambushes were planned by the insurgent network, though no suspects have been charged.")
    assert (s.speaker.name, s.kind) == ("Police", "accusation")


def test_a_state_telling_insurgents_attacked_its_post_reports_the_fighting():
    s = one("Police said the insurgents attacked a checkpoint near the border on Monday night.")
    assert (s.speaker.name, s.kind) == ("Police", "statement")


def test_he_for_an_unnamed_state_official_reports_the_fighting_as_the_official_would():
    found = statements(
        "The attack was first reported by a military source speaking to a news agency on Tuesday. "
        "The military official, who spoke on condition of anonymity, told the agency that the front had held. "
        "He stated that the Houthis attacked the forces of the government near Harib, killing six soldiers."
    )
    assert [(s.speaker.name, s.kind) for s in found] == [
        ("military source", "statement"), ("military official", "statement"), ("military official", "statement")]


def test_complaining_of_abuses_accuses():
    s = one("Hassan Ali, a village elder, complained of repeated raids on the herders' camps.")
    assert (s.speaker.name, s.kind) == ("Hassan Ali", "accusation")


def test_an_act_a_party_is_said_to_use_something_for_is_its_own():
    s = one("Musa Bello said former militia fighters abandoned their barracks and use their rifles for looting.")
    assert (s.speaker.name, s.kind) == ("Musa Bello", "accusation")


def test_emphasizing_on_a_release_presses_for_it():
    s = one("Al-Shabaab has emphasized on the release of its detained commanders before any talks.")
    assert (s.speaker.name, s.kind) == ("al-Shabaab", "demand")


def test_under_a_truce_a_state_report_of_the_other_sides_attacks_accuses_them():
    text = ("The government and the rebels accused each other on Sunday of breaking the ceasefire in Somalia's Hiraan region. "
            "Most of the attacks by the rebels on army posts come after dark, Somali army spokesman Omar Farah said.")
    assert [(s.speaker.name, s.kind) for s in extract_text(text).statements][-1] == ("Omar Farah", "accusation")


def test_without_a_truce_a_state_report_of_insurgent_attacks_on_its_posts_tells_the_fighting():
    text = ("Fighting spread across Somalia's Hiraan region on Sunday as the army moved on rebel camps. "
            "Most of the attacks by the rebels on army posts come after dark, Somali army spokesman Omar Farah said.")
    assert [(s.speaker.name, s.kind) for s in extract_text(text).statements][-1] == ("Omar Farah", "statement")


def test_an_unnamed_military_source_telling_its_forces_act_announces_it():
    text = ("Israeli jets struck targets near Homs in Syria on Monday. "
            "Syrian air defences intercepted most of the missiles, a military source told state television.")
    assert [(s.speaker.name, s.kind) for s in extract_text(text).statements] == [("military source", "announcement")]


def test_an_unnamed_civil_official_telling_the_forces_act_only_tells_it():
    text = ("Afghan forces raided a village in Helmand province on Monday. "
            "The raid was carried out by Afghan forces after a tip-off, a provincial official said.")
    assert [s.kind for s in extract_text(text).statements] == ["statement"]


@pytest.mark.parametrize("text, expected", [
    # set apart by a comma, in the speech verb's tense, not the backshifted report's: the speaker's next act
    ("The militia's spokesman, Omar Dalle, said two herders had died, caught in crossfire near the river, "
     "and called for an independent inquiry.",
     [("Omar Dalle", "statement"), ("Omar Dalle", "demand")]),
    # set apart by auxiliaries of its own, beside a report in the future
    ("The governor has promised that the road will reopen by Friday and has urged traders to return.",
     [("governor", "statement"), ("governor", "demand")]),
    # nothing sets it apart: "had" may govern both verbs, whose doer may be the rebels: one act
    ("The mayor said the rebels had surrounded the market and demanded a ransom.", [("mayor", "demand")]),
])
def test_a_second_speech_act_coordinated_after_a_report_is_the_speakers_own(text, expected):
    assert [(s.speaker.name, s.kind) for s in statements(text)] == expected


@pytest.mark.parametrize("text, kind", [
    ("Shelling killed a cameraman near the border on Friday. The information minister described the killing as a "
     "crime against the press.", "accusation"),
    ("Gunmen killed four soldiers in the south on Friday. The president described what happened as a violation of "
     "the ceasefire.", "accusation"),
    ("The army published a toll on Monday. The rebel spokesman described the figures as lies.", "denial"),
    ("The delegations met in Oslo on Friday. The president described the talks as a success.", "statement"),
    ("The army struck a depot on Friday. Its spokesman described the strike as no violation of the truce.", "statement"),
])
def test_what_a_naming_verb_calls_an_act_is_the_speech_act(text, kind):
    # a label read only as the complement of call/describe/brand: "a crime" charges a wrong,
    # "lies" calls a report untrue, "a success" does neither
    assert [s.kind for s in statements(text) if "described" in s.evidence.text] == [kind]


@pytest.mark.parametrize("text, kind", [
    ("Militants raided an airfield on Sunday. The regional commander said his forces would hunt down those "
     "responsible for the raid.", "threat"),
    ("Gunmen killed nine police officers on Monday. The governor said the killers would be tracked down and punished.",
     "threat"),
    ('Gunmen killed nine police officers on Monday. "This cowardly attack will not go unpunished," the governor wrote.',
     "threat"),
    ("Gunmen killed nine police officers on Monday. The governor said police had pursued the gunmen into the hills.",
     "statement"),
])
def test_a_promise_to_punish_the_doers_is_a_threat(text, kind):
    # "those responsible for the raid" names who did it, to be punished: no accusation of anyone
    assert [s.kind for s in statements(text) if "governor" in s.evidence.text or "commander" in s.evidence.text] == [kind]


def test_words_of_horror_for_an_act_charge_no_one():
    found = statements("Blasts hit the airport on Wednesday. The prime minister wrote on Twitter that the cabinet was "
                       "safe and called the blasts a cowardly terrorist act.")
    assert [s.kind for s in found] == ["statement"]


@pytest.mark.parametrize("text, kind", [
    # a person tied to no body, titled as of the state's forces or holding a state's office,
    # tells of those forces' acts as their own: a plain report (the dev gold's reading), no accusation
    ("Militants attacked a base in Lamu on Sunday. KDF spokesman Colonel Peter Mutua said soldiers had beaten back "
     "the attackers and killed four of them.", "statement"),
    ("Gunmen ambushed a convoy in Manipur on Saturday. Interior Minister Ravi Menon told parliament that the "
     "troops had killed two of the gunmen.", "statement"),
    # a resident tied to no body accuses them
    ("Soldiers raided the village on Sunday. A resident, Ali Hassan, said soldiers had killed his brother.", "accusation"),
])
def test_a_person_of_no_named_body_but_a_states_title_tells_of_its_forces_as_their_own(text, kind):
    assert [s.kind for s in statements(text)][-1:] == [kind]


def test_a_second_verb_of_speech_reports_words_of_its_own():
    # the accusation is the "of" phrase; the punishment promised after "and said" is a threat of its own
    found = statements("On Sunday, the prime minister accused the opposition of trying to take the port by force "
                       "and said those who had attacked the port would be pursued.")
    assert [s.kind for s in found] == ["accusation", "threat"]


@pytest.mark.parametrize(
    "sentence",
    [
        # the state, in the words of the one who heads its government
        "Prime Minister Ahmed Nuri vowed on Monday that the state would take stern action against the bombers.",
        # another party said to be made to answer for an act
        "Ukraine's foreign minister, Dmytro Kuleba, said on Monday that Russia would be held responsible for the attack.",
        # the speaker's own men, by its own pronoun, and their fighting said to go on
        "The militia's commander, Idris Kamal, said on Monday that his men would keep fighting until the army left the valley.",
    ],
)
def test_punishment_and_fighting_promised_by_ones_own_side_are_threats(sentence):
    assert one(sentence).kind == "threat"


@pytest.mark.parametrize(
    "sentence",
    [
        "The governor said on Monday that the state would take action to repair the bridge.",
        "The minister said on Monday that his men would keep working on the road until it was finished.",
        "The interior minister said on Monday that the police would hold talks with the traders.",
    ],
)
def test_work_and_talks_promised_are_no_threats(sentence):
    assert one(sentence).kind == "statement"


def test_two_parties_that_each_accused_the_other_are_two_accusers():
    found = statements("The truce mostly held on Monday in Somalia, although the Somali army and al-Shabaab each accused the other of firing first.")
    assert [(s.speaker.name, s.kind) for s in found] == [("Somali army", "accusation"), ("al-Shabaab", "accusation")]


@pytest.mark.parametrize(
    "sentence, expected",
    [
        # the group's own attacks said to go on: a threat
        ("Rebel spokesman Tomas Areng said on Wednesday that the rebels had killed the workers. Areng said the "
         "rebels would go on attacking anyone working on the road until the region was free.", ["statement", "threat"]),
        # operations that will go on: a vow told as a plan
        ("The president said on Monday that the operations would go on until the group was driven out.", ["statement"]),
        # who pays is who is punished; paying salaries is no threat
        ("The governor said on Monday that the rebels would pay a heavy price for the attack.", ["threat"]),
        ("The minister said on Monday that the government would pay the salaries of the teachers next week.", ["statement"]),
        # an answer promised to an attack
        ("The president said on Monday that the army would respond to the attack with force.", ["threat"]),
    ],
)
def test_threats_of_going_on_paying_and_responding(sentence, expected):
    assert [s.kind for s in statements(sentence)] == expected


@pytest.mark.parametrize(
    "sentence, kind",
    [
        # an unnamed watchdog telling what a state's forces did charges the state
        ("Rights groups said on Saturday that at least 30 people had been killed when security forces opened "
         "fire on crowds in Zahedan.", "accusation"),
        # a toll counted over months is a monitor's report, charging no one
        ("More than 400 people have been killed in Iraq since the protests began in October, most of them young "
         "men shot by security forces or by unidentified gunmen, according to rights monitors.", "statement"),
    ],
)
def test_rights_groups_charge_the_state_with_what_its_forces_did(sentence, kind):
    assert one(sentence).kind == kind
