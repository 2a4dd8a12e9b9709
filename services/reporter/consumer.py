"""Reads whole topics from their start on a background thread: the releases topic into a
ReleaseBook, the audit topic into an AuditTrail, and the wipes topic into a WipeLedger."""
from __future__ import annotations

import asyncio
import logging
import threading
from typing import Callable

from faststream.kafka import KafkaBroker, KafkaMessage
from marshmallow import Schema

from services.common.consumer import robust
from services.common.kafka_client import broker_options
from services.contracts import events

from .audit import AuditTrail
from .releases import ReleaseBook

log = logging.getLogger("reporter.consumer")


class TopicReader:
    def __init__(self, bootstrap: str, sinks: dict[str, tuple[type[Schema], Callable[[events.Event], None]]]):
        """`sinks` maps a topic to the schema its messages must pass and what to do with each."""
        self.running = False
        self._broker = KafkaBroker(bootstrap, **broker_options(), logger=logging.getLogger("faststream"))
        self._stop: asyncio.Event | None = None
        self._loop: asyncio.AbstractEventLoop | None = None
        for topic, (schema, sink) in sinks.items():
            self._subscribe(topic, schema, sink)

    def _subscribe(self, topic: str, schema, sink: Callable[[events.Event], None]) -> None:
        """`schema`: a marshmallow schema, or a function that decodes a message's bytes."""
        decode = (lambda raw: events.decode(schema, raw)) if isinstance(schema, type) else schema

        # Each record decoded here, never by FastStream: one bad record (a tombstone, JSON nested
        # too deeply, a header that is not UTF-8) is logged by position and skipped, alone.
        @self._broker.subscriber(topic, **robust(group_id=None, auto_offset_reset="earliest"))
        async def on_message(msg: KafkaMessage) -> None:
            record = msg.raw_message
            try:
                value = decode(record.value)
            except events.InvalidMessage as exc:
                log.warning("message ignored", extra={"topic": topic, "partition": record.partition,
                                                      "offset": record.offset, "error_class": exc.error_class})
                return
            sink(value)

    def start(self) -> "TopicReader":
        threading.Thread(target=asyncio.run, args=(self._run(),), daemon=True, name="topic-reader").start()
        return self

    async def _run(self) -> None:
        self._loop = asyncio.get_running_loop()
        self._stop = asyncio.Event()
        while not self._stop.is_set():
            try:
                await self._broker.start()
                self.running = True
                await self._stop.wait()
            except Exception as exc:  # broker unreachable at start: retry, the API stays up
                log.warning("topic reader retrying", extra={"error_class": type(exc).__name__})
                await asyncio.sleep(2)
        await self._broker.stop()
        self.running = False

    def stop(self) -> None:
        if self._loop and self._stop:
            self._loop.call_soon_threadsafe(self._stop.set)


def reader(bootstrap: str, releases_topic: str, book: ReleaseBook, audit_topic: str, trail: AuditTrail,
           wipes_topic: str, wipes) -> TopicReader:
    return TopicReader(bootstrap, {releases_topic: (events.decode_release_message, book.add),
                                   audit_topic: (events.AuditEvent, trail.add),
                                   wipes_topic: (events.WipeOutcome, wipes.add)})
