"""The wipe promise on a real broker's disk: with short test windows, no canary written in a
report survives anywhere on disk past the configured bound, whether or not the redactor runs;
raw records are deleted only after their redacted events are published; sealing keys rotate
and a destroyed key leaves old raw records unreadable."""
from __future__ import annotations

import asyncio
import base64
import json
import sqlite3
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest
import requests
from aiokafka import AIOKafkaConsumer, AIOKafkaProducer, TopicPartition
from aiokafka.admin import AIOKafkaAdminClient, NewTopic
from nacl.exceptions import CryptoError
from nacl.public import SealedBox

from services.aggregator.app import GROUP as AGGREGATOR
from services.common import lifetimes, sealing
from services.common.kafka import ensure_topics
from services.contracts import events
from services.contracts import privacy
from services.contracts.privacy import Lifetime
from services.contracts.topics import Topics
from services.intake import submission
from services.intake.app import create_app
from services.intake.settings import Settings
from services.redactor.app import GROUP as REDACTOR
from tests.support.disk import canary, canary_needles, hits
from tests.support.kafka import produce, read_all, wait_caught_up, wait_group_stable
from tests.support.portal import Portal
from tests.support.raw import sealed

# Test windows, with the fixture broker's 5 s retention check: a raw record can stay at most
# 1 + 3 + 5 + 1 = 10 s, a redacted one 1 + 15 + 5 + 1 = 22 s (long enough to see it on disk first).
SHORT = Lifetime(retention_ms=3000, segment_ms=1000, delete_delay_ms=1000)
LONGER = Lifetime(retention_ms=15000, segment_ms=1000, delete_delay_ms=1000)


def report(canary: str, name: str) -> dict:
    return {"happened_to": "self", "came_from": ["peer"], "about": ["race"],
            "what_happened": f"{name} mocked my accent in the staff room, note {canary}.",
            "what_would_help": f"Training for the team ({canary}-help)."}


@pytest.fixture
def local_broker(kafka):
    if kafka["log_dirs"] is None:
        pytest.skip("needs the local broker, whose files this test can read")
    return kafka


@pytest.fixture
def short_topics(local_broker) -> Topics:
    t = Topics(f"wipe-{uuid.uuid4().hex[:10]}", raw_lifetime=SHORT, redacted_lifetime=LONGER)
    ensure_topics(local_broker["bootstrap"], t)
    return t


def bound_s(bootstrap: str, topics: Topics) -> float:
    states = {s.topic: s for s in asyncio.run(lifetimes.survey(bootstrap, topics))}
    bounds = [states[t].bound_ms for t in (topics.raw, topics.dead_letter, topics.redacted)]
    assert max(bounds) <= 30_000, bounds   # the short test windows really are in force
    return max(bounds) / 1000


async def _create_topic(bootstrap: str, name: str) -> None:
    admin = AIOKafkaAdminClient(bootstrap_servers=bootstrap)
    await admin.start()
    try:
        await admin.create_topics([NewTopic(name, 1, 1)])
    finally:
        await admin.close()


def topic_dirs(kafka, topic: str) -> list[Path]:
    """The partition folders of one topic (searching them all is slow: index files are 10 MB)."""
    return sorted(kafka["log_dirs"].glob(f"{topic}-*"))


def wait_for_no_hits(roots, needles, seconds: float) -> list:
    """Search until nothing is found; a search that began after `seconds` is the verdict."""
    deadline = time.monotonic() + seconds
    while True:
        began = time.monotonic()
        found = hits(roots, needles)
        if not found or began > deadline:
            return found
        time.sleep(1)


def sealed_forms(values: list[bytes]) -> dict[str, bytes]:
    """The raw records as the broker stores them: the envelope's base64 text and its bytes."""
    out = {}
    for v in values:
        envelope = json.loads(v)
        out[f"sealed {envelope['event_id']}"] = envelope["sealed"][8:72].encode()
        out[f"ciphertext {envelope['event_id']}"] = base64.b64decode(envelope["sealed"])[8:56]
    return out


