"""Aggregator: counts each redacted report once, codes the themes of what it says in a second
pass, and cuts disclosure-controlled releases on command and on schedule. The logic is in handlers.py; this
module is the wiring to Kafka. Narratives are never stored: only codes reach the counts."""
from __future__ import annotations

import asyncio
import contextlib
import logging

from aiokafka import TopicPartition
from aiokafka.errors import CommitFailedError, IllegalStateError
from faststream import AckPolicy
from faststream.kafka import KafkaBroker, KafkaMessage

from services.common import consumer, logs
from services.common.kafka import committed_and_ends, delete_before
from services.contracts import events
from services.contracts.topics import AGGREGATOR_CODER_GROUP, AGGREGATOR_GROUP, REDACTOR_GROUP, Topics

from . import handlers
from .coding import Coder, default_coder, help_coder
from .schedule import OFF
from .settings import AggregatorSettings
from .state import Store

log = logging.getLogger("aggregator")
GROUP, CODER_GROUP = AGGREGATOR_GROUP, AGGREGATOR_CODER_GROUP
COUNT_BATCH = 500   # redacted records counted per transaction (one fsync)
CODE_BATCH = 64     # records per batch of the theme coder (about a hundred a CPU second)


def create_app(settings: consumer.ConsumerSettings | None = None, aggregator: AggregatorSettings | None = None,
               coder: Coder | None = None, helps: Coder | None = None):
    settings = settings or consumer.ConsumerSettings.from_env("aggregator", 8003)
    aggregator = aggregator or AggregatorSettings.from_env()
    if coder is None:     # the trained coders, loaded once (a coder passed in comes with its own helps, or none)
        coder, helps = default_coder(), helps or help_coder()
    broker = consumer.make_broker(settings)
    store = Store(handlers.store_location(settings.state_dir, aggregator))
    service = handlers.build(store, settings.topics, KafkaPublisher(broker, settings.topics),
                             KafkaLog(settings.kafka_bootstrap, settings.topics), coder, helps, aggregator)
    subscribe(broker, settings.topics, service)
    tasks: list[asyncio.Task] = []

    async def start_schedule() -> None:
        if aggregator.schedule != OFF:
            tasks.append(asyncio.create_task(service.releases.run_schedule()))

    async def stop_schedule() -> None:
        for task in tasks:
            task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await task

    return consumer.asgi(broker, after_startup=[start_schedule], on_shutdown=[stop_schedule]), settings


def subscribe(broker: KafkaBroker, topics: Topics, service: handlers.Aggregator) -> None:
    """Three consumers: counting and the theme coder on the redacted topic (two groups), and the
    commands. Offsets are committed only after what they cover is kept."""
    manual = dict(auto_offset_reset="earliest", ack_policy=AckPolicy.MANUAL)
    # A busy machine's slow batch (or a cut holding counting) must not look like a dead member.
    patient = dict(session_timeout_ms=45000, heartbeat_interval_ms=3000)

    @broker.subscriber(topics.redacted, **consumer.robust(group_id=GROUP, batch=True, max_records=COUNT_BATCH,
                                                          **patient, **manual))
    @consumer.retry_on_failure
    async def on_reports(msg: KafkaMessage) -> None:
        await service.counting.batch(msg.raw_message)
        await _committed(msg.ack())

    # The coder reads records counting has handled; one it has not yet is read again later (seek).
    @broker.subscriber(topics.redacted, **consumer.robust(group_id=CODER_GROUP, batch=True, max_records=CODE_BATCH,
                                                          **patient, **manual))
    @consumer.retry_on_failure
    async def on_coding(msg: KafkaMessage) -> None:
        progress = await service.coding.batch(msg.raw_message)
        for partition, offset in progress.again.items():
            with contextlib.suppress(IllegalStateError):   # the partition went to another member
                msg.consumer.seek(TopicPartition(topics.redacted, partition), offset)
        await _committed(msg.consumer.commit({TopicPartition(topics.redacted, p): o for p, o in progress.done.items()}))

    @broker.subscriber(topics.commands, **consumer.robust(group_id=GROUP, **manual))
    @consumer.retry_on_failure
    async def on_command(msg: KafkaMessage) -> None:
        command = await consumer.decode_or_dead_letter(broker, topics, topics.commands, events.Command, msg)
        if command is not None:
            await service.releases.command(command)
            await msg.ack()


async def _committed(commit) -> None:
    try:
        await commit
    except (CommitFailedError, IllegalStateError):
        # A rebalance (a member joining) took the partition while the batch was being read: it
        # is counted, and is skipped as already counted when it is delivered again.
        log.warning("offset commit lost to a rebalance; the records will be redelivered and skipped")


class KafkaPublisher:
    """handlers.Publisher on the broker: record timestamps of the day only."""

    def __init__(self, broker: KafkaBroker, topics: Topics):
        self.broker, self.topics = broker, topics

    async def publish(self, value: bytes, topic: str, key: bytes | None = None) -> None:
        await self.broker.publish(value, topic=topic, key=key, timestamp_ms=consumer.today_ms())

    async def publish_all(self, values: list[bytes], topic: str, key: bytes | None = None) -> None:
        pending = [await self.broker.publish(v, topic=topic, key=key, timestamp_ms=consumer.today_ms(),
                                             no_confirm=True) for v in values]
        await asyncio.gather(*pending)

    async def dead_letter(self, record, error: Exception) -> None:
        await consumer.dead_letter(self.broker, self.topics, record.topic, record.value, error,
                                   record.partition, record.offset)


class KafkaLog:
    """handlers.TopicLog on the cluster's admin API."""

    def __init__(self, bootstrap: str, topics: Topics):
        self.bootstrap, self.topics = bootstrap, topics

    async def purge(self, covered: dict[int, int]) -> int:
        targets = {TopicPartition(self.topics.redacted, p): o for p, o in covered.items()}
        redactor_done, _ = await committed_and_ends(self.bootstrap, REDACTOR_GROUP, self.topics.raw)
        _, letters = await committed_and_ends(self.bootstrap, AGGREGATOR_GROUP, self.topics.dead_letter)
        left = await delete_before(self.bootstrap, targets)
        await delete_before(self.bootstrap, {**redactor_done, **letters})
        return left


def main() -> None:
    logs.configure("aggregator")
    app, settings = create_app()
    consumer.serve(app, settings.health_port)


if __name__ == "__main__":
    main()
