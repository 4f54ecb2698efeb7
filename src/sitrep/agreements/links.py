"""Which statements are about an agreement, with their stance, and which incidents a party
calls a violation of one.

A statement is about an agreement when its reported content mentions it ("accused the US
of violating the agreement"); when the agreement is named elsewhere in its sentence and
the content speaks of breach or compliance ("groups signatory of the Juba agreement
accused the military of delaying the enforcement of the security arrangements"); when it
goes on in the same speaker's voice from such a statement ("He also said that Israel
..."); or, when the article's lead frames the story as an exchange of accusations of
breaching one agreement ("the rivals traded accusations over violations of the
ceasefire"), when it is an accusation or denial between that agreement's parties.

An incident is a violation of an agreement in a party's words when a statement alleging
the violation tells it, or points back at it ("This attack is a violation of the
agreement"), or when its sentence sets it against the agreement ("shelling despite the
ceasefire"), or when, in a story so framed, a party to the agreement reports it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from sitrep.actors import load_kb
from sitrep.agreements.kb import Entry, fold, load_agreements, load_lexicon
from sitrep.agreements.mentions import Mention
from sitrep.agreements.resolve import Reading, party_matches
from sitrep.agreements.stance import content_stance, stance_of
from sitrep.models import Agreement, AgreementRef, AnnotatedDocument, Attribution, Incident, Source, Statement

if TYPE_CHECKING:
    from spacy.tokens import Token

VIOLENT = frozenset({"Battles", "Explosions/Remote violence", "Violence against civilians"})
#: What a party's own allegation of a breach may also tell (a clash typed as a riot).
TOLD_VIOLENT = frozenset({"Riots"})


def ref(agreement: Agreement) -> AgreementRef:
    return AgreementRef(id=agreement.id, name=agreement.name)


@dataclass
class Link:
    agreement: Agreement
    stance: str
    basis: str  # "named", "described", "continued", "framed"


@dataclass
class Story:
    adoc: AnnotatedDocument
    reading: Reading
    links: dict[str, Link] = field(default_factory=dict)  # statement id -> link
    frame: Agreement | None = None

    def mentions_in(self, start: int, end: int) -> list[tuple[Mention, Agreement]]:
        return [(m, a) for m, a in self.reading.mentions if start <= m.start and m.end <= end]


# --- statements and the reported speech they come from --------------------------------------


def attribution_of(adoc: AnnotatedDocument, statement: Statement) -> Attribution | None:
    """The reported-speech act a statement was made from: its cue in the evidence, the same kind
    or the same speaker phrase preferred."""
    evidence = statement.evidence
    best, best_score = None, -1
    for attribution in adoc.attributions:
        cue = adoc.doc[attribution.cue_i]
        inside = evidence.start <= cue.idx < evidence.end
        quoted = attribution.quote_start is not None and attribution.quote_start <= evidence.start < attribution.sent_end
        if not (inside or quoted):
            continue
        points = 2 * (attribution.kind == statement.kind)
        phrase = adoc.document.text[attribution.speaker_start : attribution.speaker_end] if attribution.speaker_start is not None else ""
        points += phrase == (statement.speaker.mention or "")
        points += inside
        if points > best_score:
            best, best_score = attribution, points
    return best


def content_span(adoc: AnnotatedDocument, statement: Statement, attribution: Attribution | None) -> tuple[int, int]:
    evidence = statement.evidence
    if attribution is None or not (evidence.start <= adoc.doc[attribution.cue_i].idx < evidence.end):
        return evidence.start, evidence.end
    start, end = attribution.content_start, attribution.content_end
    if attribution.quote_start is not None:
        start = min(start, attribution.quote_start)
    return max(start, evidence.start), min(max(end, start), evidence.end)


def tokens_between(adoc: AnnotatedDocument, start: int, end: int) -> list[Token]:
    span = adoc.doc.char_span(start, end, alignment_mode="expand")
    return list(span) if span is not None else []


def commitment_words(entry: Entry | None) -> set[str]:
    """Words of the agreement's commitments ("prisoners", "security arrangements", "withdrawal")."""
    if entry is None:
        return set()
    words: set[str] = set()
    for commitment in entry.commitments:
        words |= {w for w in fold(commitment.description).split() if len(w) > 5}
    return words


