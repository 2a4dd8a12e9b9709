"""Every service's log output through a run with canaries in every field, including refused
submissions, dead-lettered messages on every topic, and a service killed and restarted: no
canary, in any encoding, appears in any log, in the dead-letter topic or in the broker's log."""
from __future__ import annotations

import json
import signal
import uuid

import requests

from services.aggregator.app import GROUP as AGGREGATOR
from services.common import sealing
from services.contracts import events
from services.intake import submission
from services.redactor.app import GROUP as REDACTOR
from tests.support.disk import canary, canary_needles, hits
from tests.support.kafka import produce, read_all, wait_caught_up
from tests.support.raw import sealed


def test_no_log_holds_report_content_even_through_failures(portal, kafka, tmp_path):
    bootstrap, topics = kafka["bootstrap"], portal.topics
    c = [canary() for _ in range(12)]
    name, phone, email = "Ebere Nwachukwu", "07700 900123", f"{c[0]}@example.org"
    good = {"happened_to": "witnessed", "came_from": ["patient"], "about": ["race", "religion_belief", "something_else"],
            "what_happened": f"{name} ({phone}, {email}) was told {c[1]} by a patient.",
            "what_would_help": f"Bystander training {c[2]}", "about_other": f"x {c[3]}"}
    portal.start()

    # Accepted reports, through the API and the form.
    for _ in range(3):
        assert requests.post(f"{portal.intake}/api/v1/reports", json=good, timeout=15).status_code == 202
    # Refused submissions: a bad option, a body that is not JSON, a form with a bad choice.
    assert requests.post(f"{portal.intake}/api/v1/reports", timeout=15,
                         json={**good, "came_from": [c[4]]}).status_code == 400
    assert requests.post(f"{portal.intake}/api/v1/reports", data=f'{{"what_happened": "{c[5]}"',
                         headers={"Content-Type": "application/json"}, timeout=15).status_code == 400
    assert requests.post(f"{portal.intake}/report", timeout=15, data={
        "page": "happened_to", "action": "continue", "happened_to": c[6], "what_happened": c[7]}).status_code == 400

    # Messages that can never be processed, on every topic a service reads.
    lost_keys = tmp_path / "destroyed-keys"
    sealing.generate(lost_keys)
    def sealed_inner(inner: dict) -> bytes:
        return submission.sealed_event(json.dumps(inner).encode(), inner.get("event_id", str(uuid.uuid4())),
                                       *sealing.newest_public(portal.keys_dir))

    bad_id = str(uuid.uuid4())
    bad_answers = {"schema_version": 1, "event_id": bad_id, "month": "2026-11",
                   "answers": {**good, "about": [c[10]]}}
    produce(bootstrap, topics.raw, [
        f"not json {c[9]}".encode(),
        sealed(good, str(uuid.uuid4()), lost_keys),                 # sealed to a destroyed key
        sealed_inner({"what_happened": c[8]}),                      # opens, but is not a report
        sealed_inner(bad_answers),                                  # a report that fails validation
    ])
    produce(bootstrap, topics.redacted, [json.dumps({"event_id": str(uuid.uuid4()), "text": c[11]}).encode()])
    produce(bootstrap, topics.commands, [json.dumps({"kind": "release", "note": c[1]}).encode()])

    # A service killed mid-run and restarted, and one stopped and started.
    portal.kill("aggregator")
    for _ in range(2):
        assert requests.post(f"{portal.intake}/api/v1/reports", json=good, timeout=15).status_code == 202
    portal.start("aggregator")
    portal.kill("redactor", signal.SIGTERM)
    portal.start("redactor")
    wait_caught_up(bootstrap, REDACTOR, topics.raw)
    wait_caught_up(bootstrap, AGGREGATOR, topics.redacted)
    wait_caught_up(bootstrap, AGGREGATOR, topics.commands)

    letters = [events.decode(events.DeadLetter, m) for m in read_all(bootstrap, topics.dead_letter)]
    assert sorted((d.source_topic, d.error_class) for d in letters) == sorted([
        (topics.raw, "JSONDecodeError"), (topics.raw, "UnknownKey"), (topics.raw, "ValidationError"),
        (topics.raw, "ValidationError"), (topics.redacted, "ValidationError"),
        (topics.commands, "ValidationError")])
    assert "dead-lettered" in portal.logs()   # the failures were logged, by class

    needles = canary_needles([*c, name, *name.split(), phone, email])
    assert hits([tmp_path], needles) == []   # service logs, aggregator state, key folder
    for letter in read_all(bootstrap, topics.dead_letter):
        assert not [label for label, needle in needles.items() if needle in letter]
    if kafka["log_dirs"] is not None:        # the broker's own log
        assert hits([kafka["log_dirs"].parent / "broker.log"], needles) == []
