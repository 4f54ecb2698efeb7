"""From agreement mentions to the document's agreements: coreference, then the knowledge base.

Mentions are clustered in text order. A mention that says which agreement it is (a name,
parties, place, date) joins the latest agreement it is compatible with, or starts one; a
reference back ("the agreement", "the truce") joins the latest agreement mentioned ("the
new agreement" the latest not introduced as "previous"); an indefinite one ("a
ceasefire") starts one. Each cluster is then scored against the knowledge base on what
its mentions say together; a cluster the knowledge base cannot place is recorded from
the text. A cluster that says nothing of itself ("despite a ceasefire") is the same
agreement as one that does, when the document has one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from sitrep.agreements.kb import AgreementKB, Entry, Party, bounds, fold, load_agreements
from sitrep.agreements.mentions import Mention
from sitrep.models import Actor, Agreement, AnnotatedDocument, Evidence

#: Points a knowledge-base entry earns from what the text says of an agreement.
ALIAS, SHARED_ALIAS, GENERIC_ALIAS = 6.0, 3.0, 4.0
PLACE, PARTY, SIGNATORY = 4.0, 2.5, 2.0
DATE_DAY, DATE_MONTH, DATE_WIDE, YEAR_FIT = 4.0, 3.0, 2.0, 2.0
COUNTRY, OTHER_COUNTRY, KIND = 1.5, -1.5, 0.5
#: Points per party of the entry that the document names anywhere (at most two counted).
DOCUMENT_PARTY = 1.5
#: An entry needs this many points, and this lead over the next, to be the agreement.
ENOUGH, LEAD = 4.0, 1.5
#: An agreement that lapsed is still told of for a while ("after the TTP broke its truce").
PAST_GRACE_DAYS = 365
KIND_RANK = ("prisoner exchange", "truce", "ceasefire", "peace agreement", "other")


@dataclass
class Cluster:
    mentions: list[Mention] = field(default_factory=list)
    entry: Entry | None = None
    earlier: bool = False  # introduced as "a previous agreement"

    def add(self, mention: Mention) -> None:
        self.mentions.append(mention)

    @property
    def identified(self) -> bool:
        return any(m.identified for m in self.mentions)

    def features(self) -> Mention:
        """Everything the cluster's mentions say, as one mention."""
        first = self.mentions[0]
        merged = Mention(first.start, first.end, first.text, first.head, first.sentence)
        for m in self.mentions:
            merged.phrases += m.phrases
            merged.parties += tuple(a for a in m.parties if a.id not in {p.id for p in merged.parties})
            merged.persons += m.persons
            merged.places += m.places
            merged.place_names += m.place_names
            merged.dates += m.dates
            merged.mediators += m.mediators
            merged.year = merged.year or m.year
            merged.name = merged.name or m.name
        merged.kind = best_kind([m.kind for m in self.mentions])
        return merged


def best_kind(kinds: list[str | None]) -> str:
    known = [k for k in kinds if k and k != "other"]
    return known[0] if known else "other"


@dataclass(frozen=True)
class Setting:
    """What the document says around its agreements: where, when, who."""

    country: str | None
    published: date | None
    actors: frozenset[str]  # ids of every actor the document mentions
    countries: frozenset[str]  # countries of those actors and of the story
    actor_list: tuple[Actor, ...] = ()  # those actors
    named_parties: dict[str, int] = field(default_factory=dict, compare=False)  # entry id -> parties named

    def parties_named(self, entry: Entry) -> int:
        """How many of the entry's parties the document names anywhere (computed once per entry)."""
        if entry.id not in self.named_parties:
            self.named_parties[entry.id] = sum(any(party_matches(p, a) for a in self.actor_list) for p in entry.parties)
        return self.named_parties[entry.id]


def setting_of(adoc: AnnotatedDocument) -> Setting:
    actors = frozenset(m.actor.id for m in adoc.actors)
    countries = {m.actor.country for m in adoc.actors if m.actor.country}
    countries |= {p.place.country for p in adoc.places if p.place.country}
    if adoc.country:
        countries.add(adoc.country)
    distinct = tuple({m.actor.id: m.actor for m in adoc.actors}.values())
    return Setting(adoc.country, adoc.document.published, actors, frozenset(countries), distinct)


# --- knowledge base scoring ---------------------------------------------------------------


