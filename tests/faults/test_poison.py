"""Poison records on every topic the services read, among good ones: each consumer dead-letters
exactly the bad record (id if any, source topic, partition, offset, error class; never content),
counts every good one, and none of them exits."""
from __future__ import annotations

import asyncio
import json
import time

import pytest
import requests
from aiokafka import AIOKafkaProducer

from services.aggregator.app import GROUP as AGGREGATOR
from services.contracts import events
from tests.e2e.test_aggregator_restart import redacted_report
from tests.faults.load import counted, drained
from tests.support.kafka import read_all, wait_caught_up
from tests.support.raw import sealed, sealed_unchecked

pytestmark = [pytest.mark.kafka, pytest.mark.faults]

ANSWERS = {"happened_to": "self", "came_from": ["peer"], "about": ["race"],
           "what_happened": "Someone mocked my accent at handover."}
DEEP_ARRAY = b"[" * 100_000 + b"]" * 100_000
DEEP_OBJECT = b'{"event_id": ' * 3000 + b"1" + b"}" * 3000
NOT_UTF8_HEADER = [("content-type", b"\xff\xfe")]
NULL_HEADER = [("content-type", None)]


def rid(n: int) -> str:
    return f"00000000-0000-4000-8000-{n:012d}"


async def _put(bootstrap: str, topic: str, records: list[tuple[bytes | None, list]]) -> list[tuple[int, int]]:
    producer = AIOKafkaProducer(bootstrap_servers=bootstrap, acks="all")
    await producer.start()
    try:
        out = []
        for value, headers in records:
            meta = await producer.send_and_wait(topic, value, key=b"k", partition=0, headers=headers or None)
            out.append((meta.partition, meta.offset))
        return out
    finally:
        await producer.stop()


def put(bootstrap: str, topic: str, records: list[tuple[bytes | None, list]]) -> list[tuple[int, int]]:
    """Records on partition 0, in order; returns where each landed."""
    return asyncio.run(_put(bootstrap, topic, records))


def test_poison_on_every_topic_is_dead_lettered_alone_and_the_rest_is_counted(fault_portal):
    portal = fault_portal
    keys = portal.keys_dir
    b, t = portal.bootstrap, portal.topics

    raw = [  # (value, headers, the dead letter's error class or None for a report that must count)
        (sealed(ANSWERS, rid(1), keys), [], None),
        (None, [], "Tombstone"),
        (DEEP_ARRAY, [], "TooDeep"),
        (sealed(ANSWERS, rid(2), keys), NOT_UTF8_HEADER, None),
        (DEEP_OBJECT, [], "TooDeep"),
        (b"\xff\xfe not json", [], "UnicodeDecodeError"),
        (sealed_unchecked({**ANSWERS, "what_happened": "A lone \ud800 surrogate"}, rid(3), keys), [], None),
        (b"[1, 2]", [], "ValidationError"),
        (sealed(ANSWERS, rid(4), keys), NULL_HEADER, None),
    ]
    redacted = [
        (redacted_report(11), [], None),
        (None, [], "Tombstone"),
        (DEEP_ARRAY, [], "TooDeep"),
        (redacted_report(12), NOT_UTF8_HEADER, None),
        (b"{not json", [], "JSONDecodeError"),
        (json.dumps({**json.loads(redacted_report(13)), "answers": {**json.loads(redacted_report(13))["answers"],
                                                                     "extra": "x"}}).encode(), [], "ValidationError"),
        (json.dumps({**json.loads(redacted_report(15)), "added_in_v1_1": "x"}).encode(), [], None),  # ignored
        (redacted_report(14), NULL_HEADER, None),
    ]
    commands = [(None, [], "Tombstone"), (DEEP_OBJECT, [], "TooDeep"), (b'{"kind": "wipe"}', [], "ValidationError"),
                (DEEP_ARRAY, NOT_UTF8_HEADER, "TooDeep")]
    expected, good = set(), set()
    for topic, records in ((t.raw, raw), (t.redacted, redacted), (t.commands, commands)):
        where = put(b, topic, [(v, h) for v, h, _ in records])
        for (value, _, error), (partition, offset) in zip(records, where):
            if error:
                eid = rid(13) if value and b"extra" in value else None
                expected.add((eid, topic, partition, offset, error))
            else:
                good.add(json.loads(value)["event_id"])
    # the reporter's topics: it logs and skips a bad record, and keeps serving
    for topic in (t.releases, t.audit, t.wipes):
        put(b, topic, [(None, []), (DEEP_ARRAY, []), (b"[]", NOT_UTF8_HEADER)])

    portal.start("redactor", "aggregator", "reporter")
    drained(portal)
    wait_caught_up(b, AGGREGATOR, t.commands)
    deadline = time.monotonic() + 30
    while len(letters := read_all(b, t.dead_letter)) < len(expected) and time.monotonic() < deadline:
        time.sleep(0.5)

    found = [events.decode(events.DeadLetter, m) for m in letters]
    got = [(d.event_id, d.source_topic, d.partition, d.offset, d.error_class) for d in found]
    assert len(got) == len(set(got)) and set(got) == expected, "each bad record dead-lettered exactly once, by position"
    ids, total = counted(portal.workdir / "aggregator")
    assert set(ids) == good and total == len(good) == 8
    for name in ("redactor", "aggregator", "reporter"):
        assert portal.procs[name].poll() is None, f"{name} exited"
    assert requests.get(f"{portal.reporter}/healthz", timeout=5).status_code == 200
    assert "surrogate" not in portal.logs() and "accent" not in portal.logs()
