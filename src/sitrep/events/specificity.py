"""Specificity: whether a trigger reports a real, past, single event, at a time and place.

Not negated ("no clashes"), not modal or future ("will push back"), not conditional ("if
attacked"), not intended or demanded ("threatened to attack", "called for a halt to
attacks"), not a trend ("intensified their attacks", "attacks have been on the rise"),
not an aggregate over months or a toll since something began ("in the past six months",
"have been killed since the war broke out"), not what happens as a rule ("the attacks
take place at night"), not a description of someone or something ("those abducted in
2023", "the deal signed in Doha"), and not the grievance a protest is about ("against the
killing of a trader"). Only what passes becomes an event mention. A trigger that only
anchors another clause in time ("released after the attack") is kept for the type it
tells, but makes no mention of its own.
"""

from __future__ import annotations

from datetime import date

from spacy.tokens import Span, Token

from sitrep.events.counts import casualty_lexicon, count_field
from sitrep.events.lexicon import TriggerHit, lexicon
from sitrep.events.syntax import clause_verb, has_child, is_timing_clause
from sitrep.models import Attribution, TimeMention
from sitrep.text.spans import first_conjunct, subtree_span
from sitrep.time import last_day


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
        if has_child(word, {"aux", "auxpass"}, filters.modal_words) and not is_past_perception(word):
            return True
        if has_child(word, {"mark"}, filters.condition_marks):
            return True
    if is_unrealised_infinitive(verb):
        return True
    if is_reduced_generic(token) or is_intended_by_position(token):
        return True
    current = token
    for _ in range(6):
        head = current.head
        if head.i == current.i:
            break
        if is_result_participle(current) and is_timing_clause(head):
            break  # "..., hours before parliament was due to reopen, wounding two officers": the attack's result
        if current.dep_ in INTENDED_DEPS and head.lemma_.lower() in filters.intention_verbs and head.pos_ in ("VERB", "ADJ", "NOUN"):
            return True
        if current.dep_ in ("advcl",) and has_child(current, {"mark"}, filters.condition_marks):
            return True
        current = head
    return False


def is_result_participle(token: Token) -> bool:
    """ "..., killing two", "..., wounding five": a participle after a comma that tells what an
    act did (the parser often hangs it on the nearest clause before it)."""
    return (token.tag_ == "VBG" and token.dep_ in ("advcl", "xcomp", "conj") and token.i > 0
            and token.doc[token.i - 1].text == "," and not has_child(token, {"mark", "nsubj", "aux"}))


def is_past_perception(verb: Token) -> bool:
    """ "Shellfire could be heard in the city on Friday night": "could" with a verb of the
    senses is the past of "can hear", what people perceived, not what might be; only its
    own modal ("could have been heard" and "if ... could be seen" stay possibilities)."""
    filters = lexicon().filters
    if verb.lemma_.lower() not in filters.sensing_verbs:
        return False
    modals = [c for c in verb.children if c.dep_ in ("aux", "auxpass") and c.lower_ in filters.modal_words]
    if not modals or any(c.lower_ not in filters.past_ability_modals for c in modals):
        return False
    if any(c.dep_ == "aux" and c.lemma_.lower() == "have" for c in verb.children):
        return False
    return not has_child(verb, {"mark"}, filters.condition_marks)


