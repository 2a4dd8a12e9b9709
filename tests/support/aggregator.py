"""One aggregator, as the handler suite (tests/unit/test_aggregator_handlers.py) drives it, in two
kinds that a case cannot tell apart (arroyo's pattern: one suite, a local fake and real Kafka):

- `InProcess`: the handlers called directly, with the in-memory publisher and topic log of
  tests/fakes.py (shared by every aggregator of a test, as one broker is), a store of counts
  (SQLite, or PostgreSQL for the `postgres` variant). Fast: part of `make unit`.
- `OnBroker`: the real aggregator wiring (`app.subscribe`, `app.KafkaPublisher`, `app.KafkaLog`)
  on FastStream and a real broker, with fresh topics: reports and commands are produced to their
  topics, and what a case reads comes back off the broker (releases, wipes, dead letters, the
  redacted topic's log start offsets).

Both keep the day on a `FakeClock` (the release delay passes at once) and code themes with the
lexicon coder. A case reads only what a user of the service could see: the topics, and the store."""
from __future__ import annotations

import asyncio
import json
import threading
import time
from typing import Callable

from aiokafka import AIOKafkaConsumer, TopicPartition

from services.aggregator import app, handlers
from services.aggregator.coding import lexicon_coder
from services.aggregator.release import NoNoise, Policy
from services.aggregator.settings import AggregatorSettings
from services.aggregator.state import Store
from services.common import consumer
from services.common.kafka import group_lag
from services.contracts import events
from services.contracts.topics import AGGREGATOR_CODER_GROUP, AGGREGATOR_GROUP, Topics
from tests.fakes import FakeClock, FakeRecord, InMemoryPublisher, InMemoryTopicLog
from tests.support.kafka import produce, read_all


class CountingCoder:
    """The lexicon coder, counting the texts it was asked to read."""

    def __init__(self):
        self.read = 0

    def code(self, texts):
        texts = list(texts)
        self.read += sum(1 for t in texts if t)
        return lexicon_coder().code(texts)


def settings(schedule: str, location: str | None) -> AggregatorSettings:
    """A threshold of 10, no noise (exact figures), no wait for a release."""
    return AggregatorSettings(Policy(threshold=10, perturbation=NoNoise()), schedule, 3600.0, 1.0, location)


class Aggregator:
    """What a case does to an aggregator, and what it can see of it."""
    topics: Topics
    clock: FakeClock
    coder: CountingCoder
    service: handlers.Aggregator

    def deliver(self, values: list[bytes | None], partition: int = 0, again: bool = False) -> None:
        """Put these redacted records on `partition` after those already there, and return once the
        aggregator has handled them (counted, then coded by the theme coder's pass). `again`: every
        record of the partition is delivered again first (a redelivery, as after a lost commit)."""
        raise NotImplementedError

    def command(self, kind: str, release_id: str, command_id: str) -> None:
        """Send a command and return once it is handled."""
        raise NotImplementedError

    def on(self, topic: str) -> list[dict]:
        """Every event on `topic`, decoded, in order."""
        raise NotImplementedError

    def dead_letters(self) -> list[dict]:
        """Each dead letter's source topic, partition, offset and error class, in order."""
        raise NotImplementedError

    def purged(self) -> dict[int, int]:
        """The redacted topic's partitions with records deleted: partition -> first offset left."""
        raise NotImplementedError

    def leave_behind(self, records: int) -> None:
        """Make the next wipe leave this many of the records it covers on the redacted topic."""
        raise NotImplementedError

    def run(self, coro):
        raise NotImplementedError

    def read(self, question: Callable[[Store], object]):
        """Ask the aggregator's store (where it lives: SQLite wants its own thread)."""
        return question(self.service.counting.store)

    def publish(self, release_id: str, until: str | None = None, requested: bool = True) -> None:
        self.run(self.service.releases.publish(release_id, until=until, requested=requested))

    def scheduled(self) -> None:
        """One check of the schedule (what the running service's timer does)."""
        self.run(self.service.releases.scheduled_once())

    def close(self) -> None:
        raise NotImplementedError


# --- in process ---------------------------------------------------------------------------------

class Shared:
    """What the in-process aggregators of one test share, as they would share a broker."""

    def __init__(self) -> None:
        self.publisher, self.log = InMemoryPublisher(), InMemoryTopicLog()
        self.partitions: dict[int, list[bytes | None]] = {}


class InProcess(Aggregator):
    def __init__(self, shared: Shared, topics: Topics, location: str, schedule: str):
        self.shared, self.topics, self.clock, self.coder = shared, topics, FakeClock(), CountingCoder()
        self.store = Store(location)
        self.service = handlers.build(self.store, topics, shared.publisher, shared.log, self.coder, None,
                                      settings(schedule, location), self.clock)

    def run(self, coro):
        return asyncio.run(coro)

    def deliver(self, values, partition=0, again=False):
        log = self.shared.partitions.setdefault(partition, [])
        first = 0 if again else len(log)
        log.extend(values)
        records = [FakeRecord(self.topics.redacted, partition, offset, log[offset]) for offset in range(first, len(log))]
        self.run(self.service.counting.batch(records))
        self.run(self.service.coding.batch(records))

    def command(self, kind, release_id, command_id):
        wire = events.encode(events.Command, {"schema_version": 1, "command_id": command_id, "kind": kind,
                                              "release_id": release_id})
        self.run(self.service.releases.command(events.decode(events.Command, wire)))

    def on(self, topic):
        return self.shared.publisher.on(topic)

    def dead_letters(self):
        return self.shared.publisher.dead_letters

    def purged(self):
        out: dict[int, int] = {}
        for positions in self.shared.log.purged:    # `left` records stay, as OnBroker leaves them
            last = max(positions, key=positions.get)
            out.update({**positions, last: positions[last] - self.shared.log.left})
        return out

    def leave_behind(self, records):
        self.shared.log.left = records

    def close(self):
        self.store.close()


