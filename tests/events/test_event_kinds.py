"""Event kinds from sentences we wrote: protests and strikes, riots by crowds and party
activists, weapons found before use, bases set up, prisoner exchanges, and counts."""

from __future__ import annotations

import pytest

from tests.events.reading import first, kind


@pytest.mark.parametrize(
    "sentence",
    [
        "Nurses at the district hospital in Kisumu went on strike on Monday over unpaid allowances.",
        "Hundreds of traders formed a human chain in Rajshahi on Tuesday demanding lower market fees.",
        "Opposition supporters staged a protest march in Harare on Monday against rising fuel prices.",
    ],
)
def test_strikes_marches_and_human_chains_are_peaceful_protests(sentence):
    assert kind(sentence) == ("Protests", "Peaceful protest")


def test_police_dispersing_a_demonstration_is_an_intervention():
    assert kind("Teachers demonstrated in Goma on Monday for better pay, and police dispersed them and arrested five people.") == (
        "Protests", "Protest with intervention")


def test_party_activists_torching_a_bus_is_a_riot():
    assert kind("Opposition activists torched a bus and vandalised three shops in Bogra on Sunday night.")[0] == "Riots"


def test_unnamed_arsonists_torching_vehicles_is_a_riot_not_an_armed_clash():
    assert kind("Assailants set fire to two trucks parked near the bus stand in Feni on Tuesday evening.")[0] == "Riots"


def test_an_armed_group_burning_a_farm_is_property_destruction():
    assert kind("Militants of the armed group burned down a farmhouse and two tractors near Kidal on Monday.") == (
        "Strategic developments", "Looting/property destruction")


def test_villagers_clashing_with_sticks_is_mob_violence():
    assert kind("Two groups of villagers clashed with sticks over a land dispute in Dinajpur on Friday, injuring eight people.") == (
        "Riots", "Mob violence")


def test_crude_bombs_hurled_by_party_men_are_a_riot():
    assert kind("Student wing activists hurled crude bombs near the university gate in Dhaka on Monday.")[0] == "Riots"


def test_a_petrol_bomb_that_burns_bus_passengers_is_an_attack_on_civilians():
    incident = first("Four passengers suffered burn injuries when unidentified assailants hurled a petrol bomb at a bus in Comilla on Friday.")
    assert (incident.acled_type, incident.acled_sub_type, incident.injured) == ("Violence against civilians", "Attack", 4)


@pytest.mark.parametrize(
    "sentence",
    [
        "Police found a cache of rifles and ammunition in a house near Mombasa on Sunday.",
        "Soldiers discovered three explosive devices under a bridge outside Mosul on Tuesday.",
        "Security forces seized two grenades and a pistol from a car in Srinagar on Monday.",
    ],
)
def test_weapons_found_or_seized_are_disrupted_weapons_use(sentence):
    assert kind(sentence) == ("Strategic developments", "Disrupted weapons use")


def test_setting_up_an_observation_post_establishes_a_base():
    assert kind("Turkish troops set up a new observation post near the town of Saraqib on Thursday.") == (
        "Strategic developments", "Headquarters or base established")


def test_a_prisoner_exchange_is_an_agreement():
    assert kind("The two warring sides exchanged prisoners near Aden on Sunday under a deal brokered by tribal elders.") == (
        "Strategic developments", "Agreement")


def test_talks_about_a_prisoner_swap_are_no_agreement():
    incident = first("The delegation pulled out of talks over a prisoner swap with the government.")
    assert incident is None or incident.acled_sub_type != "Agreement"


def test_forces_withdrawing_from_a_town_hand_it_over():
    assert kind("Government troops withdrew from the town of Gofgadud on Wednesday without any resistance.") == (
        "Strategic developments", "Non-violent transfer of territory")


def test_a_grenade_that_exploded_is_a_grenade_attack():
    assert kind("Two grenades exploded at a market in Mogadishu on Friday, wounding six people.") == (
        "Explosions/Remote violence", "Grenade")


