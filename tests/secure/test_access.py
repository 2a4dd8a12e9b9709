"""Every principal, on a secured broker, can do exactly what services/contracts/access.py grants:
each granted Read, Write and Delete works, and every other one is refused by the broker with an
authorisation error."""
from __future__ import annotations

import asyncio

import pytest
from aiokafka import AIOKafkaConsumer, AIOKafkaProducer, TopicPartition
from aiokafka.admin import AIOKafkaAdminClient
from aiokafka.errors import (GroupAuthorizationFailedError, KafkaError, TopicAuthorizationFailedError,
                             for_code)
from aiokafka.protocol.admin import DeleteRecordsRequest
from aiokafka.protocol.metadata import MetadataRequest

from deploy.kafka.secure import ADMIN
from services.contracts import access
from services.contracts.access import DELETE, READ, TOPIC_ROLES, WRITE

pytestmark = pytest.mark.secure_kafka
OK, REFUSED = "ok", "refused"


def _outcome(exc: BaseException | None) -> str:
    if exc is None:
        return OK
    return REFUSED if isinstance(exc, TopicAuthorizationFailedError) else type(exc).__name__


async def _read(options: dict, bootstrap: str, topic: str) -> str:
    consumer = AIOKafkaConsumer(bootstrap_servers=bootstrap, group_id=None, enable_auto_commit=False,
                                request_timeout_ms=10000, **options)
    await consumer.start()
    try:   # a principal without even Describe is refused the topic's metadata by the broker
        response = await consumer._client.send(consumer._client.get_random_node(), MetadataRequest([topic], False))
        if response.topics[0][0]:
            return _outcome(for_code(response.topics[0][0])())
        tp = TopicPartition(topic, 0)
        consumer.assign([tp])
        await consumer.seek_to_beginning(tp)
        records = (await consumer.getmany(tp, timeout_ms=5000)).get(tp, [])
        return OK if records else "nothing read"
    except KafkaError as exc:
        return _outcome(exc)
    finally:
        await consumer.stop()


async def _delete(options: dict, bootstrap: str, topic: str) -> str:
    """DeleteRecords sent to the broker itself, so a topic the principal may not even see gets
    the broker's answer rather than the client's 'unknown partition'."""
    admin = AIOKafkaAdminClient(bootstrap_servers=bootstrap, **options)
    await admin.start()
    try:
        response = await admin._client.send(admin._client.get_random_node(),
                                            DeleteRecordsRequest([(topic, [(0, 1)])], 10000))
        codes = [p[2] for _, partitions, *_ in response.topics for p in partitions]
        return _outcome(for_code(codes[0])() if codes[0] else None)
    finally:
        await admin.close()


async def _write(producer: AIOKafkaProducer, topic: str) -> str:
    try:
        # keyed: the compacted public-keys topic refuses records without a key
        await producer.send_and_wait(topic, b'{"synthetic": true}', key=b"synthetic", partition=0)
        return OK
    except KafkaError as exc:
        return _outcome(exc)


async def _try_everything(kafka, topics) -> dict:
    names = {role: getattr(topics, role) for role in TOPIC_ROLES}
    admin = AIOKafkaProducer(bootstrap_servers=kafka.bootstrap, acks="all", **kafka.setup.client_options(ADMIN))
    await admin.start()
    try:   # one record on partition 0 of every topic, for the reads and deletes to find
        for name in names.values():
            await admin.send_and_wait(name, b'{"synthetic": true}', key=b"synthetic", partition=0)
            await admin.send_and_wait(name, b'{"synthetic": true}', key=b"synthetic", partition=0)
    finally:
        await admin.stop()
    seen = {}
    for principal in access.PRINCIPALS:
        options = kafka.setup.client_options(principal)
        for role, name in names.items():
            seen[(principal, role, READ)] = await _read(options, kafka.bootstrap, name)
        producer = AIOKafkaProducer(bootstrap_servers=kafka.bootstrap, acks="all", request_timeout_ms=10000,
                                    **options)
        await producer.start()
        try:
            for role, name in names.items():
                seen[(principal, role, WRITE)] = await _write(producer, name)
        finally:
            await producer.stop()
    for principal in access.PRINCIPALS:   # deletes last, so every read above had a record
        options = kafka.setup.client_options(principal)
        for role, name in names.items():
            seen[(principal, role, DELETE)] = await _delete(options, kafka.bootstrap, name)
    return seen


def test_each_principal_may_do_exactly_what_the_access_table_grants(secure_kafka):
    topics = secure_kafka.topics()
    seen = asyncio.run(_try_everything(secure_kafka, topics))
    expected = {(p, role, op): OK if op in access.allowed(p, role) else REFUSED
                for p in access.PRINCIPALS for role in TOPIC_ROLES for op in (READ, WRITE, DELETE)}
    assert seen == expected
    # the cases the issue names, spelled out
    assert seen[("reporter", "raw", READ)] == REFUSED
    assert seen[("intake", "releases", WRITE)] == REFUSED
    assert seen[("external-reader", "releases", DELETE)] == REFUSED
    assert seen[("external-reader", "releases", READ)] == OK
    assert sum(v == REFUSED for v in seen.values()) == sum(len(access.forbidden(p)) for p in access.PRINCIPALS)


async def _group_read(kafka, principal: str, topic: str, group: str) -> str:
    consumer = AIOKafkaConsumer(topic, bootstrap_servers=kafka.bootstrap, group_id=group,
                                auto_offset_reset="earliest", request_timeout_ms=10000,
                                **kafka.setup.client_options(principal))
    try:
        await consumer.start()
        records = await consumer.getmany(timeout_ms=8000)
        return OK if records else "nothing read"
    except GroupAuthorizationFailedError:
        return REFUSED
    finally:
        await consumer.stop()


def test_consumer_groups_are_refused_unless_granted(secure_kafka):
    topics = secure_kafka.topics()

    async def run():
        producer = AIOKafkaProducer(bootstrap_servers=secure_kafka.bootstrap, acks="all",
                                    **secure_kafka.setup.client_options("aggregator"))
        await producer.start()
        await producer.send_and_wait(topics.releases, b'{"synthetic": true}')
        await producer.stop()
        return (await _group_read(secure_kafka, "external-reader", topics.releases, "external-dashboard"),
                await _group_read(secure_kafka, "external-reader", topics.releases, "aggregator"),
                await _group_read(secure_kafka, "reporter", topics.releases, "external-dashboard"))

    assert asyncio.run(run()) == (OK, REFUSED, REFUSED)


def test_a_wrong_password_is_refused(secure_kafka, tmp_path):
    from aiokafka.errors import KafkaConnectionError

    from services.common.kafka_client import client_options

    wrong = tmp_path / "wrong.password"
    wrong.write_text("not-the-password")
    options = client_options({**secure_kafka.setup.env("intake"), "KAFKA_SASL_PASSWORD_FILE": str(wrong)})

    async def run():
        producer = AIOKafkaProducer(bootstrap_servers=secure_kafka.bootstrap, request_timeout_ms=5000, **options)
        try:
            await producer.start()
        finally:
            await producer.stop()

    with pytest.raises(KafkaConnectionError):
        asyncio.run(run())
