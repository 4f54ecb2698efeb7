"""The claims stage: attributed statements, accusations, denials, demands and threats.

It owns reported-speech detection (``speech``: verbs, "according to", quotes; data in
``data/claims/``) and turns each attribution into a ``Statement`` with its speaker (as
the actors stage resolved them), kind, target, date, channel, quote and evidence, linked
to the incident it gives figures for and to the accusation a denial answers.
"""

from __future__ import annotations

from sitrep import time
from sitrep.claims.agency import STATE_INTER, is_state, own_speech_act, reported_kind, speaker_affiliation_actor
from sitrep.claims.lexicon import KIND_RANK, content_kind, lexicon
from sitrep.claims.speech import cue_kind, find_attributions
from sitrep.models import AnnotatedDocument, Attribution, Evidence, Incident, Source, Statement, Target
from sitrep.text.spans import cut_off_ending, is_heading, overlapping, paragraph_of

def speaker_phrase(adoc: AnnotatedDocument, attribution: Attribution) -> str:
    """The words that name the speaker in the text ("" when none do)."""
    if attribution.speaker_start is None:
        return ""
    return adoc.document.text[attribution.speaker_start : attribution.speaker_end]


def evidence_for(adoc: AnnotatedDocument, attribution: Attribution) -> tuple[Evidence, str]:
    """The sentence to cite, and the kind: a quote's own sentence may carry the act.

    In a quote that runs over several sentences, the sentence that denies, demands or
    threatens is the one to cite when the attribution sentence itself does not.
    """
    kind = attribution.kind
    start, end = attribution.sent_start, attribution.sent_end
    own_cue = content_kind(adoc.document.text[start:end])
    if attribution.quote_start is not None and attribution.quote_start < attribution.sent_start:
        for sentence in adoc.sentences:
            if attribution.quote_start <= sentence.start_char + 1 and sentence.end_char <= attribution.sent_start:
                cue = content_kind(sentence.text)
                if cue and cue != own_cue and KIND_RANK[cue] >= KIND_RANK[kind]:
                    kind, start, end = cue, sentence.start_char, sentence.end_char
                    break
    return Evidence.trimmed(adoc.document.text, start, end), kind


def kind_in_context(adoc: AnnotatedDocument, attribution: Attribution, incidents: list[Incident]) -> str | None:
    """A plain report the parse left unread, read with the incidents its sentence tells.

    A state's act upon a party that is no state's, told by that party, accuses the state
    ("the government has released 'unknown prisoners', the Taliban spokesman said"); a toll cited "according
    to" a state body announces it ("27 Taliban were killed, according to the Ministry").
    """
    told = [i for i in incidents if attribution.sent_start <= i.evidence.start < attribution.sent_end]
    if not told:
        return None
    speaker = attribution.speaker
    side = speaker_affiliation_actor(adoc, speaker) or speaker
    own = {n for n in (side.name if side else None, speaker.name if speaker else None, speaker.affiliation if speaker else None) if n}
    for incident in told:
        # the state's act done to the speaker's own side, told by the speaker
        first = next((a for a in incident.actors if a.role == "actor1"), None)
        if first is None or first.inter not in STATE_INTER or side is None or side.inter is None or side.inter in STATE_INTER:
            continue
        if first.name not in own and any(a.name in own for a in incident.actors if a.role != "actor1"):
            return "accusation"
    phrase = speaker_phrase(adoc, attribution)
    single = "," not in phrase and " and " not in phrase
    if attribution.cue_text.lower() == "according" and attribution.speaker_sort == "body" and is_state(side) and single:
        return "announcement"
    return None


def target_of(adoc: AnnotatedDocument, attribution: Attribution, kind: str, statements: list[Statement]) -> Target | None:
    if kind not in ("accusation", "denial", "demand", "threat"):
        return None
    if kind == "denial":
        accusation = next((s for s in reversed(statements) if s.kind == "accusation" and s.speaker.name != attribution.speaker_name), None)
        if accusation is not None:
            return Target(name=accusation.speaker.name)
    speaker_id = attribution.speaker.id if attribution.speaker else None
    for mention in overlapping(adoc.actors, attribution.content_start, attribution.content_end):
        if mention.actor.id == speaker_id or mention.actor.name == attribution.speaker_name:
            continue
        if attribution.speaker_start is not None and attribution.speaker_start <= mention.start < (attribution.speaker_end or 0):
            continue
        return Target(name=mention.actor.name, mention=mention.text)
    return None


