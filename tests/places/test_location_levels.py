"""A located place told again at the level of its country."""

from sitrep.places import Location


def test_a_district_told_at_its_country_keeps_only_the_country():
    district = Location("AF", "Kunduz", "Imam Sahib", "Imam Sahib", 37.18, 68.91, "admin2", admin1_local="Kunduz")
    assert district.country_level() == Location("AF", None, None, None, None, None, "country")


def test_a_place_already_at_its_country_is_left_as_it_is():
    country = Location("SO", None, None, None, 5.15, 46.2, "country")
    assert country.country_level() is country
