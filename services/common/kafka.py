"""Kafka adapters shared by the services: topic creation (and keeping existing topics'
configuration current), a blocking producer for the Flask apps, consumer-group offsets and lag,
and deleting records (DeleteRecords) once nothing needs them."""
from __future__ import annotations

import asyncio
import collections
import dataclasses
import functools
import logging
import threading
import time
from concurrent.futures import TimeoutError as FutureTimeout
from typing import Protocol, runtime_checkable

from aiokafka import AIOKafkaConsumer, AIOKafkaProducer, TopicPartition
from aiokafka.admin import AIOKafkaAdminClient, NewTopic, RecordsToDelete
from aiokafka.admin.config_resource import ConfigResource, ConfigResourceType
from aiokafka.errors import GroupCoordinatorNotAvailableError, KafkaError, TopicAlreadyExistsError

from services.common.kafka_client import client_options
from services.contracts.topics import REPLICATIONS, Replication, Topics, replication_for


class KafkaUnavailable(RuntimeError):
    """The broker did not acknowledge within the bound. The record may still arrive (a batch
    already handed to the client cannot be withdrawn), so callers must say "may not have been
    sent" and make resending safe (the event id is the idempotency key)."""

def replicated(config: dict[str, str], replication: Replication) -> dict[str, str]:
    return {**config, "min.insync.replicas": str(replication.min_insync)}


class TooFewBrokers(RuntimeError):
    """The cluster does not show as many brokers as the replication asked for (KAFKA_REPLICATION):
    nothing was created, rather than topics with fewer copies than the deployment promises."""


async def _brokers_seen(admin: AIOKafkaAdminClient, wanted: int | None, wait: float) -> int:
    """How many brokers the cluster shows; with `wanted`, waits up to `wait` seconds for that
    many (a cluster still starting lists fewer) and raises TooFewBrokers past the bound."""
    deadline = time.monotonic() + wait
    while True:
        seen = len((await admin.describe_cluster())["brokers"])
        if wanted is None or seen >= wanted:
            return seen
        if time.monotonic() >= deadline:
            raise TooFewBrokers(f"the cluster shows {seen} broker(s) after {wait:.0f} s, and "
                                f"KAFKA_REPLICATION asks for {wanted} copies of each topic; "
                                f"no topic was created")
        await asyncio.sleep(1)


async def _ensure_topics(bootstrap: str, topics: Topics, replicas: int | None, wait: float) -> list[str]:
    admin = AIOKafkaAdminClient(bootstrap_servers=bootstrap, **client_options())
    await admin.start()
    try:
        existing = set(await admin.list_topics())
        seen = await _brokers_seen(admin, replicas, wait)
        replication = replication_for(seen if replicas is None else replicas)
        specs = [dataclasses.replace(s, config=replicated(s.config, replication)) for s in topics.specs()]
        new = [NewTopic(s.name, s.partitions, replication.factor, topic_configs=s.config)
               for s in specs if s.name not in existing]
        if new:
            try:
                await admin.create_topics(new)
            except TopicAlreadyExistsError:
                pass
        old = [s for s in specs if s.name in existing]
        if old:   # a topic made by an earlier version gets today's lifetimes
            await admin.alter_configs([ConfigResource(ConfigResourceType.TOPIC, s.name, s.config) for s in old])
        return [t.name for t in new]
    finally:
        await admin.close()


def ensure_topics(bootstrap: str, topics: Topics, replicas: int | None = None, wait: float = 60.0) -> list[str]:
    """Create any missing topic with its configuration, and set the configuration of topics
    that exist already (so a changed lifetime reaches a running deployment); returns the names
    created. Replication (topics.replication_for): 3 copies, 2 in sync, on three brokers or more;
    1 on a single broker (`make run`).

    `replicas` None follows the brokers the cluster shows now, which suits one machine. A
    deployment names its replication (KAFKA_REPLICATION, read by `portal-service topics`):
    topics are created once, and a cluster still starting can list fewer brokers than it has, so
    this then waits up to `wait` seconds for that many brokers, or raises TooFewBrokers having
    created nothing."""
    if replicas is not None and replicas not in REPLICATIONS:
        raise ValueError(f"KAFKA_REPLICATION must be one of {sorted(REPLICATIONS)}, not {replicas}")
    return asyncio.run(_ensure_topics(bootstrap, topics, replicas, wait))


