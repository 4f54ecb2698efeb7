"""Who acted in what a speaker reports, and what that makes the report.

A plain "said" takes its kind from what it tells, read on the parse:

- a hostile act or a breach done by another party than the speaker ("X said the army
  shelled the village", "three protesters were shot dead by security forces, the doctors
  said", "killed in the Sudanese army's shelling") accuses that party;
- a breach ("a violation of the ceasefire") accuses even when its doer goes unnamed;
- a state body's report of its own side's action ("the ministry said it released the
  prisoners", "our air defences intercepted the missiles, the military said") announces it;
- a hostile act of its own side that the speaker says did not happen ("there was no
  violation from our side") denies it;
- a speech act the speaker performs in the first person inside the quote ("we condemn
  it", "we reject the allegations", "we are happy to announce") is the speaker's own act.

The doer of an act is the subject of a verb, the agent of a passive ("by X"), or, for a
noun ("attack", "shelling"), its "by"/"from" phrase, its possessor or demonym ("Israeli
air strike"), or the subject of the verb that carries it out ("launched attacks"). The
words for acts are data (``data/claims/speech.toml``, ``[acts]``).
"""

from __future__ import annotations

import re

from spacy.tokens import Token

from sitrep.claims.lexicon import KIND_RANK, lexicon
from sitrep.claims.speech import cue_kind
from sitrep.models import Actor, ActorMention, AnnotatedDocument, Attribution
from sitrep.text.spans import tokens_from

FIRST_PERSON = {"we", "us", "our", "i", "my", "ours"}
SELF_PRONOUNS = {"it", "they", "its", "their", "itself", "themselves"}
STATE_INTER = (1, 8)
CROWD_INTER = (5, 6)  # rioters, protesters


def content_tokens(adoc: AnnotatedDocument, attribution: Attribution) -> list[Token]:
    """The words of what was reported: the content span, and the quote's earlier sentences,
    without the speaker phrase and the cue."""
    doc = adoc.doc
    start, end = attribution.content_start, attribution.content_end
    if attribution.quote_start is not None and attribution.quote_start < start:
        start = min(start, attribution.quote_start)
    speaker = (attribution.speaker_start, attribution.speaker_end)
    # "accused his rival of ... and said those who attacked would be pursued": the second verb
    # of speech reports words of its own, which are no part of the accusation
    cue = doc[attribution.cue_i]
    conjoined = {t.i for other in adoc.attributions if other.cue_i != cue.i and doc[other.cue_i].dep_ == "conj"
                 and doc[other.cue_i].head.i == cue.i for t in doc[other.cue_i].subtree}
    tokens = []
    for token in tokens_from(doc, start, end):
        if token.i == attribution.cue_i or token.i in conjoined:
            continue
        if speaker[0] is not None and speaker[0] <= token.idx < (speaker[1] or 0):
            continue
        tokens.append(token)
    return tokens


def is_act(token: Token) -> bool:
    acts = lexicon().acts
    return token.pos_ in ("VERB", "NOUN") and token.lemma_.lower() in acts


def is_breach(token: Token) -> bool:
    acts = lexicon()
    if token.pos_ == "VERB" and token.lemma_.lower() in acts.breaking:
        # "broke the terms of the truce", "the ceasefire was broken"
        return any(c.dep_ in ("dobj", "nsubjpass") and c.lemma_.lower() in acts.commitments for c in token.children)
    return token.pos_ in ("VERB", "NOUN") and token.lemma_.lower() in acts.breaches


def negated(token: Token) -> bool:
    if any(c.dep_ == "neg" or c.lower_ in ("no", "never") for c in token.children):
        return True
    if token.pos_ == "NOUN" and token.dep_ in ("attr", "dobj", "nsubj", "pobj"):
        head = token.head if token.dep_ != "pobj" else token.head.head
        return any(c.dep_ == "neg" for c in head.children)
    return False


def is_passive(verb: Token) -> bool:
    return any(c.dep_ in ("nsubjpass", "auxpass", "agent") for c in verb.children) or (
        verb.tag_ == "VBN" and verb.dep_ in ("acl", "relcl", "amod")
    )


