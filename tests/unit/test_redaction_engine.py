"""The analyser without Presidio's AnalyzerEngine (engine.py): its one remaining step, dropping a
span held inside another of the same type that is at least as sure, gives exactly what Presidio's
`EntityRecognizer.remove_duplicates` gives, in the same order; and loading the model for the
redactor imports no part of Presidio (its import was most of `portal-redact`'s start-up)."""
from __future__ import annotations

import subprocess
import sys

import pytest
from hypothesis import given, settings, strategies as st

from services.redactor.engine import NAME_SCORE, PATTERN_SCORE, dedupe
from services.redactor.redaction import Span

TYPES = ["PERSON", "ORG", "PHONE", "PERSON_SURE"]


def test_a_span_inside_a_surer_or_equal_one_of_its_type_is_dropped():
    phone = Span(10, 23, "PHONE")
    inner = Span(14, 23, "PHONE")
    name = Span(0, 9, "PERSON")
    part = Span(0, 5, "PERSON")
    assert dedupe([(phone, PATTERN_SCORE), (inner, PATTERN_SCORE), (name, NAME_SCORE),
                   (part, NAME_SCORE), (phone, PATTERN_SCORE)]) == [phone, name]


def test_a_surer_span_inside_a_less_sure_one_and_other_types_are_kept():
    outer = Span(0, 20, "PERSON")
    inner = Span(5, 9, "PERSON")
    other = Span(5, 9, "ORG")
    assert dedupe([(outer, NAME_SCORE), (inner, PATTERN_SCORE), (other, NAME_SCORE)]) == \
        [inner, outer, other]


def test_nothing_in_nothing_out():
    assert dedupe([]) == []


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 30), st.integers(1, 12), st.sampled_from(TYPES),
                          st.sampled_from([PATTERN_SCORE, NAME_SCORE])), max_size=25))
def test_the_same_spans_in_the_same_order_as_presidio(raw):
    from presidio_analyzer import EntityRecognizer, RecognizerResult

    found = [(Span(start, start + length, kind), score) for start, length, kind, score in raw]
    theirs = EntityRecognizer.remove_duplicates(
        [RecognizerResult(s.type, s.start, s.end, score) for s, score in found])
    assert dedupe(found) == [Span(r.start, r.end, r.entity_type) for r in theirs]


@pytest.mark.slow
def test_loading_the_redactor_imports_no_part_of_presidio():
    code = ("import sys; from services.redactor import engine; e = engine.Engine(); "
            "assert e.analyse('Ask Tobias Quennell on 07700 900123'); "
            "sys.exit(any(m.startswith('presidio') for m in sys.modules))")
    assert subprocess.run([sys.executable, "-c", code], timeout=120).returncode == 0
