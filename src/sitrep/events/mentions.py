"""Event mentions: the clauses of a document that report something happening.

A trigger (data/events/triggers.toml) becomes a mention only when the specificity checks
let it through and its arguments fit; then one mention per sentence and event family,
with what the sentence tells of it: counts, time, place, source, actors.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from datetime import date

from spacy.tokens import Span, Token

from sitrep import places, time
from sitrep.events.arguments import (
    EVENT_HEADS, agent_is_state, agent_of, bomb_thrower, check_argument, doer_refers_back, doers_of, is_disrupted, victim_side,
)
from sitrep.events.counts import Count, is_person_phrase, sentence_counts
from sitrep.events.lexicon import EventClass, TriggerHit, find_triggers, lexicon, phrase_matches
from sitrep.events.specificity import (
    is_aggregate, is_alleged_breach, is_anchor, is_cumulative, is_custody, is_description, is_future, is_grievance, is_habitual, is_history, is_irrealis,
    is_negated, is_several, is_talked_about, is_trend,
)
from sitrep.events.syntax import clause_verb, has_child, is_timing_clause
from sitrep.models import ActorMention, AnnotatedDocument, Attribution, PlaceMention, TimeMention
from sitrep.places import Location
from sitrep.text.spans import cut_off_ending, is_heading, overlapping, subtree_span, within


FIELDS_BY_FAMILY = {
    "violence": {"killed", "injured", "killed_or_injured"},
    "protest": {"killed", "injured", "killed_or_injured", "detained"},
    "territory": {"killed", "injured", "killed_or_injured"},
    "release": {"released"},
    "arrest": {"detained"},
    "abduction": {"abducted", "killed", "injured"},
}
#: Triggers telling of two sides fighting each other.

#: Nouns naming the doers, not the deed: a trigger only when the sentence tells nothing else.
DOER_NOUNS = {"gunman", "assailant", "attacker"}

#: Families that join the violence (or the ground changing hands) told in their sentence.
MERGED_FAMILIES = ("looting", "disrupted", "abduction", "arrest", "change")
#: Classes whose weapon, once found, seized or defused, did not go off.

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
    pointer: bool = False  # only event nouns that point back ("the attacks", "those strikes")
    new_event: bool = False
    one_more: bool = False  # ``one_more_victim``: apart from the event told, on its day
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
    refers_back: bool = False  # its doers are the ones already told of: "the attackers then torched the trucks"
    agent: ActorMention | None = None  # who did it, when the parse names them
    sequel: bool = False  # told as what happened next: "aircraft then struck a commander"
    points_back: bool = False  # the sentence names an event already told: "in the operation", "during the raid"
    placed_by_told: bool = False  # placed in time by the event told: "the attack came hours before an assassination attempt"
    spread: bool = False  # told over a whole country: "nationwide protests", "clashes across the country"
    renewed: bool = False  # told as a renewal ("fresh attacks"): no part of an event told with a time of its own

    @property
    def main(self) -> TriggerHit:
        return max(self.hits, key=lambda h: h.event_class.priority)

    @property
    def family(self) -> str:
        return self.event_class.family

    @property
    def means(self) -> str | None:
        """How the harm was done: the class's means, else what its trigger words tell."""
        return self.event_class.means or next((h.rule.means for h in self.hits if h.rule.means), None)


def is_anaphoric(token: Token) -> bool:
    """ "the attack", "those strikes": a trigger noun pointing back to a told event."""
    if token.pos_ not in ("NOUN", "PROPN"):
        return False
    if any(c.dep_ == "amod" and c.ent_type_ == "ORDINAL" for c in token.children):
        return False  # "the fifth victim", "the second blast": one more, not the one told
    determiners = [c.lower_ for c in token.children if c.dep_ in ("det", "poss")]
    return any(d in lexicon().filters.anaphoric_determiners for d in determiners)