def party_matches(party: Party, actor: Actor) -> bool:
    if party.actor is None:
        return fold(party.name) in (fold(actor.name), fold(actor.affiliation))
    if party.actor.startswith("state:"):
        code = party.actor.split(":", 1)[1]
        return actor.country == code and not actor.is_person and (
            actor.id.startswith(("country:", "government:", "military:", "police:")) or actor.inter == 1)
    return actor.id == party.actor or fold(actor.affiliation) == fold(party.name)


def matched_parties(entry: Entry, actors: tuple[Actor, ...]) -> tuple[int, int]:
    """(entry parties the actors name, actors that are neither a party nor a mediator)."""
    matched = sum(any(party_matches(p, a) for a in actors) for p in entry.parties)
    mediators = {fold(m) for m in entry.mediators}
    strangers = sum(
        not any(party_matches(p, a) for p in entry.parties) and fold(a.name) not in mediators
        and not (a.country and a.country in entry.countries and a.id.startswith("country:"))
        for a in actors
    )
    return matched, strangers


def alias_points(kb: AgreementKB, entry: Entry, phrases: tuple[str, ...], setting: Setting) -> float:
    best = 0.0
    for phrase in phrases:
        hits = kb.by_alias(phrase)
        for hit, generic in hits:
            if hit.id != entry.id:
                continue
            if generic:
                if not (set(entry.countries) & setting.countries):
                    continue
                points = GENERIC_ALIAS if len(hits) == 1 else SHARED_ALIAS
            else:
                points = ALIAS if len(hits) == 1 else SHARED_ALIAS
            best = max(best, points)
    return best


def date_points(entry: Entry, value: str) -> float | None:
    """Points for a date that fits, None for one that rules the entry out."""
    if not entry.dated_on(value):
        return None
    span = bounds(value)
    days = (span[1] - span[0]).days if span else 999
    return DATE_DAY if days == 0 else DATE_MONTH if days <= 31 else DATE_WIDE


def score(kb: AgreementKB, entry: Entry, told: Mention, setting: Setting) -> float | None:
    """How well the knowledge-base entry fits what the text says; None when it cannot be it."""
    if setting.published is not None and entry.start > setting.published:
        return None  # an article cannot tell of an agreement signed after it
    points = alias_points(kb, entry, told.phrases, setting)
    places = entry.folded_places
    if places & set(told.places):
        points += PLACE
    matched, strangers = matched_parties(entry, told.parties)
    points += PARTY * min(matched, 3)
    if strangers and not points:
        points -= PARTY * min(strangers, 2)
    signatories = {fold(s) for s in entry.signatories}
    points += SIGNATORY * min(2, sum(any(fold(p).endswith(s.split()[-1]) and s.split()[-1] in fold(p) for s in signatories)
                                      for p in told.persons))
    for value in told.dates:
        fit = date_points(entry, value)
        if fit is None:
            return None
        points += fit
    if told.year is not None:
        years = {entry.start.year} | ({bounds(entry.effective)[0].year} if entry.effective else set())
        if told.year not in years:
            return None
        points += YEAR_FIT
    if setting.country is not None:
        points += COUNTRY if setting.country in entry.countries else OTHER_COUNTRY
    if told.kind not in (None, "other") and told.kind == entry.kind:
        points += KIND
    points += DOCUMENT_PARTY * min(2, setting.parties_named(entry))
    if not (told.phrases and alias_points(kb, entry, told.phrases, setting)) and not (places & set(told.places)) \
            and not told.dates and told.year is None and not party_only_fits(entry, told, setting):
        return None
    return points


def kinds_agree(told: str | None, kind: str) -> bool:
    """A truce is a ceasefire and a ceasefire a truce; neither is a peace agreement."""
    if told in (None, "other") or told == kind:
        return True
    return {told, kind} <= {"truce", "ceasefire"}


def party_only_fits(entry: Entry, told: Mention, setting: Setting) -> bool:
    """Parties alone name an agreement only of the kind the text says, in force when the article
    was written: "the government and the MILF signed a ceasefire agreement" is no 2014 peace deal."""
    if not kinds_agree(told.kind, entry.kind):
        return False
    if setting.published is None:
        # no date to place it by: both parties and the kind must say it
        return told.kind not in ("other", None) and kinds_agree(told.kind, entry.kind) and \
            matched_parties(entry, told.parties)[0] >= 2
    if setting.published < entry.start:
        return False
    return entry.end is None or (setting.published - entry.end).days <= PAST_GRACE_DAYS


