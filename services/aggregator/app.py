"""Aggregator: codes the themes of each redacted report, counts it once, and cuts
disclosure-controlled releases on command. Narratives are never stored: only codes reach the
counts."""
from __future__ import annotations

import asyncio
import logging
import os
from datetime import date

from faststream import AckPolicy
from faststream.kafka import KafkaMessage

from services.common import consumer, logs
from services.contracts import events

from . import counting, release
from .coding import Coder, lexicon_coder
from .state import Store

log = logging.getLogger("aggregator")
GROUP = "aggregator"


def create_app(settings: consumer.ConsumerSettings | None = None, policy: release.Policy | None = None,
               coder: Coder | None = None):
    settings = settings or consumer.ConsumerSettings.from_env("aggregator", 8003)
    coder = coder or lexicon_coder()
    policy = policy or release.Policy(threshold=int(os.environ.get("RELEASE_THRESHOLD", 10)))
    store = Store(os.path.join(settings.state_dir, "aggregator.sqlite3"))
    broker = consumer.make_broker(settings)
    topics = settings.topics

    @broker.subscriber(topics.redacted, group_id=GROUP, auto_offset_reset="earliest",
                       ack_policy=AckPolicy.MANUAL)
    @consumer.crash_on_failure
    async def on_report(msg: KafkaMessage) -> None:
        report = await consumer.decode_or_dead_letter(broker, topics, topics.redacted, events.RedactedReport, msg)
        if report is None:
            return
        cells = counting.report_cells(report["answers"], report["month"], coder)   # the text stops here
        store.count(report["event_id"], cells)  # False for a redelivery: already counted
        await msg.ack()

    @broker.subscriber(topics.commands, group_id=GROUP, auto_offset_reset="earliest",
                       ack_policy=AckPolicy.MANUAL)
    @consumer.crash_on_failure
    async def on_command(msg: KafkaMessage) -> None:
        command = await consumer.decode_or_dead_letter(broker, topics, topics.commands, events.Command, msg)
        if command is None:
            return
        await publish_release(command["release_id"])
        await msg.ack()

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
        log.info("release published", extra={"release_id": release_id})

    async def _cut_once(release_id: str, until: str | None) -> list[dict] | None:
        cells = store.release(release_id)
        if cells is None and store.refusal(release_id) is None:
            counts, months = store.snapshot()
            try:   # the audit takes seconds: off the event loop, so the consumer keeps its heartbeat
                cut = await asyncio.to_thread(release.cut, counts, months, release_id, date.today(), policy,
                                              store.records(), until)
            except release.ReleaseRefused as refused:
                store.save_refusal(release_id, dict(refused.failures))
                log.warning(str(refused), extra={"release_id": release_id})
                return None
            store.save_release(release_id, cut.cells, cut.record)
            cells = cut.cells
        return cells

    return consumer.asgi(broker), settings


def main() -> None:
    logs.configure("aggregator")
    app, settings = create_app()
    consumer.serve(app, settings.health_port)


if __name__ == "__main__":
    main()
