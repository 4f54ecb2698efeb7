"""Who speaks (issue 13, cause 5: generic words as speakers), on sentences we wrote.

A named person is the speaker when the sentence names one by apposition or title; "he",
"it", "the general", "the statement" stand for the speaker named before; an unnamed
speaker keeps its description, lower-case, with the body it speaks for.
"""

from __future__ import annotations

import pytest

from sitrep import actors, places, time
from sitrep import text as text_stage
from sitrep.claims import find_attributions
from sitrep.models import Document
from sitrep.pipeline import extract_text


def speakers(text: str) -> list[tuple[str, str | None]]:
    return [(s.speaker.name, s.speaker.affiliation) for s in extract_text(text).statements]


def test_a_role_phrase_then_a_name_in_apposition_is_that_person():
    assert speakers("The head of the provincial council, Karim Haidari, said on Sunday that two checkpoints had fallen.") == [
        ("Karim Haidari", None)
    ]


def test_a_name_after_a_role_phrase_with_an_of_is_that_person():
    found = speakers("Another senior member of the Taliban, Nazar Gul Wardak said that the fighting would go on.")
    assert found == [("Nazar Gul Wardak", "Taliban")]


def test_a_name_the_tagger_calls_an_organisation_after_a_role_noun_is_a_person():
    assert speakers("Interior ministry spokeswoman Leyla Mammadova denied that troops had crossed the border.") == [
        ("Leyla Mammadova", None)
    ]


def test_an_unnamed_speaker_keeps_its_description_and_its_side():
    assert speakers("Five soldiers died in the ambush in Gedo, a Somali government official said on Monday.") == [
        ("Somali government official", "Government of Somalia")
    ]


def test_one_of_several_sources_is_a_source():
    assert speakers("Two soldiers were killed, according to one of these sources.") == [("source", None)]


def test_the_general_is_the_person_introduced_as_a_general():
    found = speakers(
        "Hassan Ali Farah, a general who commands the sector, said the base was retaken. "
        "A resident said the shooting had stopped. "
        "The general said nine soldiers were wounded."
    )
    assert found[-1] == ("Hassan Ali Farah", None)


def test_he_after_an_unnamed_speaker_is_that_speaker():
    found = speakers('"We lost four men," said a local militia commander. "Two more are missing," he added.')
    assert [name for name, _ in found] == ["local militia commander", "local militia commander"]


def test_he_is_the_person_who_acted_since_the_last_speaker():
    found = speakers(
        "State media said the depot was hit. "
        "Observatory head Rami Haddad could not confirm the toll. He said the warehouses were hit."
    )
    assert [name for name, _ in found] == ["State media", "Rami Haddad"]


def test_a_plural_description_does_not_point_to_a_person():
    found = speakers("Interior minister Omar Said said the curfew would hold. The officials claimed that the curfew had cut violence.")
    assert [name for name, _ in found] == ["Omar Said", "officials"]


def test_it_is_the_body_that_spoke_last():
    found = speakers("The Central Committee of Kenyan Nurses said three nurses were beaten. It said the clinic was closed.")
    assert [name for name, _ in found] == ["Central Committee of Kenyan Nurses"] * 2


def test_the_statement_speaks_for_the_body_that_issued_it():
    found = speakers("The Ministry of Defense issued a statement on Monday. The statement said 20 militants were killed.")
    assert [name for name, _ in found] == ["Ministry of Defense"]


def test_the_government_is_named_as_the_article_names_it():
    found = speakers("Cameroon's government said the separatists had attacked a school. The government said 12 pupils were hurt.")
    assert found == [("Cameroon's government", "Government of Cameroon")] * 2


def test_a_surname_pair_is_the_person_named_in_full_before():
    found = speakers(
        "State Prosecutor Adrián Ruiz Cortés said nine bodies were found. "
        "Ruiz Cortés said the gang had fled. He said the police did nothing."
    )
    assert [name for name, _ in found] == ["Adrián Ruiz Cortés"] * 3


def test_a_date_stamp_is_no_part_of_a_speakers_name():
    found = speakers("date 2021-05-02 Yemen's Houthi rebels accused the coalition of shelling Hodeidah.")
    assert [name for name, _ in found] == ["Houthis (Ansar Allah)"]


def test_a_speaker_after_a_comma_when_the_parser_gave_the_verb_none():
    found = speakers("Two civilians died in the raid, an officer from the district police told reporters.")
    assert [name for name, _ in found] == ["officer"]


