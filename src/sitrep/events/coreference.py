"""Event coreference: joining the mentions of one physical event.

Mentions of one event join ("the clashes", a casualty figure told two sentences later)
unless something says they differ: another place, another date, a second figure for the
same people from the same source, "another attack". Who tells each mention is read next,
by the accounts component.
"""

from __future__ import annotations

import re
from datetime import date, timedelta
from dataclasses import dataclass, field

from sitrep.events.lexicon import lexicon
from sitrep.events.mentions import MERGED_FAMILIES, EventMention, source_of
from sitrep.models import TimeMention

#: Classes of two sides fighting each other, whose doer may be either side.
MUTUAL_CLASSES = {"clash", "territory_taken", "territory_regained", "agreement"}


WINDOW_SENTENCES = 3
#: How many days a mention pointing back ("the air strike") may be dated off the event's.
ANAPHORIC_SLACK_DAYS = 1

#: Families one event may hold: a protest turning violent; a meeting at which an agreement is reached.
COMPATIBLE_FAMILIES = {frozenset({"violence", "protest"}), frozenset({"meeting", "agreement"})}

WEEKDAYS = re.compile(r"\b(monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b", re.IGNORECASE)

SUBNATIONAL = ("place", "admin2", "admin1")


@dataclass


class Event:
    mentions: list[EventMention] = field(default_factory=list)
    sentence_numbers: list[int] = field(default_factory=list)
    status: str = "reported"
    parent: "Event | None" = None  # the account a disputed one contradicts
    #: for an event told with no time of its own, the latest time the story told before it
    context_time: TimeMention | None = None

    @property
    def family(self) -> str:
        return self.mentions[0].family

    @property
    def last_sentence(self) -> int:
        return self.sentence_numbers[-1]


def families_compatible(a: str, b: str) -> bool:
    return a == b or frozenset({a, b}) in COMPATIBLE_FAMILIES


def time_conflict(a: TimeMention | None, b: TimeMention | None, slack_days: int = 0) -> bool:
    """Whether two times cannot be of one event; ``slack_days`` widens a day-precise one
    (an event pointed back to, told "late on Friday" after "at the weekend")."""
    if a is None or b is None:
        return False
    if a.value and b.value:
        a_start, _, a_end = a.value.partition("/")
        b_start, _, b_end = b.value.partition("/")
        a_end, b_end = a_end or a_start, b_end or b_start
        if slack_days:
            a_start, a_end = widened(a_start, -slack_days), widened(a_end, slack_days)
        # month-level values ("2020-06") cover their days: compare on the shared prefix
        return not (a_start[: len(b_end)] <= b_end and b_start[: len(a_end)] <= a_end)
    days_a, days_b = set(WEEKDAYS.findall(a.text.lower())), set(WEEKDAYS.findall(b.text.lower()))
    return bool(days_a and days_b and not days_a & days_b)


def widened(day: str, days: int) -> str:
    try:
        return (date.fromisoformat(day) + timedelta(days=days)).isoformat()
    except ValueError:
        return day  # a month or a year: already wide


def place_conflict(event: Event, mention: EventMention) -> bool:
    """Two places inside countries that differ. A bare country is too often a modifier
    ("a US general", "Afghan forces") to tell two events apart."""
    if mention.own_place and mention.location is not None and mention.location.admin1_list:
        # "strikes in Upper Nile and Yei": spread over provinces, none of which is a
        # province the event was told in
        spread = set(mention.location.admin1_list)
        if any(o.own_place and o.location is not None and o.location.admin1 and o.location.country == mention.location.country
               and o.location.admin1 not in spread for o in event.mentions):
            return True
    if not mention.own_place or mention.location is None or mention.location.geo_precision not in SUBNATIONAL:
        return False
    for other in event.mentions:
        if not other.own_place or other.location is None or other.location.geo_precision not in SUBNATIONAL:
            continue
        a, b = other.location, mention.location
        if a.country != b.country:
            return True
        if a.admin1 and b.admin1 and a.admin1 != b.admin1:
            return True
        if mention.anaphoric or mention.points_back:
            # "the attack occurred in Pa Zi Gyi", "forces left the district for the capital":
            # where the event already told happened, or a place named beside it
            continue
        if a.geo_precision in ("place", "admin2") and b.geo_precision in ("place", "admin2") and a.place != b.place:
            if not (a.admin2 and a.admin2 in (b.place, b.admin2) or b.admin2 and b.admin2 in (a.place, a.admin2)):
                return True  # two places, neither inside the other's district
    return False


