"""A failure a handler did not dead-letter is retried from the last commit: the consumer is
rewound to the message (nack), nothing past it is committed, and the process never exits."""
from __future__ import annotations

import asyncio
import logging

import pytest

from services.common import consumer, dead_letter, subscribing


class Message:
    def __init__(self):
        self.nacks = 0

    async def nack(self):
        self.nacks += 1


@pytest.fixture
def pauses(monkeypatch) -> list[float]:
    """The pauses the retry asked for, taken without waiting."""
    asked = []

    async def no_wait(seconds):
        asked.append(seconds)

    monkeypatch.setattr(subscribing.asyncio, "sleep", no_wait)
    return asked


def test_a_transient_failure_rewinds_to_the_message_and_retries_without_exiting(caplog, pauses):
    attempts = []

    @subscribing.retry_on_failure
    async def handler(msg):
        attempts.append(msg)
        if len(attempts) < 4:
            raise ConnectionError("broker gone while publishing Bronwen's report")
        return "done"

    msg = Message()
    with caplog.at_level(logging.ERROR):
        results = [asyncio.run(handler(msg)) for _ in range(4)]
    assert results == [None, None, None, "done"]
    assert msg.nacks == 3
    assert pauses == [0.4, 0.8, 1.6]   # backing off, capped at 5 s
    assert [r.error_class for r in caplog.records] == ["ConnectionError"] * 3
    assert "Bronwen" not in caplog.text


def test_the_pause_between_retries_is_capped(pauses):
    @subscribing.retry_on_failure
    async def handler(msg):
        raise OSError("disk full")

    for _ in range(8):
        asyncio.run(handler(Message()))
    assert pauses == [0.4, 0.8, 1.6, 3.2, 5.0, 5.0, 5.0, 5.0]


@pytest.mark.parametrize("raw, event_id", [
    (None, None),
    (b"[" * 100_000, None),
    (b"\xff\xfe", None),
    (b'{"event_id": "x"}', "x"),
    (b'{"event_id": "' + b"x" * 65 + b'"}', None),
    (b'{"event_id": 7}', None),
])
def test_event_id_of_never_raises_whatever_the_record_holds(raw, event_id):
    assert dead_letter.event_id_of(raw) == event_id


def test_the_services_still_find_every_shared_name_in_consumer():
    """The services import one module; each name there is the one its own module defines."""
    assert consumer.dead_letter is dead_letter.dead_letter
    assert consumer.decode_or_dead_letter is dead_letter.decode_or_dead_letter
    assert consumer.retry_on_failure is subscribing.retry_on_failure
    assert consumer.robust is subscribing.robust
    assert consumer.serve.__module__ == consumer.asgi.__module__ == "services.common.serving"
