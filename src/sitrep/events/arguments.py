"""A trigger's arguments: what its object must be for the trigger to count ("freed 200
prisoners", "captured the town"), who did it (rioters, armed men, the state), whom it hit,
and whether a weapon was used or only found."""

from __future__ import annotations

import re

from spacy.tokens import Token

from sitrep.events.counts import side_of
from sitrep.events.lexicon import EventClass, TriggerHit, lexicon
from sitrep.events.syntax import (
    argument_words, arguments_of, clause_verb, conjoined, is_place_like, is_timing_clause, names_a_place, names_people,
    with_partitives)
from sitrep.models import ActorMention
from sitrep.text.spans import overlapping, subtree_span


#: Nouns that a weapon word modifies to tell the event: "mortar fire", "rocket attack".
EVENT_HEADS = {"fire", "attack", "strike", "blast", "explosion", "raid", "shelling", "round", "salvo", "barrage",
               "bombardment", "assault", "ambush", "bomb", "shell", "canister", "grenade"}

FOUND_VERBS = {"find", "discover", "recover", "dump", "exhume", "retrieve", "unearth", "locate"}
#: Nouns naming the doers, not the deed: a trigger only when the sentence tells nothing else.

FIRED_AT_PREPS = {"at", "on", "upon", "towards", "toward", "into"}

FIRED_OBJECTS = {"shot", "shots", "gunshot", "gunshots", "round", "rounds", "bullet", "bullets", "volley", "volleys"}
#: Families that join the violence of their sentence when it hurt someone.

#: Triggers telling of two sides fighting each other.
MUTUAL_LEMMAS = {"clash", "fight", "scuffle", "brawl", "fighting", "gunfight", "confrontation", "skirmish", "melee"}
#: Nouns that a weapon word modifies to tell the event: "mortar fire", "rocket attack".


