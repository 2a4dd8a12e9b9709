"""Accepted by the intake => redacted => counted: whatever text the intake accepts, the redactor
(the real spaCy model and rules) makes a redacted event the aggregator takes, and counts.
A redacted text can grow (a placeholder for one character), so the redacted event's room is
derived from the placeholders: every placeholder stands for at least one character."""
from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from services.aggregator.coding import lexicon_coder
from services.aggregator.counting import report_cells
from services.aggregator.state import Store
from services.common import sealing
from services.contracts import events
from services.contracts.questionnaire import load
from services.intake import submission
from services.redactor.app import redacted_events
from services.redactor.redaction import PLACEHOLDERS
from tests.support.raw import sealed

pytestmark = pytest.mark.slow   # the model, rendering or a benchmark: not in `make unit`

BASE = {"happened_to": "self", "came_from": ["peer"], "about": ["race", "something_else"]}
LIMITS = {q.code: q.max_length for q in load().questions if q.is_text}


def test_the_redacted_events_room_is_the_longest_placeholder():
    longest = max(len(p) for p in [*PLACEHOLDERS.values(), "[REDACTED]"])
    assert events.REDACTED_TEXT_ROOM == longest == len("[ORGANISATION]")


@pytest.fixture(scope="module")
def pipeline(tmp_path_factory):
    from services.redactor.engine import Engine

    keys = tmp_path_factory.mktemp("keys")
    sealing.generate(keys)
    return Engine().analyse_many, keys, lexicon_coder()


def through(pipeline, answers: dict, n: int) -> dict:
    """The answers as the intake seals them, redacted by the service core, decoded and counted
    as the aggregator does. Returns the redacted answers."""
    analyse_many, keys, coder = pipeline
    event_id = f"00000000-0000-4000-8000-{n:012d}"
    [out] = redacted_events([sealed(answers, event_id, keys)], analyse_many, sealing.private_keys(keys))
    assert isinstance(out, bytes), f"{type(out).__name__}: an accepted report was not redacted"
    report = events.decode(events.RedactedReport, out)
    store = Store(":memory:")
    assert store.count_many([(report.event_id, report_cells(report.answers, report.month, coder),
                              (0, n))]) == 1
    counts, _ = store.snapshot()
    assert counts[("reports", "2026-11", ())] == 1
    return report.answers


@pytest.mark.parametrize("text", ["😀ש😀ب" * 750, "ש," * 1500, "Jo, " * 750, "a1b2c3d4 " * 333])
def test_texts_that_grow_most_when_redacted_are_still_counted(pipeline, text):
    answers = {**BASE, "what_happened": text, "what_would_help": text[:1000], "about_other": text[:100]}
    assert submission.problems(answers) == {}
    redacted = through(pipeline, answers, 1)
    assert len(redacted["what_happened"]) > 3000 * 4 or text.startswith(("Jo", "a1")), "no longer a worst case"
    assert all(len(redacted[k]) <= LIMITS[k] * events.REDACTED_TEXT_ROOM for k in LIMITS)


# Pieces that each become a placeholder, or survive as they are: many short ones, in any script.
PIECES = st.sampled_from(["ש", "ب", "Ж", "字", "😀", "Jo", "Dr A", "07700 900123", "NR1 3SR", "@x", "a1b2c3",
                          ",", " ", "\n", "\u200b", "ﬁ", "Ａ", "\ufeff", "x@y.z", "St Ives Ward", "Q", "\ud800", "\udfff"])
TEXT = st.one_of(st.text(min_size=1, max_size=3000),
                 st.lists(st.one_of(PIECES, st.text(max_size=3)), min_size=1, max_size=1500).map("".join))


@given(what_happened=TEXT, what_would_help=TEXT, about_other=TEXT)
@settings(max_examples=25, deadline=None, database=None, suppress_health_check=list(HealthCheck))
def test_any_text_the_intake_accepts_is_redacted_and_counted(pipeline, what_happened, what_would_help, about_other):
    answers = {**BASE, "what_happened": what_happened[:3000], "what_would_help": what_would_help[:1000],
               "about_other": about_other[:100]}
    answers = {k: v for k, v in answers.items() if not isinstance(v, str) or v.strip()}
    if "what_happened" not in answers or submission.problems(answers):
        return   # the intake refuses it: nothing to follow
    through(pipeline, answers, 2)
