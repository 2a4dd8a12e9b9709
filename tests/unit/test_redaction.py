"""The redactor's pure core, with a hand-written analyser in place of Presidio."""
from __future__ import annotations

from services.redactor import redaction
from services.redactor.redaction import Span


def fixed(*spans):
    return lambda text: list(spans)


def test_spans_become_typed_placeholders():
    text = "Call Ana on 07700 900123 please"
    out, spans = redaction.redact(text, fixed(Span(5, 8, "PERSON"), Span(12, 24, "PHONE")))
    assert out == "Call [PERSON] on [PHONE] please"
    assert spans == [Span(5, 8, "PERSON"), Span(12, 24, "PHONE")]


def test_overlapping_spans_merge_into_one_placeholder():
    assert redaction.apply("Ring 07700 900123", [Span(0, 17, "ORG"), Span(5, 17, "PHONE")]) == "[ORGANISATION]"


def test_a_half_found_name_is_extended_and_every_other_mention_removed():
    text = "Tomasz Nowak said it again. Later Nowak laughed."
    out, _ = redaction.redact(text, fixed(Span(7, 12, "PERSON")))
    assert out == "[PERSON] said it again. Later [PERSON] laughed."


def test_only_free_text_fields_are_redacted():
    answers = {"about": ["race"], "what_happened": "Ana said", "what_would_help": "ask Ana"}
    out = redaction.redact_answers(answers, ("what_happened", "what_would_help", "about_other"),
                                   lambda t: [Span(t.index("Ana"), t.index("Ana") + 3, "PERSON")])
    assert out == {"about": ["race"], "what_happened": "[PERSON] said", "what_would_help": "ask [PERSON]"}
