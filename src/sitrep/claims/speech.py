"""Finding reported speech: who said, tweeted, denied or is cited "according to".

One ``Attribution`` per speaker and speech act in a sentence. A speech verb nested in
what someone else is reported to have said ("according to X, ... the group has called
for ...") is part of that report: it sets its kind, not a second speaker. Verbs and
cues are data (``data/claims/speech.toml``).
"""

from __future__ import annotations

import re
from dataclasses import replace

from spacy.tokens import Span, Token

from sitrep.claims.lexicon import KIND_RANK, content_kind, lexicon
from sitrep.claims.speakers import clean_words, read_speaker, state_named, report_source, resolve_pointers, speaker_party
from sitrep.models import AnnotatedDocument, Attribution
from sitrep.text.spans import Quotation, coordinated, entities_within, find_quotations, in_quotation, subtree_span

#: What a speaker's conjuncts are: "the army, police and the rebels", "he and his deputy".
NOMINAL = frozenset({"NOUN", "PROPN", "PRON"})

SUBJECTS = {"nsubj", "nsubjpass"}
FIRST_AND_SECOND_PERSON = {"i", "we", "you", "me", "us"}


def cue_kind(token: Token) -> str | None:
    """The kind a token signals as a speech cue, or None when it is none."""
    lex = lexicon()
    if token.pos_ not in ("VERB", "AUX"):
        return None
    if token.dep_ in ("amod", "compound", "acl", "relcl", "pcomp") and not of_a_report(token) and own_doer(token) is None:
        return None  # "Iraqis demanding jobs": a participle describing people, not a speech act
    lemma = token.lemma_.lower()
    children = list(token.children)
    if token.tag_ == "VBN" and any(c.dep_ in ("auxpass", "nsubjpass") for c in children) and not any(c.dep_ == "agent" for c in children) and lemma != "quote":
        return None  # "rockets believed to have been fired": a passive with no agent names no speaker
    if token.tag_ == "VBN" and token.dep_ == "advcl" and not any(c.dep_ in ("nsubj", "nsubjpass", "agent") for c in children):
        return None  # "When asked for comment, the spokesman said": a question put to the speaker
    if lemma in lex.clause_verbs and not any(c.dep_ == "ccomp" for c in children):
        return None  # "police believe the bombs were theirs" reports; "rockets believed to be" hedges
    nxt = token.nbor(1).lower_ if token.i + 1 < len(token.doc) else ""
    phrase = f"{token.lower_} {nxt}"
    if phrase in lex.phrases:
        return lex.phrases[phrase]
    if lemma in lex.light_verbs:
        # "made the denial", "issued a warning", "expressed hope": the noun names the act
        for child in token.children:
            if child.dep_ == "dobj" and child.lemma_.lower() in lex.speech_nouns:
                return lex.speech_nouns[child.lemma_.lower()]
    if gives_a_figure(token):
        return "statement"
    named = naming_kind(token)
    if named is not None:
        return named
    if lemma == "blame" and blamed_on_no_one(token):
        return "statement"  # "blamed the attacks on the security vacuum": an explanation, no one accused
    if lemma in lex.refusal_verbs and any(c.dep_ == "xcomp" and c.lemma_.lower() in lex.accepting_verbs for c in children):
        return "denial"  # "police refused to accept it"
    return lex.verbs.get(lemma)


def blamed_on_no_one(verb: Token) -> bool:
    """ "blamed the attacks on the security vacuum between Erbil and Baghdad": what the act
    is blamed on is no party (the noun and its modifiers hold no name, and no noun for
    people, forces or armed men)."""
    lex = lexicon()
    parties = lex.person_nouns | lex.body_nouns | lex.irregular_nouns | lex.state_force_nouns | lex.speaking_nouns
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    for prep in [*verb.children, *(g for o in objects for g in o.children)]:  # "on" hung on the verb or its object
        if prep.dep_ == "prep" and prep.lower_ == "on":
            for noun in prep.children:
                if noun.dep_ != "pobj":
                    continue
                words = list(noun.doc[noun.left_edge.i : noun.i + 1])  # the noun and its modifiers, not its "of"/"between" phrase
                named = any(t.pos_ in ("PROPN", "PRON") or t.ent_type_ in ("NORP", "GPE", "ORG", "PERSON") for t in words)
                if not named and not any(t.lemma_.lower() in parties or t.lower_ in parties for t in words):
                    return True
    return False


def naming_kind(verb: Token) -> str | None:
    """ "Moscow called the reports fake", "described the raid as a massacre": a verb that
    names what something is, with a complement that denies or accuses, is that act."""
    lex = lexicon()
    if verb.lemma_.lower() not in lex.naming_verbs:
        return None
    for child in verb.children:
        if child.dep_ in ("oprd", "acomp", "xcomp") or (child.dep_ == "prep" and child.lower_ == "as"):
            kind = content_kind(" ".join(t.text for t in child.subtree))
            if kind in ("denial", "accusation"):
                return kind
            words = {t.lower_ for t in child.subtree} - {t.lower_ for t in child.subtree if negated_label(t)}
            if words & lex.denying_labels:
                return "denial"
            if words & lex.accusing_labels:
                return "accusation"
    return None


def negated_label(token: Token) -> bool:
    """ "described it as no crime", "called the strike not a violation": a label said not to fit."""
    return any(c.dep_ == "neg" or c.lower_ == "no" for c in token.children)


def speech_word(token: Token) -> bool:
    """Whether a verb is one of speech, alone or with the word after it ("calls for")."""
    lex = lexicon()
    nxt = token.nbor(1).lower_ if token.i + 1 < len(token.doc) else ""
    return token.lemma_.lower() in lex.verbs or f"{token.lower_} {nxt}" in lex.phrases


def gives_a_figure(verb: Token) -> bool:
    """ "the rebels put the number at 15", "gave the death toll as 19": a figure given for a
    toll is told by whoever gives it."""
    lex = lexicon()
    if verb.lemma_.lower() not in lex.figure_verbs:
        return False
    for noun in verb.children:
        if noun.dep_ != "dobj" or noun.lemma_.lower() not in lex.figure_nouns:
            continue
        for holder in (noun, verb):
            if any(c.dep_ == "prep" and c.lower_ in lex.figure_prepositions and any(g.dep_ == "pobj" and g.pos_ == "NUM" for g in c.children)
                   for c in holder.children):
                return True
    return False