@runtime_checkable
class Publisher(Protocol):
    """What the Flask apps publish through: `SyncProducer` here, `tests/fakes.FakePublisher` in tests."""

    def send(self, topic: str, value: bytes, key: bytes | None = None) -> None:
        """Returns once the broker has the record; raises KafkaUnavailable when it cannot say so."""


class StickyPartitioner:
    """For records whose partition does not matter (each report stands alone: nothing reads them
    in key order): every record goes to one partition for `window` seconds, then the next, as
    Kafka's own sticky partitioner does for records without a key (KIP-480). Records sent together
    then travel as one batch in one produce request instead of a small batch per partition, which
    is what costs the broker (and the client) per record; over time each available partition gets
    its share. Hashing the key instead (the default) would spread a burst over every partition."""

    def __init__(self, window: float = 0.05, clock=time.monotonic):
        self._window, self._clock = window, clock

    def __call__(self, key: bytes | None, all_partitions: list[int], available: list[int]) -> int:
        choices = sorted(available) if available else all_partitions
        return choices[int(self._clock() / self._window) % len(choices)]


class _Waiting:
    """One record waiting to be sent, and the thread waiting for its answer: the thread holds
    `lock` from the start and takes it again (with the bound as its timeout) once the event loop
    releases it, which it does exactly once, with `error` None for an acknowledgement."""
    __slots__ = ("topic", "value", "key", "at", "lock", "error", "settled", "abandoned", "producer")

    def __init__(self, topic: str, value: bytes, key: bytes | None):
        self.topic, self.value, self.key = topic, value, key
        self.at = time.monotonic()   # when it was queued: the batch it joins leaves LINGER_MS after its oldest
        self.lock = threading.Lock()
        self.lock.acquire()
        self.error: BaseException | None = None
        self.settled = False     # set on the loop only
        self.abandoned = False   # set by the thread once it gave up (past the bound)
        self.producer = None     # the client it was handed to


# How long the producer gathers records into one batch before sending it. Every record waits for
# the broker's acknowledgement anyway; 10 ms more makes batches of several records, so the broker
# and the client handle one produce request where they handled several: 0.11-0.26 ms of broker
# CPU per report instead of 0.29-0.46, 0.86-0.98 ms of intake CPU instead of 1.02-1.25, and a p99
# of 74-91 ms instead of 149-208, at 32 requests in flight (docs/benchmarks.md). Kafka's own
# producer waits 5 ms by default since Kafka 4.0 (KIP-1030).
LINGER_MS = 10


