"""Event mentions: the clauses of a document that report something happening.

A trigger (data/events/triggers.toml) becomes a mention only when its clause reports
a real, past, single event: not negated ("no clashes"), not modal or future ("will
push back"), not conditional ("if attacked"), not intended or demanded ("threatened to
attack", "called for a halt to attacks"), not a trend ("intensified their attacks")
and not an aggregate over months ("in the past six months"). One mention per sentence
and event family; the assemble module then joins mentions of one event.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from spacy.tokens import Span, Token

from sitrep import places, time
from sitrep.events.counts import Count, casualty_lexicon, sentence_counts, side_of
from sitrep.events.lexicon import EventClass, TriggerHit, find_triggers, lexicon, phrase_matches
from sitrep.models import ActorMention, AnnotatedDocument, Attribution, TimeMention
from sitrep.places import Location
from sitrep.text.spans import is_heading, overlapping, subtree_span, within

#: How an intended or demanded act hangs on its verb: "threatened to attack", "called for attacks".
INTENDED_DEPS = {"xcomp", "pobj", "dobj", "prep", "pcomp", "oprd"}
FIELDS_BY_FAMILY = {
    "violence": {"killed", "injured", "killed_or_injured"},
    "protest": {"killed", "injured", "killed_or_injured", "detained"},
    "territory": {"killed", "injured", "killed_or_injured"},
    "release": {"released"},
    "arrest": {"detained"},
    "abduction": {"abducted", "killed", "injured"},
}
#: Triggers telling of two sides fighting each other.
MUTUAL_LEMMAS = {"clash", "fight", "scuffle", "brawl", "fighting", "gunfight", "confrontation", "skirmish", "melee"}
#: Nouns that a weapon word modifies to tell the event: "mortar fire", "rocket attack".
EVENT_HEADS = {"fire", "attack", "strike", "blast", "explosion", "raid", "shelling", "round", "salvo", "barrage",
               "bombardment", "assault", "ambush", "bomb", "shell", "canister", "grenade"}
FOUND_VERBS = {"find", "discover", "recover", "dump", "exhume", "retrieve", "unearth", "locate"}
#: Nouns naming the doers, not the deed: a trigger only when the sentence tells nothing else.
DOER_NOUNS = {"gunman", "assailant", "attacker"}
FIRED_AT_PREPS = {"at", "on", "upon", "towards", "toward", "into"}
FIRED_OBJECTS = {"shot", "shots", "gunshot", "gunshots", "round", "rounds", "bullet", "bullets", "volley", "volleys"}
#: Families that join the violence of their sentence when it hurt someone.
MERGED_FAMILIES = ("looting", "disrupted", "abduction")
#: Classes whose weapon, once found, seized or defused, did not go off.
WEAPON_CLASSES = {"explosive", "grenade", "shelling", "riot_weapon", "chemical", "suicide_bomb"}



@dataclass
class EventMention:
    """One event as one sentence tells it."""

    sentence: Span
    hits: list[TriggerHit]
    event_class: EventClass
    counts: list[Count] = field(default_factory=list)
    time: TimeMention | None = None
    location: Location | None = None
    own_place: bool = False  # the sentence itself names where
    attribution: Attribution | None = None
    anaphoric: bool = False
    new_event: bool = False
    contrast: bool = False
    claimed: bool = False
    denied: bool = False
    actors: list[ActorMention] = field(default_factory=list)
    state_agent: bool = False  # the main trigger's doer is a state force
    doers: str | None = None  # "rioters" or "armed": who did the violence, when the parse says
    victim_side: str | None = None  # who the main trigger hit, when no count says it
    thrown: bool = False  # a crude or petrol bomb someone is said to have thrown or set off
    at_vehicle: bool = False  # a crude or petrol bomb told together with a vehicle (thrown at a bus, a truck)
    later_death: bool = False  # "he succumbed to his injuries": a death, later, from an event already told

    @property
    def main(self) -> TriggerHit:
        return max(self.hits, key=lambda h: h.event_class.priority)

    @property
    def family(self) -> str:
        return self.event_class.family


def clause_verb(token: Token) -> Token:
    """The verb whose clause a trigger word sits in (the word itself when a verb)."""
    current = token
    while current.pos_ not in ("VERB", "AUX"):
        if current.head.i == current.i:
            return token
        current = current.head
    return current


def has_child(token: Token, deps: set[str], words: frozenset[str] | set[str] | None = None) -> bool:
    return any(c.dep_ in deps and (words is None or c.lower_ in words) for c in token.children)


def is_negated(token: Token, verb: Token) -> bool:
    if has_child(token, {"neg"}) or has_child(verb, {"neg"}):
        return True
    return has_child(token, {"det"}, {"no"})


def is_irrealis(token: Token, verb: Token) -> bool:
    """Modal, future, conditional, intended or demanded: not (yet) an event."""
    filters = lexicon().filters
    for word in {token, verb}:
        if has_child(word, {"aux", "auxpass"}, filters.modal_words):
            return True
        if has_child(word, {"mark"}, filters.condition_marks):
            return True
    current = token
    for _ in range(6):
        head = current.head
        if head.i == current.i:
            break
        if current.dep_ in INTENDED_DEPS and head.lemma_.lower() in filters.intention_verbs and head.pos_ in ("VERB", "ADJ", "NOUN"):
            return True
        if current.dep_ in ("advcl",) and has_child(current, {"mark"}, filters.condition_marks):
            return True
        current = head
    return False


def is_talked_about(token: Token) -> bool:
    """ "called for a halt to attacks", "have intensified their attacks": no event reported."""
    filters = lexicon().filters
    current = token
    for _ in range(4):
        head = current.head
        if head.i == current.i:
            break
        if current.dep_ in ("pobj", "dobj", "prep", "compound", "nsubj", "nsubjpass", "conj") and head.lemma_.lower() in filters.stopping_words:
            return True
        current = head
    if token.pos_ == "NOUN" and token.tag_ == "NNS" and token.dep_ in ("dobj",) and token.head.lemma_.lower() in filters.trend_verbs:
        return True
    return False


def is_aggregate(token: Token, sentence: Span) -> bool:
    """An aggregate over months or years in the trigger's own clause."""
    match = lexicon().filters.aggregate.search(sentence.text)
    if not match:
        return False
    verb = clause_verb(token)
    root = verb
    chain = {token.i, verb.i}
    # up through reporting too: "Since it began, officials say, more than 100 militants have been killed"
    while root.head.i != root.i and root.dep_ in ("conj", "xcomp", "advcl", "relcl", "acl", "ccomp"):
        root = root.head
        chain.add(root.i)
    start, end = subtree_span(root)
    offset = sentence.start_char + match.start()
    if not start <= offset < end:
        return False
    # the span must bound this trigger's clause, not another noun's: "the fiercest fighting in recent months"
    end_offset = sentence.start_char + match.end()
    inside = [t for t in sentence if offset <= t.idx < end_offset]
    if not inside:
        return True
    anchor = inside[0]
    while anchor.head.i != anchor.i and offset <= anchor.head.idx < end_offset:
        anchor = anchor.head
    attached = anchor.head
    if attached.i in chain or attached.i == anchor.i:
        return True
    return attached.pos_ in ("VERB", "AUX") and clause_verb(attached).i in chain


