"""From an account of an event to an ``Incident``: its evidence sentence, counts summed by
side, date, place, source and actors. Figures for different sides add up; repeated
figures for one side do not (the larger stands). A disputed account keeps the first
account's date and place."""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field, replace
from datetime import date, timedelta

from spacy.tokens import Token

from sitrep.actors import load_kb
from sitrep.events.classify import civilian_only, incident_type
from sitrep.events.accounts import Account
from sitrep.events.counts import Count, sentence_counts
from sitrep.events.lexicon import lexicon
from sitrep.events.mentions import EventMention, is_anaphoric
from sitrep.events.syntax import clause_verb, is_timing_clause, told_as_recent
from sitrep.models import ActorRef, AnnotatedDocument, Evidence, Incident, Source, TimeMention
from sitrep.time import dates_main_clause, governing_time, precision_of
from sitrep.time.governance import clause_head
from sitrep.time.rules import Rules, load_rules, number_of, offset_of_match


#: How many sentences back an undated event looks for the day the story is telling.
NARRATIVE_SENTENCES = 2
#: ACLED's inter code of civilians.
CIVILIANS = 7
#: How a count note words a figure's bound.
QUALIFIERS = {"lower": "at least ", "upper": "up to ", "approximate": "about "}


def evidence_mention(account: Account) -> EventMention:
    """The sentence that best tells the event: figures first, then a date, then the first."""
    def has_figures(mention: EventMention) -> bool:
        return any(c.value is not None for c in mention.counts)

    told = [m for m in account.mentions if not m.anaphoric]
    ranked = (
        [m for m in told if has_figures(m)],
        [m for m in account.mentions if has_figures(m)],
        [m for m in account.mentions if m.time is not None and m.time.value is not None],
        told,
    )
    return next((group[0] for group in ranked if group), account.mentions[0])


def total_counts(mentions: list[EventMention]) -> tuple[dict[str, int], list[str]]:
    """Per field: the largest figure each side is given, summed over sides; a figure told by a
    word that does not say killed ("neutralised"), or a war's toll so far, is noted, not added."""
    best: dict[tuple[str, str | None], Count] = {}
    notes: list[str] = []
    dead = {name for m in mentions for c in m.counts if c.field == "killed" and c.value == 1 and (name := named_one(c))}
    own_fields = {c.field for m in mentions for c in m.counts
                  if c.value is not None and not (c.overall or c.hedged or c.tally)}
    larger = {c.field for m in mentions for c in m.counts if c.value is not None and c.value > 1}
    for mention in mentions:
        per_side: dict[tuple[str, str | None], int] = {}
        bounds: dict[tuple[str, str | None], Count] = {}
        for count in mention.counts:
            if count.value is None:
                continue
            if count.field in larger and refers_to_one_counted(mention, count):
                notes.append(f"{count.field}: {count.text} (one of a toll told, not added)")
                continue
            if count.overall and count.field in own_fields:
                # "killing another man ... In all, 14 civilians and a soldier had died": the
                # story's toll over all it tells, beside this event's own
                notes.append(f"{count.field}: {count.value} in all the story tells (not added)")
                continue
            if count.field == "injured" and count.value == 1 and same_person(named_one(count), dead):
                # "Deby had been wounded ... has died of wounds": who died of the wounds is dead, not wounded
                notes.append(f"injured: {count.text} (died of the wounds, counted with the dead)")
                continue
            if count.hedged or count.tally:
                qualifier = QUALIFIERS.get(count.bound or "", "")
                why = "told as neutralised" if count.hedged else "the conflict's toll so far"
                notes.append(f"{count.field} {count.side or 'unspecified'}: {qualifier}{count.value} ({why}, not added)")
                continue
            key = (count.field, count.side)
            per_side[key] = per_side.get(key, 0) + count.value
            bounds[key] = count
        for key, value in per_side.items():
            if key not in best or value > (best[key].value or 0):
                best[key] = Count(key[0], value, key[1], bounds[key].token_i, bounds[key].text, bounds[key].bound)
    totals: dict[str, int] = {}
    unsided: dict[str, int] = {}
    for (field_name, side), count in sorted(best.items(), key=lambda item: (item[0][0], str(item[0][1]))):
        if side is None:
            unsided[field_name] = count.value or 0
        else:
            totals[field_name] = totals.get(field_name, 0) + (count.value or 0)
        label = side or "unspecified"
        qualifier = QUALIFIERS.get(count.bound or "", "")
        notes.append(f"{field_name} {label}: {qualifier}{count.value}")
    for field_name, value in unsided.items():
        # a figure nobody is named for restates the toll ("Eight people died. 8 fatalities."): it does not add
        totals[field_name] = max(totals.get(field_name, 0), value)
    coded = [c for m in mentions for c in m.counts if c.bound == "coded" and c.value is not None]
    for count in coded:
        # a coder's note states the figure it settled on: "Fatalities coded as 0 (the group reported 1)"
        totals[count.field] = count.value
    for mention in mentions:
        for count in mention.counts:
            if count.value is None and count.vague:
                notes.append(f"{count.field}: {count.vague} (no figure)")
    return totals, notes