def agent_of_passive(verb: Token) -> Token | None:
    for child in verb.children:
        if child.dep_ == "agent":
            objects = [g for g in child.children if g.dep_ in ("pobj", "pcomp")]
            if objects:
                return objects[0]
    return None


def subject(verb: Token) -> Token | None:
    """The active subject of a verb, inherited along coordinated verbs."""
    current = verb
    for _ in range(4):
        for child in current.children:
            if child.dep_ == "nsubj":
                return child
        if current.dep_ in ("conj", "xcomp") and current.head.i != current.i and current.head.pos_ in ("VERB", "AUX"):
            current = current.head
            continue
        return None
    return None


def doer_of_noun(noun: Token, depth: int = 0) -> Token | None:
    """ "attacks by the rebels", "violations from the Pakistani side", "the army's shelling",
    "an Israeli air strike", "launched attacks" (the launcher), "the attack was perpetrated by X"."""
    for child in noun.children:
        if child.dep_ == "prep" and child.lower_ in ("by", "from"):
            objects = [g for g in child.children if g.dep_ == "pobj"]
            if objects:
                return objects[0]
    if noun.dep_ == "nsubjpass" and noun.head.pos_ == "VERB":
        agent = agent_of_passive(noun.head)
        if agent is not None:
            return agent  # "Saturday's attack was perpetrated by X": the agent named outright
    for child in noun.children:
        if child.dep_ == "poss" and child.lower_ not in ("its", "their", "his", "her") and child.ent_type_ not in ("DATE", "TIME"):
            return child  # "the army's shelling"; "Saturday's attack" tells when, not who
    for child in noun.children:
        if child.dep_ in ("amod", "compound", "poss") and child.i < noun.i and (child.ent_type_ in ("NORP", "GPE", "ORG") or child.lower_ in FIRST_PERSON):
            return child
    noun = first_conjunct(noun)  # "stones and petrol bombs": the first conjunct's place in the clause
    head = noun.head
    if noun.dep_ == "dobj" and head.pos_ == "VERB" and not is_passive(head) and head.lemma_.lower() in lexicon().carrying_verbs:
        return subject(head)  # "launched attacks": the launcher; "discussed violations" names no doer
    if noun.dep_ == "nsubjpass" and head.pos_ == "VERB":
        return agent_of_passive(head)
    if noun.dep_ == "pobj" and head.dep_ == "prep" and head.lower_ in ("in", "of") and head.head.pos_ == "VERB" and depth == 0:
        verb = head.head
        if not is_passive(verb):
            return subject(verb)  # "deployed its military in violation of the truce"
    if noun.dep_ == "pobj" and head.dep_ == "prep" and head.lower_ == "for" and head.head.pos_ == "VERB" \
            and head.head.lemma_.lower() in lexicon().carrying_verbs and not is_passive(head.head):
        return subject(head.head)  # "use their arms for looting": the users loot
    return None


def as_noun(token: Token) -> bool:
    """Whether an act word stands as a noun in its clause, whatever its tag ("the
    violations were aimed at" tagged as a verb)."""
    if token.lower_.endswith(("tion", "tions", "ment", "ments", "ing")) and token.tag_ in ("VBZ", "VBP", "NNS", "NN"):
        return True  # a nominal suffix the tagger read as a finite verb
    return token.pos_ == "NOUN" or token.dep_ in ("nsubj", "nsubjpass", "dobj", "pobj", "attr", "compound")


def doer_of_verb(verb: Token) -> Token | None:
    if is_passive(verb):
        agent = agent_of_passive(verb)
        if agent is not None:
            if is_act(agent):
                return doer_of_noun(agent, 1)  # "killed by shelling from Ukrainian forces"
            return agent
        # "killed in the army's shelling": the act that did it
        for child in verb.children:
            if child.dep_ == "prep" and child.lower_ in ("in", "during", "by"):
                for pobj in child.children:
                    if pobj.dep_ == "pobj" and is_act(pobj):
                        return doer_of_noun(pobj, 1)
        return None
    return subject(verb)