def test_poisonous_gas_is_a_chemical_weapon():
    assert kind("Rebels fired shells filled with poisonous gas at a town in Idlib province on Tuesday, injuring 20 people.") == (
        "Explosions/Remote violence", "Chemical weapon")


def test_small_arms_with_heavier_weapons_is_an_armed_clash():
    assert kind("On 3 March 2020, rebel forces fired mortars and small arms at army positions near Avdiivka.") == (
        "Battles", "Armed clash")


def test_gunmen_attacking_a_village_attack_civilians():
    assert kind("Gunmen attacked a village in Zamfara state on Sunday and killed nine people.") == (
        "Violence against civilians", "Attack")


def test_an_attack_on_press_freedom_is_no_incident():
    incident = first("Reporters said the closure of the newspaper was an attack on press freedom.")
    assert incident is None


def test_hacked_to_death_kills_one():
    incident = first("A shopkeeper was hacked to death by unidentified men in Barisal on Friday night.")
    assert incident.killed == 1


def test_an_unsided_toll_restates_the_sided_one():
    incident = first("Armed men shot a taxi driver in Veracruz on Monday. The driver died. 1 fatality.")
    assert incident.killed == 1


def test_shot_and_killed_is_a_killing():
    incident = first("A soldier shot and killed a motorcycle taxi driver in Bafoussam on Saturday after a dispute.")
    assert incident.killed == 1


def test_a_headline_toll_counts_its_subject():
    incident = first("Nine killed and three injured in a bomb blast at a market in Maiduguri on Monday.")
    assert (incident.killed, incident.injured) == (9, 3)


def test_one_dead_and_three_injured_are_two_figures():
    incident = first("One dead and three injured when a bus hit a landmine near Hulugho on Sunday.")
    assert (incident.killed, incident.injured) == (1, 3)


def test_killed_and_wounded_together_stays_combined():
    incident = first("The Taliban attacked the district on Monday and nearly 20 police officers were killed and wounded.")
    assert (incident.killed, incident.injured, incident.killed_or_injured) == (None, None, 20)


def test_attacked_and_killed_counts_the_passive_subject():
    incident = first("A trader was attacked and killed by unknown men in Jaunpur on Tuesday.")
    assert incident.killed == 1


def test_a_figure_and_its_conjunct_are_not_summed():
    incident = first("Gunmen ambushed a police patrol near Tierra Blanca on Monday. 3 fatalities and 4 injured.")
    assert (incident.killed, incident.injured) == (3, 4)


def test_rebels_retaking_a_village_overtake_territory():
    assert kind("Rebel fighters recaptured the village of Kafr Nabl from government troops on Sunday.") == (
        "Battles", "Non-state actor overtakes territory")


def test_troops_freeing_villages_regain_territory():
    assert kind("Army troops freed four villages from the militants in Diyala province on Wednesday.") == (
        "Battles", "Government regains territory")


def test_protesters_clashing_with_police_is_a_violent_demonstration():
    assert kind("Protesters clashed with police outside the parliament in Beirut on Saturday as officers fired tear gas.") == (
        "Riots", "Violent demonstration")


def test_forces_killing_protesters_at_a_demonstration_is_excessive_force():
    assert kind("Security forces opened fire on a demonstration in Nasiriyah on Friday, killing four protesters.") == (
        "Protests", "Excessive force against protesters")


def test_worshippers_gathered_in_a_church_are_no_protest():
    assert kind("A suicide bomber blew himself up outside a church in Lahore on Sunday as worshippers were gathered inside, killing 12 people.") == (
        "Explosions/Remote violence", "Suicide bomb")


def test_an_aggregate_on_another_noun_does_not_drop_the_event():
    assert kind("The two sides exchanged prisoners near Aleppo on Tuesday, the scene of the fiercest fighting in recent months.") == (
        "Strategic developments", "Agreement")


def test_a_coders_figure_settles_the_toll():
    incident = first("On 4 March 2020, a drone strike killed two fighters near Lashkar Gah. Fatalities coded as 0 (the group reported 2).")
    assert incident.killed == 0


