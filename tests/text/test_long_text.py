"""Long and pathological texts: bounded segments and a tokenizer that never sees an endless run.

Built from the inputs that ran for minutes: one 320,000-character document of dev
articles back to back (176 s, about x4 per doubling), a run of 10,000 quote marks (15 s
in spaCy's tokenizer alone).
"""

from __future__ import annotations

from sitrep.text import MAX_RUN, BoundedTokenizer, load_nlp, segment_bounds


def test_a_text_within_the_limit_is_one_segment():
    assert segment_bounds("Taliban fighters attacked.", 100) == [(0, 26)]
    assert segment_bounds("", 100) == [(0, 0)]


def test_segments_end_at_the_last_paragraph_break_of_their_second_half():
    text = "a" * 30 + "\n\n" + "b" * 40 + "\n\n" + "c" * 50
    assert segment_bounds(text, 80) == [(0, 74), (74, 124)]
    assert text[0:74].endswith("b\n\n") and text[74:124] == "c" * 50


def test_without_paragraphs_a_segment_ends_at_a_line_a_sentence_or_a_space():
    lines = "\n".join(["x" * 9] * 10)  # 99 characters, a line break every 10
    assert segment_bounds(lines, 25) == [(0, 20), (20, 40), (40, 60), (60, 80), (80, 99)]
    sentences = "One two. " * 5  # 45 characters
    assert segment_bounds(sentences, 20) == [(0, 18), (18, 36), (36, 45)]
    words = "abcd " * 8  # 40 characters
    assert segment_bounds(words, 12) == [(0, 10), (10, 20), (20, 30), (30, 40)]


def test_a_text_with_no_break_at_all_is_cut_at_the_limit():
    assert segment_bounds('"' * 50, 20) == [(0, 20), (20, 40), (40, 50)]


def test_segments_cover_the_text_and_are_at_most_twice_its_length_over_the_limit():
    text = ("Taliban fighters attacked a checkpoint in Kunduz.\n" * 400) + ("word " * 3000) + '"' * 7000
    bounds = segment_bounds(text, 2000)
    assert bounds[0][0] == 0 and bounds[-1][1] == len(text)
    assert all(end == start for (_, end), (start, _) in zip(bounds, bounds[1:]))
    assert all(0 < end - start <= 2000 for start, end in bounds)
    assert len(bounds) <= 2 * len(text) // 2000 + 1


def test_ten_thousand_quote_marks_are_a_few_tokens_and_the_text_is_unchanged():
    text = "He said " + '"' * 10_000 + " and left."
    doc = load_nlp()(text)
    assert doc.text == text
    # 10,000 quote marks and the space after them: 50 pieces of MAX_RUN, one token each
    assert MAX_RUN == 200
    assert [t.text for t in doc][:2] == ["He", "said"]
    assert [len(t.text) for t in doc][2:52] == [200] * 50
    assert [t.text for t in doc][52:] == ["and", "left", "."]
    assert doc[51].whitespace_ == " "


def test_a_long_run_with_letters_is_tokenized_in_pieces():
    tokenizer = BoundedTokenizer(load_nlp().tokenizer.tokenizer, max_run=10)
    doc = tokenizer("see http://example.com/abcdefghij now")
    assert doc.text == "see http://example.com/abcdefghij now"
    assert [t.text for t in doc] == ["see", "http://exa", "mple.com/a", "bcdefghij", "now"]


def test_text_without_long_runs_is_tokenized_as_spacy_does():
    text = "Taliban fighters attacked a checkpoint in Kunduz, killing 3 soldiers (officials said)."
    ours = load_nlp().tokenizer(text)
    spacys = load_nlp().tokenizer.tokenizer(text)
    assert [(t.text, t.whitespace_) for t in ours] == [(t.text, t.whitespace_) for t in spacys]