def phrase_tokens(head: Token) -> list[Token]:
    """The words of a noun phrase up to its head, and its "of" phrase: "either Russian or
    Syrian military jets", "members of Fano"."""
    end = head.i + 1
    for child in head.children:
        if child.dep_ == "prep" and child.lower_ == "of" and child.i == end:
            end = child.right_edge.i + 1
    return [t for t in head.doc[head.left_edge.i : end]]


def sides(speaker: Actor | None, kb_affiliation: Actor | None) -> set[str]:
    names: set[str] = set()
    for actor in (speaker, kb_affiliation):
        if actor is None:
            continue
        names.update(n for n in (actor.id, actor.name, actor.affiliation) if n)
    return names


def mention_at(adoc: AnnotatedDocument, tokens: list[Token]) -> ActorMention | None:
    if not tokens:
        return None
    start, end = tokens[0].idx, tokens[-1].idx + len(tokens[-1])
    inside = [m for m in adoc.actors if start <= m.start < end or m.start <= start < m.end]
    if not inside:
        return None
    head = tokens[-1]
    for mention in inside:
        if mention.start <= head.idx < mention.end:
            return mention
    return inside[-1]


def speaker_affiliation_actor(adoc: AnnotatedDocument, speaker: Actor | None) -> Actor | None:
    if speaker is None or not speaker.affiliation:
        return None
    for mention in adoc.actors:
        if mention.actor.name == speaker.affiliation or mention.actor.id == speaker.affiliation:
            return mention.actor
    return None


def is_state(actor: Actor | None) -> bool:
    return actor is not None and actor.inter in STATE_INTER


def side_of(adoc: AnnotatedDocument, attribution: Attribution, doer: Token, governing: Token) -> str | None:
    """"own", "other" or None (unknown) for the doer of an act, seen from the speaker."""
    speaker = attribution.speaker
    affiliation = speaker_affiliation_actor(adoc, speaker)
    words = phrase_tokens(doer)
    lowered = {t.lower_ for t in words}
    if lowered & FIRST_PERSON:
        return "own"
    if doer.pos_ == "PRON":
        # "the ministry said it released ...": the subject of what it said is the speaker
        if doer.lower_ in SELF_PRONOUNS and governing.head.i == attribution.cue_i and governing.dep_ in ("ccomp", "conj") and attribution.speaker_sort == "body":
            return "own"
        return None
    mention = mention_at(adoc, words)
    if mention is None:
        return armed_noun_side(adoc, attribution, doer)
    actor = mention.actor
    if speaker is None:
        # a speaker the text does not tie to an actor ("official sources said"): the story's
        # own state's forces may be its own, unless the speaker is described as armed men of
        # no state ("separatists said"); anyone else is another party
        if is_state(actor) and (actor.country is None or actor.country == adoc.country) and not irregular_speaker(adoc, attribution):
            # "the military source said": described as the state's forces, they are its own
            return "own" if actor.country is not None and forces_speaker(adoc, attribution) else None
        return "other"
    mine = sides(speaker, affiliation)
    if actor.id in mine or actor.name in mine or (actor.affiliation and actor.affiliation in mine):
        return "own"
    if unaffiliated_person(attribution) and affiliation is None and is_state(actor) and (
            actor.country is None or actor.country == adoc.country) and speaks_for_the_state(adoc, attribution):
        return "own"  # "KDF spokesman Colonel NAME said soldiers had beaten back the attackers"
    speaker_side = affiliation or speaker
    if is_state(actor) and is_state(speaker_side) and actor.country and actor.country == speaker_side.country:
        # a state's forces and its ministry are one side; its rights commission speaks of
        # them as kin, neither announcing their acts nor accusing them
        whole_state = actor.id.startswith("country:") or speaker_side.id.startswith("country:")
        return "own" if whole_state or actor.sector == speaker_side.sector else "kin"  # "Israeli aircraft", told by its military
    if actor.inter == 7:
        return None  # civilians do not wage what is reported of them
    return "other"