def arguments_of(token: Token) -> list[Token]:
    args = []
    for child in token.children:
        if child.dep_ in ("dobj", "nsubj", "nsubjpass", "attr", "npadvmod"):
            args.append(child)
        elif child.dep_ in ("prep", "agent"):
            args.extend(g for g in child.children if g.dep_ == "pobj")
    if token.dep_ in ("acl", "relcl", "amod") and token.head.pos_ in ("NOUN", "PROPN"):
        args.append(token.head)
    return args


def argument_words(tokens: list[Token]) -> set[str]:
    words = set()
    for token in tokens:
        words.add(token.lower_)
        words.update(c.lower_ for c in token.children if c.dep_ in ("compound", "amod", "poss"))
    return words


def is_place_like(token: Token) -> bool:
    return token.ent_type_ in ("GPE", "LOC", "FAC")


def is_grievance(hit: TriggerHit) -> bool:
    """In a sentence that tells a protest, violence it protests about is its grievance, not
    something the protesters did: "protested against the killing of a youth", "demonstrated
    to deplore the attack by militiamen"."""
    if hit.event_class.family != "violence" or hit.token.pos_ != "NOUN":
        return False
    filters = lexicon().filters
    head = hit.token.head
    if hit.token.dep_ == "pobj" and head.lower_ in filters.grievance_prepositions:
        return True
    return hit.token.dep_ == "dobj" and head.lemma_.lower() in filters.grievance_verbs


