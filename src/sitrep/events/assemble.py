"""From event mentions to incidents: one incident per physical event and per account.

Mentions of one event join ("the clashes", a casualty figure told two sentences later)
unless something says they differ: another place, another date, a second figure for the
same people, "another attack". An account by another party that contradicts the first
("The Taliban, however, said ...") becomes its own incident, marked disputed, and keeps
the first account's date and place. Figures for different sides add up; repeated figures
for one side do not (the larger stands).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from spacy.tokens import Token

from sitrep.events.counts import Count
from sitrep.events.detect import EventMention
from sitrep.events.lexicon import lexicon
from sitrep.models import ActorRef, AnnotatedDocument, Evidence, Incident, Source, TimeMention
from sitrep.time import precision_of

WINDOW_SENTENCES = 3
COMPATIBLE_FAMILIES = {frozenset({"violence", "protest"})}
PROTEST_WORDS = re.compile(r"\b(protest|protests|protested|protesting|protester|protesters|demonstrat\w*|marchers?|rally|rallies|"
                           r"hartals?|blockade|blockaders?|procession|human chain)\b", re.IGNORECASE)
PROTEST_CLASSES = {"protest", "riot", "protest_intervention", "excessive_force"}
#: Violence that, done by rioters or at a demonstration, makes a riot.
RIOT_VIOLENCE = {"clash", "attack", "killing", "shelling", "explosive", "grenade", "small_arms", "looting", "riot_weapon",
                 "mob_violence", "arson"}
FIREARMS = re.compile(r"\b(gunfights?|gun ?fire|gunshots?|bullets?|firearms?|rifles?|guns|shoot-?outs?|exchanged fire|"
                      r"heavy weapons|small arms)\b", re.IGNORECASE)
WEEKDAYS = re.compile(r"\b(monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b", re.IGNORECASE)


@dataclass
class Draft:
    mentions: list[EventMention] = field(default_factory=list)
    sentence_numbers: list[int] = field(default_factory=list)
    status: str = "reported"
    parent: "Draft | None" = None  # the account a disputed one contradicts

    @property
    def family(self) -> str:
        return self.mentions[0].family

    @property
    def last_sentence(self) -> int:
        return self.sentence_numbers[-1]


def families_compatible(a: str, b: str) -> bool:
    return a == b or frozenset({a, b}) in COMPATIBLE_FAMILIES


def time_conflict(a: TimeMention | None, b: TimeMention | None) -> bool:
    if a is None or b is None:
        return False
    if a.value and b.value:
        a_start, _, a_end = a.value.partition("/")
        b_start, _, b_end = b.value.partition("/")
        a_end, b_end = a_end or a_start, b_end or b_start
        # month-level values ("2020-06") cover their days: compare on the shared prefix
        return not (a_start[: len(b_end)] <= b_end and b_start[: len(a_end)] <= a_end)
    days_a, days_b = set(WEEKDAYS.findall(a.text.lower())), set(WEEKDAYS.findall(b.text.lower()))
    return bool(days_a and days_b and not days_a & days_b)


SUBNATIONAL = ("place", "admin2", "admin1")


def place_conflict(draft: Draft, mention: EventMention) -> bool:
    """Two places inside countries that differ. A bare country is too often a modifier
    ("a US general", "Afghan forces") to tell two events apart."""
    if not mention.own_place or mention.location is None or mention.location.geo_precision not in SUBNATIONAL:
        return False
    for other in draft.mentions:
        if not other.own_place or other.location is None or other.location.geo_precision not in SUBNATIONAL:
            continue
        a, b = other.location, mention.location
        if a.country != b.country:
            return True
        if a.admin1 and b.admin1 and a.admin1 != b.admin1:
            return True
        if a.geo_precision in ("place", "admin2") and b.geo_precision in ("place", "admin2") and a.place != b.place:
            return True
    return False


def counts_clash(draft: Draft, mention: EventMention) -> bool:
    """Both tell a figure for the same people: two events, unless one points back."""
    ours = {(c.field, c.side) for m in draft.mentions for c in m.counts if c.value is not None}
    theirs = {(c.field, c.side) for c in mention.counts if c.value is not None}
    return bool(ours & theirs)


def speaker_of(mention: EventMention) -> str | None:
    attribution = mention.attribution
    if attribution is None:
        return None
    return attribution.speaker.id if attribution.speaker else (attribution.speaker_name or "").lower()


def is_counter_account(draft: Draft, mention: EventMention) -> bool:
    """Another party's contradicting account of the same event."""
    if not mention.contrast:
        return False
    ours = {speaker_of(m) for m in draft.mentions} - {None}
    theirs = speaker_of(mention)
    # an account we could not name a source for ("a local commander told us") is still
    # contradicted by a named party's "however"
    return theirs is not None and theirs not in ours


