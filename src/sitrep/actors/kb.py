"""The actor knowledge base: data files under ``data/actors/`` loaded into lookup tables.

Everything here is knowledge we wrote ourselves (TOML) plus ISO country names from
pycountry. ``load_kb`` reads and validates it once per process; ``KnowledgeBase`` answers
alias and ACLED-name lookups and holds the phrase index the resolver scans text with.
"""

from __future__ import annotations

import re
import tomllib
from collections import defaultdict
from dataclasses import dataclass, field
from functools import lru_cache

import pycountry

from sitrep.actors.names import ascii_fold, is_abbreviation, key_of, plural, tokens
from sitrep.config import DATA_DIR
from sitrep.models import Actor

KB_DIR = DATA_DIR / "actors"

#: ACLED's inter codes and their labels (the ``kind`` of an actor).
INTER_LABELS = {
    1: "State forces",
    2: "Rebel groups",
    3: "Political militias",
    4: "Identity militias",
    5: "Rioters",
    6: "Protesters",
    7: "Civilians",
    8: "External/Other forces",
}
DEFAULT_SECTOR = {1: "GOV", 2: "REB", 3: "UAF", 4: "UAF", 5: "OPP", 6: "OPP", 7: "CVL", 8: "IGO"}


class KBError(ValueError):
    """A data file breaks the schema or the no-duplicate-alias rule."""


@dataclass(frozen=True)
class Country:
    code: str
    name: str
    names: tuple[str, ...]
    demonyms: tuple[str, ...]
    capitals: tuple[str, ...] = ()
    government: str | None = None  # how the country's government is named when its demonym is shared


@dataclass(frozen=True)
class Institution:
    key: str
    template: str
    inter: int
    sector: str
    implicit: bool
    heads: tuple[str, ...]
    same_as: str | None = None  # another institution this one is, unless a KB body replaces it


@dataclass(frozen=True)
class Category:
    key: str
    name: str
    inter: int
    sector: str
    heads: tuple[str, ...]


@dataclass(frozen=True)
class Reference:
    phrases: tuple[str, ...]
    inter: frozenset[int]
    institutions: frozenset[str]


@dataclass(frozen=True)
class Phrase:
    """One way of writing something the resolver looks for, keyed by its tokens.

    ``kind`` says what it is: "actor" (a KB actor id in ``target``), "country",
    "demonym", "capital" (a country code), "institution" (an institution key), "category", "armed", "reference"
    (index into the reference list) or "person" (a KB person id).
    """

    kind: str
    target: str
    exact: tuple[str, ...] | None = None  # set when the case must match exactly
    capitalised: bool = False  # a one-word proper name must start with a capital
    needs_country: bool = False  # ambiguous alias: only when the story's country agrees
    length: int = 1

    def accepts(self, words: list[str]) -> bool:
        if self.exact is not None:
            return tuple(words) == self.exact
        if self.capitalised:
            return words[0][:1].isupper()
        return True


