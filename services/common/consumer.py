"""A FastStream service's settings from the environment and its broker, which only publishes
acknowledged. What else every consumer shares has a module of its own, named here so that
services import one place: dead-lettering (dead_letter.py), how subscribers read and retry
(subscribing.py), the health route and server (serving.py)."""
from __future__ import annotations

import logging
import os
from datetime import date, datetime, time, timezone
from dataclasses import dataclass

from faststream.kafka import KafkaBroker

from services.common.dead_letter import (  # noqa: F401  (the services' one import)
    dead_letter, decode_or_dead_letter, decoded, error_class_of, event_id_of)
from services.common.kafka_client import broker_options
from services.common.settings import number
from services.common.serving import asgi, serve  # noqa: F401
from services.common.subscribing import raw_records, retry_on_failure, robust, undecoded  # noqa: F401
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
            health_port=number(env, f"{prefix}_HEALTH_PORT", default_port, int),
            state_dir=env.get(f"{prefix}_STATE_DIR", os.path.join(".state", service)),
            keys_dir=env.get("RAW_KEYS_DIR", ".keys"),
        )


def today_ms() -> int:
    """Record timestamps downstream of the redactor: midnight UTC, nothing finer than the day."""
    return int(datetime.combine(date.today(), time.min, tzinfo=timezone.utc).timestamp() * 1000)


def make_broker(settings: ConsumerSettings) -> KafkaBroker:
    # A list: FastStream hands a single string to aiokafka as one host, commas and all.
    return KafkaBroker(settings.kafka_bootstrap.split(","), acks="all", enable_idempotence=True, **broker_options(),
                       logger=logging.getLogger("faststream"))