def about_incident(evidence: Evidence, attribution: Attribution, incidents: list[Incident]) -> str | None:
    for incident in incidents:
        if attribution.sent_start <= incident.evidence.start < attribution.sent_end or incident.evidence.start == evidence.start:
            return incident.id
    return None


def extract_statements(adoc: AnnotatedDocument, incidents: list[Incident]) -> list[Statement]:
    statements: list[Statement] = []
    told: set[tuple[str, str, str]] = set()
    bare: set[str] = set()
    for attribution in adoc.attributions:
        if not attribution.speaker_name or attribution.speaker_points_back:
            continue  # "he said" with nobody named before it
        if attribution.speaker is None and attribution.speaker_head.lower() in lexicon().collective_nouns:
            continue  # "both sides blame the other": no one speaker to name
        cue_sentence = adoc.doc[attribution.cue_i].sent
        if is_heading(cue_sentence, adoc.document.text) and not cut_off_ending(cue_sentence, adoc.document.text, after_prose=True):
            continue  # "Islamic State claims Palma attack": the headline of what the story tells
        sentence_text = typographic_fold(adoc.document.text[attribution.sent_start : attribution.sent_end])
        if (sentence_text, attribution.kind, attribution.speaker_name) in told:
            continue  # a lead repeated as a teaser or summary: one statement
        told.add((sentence_text, attribution.kind, attribution.speaker_name))
        evidence, kind = evidence_for(adoc, attribution)
        if kind != "statement" and cue_kind(adoc.doc[attribution.cue_i]) == "statement":
            # "'We confirm. They accuse the civilians ...,' the source said": the act the
            # speaker performs in the first person, not a cue among the words it reports
            kind = own_speech_act(adoc, attribution) or kind
        if kind == "statement":
            kind = reported_kind(adoc, attribution) or kind_in_context(adoc, attribution, incidents) or "statement"
        elif kind == "announcement" and reported_kind(adoc, attribution) == "accusation":
            kind = "accusation"  # "announced that ten civilians were killed by troops loyal to the regime"
        elif kind == "accusation" and reported_kind(adoc, attribution) == "threat":
            kind = "threat"  # "would hunt down those responsible for the assault": who did it, named to be punished
        when = time.governing_time(adoc, attribution.cue_i)
        speaker = attribution.speaker
        affiliation = None
        if speaker is not None:
            affiliation = speaker.affiliation if speaker.is_person else (speaker.affiliation or speaker.name)
        target = target_of(adoc, attribution, kind, statements)
        answers = None
        if says_only_a_pronoun(adoc, attribution):
            bare.add(f"s{len(statements) + 1}")
        if kind == "denial" and target is not None:
            answers = next((s.id for s in reversed(statements) if s.kind == "accusation" and s.speaker.name == target.name), None)
        statements.append(
            Statement(
                id=f"s{len(statements) + 1}",
                speaker=Source(
                    name=attribution.speaker_name,
                    affiliation=affiliation,
                    mention=speaker_phrase(adoc, attribution) or None,
                ),
                kind=kind,
                target=target,
                date=when.value if when is not None else None,
                date_precision=time.precision_of(when.value) if when is not None and when.value else None,
                date_text=when.text if when is not None else None,
                channel=attribution.channel,
                quote=attribution.quote,
                about_incident=about_incident(evidence, attribution, incidents),
                answers=answers,
                evidence=evidence,
            )
        )
    statements = with_quoted_paragraphs(adoc, statements)
    return without_announcements(adoc, statements, bare)


#: Curly quotes and apostrophes and their straight forms: a lead repeated as a teaser may
#: differ from the story's own first sentence in nothing else ("Afghanistan's" / "Afghanistan’s").
TYPOGRAPHIC = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"', "\u00a0": " "})


def typographic_fold(sentence: str) -> str:
    """A sentence as a key for telling repeats apart: typographic quotes and spacing folded."""
    return " ".join(sentence.translate(TYPOGRAPHIC).split())