def is_folded_gerund(token: Token) -> bool:
    """A gerund the parser made a modifier of its own object: "accused the army of bombing
    villages" read as "bombing villages" like "shooting range". The tagger still calls it a
    verb form (VBG) where a modifier noun is NN, and it follows a preposition: an act told."""
    return (token.tag_ == "VBG" and token.i > token.sent.start and token.doc[token.i - 1].dep_ == "prep"
            and token.head.dep_ == "pobj" and token.head.head.i == token.i - 1)


def tense_verb(word: Token, verb: Token) -> Token:
    """The verb whose tense a trigger's act takes: a gerund after a preposition ("use their
    arms for looting", "arrested for looting") has none of its own, it takes its governor's."""
    if word.tag_ == "VBG" and word.dep_ == "pobj" and word.head.head.i != word.head.i:
        return clause_verb(word.head.head)
    return verb


def describes_told(hit: TriggerHit, hits: list[TriggerHit]) -> bool:
    """A trigger in the relative clause of an event noun that points back describes that
    event: "following the air strike that hit a camp" tells the strike already told."""
    token = hit.token
    return token.dep_ in ("relcl", "acl") and any(h.token.i == token.head.i and is_anaphoric(h.token) for h in hits)


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


def renewed(hits: list[TriggerHit]) -> bool:
    """ "fresh attacks", "new clashes": a renewal of what went before the story."""
    words = lexicon().filters.renewal_words
    return any(c.lower_ in words for hit in hits for c in hit.token.children if c.dep_ in ("amod", "advmod"))


def spread_over_country(sentence: Span, hits: list[TriggerHit]) -> bool:
    """ "Nationwide protests", "demonstrations across the country": an event told over a
    whole country, the sum of many local ones."""
    filters = lexicon().filters
    if any(c.lower_ in filters.spread_words for h in hits for c in h.token.children if c.dep_ in ("amod", "advmod", "compound")):
        return True
    lowered = sentence.text.lower()
    return any(re.search(rf"\b{re.escape(p)}\b", lowered) for p in filters.spread_phrases)


def told_as_earlier(sentence: Span, hits: list[TriggerHit]) -> bool:
    """An event the sentence tells only as what came before the thing it speaks of: "the
    accusations come after an air strike killed 56 civilians", "the clashes followed a raid
    that left two dead". Whatever the subject names (the story's event, or what was said of
    it), the event after "come after" or in the object of "follow" is an earlier one: not
    the event told just before. Read by word order, the parse of such sentences being often
    broken; the subject must hold none of the triggers ("the strike came after midnight")."""
    filters = lexicon().filters
    own = {h.token.i for h in hits}
    for verb in sentence:
        if verb.pos_ != "VERB" or verb.lemma_.lower() not in filters.precedence_verbs or verb.dep_ in ("prep", "amod"):
            continue
        subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
        if not subjects or any(t.i in own for c in subjects for t in c.subtree):
            continue
        if verb.lemma_.lower() == "follow":
            start = verb.i
        else:
            # "come after the agency said ..." (a preposition) or "come after an agency said ..." (a clause's mark)
            marks = [c.i for c in verb.children if c.dep_ == "prep" and c.lower_ in filters.anchor_prepositions]
            marks += [m.i for c in verb.children if c.dep_ == "advcl"
                      for m in c.children if m.dep_ == "mark" and m.lower_ in filters.anchor_prepositions]
            if not marks:
                continue
            start = min(marks)
        if all(i > start for i in own):
            return True
    return False


def one_more_victim(hits: list[TriggerHit]) -> bool:
    """ "The fifth victim was seized near the river": an ordinal on a person tells one more
    of the people the story is counting, an act of its own on the day the story is telling
    (an ordinal on an event noun, "a second blast", may open another day)."""
    return any(is_person_phrase(h.token) and any(c.ent_type_ == "ORDINAL" for c in h.token.children if c.dep_ == "amod")
               for h in hits)


def is_background(when: TimeMention | None, published: date | None) -> bool:
    """An event the text dates more than ``NEWS_DAYS`` before publication: the story's
    past, not its news."""
    if when is None or not when.value or published is None:
        return False
    try:
        last = date.fromisoformat(when.value.split("/")[-1]) if when.precision == "day" else None
    except ValueError:
        return False
    return last is not None and (published - last).days > NEWS_DAYS