def check_argument(hit: TriggerHit, place_spans: list[tuple[int, int]] = ()) -> EventClass | None:
    """The class a trigger stands for once its arguments are read, or None to drop it."""
    lex = lexicon()
    kind = hit.rule.argument
    token = hit.token
    event_class = hit.event_class
    if figurative_fight(token):
        return None
    if kind is None:
        return event_class
    args = arguments_of(token)
    words = argument_words(args)
    if kind == "territory":
        taken = [a for a in args if a.dep_ in ("dobj", "nsubjpass")]
        # a bare number taken is people, its noun left to the clause before ("killed 300 rebels and
        # captured 150"): ground is never counted so
        people_taken = (any(a.lemma_.lower() in lex.prisoner_nouns or (a.pos_ == "NUM" and not any(a.children))
                            for a in taken)
                        or names_people(taken))
        if people_taken:  # "freed 200 prisoners", "captured two militants": people, not ground
            if token.lemma_.lower() not in ("capture", "seize"):
                return None
            subjects = [c for c in token.children if c.dep_ == "nsubj"]
            if any({t.lower_ for t in c.subtree} & lex.armed_nouns for c in subjects):
                return lex.classes["abduction"]  # "its fighters seized him": armed men take people, police arrest them
            return lex.classes["arrest"]
        # a list of ground taken is read whole: "seized the palace, the residence and the airport"
        if argument_words(conjoined(args)) & lex.territory_nouns or names_a_place(args, list(place_spans)):
            return event_class
        return None
    if kind == "territory_object":
        # a verb too common to tell a capture alone ("took the bus", "took up positions")
        # tells one when what it took is itself ground: a territory noun with a determiner or
        # an owner ("had taken the airport", "took its base"), or a known place ("took Kabul")
        if token.pos_ != "VERB" or any(c.dep_ == "prt" for c in token.children):
            return None
        taken = conjoined([c for c in token.children if c.dep_ in ("dobj", "nsubjpass")])
        if any(t.lower_ in lex.territory_nouns and any(c.dep_ in ("det", "poss") for c in t.children) for t in taken):
            return event_class
        named = taken + [c for t in taken for c in t.children if c.dep_ in ("compound", "poss")]  # "Kunduz city"
        if any(is_place_like(t) or any(s <= t.idx < e for s, e in place_spans) for t in named):
            return event_class
        return None
    if kind == "prisoners":
        objects = [a for a in args if a.dep_ in ("dobj", "nsubjpass")]
        # "the release of 24 hostages", "releasing a group of prisoners"
        objects = with_partitives(objects + ([token] if token.pos_ == "NOUN" else []))
        if argument_words(objects) & lex.prisoner_nouns or any(a.lemma_.lower() in lex.prisoner_nouns for a in objects):
            return event_class
        if token.pos_ == "VERB" and names_people(objects, named_only=True):
            return event_class  # a named captive freed: "the ELN released Luis Manuel Díaz", "the mayor, Pedro Quispe"
        return None
    if kind == "left_custody":
        return event_class if left_custody(token) else None
    if kind == "agreement_begun":
        # "the truce started on Sunday", "they initiated a bilateral ceasefire"
        # the noun itself, not a modifier: "the ceasefire violation began" is no truce begun
        # a truce begun in a clause that only times another event is no news of its own:
        # "troops attacked hours after the truce began"
        named = {w for c in token.children if c.dep_ in ("nsubj", "nsubjpass", "dobj") for w in (c.lower_, c.lemma_.lower())}
        if token.pos_ == "VERB" and token.dep_ not in ("amod", "acl") and not is_timing_clause(token) and named & lex.agreement_nouns:
            return event_class
        return None
    if kind == "victim_of_armed":
        # "the fifth victim was caught by the insurgents", "gunmen dragged the victim from his car"
        if token.pos_ != "NOUN" or token.dep_ not in ("nsubjpass", "dobj") or token.head.pos_ != "VERB":
            return None
        verb = token.head
        if token.dep_ == "nsubjpass":
            doers = [g for c in verb.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]
        else:
            doers = [c for c in verb.children if c.dep_ == "nsubj"]
        return event_class if argument_words(doers) & lex.armed_nouns else None
    if kind == "removed":
        # "ousted Prime Minister Hamdok's cabinet", "the president was toppled": a ruler removed
        # (not "ousted from the town": ground is taken, not a government)
        if token.pos_ != "VERB" or token.dep_ in ("amod", "acl"):
            return None
        removed = [c for c in token.children if c.dep_ in ("dobj", "nsubjpass")]
        words = argument_words(removed) | {c.lemma_.lower() for c in removed}
        if words & lex.ruler_nouns or any(c.ent_type_ == "PERSON" for c in removed):
            return event_class
        return None
    if kind == "dropped":
        if token.pos_ != "NOUN":
            return None
        # (a subject whose verb has a "by" agent is a passive the parser read as active)
        passive_read_active = token.dep_ == "nsubj" and any(c.dep_ == "agent" for c in token.head.children)
        verb = token.head if token.dep_ in ("dobj", "nsubjpass") or passive_read_active else next(
            (c for c in token.children if c.dep_ == "acl" and c.tag_ == "VBN"), None)
        return event_class if verb is not None and verb.lemma_.lower() == "drop" else None
    if kind == "no_object":
        return event_class if not (token.pos_ == "VERB" and (has_object(token) or is_passive(token))) else None
    if kind == "agreement_ended":
        # "the government suspended the ceasefire", "the truce was revoked": the noun itself is
        # what ended ("broke the terms of the deal" tells a violation, not a truce ended)
        if token.pos_ != "VERB" or token.dep_ in ("amod", "acl"):
            return None
        ended = {w for c in token.children if c.dep_ in ("dobj", "nsubjpass") for w in (c.lower_, c.lemma_.lower())}
        if not ended & lex.agreement_nouns:
            return None
        # a truce broken by an act is that act told as a violation: "broke the truce by shelling the town";
        # "accused the army of breaking the truce" is an accusation of one
        if any(c.dep_ == "prep" and c.lower_ == "by" for c in token.children):
            return None
        # "the truce was broken on Sunday when gunmen attacked a post": the act it was broken by
        if any(c.dep_ == "advcl" and any(m.dep_ in ("mark", "advmod") and m.lower_ == "when" for m in c.children)
               for c in token.children):
            return None
        if token.dep_ == "pcomp" and token.head.lower_ == "of" and token.head.head.lemma_.lower() in lex.filters.accusing_verbs:
            return None
        return event_class
    if kind == "agreement":
        if token.pos_ == "VERB" and token.dep_ == "relcl" and token.lemma_.lower() == "extend" and (
                token.head.lower_ in lex.agreement_nouns or token.head.lemma_.lower() in lex.agreement_nouns):
            return event_class  # "a ceasefire, which was extended for six months in January": an extension of its own
        if token.pos_ != "VERB" or token.dep_ in ("amod", "acl", "relcl"):
            return None
        # what was agreed, signed or announced: not a concessive or temporal aside
        # ("although a ceasefire agreement was expected, they announced that ...")
        # (or its passive subject: "the truce was announced in Moscow on Thursday")
        complements = [c for c in token.children if c.dep_ in ("dobj", "xcomp", "ccomp", "prep", "attr", "oprd", "nsubjpass")]
        sentence = token.sent  # Doc.text is rebuilt on every call: slice the sentence instead
        # read as text, not tokens: the tokenizer splits "cease-fire" in three
        said = " ".join(
            sentence.text[start - sentence.start_char : end - sentence.start_char].lower()
            for start, end in (subtree_span(c) for c in complements)
        )
        if any(re.search(rf"\b{re.escape(noun)}s?\b", said) for noun in lex.agreement_nouns):
            return event_class
        return None
    if kind == "fired_at":
        if token.pos_ != "VERB":
            return None
        if any(c.dep_ == "prep" and c.lower_ in FIRED_AT_PREPS for c in token.children):
            return event_class
        objects = [c for c in token.children if c.dep_ in ("dobj", "nsubjpass")]
        if argument_words(objects) & (lex.weapon_nouns | FIRED_OBJECTS):
            return event_class
        return None
    if kind in ("property", "road", "person"):
        if token.pos_ != "VERB":
            return None
        objects = [a for a in args if a.dep_ in ("dobj", "nsubjpass")]
        # "set a bus ablaze", parsed with the bus inside the complement
        objects += [g for c in token.children if c.dep_ in ("oprd", "ccomp", "xcomp") for g in c.children if g.dep_ in ("compound", "nsubj")]
        objects += [c for o in list(objects) for c in o.children if c.dep_ == "conj"]
        objects = with_partitives(objects)  # "set three of the tankers on fire"
        lemmas = {o.lemma_.lower() for o in objects} | {o.lower_ for o in objects}
        if kind == "property" and lemmas & lex.property_nouns:
            return event_class
        if kind == "road" and lemmas & lex.road_nouns:
            return event_class
        if kind == "person" and (lemmas & (lex.civilian_targets | lex.rioter_nouns | lex.force_nouns | lex.person_object_words)
                                 or any(o.ent_type_ == "PERSON" for o in objects)):
            return event_class
        return None
    if kind == "done":
        # "the rebels launched strikes", "strikes were carried out": an act someone did
        return event_class if is_done(token) else None
    if kind == "found":
        # "the body of a man was found", "police recovered three bodies"
        return event_class if token.dep_ in ("nsubjpass", "dobj") and token.head.lemma_.lower() in FOUND_VERBS else None
    if kind == "forces_any":
        args = with_partitives(args)  # "groups of troops"
        return event_class if argument_words(args) & lex.force_nouns else None
    if kind == "base":
        if token.lemma_.lower() == "set" and not any(c.dep_ == "prt" and c.lower_ == "up" for c in token.children):
            return None
        objects = [a for a in args if a.dep_ in ("dobj", "nsubjpass", "pobj")] if token.pos_ == "NOUN" else [
            a for a in args if a.dep_ in ("dobj", "nsubjpass")]
        objects = with_partitives(objects)  # "a number of barracks"
        if {t.lemma_.lower() for t in objects} & lex.base_nouns or {t.lower_ for t in objects} & lex.base_nouns:
            return event_class
        return None
    if kind == "weapons":
        if token.pos_ != "VERB":
            return None
        objects = [a for a in args if a.dep_ in ("dobj", "nsubjpass")]
        objects = with_partitives(objects)
        objects += [c for o in list(objects) for c in o.children if c.dep_ == "conj"]
        if argument_words(objects) & lex.weapon_nouns or {o.lemma_.lower() for o in objects} & lex.weapon_nouns:
            return event_class
        return None
    if kind == "forces":
        subjects = [a for a in args if a.dep_ == "nsubj"]
        return event_class if argument_words(subjects) & lex.force_nouns else None
    if kind == "forces_from_territory":
        subjects = [a for a in args if a.dep_ == "nsubj"]
        objects = [a for a in args if a.dep_ != "nsubj"]
        if argument_words(subjects) & lex.force_nouns and argument_words(objects) & lex.territory_nouns:
            return event_class
        return None
    return event_class


