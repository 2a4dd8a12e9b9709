"""The intake's raw event validated once (events.encode_raw_report): for any answers, valid or
not, the same bytes as the general `encode(RawReport, ...)` (load, dump, serialise) and the same
ValidationError messages, so that the contract and its errors are unchanged."""
from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from marshmallow import ValidationError

from services.contracts import events
from services.contracts.questionnaire import load

EVENT_ID = "0f8fad5b-d9cb-469f-a165-70867728950e"
QUESTIONNAIRE = load()


def general(event_id: str, month: str, answers) -> bytes:
    return events.encode(events.RawReport, {"schema_version": events.SCHEMA_VERSION, "event_id": event_id,
                                            "month": month, "answers": answers})


def outcome(encoder, *args):
    try:
        return "ok", encoder(*args)
    except ValidationError as exc:
        return "invalid", exc.messages


def same_outcome(event_id: str, month: str, answers) -> tuple:
    once = outcome(events.encode_raw_report, event_id, month, answers)
    assert once == outcome(general, event_id, month, answers)
    return once


def test_a_valid_report_is_written_byte_for_byte_as_the_general_encoder_writes_it():
    answers = {"happened_to": "witnessed", "came_from": ["relative_visitor"], "about": ["religion_belief"],
               "what_happened": "A visitor told Ffion Marsh to take off her hijab."}
    kind, written = same_outcome(EVENT_ID, "2026-11", answers)
    assert kind == "ok"
    assert written == (b'{"answers":{"about":["religion_belief"],"came_from":["relative_visitor"],'
                       b'"happened_to":"witnessed","what_happened":"A visitor told Ffion Marsh to take off '
                       b'her hijab."},"event_id":"0f8fad5b-d9cb-469f-a165-70867728950e","month":"2026-11",'
                       b'"schema_version":1}')


@pytest.mark.parametrize("event_id, month", [(EVENT_ID.upper(), "2026-11"), (EVENT_ID, "2026-11\n"),
                                             ("{" + EVENT_ID + "}", "2026-01")])
def test_an_id_or_month_the_schema_accepts_in_another_spelling_is_written_as_the_general_encoder_writes_it(
        event_id, month):
    kind, written = same_outcome(event_id, month, {"happened_to": "self", "came_from": ["peer"],
                                                   "about": ["race"], "what_happened": "x"})
    assert kind == "ok" and EVENT_ID.encode() in written


@pytest.mark.parametrize("event_id, month, answers", [
    (EVENT_ID, "2026-11", {"happened_to": "someone"}),                          # not a code; required missing
    (EVENT_ID, "2026-13", {"happened_to": "self", "came_from": ["peer"], "about": ["race"],
                           "what_happened": "x"}),                              # the month
    ("not-a-uuid", "2026-11", {"happened_to": "self"}),                         # the id
    (EVENT_ID + "\n", "2026-11\n", {"happened_to": "self"}),                   # a newline after each
    (7, None, {"happened_to": "self"}),                                         # not even strings
    (EVENT_ID, "2026-11", {"happened_to": "self", "came_from": ["peer", "peer"], "about": ["race"],
                           "what_happened": "   ", "extra": "Ffion"}),          # rules, blank text, unknown field
    (EVENT_ID, "2026-11", {"happened_to": 7, "came_from": "peer", "about": [None],
                           "what_happened": ["a"]}),                            # wrong types
    (EVENT_ID, "2026-11", {"happened_to": "self", "came_from": ["peer"], "about": ["race"],
                           "what_happened": "y" * 100_000}),                    # too long
    (EVENT_ID, "2026-11", ["not", "an", "object"]),
])
def test_an_invalid_report_is_refused_with_the_general_encoders_messages(event_id, month, answers):
    kind, messages = same_outcome(event_id, month, answers)
    assert kind == "invalid" and messages


codes = {q.code: st.sampled_from(q.codes) for q in QUESTIONNAIRE.questions if not q.is_text}
value = st.one_of(st.text(max_size=30), st.lists(st.text(max_size=8), max_size=3), st.integers(), st.none())


