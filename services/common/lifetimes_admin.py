"""What the broker says of its topics, for the lifetime rules: their configuration (through
the admin API) and the oldest record's timestamp (from offsets alone)."""
from __future__ import annotations

import time

from aiokafka import AIOKafkaConsumer, TopicPartition
from aiokafka.admin import AIOKafkaAdminClient
from aiokafka.admin.config_resource import ConfigResource, ConfigResourceType

from services.common.kafka_client import client_options
from services.common.lifetimes_rules import TopicState, lifetime_of
from services.contracts.topics import Topics

CHECK_INTERVAL = "log.retention.check.interval.ms"


async def _configs(admin: AIOKafkaAdminClient, names: list[str]) -> tuple[dict[str, dict[str, str]], int]:
    cluster = await admin.describe_cluster()
    node = str(cluster["brokers"][0]["node_id"])
    resources = [ConfigResource(ConfigResourceType.TOPIC, n) for n in names]
    resources.append(ConfigResource(ConfigResourceType.BROKER, node, {CHECK_INTERVAL: None}))
    configs: dict[str, dict[str, str]] = {}
    for response in await admin.describe_configs(resources):
        for resource in response.to_object()["resources"]:
            configs[resource["resource_name"]] = {
                e["config_names"]: e["config_value"] for e in resource["config_entries"]}
    return {n: configs[n] for n in names}, int(configs[node][CHECK_INTERVAL])


async def raw_worst_case_ms(bootstrap: str, topic: str) -> int:
    """The longest a record of `topic` can stay on disk, from the broker's own configuration."""
    admin = AIOKafkaAdminClient(bootstrap_servers=bootstrap, **client_options())
    await admin.start()
    try:
        configs, check_ms = await _configs(admin, [topic])
    finally:
        await admin.close()
    lifetime = lifetime_of(configs[topic])
    if lifetime is None:
        raise ValueError(f"{topic} keeps records for ever: its cleanup.policy or retention.ms is wrong")
    return lifetime.worst_case_ms(check_ms)


async def _oldest(consumer: AIOKafkaConsumer, partitions: list[TopicPartition]) -> int | None:
    """The oldest record's timestamp, from offsets alone (ListOffsets by time: Describe
    suffices, so the operator's principal reads no record, not even of the raw topic). No
    record count leaves here."""
    starts = await consumer.beginning_offsets(partitions)
    ends = await consumer.end_offsets(partitions)
    held = [tp for tp in partitions if ends[tp] > starts[tp]]
    found = await consumer.offsets_for_times({tp: 0 for tp in held}) if held else {}
    stamps = [f.timestamp for f in found.values() if f is not None]
    return min(stamps) if stamps else None


async def survey(bootstrap: str, topics: Topics, now_ms: int | None = None) -> list[TopicState]:
    admin = AIOKafkaAdminClient(bootstrap_servers=bootstrap, **client_options())
    consumer = AIOKafkaConsumer(bootstrap_servers=bootstrap, group_id=None, enable_auto_commit=False, **client_options())
    await admin.start()
    await consumer.start()
    try:
        return await survey_with(admin, consumer, topics, now_ms)
    finally:
        await consumer.stop()
        await admin.close()


async def survey_with(admin: AIOKafkaAdminClient, consumer: AIOKafkaConsumer, topics: Topics,
                      now_ms: int | None = None) -> list[TopicState]:
    """The survey with clients already started (a long-running caller keeps them)."""
    names = [s.name for s in topics.specs()]
    configs, check_ms = await _configs(admin, names)
    # Every topic's partitions first: once the consumer is assigned a partition, its metadata
    # covers only the assigned topics.
    await consumer._client.force_metadata_update()
    partitions = {name: [TopicPartition(name, p) for p in sorted(consumer.partitions_for_topic(name) or ())]
                  for name in names}
    out = []
    for name in names:
        oldest = await _oldest(consumer, partitions[name])
        now = int(time.time() * 1000) if now_ms is None else now_ms
        lifetime = lifetime_of(configs[name])
        out.append(TopicState(name, oldest, None if lifetime is None else lifetime.worst_case_ms(check_ms), now))
    return out