def one_of_many(event: Event, mention: EventMention) -> bool:
    """A mention at a place of its own below the country, of an event told only as spread over
    the whole country ("three were shot dead during nationwide protests in Sudan"): one of
    the local events the nationwide one sums, not it, unless it tells the same toll again or
    points back to it."""
    if not placed_below_country(mention):
        return False
    return any(m.spread for m in event.mentions) and not any(placed_below_country(m) for m in event.mentions)


def placed_below_country(mention: EventMention) -> bool:
    """The mention names a place of its own finer than the country."""
    return mention.own_place and mention.location is not None and mention.location.geo_precision in SUBNATIONAL


def counts_clash(event: Event, mention: EventMention) -> bool:
    """The same source tells another figure for the same people: two events, unless one
    points back. The same figure again restates it; another source's figure for them is
    its account of the same event."""
    source = source_of(mention)
    ours: dict[tuple[str, str | None], set[int]] = {}
    for other in event.mentions:
        if source_of(other) == source:
            for c in other.counts:
                if c.value is not None:
                    ours.setdefault((c.field, c.side), set()).add(c.value)
    return any(c.value is not None and (c.field, c.side) in ours and c.value not in ours[(c.field, c.side)]
               for c in mention.counts)


def follows_on(event: Event, mention: EventMention) -> bool:
    """What the doers of an event went on to do, or what was done in its course, is part of
    it: "the attackers then set the trucks on fire", "12 more were arrested in the
    operation", "structures were destroyed during the bombardment". So is what became of
    the weapon already told, when the sentence sets nothing apart (no place, time or toll
    of its own): "the device destroyed their car and left a crater", "air defences
    intercepted the rockets" (a bomb found in a search is a seizure of its own)."""
    return (event.family in ("violence", "territory") and mention.family in MERGED_FAMILIES
            and (mention.refers_back or mention.points_back or names_told_weapon(mention) and not distinguishes_itself(mention)))


def damage_done(event: Event, mention: EventMention, sentence_number: int) -> bool:
    """ "Azerbaijani forces shelled Jermuk ... It said several homes and a hotel had been
    damaged": property told damaged, by no doer, with nothing of its own (place, time,
    toll), in the sentence right after a violent event, is what that event destroyed."""
    return (event.family in ("violence", "territory") and mention.family == "looting"
            and sentence_number == event.last_sentence + 1 and mention.agent is None and mention.doers is None
            and not distinguishes_itself(mention))


def names_told_weapon(mention: EventMention) -> bool:
    """Whether the sentence names a weapon by a definite noun ("the explosive", "the
    missiles"): one already told of."""
    weapons = lexicon().weapon_nouns
    determiners = lexicon().filters.anaphoric_determiners
    return any(t.pos_ in ("NOUN", "PROPN") and (t.lower_ in weapons or t.lemma_.lower() in weapons)
               and any(c.dep_ in ("det", "poss") and c.lower_ in determiners for c in t.children)
               for t in mention.sentence)


def means_differ(event: Event, mention: EventMention) -> bool:
    """Two different means of attack tell two events ("an air strike" and "a roadside
    bomb"); a general word ("the attack", "fighting", "killed") fits any of them."""
    ours = {means_of(m) for m in event.mentions} - {None}
    theirs = means_of(mention)
    if theirs is None or not ours or theirs in ours:
        return False
    if mention.event_class.means is None:
        # only the words tell the means ("gunmen opened fire"): in the course of a bombing
        # that is its complex attack told on, unless the shooting has a toll of its own
        # ("gunmen shot dead two shopkeepers", after "a roadside bomb killed three soldiers")
        return any(c.value for c in mention.counts) and not restates(event, mention)
    return True


