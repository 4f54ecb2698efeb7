"""Casualty and other counts read from the parse: who was killed, wounded, freed, held.

A count hangs on a word (``killed``, ``wounded``, ``released``...) and counts that
word's patient: the subject of a passive or intransitive ("27 Taliban have been
killed"), or the object of an active verb ("killed two Taliban members"). Each count
keeps the side of the people counted (state forces, non-state fighters, civilians), so
that figures for different sides of one incident add up and repeated figures for one
side do not.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import lru_cache

from spacy.tokens import Span, Token

from sitrep.config import DATA_DIR
from sitrep.events.lexicon import lexicon
from sitrep.events.numbers import Quantity, parse_quantity, plausible
from sitrep.models import ActorMention
from sitrep.text.spans import coordinated, overlapping

LEADING_DIGITS = re.compile(r"^\d+")
#: A coder's note that settles the figure: "Fatalities coded as 0 (the police reported 1)".
CODED_FIGURE = re.compile(
    r"\bfatalit(?:y|ies)(?:\s+and\s+injuries)?\s+(?:were\s+|was\s+|are\s+|is\s+)?(?:coded|reported)\s+as\s+(?:half,\s+rounded\s+(?:down|up)\s+to\s+)?(\d+)\b"
    r"|\bcoded\s+as\s+(\d+)\s+fatalities\b"
    r"|\bfatalities\s+(?:are\s+|were\s+)?split\s+(?:across|between)\s+\d+\s+events\s+\((\d+)\)",
    re.IGNORECASE)
#: "coded as 10 and spread between 3 locations": the note's figure shared out among its events.
SPLIT_FIGURE = re.compile(r"\b(?:spread|split)\s+(?:between|across|among)\s+(?:the\s+)?(\d+|two|three|four|five)\s+(?:locations|events|places|fronts)\b",
                          re.IGNORECASE)
SPLIT_WORDS = {"two": 2, "three": 3, "four": 4, "five": 5}
COLLECTIVE_WORDS = {"army", "police", "force", "forces", "security", "personnel", "military", "people", "family",
                    "community", "population", "group", "crowd", "youth"}


@dataclass(frozen=True)
class CasualtyLexicon:
    field_by_lemma: dict[str, str]
    suffer_verbs: frozenset[str]
    side_by_word: dict[str, str]
    to_death_verbs: frozenset[str]
    person_words: frozenset[str]
    pronouns: frozenset[str]
    dying_verbs: frozenset[str]
    reporting_verbs: frozenset[str]
    toll_nouns: frozenset[str] = frozenset()
    toll_prepositions: frozenset[str] = frozenset()
    added_words: frozenset[str] = frozenset()
    self_killing_verbs: frozenset[str] = frozenset()
    reflexives: frozenset[str] = frozenset()
    hedged_words: frozenset[str] = frozenset()
    former_words: frozenset[str] = frozenset()
    toll_changed_prepositions: frozenset[str] = frozenset()
    toll_named_alone: frozenset[str] = frozenset()
    harm_things_verbs: frozenset[str] = frozenset()  # "burn": harms houses as often as people
    people_lost_verbs: frozenset[str] = frozenset()  # "lose": "losing five of its soldiers" counts them dead
    overall_phrases: frozenset[str] = frozenset()  # "in all": the story's toll over all it tells
    hospital_verbs: frozenset[str] = frozenset()  # "treat": "being treated at Bwera hospital" counts the wounded
    hospital_places: frozenset[str] = frozenset()


@dataclass(frozen=True)
class Count:
    field: str  # killed, injured, killed_or_injured, released, detained, abducted
    value: int | None
    side: str | None  # state, nonstate, civilian
    token_i: int  # the word the count hangs on
    text: str  # the counted phrase
    bound: str | None = None
    vague: str | None = None
    hedged: bool = False  # told by a word that does not say killed ("neutralised"): a figure that adds to no toll
    tally: bool = False  # a war's toll so far ("a conflict that has killed more than 3,000"): noted, adds to no toll
    overall: bool = False  # the story's toll over all it tells ("In all, 14 civilians had died")


@lru_cache(maxsize=1)
def casualty_lexicon() -> CasualtyLexicon:
    data = tomllib.loads((DATA_DIR / "events" / "casualties.toml").read_text(encoding="utf-8"))
    field_by_lemma = {lemma: field for field, lemmas in data["fields"].items() for lemma in lemmas}
    side_by_word = {word: side for side, words in data["sides"].items() for word in words}
    to_death = frozenset(data["to_death"]["verbs"])
    persons = data["persons"]
    return CasualtyLexicon(field_by_lemma, frozenset(data["suffer"]["verbs"]), side_by_word, to_death,
                           frozenset(persons["words"]), frozenset(persons["pronouns"]), frozenset(persons["dying_verbs"]),
                           frozenset(persons["reporting_verbs"]), frozenset(data["tolls"]["nouns"]),
                           frozenset(data["tolls"]["prepositions"]), frozenset(data["tolls"]["added"]),
                           frozenset(data["self_killing"]["verbs"]), frozenset(data["self_killing"]["reflexives"]),
                           frozenset(data["hedged"]["words"]), frozenset(data["former"]["words"]),
                           frozenset(data["tolls"]["changed_prepositions"]), frozenset(data["tolls"]["named_alone"]),
                           frozenset(data["to_death"]["things_too"]), frozenset(data["suffer"]["people_lost"]),
                           frozenset(data["tolls"]["overall"]), frozenset(data["hospital"]["verbs"]),
                           frozenset(data["hospital"]["places"]))


def count_field(token: Token) -> str | None:
    lex = casualty_lexicon()
    if token.lemma_.lower() == "hostage" and token.head.lemma_.lower() not in ("take", "hold", "seize", "keep"):
        return None  # "about 240 taken hostage" counts the abducted; "the release of 24 hostages", the freed
    field = lex.field_by_lemma.get(token.lemma_.lower()) or lex.field_by_lemma.get(token.lower_)
    if field is None and token.lemma_.lower() in lex.to_death_verbs:
        field = "injured"
    if field is None and token.pos_ == "VERB" and token.lemma_.lower() in lex.hospital_verbs and at_hospital(token):
        field = "injured"
    if field in ("killed",) and token.lemma_.lower() in ("shoot", "gun"):
        # "shot dead" and "gunned down" kill; "shot" alone may only wound
        following = [t.lower_ for t in token.doc[token.i + 1 : token.i + 3]]
        return "killed" if following[:1] in (["dead"], ["down"]) or following in (["and", "killed"], ["to", "death"]) else "injured"
    if token.lemma_.lower() in lex.to_death_verbs:
        # "hacked to death" kills; "hacked" alone wounds
        following = [t.lower_ for t in token.doc[token.i + 1 : token.i + 3]]
        return "killed" if following == ["to", "death"] or following[:1] in (["dead"], ["alive"]) else "injured"
    return field


def at_hospital(verb: Token) -> bool:
    """ "being treated at Bwera hospital", "admitted to hospital": cared for as the wounded are
    (a verb of care alone, "treated as suspects", counts no one)."""
    places = casualty_lexicon().hospital_places
    if verb.lemma_.lower() in ("hospitalise", "hospitalize"):
        return True
    for prep in verb.children:
        if prep.dep_ == "prep" and prep.lower_ in ("at", "in", "to", "into"):
            for noun in prep.children:
                if noun.dep_ == "pobj" and (noun.lower_ in places or " ".join(t.lower_ for t in noun.subtree if t.i >= noun.i - 1) in places):
                    return True
    return False


def quantity_of(head: Token) -> Quantity | None:
    """The number a noun phrase counts: "27 Taliban", "nine others", "15", "at least 25 members"."""
    if head.lower_ in ("nobody", "none") or (head.lower_ == "one" and any(c.lower_ == "no" for c in head.children)):
        return Quantity(value=0)  # "no one was hurt"
    if head.like_num or head.pos_ == "NUM":
        phrase = " ".join(t.text for t in head.subtree if t.i <= head.i)
        return parse_quantity(phrase) or parse_quantity(head.text)
    shared = shared_noun_figures(head)
    if shared is not None:
        return shared
    amount = amount_noun(head)
    if amount is not None:
        return amount
    # "Two security force members": the number may hang on a compound modifier
    modifiers = list(head.children)
    modifiers += [g for c in head.children if c.dep_ == "compound" for g in c.children]
    for child in modifiers:
        if child.dep_ in ("nummod", "quantmod") or (child.dep_ in ("compound", "amod") and (child.like_num or LEADING_DIGITS.match(child.text))):
            phrase = " ".join(t.text for t in child.subtree if not t.is_space)
            quantity = parse_quantity(phrase) or parse_quantity(child.text)
            if quantity is not None:
                return quantity
        if child.dep_ == "det" and child.lower_ in ("no",):
            return Quantity(value=0)
        if child.dep_ == "det" and child.lower_ == "another" and head.pos_ in ("VERB", "ADJ"):
            return Quantity(value=1)  # "left one dead and another wounded": one more person
    if LEADING_DIGITS.match(head.text):
        return parse_quantity(head.text)
    if head.lower_ in ("nobody", "none") or (head.lower_ == "one" and any(c.lower_ == "no" for c in head.children)):
        return Quantity(value=0)
    return None


def amount_noun(head: Token) -> Quantity | None:
    """A noun that tells how many of the people after it, not one person ("a handful of
    fighters", "a number of soldiers", "a group of villagers", "a dozen of them"): the figure
    it names ("a dozen": 12), else a vague amount; None for a person of them ("a member of
    the rebels", "a relative of the victims") or any other noun."""
    if head.pos_ != "NOUN" or head.tag_ != "NN" or not any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in head.children):
        return None
    of = next((c for c in head.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    counted = next((g for g in of.children if g.dep_ == "pobj"), None) if of is not None else None
    if counted is None or not (counted.tag_ in ("NNS", "NNPS") or counted.lower_ in ("them", "us")):
        return None
    lex = casualty_lexicon()
    if head.lemma_.lower() in lex.person_words or (lex.side_by_word.get(head.lemma_.lower()) or lex.side_by_word.get(head.lower_)):
        return None  # a person of them
    if any(c.dep_ == "nummod" for c in counted.children):
        return None  # "a toll of 34 soldiers": the figure is the people's own
    phrase = f"a {head.lower_}"
    return parse_quantity(phrase) or Quantity(value=None, vague=phrase)


def shared_noun_figures(head: Token) -> Quantity | None:
    """Figures for groups that share one noun ("17 American and nine Kenyan soldiers": the
    noun holds two figures, each with its own modifier, joined by "and"): their sum. None
    when the noun holds one figure, or the figures are alternatives ("five or six")."""
    figures = [c for c in head.children if c.dep_ == "nummod" and c.i < head.i]
    if len(figures) < 2:
        return None
    between = [t for t in head.doc[figures[0].i : figures[-1].i]]
    if not any(t.lower_ == "and" for t in between) or any(t.lower_ in ("or", "to") for t in between):
        return None
    quantities = [parse_quantity(" ".join(t.text for t in f.subtree)) or parse_quantity(f.text) for f in figures]
    if any(q is None or q.value is None for q in quantities):
        return None
    return Quantity(value=sum(q.value for q in quantities), bound=quantities[0].bound)


def side_of(head: Token, actors: list[ActorMention]) -> str | None:
    """The side of the people a phrase counts: an actor named in the phrase (not in a clause
    that describes them: "a dozen men executed by cartel gunmen" are not gunmen), else a word."""
    if was_formerly(head):
        return "civilian"
    start = min(t.idx for t in head.subtree)
    end = max(t.idx + len(t) for t in head.subtree)
    clauses = [c.left_edge.idx for c in head.children if c.dep_ in ("acl", "relcl") and c.i > head.i]
    if clauses:
        end = min(end, min(clauses))
    for mention in overlapping(actors, start, end):
        inter = mention.actor.inter
        if inter in (1, 8) and (nation_people(head, mention) or national_civilian(head, mention)):
            return "civilian"  # "two Palestinians", "a Palestinian man": people of a nation, not its forces
        if inter in (1, 8):
            return "state"
        if inter in (2, 3, 4):
            return "nonstate"
        if inter in (5, 6, 7):
            return "civilian"
    words = [head] + [c for c in head.children if c.dep_ in ("compound", "amod", "nmod")]
    words += [g for c in head.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children]
    lex = casualty_lexicon()
    for word in words:
        side = lex.side_by_word.get(word.lemma_.lower()) or lex.side_by_word.get(word.lower_)
        if side:
            return side
    return None


def was_formerly(head: Token) -> bool:
    """Whether the counted people are told as what they were ("ex-combatants", "a former
    rebel commander", a name set beside "one of the former commanders"): who has left a
    force is no longer of it, a civilian."""
    words = casualty_lexicon().former_words
    nouns = [head]
    if head.dep_ == "appos":
        nouns.append(head.head)  # "one of the former commanders, NAME"
    nouns += [g for n in list(nouns) if n.lower_ in ("one", "some", "many", "two", "three") for c in n.children
              if c.dep_ == "prep" and c.lower_ == "of" for g in c.children if g.dep_ == "pobj"]
    return any(c.dep_ in ("amod", "compound", "advmod") and c.lower_ in words for n in nouns for c in n.children)


def national_civilian(head: Token, mention: ActorMention) -> bool:
    """Whether a nationality word only qualifies a noun that says who the people are, and
    that noun is a civilian's ("a Palestinian man", "three Afghan women"; not "an Israeli
    soldier"): the noun decides the side, the nation is whose people they are."""
    if not (head.idx <= mention.start or mention.end <= head.idx):
        return False  # the actor is the counted noun itself
    qualifiers = [c for c in head.children if c.dep_ in ("amod", "compound", "nmod") and c.ent_type_ == "NORP"
                  and mention.start <= c.idx < mention.end]
    if not qualifiers:
        return False
    lex = casualty_lexicon()
    return (lex.side_by_word.get(head.lemma_.lower()) or lex.side_by_word.get(head.lower_)) == "civilian"


def nation_people(head: Token, mention: ActorMention) -> bool:
    """Whether a counted plural nationality word ("two Palestinians", "three Afghans") is what
    the actor was read from: people of the nation, whom no force word qualifies."""
    if head.ent_type_ != "NORP" or head.tag_ not in ("NNPS", "NNS"):
        return False
    if not (mention.start <= head.idx < mention.end):
        return False
    lex = casualty_lexicon()
    return not any(lex.side_by_word.get(c.lemma_.lower()) for c in head.children)


def is_person_phrase(token: Token) -> bool:
    return token.ent_type_ == "PERSON" or token.lemma_.lower() in casualty_lexicon().person_words


def conjuncts(head: Token, field: str | None = None) -> list[Token]:
    """The counted phrases of a conjunction. A conjunct that carries its own casualty word
    counts for that word: "one dead and three injured"."""
    if field is not None and head.pos_ == "NOUN" and count_field(head) == field:
        return [head]  # "3 fatalities and 4 injured": the conjunct is another count
    parts = [head] + [c for c in head.children if c.dep_ == "conj" and not has_other_field(c, field)
                      and not describes_person(c, head) and not partitive(c)]
    parts += [c for c in split_conjuncts(head) if not has_other_field(c, field)]
    for child in head.children:
        if child.dep_ == "appos" and listed(child) and not partitive(child):
            parts += coordinated(child)  # "one serviceman, a woman, her granddaughter and a man"
    if field is not None and head.pos_ == "NOUN" and count_field(head) not in (None, field):
        parts = parts[1:]  # "3 fatalities and 4 injured": only the 4 were injured
    return parts


def partitive(conjunct: Token) -> bool:
    """Whether a phrase the parser took for a conjunct is a part of the one before it
    ("22 civilians, among them 14 children and a woman": the children are of the 22): it
    opens on "among them", "of them", "of whom". A part restates the total; it adds nobody."""
    return any(t.dep_ == "prep" and t.lower_ in ("among", "of") and t.i < conjunct.i
               and any(g.dep_ == "pobj" and g.lower_ in ("them", "whom") for g in t.children)
               for t in conjunct.subtree)


def split_conjuncts(head: Token) -> list[Token]:
    """The conjuncts the parser hung on the verb as further subjects or objects of their
    own ("14 of the attackers and one soldier had been killed": "soldier", a second passive
    subject beside "14"): a sibling of the same role that starts right after a coordinator
    on the phrase, which the phrase itself has no conjunct for."""
    if head.dep_ not in ("nsubj", "nsubjpass", "dobj", "obj") or head.head.i == head.i:
        return []
    if any(c.dep_ == "conj" for c in head.children):
        return []
    links = [c for c in head.children if c.dep_ == "cc" and c.i > head.i]
    found: list[Token] = []
    for link in links:
        sibling = next((c for c in head.head.children if c.dep_ == head.dep_ and c.left_edge.i == link.i + 1), None)
        if sibling is not None:
            found.append(sibling)
    return found


def listed(appos: Token) -> bool:
    """Whether what the parser took for an apposition opens a list of further people: its
    conjuncts are noun phrases of their own ("a woman, her granddaughter and a 49-year-old
    man"), not one description ("a father and husband")."""
    chain = coordinated(appos)[1:]
    return bool(chain) and all(t.pos_ in ("NOUN", "PROPN") and (t.ent_type_ == "PERSON" or any(
        c.dep_ in ("det", "poss", "nummod") for c in t.children)) for t in chain)


def by_side(head: Token, actors: list[ActorMention], field: str) -> list[tuple[Quantity, str]]:
    """ "five soldiers and 30 militants were killed": a conjunction of figures for different
    sides, one figure per side (empty when the phrase counts one side, or a part is unsided)."""
    parts = conjuncts(head, field)
    if len(parts) < 2:
        return []
    found: dict[str, Quantity] = {}
    for part in parts:
        quantity, side = phrase_total(part, actors, field, parts=[part])
        if quantity is None or quantity.value is None or side is None:
            return []
        known = found.get(side)
        found[side] = Quantity(value=quantity.value + (known.value if known else 0), bound=quantity.bound or (known.bound if known else None))
    return list((quantity, side) for side, quantity in found.items()) if len(found) > 1 else []


def phrase_total(head: Token, actors: list[ActorMention], field: str | None = None,
                 parts: list[Token] | None = None) -> tuple[Quantity | None, str | None]:
    """Sum a conjunction of counted phrases: "Abdul Zahir, ..., and two other policemen" = 3."""
    parts = conjuncts(head, field) if parts is None else parts
    total, known, bound, vague, side = 0, False, None, None, None
    for part in parts:
        quantity = quantity_of(part)
        part_side = side_of(part, actors)
        if part_side is None and part.ent_type_ == "PERSON":
            appositions = [c for c in part.children if c.dep_ == "appos"]
            part_side = side_of(appositions[0], actors) if appositions else None
        side = side or part_side
        if quantity is not None and quantity.value is not None:
            total += quantity.value
            known = True
            bound = bound or quantity.bound
        elif quantity is not None:
            vague = quantity.vague
        elif part.tag_ in ("NN", "NNP") and (is_person_phrase(part) or (part.tag_ == "NN" and (
                (part_side and (part.lemma_.lower() not in COLLECTIVE_WORDS or has_article(part)))
                or (has_article(part) and part.lemma_.lower() not in COLLECTIVE_WORDS)))):
            # one named or singular person: "the police chief ... was killed", "a taxi driver", "a youth",
            # "killed a postmaster"
            total += 1
            known = True
        elif (part.lower_ in casualty_lexicon().pronouns and part.head.lemma_.lower() in casualty_lexicon().dying_verbs) or (part.tag_ not in ("NNS", "NNPS") and any(
                c.dep_ == "appos" and is_person_phrase(c) for c in part.children)):
            total += 1  # "He died the next day", "Shahbuddin, secretary of the unit, was killed"
            known = True
        elif part.tag_ == "NNS" and has_article(part) and part_side:
            total += 1  # "a soldier and a militiamen killed": one person, the plural a slip
            known = True
        elif len(parts) > 1 and part.tag_ == "NN" and any(c.dep_ == "poss" and c.tag_ == "PRP$" for c in part.children):
            total += 1  # "a woman, her granddaughter and a man": one of a list of people
            known = True
    if known:
        return Quantity(value=total, bound=bound), side
    if vague:
        return Quantity(value=None, vague=vague), side
    return None, side


def describes_person(conjunct: Token, head: Token) -> bool:
    """ "Maria Diaz, guard and leader of the village, and the farmer Pedro Ruiz": a bare role
    noun set off by a comma after a named person describes that person (an apposition the
    parser took for a conjunct), it counts nobody more."""
    if head.ent_type_ != "PERSON" or conjunct.tag_ != "NN" or conjunct.ent_type_:
        return False
    if any(c.dep_ in ("det", "poss", "nummod") for c in conjunct.children):
        return False
    before = conjunct.doc[conjunct.left_edge.i - 1] if conjunct.left_edge.i > 0 else None
    return before is not None and before.text == "," and before.i == head.i + 1


def has_article(token: Token) -> bool:
    return any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in token.children)


def has_other_field(token: Token, field: str | None) -> bool:
    """Whether a conjunct counts for another casualty word: "18 dead and 21 wounded" (the word
    may hang on the conjunct or, in a copular toll, stand right after its figure)."""
    if field is None:
        return False
    if any(c.dep_ in ("acl", "amod", "relcl") and count_field(c) not in (None, field) for c in token.children):
        return True
    after = token.doc[token.i + 1] if token.like_num and token.i + 1 < len(token.doc) else None
    return after is not None and after.pos_ in ("VERB", "ADJ") and count_field(after) not in (None, field)


def patient_of(token: Token) -> Token | None:
    """What a casualty word counts: passive/intransitive subject, else the object; a
    relative pronoun stands for what its clause describes ("Ramos, who was killed")."""
    patient = own_patient(token)
    if patient is not None and patient.lower_ in ("who", "that", "which") and token.dep_ == "relcl":
        return token.head
    if (patient is not None and patient.lower_ in ("who", "that", "which") and token.dep_ == "conj"
            and patient.head.dep_ == "relcl" and patient.head.i != token.i):
        # the pronoun is the subject of a relative clause whose second verb tells the death:
        # "Ruiz, who had joined the party and was shot last May" counts Ruiz
        return patient.head.head
    if patient is not None and token.dep_ == "advcl" and patient.lower_ in ("they", "he", "she"):
        # "two civilians were filling up water when they were killed": the pronoun subject of
        # a clause that tells when the main clause's act happened is that clause's subject
        subject = first_subject(token.head, ("nsubj", "nsubjpass"))
        if subject is not None and subject.pos_ in ("NOUN", "PROPN") and (subject.tag_ in ("NNS", "NNPS")) == (patient.lower_ == "they"):
            return subject
    return patient


def own_patient(token: Token) -> Token | None:
    children = list(token.children)
    # "the army killed two": an object makes the verb active, whatever the parser made of "were"
    passive = any(c.dep_ in ("auxpass", "nsubjpass") for c in children) and not any(c.dep_ in ("dobj", "obj") for c in children)
    subject = first_subject(token, ("nsubjpass",))
    if subject is not None:
        return subject
    if token.pos_ == "VERB" and not passive:
        for child in children:
            if child.dep_ in ("dobj", "obj"):
                return child
    if token.pos_ == "ADJ":
        found = next((c for c in children if c.dep_ in ("dobj", "obj")), None)
        if found is not None:
            return found  # "gunmen on a motorcycle shot dead a commander", "shot" taken for a noun: "dead" has the object
    for child in children:
        if child.dep_ == "nsubj" and (token.lemma_.lower() in ("die", "perish", "succumb") or token.pos_ in ("ADJ",) or token.tag_ == "VBN"):
            return child
    if token.pos_ == "VERB" and token.tag_ == "VBD" and not any(c.dep_ in ("dobj", "obj", "aux") for c in children):
        # headline style: "12 killed in suicide bombing", "One activist killed", "Farmer killed in Selea"
        for child in children:
            if child.dep_ == "nsubj" and (child.like_num or any(g.dep_ == "nummod" for g in child.children)
                                          or (child.tag_ == "NN" and not any(g.dep_ == "det" for g in child.children)
                                              and is_person_phrase(child))):
                return child
    if (token.dep_ == "conj" and token.pos_ == "VERB" and count_field(token.head) is None
            and not any(c.dep_ in ("nsubj", "nsubjpass", "dobj") for c in children)):
        # "a man was attacked and killed": the passive subject of the first verb
        for sibling in token.head.children:
            if sibling.dep_ == "nsubjpass" or (sibling.dep_ == "nsubj" and passive):
                return sibling  # "a soldier found on their soil was shot and killed"
    if token.dep_ in ("xcomp", "oprd", "acomp") and token.head.pos_ in ("VERB", "AUX") and token.head.lemma_.lower() in casualty_lexicon().reporting_verbs:
        # "two fighters were reported killed", "one civilian reported dead", "was confirmed dead";
        # an object is who was left so: "the attack left one officer dead"
        found = next((c for c in token.head.children if c.dep_ in ("dobj", "obj")), None)
        if found is None and token.pos_ == "ADJ":
            # "and left 15 more injured": the figure hangs on the word
            found = next((c for c in children if c.dep_ == "npadvmod" and c.i < token.i and c.like_num), None)
        return found if found is not None else first_subject(token.head, ("nsubjpass", "nsubj"))
    if token.pos_ == "NOUN" and token.lemma_.lower() in ("killing", "death", "murder", "assassination", "body", "corpse",
                                                         "release", "arrest", "detention", "abduction", "kidnapping"):
        for child in children:
            if child.dep_ == "prep" and child.lower_ == "of":
                return next((g for g in child.children if g.dep_ == "pobj"), None)  # "the killing of an activist"
    if token.pos_ == "ADJ" and any(c.dep_ == "nummod" for c in children):
        return token  # "leaving four dead"
    if token.pos_ in ("VERB", "ADJ") and token.dep_ == "conj" and any(c.dep_ == "det" and c.lower_ == "another" for c in children):
        return token  # "left one officer dead and another wounded"
    if token.pos_ == "ADJ" and token.dep_ in ("advmod", "oprd", "xcomp", "advcl") and token.head.pos_ == "VERB":
        found = next((c for c in token.head.children if c.dep_ == "dobj"), None)
        if found is not None:
            return found  # "the military counted three soldiers dead", "left four people dead"
    if token.pos_ == "NOUN":
        for child in children:
            if child.dep_ == "nummod":
                return token
    if token.pos_ == "ADJ" and token.dep_ in ("amod", "oprd") and token.head.pos_ in ("NOUN", "PROPN", "NUM"):
        return token.head
    if token.dep_ in ("acl", "amod") and token.tag_ in ("VBN", "VBD") and token.head.pos_ in ("NOUN", "PROPN", "NUM"):
        head = token.head
        while head.dep_ == "conj" and head.head.pos_ in ("NOUN", "PROPN", "NUM") and not head.like_num and quantity_of(head) is None:
            head = head.head  # "a soldier and a militiaman killed": the whole coordination
        return head  # "and five wounded", "people killed in the attack"
    if token.dep_ == "acomp":  # "five militants are wounded"
        before = token.doc[token.i - 1] if token.i > token.sent.start else None
        if before is not None and before.like_num and before.head.head.i == token.head.i:
            return before  # "the toll is 18 dead and 21 wounded": the figure before the word
        return next((c for c in token.head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if token.pos_ == "VERB" and token.tag_ in ("VBN", "VBD"):
        for child in children:
            if (child.dep_ == "npadvmod" or (child.dep_ == "nsubj" and token.tag_ == "VBN")) and child.i < token.i and not any(
                    t.ent_type_ in ("DATE", "TIME") for t in child.subtree) and (
                    child.like_num or quantity_of(child) is not None or parse_quantity(" ".join(t.text for t in child.subtree))):
                return child  # "and around a dozen injured"
        before = token.doc[token.i - 1] if token.i > token.sent.start else None
        if before is not None and before.like_num:
            return before  # "resulting in 3 killed and 10 wounded"
        if passive:
            auxiliary = next((c for c in children if c.dep_ == "auxpass"), None)
            noun = token.doc[auxiliary.i - 1] if auxiliary is not None and auxiliary.i > token.sent.start else None
            if noun is not None and noun.pos_ in ("NOUN", "PROPN") and noun.i < auxiliary.i:
                return noun  # the parser lost the subject: "in Manaus, a man was beaten to death"
    return None


def first_subject(verb: Token, deps: tuple[str, ...]) -> Token | None:
    """A verb's first subject that is no date: the parser makes "Around 8 May (as reported)"
    a second subject of "a person was found dead"."""
    subjects = [c for c in verb.children if c.dep_ in deps]
    for subject in subjects:
        if subject.pos_ in ("NOUN", "PROPN", "NUM", "PRON") and not any(t.ent_type_ in ("DATE", "TIME") for t in subject.subtree):
            return subject
    return subjects[0] if subjects else None


def suffered_field(token: Token) -> str | None:
    """ "34 others sustained injuries": the object says what was suffered."""
    if token.lemma_.lower() not in casualty_lexicon().suffer_verbs:
        return None
    for child in token.children:
        if child.dep_ in ("dobj", "obj"):
            return count_field(child)
    return None


def sentence_counts(sentence: Span, actors: list[ActorMention]) -> list[Count]:
    """Every count in a sentence, with sides filled in from sibling counts where unsaid."""
    counts: list[Count] = []
    consumed: set[int] = set()
    counted: set[tuple[str, int]] = set()  # (field, patient): "shot dead two farmers" counts them once
    for token in sentence:
        if token.i in consumed:
            continue
        field = count_field(token) if token.pos_ in ("VERB", "ADJ", "NOUN") else None
        if token.pos_ == "VERB" and field is None:
            field = suffered_field(token)
            if field is None and token.lemma_.lower() in casualty_lexicon().people_lost_verbs:
                lost = next((c for c in token.children if c.dep_ in ("dobj", "obj")), None)
                if lost is not None and told_as_people(lost, actors):
                    quantity, side = phrase_total(lost, actors, "killed")
                    if quantity is not None and (quantity.value is not None or quantity.vague):
                        # "losing five of its own soldiers": the subject's dead
                        counts.append(Count("killed", quantity.value, side, token.i, " ".join(t.text for t in lost.subtree),
                                            quantity.bound, quantity.vague))
                continue
            if field:
                patient = next((c for c in token.children if c.dep_ == "nsubj"), None)
                if patient is not None:
                    quantity, side = phrase_total(patient, actors)
                    if quantity is not None:
                        counts.append(Count(field, quantity.value, side, token.i, patient.text, quantity.bound, quantity.vague))
                continue
        if field is None:
            continue
        patient = patient_of(token)
        partner = killed_and_wounded_partner(token)
        if partner is not None:
            consumed.add(partner.i)
            patient = patient or patient_of(partner)
            field = "killed_or_injured"
        if patient is None:
            continue
        if (field, patient.i) in counted:
            continue
        if token.lemma_.lower() in casualty_lexicon().harm_things_verbs and not told_as_people(patient, actors):
            continue  # "killing two people and burning 20 houses": the houses are no one hurt
        quantity, side = phrase_total(patient, actors, field)
        among = among_total(token, patient)
        if among is not None:
            quantity = among  # "the police chief among 11 killed": the toll is the 11
        if quantity is None or earlier_relative(token):
            continue
        counted.add((field, patient.i))
        text = " ".join(t.text for t in patient.subtree)
        sides = by_side(patient, actors, field) if among is None else []
        if sides:
            counts += [Count(field, part.value, part_side, token.i, text, part.bound, overall=told_overall(token))
                       for part, part_side in sides]
            continue
        hedged = token.lemma_.lower() in casualty_lexicon().hedged_words or token.lower_ in casualty_lexicon().hedged_words
        counts.append(Count(field, quantity.value, side, token.i, text, quantity.bound, quantity.vague, hedged, war_tally(token),
                            told_overall(token)))
    counts += nil_tolls(sentence, counts)
    counts += self_killings(sentence, actors, counts)
    counts += toll_figures(sentence, counts)
    coded = CODED_FIGURE.search(sentence.text)
    if coded and not plausible(int(next(g for g in coded.groups() if g is not None))):
        coded = None  # an implausible coded figure is no figure
    if coded:
        counts = [c for c in counts if c.field != "killed"]
        anchor = next((t.i for t in sentence if t.lower_.startswith("fatalit")), sentence.start)
        value = int(next(g for g in coded.groups() if g is not None))
        split = SPLIT_FIGURE.search(sentence.text, coded.end())
        if split:
            parts = SPLIT_WORDS.get(split.group(1).lower()) or int(split.group(1))
            value = int(value / parts + 0.5) if parts else value  # each event's share, rounded
        counts.append(Count("killed", value, None, anchor, coded.group(0), "coded"))
    return fill_sides(counts, sentence)


def told_as_people(head: Token, actors: list[ActorMention]) -> bool:
    """Whether a counted phrase names people: a figure or a pronoun alone ("burning five"),
    a person or side word, a named person or a people ("two Afghans"), an actor, in any of
    its conjuncts."""
    for part in conjuncts(head):
        if part.like_num or part.pos_ in ("NUM", "PRON") or part.ent_type_ in ("PERSON", "NORP"):
            return True
        if is_person_phrase(part) or side_of(part, actors) is not None:
            return True
    return False


def earlier_relative(token: Token) -> bool:
    """ "the father of a fighter who had been killed": a death told, in the past perfect, only to
    say who someone is (through a relation "of" them); it happened before, it counts for no event."""
    if token.dep_ != "relcl" or not any(c.dep_ == "aux" and c.lower_ in ("had", "'d") for c in token.children):
        return False
    return token.head.dep_ == "pobj" and token.head.head.lower_ == "of"


def told_overall(token: Token) -> bool:
    """Whether the casualty word is told with a phrase that gives the story's toll over all
    it tells ("In all, 14 civilians and a soldier had died", "altogether")."""
    phrases = casualty_lexicon().overall_phrases
    return any(" ".join(t.lower_ for t in c.subtree) in phrases for c in token.children if c.dep_ in ("prep", "advmod", "prt", "npadvmod"))


def war_tally(token: Token) -> bool:
    """A perfect-tense toll whose doer is a war as a whole: "a conflict that has killed more
    than 3,000", "the insurgency has killed thousands" (a tally so far, not an event's toll)."""
    if not any(c.dep_ == "aux" and c.lemma_.lower() == "have" for c in token.children):
        return False
    doer = token.head if token.dep_ == "relcl" else next((c for c in token.children if c.dep_ == "nsubj"), None)
    return doer is not None and doer.lemma_.lower() in lexicon().filters.war_nouns


def among_total(token: Token, patient: Token) -> Quantity | None:
    """ "the police chief, Ahmad Karimi, among 9 killed": one of a toll, whose figure is the
    number "among" governs (on the casualty word, the counted phrase or its apposition)."""
    holders = [token, patient] + [c for c in patient.children if c.dep_ == "appos"]
    for holder in holders:
        for child in holder.children:
            if child.dep_ == "prep" and child.lower_ == "among":
                for pobj in child.children:
                    if pobj.dep_ == "pobj":
                        quantity = quantity_of(pobj)
                        if quantity is not None and quantity.value is not None:
                            return quantity
    return None


def nil_tolls(sentence: Span, counts: list[Count]) -> list[Count]:
    """ "No casualties or injuries were reported", "there were no deaths": a casualty noun
    that "no" determines is a toll of 0 (no casualties: nobody killed, nobody wounded)."""
    found: list[Count] = []
    for token in sentence:
        if token.pos_ != "NOUN" or any(c.token_i == token.i for c in counts):
            continue
        head = token.head if token.dep_ == "conj" else token
        if not any(c.dep_ == "det" and c.lower_ == "no" for c in head.children):
            continue
        field = count_field(token)
        fields = ("killed", "injured") if field == "killed_or_injured" else (field,) if field in ("killed", "injured") else ()
        found += [Count(f, 0, None, token.i, token.text) for f in fields]
    return found


def self_killings(sentence: Span, actors: list[ActorMention], counts: list[Count]) -> list[Count]:
    """ "two suicide bombers detonated themselves", "the bomber blew himself up": who set the
    charge off on themselves died; they are counted with the dead (their side is their own)."""
    lex = casualty_lexicon()
    found: list[Count] = []
    for token in sentence:
        if token.pos_ != "VERB" or token.lemma_.lower() not in lex.self_killing_verbs:
            continue
        if not any(c.dep_ in ("dobj", "obj") and c.lower_ in lex.reflexives for c in token.children):
            continue
        subject = next((c for c in token.children if c.dep_ == "nsubj"), None)
        if subject is None or any(c.token_i == token.i for c in counts):
            continue
        quantity, side = phrase_total(subject, actors, "killed")
        if quantity is None or quantity.value is None:
            continue
        found.append(Count("killed", quantity.value, side, token.i, " ".join(t.text for t in subject.subtree), quantity.bound))
    return found


def adds_to_toll(count: Count) -> bool:
    """ "two additional fighters", "at least three more": a count told as more of a toll
    already told (the word stands right after the figure)."""
    words = count.text.lower().split()
    lex = casualty_lexicon()
    return any(word in lex.added_words for word in words[1:4]) and not any(word in lex.added_words for word in words[:1])


def toll_figures(sentence: Span, counts: list[Count]) -> list[Count]:
    """A toll given as a figure: "put the number at 15", "gave the death toll of 19". The
    noun's modifier names the field ("death toll"); a bare "number" restates the field the
    sentence counts, the dead when it counts none."""
    lex = casualty_lexicon()
    found: list[Count] = []
    for token in sentence:
        if token.pos_ != "NOUN" or token.lemma_.lower() not in lex.toll_nouns:
            continue
        holders = [token] + ([token.head] if token.dep_ == "dobj" else [])
        figures = [g for holder in holders for c in holder.children if c.dep_ == "prep" and c.lower_ in lex.toll_prepositions
                   for g in c.children if g.dep_ == "pobj" and g.pos_ == "NUM"]
        named = [count_field(c) for c in token.children if c.dep_ in ("compound", "amod", "nmod")]
        if not figures and (token.lemma_.lower() in lex.toll_named_alone or any(named)) \
                and token.dep_ in ("nsubj", "nsubjpass", "dobj") and token.head.pos_ in ("VERB", "AUX"):
            # "bringing the death toll to 35", "the toll climbed to 100": the figure the toll
            # was moved to, on the verb of which the toll is the subject or the object
            figures = [g for c in token.head.children if c.dep_ == "prep" and c.lower_ in lex.toll_changed_prepositions
                       for g in c.children if g.dep_ == "pobj" and g.pos_ == "NUM"]
        if not figures:
            continue  # "a number of people", "the toll rose": no figure given for the toll
        quantity = parse_quantity(" ".join(t.text for t in figures[0].subtree))
        if quantity is None or quantity.value is None:
            continue
        field = next((f for f in named if f), None) or next((c.field for c in counts if c.value is not None), "killed")
        text = " ".join(t.text for t in sentence.doc[token.left_edge.i : figures[0].right_edge.i + 1])
        found.append(Count(field, quantity.value, None, token.i, text, quantity.bound))
    return found


def killed_and_wounded_partner(token: Token) -> Token | None:
    """ "killed and wounded six civilians": one combined figure, neither killed nor wounded."""
    field = count_field(token)
    if field not in ("killed", "injured"):
        return None
    for child in token.children:
        if child.dep_ == "conj" and count_field(child) in ("killed", "injured") and count_field(child) != field:
            own_patient = patient_of(child)
            if own_patient is not None and token.i < own_patient.i < child.i:
                return None  # "3 killed and 10 wounded": each verb counts its own
            if own_patient is None or patient_of(token) is None:
                return child
    return None


def fill_sides(counts: list[Count], sentence: Span) -> list[Count]:
    """ "27 Taliban killed and nine others wounded": the others are Taliban too."""
    filled = []
    for count in counts:
        if count.side is None:
            token = sentence.doc[count.token_i]
            related = {token.head.i} | {c.i for c in token.children} | {s.i for s in token.head.children}
            donors = [c for c in counts if c.side and (c.token_i in related or sentence.doc[c.token_i].head.i == token.i)]
            if donors:
                count = Count(**{**count.__dict__, "side": donors[0].side})
        filled.append(count)
    return filled