def test_a_speaker_after_a_closing_quote_is_not_the_quotes_subject():
    found = speakers('"Fighting has gone on since Friday between the two clans," an eyewitness from Baidoa told reporters on Sunday.')
    assert [name for name, _ in found] == ["eyewitness"]


def test_according_to_a_procedure_names_no_source():
    found = speakers("The prisoners were freed according to routine procedure, the ministry of justice said.")
    assert [name for name, _ in found] == ["Ministry of justice"]
    assert speakers("The prisoners were to be freed first, according to the agreement.") == []


def test_a_tag_inside_a_quote_the_writer_left_open_is_the_attribution():
    found = speakers('The ministry said the prisoners were freed. "The fighting went on until dawn, said Col. Peter Malual in the statement.')
    assert [name for name, _ in found][-1] == "Peter Malual"


def test_a_name_in_brackets_names_a_body_the_phrase_only_describes():
    assert speakers("The armed opposition faction (SPLM-IO) accused the government of attacking its bases.") == [("SPLM-IO", "SPLM-IO")]


def test_a_body_with_a_name_of_its_own_is_not_its_country():
    found = speakers("Lebanon's official National News Agency (NNA) reported three wounded in the strike.")
    assert found == [("National News Agency", "Government of Lebanon")]


def test_a_definite_description_of_a_group_is_the_group_named_before():
    found = speakers("Hezbollah fighters fired rockets at the border. The Shiite movement said it had hit two bases.")
    assert found == [("Hezbollah", "Hezbollah")]


def test_the_military_is_the_military_that_spoke_before_not_the_story_countrys():
    found = speakers(
        "The Israeli military said its jets struck a depot in Lebanon. "
        "A Lebanese security source said two civilians died. "
        "The military added that the depot stored rockets."
    )
    assert [name for name, _ in found] == ["Israeli military", "Lebanese security source", "Israeli military"]


def parties(text: str) -> list[tuple[str | None, str | None]]:
    """Each attribution's speaker and the party it speaks for, as the claims stage reads them."""
    adoc = text_stage.annotate(Document(id="t", source="t", text=text))
    adoc.times = time.find_time_mentions(adoc.doc, None)
    adoc.actors = actors.resolve_actors(adoc)
    adoc.places = places.find_places(adoc)
    return [(a.speaker_name, a.speaker_party.name if a.speaker_party else None) for a in find_attributions(adoc)]


def test_a_person_speaks_for_the_body_their_phrase_names():
    assert parties(
        "Tomas Reyes, speaking on behalf of the New People's Army, said two soldiers were killed. "
        "The army said three rebels were killed. "
        "He said the rebels had fled."
    ) == [("Tomas Reyes", "New People's Army (NPA)"), ("Armed Forces of the Philippines", "Armed Forces of the Philippines"), ("Tomas Reyes", "New People's Army (NPA)")]


def test_a_speaker_set_against_a_report_by_while_speaks_for_themself():
    found = parties("The army said four soldiers died in the ambush near Jowhar, while al-Shabaab put the number at 12.")
    # the tagger calls the group a person; the speaker is the group's actor, by its KB name
    assert found == [("Somali National Army", "Somali National Army"), ("al-Shabaab", "al-Shabaab")]


def test_a_capital_or_a_country_that_speaks_is_its_government():
    # "Kiev" is often tagged a person; as the subject of a speech verb it is Ukraine's government
    assert speakers("Kiev accused Moscow of moving tanks to the border on Sunday.") == [("Ukrainian government", "Ukraine")]
    assert speakers("Ukraine said on Sunday that the talks would resume.") == [("Ukrainian government", "Ukraine")]
    assert speakers("Rwanda has denied any role in the fighting.") == [("Rwandan government", "Rwanda")]


def test_a_demonym_tells_where_an_unnamed_speaker_is_from_not_whom_it_speaks_for():
    # activists of a country's opposition do not speak for its state, so its jets are not their side
    found = extract_text("Syrian opposition activists said Syrian army jets bombed a market in the town on Sunday.").statements
    assert [(s.speaker.name, s.speaker.affiliation, s.kind) for s in found] == [("syrian opposition activists", None, "accusation")]
    assert speakers("A Syrian military source said the talks would resume.") == [("Syrian military source", "Military Forces of Syria")]


def test_a_name_after_a_role_and_its_department_in_commas_is_that_person():
    found = speakers(
        "Air Commodore Tunde Bello said the jets struck the camp. "
        "The Director, Army Public Relations, Col. Sani Garba, made the denial in a short message sent to reporters."
    )
    assert [name for name, _ in found] == ["Tunde Bello", "Sani Garba"]