def refers_to_one_counted(mention: EventMention, count: Count) -> bool:
    """ "France confirmed the death of the French citizen", after "eight people, among them a
    French instructor, were killed": one person named by a definite phrase, in a sentence that
    tells no act of its own, is one of a toll already told."""
    if count.value != 1 or not all(h.event_class.casualty_only for h in mention.hits):
        return False
    return count.text.strip().lower().startswith(("the ", "one of "))


def named_one(count: Count) -> tuple[str, ...] | None:
    """The name a count of one named person ends on, as its words ("Chadian President Idriss
    Deby": ("Chadian", "President", "Idriss", "Deby")), None for one told by a common noun
    ("a soldier")."""
    words = [w for w in count.text.split() if w.isalpha()]
    name: list[str] = []
    for word in reversed(words):
        if not (word[:1].isupper() and word[1:].islower()):
            break
        name.insert(0, word)
    return tuple(name) or None


def same_person(name: tuple[str, ...] | None, names: set[tuple[str, ...]]) -> bool:
    """Whether a name is one of ``names`` told shorter or longer ("Deby", "Idriss Deby"): the
    one ends the other ("Mohammad Karimi" is not "Ahmad Karimi")."""
    return name is not None and any(n[-len(name):] == name or name[-len(n):] == n for n in names)


