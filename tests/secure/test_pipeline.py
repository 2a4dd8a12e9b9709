"""The whole portal on a secured broker: each service connects over TLS as its own SCRAM
principal with only its ACLs, and reports posted to the real intake come out counted in a
release that another NHS system's principal can read."""
from __future__ import annotations

import asyncio
import time

import pytest
import requests
from aiokafka import AIOKafkaConsumer, TopicPartition

from deploy.kafka.secure import ADMIN
from services.aggregator.app import GROUP as AGGREGATOR
from services.common.kafka import group_lag
from services.contracts import access, events
from services.redactor.app import GROUP as REDACTOR
from tests.support.portal import Portal

pytestmark = pytest.mark.secure_kafka
ANSWERS = {"happened_to": "self", "came_from": ["line_manager"], "about": ["race"], "themes": ["T01"]}


def _caught_up(bootstrap: str, group: str, topic: str, timeout: float = 180) -> None:
    deadline = time.monotonic() + timeout
    while (left := asyncio.run(group_lag(bootstrap, group, topic))) > 0:
        assert time.monotonic() < deadline, f"{group} still {left} behind on {topic}"
        time.sleep(0.5)


async def _external_read(kafka, topic: str) -> list[dict]:
    consumer = AIOKafkaConsumer(topic, bootstrap_servers=kafka.bootstrap, group_id="external-steering-mirror",
                                auto_offset_reset="earliest", **kafka.setup.client_options("external-reader"))
    await consumer.start()
    try:
        cells: list[events.ReleaseCellEvent] = []
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline and (not cells or len(cells) < cells[0].cells_in_release):
            for batch in (await consumer.getmany(timeout_ms=1000)).values():
                cells += [events.decode(events.ReleaseCell, r.value) for r in batch]
        return cells
    finally:
        await consumer.stop()


async def _raw_left(kafka, topic: str) -> int:
    consumer = AIOKafkaConsumer(bootstrap_servers=kafka.bootstrap, group_id=None, **kafka.setup.client_options(ADMIN))
    await consumer.start()
    try:
        parts = [TopicPartition(topic, p) for p in range(3)]
        starts, ends = await consumer.beginning_offsets(parts), await consumer.end_offsets(parts)
        return sum(ends[tp] - starts[tp] for tp in parts)
    finally:
        await consumer.stop()


def test_reports_become_a_release_with_every_service_on_its_own_least_privilege_user(
        secure_kafka, tmp_path, monkeypatch):
    topics = secure_kafka.topics()
    portal = Portal(secure_kafka.bootstrap, topics, tmp_path)
    portal.service_env = {name: secure_kafka.setup.env(name) for name in access.SERVICES}
    portal.env["AGGREGATOR_RELEASE_SCHEDULE"] = "off"   # only the release this test asks for
    portal.env["AGGREGATOR_MAX_PERTURBATION"] = "0"     # exact figures to check; the noise has tests of its own
    monkeypatch.setenv("KAFKA_SECURITY_PROTOCOL", "PLAINTEXT")   # the test's own clients say who they are
    try:
        portal.start()
        for i in range(30):   # 12 alike would have the total hidden, and the release refused
            resp = requests.post(f"{portal.intake}/api/v1/reports", timeout=15, json={
                **ANSWERS, "what_happened": f"My manager keeps asking where I am really from ({i})."})
            assert resp.status_code == 202, resp.text
        for key, value in secure_kafka.setup.env(ADMIN).items():
            monkeypatch.setenv(key, value)
        _caught_up(secure_kafka.bootstrap, REDACTOR, topics.raw)
        _caught_up(secure_kafka.bootstrap, AGGREGATOR, topics.redacted)
        headers = {"Authorization": f"Bearer {portal.token}"}
        resp = requests.post(f"{portal.reporter}/api/v1/releases", headers=headers, timeout=10)
        assert resp.status_code == 202, resp.text
        release_id = resp.json()["release_id"]
        deadline, doc = time.monotonic() + 90, None
        while time.monotonic() < deadline:
            latest = requests.get(f"{portal.reporter}/api/v1/releases/latest", headers=headers, timeout=10)
            if latest.status_code == 200 and latest.json()["release_id"] == release_id:
                doc = latest.json()
                break
            time.sleep(0.5)
        assert doc is not None, "the reporter never saw the release"
        # 30 reports, rounded to 5: the answers all 30 share are published
        about = [c for c in doc["tables"]["about"]["cells"] if c["dims"] == {"about": "race"}]
        # (the grid is the four quarters up to this one: the three before have no report)
        assert [(c["value"], c["status"]) for c in about if c["status"] == "published"] == [(30, "published")]
        happened = {c["dims"]["happened_to"]: c["value"] for c in doc["tables"]["happened_to"]["cells"]
                    if c["status"] == "published"}
        assert happened == {"self": 30}

        cells = asyncio.run(_external_read(secure_kafka, topics.releases))
        assert {c.release_id for c in cells} == {release_id}
        assert len(cells) == cells[0].cells_in_release
        assert [c.value for c in cells if c.table == "about" and c.dims == {"about": "race"}
                and c.status == "published"] == [30]
        # the redactor deleted each raw record once redacted (DeleteRecords under its own ACL)
        assert asyncio.run(_raw_left(secure_kafka, topics.raw)) == 0
        # the operator's view works with the reporter's principal, which may not read raw
        survey = requests.get(f"{portal.reporter}/api/v1/operator/lifetimes", headers=headers, timeout=30)
        assert survey.status_code == 200, survey.text
        held = {t["topic"]: (t["within_bound"], t["oldest_age_hours"]) for t in survey.json()["topics"]}
        assert held[topics.raw] == (True, 0) and held[topics.redacted][0] is True   # no counts
        assert set(held) == {s.name for s in topics.specs()}   # every topic the portal has, the key topics too
        refusals = [line for line in portal.logs().splitlines() if "Authorization" in line or "Sasl" in line]
        assert refusals == []   # no service was refused anything it does
    finally:
        portal.stop()