@pytest.mark.parametrize("redactors", [1, 2])
def test_no_canary_is_left_on_any_disk_once_the_bound_has_passed(local_broker, short_topics, tmp_path, redactors):
    bootstrap = local_broker["bootstrap"]
    portal = Portal(bootstrap, short_topics, tmp_path)
    for _ in range(redactors - 1):
        portal.replica("redactor")   # started with the others; both share the key folder
    # Redacted records are stamped with the day (midnight), so with a 15 s retention they go
    # at the next check: the aggregator must be free to count them at once.
    portal.env["AGGREGATOR_RELEASE_SCHEDULE"] = "off"
    canaries = [canary() for _ in range(6)]
    names = ["Adaeze Okonkwo", "Wojciech Zielinski", "Thandiwe Ndlovu"]
    try:
        portal.start()
        # the redacted records go at the next retention check: the aggregator must be reading
        wait_group_stable(bootstrap, AGGREGATOR)
        for i, word in enumerate(canaries):
            resp = requests.post(f"{portal.intake}/api/v1/reports", json=report(word, names[i % 3]), timeout=15)
            assert resp.status_code == 202
        wait_caught_up(bootstrap, REDACTOR, short_topics.raw)
        wait_caught_up(bootstrap, AGGREGATOR, short_topics.redacted)
        assert len(read_all(bootstrap, short_topics.dead_letter)) == 0
        with sqlite3.connect(tmp_path / "aggregator" / "aggregator.sqlite3") as db:
            assert db.execute("SELECT count(*) FROM counted").fetchone() == (6,)   # all six went through

        # The search can fail: a canary written through this broker is found in its files.
        control = canary()
        control_topic = f"{short_topics.prefix}.control"
        asyncio.run(_create_topic(bootstrap, control_topic))
        produce(bootstrap, control_topic, [json.dumps({"text": control}).encode()])
        assert hits(topic_dirs(local_broker, control_topic), canary_needles([control]))

        roots = [local_broker["log_dirs"].parent, tmp_path]
        needles = {**canary_needles(canaries), **canary_needles(names)}
        found = wait_for_no_hits(roots, needles, bound_s(bootstrap, short_topics) + 10)
        assert found == []
    finally:
        portal.stop()


def test_with_the_redactor_stopped_raw_records_are_gone_from_disk_after_the_bound(local_broker, tmp_path):
    bootstrap = local_broker["bootstrap"]
    short_topics = Topics(f"wipe-{uuid.uuid4().hex[:10]}", raw_lifetime=LONGER, redacted_lifetime=SHORT)
    ensure_topics(bootstrap, short_topics)
    portal = Portal(bootstrap, short_topics, tmp_path)
    canaries = [canary() for _ in range(4)]
    try:
        portal.start("intake")
        for word in canaries:
            assert requests.post(f"{portal.intake}/api/v1/reports", json=report(word, "Ioana Popescu"),
                                 timeout=15).status_code == 202
        raw = read_all(bootstrap, short_topics.raw)
        assert len(raw) == 4
        needles = {**canary_needles(canaries), **sealed_forms(raw)}
        before = {label for _, label in hits(topic_dirs(local_broker, short_topics.raw), needles)}
        # The search can fail: sealed records are on disk now, and only as ciphertext.
        assert {label for label in needles if label.startswith("sealed ")} == before

        found = wait_for_no_hits([local_broker["log_dirs"].parent, tmp_path], needles,
                                 bound_s(bootstrap, short_topics) + 10)
        assert found == []
        assert read_all(bootstrap, short_topics.raw) == []
    finally:
        portal.stop()


async def _produce_raw(bootstrap: str, topic: str, values: list[tuple[str, bytes]]) -> dict[tuple[int, int], str]:
    producer = AIOKafkaProducer(bootstrap_servers=bootstrap, acks="all")
    await producer.start()
    try:
        placed = {}
        for event_id, value in values:
            meta = await producer.send_and_wait(topic, value, key=event_id.encode())
            placed[(meta.partition, meta.offset)] = event_id
        return placed
    finally:
        await producer.stop()