def _answer(q):
    if q.is_text:
        return st.one_of(st.text(max_size=200), value)
    if q.kind == "many":
        return st.one_of(st.lists(st.sampled_from(q.codes), max_size=4), value)
    return st.one_of(st.sampled_from(q.codes), value)


answers = st.fixed_dictionaries({}, optional={q.code: _answer(q) for q in QUESTIONNAIRE.questions}
                                | {"unknown": st.text(max_size=5)})


def _valid(q):
    if q.is_text:
        return st.text(min_size=1, max_size=q.max_length).filter(str.strip)
    if q.kind == "many":
        return st.lists(st.sampled_from([c for c in q.codes if c not in q.exclusive]), min_size=1, unique=True)
    return st.sampled_from(q.codes)


# every required answer given and valid (the questions shown only with another answer left out)
valid_answers = st.fixed_dictionaries({q.code: _valid(q) for q in QUESTIONNAIRE.questions if q.required})


@settings(max_examples=50, deadline=None)
@given(answers=valid_answers)
def test_the_valid_strategy_makes_valid_reports(answers):
    kind, written = same_outcome(EVENT_ID, "2026-11", answers)
    assert kind == "ok" and written.startswith(b'{"answers":{')


@settings(max_examples=300, deadline=None)
@given(answers=st.one_of(valid_answers, answers))
def test_any_answers_give_the_general_encoders_bytes_or_its_errors(answers):
    same_outcome(EVENT_ID, "2026-11", answers)


# The quick check (events._PlainlyValid) that lets a valid report skip the schema's load: it must
# say yes to valid reports (or it saves nothing) and never to anything the load would refuse or
# change (the tests above compare every outcome with the general encoder's).

def _any_valid(q):
    if q.is_text:
        return _valid(q)
    if q.kind == "many":   # exclusive options alone, or other options together; at most all the codes
        return st.one_of(st.sampled_from([[c] for c in q.exclusive] or [[q.codes[0]]]), _valid(q))
    return st.sampled_from(q.codes)


# every question answered or not, each valid on its own (the cross-field rules may still refuse)
any_valid_answers = st.fixed_dictionaries({q.code: _valid(q) for q in QUESTIONNAIRE.questions if q.required},
                                          optional={q.code: _any_valid(q) for q in QUESTIONNAIRE.questions
                                                    if not q.required})
QUICK = events.instance(events.RawReport).fields["answers"].schema.plainly_valid


@settings(max_examples=300, deadline=None)
@given(answers=any_valid_answers)
def test_the_quick_check_says_yes_exactly_when_the_schema_loads_the_answers_unchanged(answers):
    kind, _ = same_outcome(EVENT_ID, "2026-11", answers)
    schema = events.instance(events.answers_schema())
    loaded = schema.load(answers) if kind == "ok" else None
    assert QUICK(answers) == (kind == "ok")
    assert loaded is None or loaded == answers


def test_the_quick_check_says_yes_to_the_benchmarks_report():
    assert QUICK({"happened_to": "self", "came_from": ["peer"], "about": ["race"], "what_happened": "x"})


@pytest.mark.parametrize("change", [
    {"happened_to": "someone"},                 # not a code
    {"happened_to": ["self"]},                  # a list for one code
    {"came_from": "peer"},                      # one code for a list
    {"came_from": []},                          # required list empty
    {"came_from": ["peer", "peer"]},            # repeated (a cross-field rule)
    {"what_happened": ""},                      # empty text
    {"what_happened": "   "},                   # blank text (a cross-field rule)
    {"what_happened": "y" * 3001},              # over its length
    {"what_happened": None},                    # null
    {"what_happened": 7},                       # not a text
    {"extra": "Ffion"},                         # unknown field
])
def test_the_quick_check_says_no_and_the_schema_answers(change):
    answers = {"happened_to": "self", "came_from": ["peer"], "about": ["race"], "what_happened": "x", **change}
    assert not QUICK(answers)
    kind, messages = same_outcome(EVENT_ID, "2026-11", answers)
    assert kind == "invalid" and messages


def test_the_quick_check_says_no_to_a_missing_required_answer():
    assert not QUICK({"happened_to": "self", "came_from": ["peer"], "about": ["race"]})
    assert not QUICK(["not", "an", "object"])