def test_a_dateline_run_into_the_first_sentence_is_not_its_speaker():
    assert speakers("ASHGROVE, Nordland May 3 Regional officials said on Friday that shelling had killed three people.") == [
        ("regional officials", None)]


def test_a_dateline_ended_by_a_dash_is_no_part_of_an_unnamed_speaker():
    assert speakers("ASHGROVE, Nordland (Sitrep Wire) - Regional officials said on Friday that three people were killed.") == [
        ("regional officials", None)]


def test_a_name_that_opens_with_a_country_is_no_government():
    assert speakers("Meanwhile, Myanmar Now, a news site, reported that the strike killed 40 people.")[0][0] == "Myanmar"


def test_the_military_of_a_philippine_story_is_the_armed_forces_of_the_philippines():
    assert speakers("Soldiers clashed with New People's Army rebels in Bukidnon province on Sunday. The military said two rebels were killed.") == [
        ("Armed Forces of the Philippines", "Armed Forces of the Philippines")]


def test_an_abbreviated_body_takes_the_full_name_the_story_gives_it():
    assert [name for name, _ in speakers("In a statement, the National Security Council said the prisoners were on the list. "
                                          "The NSC said the release would continue.")] == ["National Security Council"] * 2


def test_the_opposition_points_back_to_the_opposition_body_named_before():
    found = speakers("The SPLM-IO said government troops attacked its base in Yei on Monday. "
                     "Meanwhile, the armed opposition has called upon the ceasefire monitors to investigate the attack.")
    assert [name for name, _ in found] == ["SPLM-IO", "SPLM-IO"]


def test_a_government_whose_demonym_is_shared_is_named_by_the_countrys_own_name():
    assert speakers("Fighting resumed in North Kivu. Kinshasa accused Kigali of supporting the rebel movement.") == [
        ("DRC government", "Democratic Republic of Congo")]


def test_a_description_with_more_words_than_its_noun_points_to_the_speaker_so_described():
    text = (
        "An AFP witness reported seeing smoke over the port. "
        "Army spokesman Musa Kanu said the rebels fired mortars at the barracks. "
        "He said two soldiers were wounded. "
        "Gunfire could be heard near the market at dusk, according to the AFP witness."
    )
    assert [name for name, _ in speakers(text)] == ["AFP witness", "Musa Kanu", "Musa Kanu", "AFP witness"]


def test_a_tag_whose_speaker_the_parser_gave_to_a_participle_after_it():
    found = extract_text(
        "The Somali government on Monday released 212 members of the Popular Front from Kismayo and Baidoa jails, "
        "said members of the commission implementing the peace deal between the front and the Somali government."
    ).statements
    assert [(s.speaker.name, s.kind) for s in found] == [("members", "statement")]


def test_a_bare_role_noun_said_again_may_be_the_person_named_meanwhile():
    text = ("A spokesman confirmed the truce on Sunday. "
            "Spokesman Omar Faruq said the fighters would stay in their camps. "
            "The spokesman also urged the fighters to keep away from the towns.")
    found = [s.speaker.name for s in extract_text(text).statements]
    assert found[-1] == "Omar Faruq"


def test_a_role_then_a_name_opening_the_next_sentence_is_that_person():
    text = (
        "The United Nations envoy for Mali said on Monday that the mission was short of helicopters.\n\n"
        "Emilio Duarte told the council that the mission needed more pilots."
    )
    assert [name for name, _ in speakers(text)] == ["Emilio Duarte", "Emilio Duarte"]


def test_a_role_then_a_name_with_a_role_of_their_own_is_someone_else():
    text = (
        "The police official said the road was closed on Monday.\n\n"
        "Amadou Keita, a trader, said the market stayed shut."
    )
    assert [name for name, _ in speakers(text)] == ["police official", "Amadou Keita"]


def test_a_role_then_a_name_tagging_a_quote_that_opens_in_the_next_sentence_is_that_person():
    text = (
        "The separatists' chief negotiator on Tuesday accused government troops of breaking the truce.\n"
        "\"We see no point in more meetings. The shelling has to stop first,\" Sergei Ivanov told reporters in Luhansk."
    )
    assert [name for name, _ in speakers(text)] == ["Sergei Ivanov", "Sergei Ivanov"]