def names_a_place(tokens: list[Token], place_spans: list[tuple[int, int]]) -> bool:
    """Whether one of these phrases names a place: a known place, or a proper name that is not a person's."""
    for token in tokens:
        # the whole list: "captured El-Halelay, Qasaalay, Nurfanax, and Buur Gabo"
        parts, stack = [], [token]
        while stack:
            part = stack.pop()
            parts.append(part)
            stack.extend(c for c in part.children if c.dep_ in ("conj", "appos"))
        for part in parts:
            if is_place_like(part) or any(s <= part.idx < e for s, e in place_spans):
                return True
            if part.pos_ == "PROPN" and part.ent_type_ not in ("PERSON", "ORG", "NORP"):
                return True
    return False


@lru_cache(maxsize=1)
def people_words() -> frozenset[str]:
    """Every word the lexicons know for a person or a group of people, but not for a force."""
    words = lexicon().person_object_words | casualty_lexicon().person_words | set(casualty_lexicon().side_by_word)
    return frozenset(words - {"force", "forces", "security", "army"})


def names_people(tokens: list[Token], named_only: bool = False) -> bool:
    """Whether these arguments are people: a pronoun, a named person ("the mayor, Pedro
    Quispe"), or, unless ``named_only``, a word for people ("the mayor", "two militants")."""
    for token in tokens:
        if token.pos_ == "PRON" and token.lower_ not in ("it", "this", "that", "which", "what"):
            return True
        if token.ent_type_ == "PERSON" or any(c.dep_ == "appos" and c.ent_type_ == "PERSON" for c in token.children):
            return True
        if not named_only and token.lemma_.lower() in people_words():
            return True
    return False


