"""The entity recogniser runs only on windows of a text (engine.ner_windows): around the words
whose label can change what is redacted. Which words get one, that the windows are well formed,
and that entities found in a window land at their place in the whole text. Invented texts."""
from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from services.redactor import engine, lexicon, redaction


@pytest.fixture(scope="module")
def lex():
    return lexicon.load()


def windows(text: str, lex) -> list[str]:
    return [text[a:b] for a, b in engine.ner_windows(text, lex)]


def test_a_capitalised_word_gets_two_words_either_side(lex):
    text = "we went home and baked some bread. The nurse said Kemi was late and we laughed."
    assert windows(text, lex) == ["nurse said Kemi was late"]


def test_no_window_where_no_word_can_be_a_name(lex):
    # "I", and a small word capitalised first in its sentence, carry no label the rules read
    assert windows("we all carried on like that's normal. I said so. The end.", lex) == []


def test_a_small_word_capitalised_inside_a_sentence_gets_one(lex):
    assert windows("they sent them up to The Larches again", lex) == ["up to The Larches again"]


def test_a_lower_case_word_that_is_no_english_word_gets_one(lex):
    assert windows("we were crewed with oluwaseun all week", lex) == ["crewed with oluwaseun all week"]


def test_overlapping_windows_are_joined(lex):
    text = "on nights with Kemi and Tobi again"
    assert windows(text, lex) == ["nights with Kemi and Tobi again"]


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=400))
def test_windows_are_ordered_disjoint_and_inside_the_text(text):
    lex = lexicon.load()
    found = engine.ner_windows(text, lex)
    for start, end in found:
        assert 0 <= start < end <= len(text)
    for (_, end), (start, _) in zip(found, found[1:]):
        assert end < start


def test_entities_from_a_later_window_keep_their_offsets_in_the_whole_text(lex):
    e = engine.Engine(lex)
    text = ("we went down the road and had a chat about nothing much at all, then we baked "
            "bread and went home. Later on I moved to Manchester with Ngozi Okafor from Lagos.")
    [artifacts] = e.artifacts_many([text])
    later = text.index("Later")
    assert engine.ner_windows(text, lex) == [(text.index("moved"), len(text) - 1)]
    assert artifacts.entities, "the model finds entities in the window"
    for ent in artifacts.entities:
        assert ent.start >= later
        # the same words as the model labelled in its window
        assert text[ent.start:ent.end].strip() == text[ent.start:ent.end]
        assert redaction.WORD.match(text, ent.start)
    assert {t.idx for t in artifacts.tokens} <= {m.start() for m in redaction.WORD.finditer(text)}
    assert "Ngozi Okafor" in [text[x.start:x.end] for x in artifacts.entities if x.label == "PERSON"]


def test_the_engine_leaves_blas_one_thread(lex):
    """A second OpenBLAS thread only burned CPU on the model's small matrices (engine.one_blas_thread)."""
    from threadpoolctl import threadpool_info

    engine.Engine(lex)
    blas = [pool for pool in threadpool_info() if pool["user_api"] == "blas"]
    assert blas, "NumPy's BLAS is loaded"
    assert {pool["num_threads"] for pool in blas} == {1}
