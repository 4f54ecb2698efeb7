"""Which temporal expression governs a clause, read from the dependency parse.

A time governs the clause whose head verb it attaches to, climbing through noun
modifiers and prepositions but not across clause boundaries: in "X said on Friday that
the government has released prisoners" Friday dates the saying, not the release. Three
ways a clause without its own time borrows one, in order: a coordinated verb's ("killed
and wounded last Friday"), the main clause's for a participle ("attacked on Monday,
killing five"), a simultaneous subordinate clause's ("agreed ... as the round ended
Friday"). Reported content (ccomp) never borrows the time of its speech verb.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from sitrep.models import AnnotatedDocument, TimeMention
from sitrep.time.rules import load_rules

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

    from sitrep.time.expressions import Tense

#: Dependencies that open a clause of their own.
CLAUSE_DEPS = frozenset({"ROOT", "ccomp", "advcl", "relcl", "parataxis", "csubj", "csubjpass", "acl", "conj", "pcomp"})
VERBAL = frozenset({"VERB", "AUX"})
FUTURE_AUX = frozenset({"will", "shall", "'ll", "wo"})


def is_clause_head(token: Token) -> bool:
    if token.dep_ == "ROOT" or token.head.i == token.i:
        return True
    return token.dep_ in CLAUSE_DEPS and token.pos_ in VERBAL


def passes_through(token: Token) -> bool:
    """A participle on a channel noun ("a tweet posted yesterday") is part of the saying."""
    if token.dep_ != "acl":
        return False
    noun = token.head
    return noun.lemma_.lower() in load_rules().channel_nouns or noun.lower_ in load_rules().channel_nouns


def clause_head(token: Token) -> Token:
    current = token
    for _ in range(len(token.doc)):
        if is_clause_head(current) and not passes_through(current):
            return current
        current = current.head
    return current


def span_root(doc: Doc, start: int, end: int) -> Token | None:
    span: Span | None = doc.char_span(start, end, alignment_mode="expand")
    return span.root if span is not None and len(span) else None


def nearest_verb(token: Token) -> Token | None:
    current = token
    for _ in range(len(token.doc)):
        if current.pos_ in VERBAL and current.dep_ not in ("aux", "auxpass"):
            return current
        if current.head.i == current.i:
            return None
        current = current.head
    return None


def clause_tense(doc: Doc, start: int, end: int) -> Tense:
    """The tense of the clause an expression sits in: past, present, future, or None."""
    root = span_root(doc, start, end)
    if root is None:
        return None
    verb = nearest_verb(root)
    if verb is None:
        return None
    if verb.dep_ == "xcomp":
        marker = [c for c in verb.children if c.dep_ == "aux" and c.lower_ == "to"]
        if marker and verb.head.lemma_ in ("be", "go"):
            return "future"  # "is to be observed", "is going to attack"
        verb = verb.head  # "continued to attack": the tense is the governing verb's
    auxiliaries = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    if not auxiliaries and verb.dep_ == "conj" and verb.tag_ == "VBN":
        # "have been killed and nine others wounded": the second verb shares the first's auxiliaries
        auxiliaries = [c for c in verb.head.children if c.dep_ in ("aux", "auxpass")]
    if any(a.lower_ in FUTURE_AUX for a in auxiliaries):
        return "future"
    if verb.tag_ == "VBD" or any(a.tag_ == "VBD" for a in auxiliaries):
        return "past"
    if verb.tag_ == "VBN" and any(a.lemma_ == "have" for a in auxiliaries):
        return "past"  # the present perfect tells of a past event
    return "present"


def up_to_now(doc: Doc, start: int, end: int) -> bool:
    """Whether the expression's clause is in the present perfect ("has been going on for
    three days", "have lasted for a week"): a length of time that runs up to the report."""
    root = span_root(doc, start, end)
    verb = nearest_verb(root) if root is not None else None
    if verb is None:
        return False
    return any(c.dep_ == "aux" and c.lemma_ == "have" and c.tag_ in ("VBZ", "VBP") for c in verb.children)