def check_argument(hit: TriggerHit, place_spans: list[tuple[int, int]] = ()) -> EventClass | None:
    """The class a trigger stands for once its arguments are read, or None to drop it."""
    lex = lexicon()
    kind = hit.rule.argument
    token = hit.token
    event_class = hit.event_class
    if kind is None:
        return event_class
    args = arguments_of(token)
    words = argument_words(args)
    if kind == "territory":
        taken = [a for a in args if a.dep_ in ("dobj", "nsubjpass")]
        people_taken = any(a.lemma_.lower() in lex.prisoner_nouns for a in taken) or names_people(taken)
        if people_taken:  # "freed 200 prisoners", "captured two militants": people, not ground
            if token.lemma_.lower() not in ("capture", "seize"):
                return None
            subjects = [c for c in token.children if c.dep_ == "nsubj"]
            if any({t.lower_ for t in c.subtree} & lex.armed_nouns for c in subjects):
                return lex.classes["abduction"]  # "its fighters seized him": armed men take people, police arrest them
            return lex.classes["arrest"]
        if words & lex.territory_nouns or names_a_place(args, list(place_spans)):
            return event_class
        return None
    if kind == "prisoners":
        objects = [a for a in args if a.dep_ in ("dobj", "nsubjpass")]
        if argument_words(objects) & lex.prisoner_nouns or any(a.lemma_.lower() in lex.prisoner_nouns for a in objects):
            return event_class
        if token.pos_ == "VERB" and names_people(objects, named_only=True):
            return event_class  # a named captive freed: "the ELN released Luis Manuel Díaz", "the mayor, Pedro Quispe"
        return None
    if kind == "agreement":
        if token.pos_ != "VERB" or token.dep_ in ("amod", "acl", "relcl"):
            return None
        # what was agreed, signed or announced: not a concessive or temporal aside
        # ("although a ceasefire agreement was expected, they announced that ...")
        complements = [c for c in token.children if c.dep_ in ("dobj", "xcomp", "ccomp", "prep", "attr", "oprd")]
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
        lemmas = {o.lemma_.lower() for o in objects} | {o.lower_ for o in objects}
        if kind == "property" and lemmas & lex.property_nouns:
            return event_class
        if kind == "road" and lemmas & lex.road_nouns:
            return event_class
        if kind == "person" and (lemmas & (lex.civilian_targets | lex.rioter_nouns | lex.force_nouns | lex.person_object_words)
                                 or any(o.ent_type_ == "PERSON" for o in objects)):
            return event_class
        return None
    if kind == "found":
        # "the body of a man was found", "police recovered three bodies"
        return event_class if token.dep_ in ("nsubjpass", "dobj") and token.head.lemma_.lower() in FOUND_VERBS else None
    if kind == "forces_any":
        args = args + [g for a in args for c in a.children if c.dep_ == "prep" and c.lower_ == "of"
                       for g in c.children if g.dep_ == "pobj"]  # "groups of troops"
        return event_class if argument_words(args) & lex.force_nouns else None
    if kind == "base":
        if token.lemma_.lower() == "set" and not any(c.dep_ == "prt" and c.lower_ == "up" for c in token.children):
            return None
        objects = [a for a in args if a.dep_ in ("dobj", "nsubjpass", "pobj")] if token.pos_ == "NOUN" else [
            a for a in args if a.dep_ in ("dobj", "nsubjpass")]
        objects += [g for o in list(objects) for c in o.children if c.dep_ == "prep" and c.lower_ == "of"
                    for g in c.children if g.dep_ == "pobj"]  # "a number of barracks"
        if {t.lemma_.lower() for t in objects} & lex.base_nouns or {t.lower_ for t in objects} & lex.base_nouns:
            return event_class
        return None
    if kind == "weapons":
        if token.pos_ != "VERB":
            return None
        objects = [a for a in args if a.dep_ in ("dobj", "nsubjpass")]
        objects += [g for o in list(objects) for c in o.children if c.dep_ == "prep" and c.lower_ == "of"
                    for g in c.children if g.dep_ == "pobj"]
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
        if current.dep_ in ("conj", "xcomp", "advcl") and current.head.i != current.i and not doers:
            current = current.head
            continue
        break
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


def is_anaphoric(token: Token) -> bool:
    """ "the attack", "those strikes": a trigger noun pointing back to a told event."""
    if token.pos_ not in ("NOUN", "PROPN"):
        return False
    determiners = [c.lower_ for c in token.children if c.dep_ in ("det", "poss")]
    return any(d in lexicon().filters.anaphoric_determiners for d in determiners)


def opens_new_event(sentence: Span, hits: list[TriggerHit]) -> bool:
    words = lexicon().filters.new_event_words
    opening = sentence.text.lstrip().lower()
    if any(opening.startswith(words) for words in lexicon().filters.new_event_openings):
        return True
    for hit in hits:
        if any(c.lower_ in words for c in hit.token.children if c.dep_ in ("amod", "det", "advmod")):
            return True
    # "in another incident", "another attack": not "another one was injured", "another soldier was killed"
    return any(t.lower_ == "another" and t.head.lemma_.lower() in lexicon().filters.new_event_nouns for t in sentence)


def family_groups(
    hits: list[TriggerHit], hurt: bool = False, attempted: list[TriggerHit] = ()
) -> dict[str, list[TriggerHit]]:
    """Hits of one sentence by event family; ``hurt`` when the sentence counts people killed or hurt;
    ``attempted`` the protests the sentence says people tried or meant to hold."""
    groups: dict[str, list[TriggerHit]] = {}
    for hit in hits:
        family = hit.event_class.family
        if family == "protest" and "violence" in groups:
            family = "violence"
        groups.setdefault(family, []).append(hit)
    if "protest" in groups and "violence" in groups:
        groups["violence"] = groups.pop("protest") + groups["violence"]
    for other in MERGED_FAMILIES:
        if hurt and other in groups and "violence" in groups:
            # "an arson attack on a bus killed six", "thwarted an attack and killed a fighter",
            # "kidnapped and killed": one violent event
            groups["violence"] = groups["violence"] + groups.pop(other)
    if "arrest" in groups and ("protest" in groups or "violence" in groups and any(h.event_class.family == "protest" for h in groups["violence"])):
        # arrests at a demonstration are the authorities' intervention in it
        target = "protest" if "protest" in groups else "violence"
        groups[target] = groups[target] + groups.pop("arrest")
    elif "arrest" in groups and attempted and "violence" not in groups:
        # "detained when they tried to march on Parliament": the police stopped a protest
        groups["protest"] = attempted[:1] + groups.pop("arrest")
    return groups


