from __future__ import annotations

from sitrep.places import locate_event


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