def placed_by_told(outside: list[TriggerHit], inside: list[TriggerHit]) -> bool:
    """The clause outside the anchor only points back ("this latest attack occurred ..."),
    and the anchored event is told as new, by an indefinite noun ("an assassination attempt")."""
    return (all(is_anaphoric(h.token) for h in outside)
            and all(h.token.pos_ in ("NOUN", "PROPN") and not is_anaphoric(h.token) and not h.event_class.casualty_only
                    and any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in h.token.children) for h in inside))


def split_anchored(hits: list[TriggerHit], anchored: set[int], counts: list[Count],
                   news: set[int] | None = None) -> list[tuple[list[TriggerHit], list[Count]]]:
    """An event named to place another in time, with a toll of its own, is told apart with
    its toll ("Hezbollah launched rockets at Israel after an Israeli air strike that killed
    two civilians"): coreference then decides whether the two are one event."""
    for anchor in hits:
        if anchor.token.i not in anchored:
            continue
        clause = {t.i for t in anchor.token.subtree}
        outside = [h for h in hits if h.token.i not in clause]
        if not outside:
            continue
        inside = [h for h in hits if h.token.i in clause]
        if placed_by_told(outside, inside):
            # "this latest attack occurred hours before an assassination attempt on the chief
            # of staff": the event told places a new one in time, which is news of its own
            anchored -= {h.token.i for h in inside}
            if news is not None:
                news.update(h.token.i for h in inside)  # their mention opens an event of its own
        elif not any(c.token_i in clause and c.value is not None for c in counts):
            continue
        return [(outside, [c for c in counts if c.token_i not in clause]), (inside, [c for c in counts if c.token_i in clause])]
    return [(hits, counts)]


def split_timing_news(hits: list[TriggerHit], verbs: set[int], counts: list[Count]) -> list[tuple[list[TriggerHit], list[Count]]]:
    """The hits of a timing clause dated this week told apart from the main clause's, each
    with its own counts; empty when the sentence has no such clause beside a main event."""
    for verb in sorted(verbs):
        doc = hits[0].token.doc
        clause = {t.i for t in doc[verb].subtree}
        inside = [h for h in hits if h.token.i in clause]
        outside = [h for h in hits if h.token.i not in clause]
        if inside and outside and not all(h.event_class.casualty_only for h in inside):
            return [(outside, [c for c in counts if c.token_i not in clause]), (inside, [c for c in counts if c.token_i in clause])]
    return []


def extends(hit: TriggerHit) -> bool:
    """An agreement extended in a relative clause on its noun: "a truce, which was extended"."""
    return hit.event_class.family == "agreement" and hit.token.dep_ == "relcl" and hit.token.lemma_.lower() == "extend"


def split_extended(hits: list[TriggerHit], counts: list[Count]) -> list[tuple[list[TriggerHit], list[Count]]]:
    """A truce made and, in a clause on its noun, extended later ("they initiated a ceasefire,
    which was extended for six months in January") are two agreements, each with its own date."""
    extended = [h for h in hits if extends(h)]
    rest = [h for h in hits if h not in extended]
    if not extended or not rest:
        return [(hits, counts)]
    return [(rest, counts)] + [([h], counts) for h in extended]