def attribution_for(adoc: AnnotatedDocument, sentence: Span, offset: int) -> Attribution | None:
    in_sentence = [a for a in adoc.attributions if a.sent_start == sentence.start_char]
    covering = [a for a in in_sentence if a.content_start <= offset < a.content_end]
    return (covering or in_sentence or [None])[0]


def detect_mentions(adoc: AnnotatedDocument) -> list[EventMention]:
    doc = adoc.doc
    matches = phrase_matches(doc)
    filters = lexicon().filters
    place_spans = [(p.start, p.end) for p in adoc.places]
    mentions: list[EventMention] = []
    sentences = list(doc.sents)
    last_seen = {s.text.strip(): s.start for s in sentences}
    for sentence in sentences:
        if is_heading(sentence, adoc.document.text) or last_seen[sentence.text.strip()] != sentence.start:
            continue  # a teaser repeated further down is read where the story tells it
        kept: list[TriggerHit] = []
        attempted: list[TriggerHit] = []  # protests people tried or meant to hold: "arrested as they tried to march"
        dropped: set[int] = set()
        taken: set[tuple[int, int]] = set()  # one rule per trigger word: the first whose argument fits
        for hit in find_triggers(sentence, matches):
            token = hit.token
            if (hit.start, hit.end) in taken:
                continue
            if token.dep_ == "compound" and hit.end - hit.start == len(token) and token.head.lemma_.lower() not in EVENT_HEADS:
                continue  # "mine planters", "attack helicopter": a modifier, not an event
            if token.pos_ == "NOUN" and token.dep_ == "attr" and token.head.lemma_ == "be" and not hit.event_class.casualty_only:
                continue  # "the arrest is an attack on media freedom": a characterisation, not an event
            if token.pos_ == "NOUN" and has_child(token, {"amod"}, filters.background_modifiers):
                continue  # "a shell left from previous fighting": background, not this event
            if hit.event_class.name == "clash" and has_child(token, {"prep"}, filters.ally_prepositions):
                continue  # "fighting alongside Eritrean forces": who fought with whom, not a battle told
            verb = clause_verb(token)
            negated = is_negated(token, verb)
            intended = not negated and is_irrealis(token, verb)
            if negated or intended or is_talked_about(token) or is_aggregate(token, sentence):
                dropped.add(token.i)
                held = token.pos_ == "VERB" or (token.pos_ == "NOUN" and token.head.lemma_.lower() in filters.protest_holding_verbs)
                if hit.event_class.family == "protest" and held and intended:
                    attempted.append(hit)  # "tried to march", "attempted to stage a demonstration"
                continue
            event_class = check_argument(hit, place_spans)
            if event_class is None:
                continue
            if event_class.name in WEAPON_CLASSES and token.pos_ in ("NOUN", "PROPN") and is_disrupted(token):
                event_class = lexicon().classes["disrupted_weapons"]
            if event_class.family == "territory" and lexicon().protest_site.search(sentence.text):
                # "cleared the protest camp", "broke up sit-ins": police against a protest, not ground changing hands
                event_class = lexicon().classes["protest_intervention"]
            if event_class is not hit.event_class:
                hit = TriggerHit(hit.token, hit.start, hit.end, type(hit.rule)(event_class, hit.rule.context, hit.rule.argument, hit.rule.exclude))
            taken.add((hit.start, hit.end))
            kept.append(hit)
        if any(h.token.lemma_.lower() not in DOER_NOUNS and not h.event_class.casualty_only for h in kept):
            kept = [h for h in kept if h.token.lemma_.lower() not in DOER_NOUNS]  # "assailants torched a bus": the arson
        if any(h.event_class.name == "protest" for h in kept):
            kept = [h for h in kept if not is_grievance(h)]
        if not kept:
            continue
        counts = [c for c in sentence_counts(sentence, adoc.actors) if c.token_i not in dropped]
        lowered = sentence.text.lower()
        hurt = any(c.field in FIELDS_BY_FAMILY["violence"] and (c.value or c.vague) for c in counts)
        groups = family_groups(kept, hurt, attempted)
        for family, hits in groups.items():
            if family == "violence" and all(h.event_class.casualty_only for h in hits):
                fields = {c.field for c in counts if c.value is not None or c.vague}
                if not fields & FIELDS_BY_FAMILY["violence"]:
                    continue  # "died" with nobody counted is no report of an incident
            # the violence itself, not what was merged into it ("thwarted an attack, killing two")
            own = [h for h in hits if h.event_class.family not in MERGED_FAMILIES] or hits
            main = max(own, key=lambda h: h.event_class.priority)
            mention = EventMention(sentence=sentence, hits=hits, event_class=main.event_class)
            relevant = FIELDS_BY_FAMILY.get(family, set())
            if family != "violence" and "violence" in groups:
                relevant = relevant - FIELDS_BY_FAMILY["violence"]  # the casualties belong to the violence
            mention.counts = [c for c in counts if c.field in relevant]
            mention.time = first_time(adoc, hits)
            mention.location = places.locate_event(adoc, sentence.start_char, sentence.end_char, main.start)
            mention.own_place = bool(within(adoc.places, sentence.start_char, sentence.end_char))
            mention.attribution = attribution_for(adoc, sentence, main.start)
            mention.anaphoric = all(is_anaphoric(h.token) or h.event_class.casualty_only for h in hits)
            mention.later_death = all(h.event_class.casualty_only for h in hits) and any(
                t.lemma_.lower() == "succumb" or (t.lemma_.lower() in ("injury", "wound", "burn") and t.head.lemma_.lower() in ("of", "from", "to"))
                for t in sentence)
            mention.new_event = opens_new_event(sentence, hits)
            mention.contrast = any(re.search(rf"\b{re.escape(w)}\b", lowered) for w in filters.contrast_words)
            mention.claimed = bool(re.search(r"\bclaim(ed|s)? responsibility\b|\bclaimed the (attack|bombing|killing)", lowered))
            mention.denied = bool(mention.attribution and mention.attribution.kind == "denial")
            mention.actors = [m for m in overlapping(adoc.actors, sentence.start_char, sentence.end_char)]
            mention.state_agent = agent_is_state(main.token, adoc.actors) or any(
                agent_is_state(h.token, adoc.actors) for h in hits if h.event_class.name in ("attack", "excessive_force", "protest_intervention"))
            mention.victim_side = victim_side(main.token, adoc.actors)
            mention.doers = next((d for d in (doers_of(h.token, adoc.actors) for h in hits) if d), None)
            bombs = [h for h in hits if h.event_class.name == "riot_weapon"]
            if bombs:
                vehicles = lexicon().vehicle_nouns
                mention.thrown = any(bomb_thrower(h.token) for h in bombs)
                mention.at_vehicle = any(t.lemma_.lower() in vehicles or t.lower_ in vehicles for t in sentence)
            mentions.append(mention)
    return mentions


def first_time(adoc: AnnotatedDocument, hits: list[TriggerHit]) -> TimeMention | None:
    """The time governing the event's clause; else one told inside the trigger's own
    phrase ("announced a ceasefire starting from Sunday")."""
    ordered = sorted(hits, key=lambda h: -h.event_class.priority)
    for hit in ordered:
        found = time.governing_time(adoc, hit.token.i)
        if found is not None:
            return found
    for hit in ordered:
        start, end = subtree_span(hit.token)
        inside = [t for t in adoc.times if start <= t.start and t.end <= end and t.value]
        if inside:
            return inside[0]
    return None


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