def sentence_times(adoc: AnnotatedDocument, token: Token) -> list[TimeMention]:
    sentence = token.sent
    return [t for t in adoc.times if sentence.start_char <= t.start and t.end <= sentence.end_char]


def best(times: list[TimeMention]) -> TimeMention | None:
    """A dated mention before an undated one, a named day before a vaguer span
    ("an overnight attack ... on Monday" is Monday's), then the first written."""
    if not times:
        return None
    return sorted(times, key=lambda t: (t.value is None, t.precision != "day", t.start))[0]


#: What may stand before a time that opens its sentence ("On 9 May 2020, ...", "Late on Monday, ...").
FRONTED_LEAD = re.compile(r"^\W*(?:(?:on|around|at|in|by|late|early|earlier|later|since|from|during|between)\s+)*$", re.I)
#: What may follow it before the comma: a hedge in brackets ("(or around)", "(as reported)").
FRONTED_TAIL = re.compile(r"^\s*(?:\([^)]{1,30}\)\s*)?,")


def fronted_time(adoc: AnnotatedDocument, sentence: Span, times: list[TimeMention]) -> TimeMention | None:
    """The time a sentence opens with, set off by a comma ("On 29 April 2020, monitors
    observed ..."): it frames every clause of the sentence that has no time of its own."""
    text = adoc.document.text
    for t in times:
        if FRONTED_LEAD.match(text[sentence.start_char : t.start]) and FRONTED_TAIL.match(text[t.end : sentence.end_char]):
            return t
    return None


def reported(token: Token) -> bool:
    """Whether ``token`` sits in reported content (the clause complement of a verb with a
    subject: "officials said rebels attacked"): what a speaker said happened keeps its own
    time, not the time of the saying. A complement under a verb with no subject is a
    misparse of a modifier ("suspected militants killed", "(as reported), men shot")."""
    current = token
    for _ in range(len(token.doc)):
        if current.dep_ == "ccomp" and any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in current.head.children):
            return True
        if current.head.i == current.i:
            return False
        current = current.head
    return False


def within(token: Token, ancestor: Token) -> bool:
    """Whether ``ancestor`` dominates ``token`` without a clause boundary between them."""
    current = token
    for _ in range(len(token.doc)):
        if current.i == ancestor.i:
            return True
        if current.dep_ in ("ccomp", "advcl", "relcl", "parataxis") or current.head.i == current.i:
            return False
        current = current.head
    return False


#: Precisions of a time that can scope a ranking ("the deadliest attack this year").
SCOPE_PRECISIONS = frozenset({"year", "month"})


def ranks_within(doc: Doc, time: TimeMention) -> bool:
    """A year or month written right after a noun phrase that ranks ("the first attack
    this year", "the deadliest breach of the truce on the border this year") is the
    field the ranking runs over, not when the event happened (the parser hangs it on the
    verb)."""
    if time.precision not in SCOPE_PRECISIONS:
        return False
    span = doc.char_span(time.start, time.end, alignment_mode="expand")
    if span is None or span.start == 0:
        return False
    current = doc[span.start - 1]
    for _ in range(len(doc)):
        if current.pos_ in VERBAL or current.head.i == current.i:
            return False
        if current.pos_ in ("NOUN", "PROPN") and any(
            c.tag_ in ("JJS", "RBS") or c.ent_type_ == "ORDINAL" for c in current.subtree if c.i < current.i
        ):
            return True
        current = current.head
    return False


#: A direct quotation within one line: between curly or straight double quotes (an opening
#: mark before any closing one starts the next: a quotation left unclosed is no quotation).
QUOTATION = re.compile(r"[“\"][^“”\"\n]+[”\"]")


def quotations(text: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in QUOTATION.finditer(text)]


