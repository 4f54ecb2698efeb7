"""The records that cross stage boundaries.

Output records (``Document``, ``Incident``, ``Statement``, ``Agreement``, ``Delivery``,
``Extraction``, ``Failure``) are pydantic models: they are what ``sitrep extract`` prints and what the store keeps,
so they validate and serialise themselves. Mentions (``TimeMention``, ``ActorMention``,
``PlaceMention``) are the intermediate annotations that the time, actors and places
stages attach to one ``AnnotatedDocument``; they are frozen dataclasses because they are
made in bulk and never change once made.

Every mention and every evidence span indexes ``Document.text`` by character offsets,
so ``document.text[start:end] == text`` always holds.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property
from datetime import date
from typing import TYPE_CHECKING, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, field_serializer, field_validator, model_validator

if TYPE_CHECKING:  # spaCy is heavy to import; only type checkers need it here.
    from spacy.tokens import Doc, Span

PublishedBasis = Literal["metadata", "url", "dateline", "inferred"]
DatePrecision = Literal["day", "range", "week", "month", "year"]
GeoPrecision = Literal["place", "admin2", "admin1", "country"]
ClaimStatus = Literal["reported", "claimed", "disputed", "denied"]
#: A publication month written as a record's ``published`` ("2022-11").
MONTH_ONLY = re.compile(r"\d{4}-(0[1-9]|1[0-2])")
StatementKind = Literal[
    "statement", "accusation", "denial", "demand", "threat", "confirmation", "announcement"
]
AgreementKind = Literal["ceasefire", "peace agreement", "truce", "prisoner exchange", "other"]
#: What a statement says of an agreement it is about.
Stance = Literal[
    "alleges_violation", "denies_violation", "demands_compliance", "claims_compliance", "threatens_withdrawal", "other"
]
CommitmentKind = Literal["release", "withdrawal", "handover", "ceasefire", "other"]
Bound = Literal["lower", "upper", "approximate"]

#: The longest reason a one-line report carries (a Failure's error, an API error): past it
#: the reason is cut and ends with an ellipsis, so that no input can make a report unbounded.
MAX_REASON_CHARS = 500


def one_line(text: object, limit: int = MAX_REASON_CHARS) -> str:
    """``text`` as one line of at most ``limit`` characters: every run of whitespace (line
    breaks, tabs, Unicode line and paragraph separators) is one space, and a longer line is
    cut to ``limit - 1`` characters and an ellipsis. The one rule for every one-line reason."""
    line = " ".join(str(text).split())
    return line if len(line) <= limit else line[: limit - 1].rstrip() + "…"


class Record(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Evidence(Record):
    """A span of ``Document.text``: the sentence a fact was read from."""

    text: str
    start: int
    end: int

    @classmethod
    def trimmed(cls, text: str, start: int = 0, end: int | None = None, at: int = 0) -> Evidence:
        """``text[start:end]`` as evidence, without the spaces around it (a sentence's span
        takes the line break after it). ``at`` is where ``text`` begins in the document,
        for a text that is a sentence's own rather than the document's."""
        end = len(text) if end is None else end
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        return cls(text=text[start:end], start=at + start, end=at + end)


class Document(Record):
    """One input article after ingest, with its publication date once the time stage ran."""

    id: str
    source: str
    url: str | None = None
    title: str | None = None
    site_name: str | None = None
    published: date | None = None
    published_basis: PublishedBasis | None = None
    published_text: str | None = None
    published_candidates: list[date] = Field(default_factory=list)
    #: The month of publication ("2022-11") when only the month is known (a URL slug
    #: "...-november-2022"): ``published`` stays None, there being no day to count from,
    #: and the record shows the month as its ``published`` value, as coders write a
    #: month-precision date (read back the same way).
    published_month: str | None = Field(default=None, exclude=True, pattern=f"^{MONTH_ONLY.pattern}$")
    text: str
    removed: list[str] = Field(default_factory=list)
    content_hash: str | None = None
    #: When a crawl or a fetch got the page (a WARC-Date): it was published on or before
    #: this day. Read by the time stage; not part of the output record.
    captured: date | None = Field(default=None, exclude=True)
    # how the bytes were read when they were not plain UTF-8 ("decoded as UTF-16-LE (no
    # byte order mark)", "decoded as UTF-8; 2 bytes read as Windows-1252, 1 invalid byte replaced")
    decoding: str | None = None

    @model_validator(mode="before")
    @classmethod
    def month_only(cls, data: Any) -> Any:
        """A record whose ``published`` is a month ("2022-11") was published in it, on a day not known."""
        if isinstance(data, dict) and isinstance(data.get("published"), str) and MONTH_ONLY.fullmatch(data["published"]):
            data = {**data, "published_month": data["published"], "published": None}
        return data

    @field_serializer("published")
    def show_published(self, value: date | None) -> date | str | None:
        return value if value is not None else self.published_month


class ActorRef(Record):
    """An actor taking part in an incident, as named in the knowledge base."""

    name: str
    role: Literal["actor1", "actor2", "associate", "victim"] | None = None
    mention: str | None = None
    kind: str | None = None
    inter: int | None = None
    country: str | None = None
    affiliation: str | None = None


class Source(Record):
    """Who reported a fact: a person or body, and whom they speak for."""

    name: str
    affiliation: str | None = None
    mention: str | None = None


class Target(Record):
    name: str
    mention: str | None = None


class AgreementRef(Record):
    """Which agreement a statement or incident is about: an ``Agreement`` of the same extraction."""

    id: str
    name: str


class Incident(Record):
    id: str
    acled_type: str
    acled_sub_type: str
    plover_type: str | None = None
    plover_mode: str | None = None
    date: str | None = None
    date_precision: Literal["day", "range", "month"] | None = None
    date_text: str | None = None
    country: str | None = None
    admin1: str | None = None
    admin2: str | None = None
    place: str | None = None
    latitude: float | None = None
    longitude: float | None = None
    geo_precision: GeoPrecision | None = None
    admin1_list: list[str] = Field(default_factory=list)
    admin1_local: str | None = None  # the gazetteer's own name of admin1 (ACLED's spelling)
    killed: int | None = None
    injured: int | None = None
    killed_or_injured: int | None = None
    released: int | None = None
    detained: int | None = None
    abducted: int | None = None
    count_notes: list[str] = Field(default_factory=list)
    actors: list[ActorRef] = Field(default_factory=list)
    reported_by: Source | None = None
    claim_status: ClaimStatus = "reported"
    evidence: Evidence
    # every sentence that tells the incident, the evidence sentence first
    mentions: list[Evidence] = Field(default_factory=list)
    # set by the agreements stage: the agreement a party calls this incident a violation
    # of, and who says so; the agreement a release, withdrawal or handover was made under
    violation_of: AgreementRef | None = None
    alleged_by: Source | None = None
    under_agreement: AgreementRef | None = None


class Statement(Record):
    id: str
    speaker: Source
    kind: StatementKind
    target: Target | None = None
    date: str | None = None
    date_precision: Literal["day", "range", "month"] | None = None
    date_text: str | None = None
    channel: str | None = None
    quote: str | None = None
    about_incident: str | None = None
    answers: str | None = None
    evidence: Evidence
    # set by the agreements stage: the agreement the statement is about, and what it says of it
    about_agreement: AgreementRef | None = None
    stance: Stance | None = None


class Commitment(Record):
    """One thing a party promised under an agreement, as the agreements knowledge base records it."""

    id: str  # unique within its agreement: "taliban-prisoners"
    kind: CommitmentKind
    description: str
    party: str | None = None  # who must deliver ("Government of Afghanistan")
    beneficiary: str | None = None  # whose people or what it is for ("Taliban")
    quantity: int | None = None  # how many, when the agreement says (5000)
    unit: str | None = None  # of what ("prisoners")
    due: str | None = None  # by when (ISO date)
    source: str  # the public source of the fact


class Agreement(Record):
    """An agreement a document names or refers to, resolved against the knowledge base when it can be.

    ``id`` is the knowledge base's id ("us-taliban-2020"), or ``text:<slug>`` for an
    agreement the knowledge base lacks, recorded from the text alone.
    """

    id: str
    name: str
    aliases: list[str] = Field(default_factory=list)
    kind: AgreementKind = "other"
    parties: list[str] = Field(default_factory=list)
    signed: str | None = None  # ISO date, month or year
    known: bool = False  # True: the knowledge base's entry, with its sources
    source: str | None = None  # the public source of the knowledge base's facts
    commitments: list[Commitment] = Field(default_factory=list)
    evidence: Evidence  # the sentence that names it best
    mentions: list[Evidence] = Field(default_factory=list)  # every sentence that refers to it, in text order


class Delivery(Record):
    """A reported delivery on an agreement's commitment: one batch (prisoners released on a
    day, an incident) or a running total the text gives as reached "so far" (``cumulative``)."""

    id: str
    agreement: AgreementRef
    commitment: str | None = None  # ``Commitment.id`` of the agreement
    quantity: int | None = None
    bound: Bound | None = None  # "over 4,000": lower
    cumulative: bool = False
    date: str | None = None  # of the batch, or the date the running total was given
    party: str | None = None  # who delivered
    reported_by: Source | None = None
    incident: str | None = None  # the incident this is the figure of
    statement: str | None = None  # the statement that reports it
    evidence: Evidence


class Extraction(Record):
    """What sitrep read from one document."""

    document: Document
    incidents: list[Incident] = Field(default_factory=list)
    statements: list[Statement] = Field(default_factory=list)
    agreements: list[Agreement] = Field(default_factory=list)
    deliveries: list[Delivery] = Field(default_factory=list)


class Failure(Record):
    """A document that could not be read, and why, in one line."""

    source: str
    error: str

    @field_validator("error")
    @classmethod
    def as_one_line(cls, error: str) -> str:
        return one_line(error)


# --- mentions: annotations that stages attach to one document -------------------------


@dataclass(frozen=True)
class TimeMention:
    """A temporal expression and what it resolves to.

    ``value`` is ISO: ``YYYY-MM-DD``, ``YYYY-MM``, or ``start/end`` for a range; it is
    None when the expression cannot be anchored (no publication date, say).
    """

    start: int
    end: int
    text: str
    value: str | None
    precision: DatePrecision | None
    kind: str = "absolute"


@dataclass(frozen=True)
class Actor:
    """A canonical actor: an entry of the knowledge base or a person learned in-document."""

    id: str
    name: str
    kind: str | None = None  # ACLED inter label, e.g. "State forces", "Rebel group"
    inter: int | None = None
    country: str | None = None
    affiliation: str | None = None  # for people: the actor they speak or act for
    is_person: bool = False
    sector: str | None = None  # PLOVER/CAMEO-style sector: GOV, MIL, REB, CVL, ...


@dataclass(frozen=True)
class ActorMention:
    start: int
    end: int
    text: str
    actor: Actor


@dataclass(frozen=True)
class Place:
    name: str
    country: str | None
    admin1: str | None = None
    admin2: str | None = None
    latitude: float | None = None
    longitude: float | None = None
    level: GeoPrecision = "place"
    population: int = 0
    # The gazetteer's own name of ``admin1`` (which is ACLED's spelling).
    admin1_local: str | None = None


@dataclass(frozen=True)
class PlaceMention:
    start: int
    end: int
    text: str
    place: Place


@dataclass(frozen=True)
class Attribution:
    """A reported-speech act found in one sentence: who said (or is cited for) what.

    ``cue_i`` is the token index of the speech verb, or of "according" in "according
    to X"; ``content_start``/``content_end`` bound what was reported, so that an event
    told inside it can name its source.
    """

    sent_start: int
    sent_end: int
    cue_i: int
    cue_text: str
    kind: StatementKind
    speaker_name: str | None
    speaker_start: int | None
    speaker_end: int | None
    speaker: Actor | None
    content_start: int
    content_end: int
    channel: str | None = None
    quote: str | None = None
    quote_start: int | None = None
    # How the speaker phrase refers (claims.speakers): "person", "body" or "description";
    # its head word, number and the role nouns said of a person; whether it points back
    # to a speaker named before ("he", "the ministry") and is still unresolved.
    speaker_sort: str | None = None
    speaker_head: str = ""
    speaker_plural: bool = False
    speaker_roles: tuple[str, ...] = ()
    speaker_points_back: bool = False
    # The party the speaker speaks for (claims.speakers.speaker_party): a body is its own
    # party; a person speaks for their affiliation, or for the body their phrase names
    # ("NAME, speaking on behalf of the rebels' command", "the chairman of the front's panel").
    speaker_party: Actor | None = None


@dataclass
class AnnotatedDocument:
    """One document as it flows through the stages: text, parse, then mentions."""

    document: Document
    doc: Doc
    times: list[TimeMention] = field(default_factory=list)
    actors: list[ActorMention] = field(default_factory=list)
    places: list[PlaceMention] = field(default_factory=list)
    attributions: list[Attribution] = field(default_factory=list)
    country: str | None = None  # the story's main country, once the places stage decided
    # The collection's country as the user gave it (--country): a prior that the actors
    # and places stages weigh against what the text says, never a verdict.
    country_hint: str | None = None

    @cached_property
    def sentences(self) -> list[Span]:
        """The parse's sentences, listed once: the stages look sentences up many times over,
        and the boundaries are final once the text stage has parsed."""
        return list(self.doc.sents)

    @cached_property
    def lead(self) -> list[Span]:
        """The story's headings and first sentences of prose (``text.spans.lead_sentences``):
        what the story is about, asked of it by several stages."""
        from sitrep.text.spans import lead_sentences  # here, not above: the text package imports this module

        return lead_sentences(self.sentences, self.document.text)