def speaks_of_its_own(adoc: AnnotatedDocument, attribution: Attribution, doer: Token) -> bool:
    """ "Hemedti said his men would keep fighting": men the speaker's own pronoun owns; "the
    prime minister vowed the state would act": the state, in the words of one who holds its
    office. (Read for what a speaker says its side will do; what it says its side did is
    ``side_of``'s, by the actors the text names.)"""
    if doer.pos_ not in ("NOUN", "PROPN"):
        return False
    owner = next((c for c in doer.children if c.dep_ == "poss"), None)
    if owner is not None and owner.pos_ == "PRON":
        pronouns = ("his", "her") if attribution.speaker_sort == "person" else ("its", "their")
        return owner.lower_ in pronouns and not any(
            a.start < owner.idx < a.end for a in adoc.actors if a.actor is not attribution.speaker)
    if doer.lower_ == "state" and any(c.lower_ == "the" for c in doer.children):
        speaker = attribution.speaker
        return speaks_for_the_state(adoc, attribution) or (
            speaker is not None and is_state(speaker_affiliation_actor(adoc, speaker) or speaker))
    return False


def first_conjunct(noun: Token) -> Token:
    while noun.dep_ == "conj" and noun.head.pos_ in ("NOUN", "PROPN"):
        noun = noun.head
    return noun


def spoken_of(noun: Token) -> bool:
    """ "discussed violations", "raised “implementation” and “violations”": the object of a
    verb that does not carry the act out talks of it, it does not report one."""
    noun = first_conjunct(noun)
    return noun.dep_ == "dobj" and noun.head.lemma_.lower() not in lexicon().carrying_verbs


def armed_noun_side(adoc: AnnotatedDocument, attribution: Attribution, doer: Token) -> str | None:
    """A doer no actor was resolved for, named by what it is: "rebels", "gunmen" are another
    party than whoever speaks of them; "troops", "police" are when the speaker is not a state's."""
    lex = lexicon()
    words = {w for t in phrase_tokens(doer) for w in (t.lemma_.lower(), t.lower_)}
    if words & lex.irregular_nouns:
        return "other"  # "the insurgent column", "gunmen"
    if words & lex.state_force_nouns:
        return None if state_speaker(adoc, attribution) else "other"
    return None


def victims(act: Token) -> list[Token]:
    """Who or what an act was done to: its object, the subject of its passive, "on"/"against"/"at" X."""
    found = [c for c in act.children if c.dep_ in ("dobj", "nsubjpass")]
    for child in act.children:
        if child.dep_ == "prep" and child.lower_ in ("on", "against", "at", "in"):
            found.extend(g for g in child.children if g.dep_ == "pobj")
    if act.pos_ == "NOUN" and act.head.pos_ == "VERB":
        found.extend(victims(act.head) if act.dep_ == "dobj" else [])
    return [t for t in found if t.i != act.i]


def harms_civilians(adoc: AnnotatedDocument, act: Token) -> bool:
    civilian = lexicon().civilian_nouns
    for victim in victims(act):
        mention = mention_at(adoc, phrase_tokens(victim))
        if mention is not None and mention.actor.inter == 7:
            return True
        if victim.lemma_.lower() in civilian or any(t.lemma_.lower() in civilian for t in phrase_tokens(victim)):
            return True
    return False


def irregular_speaker(adoc: AnnotatedDocument, attribution: Attribution) -> bool:
    """A speaker described as armed men of no state ("separatists said", "a militant
    commander told reporters")."""
    return bool(described_by(adoc, attribution) & lexicon().irregular_nouns)


def state_speaker(adoc: AnnotatedDocument, attribution: Attribution) -> bool:
    """Whether the speaker speaks for a state: its actor, its affiliation, or, unnamed and
    untied to an actor, the words that describe it ("provincial officials", "a military source")."""
    speaker = attribution.speaker
    if speaker is not None:
        side = speaker_affiliation_actor(adoc, speaker) or speaker
        if side.inter is not None or not speaker.is_person:
            return is_state(side)
        # a person the text ties to no actor: the roles said of them ("chief of the district")
        return bool(set(attribution.speaker_roles) & lexicon().state_nouns)
    return bool(described_by(adoc, attribution) & lexicon().state_nouns)


