"""SyncProducer on any partition (services/common/kafka.py:SyncProducer._send_batches), against a
fake client: the records queued go to the client as batches, one topic per batch, a full batch
leaving the rest for the next; each batch's one acknowledgement releases exactly its records'
threads, and a failed batch fails exactly its own; a record whose thread gave up is not sent; a
drain that is running is not woken again by the records queued meanwhile. The real broker's
side: tests/integration/test_sync_producer.py."""
from __future__ import annotations

import asyncio
import threading
import time

import pytest
from aiokafka.errors import KafkaTimeoutError

from services.common import kafka
from services.common.kafka import KafkaUnavailable, SyncProducer, _Waiting


class FakeBuilder:
    def __init__(self, capacity: int):
        self.capacity, self.records, self.closed = capacity, [], False

    def append(self, *, timestamp, key, value):
        if self.closed or (self.records and len(self.records) >= self.capacity):
            return None
        self.records.append(value)
        return object()

    def close(self):
        self.closed = True


class FakeCluster:
    @staticmethod
    def available_partitions_for_topic(topic):
        return {2, 0, 1}


class FakeClient:
    cluster = FakeCluster()


class FakeAiokafka:
    """What _send_batches uses of AIOKafkaProducer; each batch answered as `answer` says."""
    client = FakeClient()

    def __init__(self, capacity: int = 3, answer=None):
        self.capacity, self.answer = capacity, answer or (lambda topic, values: None)
        self.batches: list[tuple[str, int, list[bytes], bool]] = []

    def create_batch(self):
        return FakeBuilder(self.capacity)

    async def partitions_for(self, topic):
        return {0, 1, 2}

    async def send_batch(self, builder, topic, *, partition):
        self.batches.append((topic, partition, list(builder.records), builder.closed))
        acked = asyncio.get_running_loop().create_future()
        error = self.answer(topic, builder.records)
        if error is None:
            acked.set_result(None)
        else:
            acked.set_exception(error)
        return acked

    async def stop(self):
        pass


@pytest.fixture
def producer():
    p = SyncProducer("127.0.0.1:1", timeout=5.0, any_partition=True)
    yield p
    p.close()


def queue_together(p: SyncProducer, fake: FakeAiokafka, records: list[tuple[str, bytes]],
                   abandoned: tuple[int, ...] = ()) -> list[_Waiting]:
    """Queue records as threads would, all before the loop looks, and their linger already over."""
    p._loop.call_soon_threadsafe(setattr, p, "_producer", fake)
    waiting = []
    for i, (topic, value) in enumerate(records):
        w = _Waiting(topic, value, key=b"k")
        w.at, w.abandoned = 0.0, i in abandoned
        waiting.append(w)
    p._queue.extend(waiting)
    p._loop.call_soon_threadsafe(p._wake)
    for w in waiting:
        assert w.lock.acquire(timeout=5)
    return waiting


def test_queued_records_go_as_batches_of_one_topic_each_a_full_batch_leaving_the_rest(producer):
    fake = FakeAiokafka(capacity=3)
    records = [("a", b"a1"), ("a", b"a2"), ("a", b"a3"), ("a", b"a4"), ("b", b"b1"), ("b", b"b2"), ("a", b"a5")]
    waiting = queue_together(producer, fake, records)
    assert [(t, v, closed) for t, _, v, closed in fake.batches] == [
        ("a", [b"a1", b"a2", b"a3"], True), ("a", [b"a4"], True), ("b", [b"b1", b"b2"], True), ("a", [b"a5"], True)]
    assert all(p in (0, 1, 2) for _, p, _, _ in fake.batches)
    assert [(w.settled, w.error) for w in waiting] == [(True, None)] * 7


def test_a_failed_batch_fails_exactly_its_own_records(producer):
    fake = FakeAiokafka(capacity=2, answer=lambda topic, values: KafkaTimeoutError() if b"x2" in values else None)
    waiting = queue_together(producer, fake, [("t", b"x1"), ("t", b"x2"), ("t", b"x3")])
    assert [v for _, _, v, _ in fake.batches][0] == [b"x1", b"x2"]
    assert [type(w.error).__name__ for w in waiting[:2]] == ["KafkaTimeoutError", "KafkaTimeoutError"]


def test_a_record_whose_thread_gave_up_is_not_sent_and_the_others_are(producer):
    fake = FakeAiokafka(capacity=10)
    waiting = queue_together(producer, fake, [("t", b"r1"), ("t", b"gave up"), ("t", b"r3")], abandoned=(1,))
    assert [v for _, _, v, _ in fake.batches] == [[b"r1", b"r3"]]
    assert [w.error is None for w in waiting] == [True, False, True]
    assert isinstance(waiting[1].error, asyncio.TimeoutError)


def test_records_sent_within_the_linger_travel_together_and_do_not_wake_the_running_drain(producer, monkeypatch):
    monkeypatch.setattr(kafka, "LINGER_MS", 1000)   # the first record's drain lingers while the others queue
    fake = FakeAiokafka(capacity=100)
    producer._loop.call_soon_threadsafe(setattr, producer, "_producer", fake)
    wakes = []
    wake = producer._wake
    producer._wake = lambda: (wakes.append(1), wake())
    answers = []

    def send(i: int) -> None:
        producer.send("t", f"r{i}".encode(), key=b"k")
        answers.append(i)

    threads = [threading.Thread(target=send, args=(i,)) for i in range(8)]
    for t in threads:
        t.start()
    while len(producer._queue) < 8 and not fake.batches:
        time.sleep(0.01)
    for t in threads:
        t.join(5)
    assert sorted(answers) == list(range(8))
    assert [sorted(v) for _, _, v, _ in fake.batches] == [sorted(f"r{i}".encode() for i in range(8))]
    assert len(wakes) == 1


def test_a_thread_whose_batch_failed_gets_kafka_unavailable(producer):
    fake = FakeAiokafka(answer=lambda topic, values: KafkaTimeoutError())
    producer._loop.call_soon_threadsafe(setattr, producer, "_producer", fake)
    with pytest.raises(KafkaUnavailable, match="KafkaTimeoutError"):
        producer.send("t", b"r", key=b"k")
