"""The theme coders: the trained classifier the aggregator runs (interface, negation, no theme,
offline loading, measured figures), the lexicon, the intervention coder, kept apart from the
reporter's choices, text dropped. The classifier runs on the real all-MiniLM-L6-v2 files
(`make model`); nothing here uses the network."""
from __future__ import annotations

import json
import socket
from datetime import date

import pytest

from services.aggregator import coding, coding_eval, counting, labelled, release
from services.aggregator.coding import (ClassifierCoder, LexiconCoder, LexiconError, default_coder, help_coder,
                                        lexicon_coder)
from services.aggregator.minilm import MiniLM, ModelMissing, WordPiece, model_dir
from services.aggregator.state import Store
from services.contracts import coder as coder_card
from services.contracts.questionnaire import load
from services.contracts.tables import INTERVENTIONS

BASE = {"happened_to": "self", "came_from": ["peer"], "about": ["race"]}
THEMES = set(load()["themes"].codes)


def lex(*texts):
    return lexicon_coder().code(texts)


# --- the classifier the aggregator runs ------------------------------------------------------

def test_the_aggregator_runs_the_trained_classifier_and_it_returns_theme_codes():
    coder = default_coder()
    assert isinstance(coder, ClassifierCoder) and coder.codes == tuple(sorted(THEMES))
    found = coder.code(["The consultant asked where I was really from and told me to go back home."])
    assert isinstance(found, frozenset) and found <= THEMES and "T01" in found


@pytest.mark.parametrize("texts", [[], [None, None], ["", "   "]])
def test_no_text_gives_no_theme(texts):
    assert default_coder().code(texts) == frozenset()


@pytest.mark.parametrize("text", [
    "The car park was full again and I was late for my shift.",
    "Busy night, two admissions and a fall, the team were brilliant.",   # workload is not T04
])
def test_a_text_without_a_micro_aggression_gets_no_theme(text):
    assert default_coder().code([text]) == frozenset()


def test_negated_theme_words_are_not_coded():
    coder = default_coder()
    assert "T05" in coder.code(["They ignored me at handover and left me out of the breaks."])
    assert coder.code(["Nobody ignored me or left me out, it is a lovely team."]) == frozenset()


def test_a_theme_said_despite_a_denial_is_still_coded():
    assert "T01" in default_coder().code(["I'm not saying he's racist, but he told me to go back to my own country."])


def _tiny_coder(veto_coef, veto_intercept):
    """A two-code classifier over word counts alone (no embedding), to test the denial head."""
    import numpy as np

    class NoEmbedding:
        def embed(self, texts):
            return np.zeros((len(texts), 0))
    negation = lexicon_coder().negation
    words = coding.words_vectoriser(negation, {"ignored": 0, "neg_ignored": 1}, "words")
    words.idf_ = np.ones(2)
    chars = coding.words_vectoriser(negation, {"zzz": 0}, "chars")
    chars.idf_ = np.ones(1)
    # T05 is likely on "ignored" and on "neg_ignored" (the words alone cannot tell them apart)
    return ClassifierCoder("tiny", ("T05", "T09"), NoEmbedding(), (words, chars), np.array([[9.0, 9.0, 0], [0, 0, 0]]),
                           np.array([-2.0, -9.0]), (0.5, 0.5), {}, False, veto_coef, veto_intercept, 0.6)


def test_the_denial_head_vetoes_every_theme_of_a_denied_text_and_survives_saving(tmp_path):
    import numpy as np

    coder = _tiny_coder(np.array([-9.0, 9.0, 0]), -2.0)     # sure of a denial only on "neg_ignored"
    assert coder.code_many(["She ignored me.", "Nobody ignored me."]) == [frozenset({"T05"}), frozenset()]
    without = _tiny_coder(None, 0.0)
    assert without.code_many(["She ignored me.", "Nobody ignored me."]) == [frozenset({"T05"})] * 2
    coder.save(tmp_path / "c.npz")
    loaded = ClassifierCoder.load(tmp_path / "c.npz", coder.embedder, lexicon_coder().negation)
    assert loaded.veto_threshold == 0.6 and loaded.veto_intercept == -2.0
    assert loaded.code_many(["She ignored me.", "Nobody ignored me."]) == [frozenset({"T05"}), frozenset()]


def test_the_theme_coder_has_a_denial_head_and_the_intervention_coder_none():
    assert default_coder().veto_coef is not None and default_coder().veto_threshold == coding.SETTINGS["veto"]
    assert help_coder().veto_coef is None


def test_what_would_help_is_read_with_the_narrative():
    assert "T12" in default_coder().code(["[PERSON] keeps calling me she.", "Use my pronouns, I am he/him."])


def test_the_model_loads_and_codes_with_the_network_switched_off(monkeypatch):
    def refuse(*args, **kwargs):
        raise AssertionError("the coder tried to use the network")
    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    model = MiniLM.load(model_dir())
    coder = ClassifierCoder.load(coding.themes_weights(), model, lexicon_coder().negation)
    assert "T03" in coder.code(["A relative asked me to fetch the doctor. I am the doctor, in my scrubs."])


