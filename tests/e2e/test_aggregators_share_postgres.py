"""Two aggregator processes in one consumer group, one PostgreSQL store, the real broker: they
share the redacted topic's partitions, every report (each sent twice, in two places) is counted
exactly once, and when both find the same scheduled release due at the same moment, exactly one
cuts and publishes it."""
from __future__ import annotations

import asyncio
import json
import os
import signal
import time
import uuid
from datetime import date

import pytest
from aiokafka.admin import AIOKafkaAdminClient
from aiokafka.coordinator.protocol import ConsumerProtocolMemberAssignment
from aiokafka.errors import KafkaError

from deploy.kafka.broker import free_port
from deploy.services import healthy, services, start
from services.aggregator import schedule
from services.aggregator.app import GROUP
from services.aggregator.state import PRUNE_AFTER_WIPE_MS, Store
from services.contracts import events
from services.contracts.tables import QUARTER, period_of
from tests.support.kafka import produce, read_all, wait_caught_up

pytestmark = [pytest.mark.postgres, pytest.mark.kafka]

REPORTS = 300
DUE = schedule.due(schedule.QUARTERLY, date.today())   # the release both will find due
MONTH = DUE.until


def redacted_report(i: int) -> bytes:
    return events.encode(events.RedactedReport, {
        "schema_version": 1, "event_id": f"00000000-0000-4000-8000-{i:012d}", "month": MONTH,
        "answers": {"happened_to": "self" if i % 3 else "witnessed", "came_from": ["peer"],
                    "about": ["race"] if i % 2 else ["age", "sex"],
                    "what_happened": "[PERSON] talked over me in handover."}})


def consumers_of(bootstrap: str, topic: str) -> int:
    """How many members of the aggregators' group hold partitions of `topic` (each process has one
    consumer on the redacted topic, and another on the commands topic in the same group)."""
    async def run():
        admin = AIOKafkaAdminClient(bootstrap_servers=bootstrap)
        await admin.start()
        try:
            group = (await admin.describe_consumer_groups([GROUP]))[0].groups[0]
        except KafkaError:   # a fresh broker: no group coordinator yet
            return 0
        finally:
            await admin.close()
        holding = 0
        for member in group[5]:
            if member[4]:
                assignment = ConsumerProtocolMemberAssignment.decode(member[4])
                holding += any(t == topic and parts for t, parts in assignment.assignment)
        return holding
    return asyncio.run(run())


class Aggregators:
    """Aggregator processes on one store, each with its own health port and log."""

    def __init__(self, portal, url: str):
        self.portal, self.url, self.procs = portal, url, []

    def start(self, count: int, **env: str) -> None:
        for _ in range(count):
            own = {**self.portal.env, "AGGREGATOR_STORE_URL": self.url, "AGGREGATOR_HEALTH_PORT": str(free_port()),
                   "AGGREGATOR_RELEASE_DELAY_SECONDS": "1", **env}
            service = next(s for s in services(own) if s.name == "aggregator")
            log = open(self.portal.workdir / f"aggregator-{len(self.procs)}.log", "ab")
            self.procs.append((start(service, own, stdout=log), service))
        deadline = time.monotonic() + 180
        for proc, service in self.procs:
            while not healthy(service.health_url):
                assert proc.poll() is None, "an aggregator exited: see its log in the test's folder"
                assert time.monotonic() < deadline, "an aggregator never became healthy"
                time.sleep(0.3)

    def stop(self) -> None:
        for proc, _ in self.procs:
            if proc.poll() is None:
                os.killpg(proc.pid, signal.SIGTERM)
                proc.wait(60)
        self.procs = []


def test_two_aggregators_on_one_postgres_count_every_report_once_and_cut_one_release(portal, kafka, postgres):
    bootstrap, topics = kafka["bootstrap"], portal.topics
    aggregators = Aggregators(portal, postgres.create_database())
    try:
        aggregators.start(2, AGGREGATOR_RELEASE_SCHEDULE="off")
        deadline = time.monotonic() + 300
        while (sharing := consumers_of(bootstrap, topics.redacted)) != 2:   # both share the partitions
            assert time.monotonic() < deadline, f"{sharing} aggregators hold redacted partitions, not 2"
            time.sleep(0.5)
        stream = [redacted_report(i) for i in range(REPORTS)]
        produce(bootstrap, topics.redacted, stream + stream[::-1])   # every report twice
        wait_caught_up(bootstrap, GROUP, topics.redacted, timeout=600)
        aggregators.stop()

        store = Store(aggregators.url)
        counts, months = store.snapshot()
        assert months == [MONTH] and store.reports_counted() == REPORTS
        quarter = period_of(MONTH, QUARTER)
        assert counts[("reports", MONTH, ())] == REPORTS
        assert counts[("about", quarter, ("race",))] == REPORTS // 2
        assert counts[("about", quarter, ("age",))] == counts[("about", quarter, ("sex",))] == REPORTS // 2
        assert counts[("happened_to", quarter, ("witnessed",))] == REPORTS // 3
        assert counts[("happened_to", quarter, ("self",))] == REPORTS - REPORTS // 3
        assert store.release(DUE.release_id) is None

        # Both started at once with the same scheduled release due: one cuts it, the other waits
        # for the lock, then finds it published. A cut held 20 s (the release delay) outlasts the
        # gap between the two processes' starts, so without the lock both would cut and publish.
        aggregators.start(2, AGGREGATOR_RELEASE_SCHEDULE="quarterly", AGGREGATOR_SCHEDULE_CHECK_SECONDS="0.2",
                          AGGREGATOR_RELEASE_DELAY_SECONDS="20")
        deadline = time.monotonic() + 300
        while not store.is_published(DUE.release_id):
            assert time.monotonic() < deadline, "the scheduled release was never published"
            time.sleep(0.5)
        time.sleep(5)   # the other instance has had 25 checks to publish it again
        produce(bootstrap, topics.commands, [events.encode(events.Command, {
            "schema_version": 1, "command_id": str(uuid.uuid4()), "kind": "wipe", "release_id": DUE.release_id})])
        deadline = time.monotonic() + 120
        while not (outcomes := [json.loads(v) for v in read_all(bootstrap, topics.wipes)]):
            assert time.monotonic() < deadline, "no wipe outcome"
            time.sleep(0.5)
        aggregators.stop()
    finally:
        aggregators.stop()

    cut = store.release(DUE.release_id)
    published = [json.loads(v) for v in read_all(bootstrap, topics.releases)]
    assert cut and store.releases() == [cut] and store.refusal(DUE.release_id) is None
    assert {c["release_id"] for c in published} == {DUE.release_id}
    assert len(published) == len(cut)   # each cell once: published by one instance only
    key = lambda c: (c["table"], c["period"], json.dumps(c["dims"], sort_keys=True))
    assert sorted(map(key, published)) == sorted(map(key, cut))
    total = next(c for c in published if c["table"] == "reports" and c["period"] == MONTH)
    assert total["value"] is not None and abs(total["value"] - REPORTS) <= 5   # rounded to 5, noise at most 2

    # The wipe deleted every record the release covered: once the raw bound has passed, every id
    # is forgotten, and the total of reports counted stays.
    assert [o["status"] for o in outcomes] == ["wiped"]
    assert store.prune(now_ms=int(time.time() * 1000)) == 0                          # too soon
    assert store.prune(now_ms=int(time.time() * 1000) + PRUNE_AFTER_WIPE_MS) == REPORTS
    assert store.reports_counted() == REPORTS
    store.close()
