"""The operator's view of the wipe promise: for each topic, how many records it holds, how old
the oldest is, and the longest any record can stay on the broker's disk under the topic's
configuration as the broker reports it (not as the code hopes it is).

`portal-lifetimes` prints it; the reporter serves it to administrators."""
from __future__ import annotations

import argparse
import asyncio
import os
import sys
import time
from dataclasses import asdict, dataclass
from pathlib import Path

from aiokafka import AIOKafkaConsumer, TopicPartition
from aiokafka.admin import AIOKafkaAdminClient
from aiokafka.admin.config_resource import ConfigResource, ConfigResourceType

from services.common.kafka_client import client_options
from services.contracts.privacy import Lifetime
from services.contracts.topics import DEFAULT_PREFIX, Topics

CHECK_INTERVAL = "log.retention.check.interval.ms"


@dataclass(frozen=True)
class TopicState:
    topic: str
    records: int                 # between the log start offset and the end, all partitions
    oldest_age_ms: int | None    # None when the topic holds no record
    bound_ms: int | None         # None when the topic keeps records for ever (releases)

    @property
    def within_bound(self) -> bool:
        return self.bound_ms is None or self.oldest_age_ms is None or self.oldest_age_ms <= self.bound_ms


def lifetime_of(config: dict[str, str]) -> Lifetime | None:
    """A topic's lifetime from its configuration as described by the broker."""
    if "delete" not in config.get("cleanup.policy", "delete") or int(config["retention.ms"]) < 0:
        return None
    return Lifetime(retention_ms=int(config["retention.ms"]), segment_ms=int(config["segment.ms"]),
                    delete_delay_ms=int(config.get("file.delete.delay.ms", 60000)))


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


async def _oldest(consumer: AIOKafkaConsumer, partitions: list[TopicPartition]) -> tuple[int, int | None]:
    """Records held and the oldest one's timestamp, from offsets alone (ListOffsets by time:
    Describe suffices, so the operator's principal reads no record, not even of the raw topic)."""
    starts = await consumer.beginning_offsets(partitions)
    ends = await consumer.end_offsets(partitions)
    held = [tp for tp in partitions if ends[tp] > starts[tp]]
    found = await consumer.offsets_for_times({tp: 0 for tp in held}) if held else {}
    stamps = [f.timestamp for f in found.values() if f is not None]
    return sum(ends[tp] - starts[tp] for tp in held), min(stamps) if stamps else None


async def survey(bootstrap: str, topics: Topics, now_ms: int | None = None) -> list[TopicState]:
    names = [s.name for s in topics.specs()]
    admin = AIOKafkaAdminClient(bootstrap_servers=bootstrap, **client_options())
    consumer = AIOKafkaConsumer(bootstrap_servers=bootstrap, group_id=None, enable_auto_commit=False, **client_options())
    await admin.start()
    await consumer.start()
    try:
        configs, check_ms = await _configs(admin, names)
        # Every topic's partitions first: once the consumer is assigned a partition, its metadata
        # covers only the assigned topics.
        await consumer._client.force_metadata_update()
        partitions = {name: [TopicPartition(name, p) for p in sorted(consumer.partitions_for_topic(name) or ())]
                      for name in names}
        out = []
        for name in names:
            records, oldest = await _oldest(consumer, partitions[name])
            now = int(time.time() * 1000) if now_ms is None else now_ms
            lifetime = lifetime_of(configs[name])
            out.append(TopicState(name, records, None if oldest is None else max(0, now - oldest),
                                  None if lifetime is None else lifetime.worst_case_ms(check_ms)))
        return out
    finally:
        await consumer.stop()
        await admin.close()


def as_dicts(states: list[TopicState]) -> list[dict]:
    return [{**asdict(s), "within_bound": s.within_bound} for s in states]


def duration(ms: int | None, never: str) -> str:
    if ms is None:
        return never
    minutes = ms / 60000
    if minutes < 120:
        return f"{minutes:.1f} min"
    hours = minutes / 60
    return f"{hours:.1f} h" if hours < 72 else f"{hours / 24:.1f} days"


def render(states: list[TopicState], keys: list[tuple[str, int]] | None = None) -> str:
    lines = [f"{'topic':<40} {'records':>8} {'oldest':>12} {'bound':>12}  ok"]
    for s in states:
        lines.append(f"{s.topic:<40} {s.records:>8} {duration(s.oldest_age_ms, '-'):>12} "
                     f"{duration(s.bound_ms, 'kept'):>12}  {'yes' if s.within_bound else 'NO'}")
    if keys is not None:
        lines.append(f"sealing private keys held: {len(keys)}"
                     + (f" (oldest created {duration(max(a for _, a in keys), '-')} ago)" if keys else ""))
    return "\n".join(lines)


def key_ages(folder: Path, now_ms: int) -> list[tuple[str, int]]:
    from .keyring import created_ms

    created = created_ms(folder)
    return [(kid, now_ms - created[kid]) for kid in sorted(created)
            if (folder / f"{kid}.secret").exists()]


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="portal-lifetimes", description=__doc__.split("\n\n")[0])
    parser.add_argument("--bootstrap", default=os.environ.get("KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:9092"))
    parser.add_argument("--prefix", default=os.environ.get("PORTAL_TOPIC_PREFIX", DEFAULT_PREFIX))
    parser.add_argument("--keys", default=os.environ.get("RAW_KEYS_DIR"),
                        help="the redactor's key folder, to show the private keys it still holds")
    args = parser.parse_args(argv)
    states = asyncio.run(survey(args.bootstrap, Topics(args.prefix)))
    now = int(time.time() * 1000)
    keys = key_ages(Path(args.keys), now) if args.keys and Path(args.keys).is_dir() else None
    print(render(states, keys))
    sys.exit(0 if all(s.within_bound for s in states) else 1)


if __name__ == "__main__":
    main()