def unaffiliated_person(attribution: Attribution) -> bool:
    """A named person the text ties to no body ("Colonel NAME said", with no force named)."""
    speaker = attribution.speaker
    return speaker is not None and speaker.is_person and speaker.inter is None and not speaker.affiliation


def speaks_for_the_state(adoc: AnnotatedDocument, attribution: Attribution) -> bool:
    """A person the text ties to no body whose roles are a state's ("Home Minister NAME") or
    whose title is a rank of its forces ("Colonel NAME", "Major General NAME"), as the text
    writes it wherever it names them."""
    lex = lexicon()
    if set(attribution.speaker_roles) & lex.state_nouns:
        return True
    speaker = attribution.speaker
    titles = {w.lower().rstrip(".") for m in adoc.actors if speaker is not None and m.actor.id == speaker.id
              for w in m.text.split()}
    return bool(titles & lex.military_ranks)


def forces_speaker(adoc: AnnotatedDocument, attribution: Attribution) -> bool:
    """An unnamed speaker described as of a state's forces ("a military source", "a police
    officer"): not a civil official, who tells of the forces' acts from outside them."""
    return bool(described_by(adoc, attribution) & lexicon().state_force_nouns)


def described_by(adoc: AnnotatedDocument, attribution: Attribution) -> set[str]:
    """The words of the speaker phrase, and, for "He stated ..." said by the unnamed
    "military official" it stands for, the words that described the speaker where it was
    introduced. Empty when the attribution has no speaker phrase."""
    if attribution.speaker_start is None:
        return set()
    words = adoc.document.text[attribution.speaker_start : attribution.speaker_end].lower().split()
    return set(words + (attribution.speaker_name or "").lower().split())


def authored(act: Token, doer: Token) -> bool:
    """ "the bombings were organised by the insurgent network", "the attack was carried out by
    X": an act named as the subject of a passive whose agent is its doer says who is behind
    it, which blames; "the insurgents attacked the post" tells the fighting."""
    if act.dep_ != "nsubjpass" or act.head.pos_ != "VERB":
        return False
    agent = agent_of_passive(act.head)
    return agent is not None and agent.i == doer.i


def routine_report(adoc: AnnotatedDocument, attribution: Attribution, doer: Token, act: Token) -> bool:
    """A state's account of what insurgents did to its forces ("the Taliban attacked the
    district, the police spokesman said") reports the fighting; it accuses when the victims
    are civilians, and when the doers are protesters or rioters, who wage no fighting
    ("the protesters threw stones and petrol bombs, a security source said")."""
    if not state_speaker(adoc, attribution):
        return False
    if tells_a_truce(adoc):
        return False  # under a truce, the other side's attack is a breach alleged, not the fighting told
    if authored(act, doer):
        return False  # "the bombings were organised by the network": who is behind it, named
    mention = mention_at(adoc, phrase_tokens(doer))
    if mention is None or is_state(mention.actor) or mention.actor.inter in CROWD_INTER:
        return False
    return not harms_civilians(adoc, act)


def tells_a_truce(adoc: AnnotatedDocument) -> bool:
    """Whether the story is about a truce (a ceasefire, a pause in fighting): its lead tells one."""
    truces = lexicon().truces
    return any(t.lemma_.lower() in truces or t.lower_ in truces
               for s in adoc.lead for t in s)


def first_person_acts(adoc: AnnotatedDocument, attribution: Attribution, tokens: list[Token]) -> list[str]:
    """Kinds of the speech acts the speaker performs in the first person inside its quote."""
    if attribution.quote is None:
        return []
    kinds = []
    for token in tokens:
        kind = cue_kind(token)
        if kind is None or kind == "statement" or any(c.dep_ == "neg" for c in token.children):
            continue
        current = token
        found = None
        for _ in range(3):
            found = next((c for c in current.children if c.dep_ in ("nsubj", "nsubjpass")), None)
            if found is not None or current.dep_ not in ("xcomp", "acomp", "conj", "advcl") or current.head.i == current.i:
                break
            current = current.head
        if found is not None and found.lower_ in FIRST_PERSON:
            kinds.append(kind)
    return kinds