def named_by(kb: AgreementKB, entry: Entry, told: Mention, setting: Setting) -> bool:
    """Whether the text names the entry (an alias, a place), beyond naming its parties."""
    return bool(alias_points(kb, entry, told.phrases, setting) or entry.folded_places & set(told.places))


def ranked(kb: AgreementKB, told: Mention, setting: Setting) -> list[tuple[float, Entry, bool]]:
    scored = [(s, e, named_by(kb, e, told, setting)) for e in kb.entries.values()
              if (s := score(kb, e, told, setting)) is not None]
    return sorted(scored, key=lambda item: (-item[0], item[1].id))


def choose(candidates: list[tuple[float, Entry, bool]], setting: Setting) -> Entry | None:
    """The clear winner; of near-equal ones the text names alike ("the Minsk agreement"), the
    latest signed before the article. Near-equal ones known only by their parties stay open."""
    if not candidates or candidates[0][0] < ENOUGH:
        return None
    top = candidates[0][0]
    close = [(e, named) for s, e, named in candidates if top - s < LEAD]
    if len(close) == 1:
        return close[0][0]
    if setting.published is None or not all(named for _, named in close):
        return None
    return max((e for e, _ in close), key=lambda e: (e.start, e.id))


def context_entry(kb: AgreementKB, cluster: Cluster, setting: Setting) -> Entry | None:
    """An agreement the text only refers to ("the truce"): the one in force in the story's
    country at publication between parties the document names."""
    if setting.published is None or setting.country is None:
        return None
    kind = cluster.features().kind
    fits = []
    for entry in kb.entries.values():
        if setting.country not in entry.countries or not (entry.start <= setting.published):
            continue
        if entry.end is not None and setting.published > entry.end:
            continue
        if kind != "other" and {kind, entry.kind} == {"peace agreement", "truce"}:
            continue
        if setting.parties_named(entry) >= 2:
            fits.append(entry)
    if len(fits) == 1:
        return fits[0]
    return None


# --- clustering --------------------------------------------------------------------------------


def conflicts(a: Mention, b: Mention) -> bool:
    """Two descriptions that cannot be one agreement: other dates, other parties, other kinds."""
    if a.dates and b.dates and not any(overlaps(x, y) for x in a.dates for y in b.dates):
        return True
    if a.year and b.year and a.year != b.year:
        return True
    if a.parties and b.parties and not {p.id for p in a.parties} & {p.id for p in b.parties}:
        return True
    kinds = {a.kind, b.kind} - {"other", None}
    return kinds in ({"peace agreement", "ceasefire"}, {"peace agreement", "truce"}) and bool(a.parties and b.parties)


def overlaps(x: str, y: str) -> bool:
    bx, by = bounds(x), bounds(y)
    return bool(bx and by and bx[0] <= by[1] and by[0] <= bx[1])


def resolve_one(kb: AgreementKB, mention: Mention, setting: Setting) -> Entry | None:
    return choose(ranked(kb, mention, setting), setting)


def cluster_mentions(kb: AgreementKB, mentions: list[Mention], setting: Setting) -> list[Cluster]:
    clusters: list[Cluster] = []
    recent: list[Cluster] = []  # most recently mentioned last
    own: dict[int, Entry | None] = {}
    for mention in mentions:
        if mention.prospective:
            continue
        own[id(mention)] = entry = resolve_one(kb, mention, setting)
        target = None
        if mention.identified or entry is not None:
            for cluster in reversed(recent):
                if entry is not None and cluster.entry is not None:
                    if cluster.entry.id == entry.id:
                        target = cluster
                        break
                    continue
                if not conflicts(mention, cluster.features()) and not mention.indefinite:
                    target = cluster
                    break
                if mention.indefinite and entry is None and cluster.entry is None and shares_parties(mention, cluster):
                    target = cluster
                    break
        elif not mention.indefinite and recent:
            target = by_contrast(recent, mention.contrast)
        if target is None:
            target = Cluster(earlier=mention.contrast == "earlier")
            clusters.append(target)
        target.add(mention)
        if target.entry is None and entry is not None:
            target.entry = entry
        if target in recent:
            recent.remove(target)
        recent.append(target)
    return clusters


