"""The second-level data of districts.toml (Bangladesh's upazilas, India's districts,
Myanmar's townships) and the ACLED forms of first-level names in admin1_names.toml and
admin1_history.toml."""

from __future__ import annotations

from collections import Counter

import pytest

from sitrep.places.gazetteer import load_toml
from sitrep.places.names import fold
from tests.places.locating import locate_at


@pytest.mark.parametrize(
    ("text", "verb", "expected"),
    [
        # Bangladesh: upazilas, with the division each lies in.
        ("Two houses were set on fire by a mob in Ulipur upazila on Friday night.", "set on fire", ("BD", "Rangpur", "Ulipur")),
        ("Police said a trader was stabbed to death in Sharsha upazila of Jessore.", "stabbed", ("BD", "Khulna", "Sharsha")),
        ("Rival groups clashed over a pond in Nangolkot upazila, leaving ten people hurt.", "clashed", ("BD", "Chittagong", "Nangalkot")),
        ("A crude bomb exploded near a bus stand in Saturia upazila on Tuesday.", "exploded", ("BD", "Dhaka", "Saturia")),
        ("Villagers were attacked with sticks at a market in Bahubal upazila.", "attacked", ("BD", "Sylhet", "Bahubal")),
        # India: districts under their state, old and new names alike.
        ("Farmers blocked a highway in Gurgaon district on Wednesday.", "blocked", ("IN", "Haryana", "Gurgaon")),
        ("Students marched to the collectorate in Boudh district after exams were cancelled.", "marched", ("IN", "Odisha", "Boudh")),
        ("Militants fired on an army post in Rajouri district late on Sunday.", "fired", ("IN", "Jammu and Kashmir", "Rajouri")),
        ("Maoists torched three trucks in Bijapur district of Chhattisgarh.", "torched", ("IN", "Chhattisgarh", "Bijapur")),
        # Myanmar: townships under their state or region.
        ("Government troops and the MNDAA fought near a village in Kongyan township.", "fought", ("MM", "Shan", "Konkyan")),
        ("Army troops shelled a KIA outpost in Mansi township on Monday.", "shelled", ("MM", "Kachin", "Mansi")),
        ("TNLA fighters ambushed a convoy in Nam Kham township.", "ambushed", ("MM", "Shan", "Namhkam")),
    ],
)
def test_district_locates_to_its_province(placed, gaz, text, verb, expected):
    loc = locate_at(placed(text), verb)
    cc, admin1, district = expected
    assert (loc.country, loc.admin1) == (cc, admin1)
    # The district itself, or the town it is named after (Namhkam township, Namhkam).
    assert loc.geo_precision in ("admin2", "place")
    assert any(p.name == loc.place and p.admin1 == admin1 for p in gaz.lookup(district, country=cc))


def test_former_district_names(gaz):
    for cc, old, new, admin1 in [
        ("IN", "Allahabad", "Prayagraj", "Uttar Pradesh"),
        ("IN", "Gurgaon", "Gurugram", "Haryana"),
        ("IN", "Shimoga", "Shivamogga", "Karnataka"),
        ("MM", "Kyawkme", "Kyaukme", "Shan"),
        ("BD", "Ashashuni", "Assasuni", "Khulna"),
    ]:
        found = [p for p in gaz.lookup(old, country=cc) if p.level == "admin2" and p.name == new]
        assert [p.admin1 for p in found] == [admin1], old


def test_namesake_districts_of_two_states_are_both_kept(gaz):
    states = {p.admin1 for p in gaz.lookup("Aurangabad", country="IN") if p.level == "admin2"}
    assert states == {"Bihar", "Maharashtra"}
    states = {p.admin1 for p in gaz.lookup("Bijapur", country="IN") if p.level == "admin2"}
    assert states == {"Karnataka", "Chhattisgarh"}