def family_groups(hits: list[TriggerHit], attempted: list[TriggerHit] = ()) -> dict[str, list[TriggerHit]]:
    """Hits of one sentence by event family; ``attempted`` the protests the sentence says
    people tried or meant to hold."""
    groups: dict[str, list[TriggerHit]] = {}
    for hit in hits:
        family = hit.event_class.family
        if family == "protest" and "violence" in groups:
            family = "violence"
        groups.setdefault(family, []).append(hit)
    if "protest" in groups and "violence" in groups:
        groups["violence"] = groups.pop("protest") + groups["violence"]
    if "territory" in groups and "violence" in groups:
        # "recaptured the post in an operation in which three insurgents were killed": the
        # fighting is how the ground changed hands
        groups["territory"] = groups["territory"] + groups.pop("violence")
    main = next((f for f in ("violence", "territory") if f in groups), None)
    for other in MERGED_FAMILIES:
        if main and other in groups:
            # "an arson attack on a bus killed six", "thwarted an attack and killed a fighter",
            # "kidnapped and killed", "seized their weapons and took the district": one event
            groups[main] = groups[main] + groups.pop(other)
    if "arrest" in groups and ("protest" in groups or "violence" in groups and any(h.event_class.family == "protest" for h in groups["violence"])):
        # arrests at a demonstration are the authorities' intervention in it
        target = "protest" if "protest" in groups else "violence"
        groups[target] = groups[target] + groups.pop("arrest")
    elif "arrest" in groups and attempted and "violence" not in groups:
        # "detained when they tried to march on Parliament": the police stopped a protest
        groups["protest"] = attempted[:1] + groups.pop("arrest")
    return groups


def names_told_event(sentence: Span, own: set[int]) -> bool:
    """Whether a sentence names, besides its own triggers, an event by a definite noun
    ("12 more were arrested in the operation", "destroyed during the bombardment")."""
    filters = lexicon().filters
    return any(t.i not in own and t.pos_ == "NOUN" and t.lemma_.lower() in filters.new_event_nouns | {"offensive", "bombardment", "shelling", "fighting"}
               and has_child(t, {"det", "poss"}, filters.anaphoric_determiners) for t in sentence)


def told_next(token: Token) -> bool:
    """An act told as what happened next ("Israeli aircraft then struck a commander", "a man
    was later shot dead"), which is an event of its own; a casualty told later ("two more
    bodies were found later") belongs to the event already told."""
    verb = clause_verb(token)
    return token.pos_ == "VERB" and any(
        c.dep_ == "advmod" and c.lower_ in lexicon().filters.sequel_words for c in (*token.children, *verb.children))


