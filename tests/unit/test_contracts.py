"""The event contracts: decode gives frozen dataclasses sharing an envelope, every checked-in
example decodes and round-trips unchanged, readers of a major version read events a later
minor version added a field to, and a record that can never be processed is an InvalidMessage."""
import dataclasses
import json

import pytest

from services.aggregator import asyncapi
from services.common import consumer
from services.contracts import events
from services.contracts.topics import Topics
from services.intake.app import create_app
from services.intake.settings import Settings
from tests.support.intake import FakePublisher
from tests.unit.test_intake_api import VALID

EXAMPLES = sorted(events.EXAMPLES.glob("*/v*/*.json"))


def schema_of(path) -> type:
    topic, kind = path.parent.parent.name, path.stem.split("-")[0]
    return events.TOPIC_EVENTS[topic][kind]


def test_every_topic_has_examples_of_every_event_it_carries():
    names = {name.split(".")[1] for name in (s.name for s in Topics("portal").specs())}
    assert names == set(events.TOPIC_EVENTS) == {p.parent.parent.name for p in EXAMPLES}
    for topic, kinds in events.TOPIC_EVENTS.items():
        assert {p.stem.split("-")[0] for p in EXAMPLES if p.parent.parent.name == topic} == set(kinds), topic
    assert {p.parent.name for p in EXAMPLES} == {f"v{events.SCHEMA_VERSION}"}
    assert set(events.EVENT_TYPES) == {s for kinds in events.TOPIC_EVENTS.values() for s in kinds.values()}


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: f"{p.parent.parent.name}/{p.name}")
def test_every_example_decodes_to_its_frozen_event_and_round_trips(path):
    raw = path.read_bytes()
    schema = schema_of(path)
    event = events.decode(schema, raw)
    assert type(event) is events.EVENT_TYPES[schema] and isinstance(event, events.Event)
    assert event.schema_version == events.SCHEMA_VERSION
    with pytest.raises(dataclasses.FrozenInstanceError):
        event.schema_version = 2
    assert dataclasses.asdict(event) == json.loads(raw)          # every field, as on the wire
    assert json.loads(events.encode(schema, event)) == json.loads(raw)
    assert events.encode(schema, event) == events.encode(schema, json.loads(raw))   # dict or event: same bytes


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: f"{p.parent.parent.name}/{p.name}")
def test_a_v1_reader_reads_a_v1_1_event_with_an_added_field_and_keeps_none_of_it(path):
    """Internal topics and the integration topic (releases): a field added within the major
    version is ignored, and never passed on by re-encoding."""
    schema, original = schema_of(path), json.loads(path.read_bytes())
    newer = {**original, "added_in_v1_1": {"note": "a field this reader does not know"}}
    event = events.decode(schema, json.dumps(newer).encode())
    assert event == events.decode(schema, path.read_bytes())
    assert "added_in_v1_1" not in json.loads(events.encode(schema, event))


def test_the_releases_reader_reads_a_newer_cell_and_refusal():
    for name in ("cell-published", "cell-suppressed", "refusal"):
        newer = {**events.example("releases", name), "confidence": "high"}
        message = events.decode_release_message(json.dumps(newer).encode())
        assert message == events.decode_release_message(json.dumps(events.example("releases", name)).encode())
    assert type(message) is events.ReleaseRefusalEvent and message.reason == "too_few_new_reports"


def test_a_new_major_version_is_refused_not_guessed_at():
    v2 = {**events.example("commands", "command-wipe"), "schema_version": 2}
    with pytest.raises(events.InvalidMessage) as caught:
        events.decode(events.Command, json.dumps(v2).encode())
    assert caught.value.error_class == "ValidationError"


def test_an_unknown_answer_inside_a_report_is_refused_even_on_an_internal_topic():
    """A report's answers are the intake's input: an answer no question asks for could be
    unredacted text, so it is never dropped silently nor passed on."""
    report = events.example("redacted", "report")
    report["answers"]["free_note"] = "Ward 7 at St Elsewhere's"
    with pytest.raises(events.InvalidMessage) as caught:
        events.decode(events.RedactedReport, json.dumps(report).encode())
    assert caught.value.__cause__.messages == {"answers": {"free_note": ["Unknown field."]}}


