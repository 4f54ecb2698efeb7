"""The events stage: incidents, with ACLED and PLOVER types, counts, date, place and source.

It reads as a chain of components over one annotated document:

    mentions (``mentions``: triggers whose clause passes ``specificity`` and whose
    ``arguments`` fit) -> event coreference (``coreference``) -> accounts (``accounts``)
    -> type (``classify``), counts, time, place and source (``incident``).

The lexicons are data (``data/events/``, loaded by ``lexicon``); counts are read from
the parse by ``counts`` and ``numbers``.
"""

from __future__ import annotations

from sitrep.events.accounts import split_accounts
from sitrep.events.coreference import corefer
from sitrep.events.incident import (
    agreement_days, build_incident, carry_day, pointer_days, story_days, story_time, told_days, told_on_story_day,
)
from sitrep.events.mentions import detect_mentions
from sitrep.models import AnnotatedDocument, Incident


def extract_incidents(adoc: AnnotatedDocument) -> list[Incident]:
    mentions = detect_mentions(adoc)
    sentence_index = {sentence.start: number for number, sentence in enumerate(adoc.sentences)}
    events = corefer(mentions, sentence_index)
    accounts = [account for event in events for account in split_accounts(event)]
    dated = story_days(accounts)
    told = told_days(adoc)
    pointers = pointer_days(adoc, {sentence_index[m.sentence.start] for m in mentions})
    agreements = agreement_days(accounts)
    built: dict[int, Incident] = {}
    # in the order the story tells them, so that a day one account takes from the story
    # ("hours after the truce took effect", the day just told) is the day the sentences
    # that go on from it tell too
    for number in sorted(range(len(accounts)), key=lambda k: accounts[k].sentence_numbers[0]):
        account = accounts[number]
        context = story_time(account, dated, told, pointers, agreements)
        incident = build_incident(account, adoc, number + 1, context)
        built[number] = incident
        if told_on_story_day(account, context, incident):
            dated = carry_day(dated, account, incident)
    return [built[number] for number in range(len(accounts))]


__all__ = ["extract_incidents"]