def told_span(attribution: Attribution | None, sentence: Span, offset: int) -> tuple[int, int]:
    """What was reported, when the trigger lies in it: the event's place is read there, not in
    who reported it ("the UAE's news agency WAM quoted a source as saying ...")."""
    if attribution is not None and attribution.content_start <= offset < attribution.content_end:
        return attribution.content_start, attribution.content_end
    return sentence.start_char, sentence.end_char


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
    sentences = adoc.sentences
    last_seen = {s.text.strip(): s.start for s in sentences}
    reporting = {a.cue_i for a in adoc.attributions}
    for sentence in sentences:
        if last_seen[sentence.text.strip()] != sentence.start:
            continue  # a teaser repeated further down is read where the story tells it
        main_clause: set[int] | None = None  # when only the main clause is read: the text's cut-off last line
        if is_heading(sentence, adoc.document.text):
            main_clause = cut_off_report(sentence, adoc.document.text)
            if not main_clause:
                continue
        kept: list[TriggerHit] = []
        attempted: list[TriggerHit] = []  # protests people tried or meant to hold: "arrested as they tried to march"
        dropped: set[int] = set()
        taken: set[tuple[int, int]] = set()  # one rule per trigger word: the first whose argument fits
        anchored: set[int] = set()  # triggers that only place another clause in time
        hits_found = find_triggers(sentence, matches)
        triggers = {h.token.i for h in hits_found}
        # what a describing clause says is part of the description: "those abducted during the attack"
        # (an agreement extended in a clause on its noun is a new agreement: "a ceasefire, which was extended in January")
        describing = {h.token.i for h in hits_found if is_description(h, triggers) and not extends(h)}
        for hit in hits_found:
            token = hit.token
            if (hit.start, hit.end) in taken:
                continue
            if (token.dep_ == "compound" and hit.end - hit.start == len(token) and token.head.lemma_.lower() not in EVENT_HEADS
                    and not is_folded_gerund(token)):
                continue  # "mine planters", "attack helicopter": a modifier, not an event
            if (token.pos_ == "NOUN" and token.dep_ == "attr" and token.head.lemma_ == "be" and not hit.event_class.casualty_only
                    and not has_child(token.head, {"expl"})):
                continue  # "the arrest is an attack on media freedom": a characterisation, not an event
            if is_custody(hit):
                continue  # "released from Bagram jail"
            if token.pos_ == "NOUN" and has_child(token, {"amod"}, filters.background_modifiers):
                continue  # "a shell left from previous fighting": background, not this event
            if hit.event_class.name == "clash" and has_child(token, {"prep"}, filters.ally_prepositions):
                continue  # "fighting alongside Eritrean forces": who fought with whom, not a battle told
            # a weapon word read through the event noun it modifies: "rocket attacks have lessened"
            word = token.head if token.dep_ == "compound" and token.head.lemma_.lower() in EVENT_HEADS else token
            verb = clause_verb(word)
            if main_clause is not None and verb.i not in main_clause:
                continue  # a clause of a cut-off line whose sentence the cut may have changed
            negated = is_negated(word, verb)
            intended = not negated and is_irrealis(word, verb)
            background = (is_talked_about(word) or is_aggregate(word, sentence) or is_trend(word) or (is_several(word) and told_one_by_one(adoc, word, sentence))
                          or is_cumulative(word, verb, dated=day_dated(adoc, word)) or is_habitual(tense_verb(word, verb), reporting)
                          or token.i in describing or any(a.i in describing for a in token.ancestors))
            if negated or intended or background:
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
                hit = TriggerHit(hit.token, hit.start, hit.end, replace(hit.rule, event_class=event_class))
            taken.add((hit.start, hit.end))
            kept.append(hit)
            if is_anchor(token.head if token.dep_ == "compound" else token) and not of_the_week(adoc, token):
                anchored.add(token.i)
        anchored |= {h.token.i for h in kept if times_other(h, kept)}
        # "since government forces, backed by Russian warplanes, launched their offensive": a
        # trigger inside an anchoring clause only describes its event
        anchored |= {h.token.i for h in kept if any(
            a.pos_ in ("VERB", "AUX") and is_anchor(a) and not of_the_week(adoc, a) for a in h.token.ancestors)}
        # a clause dated this week that places the main clause's event in time tells an event
        # of its own: "the army retook the town on Monday, hours after rebels stormed it on
        # Sunday" (two mentions; coreference decides whether they are one event)
        timing_news = {a.i for h in kept for a in h.token.ancestors
                       if a.pos_ in ("VERB", "AUX") and is_timing_clause(a) and of_the_week(adoc, a) and h.token.i not in anchored}
        if any(h.token.lemma_.lower() not in DOER_NOUNS and not h.event_class.casualty_only for h in kept):
            kept = [h for h in kept if h.token.lemma_.lower() not in DOER_NOUNS]  # "assailants torched a bus": the arson
        if any(h.event_class.name == "protest" for h in kept):
            kept = [h for h in kept if not is_grievance(h)]
        if not kept:
            continue
        counts = [c for c in sentence_counts(sentence, adoc.actors) if c.token_i not in dropped]
        lowered = sentence.text.lower()
        groups = family_groups(kept, attempted)
        news: set[int] = set()  # triggers of a new event that one already told places in time
        units = [(family, part, part_counts) for family, hits in groups.items()
                 for part, part_counts in (split_timing_news(hits, timing_news, counts) or split_anchored(hits, anchored, counts, news)
                                           if family == "violence" else split_extended(hits, counts) if family == "agreement" else [(hits, counts)])]
        for family, hits, counts in units:
            if family == "violence" and all(h.event_class.casualty_only for h in hits):
                fields = {c.field for c in counts if (c.value is not None or c.vague) and not c.tally}
                if not fields & FIELDS_BY_FAMILY["violence"]:
                    # "died" with nobody counted is no report of an incident, nor is a war's
                    # toll so far ("in a conflict that has killed 150,000 people")
                    continue
                if all(names_the_dead(h.token) for h in hits):
                    continue  # "declared Wednesday a day of mourning for the three dead men": who, not what happened
            # the violence itself, not what was merged into it ("thwarted an attack, killing two")
            own = [h for h in hits if h.event_class.family not in MERGED_FAMILIES] or hits
            main = max(own, key=lambda h: h.event_class.priority)
            if all(h.token.i in anchored or h.event_class.casualty_only for h in hits) and not any(
                    c.value is not None for c in counts if c.field in FIELDS_BY_FAMILY.get(family, ())):
                continue  # "arrested following the attack": the attack only dates the arrests
            mention = EventMention(sentence=sentence, hits=hits, event_class=main.event_class)
            # what every merged act counts: "15 were injured and 12 more were arrested"
            relevant = set().union(*(FIELDS_BY_FAMILY.get(f, set()) for f in {family} | {h.event_class.family for h in hits}))
            if family != "violence" and "violence" in groups:
                relevant = relevant - FIELDS_BY_FAMILY["violence"]  # the casualties belong to the violence
            mention.counts = [c for c in counts if c.field in relevant]
            mention.time = first_time(adoc, hits)
            if is_history(mention.time, adoc.document.published) or is_future(mention.time, adoc.document.published):
                continue
            if family == "agreement" and told_in_passing(main, mention.time):
                continue
            mention.attribution = attribution_for(adoc, sentence, main.start)
            told = told_span(mention.attribution, sentence, main.start)
            mention.location = places.locate_event(adoc, told[0], told[1], main.start)
            if told != (sentence.start_char, sentence.end_char) and (
                    mention.location is None or mention.location.geo_precision == "country"):
                # what was reported names no place below the country: the sentence may ("Kunduz police said ...")
                mention.location = places.locate_event(adoc, sentence.start_char, sentence.end_char, main.start) or mention.location
            if main.event_class.national and mention.location is not None and not within(adoc.places, *subtree_span(main.token)):
                # "violence returned to two provinces after the group ended its truce": the
                # provinces are where the violence is, the truce was the whole group's
                mention.location = mention.location.country_level()
            mention.own_place = bool(within(adoc.places, *told))
            if mention.location is not None and any(is_several(h.token) for h in hits) and not places_below_country(adoc, *told):
                # "the US carried out three separate airstrikes in early August", at no place
                # told: the story's province is where it is set, not known to be where each fell
                mention.location = mention.location.country_level()
            if not mention.own_place and mention.location is not None and is_background(mention.time, adoc.document.published):
                # "Hamas's attacks on 7 October killed 1,200" in a story of a truce seven weeks
                # on: where the story is set is where its news is, not where its past was
                mention.location = mention.location.country_level()
            mention.anaphoric = all(is_anaphoric(h.token) or h.event_class.casualty_only or describes_told(h, hits) for h in hits)
            mention.pointer = all(is_anaphoric(h.token) for h in hits)
            mention.later_death = all(h.event_class.casualty_only for h in hits) and any(
                t.lemma_.lower() == "succumb" or (t.lemma_.lower() in ("injury", "wound", "burn") and t.head.lemma_.lower() in ("of", "from", "to"))
                for t in sentence)
            mention.placed_by_told = all(h.token.i in news for h in hits)
            opens = opens_new_event(sentence, hits)
            mention.new_event = opens or told_as_earlier(sentence, hits) or mention.placed_by_told
            mention.spread = spread_over_country(sentence, hits)
            mention.renewed = renewed(hits)
            mention.one_more = opens and one_more_victim(hits)
            mention.refers_back = doer_refers_back(main.token)
            mention.agent = agent_of(main.token, adoc.actors)
            mention.points_back = names_told_event(sentence, {h.token.i for h in hits})
            mention.sequel = not (mention.refers_back or main.event_class.casualty_only) and told_next(main.token)
            mention.contrast = any(re.search(rf"\b{re.escape(w)}\b", lowered) for w in filters.contrast_words)
            mention.claimed = bool(re.search(r"\bclaim(ed|s)? responsibility\b|\bclaimed the (attack|bombing|killing)", lowered))
            mention.denied = bool(mention.attribution and mention.attribution.kind == "denial")
            if is_alleged_breach(mention.family, mention.attribution):
                continue
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
            mentions.extend(told_apart(mention, adoc))
    return mentions


