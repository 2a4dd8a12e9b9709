"""The intake's JSON API, with an in-memory publisher in place of Kafka."""
from __future__ import annotations

import json

import pytest

from services.intake.app import create_app
from services.intake.settings import Settings
from tests.fakes import FakePublisher
from tests.support.raw import open_raw

VALID = {"happened_to": "self", "came_from": ["peer"], "about": ["race"],
         "what_happened": "Someone mimicked my accent in handover."}


@pytest.fixture
def publisher():
    return FakePublisher()


@pytest.fixture
def settings(keys_dir):
    return Settings(keys_dir=keys_dir)


@pytest.fixture
def client(publisher, settings):
    return create_app(settings, publisher=publisher).test_client()


def test_a_valid_report_is_sealed_published_once_and_answered_202_without_a_reference(client, publisher, keys_dir):
    resp = client.post("/api/v1/reports", json=VALID)
    assert resp.status_code == 202
    assert resp.get_json() == {"status": "accepted"}
    [(topic, value, key)] = publisher.sent
    assert b"accent" not in value and set(json.loads(value)) == {"schema_version", "event_id", "key_id", "sealed"}
    event = open_raw(value, keys_dir)
    assert topic == "portal.raw.v1"
    assert key.decode() == event["event_id"]
    assert event["answers"] == VALID
    assert set(event) == {"schema_version", "event_id", "month", "answers"}


@pytest.mark.parametrize("change, field, message", [
    ({"extra": "x"}, "extra", "Unknown field."),
    ({"happened_to": "sometimes"}, "happened_to", "Not one of the codes for this question"),
    ({"came_from": ["peer", "unknown"]}, "came_from", "'unknown' cannot be combined with other options"),
    ({"about": ["not_sure", "race"]}, "about", "'not_sure' cannot be combined with other options"),
    ({"about": []}, "about", "Select at least one option"),
    ({"what_happened": ""}, "what_happened", "Enter between 1 and 3000 characters"),
    ({"what_happened": "   "}, "what_happened", "Enter some text, or leave this out"),
    ({"what_happened": "x" * 3001}, "what_happened", "Enter between 1 and 3000 characters"),
    ({"about_other": "my hair"}, "about_other", "Only answer this when 'about' includes 'something_else'"),
    ({"impact": ["upset", "upset"]}, "impact", "An option is given more than once"),
])
def test_bad_answers_get_a_field_by_field_400_and_nothing_is_published(client, publisher, change, field, message):
    resp = client.post("/api/v1/reports", json={**VALID, **change})
    assert resp.status_code == 400
    assert message in json.dumps(resp.get_json()["errors"][field])
    assert publisher.sent == []


def test_missing_required_answers_are_each_named(client):
    resp = client.post("/api/v1/reports", json={})
    assert sorted(resp.get_json()["errors"]) == ["about", "came_from", "happened_to", "what_happened"]


def test_a_body_not_sent_as_json_gets_a_415_saying_so(client, publisher):
    resp = client.post("/api/v1/reports", data="happened_to=self")
    assert resp.status_code == 415
    assert resp.get_json() == {"errors": {"_schema": ["Send the report as JSON, with Content-Type: application/json"]}}
    assert publisher.sent == []


@pytest.mark.parametrize("body, message", [
    ("{not json", "The body is not valid JSON"),
    ("[1, 2]", "Send a JSON object of answers"),
])
def test_a_body_that_is_not_a_json_object_gets_a_400_saying_so(client, body, message):
    resp = client.post("/api/v1/reports", data=body, content_type="application/json")
    assert resp.status_code == 400
    assert resp.get_json() == {"errors": {"_schema": [message]}}


def test_a_body_over_64_kib_gets_a_413_in_json(client, publisher):
    resp = client.post("/api/v1/reports", json={**VALID, "what_happened": "x" * 70_000})
    assert resp.status_code == 413
    assert list(resp.get_json()["errors"]) == ["_schema"]
    assert publisher.sent == []


def test_more_options_than_a_question_has_are_refused_with_the_limit(client):
    resp = client.post("/api/v1/reports", json={**VALID, "came_from": ["peer"] * 14})
    assert resp.status_code == 400
    assert resp.get_json()["errors"]["came_from"] == ["Select at most 13 options"]


def test_reports_from_one_address_are_limited_with_a_429(keys_dir, publisher):
    client = create_app(Settings(keys_dir=keys_dir, rate_limit=3), publisher=publisher).test_client()
    statuses = [client.post("/api/v1/reports", json=VALID).status_code for _ in range(4)]
    assert statuses == [202, 202, 202, 429]
    assert len(publisher.sent) == 3


def test_an_unexpected_failure_answers_500_in_json_without_detail(keys_dir):
    app = create_app(Settings(keys_dir=keys_dir), publisher=FakePublisher(error=RuntimeError("Bronwen")))
    resp = app.test_client().post("/api/v1/reports", json=VALID)
    assert resp.status_code == 500
    assert resp.get_json() == {"errors": {"_schema": ["Sorry, something went wrong; nothing was stored"]}}


def test_broker_down_gives_a_503_that_says_the_report_may_not_have_been_sent_and_how_to_resend(settings):
    app = create_app(settings, publisher=FakePublisher(down=True))
    event_id = "3f1c2b9a-0d4e-4f6a-9b7c-2e5d8a1f0c3b"
    resp = app.test_client().post("/api/v1/reports", json={**VALID, "event_id": event_id})
    assert resp.status_code == 503 and resp.headers["Retry-After"] == "30"
    assert resp.get_json() == {"event_id": event_id, "errors": {"_schema": [
        "Sorry, the service is unavailable: your report may not have been sent. Sending it again with "
        "this event_id is safe: a report is counted once, however often it is sent."]}}


def test_every_response_forbids_referrers_framing_and_inline_script(client):
    resp = client.get("/")
    assert resp.headers["Referrer-Policy"] == "no-referrer"
    assert "frame-ancestors 'none'" in resp.headers["Content-Security-Policy"]
    assert "unsafe-inline" not in resp.headers["Content-Security-Policy"]
    assert "Set-Cookie" not in resp.headers
    assert client.get("/healthz").get_json() == {"status": "ok"}
