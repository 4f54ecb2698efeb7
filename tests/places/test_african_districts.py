"""The African second-level data of districts.toml: Nigeria's LGAs, South Sudan's counties,
Ethiopia's zones, Somalia's districts and the DR Congo's territories, each under the
first-level division the packaged data keeps."""

from __future__ import annotations

import pytest

from tests.places.locating import locate_at


@pytest.mark.parametrize(
    ("text", "verb", "expected"),
    [
        # Nigeria: Local Government Areas under their state.
        ("Herdsmen attacked two villages in Agatu local government area, killing seven.", "attacked", ("NG", "Benue", "Agatu")),
        ("Armed men kidnapped a priest in Ezza North local government area.", "kidnapped", ("NG", "Ebonyi", "Ezza North")),
        ("Unknown gunmen burned a police station in Owerri West.", "burned", ("NG", "Imo", "Owerri West")),
        ("Rival cult groups clashed in Obio-Akpor, leaving three dead.", "clashed", ("NG", "Rivers", "Obio/Akpor")),
        # South Sudan: counties under the ten former states.
        ("Cattle raiders killed five herders in Mayendit County on Tuesday.", "killed", ("SS", "Unity", "Mayendit")),
        ("Rebel fighters attacked government positions in Kajo-Keji county.", "attacked", ("SS", "Central Equatoria", "Kajo-Keji")),
        ("Youths clashed over cattle in Rumbek East county.", "clashed", ("SS", "Lakes", "Rumbek East")),
        # Ethiopia: zones under their regional state, in the news' spellings.
        ("Security forces fired on protesters in West Hararghe zone.", "fired", ("ET", "Oromia", "West Hararghe")),
        ("Protesters blocked roads in Horo Guduru Welega on Friday.", "blocked", ("ET", "Oromia", "Horo Guduru Welega")),
        ("Militiamen attacked a village in North Wollo zone.", "attacked", ("ET", "Amhara", "North Wollo")),
        ("Federal troops clashed with militiamen in Metekel zone.", "clashed", ("ET", "Benshangul/Gumuz", "Metekel")),
        # Somalia: districts under their region, Mogadishu's at the city.
        ("A roadside bomb killed two soldiers in Daynile district on Thursday.", "killed", ("SO", "Banadir", "Daynile")),
        ("Mortar shells landed on houses in Hodan district overnight.", "landed", ("SO", "Banadir", "Hodan")),
        ("Al Shabaab fighters attacked an army base in Mahadaay.", "attacked", ("SO", "Middle Shabelle", "Mahaday")),
        # DR Congo: territories under the eleven provinces of 1966-2015.
        ("FDLR rebels attacked a village in Masisi territory.", "attacked", ("CD", "North Kivu", "Masisi")),
        ("ADF fighters killed eight civilians in Irumu territory.", "killed", ("CD", "Orientale", "Irumu")),
        ("Militiamen looted a health centre in Mitwaba territory.", "looted", ("CD", "Katanga", "Mitwaba")),
        ("Soldiers clashed with a militia in Kazumba territory.", "clashed", ("CD", "Kasai-Occidental", "Kazumba")),
    ],
)
def test_african_district_locates_to_its_province(placed, text, verb, expected):
    loc = locate_at(placed(text), verb)
    cc, admin1, district = expected
    assert (loc.country, loc.admin1, loc.place) == (cc, admin1, district)
    assert loc.geo_precision == "admin2"


@pytest.mark.parametrize(
    ("cc", "spelling", "name", "admin1"),
    [
        ("NG", "Oturkpo", "Otukpo", "Benue"),
        ("NG", "Obafemi-Owode", "Obafemi Owode", "Ogun"),
        ("SS", "Rumbek Central", "Rumbek Centre", "Lakes"),
        ("ET", "West Hararge", "West Hararghe", "Oromia"),
        ("ET", "Horo Guduru Walaga", "Horo Guduru Welega", "Oromia"),
        ("ET", "Wolaita", "Wolayita", "SNNP"),
        ("SO", "Daynille", "Daynile", "Banadir"),
        ("SO", "Huriwa", "Heliwaa", "Banadir"),
    ],
)
def test_african_district_spellings(gaz, cc, spelling, name, admin1):
    found = [p for p in gaz.lookup(spelling, country=cc) if p.level == "admin2" and p.country == cc]
    assert [(p.name, p.admin1) for p in found] == [(name, admin1)]


def test_mogadishu_districts_lie_at_the_city(gaz):
    city = max((p for p in gaz.lookup("Mogadishu", country="SO") if p.level == "place"), key=lambda p: p.population)
    for name in ("Daynile", "Hodan", "Wadajir"):
        (district,) = [p for p in gaz.lookup(name, country="SO") if p.level == "admin2"]
        assert (district.latitude, district.longitude) == (city.latitude, city.longitude)


def test_left_out_names_are_not_divisions(gaz):
    # English words and the "<town> North" LGAs its town already finds stay out.
    for cc, name in [("NG", "Logo"), ("NG", "Kaduna North"), ("NG", "Ibadan South-West"), ("ET", "Bale")]:
        assert not [p for p in gaz.lookup(name, country=cc) if p.level == "admin2" and p.country == cc], name


@pytest.mark.parametrize(
    ("text", "verb", "expected"),
    [
        # "LGA" and "territory" name the level of the name before them
        ("Gunmen killed five villagers in Shiroro LGA on Monday.", "killed", ("NG", "Niger", "Shiroro")),
        ("Bandits attacked Guzamala LGA of Borno on Sunday.", "attacked", ("NG", "Borno", "Guzamala")),
    ],
)
def test_lga_is_a_level_word(placed, text, verb, expected):
    loc = locate_at(placed(text), verb)
    assert (loc.country, loc.admin1, loc.admin2) == expected