@pytest.mark.parametrize(
    ("cc", "acled", "ours", "local"),
    [
        # admin1 is written as ACLED writes it; the gazetteer's own name stays as local.
        ("RS", "Vojvodina", "Vojvodina", "Vojvodina"),
        ("CL", "Metropolitana", "Metropolitana", "Santiago Metropolitan"),
        ("BR", "Distrito Federal", "Distrito Federal", "Distrito Federal"),
        ("AR", "Ciudad Autonoma de Buenos Aires", "Ciudad Autonoma de Buenos Aires", "Ciudad Autónoma de Buenos Aires"),
        ("VE", "Distrito Capital", "Distrito Capital", "Distrito Capital"),
        # ACLED's files write both: one division, one name.
        ("LK", "North", "Northern", "Northern Province"),
        ("LK", "West", "Western", "Western"),
        ("GE", "Autonomous Republic of Adjara", "Autonomous Republic of Adjara", "Ajaria"),
        ("GE", "Lower Kartli", "Lower Kartli", "Kvemo Kartli"),
        ("HR", "City of Zagreb", "City of Zagreb", "Grad Zagreb"),
        ("HR", "Split-Dalmatia", "Split-Dalmatia", "Splitsko-dalmatinska županija"),
        ("MW", "Southern", "Southern", "Southern Region"),
        ("IL", "HaMerkaz", "HaMerkaz", "Central District"),
        ("IR", "North Khorasan", "North Khorasan", "Khorāsān-e Shomālī"),
        ("AL", "Tirana", "Tirana", "Tiranë"),
        ("ML", "Timbuktu", "Tombouctou", "Tombouctou"),
        # The newest ACLED file's spelling wins over an older file's.
        ("BF", "Haut-Bassins", "Hauts-Bassins", "Hauts-Bassins"),
        ("BG", "Sofia City", "Sofia City", "Sofia-Capital"),
        ("TN", "Le Kef", "Le Kef", "Le Kef"),
        ("TN", "Manubah", "Manubah", "La Manouba"),
        # ACLED's current export over its older files (Cameroon's French names, Idleb).
        ("CM", "Nord-Ouest", "North-West", "North-West"),
        ("CM", "Extreme-Nord", "Far North", "Far North"),
        ("SY", "Idleb", "Idlib", "Idlib"),
    ],
)
def test_acled_admin1_spellings(gaz, cc, acled, ours, local):
    found = gaz.admin1(cc, acled)
    assert found is not None and (found.name, found.admin1_local) == (ours, local)


@pytest.mark.parametrize(
    ("cc", "acled", "ours"),
    [
        ("CD", "Ituri", "Orientale"),
        ("CD", "Haut-Katanga", "Katanga"),
        ("CD", "Sankuru", "Kasai-Oriental"),
        ("MM", "Naypyidaw", "Mandalay"),
        ("BD", "Mymensingh", "Dhaka"),
        ("BD", "Rajshahi", "Rangpur"),
        ("RS", "Belgrade", "Central Serbia"),
        ("UG", "Kampala", "Central Region"),
        ("UG", "Arua", "Northern Region"),
        ("KH", "Tbong Khmum", "Kampong Cham"),
        ("PA", "Panama Oeste", "Panama"),
        ("MR", "Nouakchott-Ouest", "Nouakchott"),
    ],
)
def test_acled_admin1_history(gaz, cc, acled, ours):
    assert gaz.admin1_covers(cc, acled, ours)


def test_district_tables_name_known_divisions_once(gaz):
    districts = load_toml("districts.toml")
    for cc, provinces in districts.items():
        known = {fold(p.name) for p in gaz.admin1s(cc)}
        for province, spec in provinces.items():
            assert fold(province) in known, f"{cc}/{province}"
            names = [*spec.get("districts", []), *spec.get("city_areas", [])]
            twice = [n for n, k in Counter(fold(n) for n in names).items() if k > 1]
            assert not twice, f"{cc}/{province} lists {twice} twice"
            # Spellings of a district the table does not list are of the gazetteer's own.
            unlisted = set(spec.get("also", {})) - set(names)
            unknown = [
                d for d in unlisted
                if not any(p.level == "admin2" and p.country == cc and fold(p.admin1 or "") == fold(province)
                           for n in (d, *spec["also"][d]) for p in gaz.candidates(n))
            ]
            assert not unknown, f"{cc}/{province}: `also` of districts neither listed nor in the gazetteer"
