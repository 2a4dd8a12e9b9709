"""Redactor: raw events in, redacted events out. Commits only after the redacted event is
acknowledged; a message that can never be redacted is dead-lettered with its id only."""
from __future__ import annotations

import asyncio
import base64
import json
from pathlib import Path

from faststream import AckPolicy
from faststream.kafka import KafkaMessage
from marshmallow import ValidationError

from services.common import consumer, logs, sealing
from services.common.kafka import RecordPurger
from services.contracts import events
from services.contracts.questionnaire import load

from . import redaction

GROUP = "redactor"


def redacted_event(raw: bytes, analyse: redaction.Analyser, keys: dict) -> bytes:
    """A sealed raw event's bytes to a redacted event's bytes. Raises ValueError,
    ValidationError or LookupError for a message that can never be redacted."""
    envelope = events.decode(events.SealedRaw, raw)
    inner = sealing.unseal(keys, envelope["key_id"], base64.b64decode(envelope["sealed"], validate=True))
    report = events.decode(events.RawReport, inner)
    if report["event_id"] != envelope["event_id"]:
        raise ValueError("sealed event id differs from the envelope's")
    answers = redaction.redact_answers(report["answers"], load().text_fields, analyse)
    return events.encode(events.RedactedReport, {
        "schema_version": events.SCHEMA_VERSION, "event_id": report["event_id"],
        "month": report["month"], "answers": answers,
    })


def create_app(settings: consumer.ConsumerSettings | None = None, analyse=None):
    settings = settings or consumer.ConsumerSettings.from_env("redactor", 8002)
    if analyse is None:
        from . import engine  # Presidio and spaCy load once, here
        analyse = engine.analyser()
    keys = sealing.private_keys(Path(settings.keys_dir))
    broker = consumer.make_broker(settings)
    topics = settings.topics
    purger = RecordPurger(settings.kafka_bootstrap)

    async def done(msg: KafkaMessage) -> None:
        """Commit, then delete the raw record at once: it is no longer needed anywhere."""
        await msg.ack()
        await purger.purge_through(topics.raw, msg.raw_message.partition, msg.raw_message.offset)

    @broker.subscriber(topics.raw, group_id=GROUP, auto_offset_reset="earliest",
                       ack_policy=AckPolicy.MANUAL, max_poll_records=20)
    @consumer.crash_on_failure
    async def handle(msg: KafkaMessage) -> None:
        raw = msg.body
        try:
            out = await asyncio.to_thread(redacted_event, raw, analyse, keys)
        except (ValueError, ValidationError, LookupError) as exc:
            await consumer.dead_letter(broker, topics, topics.raw, raw, exc)
            await done(msg)
            return
        event_id = json.loads(out)["event_id"]
        await broker.publish(out, topic=topics.redacted, key=event_id.encode(),
                             timestamp_ms=consumer.today_ms())
        await done(msg)

    return consumer.asgi(broker, on_shutdown=[purger.close]), settings


def main() -> None:
    logs.configure("redactor")
    app, settings = create_app()
    consumer.serve(app, settings.health_port)


if __name__ == "__main__":
    main()