def date_of(
    account: Account, adoc: AnnotatedDocument, chosen: EventMention, context: StoryTime | None = None
) -> tuple[str | None, str | None, str | None]:
    """The incident's date: its own mentions' time (from the first day they and the
    sentences pointing back to it tell to the last); else the day a sentence pointing back
    to it gives ("The operation was executed yesterday"); else the day of the event told just
    before it (moved by an offset it is told with: "a day later", "came three days after
    gunmen opened fire"); else, told as on the story's day ("on the same day", "earlier in
    the day"), the day dated last before it or of the report (told as "hours before" that
    day, the day before and the day itself); else, told as early on a day it does not name
    ("in the early hours"), the report's day; else, told as just past in its evidence
    sentence ("has fallen", "recent clashes"), the month of the report; else none: an event
    told in the simple past with no time has no date (the exports fall back to publication)."""
    context = context or StoryTime()
    rules = load_rules()
    published = adoc.document.published
    own = own_time(account, chosen, with_parent=False)
    since = since_agreement(chosen, context.agreements) if own is None else None
    if since is not None and published is not None and since.value <= published.isoformat() and any(
            told_as_recent(h.token, rules.recent_words) for h in chosen.hits):
        # "20 captives have been returned after a ceasefire was imposed": from the day the
        # story dates the ceasefire up to the report (a contradicting account's own, before
        # the day of the account it contradicts)
        return f"{since.value}/{published.isoformat()}", "range", since.text
    own = own or own_time(account, chosen)
    if own is not None:
        coarse = own.value[:7] if own.precision == "week" else own.value
        if precision_of(coarse) == "month":
            # "late last month ... The victims were killed on November 29 and 30": a lead's month
            # or week yields to the days the account's other sentences tell inside it
            inside = [t.value for t in told_days_of(account, context)
                      if t.value and t.value[: len(coarse)] == coarse and t.value.rpartition("/")[2][: len(coarse)] == coarse]
            if inside:
                first, last = min(v.split("/")[0] for v in inside), max(v.split("/")[-1] for v in inside)
                return (first, "day", own.text) if first == last else (f"{first}/{last}", "range", own.text)
        if own.precision == "week":
            # "earlier this week", "last week": coded as its month, as coders do when the day is unknown
            return own.value[:7], "month", own.text
        told = {t.value for t in told_days_of(account, context) if t.value}
        if precision_of(own.value) in ("day", "range") and len(told) > 1:
            # "the first violation took place on Wednesday ... the second began on Thursday";
            # "killed by an air strike at the weekend ... the air strike late on Friday": one
            # event told on several days runs from the first to the last
            first, last = min(v.split("/")[0] for v in told), max(v.split("/")[-1] for v in told)
            return (first, "day", own.text) if first == last else (f"{first}/{last}", "range", own.text)
        return own.value, precision_of(own.value), own.text
    if context.pointed:
        # "... neutralised dozens of bandits. The operation was executed yesterday, May 25"
        first = context.pointed[0]
        return first.value, precision_of(first.value), first.text
    offset = clause_offset(chosen) or next(
        (found for m in account.mentions if (found := told_offset(m, rules))), None)
    base = context.narrative if context.narrative is not None and context.narrative.value else context.story_day
    if offset is not None and base is not None and base.value and precision_of(base.value) == "day":
        # "On Monday, gunmen ambushed a convoy ... A day later, soldiers came under fire": the
        # day the story is telling moved on by the offset, not that day itself
        moved = date.fromisoformat(base.value) + timedelta(days=offset[1])
        if published is None or moved <= published:
            return moved.isoformat(), "day", offset[0]
    said = next((found for m in account.mentions if (found := rules.story_day.search(m.sentence.text))), None)
    phrase = " ".join(said.group().lower().split()) if said else None
    early = next((found for m in account.mentions if (found := rules.story_early.search(m.sentence.text))), None)
    day: str | None = None
    if context.narrative is not None and context.narrative.value:
        # "17 militants were killed on Thursday ... soldiers also captured four villages":
        # the story goes on with the same day
        day, day_text = context.narrative.value, context.narrative.text
    elif phrase is not None:
        if context.story_day is not None and context.story_day.value:
            day, day_text = context.story_day.value, phrase
        elif published is not None:
            day, day_text = published.isoformat(), phrase
    elif early is not None and published is not None:
        # "killed in fighting in the early hours", no day named and no day being told: the
        # report's day, as "this morning" is (not a day dated in the background before it)
        day, day_text = published.isoformat(), " ".join(early.group().lower().split())
    if day is not None:
        if phrase in rules.story_day_before and precision_of(day) == "day":
            if account.mentions[0].placed_by_told:
                # "the attack occurred hours before an assassination attempt": the event told is
                # the one hours before; this one came on its day or the next
                after = (date.fromisoformat(day) + timedelta(days=1)).isoformat()
                return f"{day}/{after}", "range", phrase
            # "hours before the army was targeted": the night before may be meant
            before = (date.fromisoformat(day) - timedelta(days=1)).isoformat()
            return f"{before}/{day}", "range", phrase
        return day, precision_of(day), day_text
    # the tense the evidence sentence and the account's first telling give the event, not a
    # side remark's ("neither side has withdrawn its artillery") nor that of a source quoted
    # later, who speaks from its own day ("20 have been murdered")
    if published is not None and all(
            any(told_as_recent(h.token, rules.recent_words) for h in mention.hits)
            for mention in (chosen, account.mentions[0])):
        return published.strftime("%Y-%m"), "month", None
    return None, None, None


def told_offset(mention: EventMention, rules: Rules) -> tuple[str, int] | None:
    """The offset phrase of the mention's sentence ("A day later, soldiers came under
    fire"), unless it dates a verb of saying ("police said the following day that ..."):
    the day of the saying is not the event's."""
    sentence = mention.sentence
    m = rules.story_offset.search(sentence.text)
    if m is None:
        return None
    span = sentence.doc.char_span(sentence.start_char + m.start(), sentence.start_char + m.end(), alignment_mode="expand")
    if span is not None and len(span) and clause_head(span.root).lemma_.lower() in rules.speech_verbs:
        return None
    return offset_of_match(m, rules)


