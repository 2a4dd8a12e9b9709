"""The blocking producer the Flask apps publish through (services/common/kafka.py:SyncProducer),
on the real broker: many threads sending at once each get their record acknowledged once and
in order, and no thread is held past the bound, whatever the client's loop or the broker does."""
from __future__ import annotations

import threading
import time
from collections import defaultdict

import pytest

from deploy.kafka.broker import free_port
from services.common.kafka import KafkaUnavailable, SyncProducer
from tests.support.kafka import read_all, read_records

pytestmark = pytest.mark.kafka
MARGIN_S = 2.5   # room for a loaded 2-core machine beyond the bound


def _run_senders(producer: SyncProducer, sender, threads: int = 16) -> None:
    """`sender(n)` on `threads` threads at once, then the producer closed."""
    running = [threading.Thread(target=sender, args=(n,)) for n in range(threads)]
    try:
        for t in running:
            t.start()
        for t in running:
            t.join()
    finally:
        producer.close()


def test_threads_sending_together_each_get_their_record_on_the_broker_once_and_in_order(kafka, topics):
    producer = SyncProducer(kafka["bootstrap"])
    sent: dict[str, list[bytes]] = defaultdict(list)
    failures: list[BaseException] = []

    def sender(n: int) -> None:
        key = f"sender-{n}"
        for i in range(40):
            value = f"{key} record {i}".encode()
            try:
                producer.send(topics.raw, value, key=key.encode())
            except BaseException as exc:   # noqa: BLE001 - collected and asserted below
                failures.append(exc)
                return
            sent[key].append(value)   # only once send returned: the broker has it

    _run_senders(producer, sender)

    assert failures == []
    records = read_records(kafka["bootstrap"], topics.raw)
    assert len(records) == 16 * 40
    on_broker: dict[str, list[bytes]] = defaultdict(list)
    for r in sorted(records, key=lambda r: (r.partition, r.offset)):
        on_broker[r.key.decode()].append(r.value)
    assert on_broker == sent   # every record once; one key's records in the order they were sent


def test_threads_sending_together_on_any_partition_each_get_their_record_on_its_topic_once(kafka, topics):
    """Any partition: records go to the client in batches (SyncProducer._send_batches), each
    thread released by its batch's acknowledgement; two topics sent at once are never mixed."""
    producer = SyncProducer(kafka["bootstrap"], any_partition=True)
    sent: dict[str, list[bytes]] = {topics.raw: [], topics.redacted: []}
    failures: list[BaseException] = []

    def sender(n: int) -> None:
        topic = topics.raw if n % 2 else topics.redacted
        for i in range(40):
            value = f"sender-{n} record {i}".encode()
            try:
                producer.send(topic, value, key=f"sender-{n}".encode())
            except BaseException as exc:   # noqa: BLE001 - collected and asserted below
                failures.append(exc)
                return
            sent[topic].append(value)   # only once send returned: the broker has it

    _run_senders(producer, sender)

    assert failures == []
    for topic in (topics.raw, topics.redacted):
        records = read_records(kafka["bootstrap"], topic)
        assert sorted(r.value for r in records) == sorted(sent[topic])   # every record once, on its own topic
        assert len(records) == 8 * 40
        assert all(r.key == r.value.split(b" ")[0] for r in records)     # with its own key


@pytest.mark.parametrize("any_partition", [False, True])   # True: the batches of SyncProducer._send_batches
def test_every_thread_waiting_on_a_broker_that_never_answers_is_released_with_kafka_unavailable(any_partition):
    producer = SyncProducer(f"127.0.0.1:{free_port()}", timeout=1.0, any_partition=any_partition)
    answers: list[tuple[str, float]] = []

    def sender() -> None:
        started = time.monotonic()
        try:
            producer.send("nowhere.raw.v1", b"a report", key=b"k")
            answers.append(("sent", time.monotonic() - started))
        except KafkaUnavailable:
            answers.append(("unavailable", time.monotonic() - started))

    threads = [threading.Thread(target=sender) for _ in range(8)]
    try:
        for t in threads:
            t.start()
        for t in threads:
            t.join(10)
    finally:
        producer.close()
    assert [a for a, _ in answers] == ["unavailable"] * 8
    assert max(s for _, s in answers) < 1.0 + MARGIN_S


@pytest.mark.parametrize("any_partition", [False, True])
def test_a_record_whose_thread_gave_up_is_never_sent_and_the_next_one_is(kafka, topics, any_partition):
    producer = SyncProducer(kafka["bootstrap"], timeout=4.0, any_partition=any_partition)
    try:
        producer.send(topics.raw, b"first", key=b"a")
        # The producer's loop stalls (as on a machine starved of CPU) past the sender's bound.
        started = time.monotonic()
        producer._loop.call_soon_threadsafe(time.sleep, 5.0)
        with pytest.raises(KafkaUnavailable):
            producer.send(topics.raw, b"given up", key=b"b")
        assert time.monotonic() - started < 4.0 + MARGIN_S
        # Sent while the loop still stalls: once it runs, this one goes out within its own bound.
        producer.send(topics.raw, b"third", key=b"c")
    finally:
        producer.close()
    assert sorted(read_all(kafka["bootstrap"], topics.raw)) == [b"first", b"third"]


@pytest.mark.parametrize("any_partition", [False, True])
def test_a_record_queued_as_its_client_is_dropped_goes_through_the_next_client(kafka, topics, any_partition):
    producer = SyncProducer(kafka["bootstrap"], timeout=4.0, any_partition=any_partition)
    answers: list[str] = []
    try:
        producer.send(topics.raw, b"first", key=b"a")
        client = producer._producer
        producer._loop.call_soon_threadsafe(time.sleep, 1.0)   # the loop stalls...
        sender = threading.Thread(target=lambda: (producer.send(topics.raw, b"second", key=b"b"),
                                                  answers.append("sent")))
        sender.start()
        while not producer._queue:   # ...while a record waits for the drain it woke,
            time.sleep(0.01)
        # and the client fails just after that drain is created, before it ever ran
        producer._loop.call_soon_threadsafe(producer._drop, client)
        sender.join(10)
    finally:
        producer.close()
    assert answers == ["sent"]
    assert sorted(read_all(kafka["bootstrap"], topics.raw)) == [b"first", b"second"]
