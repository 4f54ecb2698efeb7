"""What a sentence says of an agreement it mentions, read from the predicates above the mention.

From the agreement phrase up the parse to the speech verb (or the sentence's root), the
predicates met say the stance: "accused X of violating the agreement" alleges a violation,
"denied violating the truce" denies one, "urged both sides to adhere to the Minsk
agreement" demands compliance, "has upheld the terms of the agreement" claims it,
"threatened to pull out of the deal" threatens withdrawal. Compliance that is failing
or delayed ("failing to implement the deal", "neither side withdrew its guns as required
by the deal") is a violation; "discussed violations of the agreement" is neither (a
topic). A prepositional adjunct ("released as per the agreement") takes its sense from
the verb it qualifies: negated, owed ("should have been released") or done.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from sitrep.agreements.kb import Lexicon, load_lexicon

if TYPE_CHECKING:
    from spacy.tokens import Token

NEGATIONS = frozenset({"not", "n't", "never", "no", "neither", "nor", "without"})
MAX_PATH = 12


@dataclass
class Signals:
    violation: bool = False
    compliance: bool = False
    failing: bool = False
    denial: bool = False
    demand: bool = False
    discussion: bool = False
    withdrawal: bool = False
    delivery: bool = False
    adjunct: Token | None = None  # the verb a requirement adjunct ("as per the deal") qualifies
    above: str | None = None  # the first of violation/compliance met, for what comes above it


def negated(token: Token) -> bool:
    """ "not implemented", "neither side has withdrawn", "never honoured"."""
    for child in token.children:
        if child.dep_ == "neg" or child.lower_ in NEGATIONS and child.dep_ in ("advmod", "preconj", "det", "cc"):
            return True
        if child.dep_ in ("nsubj", "nsubjpass") and any(
            g.lower_ in ("neither", "no", "none") and g.dep_ in ("det", "preconj") for g in child.children):
            return True
        if child.dep_ in ("nsubj", "nsubjpass") and child.lower_ in ("neither", "none", "nobody"):
            return True
    return False


def deontic(token: Token, lex: Lexicon) -> bool:
    """ "should have been released", "must withdraw", "have to implement"."""
    for child in token.children:
        if child.dep_ == "aux" and child.lower_ in lex.demand_modals - {"have"}:
            return True
    head = token.head
    return token.dep_ == "xcomp" and head.lemma_.lower() in ("have", "need", "ought") and head.i != token.i


def adjunct_length(prep: Token, lex: Lexicon) -> int:
    """How many words of a requirement adjunct end at ``prep`` ("as per": 2, "under": 1), or 0."""
    doc = prep.doc
    for phrase in lex.adjuncts:
        n = len(phrase)
        if prep.i - n + 1 < 0:
            continue
        if tuple(t.lower_ for t in doc[prep.i - n + 1 : prep.i + 1]) == phrase:
            return n
    return 0


def adjunct_at(prep: Token, lex: Lexicon) -> bool:
    """Whether ``prep`` ends a requirement adjunct: "as per", "under", "in accordance with"."""
    return adjunct_length(prep, lex) > 0


def adjunct_verb(prep: Token, lex: Lexicon) -> Token:
    """The verb an adjunct qualifies, outside the adjunct's own words ("required" in "as required by")."""
    n = adjunct_length(prep, lex)
    own = {t.i for t in prep.doc[prep.i - n + 1 : prep.i + 1]}
    current = prep
    for _ in range(MAX_PATH):
        if current.i not in own and current.pos_ in ("VERB", "AUX"):
            return current
        if current.head.i == current.i:
            return current
        current = current.head
    return current


def clause_verb(token: Token) -> Token:
    current = token
    for _ in range(MAX_PATH):
        if current.pos_ in ("VERB", "AUX") or current.head.i == current.i:
            return current
        current = current.head
    return current


def path_up(head: Token, stop: Token | None) -> list[Token]:
    """The tokens above ``head`` up to ``stop`` (the speech verb), or the sentence root."""
    path = []
    current = head
    for _ in range(MAX_PATH):
        if current.head.i == current.i:
            break
        current = current.head
        path.append(current)
        if stop is not None and current.i == stop.i:
            break
    return path