def can_join(draft: Draft, mention: EventMention, sentence_number: int) -> bool:
    if not families_compatible(draft.family, mention.family) or mention.new_event:
        return False
    if place_conflict(draft, mention):
        return False
    if not mention.later_death and any(time_conflict(m.time, mention.time) for m in draft.mentions):
        return False  # a victim who succumbs days later died of the event already told
    if sentence_number == draft.last_sentence:
        return True
    if mention.anaphoric or mention.later_death or not distinguishes_itself(mention):
        return True  # "the battle", "those strikes", "the Taliban also captured posts": the same event
    if counts_clash(draft, mention):
        return False
    return sentence_number - draft.last_sentence <= WINDOW_SENTENCES


def distinguishes_itself(mention: EventMention) -> bool:
    """Whether a mention says anything that could set its event apart: where, when, how many."""
    return mention.own_place or mention.time is not None or any(c.value is not None for c in mention.counts)


def group_mentions(mentions: list[EventMention], sentence_index: dict[int, int]) -> list[Draft]:
    drafts: list[Draft] = []
    for mention in mentions:
        number = sentence_index[mention.sentence.start]
        target = None
        reaches_back = mention.anaphoric or mention.later_death or not distinguishes_itself(mention)
        for draft in reversed(drafts):
            if draft.status == "disputed" and draft.parent is not None and number != draft.last_sentence:
                continue
            if is_counter_account(draft, mention) and families_compatible(draft.family, mention.family):
                target = Draft(status="disputed", parent=draft)
                drafts.append(target)
                break
            if can_join(draft, mention, number):
                target = draft
                break
            if not reaches_back:
                break  # only a mention that points back, or adds nothing new, reaches past the latest incident
        if target is None:
            target = Draft()
            drafts.append(target)
        target.mentions.append(mention)
        target.sentence_numbers.append(number)
    return drafts


def evidence_mention(draft: Draft) -> EventMention:
    """The sentence that best tells the event: figures first, then a date, then the first."""
    def has_figures(mention: EventMention) -> bool:
        return any(c.value is not None for c in mention.counts)

    told = [m for m in draft.mentions if not m.anaphoric]
    ranked = (
        [m for m in told if has_figures(m)],
        [m for m in draft.mentions if has_figures(m)],
        [m for m in draft.mentions if m.time is not None and m.time.value is not None],
        told,
    )
    return next((group[0] for group in ranked if group), draft.mentions[0])


def total_counts(mentions: list[EventMention]) -> tuple[dict[str, int], list[str]]:
    """Per field: the largest figure each side is given, summed over sides."""
    best: dict[tuple[str, str | None], Count] = {}
    for mention in mentions:
        per_side: dict[tuple[str, str | None], int] = {}
        bounds: dict[tuple[str, str | None], Count] = {}
        for count in mention.counts:
            if count.value is None:
                continue
            key = (count.field, count.side)
            per_side[key] = per_side.get(key, 0) + count.value
            bounds[key] = count
        for key, value in per_side.items():
            if key not in best or value > (best[key].value or 0):
                best[key] = Count(key[0], value, key[1], bounds[key].token_i, bounds[key].text, bounds[key].bound)
    totals: dict[str, int] = {}
    unsided: dict[str, int] = {}
    notes: list[str] = []
    for (field_name, side), count in sorted(best.items(), key=lambda item: (item[0][0], str(item[0][1]))):
        if side is None:
            unsided[field_name] = count.value or 0
        else:
            totals[field_name] = totals.get(field_name, 0) + (count.value or 0)
        label = side or "unspecified"
        qualifier = {"lower": "at least ", "upper": "up to ", "approximate": "about "}.get(count.bound or "", "")
        notes.append(f"{field_name} {label}: {qualifier}{count.value}")
    for field_name, value in unsided.items():
        # a figure nobody is named for restates the toll ("Eight people died. 8 fatalities."): it does not add
        totals[field_name] = max(totals.get(field_name, 0), value)
    coded = [c for m in mentions for c in m.counts if c.bound == "coded" and c.value is not None]
    for count in coded:
        # a coder's note states the figure it settled on: "Fatalities coded as 0 (the group reported 1)"
        totals[count.field] = count.value
    for mention in mentions:
        for count in mention.counts:
            if count.value is None and count.vague:
                notes.append(f"{count.field}: {count.vague} (no figure)")
    return totals, notes


