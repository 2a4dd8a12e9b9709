"""Messages that can never be processed: decoded or named (`events.InvalidMessage`), and sent
aside to the dead-letter topic with their id, where they were and the error class, nothing else."""
from __future__ import annotations

import json
import logging

from faststream.kafka import KafkaBroker

from services.contracts import events
from services.contracts.topics import Topics


def event_id_of(raw: bytes | None) -> str | None:
    """The event id of a message, if one can be read, without keeping anything else. Never
    raises, whatever the record holds."""
    try:
        value = json.loads(raw).get("event_id")
        return value if isinstance(value, str) and len(value) <= 64 else None
    except Exception:
        return None


async def dead_letter(broker: KafkaBroker, topics: Topics, source_topic: str, raw: bytes | None,
                      error: BaseException, partition: int | None = None, offset: int | None = None) -> None:
    """Send a message that can never be processed aside: its id, where it was and the error
    class, nothing else."""
    event_id, error_class = event_id_of(raw), error_class_of(error)
    logging.getLogger("dead-letter").warning(
        "message dead-lettered", extra={"event_id": event_id, "error_class": error_class,
                                        "topic": source_topic, "partition": partition, "offset": offset})
    await broker.publish(events.encode(events.DeadLetter, {
        "schema_version": events.SCHEMA_VERSION, "event_id": event_id,
        "source_topic": source_topic, "partition": partition, "offset": offset,
        "error_class": error_class,
    }), topic=topics.dead_letter)


def error_class_of(error: BaseException) -> str:
    """What a dead letter says of its error: for an InvalidMessage, what made it invalid."""
    return error.error_class if isinstance(error, events.InvalidMessage) else type(error).__name__


def decoded(schema, record) -> events.Event | events.InvalidMessage:
    """A record's value decoded and validated with `schema`, or the InvalidMessage that makes
    it a dead letter (a tombstone, bad JSON, JSON too deep, a wrong shape)."""
    try:
        return events.decode(schema, record.value)
    except events.InvalidMessage as exc:
        return exc


async def decode_or_dead_letter(broker: KafkaBroker, topics: Topics, source_topic: str, schema,
                                msg) -> events.Event | None:
    """The message decoded with `schema`, or None once it has been dead-lettered and committed."""
    record = msg.raw_message
    out = decoded(schema, record)
    if isinstance(out, events.InvalidMessage):
        await dead_letter(broker, topics, source_topic, record.value, out, record.partition, record.offset)
        await msg.ack()
        return None
    return out
