"""Who is speaking: what a speaker phrase names, and whom a pointer stands for.

A speaker phrase (the subject of a speech verb, the source after "according to") is read
as one of four sorts:

- ``person``: a named person, in the phrase ("security minister NAME"), or in apposition
  to a role noun ("the head of the council, NAME, said");
- ``body``: an organisation, named as the article names it: a state institution or a
  category keeps the article's words when they say whose it is ("Cameroon's
  government", "the Israeli military"), else the document's own naming of it, else the
  knowledge base's name; a named body keeps the knowledge base's name;
- ``description``: a speaker nobody names ("a local security official"), kept as the
  words that describe it, lower-case, with the actor it speaks for;
- a pointer (``Reading.points_back``): a pronoun or a definite description ("he", "it",
  "the ministry", "the general", "the source") that stands for a speaker named before;
  ``resolve_pointers`` gives it the latest compatible speaker.

Word lists are data (``[speakers]`` in ``data/claims/speech.toml``).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, replace

from spacy.tokens import Doc, Token

from sitrep.actors import load_kb
from sitrep.claims.lexicon import lexicon
from sitrep.models import Actor, ActorMention, AnnotatedDocument, Attribution
from sitrep.text.spans import entities_within, overlapping, subtree_span

PERSON_PRONOUNS = {"he", "she", "him", "her"}
BODY_PRONOUNS = {"it"}
PLURAL_PRONOUNS = {"they", "them"}
DEFINITE = {"the", "this", "that", "these", "those"}
#: Words before a description that count rather than describe it.
QUANTIFIERS = {"a", "an", "the", "one", "two", "three", "four", "five", "six", "several", "some", "many", "numerous",
               "other", "another", "few", "multiple", "various", "both", "all", "these", "those", "this", "that"}
#: How far back (characters) a pointer looks for the speaker it stands for.
REACH = 1500


@dataclass(frozen=True)
class Reading:
    """What a speaker phrase says about who speaks."""

    name: str | None
    actor: Actor | None
    sort: str  # "person" | "body" | "description"
    start: int | None
    end: int | None
    head: str = ""  # the head word's lemma ("official", "ministry", "he")
    plural: bool = False
    points_back: bool = False  # a pronoun or definite description: the latest compatible speaker
    roles: tuple[str, ...] = ()  # role nouns said of a person ("general", "commander")


def clean_words(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip(" ,.;:")


def capitalised(word: str) -> bool:
    return word[:1].isupper()


def through_partitive(head: Token) -> Token:
    """ "one of these sources" speaks as a source: the noun after "of"."""
    if head.lower_ in QUANTIFIERS or head.pos_ == "NUM":
        for prep in head.children:
            if prep.lower_ == "of":
                objects = [c for c in prep.children if c.dep_ == "pobj"]
                if objects:
                    return objects[0]
    return head


def after_dates(adoc: AnnotatedDocument, start: int, end: int) -> int:
    """A speaker phrase starts after any date inside it ("date 2022-12-26 Yemen's Houthi
    militia"): a date stamp that the parser glued to the subject is no part of a name."""
    for mention in adoc.times:
        if start <= mention.start < end and mention.end < end:
            start = mention.end
    while start < end and not adoc.document.text[start].isalnum():
        start += 1
    return start


def is_plural(head: Token) -> bool:
    return head.tag_ in ("NNS", "NNPS") or any(c.dep_ == "conj" for c in head.children)


def description_name(head: Token, start: int, end: int | None = None) -> str:
    """The words that describe an unnamed speaker: the head and what stands before it
    ("a senior Hamas official" -> "senior Hamas official"), counting words left out."""
    lefts = [t for t in head.lefts if t.dep_ in ("compound", "amod", "nmod", "poss", "case", "nummod", "quantmod") and t.idx >= start]
    first = min([head.i] + [min(s.i for s in t.subtree) for t in lefts])
    conjuncts = [c for c in head.children if c.dep_ == "conj"]
    last = max([head.i] + [max(s.i for s in c.subtree) for c in conjuncts])
    words = [t for t in head.doc[first : last + 1] if end is None or t.idx < end]  # "a police source" of "a police source and an official"
    while words and (words[0].lower_ in QUANTIFIERS or words[0].pos_ in ("NUM", "DET", "PUNCT")):
        words.pop(0)
    text = clean_words("".join(t.text_with_ws for t in words)) or head.text
    first_word = words[0] if words else head
    if first_word.pos_ != "PROPN" and not (first_word.i > first_word.sent.start and capitalised(first_word.text)):
        text = text[:1].lower() + text[1:]
    return text


def person_in(adoc: AnnotatedDocument, head: Token, start: int, end: int) -> ActorMention | None:
    """The person a phrase names: the one at its head first ("Jubbaland security minister
    NAME"), then any in it ("two protesters and NAME")."""
    people = [m for m in overlapping(adoc.actors, start, end) if m.actor.is_person]
    at_head = [m for m in people if m.start <= head.idx < m.end]
    return (at_head or people or [None])[0]


def person_in_apposition(adoc: AnnotatedDocument, end: int, limit: int) -> tuple[ActorMention, int] | None:
    """ "the spokesman of NAF, Air Commodore NAME, said": a person named right after a
    role phrase, set off by a comma, before the speech verb. Returns the mention and the
    end of the apposition."""
    text = adoc.document.text
    # the name may come after the role's own department, set off by commas of its own
    # ("The Director, Army Public Relations, Col. NAME, made the denial")
    for pattern in (r"\s*,\s*", r"\s*,\s*[A-Z][\w .&'’-]{0,40}?,\s*"):
        match = re.match(pattern, text[end:limit])
        if match is None:
            continue
        at = end + match.end()
        for mention in adoc.actors:
            if mention.start == at and mention.actor.is_person and mention.end <= limit:
                rest = text[mention.end : limit]
                if re.match(r"\s*(,|$|\w)", rest):
                    return mention, mention.end
    return None


def roles_in(text: str) -> tuple[str, ...]:
    """Role nouns said of a person in the words around the name ("a general and senior
    Somali army commander" -> general, commander)."""
    person_nouns = lexicon().person_nouns
    words = [w.lower() for w in re.findall(r"[A-Za-z]+", text)]
    return tuple(dict.fromkeys(same_role(w) for w in words if w in person_nouns))


def same_role(noun: str) -> str:
    """One word for a role however it is written: "spokesperson", "spokeswoman" -> "spokesman"."""
    return lexicon().role_synonyms.get(noun, noun)


def apposition_after(adoc: AnnotatedDocument, end: int, limit: int) -> str:
    """ "NAME, a general and senior army commander, said": the words after a name up to the
    next comma or the verb."""
    text = adoc.document.text[end:limit]
    match = re.match(r"\s*,([^,]*)", text)
    return match.group(1) if match else ""


def body_name(adoc: AnnotatedDocument, mention: ActorMention, phrase: str) -> str:
    """How a body is named. A knowledge-base body keeps its name ("Taliban", "UNOCHA").
    A state institution or a category built from a template ("Government of Cameroon",
    "Military Forces of Mali") reads as the article writes it when the article says whose
    it is ("Cameroon's government"), else as the document names it elsewhere (the latest
    naming before, else the first after), else as the template made it; a category
    with no naming keeps the article's words ("police")."""
    actor = mention.actor
    if not is_template_actor(actor):
        return actor.name
    if names_its_country(mention.text):
        return clean_name(mention.text)
    namings = [m for m in adoc.actors if m.actor.id == actor.id and names_its_country(m.text)]
    before = [m for m in namings if m.end <= mention.start]
    after = [m for m in namings if m.start >= mention.end]
    if before or after:
        return clean_name((before[-1] if before else after[0]).text)
    if CATEGORY_NAME.search(actor.name):
        words = clean_name(mention.text).lower()
        fuller = [m for m in adoc.actors if m.actor.id == actor.id and m.end <= mention.start and words
                  and clean_name(m.text).lower().endswith(" " + words)]
        if fuller:
            return clean_name(fuller[-1].text)  # "Rebels said", after "pro-Russian rebels": the same, as first called
        return clean_name(mention.text if mention.text.strip() else phrase)
    return actor.name


#: Names made from ACLED's category templates, which read poorly as the name of a source.
CATEGORY_NAME = re.compile(
    r"^(Military|Police) Forces of |^(Protesters|Rioters|Civilians|Journalists|Students|Labou?r Group|Unidentified Armed Group) \(")


def is_template_actor(actor: Actor) -> bool:
    """A state institution or a category of a country, as opposed to a named body."""
    kb = load_kb()
    key = actor.id.split(":")[0]
    return (":" in actor.id and (key in kb.institutions or key in kb.categories)) or actor.id in template_replacements()


def template_replacements() -> frozenset[str]:
    """KB bodies that stand for a country's institution ("Israel Defense Forces" for the
    Israeli military): named by the article's words like the institution they replace."""
    return frozenset(load_kb().replacements.values())


def names_its_country(text: str) -> bool:
    """Whether a mention says whose it is: a country or demonym among its words."""
    kb = load_kb()
    words = re.findall(r"[\w'’.-]+", text)
    for size in (3, 2, 1):
        for i in range(len(words) - size + 1):
            chunk = " ".join(words[i : i + size])
            chunk = re.sub(r"['’]s$", "", chunk)
            if kb.country_code(chunk) is not None:
                return True
    return False


def clean_name(text: str) -> str:
    text = clean_words(text)
    text = re.sub(r"^(the|a|an)\s+", "", text, flags=re.IGNORECASE)
    return text[:1].upper() + text[1:] if text else text


#: A title in quote marks that ends a speaker phrase (its closing mark may fall outside it).
QUOTED_TITLE = re.compile(r"[\"“]([A-Z][^\"“”]{1,60}?)[\"”]?\s*$")


def phrase_name(doc: Doc, start: int, end: int, head: Token) -> str:
    """A speaker the actors stage did not know: a name inside the phrase, else its head
    with the words before it ("Security officials in Badakhshan province" -> "Security
    officials"), which is how a source is usually referred to."""
    titled = QUOTED_TITLE.search(doc.text[start:end])
    if titled:
        return clean_name(titled.group(1))  # "the independent newssheet “Zambeze Hoje”": the title is its name
    described = described_name(head, start)
    if described is not None:
        return described  # "the watchdog group LineWatch": the name the common nouns before it describe
    names = [e for e in entities_within(doc, start, end) if e.label_ in ("PERSON", "ORG")]
    people = [e for e in names if e.label_ == "PERSON"]
    if people:
        return clean_name(people[-1].text)
    if names and len(names[0].text) > (end - start) / 2:
        return clean_name(names[0].text)
    modifiers = [t for t in head.lefts if t.dep_ in ("compound", "amod", "nmod", "poss", "case") and t.idx >= start]
    first = min([head.i] + [min(t.i for t in m.subtree) for m in modifiers])
    conjuncts = [c for c in head.children if c.dep_ == "conj"]
    last = max([head.i] + [c.i for c in conjuncts])
    if head.text[:1].isupper():
        # an institution's name goes on: "Ministry of Interior", "Council of Ulema"
        for prep in head.rights:
            objects = [c for c in prep.children if c.dep_ == "pobj"]
            if prep.lower_ == "of" and objects and objects[0].text[:1].isupper():
                last = max(last, max(t.i for t in objects[0].subtree))
    words = list(doc[first : last + 1])
    while words and words[0].lower_ in QUANTIFIERS:
        words.pop(0)
    return clean_name("".join(t.text_with_ws for t in words) or head.text)


def described_name(head: Token, start: int) -> str | None:
    """A proper name at the head of a phrase whose other words are common nouns that say what
    it is ("the watchdog group LineWatch" -> LineWatch); None for any other phrase."""
    if not is_name_word(head):
        return None
    words = [t for t in head.doc[start_token_of(head.doc, start) : head.i] if t.lower_ not in QUANTIFIERS]
    run = 0
    while run < len(words) and is_name_word(words[len(words) - 1 - run]):
        run += 1
    nouns = words[: len(words) - run]
    if not nouns or not all(t.pos_ == "NOUN" and t.text.islower() for t in nouns):
        return None
    return clean_name("".join(t.text_with_ws for t in words[len(words) - run :]) + head.text)


def start_token_of(doc: Doc, start: int) -> int:
    span = doc.char_span(start, start + 1, alignment_mode="expand")
    return span.start if span is not None else 0


def report_source(adoc: AnnotatedDocument, head: Token) -> tuple[Token, tuple[int, int]] | None:
    """Who issued a report, statement or broadcast cited as a source: "a statement by the
    ministry", "a press release issued by the corps", "the military's radio broadcast",
    "a Burkina Faso army statement", "a report in the newssheet Carta de Mocambique".
    None when it names nobody ("the statement said": a pointer; "another report")."""
    def phrase_of(token: Token) -> tuple[Token, tuple[int, int]]:
        cut = [c for c in token.children if c.dep_ in ("relcl", "acl", "appos", "punct", "cc", "conj") and c.i > token.i]
        return token, subtree_span(token, exclude=cut)

    clauses = {t.i for c in head.children if c.dep_ in ("relcl", "acl") and c.tag_ != "VBN" for t in c.subtree}
    own_words = [t for t in head.subtree if t.i not in clauses]  # not what it says: "a statement saying ... signed by X"
    for token in own_words:
        if token.lower_ == "by" and token.dep_ in ("agent", "prep"):
            objects = [c for c in token.children if c.dep_ == "pobj"]
            if objects:
                return phrase_of(objects[0])
    owner = next((c for c in head.children if c.dep_ == "poss"), None)
    if owner is not None and owner.lower_ not in ("its", "their", "his", "her"):
        return phrase_of(owner)
    for child in head.lefts:
        if child.dep_ in ("compound", "nmod", "amod") and any(m.start <= child.idx < m.end for m in adoc.actors):
            mention = next(m for m in adoc.actors if m.start <= child.idx < m.end)
            return child, (mention.start, mention.end)
    named = [t for t in own_words if t.i != head.i and t.pos_ == "PROPN"]
    if named:
        return phrase_of(named[-1])
    if head.dep_ == "dobj" and head.head.pos_ == "VERB":
        issuer = next((c for c in head.head.children if c.dep_ == "nsubj"), None)
        if issuer is not None and issuer.pos_ != "PRON":
            return phrase_of(issuer)  # "the SPLA IO issued a statement saying ..."
    return None


def read_speaker(adoc: AnnotatedDocument, head: Token, start: int, end: int, cue: Token) -> Reading:
    """Read a speaker phrase (``head`` its head token, [start, end) its span)."""
    lex = lexicon()
    text = adoc.document.text
    start = after_dates(adoc, start, end)
    one_of = head.lower_ == "one"
    head = through_partitive(head)
    lower = head.lower_
    if lower in PERSON_PRONOUNS | BODY_PRONOUNS | PLURAL_PRONOUNS:
        fallback = next((m.actor for m in adoc.actors if m.start <= head.idx < m.end), None)
        return Reading(None, fallback, "person" if lower in PERSON_PRONOUNS else "body", start, end, lower,
                       plural=lower in PLURAL_PRONOUNS, points_back=True)
    limit = cue.idx if cue.idx > end else len(text)
    lemma = head.lemma_.lower()
    definite = any(c.lower_ in DEFINITE for c in head.lefts if c.dep_ == "det")
    if lemma in lex.report_nouns:
        # a report that names no issuer: "the statement added" stands for the body that
        # issued the last one; "another report" names nobody
        return Reading(None, None, "body", start, end, lemma, points_back=definite)
    kin = kin_of(adoc, head, start)
    if kin is not None:
        # "his family said": the family of the person the possessive stands for, as the story
        # would name them ("family of NAME"), not a speaker named "His family"
        return Reading(kin, None, "description", start, end, lemma, plural=is_plural(head))
    holder = office_holder(head)
    if holder is not None and not overlapping(adoc.actors, start, end):
        # "the prosecutor's office said": the office of the one described by that role,
        # who speaks through it (the prosecutor named before, when definite)
        holder_start = holder.left_edge.idx
        name = description_name(holder, holder_start, holder.idx + len(holder))
        return Reading(name, None, "description", holder_start, end, holder.lemma_.lower(),
                       points_back=any(c.lower_ in DEFINITE for c in holder.children if c.dep_ == "det"), roles=(holder.lemma_.lower(),))
    person = person_in(adoc, head, start, end)
    appositive = None
    if person is None and (lemma in lex.person_nouns or head.lower_ in lex.person_nouns):
        appositive = person_in_apposition(adoc, end, limit)
        if appositive is not None:
            person = appositive[0]
    if person is None and head.pos_ == "NOUN":
        # "the Sunni cleric NAME, whose followers ..., said": a name set right after the
        # role, with no comma, that the parse made its apposition, is the person meant
        for child in head.rights:
            if child.dep_ == "appos" and child.left_edge.idx >= end and not text[end : child.left_edge.idx].strip():
                person = next((m for m in adoc.actors if m.actor.is_person and m.start == child.left_edge.idx), None)
                break
    if person is None and head.pos_ == "NOUN" and lemma not in lex.person_nouns and lower not in lex.person_nouns \
            and (named := name_in_apposition(adoc, head, end) or known_as(adoc, head)) is not None:
        # "according to the monitoring group NetBlocks": a body's name right after the noun
        # that says what it is
        name, actor, name_end = named
        return Reading(name, actor, "body", start, max(end, name_end), lemma, plural=is_plural(head))
    if person is not None and lemma not in lex.person_nouns and lower not in lex.person_nouns and owned_by(adoc, person, head):
        # "Bashagha's government", "Khan's party", "Kagame's office": a person's possessive
        # before a body noun names the body, which speaks, not the person
        bodies_at_head = [m for m in overlapping(adoc.actors, start, end) if not m.actor.is_person and m.start <= head.idx < m.end]
        words = [t for t in adoc.doc[start_token(adoc, person.start) : head.i + 1] if t.tag_ != "POS" and t.dep_ != "case"]
        name = clean_name(" ".join(t.text for t in words))
        return Reading(name, bodies_at_head[0].actor if bodies_at_head else None, "body", start, end, lemma, plural=is_plural(head))
    if person is not None and person.actor.id.startswith("person:doc-") and called_a_body(adoc, person):
        # "African Parks, the conservation group that manages the park, said": a name the
        # actors stage took for a person's, that the story says is a body's
        return Reading(clean_name(person.text), None, "body", start, end, lemma, plural=is_plural(head))
    if person is not None:
        around = text[start:end] + " " + apposition_after(adoc, person.end, limit)
        return Reading(person.actor.name, person.actor, "person", start, end, lemma, roles=roles_in(around))
    # "Kiev", "Azerbaijan's defence ministry" tagged a person: a name inside a body's mention is the body's
    not_people = [m for m in overlapping(adoc.actors, start, end) if not m.actor.is_person]
    named_person = [e for e in entities_within(adoc.doc, start, end) if e.label_ == "PERSON"
                    and not any(m.start <= e.start_char and e.end_char <= m.end for m in not_people)]
    if named_person:
        return Reading(clean_name(named_person[-1].text), None, "person", start, end, lemma)
    bodies = [m for m in overlapping(adoc.actors, start, end) if not m.actor.is_person]
    at_head = [m for m in bodies if m.start <= head.idx < m.end]
    named = [m for m in bodies if not m.actor.id.startswith("country:")]
    bare = [w for w in clean_words(text[start:end]).split() if w.lower() not in QUANTIFIERS]
    if not bodies and is_name_word(head) and bare == [head.text] and (state := state_named(head.text)) is not None:
        # "both Moscow and Ankara say": a capital or country the actors stage passed over,
        # speaking, is its government
        return Reading(government_name(state), state, "body", start, end, lemma)
    if based_somewhere(head) and not is_name_word(head) and all(m.actor.id.startswith("country:") or unnamed_body(m.actor) for m in at_head):
        # "the New York-based group": where a body is based is no one's; definite, the body
        # named before (as "the Britain-based monitor" below)
        return Reading(clean_name(description_name(head, start, end)), None, "body", start, end, lemma,
                       plural=is_plural(head), points_back=definite)
    owner = named_in_of_phrase(head, bodies)
    if owner is not None and lemma not in lex.person_nouns and lower not in lex.person_nouns \
            and all(unnamed_body(m.actor) for m in at_head):
        # "the rebels of the Front for Change (FACT), who ..., said": the head only says what
        # the named group's members are; the group speaks
        return Reading(body_name(adoc, owner, owner.text), owner.actor, "body", start, end, lemma, plural=is_plural(head))
    named_group = name_in_of_phrase(head) if owner is None and lemma not in lex.person_nouns and lower not in lex.person_nouns \
        and at_head and all(unnamed_body(m.actor) for m in at_head) else None
    if named_group is not None:
        # the same, for a group the actors stage did not resolve: its name as written
        name, actor = named_group
        return Reading(name, actor, "body", start, end, lemma, plural=is_plural(head))
    body = (at_head or named or bodies or [None])[0]
    proper = [t for t in adoc.doc[head.i - (head.i - start_token(adoc, start)) : head.i + 1] if is_name_word(t)]
    if lemma in lex.person_nouns or lower in lex.person_nouns:
        name = description_name(head, start, end)
        if one_of:  # "one of these sources" is a source
            name = name[: len(name) - len(head.text)] + head.lemma_
        # "one of the two survivors" picks someone new out of a group, however definite the
        # group: a speaker of its own, not a pointer to the survivor who spoke last
        return Reading(name, speaks_for(body, text[start:end]), "description", start, end, lemma, plural=is_plural(head) and not one_of,
                       points_back=definite and not one_of, roles=(lemma,))
    abbreviation = abbreviation_after(adoc, end) if not proper else None
    if abbreviation is not None:
        # "the armed opposition faction (SPLM-IO)": the name in brackets names it
        name, actor = abbreviation
        return Reading(name, actor or (body.actor if body else None), "body", start, end, lemma, plural=is_plural(head))
    if body is not None and not at_head and is_name_word(head):
        # "Lebanon's official National News Agency": a name of its own, whose side the body is
        return Reading(phrase_name(adoc.doc, start, end, head), body.actor, "body", start, end, lemma, plural=is_plural(head))
    if body is not None and at_head and is_template_actor(body.actor) and clean_words(body.text).lower() == head.lower_ \
            and len([t for t in proper[:-1] if t.idx < body.start and load_kb().country_code(t.text) is None]) >= 2:
        # "The Southern Cameroons Interim Government": a name of its own around the word the
        # actors stage took for the country's government, not that government
        return Reading(phrase_name(adoc.doc, start, end, head), None, "body", start, end, lemma, plural=is_plural(head))
    if body is not None and body.actor.id.startswith("country:") and at_head and (names_a_capital(body) or body.text == text[start:end]) \
            and not re.match(r"[ \t]+[A-Z]", text[body.end : body.end + 2]):
        # "Kiev accused", "Moscow called the reports fake", "Ukraine said": the country or
        # capital that speaks is its government ("Myanmar Now", a name of its own, is not)
        return Reading(government_name(body.actor), body.actor, "body", start, end, lemma, plural=is_plural(head))
    if body is not None and not at_head and describes_the_head(adoc, body, head):
        # "the Britain-based monitor", "the French presidency": a country in a word before
        # the head tells where the body is from or whose it is; the speaker is the body the
        # phrase names. One only based there is nobody's ("the monitor" named before, when
        # definite); "the French presidency" is France's, named as the article names it.
        # Definite, either is a way to name a body the story named before: "the Armenian
        # ministry" the Armenian Foreign Ministry that spoke.
        name = clean_name(description_name(head, start, end))
        if text[body.end : body.end + 1] in HYPHENS:
            return Reading(name, None, "body", start, end, lemma, plural=is_plural(head), points_back=definite)
        return Reading(name, body.actor, "body", start, end, lemma, plural=is_plural(head), points_back=definite)
    if body is not None:
        phrase = text[start:end]
        local = [t.lower_ for t in head.lefts if t.lower_ in lex.local_modifiers]
        if is_template_actor(body.actor) and local:
            # "municipal authorities", "the provincial police": not the country's own
            return Reading(description_name(head, start), body.actor, "body", start, end, lemma, plural=is_plural(head))
        name = body_name(adoc, body, phrase)
        # "the military added": the actors stage gave the story's country; the speaker meant
        # is the military that spoke before, if one did
        bare = definite and not proper[:-1] and is_template_actor(body.actor) and not names_its_country(body.text)
        return Reading(name, body.actor, "body", start, end, lemma, plural=is_plural(head), points_back=bare)
    owner = next((c for c in head.children if c.dep_ == "poss" and c.lower_ in ("its", "their")), None)
    if owner is not None and not proper[:-1] and not is_name_word(head):
        # "its military wing", "their armed branch": a part of the body named before, which
        # speaks for it (the body a pronoun would stand for there)
        pronoun = "it" if owner.lower_ == "its" else "they"
        return Reading(None, None, "body", start, end, pronoun, plural=pronoun == "they", points_back=True)
    name = phrase_name(adoc.doc, start, end, head) if text[start:end].strip() else None
    generic = definite and (lemma in lex.body_nouns or lower in lex.body_nouns)
    return Reading(name, None, "body", start, end, lemma, plural=is_plural(head), points_back=generic and not proper[:-1])


def name_in_apposition(adoc: AnnotatedDocument, head: Token, end: int) -> tuple[str, Actor | None, int] | None:
    """A name set right after a noun with no comma, which the parse made its apposition
    ("the monitoring group NetBlocks"): its words, the body the actors stage found there (if
    any) and its end. None when no such name follows or it is a person's."""
    text = adoc.document.text
    for child in head.rights:
        if child.dep_ != "appos" or child.left_edge.idx < end or text[end : child.left_edge.idx].strip():
            continue
        if not text[child.left_edge.idx].isalnum() or child.pos_ != "PROPN" or child.ent_type_ in ("PERSON", "GPE", "LOC", "DATE"):
            return None
        cut = [c for c in child.children if c.dep_ in ("relcl", "acl", "appos", "punct") and c.i > child.i]
        first, last = subtree_span(child, exclude=cut)
        found = [m for m in overlapping(adoc.actors, first, last)]
        if any(m.actor.is_person for m in found):
            return None
        return clean_name(text[first:last]), (found[0].actor if found else None), last
    return None


def called_a_body(adoc: AnnotatedDocument, mention: ActorMention) -> bool:
    """Whether the apposition after a name says it is a body ("NAME, the rights group")."""
    span = adoc.doc.char_span(mention.start, mention.end, alignment_mode="expand")
    if span is None:
        return False
    lex = lexicon()
    for child in span.root.children:
        if child.dep_ == "appos" and child.i > span.root.i and child.pos_ == "NOUN":
            return child.lemma_.lower() in lex.body_nouns and child.lemma_.lower() not in lex.person_nouns
    return False


def known_as(adoc: AnnotatedDocument, head: Token) -> tuple[str, Actor | None, int] | None:
    """ "the mission, known as UNMISS": the name a body is said to go by."""
    for clause in head.rights:
        if clause.dep_ != "acl" or clause.lemma_.lower() not in ("know", "call"):
            continue
        for prep in clause.children:
            name = next((c for c in prep.children if c.dep_ == "pobj"), None) if prep.lower_ == "as" else None
            if name is not None and name.pos_ == "PROPN":
                first, last = subtree_span(name)
                found = [m for m in overlapping(adoc.actors, first, last) if not m.actor.is_person]
                return (body_name(adoc, found[0], found[0].text) if found else clean_name(adoc.document.text[first:last])), \
                    (found[0].actor if found else None), head.idx + len(head)
    return None


def office_holder(head: Token) -> Token | None:
    """ "the prosecutor's office", "the governor's office": the role noun that owns a body
    noun; None when no role owns it ("Khan's party", "its office")."""
    lex = lexicon()
    if head.lemma_.lower() not in lex.body_nouns and head.lower_ not in lex.body_nouns:
        return None
    owner = next((c for c in head.children if c.dep_ == "poss"), None)
    if owner is None or owner.pos_ != "NOUN" or owner.lemma_.lower() not in lex.person_nouns:
        return None
    return owner


def kin_of(adoc: AnnotatedDocument, head: Token, start: int) -> str | None:
    """ "his family", "her relatives": the kin noun with the person "his" or "her" stands
    for, the latest named before it in the sentence or the one before ("family of NAME")."""
    if head.lemma_.lower() not in lexicon().kin_nouns and head.lower_ not in lexicon().kin_nouns:
        return None
    owner = next((c for c in head.children if c.dep_ == "poss"), None)
    if owner is None or owner.lower_ not in ("his", "her"):
        return None
    sentences = [s.start_char for s in adoc.sentences if s.start_char <= start]
    floor = sentences[-2] if len(sentences) > 1 else 0
    people = [m for m in adoc.actors if m.actor.is_person and floor <= m.start and m.end <= start]
    return f"{head.text} of {people[-1].actor.name}" if people else None


#: The hyphens that join a place to "based" ("New York-based", "Beirut‑based", "London–based").
HYPHENS = ("-", "‑", "–")


def based_somewhere(head: Token) -> bool:
    """Whether a head noun is said based somewhere by a hyphenated word before it
    ("New York-based", "Beirut-headquartered")."""
    for child in head.lefts:
        if child.lower_ in ("based", "headquartered") and child.i > 0 and child.nbor(-1).text in HYPHENS:
            return True
    return False


def state_named(word: str) -> Actor | None:
    """The country a word names, by its name or its capital's ("Ankara"); None for any other."""
    kb = load_kb()
    code = kb.country_code(word, kinds=("country", "demonym", "capital"))
    return kb.actors.get(f"country:{code}") if code is not None else None


def unnamed_body(actor: Actor) -> bool:
    """A body the words only describe: "rebels" (an unidentified group), "protesters"."""
    return actor.id.startswith("unidentified:") or CATEGORY_NAME.search(actor.name) is not None


def named_in_of_phrase(head: Token, bodies: list[ActorMention]) -> ActorMention | None:
    """A named body (not a country, not one the words only describe) in the head's "of"
    phrase: "the fighters of the Movement for Justice"."""
    for noun in of_objects(head):
        for mention in bodies:
            if mention.start <= noun.idx < mention.end and not mention.actor.id.startswith("country:") \
                    and not unnamed_body(mention.actor) and not is_template_actor(mention.actor):
                return mention
    return None


def name_in_of_phrase(head: Token) -> tuple[str, Actor | None] | None:
    """A proper name in the head's "of" phrase ("fighters of the Movement for Justice in
    Darfur (MJD)"): the name in brackets after it if any, else its words; with the
    knowledge base's actor for it, if it knows one."""
    for noun in of_objects(head):
        if noun.pos_ != "PROPN" or noun.ent_type_ in ("GPE", "LOC", "DATE", "NORP"):
            continue
        cut = [c for c in noun.children if c.dep_ in ("relcl", "acl", "appos", "punct") and c.i > noun.i]
        first, last = subtree_span(noun, exclude=cut)
        words = clean_name(noun.doc.text[first:last])
        bracket = re.match(r"\s*\(([A-Z][A-Za-z0-9-]{1,11})\)", noun.doc.text[last : last + 16])
        kb = load_kb()
        actor = kb.lookup(words) or (kb.lookup(bracket.group(1)) if bracket else None)
        if actor is not None and actor.is_person:
            return None
        return (actor.name if actor is not None else bracket.group(1) if bracket else words), actor
    return None


def of_objects(head: Token) -> Iterator[Token]:
    """The nouns of a head's "of" phrases ("the Movement" in "the fighters of the Movement")."""
    for prep in head.children:
        if prep.lower_ == "of" and prep.dep_ == "prep":
            yield from (c for c in prep.children if c.dep_ == "pobj")


def owned_by(adoc: AnnotatedDocument, person: ActorMention, head: Token) -> bool:
    """Whether a person's mention is the possessor of a noun head ("Bashagha's government")."""
    if head.pos_ != "NOUN" or person.end > head.idx:
        return False
    span = adoc.doc.char_span(person.start, person.end, alignment_mode="expand")
    if span is None:
        return False
    owner = span.root
    return owner.dep_ == "poss" and owner.head.i == head.i and owner.pos_ == "PROPN"


def describes_the_head(adoc: AnnotatedDocument, body: ActorMention, head: Token) -> bool:
    """Whether a country's mention is a modifier before a body noun ("Britain" in "the
    Britain-based monitor", "French" in "the French presidency"), not its possessor
    ("Egypt's presidency") nor the speaker itself."""
    common = head.pos_ == "NOUN" or (head.pos_ == "PROPN" and not capitalised(head.text))  # "health ministry" tagged a name
    if not body.actor.id.startswith("country:") or body.end > head.idx or not common:
        return False
    if re.search(r"[,;:()]", adoc.document.text[body.end : head.idx]):
        return False  # "Myanmar Now, a news site": a name of its own, then what it is
    span = adoc.doc.char_span(body.start, body.end, alignment_mode="expand")
    if span is None or any(t.dep_ in ("poss", "case") or t.tag_ == "POS" for t in span):
        return False
    return span.root.dep_ in ("amod", "compound", "npadvmod", "nmod") and head in span.root.ancestors


def speaker_party(adoc: AnnotatedDocument, speaker: Actor | None, head: Token | None = None) -> Actor | None:
    """The party a speaker speaks for: a body speaks for itself; a person for their
    affiliation; else for the body their own phrase names, in apposition or in a modifier
    ("NAME, speaking for the rebels' northern command", "NAME, the chairman of the
    front's panel"); None when nothing says. Countries and unknown bodies name no party."""
    if speaker is not None and not speaker.is_person:
        return speaker
    if speaker is not None and speaker.affiliation:
        for mention in adoc.actors:
            if speaker.affiliation in (mention.actor.name, mention.actor.id):
                return mention.actor
        found = load_kb().lookup(speaker.affiliation)
        if found is not None:
            return found
    if head is None:
        return None
    start, end = subtree_span(head)
    named = [m.actor for m in overlapping(adoc.actors, start, end)
             if not m.actor.is_person and m.actor.inter is not None and not m.actor.id.startswith("country:")]
    return named[0] if named else None


def speaks_for(body: ActorMention | None, phrase: str) -> Actor | None:
    """The actor an unnamed speaker speaks for. A country known only from a demonym is
    where the speaker is from, not whom it speaks for, unless the words make it the
    state's ("Syrian opposition activists", "Palestinian witnesses" speak for no state;
    "a Syrian military source", "Afghan officials" do)."""
    if body is None:
        return None
    if body.actor.id.startswith("country:") and not names_a_capital(body):
        words = set(re.findall(r"[a-z']+", phrase.lower()))
        if not words & lexicon().state_nouns:
            return None
    return body.actor


def names_a_capital(mention: ActorMention) -> bool:
    record = load_kb().countries.get(mention.actor.country or "")
    return record is not None and clean_words(mention.text).lower() in {c.lower() for c in record.capitals}


def government_name(country: Actor) -> str:
    """ "Ukrainian government": a country's government named by its demonym, else "Government of X"."""
    record = load_kb().countries.get(country.country or "")
    if record is not None and record.government:
        return record.government
    if record is not None and record.demonyms:
        return f"{record.demonyms[0]} government"
    return f"Government of {country.name}"


def start_token(adoc: AnnotatedDocument, start: int) -> int:
    span = adoc.doc.char_span(start, start + 1, alignment_mode="expand")
    return span.start if span is not None else 0


def is_name_word(token: Token) -> bool:
    """A word that names (a proper noun), not one that describes ("Shiite", "Israeli")."""
    return token.pos_ == "PROPN" and token.ent_type_ not in ("NORP",) and capitalised(token.text)


def abbreviation_after(adoc: AnnotatedDocument, end: int) -> tuple[str, Actor | None] | None:
    """ "(SPLM-IO)" right after a speaker phrase: the name the article gives the body."""
    text = adoc.document.text
    match = re.match(r"\s*\(([A-Z][A-Za-z0-9/&.-]{1,11})\)", text[end : end + 16])
    if match is None:
        return None
    at = end + match.start(1)
    actor = next((m.actor for m in adoc.actors if m.start <= at < m.end and not m.actor.is_person), None)
    return match.group(1), actor


def institution_key(actor: Actor | None) -> str | None:
    """ "military" for the Military Forces of Mali and for the IDF that replaces Israel's."""
    if actor is None:
        return None
    kb = load_kb()
    for (key, _code), replaced in kb.replacements.items():
        if replaced == actor.id:
            return key
    key = actor.id.split(":")[0]
    return key if ":" in actor.id and key in kb.institutions else None


def reference_inters(head: str) -> frozenset[int] | None:
    """The kinds of actor "the <head>" can stand for, from the actors stage's references
    ("the movement": a rebel group or militia)."""
    for reference in load_kb().references:
        if f"the {head}" in reference.phrases and reference.inter:
            return reference.inter
    return None


def compatible(pointer: Attribution, earlier: Attribution) -> bool:
    """Whether an earlier speaker can be the one a pointer stands for."""
    if earlier.speaker_sort is None or earlier.speaker_name is None or earlier.speaker_points_back:
        return False
    head = pointer.speaker_head
    if head in PERSON_PRONOUNS:
        return earlier.speaker_sort in ("person", "description") and not earlier.speaker_plural
    if head in BODY_PRONOUNS:
        return earlier.speaker_sort == "body"
    if head in PLURAL_PRONOUNS:
        return earlier.speaker_sort == "body" or earlier.speaker_plural
    if pointer.speaker_sort == "description":
        # "the official" is a person or an unnamed speaker of the same number; an unnamed one
        # only when described by the same noun ("a security official"), unless the noun
        # says nothing but that someone spoke ("the source"); "the Hamas official" only
        # someone of Hamas
        if earlier.speaker_sort not in ("person", "description") or earlier.speaker_plural != pointer.speaker_plural:
            return False
        if earlier.speaker_sort == "description" and head != earlier.speaker_head and head not in lexicon().generic_person_nouns:
            return False
        own = pointer.speaker
        if own is not None:
            theirs = {earlier.speaker.id, earlier.speaker.affiliation, earlier.speaker.name} if earlier.speaker else set()
            if own.id in theirs or own.name in theirs:
                return True
            # "defence spokesman J. S. Brar" then "the Indian Army spokesperson": the person
            # introduced in that role, whose side the text did not say
            untied = earlier.speaker is None or (earlier.speaker.is_person and not earlier.speaker.affiliation)
            return untied and earlier.speaker_sort == "person" and same_role(head) in earlier.speaker_roles
        return True
    # a definite body noun: "the ministry", "the group", "the statement"
    if earlier.speaker_sort != "body":
        return False
    if pointer.speaker is not None and pointer.speaker.id.startswith("country:"):
        # "the Armenian ministry": a body of that country's, called by the same noun
        return earlier.speaker is not None and earlier.speaker.country == pointer.speaker.country \
            and not earlier.speaker.id.startswith("country:") and head in (earlier.speaker_name or "").lower().split()
    if pointer.speaker is not None:  # "the military": a military, whoever's
        return institution_key(pointer.speaker) == institution_key(earlier.speaker) is not None
    if re.search(r"-(based|headquartered)\b", pointer.speaker_name or ""):
        return True  # "the London-based group": an organisation told by its base, of whatever kind
    own = set(re.findall(r"[a-z]+", (pointer.speaker_name or "").lower())) - QUANTIFIERS - {head}
    theirs = set(re.findall(r"[a-z]+", earlier.speaker_name.lower()))
    if own and own <= theirs:
        return True  # "the rights group": Human Rights Watch, whatever kind of group the KB makes it
    inters = reference_inters(head)
    if inters is not None:  # "the movement": a rebel group, or a body the KB does not know
        return earlier.speaker is None or earlier.speaker.inter in inters
    # "the electoral commission" says what body it is: not the "opposition parties" that
    # spoke before, a body only described too, but by other words ("the armed opposition"
    # may still be the SPLM-IO, a body the knowledge base names; "the ministry" any ministry)
    # ("the education ministry" is no police force that spoke before: a state's institution
    # or a category is called by the noun of its kind)
    if earlier.speaker is not None and is_template_actor(earlier.speaker):
        return not own or head in theirs or head in name_words(earlier.speaker.name)
    return not own or earlier.speaker is not None or head in theirs


def acting_actor(adoc: AnnotatedDocument, pointer: Attribution, after: int) -> ActorMention | None:
    """An actor that acts (is the subject of a verb) after ``after`` and before the pointer,
    in its sentence or the one before, when no speaker there can be the one meant.
    "Observatory head NAME could not confirm the toll. He said ..." is NAME (the person
    the actors stage took "he" for), though NAME said nothing quotable; "The ministry
    issued a statement. The statement said ..." is the ministry. "NAME, the police chief,
    was killed. He added ..." is still the last speaker: a victim does not act."""
    if pointer.speaker_start is None:
        return None
    person = pointer.speaker_head in PERSON_PRONOUNS
    if person and (pointer.speaker is None or not pointer.speaker.is_person):
        return None
    sentences = [s.start_char for s in adoc.sentences if s.start_char <= pointer.sent_start]
    floor = max(after, sentences[-2] if len(sentences) > 1 else 0)
    for mention in reversed(adoc.actors):
        if mention.end > pointer.speaker_start or mention.start < floor:
            continue
        if person and mention.actor.id != pointer.speaker.id:
            continue
        if not person and (mention.actor.is_person or mention.actor.id.startswith("country:")):
            continue
        span = adoc.doc.char_span(mention.start, mention.end, alignment_mode="expand")
        if span is not None and span.root.dep_ == "nsubj" and span.root.head.pos_ in ("VERB", "AUX"):
            return mention
    return None


def described_subject(adoc: AnnotatedDocument, pointer: Attribution, after: int) -> Token | None:
    """ "A spokesman for the fighters gave a higher figure. Speaking by telephone, he said ...":
    an unnamed person described by a role, the subject of the main clause of the sentence
    before the pronoun (or of its own sentence, before it), after the last speaker: the one
    "he" stands for ("where three police officers were on duty" tells no one who speaks)."""
    if pointer.speaker_head not in PERSON_PRONOUNS or pointer.speaker_start is None or (
            pointer.speaker is not None and pointer.speaker.is_person):
        return None
    sentences = [s for s in adoc.sentences if s.start_char <= pointer.sent_start]
    floor = max(after, sentences[-2].start_char if len(sentences) > 1 else 0)
    roles = lexicon().person_nouns
    for sentence in reversed(sentences[-2:]):
        for token in sentence:
            if (token.idx >= floor and token.idx < pointer.speaker_start and token.dep_ == "nsubj" and token.pos_ == "NOUN"
                    and token.lemma_.lower() in roles and token.head.pos_ in ("VERB", "AUX") and token.head.dep_ == "ROOT"
                    and not any(c.dep_ == "det" and c.lower_ in DEFINITE for c in token.children)):
                return token
    return None


def referent(adoc: AnnotatedDocument, pointer: Attribution) -> ActorMention | None:
    """ "The terror group claimed ...": with no speaker before it to stand for, the latest
    actor mentioned that the noun can stand for."""
    inters = reference_inters(pointer.speaker_head)
    if inters is None or pointer.speaker_start is None:
        return None
    for mention in reversed(adoc.actors):
        if mention.end <= pointer.speaker_start and pointer.speaker_start - mention.end <= REACH:
            if mention.actor.inter in inters and not mention.actor.is_person and not mention.actor.id.startswith("unidentified:"):
                return mention
    return None


def description_words(adoc: AnnotatedDocument, attribution: Attribution) -> set[str]:
    """The words of a speaker phrase but its determiners and quantifiers."""
    if attribution.speaker_start is None:
        return set()
    phrase = adoc.document.text[attribution.speaker_start : attribution.speaker_end].lower()
    return set(re.findall(r"[a-z]+", phrase)) - QUANTIFIERS


def same_description(adoc: AnnotatedDocument, pointer: Attribution, earlier: Attribution) -> bool:
    """ "the Reuters witness" and "a Reuters witness": the same noun, and the pointer's other
    words all among the earlier phrase's. A bare "the witness" says no more than its noun."""
    if same_role(earlier.speaker_head) != same_role(pointer.speaker_head):
        return False
    own = description_words(adoc, pointer) - {pointer.speaker_head}
    return bool(own) and own <= description_words(adoc, earlier)


def resolve_pointers(adoc: AnnotatedDocument, attributions: list[Attribution]) -> list[Attribution]:
    """Give each pointer the latest compatible speaker before it; a role noun prefers the
    person it was said of ("the general" -> the person introduced as a general)."""
    resolved: list[Attribution] = []
    for attribution in attributions:
        if attribution.speaker_points_back:
            window = [a for a in resolved if attribution.sent_start - a.sent_end <= REACH and a.sent_start < attribution.sent_start]
            candidates = [a for a in reversed(window) if compatible(attribution, a)]
            report = attribution.speaker_head in lexicon().report_nouns and attribution.speaker_name is None
            if report:
                # "said in a statement ... According to the statement": the latest body, or
                # whoever else said something in a statement (a person, an office)
                candidates = [a for a in reversed(window) if a in candidates or issued_in(a, attribution.speaker_head)]
            if attribution.speaker_sort == "body" and not report and attribution.speaker_head not in PRONOUNS:
                # "the ministry" after the health ministry and the army spoke: the body the
                # story named (an actor) with that noun, before any other body that spoke since
                called = [a for a in candidates if a.speaker is not None
                          and attribution.speaker_head in name_words(a.speaker_name) | description_words(adoc, a)]
                candidates = called + [a for a in candidates if a not in called]
            if attribution.speaker_sort == "description":
                said_of = [a for a in candidates if a.speaker_sort == "person" and same_role(attribution.speaker_head) in a.speaker_roles]
                # "A Reuters witness reported ... NAME said ... according to the Reuters
                # witness": a pointer whose words say more than its noun stands, next after
                # the person said to be one, for the speaker described by those words, not
                # for whoever spoke last ("the spokesman" alone may be anyone in that role)
                described = [a for a in candidates if a.speaker_sort == "description" and same_description(adoc, attribution, a)]
                candidates = said_of + described + candidates
            quoted = quoted_by_another(adoc, attribution, candidates)
            if quoted is not None:
                candidates = quoted
            named_here = named_in_sentence(adoc, attribution)
            if named_here is not None and not any(a.sent_start == attribution.sent_start for a in candidates):
                # "The government accuses NAME of ..., a charge he has denied": the person named
                # before the pronoun in its own sentence, not the last who spoke
                candidates = [replace(attribution, speaker_name=named_here.name, speaker_sort="person",
                                      speaker_party=speaker_party(adoc, named_here))]
            elif attribution.speaker_head in PERSON_PRONOUNS or (attribution.speaker_name is None and not candidates):
                acting = acting_actor(adoc, attribution, candidates[0].sent_end if candidates else 0)
                described = None if acting is not None else described_subject(adoc, attribution, candidates[0].sent_end if candidates else 0)
                if acting is not None:
                    name = acting.actor.name if acting.actor.is_person else body_name(adoc, acting, acting.text)
                    candidates = [replace(attribution, speaker=acting.actor, speaker_name=name,
                                          speaker_sort="person" if acting.actor.is_person else "body",
                                          speaker_party=speaker_party(adoc, acting.actor))]
                elif described is not None:
                    candidates = [replace(attribution, speaker=None, speaker_name=description_name(described, described.left_edge.idx),
                                          speaker_sort="description", speaker_roles=(described.lemma_.lower(),),
                                          speaker_party=speaker_party(adoc, None, described))]
            if candidates and attribution.speaker_name and attribution.speaker is not None and candidates[0].speaker is not None and candidates[0].speaker.id == attribution.speaker.id:
                attribution = replace(attribution, speaker_points_back=False)  # the body the actors stage said: its own naming
            elif candidates:
                found = candidates[0]
                attribution = replace(
                    attribution, speaker=found.speaker, speaker_name=found.speaker_name,
                    speaker_sort="body" if report else found.speaker_sort,  # "the statement", then "it"
                    speaker_plural=found.speaker_plural, speaker_roles=found.speaker_roles, speaker_points_back=False,
                    speaker_party=found.speaker_party,
                )
            elif attribution.speaker_name is None and attribution.speaker is not None and attribution.speaker.is_person:
                # no speaker before it: the person the actors stage took the pronoun for
                attribution = replace(attribution, speaker_name=attribution.speaker.name, speaker_points_back=False)
            elif attribution.speaker_sort == "body" and attribution.speaker is None and (found := referent(adoc, attribution)):
                attribution = replace(attribution, speaker=found.actor, speaker_name=body_name(adoc, found, found.text),
                                      speaker_points_back=False, speaker_party=speaker_party(adoc, found.actor))
            elif attribution.speaker_name is not None:
                attribution = replace(attribution, speaker_points_back=False)  # no antecedent: as written
        resolved.append(attribution)
    return named_later(adoc, resolved)


PRONOUNS = PERSON_PRONOUNS | BODY_PRONOUNS | PLURAL_PRONOUNS


def name_words(name: str | None) -> set[str]:
    """The words of a name, lower-case ("Palestinian health ministry" -> palestinian, health, ministry)."""
    return set(re.findall(r"[a-z]+", (name or "").lower()))


def quoted_by_another(adoc: AnnotatedDocument, pointer: Attribution, candidates: list[Attribution]) -> list[Attribution] | None:
    """ "'...,' she quoted him as saying": the one quoted is not the one who quotes (the
    pronoun subject stands for the latest speaker); "him" is the latest other person the
    story named, in this sentence or the one before. None when the pointer is no object of
    a quoting verb."""
    cue = adoc.doc[pointer.cue_i]
    if pointer.speaker_head not in ("him", "her") or cue.lemma_.lower() != "quote":
        return None
    quoter = next((c for c in cue.children if c.dep_ == "nsubj"), None)
    if quoter is None:
        return None
    if quoter.lower_ in PERSON_PRONOUNS:
        quoting = candidates[0].speaker_name if candidates else None
    else:
        quoting = next((m.actor.name for m in adoc.actors if m.start <= quoter.idx < m.end), quoter.text)
    others = [a for a in candidates if a.speaker_name != quoting]
    sentences = [s.start_char for s in adoc.sentences if s.start_char <= pointer.sent_start]
    floor = sentences[-2] if len(sentences) > 1 else 0
    people = [m for m in adoc.actors if m.actor.is_person and floor <= m.start and m.end <= quoter.idx
              and m.actor.name != quoting and m.text.lower() not in PERSON_PRONOUNS]
    if people and (not others or others[0].sent_start < floor):
        found = people[-1].actor
        return [replace(pointer, speaker=found, speaker_name=found.name, speaker_sort="person",
                        speaker_party=speaker_party(adoc, found))]
    return others


def named_in_sentence(adoc: AnnotatedDocument, pointer: Attribution) -> Actor | None:
    """The person "he" or "she" stands for (as the actors stage read it) when the pronoun
    speaks in a relative clause ("a charge he has denied") and its own sentence names that
    person before it. (A pronoun that tells the sentence's own report, "..., he said", is
    the last speaker, whoever was named in what was reported.)"""
    own = pointer.speaker
    if pointer.speaker_head not in PERSON_PRONOUNS or own is None or not own.is_person or pointer.speaker_start is None:
        return None
    if adoc.doc[pointer.cue_i].dep_ != "relcl":
        return None
    for mention in adoc.actors:
        if mention.actor.id == own.id and pointer.sent_start <= mention.start and mention.end <= pointer.speaker_start \
                and mention.text.lower() not in PERSON_PRONOUNS:
            return own
    return None


def issued_in(attribution: Attribution, noun: str) -> bool:
    """Whether a named speaker spoke through the channel a report noun names ("said in a
    statement" for "the statement")."""
    if attribution.speaker_sort is None or attribution.speaker_name is None or attribution.speaker_points_back:
        return False
    words = dict(lexicon().channels).get(attribution.channel or "", ())
    return attribution.channel == noun or noun in words


def named_later(adoc: AnnotatedDocument, attributions: list[Attribution]) -> list[Attribution]:
    """ "A spokesman for the army confirmed the fighting. ... said Colonel NAME, spokesman for
    the army": an unnamed speaker described by a role is the one person the story names in
    that role, even when it names them only later."""
    out = []
    for attribution in attributions:
        phrase = adoc.document.text[attribution.speaker_start : attribution.speaker_end].lower() if attribution.speaker_start is not None else ""
        another = re.search(r"\b(another|other|second|third|one of)\b", phrase) is not None  # "another commander": someone else
        if attribution.speaker_sort == "description" and not attribution.speaker_plural and attribution.speaker_head and not another:
            role = same_role(attribution.speaker_head)
            people = {a.speaker_name: a for a in attributions if a.speaker_sort == "person" and role in a.speaker_roles and a.speaker_name}
            if len(people) > 1:
                # "Kosovo's prime minister" of a prime minister and an interior minister: the
                # one whose own title holds the description's other words
                wanted = role_words(adoc, attribution)
                qualified = {a.speaker_name: people[a.speaker_name] for a in attributions
                             if a.speaker_name in people and a.speaker_sort == "person" and wanted <= description_words(adoc, a)}
                people = qualified if len(qualified) == 1 else people
            if not people and (named := named_next(adoc, attributions, attribution)) is not None:
                people = {named.speaker_name: named}
            if len(people) == 1:
                found = next(iter(people.values()))
                own = attribution.speaker
                if own is None or found.speaker is None or own.id in (found.speaker.id, found.speaker.affiliation) or own.name == found.speaker.affiliation or not found.speaker.affiliation:
                    attribution = replace(attribution, speaker=found.speaker, speaker_name=found.speaker_name, speaker_sort="person",
                                          speaker_roles=found.speaker_roles, speaker_points_back=False,
                                          speaker_party=found.speaker_party or attribution.speaker_party)
        elif attribution.speaker is None and attribution.speaker_sort in ("body", "description") and attribution.speaker_name:
            attribution = named_body(attributions, attribution) if not short_name(adoc, attribution) else \
                called_short(attributions, attribution)
        if attribution.speaker_sort == "body" and attribution.speaker_name and ABBREVIATION.fullmatch(attribution.speaker_name):
            attribution = spelt_out(attributions, attribution)
        out.append(attribution)
    return out


def role_words(adoc: AnnotatedDocument, attribution: Attribution) -> set[str]:
    """The words of a description that say what role it is, not whose: "prime minister" of
    "Kosovo's prime minister"."""
    kb = load_kb()
    return {w for w in description_words(adoc, attribution) if kb.country_code(w.capitalize()) is None and w != "s"}


def named_next(adoc: AnnotatedDocument, attributions: list[Attribution], attribution: Attribution) -> Attribution | None:
    """ "The UN envoy for Colombia called for ... ¶ NAME told the Security Council ...": a
    speaker described by a role, then, in the very next sentence, a person the story names
    with no role of their own and says nothing else of: the name is the one the
    description was of (the story's way of introducing them)."""
    text = adoc.document.text
    phrase = text[attribution.speaker_start : attribution.speaker_end] if attribution.speaker_start is not None else ""
    if not re.match(r"(?i)(the|he|she)\b", phrase):
        return None  # "a police official" introduces someone the story may never name ("he": the one described before)
    sentences = [s for s in adoc.sentences if s.text.strip()]
    at = next((i for i, s in enumerate(sentences) if s.start_char <= attribution.sent_start < s.end_char), None)
    if at is None or at + 1 >= len(sentences):
        return None
    following = sentences[at + 1]
    for other in attributions:
        if other.speaker_sort != "person" or other.speaker_roles or not other.speaker_name or other.speaker_start is None:
            continue
        if other.speaker is None or other.speaker.affiliation:
            continue
        # the name in that sentence, or in the tag of a quotation that opens there
        told_there = following.start_char <= other.speaker_start < following.end_char or (
            other.quote_start is not None and following.start_char <= other.quote_start + 1 < following.end_char)
        if told_there and not re.match(r"\s*,", text[other.speaker_end or 0 :]):
            return other  # ("NAME, a trader, said": someone introduced by their own apposition)
    return None


ABBREVIATION = re.compile(r"[A-Z]{2,6}")


def spelt_out(attributions: list[Attribution], attribution: Attribution) -> Attribution:
    """ "the NSC said" in a story that names the National Security Council as a speaker: the
    body by its full name, as the story first gives it."""
    for other in attributions:
        name = other.speaker_name or ""
        initials = "".join(w[0] for w in re.findall(r"[A-Za-z][\w'’-]*", name) if w[0].isupper())
        if other.speaker_sort == "body" and name != attribution.speaker_name and initials == attribution.speaker_name:
            return replace(attribution, speaker=other.speaker or attribution.speaker, speaker_name=name,
                           speaker_party=other.speaker_party or attribution.speaker_party)
    return attribution


def short_name(adoc: AnnotatedDocument, attribution: Attribution) -> bool:
    """ "The Guards said": a definite capitalised word, the way a story calls a body it has
    named in full."""
    if attribution.speaker_start is None:
        return False
    phrase = adoc.document.text[attribution.speaker_start : attribution.speaker_end]
    return re.fullmatch(r"(?i:the)\s+[A-Z][a-z]+", phrase.strip()) is not None


def singular(word: str) -> str:
    return word[:-1] if word.endswith("s") and len(word) > 3 else word


def called_short(attributions: list[Attribution], attribution: Attribution) -> Attribution:
    """ "The Islamic Revolutionary Guard Corps said ... The Guards blamed ...": a body called
    by one word of the name of one body that spoke before is that body."""
    word = singular(attribution.speaker_name.lower())
    found = {a.speaker_name: a for a in attributions
             if a.sent_start < attribution.sent_start and a.speaker_sort == "body" and a.speaker_name
             and a.speaker_name != attribution.speaker_name
             and word in {singular(w) for w in re.findall(r"[a-z]+", a.speaker_name.lower())}}
    if len(found) != 1:
        return attribution
    named = next(iter(found.values()))
    return replace(attribution, speaker=named.speaker, speaker_name=named.speaker_name, speaker_sort="body",
                   speaker_party=named.speaker_party, speaker_points_back=False)


def named_body(attributions: list[Attribution], attribution: Attribution) -> Attribution:
    """ "a doctors committee said" and, elsewhere, "the Central Committee of Sudanese Doctors
    said": an unnamed body described by two words or more that the story's one named body
    carries in its name is that body."""
    words = set(re.findall(r"[a-z]+", attribution.speaker_name.lower())) - QUANTIFIERS
    if len(words) < 2:
        return attribution
    found = {a.speaker_name: a for a in attributions
             if a.speaker_sort == "body" and a.speaker_name and a.speaker_name != attribution.speaker_name
             and words < set(re.findall(r"[a-z]+", a.speaker_name.lower()))}
    if len(found) != 1:
        return attribution
    named = next(iter(found.values()))
    return replace(attribution, speaker=named.speaker, speaker_name=named.speaker_name, speaker_sort="body",
                   speaker_party=named.speaker_party, speaker_points_back=False)
