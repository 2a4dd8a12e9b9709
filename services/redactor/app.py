"""Redactor: raw events in, redacted events out. Commits only after the redacted event is
acknowledged; a message that can never be redacted is dead-lettered with its id only."""
from __future__ import annotations

import asyncio
import base64
import dataclasses
import json
import re
from pathlib import Path

from faststream import AckPolicy
from faststream.kafka import KafkaMessage
from marshmallow import ValidationError

from services.common import consumer, logs, sealing
from services.common.kafka import RecordPurger
from services.contracts import events
from services.contracts.topics import REDACTOR_GROUP
from services.contracts.questionnaire import load

from . import redaction
from .keys import KeyTender

GROUP = REDACTOR_GROUP
# Raw records redacted together: one pass of the model over all their texts, then one commit and
# one deletion of the raw records per partition. The model costs the same per report in batches
# of 20 or 64 (about 3.4 ms); the commit, the deletion and the produce requests cost per batch,
# so 64 spends about 7 per cent less of the redactor's CPU per report than 20 did, and less of the
# broker's (docs/benchmarks.md). A batch of 64 long narratives is redacted in well under a second.
BATCH = 64


def opened(raw: bytes, keys: dict) -> events.RawReportEvent:
    """A sealed raw event's report. Raises InvalidMessage for a message that can never be
    redacted (its error_class names why: UnknownKey, Unsealable, ValidationError...)."""
    envelope = events.decode(events.SealedRaw, raw)
    try:
        inner = sealing.unseal(keys, envelope.key_id, base64.b64decode(envelope.sealed, validate=True))
    except (ValueError, LookupError) as exc:   # bad base64, a destroyed key, tampered ciphertext
        raise events.InvalidMessage("cannot be unsealed") from exc
    report = events.decode(events.RawReport, inner)
    if report.event_id != envelope.event_id:
        raise events.InvalidMessage("sealed event id differs from the envelope's")
    return report


# A code point in the surrogate range is always a lone surrogate in a Python str (JSON's "\ud800"
# escape makes one): it cannot be encoded, so it becomes U+FFFD before anything reads the text.
LONE_SURROGATE = re.compile("[\ud800-\udfff]")


def _mendable(answers: dict, text_fields) -> dict:
    return {k: LONE_SURROGATE.sub("\ufffd", v) if k in text_fields and isinstance(v, str) else v
            for k, v in answers.items()}


def _redact_isolated(answers: list[dict], text_fields, analyse_many) -> list[dict | Exception]:
    """Every report's redacted answers in one pass of the model; should the pass fail, each
    report again on its own, so that only a report the pipeline cannot redact is set aside
    (it is never published unredacted)."""
    try:
        return list(redaction.redact_answers_many(answers, text_fields, analyse_many))
    except Exception:
        if len(answers) == 1:
            raise
    out: list[dict | Exception] = []
    for one in answers:
        try:
            out.append(redaction.redact_answers_many([one], text_fields, analyse_many)[0])
        except Exception as exc:
            out.append(exc)
    return out


def redacted_events(raws: list[bytes | None], analyse_many: redaction.BatchAnalyser, keys: dict) -> list[bytes | Exception]:
    """Each sealed raw event's redacted event, or the error that means it can never be
    redacted; the texts of the whole batch go through the model together."""
    text_fields = load().text_fields
    reports: list[events.RawReportEvent | Exception] = []
    for raw in raws:
        try:
            report = opened(raw, keys)
            reports.append(dataclasses.replace(report, answers=_mendable(report.answers, text_fields)))
        except events.InvalidMessage as exc:
            reports.append(exc)
    good = [r for r in reports if not isinstance(r, Exception)]
    try:
        answers = iter(_redact_isolated([r.answers for r in good], text_fields, analyse_many))
    except Exception as exc:   # the only report of the batch cannot be redacted
        answers = iter([exc])
    out: list[bytes | Exception] = []
    for r in reports:
        if isinstance(r, Exception):
            out.append(r)
            continue
        redacted = next(answers)
        if isinstance(redacted, Exception):
            out.append(redacted)
            continue
        try:   # cannot fail for what the intake accepts (REDACTED_TEXT_ROOM); a dead letter if it did
            out.append(events.encode(events.RedactedReport, {
                "schema_version": events.SCHEMA_VERSION, "event_id": r.event_id, "month": r.month,
                "answers": redacted}))
        except ValidationError as exc:
            out.append(exc)
    return out


async def redact_batch(msg: KafkaMessage, broker, topics, purger: RecordPurger, analyse_many,
                       keys: dict) -> None:
    """A batch: redacted in a worker thread (the event loop keeps the group's heartbeat), every
    result acknowledged by the broker, then the batch committed, then its raw records deleted at
    once: they are no longer needed anywhere."""
    records = msg.raw_message
    outs = await asyncio.to_thread(redacted_events, [r.value for r in records], analyse_many, keys)
    pending = []   # every redacted event in flight at once, each acknowledged before the commit
    for record, out in zip(records, outs):
        if isinstance(out, Exception):
            await consumer.dead_letter(broker, topics, topics.raw, record.value, out, record.partition, record.offset)
        else:
            pending.append(await broker.publish(
                out, topic=topics.redacted, key=json.loads(out)["event_id"].encode(),
                timestamp_ms=consumer.today_ms(), no_confirm=True))
    await asyncio.gather(*pending)
    await msg.ack()
    last: dict[int, int] = {}
    for record in records:
        last[record.partition] = max(record.offset, last.get(record.partition, -1))
    for partition, offset in sorted(last.items()):
        await purger.purge_through(topics.raw, partition, offset)


def create_app(settings: consumer.ConsumerSettings | None = None, analyse_many=None):
    settings = settings or consumer.ConsumerSettings.from_env("redactor", 8002)
    if analyse_many is None:
        from . import engine  # Presidio and spaCy load once, here
        analyse_many = engine.Engine().analyse_many
    broker = consumer.make_broker(settings)
    purger = RecordPurger(settings.kafka_bootstrap)
    tender = KeyTender(settings.kafka_bootstrap, settings.topics, Path(settings.keys_dir))

    @broker.subscriber(settings.topics.raw, **consumer.robust(
        group_id=GROUP, auto_offset_reset="earliest", ack_policy=AckPolicy.MANUAL, batch=True, max_records=BATCH))
    @consumer.retry_on_failure
    async def handle(msg: KafkaMessage) -> None:
        await redact_batch(msg, broker, settings.topics, purger, analyse_many, tender.ring.keys)

    async def purge_committed() -> None:
        await purger.purge_committed(GROUP, settings.topics.raw)

    return consumer.asgi(broker, on_startup=[tender.start], after_startup=[purge_committed],
                         on_shutdown=[tender.stop, purger.close]), settings


def main() -> None:
    logs.configure("redactor")
    app, settings = create_app()
    consumer.serve(app, settings.health_port)


if __name__ == "__main__":
    main()