def means_of(mention: EventMention) -> str | None:
    return mention.means


def agents_differ(event: Event, mention: EventMention) -> bool:
    """One side's strike and the other side's rockets in reply are two events: a one-sided
    act whose doer is another party than the event's ("Hezbollah launched rockets at
    Israel after an Israeli air strike"). Fighting has two sides, and the marchers of a
    protest are not the doers of the force used against it."""
    if mention.agent is None or not one_sided(mention):
        return False
    theirs = mention.agent.actor
    for other in event.mentions:
        if other.agent is None or not one_sided(other):
            continue
        if not same_side(other.agent.actor, theirs):
            return True
    return outside_fighting(event, theirs)


def same_side(ours, theirs) -> bool:
    return ours.id == theirs.id or (ours.country is not None and ours.country == theirs.country and ours.inter == theirs.inter)


def outside_fighting(event: Event, doer) -> bool:
    """A one-sided act by a party that is neither side of the fighting told ("foreign
    aircraft bombed the rebels during the army's offensive"): its own event. Only when
    the fighting names its doer, and no one told in it is of the act's doer's side."""
    fighting = [m for m in event.mentions if m.agent is not None and not one_sided(m) and m.family == "violence"]
    if not fighting:
        return False
    told = [a.actor for m in event.mentions for a in ([m.agent] if m.agent is not None else []) + list(m.actors)]
    return not any(same_side(actor, doer) for actor in told)


def charges_unnamed(event: Event, mention: EventMention, contested: set[int]) -> bool:
    """Where sources blame opposite sides for the same kind of act ("the rebels' radio
    accused the army of shelling villages", "an official said the rebels fired shells"),
    each charge is that side's account, and a report of the act that names no doer
    ("residents reported shelling") is a third: nothing ties them. So a contested charge
    joins no event whose tellers are all sources other than its own and none of them
    named a doer (unless it points back or repeats a figure). ``contested`` holds the
    ids of the mentions whose doer another source's charge contradicts."""
    if id(mention) not in contested or mention.attribution is None or mention.anaphoric:
        return False
    source = source_of(mention)
    if any(m.attribution is None or source_of(m) == source or m.agent is not None for m in event.mentions):
        return False
    return not restates(event, mention)


def contested_charges(mentions: list[EventMention]) -> set[int]:
    """The attributed mentions of a one-sided act whose doer another source's mention of the
    same kind of act names on the opposite side: the parties blame each other."""
    charges = [m for m in mentions if m.agent is not None and one_sided(m) and m.attribution is not None]
    return {id(m) for m in charges for other in charges
            if other is not m and other.event_class.name == m.event_class.name and source_of(other) != source_of(m)
            and not same_side(other.agent.actor, m.agent.actor)}


#: ACLED inter codes of the parties that fight: state forces, rebels, political and identity militias.
FIGHTING_INTERS = {1, 2, 3, 4, 8}


def fighting_sides(mention: EventMention) -> list:
    """The armed parties a fight's sentence names ("clashes between the army and the RSF"):
    none for one-sided acts, whose other party is the victim."""
    if mention.event_class.name not in MUTUAL_CLASSES or mention.family != "violence":
        return []
    return [a.actor for a in mention.actors if a.actor.inter in FIGHTING_INTERS and not a.actor.is_person
            and not a.actor.id.startswith(("unidentified:", "country:"))]


def sides_differ(event: Event, mention: EventMention) -> bool:
    """A fight told with both its sides, none of whom fought in the event or did what it
    tells, is another fight: "clashes between the army and the RSF" (or "the army's shelling
    of the city") and "fighting between the Salamat and Bani Halba tribes" in the same state."""
    theirs = fighting_sides(mention)
    if len({a.id for a in theirs}) < 2:
        return False
    # who fought in the event, or did what it tells ("the army's shelling of the city")
    ours = [a for m in event.mentions for a in fighting_sides(m)]
    ours += [m.agent.actor for m in event.mentions if m.agent is not None and one_sided(m) and m.agent.actor.inter in FIGHTING_INTERS]
    return bool(ours) and not any(same_side(o, t) for o in ours for t in theirs)


