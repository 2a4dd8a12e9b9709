"""The redactor's pure core (normalisation, allow-list, names completed, the final check), with a
hand-written analyser in place of Presidio. The word lists are the real ones."""
from __future__ import annotations

import pytest

from services.redactor import redaction
from services.redactor.normalise import normalise
from services.redactor.redaction import Span


def fixed(*spans):
    return lambda text: list(spans)


def on(text: str, part: str, kind: str, nth: int = 0) -> Span:
    start = -1
    for _ in range(nth + 1):
        start = text.index(part, start + 1)
    return Span(start, start + len(part), kind)


def nothing(text):
    return []


# --- placeholders and merging ---------------------------------------------------------------

def test_spans_become_typed_placeholders():
    text = "Call Ana on 07700 900123 please"
    out, spans = redaction.redact(text, fixed(Span(5, 8, "PERSON"), Span(12, 24, "PHONE")))
    assert out == "Call [PERSON] on [PHONE] please"
    assert spans == [Span(5, 8, "PERSON"), Span(12, 24, "PHONE")]


def test_overlapping_spans_merge_into_one_placeholder():
    assert redaction.apply("Ring 07700 900123", [Span(0, 17, "ORG"), Span(5, 17, "PHONE")]) == "[ORGANISATION]"


def test_only_free_text_fields_are_redacted():
    answers = {"about": ["race"], "what_happened": "Ana said", "what_would_help": "ask Ana"}
    out = redaction.redact_answers(answers, ("what_happened", "what_would_help", "about_other"),
                                   lambda t: [Span(t.index("Ana"), t.index("Ana") + 3, "PERSON")])
    assert out == {"about": ["race"], "what_happened": "[PERSON] said", "what_would_help": "ask [PERSON]"}


# --- normalisation --------------------------------------------------------------------------

def test_zero_width_characters_are_dropped_and_offsets_point_into_the_original(lex):
    text = "Gi\u200bft Mapfumo"
    norm = normalise(text, lex.lookalikes)
    assert norm.text == "Gift Mapfumo"
    assert norm.to_original(0, 4) == (0, 5)          # "Gift" covers the hidden character
    assert norm.to_original(5, 12) == (6, 13)


def test_look_alike_letters_from_another_alphabet_become_latin(lex):
    assert normalise("H\u0430ssan and \u0141uk\u0430sz", lex.lookalikes).text == "Hassan and \u0141ukasz"
    # a word wholly in another alphabet is not a disguise: it is left for the final check
    assert normalise("\u041d\u0430\u0442\u0430\u043b\u044c\u044f", lex.lookalikes).text == \
        "\u041d\u0430\u0442\u0430\u043b\u044c\u044f"


def test_compatibility_forms_and_combining_accents_are_made_plain(lex):
    norm = normalise("\uff2a\uff4f\uff48\uff4e and Ro\u0301isi\u0301n", lex.lookalikes)
    assert norm.text == "John and R\u00f3is\u00edn"
    assert norm.to_original(9, 15) == (9, 17)


def test_spaced_out_letters_are_joined_and_remembered(lex):
    norm = normalise("call me G U R P R E E T please", lex.lookalikes)
    assert norm.text == "call me GURPREET please"
    assert norm.spelled == ((8, 16),)
    assert norm.to_original(8, 16) == (8, 23)


def test_a_name_found_in_the_normalised_text_is_removed_from_the_original():
    text = "Ask Mar\u0456a N\u200bovak about it"
    out, spans = redaction.redact(text, lambda t: [on(t, "Maria Novak", "PERSON")])
    assert out == "Ask [PERSON] about it"
    assert spans == [Span(4, 16, "PERSON")]


# --- allow-list -----------------------------------------------------------------------------

def test_identity_roles_and_generic_places_survive_a_wrong_finding():
    text = "The Muslim porter on the Stroke Unit told the ward manager."
    spans = [on(text, "Muslim", "PERSON"), on(text, "Stroke Unit", "ORG"),
             on(text, "ward manager", "PERSON")]
    assert redaction.redact(text, fixed(*spans))[0] == text