def of_a_report(token: Token) -> bool:
    """ "issued a statement saying its forces would abide by the deal": a participle that
    tells what a statement or report says is its issuer's speech."""
    report = token.head
    if token.dep_ != "acl" or token.tag_ != "VBG" or report.lemma_.lower() not in lexicon().report_nouns:
        return False
    return report.dep_ != "pobj"  # "said in a statement announcing ...": the channel of one act, not a second


def is_negated(token: Token) -> bool:
    return any(child.dep_ == "neg" for child in token.children)


def quoted_one(verb: Token) -> Token | None:
    """ "Xinhua quoted the rebels as saying", "a witness was quoted by Amnesty as saying": the
    one quoted speaks, not who quotes."""
    if verb.lemma_.lower() != "quote":
        return None
    near = list(verb.children) + [g for c in verb.children if c.dep_ in ("dobj", "nsubjpass") for g in c.children]
    if not any(c.lower_ == "as" or c.lemma_.lower() == "say" for c in near):
        return None  # "as saying", or "quoted him saying"
    for dep in ("nsubjpass", "dobj"):
        for child in verb.children:
            if child.dep_ == dep:
                return child
    for child in verb.children:  # "quoted him saying": him, the subject of the saying
        if child.lemma_.lower() == "say":
            subject = next((g for g in child.children if g.dep_ == "nsubj"), None)
            if subject is not None:
                return subject
    return None


def subject_of(verb: Token) -> Token | None:
    """The speaker: the verb's subject, the agent of a passive, or a governing verb's subject."""
    quoted = quoted_one(verb)
    if quoted is not None:
        return quoted
    if of_a_report(verb):
        return verb.head  # the statement, which speaks for whoever issued it
    agent = by_agent(verb)
    if agent is not None and not any(c.dep_ in ("aux", "dobj") for c in verb.children):
        # "results announced on Monday by the commission gave ...": a "by" agent makes a
        # verb with no auxiliary and no object a passive participle, whatever the parse took
        # for its subject (the thing announced); the agent speaks ("have rejected calls by
        # the UN" is the subject's act)
        return agent
    for child in verb.children:
        if child.dep_ == "nsubj":
            return named_subject(child)
    if agent is not None:  # "it has been reported by the agency"
        return agent
    coordinated_cue = coordinated_with(verb)
    if coordinated_cue is not None:
        return subject_of(coordinated_cue)
    inverted = subject_after(verb)
    if inverted is not None:
        return inverted
    before = speaker_before(verb)
    if before is not None:
        return before
    joined = subject_after_conjunction(verb)
    if joined is not None:
        return joined
    joined = any(c.dep_ == "cc" and verb.head.i < c.i < verb.i for c in verb.head.children)
    if verb.dep_ == "conj" and joined and verb.head.i < verb.i and not any(c.dep_ == "nsubj" for c in verb.head.children):
        shared = next((c for c in verb.head.children if c.dep_ == "nsubjpass"), None)
        if shared is not None:
            return shared  # "The group, founded by ..., has been based in X and pledged ...": the subject both verbs share
    if verb.dep_ in ("advcl", "conj", "xcomp") and verb.head.i != verb.i:
        return subject_of(verb.head)
    # a misparse that left the verb without a subject: the last person named before it
    sentence = verb.sent
    people = [e for e in entities_within(verb.doc, sentence.start_char, sentence.end_char) if e.label_ == "PERSON" and e.end <= verb.i and not preceded_by_place_word(e)]
    if people:
        return people[-1].root
    return None


def by_agent(verb: Token) -> Token | None:
    """Whom a "by" phrase of a verb names as its doer ("announced by the commission")."""
    for child in verb.children:
        if child.dep_ == "agent":
            for grandchild in child.children:
                if grandchild.dep_ == "pobj":
                    return grandchild
    return None


def named_subject(subject: Token) -> Token:
    """ "Syria's state news agency SANA accused ...": a description the parse left as one
    subject and the proper name right after it as another is one phrase; the name is the
    speaker (its side the description's owner)."""
    for other in subject.head.children:
        if other.dep_ == "nsubj" and other.i > subject.i and other.left_edge.i == subject.i + 1 and other.pos_ == "PROPN" \
                and subject.pos_ == "NOUN":
            return other
    return subject


FINITE = {"VBD", "VBZ", "VBP"}


def coordinated_with(verb: Token) -> Token | None:
    """ "The party said police were to blame for the deaths and called for an inquiry": a
    finite verb with no subject that the parse joined to a bare infinitive ("to blame") can
    not share that verb's form ("had surrounded ... and demanded" may share "had"), so it is coordinated higher, with the speech verb of the
    same form that governs them (and keeps that verb's subject, not the reported clause's).
    None when the verb is not so joined."""
    if verb.dep_ != "conj" or verb.tag_ not in FINITE or verb.head.tag_ != "VB" or verb.head.pos_ not in ("VERB", "AUX"):
        return None
    if any(c.dep_ in SUBJECTS for c in verb.children):
        return None
    current = verb.head
    while current.head.i != current.i:
        current = current.head
        if current.tag_ == verb.tag_ and current.pos_ == "VERB" and cue_kind(current) is not None:
            return current
    return None


def subject_after(verb: Token) -> Token | None:
    """ "..., said members of the commission implementing the deal": a tag after a comma
    whose speaker is followed by a participle that the parser took for the verb's clause,
    with the speaker as its subject. The participle's subject, right after the verb, speaks."""
    if verb.i == verb.sent.start or verb.doc[verb.i - 1].text not in (",", "”", '"'):
        return None
    for clause in verb.children:
        if clause.dep_ != "ccomp" or clause.tag_ not in ("VBG", "VBN") or any(c.dep_ in ("aux", "auxpass") for c in clause.children):
            continue
        subject = next((c for c in clause.children if c.dep_ == "nsubj"), None)
        if subject is not None and subject.left_edge.i == verb.i + 1 and subject.pos_ in ("NOUN", "PROPN"):
            return subject
    return None