async def _watch_and_kill(bootstrap: str, topics: Topics, placed: dict, portal: Portal, kill_after: int):
    """Sample (raw log start offsets, then every redacted id) until `kill_after` raw records
    are deleted, then SIGKILL the redactor; returns the samples."""
    raw_parts = [TopicPartition(topics.raw, p) for p in range(3)]
    red_parts = [TopicPartition(topics.redacted, p) for p in range(3)]
    watcher = AIOKafkaConsumer(bootstrap_servers=bootstrap, group_id=None, enable_auto_commit=False)
    reader = AIOKafkaConsumer(bootstrap_servers=bootstrap, group_id=None, enable_auto_commit=False,
                              auto_offset_reset="earliest")
    await watcher.start()
    await reader.start()
    reader.assign(red_parts)
    ids: set[str] = set()
    samples = []
    try:
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:
            starts = await watcher.beginning_offsets(raw_parts)   # first: what is deleted
            ends = await reader.end_offsets(red_parts)            # then: what is published
            while [tp for tp in red_parts if await reader.position(tp) < ends[tp]]:
                for records in (await reader.getmany(timeout_ms=500)).values():
                    ids.update(json.loads(r.value)["event_id"] for r in records)
            deleted = {placed[(tp.partition, o)] for tp in raw_parts for o in range(starts[tp])}
            samples.append((deleted, set(ids)))
            if len(deleted) >= kill_after:
                portal.kill("redactor")
                return samples
            await asyncio.sleep(0.05)
        raise TimeoutError("the redactor deleted too few raw records")
    finally:
        await watcher.stop()
        await reader.stop()


def test_raw_records_are_deleted_only_after_they_are_redacted_even_if_the_redactor_is_killed(
        kafka, topics, tmp_path):
    bootstrap = kafka["bootstrap"]
    portal = Portal(bootstrap, topics, tmp_path)
    answers = report("kill-test", "Chidi Eze")
    values = [(eid, sealed(answers, eid, portal.keys_dir)) for eid in (str(uuid.uuid4()) for _ in range(150))]
    placed = asyncio.run(_produce_raw(bootstrap, topics.raw, values))
    try:
        portal.start("redactor")
        samples = asyncio.run(_watch_and_kill(bootstrap, topics, placed, portal, kill_after=10))
        assert len(samples[-1][0]) < 150   # killed mid-stream
        for deleted, redacted in samples:  # never a raw record deleted before its redacted event
            assert deleted <= redacted, deleted - redacted

        portal.start("redactor")
        wait_caught_up(bootstrap, REDACTOR, topics.raw)
        redacted = [json.loads(m)["event_id"] for m in read_all(bootstrap, topics.redacted)]
        assert set(redacted) == {eid for eid, _ in values}   # nothing lost (a few may repeat)
        # Nothing lingers, not even what the killed redactor committed but had not yet deleted
        # (the restarted one deletes it at start); a purge follows each commit within moments.
        deadline = time.monotonic() + 30
        while (left := read_all(bootstrap, topics.raw)) and time.monotonic() < deadline:
            time.sleep(0.5)
        assert left == []
    finally:
        portal.stop()


def test_the_intake_seals_each_report_to_the_newest_key(kafka, topics, keys_dir):
    app = create_app(Settings(kafka["bootstrap"], topics, keys_dir=keys_dir)).test_client()
    first, _ = sealing.newest_public(keys_dir)
    body = report("rotation", "Femi Bello")
    assert app.post("/api/v1/reports", json=body).status_code == 202
    time.sleep(0.01)
    second = sealing.generate(keys_dir)
    assert app.post("/api/v1/reports", json=body).status_code == 202
    key_ids = [events.decode(events.SealedRaw, v).key_id for v in read_all(kafka["bootstrap"], topics.raw)]
    assert sorted(key_ids) == sorted([first, second])   # partitions do not keep the order