def test_a_body_found_is_an_attack_on_civilians():
    assert kind("On 2 May 2020, the body of a man was found with gunshot wounds near Culiacan.") == (
        "Violence against civilians", "Attack")


def test_clashes_between_police_and_party_activists_are_a_riot():
    assert kind("Clashes broke out between police and opposition activists in Narayanganj on Monday, injuring 20 people.")[0] == "Riots"


def test_cocktail_bombs_thrown_by_assailants_are_no_armed_clash():
    assert kind("Assailants hurled two cocktail bombs in front of the bus terminal in Sylhet on Tuesday.")[0] == "Riots"


def test_a_gas_cylinder_explosion_is_no_attack():
    assert first("Three workers were injured when a gas cylinder exploded at a restaurant in Lagos on Monday.") is None


@pytest.mark.parametrize(
    "sentence",
    [
        # a protest that goes on is reported that day ("continued" and "began" are no intention verbs)
        "Sugar mill workers continued their hunger strike outside the labour office in Meerut on Tuesday. Day 12.",
        "Members of the farmers' union began a three-day protest near the district court in Ludhiana.",
        "Bus drivers continued a strike over unpaid wages in Kandy on Monday.",
        "Teachers boycotted classes in Patna on Monday demanding regular pay.",
        "Youth wing activists burnt an effigy of the chief minister in Shimla on Friday.",
        "Students organised a candle march in Guwahati on Sunday against the fee hike.",
        "Residents have taken to the streets in Jumla demanding a new road.",
        "Party workers held an agitation outside the collectorate in Salem on Friday.",
    ],
)
def test_protest_forms_of_south_asian_reports(sentence):
    assert kind(sentence) == ("Protests", "Peaceful protest")


def test_a_headline_style_line_break_inside_a_paragraph_is_no_heading():
    text = "Nurses held a protest in Lahore on Monday over unpaid salaries. They were joined by \nmembers of the doctors' association."
    assert kind(text) == ("Protests", "Peaceful protest")


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Indian and Pakistani troops fired at each other across the Line of Control in Poonch on Sunday.", ("Battles", "Armed clash")),
        ("Border guards resorted to unprovoked firing on two posts in the Arnia sector on Monday.", ("Battles", "Armed clash")),
        ("Gunmen shot at a bakery in Culiacan on Tuesday night; nobody was hurt.", ("Violence against civilians", "Attack")),
        ("Army troops seized a strategic hilltop from the rebels near Laukkai on Wednesday.", ("Battles", "Government regains territory")),
        ("The air force bombed a rebel camp near Kidal on Thursday.", ("Explosions/Remote violence", "Air/drone strike")),
        ("Militants blew up a bridge on the highway near Bannu on Sunday night.", ("Explosions/Remote violence", "Remote explosive/landmine/IED")),
        ("A fight broke out between councillors of the two parties at the town hall in Yerevan.", ("Riots", "Mob violence")),
    ],
)
def test_battles_attacks_and_brawls_told_in_other_words(sentence, expected):
    assert kind(sentence) == expected


def test_killing_a_named_kind_of_person_counts_one():
    incident = first("Maoists killed a postmaster in Malkangiri district on Saturday.")
    assert incident is not None and incident.killed == 1


def test_a_petrol_bomb_hurled_at_a_bus_is_no_roadside_bomb():
    incident = first("Assailants hurled a petrol bomb at a bus in Gazipur on Monday night, injuring three passengers.")
    assert (incident.acled_type, incident.acled_sub_type) == ("Violence against civilians", "Attack")


@pytest.mark.parametrize(
    "sentence",
    [
        "Police detained thirty students in Jaipur on Monday as they tried to march towards the governor's house.",
        "Police arrested 40 teachers as they attempted to picket the education office in Chennai on Tuesday.",
    ],
)
def test_arrests_of_people_trying_to_protest_are_an_intervention(sentence):
    assert kind(sentence) == ("Protests", "Protest with intervention")


