"""Round 12 of the rules (issue 16), by kind: given names that are also English words written in
lower case in texting style, where only a person can be meant (the subject of a person's verb
with no article, the agent after "by", people in a lower-case list, after "with" before "and
she…"); a lower-case name spoken to inside a quotation; a given name after a role word in
Portuguese, Spanish, Polish or Tagalog; and the same words kept where they are words (manner,
shouted phrases, daybreak, a noun before its complement, "bless you", a month after a day).
The rules alone (fast), then the real engine for what the model and the learned pass could
take (marked slow). Every sentence is invented; the names are not those of train_kinds2.jsonl."""
from __future__ import annotations

import pytest

from services.redactor import engine, redaction
from tests.support.redaction import redacted


# -- 1. lower-case given names that are words, as people, in texting style --------------------
@pytest.mark.parametrize("text,want", [
    ("then honor told me to go home", "then [PERSON] told me to go home"),
    ("faith (band 7) swapped my shift again", "[PERSON] (band 7) swapped my shift again"),
    ("melody (hca) told the relatives i was foreign",
     "[PERSON] (hca) told the relatives i was foreign"),
    ("n grace said i was lazy", "n [PERSON] said i was lazy"),
    ("so sunny just ignored me at handover", "so [PERSON] just ignored me at handover"),
    ("told by robin 2 use the side door", "told by [PERSON] 2 use the side door"),
    ("sent by ivy 2 the other ward agn", "sent by [PERSON] 2 the other ward agn"),
    ("i was with hope and she laughed at me", "i was with [PERSON] and she laughed at me"),
    ("me n joy n patience were on nights", "me n [PERSON] n [PERSON] were on nights"),
    ("charity n faith both ignored me", "[PERSON] n [PERSON] both ignored me"),
    ("the rota is a mess and pearl laughs at me", "the rota is a mess and [PERSON] laughs at me"),
])
def test_a_lower_case_word_name_where_a_person_acts(text, want, lex):
    assert redacted(text, lex) == want


@pytest.mark.parametrize("text", [
    "then hope came back when the new manager started",       # no person's verb
    "n the robin sang outside the window all night",          # an article: the bird
    "i was told by management 2 keep quiet",                  # a body, not a name
    "driven by hope n nothing else tbh",                      # "driven" is done by no one
    "u need patience on this ward n a lot of it",             # the noun
    "bread n butter were on the table agn",                   # a list of things
    "then the ward rang agn n nobody came",                   # text-speak after a verb
])
def test_the_same_grammar_with_a_thing_is_left(text, lex):
    assert redacted(text, lex) == text


# -- 2. a lower-case name spoken to inside a quotation ----------------------------------------
@pytest.mark.parametrize("text,want", [
    ("'pls hurry up dawn'", "'pls hurry up [PERSON]'"),
    ("she said 'cheers hope x' and went", "she said 'cheers [PERSON] x' and went"),
    ("'move it faith' she shouted", "'move it [PERSON]' she shouted"),
    ("'right grace listen to me' he said", "'right [PERSON] listen to me' he said"),
])
def test_a_lower_case_name_spoken_to_in_a_quotation(text, want, lex):
    assert redacted(text, lex) == want


@pytest.mark.parametrize("text", [
    "she said 'pls dont lose hope' and went",       # after a verb of having or losing
    "the card said 'cheers for the joy'",            # after an article
])
def test_a_word_at_a_quotations_end_is_left(text, lex):
    assert redacted(text, lex) == text


# -- 3. a given name after a role word in another language -------------------------------------
@pytest.mark.parametrize("text,want", [
    ("a enfermeira Will disse que eu era lenta", "a enfermeira [PERSON] disse que eu era lenta"),
    ("o senhor Will never says hello to me", "o senhor [PERSON] never says hello to me"),
    ("pani Hope told everyone", "pani [PERSON] told everyone"),
    ("siostra May shouted at me", "siostra [PERSON] shouted at me"),
    ("ate Joy said i was slow", "ate [PERSON] said i was slow"),
    ("kuya Sunny laughed at my accent", "kuya [PERSON] laughed at my accent"),
    ("la señora Rose no me habla", "la señora [PERSON] no me habla"),
])
def test_a_word_name_after_a_role_in_another_language(text, want, lex):
    assert redacted(text, lex) == want