@dataclass
class KnowledgeBase:
    """Lookup tables over every actor the data files describe."""

    actors: dict[str, Actor] = field(default_factory=dict)
    countries: dict[str, Country] = field(default_factory=dict)
    institutions: dict[str, Institution] = field(default_factory=dict)
    categories: dict[str, Category] = field(default_factory=dict)
    references: list[Reference] = field(default_factory=list)
    replacements: dict[tuple[str, str], str] = field(default_factory=dict)  # (key, country) -> actor id
    explicit_only: frozenset[tuple[str, ...]] = frozenset()
    titles: frozenset[str] = frozenset()
    roles: frozenset[str] = frozenset()
    pronouns: frozenset[str] = frozenset()
    phrases: dict[tuple[str, ...], list[Phrase]] = field(default_factory=lambda: defaultdict(list))
    max_phrase: int = 1
    phrase_openings: frozenset[str] = frozenset()  # first words of all phrases: a scan skips other words
    acled_names: dict[str, str] = field(default_factory=dict)  # folded ACLED name -> actor id
    person_keys: dict[str, str] = field(default_factory=dict)  # folded full name -> person id
    cues: dict[str, str] = field(default_factory=dict)  # event lemma -> category key it implies
    passive_cues: dict[str, str] = field(default_factory=dict)  # the same, for agentless passives only
    militia_styles: dict[str, str] = field(default_factory=dict)  # country -> "Clan" (ACLED's word)
    militia_nouns: frozenset[str] = frozenset()  # "militias": after a community's name, its militia
    militia_style_words: frozenset[str] = frozenset()  # "clan", "ethnic": written before such a noun
    people_nouns: dict[str, str] = field(default_factory=dict)  # "tribe", "clans": after a community's name, its militia (-> style)
    group_force_words: frozenset[str] = frozenset()  # "Forces" in an unknown organisation's name: an armed group
    group_rule_words: frozenset[str] = frozenset()  # "Government" after a polity that is no state: a rebel body
    group_rule_styles: frozenset[str] = frozenset()  # "Interim": read past to the polity's name
    monitors: frozenset[str] = frozenset()  # ids of bodies that observe and report events, never act in them

    # --- public lookups ---------------------------------------------------------------

    def lookup(self, alias: str, country: str | None = None) -> Actor | None:
        """The actor an alias names: exact case first, then case-insensitive."""
        words = tokens(alias.strip())
        key = tuple(w.lower() for w in words)
        if words and words[0].lower() == "the":
            key, words = key[1:], words[1:]
        candidates = [p for p in self.phrases.get(key, ()) if p.accepts(words) or p.exact is None]
        exact = [p for p in candidates if p.exact is not None and p.accepts(words)]
        pool = exact or [p for p in candidates if p.exact is None]
        actors = [a for a in (self._actor_of(p, country) for p in pool) if a is not None]
        if not actors:
            return None
        if country is not None:
            same = [a for a in actors if a.country == country]
            if same:
                return same[0]
        # an alias several actors share, with no country to choose by, goes to the first
        # listed ("Taliban": the Afghan Taliban, unless the story is Pakistani)
        return actors[0]

    def from_acled(self, acled_name: str) -> Actor | None:
        """An ACLED actor name ("Military Forces of Afghanistan (2014-)") as our actor."""
        name = acled_name.strip()
        found = self.acled_names.get(ascii_fold(name))
        if found is not None:
            return self.actors[found]
        base = re.sub(r"\s*\(\d{4}-\d{0,4}\)", "", name).strip()
        found = self.acled_names.get(ascii_fold(base))
        if found is not None:
            return self.actors[found]
        return self._acled_pattern(base)

    def country_actor(self, code: str) -> Actor:
        return self.actors[f"country:{code}"]

    def institution_actor(self, key: str, code: str) -> Actor:
        """The state institution ``key`` of country ``code`` (a KB body when one replaces it)."""
        replaced = self.replacements.get((key, code))
        if replaced is not None:
            return self.actors[replaced]
        same_as = self.institutions[key].same_as
        if same_as is not None:  # "Pakistani security forces" are ACLED's Military Forces of Pakistan
            return self.institution_actor(same_as, code)
        actor_id = f"{key}:{code}"
        if actor_id not in self.actors:
            inst = self.institutions[key]
            country = self.countries[code].name
            # a ministry speaks for its government: that is the side its statements are on
            affiliation = f"Government of {country}" if inst.sector == "GOV" and key != "government" else None
            self.actors[actor_id] = Actor(
                id=actor_id, name=inst.template.format(country=country), kind=INTER_LABELS[inst.inter],
                inter=inst.inter, country=code, sector=inst.sector, affiliation=affiliation,
            )
        return self.actors[actor_id]

    def category_actor(self, key: str, code: str | None) -> Actor:
        cat = self.categories[key]
        actor_id = f"{key}:{code or '-'}"
        if actor_id not in self.actors:
            name = f"{cat.name} ({self.countries[code].name})" if code else cat.name
            self.actors[actor_id] = Actor(id=actor_id, name=name, kind=INTER_LABELS[cat.inter], inter=cat.inter, country=code, sector=cat.sector)
        return self.actors[actor_id]

    def in_country(self, actor: Actor, code: str | None) -> Actor:
        """A category actor resolved before the story's country was known ("Unidentified
        Armed Group", "Civilians"), named with the country its incident happened in, as
        ACLED names them ("Unidentified Armed Group (Ukraine)"); any other actor as it is."""
        key, _, country = actor.id.partition(":")
        if country == "-" and key in self.categories and code in self.countries:
            return self.category_actor(key, code)
        return actor

    def militia_actor(self, group: str, style: str | None, code: str | None) -> Actor:
        """An identity militia named for its community, as ACLED names them: "Tiv Ethnic
        Militia (Nigeria)", "Habar Gidir Clan Militia (Somalia)". ``style`` defaults by
        country (``[militia_styles]`` in categories.toml), else "Ethnic"."""
        style = (style or self.militia_styles.get(code or "", "Ethnic")).title()
        name = f"{group} {style} Militia" + (f" ({self.countries[code].name})" if code else "")
        known = self.acled_names.get(ascii_fold(name))  # a KB group ACLED knows by this name
        return self.actors[known] if known is not None else self._identity_militia(name, code)

    def _identity_militia(self, name: str, code: str | None) -> Actor:
        actor_id = f"acled:{ascii_fold(name).replace(' ', '-')}"
        if actor_id not in self.actors:
            self.actors[actor_id] = Actor(id=actor_id, name=name, kind=INTER_LABELS[4], inter=4, country=code, sector="UAF")
        return self.actors[actor_id]

    def country_code(self, text: str, kinds: tuple[str, ...] = ("country", "demonym")) -> str | None:
        """ISO code of a country name or demonym as written ("Afghan", "U.S.", "Nigeria");
        with ``kinds`` holding "capital", of its capital too ("Ankara")."""
        words = tokens(text)
        for phrase in self.phrases.get(tuple(w.lower() for w in words), ()):
            if phrase.kind in kinds and phrase.accepts(words):
                return phrase.target
        return None

    # --- internals --------------------------------------------------------------------

    def _actor_of(self, phrase: Phrase, country: str | None) -> Actor | None:
        if phrase.kind in ("actor", "person"):
            return self.actors[phrase.target]
        if phrase.kind in ("country", "demonym"):
            return self.country_actor(phrase.target)
        if phrase.kind == "institution" and country:
            return self.institution_actor(phrase.target, country)
        if phrase.kind == "category":
            return self.category_actor(phrase.target, country)
        return None

    def _acled_pattern(self, name: str) -> Actor | None:
        """ACLED's systematic names: "<Force> of <Country> <unit>", "<Category> (<Country>)"."""
        forms = {
            "military": r"Military Forces of (?:the )?(.+?)(?:\s+(?:Air Force|Navy|Special Forces|Presidential Guard|Republican Guard|Military Police|Gendarmerie|[A-Z][\w'-]+(?: [A-Z][\w'-]+)*))?$",
            "police": r"Police Forces of (?:the )?(.+?)(?:\s+[A-Z][\w'-]+(?: [A-Z][\w'-]+)*)?$",
            "government": r"Government of (?:the )?(.+)$",
        }
        for key, pattern in forms.items():
            match = re.match(pattern, name)
            if match:
                code = self._country_from_acled(match.group(1))
                if code is None:  # "Military Forces of Somalia Galmudug" style: try shorter
                    words = match.group(1).split()
                    for cut in range(len(words) - 1, 0, -1):
                        code = self._country_from_acled(" ".join(words[:cut]))
                        if code:
                            break
                if code:
                    return self.institution_actor(key, code)
        match = re.match(r"(.+?)\s*\((.+)\)$", name)
        category = {"protesters": "protesters", "rioters": "rioters", "civilians": "civilians", "unidentified armed group": "unidentified"}
        if match and match.group(1).lower() in category:
            code = self._country_from_acled(match.group(2))
            return self.category_actor(category[match.group(1).lower()], code)
        if match and re.search(r"(Communal|Ethnic|Clan|Sub-Clan|Tribal|Cult) Militia$", match.group(1)):
            return self._identity_militia(name, self._country_from_acled(match.group(2)))
        if ":" in name:  # "TTP: Tehreek-i-Taliban Pakistan": either half may be known
            short, _, full = name.partition(":")
            return self.lookup(full.strip()) or self.lookup(short.strip())
        return self.lookup(name)

    def _country_from_acled(self, text: str) -> str | None:
        text = text.strip()
        code = self.country_code(text)
        if code is None and text.lower().startswith("the "):
            code = self.country_code(text[4:])
        return code