class SyncProducer:
    """A blocking, acknowledged producer (acks=all, idempotent) on a private event loop thread.

    `send` returns only once the broker has acknowledged, and raises KafkaUnavailable once
    `timeout` seconds have passed without an acknowledgement, whatever the broker does (gone,
    refusing, or frozen): no calling thread is held past the bound. The client that failed is
    dropped and stopped in the background; the next send starts a fresh one.

    The hand-off costs little per record: a sending thread appends its record to one queue and
    waits on a lock of its own; one coroutine on the loop drains the queue (every record waiting
    at one wake-up, in order; a running drain is not woken again) into the client. By key, each
    record's own acknowledgement (the client's future) releases its thread; on any partition,
    the queued records go as batches (`_send_batches`) and each batch's acknowledgement releases
    its records' threads. No task, timer or cross-thread future per record."""

    def __init__(self, bootstrap: str, timeout: float = 5.0, any_partition: bool = False):
        """`any_partition`: the records' partition does not matter (StickyPartitioner); otherwise
        it follows the key, so that records with one key stay in order."""
        self._bootstrap = bootstrap
        self._timeout = timeout
        self._partitioner = StickyPartitioner() if any_partition else None
        self._loop = asyncio.new_event_loop()
        self._thread = threading.Thread(target=self._loop.run_forever, daemon=True, name="kafka-producer")
        self._thread.start()
        self._producer: AIOKafkaProducer | None = None
        self._starting: asyncio.Future | None = None
        self._queue: collections.deque[_Waiting] = collections.deque()
        self._woken = False                         # a drain runs, or a wake-up is on its way to the loop
        self._draining: asyncio.Task | None = None  # the coroutine that feeds the queue to the client
        self._closed = False

    async def _get(self) -> AIOKafkaProducer:
        if self._producer is not None:
            return self._producer
        if self._starting is None:   # one start at a time; concurrent sends wait for it
            self._starting = asyncio.ensure_future(self._start())
        return await asyncio.shield(self._starting)

    async def _start(self) -> AIOKafkaProducer:
        partitioner = {"partitioner": self._partitioner} if self._partitioner else {}
        producer = AIOKafkaProducer(bootstrap_servers=self._bootstrap, acks="all", enable_idempotence=True,
                                    request_timeout_ms=int(self._timeout * 1000), linger_ms=LINGER_MS,
                                    **partitioner, **client_options())
        try:
            await asyncio.wait_for(producer.start(), self._timeout)
        except BaseException:
            self._starting = None
            await _stop_quietly(producer, self._timeout)
            raise
        self._producer, self._starting = producer, None
        return producer

    # --- on the loop ---------------------------------------------------------------------------

    def _wake(self) -> None:
        """A drain for the queue, unless one is running: it takes every record queued before it
        ends, so while it runs (lingering, say) the sending threads do not wake the loop again."""
        if self._draining is None and not self._closed:
            self._woken = True
            self._draining = self._loop.create_task(self._drain())
            self._draining.add_done_callback(self._drained)

    def _drained(self, task: asyncio.Task) -> None:
        """The drain ended (the queue empty, or cancelled with a dropped client, even before it
        began): a record queued from now on wakes the loop again, and records queued meanwhile
        get a new drain."""
        if self._draining is task:
            self._draining = None
        self._woken = False
        if self._queue:
            self._wake()

    async def _drain(self) -> None:
        while self._queue:
            try:
                producer = await self._get()
            except BaseException as exc:   # no client: every record waiting for it fails at once
                while self._queue:
                    self._settle(self._queue.popleft(), exc)
                if isinstance(exc, asyncio.CancelledError):
                    raise
                continue
            if self._partitioner is not None:
                await self._send_batches(producer)
                continue
            while self._queue and self._producer is producer:
                waiting = self._queue.popleft()
                if waiting.abandoned:   # its thread answered already: not sent at all
                    self._settle(waiting, asyncio.TimeoutError())
                    continue
                waiting.producer = producer
                try:
                    acked = await producer.send(waiting.topic, waiting.value, key=waiting.key)
                except BaseException as exc:
                    self._settle(waiting, exc)
                    self._drop(producer)
                    if isinstance(exc, asyncio.CancelledError):
                        raise
                    continue
                acked.add_done_callback(functools.partial(self._acknowledged, producer, (waiting,)))

    async def _send_batches(self, producer: AIOKafkaProducer) -> None:
        """Any partition (StickyPartitioner): the records queued once the oldest of them has waited
        LINGER_MS go to the client as one batch (`send_batch`), on the partition the partitioner
        picks for that batch, and one callback on the batch's future releases all their threads.
        aiokafka's `send` per record (a coroutine, a future, a metadata tuple and a callback each)
        was about a fifth of the loop's CPU at the intake's rates (docs/benchmarks.md).
        The batch is closed when handed over, so the client sends it as soon as its connection
        is free; records queued meanwhile form the next batch."""
        while self._queue and self._producer is producer:
            wait = self._queue[0].at + LINGER_MS / 1000 - time.monotonic()
            if wait > 0:   # records queued meanwhile join this batch
                await asyncio.sleep(wait)
                continue
            topic, builder, records = self._queue[0].topic, producer.create_batch(), []
            while self._queue and self._queue[0].topic == topic:
                waiting = self._queue[0]
                if waiting.abandoned:   # its thread answered already: not sent at all
                    self._settle(self._queue.popleft(), asyncio.TimeoutError())
                    continue
                # a builder takes its first record whatever its size; when full, the rest wait for the next
                if builder.append(timestamp=None, key=waiting.key, value=waiting.value) is None:
                    break
                self._queue.popleft()
                waiting.producer = producer
                records.append(waiting)
            if not records:
                continue
            builder.close()
            try:
                partitions = sorted(await producer.partitions_for(topic))
                available = sorted(producer.client.cluster.available_partitions_for_topic(topic) or ())
                acked = await producer.send_batch(builder, topic, partition=self._partitioner(None, partitions, available))
            except BaseException as exc:
                for waiting in records:
                    self._settle(waiting, exc)
                self._drop(producer)
                if isinstance(exc, asyncio.CancelledError):
                    raise
                return
            acked.add_done_callback(functools.partial(self._acknowledged, producer, records))

    def _acknowledged(self, producer: AIOKafkaProducer, records, acked: asyncio.Future) -> None:
        """The client's answer for one record (by key) or one batch (any partition): each of
        their threads released with it; a failure drops the client."""
        error = asyncio.CancelledError() if acked.cancelled() else acked.exception()
        for waiting in records:
            self._settle(waiting, error)
        if error is not None:
            self._drop(producer)

    @staticmethod
    def _settle(waiting: _Waiting, error: BaseException | None) -> None:
        if not waiting.settled:
            waiting.settled, waiting.error = True, error
            waiting.lock.release()

    def _drop(self, producer: AIOKafkaProducer) -> None:
        """Forget `producer` if it is still the current client (a fresh one is made for the
        next record) and stop it in the background, so that no caller waits for it. A drain
        blocked inside it is cancelled; what it had not sent goes through the next client."""
        if producer is not self._producer:
            return
        self._producer = None
        if self._draining is not None:
            self._draining.cancel()
        asyncio.ensure_future(_stop_quietly(producer, self._timeout))

    # --- on the sending threads ----------------------------------------------------------------

    def send(self, topic: str, value: bytes, key: bytes | None = None) -> None:
        waiting = _Waiting(topic, value, key)
        self._queue.append(waiting)
        if not self._woken:
            self._woken = True
            self._loop.call_soon_threadsafe(self._wake)
        if not waiting.lock.acquire(timeout=self._timeout):
            waiting.abandoned = True   # not sent if still queued
            if waiting.producer is not None:   # handed to a client that did not answer: drop that one
                self._loop.call_soon_threadsafe(self._drop, waiting.producer)
            raise KafkaUnavailable("TimeoutError")
        error = waiting.error
        if error is None:
            return
        if isinstance(error, (KafkaError, OSError, FutureTimeout, asyncio.TimeoutError, asyncio.CancelledError)):
            raise KafkaUnavailable(type(error).__name__) from None
        raise error

    def close(self) -> None:
        async def _close():
            self._closed = True   # what is still queued is not sent: its threads get KafkaUnavailable at the bound
            if self._draining is not None:
                self._draining.cancel()
            producer, self._producer = self._producer, None
            if producer is not None:
                await _stop_quietly(producer, self._timeout)
        try:
            asyncio.run_coroutine_threadsafe(_close(), self._loop).result(self._timeout + 1)
        except FutureTimeout:
            pass
        self._loop.call_soon_threadsafe(self._loop.stop)
        self._thread.join(self._timeout)