def shares_parties(mention: Mention, cluster: Cluster) -> bool:
    """A second indefinite telling of a deal the text already described ("a ceasefire agreement has
    been signed by the GPH and MILF" after "the government and the MILF signed a ceasefire agreement")."""
    features = cluster.features()
    return bool({p.id for p in mention.parties} & {p.id for p in features.parties}) and not conflicts(mention, features)


def by_contrast(recent: list[Cluster], contrast: str | None) -> Cluster:
    if contrast == "later":
        later = [c for c in recent if not c.earlier]
        if later:
            return later[-1]
    if contrast == "earlier":
        earlier = [c for c in recent if c.earlier]
        if earlier:
            return earlier[-1]
    return recent[-1]


def fits_entry(cluster: Cluster, entry: Entry, kb: AgreementKB) -> bool:
    """Nothing the cluster says contradicts the entry: its dates, parties and places may all be the entry's."""
    told = cluster.features()
    if cluster.identified and {told.kind, entry.kind} in ({"ceasefire", "peace agreement"}, {"truce", "peace agreement"}):
        return False  # "a ceasefire agreement signed by X and Y" is not their peace agreement
    if any(not entry.dated_on(d) for d in told.dates):
        return False
    if told.year is not None and told.year != entry.start.year:
        return False
    _, strangers = matched_parties(entry, told.parties)
    if strangers:
        return False
    own = {fold(p) for p in entry.places}
    for place in told.places:
        others = kb.places.get(place, [])
        if others and entry.id not in others and place not in own:
            return False
    return True


def settle(kb: AgreementKB, clusters: list[Cluster], setting: Setting) -> list[Cluster]:
    """Resolve each cluster on all it says; merge clusters that are one agreement."""
    for cluster in clusters:
        if cluster.entry is None:
            cluster.entry = choose(ranked(kb, cluster.features(), setting), setting)
    merged: list[Cluster] = []
    by_entry: dict[str, Cluster] = {}
    for cluster in clusters:
        if cluster.entry is not None and cluster.entry.id in by_entry:
            by_entry[cluster.entry.id].mentions += cluster.mentions
            continue
        if cluster.entry is not None:
            by_entry[cluster.entry.id] = cluster
        merged.append(cluster)
    for cluster in merged:
        cluster.mentions.sort(key=lambda m: m.start)
    resolved = [c for c in merged if c.entry is not None]
    out = []
    for cluster in merged:
        if cluster.entry is None:
            fitting = [c for c in resolved if fits_entry(cluster, c.entry, kb)]  # type: ignore[arg-type]
            if len(fitting) == 1 or (fitting and not cluster.identified):
                nearest(fitting, cluster).mentions += cluster.mentions
                continue
            if not cluster.identified:
                others = [c for c in merged if c is not cluster and (c.entry is not None or c.identified)]
                if others:
                    nearest(others, cluster).mentions += cluster.mentions
                    continue
                cluster.entry = context_entry(kb, cluster, setting)
        if cluster.entry is None and not recordable(cluster):
            continue
        out.append(cluster)
    for cluster in out:
        cluster.mentions.sort(key=lambda m: m.start)
    return out


def recordable(cluster: Cluster) -> bool:
    """An agreement the knowledge base lacks is recorded when the text says what kind it is (a
    ceasefire, a truce, a peace deal) or names it; "the agreement" alone is too little to keep."""
    return cluster.features().kind != "other" or any(m.name for m in cluster.mentions)


def nearest(candidates: list[Cluster], cluster: Cluster) -> Cluster:
    """The candidate first mentioned after the cluster's first mention, else the last before it."""
    start = cluster.mentions[0].start
    after = [c for c in candidates if min(m.start for m in c.mentions) > start]
    if after:
        return min(after, key=lambda c: min(m.start for m in c.mentions))
    return max(candidates, key=lambda c: min(m.start for m in c.mentions))


# --- records ------------------------------------------------------------------------------------


def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", fold(text)).strip("-")


def evidence_of(adoc: AnnotatedDocument, mention: Mention) -> Evidence:
    return sentence_evidence(adoc, mention.sentence)


def sentence_evidence(adoc: AnnotatedDocument, span: tuple[int, int]) -> Evidence:
    """A sentence as evidence, without the spaces around it."""
    return Evidence.trimmed(adoc.document.text, *span)