# --- loading ----------------------------------------------------------------------------


def _read(name: str) -> dict:
    with (KB_DIR / name).open("rb") as handle:
        return tomllib.load(handle)


def _require(record: dict, fields: tuple[str, ...], where: str) -> None:
    missing = [f for f in fields if f not in record]
    if missing:
        raise KBError(f"{where}: missing {', '.join(missing)} in {record.get('id') or record}")


def _load_countries(data: dict) -> dict[str, Country]:
    countries: dict[str, Country] = {}
    for item in pycountry.countries:
        extra = data.get(item.alpha_2, {})
        names = {item.name, getattr(item, "common_name", None) or item.name}
        official = getattr(item, "official_name", None)
        if official:
            names.add(official.removeprefix("the "))
        names.update(extra.get("names", []))
        display = extra.get("name") or getattr(item, "common_name", None) or item.name
        names.add(display)
        # pycountry's "Iran, Islamic Republic of" style names are never written in news, nor
        # its names that news gives another country ("Congo": the Democratic Republic)
        names = {n for n in names if "," not in n} - set(extra.get("not_names", []))
        countries[item.alpha_2] = Country(item.alpha_2, display, tuple(sorted(names)), tuple(extra.get("demonyms", [])),
                                          tuple(extra.get("capitals", [])), extra.get("government"))
    for code, extra in data.items():
        if code not in countries:
            if "name" not in extra:
                raise KBError(f"countries.toml: {code} is not an ISO country and has no name")
            names = tuple(sorted({extra["name"], *extra.get("names", [])}))
            countries[code] = Country(code, extra["name"], names, tuple(extra.get("demonyms", [])), tuple(extra.get("capitals", [])),
                                      extra.get("government"))
    return countries