def news_outlet(adoc: AnnotatedDocument, attribution: Attribution) -> bool:
    """ "Lebanon's official National News Agency reported", "according to a report in X": a
    news outlet that tells what happened."""
    if attribution.speaker_start is None:
        return False
    text = adoc.document.text
    words = set(re.findall(r"[a-z]+", text[attribution.speaker_start : attribution.speaker_end].lower()))
    if words & lexicon().media_nouns:
        return True
    # the words between "according to" and the name: "a report in Wednesday's issue of the
    # independent newssheet X" cites an outlet however many words name the issue
    cue = adoc.doc[attribution.cue_i]
    before = text[cue.idx : attribution.speaker_start] if cue.idx < attribution.speaker_start else ""
    before = before[-120:].lower()
    if set(re.findall(r"[a-z]+", before)) & lexicon().media_nouns:
        return True
    return bool(re.search(r"\breports? (in|by|from|on)\b", before) or re.search(
        r"\breports? (in|by|from|on) (the )?$", text[max(0, attribution.speaker_start - 20) : attribution.speaker_start].lower()))


def corrects_a_label(token: Token) -> bool:
    """ "the pair were civilians, not fighters", "they were not fighters but civilians": a
    predicate noun set against another that is negated corrects what someone called them."""
    if token.dep_ in ("appos", "conj") and token.head.dep_ == "attr" and any(c.dep_ == "neg" for c in token.children):
        return True
    return token.dep_ == "attr" and any(c.dep_ == "neg" for c in token.children) and any(
        c.dep_ in ("conj", "appos") and c.pos_ in ("NOUN", "PROPN") for c in token.children)


def threatens_more(adoc: AnnotatedDocument, attribution: Attribution, token: Token) -> bool:
    """ "violence would continue until ...", "we will continue our attacks": the speaker's
    violence said to go on."""
    lex = lexicon()
    # ("go on attacking": "on" a particle, or read as a preposition over the gerund)
    going_on = token.lemma_.lower() == "go" and any(c.dep_ in ("prt", "prep") and c.lower_ == "on" for c in token.children)
    if token.pos_ != "VERB" or not (token.lemma_.lower() in lex.continuing_verbs or going_on) or negated(token):
        return False
    if not any(c.dep_ == "aux" and c.lower_ in lex.future_modals for c in token.children):
        return False
    doer = subject(token)
    if doer is None:
        return False
    words = {w for t in phrase_tokens(doer) for w in (t.lemma_.lower(), t.lower_)}
    if words & lex.violence_nouns and not going_on:
        return True  # (operations that "will go on until" the enemy is driven out: a vow, told as a plan)
    if speaks_of_its_own(adoc, attribution, doer) or side_of(adoc, attribution, doer, token) == "own":
        objects = [c for c in token.children if c.dep_ in ("dobj", "xcomp")]
        objects += [g for c in token.children if c.dep_ == "prep" and c.lower_ == "on" for g in c.children if g.dep_ == "pcomp"]
        return any(is_act(o) or o.lemma_.lower() in lex.violence_nouns or o.lower_ in lex.violence_nouns for o in objects)
    return False


def threatens_punishment(adoc: AnnotatedDocument, attribution: Attribution, token: Token) -> bool:
    """ "US and Kenyan forces would hunt down those responsible", "the killers will be
    punished": a verb of punishing under a modal of the future, whose doer is the speaker's
    own side or whose object (the subject, in the passive) is the doers of an act."""
    lex = lexicon()
    paying = token.lemma_.lower() == "pay"
    if token.pos_ != "VERB" or negated(token) or not (
            token.lemma_.lower() in lex.punishing_verbs or punishing_phrase(token) or paying):
        return False
    if not any(c.dep_ in ("aux", "auxpass") and c.lower_ in lex.future_modals for c in token.children):
        return False
    undergoers = [c for c in token.children if c.dep_ in ("dobj", "nsubjpass")]
    if paying:
        # "those behind it would pay (a heavy price)": who pays is who is punished ("will pay
        # salaries" is no threat)
        return all(c.lemma_.lower() == "price" for c in undergoers) and not any(
            c.dep_ in ("dative", "prep") for c in token.children if c.lower_ not in ("for",))
    if any({t.lower_ for t in u.subtree} & lex.doer_words for u in undergoers):
        return True
    if any(is_act(c) for u in undergoers for c in u.children if c.dep_ == "relcl"):
        return True  # "those who had attacked Tripoli would be pursued": the doers of an act
    if is_passive(token) and any(side_of(adoc, attribution, u, token) == "other" for u in undergoers if u.dep_ == "nsubjpass"):
        return True  # "Moscow would be held responsible": another party, to be punished
    doer = subject(token)
    return doer is not None and not is_passive(token) and (
        speaks_of_its_own(adoc, attribution, doer) or side_of(adoc, attribution, doer, token) == "own")


