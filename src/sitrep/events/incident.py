"""From an account of an event to an ``Incident``: its evidence sentence, counts summed by
side, date, place, source and actors. Figures for different sides add up; repeated
figures for one side do not (the larger stands). A disputed account keeps the first
account's date and place."""

from __future__ import annotations

from sitrep.events.classify import civilian_only, incident_type
from sitrep.events.accounts import Account
from sitrep.events.counts import Count
from sitrep.events.mentions import EventMention
from sitrep.models import ActorRef, AnnotatedDocument, Evidence, Incident, Source, TimeMention
from sitrep.time import precision_of


#: How many sentences back an undated event looks for the day the story is telling.
NARRATIVE_SENTENCES = 2


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
    account: Account, adoc: AnnotatedDocument, chosen: EventMention, narrative: TimeMention | None = None
) -> tuple[str | None, str | None, str | None]:
    """The incident's date: its own mentions' time, else (``narrative``) the day of the
    event told just before it, else the month of the report."""
    candidates = [chosen] + [m for m in account.mentions if m is not chosen]
    if account.parent is not None:
        candidates += account.parent.mentions
    for mention in candidates:
        if mention.time is not None and mention.time.value:
            if mention.time.precision == "week":
                # "earlier this week", "last week": coded as its month, as coders do when the day is unknown
                return mention.time.value[:7], "month", mention.time.text
            return mention.time.value, precision_of(mention.time.value), mention.time.text
    if narrative is not None and narrative.value:
        # "17 militants were killed on Thursday ... soldiers also captured four villages":
        # the story goes on with the same day
        return narrative.value, precision_of(narrative.value), narrative.text
    published = adoc.document.published
    if published is not None:
        return published.strftime("%Y-%m"), "month", None  # reported, undated: the month of the report
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


def actors_of(account: Account, reporter: Source | None) -> list[ActorRef]:
    refs: list[ActorRef] = []
    seen: set[str] = set()
    reporter_name = reporter.name if reporter else None
    for mention in account.mentions:
        for actor_mention in mention.actors:
            actor = actor_mention.actor
            if actor.is_person or actor.id in seen or actor.name == reporter_name:
                continue
            seen.add(actor.id)
            refs.append(ActorRef(name=actor.name, mention=actor_mention.text, kind=actor.kind, inter=actor.inter, country=actor.country))
    if account.family == "violence" and civilian_only(account) and "civilians" not in {r.name.lower() for r in refs}:
        refs.append(ActorRef(name="Civilians", role="victim", kind="Civilians", inter=7))
    for index, ref in enumerate(refs[:2]):
        refs[index] = ref.model_copy(update={"role": ref.role or ("actor1" if index == 0 else "actor2")})
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


def narrative_time(account: Account, dated: list[tuple[int, TimeMention]]) -> TimeMention | None:
    """The day of the event told in the sentence or two before this account's first one,
    which an undated continuation of the story shares; none for a account that opens an
    event of its own ("In another incident", "Earlier this month")."""
    if any(m.new_event for m in account.mentions):
        return None
    first = account.sentence_numbers[0]
    earlier = [time for number, time in dated if first - NARRATIVE_SENTENCES <= number < first]
    return earlier[-1] if earlier else None


#: How many sentences back an undated event looks for the day the story is telling.


def build_incident(
    account: Account, adoc: AnnotatedDocument, number: int, narrative: TimeMention | None = None
) -> Incident:
    chosen = evidence_mention(account)
    acled_type, acled_sub_type, plover_type, plover_mode = incident_type(account)
    totals, notes = total_counts(account.mentions)
    date, precision, date_text = date_of(account, adoc, chosen, narrative)
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
        killed=totals.get("killed"),
        injured=totals.get("injured"),
        killed_or_injured=totals.get("killed_or_injured"),
        released=totals.get("released"),
        detained=totals.get("detained"),
        abducted=totals.get("abducted"),
        count_notes=notes,
        actors=actors_of(account, reporter),
        reported_by=reporter,
        claim_status=status,
        evidence=evidence_of(chosen),
        mentions=mentions_of(account, chosen),
    )