def has_object(token: Token) -> bool:
    return any(c.dep_ in ("dobj", "ccomp") for c in token.children)


def is_passive(token: Token) -> bool:
    """ "the school was struck": what the verb did something to is its subject."""
    return any(c.dep_ in ("auxpass", "nsubjpass") for c in token.children)


def left_custody(token: Token) -> bool:
    """Captives leaving a place of custody: "a bus carrying 32 prisoners left the prison",
    "the detainees walked out of the jail" (what leaves may carry them)."""
    if token.pos_ != "VERB":
        return False
    lex = lexicon()
    places = [c for c in token.children if c.dep_ == "dobj"]
    preps = [c for c in token.children if c.dep_ == "prep" and c.lower_ in ("from", "out", "of")]
    preps += [g for p in preps for g in p.children if g.dep_ == "prep"]  # "out of"
    places += [g for p in preps for g in p.children if g.dep_ == "pobj"]
    if not argument_words(places) & lex.custody_nouns:
        return False
    leaving = [c for c in token.children if c.dep_ == "nsubj"]
    leaving += [g for c in leaving for a in c.children if a.dep_ == "acl" for g in a.children if g.dep_ == "dobj"]
    return bool(argument_words(with_partitives(leaving)) & lex.captive_nouns)


def is_done(token: Token) -> bool:
    """Whether an event noun is what a doing verb's subject did: its object ("launched
    strikes against the army") or its passive subject ("strikes were carried out")."""
    return (token.pos_ == "NOUN" and token.dep_ in ("dobj", "nsubjpass")
            and token.head.lemma_.lower() in lexicon().filters.doing_verbs)


