"""Accounts: who tells an event, and with what figures.

One incident per physical event and per account. Within one event, the story's own
sentences and every source that agrees with them (or adds what they did not tell) make
one account; a source whose figures contradict it ("SOHR said 23 were killed ... the
Thiqa agency said 27"), or who disputes it ("The Taliban, however, said ..."), gives an
account of its own, which keeps the first account's date and place.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from sitrep.actors import load_kb
from sitrep.events.coreference import Event
from sitrep.events.counts import Count, adds_to_toll
from sitrep.events.lexicon import lexicon
from sitrep.events.mentions import EventMention, source_of

PRONOUNS = {"he", "she", "they", "him", "her", "them", "it", "we"}
#: ACLED inter codes of state forces, and of rebels, militias and political militias.
STATE_INTERS = (1, 8)
NONSTATE_INTERS = (2, 3, 4)


@dataclass
class Account:
    """One source's telling of one event: what becomes an incident."""

    mentions: list[EventMention] = field(default_factory=list)
    sentence_numbers: list[int] = field(default_factory=list)
    source: str | None = None
    status: str = "reported"
    parent: "Account | None" = None  # the account a later one contradicts
    adds: bool = False  # its figures are more of the parent's toll: "two additional fighters killed"

    @property
    def family(self) -> str:
        return self.mentions[0].family

    def add(self, mention: EventMention, number: int) -> None:
        self.mentions.append(mention)
        self.sentence_numbers.append(number)


def figures(mentions: list[EventMention]) -> dict[tuple[str, str | None], set[int]]:
    """Each source's tolls by field and side; a named or picked-out person is a detail of a
    toll, not one ("one of their colleagues", "the police chief and two others"), and a
    coder's note is no account."""
    found: dict[tuple[str, str | None], set[int]] = {}
    for mention in mentions:
        for count in mention.counts:
            if count.value is not None and count.bound != "coded" and not is_detail(count):
                found.setdefault((count.field, count.side), set()).add(count.value)
    return found


def is_detail(count: Count) -> bool:
    """One person picked out of a toll: "one of their colleagues", "the police chief", a
    name; "a soldier" or "one man" is a toll of one."""
    if count.value != 1:
        return False
    phrase = count.text.strip()
    return phrase.lower().startswith(("one of", "the ", "his ", "her ", "their ", "its ")) or phrase[:1].isupper()


def contradicts(ours: list[EventMention], theirs: list[EventMention]) -> bool:
    """A figure for the same people (the same side, or a side nobody named) that differs;
    one person told of within a larger toll ("a witness said one protester was shot in the
    head") is one of them, not another count."""
    return any(not values & other and not (values == {1} and min(other) > 1) for values, other in same_people(ours, theirs))


def same_people(ours: list[EventMention], theirs: list[EventMention]) -> Iterator[tuple[set[int], set[int]]]:
    """Their figures and ours that count the same people: the same toll (the dead, the
    wounded) of the same side, or of a side one of them did not name."""
    told = figures(ours)
    for (field_name, side), values in figures(theirs).items():
        for (other_field, other_side), other_values in told.items():
            if other_field == field_name and (side == other_side or side is None or other_side is None):
                yield values, other_values


def agrees(ours: list[EventMention], theirs: list[EventMention]) -> bool:
    """Whether a telling gives a figure another already gave, and none that contradicts it."""
    return any(values & other for values, other in same_people(ours, theirs)) and not contradicts(ours, theirs)


def running_count(mentions: list[EventMention]) -> bool:
    """Whether a telling counts "so far": a toll still rising, which a larger total told
    elsewhere does not contradict."""
    phrases = lexicon().filters.running_count_phrases
    return any(re.search(rf"\b{re.escape(p)}\b", m.sentence.text.lower()) for m in mentions for p in phrases)


def only_fewer(ours: list[EventMention], theirs: list[EventMention]) -> bool:
    """Whether every figure of theirs that differs from ours for the same people is smaller."""
    return all(values & other or max(values) < min(other) for values, other in same_people(ours, theirs))


def counts_alike(ours: list[EventMention], theirs: list[EventMention]) -> bool:
    """Whether two tellings count the same toll (the dead, the wounded), whoever's: only
    then is the other party's telling an account of its own, not a detail it adds."""
    return bool({field_name for field_name, _ in figures(ours)} & {field_name for field_name, _ in figures(theirs)})


