"""Reports through the aggregator service on a real broker (`python -m services.aggregator.bench
--service 20000`): counted reports/s (the counting group's lag to 0) and coded reports/s (the
theme coder group's), beside a bare consumer reading and committing the same records in batches
of the same size, measured in the same run; and the service's peak memory. It starts its own
broker from the cache (or uses KAFKA_BOOTSTRAP_SERVERS) and stops every process it started.
Figures only: no text is printed."""
from __future__ import annotations

import asyncio
import os
import shutil
import tempfile
import time
import uuid
from pathlib import Path

from aiokafka import AIOKafkaConsumer

from services.common.kafka import ensure_topics, group_lag
from services.contracts import events
from services.contracts.topics import AGGREGATOR_CODER_GROUP, AGGREGATOR_GROUP, Topics

from .app import COUNT_BATCH


async def _bare_consumer(bootstrap: str, topic: str, values: list[bytes]) -> float:
    """Seconds from the first record produced to a plain consumer having read and committed them
    all, COUNT_BATCH at a time: what the service's figure is measured the same way against."""
    from aiokafka import AIOKafkaProducer

    consumer = AIOKafkaConsumer(topic, bootstrap_servers=bootstrap, group_id=f"bench-{uuid.uuid4().hex[:8]}",
                                auto_offset_reset="earliest", enable_auto_commit=False)
    await consumer.start()

    async def read() -> None:
        seen = 0
        while seen < len(values):
            batch = await consumer.getmany(timeout_ms=1000, max_records=COUNT_BATCH)
            seen += sum(len(records) for records in batch.values())
            await consumer.commit()
    producer = AIOKafkaProducer(bootstrap_servers=bootstrap, acks="all", linger_ms=20,
                                max_batch_size=1 << 20, max_request_size=8 << 20)
    await producer.start()
    try:
        started = time.monotonic()
        reading = asyncio.create_task(read())
        for done in [await producer.send(topic, v, key=v[:48]) for v in values]:
            await done
        await reading
        return time.monotonic() - started
    finally:
        await producer.stop()
        await consumer.stop()


def _wait(bootstrap: str, group: str, topic: str, timeout: float = 3600) -> float:
    deadline = time.monotonic() + timeout
    while asyncio.run(group_lag(bootstrap, group, topic)) > 0:
        if time.monotonic() > deadline:
            raise TimeoutError(f"{group} did not catch up on {topic}")
        time.sleep(0.1)
    return time.monotonic()


def bench_service(n: int, sample: list, coding_window: float = 60.0) -> None:
    from deploy.bench import _produce, _started, _stop, peak_mib
    from deploy.kafka.broker import LocalBroker, free_port
    from deploy.services import services

    work = Path(tempfile.mkdtemp(prefix="aggregator-bench-"))
    broker, proc = None, None
    try:
        bootstrap = os.environ.get("KAFKA_BOOTSTRAP_SERVERS")
        if not bootstrap:
            broker = LocalBroker(work / "kafka", port=free_port()).start()
            bootstrap = broker.bootstrap
        topics = Topics(f"bench-{uuid.uuid4().hex[:8]}")
        ensure_topics(bootstrap, topics)
        values = [events.encode(events.RedactedReport, {
            "schema_version": events.SCHEMA_VERSION, "event_id": str(uuid.uuid4()), "month": month,
            "answers": answers}) for answers, month in (sample[i % len(sample)] for i in range(n))]
        env = {"KAFKA_BOOTSTRAP_SERVERS": bootstrap, "PORTAL_TOPIC_PREFIX": topics.prefix,
               "AGGREGATOR_HEALTH_PORT": str(free_port()), "AGGREGATOR_STATE_DIR": str(work / "aggregator"),
               "AGGREGATOR_RELEASE_SCHEDULE": "off"}
        proc = _started({s.name: s for s in services(env)}["aggregator"], env, work / "aggregator.log")
        started = time.monotonic()
        _produce(bootstrap, topics.redacted, values)
        counted = _wait(bootstrap, AGGREGATOR_GROUP, topics.redacted)
        time.sleep(max(0.0, coding_window - (time.monotonic() - started)))
        coded = n - asyncio.run(group_lag(bootstrap, AGGREGATOR_CODER_GROUP, topics.redacted))
        coded_rate = coded / (time.monotonic() - started)
        peak = peak_mib(proc)
        _stop(proc)
        proc = None
        bare = asyncio.run(_bare_consumer(bootstrap, topics.raw, values))   # a topic of the same partitions
        rate, baseline = n / (counted - started), n / bare
        print(f"aggregator service ({n:,} reports on a real broker): {rate:,.0f} reports/s counted vs "
              f"{baseline:,.0f}/s a bare consumer committing the same records (baseline): ratio {rate / baseline:.2f}; "
              f"theme coder: {coded_rate:,.0f} reports/s coded over the first {coding_window:.0f} s (it lags "
              f"counting; releases wait for it); peak RSS {peak:.0f} MiB")
    finally:
        if proc is not None:
            _stop(proc)
        if broker:
            broker.stop()
        shutil.rmtree(work, ignore_errors=True)
