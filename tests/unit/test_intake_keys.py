"""The intake seals each report to the newest public key, and notices a rotation at once."""
from __future__ import annotations

import json

from services.common import sealing
from services.intake.app import create_app
from services.intake.settings import Settings
from tests.fakes import FakePublisher

VALID = {"happened_to": "self", "came_from": ["peer"], "about": ["race"],
         "what_happened": "Someone mimicked my accent in handover."}


def test_a_rotated_key_is_used_for_the_next_report(keys_dir):
    publisher = FakePublisher()
    client = create_app(Settings(keys_dir=keys_dir), publisher=publisher).test_client()
    [first_key] = [p.stem for p in keys_dir.glob("*.public")]
    assert client.post("/api/v1/reports", json=VALID).status_code == 202
    second_key = sealing.generate(keys_dir)
    assert client.post("/api/v1/reports", json=VALID).status_code == 202
    assert [json.loads(v)["key_id"] for _, v, _ in publisher.sent] == [first_key, second_key]