#: Families whose act is told with the event that caused it: a truce suspended after an attack.
CAUSED_FAMILIES = {"agreement_end"}


def times_other(hit: TriggerHit, hits: list[TriggerHit]) -> bool:
    """A clause that gives the cause of a truce ended in the sentence: "the government
    suspended the truce after the group attacked a village" tells the suspension; the attack
    (told where the story tells it) only says when and why. (A release "a week after their
    fighters seized him" goes on with the story: both are told.)"""
    token = hit.token
    return (token.pos_ == "VERB" and is_timing_clause(token)
            and any(h.token.i == token.head.i and h.event_class.family in CAUSED_FAMILIES - {hit.event_class.family} for h in hits))


def cut_off_report(sentence: Span, text: str) -> set[int]:
    """The last line of a text cut off mid-sentence (``cut_off_ending``), which has no
    closing stop like a headline: a report all the same when its main verb tells in the
    past what someone did, where a headline tells in the present ("A strike on the port
    in May hit a depot where officers were meeting to plan", "The villagers had marched
    the same"). Only that main
    clause is read (the verbs it joins by "and" with it): what the cut left of the rest may
    not be what was told. The main clause's verbs, or none when the line is no report."""
    if not cut_off_ending(sentence, text):
        return set()
    root = sentence.root
    past = root.tag_ == "VBD" or (root.tag_ == "VBN" and any(c.dep_ in ("aux", "auxpass") and c.tag_ == "VBD" for c in root.children))
    doer = has_child(root, {"nsubj", "nsubjpass"})
    told = has_child(root, {"dobj", "nsubjpass", "prep", "agent"})
    if root.pos_ != "VERB" or not (past and doer and told):
        return set()
    return {root.i} | {c.i for c in root.children if c.dep_ == "conj" and c.pos_ == "VERB"}