def incident_type(draft: Draft) -> tuple[str, str, str, str]:
    """ACLED type and sub-type, PLOVER type and mode, from every trigger of the incident."""
    classes = lexicon().classes
    hits = [h for m in draft.mentions for h in m.hits]
    names = {h.event_class.name for h in hits}
    protest_told = bool(names & PROTEST_CLASSES or PROTEST_WORDS.search(draft.mentions[0].sentence.text))
    doers = {m.doers for m in draft.mentions} - {None}
    # groups exchanging gunfire are armed groups in a clash, not rioters; a "gunfight" or
    # "shootout" with the police is a battle even when the other side are party activists
    gunfight = "clash" in names and any(lexicon().gunfight.search(m.sentence.text) for m in draft.mentions)
    rioters = "armed" not in doers and not gunfight and ("rioters+state" in doers or (
        "rioters" in doers and not any(FIREARMS.search(m.sentence.text) for m in draft.mentions)))
    armed_only = "armed" in doers and not names & PROTEST_CLASSES
    if "riot_weapon" in names and not names & {"riot", "clash", "mob_violence"}:
        if hurt(draft) and civilian_only(draft) and any(m.at_vehicle for m in draft.mentions):
            # petrol or crude bombs thrown at a bus or a truck, burning the people inside: an attack
            # on civilians, even when thrown by blockaders during a hartal
            chosen = classes["riot_weapon"]
            return (*chosen.acled_civilian, *chosen.plover)
        campaign = lexicon().campaign_nouns
        protest_acts = [h for h in hits if h.event_class.name in PROTEST_CLASSES and h.token.lemma_.lower() not in campaign]
        if ("explosive" in names and not hurt(draft) and not any(m.thrown for m in draft.mentions)
                and not protest_acts and not names & {"arson", "looting"}):
            # "three crude bombs went off near the court": explosions, nobody named as throwing them
            chosen = classes["explosive"]
            return (*chosen.acled, *chosen.plover)
    # petrol bombs and crude bombs: a riot, unless thrown by unnamed assailants at people they hurt
    crowd_weapons = "mob_violence" in names or ("riot_weapon" in names and not hurt(draft))
    # arson and vandalism by crowds or unnamed people (not an armed group, not the state): a riot
    arson = draft.family == "looting" and "looting" not in names and not any(m.state_agent for m in draft.mentions)
    # a gunfight with the police during a strike is a battle, not the strike turning violent
    gunfight_only = gunfight and not names & {"riot", "excessive_force", "protest_intervention", "mob_violence"}
    if (draft.family in ("violence", "protest", "looting") and not armed_only and not gunfight_only
            and (protest_told or rioters or crowd_weapons or arson)):
        if draft.family == "looting" and not (protest_told or rioters or arson):
            chosen = classes["looting"]
        elif "riot" in names:
            chosen = classes["riot"]
        elif "mob_violence" in names and not protest_told:
            chosen = classes["mob_violence"]
        elif "excessive_force" in names:
            chosen = classes["excessive_force"]
        elif "clash" in names and protest_told and not rioters:
            chosen = classes["riot"]  # protesters clashing with the police: a violent demonstration
        elif names & RIOT_VIOLENCE and protest_told and not rioters and any(m.state_agent for m in draft.mentions) and hurt(draft):
            chosen = classes["excessive_force"]  # forces shooting at a demonstration that fought no one
        elif "protest_intervention" in names or ("arrest" in names and not names & RIOT_VIOLENCE):
            chosen = classes["protest_intervention"]
        elif names & RIOT_VIOLENCE:
            # violence at a demonstration, or by a crowd, party activists or villagers: a riot
            chosen = classes["riot"] if protest_told else classes["mob_violence"]
        else:
            chosen = classes["protest"]
        return (*chosen.acled, *chosen.plover)
    family_hits = [h for h in hits if families_compatible(h.event_class.family, draft.family)]
    if gunfight_only:
        family_hits = [h for h in family_hits if h.event_class.name not in PROTEST_CLASSES]
    main = max(family_hits or hits, key=lambda h: h.event_class.priority).event_class
    if main.name == "shelling" and names & {"clash", "small_arms"}:
        main = classes["clash"]  # forces fighting each other amid shelling: an armed clash
    elif main.name in ("grenade", "explosive") and any(
        h.event_class.name == "clash" and not is_backdrop(h.token) for h in hits
    ):
        # a grenade or a bomb in the course of an exchange of fire: ACLED codes the clash;
        # one thrown "during clashes" or "amid clashes" is the event, the clashes its backdrop
        main = classes["clash"]
    acled = main.acled
    if main.victim_typed and main.acled_civilian and civilian_only(draft):
        acled = main.acled_civilian
    if main.acled_state and any(m.state_agent and m.event_class is main for m in draft.mentions):
        acled = main.acled_state
    if main.name == "territory_regained" and any(m.doers == "armed" for m in draft.mentions) and not any(m.state_agent for m in draft.mentions):
        acled = classes["territory_taken"].acled  # rebels retaking a village overtake it
    return (*acled, *main.plover)


