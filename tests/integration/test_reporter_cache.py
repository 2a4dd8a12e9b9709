"""The reporter reads its topics once: on a real broker, a restarted reader shows what it read
before from its local cache at once, and reads from the broker only what came after."""
from __future__ import annotations

import time

import pytest

from services.contracts import events
from services.reporter.audit import AuditTrail
from services.reporter.consumer import Cache, TopicReader, reader
from services.reporter.releases import ReleaseBook
from services.reporter.reporting import WipeLedger
from tests.support.kafka import produce
from tests.unit.test_reporter_api import cell

pytestmark = pytest.mark.kafka


def release(rid: str) -> list[bytes]:
    return [events.encode(events.ReleaseCell, cell(rid, i, 2, 10 + i)) for i in range(2)]


def running(topic_reader: TopicReader, timeout: float = 60) -> TopicReader:
    deadline = time.monotonic() + timeout
    while not topic_reader.running:
        assert time.monotonic() < deadline, "the reader did not catch up"
        time.sleep(0.1)
    return topic_reader


def stopped(topic_reader: TopicReader, timeout: float = 30) -> None:
    topic_reader.stop()
    deadline = time.monotonic() + timeout
    while topic_reader.running:
        assert time.monotonic() < deadline, "the reader did not stop"
        time.sleep(0.1)


def read_into(kafka, topics, path):
    book, trail, wipes = ReleaseBook(), AuditTrail(), WipeLedger()
    topic_reader = reader(kafka["bootstrap"], topics, book, trail, wipes, Cache(path))
    return topic_reader, book, trail


def test_a_restarted_reader_shows_the_cache_at_once_and_reads_only_what_came_after(kafka, topics, tmp_path):
    cache_file = tmp_path / "reporter" / "topics.sqlite"
    produce(kafka["bootstrap"], topics.releases, release("20261201-aaaa0001") + [b"not json"])
    produce(kafka["bootstrap"], topics.audit, [events.encode(events.AuditEvent, {
        "schema_version": 1, "event_id": events.new_event_id(), "at": "2026-12-01T10:00:00+00:00",
        "action": "release_requested", "actor": "token:0123456789ab", "role": "admin",
        "release_id": "20261201-aaaa0001", "detail": None})])
    first, book, trail = read_into(kafka, topics, cache_file)
    running(first.replay().start())
    assert book.ids() == ["20261201-aaaa0001"] and len(trail.entries()) == 1
    stopped(first)   # it reads nothing more

    produce(kafka["bootstrap"], topics.releases, release("20261202-bbbb0002"))
    second, book, trail = read_into(kafka, topics, cache_file)
    second.replay()   # before any broker answers: the cache alone
    assert book.ids() == ["20261201-aaaa0001"] and len(trail.entries()) == 1
    from_broker = []   # what the restarted reader reads from the broker
    decode, _ = second._sinks[topics.releases]
    second._sinks[topics.releases] = (decode, lambda c: (from_broker.append(c), book.add(c)))
    running(second.start())
    deadline = time.monotonic() + 30
    while len(book.ids()) < 2 and time.monotonic() < deadline:
        time.sleep(0.1)
    stopped(second)
    assert book.ids() == ["20261201-aaaa0001", "20261202-bbbb0002"]
    assert [c.release_id for c in from_broker] == ["20261202-bbbb0002"] * 2   # nothing read twice


def test_a_reader_without_a_writable_place_reads_from_memory(kafka, topics, tmp_path):
    blocked = tmp_path / "file"
    blocked.write_text("not a folder")
    produce(kafka["bootstrap"], topics.releases, release("20261201-cccc0003"))
    topic_reader, book, _ = read_into(kafka, topics, blocked / "topics.sqlite")
    running(topic_reader.replay().start())
    stopped(topic_reader)
    assert book.ids() == ["20261201-cccc0003"]