@pytest.mark.parametrize("text", [
    "I ate Chinese food on my break",              # "ate" the verb, a nationality after it
    "the senhora at the desk was kind",            # the role alone
])
def test_a_role_word_alone_or_the_english_verb_is_left(text, lex):
    assert redacted(text, lex) == text


# -- 4. the same words as words: kept --------------------------------------------------------
@pytest.mark.parametrize("text", [
    "NO HOPE OF GETTING A BREAK TODAY",
    "NO HOPE OF A BREAK, AGAIN",
    "I WILL NOT BE SPOKEN TO LIKE THAT",
    "IT MAY BE NOTHING BUT IT HURT",
    "i have no faith in management",
    "i hope that someone reads this",
    "the joy of working nights",
    "she sneezed and i said bless you",
    "we finished at dawn and nobody said thanks",
])
def test_ordinary_words_are_kept_by_the_rules(text, lex):
    assert redacted(text, lex) == text


def test_a_month_after_a_days_number_is_no_name(lex):
    assert redacted("it was on 4 may that it started", lex) == "it was on 4 may that it started"


# -- the real engine: what the model and the learned pass could take --------------------------
@pytest.fixture(scope="module")
def analyser():
    return engine.Engine()


def _engine(text: str, analyser) -> str:
    return redaction.redact_many([text], analyser.analyse_many)[0][0]


@pytest.mark.slow
@pytest.mark.parametrize("text,want", [
    ("she handled it with grace, then left", "she handled it with grace, then left"),
    ("Dawn on a night shift is the worst time", "Dawn on a night shift is the worst time"),
    ("'pls hurry up dawn'", "'pls hurry up [PERSON]'"),
    ("'right grace listen to me'", "'right [PERSON] listen to me'"),
    ("NO HOPE OF GETTING A BREAK TODAY", "NO HOPE OF GETTING A BREAK TODAY"),
    ("then honor told me to go home", "then [PERSON] told me to go home"),
    ("charity n faith both ignored me", "[PERSON] n [PERSON] both ignored me"),
    ("a enfermeira Will disse que eu era lenta", "a enfermeira [PERSON] disse que eu era lenta"),
    ("He took the feedback with patience, then went quiet.",
     "He took the feedback with patience, then went quiet."),
    ("i was on nights with grace, she was lovely to me",
     "i was on nights with [PERSON], she was lovely to me"),
    ("Typed up from a voice note: 'right heron listen, you can't sit there'",
     "Typed up from a voice note: 'right [PERSON] listen, you can't sit there'"),
])
def test_with_the_engine(text, want, analyser):
    assert _engine(text, analyser) == want


# -- found on train_kinds2.jsonl after the first pass (same kinds, other wordings) -------------
@pytest.mark.parametrize("text,want", [
    ("on the ward chat 'sunny pls swap my late' and nobody answered",
     "on the ward chat '[PERSON] pls swap my late' and nobody answered"),
    ("told by holly 2 wait outside", "told by [PERSON] 2 wait outside"),
    ("i got moved agn n the bay melody (band 5) laughed",
     "i got moved agn n the bay [PERSON] (band 5) laughed"),
])
def test_a_name_first_in_a_quotation_a_name_in_ly_a_role_aside(text, want, lex):
    assert redacted(text, lex) == want


@pytest.mark.parametrize("text", [
    "the early shift said nothing",                 # an adjective in -ly
    "'only joking' she said",                        # an adverb first in a quotation
    "'hope pls' was all i wrote",                    # no imperative after "pls"
])
def test_words_in_ly_and_quoted_openers_are_left(text, lex):
    assert redacted(text, lex) == text