def clause_offset(mention: EventMention) -> tuple[str, int] | None:
    """The offset in days that places the event's clause from the main clause's event, when
    an amount of days modifies the clause's subordinator ("The raid came three days after
    gunmen opened fire on a bus": ("three days after", -3), the bus three days before). Every
    trigger outside the clause only points back ("the raid")."""
    rules = load_rules()
    for hit in mention.hits:
        clause = offset_clause(clause_verb(hit.token), rules)
        if clause is None:
            continue
        verb, mark, amount = clause
        inside = {t.i for t in verb.subtree}
        if not all(h.token.i in inside or is_anaphoric(h.token) for h in mention.hits):
            return None
        number = next((c for c in amount.children if c.dep_ == "nummod"), None)
        count = number_of(number.lower_ if number is not None else "a", rules)
        if count is None:
            return None
        days = round(count * rules.units[amount.lemma_.lower()]) * rules.clause_offset_marks[mark.lower_]
        text = mention.sentence.doc[amount.left_edge.i : mark.i + 1].text
        return " ".join(text.lower().split()), days
    return None


def offset_clause(verb: Token, rules: Rules) -> tuple[Token, Token, Token] | None:
    """The adverbial clause a verb sits in whose subordinator an amount of days modifies
    ("three days after gunmen opened fire": the clause of "opened", "after", "days"), or None."""
    for current in [verb, *verb.ancestors]:
        if current.dep_ != "advcl":
            if current.dep_ in ("ROOT", "ccomp", "relcl", "xcomp") and current is not verb:
                return None
            continue
        mark = next((c for c in current.children if c.dep_ == "mark" and c.lower_ in rules.clause_offset_marks), None)
        if mark is None:
            return None
        amount = next((c for c in [*current.children, *mark.children] if c.dep_ == "npadvmod" and c.i < mark.i
                       and c.lemma_.lower() in rules.story_offset_units), None)
        return (current, mark, amount) if amount is not None else None
    return None


def told_days_of(account: Account, context: StoryTime) -> list[TimeMention]:
    """The days and spans of days the account's own mentions and the sentences pointing
    back to it tell (a victim who died later died of the event: no day of it; a week, a
    month or a year says no day)."""
    own = [m.time for m in account.mentions if m.time is not None and m.time.value and not m.later_death
           and precision_of(m.time.value) in ("day", "range") and m.time.precision in ("day", "range")]
    return own + list(context.pointed)


def own_time(account: Account, chosen: EventMention | None = None, with_parent: bool = True) -> TimeMention | None:
    """The time the account's own mentions tell (the evidence sentence's first), else the
    time of the account it contradicts (unless ``with_parent`` is False)."""
    chosen = chosen or evidence_mention(account)
    candidates = [chosen] + [m for m in account.mentions if m is not chosen]
    if account.parent is not None and with_parent:
        candidates += account.parent.mentions
    return next((m.time for m in candidates if m.time is not None and m.time.value), None)


def location_of(account: Account, chosen: EventMention):
    ordered = [chosen] + [m for m in account.mentions if m is not chosen]
    if account.parent is not None:
        ordered += account.parent.mentions
    told_in = chosen.location.country if chosen.own_place and chosen.location is not None else None
    # a sentence that only points back ("opened an investigation into the attack") names a
    # place of its own that is the event's only inside the country its telling gave ("struck
    # targets in northern Iraq"; "the Ankara chief prosecutor" is elsewhere)
    own = [m.location for m in ordered if m.own_place and m.location is not None
           and not (m.pointer and told_in and m.location.country != told_in)]
    rank = {"place": 0, "admin2": 1, "admin1": 2, "country": 3, None: 4}
    if own:
        return min(own, key=lambda loc: rank.get(loc.geo_precision, 4))
    return next((m.location for m in ordered if m.location is not None), None)


def reporter_of(account: Account, chosen: EventMention) -> Source | None:
    for mention in [chosen] + account.mentions:
        attribution = mention.attribution
        if attribution is not None and attribution.speaker_name:
            affiliation = None
            if attribution.speaker is not None:
                affiliation = attribution.speaker.affiliation or (None if attribution.speaker.is_person else attribution.speaker.name)
            return Source(name=attribution.speaker_name, affiliation=affiliation, mention=attribution_text(mention))
    return None


def attribution_text(mention: EventMention) -> str | None:
    attribution = mention.attribution
    if attribution is None or attribution.speaker_start is None:
        return None
    sentence = mention.sentence  # Doc.text is rebuilt on every call: slice the sentence instead
    return sentence.text[attribution.speaker_start - sentence.start_char : attribution.speaker_end - sentence.start_char]