async def _stop_quietly(producer: AIOKafkaProducer, timeout: float) -> None:
    try:
        await asyncio.wait_for(producer.stop(), timeout)
    except Exception as exc:   # a client that cannot stop cleanly is abandoned: it holds nothing of ours
        logging.getLogger("producer").warning("producer abandoned", extra={"error_class": type(exc).__name__})

async def group_lag(bootstrap: str, group: str, topic: str) -> int:
    """Messages on `topic` that consumer group `group` has not yet committed. Records already
    deleted (by DeleteRecords or retention) are not waiting for anyone."""
    committed, ends, starts = await committed_and_ends(bootstrap, group, topic, with_starts=True)
    return sum(end - max(committed.get(tp, 0), starts[tp]) for tp, end in ends.items())


class RecordPurger:
    """Deletes records up to an offset (DeleteRecords) as soon as they are safely processed.

    A deletion the cluster refuses for a moment (a partition's leader moving after a broker is
    lost) is tried again in the background, every few seconds for up to `retry_for` seconds, the
    latest offset per partition only: the records would otherwise wait for the topic's retention
    although nothing needs them. Failures are logged by class only; retention stays the backstop."""

    def __init__(self, bootstrap: str, retry_for: float = 300.0, first_retry: float = 1.0):
        self._bootstrap = bootstrap
        self._admin: AIOKafkaAdminClient | None = None
        self._retry_for, self._first_retry = retry_for, first_retry
        self._pending: dict[TopicPartition, int] = {}   # the last offset to delete through
        self._retrying: asyncio.Task | None = None

    async def _delete_through(self, tp: TopicPartition, offset: int) -> bool:
        try:
            if self._admin is None:
                self._admin = AIOKafkaAdminClient(bootstrap_servers=self._bootstrap, **client_options())
                await self._admin.start()
            await self._admin.delete_records({tp: RecordsToDelete(offset + 1)})
            return True
        except KafkaError as exc:
            logging.getLogger("purger").warning("purge deferred", extra={"error_class": type(exc).__name__,
                                                                         "topic": tp.topic})
            return False

    async def purge_through(self, topic: str, partition: int, offset: int) -> None:
        tp = TopicPartition(topic, partition)
        if await self._delete_through(tp, offset):
            if self._pending.get(tp, offset + 1) <= offset:   # covered by this deletion
                del self._pending[tp]
            return
        self._pending[tp] = max(offset, self._pending.get(tp, -1))
        if self._retrying is None or self._retrying.done():
            self._retrying = asyncio.ensure_future(self._retry())

    async def _retry(self) -> None:
        deadline, delay = time.monotonic() + self._retry_for, self._first_retry
        while self._pending and time.monotonic() < deadline:
            await asyncio.sleep(delay)
            for tp, offset in list(self._pending.items()):
                if await self._delete_through(tp, offset) and self._pending.get(tp) == offset:
                    del self._pending[tp]
            delay = min(delay * 2, 10.0)
        if self._pending:
            logging.getLogger("purger").warning("purge left to retention", extra={"partitions": len(self._pending)})
            self._pending.clear()

    async def purge_committed(self, group: str, topic: str) -> None:
        """Delete what `group` has already committed on `topic`: a consumer killed between its
        commit and its purge would otherwise leave those records for retention. Run at start."""
        try:
            committed, _ = await committed_and_ends(self._bootstrap, group, topic)
            await delete_before(self._bootstrap, committed)
        except KafkaError as exc:
            logging.getLogger("purger").warning("purge deferred to retention",
                                                extra={"error_class": type(exc).__name__, "topic": topic})

    async def close(self) -> None:
        if self._retrying is not None:
            self._retrying.cancel()
        if self._admin is not None:
            await self._admin.close()
            self._admin = None


