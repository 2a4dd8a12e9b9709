"""The theme coder: lexicon, negation, kept apart from the reporter's choices, text dropped."""
from __future__ import annotations

from datetime import date

import pytest

from services.aggregator import coding_eval, counting, release
from services.aggregator.coding import LexiconCoder, LexiconError, lexicon_coder
from services.aggregator.state import Store

BASE = {"happened_to": "self", "came_from": ["peer"], "about": ["race"]}


def code(*texts):
    return lexicon_coder().code(texts)


@pytest.mark.parametrize("text, themes", [
    ("She ignored me all shift.", {"T05"}),
    ("Nobody ignored me.", set()),
    ("He never asked where I was really from.", set()),
    ("Not only did they ignore me, they mocked my accent.", {"T05", "T06"}),
    ("It wasn't just a joke, it was racist.", {"T08"}),
    ("She didn't complain, and she ignored me.", {"T05"}),     # 'and' ends the negation's reach
    ("", set()),
])
def test_the_lexicon_finds_themes_and_drops_negated_ones(text, themes):
    assert code(text) == themes


def test_what_would_help_is_coded_with_the_narrative():
    assert code("[PERSON] said it.", "Teach people to use the right pronouns.") == {"T12"}
    assert code(None, None) == frozenset()


def test_coded_themes_are_counted_apart_from_the_themes_the_reporter_chose():
    answers = {**BASE, "themes": ["T01"], "what_happened": "They talked over me in the huddle."}
    cells = counting.report_cells(answers, "2026-11", lexicon_coder())
    assert ("themes", "2026-Q4", ("T01",)) in cells and ("themes", "2026-Q4", ("T05",)) not in cells
    assert ("coded_themes", "2026-Q4", ("T05",)) in cells and ("coded_themes", "2026-Q4", ("T01",)) not in cells
    assert ("coded_theme_by_came_from_group", "2026-Q4", ("ignored_watched", "other_colleagues")) in cells


def test_the_narrative_is_used_for_coding_and_never_stored(tmp_path):
    store = Store(tmp_path / "s.sqlite3")
    answers = {**BASE, "what_happened": "Zebedee talked over me at the Quixotic meeting.",
               "what_would_help": "Marmalade training."}
    store.count("id-1", counting.report_cells(answers, "2026-11", lexicon_coder()))
    store.close()
    raw = b"".join(p.read_bytes() for p in tmp_path.iterdir())
    assert b"Zebedee" not in raw and b"Quixotic" not in raw and b"Marmalade" not in raw
    assert b"coded_themes" in raw


def test_a_coded_theme_is_shown_only_when_ten_reports_support_it():
    def released(n):
        counts = {}
        answers = {**BASE, "what_happened": "They left me out of the rota meeting."}
        for i in range(n):
            for c in counting.report_cells(answers, "2026-11", lexicon_coder()):
                counts[c] = counts.get(c, 0) + 1
        cells = release.cut(counts, ["2026-11"], "r", date(2026, 12, 1)).cells
        return next(c["value"] for c in cells if c["table"] == "coded_themes" and c["dims"] == {"coded_theme": "T05"}
                    and c["period"] == "2026-Q4")
    assert (released(9), released(10)) == (None, 10)


def test_a_broken_lexicon_is_refused_with_a_clear_message():
    base = {"version": 1, "negation": {"cues": ["not"], "window": 5, "clause_breaks": ["."]}}
    with pytest.raises(LexiconError, match="not a valid regular expression"):
        LexiconCoder.from_dict({**base, "themes": {"T01": ["where (are"]}})
    with pytest.raises(LexiconError, match="quoted strings"):
        LexiconCoder.from_dict({**base, "negation": {**base["negation"], "cues": [False]}, "themes": {"T01": ["x"]}})


def test_kappa_and_scores_are_exact():
    assert coding_eval.kappa([True, True, False, False], [True, False, False, False]) == 0.5
    assert coding_eval.kappa([True, True], [True, True]) is None

    class Perfect:
        def code(self, texts):
            return next(i.gold for i in items if i.texts == tuple(texts))
    items = coding_eval.load_items()
    e = coding_eval.evaluate(Perfect(), items)
    assert e.micro == (1.0, 1.0)
    assert e.kappa_coder_reporter == e.kappa_gold_reporter


def test_the_evaluation_prints_figures_never_a_text(capsys):
    assert coding_eval.main([]) == 0
    out = capsys.readouterr().out
    assert "lexicon v1, dev" in out and "lexicon v1, test" in out and "micro precision" in out
    assert not any(i.texts[0][:25].lower() in out.lower() for i in coding_eval.load_items())


def test_a_bad_labelled_set_gets_a_specific_error(tmp_path, capsys):
    bad = tmp_path / "bad.yaml"
    bad.write_text("items:\n  - split: dev\n    text: x\n    gold: [T99]\n")
    assert coding_eval.main([str(bad)]) == 2
    assert "item 1: gold has codes that are not themes: ['T99']" in capsys.readouterr().err