def with_quoted_paragraphs(adoc: AnnotatedDocument, statements: list[Statement]) -> list[Statement]:
    """A paragraph that opens with a quotation and names no speaker goes on in the voice of
    the paragraph before it when that one ends on a named speaker's words ("Daramola said:
    “...” ¶ “The operation was executed yesterday ...” ¶ “The NAF will sustain its
    operations.”"): each such paragraph is a statement of that speaker, cited by its first
    sentence."""
    text = adoc.document.text
    told_paragraphs = {paragraph_of(text, a.sent_start) for a in adoc.attributions}
    added: list[Statement] = []
    by_end = sorted(statements, key=lambda s: s.evidence.end)
    last: Statement | None = None
    for sentence in adoc.sentences:
        start = sentence.start_char + (len(sentence.text) - len(sentence.text.lstrip()))
        para = paragraph_of(text, start)
        earlier = [s for s in by_end + added if s.evidence.end <= start]
        if earlier:
            last = earlier[-1]
        if start != para[0] or text[start : start + 1] not in ("“", '"') or para in told_paragraphs or last is None:
            continue
        previous = paragraph_of(text, max(para[0] - 2, 0))
        while previous[0] == previous[1] and previous[0] > 0:  # blank lines between paragraphs
            previous = paragraph_of(text, previous[0] - 2)
        if not (previous[0] <= last.evidence.start < previous[1]) or is_heading(sentence, text):
            continue
        if quote_tagged_later(text, para, told_paragraphs) or "according to" in last.evidence.text.lower():
            continue  # a source cited "according to" lends facts, not a voice that goes on
        evidence = Evidence.trimmed(text, start, sentence.end_char)  # starts on its quote mark
        quoted = evidence.text
        added.append(
            last.model_copy(
                update={
                    "id": f"s{len(statements) + len(added) + 1}",
                    "kind": content_kind(quoted) or "statement",
                    "target": None,
                    "quote": quoted.strip("“”\""),
                    "about_incident": None,
                    "answers": None,
                    "evidence": evidence,
                }
            )
        )
    return sorted(statements + added, key=lambda s: s.evidence.start) if added else statements


def quote_tagged_later(text: str, para: tuple[int, int], told: set[tuple[int, int]]) -> bool:
    """ "“I welcome the truce. ¶ “As commander in chief I have instructed ...,” Ghani tweeted.":
    a quotation that runs on through paragraphs opening with quote marks to one that names
    its speaker is that speaker's, told once."""
    current = para
    while True:
        nxt = current[1] + 1
        while nxt < len(text) and text[nxt] in "\n \t":
            nxt += 1
        if nxt >= len(text) or text[nxt] not in ("“", '"'):
            return False
        current = paragraph_of(text, nxt)
        if current in told:
            return True


def without_announcements(adoc: AnnotatedDocument, statements: list[Statement], bare: set[str]) -> list[Statement]:
    """Drop a bare report of an act ("It was immediately rejected by the US forces": what was
    rejected is only a pronoun) that the next sentence or the one after tells in the quoted
    words of the same side ("'...any assertion otherwise is baseless,' their spokesman said"):
    one denial, told twice. ``bare`` holds the ids of statements whose content is a pronoun."""
    sentence_starts = [s.start_char for s in adoc.sentences]
    dropped: set[str] = set()
    for first, second in zip(statements, statements[1:]):
        if first.id not in bare or first.kind != second.kind or not second.quote:
            continue
        side = first.speaker.affiliation or first.speaker.name
        if side is None or side not in (second.speaker.affiliation, second.speaker.name):
            continue
        between = sum(first.evidence.end <= start < second.evidence.start for start in sentence_starts)
        if between <= 2:
            dropped.add(first.id)
    return [s for s in statements if s.id not in dropped]


def says_only_a_pronoun(adoc: AnnotatedDocument, attribution: Attribution) -> bool:
    """ "It was rejected by X", "X denied this": the act's object is a pronoun and no clause follows."""
    cue = adoc.doc[attribution.cue_i]
    children = list(cue.children)
    if any(c.dep_ in ("ccomp", "xcomp", "advcl") for c in children) or attribution.quote:
        return False
    objects = [c for c in children if c.dep_ in ("nsubjpass", "dobj")]
    return bool(objects) and all(o.pos_ == "PRON" or o.lower_ in ("this", "that") for o in objects)


__all__ = ["extract_statements", "find_attributions"]
