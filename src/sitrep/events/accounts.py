"""Accounts: who tells an event. Another party's contradicting account of an event
("The Taliban, however, said ...") is an incident of its own, never folded into the first."""

from __future__ import annotations

from typing import TYPE_CHECKING

from sitrep.events.mentions import EventMention

if TYPE_CHECKING:
    from sitrep.events.coreference import Draft


def speaker_of(mention: EventMention) -> str | None:
    attribution = mention.attribution
    if attribution is None:
        return None
    return attribution.speaker.id if attribution.speaker else (attribution.speaker_name or "").lower()


def is_counter_account(draft: Draft, mention: EventMention) -> bool:
    """Another party's contradicting account of the same event."""
    if not mention.contrast:
        return False
    ours = {speaker_of(m) for m in draft.mentions} - {None}
    theirs = speaker_of(mention)
    # an account we could not name a source for ("a local commander told us") is still
    # contradicted by a named party's "however"
    return theirs is not None and theirs not in ours