def nobody(speaker: Token) -> bool:
    """ "No group has claimed responsibility", "nobody has claimed the attack": a speaker
    quantified by "no" is no one, and says nothing; nor is "neither X nor Y"."""
    if speaker.doc[speaker.left_edge.i].lower_ == "neither":
        return True
    return speaker.lower_ in ("nobody", "none", "no-one") or any(c.dep_ == "det" and c.lower_ == "no" for c in speaker.children)


def speaker_before(verb: Token) -> Token | None:
    """ "..., an officer from Kirkuk police told Rudaw", "“...,” an eyewitness told Xinhua":
    a verb the parser left without a subject, right after a comma or a closing quote, has
    its speaker in the words between: the noun they hang on (no verb among them)."""
    sentence = verb.sent
    window: list[Token] = []
    for token in reversed(sentence[: verb.i - sentence.start]):
        if token.text in (",", "”", '"', "’", ";", ":"):
            break
        if token.pos_ in ("VERB", "AUX"):
            return None
        window.insert(0, token)
    else:
        return None  # no comma or quote before: the subject is a clause's, not a tag's
    if not window and verb.i > sentence.start and verb.nbor(-1).text == ",":
        described = described_before(verb.nbor(-1))
        if described is not None:
            return described  # "..., the mission, known as UNMISS, said": the noun the aside tells of
    inside = {t.i for t in window}
    roots = [t for t in window if t.head.i not in inside and t.pos_ in ("NOUN", "PROPN", "PRON")]
    return roots[-1] if roots else None


def described_before(comma: Token) -> Token | None:
    """The noun an aside set off by commas tells of, when the aside ends at ``comma``
    ("the mission, known as UNMISS,"): the aside hangs on a noun right before its opening
    comma, and that noun's own words, back to the comma before them, hold no verb."""
    sentence = comma.sent
    aside: list[Token] = []
    for token in reversed(sentence[: comma.i - sentence.start]):
        if token.text == ",":
            break
        aside.insert(0, token)
    else:
        return None
    if not aside or aside[0].i < 2:
        return None
    inside = {t.i for t in aside}
    roots = [t for t in aside if t.head.i not in inside]
    opening = aside[0].nbor(-1)
    noun = opening.nbor(-1)
    if len(roots) != 1 or roots[0].dep_ not in ("acl", "appos", "relcl") or roots[0].head.i != noun.i:
        return None
    if noun.pos_ not in ("NOUN", "PROPN"):
        return None
    for token in reversed(sentence[: noun.i - sentence.start]):
        if token.text in (",", ";", ":"):
            return noun
        if token.pos_ in ("VERB", "AUX"):
            return None
    return None


def subject_after_conjunction(verb: Token) -> Token | None:
    """ "The group is not a party to it and both Moscow and Ankara say ...": a verb the parse
    joined to the clause before, with no subject, after "and" and a noun phrase that the
    parse hung on that clause: the noun phrase right before the verb is its subject."""
    if verb.dep_ != "conj":
        return None
    sentence = verb.sent
    window: list[Token] = []
    for token in reversed(sentence[: verb.i - sentence.start]):
        if token.pos_ not in ("PROPN", "NOUN", "DET", "CCONJ", "ADJ", "NUM") or token.is_space:
            break
        window.insert(0, token)
    while window and window[0].pos_ == "CCONJ" and len(window) > 1 and window[1].pos_ == "CCONJ":
        window.pop(0)
    if len(window) < 2 or window[0].pos_ != "CCONJ" or window[0].i == sentence.start:
        return None  # the noun phrase must open after the conjunction that joins the clauses
    nouns = [t for t in window[1:] if t.pos_ in ("PROPN", "NOUN")]
    return nouns[0] if nouns and all(t.pos_ != "CCONJ" or t.lower_ in ("and", "nor", "or") for t in window) else None


def preceded_by_place_word(entity: Span) -> bool:
    """ "a resident of Abe Dongoro": a name after "of"/"in"/"from" is a place more often than a speaker."""
    return entity.start > 0 and entity.doc[entity.start - 1].lower_ in ("of", "in", "from", "at", "near")


def noun_phrase(head: Token) -> tuple[int, int]:
    """The span of a speaker phrase: the head with modifiers, without clauses after commas."""
    cut = [c for c in head.children if c.dep_ in ("relcl", "acl", "appos", "punct", "cc", "conj") and c.i > head.i]
    start, end = subtree_span(head, exclude=cut)
    described = next((c for c in head.head.children if c.dep_ == "nsubj" and c.i < head.i and named_subject(c).i == head.i), None)
    if head.dep_ == "nsubj" and described is not None:
        start = subtree_span(described)[0]  # "Syria's state news agency SANA": the description is the name's
    # keep "police, medics and protesters" together: a conjunction of speakers is one source
    conjuncts = [c for c in head.children if c.dep_ == "conj"]
    if conjuncts:
        end = max(end, subtree_span(conjuncts[-1])[1])
    return start, end


def channel_of(verb: Token, sentence: Span) -> str | None:
    """How it was said: "in a tweet", "tweeted", "told TOLOnews", "in a statement"."""
    lemma = verb.lemma_.lower()
    if lemma == "tweet":
        return "tweet"
    window = sentence.doc[verb.i : min(sentence.end, verb.i + 12)].text.lower()
    for name, words in lexicon().channels:
        if any(re.search(rf"\b(in|via|through|on|during) (a |an |the |his |her |their |its )?[\w ]{{0,20}}{re.escape(w)}", window) for w in words):
            return name
    if lemma == "tell":
        for child in verb.children:
            if child.dep_ in ("dobj", "dative") and child.pos_ == "PROPN":
                start, end = subtree_span(child)
                return sentence.text[start - sentence.start_char : end - sentence.start_char]
    return None