def test_identity_words_are_trimmed_off_a_name_but_a_title_stays_with_its_name():
    text = "Our Filipino Rosalie and Sister Moldovan"
    out, _ = redaction.redact(text, fixed(on(text, "Filipino Rosalie", "PERSON"),
                                          on(text, "Sister Moldovan", "PERSON")))
    assert out == "Our Filipino [PERSON] and [PERSON]"


def test_national_bodies_are_not_organisations_to_remove():
    text = "I told NHS England and the Home Office."
    assert redaction.redact(text, fixed(on(text, "NHS England", "ORG"),
                                        on(text, "the Home Office", "ORG")))[0] == text


# --- names completed ------------------------------------------------------------------------

def test_a_half_found_name_is_extended_and_every_other_mention_removed():
    text = "Tomasz Nowak said it again. Later Nowak laughed."
    out, _ = redaction.redact(text, fixed(Span(7, 12, "PERSON")))
    assert out == "[PERSON] said it again. Later [PERSON] laughed."


def test_a_surname_that_is_also_a_kept_word_joins_the_name_but_a_description_does_not():
    text = "Sohel Islam said it. Amaka Black nurses were there."
    out, _ = redaction.redact(text, fixed(on(text, "Sohel", "PERSON"), on(text, "Amaka", "PERSON")))
    assert out == "[PERSON] said it. [PERSON] Black nurses were there."


def test_a_given_name_that_is_also_a_month_joins_the_surname_found_beside_it():
    text = "June Okafor and Jan Nowak were on shift in June."
    out, _ = redaction.redact(text, fixed(on(text, "Okafor", "PERSON"), on(text, "Nowak", "PERSON")))
    assert out == "[PERSON] and [PERSON] were on shift in June."


def test_a_name_that_is_not_an_english_word_is_found_again_in_lower_case():
    text = "Temitope is my name. they still won't say temitope."
    out, _ = redaction.redact(text, fixed(on(text, "Temitope", "PERSON")))
    assert out == "[PERSON] is my name. they still won't say [PERSON]."


# --- the final check ------------------------------------------------------------------------

@pytest.mark.parametrize("text,want", [
    ("my number is 48213977 ok", "my number is [IDENTIFIER] ok"),
    ("ref X12345 on file", "ref [IDENTIFIER] on file"),
    ("mail me: someone@example.org", "mail me: [EMAIL]"),
    ("find me @someone", "find me [HANDLE]"),
    ("http://example.org/x is mine", "[URL] is mine"),
    ("ask for \u041d\u0430\u0442\u0430\u043b\u044c\u044f today", "ask for [PERSON] today"),
    ("it is G U R P R E E T", "it is [PERSON]"),
])
def test_whatever_still_looks_identifying_is_removed_even_if_the_analyser_missed_it(text, want):
    assert redaction.redact(text, nothing)[0] == want


@pytest.mark.parametrize("text", [
    "In the 1990s I took 100mg twice, band 7, 24/7, COVID-19, A&E.",
    "They spelled out N H S at me.",
])
def test_the_final_check_leaves_ordinary_numbers_and_words(text):
    assert redaction.redact(text, nothing) == (text, [])


# --- round 2 ----------------------------------------------------------------------------------

def test_a_kept_word_inside_a_family_name_first_name_is_part_of_it():
    text = "Trịnh Thu Hằng was on the rota."
    out, _ = redaction.redact(text, fixed(on(text, "Trịnh", "PERSON")))
    assert out == "[PERSON] was on the rota."


def test_digits_glued_to_a_name_or_split_by_any_separator_do_not_survive():
    text = "Kemi07700900461 and 07700—900—461 and 943·476·5919"
    out, _ = redaction.redact(text, fixed(on(text, "Kemi", "PERSON")))
    assert out == "[IDENTIFIER] and [IDENTIFIER] and [IDENTIFIER]"   # name and digits touch: one


def test_a_name_proven_by_its_context_is_not_dropped_as_a_kept_word():
    text = "Thanks, June. Will said so."
    spans = [on(text, "June", redaction.SURE), on(text, "Will", redaction.SURE)]
    out, found = redaction.redact(text, fixed(*spans))
    assert out == "Thanks, [PERSON]. [PERSON] said so."
    assert {s.type for s in found} == {"PERSON"}