def is_the_speaker(mention: Mention, attribution: Attribution | None) -> bool:
    """ "According to the agreement, ...": the agreement's text is cited, nobody speaks of it."""
    if attribution is None or attribution.speaker_start is None:
        return False
    return mention.start >= attribution.speaker_start and mention.end >= (attribution.speaker_end or 0) - 1 and \
        mention.start <= (attribution.speaker_end or 0)


def direct_link(story: Story, statement: Statement) -> Link | None:
    adoc = story.adoc
    attribution = attribution_of(adoc, statement)
    start, end = content_span(adoc, statement, attribution)
    cue = adoc.doc[attribution.cue_i] if attribution is not None else None

    def content() -> list[Token]:
        return tokens_between(adoc, start, end) + ([cue] if cue is not None else [])

    inside = [(m, a) for m, a in story.mentions_in(start, end) if not is_the_speaker(m, attribution)]
    if inside:
        mention, agreement = inside[0]
        stances = [stance_of(adoc.doc[m.head], cue, statement.kind) for m, _ in inside if _ is agreement]
        chosen = next((s for s in stances if s != "other"), None) or content_stance(content(), statement.kind) or "other"
        return Link(agreement, chosen, "named")
    elsewhere = [(m, a) for m, a in story.mentions_in(statement.evidence.start, statement.evidence.end)
                 if not is_the_speaker(m, attribution)]
    if elsewhere:
        said = content_stance(content(), statement.kind)
        if said is not None:
            return Link(elsewhere[0][1], said, "described")
    return None


def kb_entry(agreement: Agreement) -> Entry | None:
    return load_agreements().entries.get(agreement.id) if agreement.known else None


def side_of(name: str | None) -> list:
    """The actors-KB actors a speaker or target name stands for."""
    if not name:
        return []
    kb = load_kb()
    found = [a for a in (kb.lookup(name), kb.from_acled(name)) if a is not None]
    return found


def is_party(agreement: Agreement, *names: str | None) -> bool:
    """Whether any of the names is a party to the agreement or one of its signatories (by the
    KB's parties, else by name)."""
    entry = kb_entry(agreement)
    folded = {fold(p) for p in agreement.parties}
    if entry is not None:
        folded |= {fold(s) for s in entry.signatories} | {fold(a) for p in entry.parties for a in p.aliases}
    for name in names:
        if not name:
            continue
        if fold(name) in folded:
            return True
        if entry is not None and any(party_matches(p, a) for a in side_of(name) for p in entry.parties):
            return True
    return False


def frame_of(story: Story, statements: list[Statement]) -> Agreement | None:
    """The agreement the lead says someone broke, when there is one."""
    lead = [(s.start_char, s.end_char) for s in story.adoc.lead]
    inside = lambda offset: any(s <= offset < e for s, e in lead)  # noqa: E731
    for mention, agreement in story.reading.mentions:
        if inside(mention.start) and stance_of(story.adoc.doc[mention.head], None, None) == "alleges_violation":
            return agreement
    for statement in statements:
        link = story.links.get(statement.id)
        if link is not None and link.stance == "alleges_violation" and inside(statement.evidence.start):
            return link.agreement
    return None


def continues(statement: Statement, previous: Statement, adoc: AnnotatedDocument) -> bool:
    """ "He said ...", "The Hamas official also said ...": the same voice going on."""
    same = {fold(previous.speaker.name), fold(previous.speaker.affiliation)} - {""}
    if not same & ({fold(statement.speaker.name), fold(statement.speaker.affiliation)} - {""}):
        return False
    lex = load_lexicon()
    phrase = fold(statement.speaker.mention or statement.speaker.name)
    words = set(fold(statement.evidence.text).split())
    return phrase in lex.continuing_speakers or bool(words & lex.continuation_markers)