def read_path(head: Token, stop: Token | None, lex: Lexicon) -> Signals:
    signals = Signals()
    below = head
    for token in path_up(head, stop):
        lemma, lower = token.lemma_.lower(), token.lower_
        if (token.pos_ in ("ADP", "SCONJ") or token.dep_ == "prep") and below.dep_ == "pobj":
            if lower in lex.violation_prepositions:
                signals.violation, signals.above = True, signals.above or "violation"
            elif adjunct_at(token, lex) and signals.adjunct is None and signals.above is None:
                signals.adjunct = adjunct_verb(token, lex)
        if lemma in lex.violation_verbs or lower in lex.violation_nouns or lemma in lex.violation_nouns:
            signals.violation, signals.above = True, signals.above or "violation"
            if negated(token):
                signals.denial = True  # "there was no ceasefire violation from our side"
        elif lemma in lex.compliance_verbs or lower in lex.compliance_nouns or lemma in lex.compliance_nouns:
            if not (lemma == "hold" and below.dep_ != "dobj"):
                signals.compliance, signals.above = True, signals.above or "compliance"
                if negated(token):
                    signals.failing = True
        if signals.above and (lemma in lex.failures or lower in lex.failures):
            signals.failing = True
        if lemma in lex.withdrawal_verbs and (below.dep_ == "dobj" or below.lower_ in ("from", "of", "out")):
            signals.withdrawal = True
        if any(tuple(w.lower_ for w in token.doc[token.i : token.i + len(p)]) == p for p in lex.withdrawal_particles):
            if below.lower_ in ("of", "from", "on") or below.dep_ == "prep":
                signals.withdrawal = True
        if lemma in lex.denial_verbs:
            signals.denial = True
        if lemma in lex.demand_verbs or (token.pos_ in ("VERB", "AUX") and deontic(token, lex)):
            signals.demand = True
        if any(lemma in verbs for verbs in lex.delivery_verbs.values()) and not signals.above:
            signals.delivery = True  # "insisted on the release of the prisoners agreed in the deal"
        if lemma in lex.discussion_verbs and signals.above:
            signals.discussion = True
        below = token
    return signals


def stance_from(signals: Signals, kind: str | None, lex: Lexicon) -> str:
    if signals.withdrawal:
        return "threatens_withdrawal"
    if signals.discussion:
        return "other"
    breach = signals.violation or (signals.compliance and signals.failing)
    if signals.demand and ((breach or signals.compliance) and signals.above or signals.delivery):
        return "demands_compliance"
    if breach:
        return "denies_violation" if signals.denial or kind == "denial" else "alleges_violation"
    if signals.compliance:
        return "denies_violation" if kind == "denial" else "claims_compliance"
    if signals.adjunct is not None:
        verb = signals.adjunct
        if negated(verb):
            return "alleges_violation"
        if deontic(verb, lex) or signals.demand or kind == "demand":
            return "demands_compliance"
        return "claims_compliance"
    if signals.demand and kind == "demand":
        return "demands_compliance"
    return "other"


def stance_of(head: Token, cue: Token | None, kind: str | None) -> str:
    """The stance toward the agreement whose phrase is headed by ``head``, said through ``cue``."""
    lex = load_lexicon()
    return stance_from(read_path(head, cue, lex), kind, lex)


def content_stance(tokens: list[Token], kind: str | None, commitments: set[str] = frozenset()) -> str | None:
    """The stance of reported content that does not name the agreement ("accused the military of
    delaying the enforcement of the agreed security arrangements", "is failing to work on the
    withdrawal of foreign forces" when that withdrawal is a commitment), or None when it says none
    (or only that someone discussed it)."""
    lex = load_lexicon()
    lemmas = {t.lemma_.lower() for t in tokens} | {t.lower_ for t in tokens}
    if lemmas & lex.discussion_verbs:
        return None
    violation = bool(lemmas & (lex.violation_verbs | lex.violation_nouns))
    # a commitment is spoken of when two of its words are ("withdrawal ... of forces")
    compliance = bool(lemmas & (lex.compliance_verbs | lex.compliance_nouns)) or len(lemmas & set(commitments)) >= 2
    failing = bool(lemmas & lex.failures) or any(negated(t) for t in tokens if t.pos_ in ("VERB", "AUX"))
    delivery = any(lemmas & verbs for verbs in lex.delivery_verbs.values())
    if (kind == "demand" or lemmas & lex.demand_verbs) and (violation or compliance or delivery):
        return "demands_compliance"  # "insisted on the release of the prisoners the deal promised"
    if violation or (compliance and failing):
        return "denies_violation" if kind == "denial" else "alleges_violation"
    return None
