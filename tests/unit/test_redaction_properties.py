"""Properties of the redactor's rules over arbitrary text up to the form's longest answer
(hypothesis): it never raises, its spans are in range, sorted and never overlap, the placeholders
are where the spans say, and no run of identifier-length digits survives.

Most examples run the pure pipeline (normalise, our UK recognisers and name rules without the
model, allow-list, names completed, the final check); a smaller number run the real engine
(Presidio with the spaCy model)."""
from __future__ import annotations

import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from services.contracts import questionnaire
from services.redactor import names, patterns, redaction

pytestmark = pytest.mark.slow   # the model, rendering or a benchmark: not in `make unit`

LONGEST = max(q.max_length for q in questionnaire.load().questions if q.is_text)
DIGIT_RUN = re.compile(r"\d{%d}" % redaction.IDENTIFIER_DIGITS)

# Pieces that stress the rules: digits and every separator the rules know, letters glued to
# digits, look-alike letters, invisible characters, titles, particles, quotes, e-mail signs.
PIECES = ["0", "7", "9", "12", "07700", "943", "O", "o", " ", "  ", "-", ".", "/", "•", "—", "_",
          "(", ")", "+44", "ext ", "badge no. ", "Priya", "J0rdan", "MR ", "Dr ", " ap ", " Nic a' ",
          "t-", "'", "\"", ",", "\n", "@", " @ ", " . ", "nhs", "net", "AK", "N R 4 7", "Thanks, ",
          "Summer", "May", "Will said", "\u200b", "\u0430", "\u0301", "\uff11", "\u0663", "G U R",
          "oh seven", " double ", "nine", "Sat 22/6", "::1", "10.0.0.1", "GB29 ", "&", "ward team"]

texts = st.one_of(
    st.text(st.characters(codec="utf-8"), max_size=LONGEST),
    st.text(st.characters(codec="utf-8"), min_size=LONGEST - 50, max_size=LONGEST),
    st.lists(st.sampled_from(PIECES), max_size=400).map("".join).map(lambda t: t[:LONGEST]),
    st.lists(st.one_of(st.sampled_from(PIECES), st.text(max_size=5)), max_size=200)
    .map("".join).map(lambda t: t[:LONGEST]),
)


def rules_only(lex):
    def analyse_many(batch):
        return [patterns.find_all(t, lex.is_english) + names.find(t, [], [], lex) for t in batch]
    return analyse_many


def check(text: str, out: str, spans: list[redaction.Span]) -> None:
    previous_end = -1
    for s in spans:
        assert 0 <= s.start < s.end <= len(text), (s, len(text))
        assert s.start > previous_end, "spans overlap, touch or are out of order"
        assert s.type in redaction.PLACEHOLDERS
        previous_end = s.end
    assert out == redaction.apply(text, spans)
    assert not DIGIT_RUN.search(out), "a run of identifier-length digits survived"


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                   HealthCheck.data_too_large])
@given(texts)
def test_the_rules_never_raise_and_keep_their_promises(lex, text):
    out, spans = redaction.redact_many([text], rules_only(lex), lex)[0]
    check(text, out, spans)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                  HealthCheck.data_too_large])
@given(st.lists(texts, min_size=1, max_size=4))
def test_the_real_engine_keeps_them_on_batches(engine_analyser, lex, batch):
    results = redaction.redact_many(batch, engine_analyser, lex)
    assert len(results) == len(batch)
    for text, (out, spans) in zip(batch, results):
        check(text, out, spans)


@pytest.fixture(scope="module")
def engine_analyser(lex):
    from services.redactor import engine

    return engine.Engine(lex).analyse_many


@pytest.mark.parametrize("text", [
    "ring 07700•900•123 or 07700/900/123",
    "Priya9434765919 wrote it",
    "ref 4 8 2 1 9 3 7",
    "it is 943\u200b476\u200b5919",
    "\uff19\uff14\uff13\uff14\uff17\uff16\uff15\uff19\uff11\uff19",
])
def test_no_digit_run_survives_these(lex, text):
    out, spans = redaction.redact_many([text], lambda batch: [[] for _ in batch], lex)[0]
    check(text, out, spans)
    assert not re.search(r"\d", out)
