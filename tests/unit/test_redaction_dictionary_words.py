"""Session 9 (issue 16): on a batch in a new hand the learned name pass took ordinary English words
that are in no list of names ("between", "shift", "mg") far more often than names; such a word now
needs a surer score (name_model.DICTIONARY_WORD_THRESHOLD). And a name with its role in brackets
after it is a name (apposition._role_in_brackets), and a reference with two or three groups of
letters before its number is one identifier (patterns.prefixed_id). Invented cases only."""
from __future__ import annotations

import pytest

from services.redactor import apposition, engine, lexicon, name_model, names, redaction


@pytest.fixture(scope="module")
def lex():
    return lexicon.load()


@pytest.fixture(scope="module")
def redact(lex):
    e = engine.Engine(lex)
    return lambda text: redaction.redact(text, e.analyse, lex)[0]


def _word(text: str, word: str):
    return next(w for w in names.words(text) if w.text == word)


@pytest.mark.parametrize("word, expected", [
    ("between", True), ("shift", True), ("Survey", True), ("mg", False),   # "mg": no English word
    ("hazel", False), ("Summer", False), ("Will", False),   # given names that are words
    ("Okonjo", False), ("memory", False), ("Gift", False),   # no word; a name in GIVEN_WORDS
])
def test_dictionary_words_are_english_words_in_no_list_of_names(lex, word, expected):
    text = f"I saw {word} today"
    assert name_model.dictionary_word(_word(text, word), lex) is expected


def _constant(score: float) -> name_model.Model:
    """A model that scores every candidate `score`: bias only, threshold 0.29 as the built one's."""
    import math
    return name_model.Model({}, math.log(score / (1 - score)), 0.29)


@pytest.mark.parametrize("score, taken", [(0.3, ["Quenby"]), (0.49, ["Quenby"]),
                                          (0.5, ["shift", "Quenby"]), (0.9, ["shift", "Quenby"])])
def test_a_dictionary_word_needs_the_surer_score_and_a_name_the_models_own(lex, score, taken):
    text = "Locum shift with Quenby"
    words = names.words(text)
    found = name_model.spans(text, words, [], lex, _constant(score))
    assert [text[s.start:s.end] for s in found if text[s.start:s.end] != "Locum"] == taken


@pytest.mark.parametrize("text, expected", [
    ("Marigold (HCA) laughed at me.", "[PERSON] (HCA) laughed at me."),
    ("ruby (ward clerk) won't put calls through.", "[PERSON] (ward clerk) won't put calls through."),
    ("Then Okonjo (HCA, nights) said it again.", "Then [PERSON] (HCA, nights) said it again."),
    ("Told by Brannagh (duty manager) to smile more.", "Told by [PERSON] (duty manager) to smile more."),
])
def test_a_name_with_its_role_in_brackets_is_removed(redact, text, expected):
    assert redact(text) == expected


@pytest.mark.parametrize("text", [
    "Theatre (ODP) staff were lovely to me.",
    "The patient (HCA referral) was seen on time.",
    "the notes (hca) said nothing about it.",
    "I asked for help (nurse in charge was busy).",
])
def test_a_bracketed_role_after_a_word_that_is_no_name_leaves_it(lex, text):
    assert apposition._role_in_brackets(text, list(apposition._WORD.finditer(text)), lex) == []


@pytest.mark.parametrize("text, expected", [
    ("Datix W/IR/40917 was closed.", "Datix [IDENTIFIER] was closed."),
    ("Logged as INC/ED/2024/5531 by the nurse.", "Logged as [IDENTIFIER] by the nurse."),
    ("He covers 24/7 and the and/or rule.", "He covers 24/7 and the and/or rule."),
])
def test_a_reference_with_groups_of_letters_before_its_number_goes_whole(redact, text, expected):
    assert redact(text) == expected