def figurative_fight(token: Token) -> bool:
    """ "says it is fighting a corrupt system", "fighting poverty": a verb of fighting whose
    every object is a thing, with no article or only an indefinite one, names no opponent
    (people, forces, a named group or "the government" still do)."""
    if token.pos_ != "VERB" or token.lemma_.lower() not in MUTUAL_LEMMAS:
        return False
    objects = [c for c in token.children if c.dep_ == "dobj"]
    lex = lexicon()
    parties = lex.force_nouns | lex.person_object_words | lex.rioter_nouns
    return bool(objects) and all(
        o.pos_ == "NOUN" and not o.ent_type_ and not names_people([o]) and o.lemma_.lower() not in parties
        and o.lower_ not in parties
        and all(c.lower_ in ("a", "an") for c in o.children if c.dep_ == "det")
        for o in objects
    )


def is_disrupted(token: Token) -> bool:
    """A weapon found, seized, defused or destroyed before use: "explosive devices were found"."""
    verbs = lexicon().disrupt_verbs
    if any(c.lower_ in ("unexploded", "undetonated") for c in token.children):
        return True
    current = token
    for _ in range(4):
        if current.dep_ not in ("compound", "dobj", "nsubjpass", "pobj", "prep", "conj", "appos", "amod"):
            return False
        head = current.head
        if head.i == current.i:
            return False
        if head.pos_ == "VERB":
            return head.lemma_.lower() in verbs and current.dep_ != "nsubj"
        current = head
    return False