def test_armed_men_no_one_names_speak_as_the_story_calls_them():
    assert speakers("Pro-Russian fighters said Ukrainian artillery had hit a bakery in Makiivka on Tuesday.") == [
        ("Pro-Russian fighters", "Unidentified Armed Group (Ukraine)")
    ]


def test_armed_men_named_again_by_their_noun_alone_keep_their_first_naming():
    found = speakers("Pro-Russian fighters said on Monday that Ukrainian troops had shelled Makiivka. "
                     "The fighters also said the army broke the truce.")
    assert [name for name, _ in found] == ["Pro-Russian fighters", "Pro-Russian fighters"]


def test_the_fuller_naming_is_found_past_a_bare_definite_one():
    found = speakers("Pro-Russian fighters said on Monday that Ukrainian troops had shelled Makiivka. "
                     "The fighters said the army broke the truce. Fighters also said a school was hit.")
    assert [name for name, _ in found] == ["Pro-Russian fighters"] * 3


def test_a_country_inside_a_ministrys_name_tagged_a_person_leaves_the_ministry_the_speaker():
    found = speakers("Armenia's defence ministry said Azerbaijani forces had shelled Jermuk overnight. "
                     "Azerbaijan's defence ministry said its units had only returned fire.")
    assert found == [("Armenia's defence ministry", "Government of Armenia"),
                     ("Azerbaijan's defence ministry", "Government of Azerbaijan")]


def test_a_title_of_two_hyphenated_titles_keeps_the_apposition_a_person():
    found = speakers("The council seized power in July. Its spokesman, Colonel-Major Idrissa Kone, said on Sunday "
                     "that the detained ministers would be tried.")
    assert found == [("Idrissa Kone", None)]


def test_a_misspelt_surname_that_is_not_the_last_of_the_names_is_the_same_person():
    # "Atonfak" for "Atonfack", the third of four names
    found = speakers("The army's spokesman, Colonel Cyrille Serge Atonfack Guemo, said troops had come under fire. "
                     "Col. Atonfak said stray rounds had set off several fuel containers.")
    assert [name for name, _ in found] == ["Cyrille Serge Atonfack Guemo", "Cyrille Serge Atonfack Guemo"]


def test_the_bloc_speaks_for_the_organisation_named_before():
    found = speakers("The Economic Community of West African States (ECOWAS) has threatened to use force. "
                     "The bloc says it still prefers a diplomatic solution.")
    assert [name for name, _ in found] == ["ECOWAS", "ECOWAS"]


def test_the_agent_of_a_speech_participle_is_the_speaker():
    found = speakers("Figures announced on Friday by the national election board gave the governor 64 percent of the vote.")
    assert [name for name, _ in found] == ["National election board"]


def test_a_proper_name_after_a_description_is_the_speaker():
    found = speakers("Iraq's official news agency INA reported that two rockets hit the base in Anbar.")
    assert found == [("INA", "Government of Iraq")]


def test_a_verb_joined_to_the_reported_clause_keeps_the_speech_verbs_subject():
    found = extract_text("The opposition party said police were to blame for the deaths in Lagos and called for an independent inquiry.").statements
    assert [(s.speaker.name, s.kind) for s in found] == [("Opposition party", "accusation"), ("Opposition party", "demand")]


def test_one_of_a_definite_group_is_a_speaker_of_its_own():
    found = speakers("Omar Bakri said the bus was hit. One of the three survivors, speaking from his hospital bed, said the gunmen fired first.")
    assert [name for name, _ in found] == ["Omar Bakri", "survivor"]


def test_a_country_the_body_is_based_in_describes_it_and_the_monitor_points_back():
    found = speakers("The Syrian Observatory for Human Rights said four fighters died in Idlib. The Britain-based monitor said the toll could rise.")
    assert [name for name, _ in found] == ["Syrian Observatory for Human Rights"] * 2
    assert speakers("A Qatar-based channel said its reporter was detained in Cairo.") == [("Qatar-based channel", None)]


def test_a_demonym_before_a_body_keeps_the_body():
    assert speakers("The Egyptian presidency condemned the attack on the convoy in Sinai.") == [("Egyptian presidency", "Egypt")]
    found = speakers('The Armenian Foreign Ministry rejected the claims of Baku on Monday. "The other side is lying," the Armenian ministry said.')
    assert [name for name, _ in found] == ["Armenian Foreign Ministry"] * 2


