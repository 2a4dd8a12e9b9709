"""Test helpers that read and write topics directly."""
from __future__ import annotations

import asyncio
import time

from aiokafka import AIOKafkaConsumer, AIOKafkaProducer
from aiokafka.errors import KafkaError

from services.common.kafka import committed_and_ends, group_lag


async def _read_all(bootstrap: str, topic: str, records: bool = False) -> list:
    consumer = AIOKafkaConsumer(topic, bootstrap_servers=bootstrap, group_id=None,
                                auto_offset_reset="earliest", enable_auto_commit=False)
    await consumer.start()
    try:
        parts = consumer.assignment()
        while not parts:
            await asyncio.sleep(0.1)
            parts = consumer.assignment()
        ends = await consumer.end_offsets(list(parts))
        out: list[bytes] = []
        while [tp for tp in parts if await consumer.position(tp) < ends[tp]]:
            batch = await consumer.getmany(timeout_ms=1000)
            for batch_records in batch.values():
                out.extend(r if records else r.value for r in batch_records)
        return out
    finally:
        await consumer.stop()


def read_all(bootstrap: str, topic: str) -> list[bytes]:
    """Every message on the topic from offset 0 (the log start offset) to its end now."""
    return asyncio.run(_read_all(bootstrap, topic))


def read_records(bootstrap: str, topic: str) -> list:
    """The same, as records: key, value and timestamp."""
    return asyncio.run(_read_all(bootstrap, topic, records=True))


async def _produce(bootstrap: str, topic: str, values: list[bytes | None], partition: int | None = None) -> None:
    producer = AIOKafkaProducer(bootstrap_servers=bootstrap, acks="all", linger_ms=5)
    await producer.start()
    try:   # in order, batched: every send is queued, then every acknowledgement awaited
        # a tombstone (None) needs a key to be sent at all
        for done in [await producer.send(topic, v, key=None if v is not None else b"gone", partition=partition)
                     for v in values]:
            await done
    finally:
        await producer.stop()


def produce(bootstrap: str, topic: str, values: list[bytes | None], partition: int | None = None) -> None:
    """Values (None: a tombstone) in order, to `partition` or as the partitioner chooses."""
    asyncio.run(_produce(bootstrap, topic, values, partition))


def lag(bootstrap: str, group: str, topic: str) -> int:
    return asyncio.run(group_lag(bootstrap, group, topic))


def committed(bootstrap: str, group: str, topic: str) -> int:
    """The offsets `group` has committed on `topic`, summed over its partitions (0 before any)."""
    return sum(asyncio.run(committed_and_ends(bootstrap, group, topic))[0].values())


def wait_caught_up(bootstrap: str, group: str, topic: str, timeout: float = 120) -> None:
    """Until `group` has committed everything on `topic`. A probe that meets a broker the test
    has just killed (its metadata still names it: NodeNotReadyError, a leader moving) is asked
    again, until the deadline."""
    deadline = time.monotonic() + timeout
    while True:
        try:
            remaining = lag(bootstrap, group, topic)
        except KafkaError as exc:
            remaining = f"unknown ({type(exc).__name__})"
        if remaining == 0:
            return
        if time.monotonic() > deadline:
            raise TimeoutError(f"group {group} still {remaining} behind on {topic}")
        time.sleep(0.5)


def wait_group_stable(bootstrap: str, group: str, timeout: float = 120) -> None:
    """Until `group` has members and is Stable: its consumers hold their partitions, so a record
    produced now is read at once (a service answering /healthz may not have joined yet)."""
    asyncio.run(_wait_group_stable(bootstrap, group, timeout))


async def _wait_group_stable(bootstrap: str, group: str, timeout: float) -> None:
    from aiokafka.admin import AIOKafkaAdminClient

    admin = AIOKafkaAdminClient(bootstrap_servers=bootstrap)
    await admin.start()
    try:
        deadline = time.monotonic() + timeout
        while True:
            [response] = await admin.describe_consumer_groups([group])
            _, _, state, _, _, members, *_ = response.groups[0]
            if state == "Stable" and members:
                return
            if time.monotonic() > deadline:
                raise TimeoutError(f"group {group} is {state} with {len(members)} members")
            await asyncio.sleep(0.5)
    finally:
        await admin.close()
