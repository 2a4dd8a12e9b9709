"""Public keys reach an intake through the signed keys topic, with no key folder on its machine:
the key lease holder's records are followed as keys rotate and are destroyed."""
from __future__ import annotations

import asyncio
import json
import time

import pytest

from services.common import sealing
from services.common.public_keys import TopicPublicKeys
from services.intake.app import create_app
from services.intake.settings import Settings
from services.redactor.keys import KeyBoard
from tests.support.kafka import read_all
from tests.support.raw import open_raw

pytestmark = [pytest.mark.kafka]
VALID = {"happened_to": "self", "came_from": ["peer"], "about": ["race"],
         "what_happened": "Someone mimicked my accent in handover."}


def until(condition, seconds: float = 20) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < deadline, "not within the bound"
        time.sleep(0.1)


async def _board(kafka, topics, folder, *steps):
    board = KeyBoard(kafka["bootstrap"], topics.public_keys, sealing.signing_key(folder))
    await board.start()
    try:
        for step in steps:
            await (board.publish(folder) if step == "publish" else board.retract(step))
    finally:
        await board.stop()


def test_an_intake_without_a_key_folder_seals_to_the_newest_published_key(kafka, topics, tmp_path):
    folder = tmp_path / "redactor-keys"
    first = sealing.generate(folder)
    asyncio.run(_board(kafka, topics, folder, "publish"))
    settings = Settings(kafka["bootstrap"], topics, keys_dir=tmp_path / "no-folder-here",
                        verify_key=sealing.verify_key_hex(folder))
    client = create_app(settings).test_client()
    assert client.post("/api/v1/reports", json=VALID).status_code == 202
    [raw] = read_all(kafka["bootstrap"], topics.raw)
    assert json.loads(raw)["key_id"] == first and open_raw(raw, folder)["answers"] == VALID

    keys = TopicPublicKeys(kafka["bootstrap"], topics.public_keys, sealing.verify_key_hex(folder))
    try:
        until(lambda: keys.held() == {first})
        time.sleep(0.01)
        second = sealing.generate(folder)                      # rotation
        asyncio.run(_board(kafka, topics, folder, "publish"))
        until(lambda: keys.newest()[0] == second)
        asyncio.run(_board(kafka, topics, folder, first))      # the old key destroyed
        until(lambda: keys.held() == {second})
    finally:
        keys.close()


def test_an_intake_refuses_to_start_with_no_key_published(kafka, topics, tmp_path, monkeypatch):
    monkeypatch.setattr("services.intake.app.KEY_WAIT_S", 1)
    settings = Settings(kafka["bootstrap"], topics, verify_key=sealing.verify_key_hex(tmp_path))
    with pytest.raises(sealing.UnknownKey):
        create_app(settings)
