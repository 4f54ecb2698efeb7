"""An incident's ACLED type and sub-type and PLOVER type and mode, from every trigger of
its mentions and what they say of doers and victims."""

from __future__ import annotations

import re

from spacy.tokens import Token

from sitrep.events.accounts import Account
from sitrep.events.coreference import families_compatible
from sitrep.events.lexicon import lexicon


PROTEST_WORDS = re.compile(r"\b(protest|protests|protested|protesting|protester|protesters|demonstrat\w*|marchers?|rally|rallies|"
                           r"hartals?|blockade|blockaders?|procession|human chain)\b", re.IGNORECASE)

PROTEST_CLASSES = {"protest", "riot", "protest_intervention", "excessive_force"}
#: Violence that, done by rioters or at a demonstration, makes a riot.

#: Violence that, done by rioters or at a demonstration, makes a riot.
RIOT_VIOLENCE = {"clash", "attack", "killing", "shelling", "explosive", "grenade", "small_arms", "looting", "riot_weapon",
                 "mob_violence", "arson"}

#: Verbs of leaving ground, which tell nothing of whether it was fought for.
WITHDRAWING = {"withdraw", "vacate"}

#: ACLED inter codes of rebels, political militias and identity militias.
NONSTATE_INTERS = (2, 3, 4)

FIREARMS = re.compile(r"\b(gunfights?|gun ?fire|gunshots?|bullets?|firearms?|rifles?|guns|shoot-?outs?|exchanged fire|"
                      r"heavy weapons|small arms)\b", re.IGNORECASE)