@pytest.mark.parametrize(
    "sentence",
    [
        "Police arrested two men who planned to attack a rally in Lahore on Monday.",
        "In March, police arrested 20 people in Quetta on suspicion of smuggling.",
    ],
)
def test_arrests_near_protest_words_that_name_no_protest_stay_arrests(sentence):
    assert kind(sentence) == ("Strategic developments", "Arrests")


@pytest.mark.parametrize(
    "sentence",
    [
        # one armed side and victims nobody calls fighters: an attack on civilians
        "Soldiers summarily executed two herders near Djibo on Saturday.",
        "Unknown gunmen on a motorbike killed a radio presenter in Dumaguete on Tuesday.",
        "Maoist rebels shot dead a suspected police informer near a police station in Sukma on Friday.",
        # a bracket that glosses where a village lies names no party to the violence
        "Unidentified gunmen killed one resident of Miango (Bassa LGA, Plateau) on Sunday.",
    ],
)
def test_one_armed_side_against_unnamed_or_civilian_victims_is_violence_against_civilians(sentence):
    assert kind(sentence) == ("Violence against civilians", "Attack")


def test_fire_on_a_border_post_of_another_state_is_a_battle():
    sentence = "Pakistani Rangers fired three rounds at the forward Indian Post Mangu Chak in Samba district on Monday."
    assert kind(sentence) == ("Battles", "Armed clash")


@pytest.mark.parametrize(
    "sentence",
    [
        "Two gunmen hurled a grenade at a checkpoint in Sopore and exchanged fire with the police for an hour on Monday.",
        "Two soldiers and three militants died in a gunbattle that lasted all night in the Rajouri forests.",
        "Gang members started shooting at a police patrol in Teotepeque, and the police fired back.",
    ],
)
def test_an_exchange_of_fire_is_a_clash_whatever_else_was_thrown(sentence):
    assert kind(sentence) == ("Battles", "Armed clash")


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Migrant workers threw stones at police at a check post in Halol on Saturday.", ("Riots", "Violent demonstration")),
        ("Police used a lathicharge against teachers demanding permanent jobs in Mohali on Monday.",
         ("Protests", "Protest with intervention")),
        ("A civilian was killed in Deraa on Friday when an unexploded mine from previous fighting exploded.",
         ("Explosions/Remote violence", "Remote explosive/landmine/IED")),
    ],
)
def test_stones_at_police_lathicharges_and_old_ordnance(sentence, expected):
    assert kind(sentence) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Four suicide bombers struck a market in Maiduguri on Wednesday, killing twelve people, a rescue worker said.",
         ("Explosions/Remote violence", "Suicide bomb")),
        ("A government helicopter dropped a chlorine bomb on a residential district of Saraqib on Monday.",
         ("Explosions/Remote violence", "Chemical weapon")),
        ("An attack was launched on a Kenyan military base in Gedo on Monday, and one soldier was killed.",
         ("Battles", "Armed clash")),
        ("Two grenades were thrown at shops in Dakar during the clashes on Sunday, injuring eleven people.",
         ("Explosions/Remote violence", "Grenade")),
    ],
)
def test_weapons_and_targets_decide_over_loose_context_words(sentence, expected):
    assert kind(sentence) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Police fired teargas shells at a rally of party workers in Shillong on Thursday.", ("Protests", "Protest with intervention")),
        ("Farmers rallied at the Krishna barrage near Vijayawada on Monday against the land pooling scheme.", ("Protests", "Peaceful protest")),
    ],
)
def test_tear_gas_shells_and_river_barrages_are_no_shelling(sentence, expected):
    assert kind(sentence) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("About sixty nurses were detained after they attempted to stage a sit-in outside the health ministry in Colombo.",
         ("Protests", "Protest with intervention")),
        ("Defying the curfew, hundreds of residents staged demonstrations in Baramulla on Friday.", ("Protests", "Peaceful protest")),
    ],
)
def test_attempted_sit_ins_and_protests_defying_a_curfew(sentence, expected):
    assert kind(sentence) == expected


