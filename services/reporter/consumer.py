"""Reads the whole releases topic from its start into a ReleaseBook, on a background thread."""
from __future__ import annotations

import asyncio
import logging
import threading

from faststream.kafka import KafkaBroker, KafkaMessage
from marshmallow import ValidationError

from services.contracts import events

from .releases import ReleaseBook

log = logging.getLogger("reporter.consumer")


class ReleaseReader:
    def __init__(self, bootstrap: str, topic: str, book: ReleaseBook):
        self.book = book
        self.running = False
        self._broker = KafkaBroker(bootstrap, logger=logging.getLogger("faststream"))
        self._stop: asyncio.Event | None = None
        self._loop: asyncio.AbstractEventLoop | None = None

        @self._broker.subscriber(topic, group_id=None, auto_offset_reset="earliest")
        async def on_cell(msg: KafkaMessage) -> None:
            try:
                self.book.add(events.decode(events.ReleaseCell, msg.body))
            except (ValueError, ValidationError) as exc:
                log.warning("release cell ignored", extra={"error_class": type(exc).__name__})

    def start(self) -> "ReleaseReader":
        threading.Thread(target=asyncio.run, args=(self._run(),), daemon=True,
                         name="release-reader").start()
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
                log.warning("release reader retrying", extra={"error_class": type(exc).__name__})
                await asyncio.sleep(2)
        await self._broker.stop()
        self.running = False

    def stop(self) -> None:
        if self._loop and self._stop:
            self._loop.call_soon_threadsafe(self._stop.set)