def told_apart(mention: EventMention, adoc: AnnotatedDocument) -> list[EventMention]:
    """Two accounts in one sentence: "the general said seven soldiers died, while the
    militants put the number at 15". A figure that another speaker of the sentence gives (it
    stands in that speaker's words, and in no narrower report) is that speaker's telling of
    the event, when the sentence's own source gives figures too."""
    sentence = mention.sentence
    in_sentence = [a for a in adoc.attributions if a.sent_start == sentence.start_char]
    if len(in_sentence) < 2 or mention.attribution is None:
        return [mention]
    own: list[Count] = []
    others: dict[int, list[Count]] = {}
    for count in mention.counts:
        offset = sentence.doc[count.token_i].idx
        covering = [a for a in in_sentence if a.content_start <= offset < a.content_end]
        teller = min(covering, key=lambda a: a.content_end - a.content_start) if covering else None
        if teller is None or teller is mention.attribution or speaker_of(teller) == speaker_of(mention.attribution):
            own.append(count)
        else:
            others.setdefault(in_sentence.index(teller), []).append(count)
    if not others or not any(c.value is not None for c in own):
        return [mention]
    mention.counts = own
    return [mention] + [replace(mention, counts=counts, attribution=in_sentence[index]) for index, counts in others.items()]


def speaker_of(attribution: Attribution) -> str:
    return attribution.speaker.id if attribution.speaker else (attribution.speaker_name or "").lower()


def told_in_passing(hit: TriggerHit, when: TimeMention | None) -> bool:
    """ "The agreement was signed in Khartoum", "the truce deal was agreed in Sweden last
    week": a deal already known, told in the passive with no day of its own, is the
    story's background; "the truce was announced in Moscow on Thursday" is its news."""
    verb = hit.token
    if verb.pos_ != "VERB" or not any(c.dep_ == "nsubjpass" and c.pos_ == "NOUN" for c in verb.children):
        return False  # ("a ceasefire, which was extended in January": an extension told, news of its own)
    return when is None or when.precision != "day"


