"""The cue words of reported content, read from data/claims/speech.toml."""

from sitrep.claims.lexicon import content_kind, content_patterns, lexicon


def test_a_cue_matches_only_where_a_word_starts():
    assert content_kind("The allies met on Monday.") is None
    assert content_kind("He called the report lies.") == "denial"


def test_a_hyphen_before_a_cue_keeps_it_inside_a_word():
    assert content_kind("a self-denied rumour") is None


def test_the_first_kind_in_the_data_files_order_wins():
    kinds = [kind for kind, _ in lexicon().content_cues]
    assert [kind for kind, _ in content_patterns()] == [k for k, cues in lexicon().content_cues if cues]
    assert kinds[0] == "denial"
    assert content_kind("The claim is baseless and a threat to the truce.") == "denial"


def test_case_does_not_matter():
    assert content_kind("WE REJECT the charge") == "denial"


def test_a_cue_that_without_negates_signals_no_act():
    assert content_kind('the troops opened fire "without any warning" and accused them of murder') == "accusation"
    assert content_kind("the column attacked with no prior warning") is None
    assert content_kind("the army warned residents to leave") == "threat"