@pytest.mark.parametrize(
    "sentence",
    [
        "Residents protested in Sukkur on Monday against the killing of a local trader by unknown gunmen.",
        "Villagers of Bule demonstrated on Friday to deplore the attack by militiamen the night before.",
        "Protesters blocked the coastal highway near Jiyeh in both directions on Tuesday.",
    ],
)
def test_what_protesters_protest_about_is_not_what_they_did(sentence):
    assert kind(sentence) == ("Protests", "Peaceful protest")


def test_fire_in_both_directions_of_a_front_line_is_a_clash():
    text = "Monitors recorded 40 explosions in both directions of the front line near Zolote on Sunday."
    assert kind(text) == ("Battles", "Armed clash")


@pytest.mark.parametrize(
    "sentence",
    [
        "Two policemen were shot dead in Quetta on Monday as they were returning home from night duty.",
        "Gunmen on a motorcycle shot dead a religious scholar outside his seminary in Peshawar on Friday.",
    ],
)
def test_off_duty_police_and_named_civilian_trades_are_attacks_on_civilians(sentence):
    assert kind(sentence) == ("Violence against civilians", "Attack")


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Air force jet fighters pounded militant hideouts in the Tirah valley on Sunday, killing eight.",
         ("Explosions/Remote violence", "Air/drone strike")),
        ("Rebel forces fired 14.5mm guns at houses on the edge of Hays on Tuesday.",
         ("Explosions/Remote violence", "Shelling/artillery/missile attack")),
        ("Militants set off a remote-controlled bomb beside an army truck near Sason on Monday.",
         ("Explosions/Remote violence", "Remote explosive/landmine/IED")),
    ],
)
def test_jets_heavy_calibres_and_remote_bombs(sentence, expected):
    assert kind(sentence) == expected


def test_a_phrase_trigger_matches_its_plural():
    # "bomb attack" is in the lexicon; "two bomb attacks" is the same kind of event
    assert kind("Two bomb attacks targeted security officers in Pattani province.")[1] == "Remote explosive/landmine/IED"


def test_an_assassination_attempt_is_an_attack_though_nobody_died():
    assert kind("An assassination attempt on the governor of Kunduz province took place in Kunduz city on Tuesday, officials said.") == (
        "Violence against civilians", "Attack")


def test_captives_swapped_with_a_figure_between_verb_and_noun_are_an_agreement_carried_out():
    assert kind("Armenia and Azerbaijan swapped 15 prisoners of war on Monday, officials said.") == ("Strategic developments", "Agreement")


def test_fire_exchanged_is_fighting_and_a_swap_named_as_an_agreement_is_none():
    assert kind("Troops and rebels exchanged fire near Lachin on Monday.") == ("Battles", "Armed clash")
    assert kind("The prisoner swap between the two sides was among the agreements reached in Vienna in May.") is None


@pytest.mark.parametrize("sentence, expected", [
    # "take" tells a capture when what was taken is itself ground
    ("The insurgents said they had taken the airport outside Kunduz city on Saturday.",
     ("Battles", "Non-state actor overtakes territory")),
    ("The rebels took Kunduz city after two days of fighting.", ("Battles", "Non-state actor overtakes territory")),
    # a palace is ground a side holds ("seized the presidential palace")
    ("Rebel fighters seized the presidential palace on Monday night.", ("Battles", "Non-state actor overtakes territory")),
    # ... and not when it took people, took up positions or took an oath
    ("Soldiers took the wounded to a clinic in Kunduz city on Sunday.", None),
    ("Soldiers took up positions around the town on Sunday.", None),
    ("The governor took the oath of office in Kunduz city on Sunday.", None),
])
def test_take_is_a_capture_only_of_ground(sentence, expected):
    assert kind(sentence) == expected


def test_a_list_of_ground_taken_is_read_whole():
    # the ground noun stands last in the coordinated list, after two buildings
    assert kind("The militia said it had seized the customs office, the radio station and the airport "
                "in Kunduz province.") == ("Battles", "Non-state actor overtakes territory")


