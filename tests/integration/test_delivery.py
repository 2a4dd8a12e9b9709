"""Delivery against the real broker: acknowledged publishing, 503 when Kafka is down, and
dead-lettering that carries ids and error classes only."""
from __future__ import annotations

import json

from deploy.kafka.broker import free_port
from services.common.kafka import SyncProducer
from services.intake.app import create_app
from services.intake.settings import Settings
from services.redactor.app import GROUP as REDACTOR
from services.common import sealing
from tests.support.kafka import produce, read_all, wait_caught_up
from tests.support.raw import open_raw, sealed

VALID = {"happened_to": "witnessed", "came_from": ["relative_visitor"], "about": ["religion_belief"],
         "what_happened": "A visitor told Bronwen Tallis to take off her hijab, ring 07700 900555."}


def test_the_intake_answers_202_only_after_the_sealed_raw_event_is_on_the_broker(kafka, topics, keys_dir):
    app = create_app(Settings(kafka["bootstrap"], topics, keys_dir=keys_dir))
    resp = app.test_client().post("/api/v1/reports", json=VALID)
    assert resp.status_code == 202
    [raw] = read_all(kafka["bootstrap"], topics.raw)
    assert b"Bronwen" not in raw and b"hijab" not in raw
    assert open_raw(raw, keys_dir)["answers"] == VALID


def test_the_intake_answers_503_when_no_broker_answers(topics, keys_dir):
    dead = f"127.0.0.1:{free_port()}"
    app = create_app(Settings(dead, topics, keys_dir=keys_dir), publisher=SyncProducer(dead, timeout=2))
    resp = app.test_client().post("/api/v1/reports", json=VALID)
    assert resp.status_code == 503
    assert resp.get_json()["errors"]["_schema"][0].startswith("Sorry, the service is unavailable: your report "
                                                              "may not have been sent.")


def test_a_message_that_can_never_be_redacted_is_dead_lettered_by_id_and_the_next_one_flows(portal, kafka, tmp_path):
    bad_id = "11111111-2222-4333-8444-555555555555"
    lost_key_id = "22222222-2222-4333-8444-555555555555"
    # not a sealed event (its key id is not 16 hex digits); the field it adds is ignored, never copied
    poison = json.dumps({"schema_version": 1, "event_id": bad_id, "key_id": "Bronwen", "sealed": "AAAA",
                         "secret_field": "Bronwen Tallis"}).encode()
    other_keys = tmp_path / "destroyed"
    sealing.generate(other_keys)   # a key the redactor never holds, as if destroyed
    unreadable = sealed(VALID, lost_key_id, other_keys)
    good = sealed(VALID, "aaaaaaaa-2222-4333-8444-555555555555", portal.keys_dir)
    produce(kafka["bootstrap"], portal.topics.raw, [b"\xff not json", poison, unreadable, good])
    portal.start("redactor")
    wait_caught_up(kafka["bootstrap"], REDACTOR, portal.topics.raw)

    letters = sorted((json.loads(m) for m in read_all(kafka["bootstrap"], portal.topics.dead_letter)),
                     key=lambda d: d["error_class"])
    positions = {(d.pop("partition"), d.pop("offset")) for d in letters}   # where each record was
    assert len(positions) == 3 and all(p in (0, 1, 2) and o in (0, 1, 2, 3) for p, o in positions)
    assert letters == [
        {"schema_version": 1, "event_id": None, "source_topic": portal.topics.raw, "error_class": "UnicodeDecodeError"},
        {"schema_version": 1, "event_id": lost_key_id, "source_topic": portal.topics.raw, "error_class": "UnknownKey"},
        {"schema_version": 1, "event_id": bad_id, "source_topic": portal.topics.raw, "error_class": "ValidationError"},
    ]
    [redacted] = [json.loads(m) for m in read_all(kafka["bootstrap"], portal.topics.redacted)]
    text = redacted["answers"]["what_happened"]
    assert "hijab" in text and "Bronwen" not in text and "Tallis" not in text and "900555" not in text
    assert redacted["month"] == "2026-11"
    assert "Bronwen" not in portal.logs() and "hijab" not in portal.logs()
    assert read_all(kafka["bootstrap"], portal.topics.raw) == []   # every raw record deleted once handled