def framed_stance(story: Story, statement: Statement, incidents: list[Incident] = ()) -> str | None:
    """In a story framed as accusations of breaking an agreement: an accusation alleges a breach,
    a denial denies one; a demand or warning about its implementation or its commitments
    demands compliance; a plain statement that tells an act of violence by another side, or
    that its commitments are not being met, alleges a breach."""
    if statement.kind == "accusation":
        return "alleges_violation"
    if statement.kind == "statement" and story.frame is not None and any(
            i.acled_type in VIOLENT and told_by(i, statement) and by_another_side(i, statement)
            and not before_agreement(i, story.frame) for i in incidents):
        return "alleges_violation"
    if statement.kind == "denial":
        return "denies_violation"
    content = tokens_between(story.adoc, statement.evidence.start, statement.evidence.end)
    entry = kb_entry(story.frame) if story.frame else None
    if statement.kind in ("demand", "threat"):
        lex = load_lexicon()
        lemmas = {t.lemma_.lower() for t in content} | {t.lower_ for t in content}
        if lemmas & (lex.compliance_nouns | lex.compliance_verbs | lex.violation_nouns | commitment_words(entry)):
            return "demands_compliance"
        return None
    if statement.kind == "statement" and content_stance(content, statement.kind, commitment_words(entry)):
        return "alleges_violation"
    lex = load_lexicon()
    if statement.kind == "statement" and any(t.lemma_.lower() in lex.event_anaphors for t in content):
        return "alleges_violation"  # a party telling of the other side's attacks, in a story of breaches
    return None


def told_by(incident: Incident, statement: Statement) -> bool:
    return incident.id == statement.about_incident or any(told_in(e, statement) for e in (incident.evidence, *incident.mentions))


def by_another_side(incident: Incident, statement: Statement) -> bool:
    doer = incident.actors[0].name if incident.actors else None
    return doer is not None and fold(doer) not in {fold(statement.speaker.name), fold(statement.speaker.affiliation)}


def tells_earlier_events(statement: Statement, incidents: list[Incident], agreement: Agreement) -> bool:
    """A statement about what happened before the agreement was signed ("since the attack of
    7 October, 14,500 have been killed") cannot accuse anyone of breaking it."""
    told = next((i for i in incidents if i.id == statement.about_incident), None)
    return told is not None and before_agreement(told, agreement)


def unplaced(statement: Statement) -> bool:
    """A speaker named only by a common noun ("the movements", "five groups", "a source"):
    whose side they are on is not known, so they may be a party."""
    mention = (statement.speaker.mention or statement.speaker.name).strip()
    last = mention.split()[-1] if mention.split() else ""
    return bool(last) and last[:1].islower() and statement.speaker.affiliation is None


def link_statements(story: Story, statements: list[Statement], incidents: list[Incident] = ()) -> list[Statement]:
    for statement in statements:
        link = direct_link(story, statement)
        if link is not None:
            story.links[statement.id] = link
    story.frame = frame_of(story, statements)
    previous: Statement | None = None
    for statement in statements:
        if statement.id not in story.links:
            carried = story.links.get(previous.id) if previous is not None else None
            if carried is not None and carried.stance == "alleges_violation" and statement.kind in (
                    "accusation", "statement") and continues(statement, previous, story.adoc):
                story.links[statement.id] = Link(carried.agreement, "alleges_violation", "continued")
            elif story.frame is not None and not tells_earlier_events(statement, incidents, story.frame):
                stance = framed_stance(story, statement, incidents)
                # a speaker of unknown side may be a party when they accuse, deny or demand;
                # one who only tells of violence must be known to be one
                open_side = unplaced(statement) and statement.kind != "statement"
                if stance is not None and (open_side or is_party(
                        story.frame, statement.speaker.name, statement.speaker.affiliation, statement.speaker.mention)):
                    story.links[statement.id] = Link(story.frame, stance, "framed")
        elif story.links[statement.id].stance == "other" and story.links[statement.id].agreement is story.frame:
            # an accusation in a story framed as accusations of breaking this agreement
            stance = framed_stance(story, statement)
            if stance in ("alleges_violation", "denies_violation"):
                story.links[statement.id].stance = stance
        previous = statement
    out = []
    for statement in statements:
        link = story.links.get(statement.id)
        if link is None:
            out.append(statement)
        else:
            out.append(statement.model_copy(update={"about_agreement": ref(link.agreement), "stance": link.stance}))
    return out


