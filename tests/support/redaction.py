"""The redactor's rules alone, for the tests of its rounds (tests/unit/test_redaction_round*.py):
fast, because no model runs. The `lex` fixture they take is in tests/unit/conftest.py."""
from __future__ import annotations

from services.redactor import lexicon, names, patterns, redaction


def redacted(text: str, lex: lexicon.Lexicon) -> str:
    """The whole pipeline after the model, on the rules' own spans (no model entities)."""
    return redaction.redact(text, lambda t: [*names.find(t, [], [], lex),
                                             *patterns.find_all(t, lex.is_english)], lex)[0]