def content_span(verb: Token, sentence: Span, speaker: Token | None) -> tuple[int, int]:
    complements = [c for c in verb.children if c.dep_ in ("ccomp", "xcomp", "dobj", "advcl", "conj", "prep", "npadvmod")]
    if verb.dep_ == "parataxis" and verb.head.i < verb.i:
        # "Troops shot three people, a doctors committee said, as crowds demanded ...": a tag
        # set after the clause it reports; the clause a conjunction opens after it is the
        # writer's narration, not what was said
        complements = [c for c in complements if not (c.dep_ == "advcl" and c.i > verb.i and any(m.dep_ == "mark" for m in c.children))]
        if not complements:
            tag = speaker.left_edge if speaker is not None and speaker.i < verb.i else verb
            return sentence.start_char, tag.idx
    if not complements:
        return sentence.start_char, sentence.end_char
    # what is reported may stand before the verb ("“...,” he said") or after it
    starts, ends = zip(*(subtree_span(c) for c in complements))
    start, end = min(starts), max(ends)
    if speaker is not None and speaker.idx < verb.idx and start > verb.idx:
        return start, end
    return min(start, sentence.start_char if verb.i > sentence.start + 2 else start), end


def tag_of_unclosed(text: str, quotation: Quotation, cue: Token) -> bool:
    """ "“This happened after the truce, said Col. X in the statement." The writer forgot
    to close the quote: a speech verb right after a comma inside a quotation that never
    closes is the attribution, not quoted words."""
    closed = text[quotation.end - 1 : quotation.end] in "”»\"’"
    # "“This happened after the truce, said Col. X in the statement. “The fight goes on.”":
    # a quotation that opens again after the verb was two, the first never closed
    reopened = "“" in text[cue.idx : quotation.end]
    return (not closed or reopened) and cue.i > 0 and cue.nbor(-1).text == ","


def quotations_in(quotations: list[Quotation], sentence: Span) -> list[Quotation]:
    """The quotations this sentence reports: those that end in it or start in it."""
    return [
        q for q in quotations
        if sentence.start_char <= q.end <= sentence.end_char + 1 or sentence.start_char <= q.start < sentence.end_char
    ]


def according_to(adoc: AnnotatedDocument, sentence: Span) -> list[tuple[Token, Token]]:
    """(cue token "according", source head) pairs in a sentence. Only someone can be a
    source: "according to the ministry", "to him", "to a report"; "according to routine
    procedure" or "according to the agreement" says how, not who."""
    pairs = []
    for token in sentence:
        if token.lower_ == "according" and token.i + 1 < sentence.end and token.nbor(1).lower_ == "to":
            to = token.nbor(1)
            objects = [c for c in to.children if c.dep_ == "pobj"]
            if objects and can_speak(adoc, objects[0]):
                pairs.append((token, objects[0]))
    return pairs


def can_speak(adoc: AnnotatedDocument, head: Token) -> bool:
    """Whether a noun phrase can name a speaker: a pronoun, a name, an actor, or a noun for
    people, bodies or reports."""
    lex = lexicon()
    if head.pos_ in ("PRON", "PROPN") or head.ent_type_ in ("PERSON", "ORG", "NORP", "GPE"):
        return True
    if any(m.start <= head.idx < m.end for m in adoc.actors):
        return True
    lemma = head.lemma_.lower()
    if head.lower_ in ("one", "some", "many", "most", "each") and any(c.lower_ == "of" for c in head.children):
        return True  # "one of these sources"
    return bool({lemma, head.lower_} & (lex.person_nouns | lex.body_nouns | lex.report_nouns | lex.speaking_nouns))


#: Subordinators that set one clause against another or beside it: "..., while the rebels
#: said ...", "... even as the government denied it".
CONTRASTING = {"while", "whereas", "whilst", "even as"}


def marker(mark: Token) -> str:
    """A subordinator with the word that qualifies it: "as", "even as"."""
    before = mark.nbor(-1) if mark.i > 0 else None
    return f"{before.lower_} {mark.lower_}" if before is not None and before.lower_ == "even" else mark.lower_


def own_doer(cue: Token) -> Token | None:
    """The named doer of a speech act told inside another's words or a noun phrase: "the
    commanders the Taliban were demanding" (a clause with a subject of its own), "a claim
    rejected by officials" (a passive with its agent). None for a participle with no doer of
    its own ("Iraqis demanding jobs") or a pronoun."""
    if cue.dep_ == "relcl":
        subject = next((c for c in cue.children if c.dep_ == "nsubj"), None)
        if subject is not None and subject.pos_ in ("NOUN", "PROPN") and subject.lower_ not in ("who", "that", "which"):
            return subject
        if subject is not None and subject.lower_ in ("he", "she", "they", "it") and names_speech(cue.head):
            return subject  # "a charge he has denied": the act named, then answered by its doer
    if cue.dep_ in ("pcomp", "advcl") and cue.head.lower_ == "with" and cue.tag_ == "VBG":
        # "..., with Kiev accusing Russia of intervening", "with the ministry saying": a clause
        # with a speaker of its own ("with thousands of Iraqis demanding jobs" tells a crowd)
        subject = next((c for c in cue.children if c.dep_ == "nsubj"), None)
        lex = lexicon()
        if subject is not None and (subject.pos_ == "PROPN" or subject.lemma_.lower() in lex.person_nouns | lex.body_nouns):
            return subject
    if cue.dep_ == "advcl" and any(c.dep_ == "mark" and marker(c) in CONTRASTING for c in cue.children):
        # "the general said seven died, while the militants put the number at 15": set against
        # the report, not part of it
        subject = next((c for c in cue.children if c.dep_ == "nsubj"), None)
        if subject is not None and subject.pos_ in ("NOUN", "PROPN"):
            return subject
    if cue.dep_ in ("acl", "relcl") and cue.tag_ == "VBN":
        if cue.dep_ == "relcl" and not names_speech(done_to(cue)):
            return None  # "Bozize, whose candidacy was rejected by the court": done to a thing, not to words
        agent = next((c for c in cue.children if c.dep_ == "agent"), None)
        doer = next((g for g in agent.children if g.dep_ == "pobj"), None) if agent is not None else None
        if doer is not None and not any(d.lower_ in ("any", "no") for d in doer.children):
            return doer  # "responsibility claimed by any party" names no one
    return None


