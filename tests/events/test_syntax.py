"""Reading a trigger's clause from the parse: a clause that only places another in time."""

from __future__ import annotations

from spacy.lang.en import English
from spacy.tokens import Doc

from sitrep.events.syntax import is_timing_clause

VOCAB = English().vocab  # the lexical attributes (lower case) without a parser


def parsed(mark: str, dep: str = "advcl") -> Doc:
    """ "Herders fled <mark> the truce began", hand-set so the test does not depend on the model."""
    rows = [("Herders", 1, "nsubj"), ("fled", 1, "ROOT"), (mark, 5, "mark"), ("the", 4, "det"), ("truce", 5, "nsubj"),
            ("began", 1, dep)]
    return Doc(VOCAB, words=[w for w, _, _ in rows], heads=[h for _, h, _ in rows], deps=[d for _, _, d in rows])


def test_a_clause_opened_by_an_anchor_preposition_only_times_another():
    assert [is_timing_clause(parsed(mark)[5]) for mark in ("after", "since", "until", "Before")] == [True, True, True, True]
    assert is_timing_clause(parsed("because")[5]) is False  # a cause, not a time
    assert is_timing_clause(parsed("after", dep="ccomp")[5]) is False  # no adverbial clause
    assert is_timing_clause(parsed("after")[1]) is False  # the main clause


def test_a_caller_may_count_fewer_marks():
    assert is_timing_clause(parsed("since")[5], {"since"}) is True
    assert is_timing_clause(parsed("after")[5], {"since"}) is False