def names_the_dead(token: Token) -> bool:
    """ "mourning for the three dead men", "the families of the dead soldiers": a casualty
    word that only describes people in a phrase about something else (an event told with
    them is "left three men dead", "among the dead were two children")."""
    if token.dep_ != "amod" or token.head.dep_ != "pobj":
        return False
    return not is_trigger_word(token.head.head.head)


def is_trigger_word(token: Token) -> bool:
    return bool(lexicon().by_lemma.get(token.lemma_.lower()))


def first_time(adoc: AnnotatedDocument, hits: list[TriggerHit]) -> TimeMention | None:
    """The time governing the event's clause; the time a "when" clause hangs on ("since 2012,
    when rebels stormed the towns"); else one told inside the trigger's own phrase
    ("announced a ceasefire starting from Sunday")."""
    ordered = sorted(hits, key=lambda h: -h.event_class.priority)
    for hit in ordered:
        verb = clause_verb(hit.token)
        if verb.dep_ == "relcl":
            head = verb.head
            holding = [t for t in adoc.times if t.start <= head.idx < t.end and t.value]
            if holding:
                return holding[0]
    for hit in ordered:
        found = time.governing_time(adoc, hit.token.i)
        if found is not None:
            return found
    for hit in ordered:
        start, end = subtree_span(hit.token)
        inside = [
            t for t in adoc.times
            if start <= t.start and t.end <= end and t.value and not time.ranks_within(adoc.doc, t)
        ]
        if inside:
            return inside[0]
    return None


#: How many days before publication a clause's own date makes its event the story's news.
NEWS_DAYS = 7


def of_the_week(adoc: AnnotatedDocument, token: Token) -> bool:
    """A "since" clause dated to a day of the story's week tells news, not background: "the
    biggest challenge since he ousted the cabinet on Monday" (not "since rebels seized the
    town in 2012", nor an undated "since the coup")."""
    if token.pos_ != "VERB":
        return False
    found = time.governing_time(adoc, token.i)
    published = adoc.document.published
    if found is None or found.precision != "day" or not found.value or published is None:
        return False
    try:
        day = date.fromisoformat(found.value.partition("/")[0])
    except ValueError:
        return False
    return 0 <= (published - day).days <= NEWS_DAYS


def places_below_country(adoc: AnnotatedDocument, start: int, end: int) -> list[PlaceMention]:
    """The places finer than a country that text[start:end] names (a country named there is
    as often a party, "the US carried out strikes", as a place)."""
    return [p for p in adoc.places if start <= p.start < end and p.place.level != "country"]


def told_one_by_one(adoc: AnnotatedDocument, word: Token, sentence: Span) -> bool:
    """Whether events told together ("two separate attacks", "multiple raids") are each an
    incident of their own, to be told one by one, and the round-up none: so when they are
    spread over an area or more than one named place, or told at no time. At one time, in
    one place or none named ("multiple attacks along the border on Saturday", "three
    separate airstrikes in early August"), they are one event, as events are counted by
    place and day."""
    if time.governing_time(adoc, word.i) is None:
        return True
    spreading = lexicon().filters.spread_prepositions
    if any(t.dep_ == "prep" and t.lower_ in spreading and t.head.i in (word.i, word.head.i) for t in sentence):
        return True  # "separate attacks across the province"
    return len({p.place.name for p in places_below_country(adoc, sentence.start_char, sentence.end_char)}) > 1


def day_dated(adoc: AnnotatedDocument, token: Token) -> bool:
    found = time.governing_time(adoc, token.i)
    return found is not None and found.precision == "day"


def source_of(mention: EventMention) -> str | None:
    """Who tells the mention: the attributed speaker's actor id or name; None for the narrator."""
    attribution = mention.attribution
    if attribution is None:
        return None
    return attribution.speaker.id if attribution.speaker else (attribution.speaker_name or "").lower() or None