def test_the_named_group_in_an_of_phrase_speaks_for_its_members():
    found = speakers("The rebels of the Front for Change and Concord in Chad (FACT), who crossed the border in April, said they had taken the town.")
    assert [name for name, _ in found] == ["Front for Change and Concord in Chad (FACT)"]
    assert [name for name, _ in speakers("Militants of the Islamic State said they had killed four soldiers in Diffa.")] == ["Islamic State"]


def test_a_persons_possessive_before_a_body_noun_names_the_body():
    found = speakers("Fathi Bashagha was named prime minister in March. Bashagha's government denied that its forces had shelled Tripoli.")
    assert [name for name, _ in found] == ["Bashagha government"]


def test_a_document_speaks_for_whoever_made_it():
    found = speakers("A complaint registered by the district police at the Gao station said that four herders were killed.")
    assert [name for name, _ in found] == ["District police"]


def test_capitals_joined_as_one_subject_are_governments_each_speaking():
    found = speakers("The militia is not a party to the truce and both Moscow and Ankara say the fight against it will go on.")
    assert [affiliation for _, affiliation in found] == ["Russia", "Turkey"]
    assert len(speakers("Police and residents said the market was burned.")) == 1
    found = speakers("The deal leaves out the Hurras group, which holds much of the valley. "
                     "The group is not a party to it and both Moscow and Ankara say the fight against it will go on.")
    assert [affiliation for _, affiliation in found] == ["Russia", "Turkey"]


def test_neither_this_nor_that_speaker_says_anything():
    assert speakers("Neither Nairobi nor Washington has confirmed those figures.") == []


def test_a_body_told_by_the_city_it_is_based_in_points_back():
    found = speakers("Human Rights Watch said soldiers shot six men near Gao. The New York-based group said the killings began on Monday. "
                     "The rights group urged the authorities to allow an inquiry.")
    assert [name for name, _ in found] == ["Human Rights Watch"] * 3
    assert speakers("A Beirut-based channel said the strike hit a depot.") == [("Beirut-based channel", None)]


def test_his_family_is_the_family_of_the_person_named_before():
    found = speakers("A Kenyan engineer, Peter Mwangi, was among those killed in the ambush, his family said.")
    assert [name for name, _ in found] == ["family of Peter Mwangi"]


def test_a_described_body_does_not_point_back_to_a_body_described_otherwise():
    found = speakers("Opposition parties called for a civilian-led transition. "
                     "Provisional results announced on Monday by the electoral commission gave the governor 64 percent of the vote.")
    assert [name for name, _ in found] == ["Opposition parties", "Electoral commission"]


def test_a_name_right_after_a_role_the_parse_made_its_apposition_is_the_person():
    found = speakers("The protests grew days after the Sunni cleric Ahmed al-Kubaisi, whose followers had filled the squares, "
                     "said he would withdraw his support.")
    assert [name for name, _ in found] == ["Ahmed al-Kubaisi"]


def test_a_body_citing_evidence_keeps_its_voice_and_its_statement_speaks_for_it():
    found = speakers(
        "The regional prosecutor said on Monday that forty people had died. "
        "Twelve more were hurt, the prosecutor's office said in a statement, citing the testimony of witnesses. "
        "According to the statement, the gunmen came in four trucks. "
        "They burned the market, the statement said. They then fled north, it said."
    )
    assert [name for name, _ in found] == ["regional prosecutor"] * 5


def test_an_outlet_citing_a_source_still_passes_its_voice_on():
    found = speakers("Three guards were hurt in a raid on the depot, state television said, citing a police source.")
    assert [name for name, _ in found] == ["police source"]


def test_the_ministry_is_the_body_named_a_ministry_not_the_last_body_that_spoke():
    found = speakers(
        "The Kenyan health ministry said nine people had died in the riots in Garissa. "
        "The Kenyan army said its soldiers had fired only in the air. "
        "The ministry accused the soldiers of shooting at a clinic."
    )
    assert [name for name, _ in found] == ["Kenyan health ministry", "Kenyan army", "Kenyan health ministry"]


def test_a_passive_relative_clause_about_a_thing_names_no_speaker_and_he_there_is_the_one_named():
    found = extract_text(
        "The cabinet accuses the former minister Joseph Oyelaran, whose bid for the senate was rejected by the "
        "electoral board, of arming the militia, a charge he has denied."
    ).statements
    assert [(s.speaker.name, s.kind) for s in found] == [("Cabinet", "accusation"), ("Joseph Oyelaran", "denial")]


