"""Reads the releases, audit and wipes topics on a background thread into the ReleaseBook, the
AuditTrail and the WipeLedger, keeping every record read in a local cache (SQLite in
REPORTER_STATE_DIR) so that a restart replays the cache and reads on from where it stopped,
instead of reading every topic again from offset 0.

The cache holds what the topics hold: released (disclosure-controlled) cells, audit entries
(ids, roles, actions; never content) and wipe outcomes. A topic whose end is now before the
cached position was recreated: its cache is dropped and it is read again from its start."""
from __future__ import annotations

import asyncio
import logging
import sqlite3
import threading
from pathlib import Path
from typing import Callable

from aiokafka import AIOKafkaConsumer, TopicPartition
from marshmallow import Schema

from services.common.kafka_client import client_options
from services.contracts import events

from .audit import AuditTrail
from .releases import ReleaseBook

log = logging.getLogger("reporter.consumer")
Sink = tuple[Callable[[bytes], events.Event], Callable[[events.Event], None]]


class Cache:
    """Every record read, by topic, partition and offset, in the order read. Thread-safe."""

    def __init__(self, path: Path | None):
        self._lock = threading.Lock()
        self._db = sqlite3.connect(_writable(path), check_same_thread=False, isolation_level=None)
        self._db.execute("CREATE TABLE IF NOT EXISTS records (topic TEXT, partition INTEGER, offset INTEGER, "
                         "value BLOB, UNIQUE (topic, partition, offset))")

    def replay(self, topic: str) -> list[bytes]:
        with self._lock:
            return [v for (v,) in self._db.execute("SELECT value FROM records WHERE topic = ? ORDER BY rowid", (topic,))]

    def positions(self, topic: str) -> dict[int, int]:
        """The next offset to read of each partition read so far."""
        with self._lock:
            rows = self._db.execute("SELECT partition, MAX(offset) + 1 FROM records WHERE topic = ? GROUP BY partition",
                                    (topic,))
            return dict(rows.fetchall())

    def store(self, rows: list[tuple[str, int, int, bytes | None]]) -> None:
        with self._lock:
            self._db.execute("BEGIN")
            self._db.executemany("INSERT OR IGNORE INTO records VALUES (?, ?, ?, ?)", rows)
            self._db.execute("COMMIT")

    def forget(self, topic: str) -> None:
        with self._lock:
            self._db.execute("DELETE FROM records WHERE topic = ?", (topic,))


def _writable(path: Path | None) -> str:
    """The cache's file, or memory when there is no writable place for it (a read-only image
    without REPORTER_STATE_DIR): then every start reads the topics from their start again."""
    if path is None:
        return ":memory:"
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        sqlite3.connect(path).close()
        return str(path)
    except (OSError, sqlite3.Error) as exc:
        log.warning("reporter cache not writable: reading the topics from their start",
                    extra={"error_class": type(exc).__name__})
        return ":memory:"


class TopicReader:
    def __init__(self, bootstrap: str, sinks: dict[str, Sink], cache: Cache):
        """`sinks` maps a topic to how its records are decoded and what to do with each."""
        self.running = False   # caught up with each topic's end as it was when reading began
        self._bootstrap, self._sinks, self._cache = bootstrap, sinks, cache
        self._stop: asyncio.Event | None = None
        self._loop: asyncio.AbstractEventLoop | None = None

    def replay(self) -> "TopicReader":
        """What the cache holds, into the sinks: the reporter shows it even before the broker answers."""
        for topic in self._sinks:
            for value in self._cache.replay(topic):
                self._handle(topic, None, None, value)
        return self

    def start(self) -> "TopicReader":
        threading.Thread(target=asyncio.run, args=(self._run(),), daemon=True, name="topic-reader").start()
        return self

    def stop(self) -> None:
        if self._loop and self._stop:
            self._loop.call_soon_threadsafe(self._stop.set)

    async def _run(self) -> None:
        self._loop, self._stop = asyncio.get_running_loop(), asyncio.Event()
        while not self._stop.is_set():
            consumer = AIOKafkaConsumer(bootstrap_servers=self._bootstrap, group_id=None, enable_auto_commit=False,
                                        auto_offset_reset="earliest", **client_options())
            try:
                await consumer.start()
                ends = await self._assign(consumer)
                await self._read(consumer, ends)
            except Exception as exc:   # broker unreachable or gone: retry, the pages stay up
                log.warning("topic reader retrying", extra={"error_class": type(exc).__name__})
                await asyncio.sleep(2)
            finally:
                await consumer.stop()
        self.running = False

    async def _assign(self, consumer: AIOKafkaConsumer) -> dict[TopicPartition, int]:
        """Every partition of every topic, each from its cached position (or its start)."""
        await consumer._client.force_metadata_update()
        partitions = []
        for topic in self._sinks:
            found = consumer.partitions_for_topic(topic)
            if not found:
                raise LookupError(topic)
            partitions += [TopicPartition(topic, p) for p in sorted(found)]
        consumer.assign(partitions)
        ends = await consumer.end_offsets(partitions)
        for topic in self._sinks:
            positions = self._cache.positions(topic)
            if any(at > ends[TopicPartition(topic, p)] for p, at in positions.items() if TopicPartition(topic, p) in ends):
                log.warning("topic recreated: its cache is dropped", extra={"topic": topic})
                self._cache.forget(topic)
                positions = {}
            for tp in (tp for tp in partitions if tp.topic == topic):
                if tp.partition in positions:
                    consumer.seek(tp, positions[tp.partition])
                else:
                    await consumer.seek_to_beginning(tp)
        return ends

    async def _read(self, consumer: AIOKafkaConsumer, ends: dict[TopicPartition, int]) -> None:
        while not self._stop.is_set():
            batch = await consumer.getmany(timeout_ms=500, max_records=500)
            rows = []
            for tp, records in batch.items():
                for record in records:
                    self._handle(tp.topic, tp.partition, record.offset, record.value)
                    rows.append((tp.topic, tp.partition, record.offset, record.value))
            if rows:
                self._cache.store(rows)
            if not self.running:
                self.running = all([await consumer.position(tp) >= end for tp, end in ends.items()])

    def _handle(self, topic: str, partition: int | None, offset: int | None, value: bytes | None) -> None:
        # Each record decoded here: one bad record (a tombstone, JSON nested too deeply, a field
        # that is not allowed) is logged by position and skipped, alone.
        decode, sink = self._sinks[topic]
        try:
            decoded = decode(value)
        except events.InvalidMessage as exc:
            log.warning("message ignored", extra={"topic": topic, "partition": partition, "offset": offset,
                                                  "error_class": exc.error_class})
            return
        sink(decoded)


def _schema(schema: type[Schema]) -> Callable[[bytes], events.Event]:
    return lambda raw: events.decode(schema, raw)


def reader(bootstrap: str, topics, book: ReleaseBook, trail: AuditTrail, wipes, cache: Cache) -> TopicReader:
    return TopicReader(bootstrap, {topics.releases: (events.decode_release_message, book.add),
                                   topics.audit: (_schema(events.AuditEvent), trail.add),
                                   topics.wipes: (_schema(events.WipeOutcome), wipes.add)}, cache)