def doers_of(token: Token, actors: list[ActorMention]) -> str | None:
    """Who did the violence a trigger tells: "rioters" (crowds, party activists, villagers)
    or "armed" (militants, gunmen, an armed group); None when the parse does not say."""
    lex = lexicon()
    doers: list[Token] = []
    mutual = token.lemma_.lower() in MUTUAL_LEMMAS
    current = token
    for _ in range(3):
        for child in current.children:
            if child.dep_ == "nsubj" or (child.dep_ == "nsubjpass" and current.lemma_.lower() in ("clash", "fight")):
                doers.append(child)
            elif child.dep_ in ("agent",) or (child.dep_ == "prep" and child.lower_ in ("between", "among", "by")):
                doers.extend(g for g in child.children if g.dep_ == "pobj")
            elif child.dep_ == "prep" and child.lower_ == "with" and current.lemma_.lower() in ("clash", "fight", "scuffle", "brawl"):
                doers.extend(g for g in child.children if g.dep_ == "pobj")
        if (current.dep_ in ("conj", "xcomp", "advcl") and current.head.i != current.i and not doers
                and current.head.lemma_.lower() not in lex.filters.perceiving_verbs):
            current = current.head
            continue
        break  # "residents reported shelling": who tells or hears of the act did not do it
    if token.dep_ == "nsubj" and mutual:  # "clashes broke out between police and activists"
        doers += [g for c in token.head.children if c.dep_ == "prep" and c.lower_ in ("between", "among", "with")
                  for g in c.children if g.dep_ == "pobj"]
    doers += [c for d in doers for c in d.children if c.dep_ == "conj"]
    kinds: set[str] = set()
    for doer in doers:
        start, end = subtree_span(doer)
        for mention in overlapping(actors, start, end):
            if mention.actor.inter in (2, 3, 4) and not mention.actor.name.startswith("Unidentified"):
                kinds.add("armed")
            elif mention.actor.inter in (5, 6):
                kinds.add("rioters")
        words = {t.lower_ for t in doer.subtree} | {doer.lemma_.lower()}
        if doer.lower_ in lex.force_nouns or any(m.actor.inter == 1 for m in overlapping(actors, start, end)):
            kinds.add("state")
        if words & lex.armed_nouns:
            kinds.add("armed")
        elif doer.lower_ in lex.rioter_nouns or doer.lemma_.lower() in lex.rioter_nouns:
            kinds.add("rioters")
        elif mutual and (doer.lower_ in lex.clash_rioter_nouns or words & lex.rioter_nouns):
            kinds.add("rioters")  # "two groups of villagers clashed"
    if "armed" in kinds:
        return "armed"
    if "rioters" in kinds:
        return "rioters+state" if "state" in kinds else "rioters"  # crowds against the police: still a riot
    return None


def doer_refers_back(token: Token) -> bool:
    """Whether the doer of a trigger is someone already told of: a pronoun ("they then
    torched the trucks") or a definite armed noun ("the attackers", "the gunmen")."""
    armed = lexicon().armed_nouns | {"attacker", "attackers", "assailant", "assailants"}
    for verb in (token, clause_verb(token)):
        for child in verb.children:
            if child.dep_ not in ("nsubj", "agent"):
                continue
            doer = next((g for g in child.children if g.dep_ == "pobj"), None) if child.dep_ == "agent" else child
            if doer is None:
                continue
            if doer.lower_ in ("they", "he", "she"):
                return True
            if doer.lower_ in armed and any(c.dep_ == "det" and c.lower_ in ("the", "those", "these") for c in doer.children):
                return True
    return False


def bomb_thrower(token: Token) -> bool:
    """Whether a doer is said to have thrown or set off the bomb a trigger names ("pickets
    hurled crude bombs", "torched a bus by hurling petrol bombs"), not only that it went off
    ("two crude bombs were exploded", "a hand bomb went off")."""
    weapons = lexicon().weapon_nouns
    if token.dep_ == "dobj" and token.head.pos_ == "VERB":
        return True  # an active verb's object: somebody threw it
    verb = clause_verb(token)
    for _ in range(3):
        for child in verb.children:
            if child.dep_ in ("nsubj", "agent") and child.i != token.i:
                doer = next((g for g in child.children if g.dep_ == "pobj"), None) if child.dep_ == "agent" else child
                if doer is not None and doer.lemma_.lower() not in weapons and doer.lower_ not in weapons:
                    return True
        if verb.dep_ not in ("advcl", "pcomp", "xcomp", "conj") or verb.head.i == verb.i:
            return False
        verb = verb.head
    return False


