"""From an account of an event to an ``Incident``: its evidence sentence, counts summed by
side, date, place, source and actors. Figures for different sides add up; repeated
figures for one side do not (the larger stands). A disputed account keeps the first
account's date and place."""

from __future__ import annotations

from dataclasses import dataclass, replace

from sitrep.actors import load_kb
from sitrep.events.classify import civilian_only, incident_type
from sitrep.events.accounts import Account
from sitrep.events.counts import Count
from sitrep.events.mentions import EventMention
from sitrep.events.syntax import told_as_recent
from sitrep.models import ActorRef, AnnotatedDocument, Evidence, Incident, Source, TimeMention
from sitrep.time import precision_of
from sitrep.time.rules import load_rules


#: How many sentences back an undated event looks for the day the story is telling.
NARRATIVE_SENTENCES = 2
#: ACLED's inter code of civilians.
CIVILIANS = 7


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
    """Per field: the largest figure each side is given, summed over sides."""
    best: dict[tuple[str, str | None], Count] = {}
    for mention in mentions:
        per_side: dict[tuple[str, str | None], int] = {}
        bounds: dict[tuple[str, str | None], Count] = {}
        for count in mention.counts:
            if count.value is None:
                continue
            key = (count.field, count.side)
            per_side[key] = per_side.get(key, 0) + count.value
            bounds[key] = count
        for key, value in per_side.items():
            if key not in best or value > (best[key].value or 0):
                best[key] = Count(key[0], value, key[1], bounds[key].token_i, bounds[key].text, bounds[key].bound)
    totals: dict[str, int] = {}
    unsided: dict[str, int] = {}
    notes: list[str] = []
    for (field_name, side), count in sorted(best.items(), key=lambda item: (item[0][0], str(item[0][1]))):
        if side is None:
            unsided[field_name] = count.value or 0
        else:
            totals[field_name] = totals.get(field_name, 0) + (count.value or 0)
        label = side or "unspecified"
        qualifier = {"lower": "at least ", "upper": "up to ", "approximate": "about "}.get(count.bound or "", "")
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


def date_of(
    account: Account, adoc: AnnotatedDocument, chosen: EventMention, context: StoryTime | None = None
) -> tuple[str | None, str | None, str | None]:
    """The incident's date: its own mentions' time; else the day of the event told just
    before it; else, told as on the story's day ("on the same day", "earlier in the day"),
    the day of the event dated last before it or of the report; else, told as just past
    ("has fallen", "recent clashes"), the month of the report; else none: an event told in
    the simple past with no time has no date (the exports fall back to publication)."""
    context = context or StoryTime()
    candidates = [chosen] + [m for m in account.mentions if m is not chosen]
    if account.parent is not None:
        candidates += account.parent.mentions
    for mention in candidates:
        if mention.time is not None and mention.time.value:
            if mention.time.precision == "week":
                # "earlier this week", "last week": coded as its month, as coders do when the day is unknown
                return mention.time.value[:7], "month", mention.time.text
            return mention.time.value, precision_of(mention.time.value), mention.time.text
    if context.narrative is not None and context.narrative.value:
        # "17 militants were killed on Thursday ... soldiers also captured four villages":
        # the story goes on with the same day
        return context.narrative.value, precision_of(context.narrative.value), context.narrative.text
    rules = load_rules()
    published = adoc.document.published
    said = next((found for m in account.mentions if (found := rules.story_day.search(m.sentence.text))), None)
    phrase = said.group().lower() if said else None
    if phrase is not None:
        if context.story_day is not None and context.story_day.value:
            return context.story_day.value, precision_of(context.story_day.value), phrase
        if published is not None:
            return published.isoformat(), "day", phrase
    if published is not None and any(told_as_recent(h.token, rules.recent_words) for h in account.mentions[0].hits):
        # as the account first tells it: a source quoted later ("20 have been murdered") speaks from its own day
        return published.strftime("%Y-%m"), "month", None
    return None, None, None


def location_of(account: Account, chosen: EventMention):
    ordered = [chosen] + [m for m in account.mentions if m is not chosen]
    if account.parent is not None:
        ordered += account.parent.mentions
    own = [m.location for m in ordered if m.own_place and m.location is not None]
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
    stripped = sentence.text.lstrip()
    start = sentence.start_char + len(sentence.text) - len(stripped)
    stripped = stripped.rstrip()
    return Evidence(text=stripped, start=start, end=start + len(stripped))


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


def story_time(account: Account, dated: list[tuple[int, TimeMention]]) -> StoryTime:
    """The story's days before this account; no narrative day for an account that opens an
    event of its own ("In another incident", "Earlier this month")."""
    first = account.sentence_numbers[0]
    before = [time for number, time in dated if number < first]
    story_day = before[-1] if before else None
    if any(m.new_event for m in account.mentions):
        return StoryTime(story_day=story_day)
    earlier = [time for number, time in dated if first - NARRATIVE_SENTENCES <= number < first]
    return StoryTime(narrative=earlier[-1] if earlier else None, story_day=story_day)


def added_to(account: Account) -> list[EventMention]:
    """What an account told as more of its parent's toll adds to: the parent's figures for
    the fields it counts ("two additional fighters killed" adds to the dead, not the wounded)."""
    if not account.adds or account.parent is None:
        return []
    fields = {c.field for m in account.mentions for c in m.counts if c.value is not None}
    return [replace(m, counts=[c for c in m.counts if c.field in fields]) for m in account.parent.mentions]


def build_incident(account: Account, adoc: AnnotatedDocument, number: int, context: StoryTime | None = None) -> Incident:
    chosen = evidence_mention(account)
    acled_type, acled_sub_type, plover_type, plover_mode = incident_type(account)
    totals, notes = total_counts(account.mentions + added_to(account))
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