def incident_type(account: Account) -> tuple[str, str, str, str]:
    """ACLED type and sub-type, PLOVER type and mode, from every trigger of the incident."""
    classes = lexicon().classes
    hits = [h for m in account.mentions for h in m.hits]
    if (account.parent is not None and account.family == account.parent.family and not any(h.event_class.means for h in hits)
            and not any(m.agent is not None or m.state_agent or told_by_armed_group(m) for m in account.mentions)):
        # another source's toll for an event already told ("seven soldiers were killed in the
        # attack, the channel said"): the event is the one told, its means are the first account's
        # (a source that names who did it, or an armed group telling its own version, tells its
        # own event: "the rebels said the army killed 20 villagers")
        hits += [h for m in account.parent.mentions for h in m.hits if h.event_class.means]
    names = {h.event_class.name for h in hits}
    protest_told = bool(names & PROTEST_CLASSES or PROTEST_WORDS.search(account.mentions[0].sentence.text))
    doers = {m.doers for m in account.mentions} - {None}
    # groups exchanging gunfire are armed groups in a clash, not rioters; a "gunfight" or
    # "shootout" with the police is a battle even when the other side are party activists
    gunfight = "clash" in names and any(lexicon().gunfight.search(m.sentence.text) for m in account.mentions)
    rioters = "armed" not in doers and not gunfight and ("rioters+state" in doers or (
        "rioters" in doers and not any(FIREARMS.search(m.sentence.text) for m in account.mentions)))
    armed_only = "armed" in doers and not names & PROTEST_CLASSES
    if "riot_weapon" in names and not names & {"riot", "clash", "mob_violence"}:
        if hurt(account) and civilian_only(account) and any(m.at_vehicle for m in account.mentions):
            # petrol or crude bombs thrown at a bus or a truck, burning the people inside: an attack
            # on civilians, even when thrown by blockaders during a hartal
            chosen = classes["riot_weapon"]
            return (*chosen.acled_civilian, *chosen.plover)
        campaign = lexicon().campaign_nouns
        protest_acts = [h for h in hits if h.event_class.name in PROTEST_CLASSES and h.token.lemma_.lower() not in campaign]
        if ("explosive" in names and not hurt(account) and not any(m.thrown for m in account.mentions)
                and not protest_acts and not names & {"arson", "looting"}):
            # "three crude bombs went off near the court": explosions, nobody named as throwing them
            chosen = classes["explosive"]
            return (*chosen.acled, *chosen.plover)
    # petrol bombs and crude bombs: a riot, unless thrown by unnamed assailants at people they hurt
    crowd_weapons = "mob_violence" in names or ("riot_weapon" in names and not hurt(account))
    # arson and vandalism by crowds or unnamed people (not an armed group, not the state): a riot
    arson = account.family == "looting" and "looting" not in names and not any(m.state_agent for m in account.mentions)
    # a gunfight with the police during a strike is a battle, not the strike turning violent
    gunfight_only = gunfight and not names & {"riot", "excessive_force", "protest_intervention", "mob_violence"}
    # a suicide bomber at a rally attacks it; the crowd does not riot
    bombed = "suicide_bomb" in names and not names & {"riot", "mob_violence"}
    if (account.family in ("violence", "protest", "looting") and not armed_only and not gunfight_only and not bombed
            and (protest_told or rioters or crowd_weapons or arson)):
        if account.family == "looting" and not (protest_told or rioters or arson):
            chosen = classes["looting"]
        elif "riot" in names:
            chosen = classes["riot"]
        elif "mob_violence" in names and not protest_told:
            chosen = classes["mob_violence"]
        elif "excessive_force" in names:
            chosen = classes["excessive_force"]
        elif "clash" in names and protest_told and not rioters:
            chosen = classes["riot"]  # protesters clashing with the police: a violent demonstration
        elif names & RIOT_VIOLENCE and protest_told and not rioters and any(m.state_agent for m in account.mentions) and hurt(account):
            chosen = classes["excessive_force"]  # forces shooting at a demonstration that fought no one
        elif "protest_intervention" in names or ("arrest" in names and not names & RIOT_VIOLENCE):
            chosen = classes["protest_intervention"]
        elif names & RIOT_VIOLENCE:
            # violence at a demonstration, or by a crowd, party activists or villagers: a riot
            chosen = classes["riot"] if protest_told else classes["mob_violence"]
        else:
            chosen = classes["protest"]
        return (*chosen.acled, *chosen.plover)
    family_hits = [h for h in hits if families_compatible(h.event_class.family, account.family)]
    heard = [m for m in account.mentions if any(is_noise_heard(h.token) for h in m.hits)]
    if heard and len(heard) < len(account.mentions):
        # the act told in other sentences, its sound in this one: the sound tells no weapon
        noise = {id(h) for m in heard for h in m.hits if is_noise_heard(h.token)}
        family_hits = [h for h in family_hits if id(h) not in noise]
    if gunfight_only:
        family_hits = [h for h in family_hits if h.event_class.name not in PROTEST_CLASSES]
    main = max(family_hits or hits, key=lambda h: h.event_class.priority).event_class
    if {"territory_taken", "territory_regained"} <= names and main.name in ("territory_taken", "territory_regained"):
        # "the post first fell to the Taliban but was recaptured by Afghan forces": who holds the
        # ground last, as the story tells it, is the event's outcome
        last = max((h for h in hits if h.event_class.name in ("territory_taken", "territory_regained")), key=lambda h: h.token.i)
        main = last.event_class
    handed = [h for h in hits if h.event_class.name == "territory_handed"]
    if (main.name == "territory_handed" and "territory_taken" in names and fought(account)
            and all(h.token.lemma_.lower() in WITHDRAWING for h in handed)):
        # "took control of the town after fighting ... the army withdrew": a withdrawal under
        # fire is ground taken (handing over "without a fight" says no fight was fought)
        main = classes["territory_taken"]
    if (main.name == "territory_taken" and "retreat" in names and not fought(account)
            and not any(m.doers == "armed" for m in account.mentions)):
        # forces withdrew and the district fell ("has fallen", "collapsed"), no one told fighting
        # or seizing it: a non-violent transfer ("the Taliban captured the buildings" is a takeover)
        main = classes["territory_handed"]
    if main.name == "shelling" and any(h.event_class.name in ("clash", "small_arms") and not is_backdrop(h.token) for h in hits):
        main = classes["clash"]  # forces fighting each other amid shelling: an armed clash
    elif main.name in ("grenade", "explosive") and any(
        h.event_class.name == "clash" and not is_backdrop(h.token) for h in hits
    ):
        # a grenade or a bomb in the course of an exchange of fire: ACLED codes the clash;
        # one thrown "during clashes" or "amid clashes" is the event, the clashes its backdrop
        main = classes["clash"]
    elif main.name in ("grenade", "explosive") and "attack" in names and {"state", "nonstate"} <= hurt_sides(account):
        # a car bomb opening an assault on a base, with soldiers and attackers dead: the two sides
        # fought, a complex attack ACLED codes as the battle
        main = classes["clash"]
    if main.name == "explosive" and any(m.event_class is main and state_modified(m) for m in account.mentions):
        main = classes["air_strike"]  # state forces bombing a place bomb it from the air: "government bombing in Idlib"
    acled = main.acled
    if main.victim_typed and main.acled_civilian and civilian_only(account):
        acled = main.acled_civilian
    if main.acled_state and any(m.state_agent and m.event_class is main for m in account.mentions):
        acled = main.acled_state
    if main.name == "territory_regained" and any(m.doers == "armed" for m in account.mentions) and not any(m.state_agent for m in account.mentions):
        acled = classes["territory_taken"].acled  # rebels retaking a village overtake it
    return (*acled, *main.plover)