def done_to(clause: Token) -> Token:
    """What a passive relative clause tells done: its subject, or for "which"/"that" the
    noun the clause hangs on."""
    subject = next((c for c in clause.children if c.dep_ == "nsubjpass"), None)
    if subject is None or subject.lower_ in ("which", "that", "who"):
        return clause.head
    return subject


def names_speech(noun: Token) -> bool:
    """Whether a noun names something said: a claim, a report, a call, a denial."""
    lex = lexicon()
    lemma = noun.lemma_.lower()
    return lemma in lex.denied_acts or lemma in lex.speech_nouns or lemma in lex.report_nouns


def others_act(cue: Token, speaker: Token) -> bool:
    """ "the sources said the tribes accused each other": a speech act told inside a report
    with a doer of its own (a noun other than the speaker, or a reciprocal object) is that
    doer's, and does not make the report an accusation."""
    if any(c.lower_ in ("each", "one") and any(g.lower_ in ("other", "another") for g in c.children) or c.lower_ == "other" for c in cue.subtree if c.head.i == cue.i or c.head.head.i == cue.i):
        return True
    if cue.dep_ == "relcl":
        return True  # "the resolutions of the Council, which calls for talks": the Council's act
    own = next((c for c in cue.children if c.dep_ == "nsubj"), None)
    return own is not None and own.pos_ in ("NOUN", "PROPN") and own.i != speaker.i


def nested_in_other_cue(token: Token, cue_indices: set[int]) -> bool:
    """Whether the token stands in what another cue reports (not merely beside it).

    "said ..., adding that" and "accusing ..., he warned" are one act; "accused ... and
    threatened" (coordinated verbs) are two.
    """
    current = token
    while current.head.i != current.i:
        if current.head.i in cue_indices and current.head.i != token.i:
            return current.dep_ != "conj"
        current = current.head
    return False


def find_attributions(adoc: AnnotatedDocument) -> list[Attribution]:
    """Every attributed speech act, in text order."""
    quotations = find_quotations(adoc.document.text)
    found: list[Attribution] = []
    pairs: list[list[Token]] = []  # the parties of each reciprocal act told so far
    for sentence in adoc.sentences:
        found.extend(sentence_attributions(adoc, sentence, quotations, pairs))
    return resolve_pointers(adoc, found)


def is_reciprocal(cue: Token) -> bool:
    """ "accused each other", "blame one another": the act is done by each party to the other."""
    objects = [c for c in cue.children if c.dep_ == "dobj"]
    objects += [g for c in cue.children if c.dep_ == "prep" for g in c.children if g.dep_ == "pobj"]
    for noun in objects:
        if noun.lower_ in ("other", "another") and any(d.lower_ in ("each", "one") for d in noun.children):
            return True
        if noun.lower_ in ("each", "one") and any(d.lower_ in ("other", "another") for d in noun.children):
            return True
        # "the coalition and the movement each accused the other": "each" set by the subject
        if noun.lower_ in ("other", "another") and any(
                g.lower_ == "each" for c in cue.children if c.dep_ == "nsubj" for g in c.children):
            return True
    return False


def separate_speakers(speaker: Token) -> list[Token]:
    """ "A police source and a regional official confirmed the attack": each conjunct a
    single speaker introduced by a determiner of its own is a speaker of its own, who
    performs the act; "police, medics and protesters said" is one source. Empty when the
    subject is not so coordinated."""
    conjuncts = coordinated(speaker, NOMINAL)
    if len(conjuncts) < 2:
        return []
    for conjunct in conjuncts:
        if conjunct.tag_ not in ("NN", "NNP") or not any(c.dep_ == "det" and c.lower_ in ("a", "an", "another") for c in conjunct.children):
            return []
    return conjuncts


def separate_states(adoc: AnnotatedDocument, speaker: Token) -> list[Token]:
    """ "Both Moscow and Ankara say ...": countries or capitals joined as one subject are
    governments, each of which speaks for itself. Empty unless every conjunct is one."""
    conjuncts = coordinated(speaker, NOMINAL)
    if len(conjuncts) < 2:
        return []
    countries = set()
    for conjunct in conjuncts:
        mention = next((m for m in adoc.actors if m.start <= conjunct.idx < m.end), None)
        if mention is None and conjunct.pos_ == "PROPN" and (state := state_named(conjunct.text)) is not None:
            countries.add(state.id)  # a capital the actors stage passed over
            continue
        if conjunct.pos_ != "PROPN" or mention is None or not mention.actor.id.startswith("country:") \
                or clean_words(mention.text) != conjunct.text:
            return []
        countries.add(mention.actor.id)
    return conjuncts if len(countries) == len(conjuncts) else []


def separate_kinds(adoc: AnnotatedDocument, speaker: Token) -> list[Token]:
    """ "residents and the UN mission said": people the words only describe and a body the
    story names are two sources, each of which speaks (a named body is no crowd of
    witnesses). Empty unless the subject is two such conjuncts."""
    from sitrep.claims.speakers import is_template_actor

    conjuncts = coordinated(speaker, NOMINAL)
    if len(conjuncts) != 2:
        return []
    lex = lexicon()
    named = described = None
    for conjunct in conjuncts:
        first, last = own_phrase(conjunct)
        mention = next((m for m in adoc.actors if first <= m.start and m.end <= last), None)
        if mention is not None and not mention.actor.is_person and not mention.actor.id.startswith(("country:", "unidentified:")) \
                and not is_template_actor(mention.actor):
            named = conjunct
        elif mention is None and conjunct.tag_ == "NNS" and (conjunct.lemma_.lower() in lex.person_nouns or conjunct.lower_ in lex.speaking_nouns):
            described = conjunct
    return conjuncts if named is not None and described is not None else []