def test_the_weights_were_fitted_on_the_labelled_data_as_it_is_now():
    items = labelled.load_split("train") + labelled.load_split("dev")
    digest = coding.data_digest([coding.joined(i.texts) for i in items], [i.gold for i in items],
                                tuple(sorted(THEMES)), [i.negated and not i.gold for i in items])
    assert default_coder().meta["data_sha256"] == digest, "run make model"


def test_a_missing_model_is_named_with_the_command_that_fetches_it(tmp_path):
    with pytest.raises(ModelMissing, match="make model"):
        MiniLM.load(tmp_path)


def test_the_tokenizer_splits_like_bert_uncased():
    tok = WordPiece(["[PAD]", "[UNK]", "[CLS]", "[SEP]", "they", "ignored", "me", "ign", "##ored", "!", "cafe"])
    assert tok.encode("They IGNORED me!") == [2, 4, 5, 6, 9, 3]
    assert tok.encode("Café zzz") == [2, 10, 1, 3]


def test_the_embedding_is_a_unit_vector_and_alike_texts_are_closer():
    model = default_coder().embedder
    a, b, c = model.embed(["They left me out of the team lunch.", "I was excluded from the team meal.",
                           "The drug chart was signed twice."])
    assert abs(float(a @ a) - 1.0) < 1e-5
    assert float(a @ b) > float(a @ c) + 0.2


# --- its measured figures ------------------------------------------------------------------

@pytest.mark.slow   # codes 43 reports twice with the model
def test_a_batch_of_reports_gets_exactly_the_codes_each_gets_alone():
    """The aggregator codes a batch at once (the embedding stacks the texts): the codes must be
    those of coding each report alone, empty reports included, for both coders."""
    reports = [[i.text] for i in labelled.load_split("dev")[:40]]
    reports[3:3] = [[], [None, ""], ["Nothing happened at all today."]]
    for coder in (default_coder(), lexicon_coder()):
        assert coding.code_each(coder, reports) == [coder.code(r) for r in reports]
    vectors = default_coder().embedder
    texts = [r[0] for r in reports if r and r[0]]
    for i, text in enumerate(texts[:5]):
        assert abs(vectors.embed([text])[0] - vectors.embed(texts)[i]).max() < 1e-6


@pytest.fixture(scope="module")
def test_split():
    return coding_eval.evaluate(default_coder(), labelled.load_split("test"))


@pytest.mark.slow   # evaluates the model on the whole frozen test split
def test_the_method_box_card_holds_the_figures_measured_on_the_frozen_test_split(test_split):
    card = coder_card.card()
    p, r, f = test_split.micro
    assert card["coder"] == default_coder().version
    assert (card["precision"], card["recall"], card["f1"]) == (round(p, 2), round(r, 2), round(f, 2))
    assert "all-MiniLM-L6-v2" in card["model"] and card["measured_on"] == f"frozen test split, {test_split.items} texts"


@pytest.mark.slow   # evaluates the model on the whole frozen test split
def test_the_classifier_reads_far_more_than_the_lexicon(test_split):
    lexicon = coding_eval.evaluate(lexicon_coder(), labelled.load_split("test"))
    assert test_split.micro[2] >= lexicon.micro[2] + 0.25
    assert test_split.implied_recall >= lexicon.implied_recall + 0.3


# The issue's targets, each its own test so a met target is a passing assertion and an unmet one
# an honest strict xfail (docs/themes.md has the figures).
@pytest.mark.slow   # evaluates the model on the whole frozen test split
def test_the_frozen_test_split_meets_the_micro_f1_target(test_split):
    assert test_split.micro[2] >= 0.80


@pytest.mark.slow   # evaluates the model on the whole frozen test split
def test_the_frozen_test_split_meets_the_per_theme_f1_target(test_split):
    assert min(t.f1 for t in test_split.themes) >= 0.60


@pytest.mark.slow   # evaluates the model on the whole frozen test split
def test_the_frozen_test_split_meets_the_exact_set_target(test_split):
    assert test_split.exact >= 0.55


@pytest.mark.slow   # evaluates the model on the whole frozen test split
def test_the_frozen_test_split_meets_the_implied_recall_target(test_split):
    assert test_split.implied_recall >= 0.6


@pytest.mark.slow   # evaluates the model on the whole frozen test split
def test_the_frozen_test_split_meets_the_negation_target(test_split):
    assert test_split.negated_false <= 0.10


def test_a_threshold_is_the_one_with_the_best_f1_on_its_predictions_nearest_half_on_ties(monkeypatch):
    import numpy as np

    monkeypatch.setitem(coding.SETTINGS, "threshold_grid", [0.3, 0.4, 0.5, 0.6])
    y = np.array([1, 1, 0, 0, 1])
    # 0.3 and 0.4 both find the three themes with one false one (F1 6/7); 0.5 and 0.6 miss one (4/5)
    assert coding.best_threshold(np.array([0.9, 0.42, 0.41, 0.1, 0.8]), y) == 0.4
    assert coding.best_threshold(np.array([0.9, 0.9, 0.1, 0.1, 0.9]), y) == 0.5