def punishing_phrase(verb: Token) -> bool:
    """ "would be held responsible", "will take stern action against them", "bring the killers
    to justice": a verb that punishes with the word it takes."""
    phrases = lexicon().punishing_phrases
    lemma = verb.lemma_.lower()
    for taken in verb.children:
        if taken.dep_ not in ("dobj", "oprd", "acomp", "ccomp", "xcomp", "prep"):
            continue
        if f"{lemma} {taken.lemma_.lower()}" in phrases:
            return True
        if any(f"{lemma} {taken.lemma_.lower()} {g.lower_}" in phrases for g in taken.children if g.dep_ in ("prep", "pobj")):
            return True
    return False


def denies_own_losses(adoc: AnnotatedDocument, attribution: Attribution, token: Token) -> bool:
    """ "it suffered no casualties": the speaker's own side lost nothing."""
    if token.pos_ != "VERB" or token.lemma_.lower() not in lexicon().loss_verbs:
        return False
    objects = [c for c in token.children if c.dep_ == "dobj"]
    if not any(c.lower_ == "no" for o in objects for c in o.children) and not any(c.dep_ == "neg" for c in token.children):
        return False
    doer = subject(token)
    return doer is not None and side_of(adoc, attribution, doer, token) == "own"


def told_as_background(act: Token, doer: Token) -> bool:
    """ "died as a result of Israel's offensive", "the Israeli attack on the camp started at
    night": an act noun whose doer is only its possessor or demonym, in a phrase that tells
    when or why, or the subject of a verb that is no act, sets the scene; it blames no one
    ("an Israeli strike killed two civilians" does)."""
    if doer.head.i != act.i or doer.dep_ not in ("poss", "amod", "compound"):
        return False
    if any(c.dep_ in ("relcl", "acl") and (is_act(c) or is_breach(c)) for c in act.children):
        return False  # "after an Israeli strike that killed two civilians": the strike did the harm
    if act.dep_ == "pobj":
        return True
    return act.dep_ == "nsubj" and act.head.pos_ == "VERB" and not is_act(act.head) and not is_breach(act.head)



def unidentified(doer: Token) -> bool:
    """ "unidentified armed men killed 19 farmers", "an attack by suspected jihadists": a doer
    the report does not identify is no party it can blame; the act is told, not charged."""
    words = {t.lower_ for t in phrase_tokens(doer)}
    return bool(words & lexicon().unidentified)


def told_as_mutual(tokens: list[Token]) -> bool:
    """ "when troops from the two sides traded fire", "both sides broke the truce": what is
    told is done by each side, no one side is blamed."""
    lex = lexicon()
    for token in tokens:
        if token.pos_ == "VERB" and token.lemma_.lower() in lex.mutual_verbs:
            return True
        if token.dep_ in ("nsubj", "nsubjpass") and token.lower_ in lex.collective_nouns and any(
                c.lower_ in ("both", "two", "all") for c in token.children):
            return True
    return False


def conditional(token: Token) -> bool:
    """ "only act in self-defence when attacked", "if the army attacks": an act told under a
    condition, not as done."""
    lex = lexicon()
    openers = [c.lower_ for c in token.children if c.dep_ in ("mark", "advmod")]
    if any(o in lex.conditions for o in openers):
        return True
    has_subject = any(c.dep_ in ("nsubj", "nsubjpass") for c in token.children)
    return not has_subject and any(o in lex.reduced_conditions for o in openers)


