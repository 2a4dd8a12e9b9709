"""What the FastStream services share: settings from the environment, a broker that only
publishes acknowledged, dead-lettering with ids and error classes only, and the health route."""
from __future__ import annotations

import asyncio
import contextlib
import dataclasses
import functools
import json
import logging
import os
from datetime import date, datetime, time, timezone
from dataclasses import dataclass

from faststream.asgi import AsgiFastStream, make_ping_asgi
from faststream.kafka import KafkaBroker

from services.common.kafka_client import broker_options
from services.contracts import events
from services.contracts.topics import DEFAULT_PREFIX, Topics


@dataclass(frozen=True)
class ConsumerSettings:
    kafka_bootstrap: str
    topics: Topics
    health_port: int
    state_dir: str
    keys_dir: str = ".keys"

    @classmethod
    def from_env(cls, service: str, default_port: int, env=os.environ) -> "ConsumerSettings":
        prefix = service.upper()
        return cls(
            kafka_bootstrap=env.get("KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:9092"),
            topics=Topics(env.get("PORTAL_TOPIC_PREFIX", DEFAULT_PREFIX)),
            health_port=int(env.get(f"{prefix}_HEALTH_PORT", default_port)),
            state_dir=env.get(f"{prefix}_STATE_DIR", os.path.join(".state", service)),
            keys_dir=env.get("RAW_KEYS_DIR", ".keys"),
        )


def today_ms() -> int:
    """Record timestamps downstream of the redactor: midnight UTC, nothing finer than the day."""
    return int(datetime.combine(date.today(), time.min, tzinfo=timezone.utc).timestamp() * 1000)


def make_broker(settings: ConsumerSettings) -> KafkaBroker:
    return KafkaBroker(settings.kafka_bootstrap, acks="all", enable_idempotence=True, **broker_options(),
                       logger=logging.getLogger("faststream"))


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


async def raw_records(record, original):
    """A parser for `broker.subscriber(parser=...)`: FastStream's own, given the record without
    its headers, which the portal never uses (a header that is not UTF-8, or null, would fail
    FastStream's parsing of the whole batch before any handler could dead-letter it)."""
    if isinstance(record, tuple):
        return await original(tuple(dataclasses.replace(r, headers=()) for r in record))
    return await original(dataclasses.replace(record, headers=()))


async def undecoded(msg, original):
    """A decoder for `broker.subscriber(decoder=...)`: the bytes as they came. Each handler
    decodes and validates every record itself, so one bad record (deeply nested JSON, say)
    cannot fail a whole batch before the handler runs."""
    return msg.body


def robust(**kwargs) -> dict:
    """The subscriber options every consumer of the portal uses."""
    return {"parser": raw_records, "decoder": undecoded, **kwargs}


def retry_on_failure(handler, max_backoff: float = 5.0):
    """A failure a handler did not turn into a dead letter is transient (the broker gone, the
    disk full): nothing of the message is committed, the consumer is rewound to it (nack), and
    after a pause it is read again, until it goes through. Handling is idempotent (event ids),
    so a repeat is harmless. The process never exits for it: it reconnects by itself."""
    failures = 0

    @functools.wraps(handler)
    async def wrapper(msg):
        nonlocal failures
        try:
            result = await handler(msg)
        except Exception as exc:
            failures += 1
            pause = min(max_backoff, 0.2 * 2 ** min(failures, 10))
            logging.getLogger("consumer").error(
                "transient failure: retrying from the last commit",
                extra={"error_class": type(exc).__name__, "retry_in_s": round(pause, 1)})
            await asyncio.sleep(pause)
            with contextlib.suppress(Exception):   # positions fall back to the last commit anyway
                await msg.nack()
            return None
        failures = 0
        return result
    return wrapper


def asgi(broker: KafkaBroker, **kwargs) -> AsgiFastStream:
    return AsgiFastStream(broker, asgi_routes=[("/healthz", make_ping_asgi(broker, timeout=5.0))],
                          logger=logging.getLogger("faststream"), **kwargs)


def serve(app: AsgiFastStream, port: int) -> None:
    import uvicorn  # only the entry point needs a server

    uvicorn.run(app, host=os.environ.get("PORTAL_BIND_HOST", "127.0.0.1"), port=port, access_log=False, log_level="warning")
