"""A failure a handler did not dead-letter is retried from the last commit: the consumer is
rewound to the message (nack), nothing past it is committed, and the process never exits."""
from __future__ import annotations

import asyncio
import logging

from services.common import consumer


class Message:
    def __init__(self):
        self.nacks = 0

    async def nack(self):
        self.nacks += 1


def test_a_transient_failure_rewinds_to_the_message_and_retries_without_exiting(caplog, monkeypatch):
    attempts = []
    pauses = []

    async def no_wait(seconds):
        pauses.append(seconds)

    monkeypatch.setattr(consumer.asyncio, "sleep", no_wait)

    @consumer.retry_on_failure
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


def test_the_pause_between_retries_is_capped(monkeypatch):
    pauses = []

    async def no_wait(seconds):
        pauses.append(seconds)

    monkeypatch.setattr(consumer.asyncio, "sleep", no_wait)

    @consumer.retry_on_failure
    async def handler(msg):
        raise OSError("disk full")

    for _ in range(8):
        asyncio.run(handler(Message()))
    assert pauses == [0.4, 0.8, 1.6, 3.2, 5.0, 5.0, 5.0, 5.0]


def test_event_id_of_never_raises_whatever_the_record_holds():
    assert consumer.event_id_of(None) is None
    assert consumer.event_id_of(b"[" * 100_000) is None
    assert consumer.event_id_of(b"\xff\xfe") is None
    assert consumer.event_id_of(b'{"event_id": "x"}') == "x"
    assert consumer.event_id_of(b'{"event_id": "' + b"x" * 65 + b'"}') is None