def test_every_theme_has_its_own_threshold_from_the_grid():
    coder = default_coder()
    assert len(coder.thresholds) == len(coder.codes)
    assert set(coder.thresholds) <= set(coding.SETTINGS["threshold_grid"])
    assert help_coder().thresholds == (0.5,) * len(INTERVENTIONS)


# --- the labelled data and the evaluation --------------------------------------------------

def test_the_labelled_set_is_as_the_issue_asks():
    items = [i for s in labelled.SPLITS for i in labelled.load_split(s)]
    assert len(items) >= 1200
    assert all(sum(t in i.gold for i in items) >= 50 for t in THEMES)
    assert sum(len(i.gold) >= 2 for i in items) >= 250 and sum(not i.gold for i in items) >= 100
    assert sum(i.negated for i in items) >= 100 and sum(bool(i.implied) for i in items) >= 150
    texts = [i.text for i in items]
    assert len(set(texts)) == len(texts), "no text is in two splits or twice in one"


def test_kappa_and_scores_are_exact():
    assert coding_eval.kappa([True, True, False, False], [True, False, False, False]) == 0.5
    assert coding_eval.kappa([True, True], [True, True]) is None
    items = [labelled.parse("T01 ~T05 ! | a", "dev"), labelled.parse("- | b", "dev"), labelled.parse("T02 | c", "dev")]

    class Fixed:
        answers = iter([frozenset({"T01"}), frozenset({"T09"}), frozenset({"T02"})])

        def code(self, texts):
            return next(self.answers)
    e = coding_eval.evaluate(Fixed(), items)
    assert e.micro == (2 / 3, 2 / 3, pytest.approx(2 / 3))
    assert (e.exact, e.implied_recall, e.negated_false, e.none_false) == (1 / 3, 0.0, 0.0, 1.0)


def test_a_bad_labelled_line_gets_a_specific_error():
    with pytest.raises(labelled.LabelledSetError, match="line 3: 'T99' is not a theme code"):
        labelled.parse("T01 T99 | text", "dev", "dev.txt line 3")
    with pytest.raises(labelled.LabelledSetError, match="needs 'LABELS | text'"):
        labelled.parse("T01 text without a bar", "dev", "dev.txt line 4")


@pytest.mark.slow   # evaluates the model on the whole frozen test split
def test_the_evaluation_prints_figures_never_a_text(capsys):
    assert coding_eval.main(["--split", "test"]) == 0
    out = capsys.readouterr().out
    assert f"classifier {default_coder().version}, test" in out and "lexicon v1, test" in out
    assert "exact set of themes right" in out and "recall on implied themes" in out
    assert not any(i.text[:30].lower() in out.lower() for i in labelled.load_split("test"))


def test_the_blind_second_pass_agreement_is_printed(capsys):
    assert coding_eval.main(["--agreement"]) == 0
    out = capsys.readouterr().out
    assert "blind second pass: 100 texts" in out and "pooled kappa" in out


# --- what would help -----------------------------------------------------------------------

@pytest.mark.parametrize("text, expected", [
    ("Cultural awareness training for the whole team about different religions.", "cultural_awareness"),
    ("Active bystander training so people call it out when they hear it.", "bystander"),
    ("A prayer room on site and a uniform policy that allows head coverings.", "policy_process"),
    ("Not sure really.", "nothing_unsure"),
])
def test_what_would_help_is_coded_into_the_faqs_interventions(text, expected):
    found = help_coder().code([text])
    assert expected in found and found <= set(INTERVENTIONS)


def test_no_answer_asks_for_nothing():
    assert help_coder().code([None]) == frozenset()


def test_interventions_are_counted_in_their_own_table():
    answers = {**BASE, "what_happened": "They talked over me in the huddle.",
               "what_would_help": "Bystander training so colleagues step in."}
    cells = counting.report_cells(answers, "2026-11", lexicon_coder(), helps=help_coder())
    assert ("what_would_help", "2026-Q4", ("bystander",)) in cells
    assert not any(c[0] == "what_would_help" for c in counting.report_cells(answers, "2026-11", lexicon_coder()))


# --- the lexicon, and what every coder shares ----------------------------------------------

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
    assert lex(text) == themes


def test_negation_marks_the_words_in_its_reach():
    assert lexicon_coder().negation.mark("nobody ignored me, they were kind") == "nobody neg_ignored neg_me | they were kind |"


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
    store.count("id-1", counting.report_cells(answers, "2026-11", default_coder(), helps=help_coder()))
    store.close()
    raw = b"".join(p.read_bytes() for p in tmp_path.iterdir())
    assert b"Zebedee" not in raw and b"Quixotic" not in raw and b"Marmalade" not in raw
    assert b"coded_themes" in raw and b"what_would_help" in raw


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


def test_the_card_is_valid_json_with_the_fields_the_reporter_reads():
    raw = json.loads(coder_card.CARD.read_text())
    assert set(raw) >= {"coder", "model", "measured_on", "precision", "recall", "f1"}
