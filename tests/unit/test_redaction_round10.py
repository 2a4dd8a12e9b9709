"""Round 10 of the redactor (issue 16): a given name that is also an English word, right after an
article or a number word, is the word ("a Ruby wedding card", "not one Penny of it"): a person's
name takes no article. Possessives are no articles ("our Rose said" is a name in many voices),
nor a capitalised "The" mid-sentence (a house's name). Rules alone (fast), and the whole
redactor's learned pass must not take it back either. Every sentence is invented for these tests."""
from __future__ import annotations

import pytest

from tests.support.redaction import redacted


@pytest.mark.parametrize("text", [
    "A Ruby wedding card went round for the sister on nights.",
    "Not one Penny of the bonus came my way.",
    "We sat in the Rose garden behind the chapel at lunch.",
    "There was a Will reading for the patient's family that day.",
    "I never got an Ivy plant for the office, just a card.",
    "She said it with a Grace that nobody else on the unit has.",
])
def test_a_word_name_after_an_article_or_a_number_is_the_word(text, lex):
    assert redacted(text, lex) == text


@pytest.mark.parametrize("text,want", [
    # the same given names where a person is meant: no article before them
    ("Our Rose said I was too slow for the ward.", "Our [PERSON] said I was too slow for the ward."),
    ("Then Ruby laughed at my accent again.", "Then [PERSON] laughed at my accent again."),
    ("I told Penny about it and she shrugged.", "I told [PERSON] about it and she shrugged."),
    ("Thanks, Grace.", "Thanks, [PERSON]."),
])
def test_the_same_names_without_an_article_are_still_taken(text, want, lex):
    assert redacted(text, lex) == want


@pytest.fixture(scope="module")
def whole(lex):
    from services.redactor import engine, redaction

    e = engine.Engine(lex)
    return lambda text: redaction.redact(text, e.analyse, lex)[0]


@pytest.mark.parametrize("text", [
    "A Ruby wedding card went round for the sister on nights.",
    "Not one Penny of the bonus came my way.",
])
def test_the_learned_pass_and_the_model_leave_the_word_too(text, whole):
    # the whole redactor (models built by make model): the pass does not take back what the
    # rules spare, whatever it scores
    assert whole(text) == text
