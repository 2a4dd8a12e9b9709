"""Round 14 of the rules (issue 16): kinds a held-out batch in a seventh hand showed (round15,
described by kind; every case here is invented). The rules alone, no model."""
from __future__ import annotations

import pytest

from services.redactor import patterns, redaction
from tests.support.redaction import redacted


@pytest.mark.parametrize("text, expected", [
    # a chat sender's or speaker's initial after their name, before the colon
    ("ops: who moved the rota\nkerry-ann t: not me", "ops: who moved the rota\n[PERSON]: not me"),
    ("Dev K: fine by me", "[PERSON]: fine by me"),
    ("Obinna O.: on my way", "[PERSON]: on my way"),
    # a letter before a colon with no name before it stays
    ("Ward round: A: stable, B: unwell", "Ward round: A: stable, B: unwell"),
    ("the nurse said: a: yes", "the nurse said: a: yes"),
])
def test_a_speakers_initial_goes_with_their_name(text, expected, lex):
    assert redacted(text, lex) == expected


@pytest.mark.parametrize("text, found", [
    ("i rang estates on 5827 and the guy laughed", "5827"),
    ("call the switchboard on 44712.", "44712"),
    ("she bleeped me on 3391 again", "3391"),
    ("Phoned pharmacy on 6120 twice", "6120"),
])
def test_an_internal_number_after_a_call_is_a_phone(text, found):
    assert [text[s.start:s.end] for s in patterns.number_after_call(text)] == [found]
    assert all(s.type == "PHONE" for s in patterns.number_after_call(text))


@pytest.mark.parametrize("text", [
    "rang him on 1430 hrs", "phoned on 2 occasions", "called on 09:30",
    "rang her on 07700 900 461",   # a whole phone number: its own recogniser's
    "on 5827 occasions no one rang",
])
def test_times_counts_and_whole_numbers_are_not_an_internal_number(text):
    assert patterns.number_after_call(text) == []


def test_a_lower_case_surname_goes_with_a_lower_case_name(lex):
    text = "she is called robin spurr and she said"
    start = text.index("robin")
    name = redaction.Span(start, start + len("robin"), "PERSON")
    spans = redaction.expand_names(text, [name], lex)
    assert (spans[0].start, spans[0].end) == (start, text.index(" and"))


@pytest.mark.parametrize("text, word", [
    ("then robin omg told me", " omg"),        # text-speak
    ("then robin nurse told me", " nurse"),    # an English word
    ("then Robin spurr told me", " spurr"),    # a capitalised name: the gazetteer's rule, not this
])
def test_text_speak_words_and_capitalised_names_are_not_taken_as_a_lower_case_surname(text, word, lex):
    start = text.index("obin") - 1
    name = redaction.Span(start, start + len("robin"), "PERSON")
    spans = redaction.expand_names(text, [name], lex)
    assert spans[0].end == start + len("robin")
    assert text[spans[0].end:].startswith(word)