def actors_of(account: Account, reporter: Source | None, country: str | None = None) -> list[ActorRef]:
    """The incident's actors, the first two as actor1 and actor2. The reporter and the
    monitors that observed it are sources, not actors; a category is named with the
    incident's country ("Unidentified Armed Group (Ukraine)"); civilians are never
    actor1 (the victims of violence, associates of a demonstration's protesters)."""
    kb = load_kb()
    refs: list[ActorRef] = []
    seen: set[str] = set()
    reporter_name = reporter.name if reporter else None
    for mention in account.mentions:
        for actor_mention in mention.actors:
            actor = kb.in_country(actor_mention.actor, country)
            if actor.is_person or actor.id in seen or actor.name == reporter_name or actor.id.partition(":")[0] in kb.monitors:
                continue
            seen.add(actor.id)
            refs.append(ActorRef(name=actor.name, mention=actor_mention.text, kind=actor.kind, inter=actor.inter, country=actor.country))
    if account.family == "violence" and civilian_only(account) and not any(r.inter == CIVILIANS for r in refs):
        civilians = kb.category_actor("civilians", country if country in kb.countries else None)
        refs.append(ActorRef(name=civilians.name, role="victim", kind=civilians.kind, inter=civilians.inter, country=civilians.country))
    doer = next((r for r in refs if r.inter != CIVILIANS), None)
    if refs and refs[0].inter == CIVILIANS and doer is not None:  # the first actor who is not a victim leads
        refs.remove(doer)
        refs.insert(0, doer)
    demonstration = account.family == "protest"
    open_roles = ["actor1", "actor2"]
    for index, ref in enumerate(refs):
        role = ref.role
        if ref.inter == CIVILIANS and demonstration:
            role = "associate"  # students who protest are the protesters' associates
        elif role is None and ref.inter == CIVILIANS and open_roles[:1] == ["actor1"]:
            role = "victim"  # no doer named: the victims are no actor1
        elif role is None and open_roles:
            role = open_roles.pop(0)
        elif role in open_roles:
            open_roles.remove(role)
        refs[index] = ref.model_copy(update={"role": role})
    return refs


def evidence_of(mention: EventMention) -> Evidence:
    sentence = mention.sentence
    return Evidence.trimmed(sentence.text, at=sentence.start_char)  # Doc.text is rebuilt on every call


def mentions_of(account: Account, chosen: EventMention) -> list[Evidence]:
    """Every sentence that tells the incident, once each: the evidence sentence first, then
    the others in the order the story tells them."""
    told = [chosen] + sorted((m for m in account.mentions if m is not chosen), key=lambda m: m.sentence.start)
    seen: set[int] = set()
    found = []
    for mention in told:
        if mention.sentence.start not in seen:
            seen.add(mention.sentence.start)
            found.append(evidence_of(mention))
    return found


@dataclass(frozen=True)
class StoryTime:
    """What the story has dated before an account: the day told in the sentence or two
    before (``narrative``, which an undated continuation shares) and the day dated last
    anywhere before (``story_day``, for "on the same day")."""

    narrative: TimeMention | None = None
    story_day: TimeMention | None = None
    pointed: tuple[TimeMention, ...] = ()  # the days sentences pointing back to the event give it
    agreements: dict[str, TimeMention] = field(default_factory=dict)  # ``agreement_days``


def story_days(accounts: list[Account]) -> list[tuple[int, TimeMention]]:
    """The day each sentence that tells an event is telling, in text order: the mention's
    own day, else the day its event is dated with ("killed five on Sunday morning ... four
    were killed during the raid": the second sentence tells Sunday too)."""
    found: dict[int, TimeMention] = {}
    for account in accounts:
        if account.family == "agreement":
            continue  # a deal's day is no day the fighting told after it goes on ("agreed on Thursday ... clashes in the early hours")
        own = own_time(account)
        for number, mention in zip(account.sentence_numbers, account.mentions):
            time = mention.time if mention.time is not None and mention.time.value else own
            if time is not None and time.value and time.precision == "day" and number not in found:
                found[number] = time
    return sorted(found.items(), key=lambda item: item[0])


def told_days(adoc: AnnotatedDocument) -> list[tuple[int, TimeMention]]:
    """Every day a sentence's main clause is dated with, by sentence number, that is not
    after publication (a day ahead is a plan, not a day the story has told); a day inside
    a clause or a noun ("those arrested after the October 7 attack") is background."""
    starts = [sentence.start_char for sentence in adoc.sentences]
    published = adoc.document.published.isoformat() if adoc.document.published else None
    return [(bisect_right(starts, t.start) - 1, t) for t in adoc.times
            if t.value and t.precision == "day" and (published is None or t.value <= published)
            and dates_main_clause(adoc.doc, t)]


