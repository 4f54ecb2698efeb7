"""admin1 is written as ACLED writes it, checked against the admin1 values of the ACLED
files beside the repo (``../shared/data``): every value names a division of ours (or one
that admin1_history.toml says covers the same ground), and where ACLED names a division
under another spelling, that spelling is ours."""

from __future__ import annotations

import tomllib
from collections import defaultdict
from pathlib import Path

import pytest

from sitrep.eval.acled import read_events
from sitrep.eval.places import _alpha2
from sitrep.places.gazetteer import PLACES_DATA
from sitrep.places.names import fold

SHARED = Path(__file__).resolve().parents[2].parent / "shared" / "data"

# Values no division of GeoNames (as packaged) carries: districts ACLED's older files
# file as first-level (Vavuniya, Tak's Mae Sot), provinces GeoNames has since merged
# (Vietnam's 2025 reform), territories GeoNames files as countries (Curacao,
# Guadeloupe, Puerto Rico, Kosovo's Mitrovica) and Morocco's regions before 2015. (The
# Republic of Congo's Brazzaville is reached since countries.toml names the country.)
UNRESOLVED = {
    ("AZ", "Hadrut"), ("BI", "Rumonge"), ("NL", "Curacao"), ("CY", "Nicosia"), ("GP", "Basse-Terre"),
    ("KZ", "Almaty"), ("RS", "Mitrovica"), ("ME", "Central"), ("ME", "Northern"),
    ("MA", "Rabat - Sale - Zemmour - Zaer"), ("MM", "Tak"), ("PE", "Callao"), ("PR", "Vieques"),
    ("LK", "Vavuniya"), ("SD", "Abyei PCA Area"), ("TN", "Ben Arous (Tunis Sud)"),
    ("VN", "Ba Ria Vung Tau"), ("VN", "Binh Thuan"), ("VN", "Dak Nong"), ("VN", "Hai Phong"),
    ("VN", "Hoa Binh"), ("VN", "Ninh Thuan"), ("VN", "Thai Nguyen"),
}


@pytest.fixture(scope="module")
def acled_values() -> dict[tuple[str | None, str], int]:
    if not SHARED.is_dir():
        pytest.fail(f"the ACLED files are expected at {SHARED}")
    counts: dict[tuple[str | None, str], int] = defaultdict(int)
    for event in read_events(SHARED):
        if event.admin1:
            counts[(_alpha2(event.country) if event.country else None, event.admin1)] += 1
    return dict(counts)


def _history() -> dict[str, set[str]]:
    data = tomllib.loads((PLACES_DATA / "admin1_history.toml").read_text(encoding="utf-8"))
    return {cc: {fold(k) for k in table} for cc, table in data.items()}


def test_every_acled_admin1_value_names_a_division(gaz, acled_values):
    assert len(acled_values) == 969
    unresolved = set()
    for cc, value in acled_values:
        found = gaz.admin1(cc, value) if cc else None
        covering = cc is not None and any(
            gaz.admin1_covers(cc, value, p.name) or gaz.admin1_covers(cc, p.name, value) for p in gaz.admin1s(cc)
        )
        if found is None and not covering:
            unresolved.add((cc, value))
    assert unresolved == UNRESOLVED


# Where ACLED's current export writes another name than its older files: ours is the
# current one (Cameroon's regions in English, Idlib, South Kivu, Mexico City), or the
# files disagree among themselves and we keep one of their spellings.
CURRENT_EXPORT = {
    ("CM", "Nord-Ouest"): "North-West", ("CM", "Sud-Ouest"): "South-West", ("CM", "Extreme-Nord"): "Far North",
    ("CM", "Nord"): "North", ("CM", "Est"): "East", ("CM", "Ouest"): "West", ("CM", "Sud"): "South",
    ("SY", "Idleb"): "Idlib", ("CD", "Sud-Kivu"): "South Kivu", ("CD", "Nord-Kivu"): "North Kivu",
    ("MX", "Distrito Federal"): "Mexico City", ("UA", "Kiev"): "Kyiv", ("IQ", "Dahuk"): "Duhok",
    ("AF", "Urozgan"): "Uruzgan", ("LB", "Nabatiye"): "Nabatieh", ("YE", "Suqutra"): "Socotra",
    ("LY", "Darnah"): "Derna",
    # the English name the press and the dev gold readings write, not the files' transliteration
    ("YE", "Al Hudaydah"): "Hodeidah",
    # a slip of one file ("Sala al-Din"), and a name that would read as the country's
    ("IQ", "Sala al-Din"): "Salah al-Din", ("MX", "Mexico"): "Mexico State",
}


def _same(a: str, b: str) -> bool:
    """One spelling, as the scorer compares names: folded, or one inside the other."""
    fa, fb = fold(a), fold(b)
    return fa == fb or fa in fb or fb in fa


def test_admin1_is_acled_spelling(gaz, acled_values):
    history = _history()
    named: dict[tuple[str, str], set[str]] = defaultdict(set)
    for (cc, value) in acled_values:
        if cc is None or fold(value) in history.get(cc, set()):
            continue  # a merged, split or renamed division is no spelling
        found = gaz.admin1(cc, value)
        if found is not None:
            named[(cc, found.name)].add(value)
    wrong = {
        (cc, value): ours
        for (cc, ours), values in named.items()
        if not any(_same(ours, v) for v in values)
        for value in values
        if CURRENT_EXPORT.get((cc, value)) != ours
    }
    assert wrong == {}
