"""`portal-service topics` with KAFKA_REPLICATION: a deployment names the copies each topic must
have, and a cluster showing fewer brokers gets no topic at all rather than topics with one copy
for good (topics are created once). On the session's single broker."""
from __future__ import annotations

import asyncio
import os
import subprocess
import sys
import uuid
from pathlib import Path

import pytest
from aiokafka.admin import AIOKafkaAdminClient

from services.common import lifetimes
from services.contracts.topics import Topics

pytestmark = [pytest.mark.kafka]
BIN = Path(sys.executable).parent


def topics_command(bootstrap: str, prefix: str, replication: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "KAFKA_BOOTSTRAP_SERVERS": bootstrap, "PORTAL_TOPIC_PREFIX": prefix,
           "KAFKA_REPLICATION": replication, "KAFKA_REPLICATION_WAIT_S": "2"}
    return subprocess.run([str(BIN / "portal-service"), "topics"], env=env, capture_output=True,
                          text=True, timeout=120)


async def _replication(bootstrap: str, prefix: str) -> dict[str, tuple[set[int], str | None]]:
    """Per topic of `prefix`: its partitions' replica counts and its min.insync.replicas."""
    admin = AIOKafkaAdminClient(bootstrap_servers=bootstrap)
    await admin.start()
    try:
        names = sorted(n for n in await admin.list_topics() if n.startswith(prefix + "."))
        if not names:
            return {}
        described = await admin.describe_topics(names)
        configs, _ = await lifetimes._configs(admin, names)
        return {t["topic"]: ({len(p["replicas"]) for p in t["partitions"]},
                             configs[t["topic"]].get("min.insync.replicas")) for t in described}
    finally:
        await admin.close()


def test_three_copies_named_on_a_one_broker_cluster_creates_nothing_and_says_why(kafka):
    prefix = f"repl-{uuid.uuid4().hex[:8]}"
    out = topics_command(kafka["bootstrap"], prefix, "3")
    assert out.returncode == 1
    assert out.stderr.strip() == ("portal-service topics: the cluster shows 1 broker(s) after 2 s, and "
                                  "KAFKA_REPLICATION asks for 3 copies of each topic; no topic was created")
    assert asyncio.run(_replication(kafka["bootstrap"], prefix)) == {}


def test_one_copy_named_creates_every_topic_with_one_replica(kafka):
    prefix = f"repl-{uuid.uuid4().hex[:8]}"
    out = topics_command(kafka["bootstrap"], prefix, "1")
    expected = sorted(s.name for s in Topics(prefix).specs())
    assert (out.returncode, out.stdout.strip()) == (0, f"topics created: {len(expected)}")
    assert asyncio.run(_replication(kafka["bootstrap"], prefix)) == {name: ({1}, "1") for name in expected}


def test_a_replication_the_portal_does_not_offer_is_refused_before_anything_is_created(kafka):
    prefix = f"repl-{uuid.uuid4().hex[:8]}"
    out = topics_command(kafka["bootstrap"], prefix, "2")
    assert out.returncode == 2
    assert "KAFKA_REPLICATION must be one of [1, 3], not '2'" in out.stderr
    assert asyncio.run(_replication(kafka["bootstrap"], prefix)) == {}
