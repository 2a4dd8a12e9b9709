"""Every service as several replicas on a three-broker cluster: two intakes (a sender moves to
the other after any answer but 202, as a load balancer would) that read public keys nowhere but
the signed keys topic, two redactors sharing one key folder, and two aggregators sharing one
PostgreSQL store. Mid-stream one broker and one replica of each service are SIGKILLed. Every
202 must be counted exactly once, no raw record may be left behind, and the next release, cut
by the surviving aggregator, must be exact."""
from __future__ import annotations

import asyncio
import json
import time
import uuid

import pytest
from aiokafka.admin import AIOKafkaAdminClient

from services.aggregator.release import round_to
from services.common import lifetimes, sealing
from services.common.kafka import ensure_topics
from services.contracts import events, privacy
from services.contracts.topics import CLUSTER_REPLICATION, Topics
from services.intake.submission import month_of
from tests.faults.load import Load, assert_answers_true_and_bounded, assert_every_202_counted_once, drained
from tests.support.disk import canary
from tests.support.kafka import produce, read_all, read_records
from tests.support.portal import Portal

pytestmark = [pytest.mark.cluster]
BOUND_S = 10   # the intake's 5 s send bound, with room for a leader moving on a loaded 2-core machine


async def _replication(bootstrap: str, topics: Topics) -> dict[str, tuple[set[int], str]]:
    """Per topic: the replica counts of its partitions, and its min.insync.replicas."""
    admin = AIOKafkaAdminClient(bootstrap_servers=bootstrap)
    await admin.start()
    try:
        names = [s.name for s in topics.specs()]
        described = await admin.describe_topics(names)
        configs, _ = await lifetimes._configs(admin, names)
        return {t["topic"]: ({len(p["replicas"]) for p in t["partitions"]}, configs[t["topic"]].get("min.insync.replicas"))
                for t in described}
    finally:
        await admin.close()


def release_cells(bootstrap: str, topics: Topics, release_id: str, timeout: float = 120) -> list:
    deadline = time.monotonic() + timeout
    while True:
        cells = [events.decode(events.ReleaseCell, r.value) for r in read_records(bootstrap, topics.releases)
                 if r.key == release_id.encode()]
        if cells and len(cells) >= cells[0].cells_in_release:
            return cells
        assert time.monotonic() < deadline, f"release {release_id}: {len(cells)} cells so far"
        time.sleep(1)


def test_replicas_on_three_brokers_survive_losing_a_broker_and_a_replica_of_each_service(kafka_cluster, postgres,
                                                                                          tmp_path):
    bootstrap = kafka_cluster.bootstrap
    topics = Topics(f"cluster-{uuid.uuid4().hex[:10]}")
    ensure_topics(bootstrap, topics)
    expected = {s.name: ({CLUSTER_REPLICATION.factor}, str(CLUSTER_REPLICATION.min_insync)) for s in topics.specs()}
    deadline = time.monotonic() + 30   # new topics' metadata reaches every broker in a moment
    while (replication := asyncio.run(_replication(bootstrap, topics))) != expected and time.monotonic() < deadline:
        time.sleep(1)
    assert replication == expected

    portal = Portal(bootstrap, topics, tmp_path)
    portal.env.update({"AGGREGATOR_RELEASE_SCHEDULE": "off", "AGGREGATOR_MAX_PERTURBATION": "0",
                       "INTAKE_RATE_LIMIT": "1000000/600",   # one test client's address sends everything
                       "SEALING_VERIFY_KEY": sealing.verify_key_hex(portal.keys_dir),
                       "AGGREGATOR_STORE_URL": postgres.create_database()})
    portal.service_env["intake"] = {"RAW_KEYS_DIR": str(tmp_path / "no-key-folder-on-an-intake")}
    redactor_2, intake_2, aggregator_2 = (portal.replica(name) for name in ("redactor", "intake", "aggregator"))
    word = canary()
    try:
        portal.start("redactor", redactor_2)   # first: the lease holder publishes the public key
        portal.start("aggregator", aggregator_2, "intake", intake_2)
        began = time.monotonic()
        load = Load([portal.url("intake"), portal.url(intake_2)], word, threads=4).start()
        time.sleep(4)
        kafka_cluster.nodes[0].kill()          # a broker, its partitions' leaderships and a controller
        time.sleep(3)
        portal.kill("redactor")
        time.sleep(3)
        portal.kill("intake")
        time.sleep(3)
        portal.kill("aggregator")              # the other takes its partitions; counts in PostgreSQL
        time.sleep(3)
        load.stop()
        drained(portal, timeout=300)
        seconds = time.monotonic() - began

        statuses = load.statuses()
        print(f"answers: {statuses}; {len(load.accepted)} reports through the pipeline in {seconds:.0f} s "
              f"= {len(load.accepted) / seconds:.1f} reports/s end to end, one broker and three replicas killed")
        assert statuses.get(202, 0) >= 40, statuses
        assert set(statuses) <= {202, 503, "ConnectionError"}, statuses
        assert_answers_true_and_bounded(load, BOUND_S)
        assert_every_202_counted_once(portal, load)
        for name in (redactor_2, intake_2, aggregator_2):
            assert portal.procs[name].poll() is None, f"{name} exited"

        # No raw record is left: each was deleted once redacted (a purge follows each commit
        # within moments); none waits for its lifetime.
        deadline = time.monotonic() + 30
        while (left := read_all(bootstrap, topics.raw)) and time.monotonic() < deadline:
            time.sleep(0.5)
        assert left == [] and read_all(bootstrap, topics.dead_letter) == []
        raw = next(s for s in asyncio.run(lifetimes.survey(bootstrap, topics)) if s.topic == topics.raw)
        assert raw.oldest_ms is None and raw.within_bound

        # The next release, cut by the surviving aggregator, is exact: no noise is configured,
        # so the month's total is the number of 202s rounded to the nearest 5.
        produce(bootstrap, topics.commands, [events.encode(events.Command, {
            "schema_version": 1, "command_id": str(uuid.uuid4()), "kind": "release", "release_id": "c1"})])
        cells = release_cells(bootstrap, topics, "c1")
        keyed = {(c.table, c.period): c.value for c in cells if not c.dims}
        assert keyed[("reports", month_of())] == round_to(len(load.accepted), privacy.ROUND_TO)
        assert len(cells) == cells[0].cells_in_release       # cut once, by one aggregator
    finally:
        portal.stop()
