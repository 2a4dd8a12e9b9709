"""The intake's JSON API and form, with an in-memory publisher in place of Kafka."""
from __future__ import annotations

import json

import pytest

from services.common.kafka import KafkaUnavailable
from services.intake.app import create_app
from services.intake.settings import Settings
from tests.support.raw import open_raw

VALID = {"happened_to": "self", "came_from": ["peer"], "about": ["race"],
         "what_happened": "Someone mimicked my accent in handover."}


class FakePublisher:
    def __init__(self, fail: bool = False):
        self.sent: list[tuple[str, bytes, bytes]] = []
        self.fail = fail

    def send(self, topic, value, key=None):
        if self.fail:
            raise KafkaUnavailable("KafkaConnectionError")
        self.sent.append((topic, value, key))


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


def test_a_body_that_is_not_json_gets_a_400_saying_so(client):
    resp = client.post("/api/v1/reports", data="happened_to=self")
    assert resp.status_code == 400
    assert "application/json" in resp.get_json()["errors"]["_schema"][0]


def test_broker_down_gives_a_plain_503_and_stores_nothing(settings):
    app = create_app(settings, publisher=FakePublisher(fail=True))
    resp = app.test_client().post("/api/v1/reports", json=VALID)
    assert resp.status_code == 503
    assert resp.mimetype == "text/plain"
    assert "has not been sent" in resp.get_data(as_text=True)


def test_the_form_posts_and_shows_a_confirmation_without_a_reference_number(client, publisher, keys_dir):
    resp = client.post("/", data={**VALID, "came_from": ["peer", "patient"]})
    assert resp.status_code == 200
    page = resp.get_data(as_text=True)
    assert "Report sent" in page and "no reference number" in page
    assert open_raw(publisher.sent[0][1], keys_dir)["answers"]["came_from"] == ["peer", "patient"]


def test_the_form_keeps_the_answers_when_the_broker_is_down(settings):
    app = create_app(settings, publisher=FakePublisher(fail=True))
    resp = app.test_client().post("/", data=VALID)
    page = resp.get_data(as_text=True)
    assert resp.status_code == 503
    assert "Your report has not been sent" in page
    assert "Someone mimicked my accent in handover." in page
    assert 'value="self"\n        checked' in page


def test_the_form_shows_errors_and_keeps_what_was_typed(client, publisher):
    resp = client.post("/", data={"what_happened": "It happened at the nurses' station."})
    page = resp.get_data(as_text=True)
    assert resp.status_code == 400
    assert "There is a problem" in page
    assert "It happened at the nurses&#39; station." in page
    assert publisher.sent == []


def test_every_response_forbids_referrers_framing_and_inline_script(client):
    resp = client.get("/")
    assert resp.headers["Referrer-Policy"] == "no-referrer"
    assert "frame-ancestors 'none'" in resp.headers["Content-Security-Policy"]
    assert "unsafe-inline" not in resp.headers["Content-Security-Policy"]
    assert "Set-Cookie" not in resp.headers
    assert client.get("/healthz").get_json() == {"status": "ok"}