def state_modified(mention) -> bool:
    """Whether the event noun names a state as its doer: "government bombing", "army shelling"."""
    for hit in mention.hits:
        if hit.event_class is not mention.event_class or hit.token.pos_ != "NOUN":
            continue
        for child in hit.token.children:
            if child.dep_ not in ("compound", "amod", "poss", "nmod"):
                continue
            if child.lower_ in lexicon().force_nouns or any(
                    a.start <= child.idx < a.end and a.actor.inter in (1, 8) for a in mention.actors):
                return True
    return False


def told_by_armed_group(mention) -> bool:
    """Whether a rebel group or militia (or its spokesman) tells the mention."""
    speaker = mention.attribution.speaker if mention.attribution is not None else None
    return speaker is not None and speaker.inter in NONSTATE_INTERS


def is_noise_heard(token: Token) -> bool:
    """ "residents were woken by heavy gunfire and loud explosions", "heard blasts": the sound
    of an event told elsewhere, which says nothing of the weapons it was fought with."""
    while token.dep_ == "conj" and token.head.i != token.i:
        token = token.head
    verb = token.head
    if token.dep_ == "pobj" and verb.lower_ == "by" and verb.dep_ == "agent":
        verb = verb.head
    elif token.dep_ != "dobj":
        return False
    return verb.lemma_.lower() in lexicon().filters.noise_verbs


#: Words for a stretch of time a backdrop is told over: "following a week of fighting".
SPAN_NOUNS = {"day", "week", "month", "year", "night", "hour", "weekend"}


def is_backdrop(token: Token) -> bool:
    """ "during the clashes", "amid fighting", "following a week of fighting": the setting of
    another event, not one itself."""
    if token.dep_ == "pobj" and token.head.lower_ == "of" and token.head.head.lemma_.lower() in SPAN_NOUNS:
        token = token.head.head  # "a week of the deadliest fighting": the week is the setting
    return token.dep_ == "pobj" and token.head.lower_ in ("during", "amid", "amidst", "in", "as", "following", "after")


def hurt(account: Account) -> bool:
    return any(c.field in ("killed", "injured", "killed_or_injured") and (c.value or c.vague) for m in account.mentions for c in m.counts)


#: Classes that tell of fighting or harm done.
VIOLENT_CLASSES = {"clash", "attack", "killing", "small_arms", "shelling", "air_strike", "explosive", "grenade",
                   "suicide_bomb", "body_found"}


def fought(account: Account) -> bool:
    """Whether the incident's sentences tell any fighting, harm or toll."""
    names = {h.event_class.name for m in account.mentions for h in m.hits}
    return bool(names & VIOLENT_CLASSES) or hurt(account)


def hurt_sides(account: Account) -> set[str]:
    """The sides of the people the incident's counts killed or wounded."""
    return {c.side for m in account.mentions for c in m.counts
            if c.field in ("killed", "injured", "killed_or_injured") and c.value and c.side}


def civilian_only(account: Account) -> bool:
    """Whether everyone the incident hit was a civilian (then an attack is on civilians).
    Armed men attacking whom the text does not name, with nobody fighting back, are
    coded as attacking civilians, as ACLED does."""
    sides = {c.side for m in account.mentions for c in m.counts if c.field in ("killed", "injured", "killed_or_injured")}
    if not sides - {None}:
        sides = {m.victim_side for m in account.mentions}
    if not sides - {None}:
        names = {h.event_class.name for m in account.mentions for h in m.hits}
        if names & {"clash", "small_arms", "shelling", "air_strike"}:
            return False
        # victims nobody calls fighters, and fewer than two armed sides to fight: "gunmen attacked the
        # village, leaving four dead", "soldiers executed two herders", "a reporter was shot dead by assailants"
        return len(armed_parties(account)) < 2
    if "state" in sides and any(lexicon().off_duty.search(m.sentence.text) for m in account.mentions):
        sides = (sides - {"state"}) | {"civilian"}  # a policeman killed at his home: not a battle
    return "civilian" in sides and not sides & {"state", "nonstate"}


def armed_parties(account: Account) -> set[str]:
    """The armed sides an incident's sentences name: the state (its forces, by actor or by a
    word such as "police") and each armed group by name. One armed side cannot fight a battle."""
    parties: set[str] = set()
    force_nouns = lexicon().force_nouns
    for mention in account.mentions:
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