def agreement_days(accounts: list[Account]) -> dict[str, TimeMention]:
    """The day the story dates each agreement on, by the agreement nouns told with it
    ("agreed to a ceasefire on September 5": the ceasefire's day), the first told first."""
    nouns = lexicon().agreement_nouns
    found: dict[str, TimeMention] = {}
    for account in accounts:
        agreed = [m for m in account.mentions if m.family == "agreement"]  # reached at a meeting, too
        own = own_time(account) if agreed else None
        if own is None or own.precision != "day":
            continue
        for mention in agreed:
            for hit in mention.hits:
                for token in hit.token.subtree:
                    if token.lemma_.lower() in nouns:
                        found.setdefault(token.lemma_.lower(), own)
    return found


def since_agreement(chosen: EventMention, agreements: dict[str, TimeMention]) -> TimeMention | None:
    """The day of the agreement a clause of the event's verb says it came after ("have been
    returned after a ceasefire was imposed"), when the story dates that agreement."""
    if not agreements:
        return None
    marks = load_rules().since_marks
    for hit in chosen.hits:
        verb = clause_verb(hit.token)
        for child in verb.children:
            opens = child.lower_ in marks if child.dep_ == "prep" else is_timing_clause(child, marks)
            if opens:
                named = next((t.lemma_.lower() for t in child.subtree if t.lemma_.lower() in agreements), None)
                if named is not None:
                    return agreements[named]
    return None


def pointer_days(adoc: AnnotatedDocument, telling: set[int]) -> dict[int, TimeMention]:
    """Sentences that tell no event but point back to one by a definite noun that is the
    subject of a dated clause telling when it happened ("The operation was executed
    yesterday, May 25", "the first violation took place on Wednesday"; not "the incident
    sparked outrage on Tuesday"), by sentence number: the day they give the event just
    told. ``telling``: the numbers of the sentences that tell an event."""
    filters = lexicon().filters
    found: dict[int, TimeMention] = {}
    for number, sentence in enumerate(adoc.sentences):
        if number in telling:
            continue
        for token in sentence:
            if (token.dep_ in ("nsubj", "nsubjpass") and token.lemma_.lower() in filters.told_event_nouns
                    and token.head.lemma_.lower() in filters.occurrence_verbs | filters.doing_verbs
                    and any(c.dep_ in ("det", "poss") and c.lower_ in filters.anaphoric_determiners for c in token.children)):
                time = governing_time(adoc, token.i)
                if time is not None and time.value and time.precision == "day":
                    found[number] = time
                    break
    return found


def story_time(account: Account, dated: list[tuple[int, TimeMention]],
               told: list[tuple[int, TimeMention]] = (), pointers: dict[int, TimeMention] | None = None,
               agreements: dict[str, TimeMention] | None = None) -> StoryTime:
    """The story's days before this account; no narrative day for an account that opens an
    event of its own ("In another incident", "Earlier this month"; not one that only tells
    one more victim, "the fifth victim was seized near the river"). ``told`` are the days
    any sentence names (a day the parties "traded accusations on Saturday"): the story's
    day for "hours after" is the last day told before, by an event or not. ``pointers``
    (``pointer_days``): the day a sentence right after one of the account's gives it."""
    first = account.sentence_numbers[0]
    before = sorted([(number, time.start, time) for number, time in [*dated, *told] if number < first],
                    key=lambda item: item[:2])
    story_day = before[-1][2] if before else None
    pointed = tuple(pointers[n] for n in sorted({n + 1 for n in account.sentence_numbers} & set(pointers or {})))
    agreements = agreements or {}
    if any(m.new_event and not m.one_more for m in account.mentions):
        return StoryTime(story_day=story_day, pointed=pointed, agreements=agreements)
    earlier = [time for number, time in dated if first - NARRATIVE_SENTENCES <= number < first]
    return StoryTime(narrative=earlier[-1] if earlier else None, story_day=story_day, pointed=pointed,
                     agreements=agreements)