@pytest.mark.parametrize("redactors", [1, 2])
def test_the_redactor_rotates_keys_and_destroys_the_old_one_once_its_records_are_redacted(
        kafka, topics, tmp_path, redactors):
    bootstrap = kafka["bootstrap"]
    portal = Portal(bootstrap, topics, tmp_path)
    portal.env.update({"KEY_ROTATE_SECONDS": "4", "KEY_GRACE_SECONDS": "1", "KEY_CHECK_SECONDS": "0.5"})
    old, old_public = sealing.newest_public(portal.keys_dir)
    replicas = ["redactor", *(portal.replica("redactor") for _ in range(redactors - 1))]
    try:
        portal.start("intake")
        assert requests.post(f"{portal.intake}/api/v1/reports", json=report("shred", "Olumide Ade"),
                             timeout=15).status_code == 202
        [raw] = read_all(bootstrap, topics.raw)
        envelope = events.decode(events.SealedRaw, raw)
        assert envelope.key_id == old
        portal.start(*replicas)
        wait_caught_up(bootstrap, REDACTOR, topics.raw)
        deadline = time.monotonic() + 60
        while (portal.keys_dir / f"{old}.secret").exists() and time.monotonic() < deadline:
            time.sleep(0.5)
        assert not (portal.keys_dir / f"{old}.secret").exists()
        assert sealing.newest_public(portal.keys_dir)[0] != old
        # One replica (the lease holder) destroyed it: without the lease each replica would.
        assert portal.logs().count("sealing key destroyed key_id=" + old) == 1

        # The record was redacted before its key went; no key left can open it now.
        assert [json.loads(m)["event_id"] for m in read_all(bootstrap, topics.redacted)] == [envelope.event_id]
        ciphertext = base64.b64decode(envelope.sealed)
        remaining = sealing.private_keys(portal.keys_dir)
        assert remaining and old not in remaining
        for private in remaining.values():
            with pytest.raises(CryptoError):
                SealedBox(private).decrypt(ciphertext)

        # Every replica has dropped the old key from memory within its check interval: records
        # still sealed to it, spread over every partition, are set aside by whichever replica
        # reads them, and none is redacted.
        time.sleep(1.5)
        late = [str(uuid.uuid4()) for _ in range(24)]
        produce_keyed(bootstrap, topics.raw, [(eid, submission.sealed_event(
            submission.raw_event(report("late", "Nkechi Obi"), eid, "2026-11"), eid, old, old_public))
            for eid in late])
        wait_caught_up(bootstrap, REDACTOR, topics.raw)
        assert len(read_all(bootstrap, topics.redacted)) == 1
        assert {events.decode(events.DeadLetter, m).event_id for m in read_all(bootstrap, topics.dead_letter)} == set(late)
    finally:
        portal.stop()


def produce_keyed(bootstrap: str, topic: str, values: list[tuple[str, bytes]]) -> None:
    asyncio.run(_produce_raw(bootstrap, topic, values))