def description(mention: Mention) -> str:
    """ "ceasefire agreement" from "a ceasefire agreement": the phrase without its determiner."""
    words = mention.text.split()
    while words and words[0].lower() in ("the", "a", "an", "this", "that", "its", "their", "another"):
        words = words[1:]
    return " ".join(words) or mention.text


def text_name(cluster: Cluster, setting: Setting) -> str:
    named = next((m.name for m in cluster.mentions if m.name), None)
    if named:
        return named
    told = cluster.features()
    phrase = description(next((m for m in cluster.mentions if m.identified), cluster.mentions[0]))
    if told.place_names:
        return f"{told.place_names[0]} {phrase}"
    if told.parties:
        return f"{'-'.join(short_name(a) for a in told.parties[:2])} {phrase}"
    country = country_name(setting.country)
    return f"{country} {phrase}" if country else phrase


def country_name(code: str | None) -> str | None:
    import pycountry

    found = pycountry.countries.get(alpha_2=code) if code else None
    return (getattr(found, "common_name", None) or found.name) if found else None


def party_names(actors: tuple[Actor, ...]) -> list[str]:
    """One name per side: a country's government, army and the country itself are one party."""
    states: dict[str, Actor] = {}
    others: list[str] = []
    for actor in actors:
        if actor.country and actor.id.startswith(("country:", "government:", "military:", "police:")):
            kept = states.get(actor.country)
            if kept is None or actor.id.startswith("government:"):
                states[actor.country] = actor
        elif actor.name not in others:
            others.append(actor.name)
    return [a.name for a in states.values()] + others


def short_name(actor: Actor) -> str:
    """ "MILF" from "Moro Islamic Liberation Front (MILF)"."""
    found = re.search(r"\(([^)]+)\)$", actor.name)
    return found.group(1) if found else actor.name


def agreement_record(adoc: AnnotatedDocument, cluster: Cluster, setting: Setting) -> Agreement:
    told = cluster.features()
    first = next((m for m in cluster.mentions if m.identified), cluster.mentions[0])
    sentences = []
    for mention in cluster.mentions:
        evidence = evidence_of(adoc, mention)
        if all(e.start != evidence.start for e in sentences):
            sentences.append(evidence)
    text_names = [m.name for m in cluster.mentions if m.name]
    entry = cluster.entry
    if entry is not None:
        aliases = list(dict.fromkeys(n for n in (*entry.names, *text_names) if n != entry.name))
        return Agreement(
            id=entry.id, name=entry.name, aliases=aliases, kind=entry.kind, parties=[p.name for p in entry.parties],
            signed=entry.signed, known=True, source=entry.source, commitments=list(entry.commitments),
            evidence=evidence_of(adoc, first), mentions=sentences,
        )
    name = text_name(cluster, setting)
    return Agreement(
        id=f"text:{slug(name)}", name=name, aliases=[n for n in dict.fromkeys(text_names) if n != name],
        kind=told.kind, parties=party_names(told.parties),
        signed=told.dates[0] if told.dates else (str(told.year) if told.year else None),
        evidence=evidence_of(adoc, first), mentions=sentences,
    )


@dataclass(frozen=True)
class Reading:
    """The document's agreements, and which one each mention refers to."""

    agreements: list[Agreement]
    mentions: list[tuple[Mention, Agreement]]

    def of_mention(self, mention: Mention) -> Agreement | None:
        return next((a for m, a in self.mentions if m is mention), None)


def resolve_agreements(adoc: AnnotatedDocument, mentions: list[Mention]) -> Reading:
    kb = load_agreements()
    setting = setting_of(adoc)
    clusters = settle(kb, cluster_mentions(kb, mentions, setting), setting)
    records: list[tuple[Cluster, Agreement]] = []
    seen: dict[str, Agreement] = {}
    for cluster in clusters:
        record = agreement_record(adoc, cluster, setting)
        if record.id in seen:  # two text-only clusters that came out with one name
            record = seen[record.id]
        else:
            seen[record.id] = record
        records.append((cluster, record))
    pairs = [(m, record) for cluster, record in records for m in cluster.mentions]
    agreements = sorted(seen.values(), key=lambda a: (a.evidence.start, a.id))
    return Reading(agreements=agreements, mentions=sorted(pairs, key=lambda p: p[0].start))
