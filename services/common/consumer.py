"""What the FastStream services share: settings from the environment, a broker that only
publishes acknowledged, dead-lettering with ids and error classes only, and the health route."""
from __future__ import annotations

import functools
import json
import logging
import os
from datetime import date, datetime, time, timezone
from dataclasses import dataclass

from faststream.asgi import AsgiFastStream, make_ping_asgi
from faststream.kafka import KafkaBroker
from marshmallow import ValidationError

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


def event_id_of(raw: bytes) -> str | None:
    """The event id of a message, if one can be read, without keeping anything else."""
    try:
        value = json.loads(raw).get("event_id")
        return value if isinstance(value, str) and len(value) <= 64 else None
    except (ValueError, AttributeError):
        return None


async def dead_letter(broker: KafkaBroker, topics: Topics, source_topic: str, raw: bytes,
                      error: BaseException) -> None:
    """Send a message that can never be processed aside: its id and error class, nothing else."""
    event_id = event_id_of(raw)
    logging.getLogger("dead-letter").warning(
        "message dead-lettered", extra={"event_id": event_id, "error_class": type(error).__name__})
    await broker.publish(events.encode(events.DeadLetter, {
        "schema_version": events.SCHEMA_VERSION, "event_id": event_id,
        "source_topic": source_topic, "error_class": type(error).__name__,
    }), topic=topics.dead_letter)


async def decode_or_dead_letter(broker: KafkaBroker, topics: Topics, source_topic: str, schema,
                                msg) -> dict | None:
    """The message decoded with `schema`, or None once it has been dead-lettered and committed."""
    try:
        return events.decode(schema, msg.body)
    except (ValueError, ValidationError) as exc:
        await dead_letter(broker, topics, source_topic, msg.body, exc)
        await msg.ack()
        return None


def crash_on_failure(handler):
    """A failure a handler did not turn into a dead letter is transient (the broker, the disk):
    exit at once, before any later message is committed past this one, and let the supervisor
    restart the service from the last committed offset."""
    @functools.wraps(handler)
    async def wrapper(msg):
        try:
            return await handler(msg)
        except Exception as exc:
            logging.getLogger("consumer").critical(
                "transient failure: exiting to restart from the last commit",
                extra={"error_class": type(exc).__name__})
            os._exit(70)
    return wrapper


def asgi(broker: KafkaBroker, **kwargs) -> AsgiFastStream:
    return AsgiFastStream(broker, asgi_routes=[("/healthz", make_ping_asgi(broker, timeout=5.0))],
                          logger=logging.getLogger("faststream"), **kwargs)


def serve(app: AsgiFastStream, port: int) -> None:
    import uvicorn  # only the entry point needs a server

    uvicorn.run(app, host=os.environ.get("PORTAL_BIND_HOST", "127.0.0.1"), port=port, access_log=False, log_level="warning")