def told_as_more(mentions: list[EventMention]) -> bool:
    """Whether every figure a source gives is told as more of a toll already told."""
    counts = [c for m in mentions for c in m.counts if c.value is not None and c.bound != "coded"]
    return bool(counts) and all(adds_to_toll(c) for c in counts)


def speaks_again(mention: EventMention) -> bool:
    """An attribution by a pronoun nobody resolved ("he added", "according to him"): the
    source of the sentences just before goes on speaking."""
    attribution = mention.attribution
    return (attribution is not None and attribution.speaker is None
            and (attribution.speaker_name or "").lower() in PRONOUNS)


def tellers(event: Event) -> list[str | None]:
    """Who tells each mention of the event, None for the story itself."""
    found: list[str | None] = []
    for mention in event.mentions:
        source = source_of(mention)
        if found and speaks_again(mention):
            source = found[-1]
        found.append(source)
    return found


def party_side(mentions: list[EventMention]) -> str | None:
    """The side of the party a source speaks for ("state:IL", "state" or "nonstate"), when
    the claims stage found one: a body is its own party, a person speaks for their
    affiliation or for the body their phrase names. Two states are two sides (the Israeli
    army and the Palestinian health ministry each count the dead of one raid). A monitor (a
    rights group, an observer mission) is no party to the fighting."""
    monitors = load_kb().monitors
    for mention in mentions:
        party = mention.attribution.speaker_party if mention.attribution is not None else None
        if party is not None and party.id.partition(":")[0] in monitors:
            continue
        if party is not None and (party.inter in STATE_INTERS or state_body(party)):
            return f"state:{party.country}" if party.country else "state"
        if party is not None and party.inter in NONSTATE_INTERS:
            return "nonstate"
    return None


def state_body(party) -> bool:
    """A state's body the actor index does not know: "the Palestinian health ministry"."""
    words = party.name.lower().split()
    return party.inter is None and party.country is not None and bool(words) and words[-1] in lexicon().state_body_nouns


def split_accounts(event: Event) -> list[Account]:
    """The story's own account (its sentences, and every source that agrees with them),
    then one account for each source whose figures contradict it or who disputes it with
    figures of its own, and one for each other party to the fighting that gives figures of
    its own (the army counts the rebels it killed, the rebels the soldiers they killed:
    two accounts, though neither contradicts the other); a source that agrees, or adds what
    the story did not tell, joins the story's, as does a source of the same party."""
    by_source: dict[str | None, list[tuple[EventMention, int]]] = {}
    for mention, number, source in zip(event.mentions, event.sentence_numbers, tellers(event)):
        by_source.setdefault(source, []).append((mention, number))
    main = Account()
    for mention, number in by_source.pop(None, []):
        main.add(mention, number)
    accounts = [main]
    main_party: str | None = None  # the party of the first source that gave the story's figures
    by_party: dict[str, Account] = {}
    for source, told in by_source.items():
        mentions = [m for m, _ in told]
        disputes = any(m.contrast for m in mentions) and bool(figures(mentions))
        party = party_side(mentions)
        counted = bool(figures(mentions))
        if counted and figures(main.mentions) and told_as_more(mentions) and source != main.source:
            # "the monitor documented two additional fighters killed": a larger toll than the story's
            account = Account(source=source, parent=main, adds=True)
            accounts.append(account)
        elif main.mentions and (disputes or contradicts(main.mentions, mentions)
                                and not (running_count(mentions) and only_fewer(main.mentions, mentions))):
            # a source that gives the figure of an account already told joins it: "the police
            # said 19 were killed ... another official also said 19 had been killed"
            account = next((a for a in accounts[1:] if not a.adds and a.status == "reported" and not disputes
                            and agrees(a.mentions, mentions)), None)
            if account is None:
                account = Account(source=source, status="disputed" if disputes else "reported", parent=main)
                accounts.append(account)
        elif counted and party in by_party:
            account = by_party[party]
        elif counted and party is not None and main_party is not None and party != main_party and counts_alike(main.mentions, mentions):
            account = Account(source=source, parent=main)
            by_party[party] = account
            accounts.append(account)
        else:
            account = main
            account.source = account.source or source
            if counted and main_party is None:
                main_party = party
        for mention, number in told:
            account.add(mention, number)
    for account in accounts:  # each in the order the story tells it
        ordered = sorted(zip(account.sentence_numbers, range(len(account.mentions)), account.mentions))
        account.sentence_numbers = [n for n, _, _ in ordered]
        account.mentions = [m for _, _, m in ordered]
    return accounts