def voiced_by(adoc: AnnotatedDocument, cue: Token) -> tuple[Token, Token] | None:
    """ "Pakistan blamed it on India, with the army spokesman NAME alleging that ...": a
    speech act told again in a "with" clause by a named person gives the act its voice,
    the person who spoke for the party (returned with the verb of the clause). Read on the words ("with", a person, a speech verb
    in -ing, no verb between), which the parse attaches in more than one way."""
    sentence = cue.sent
    for token in sentence[cue.i - sentence.start + 1 :]:
        if token.lower_ != "with":
            continue
        for later in sentence[token.i - sentence.start + 1 :]:
            if later.pos_ in ("VERB", "AUX"):
                if later.tag_ != "VBG" or later.lemma_.lower() not in lexicon().verbs:
                    return None
                people = [m for m in adoc.actors if m.actor.is_person and token.idx < m.start and m.end <= later.idx]
                if not people:
                    return None
                span = adoc.doc.char_span(people[-1].start, people[-1].end, alignment_mode="expand")
                return (span.root, later) if span is not None else None
        return None
    return None


def cited_source(adoc: AnnotatedDocument, cue: Token, speaker: Token) -> tuple[Token, Token] | None:
    """ "Syrian state media reported, citing a military source": the source an outlet cites
    is who spoke (returned with the citing verb). Only an outlet passes its voice on: a
    body or a person that speaks "citing" something names where its own account came
    from ("the prosecutor said in a statement, citing the accounts of survivors")."""
    if not relays(speaker, cue):
        return None
    for verb in cue.children:
        if verb.dep_ in ("advcl", "xcomp", "conj") and verb.tag_ == "VBG" and verb.lemma_.lower() in ("cite", "quote"):
            source = next((c for c in verb.children if c.dep_ == "dobj"), None)
            if source is not None and can_speak(adoc, source):
                return source, verb
    return None


def relays(speaker: Token, cue: Token) -> bool:
    """Whether a speaker relays what others said: a news outlet (a media word in its
    phrase: "state media", "Afghan News") or one that "reported" (what outlets do)."""
    words = {t.lower_ for t in speaker.subtree} | {speaker.lemma_.lower()}
    return bool(words & lexicon().media_nouns) or cue.lemma_.lower() == "report"


def own_phrase(head: Token) -> tuple[int, int]:
    """A conjunct's own words: "the army" in "the army and the rebels"."""
    cut = [c for c in head.children if c.dep_ in ("relcl", "acl", "appos", "punct", "cc", "conj") and c.i > head.i]
    return subtree_span(head, exclude=cut)


def reciprocal_parties(adoc: AnnotatedDocument, cue: Token, speaker: Token, pairs: list[list[Token]]) -> list[Token]:
    """The parties of a reciprocal act, each of which accuses the other: the conjuncts of
    its subject ("the army and the rebels accused each other"), a party joined to the subject
    by "and" that the parse left outside it (a name before "and"), or, for "both sides" or
    "the warring parties", the parties of the latest reciprocal act told before. Empty when
    the act is not reciprocal or its parties are not two."""
    if not is_reciprocal(cue):
        return []
    parties = [speaker]
    # the coordination may hang on a word in apposition ("DONETSK, Ukraine July 18 Ukraine
    # and pro-Russian rebels accused each other": a dateline the parse took for the subject)
    for head in [speaker] + [c for c in speaker.children if c.dep_ == "appos"]:
        conjuncts = coordinated(head, NOMINAL)
        if len(conjuncts) > 1:
            parties = conjuncts
            break
    if len(parties) == 1:
        left = speaker.left_edge
        before = left.nbor(-1) if left.i > left.sent.start else None
        while before is not None and before.is_space and before.i > before.sent.start:
            before = before.nbor(-1)
        if before is not None and before.lower_ == "and":
            mention = next((m for m in reversed(adoc.actors) if m.end <= before.idx and not adoc.document.text[m.end : before.idx].strip()), None)
            span = adoc.doc.char_span(mention.start, mention.end, alignment_mode="expand") if mention else None
            if span is not None:
                parties = [span.root, speaker]
    if len(parties) == 1 and speaker.lemma_.lower() in lexicon().collective_nouns and pairs:
        return pairs[-1]
    if len(parties) == 2:
        pairs.append(parties)
        return parties
    return []