def test_a_name_right_after_the_noun_that_says_what_it_is_names_the_speaker():
    found = speakers(
        "Al-Shabaab fighters attacked the base. "
        "Phone lines in the region were cut on Friday, according to the watchdog group LineWatch."
    )
    assert found == [("LineWatch", None)]
    found = speakers(
        "Al-Shabaab fighters attacked the base. "
        "Internet access in the district was cut on Sunday, according to the monitoring group NetCheck."
    )
    assert found == [("NetCheck", None)]


@pytest.mark.parametrize(
    "text, expected",
    [
        pytest.param(
            "The Northern Volunteer Rangers Corps said three of its posts were overrun on Monday. "
            "A resident said the shooting lasted an hour. "
            "The Rangers blamed a rival militia for the attack.",
            ["Northern Volunteer Rangers Corps", "resident", "Northern Volunteer Rangers Corps"],
            id="a_body_called_by_one_word_of_its_full_name_is_that_body",
        ),
        pytest.param(
            "Wild Horizons, the Kenya-based conservation group that runs the reserve, said two rangers had died. "
            "The group said the rangers had been ambushed.",
            ["Wild Horizons", "Wild Horizons"],
            id="a_name_the_story_calls_a_group_speaks_as_a_body_and_the_group_points_back_to_it",
        ),
        pytest.param(
            "The gunmen struck the post in tambon Ban Rak at midnight, according to Col Somchai Sae-lim, "
            "spokesman for the regional command. He said the attackers had blocked the roads.",
            ["Somchai Sae-lim", "Somchai Sae-lim"],
            id="a_titled_name_with_a_hyphenated_part_is_a_person_and_he_stands_for_them",
        ),
        pytest.param(
            "Police in Kasese said twenty pupils had been killed. "
            "The education ministry said the state would pay for the funerals.",
            ["Police", "Education ministry"],
            id="a_ministry_described_by_its_field_is_not_the_police_that_spoke_before",
        ),
        pytest.param(
            "The fighting in the market went on until dawn before troops separated the clans, "
            "the mission, known as MONUSCO, said in a statement.",
            ["UN Stabilization Mission in DR Congo (MONUSCO)"],
            id="a_tag_whose_speaker_carries_an_aside_in_commas_is_that_speakers",
        ),
        pytest.param(
            "Kenya's prime minister accused the rebels on Monday of attacking the convoy. "
            "Interior Minister Daniel Oduya said two officers were killed. "
            '"This was a planned attack," Prime Minister Joseph Wambua said.',
            ["Joseph Wambua", "Daniel Oduya", "Joseph Wambua"],
            id="a_role_described_before_the_name_is_the_one_person_titled_with_all_its_words",
        ),
        pytest.param(
            "President Amina Deng ordered the army to guard the schools, presidential spokeswoman Rose Ayen said. "
            '"They will be caught," she quoted her as saying.',
            ["Rose Ayen", "Amina Deng"],
            id="the_one_quoted_is_not_the_one_who_quotes",
        ),
        pytest.param(
            "The Eastern Front, founded by exiled rivals of Mr Okello in 2004, has long been based in the hills "
            "and last year announced a new leader.",
            ["Eastern Front"],
            id="a_verb_joined_to_a_passive_shares_its_subject_not_a_person_named_inside_it",
        ),
    ],
)
def test_who_a_body_role_or_pronoun_stands_for(text, expected):
    assert [name for name, _ in speakers(text)] == expected


def test_people_described_and_a_body_named_together_are_two_sources():
    found = speakers("Gunmen seized the market town on Sunday after hours of fighting, witnesses and Amnesty International said.")
    assert found == [("witnesses", None), ("Amnesty International", "Amnesty International")]


@pytest.mark.parametrize(
    "sentence, speaker",
    [
        ("President Abdel Fattah el-Sisi said on Friday that the talks would resume.", "Abdel Fattah el-Sisi"),
        ("Foreign minister Ursula von Kamp said on Friday that the talks would resume.", "Ursula von Kamp"),
    ],
)
def test_lower_case_particles_stay_inside_a_name(sentence, speaker):
    assert [s.speaker.name for s in extract_text(sentence).statements] == [speaker]


def test_he_after_a_role_that_gave_a_figure_is_that_role_not_the_last_speaker():
    found = extract_text(
        "A bomb killed 26 people in the square on Sunday, a senior official at the hospital said. "
        "A spokesman for the militia gave a higher figure. Speaking by telephone on Tuesday, he said that "
        "more than 40 civilians had been killed in the strike.").statements
    assert [s.speaker.name for s in found] == ["senior official", "spokesman"]
