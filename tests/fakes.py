"""In-memory fakes for the fast unit tests. Each implements a Protocol its real adapter implements
too, and tests/unit/test_fakes.py holds both to it (same methods, same signatures), so a test
written against a fake stays true of the real thing:

- `FakePublisher`  ~ `services.common.kafka.Publisher`   (real: `SyncProducer`, acknowledged sends)
- `FakeDocuments`  ~ `services.reporter.documents.Renderer` (real: `Documents`, charts and PDF)
- `InMemoryPublisher`, `InMemoryTopicLog`, `FakeClock`, `FakeRecord` ~ the Protocols of
  `services.aggregator.handlers` (real: `app.KafkaPublisher`, `app.KafkaLog`, `SystemClock`, aiokafka's record)

Integration tests use the real adapters (a real broker, real rendering); these are for logic only."""
from __future__ import annotations

import asyncio
import json
from dataclasses import dataclass
from datetime import date

from services.common.kafka import KafkaUnavailable
from services.contracts import events
from services.reporter import exports
from services.reporter.documents import PACKED, pack
from services.reporter.report import Report, build

# --- publishing ---------------------------------------------------------------------------------


class FakePublisher:
    """Keeps every record it accepts, in order, as (topic, value, key). `down` refuses as a broker
    that is away does (KafkaUnavailable); `error` raises that error instead (an unexpected failure);
    `lost_acks` sends that many records whose acknowledgement never comes back: the broker has the
    record, the caller gets KafkaUnavailable (the worst case for what a 503 may say)."""

    def __init__(self, down: bool = False, error: Exception | None = None, lost_acks: int = 0):
        self.sent: list[tuple[str, bytes, bytes | None]] = []
        self.down, self.error, self.lost_acks = down, error, lost_acks

    def send(self, topic: str, value: bytes, key: bytes | None = None) -> None:
        if self.error:
            raise self.error
        if self.down:
            raise KafkaUnavailable("KafkaConnectionError")
        self.sent.append((topic, value, key))
        if self.lost_acks:
            self.lost_acks -= 1
            raise KafkaUnavailable("KafkaTimeoutError")

    def on(self, topic: str) -> list[dict]:
        """The JSON events sent to `topic`, decoded, in order."""
        return [json.loads(value) for t, value, _ in self.sent if t == topic]


# --- the reporter's documents -------------------------------------------------------------------


class FakeDocuments:
    """The release's real report model (`report.build`), CSV and pack layout, with a placeholder
    in place of each chart and of the HTML, PDF and XLSX renderings (the slow part: Vega charts
    and WeasyPrint). What those hold is tested on the real `Documents`, in tests marked `slow`."""

    def report(self, doc: dict) -> Report:
        return build(doc)

    def chart(self, doc: dict, figure_id: str) -> str | None:
        figure = build(doc).figure(figure_id)
        if figure is None or figure.empty:
            return None
        return f'<svg xmlns="http://www.w3.org/2000/svg"><title>{figure_id}</title></svg>'

    def render(self, doc: dict, kind: str) -> bytes:
        if kind == "csv":
            return exports.to_csv(doc)
        if kind == "pack":
            return pack(doc["release_id"], doc["released_on"], {k: self.render(doc, k) for k in PACKED})
        return f"{kind} of release {doc['release_id']}".encode()


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