def strikes_apart(event: Event, mention: EventMention) -> bool:
    """A side's shelling or air strike that killed civilians, told with its doer, its place
    and its toll, is no part of ground fighting told with no weapon: "clashes between the
    army and the RSF" and "43 civilians were killed in the army's shelling of Nyala" are a
    battle and a strike (ACLED codes remote violence apart from the battle it came in)."""
    if means_of(mention) is None or not one_sided(mention) or mention.agent is None or not mention.own_place:
        return False
    if not any(c.side == "civilian" and c.value for c in mention.counts):
        return False
    return all(m.event_class.name in MUTUAL_CLASSES and means_of(m) is None for m in event.mentions)


def one_sided(mention: EventMention) -> bool:
    return mention.event_class.name not in MUTUAL_CLASSES and mention.family != "protest"


def restates(event: Event, mention: EventMention) -> bool:
    """The same figure for the same people again, whoever gives it: the same event, however
    far apart ("killed 10 separatists ..." and, later, "ten terrorists were neutralised")."""
    told = {(c.field, c.side, c.value) for m in event.mentions for c in m.counts if c.value and c.value > 1}
    return any((c.field, c.side, c.value) in told for c in mention.counts if c.value and c.value > 1)


def retells(event: Event, mention: EventMention) -> bool:
    """The same means at the same place below the country: the event told again, even
    after another one came between ("scores of bandits were killed through air strikes in
    Zamfara ... the Army denied ... 'neutralised dozens of bandits in air strikes at
    Doumbourou Forest in Zamfara State'"), or on the same day when the sentence names no
    place of its own ("two districts of the city were shelled Sunday", its place read from
    who said it); a figure of its own would tell another strike.
    """
    means = means_of(mention)
    if any(c.value is not None for c in mention.counts) and not restates(event, mention):
        return False
    if means is None or mention.location is None or mention.location.geo_precision not in SUBNATIONAL:
        return False
    here = mention.location
    for other in event.mentions:
        there = other.location
        if means_of(other) != means or there is None or there.geo_precision not in SUBNATIONAL:
            continue
        if not (mention.own_place and other.own_place or same_day(mention.time, other.time)):
            continue  # where the sentence names no place, the same day must tell it
        if there.country == here.country and there.admin1 and there.admin1 == here.admin1:
            return True
    return False


def same_day(a: TimeMention | None, b: TimeMention | None) -> bool:
    return (a is not None and b is not None and bool(a.value) and a.value == b.value
            and a.precision == "day" and b.precision == "day")


def reached_at(event: Event, mention: EventMention) -> bool:
    """An agreement and the meeting told in its sentence, in either order."""
    here = [m for m in event.mentions if m.sentence.start == mention.sentence.start]
    return {mention.family} | {m.family for m in here} == {"meeting", "agreement"}