def sentence_attributions(adoc: AnnotatedDocument, sentence: Span, quotations: list[Quotation], pairs: list[list[Token]] | None = None) -> list[Attribution]:
    cues: list[tuple[Token, str]] = []
    tags: set[int] = set()
    for token in sentence:
        kind = cue_kind(token)
        if kind is None or is_negated(token):
            continue
        quoted_in = in_quotation(quotations, token.idx)
        if quoted_in is not None and not tag_of_unclosed(adoc.document.text, quoted_in, token):
            continue  # "I welcome ..." inside a quote is the quoted speaker's own words
        if quoted_in is not None:
            tags.add(token.i)  # the tag of a quote: its own act, whatever the parse hangs it on
        cues.append((token, kind))
    cue_indices = {t.i for t, _ in cues}
    sources = according_to(adoc, sentence)
    results: list[Attribution] = []
    quoted = quotations_in(quotations, sentence)
    quotation = quoted[0] if quoted else None
    quote_text = " … ".join(q.text.strip() for q in quoted) or None

    if sources:
        # the cited source speaks for the whole sentence; other cues colour what it said
        cue_token, source_head = sources[0]
        kinds = [k for _, k in cues] + [content_kind(sentence.text) or "statement"]
        kind = max(kinds, key=KIND_RANK.__getitem__) if kinds else "statement"
        start, end = noun_phrase(source_head)
        results.append(
            make_attribution(adoc, sentence, cue_token, kind, source_head, (start, end), (sentence.start_char, sentence.end_char), None, quote_text, quotation)
        )
        return results

    voiced: set[int] = set()
    for token, kind in cues:
        if nested_in_other_cue(token, cue_indices) and own_doer(token) is None and token.i not in tags:
            continue  # part of what another speaker reports
        speaker = subject_of(token)
        if speaker is None or speaker.lower_ in FIRST_AND_SECOND_PERSON or nobody(speaker):
            continue
        if speaker.lower_ == "it" and token.tag_ == "VBN":
            continue  # "It has been said": nobody in particular
        if token.i in voiced:
            continue  # the "with NAME alleging" that gave an act before it its voice
        voice = voiced_by(adoc, token) or cited_source(adoc, token, speaker)
        if voice is not None:
            speaker = voice[0]
            voiced.add(voice[1].i)
        parties = reciprocal_parties(adoc, token, speaker, pairs if pairs is not None else [])
        separate = separate_speakers(speaker) if not parties else []
        if separate and not any(c.dep_ == "nsubj" for c in token.children):
            continue  # "... confirmed the attack, but gave the toll and blamed X": one report per speaker, told by the first verb
        parties = parties or separate or separate_states(adoc, speaker) or separate_kinds(adoc, speaker)
        if parties:
            content = content_span(token, sentence, speaker)
            for party in parties:
                results.append(make_attribution(adoc, sentence, token, kind, party, own_phrase(party), content,
                                                channel_of(token, sentence), quote_text, quotation))
            continue
        nested = [(t, k) for t, k in cues if t.i != token.i and nested_in_other_cue(t, {token.i}) and not others_act(t, speaker)]
        further = further_acts(token, kind, nested)
        nested_kinds = [k for t, k in nested if all(t.i != f.i for f, _ in further)]
        content = content_span(token, sentence, speaker)
        theirs = {w.i for t, _ in cues if t.i != token.i and own_doer(t) is not None for w in t.subtree}
        theirs |= {w.i for t, _ in further for w in t.subtree}
        # "..., a committee said, as thousands of people demanded ...": a clause beside the
        # report with a subject of its own tells that subject's act, not the speaker's
        theirs |= {w.i for t, _ in cues if beside_the_report(t, token) and others_act(t, speaker) for w in t.subtree}
        # "the Council, which calls for talks": a speech act told of a noun is the noun's
        theirs |= {w.i for t in sentence if t.dep_ == "relcl" and speech_word(t) and t.i != token.i for w in t.subtree}
        reported = " ".join(
            w.text for w in sentence if content[0] <= w.idx < content[1] and w.i not in theirs
        )  # what the speaker says, without the acts of others told inside it
        if quote_text:
            reported += " " + quote_text
        if kind == "statement":
            candidates = nested_kinds + [content_kind(reported) or "statement"]
            kind = max(candidates, key=KIND_RANK.__getitem__)
        results.append(
            make_attribution(adoc, sentence, token, kind, speaker, noun_phrase(speaker), content, channel_of(token, sentence), quote_text, quotation)
        )
        for participle, further_kind in further:
            results.append(make_attribution(adoc, sentence, participle, further_kind, speaker, noun_phrase(speaker),
                                            subtree_span(participle), channel_of(participle, sentence), quote_text, quotation))
        if kind == "denial":
            denied = denied_act(adoc, token)
            if denied is not None:
                noun, owner, owner_kind = denied
                phrase = subtree_span(owner, exclude=[c for c in owner.children if c.dep_ in ("case", "punct", "relcl", "acl", "appos")])
                told_of = make_attribution(adoc, sentence, noun, owner_kind, owner, phrase, subtree_span(noun), None, None, None)
                # a party whose act is only told of: no voice a later "she said" can stand for
                results.append(replace(told_of, speaker_sort=None))
    return merge_same_speaker(results)


#: Subordinators of a clause set beside a report rather than reported by it.
BESIDE = {"as", "while", "whereas", "whilst", "when", "after", "before"}


def beside_the_report(clause: Token, cue: Token) -> bool:
    """ "..., a committee said, as thousands of people demanded ...": a clause hung on the
    speech verb (as an adverbial, or a complement the parse took it for) that opens with a
    subordinator like "as", "while", "after"."""
    if clause.head.i != cue.i or clause.dep_ not in ("advcl", "ccomp"):
        return clause.dep_ == "advcl" and clause.head.i == cue.i
    return clause.dep_ == "advcl" or any(c.dep_ == "mark" and c.lower_ in BESIDE for c in clause.children)


def further_acts(cue: Token, kind: str, nested: list[tuple[Token, str]]) -> list[tuple[Token, str]]:
    """ "The government said ten rebels were killed, denying reports of civilian deaths": a
    participle after the verb that performs a specific act of another kind (denying,
    accusing, warning, demanding) is a second act of the same speaker, and so is a verb of
    such an act coordinated with it ("said ... and called for an inquiry"). ("Confirmed the
    fighting, saying that ...", "said ..., adding that ..." tell one act; a participle
    before the verb, "Accusing the government ..., he warned", colours the act it leads into.)"""
    def of_the_speaker(t: Token) -> bool:
        if t.head.i == cue.i:
            return True
        # "said ten rebels were killed by the army, denying ...": hung on the reported clause,
        # set off by a comma, the participle is still the speaker's
        return t.head.dep_ == "ccomp" and t.head.head.i == cue.i and t.nbor(-1).text == ","

    def coordinated(t: Token) -> bool:
        # "has vowed ... and has called on", "said eight had died and called for an inquiry":
        # a verb with no subject of its own, joined to the speech verb, is the same speaker's
        # next act. The parse often joins it to the reported clause instead; there it is the
        # speaker's when its tense is the speech verb's and not the reported clause's ("had
        # died" is told backshifted, "called" in the report's own past) and it is set apart
        # from that clause, by auxiliaries of its own ("has vowed ... and has called") or a
        # comma before the conjunction. When the tenses agree ("said the gunmen fled and
        # warned ...") or nothing sets it apart ("said the rebels had attacked and demanded
        # a ransom": "had" may govern both) it may be the reported doer's act.
        if t.dep_ != "conj" or t.pos_ != "VERB" or any(c.dep_ in ("nsubj", "nsubjpass") for c in t.children):
            return False
        if t.head.i == cue.i:
            return True
        joined = coordinated_with(t)
        if joined is not None:
            return joined.i == cue.i
        if not (t.head.dep_ == "ccomp" and t.head.head.i == cue.i and tense(t) == tense(cue) != tense(t.head)):
            return False
        conjunction = next((c for c in t.head.children if c.dep_ == "cc" and c.i < t.i), None)
        comma_before = conjunction is not None and conjunction.i > 0 and conjunction.nbor(-1).text == ","
        return len(tense(t)) > 1 or comma_before

    return [(t, k) for t, k in nested
            if ((t.dep_ == "advcl" and t.tag_ == "VBG" and of_the_speaker(t)) or coordinated(t))
            and t.i > cue.i and k not in (kind, "statement")]