def test_the_operator_sees_each_topic_within_its_bound_and_the_keys_held_but_no_counts(kafka, topics, tmp_path):
    bootstrap = kafka["bootstrap"]
    portal = Portal(bootstrap, topics, tmp_path)
    try:
        portal.start("intake", "reporter")
        for i in range(3):
            assert requests.post(f"{portal.intake}/api/v1/reports", json=report(f"op{i}", "Rana Haddad"),
                                 timeout=15).status_code == 202
        letters = [events.encode(events.DeadLetter, {"schema_version": 1, "event_id": None,
                                                    "source_topic": topics.raw, "error_class": "ValueError"})] * 2
        produce(bootstrap, topics.dead_letter, letters)   # a second topic with records
        # The command: one line per topic, exit 0 while every topic is within its bound.
        cli = subprocess.run([str(Path(sys.executable).parent / "portal-lifetimes"), "--bootstrap", bootstrap,
                              "--prefix", topics.prefix, "--keys", str(portal.keys_dir)],
                             capture_output=True, text=True, timeout=60)
        assert cli.returncode == 0, cli.stderr
        lines = {line.split(":")[0]: line for line in cli.stdout.splitlines()}
        # 3 raw records and 2 dead letters, read as "none older than an hour": never a count
        assert lines[topics.raw].startswith(f"{topics.raw}: No record is older than an hour. No record can stay "
                                            "longer than 5") and lines[topics.raw].endswith(": within the bound.")
        assert lines[topics.dead_letter] == lines[topics.raw].replace(topics.raw, topics.dead_letter)
        assert lines[topics.releases].endswith("Records are kept for ever.")
        assert "Sealing private keys held: 1." in cli.stdout

        # The API, for administrators only: no record counts, no exact times.
        api = f"{portal.reporter}/api/v1/operator/lifetimes"
        assert requests.get(api, timeout=10).status_code == 401
        doc = requests.get(api, headers={"Authorization": f"Bearer {portal.token}"}, timeout=30).json()
        raw = next(t for t in doc["topics"] if t["topic"] == topics.raw)
        assert set(raw) == {"topic", "within_bound", "oldest_age_hours", "bound_ms", "summary"}
        assert raw["within_bound"] is True and raw["oldest_age_hours"] == 0
        if kafka["log_dirs"] is not None:   # the fixture's broker checks retention every 5 s
            assert raw["bound_ms"] == (10 + 40 + 1) * 60_000 + 5_000
        [key] = doc["keys"]
        assert key["current"] is True and key["key_id"] == next(portal.keys_dir.glob("*.public")).stem
        assert key["destroyed_by"].endswith(":00 UTC")

        # The page, after signing in with the token.
        browser = requests.Session()
        assert browser.get(f"{portal.reporter}/operator", timeout=10).url.endswith("/sign-in?next=/operator")
        refused = browser.post(f"{portal.reporter}/sign-in", data={"token": "wrong", "next": "/operator"}, timeout=10)
        assert refused.status_code == 401 and "Enter a valid access token" in refused.text
        page = browser.post(f"{portal.reporter}/sign-in", data={"token": portal.token, "next": "/operator"},
                            timeout=30)
        assert page.status_code == 200 and page.url.endswith("/operator")
        row = next(r for r in page.text.split("<tr>") if f">{topics.raw}<" in r)
        assert "<td>none older than an hour</td>" in row and f"<td>{lifetimes.duration(raw['bound_ms'], '')}</td>" in row
        assert "<td>Yes</td>" in row and f"Key {key['key_id']}: In use since" in page.text
        browser.post(f"{portal.reporter}/sign-out", timeout=10)
        assert browser.get(f"{portal.reporter}/operator", timeout=10).url.endswith("/sign-in?next=/operator")
    finally:
        portal.stop()


def test_a_changed_lifetime_reaches_topics_that_exist_already(kafka, topics):
    bootstrap = kafka["bootstrap"]
    check_ms = (asyncio.run(lifetimes.survey(bootstrap, topics))[0].bound_ms
                - privacy.RAW.worst_case_ms(0))      # the broker's retention check interval
    shorter = Topics(topics.prefix, raw_lifetime=SHORT, redacted_lifetime=SHORT)
    assert ensure_topics(bootstrap, shorter) == []   # nothing created: all exist
    deadline = time.monotonic() + 30
    while True:
        states = {s.topic: s.bound_ms for s in asyncio.run(lifetimes.survey(bootstrap, topics))}
        want = SHORT.worst_case_ms(check_ms)
        if states[topics.raw] == states[topics.redacted] == want or time.monotonic() > deadline:
            break
        time.sleep(0.5)
    assert (states[topics.raw], states[topics.dead_letter], states[topics.redacted]) == (want, want, want)