def can_join(event: Event, mention: EventMention, sentence_number: int, contested: set[int] = frozenset()) -> bool:
    if not (families_compatible(event.family, mention.family) or follows_on(event, mention)
            or damage_done(event, mention, sentence_number)) or mention.new_event:
        return False
    if mention.sequel or means_differ(event, mention):
        return False
    if mention.renewed and any(m.time is not None for m in event.mentions):
        return False  # "fresh attacks", after attacks told on a day of their own: renewed, another event
    if sides_differ(event, mention) or (strikes_apart(event, mention) and not (mention.anaphoric or restates(event, mention))):
        return False
    if agents_differ(event, mention) and not restates(event, mention):
        return False  # the same toll with another doer named is the same event told again ("Russian or Syrian jets")
    if charges_unnamed(event, mention, contested):
        return False
    if sentence_number == event.last_sentence and reached_at(event, mention):
        return True  # "during the meeting in Minsk, they agreed to a ceasefire between Kiev and the rebels": where it was reached
    if place_conflict(event, mention):
        return False
    if one_of_many(event, mention) and not (mention.anaphoric or mention.points_back or mention.refers_back or restates(event, mention)):
        return False  # "in Khartoum, police fired tear gas", after "nationwide protests in Sudan": one of them
    slack = ANAPHORIC_SLACK_DAYS if mention.anaphoric else 0
    if not mention.later_death and any(time_conflict(m.time, mention.time, slack) for m in event.mentions):
        return False  # a victim who succumbs days later died of the event already told
    if (not mention.later_death and all(m.time is None for m in event.mentions)
            and time_conflict(event.context_time, mention.time, slack)):
        return False  # "the fifth victim was caught near X", told after Tuesday's attack, is no part of "last Friday"'s
    if sentence_number == event.last_sentence:
        return True
    if mention.anaphoric or mention.later_death or not distinguishes_itself(mention) or restates(event, mention) or retells(event, mention):
        return True  # "the battle", "those strikes", "the Taliban also captured posts": the same event
    if counts_clash(event, mention):
        return False
    if mention.refers_back:
        return True  # "the gunmen then torched the trucks": the same doers, the same event
    return sentence_number - event.last_sentence <= WINDOW_SENTENCES


def distinguishes_itself(mention: EventMention) -> bool:
    """Whether a mention says anything that could set its event apart: where, when, how
    many (one person is a detail of a toll: "one protester was shot in the head")."""
    return mention.own_place or mention.time is not None or any(c.value is not None and c.value > 1 for c in mention.counts)


def unplaced_meeting(mention: EventMention) -> bool:
    """A meeting told with neither its time nor a place below the country is background to
    the story (who has talked to whom), not an occasion: no incident of its own."""
    located = mention.location is not None and mention.location.geo_precision in SUBNATIONAL
    return mention.family == "meeting" and mention.time is None and not located


def corefer(mentions: list[EventMention], sentence_index: dict[int, int]) -> list[Event]:
    """Each mention joins the latest event it can be part of, or opens one; a pointer back
    that no event takes opens none when the story tells other events (it points at
    something told only in general), while in a text that tells nothing else ("clashes
    broke out ... both sides used heavy weapons in the battle") it is the event."""
    events: list[Event] = []
    tells_others = any(not m.pointer for m in mentions)
    contested = contested_charges(mentions)
    last_time: TimeMention | None = None
    for mention in mentions:
        number = sentence_index[mention.sentence.start]
        reaches_back = (mention.anaphoric or mention.later_death or mention.refers_back or not distinguishes_itself(mention)
                        or any(restates(e, mention) or retells(e, mention) or reached_at(e, mention) for e in events))
        # the latest event is the one told last, which an earlier one taken up again may be
        latest_first = sorted(reversed(events), key=lambda e: -e.last_sentence)
        # a telling in full (no pointer back, which takes the latest) of the same toll for the same
        # people is that event's, though another came between ("three were shot dead during
        # nationwide protests ... in the capital, police fired tear gas ... the doctors said three
        # protesters were shot dead in the twin city")
        target = None if mention.anaphoric else next(
            (e for e in latest_first if restates(e, mention) and can_join(e, mention, number, contested)), None)
        for event in latest_first if target is None else ():
            if can_join(event, mention, number, contested):
                target = event
                break
            if not reaches_back and not agents_differ(event, mention):
                # only a mention that points back, or adds nothing new, reaches past the latest
                # incident; or one that the latest cannot take because it is the other side's act:
                # an exchange of fire told turn by turn ("Hezbollah fired rockets after an Israeli
                # strike ... the army said its raid ... the group said it fired at the town")
                break
        if target is None:
            if mention.pointer and not distinguishes_itself(mention) and tells_others:
                continue  # "the attacks, it said, set back reconciliation"
            if unplaced_meeting(mention):
                continue  # "the envoy said he had met Taliban representatives to agree a reset": background
            target = Event(context_time=None if mention.time is not None else last_time)
            events.append(target)
        target.mentions.append(mention)
        target.sentence_numbers.append(number)
        if mention.time is not None:
            last_time = mention.time
    return events