# --- incidents called violations --------------------------------------------------------------


def event_anaphor(adoc: AnnotatedDocument, statement: Statement) -> bool:
    """ "This attack is a violation": the content points back at an event told before."""
    lex = load_lexicon()
    for token in tokens_between(adoc, statement.evidence.start, statement.evidence.end):
        if token.lemma_.lower() in lex.event_anaphors and any(
                c.dep_ == "det" and c.lower_ in ("this", "that", "the") for c in token.children):
            return True
    return False


def told_in(evidence, statement: Statement) -> bool:
    """Whether a sentence telling an incident lies in the statement's evidence."""
    return statement.evidence.start <= evidence.start < statement.evidence.end


def accuser(statement: Statement) -> Source:
    return Source(name=statement.speaker.name, affiliation=statement.speaker.affiliation)


def link_incidents(story: Story, statements: list[Statement], incidents: list[Incident]) -> list[Incident]:
    adoc = story.adoc
    verdicts: dict[str, tuple[Agreement, Source | None]] = {}
    alleging = [s for s in statements if s.about_agreement is not None and s.stance == "alleges_violation"]
    by_id = {a.id: a for a in story.reading.agreements}
    for statement in alleging:
        agreement = by_id[statement.about_agreement.id]  # type: ignore[union-attr]
        told = [i for i in incidents if i.acled_type in VIOLENT | TOLD_VIOLENT and (
            i.id == statement.about_incident or any(told_in(e, statement) for e in (i.evidence, *i.mentions)))]
        if not told and event_anaphor(adoc, statement):
            before = [i for i in incidents if i.acled_type in VIOLENT and i.evidence.start < statement.evidence.start]
            told = before[-1:]
        for incident in told:
            verdicts.setdefault(incident.id, (agreement, accuser(statement)))
    for incident in incidents:
        if incident.id in verdicts or incident.acled_type not in VIOLENT:
            continue
        sentence = (incident.evidence.start, incident.evidence.end)
        for mention, agreement in story.mentions_in(*sentence):
            if stance_of(adoc.doc[mention.head], None, None) == "alleges_violation":
                verdicts[incident.id] = (agreement, incident.reported_by)
                break
        else:
            frame = story.frame
            if frame is not None and framed_violation(frame, incident):
                verdicts[incident.id] = (frame, incident.reported_by)
    out = []
    for incident in incidents:
        verdict = verdicts.get(incident.id)
        if verdict is None:
            out.append(incident)
        else:
            agreement, who = verdict
            out.append(incident.model_copy(update={"violation_of": ref(agreement), "alleged_by": who}))
    return out


def framed_violation(frame: Agreement, incident: Incident) -> bool:
    """In a story framed as accusations of breaking ``frame``: an act of violence a party reports,
    or one an unnamed source pins on a party."""
    if before_agreement(incident, frame):
        return False
    reporter = incident.reported_by
    if reporter is not None and is_party(frame, reporter.name, reporter.affiliation):
        return True
    doer = incident.actors[0].name if incident.actors else None
    unnamed = reporter is None or "source" in fold(reporter.name)
    return unnamed and reporter is not None and is_party(frame, doer)


def before_agreement(incident: Incident, agreement: Agreement) -> bool:
    """An incident dated before the agreement was signed cannot have broken it."""
    from sitrep.agreements.kb import bounds

    told, signed = bounds(incident.date), bounds(agreement.signed)
    return bool(told and signed and told[1] < signed[0])