def speech_time(doc: Doc, start: int, end: int, quote: tuple[int, int], times: list[TimeMention]) -> TimeMention | None:
    """The day of the speech act that a direct quotation holding ``start:end`` is the
    content of ("'... attacked our forces yesterday,' the spokesman wrote on Twitter on
    Sunday": Sunday), read from the parse: the verb the quotation hangs from, outside it,
    and a day that governs that verb's clause, outside the quotation too."""
    root = span_root(doc, start, end)
    if root is None:
        return None
    current = root
    for _ in range(len(doc)):
        if not quote[0] <= current.idx < quote[1] or current.head.i == current.i:
            break
        current = current.head
    if quote[0] <= current.idx < quote[1] or current.pos_ not in VERBAL:
        return None
    speech = clause_head(current)
    for t in times:
        if quote[0] <= t.start < quote[1] or not (t.value and t.precision == "day"):
            continue
        t_root = span_root(doc, t.start, t.end)
        if t_root is not None and t_root.sent.start == root.sent.start and clause_head(t_root).i == speech.i:
            return t
    return None


def reported_speech_time(doc: Doc, start: int, end: int, times: list[TimeMention]) -> TimeMention | None:
    """The day of the speech act whose reported content (not a direct quotation) holds
    ``start:end`` ("gunmen killed 132 people in an overnight raid, the government said on
    Saturday": Saturday): the content's clause is the complement of a verb of saying, and a
    day governs that verb's clause."""
    root = span_root(doc, start, end)
    if root is None:
        return None
    content = clause_head(root)
    if content.dep_ != "ccomp" or content.head.lemma_.lower() not in load_rules().speech_verbs:
        return None
    speech = content.head
    inside = {t.i for t in content.subtree}
    for t in times:
        if not (t.value and t.precision == "day"):
            continue
        t_root = span_root(doc, t.start, t.end)
        if t_root is not None and t_root.i not in inside and t_root.sent.start == root.sent.start and clause_head(t_root).i == speech.i:
            return t
    return None


def dates_main_clause(doc: Doc, time: TimeMention) -> bool:
    """Whether a time dates its sentence's main clause ("the factions traded accusations on
    Saturday"), not a clause or a noun inside it ("those arrested after the October 7,
    2023, attack")."""
    root = span_root(doc, time.start, time.end)
    return root is not None and clause_head(root).i == root.sent.root.i


