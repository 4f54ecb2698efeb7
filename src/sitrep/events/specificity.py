"""Specificity: whether a trigger reports a real, past, single event.

Not negated ("no clashes"), not modal or future ("will push back"), not conditional ("if
attacked"), not intended or demanded ("threatened to attack", "called for a halt to
attacks"), not a trend ("intensified their attacks"), not an aggregate over months ("in
the past six months"), and not the grievance a protest is about ("against the killing of
a trader"). Only what passes becomes an event mention.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from sitrep.events.lexicon import TriggerHit, lexicon
from sitrep.events.syntax import clause_verb, has_child
from sitrep.text.spans import subtree_span


#: How an intended or demanded act hangs on its verb: "threatened to attack", "called for attacks".
INTENDED_DEPS = {"xcomp", "pobj", "dobj", "prep", "pcomp", "oprd"}


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