def test_the_intake_still_refuses_an_unknown_field_with_a_clear_400(keys_dir):
    publisher = FakePublisher()
    client = create_app(Settings(keys_dir=keys_dir), publisher=publisher).test_client()
    resp = client.post("/api/v1/reports", json={**VALID, "severity": "high"})
    assert resp.status_code == 400
    assert resp.get_json()["errors"] == {"severity": ["Unknown field."]}
    assert publisher.sent == []


@pytest.mark.parametrize("raw, error_class", [
    (None, "Tombstone"), (b"{", "JSONDecodeError"), (b"\xff not json", "UnicodeDecodeError"),
    (b"[" * 100_000, "TooDeep"), (b"[]", "ValidationError"), (b'{"schema_version": 1}', "ValidationError"),
])
def test_a_record_that_can_never_be_processed_is_an_invalid_message_naming_why(raw, error_class):
    with pytest.raises(events.InvalidMessage) as caught:
        events.decode(events.Command, raw)
    assert caught.value.error_class == error_class
    assert consumer.error_class_of(caught.value) == error_class       # what its dead letter says
    assert consumer.error_class_of(RuntimeError("x")) == "RuntimeError"


def test_a_method_1_cell_without_percentages_still_reads():
    """The releases topic keeps every release for ever: cells written by an earlier method
    version must still read with today's schema."""
    old = {"schema_version": 1, "release_id": "20261124-aaaa0001", "method_version": "1.0",
           "released_on": "2026-11-24", "table": "about", "period": "2026-Q4", "dims": {"about": "race"},
           "value": 15, "status": "published", "threshold": 10, "cell_index": 0, "cells_in_release": 1}
    cell = events.decode(events.ReleaseCell, json.dumps(old).encode())
    assert cell == events.ReleaseCellEvent(**old, percent=None, percent_of=None)
    assert (cell.percent, cell.percent_of, cell.released_on) == (None, None, "2026-11-24")


def test_a_wipe_outcome_with_the_legacy_count_reads_without_it():
    legacy = {**events.example("wipes", "outcome"), "covered_records_left": 3}
    outcome = events.decode(events.WipeOutcome, json.dumps(legacy).encode())
    assert "covered_records_left" not in dataclasses.asdict(outcome) and outcome.status == "wiped"


def test_the_release_examples_are_the_asyncapi_documents_and_use_the_services_method():
    assert {events.example("releases", n)["method_version"] for n in ("cell-published", "refusal")} == \
        {asyncapi.SERVICE_METHOD}
    assert asyncapi.EXAMPLE == events.example("releases", "cell-published")


@pytest.mark.parametrize("release_id, ok", [("scheduled-2026-Q3", True), ("r1", True), ("a" * 64, True),
                                            ("a" * 65, False), ("", False), ("r1/../x", False), ("r 1", False)])
def test_one_release_id_pattern_for_events_and_urls(release_id, ok):
    from services.reporter.openapi import ID

    assert bool(events.RELEASE_ID.match(release_id)) is ok
    assert ID["pattern"] == events.RELEASE_ID_PATTERN
    command = {**events.example("commands", "command-release"), "release_id": release_id}
    if ok:
        assert events.decode(events.Command, json.dumps(command).encode()).release_id == release_id
    else:
        with pytest.raises(events.InvalidMessage):
            events.decode(events.Command, json.dumps(command).encode())


def test_a_new_event_id_has_the_pattern_the_intakes_api_documents():
    import re

    from services.intake.openapi import document

    ids = [events.new_event_id() for _ in range(50)]
    assert all(re.fullmatch(events.EVENT_ID_PATTERN, i) for i in ids) and len(set(ids)) == 50
    assert document()["components"]["schemas"]["Answers"]["properties"]["event_id"]["pattern"] == \
        events.EVENT_ID_PATTERN
    assert not re.fullmatch(events.EVENT_ID_PATTERN, ids[0].upper())