def victim_side(token: Token, actors: list[ActorMention]) -> str | None:
    """The side of whoever a trigger hit: its object, passive subject, or "on X"."""
    patients = [c for c in token.children if c.dep_ in ("dobj", "nsubjpass")]
    # "an attack was launched on a military base": the target hangs on the verb that carries the noun
    carriers = [token, token.head] if token.pos_ == "NOUN" and token.dep_ in ("nsubjpass", "dobj", "nsubj") else [token]
    patients += [g for w in carriers for c in w.children if c.dep_ == "prep" and c.lower_ in ("on", "against", "at", "upon")
                 for g in c.children if g.dep_ == "pobj"]
    for patient in patients:
        side = side_of(patient, actors)
        if side:
            return side
    lex = lexicon()
    # with the words compounded into a name: "the forward Indian Post Mangu Chak"
    patients += [c for p in list(patients) for c in p.children if c.dep_ == "compound"]
    if any(p.lower_ in lex.base_nouns or p.lemma_.lower() in lex.base_nouns for p in patients):
        return "state"  # "attacked a military base", "stormed a checkpoint": armed defenders
    if any(p.lower_ in lex.civilian_targets or p.lemma_.lower() in lex.civilian_targets for p in patients):
        return "civilian"  # "attacked a church", "opened fire on a bus"
    return None


def accused_of(token: Token) -> list[Token]:
    """Whom a speaker accuses of the act: "accused coalition forces of breaching the truce
    by shelling", "blamed the attack on the rebels"."""
    current = token
    for _ in range(6):
        head = current.head
        if head.i == current.i:
            return []
        lemma = head.lemma_.lower()
        if lemma in lexicon().filters.accusing_verbs:
            if lemma == "blame" and current.dep_ == "dobj":
                return [g for c in head.children if c.dep_ == "prep" and c.lower_ == "on" for g in c.children if g.dep_ == "pobj"]
            if current.dep_ == "dobj":
                return [current]  # "accused [coalition forces of breaching the truce]"
            if current.dep_ == "prep" and current.lower_ in ("of", "for") or current.dep_ in ("pcomp", "pobj"):
                # "accused [the army] of shelling", "blamed [the rebels] for an ambush"
                return [c for c in head.children if c.dep_ == "dobj"]
            return []
        current = head
    return []


def agent_of(token: Token, actors: list[ActorMention]) -> ActorMention | None:
    """Who did what a trigger tells, when the parse names them: the subject of an active
    verb ("Hezbollah attacked"), of the verb that launched a weapon noun ("Hezbollah
    launched rockets"), the agent of a passive ("shelled by the army"),
    or the owner of an event noun ("an Israeli air strike", "the army's shelling",
    "shelling from Ukrainian forces")."""
    candidates: list[Token] = []
    current = token
    for _ in range(3):
        for child in current.children:
            if child.dep_ == "nsubj" and current.pos_ in ("VERB", "AUX"):
                candidates.append(child)
            elif child.dep_ == "agent":
                candidates.extend(g for g in child.children if g.dep_ == "pobj")
        if candidates or current.dep_ not in ("conj", "xcomp") or current.head.i == current.i:
            break
        current = current.head
    weapon = token.head if token.dep_ == "compound" else token  # "fired mortar bombs"
    if weapon.dep_ == "pobj" and weapon.head.lower_ == "of" and weapon.head.head.pos_ == "NOUN" and weapon.head.head.dep_ == "dobj":
        weapon = weapon.head.head  # "launched dozens of rockets", "fired a barrage of shells"
    if weapon.pos_ in ("NOUN", "PROPN") and weapon.dep_ == "dobj" and weapon.head.lemma_.lower() in lexicon().filters.doing_verbs:
        # "Hezbollah launched rockets", "the army fired shells": who launched them
        candidates.extend(launcher_subjects(weapon.head))
    if weapon.pos_ in ("NOUN", "PROPN"):
        candidates.extend(folded_subject(weapon))
    candidates.extend(accused_of(token))
    if token.pos_ in ("NOUN", "PROPN") or is_nominal_gerund(token):
        for child in token.children:
            if child.dep_ == "poss" and child.pos_ == "PRON" and token.dep_ == "dobj":
                # "the rebels focused their attacks on ...": the owner is the verb's subject
                candidates.extend(c for c in token.head.children if c.dep_ == "nsubj")
            elif child.dep_ == "poss" or (child.dep_ in ("amod", "compound") and child.ent_type_ in ("NORP", "ORG", "GPE")):
                candidates.append(child)
            elif child.dep_ == "prep" and child.lower_ in ("by", "from"):
                candidates.extend(g for g in child.children if g.dep_ == "pobj")
    for candidate in candidates:
        start, end = subtree_span(candidate)
        found = [m for m in overlapping(actors, start, end) if not m.actor.is_person]
        if any(t.lower_ == "or" and t.dep_ == "cc" for t in candidate.subtree):
            return None  # "either Russian or Syrian jets": the doer is not known
        if found:
            # "Lebanon's Hezbollah launched rockets": the phrase's head names the doer, not its owner
            own = [m for m in found if m.start <= candidate.idx < m.end]
            return (own or found)[0]
        owner = speakers_own(candidate, actors)
        if owner is not None:
            return owner
    return None