def _entry_actor(record: dict, where: str, countries: dict[str, Country]) -> Actor:
    _require(record, ("id", "name", "inter"), where)
    inter = record["inter"]
    if inter not in INTER_LABELS:
        raise KBError(f"{where}: {record['id']} has inter {inter}")
    country = record.get("country")
    if country is not None and country not in countries:
        raise KBError(f"{where}: {record['id']} has unknown country {country}")
    return Actor(
        id=record["id"], name=record["name"], kind=INTER_LABELS[inter], inter=inter, country=country,
        sector=record.get("sector") or DEFAULT_SECTOR[inter],
    )


class _IndexBuilder:
    """Collects phrases and checks that no alias names two actors unless marked ambiguous."""

    def __init__(self) -> None:
        self.phrases: dict[tuple[str, ...], list[Phrase]] = defaultdict(list)
        self.owners: dict[tuple[str, ...], dict[str, bool]] = defaultdict(dict)  # alias key -> {id: ambiguous}
        self.errors: list[str] = []

    def add(self, text: str, kind: str, target: str, *, ambiguous: bool = False, abbreviation: bool = False) -> None:
        words = tokens(text)
        if not words:
            return
        key = tuple(w.lower() for w in words)
        exact = tuple(words) if (abbreviation or is_abbreviation(text)) else None
        capitalised = exact is None and len(words) == 1 and words[0][:1].isupper()
        if kind in ("actor", "person", "country", "demonym"):
            owner_key = exact or key
            owners = self.owners[owner_key]
            if owners and target not in owners and not (ambiguous and all(owners.values())):
                other = next(iter(owners))
                self.errors.append(f"alias {text!r} names both {other} and {target}")
            owners[target] = owners.get(target, True) and ambiguous
        phrase = Phrase(kind, target, exact, capitalised, ambiguous, len(words))
        if phrase not in self.phrases[key]:
            self.phrases[key].append(phrase)


