"""Where data is kept, for the operator's page and API: the topics' lifetimes surveyed with one
admin client and one consumer, made once and kept on a private event loop, instead of new
clients on every request. A survey younger than `fresh_for` seconds is shown again."""
from __future__ import annotations

import asyncio
import os
import threading
import time
from concurrent.futures import TimeoutError as FutureTimeout

from aiokafka import AIOKafkaConsumer
from aiokafka.admin import AIOKafkaAdminClient
from aiokafka.errors import KafkaError

from services.common import lifetimes
from services.common.kafka import KafkaUnavailable
from services.common.kafka_client import client_options
from services.contracts.topics import Topics


class Lifetimes:
    def __init__(self, bootstrap: str, topics: Topics, keys_dir: str | None, timeout: float = 10.0,
                 fresh_for: float = 30.0, env=os.environ):
        self._bootstrap, self._topics, self._keys_dir, self._env = bootstrap, topics, keys_dir, env
        self._timeout, self._fresh_for = timeout, fresh_for
        self._lock = threading.Lock()
        self._last: tuple[float, list] | None = None
        self._clients: tuple[AIOKafkaAdminClient, AIOKafkaConsumer] | None = None
        self._loop: asyncio.AbstractEventLoop | None = None   # started by the first survey

    @property
    def prefix(self) -> str:
        return self._topics.prefix

    def view(self) -> dict:
        """{"states": [TopicState], "keys": [KeyState] or None}; raises KafkaUnavailable."""
        with self._lock:
            if self._last is None or time.monotonic() - self._last[0] > self._fresh_for:
                self._last = (time.monotonic(), self._survey())
            states = self._last[1]
        return lifetimes.view_of(states, self._topics, self._keys_dir, self._env)

    def _survey(self) -> list:
        if self._loop is None:
            self._loop = asyncio.new_event_loop()
            threading.Thread(target=self._loop.run_forever, daemon=True, name="operator-survey").start()
        future = asyncio.run_coroutine_threadsafe(self._run(), self._loop)
        try:
            return future.result(self._timeout)
        except (KafkaError, OSError, FutureTimeout, asyncio.TimeoutError) as exc:
            future.cancel()
            asyncio.run_coroutine_threadsafe(self._drop(), self._loop)
            raise KafkaUnavailable(type(exc).__name__) from None

    async def _run(self) -> list:
        if self._clients is None:
            admin = AIOKafkaAdminClient(bootstrap_servers=self._bootstrap, **client_options())
            consumer = AIOKafkaConsumer(bootstrap_servers=self._bootstrap, group_id=None, enable_auto_commit=False,
                                        **client_options())
            await admin.start()
            await consumer.start()
            self._clients = (admin, consumer)
        return await lifetimes.survey_with(*self._clients, self._topics)

    async def _drop(self) -> None:
        """Clients that failed are closed; the next survey makes new ones."""
        clients, self._clients = self._clients, None
        if clients is not None:
            admin, consumer = clients
            for stop in (consumer.stop, admin.close):
                try:
                    await asyncio.wait_for(stop(), self._timeout)
                except Exception:   # a client that cannot stop cleanly is abandoned: it holds nothing of ours
                    pass