def order_in_force(token: Token) -> bool:
    """ "the forces are directed to cease all hostilities": an order told in the present passive."""
    if token.tag_ != "VBN" or token.lemma_.lower() not in lexicon().order_verbs:
        return False
    if not any(c.dep_ == "xcomp" for c in token.children):
        return False
    present = [c for c in token.children if c.dep_ == "auxpass" and c.tag_ in ("VBP", "VBZ")]
    if not present and token.head.i != token.i and token.head.lemma_ == "be" and token.head.tag_ in ("VBP", "VBZ"):
        present = [token.head]
    return bool(present)


def own_speech_act(adoc: AnnotatedDocument, attribution: Attribution) -> str | None:
    """The speech act the speaker performs in the first person inside its quote ("We
    confirm. ...", "we reject the claims"), the most specific of them, or None."""
    performed = first_person_acts(adoc, attribution, content_tokens(adoc, attribution))
    return max(performed, key=KIND_RANK.__getitem__) if performed else None


def reported_kind(adoc: AnnotatedDocument, attribution: Attribution) -> str | None:
    """The kind what a plain report tells gives it, or None when it tells nothing of the kind.
    A news outlet's report tells, it accuses no one (``news_outlet``)."""
    if news_outlet(adoc, attribution):
        return None
    tokens = content_tokens(adoc, attribution)
    performed = first_person_acts(adoc, attribution, tokens)
    if performed:
        return max(performed, key=KIND_RANK.__getitem__)
    accuses = denies = announces = threatens = False
    operations = lexicon().operations
    if any(order_in_force(t) for t in tokens):
        return "announcement"
    mutual = told_as_mutual(tokens)
    for token in tokens:
        if conditional(token):
            continue
        if corrects_a_label(token) or denies_own_losses(adoc, attribution, token):
            denies = True
            continue
        if threatens_more(adoc, attribution, token) or threatens_punishment(adoc, attribution, token):
            threatens = True
            continue
        breach = is_breach(token)
        hostile = is_act(token)
        operation = token.pos_ in ("VERB", "NOUN") and token.lemma_.lower() in operations
        if token.pos_ == "VERB" and token.lemma_.lower() in lexicon().carrying_verbs and negated(token):
            operation = True  # "our air force did not carry out any missions": an act of its own said not to be
        if not (breach or hostile or operation):
            continue
        if not as_noun(token):
            doer, governing = doer_of_verb(token), token
        else:
            doer, governing = doer_of_noun(token), token.head
        side = side_of(adoc, attribution, doer, governing) if doer is not None else None
        if negated(token):
            if side in ("own", "kin") and (breach or hostile or operation):
                denies = True
            elif breach and side == "other":
                denies = True  # "there was no violation from their side": a breach said not to be
            continue
        talked_about = as_noun(token) and spoken_of(token)
        # a pronoun the speaker's side is not known to be ("..., and it broke the terms of the
        # agreement") names no doer the breach could be the speaker's own: as unnamed
        unknown = doer is None or (side is None and doer.pos_ == "PRON" and doer.lower_ not in FIRST_PERSON)
        if breach and (side == "other" or (unknown and not talked_about and not mutual)):
            accuses = True  # "a violation of the truce" accuses someone; "the two sides discussed violations" no one
        elif hostile and side == "other" and not routine_report(adoc, attribution, doer, token) and not (
                as_noun(token) and told_as_background(token, doer)) and not unidentified(doer):
            accuses = True
        elif side == "own" and (is_state(attribution.speaker) or attribution.speaker is None and forces_speaker(adoc, attribution)):
            # (a person who only speaks for the state, "Home Minister NAME", is not here: the
            # dev gold reads their word on its forces' acts as a plain statement)
            announces = True
    if threatens:
        return "threat"
    if denies:
        return "denial"
    if accuses:
        return "accusation"
    if announces:
        return "announcement"
    return None


__all__ = ["own_speech_act", "reported_kind"]