def is_backdrop(token: Token) -> bool:
    """ "during the clashes", "amid fighting": the setting of another event, not one itself."""
    return token.dep_ == "pobj" and token.head.lower_ in ("during", "amid", "amidst", "in", "as")


def hurt(draft: Draft) -> bool:
    return any(c.field in ("killed", "injured", "killed_or_injured") and (c.value or c.vague) for m in draft.mentions for c in m.counts)


def civilian_only(draft: Draft) -> bool:
    """Whether everyone the incident hit was a civilian (then an attack is on civilians).
    Armed men attacking whom the text does not name, with nobody fighting back, are
    coded as attacking civilians, as ACLED does."""
    sides = {c.side for m in draft.mentions for c in m.counts if c.field in ("killed", "injured", "killed_or_injured")}
    if not sides - {None}:
        sides = {m.victim_side for m in draft.mentions}
    if not sides - {None}:
        names = {h.event_class.name for m in draft.mentions for h in m.hits}
        if names & {"clash", "small_arms", "shelling", "air_strike"}:
            return False
        # victims nobody calls fighters, and fewer than two armed sides to fight: "gunmen attacked the
        # village, leaving four dead", "soldiers executed two herders", "a reporter was shot dead by assailants"
        return len(armed_parties(draft)) < 2
    if "state" in sides and any(lexicon().off_duty.search(m.sentence.text) for m in draft.mentions):
        sides = (sides - {"state"}) | {"civilian"}  # a policeman killed at his home: not a battle
    return "civilian" in sides and not sides & {"state", "nonstate"}


def armed_parties(draft: Draft) -> set[str]:
    """The armed sides an incident's sentences name: the state (its forces, by actor or by a
    word such as "police") and each armed group by name. One armed side cannot fight a battle."""
    parties: set[str] = set()
    force_nouns = lexicon().force_nouns
    for mention in draft.mentions:
        sentence = mention.sentence
        for ref in mention.actors:
            if ref.actor.is_person or in_brackets(sentence.text, ref.start - sentence.start_char):
                continue  # "(Rafi LGA, Niger)" glosses a place; a person's side is read from the counts
            if ref.actor.inter in (1, 8):
                parties.add(f"state:{ref.actor.country}")
            elif ref.actor.inter in (2, 3):
                parties.add(ref.actor.name)
        if not any(p.startswith("state") for p in parties) and any(t.lower_ in force_nouns for t in mention.sentence):
            parties.add("state:")
    return parties


def in_brackets(text: str, offset: int) -> bool:
    """Whether text[offset] sits inside a bracket opened before it in ``text``."""
    opened = text.rfind("(", 0, max(offset, 0))
    return opened != -1 and text.find(")", opened, offset) == -1


def date_of(
    draft: Draft, adoc: AnnotatedDocument, chosen: EventMention, narrative: TimeMention | None = None
) -> tuple[str | None, str | None, str | None]:
    """The incident's date: its own mentions' time, else (``narrative``) the day of the
    event told just before it, else the month of the report."""
    candidates = [chosen] + [m for m in draft.mentions if m is not chosen]
    if draft.parent is not None:
        candidates += draft.parent.mentions
    for mention in candidates:
        if mention.time is not None and mention.time.value:
            if mention.time.precision == "week":
                # "earlier this week", "last week": coded as its month, as coders do when the day is unknown
                return mention.time.value[:7], "month", mention.time.text
            return mention.time.value, precision_of(mention.time.value), mention.time.text
    if narrative is not None and narrative.value:
        # "17 militants were killed on Thursday ... soldiers also captured four villages":
        # the story goes on with the same day
        return narrative.value, precision_of(narrative.value), narrative.text
    published = adoc.document.published
    if published is not None:
        return published.strftime("%Y-%m"), "month", None  # reported, undated: the month of the report
    return None, None, None


def location_of(draft: Draft, chosen: EventMention):
    ordered = [chosen] + [m for m in draft.mentions if m is not chosen]
    if draft.parent is not None:
        ordered += draft.parent.mentions
    own = [m.location for m in ordered if m.own_place and m.location is not None]
    rank = {"place": 0, "admin2": 1, "admin1": 2, "country": 3, None: 4}
    if own:
        return min(own, key=lambda loc: rank.get(loc.geo_precision, 4))
    return next((m.location for m in ordered if m.location is not None), None)


