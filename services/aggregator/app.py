"""Aggregator: codes the themes of each redacted report, counts it once, and cuts
disclosure-controlled releases on command. Narratives are never stored: only codes reach the
counts."""
from __future__ import annotations

import asyncio
import contextlib
import logging
import os
import time
from datetime import date

from faststream import AckPolicy
from faststream.kafka import KafkaMessage

from aiokafka import TopicPartition
from aiokafka.errors import CommitFailedError

from services.common import consumer, logs
from services.common.kafka import committed_and_ends, delete_before
from services.contracts import events
from services.contracts.topics import AGGREGATOR_GROUP, REDACTOR_GROUP

from . import counting, release, schedule
from .coding import Coder, default_coder, help_coder
from .settings import AggregatorSettings
from .state import Store

log = logging.getLogger("aggregator")
GROUP = AGGREGATOR_GROUP
COUNT_BATCH = 500   # redacted records counted per transaction (one fsync)


def create_app(settings: consumer.ConsumerSettings | None = None, aggregator: AggregatorSettings | None = None,
               coder: Coder | None = None, helps: Coder | None = None):
    settings = settings or consumer.ConsumerSettings.from_env("aggregator", 8003)
    aggregator = aggregator or AggregatorSettings.from_env()
    policy = aggregator.policy
    if coder is None:     # the trained coders, loaded once (a coder passed in comes with its own helps, or none)
        coder, helps = default_coder(), helps or help_coder()
    # issue 18: the one store setting (a PostgreSQL URL shared by several aggregators), else the SQLite file
    store = Store(aggregator.store_url or os.path.join(settings.state_dir, "aggregator.sqlite3"))
    broker = consumer.make_broker(settings)
    topics = settings.topics

    # Reading a narrative takes the theme coder a tenth of a CPU second or so: coding runs off the
    # event loop and the session is longer, so a busy machine's slow coding does not look like a
    # dead member.
    @broker.subscriber(topics.redacted, **consumer.robust(group_id=GROUP, auto_offset_reset="earliest",
                       ack_policy=AckPolicy.MANUAL, batch=True, max_records=COUNT_BATCH,
                       session_timeout_ms=45000, heartbeat_interval_ms=3000))
    @consumer.retry_on_failure
    async def on_reports(msg: KafkaMessage) -> None:
        """A batch: each record decoded and validated on its own (a bad one is dead-lettered),
        the good ones coded and counted in one transaction, then the batch committed."""
        decoded, passed = [], []
        for record in msg.raw_message:
            position = (record.partition, record.offset)
            report = consumer.decoded(events.RedactedReport, record)
            if isinstance(report, Exception):
                await consumer.dead_letter(broker, topics, topics.redacted, record.value, report, *position)
                passed.append(position)   # a wipe covers dead-lettered records too
                continue
            decoded.append((report, position))

        def coded() -> list:   # the text stops here
            return [(report.event_id, counting.report_cells(report.answers, report.month, coder, helps=helps),
                     position) for report, position in decoded]
        store.count_many(await asyncio.to_thread(coded), passed)   # a redelivered report is skipped
        try:
            await msg.ack()
        except CommitFailedError:
            # A rebalance (a member joining) took the partition while the batch was being read:
            # it is counted, and is skipped as already counted when it is delivered again.
            log.warning("offset commit lost to a rebalance; the records will be redelivered and skipped")

    @broker.subscriber(topics.commands, **consumer.robust(group_id=GROUP, auto_offset_reset="earliest",
                       ack_policy=AckPolicy.MANUAL))
    @consumer.retry_on_failure
    async def on_command(msg: KafkaMessage) -> None:
        command = await consumer.decode_or_dead_letter(broker, topics, topics.commands, events.Command, msg)
        if command is None:
            return
        if command.kind == "wipe":
            await wipe(command)
        else:
            await publish_release(command.release_id)
        await msg.ack()

    async def wipe(command: events.CommandEvent) -> None:
        """Purge the individual-level records a release covered: the redacted topic up to the
        positions the release was cut at, and upstream the raw records the redactor has
        finished with and the dead letters. Confirm on the wipes topic (no offsets, no counts)."""
        release_id = command.release_id
        marks = store.watermark(release_id)
        purged, left = [], 0
        if marks is not None:
            targets = {TopicPartition(topics.redacted, p): o for p, o in marks.items()}
            redactor_done, _ = await committed_and_ends(settings.kafka_bootstrap, REDACTOR_GROUP, topics.raw)
            _, letters = await committed_and_ends(settings.kafka_bootstrap, AGGREGATOR_GROUP, topics.dead_letter)
            left = await delete_before(settings.kafka_bootstrap, targets)
            await delete_before(settings.kafka_bootstrap, {**redactor_done, **letters})
            purged = [topics.redacted, topics.raw, topics.dead_letter]
        if marks is not None and left == 0:   # issue 18: the ids this wipe made safe to forget, later
            store.mark_wiped(release_id)
            store.prune()
        outcome = {"schema_version": events.SCHEMA_VERSION, "command_id": command.command_id,
                   "release_id": release_id, "status": "unknown_release" if marks is None else
                   "wiped" if left == 0 else "incomplete",
                   "topics_purged": purged, "wiped_on": date.today()}
        await broker.publish(events.encode(events.WipeOutcome, outcome), topic=topics.wipes,
                             key=release_id.encode(), timestamp_ms=consumer.today_ms())
        log.warning("wipe " + outcome["status"], extra={"release_id": release_id})

    cutting = asyncio.Lock()   # one cut at a time: each audits every release cut before it
    # ...and across every aggregator sharing the store (issue 18): store.exclusive() below

    async def publish_release(release_id: str, until: str | None = None, requested: bool = True) -> None:
        """Cut (once) and publish a release. Asking again for the same id republishes the same
        cells; a refused release stays refused, and only its refusal (the rule, no count) is
        published, so the steering group sees why."""
        async with cutting, store.exclusive():
            if not requested and (store.is_published(release_id) or store.refusal(release_id) is not None):
                return   # another instance sharing the store has published it (or its refusal) already
            await _cut_and_publish(release_id, until, requested)

    async def _cut_and_publish(release_id: str, until: str | None, requested: bool) -> None:
        cells, reason = await _cut_once(release_id, until, requested)
        if reason is not None:
            refusal = {"schema_version": events.SCHEMA_VERSION, "release_id": release_id, "status": events.REFUSED,
                       "reason": reason, "refused_on": date.today(), "method_version": release.method_version(policy)}
            await broker.publish(events.encode(events.ReleaseRefusal, refusal), topic=topics.releases,
                                 key=release_id.encode(), timestamp_ms=consumer.today_ms())
            log.warning("release refused: " + reason, extra={"release_id": release_id})
            return
        pending = [await broker.publish(events.encode(events.ReleaseCell, cell), topic=topics.releases,
                                        key=release_id.encode(), timestamp_ms=consumer.today_ms(),
                                        no_confirm=True) for cell in cells]
        await asyncio.gather(*pending)
        store.mark_published(release_id)
        log.info("release published", extra={"release_id": release_id})

    async def _cut_once(release_id: str, until: str | None, requested: bool) -> tuple[list[dict] | None, str | None]:
        """(cells, None), or (None, the refusal's reason). A requested release needs enough new
        reports since the last one; any release must pass the audit and be worth reading. A new
        cut or refusal is ready only a whole number of delay steps after the request."""
        cells, refused = store.release(release_id), store.refusal(release_id)
        if refused is not None:
            return None, refused.get("reason", release.AUDIT_FAILED)
        if cells is not None:
            return cells, None
        counts, months, positions, keys, reports = store.cut_state()   # one snapshot, whoever else is counting
        began = time.monotonic()
        reason = release.too_few_new(reports, store.reports_at_last_release(), policy) if requested else None
        failures: dict[str, int] = {}
        cut = None
        if reason is None:
            try:   # the audit takes seconds: off the event loop, so the consumer keeps its heartbeat
                cut = await asyncio.to_thread(release.cut, counts, months, release_id, date.today(), policy,
                                              store.records(), until, cell_keys=keys)
                reason = release.verdict(cut)
            except release.ReleaseRefused as refusal:
                reason, failures = release.AUDIT_FAILED, dict(refusal.failures)
        await _pad(began)
        if reason is not None:
            store.save_refusal(release_id, {"reason": reason, "failures": failures})
            return None, reason
        return store.save_release(release_id, cut.cells, cut.record, positions, reports), None   # the cells stored

    async def _pad(began: float) -> None:
        """Cutting takes longer the more suppression the data needs: wait so that the release
        (or its refusal) appears a whole number of steps after the request, whatever the data."""
        await asyncio.sleep(schedule.padded(time.monotonic() - began, aggregator.release_delay_seconds))

    async def scheduled() -> None:
        """Cut and publish the release of the latest complete period once it is due, unless no
        report was made in that period; a restart finishes publishing one that was cut but not
        yet fully acknowledged."""
        while True:
            due = schedule.due(aggregator.schedule, date.today())
            if due and not store.is_published(due.release_id) and store.refusal(due.release_id) is None \
                    and schedule.has_reports(due, store.months()):
                await publish_release(due.release_id, until=due.until, requested=False)
            await asyncio.sleep(aggregator.schedule_check_seconds)

    tasks: list[asyncio.Task] = []

    async def start_schedule() -> None:
        if aggregator.schedule != schedule.OFF:
            tasks.append(asyncio.create_task(_retry_on_failure(scheduled)))

    async def stop_schedule() -> None:
        for task in tasks:
            task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await task

    return consumer.asgi(broker, after_startup=[start_schedule], on_shutdown=[stop_schedule]), settings


async def _retry_on_failure(work, pause: float = 10.0) -> None:
    """A scheduler that failed would never cut again: start it again after a pause (the broker
    may be down for a while), as the consumers retry; the process never exits for it."""
    while True:
        try:
            return await work()
        except asyncio.CancelledError:
            raise
        except Exception as exc:
            log.error("scheduled release failed: retrying", extra={"error_class": type(exc).__name__})
            await asyncio.sleep(pause)


def main() -> None:
    logs.configure("aggregator")
    app, settings = create_app()
    consumer.serve(app, settings.health_port)


if __name__ == "__main__":
    main()