async def delete_before(bootstrap: str, targets: dict[TopicPartition, int]) -> int:
    """Delete every record before each target offset (DeleteRecords), then read the log start
    offsets back: returns how many records before the targets are still readable (0 when done)."""
    targets = {tp: o for tp, o in targets.items() if o > 0}
    if not targets:
        return 0
    admin = AIOKafkaAdminClient(bootstrap_servers=bootstrap, **client_options())
    consumer = AIOKafkaConsumer(bootstrap_servers=bootstrap, group_id=None, enable_auto_commit=False, **client_options())
    await admin.start()
    await consumer.start()
    try:
        await admin.delete_records({tp: RecordsToDelete(o) for tp, o in targets.items()})
        starts = await consumer.beginning_offsets(list(targets))
        return sum(max(0, o - starts[tp]) for tp, o in targets.items())
    finally:
        await consumer.stop()
        await admin.close()


async def committed_and_ends(bootstrap: str, group: str, topic: str, with_starts: bool = False) -> tuple:
    """A consumer group's committed offsets on a topic, and the topic's end offsets (and its
    log start offsets, if asked)."""
    consumer = AIOKafkaConsumer(bootstrap_servers=bootstrap, group_id=None, enable_auto_commit=False, **client_options())
    admin = AIOKafkaAdminClient(bootstrap_servers=bootstrap, **client_options())
    await consumer.start()
    await admin.start()
    try:
        await consumer._client.force_metadata_update()
        partitions = [TopicPartition(topic, p) for p in sorted(consumer.partitions_for_topic(topic) or ())]
        ends = await consumer.end_offsets(partitions)
        try:
            offsets = await admin.list_consumer_group_offsets(group, partitions=partitions)
        except GroupCoordinatorNotAvailableError:
            offsets = {}
        committed = {tp: offsets[tp].offset for tp in partitions if tp in offsets and offsets[tp].offset >= 0}
        if with_starts:
            return committed, ends, await consumer.beginning_offsets(partitions)
        return committed, ends
    finally:
        await consumer.stop()
        await admin.close()
