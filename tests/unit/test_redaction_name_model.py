"""The learned name pass (services/redactor/name_model.py): its weights file, its features, and
what it takes and leaves in invented narratives, through the real spaCy model and Presidio."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from services.redactor import engine, lexicon, name_model, names, redaction, train_name_model


@pytest.fixture(scope="module")
def lex():
    return lexicon.load()


@pytest.fixture(scope="module")
def redactors(lex):
    """The redactor with the pass, and the same engine with the pass switched off."""
    e = engine.Engine(lex)
    model = e.model
    recogniser = next(r for r in e.analyzer.registry.recognizers if hasattr(r, "model"))

    def run(text: str, with_pass: bool) -> str:
        recogniser.model = model if with_pass else None
        try:
            return redaction.redact(text, e.analyse, lex)[0]
        finally:
            recogniser.model = model
    return run


def test_the_built_weights_load_with_a_threshold_between_0_and_1():
    model = name_model.load()
    assert 0 < model.threshold < 1
    assert len(model.weights) > 100


@pytest.mark.parametrize("content, problem", [
    (None, "FileNotFoundError"),
    ("{not json", "JSONDecodeError"),
    ('{"weights": {}, "bias": 0}', "KeyError"),
    ('{"weights": {}, "bias": 0, "threshold": 1.5}', "not between 0 and 1"),
])
def test_a_missing_or_malformed_weights_file_stops_the_redactor(tmp_path, content, problem):
    path = tmp_path / "name_model.json"
    if content is not None:
        path.write_text(content, encoding="utf-8")
    with pytest.raises(name_model.ModelError, match=problem):
        name_model.load(path)


def test_the_engine_does_not_start_without_its_weights(tmp_path, monkeypatch, lex):
    monkeypatch.setenv(name_model.WEIGHTS_ENV, str(tmp_path / "absent.json"))
    with pytest.raises(name_model.ModelError, match="make model"):
        engine.Engine(lex)


def test_a_word_is_never_its_own_feature(lex):
    text = "Quillon told Mabry that Quillon would cover the shift."
    ws = names.words(text)
    for i, w in enumerate(ws):
        assert not any(w.key in f.lower() for f in name_model.features(text, ws, i, lex)
                       if not f.startswith(("p1=", "p2=", "n1=", "n2="))), w.text


def test_kept_words_pronouns_and_conjunctions_are_never_candidates(lex):
    text = "Because you were Muslim and the matron, nobody whether or not"
    for w in names.words(text):
        assert not name_model.candidate(w, lex, text), w.text


@pytest.mark.parametrize("text, verbs", [
    # a lower-case verb form before an object or a preposition: never a candidate
    ("gave oral morphine and Tesni Vargas still reported me", ["gave", "reported"]),
    ("then she told wren about the swap", ["told"]),
    ("so i said to them it was fine", ["said"]),
    ("he walked off and ignored my question", ["walked", "ignored"]),
    ("she cancelled the handover twice", ["cancelled"]),
    # a name before its own verb, a verb before a comma, a full stop or a conjunction, and a
    # capitalised or shouted word stay candidates
    ("hung said no and reed told me off", ["said", "told"]),
    ("it was reported, then escalated.", []),
    ("Said told me and Reed asked about it", ["told", "asked"]),
    ("SHE TOLD ME TO GO", []),
    # a lower-case given name that ends in -ed is no verb ("fred"), nor a word before "and"
    ("i saw fred at the desk", ["saw"]),
    ("nobody helped and nobody cared", []),
])
def test_verbs_by_their_grammar_are_not_candidates(lex, text, verbs):
    ws = names.words(text)
    assert [w.text for i, w in enumerate(ws)
            if name_model.verb_by_grammar(text, ws, i, lex)] == verbs


@pytest.mark.parametrize("text, expected", [
    # a word name first in a sentence before a verb the rules do not list
    ("Kumquat sat in on my appraisal and said nothing.",
     "[PERSON] sat in on my appraisal and said nothing."),
    # a lower-case word name as the subject of a shouted question in lower case
    ("why does nutmeg always get the good shifts", "why does [PERSON] always get the good shifts"),
    # a lower-case word name after a role, and after a text-speak opener before a person's verb
    ("the charge nurse walnut keeps moving my breaks",
     "the charge nurse [PERSON] keeps moving my breaks"),
    ("ugh parsley snapped at me again in handover", "ugh [PERSON] snapped at me again in handover"),
    # round 8 (train_names2, frame features): a lower-case word name after a verb of company, as
    # the first object of a two-object verb
    # (a given name that is a word: an English word in no list of names, "quillwort", now needs
    # name_model.DICTIONARY_WORD_THRESHOLD)
    ("crewed with hazel all week and not one word to me",
     "crewed with [PERSON] all week and not one word to me"),
    ("I handed wrenna the obs chart and she binned it",
     "I handed [PERSON] the obs chart and she binned it"),
])
def test_the_pass_takes_word_names_the_rules_leave(redactors, text, expected):
    assert redactors(text, with_pass=False) == text
    assert redactors(text, with_pass=True) == expected


@pytest.mark.parametrize("text", [
    "I keep my head down and get on with it.",
    "On Tuesday the matron moved me to nights.",
    "Sent from my phone",
    "As a Muslim woman I should not have to explain my prayers.",
    "Nobody from the night team checked on me.",
    # the same kinds of word as things, and a heading
    "We had gooseberry crumble at the leaving do.",
    "The parsley in the garden needs cutting back.",
    "Outcome: nothing changed.",
    # round 8: the same frames with no person in them
    "I handed the patient the obs chart.",
    "crewed with a student all week, which was fine.",
    "I spoke to pharmacy who said they would look into it.",
])
def test_the_pass_leaves_ordinary_sentences_alone(redactors, text):
    assert redactors(text, with_pass=True) == text


def test_each_training_corpus_is_read_by_a_recogniser_never_trained_on_it(monkeypatch, lex):
    # the pass is fitted on the entities the fine-tuned recogniser finds on text it has not seen
    # (cross-fitted), on the run-time windows; the fine-tuning itself is replaced by a record of
    # what each recogniser would be trained on (the real one is make model's, checked below)
    trained_on = []

    def fine_tune(names, **_):
        trained_on.append(tuple(names))
        return len(trained_on) - 1   # the recogniser's number, standing for it
    monkeypatch.setattr(train_name_model.train_redactor_ner, "fine_tune", fine_tune)
    monkeypatch.setattr(train_name_model, "_windows_of", lambda nlp, lex: lambda texts: nlp)
    corpora = train_name_model.TRAIN + train_name_model.HELD_OUT
    read = train_name_model.cross_fitted_entities(lex, corpora, ["round13"], log=lambda _: None)
    assert len(trained_on) == train_name_model.FOLDS == 2
    for corpus in corpora:
        names_ = trained_on[read(corpus, ["a text"])]
        assert corpus not in names_ and "round13" not in names_
        # and it is trained on everything else outside its fold, e.g. the rounds never trained on
        # by the pass itself
        assert "round12" in names_ and "round10" in names_
    assert set(trained_on[0]) | set(trained_on[1]) >= set(corpora)


@pytest.mark.slow   # reads every training corpus with the stock model and fits the pass, as make model does
def test_the_weights_are_rebuilt_identically_from_the_corpora(tmp_path):
    out = tmp_path / "name_model.json"
    assert train_name_model.main(["--out", str(out)]) == 0
    assert json.loads(out.read_text()) == json.loads(name_model.weights_path().read_text())
    about = json.loads(out.read_text())["about"]
    assert "round10" not in about and "round11" not in about and "round12" not in about
    assert "round13" not in about   # held out, measured once (docs/redactor.md)
    assert "train_names1" in about and "train_names2" in about