def tense(verb: Token) -> tuple[str, ...]:
    """The form a verb is told in: its auxiliaries and its own tag ("has called" -> has VBN)."""
    return tuple(c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")) + (verb.tag_,)


def denied_act(adoc: AnnotatedDocument, cue: Token) -> tuple[Token, Token, str] | None:
    """ "dismissed Azerbaijan's reports accusing Armenia", "denied the Azerbaijani reports",
    "rejected calls for a truce by foreign powers": the act a denial rejects, when a noun
    names it and its owner (a possessor, a name or demonym before it, or "by X"). Returns
    the noun, the owner's head and the owner's act's kind."""
    lex = lexicon()
    doc = cue.doc
    for noun in (c for c in cue.children if c.dep_ in ("dobj", "nsubjpass")):
        kind = lex.denied_acts.get(noun.lemma_.lower())
        if kind is None:
            continue
        owner = None
        before = list(doc[noun.left_edge.i : noun.i])
        if noun.left_edge.i > cue.i + 1 and doc[noun.left_edge.i - 1].dep_ == "dobj" and doc[noun.left_edge.i - 1].head.i == cue.i:
            before.insert(0, doc[noun.left_edge.i - 1])  # "the Azerbaijani reports" parsed as two objects
        for token in before:
            if token.pos_ in ("PRON", "PUNCT", "PART") or token.dep_ in ("det", "case"):
                continue
            named = token.ent_type_ in ("NORP", "GPE", "ORG", "PERSON") or any(m.start <= token.idx < m.end for m in adoc.actors)
            if token.dep_ == "poss" or (named and token.dep_ != "compound"):
                owner = token
        if owner is None:
            clauses = {t.i for c in noun.children if c.dep_ in ("acl", "relcl", "ccomp", "appos") for t in c.subtree}
            for token in noun.subtree:
                # "calls for a truce by X"; not "reports that soldiers were killed by X"
                if token.lower_ == "by" and token.dep_ == "prep" and token.head.pos_ in ("NOUN", "PROPN") and token.i not in clauses:
                    owner = next((g for g in token.children if g.dep_ == "pobj"), None)
                    if owner is not None:
                        break
        if owner is None and any(c.dep_ == "nsubj" for c in cue.children):
            # "rejected calls for a truce by the UN" with "by" hung on the active verb: the
            # verb has its subject, so the "by" phrase is the object's
            agent = next((c for c in cue.children if c.dep_ == "agent" and c.i > noun.i), None)
            owner = next((g for g in agent.children if g.dep_ == "pobj"), None) if agent is not None else None
        if owner is not None and owner.pos_ != "PRON":
            return noun, owner, kind
    return None


def document_issuer(adoc: AnnotatedDocument, head: Token) -> tuple[Token, tuple[int, int]] | None:
    """ "A complaint registered by the district police said ...": a thing that cannot speak
    of itself (no person, no body, no actor), told made by someone ("registered, filed,
    issued, drawn up by X"), speaks for whoever made it."""
    lex = lexicon()
    lemma = head.lemma_.lower()
    if head.pos_ != "NOUN" or lemma in lex.person_nouns | lex.body_nouns or head.lower_ in lex.person_nouns | lex.body_nouns:
        return None
    if any(m.start <= head.idx < m.end for m in adoc.actors):
        return None
    for participle in head.children:
        if participle.dep_ == "acl" and participle.tag_ == "VBN" and participle.lemma_.lower() not in lex.handling_verbs:
            doer = by_agent(participle)
            if doer is not None and doer.pos_ in ("NOUN", "PROPN"):
                return doer, own_phrase(doer)
    return None


def make_attribution(adoc, sentence, cue, kind, head, phrase, content, channel, quote_text, quotation) -> Attribution:
    start, end = phrase
    if head.lemma_.lower() in lexicon().report_nouns:
        issuer = report_source(adoc, head)
        if issuer is not None:
            head, (start, end) = issuer  # "a statement by the ministry": the ministry speaks
    elif (issuer := document_issuer(adoc, head)) is not None:
        head, (start, end) = issuer
    reading = read_speaker(adoc, head, start, end, cue)
    return Attribution(
        sent_start=sentence.start_char,
        sent_end=sentence.end_char,
        cue_i=cue.i,
        cue_text=cue.text,
        kind=kind,
        speaker_name=reading.name,
        speaker_start=reading.start,
        speaker_end=reading.end,
        speaker=reading.actor,
        content_start=content[0],
        content_end=content[1],
        channel=channel,
        quote=quote_text,
        quote_start=quotation.start if quotation else None,
        speaker_sort=reading.sort,
        speaker_head=reading.head,
        speaker_plural=reading.plural,
        speaker_roles=reading.roles,
        speaker_points_back=reading.points_back,
        speaker_party=speaker_party(adoc, reading.actor, head),
    )


def speaker_key(attribution: Attribution) -> str:
    if attribution.speaker is not None:
        return attribution.speaker.id
    return (attribution.speaker_name or "").lower()


def merge_same_speaker(attributions: list[Attribution]) -> list[Attribution]:
    """One act per speaker and kind in a sentence: "told X ..., adding that ..." is one."""
    merged: dict[tuple[str, str], Attribution] = {}
    for attribution in attributions:
        key = (speaker_key(attribution), attribution.kind)
        if key in merged:
            kept = merged[key]
            if kept.channel is None and attribution.channel:
                merged[key] = Attribution(**{**kept.__dict__, "channel": attribution.channel})
            continue
        merged[key] = attribution
    return list(merged.values())