def build_kb() -> KnowledgeBase:
    """Read and validate every data file; raises ``KBError`` on the first bad record."""
    kb = KnowledgeBase()
    kb.countries = _load_countries(_read("countries.toml"))
    index = _IndexBuilder()
    for code, country in kb.countries.items():
        kb.actors[f"country:{code}"] = Actor(
            id=f"country:{code}", name=country.name, kind=INTER_LABELS[1], inter=1, country=code, sector="GOV"
        )
        for name in country.names:
            index.add(name, "country", code)
        for demonym in country.demonyms:
            index.add(demonym, "demonym", code)
            many = plural(demonym)
            if many:
                index.add(many, "demonym", code)
        for capital in country.capitals:
            index.add(capital, "capital", code)

    groups = _read("groups.toml")["groups"]
    international = _read("international.toml")
    records = [("groups.toml", r) for r in groups] + [("international.toml", r) for r in international["international"]]
    records += [("international.toml", r) for r in international["state"]]
    kb.monitors = frozenset(international.get("monitors", []))
    for where, record in records:
        actor = _entry_actor(record, where, kb.countries)
        if actor.id in kb.actors:
            raise KBError(f"{where}: duplicate id {actor.id}")
        kb.actors[actor.id] = actor
        ambiguous = set(record.get("ambiguous", []))
        for alias in {record["name"], *record.get("aliases", [])}:
            index.add(alias, "actor", actor.id, ambiguous=alias in ambiguous)
        for abbr in record.get("abbr", []):
            index.add(abbr, "actor", actor.id, ambiguous=abbr in ambiguous, abbreviation=True)
        for acled in record.get("acled", []):
            folded = ascii_fold(acled)
            if kb.acled_names.get(folded, actor.id) != actor.id:
                raise KBError(f"{where}: ACLED name {acled!r} mapped twice")
            kb.acled_names[folded] = actor.id
        for key in record.get("replaces", []):
            kb.replacements[(key, actor.country)] = actor.id

    unknown = sorted(kb.monitors - set(kb.actors))
    if unknown:
        raise KBError(f"international.toml: unknown monitors {', '.join(unknown)}")

    inst_data = _read("institutions.toml")
    for record in inst_data["institution"]:
        _require(record, ("key", "template", "inter", "sector", "implicit", "heads"), "institutions.toml")
        inst = Institution(record["key"], record["template"], record["inter"], record["sector"], record["implicit"], tuple(record["heads"]),
                           record.get("same_as"))
        kb.institutions[inst.key] = inst
        for head in inst.heads:
            index.add(head, "institution", inst.key)
    kb.explicit_only = frozenset(key_of(h) for h in inst_data["explicit_only"]["heads"])
    for (key, _code) in kb.replacements:
        if key not in kb.institutions:
            raise KBError(f"international.toml: replaces unknown institution {key}")
    for inst in kb.institutions.values():
        if inst.same_as is not None and (inst.same_as not in kb.institutions or kb.institutions[inst.same_as].same_as is not None):
            raise KBError(f"institutions.toml: {inst.key} is the same as unknown or chained institution {inst.same_as}")

    cat_data = _read("categories.toml")
    for record in cat_data["category"]:
        _require(record, ("key", "name", "inter", "sector", "heads"), "categories.toml")
        heads = list(record["heads"])
        heads += [f"{q} {n}" for q in record.get("qualifiers", []) for n in record.get("qualified_nouns", [])]
        cat = Category(record["key"], record["name"], record["inter"], record["sector"], tuple(heads))
        kb.categories[cat.key] = cat
        for head in cat.heads:
            index.add(head, "category", cat.key)
    for head in cat_data["armed_nouns"]["heads"]:
        index.add(head, "armed", "armed")
    for head in cat_data["militia"]["peoples"]:
        index.add(head, "people", "people")
    for number, record in enumerate(cat_data["reference"]):
        ref = Reference(tuple(record["phrases"]), frozenset(record.get("inter", [])), frozenset(record.get("institution", [])))
        kb.references.append(ref)
        for phrase in ref.phrases:
            index.add(phrase, "reference", str(number))
    for key, lemmas in cat_data["cues"].items():
        if key not in kb.categories:
            raise KBError(f"categories.toml: cue for unknown category {key}")
        kb.cues.update({lemma: key for lemma in lemmas})
    for key, lemmas in cat_data.get("passive_cues", {}).items():
        if key not in kb.categories:
            raise KBError(f"categories.toml: passive cue for unknown category {key}")
        kb.passive_cues.update({lemma: key for lemma in lemmas})
    kb.militia_styles = dict(cat_data.get("militia_styles", {}))
    kb.militia_nouns = frozenset(w.lower() for w in cat_data["militia"]["nouns"])
    kb.militia_style_words = frozenset(w.lower() for w in cat_data["militia"]["styles"])
    kb.people_nouns = {w.lower(): style for w, style in cat_data["militia"]["peoples"].items()}
    named = cat_data["named_groups"]
    kb.group_force_words = frozenset(w.lower() for w in named["force_words"])
    kb.group_rule_words = frozenset(w.lower() for w in named["rule_words"])
    kb.group_rule_styles = frozenset(w.lower() for w in named["rule_styles"])
    kb.pronouns = frozenset(w.lower() for w in cat_data["pronouns"]["words"])
    kb.titles = frozenset(w.lower() for w in cat_data["titles"]["words"])
    kb.roles = frozenset(w.lower() for w in cat_data["roles"]["words"])

    for record in _read("people.toml")["people"]:
        _require(record, ("id", "name", "affiliation"), "people.toml")
        affiliation = _affiliation_actor(kb, record["affiliation"])
        actor_id = f"person:{record['id']}"
        kb.actors[actor_id] = Actor(
            id=actor_id, name=record["name"], kind=affiliation.kind, inter=affiliation.inter, country=affiliation.country,
            affiliation=affiliation.name, is_person=True, sector=affiliation.sector,
        )
        for alias in {record["name"], *record.get("aliases", [])}:
            index.add(alias, "person", actor_id)
            kb.person_keys[ascii_fold(alias)] = actor_id

    if index.errors:
        raise KBError("; ".join(index.errors))
    kb.phrases = dict(index.phrases)
    kb.max_phrase = max(len(k) for k in kb.phrases)
    kb.phrase_openings = frozenset(k[0] for k in kb.phrases)
    return kb


def _affiliation_actor(kb: KnowledgeBase, ref: str) -> Actor:
    if ref in kb.actors:
        return kb.actors[ref]
    key, _, code = ref.partition(":")
    if key in kb.institutions and code in kb.countries:
        return kb.institution_actor(key, code)
    raise KBError(f"people.toml: unknown affiliation {ref}")


@lru_cache(maxsize=1)
def load_kb() -> KnowledgeBase:
    """The knowledge base, built once per process."""
    return build_kb()
