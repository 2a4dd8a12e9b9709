"""The operator's view of the wipe promise: for each topic, whether its oldest record is within
the longest any record can stay on the broker's disk under the topic's configuration as the
broker reports it (not as the code hopes it is), and that record's age in whole clock hours;
and the sealing keys still held, with the latest each is destroyed. Never a record count or
an exact time: polled, they would give away how many reports arrived and when.

`portal-lifetimes` prints it; the reporter serves it to administrators."""
from __future__ import annotations

import argparse
import asyncio
import os
import sys
import time
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

from aiokafka import AIOKafkaConsumer, TopicPartition
from aiokafka.admin import AIOKafkaAdminClient
from aiokafka.admin.config_resource import ConfigResource, ConfigResourceType

from services.common.kafka_client import client_options
from services.contracts.privacy import HOUR_MS, Lifetime
from services.contracts.topics import DEFAULT_PREFIX, Topics

from .keyring import KeyPolicy, created_ms

CHECK_INTERVAL = "log.retention.check.interval.ms"


@dataclass(frozen=True)
class TopicState:
    """What the operator may see of a topic: never how many records it holds (polling a count
    would give away exact report numbers and arrival times), only whether its oldest record is
    within the topic's bound and that record's age in whole clock hours."""
    topic: str
    oldest_ms: int | None        # the oldest record's timestamp; internal, never shown
    bound_ms: int | None         # None when the topic keeps records for ever (releases)
    now_ms: int

    @property
    def within_bound(self) -> bool:
        return self.bound_ms is None or self.oldest_ms is None or self.now_ms - self.oldest_ms <= self.bound_ms

    @property
    def oldest_age_hours(self) -> int:
        """Clock hours between the hour the oldest record arrived in and this hour: it changes
        on the hour, whenever the record came, and an empty topic reads as 0 like a record of
        this hour (so the view tells no one that a report just arrived)."""
        if self.oldest_ms is None:
            return 0
        return max(0, self.now_ms // HOUR_MS - self.oldest_ms // HOUR_MS)

    def summary(self) -> str:
        age = self.oldest_age_hours
        held = ("No record is older than an hour." if age == 0 else
                f"The oldest record arrived about {hours(age)} ago.")
        if self.bound_ms is None:
            return held + " Records are kept for ever."
        return held + (f" No record can stay longer than {duration(self.bound_ms, '')}: within the bound."
                       if self.within_bound else
                       f" A record has stayed longer than the bound of {duration(self.bound_ms, '')}: investigate.")


@dataclass(frozen=True)
class KeyState:
    """A sealing private key the redactor still holds, and the latest its destruction is due."""
    key_id: str
    created_ms: int
    destroyed_by_ms: int
    current: bool                 # the newest key: intakes seal with it until the next rotation

    def summary(self) -> str:
        by = clock_hour(self.destroyed_by_ms, up=True)
        if self.current:
            return (f"In use since {clock_hour(self.created_ms)}. It is replaced at the next rotation and destroyed "
                    f"once every report sealed with it is redacted, at the latest by {by}.")
        return (f"Replaced; destroyed as soon as every report sealed with it is redacted, at the latest by {by}.")


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


def raw_bound_ms(states: list[TopicState], topics: Topics) -> int | None:
    return next((s.bound_ms for s in states if s.topic == topics.raw), None)


def as_dict(states: list[TopicState], keys: list[KeyState] | None) -> dict:
    """The operator view as the API serves it: no record counts, no exact times."""
    return {"topics": [{"topic": s.topic, "within_bound": s.within_bound, "oldest_age_hours": s.oldest_age_hours,
                        "bound_ms": s.bound_ms, "summary": s.summary()} for s in states],
            "keys": None if keys is None else [
                {"key_id": k.key_id, "current": k.current, "destroyed_by": clock_hour(k.destroyed_by_ms, up=True),
                 "summary": k.summary()} for k in keys]}


def hours(n: int) -> str:
    return "1 hour" if n == 1 else f"{n} hours" if n < 72 else f"{n // 24} days"


def clock_hour(ms: int, up: bool = False) -> str:
    """A moment to the hour (rounded up for a deadline), in UTC."""
    hour = -(-ms // HOUR_MS) if up else ms // HOUR_MS
    return datetime.fromtimestamp(hour * 3600, tz=timezone.utc).strftime("%Y-%m-%d %H:00 UTC")


def duration(ms: int | None, never: str) -> str:
    if ms is None:
        return never
    minutes = ms / 60000
    if minutes < 120:
        return f"{minutes:.0f} minutes"
    hours_ = minutes / 60
    return f"{hours_:.0f} hours" if hours_ < 72 else f"{hours_ / 24:.0f} days"


def render(states: list[TopicState], keys: list[KeyState] | None = None) -> str:
    lines = [f"{s.topic}: {s.summary()}" for s in states]
    if keys is not None:
        lines.append(f"Sealing private keys held: {len(keys)}.")
        lines += [f"  key {k.key_id}: {k.summary()}" for k in keys]
    return "\n".join(lines)


def key_states(folder: Path, policy: KeyPolicy) -> list[KeyState]:
    """The private keys still held, and the latest each is destroyed under `policy` (from the
    key rule in keyring.py: superseded, then a grace, then the raw topic's worst case)."""
    created = created_ms(folder)
    order = sorted(created, key=lambda k: (created[k], k))
    out = []
    for i, kid in enumerate(order):
        if not (folder / f"{kid}.secret").exists():
            continue
        superseded = created[order[i + 1]] if i + 1 < len(order) else created[kid] + policy.rotate_every_ms
        out.append(KeyState(kid, created[kid], superseded + policy.grace_ms + policy.raw_worst_case_ms
                            + policy.check_every_ms, i + 1 == len(order)))
    return out


def operator_view(bootstrap: str, topics: Topics, keys_dir: str | None, env=os.environ) -> dict:
    """Survey the topics and, where the key folder is reachable, the keys held."""
    return view_of(asyncio.run(survey(bootstrap, topics)), topics, keys_dir, env)


def view_of(states: list[TopicState], topics: Topics, keys_dir: str | None, env=os.environ) -> dict:
    keys = None
    if keys_dir and Path(keys_dir).is_dir():
        keys = key_states(Path(keys_dir), KeyPolicy.from_env(env, raw_bound_ms(states, topics) or 0))
    return {"states": states, "keys": keys}


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="portal-lifetimes", description=__doc__.split("\n\n")[0])
    parser.add_argument("--bootstrap", default=os.environ.get("KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:9092"))
    parser.add_argument("--prefix", default=os.environ.get("PORTAL_TOPIC_PREFIX", DEFAULT_PREFIX))
    parser.add_argument("--keys", default=os.environ.get("RAW_KEYS_DIR"),
                        help="the redactor's key folder, to show the private keys it still holds")
    args = parser.parse_args(argv)
    view = operator_view(args.bootstrap, Topics(args.prefix), args.keys)
    print(render(view["states"], view["keys"]))
    states = view["states"]
    sys.exit(0 if all(s.within_bound for s in states) else 1)


if __name__ == "__main__":
    main()