def reporter_of(draft: Draft, chosen: EventMention) -> Source | None:
    for mention in [chosen] + draft.mentions:
        attribution = mention.attribution
        if attribution is not None and attribution.speaker_name:
            affiliation = None
            if attribution.speaker is not None:
                affiliation = attribution.speaker.affiliation or (None if attribution.speaker.is_person else attribution.speaker.name)
            return Source(name=attribution.speaker_name, affiliation=affiliation, mention=attribution_text(mention))
    return None


def attribution_text(mention: EventMention) -> str | None:
    attribution = mention.attribution
    if attribution is None or attribution.speaker_start is None:
        return None
    sentence = mention.sentence  # Doc.text is rebuilt on every call: slice the sentence instead
    return sentence.text[attribution.speaker_start - sentence.start_char : attribution.speaker_end - sentence.start_char]


def actors_of(draft: Draft, reporter: Source | None) -> list[ActorRef]:
    refs: list[ActorRef] = []
    seen: set[str] = set()
    reporter_name = reporter.name if reporter else None
    for mention in draft.mentions:
        for actor_mention in mention.actors:
            actor = actor_mention.actor
            if actor.is_person or actor.id in seen or actor.name == reporter_name:
                continue
            seen.add(actor.id)
            refs.append(ActorRef(name=actor.name, mention=actor_mention.text, kind=actor.kind, inter=actor.inter, country=actor.country))
    if draft.family == "violence" and civilian_only(draft) and "civilians" not in {r.name.lower() for r in refs}:
        refs.append(ActorRef(name="Civilians", role="victim", kind="Civilians", inter=7))
    for index, ref in enumerate(refs[:2]):
        refs[index] = ref.model_copy(update={"role": ref.role or ("actor1" if index == 0 else "actor2")})
    return refs


def evidence_of(mention: EventMention) -> Evidence:
    sentence = mention.sentence
    stripped = sentence.text.lstrip()
    start = sentence.start_char + len(sentence.text) - len(stripped)
    stripped = stripped.rstrip()
    return Evidence(text=stripped, start=start, end=start + len(stripped))


def narrative_time(draft: Draft, dated: list[tuple[int, TimeMention]]) -> TimeMention | None:
    """The day of the event told in the sentence or two before this draft's first one,
    which an undated continuation of the story shares; none for a draft that opens an
    event of its own ("In another incident", "Earlier this month")."""
    if any(m.new_event for m in draft.mentions):
        return None
    first = draft.sentence_numbers[0]
    earlier = [time for number, time in dated if first - NARRATIVE_SENTENCES <= number < first]
    return earlier[-1] if earlier else None


#: How many sentences back an undated event looks for the day the story is telling.
NARRATIVE_SENTENCES = 2


def build_incident(
    draft: Draft, adoc: AnnotatedDocument, number: int, narrative: TimeMention | None = None
) -> Incident:
    chosen = evidence_mention(draft)
    acled_type, acled_sub_type, plover_type, plover_mode = incident_type(draft)
    totals, notes = total_counts(draft.mentions)
    date, precision, date_text = date_of(draft, adoc, chosen, narrative)
    location = location_of(draft, chosen)
    reporter = reporter_of(draft, chosen)
    status = draft.status
    if any(m.claimed for m in draft.mentions):
        status = "claimed"
    elif all(m.denied for m in draft.mentions):
        status = "denied"
    return Incident(
        id=f"i{number}",
        acled_type=acled_type,
        acled_sub_type=acled_sub_type,
        plover_type=plover_type,
        plover_mode=plover_mode,
        date=date,
        date_precision=precision,
        date_text=date_text,
        country=(location.country if location else None) or adoc.country,
        admin1=location.admin1 if location else None,
        admin2=location.admin2 if location else None,
        place=location.place if location else None,
        latitude=location.latitude if location else None,
        longitude=location.longitude if location else None,
        geo_precision=location.geo_precision if location else None,
        admin1_list=list(location.admin1_list) if location else [],
        killed=totals.get("killed"),
        injured=totals.get("injured"),
        killed_or_injured=totals.get("killed_or_injured"),
        released=totals.get("released"),
        detained=totals.get("detained"),
        abducted=totals.get("abducted"),
        count_notes=notes,
        actors=actors_of(draft, reporter),
        reported_by=reporter,
        claim_status=status,
        evidence=evidence_of(chosen),
    )