def speakers_own(candidate: Token, actors: list[ActorMention]) -> ActorMention | None:
    """ "Turkey's defence ministry said its artillery had killed 19 soldiers": weapons or
    forces owned by a pronoun, in the clause a body's verb reports, are the body's."""
    if candidate.dep_ == "poss" and candidate.lower_ in ("its", "their"):
        candidate = candidate.head  # the owner itself is the candidate ("its artillery" as a weapon's owner)
    elif not any(c.dep_ == "poss" and c.lower_ in ("its", "their") for c in candidate.children):
        return None
    clause = candidate.head
    while clause.dep_ not in ("ccomp", "ROOT") and clause.head.i != clause.i:
        clause = clause.head
    if clause.dep_ != "ccomp":
        return None
    for subject in (c for c in clause.head.children if c.dep_ == "nsubj"):
        start, end = subtree_span(subject)
        bodies = [m for m in overlapping(actors, start, end) if not m.actor.is_person]
        if bodies:
            return bodies[0]
    return None


def launcher_subjects(verb: Token) -> list[Token]:
    """The subject of a launching verb; a gerund with none that tells how or after what the
    clause's act was done ("retaliated by launching rockets", "responded after firing
    shells") shares the subject of the verb it hangs on."""
    for _ in range(3):
        subjects = [c for c in verb.children if c.dep_ == "nsubj"]
        if subjects or verb.tag_ != "VBG" or verb.dep_ != "pcomp" or verb.head.dep_ != "prep":
            return subjects
        verb = verb.head.head
        if verb.pos_ not in ("VERB", "AUX"):
            return []
    return []


def folded_subject(weapon: Token) -> list[Token]:
    """The subject of a launching verb the parser folded into the weapon's noun phrase: in
    "said that the rebels fired rockets at the town" it may read "fired" as a modifier of
    "rockets" (a past tense, VBD, is no adjective) and "rebels" as a compound; the words
    before that verb are who fired."""
    doing = lexicon().filters.doing_verbs
    verbs = [c for c in weapon.children if c.dep_ == "amod" and c.tag_ == "VBD" and c.lemma_.lower() in doing]
    if not verbs:
        return []
    return [c for c in weapon.children if c.dep_ in ("compound", "nmod") and c.i < verbs[0].i and c.pos_ in ("PROPN", "NOUN")]


def is_nominal_gerund(token: Token) -> bool:
    """A gerund standing for its act's name after a preposition: "killed by shelling from
    the army" (the parser tags it a verb, but it is the event noun "shelling")."""
    return token.tag_ == "VBG" and token.dep_ in ("pcomp", "pobj")


def agent_is_state(token: Token, actors: list[ActorMention]) -> bool:
    """Whether the doer of a trigger verb is a state force ("soldiers ... captured")."""
    candidates: list[Token] = []
    current = token
    for _ in range(3):
        subjects = [c for c in current.children if c.dep_ in ("nsubj", "agent")]
        if subjects:  # a clause with its own subject: "..., and the district had collapsed"
            candidates += subjects
            break
        if current.dep_ in ("conj", "xcomp") and current.head.i != current.i:
            if current.dep_ == "xcomp":
                candidates += [c for c in current.head.children if c.dep_ == "dobj"]
            current = current.head
            continue
        break
    force_nouns = lexicon().force_nouns
    for candidate in candidates:
        start, end = subtree_span(candidate)
        for mention in overlapping(actors, start, end):
            if mention.actor.inter == 1 or (mention.actor.inter == 8):
                return True
            if mention.actor.inter in (2, 3, 4):
                return False
        if argument_words([candidate]) & force_nouns:
            return True
    return False