# --- on a real broker ---------------------------------------------------------------------------

class LoopThread:
    """An event loop on a thread of its own, where the FastStream brokers and their stores live
    while the test's thread produces, waits and reads."""

    def __init__(self) -> None:
        self.loop = asyncio.new_event_loop()
        self.thread = threading.Thread(target=self.loop.run_forever, daemon=True, name="aggregator-under-test")
        self.thread.start()

    def run(self, coro, timeout: float = 60):
        return asyncio.run_coroutine_threadsafe(coro, self.loop).result(timeout)

    def call(self, fn: Callable[[], object]):
        async def call():
            return fn()
        return self.run(call())

    def close(self) -> None:
        async def cancel_the_rest():    # what the stopped brokers left behind (FastStream's rebalance loggers)
            for task in asyncio.all_tasks() - {asyncio.current_task()}:
                task.cancel()
        self.run(cancel_the_rest())
        self.loop.call_soon_threadsafe(self.loop.stop)
        self.thread.join(10)
        self.loop.close()


class HoldingBack(app.KafkaLog):
    """The real topic log, whose deletion stops `short` records before the highest position it
    is given: those records really stay on the broker, and what is left is read back from it."""
    short = 0

    async def purge(self, covered: dict[int, int]) -> int:
        if not self.short:
            return await super().purge(covered)
        last = max(covered, key=covered.get)
        await super().purge({**covered, last: covered[last] - self.short})
        starts = await _log_starts(self.bootstrap, [TopicPartition(self.topics.redacted, p) for p in covered])
        return sum(max(0, offset - starts[p]) for p, offset in covered.items())


class OnBroker(Aggregator):
    def __init__(self, loop: LoopThread, bootstrap: str, topics: Topics, location: str, schedule: str):
        self.loop, self.bootstrap, self.topics, self.clock = loop, bootstrap, topics, FakeClock()
        self.coder = CountingCoder()
        self.log = HoldingBack(bootstrap, topics)
        self.service = loop.call(lambda: self._build(location, schedule))
        loop.run(self.broker.start())

    def _build(self, location: str, schedule: str) -> handlers.Aggregator:
        self.broker = consumer.make_broker(consumer.ConsumerSettings(self.bootstrap, self.topics, 0, ""))
        self.store = Store(location)
        service = handlers.build(self.store, self.topics, app.KafkaPublisher(self.broker, self.topics), self.log,
                                 self.coder, None, settings(schedule, location), self.clock)
        app.subscribe(self.broker, self.topics, service)
        return service

    def run(self, coro):
        return self.loop.run(coro)

    def read(self, question):
        return self.loop.call(lambda: question(self.store))

    def deliver(self, values, partition=0, again=False):
        if again:
            self.run(self._rewind(partition))
        self._produce(self.topics.redacted, values, partition)

    def command(self, kind, release_id, command_id):
        self._produce(self.topics.commands, [events.encode(events.Command, {
            "schema_version": 1, "command_id": command_id, "kind": kind, "release_id": release_id})])

    def on(self, topic):
        return [json.loads(value) for value in read_all(self.bootstrap, topic)]

    def dead_letters(self):
        return [{"topic": d["source_topic"], "partition": d["partition"], "offset": d["offset"],
                 "error_class": d["error_class"]} for d in self.on(self.topics.dead_letter)]

    def purged(self):
        partitions = [TopicPartition(self.topics.redacted, p) for p in range(3)]
        return {p: o for p, o in self.run(_log_starts(self.bootstrap, partitions)).items() if o > 0}

    def leave_behind(self, records):
        self.log.short = records

    def close(self):
        self.run(self.broker.stop())
        self.loop.call(self.store.close)

    async def _rewind(self, partition: int) -> None:
        """Seek the consumers that hold the partition (counting's and the coder's) back to its
        start: every record is delivered again."""
        tp = TopicPartition(self.topics.redacted, partition)
        holders = [s.consumer for s in self.broker.subscribers if s.consumer is not None and tp in s.consumer.assignment()]
        assert len(holders) == 2, f"{len(holders)} consumers hold {tp}"
        for consumer_ in holders:
            consumer_.seek(tp, 0)

    def _produce(self, topic: str, values: list[bytes | None], partition: int = 0, timeout: float = 60) -> None:
        """Produce, then wait until the aggregator's groups reading the topic (on the redacted topic
        counting's and the coder's) have committed past the new records (a commit comes only after
        what it covers is handled)."""
        produce(self.bootstrap, topic, values, partition)
        deadline = time.monotonic() + timeout
        for group in (AGGREGATOR_GROUP, AGGREGATOR_CODER_GROUP) if topic == self.topics.redacted else (AGGREGATOR_GROUP,):
            while (left := self.run(group_lag(self.bootstrap, group, topic))) > 0:
                if time.monotonic() > deadline:
                    raise TimeoutError(f"group {group} is still {left} records behind on {topic}")
                time.sleep(0.1)


async def _log_starts(bootstrap: str, partitions: list[TopicPartition]) -> dict[int, int]:
    consumer_ = AIOKafkaConsumer(bootstrap_servers=bootstrap, group_id=None, enable_auto_commit=False)
    await consumer_.start()
    try:
        return {tp.partition: o for tp, o in (await consumer_.beginning_offsets(partitions)).items()}
    finally:
        await consumer_.stop()