def governing_time(adoc: AnnotatedDocument, token_i: int) -> TimeMention | None:
    """The TimeMention that governs the clause of token ``token_i`` (an event trigger or a
    speech verb), or None when its clause has none."""
    doc = adoc.doc
    token = doc[token_i]
    times = [t for t in sentence_times(adoc, token) if not ranks_within(doc, t)]
    if not times:
        return None
    roots = [(t, span_root(doc, t.start, t.end)) for t in times]
    roots = [(t, r) for t, r in roots if r is not None]
    if token.lemma_.lower() == "accord" or token.lower_ == "according":
        # "according to a report in Wednesday's issue": only a time inside the source phrase
        return best([t for t, r in roots if r.i != token.i and token.i in {a.i for a in r.ancestors}])
    # and that time dates the source, not the event the phrase hangs on ("beheaded five
    # people on Tuesday ..., according to a report in Wednesday's issue")
    sourced = {t.start for t, r in roots if in_source_phrase(r) and not in_source_phrase(token)}
    times = [t for t in times if t.start not in sourced]
    roots = [(t, r) for t, r in roots if t.start not in sourced]
    if not times:
        return None
    head = clause_head(token)
    heads = {t.start: clause_head(r) for t, r in roots}
    found = best([t for t in times if t.start in heads and heads[t.start].i == head.i])
    if token.pos_ not in VERBAL:
        # a time on the trigger noun itself ("the attack carried out on Monday"), unless it
        # is vaguer than its clause's day ("killed in an overnight attack on Monday")
        own = best([t for t, r in roots if r.i != token.i and within(r, token) and r.i in {d.i for d in token.subtree}])
        if own is not None and (own.precision == "day" or found is None or found.precision != "day"):
            return own
        # "claimed on Tuesday an attack ... late on Sunday": with one time before the
        # noun and another after it in one clause, the later-written one is the noun's
        # (the parser hangs both on the verb; the first dates the verb's own act)
        clause = [t for t in times if t.value and t.start in heads and heads[t.start].i == head.i]
        after = [t for t in clause if t.start > token.idx]
        if after and any(t.end <= token.idx and t.value != after[0].value for t in clause):
            return best(after)
    if found is not None:
        return found
    # coordinated verbs share a time: "have been killed and nine others wounded last Friday"
    partners = {c.i for c in head.children if c.dep_ == "conj" and c.pos_ in VERBAL}
    if head.dep_ == "conj":
        partners.add(head.head.i)
        partners.update(c.i for c in head.head.children if c.dep_ == "conj" and c.pos_ in VERBAL)
    partners.discard(head.i)
    found = best([t for t in times if t.start in heads and heads[t.start].i in partners])
    if found is not None:
        return found
    # a participle adjunct takes its main clause's time: "attacked on Monday, killing five"
    if head.dep_ == "advcl" and head.tag_ in ("VBG", "VBN"):
        parent = clause_head(head.head)
        found = best([t for t in times if t.start in heads and heads[t.start].i == parent.i])
        # the parse may hang a closing ", killing 50" on the last clause before it ("struck the
        # station on Friday as people waited for trains to take them west, killing 50"): with
        # no time there, the adverbial clauses it sits in lead up to the act that has one
        for _ in range(3):
            if found is not None or parent.dep_ != "advcl" or parent.head.i == parent.i:
                break
            parent = clause_head(parent.head)
            found = best([t for t in times if t.start in heads and heads[t.start].i == parent.i])
        if found is not None:
            return found
    # the means of an act is done when the act is: "breached the truce on Monday by shelling the town"
    if head.dep_ == "pcomp" and head.tag_ == "VBG" and head.head.lower_ in ("by", "through"):
        parent = clause_head(head.head.head)
        found = best([t for t in times if t.start in heads and heads[t.start].i == parent.i])
        if found is not None:
            return found
    # a participle on a noun shares its clause's time: "observed 12 shots involving small arms on Monday"
    if head.dep_ == "acl" and head.tag_ in ("VBG", "VBN"):
        parent = clause_head(head.head)
        found = best([t for t in times if t.start in heads and heads[t.start].i == parent.i])
        if found is not None:
            return found
    # a subject said to be among events dated by a participle shares their time: "the
    # raids were among 40 violations of the truce committed on Sunday"
    if token.dep_ == "nsubj" and token.head.i == head.i and head.lemma_ == "be":
        complement = {d.i for c in head.children if c.dep_ in ("prep", "attr") for d in c.subtree}
        found = best([t for t in times if t.start in heads and heads[t.start].dep_ == "acl"
                      and heads[t.start].i in complement])
        if found is not None:
            return found
    # a simultaneous clause lends its time: "agreed ... as the round ended Friday"
    found = best([t for t in times if t.start in heads and is_simultaneous(heads[t.start], head)])
    if found is not None:
        return found
    # and takes its main clause's: "the truce was broken on Sunday when militants attacked a post"
    if head.dep_ == "advcl" and any(m.dep_ in ("mark", "advmod") and m.lower_ in load_rules().simultaneous_marks for m in head.children):
        parent = clause_head(head.head)
        found = best([t for t in times if t.start in heads and heads[t.start].i == parent.i])
        if found is not None:
            return found
    fronted = fronted_time(adoc, token.sent, times)
    if fronted is not None and not reported(token):
        return fronted
    return None


def in_source_phrase(token: Token) -> bool:
    """Whether a token sits in an "according to ..." phrase, which names who told."""
    return any(a.lower_ == "according" and a.dep_ == "prep" for a in token.ancestors)


def is_simultaneous(clause: Token, head: Token) -> bool:
    """Whether ``clause`` is a simultaneous subordinate of ``head`` ("... as the round ended
    Friday"), also when the parser took the subordinator for a preposition."""
    marks = load_rules().simultaneous_marks
    if clause.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in marks for m in clause.children):
        return clause_head(clause.head).i == head.i
    noun = clause.head
    if clause.dep_ == "acl" and noun.dep_ == "pobj" and noun.head.lower_ in marks:
        return clause_head(noun.head).i == head.i
    return False