def test_a_building_struck_is_a_blow_not_a_workers_strike():
    # a school "was struck" while teachers were inside: the passive verb takes what was hit
    assert kind("Medics said a clinic in the village of Kafr Ruma was struck twice on Tuesday as nurses "
                "carried patients out, killing four.") == ("Violence against civilians", "Attack")
    assert kind("Teachers in the city struck on Tuesday over unpaid salaries, closing most schools.") == (
        "Protests", "Peaceful protest")


@pytest.mark.parametrize(
    "sentence",
    [
        "Two helicopters dropped several bombs on a market in the village of Lay Kay on Tuesday, wounding 30 people, residents said.",
        "Bombs dropped by army jets hit a village in Magway region on Tuesday, killing nine people, residents said.",
    ],
)
def test_bombs_dropped_are_an_air_strike_even_with_a_toll(sentence):
    assert kind(sentence) == ("Explosions/Remote violence", "Air/drone strike")


def test_a_bomb_planted_on_the_ground_stays_a_bomb():
    assert kind("A bomb planted under a car went off in the town of Lay Kay on Tuesday, wounding 30 people, "
                "police said.") == ("Explosions/Remote violence", "Remote explosive/landmine/IED")


def test_explosions_heard_during_an_assault_tell_no_weapon():
    # the storming is told in one sentence, what residents heard in the next: its sound, no bomb
    assert kind("Gunmen stormed a police post outside Garissa before dawn on Tuesday, killing two officers. "
                "Residents said they had been woken by heavy gunfire and loud explosions.") == ("Battles", "Armed clash")
    # told alone, the explosions heard are the event
    assert kind("Residents heard several explosions near the market in Garissa on Tuesday, killing two people.") == (
        "Explosions/Remote violence", "Remote explosive/landmine/IED")


def test_a_bare_number_captured_is_people_not_ground():
    # "captured 25" leaves its noun to the clause before: 25 insurgents, no town taken
    assert kind("Troops killed 40 insurgents and captured 25 in fighting near Gwoza in Borno State on Tuesday, "
                "the army said.") == ("Battles", "Armed clash")
    assert kind("Troops captured Gwoza and two villages near it in Borno State on Tuesday, the army said.") == (
        "Battles", "Government regains territory")


def test_a_black_flag_carried_by_gunmen_is_no_protest_but_black_flags_shown_to_a_minister_are():
    assert kind("Gunmen opened fire on worshippers at a mosque in Bir al-Abed on Friday, killing 30 people. "
                "Some of them carried the black flag of the Islamic State group.") == ("Violence against civilians", "Attack")
    assert kind("Youth Congress workers showed black flags to the chief minister in Kochi on Tuesday.") == (
        "Protests", "Peaceful protest")


def test_a_bomb_set_off_is_an_explosion_without_a_word_of_blast():
    assert kind("Two attackers set off a bomb at the gate of the police headquarters in Ankara on Tuesday "
                "morning, the minister said.") == ("Explosions/Remote violence", "Remote explosive/landmine/IED")


def test_a_withdrawal_under_fire_is_ground_taken_and_one_without_a_fight_is_handed_over():
    assert kind("Rebels took control of the town of Bouar on Sunday. The attackers fired on army positions, "
                "and the soldiers withdrew from the town.") == ("Battles", "Non-state actor overtakes territory")
    assert kind("Soldiers withdrew from the town of Bouar on Sunday and rebels took control of it without a fight.") == (
        "Strategic developments", "Non-violent transfer of territory")


def test_a_man_who_blew_himself_up_is_a_suicide_bombing():
    assert kind("The bomber blew himself up on Thursday evening at the gate of the airport in Kabul, "
                "killing dozens of people.") == ("Explosions/Remote violence", "Suicide bomb")


@pytest.mark.parametrize(
    "sentence",
    [
        "An air raid on the market in Maarat al-Numan killed six civilians on Tuesday, residents said.",
        "A bombing raid on the camp in Maarat al-Numan killed six civilians on Tuesday, residents said.",
    ],
)
def test_phrases_of_air_strikes_need_no_aircraft_word(sentence):
    # (a rule added after them once took the phrases for its own, with its aircraft context)
    assert kind(sentence) == ("Explosions/Remote violence", "Air/drone strike")
