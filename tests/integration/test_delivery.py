"""Delivery against the real broker: acknowledged publishing, 503 when Kafka is down, and
dead-lettering that carries ids and error classes only."""
from __future__ import annotations

import json

import requests

from deploy.kafka.broker import free_port
from services.common.kafka import SyncProducer
from services.intake.app import create_app
from services.intake.settings import Settings
from services.redactor.app import GROUP as REDACTOR
from tests.support.kafka import produce, read_all, wait_caught_up

VALID = {"happened_to": "witnessed", "came_from": ["relative_visitor"], "about": ["religion_belief"],
         "what_happened": "A visitor told Bronwen Tallis to take off her hijab, ring 07700 900555."}


def test_the_intake_answers_202_only_after_the_raw_event_is_on_the_broker(kafka, topics):
    app = create_app(Settings(kafka["bootstrap"], topics))
    resp = app.test_client().post("/api/v1/reports", json=VALID)
    assert resp.status_code == 202
    [raw] = read_all(kafka["bootstrap"], topics.raw)
    assert json.loads(raw)["answers"] == VALID


def test_the_intake_answers_503_when_no_broker_answers(topics):
    dead = f"127.0.0.1:{free_port()}"
    app = create_app(Settings(dead, topics), publisher=SyncProducer(dead, timeout=8))
    resp = app.test_client().post("/api/v1/reports", json=VALID)
    assert resp.status_code == 503
    assert resp.get_data(as_text=True).startswith("Sorry, the service is unavailable")


def test_a_message_that_can_never_be_redacted_is_dead_lettered_by_id_and_the_next_one_flows(portal, kafka):
    bad_id = "11111111-2222-4333-8444-555555555555"
    poison = json.dumps({"schema_version": 1, "event_id": bad_id, "month": "2026-11",
                         "answers": {**VALID, "secret_field": "Bronwen Tallis"}}).encode()
    good = json.dumps({"schema_version": 1, "event_id": "aaaaaaaa-2222-4333-8444-555555555555",
                       "month": "2026-11", "answers": VALID}).encode()
    produce(kafka["bootstrap"], portal.topics.raw, [b"\xff not json", poison, good])
    portal.start("redactor")
    wait_caught_up(kafka["bootstrap"], REDACTOR, portal.topics.raw)

    letters = sorted((json.loads(m) for m in read_all(kafka["bootstrap"], portal.topics.dead_letter)),
                     key=lambda d: d["error_class"])
    assert letters == [
        {"schema_version": 1, "event_id": None, "source_topic": portal.topics.raw, "error_class": "UnicodeDecodeError"},
        {"schema_version": 1, "event_id": bad_id, "source_topic": portal.topics.raw, "error_class": "ValidationError"},
    ]
    [redacted] = [json.loads(m) for m in read_all(kafka["bootstrap"], portal.topics.redacted)]
    text = redacted["answers"]["what_happened"]
    assert "hijab" in text and "Bronwen" not in text and "Tallis" not in text and "900555" not in text
    assert redacted["month"] == "2026-11"
    assert "Bronwen" not in portal.logs() and "hijab" not in portal.logs()