def is_reduced_generic(token: Token) -> bool:
    """A "when" clause reduced to its participle, with no subject and no auxiliary, tells a
    rule, not an act: "they will fire only when attacked", "act in self-defence when
    provoked" (an act told is "when they were attacked")."""
    if token.tag_ != "VBN" or token.dep_ != "advcl":
        return False
    if not has_child(token, {"advmod", "mark"}, lexicon().filters.generic_clause_marks):
        return False
    return not any(c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass", "expl") for c in token.children)


def is_intended_by_position(token: Token) -> bool:
    """An event noun straight after a verb of intention is what is intended, whatever the
    parse attaches it to ("the regime plans further attacks on their positions ... yet to be
    known", parsed with the attacks as the subject of "known")."""
    if token.pos_ != "NOUN":
        return False
    lefts = [t for t in token.lefts if t.dep_ in ("det", "amod", "compound", "nummod", "poss")]
    first = min([token.i, *(t.i for t in lefts)])
    if first == token.sent.start:
        return False
    before = token.doc[first - 1]
    return before.pos_ == "VERB" and before.lemma_.lower() in lexicon().filters.intention_verbs


def is_unrealised_infinitive(verb: Token) -> bool:
    """A "to" infinitive tells a purpose or a prospect ("met the envoy to agree to a reset",
    "directed to cease hostilities"), not an act, unless its verb says it happened ("began
    to shell the town", "were forced to retreat")."""
    if verb.tag_ != "VB" or not any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
        return False
    return verb.head.lemma_.lower() not in lexicon().filters.realised_infinitive_heads


def is_talked_about(token: Token) -> bool:
    """ "called for a halt to attacks", "have intensified their attacks", "opposing the
    release is interference" (an act named in a gerund that is the subject): no event reported."""
    filters = lexicon().filters
    if in_gerund_subject(token) or is_explanation(token) or is_speech_setting(token):
        return True
    if condemned_event(token):
        return False
    current = token
    for _ in range(4):
        head = current.head
        if head.i == current.i or is_toll_noun(current):
            break
        if current.dep_ in ("pobj", "dobj", "prep", "compound", "nsubj", "nsubjpass", "conj") and head.lemma_.lower() in filters.stopping_words:
            return True
        current = head
    if token.pos_ == "NOUN" and token.tag_ == "NNS" and token.dep_ in ("dobj",) and token.head.lemma_.lower() in filters.trend_verbs:
        return True
    return False


def condemned_event(token: Token) -> bool:
    """ "condemns the bombing at the gymnasium", "denounced Monday's attack": one event,
    singular and definite, that a condemnation tells again (it happened), not a kind of act."""
    if token.pos_ != "NOUN" or token.tag_ != "NN" or token.dep_ != "dobj":
        return False
    if token.head.lemma_.lower() not in lexicon().filters.condemning_verbs:
        return False
    return any((c.dep_ == "det" and c.lower_ in ("the", "this", "that")) or c.dep_ == "poss" for c in token.children)


def is_explanation(token: Token) -> bool:
    """Whether the trigger lies in what a "reason" or "cause" is said to be ("the reason
    behind the feud was that they accused each other of stealing cattle"): an explanation,
    no event told."""
    nouns = lexicon().filters.explanation_nouns
    current = token
    for _ in range(6):
        head = current.head
        if head.i == current.i:
            return False
        if current.dep_ in ("ccomp", "attr", "xcomp") and head.lemma_.lower() == "be" and any(
                c.dep_ in ("nsubj", "nsubjpass") and c.lemma_.lower() in nouns for c in head.children):
            return True
        current = head
    return False


def is_speech_setting(token: Token) -> bool:
    """A meeting named as where something was said ("the chairman in a meeting claimed the
    government is failing", "told a meeting that ..."): the occasion of a statement, which
    the statement records, not an event."""
    if token.pos_ != "NOUN" or token.lemma_.lower() not in lexicon().filters.speech_settings:
        return False
    verb = token.head.head if token.dep_ == "pobj" else token.head if token.dep_ == "dobj" else None
    if verb is not None and verb.dep_ == "nsubj":
        verb = verb.head  # "the chairman in a meeting claimed ...", the meeting hung on the speaker
    return verb is not None and verb.pos_ == "VERB" and any(c.dep_ == "ccomp" for c in verb.children)


def in_gerund_subject(token: Token) -> bool:
    """Whether the trigger is, or hangs in, a gerund clause that is the subject of its
    sentence ("opposing the release of prisoners is interference", "blocking attacks is
    their duty"): an act spoken of in general, no event told."""
    current = token
    for _ in range(4):
        if current.dep_ in ("csubj", "csubjpass") and current.tag_ == "VBG":
            return True
        if current.head.i == current.i or current.dep_ in ("ccomp", "advcl", "relcl", "conj"):
            return False
        current = current.head
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


#: Verbs whose present and past are written alike: "assailants set a bus ablaze" is past.
SAME_IN_PAST = {"set", "put", "hit", "cut", "shut", "burst", "spread", "cast", "let", "shed", "beat", "upset"}


def is_custody(hit: TriggerHit) -> bool:
    """A word for custody as where someone is, or from where they were let go ("released
    from Bagram jail", "died in detention"): a place or a state, not an arrest."""
    token = hit.token
    if hit.event_class.family != "arrest" or token.pos_ != "NOUN":
        return False
    token = first_conjunct(token)  # "from Bagram and Pul-e-Charkhi jails"
    return token.dep_ == "pobj" and token.head.lower_ in ("from", "in", "at", "inside", "into", "out")


def is_habitual(verb: Token, reporting: set[int]) -> bool:
    """A present-tense event clause tells what happens as a rule ("the shelling takes place
    at night", "they attack our posts every night") or what a photograph shows ("police
    inspect the scene of a bombing"), not what happened; the present of a reporting verb
    ("claims responsibility for the attack") is the report's, not the event's."""
    if verb.tag_ not in ("VBZ", "VBP") and not is_bare_present(verb) or verb.i in reporting or verb.lower_ in SAME_IN_PAST:
        return False
    return not any(c.dep_ in ("aux", "auxpass") for c in verb.children)


def is_bare_present(verb: Token) -> bool:
    """A bare verb joined to a finite one that has no auxiliary to lend it is a present the
    tagger read as a base form: "the fighters left their camps and use their arms for looting"."""
    head = verb.head
    return (verb.tag_ == "VB" and verb.dep_ == "conj" and head.tag_ in ("VBD", "VBZ", "VBP")
            and not any(c.dep_ in ("aux", "auxpass", "neg") for c in (*verb.children, *head.children)))


def is_trend(token: Token) -> bool:
    """ "Attacks have been on the rise", "violence has escalated with clashes spreading",
    "clashes have lessened": how often events happen, not one of them."""
    filters = lexicon().filters
    head = token.head
    if token.dep_ in ("nsubj", "nsubjpass") and head.lemma_.lower() in filters.trend_verbs and not is_toll_noun(token):
        return True  # ("the death toll rose to 54" updates one event's toll)
    if token.dep_ == "nsubj" and token.tag_ == "NNS" and head.lemma_.lower() in filters.wave_verbs and any(
            c.dep_ == "aux" and c.lemma_.lower() == "have" for c in head.children):
        return True  # "demonstrations have spread to towns across the country": a wave, not one event
    if token.dep_ == "nsubj" and head.lemma_.lower() == "be" and any(
            c.dep_ == "prep" and any(g.lemma_.lower() in filters.stopping_words for g in c.children) for c in head.children):
        return True
    if is_toll_noun(token):
        return False
    current = token  # "escalated ... with clashes spreading to new villages"
    for _ in range(3):
        if current.dep_ not in ("pobj", "prep", "acl", "nsubj") or current.head.i == current.i:
            return False
        current = current.head
        if is_toll_noun(current):
            return False  # "the death toll from Sunday's bombing rose to 54": the bombing's toll, updated
        if current.pos_ == "VERB" and current.lemma_.lower() in filters.trend_verbs:
            # "blamed the rebels for an ambush": what someone is blamed for is an act told
            return current.lemma_.lower() not in filters.accusing_verbs
    return False


def is_toll_noun(token: Token) -> bool:
    """ "the toll", "the death toll", "the number of dead": a noun that counts an event's
    victims ("the number of attacks" counts events: a trend)."""
    lex = casualty_lexicon()
    lemma = token.lemma_.lower()
    if token.pos_ != "NOUN" or lemma not in lex.toll_nouns:
        return False
    if lemma in lex.toll_named_alone:
        return True
    named = [c for c in token.children if c.dep_ in ("compound", "amod")]
    named += [g for c in token.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children if g.dep_ == "pobj"]
    return any(count_field(t) in ("killed", "injured", "killed_or_injured") for t in named)


#: Units of a span too long for one event to fill it.
LONG_SPANS = {"month", "year", "decade"}


def is_cumulative(token: Token, verb: Token, dated: bool = False) -> bool:
    """A perfect clause counted from a starting point ("more than 6,500 people have been
    killed since the conflict broke out"), over a span of months or years, or over many events ("it has carried out
    thousands of airstrikes"): a tally, not an event."""
    if not dated and follows_a_span(verb):
        return True
    perfect = any(c.dep_ == "aux" and c.lemma_.lower() == "have" for c in verb.children)
    if not perfect:
        return False
    war_nouns = lexicon().filters.war_nouns
    causes = [g for c in verb.children if c.dep_ == "prep" for g in c.subtree if g.dep_ == "pobj"]
    if any(g.lemma_.lower() in war_nouns for g in causes):
        return True  # "18,800 have died as a result of Israel's offensive", "have been killed in the war"
    # "since the conflict broke out", and "since then" told on the report: "Since then, the
    # ministry says more than 14,500 people have been killed"
    clauses = [token, verb] + [c for c in verb.children if c.dep_ == "advcl"]
    if verb.dep_ == "ccomp":
        clauses.append(verb.head)
    if not dated and any(c.dep_ in ("prep", "mark") and c.lower_ == "since" for w in clauses for c in w.children):
        return True  # (counted from a day, "fighting has been raging since Friday", it is one event still going on)
    # over a long span: "the coalition, which has been battling the Houthis for more than four years"
    if any(c.dep_ == "prep" and c.lower_ in ("for", "over") and any(g.lemma_.lower() in LONG_SPANS for g in c.subtree)
           for w in (token, verb) for c in w.children):
        return True
    # a plural event noun that no article, number or day pins to one occasion: "carried out
    # strikes", "thousands of airstrikes" (not "had launched attacks on Saturday")
    if dated:
        return False
    if is_running_total(verb):
        return True
    if token.dep_ == "pobj" and token.head.lower_ == "of" and token.head.head.dep_ == "dobj":
        quantity = token.head.head
        return quantity.lower_ in ("hundreds", "thousands", "dozens", "scores", "tens", "millions")
    return token.tag_ == "NNS" and token.dep_ == "dobj" and not any(
        c.dep_ in ("det", "poss") and c.lower_ not in ("many", "several", "numerous", "countless") for c in token.children
    ) and not any(c.dep_ == "nummod" and c.like_num and not c.lower_.endswith(("s", "dozens")) for c in token.children)


#: Spans long enough to be a stretch of someone's life, not the run-up to an event.
LIFE_SPANS = {"year", "decade"}


def follows_a_span(verb: Token) -> bool:
    """An act joined to a clause that spans years ("he served in the army for eight years and
    later was arrested at the airport"), with no day of its own, is a turn in someone's
    history, not an event of the story."""
    if verb.dep_ != "conj" or verb.head.pos_ not in ("VERB", "AUX"):
        return False
    if any(t.ent_type_ in ("DATE", "TIME") for t in verb.subtree):
        return False
    return any(c.dep_ == "prep" and c.lower_ in ("for", "over") and any(g.lemma_.lower() in LIFE_SPANS for g in c.subtree)
               for c in verb.head.children)


def is_running_total(verb: Token) -> bool:
    """A present perfect with no time and no place, counting "over" or "more than" so many
    ("it has freed over 4,000 prisoners"): a total so far, not one event."""
    if verb.tag_ != "VBN" or not any(c.dep_ == "aux" and c.lemma_.lower() == "have" and c.tag_ in ("VBZ", "VBP") for c in verb.children):
        return False
    clause = list(verb.subtree)
    if any(t.ent_type_ in ("GPE", "LOC", "FAC", "DATE", "TIME") for t in clause):
        return False
    for t in clause:
        if t.dep_ == "nummod" and t.head.dep_ in ("dobj", "nsubjpass") and t.head.head.i == verb.i:
            if any(c.dep_ in ("advmod", "quantmod") and c.lower_ in ("over", "more", "than") for c in t.children):
                return True
        if t.dep_ in ("dobj", "nsubjpass") and t.head.i == verb.i and t.lower_ in MULTITUDES:
            return True  # "hundreds of its fighters have been killed in those operations"
    return False


#: Counts no single event reaches unnamed: a toll over a campaign ("hundreds have been killed").
MULTITUDES = {"hundreds", "thousands", "millions"}


def is_description(hit: TriggerHit, triggers: set[int]) -> bool:
    """A trigger verb that describes a person or a thing by what was done to them ("those
    abducted during the attack", "the 111 detainees who were arrested in 2023", "the deal
    signed in Doha") tells who or what they are, not the news. A clause that goes on with
    the story ("the village, where they killed three people"), one on an event noun ("an
    attack that killed five") and a casualty word on its count ("five wounded") still tell it."""
    token = hit.token
    if hit.event_class.casualty_only or token.head.i in triggers:
        return False
    described = first_conjunct(token)  # "burned and looted shops"
    if described.dep_ == "amod" and described.tag_ in ("VBN", "JJ"):
        return True  # "captured servicemen", "burned bodies", "the abducted girls"
    if token.pos_ != "VERB":
        return False
    if token.dep_ == "acl":
        return token.tag_ == "VBN"  # a reduced passive: "those abducted", "the deal signed"
    if is_reduced_passive(token):
        return True
    if token.dep_ == "relcl":
        return any(c.dep_ == "nsubjpass" and c.lower_ in ("who", "that", "which") for c in token.children)
    return False


def is_reduced_passive(token: Token) -> bool:
    """A bare participle straight after a noun, with no subject, auxiliary or mark of its
    own, describes that noun even when the parse hangs it on the verb ("insisted on the
    release of the prisoners agreed in the deal", parsed as an adverbial clause, its
    participle read as a past: a past with no subject is no clause of its own)."""
    if token.dep_ != "advcl" or token.tag_ not in ("VBN", "VBD") or token.i == token.sent.start:
        return False
    if any(c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass", "mark", "expl") for c in token.children):
        return False
    return token.doc[token.i - 1].pos_ in ("NOUN", "PROPN") and token.doc[token.i - 1].dep_ != "nsubj"


def is_several(token: Token) -> bool:
    """ "Two separate attacks", "several raids": events told together, each told (or not)
    on its own; the round-up is no one incident."""
    return token.tag_ == "NNS" and has_child(token, {"amod"}, lexicon().filters.separate_words)


def is_future(when: TimeMention | None, published: date | None) -> bool:
    """Dated after the story was published: announced, not happened ("operations will resume
    from 00:00 on March 20")."""
    if when is None or not when.value or published is None:
        return False
    return when.value.partition("/")[0] > published.isoformat()[: len(when.value.partition("/")[0])]


def is_alleged_breach(family: str, attribution: Attribution | None) -> bool:
    """ "denied that rebels had broken the truce", "accused the army of breaking the
    ceasefire": a truce said broken in an accusation or a denial is a breach alleged (the
    agreements stage links it), not a side ending its truce."""
    return family == "agreement_end" and attribution is not None and attribution.kind in ("accusation", "denial")


def is_anchor(token: Token) -> bool:
    """An event named only to place another in time: "released after the attack",
    "arrested following the October 7 attack", "calm since the mediators brokered a deal".
    A clause that tells what came before ("a week after their fighters seized him") goes
    on with the story."""
    if token.dep_ == "relcl" and token.head.pos_ in ("NOUN", "PROPN") and is_anchor(token.head):
        return True  # "since the 2011 uprising that toppled Gaddafi": the clause tells the anchor's event
    # "have seized large parts of the territory since launching a new offensive": a gerund
    # under "since", and what it did, only start the span the clause counts over
    gerund = token.head if token.dep_ in ("dobj", "nsubjpass") and token.pos_ in ("NOUN", "PROPN") else token
    if gerund.tag_ == "VBG" and gerund.dep_ == "pcomp" and gerund.head.lower_ == "since":
        return True
    if token.pos_ in ("NOUN", "PROPN"):
        if token.dep_ == "pobj" and token.head.lower_ == "of" and token.head.head.lemma_.lower() in ("wake", "aftermath"):
            return True  # "in the wake of the attack", "in the aftermath of the bombing"
        return token.dep_ == "pobj" and token.head.lower_ in lexicon().filters.anchor_prepositions
    return is_timing_clause(token, {"since"})


#: An event placed only by its month or year, which ended this long before the story was
#: published, is the story's history ("the war, which began with a crackdown on protests
#: in 2011", "since they reached a truce in December 2018"), not news. An event dated to
#: its day is a report of that day, however old (a rights group's account of last year).
HISTORY_DAYS = 365


def is_history(when: TimeMention | None, published: date | None) -> bool:
    """Also an event placed by nothing finer than an earlier year ("kidnapped a star's
    father last year", "in 2020"): news tells at least the month of what it reports; a
    year before the story's is how its background is told."""
    if when is None or not when.value or published is None or when.precision == "day":
        return False
    if when.precision == "year" and when.value[:4].isdigit() and int(when.value[:4]) < published.year:
        return True
    return (published - last_day(when.value)).days > HISTORY_DAYS
