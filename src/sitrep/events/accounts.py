"""Accounts: who tells an event, and with what figures.

One incident per physical event and per account. Within one event, the story's own
sentences and every source that agrees with them (or adds what they did not tell) make
one account; a source whose figures contradict it ("SOHR said 23 were killed ... the
Thiqa agency said 27"), or who disputes it ("The Taliban, however, said ..."), gives an
account of its own, which keeps the first account's date and place.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from sitrep.events.coreference import Event
from sitrep.events.mentions import EventMention, source_of

PRONOUNS = {"he", "she", "they", "him", "her", "them", "it", "we"}


@dataclass
class Account:
    """One source's telling of one event: what becomes an incident."""

    mentions: list[EventMention] = field(default_factory=list)
    sentence_numbers: list[int] = field(default_factory=list)
    source: str | None = None
    status: str = "reported"
    parent: "Account | None" = None  # the account a later one contradicts

    @property
    def family(self) -> str:
        return self.mentions[0].family

    def add(self, mention: EventMention, number: int) -> None:
        self.mentions.append(mention)
        self.sentence_numbers.append(number)


def figures(mentions: list[EventMention]) -> dict[tuple[str, str | None], set[int]]:
    found: dict[tuple[str, str | None], set[int]] = {}
    for mention in mentions:
        for count in mention.counts:
            if count.value is not None:
                found.setdefault((count.field, count.side), set()).add(count.value)
    return found


def contradicts(account: Account, mention: EventMention) -> bool:
    """A figure for the same people (the same side, or a side nobody named) that differs.
    One person is no toll: "one of their colleagues was killed", "the police chief and
    two others" tell who died, not how many."""
    ours = figures(account.mentions)
    for (field_name, side), values in figures([mention]).items():
        for (other_field, other_side), other_values in ours.items():
            if other_field == field_name and (side == other_side or side is None or other_side is None):
                if not values & other_values and max(values) > 1 and max(other_values) > 1:
                    return True
    return False


def speaks_again(mention: EventMention) -> bool:
    """An attribution by a pronoun nobody resolved ("he added", "according to him"): the
    source of the sentences just before goes on speaking."""
    attribution = mention.attribution
    return (attribution is not None and attribution.speaker is None
            and (attribution.speaker_name or "").lower() in PRONOUNS)


def split_accounts(event: Event) -> list[Account]:
    accounts: list[Account] = []
    latest: Account | None = None
    for mention, number in zip(event.mentions, event.sentence_numbers):
        source = source_of(mention)
        if latest is not None and speaks_again(mention):
            latest.add(mention, number)
            continue
        if not accounts:
            account = Account(source=source)
            accounts.append(account)
        else:
            account = next((a for a in accounts if source is not None and a.source == source), None)
            first = accounts[0]
            if account is None and source is not None and source != first.source:
                disputes = mention.contrast
                if disputes or contradicts(first, mention):
                    account = Account(source=source, status="disputed" if disputes else "reported", parent=first)
                    accounts.append(account)
            if account is None:
                account = first
                if account.source is None:
                    account.source = source
        account.add(mention, number)
        latest = account
    return accounts
