"""In-memory fakes for fast unit tests, each implementing the Protocol its real adapter
implements. Sections are per service: keep each fake inside its own section."""
from __future__ import annotations

import asyncio
import json
from dataclasses import dataclass
from datetime import date

from services.contracts import events

# --- aggregator: services/aggregator/handlers.py (Record, Publisher, TopicLog, Clock) -------------


@dataclass(frozen=True)
class FakeRecord:
    """handlers.Record: what aiokafka's ConsumerRecord carries that the handlers read."""
    topic: str
    partition: int
    offset: int
    value: bytes | None


class InMemoryPublisher:
    """handlers.Publisher: keeps what was sent, in order, as the broker would acknowledge it."""

    def __init__(self) -> None:
        self.sent: list[tuple[str, bytes | None, bytes]] = []     # (topic, key, value)
        self.dead_letters: list[dict] = []

    async def publish(self, value: bytes, topic: str, key: bytes | None = None) -> None:
        self.sent.append((topic, key, value))

    async def publish_all(self, values: list[bytes], topic: str, key: bytes | None = None) -> None:
        for value in values:
            await self.publish(value, topic, key)

    async def dead_letter(self, record, error: Exception) -> None:
        error_class = error.error_class if isinstance(error, events.InvalidMessage) else type(error).__name__
        self.dead_letters.append({"topic": record.topic, "partition": record.partition, "offset": record.offset,
                                  "error_class": error_class})

    def on(self, topic: str) -> list[dict]:
        """The messages sent to `topic`, decoded."""
        return [json.loads(value) for t, _, value in self.sent if t == topic]


class InMemoryTopicLog:
    """handlers.TopicLog: records what it was asked to purge; `left` records stay behind."""

    def __init__(self, left: int = 0) -> None:
        self.left = left
        self.purged: list[dict[int, int]] = []

    async def purge(self, covered: dict[int, int]) -> int:
        self.purged.append(dict(covered))
        return self.left


class FakeClock:
    """handlers.Clock: a fixed day, and time that moves only when someone sleeps."""

    def __init__(self, today: date = date(2026, 11, 16)) -> None:
        self.day, self.now = today, 0.0

    def today(self) -> date:
        return self.day

    def monotonic(self) -> float:
        return self.now

    async def sleep(self, seconds: float) -> None:
        self.now += seconds
        await asyncio.sleep(0)    # let the other tasks run, as a real pause would