def told_on_story_day(account: Account, context: StoryTime, incident: Incident) -> bool:
    """Whether an incident took its day from the story's day, not from a time of its own
    nor unchanged from the sentences just before: told "hours after" the day the story
    dated last, "on the same day", "earlier in the day", "a day later"."""
    return (incident.date_precision == "day" and bool(incident.date) and own_time(account) is None
            and (context.narrative is None or incident.date != context.narrative.value) and not context.pointed)


def carry_day(dated: list[tuple[int, TimeMention]], account: Account, incident: Incident) -> list[tuple[int, TimeMention]]:
    """``dated`` (``story_days``) with the day an incident took from the story set on its
    sentences: a sentence that goes on from them, undated, tells that day too."""
    known = {number for number, _ in dated}
    day = TimeMention(incident.evidence.start, incident.evidence.end, incident.date_text or incident.date or "",
                      incident.date, "day", "story")
    added = [(number, day) for number in account.sentence_numbers if number not in known]
    return sorted([*dated, *added], key=lambda item: item[0])


def added_to(account: Account) -> list[EventMention]:
    """What an account told as more of its parent's toll adds to: the parent's figures for
    the fields it counts ("two additional fighters killed" adds to the dead, not the wounded)."""
    if not account.adds or account.parent is None:
        return []
    fields = {c.field for m in account.mentions for c in m.counts if c.value is not None}
    return [replace(m, counts=[c for c in m.counts if c.field in fields]) for m in account.parent.mentions]


def nil_fields(account: Account, adoc: AnnotatedDocument) -> set[str]:
    """The fields a sentence of the account's stretch of story puts at nil, where no mention
    told it ("... landed near the bases. No casualties or injuries were reported."): a
    sentence between its first and last mention, or right after the last, whose every casualty
    figure is 0 (the casualty word, negated, is no mention of its own). Only for an incident
    with no toll of its own."""
    numbers = account.sentence_numbers
    if not numbers:
        return set()
    own = set(numbers)
    wanted = [n for n in range(min(numbers), max(numbers) + 2) if n not in own]
    if not wanted:
        return set()
    sentences = adoc.sentences
    fields: set[str] = set()
    for n in wanted:
        if n >= len(sentences):
            continue
        found = [c for c in sentence_counts(sentences[n], adoc.actors) if c.field in ("killed", "injured", "killed_or_injured")]
        if found and all(c.value == 0 for c in found):
            fields |= {c.field for c in found}
    return fields


def build_incident(account: Account, adoc: AnnotatedDocument, number: int, context: StoryTime | None = None) -> Incident:
    chosen = evidence_mention(account)
    acled_type, acled_sub_type, plover_type, plover_mode = incident_type(account)
    totals, notes = total_counts(account.mentions + added_to(account))
    if account.family == "violence" and not set(totals) & {"killed", "injured", "killed_or_injured"}:
        # with a toll told, "no casualties" speaks of one side only ("the army suffered no casualty")
        for field_name in sorted(nil_fields(account, adoc) - set(totals)):
            totals[field_name] = 0
            notes.append(f"{field_name}: 0 (told as none)")
    date, precision, date_text = date_of(account, adoc, chosen, context)
    location = location_of(account, chosen)
    reporter = reporter_of(account, chosen)
    status = account.status
    if any(m.claimed for m in account.mentions):
        status = "claimed"
    elif all(m.denied for m in account.mentions):
        status = "denied"
    return Incident(
        id=f"i{number}",
        acled_type=acled_type,
        acled_sub_type=acled_sub_type,
        plover_type=plover_type,
        plover_mode=plover_mode,
        date=date,
        date_precision=precision,
        date_text=date_text,
        country=(location.country if location else None) or adoc.country,
        admin1=location.admin1 if location else None,
        admin2=location.admin2 if location else None,
        place=location.place if location else None,
        latitude=location.latitude if location else None,
        longitude=location.longitude if location else None,
        geo_precision=location.geo_precision if location else None,
        admin1_list=list(location.admin1_list) if location else [],
        admin1_local=location.admin1_local if location else None,
        killed=totals.get("killed"),
        injured=totals.get("injured"),
        killed_or_injured=totals.get("killed_or_injured"),
        released=totals.get("released"),
        detained=totals.get("detained"),
        abducted=totals.get("abducted"),
        count_notes=notes,
        actors=actors_of(account, reporter, (location.country if location else None) or adoc.country),
        reported_by=reporter,
        claim_status=status,
        evidence=evidence_of(chosen),
        mentions=mentions_of(account, chosen),
    )
