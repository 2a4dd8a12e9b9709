"""Resending is safe: the report's event id is its idempotency key, supplied by an API client or
minted when the form starts and carried in the form, so a report whose acknowledgement was lost
goes to the broker again with the same id (the aggregator counts an id once)."""
from __future__ import annotations

import json

import pytest

from services.intake.app import create_app
from services.intake.settings import Settings
from tests.fakes import FakePublisher
from tests.support.intake import form_fields
from tests.unit.test_intake_form import REQUIRED, page_of, press

VALID = {"happened_to": "self", "came_from": ["peer"], "about": ["race"],
         "what_happened": "Someone mimicked my accent in handover."}
EVENT_ID = "0b7e3c52-1f7a-4c9e-8d21-6a4f3e9b2c10"


def ids(publisher) -> list[str]:
    return [json.loads(value)["event_id"] for _, value, _ in publisher.sent]


def test_an_api_client_that_resends_after_a_503_sends_the_same_event_id(keys_dir):
    publisher = FakePublisher(lost_acks=1)
    client = create_app(Settings(keys_dir=keys_dir), publisher=publisher).test_client()
    first = client.post("/api/v1/reports", json={**VALID, "event_id": EVENT_ID})
    second = client.post("/api/v1/reports", json={**VALID, "event_id": EVENT_ID})
    assert (first.status_code, second.status_code) == (503, 202)
    assert ids(publisher) == [EVENT_ID, EVENT_ID]
    assert [key.decode() for _, _, key in publisher.sent] == [EVENT_ID, EVENT_ID]


def test_without_an_event_id_the_503_returns_the_one_minted_so_a_resend_is_still_safe(keys_dir):
    publisher = FakePublisher(lost_acks=1)
    client = create_app(Settings(keys_dir=keys_dir), publisher=publisher).test_client()
    first = client.post("/api/v1/reports", json=VALID)
    minted = first.get_json()["event_id"]
    assert first.status_code == 503 and ids(publisher) == [minted]
    assert client.post("/api/v1/reports", json={**VALID, "event_id": minted}).status_code == 202
    assert ids(publisher) == [minted, minted]


def test_each_api_report_without_an_event_id_gets_its_own(keys_dir):
    publisher = FakePublisher()
    client = create_app(Settings(keys_dir=keys_dir), publisher=publisher).test_client()
    assert [client.post("/api/v1/reports", json=VALID).status_code for _ in range(2)] == [202, 202]
    assert len(set(ids(publisher))) == 2


@pytest.mark.parametrize("bad", ["not-a-uuid", "0b7e3c52-1f7a-1c9e-8d21-6a4f3e9b2c10", 42, None,
                                 "0B7E3C52-1F7A-4C9E-8D21-6A4F3E9B2C10 ", "{" + EVENT_ID + "}"])
def test_an_event_id_that_is_not_a_random_uuid_is_refused_with_400_and_nothing_sent(keys_dir, bad):
    publisher = FakePublisher()
    client = create_app(Settings(keys_dir=keys_dir), publisher=publisher).test_client()
    resp = client.post("/api/v1/reports", json={**VALID, "event_id": bad})
    assert resp.status_code == 400
    assert resp.get_json() == {"errors": {"event_id": ["Send a random (version 4) UUID, or leave this out"]}}
    assert publisher.sent == []


def test_json_nested_too_deeply_is_a_400_not_a_500(keys_dir):
    client = create_app(Settings(keys_dir=keys_dir), publisher=FakePublisher()).test_client()
    resp = client.post("/api/v1/reports", data="[" * 30_000 + "]" * 30_000, content_type="application/json")
    assert resp.status_code == 400
    assert resp.get_json() == {"errors": {"_schema": ["The body is not valid JSON"]}}


def test_the_form_carries_one_event_id_from_its_first_page_and_a_resend_after_a_503_reuses_it(keys_dir):
    publisher = FakePublisher(lost_acks=1)
    client = create_app(Settings(keys_dir=keys_dir, min_seconds=0), publisher).test_client()
    resp = client.get("/report")
    [minted] = carried_ids(resp)
    while page_of(resp) != "check":
        code = page_of(resp)
        resp = press(client, resp, {code: REQUIRED[code]} if code in REQUIRED else None, action="continue")
        assert carried_ids(resp) == [minted]
    failed = press(client, resp, url="/report/send")
    assert failed.status_code == 503 and carried_ids(failed) == [minted]
    sent = press(client, failed, url="/report/send")
    assert sent.status_code == 303 and sent.headers["Location"].endswith("/report/sent")
    assert ids(publisher) == [minted, minted]


def carried_ids(resp) -> list[str]:
    return [v for k, v in form_fields(resp.get_data(as_text=True)) if k == "event_id"]


def test_two_forms_started_separately_carry_different_event_ids(keys_dir):
    client = create_app(Settings(keys_dir=keys_dir), FakePublisher()).test_client()
    found = [carried_ids(client.get("/report")) for _ in range(2)]
    assert len(found[0]) == len(found[1]) == 1 and found[0] != found[1]


def test_a_chunked_body_over_the_limit_without_a_length_is_a_413_not_a_400(keys_dir):
    import io

    publisher = FakePublisher()
    client = create_app(Settings(keys_dir=keys_dir), publisher=publisher).test_client()
    body = b'{"what_happened": "' + b"a" * 1_000_000 + b'"}'
    resp = client.post("/api/v1/reports", input_stream=io.BytesIO(body), content_type="application/json",
                       environ_overrides={"wsgi.input_terminated": True})   # as gunicorn sets for chunked bodies
    assert resp.status_code == 413 and publisher.sent == []
