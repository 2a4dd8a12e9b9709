"""Aggregator: codes the themes of each redacted report, counts it once, and cuts
disclosure-controlled releases on command. Narratives are never stored: only codes reach the
counts."""
from __future__ import annotations

import asyncio
import contextlib
import logging
import os
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


def create_app(settings: consumer.ConsumerSettings | None = None, aggregator: AggregatorSettings | None = None,
               coder: Coder | None = None, helps: Coder | None = None):
    settings = settings or consumer.ConsumerSettings.from_env("aggregator", 8003)
    aggregator = aggregator or AggregatorSettings.from_env()
    policy = aggregator.policy
    if coder is None:     # the trained coders, loaded once (a coder passed in comes with its own helps, or none)
        coder, helps = default_coder(), helps or help_coder()
    store = Store(os.path.join(settings.state_dir, "aggregator.sqlite3"))
    broker = consumer.make_broker(settings)
    topics = settings.topics

    # Reading a narrative takes the theme coder a tenth of a CPU second or so: a longer session
    # and smaller fetches keep a busy machine's slow coding from looking like a dead member.
    @broker.subscriber(topics.redacted, group_id=GROUP, auto_offset_reset="earliest",
                       ack_policy=AckPolicy.MANUAL, session_timeout_ms=45000, heartbeat_interval_ms=3000,
                       max_poll_records=20)
    @consumer.crash_on_failure
    async def on_report(msg: KafkaMessage) -> None:
        position = (msg.raw_message.partition, msg.raw_message.offset)
        report = await consumer.decode_or_dead_letter(broker, topics, topics.redacted, events.RedactedReport, msg)
        if report is None:
            store.advance(*position)   # a wipe covers dead-lettered records too
            return
        # the text stops here; coding runs off the event loop so the consumer's heartbeats go on meanwhile
        cells = await asyncio.to_thread(lambda: counting.report_cells(report["answers"], report["month"], coder,
                                                                      helps=helps))
        store.count(report["event_id"], cells, position)  # False for a redelivery: already counted
        try:
            await msg.ack()
        except CommitFailedError:
            # A rebalance (a member joining) took the partition while the report was being read:
            # it is counted, and is skipped as already counted when it is delivered again.
            log.warning("offset commit lost to a rebalance; the record will be redelivered and skipped")

    @broker.subscriber(topics.commands, group_id=GROUP, auto_offset_reset="earliest",
                       ack_policy=AckPolicy.MANUAL)
    @consumer.crash_on_failure
    async def on_command(msg: KafkaMessage) -> None:
        command = await consumer.decode_or_dead_letter(broker, topics, topics.commands, events.Command, msg)
        if command is None:
            return
        if command["kind"] == "wipe":
            await wipe(command)
        else:
            await publish_release(command["release_id"])
        await msg.ack()

    async def wipe(command: dict) -> None:
        """Purge the individual-level records a release covered: the redacted topic up to the
        positions the release was cut at, and upstream the raw records the redactor has
        finished with and the dead letters. Confirm on the wipes topic (no offsets, no counts)."""
        release_id = command["release_id"]
        marks = store.watermark(release_id)
        purged, left = [], 0
        if marks is not None:
            targets = {TopicPartition(topics.redacted, p): o for p, o in marks.items()}
            redactor_done, _ = await committed_and_ends(settings.kafka_bootstrap, REDACTOR_GROUP, topics.raw)
            _, letters = await committed_and_ends(settings.kafka_bootstrap, AGGREGATOR_GROUP, topics.dead_letter)
            left = await delete_before(settings.kafka_bootstrap, targets)
            await delete_before(settings.kafka_bootstrap, {**redactor_done, **letters})
            purged = [topics.redacted, topics.raw, topics.dead_letter]
        outcome = {"schema_version": events.SCHEMA_VERSION, "command_id": command["command_id"],
                   "release_id": release_id, "status": "unknown_release" if marks is None else
                   "wiped" if left == 0 else "incomplete",
                   "topics_purged": purged, "covered_records_left": left, "wiped_on": date.today()}
        await broker.publish(events.encode(events.WipeOutcome, outcome), topic=topics.wipes,
                             key=release_id.encode(), timestamp_ms=consumer.today_ms())
        log.warning("wipe " + outcome["status"], extra={"release_id": release_id})

    cutting = asyncio.Lock()   # one cut at a time: each audits every release cut before it

    async def publish_release(release_id: str, until: str | None = None) -> None:
        """Cut (once) and publish a release. Asking again for the same id republishes the same
        cells; a release the audit refused stays refused, and nothing of it is published."""
        async with cutting:
            cells = await _cut_once(release_id, until)
        if cells is None:
            return
        pending = [await broker.publish(events.encode(events.ReleaseCell, cell), topic=topics.releases,
                                        key=release_id.encode(), timestamp_ms=consumer.today_ms(),
                                        no_confirm=True) for cell in cells]
        await asyncio.gather(*pending)
        store.mark_published(release_id)
        log.info("release published", extra={"release_id": release_id})

    async def _cut_once(release_id: str, until: str | None) -> list[dict] | None:
        cells = store.release(release_id)
        if cells is None and store.refusal(release_id) is None:
            counts, months, positions = store.frozen()
            try:   # the audit takes seconds: off the event loop, so the consumer keeps its heartbeat
                cut = await asyncio.to_thread(release.cut, counts, months, release_id, date.today(), policy,
                                              store.records(), until)
            except release.ReleaseRefused as refused:
                store.save_refusal(release_id, dict(refused.failures))
                log.warning(str(refused), extra={"release_id": release_id})
                return None
            store.save_release(release_id, cut.cells, cut.record, positions)
            cells = cut.cells
        return cells

    async def scheduled() -> None:
        """Cut and publish the release of the latest complete period once it is due; a restart
        finishes publishing one that was cut but not yet fully acknowledged."""
        while True:
            due = schedule.due(aggregator.schedule, date.today())
            if due and not store.is_published(due.release_id) and store.refusal(due.release_id) is None:
                await publish_release(due.release_id, until=due.until)
            await asyncio.sleep(aggregator.schedule_check_seconds)

    tasks: list[asyncio.Task] = []

    async def start_schedule() -> None:
        if aggregator.schedule != schedule.OFF:
            tasks.append(asyncio.create_task(_exit_on_failure(scheduled())))

    async def stop_schedule() -> None:
        for task in tasks:
            task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await task

    return consumer.asgi(broker, after_startup=[start_schedule], on_shutdown=[stop_schedule]), settings


async def _exit_on_failure(work) -> None:
    """A scheduler that failed would never cut again: exit, as the consumers do, and restart."""
    try:
        await work
    except asyncio.CancelledError:
        raise
    except Exception as exc:
        log.critical("scheduled release failed: exiting to restart", extra={"error_class": type(exc).__name__})
        os._exit(70)


def main() -> None:
    logs.configure("aggregator")
    app, settings = create_app()
    consumer.serve(app, settings.health_port)


if __name__ == "__main__":
    main()
