"""The aggregator's service layer: what it does with each batch of redacted reports, each command
and each scheduled release, as plain classes given their collaborators (the store, publisher, the
topics' log, coders, settings, clock). No Kafka client here: app.py wires these to the broker.

`Counting` codes the themes of each report of a batch (the theme coder reads its free text, off
the event loop) and counts all its cells in one transaction, each report once, whichever of the
aggregators sharing the store reads it. `Releases` cuts, publishes and wipes releases, one cut at
a time across every aggregator sharing the store (`Store.exclusive`). Narratives are never
stored: only codes reach the counts."""
from __future__ import annotations

import asyncio
import logging
import os
import time
from dataclasses import dataclass
from datetime import date
from typing import AsyncContextManager, Callable, Protocol, Sequence

from services.contracts import events
from services.contracts.topics import Topics

from . import counting, release, schedule
from .coding import Coder
from .counting import CellKey
from .settings import AggregatorSettings

log = logging.getLogger("aggregator")
STORE_FILE = "aggregator.sqlite3"   # in the state directory, when no store URL is set


# --- what the handlers are given -----------------------------------------------------------

class Record(Protocol):
    """A record read from a topic (aiokafka's ConsumerRecord is one)."""
    topic: str
    partition: int
    offset: int
    value: bytes | None


class Publisher(Protocol):
    """Sends events, each acknowledged by the broker before the call returns."""
    async def publish(self, value: bytes, topic: str, key: bytes | None = None) -> None: ...

    async def publish_all(self, values: list[bytes], topic: str, key: bytes | None = None) -> None: ...

    async def dead_letter(self, record: Record, error: Exception) -> None:
        """Send a record that can never be processed aside: its id, position and error class only."""


class TopicLog(Protocol):
    async def purge(self, covered: dict[int, int]) -> int:
        """Delete the redacted records before these (partition: offset) positions, and upstream the
        raw records the redactor has finished with and the dead letters. Returns how many records
        are left below the positions (0 when every one went)."""


class Store(Protocol):
    """What the handlers ask of a store of counts (state.SqliteStore and state.PostgresStore)."""
    def count_many(self, reports: list[tuple[str, list[CellKey], tuple[int, int]]],
                   passed: list[tuple[int, int]] = (), record_key: Callable[[str], int] | None = None) -> int: ...

    def exclusive(self) -> AsyncContextManager[None]: ...

    def cut_state(self) -> tuple[dict[CellKey, int], list[str], dict[int, int], dict[CellKey, int], int]: ...

    def months(self) -> list[str]: ...

    def records(self) -> list[list[list]]: ...

    def reports_at_last_release(self) -> int | None: ...

    def release(self, release_id: str) -> list[dict] | None: ...

    def refusal(self, release_id: str) -> dict | None: ...

    def save_release(self, release_id: str, cells: list[dict], record: list[list],
                     positions: dict[int, int] | None = None, reports: int | None = None) -> list[dict]: ...

    def save_refusal(self, release_id: str, failures: dict) -> None: ...

    def mark_published(self, release_id: str) -> None: ...

    def is_published(self, release_id: str) -> bool: ...

    def watermark(self, release_id: str) -> dict[int, int] | None: ...

    def mark_wiped(self, release_id: str, now_ms: int | None = None) -> None: ...

    def prune(self, now_ms: int | None = None) -> int: ...


class Clock(Protocol):
    def today(self) -> date: ...

    def monotonic(self) -> float: ...

    async def sleep(self, seconds: float) -> None: ...


class SystemClock:
    def today(self) -> date:
        return date.today()

    def monotonic(self) -> float:
        return time.monotonic()

    async def sleep(self, seconds: float) -> None:
        await asyncio.sleep(seconds)


def decoded(schema, record: Record) -> events.Event | events.InvalidMessage:
    """A record's value decoded and validated, or the InvalidMessage that makes it a dead letter
    (a tombstone, bad JSON, JSON too deep, a wrong shape)."""
    try:
        return events.decode(schema, record.value)
    except events.InvalidMessage as exc:
        return exc


# --- counting ----------------------------------------------------------------------------------

class Counting:
    """A batch of redacted reports, each decoded on its own (a bad one is dead-lettered), the good
    ones coded and counted in one transaction, each report once (its id is unique in the store)."""

    def __init__(self, store: Store, publisher: Publisher, coder: Coder, helps: Coder | None):
        self.store, self.publisher, self.coder, self.helps = store, publisher, coder, helps

    async def batch(self, records: Sequence[Record]) -> int:
        """Count the batch; returns how many reports were new. Every record is handled when it returns."""
        reports, passed = [], []
        for record in records:
            report = decoded(events.RedactedReport, record)
            if isinstance(report, events.InvalidMessage):
                await self.publisher.dead_letter(record, report)
                passed.append((record.partition, record.offset))   # a wipe covers dead letters too
                continue
            reports.append((report, (record.partition, record.offset)))
        # coding a batch of narratives takes the coder seconds (about 120 a CPU second): off the event loop
        coded = await asyncio.to_thread(self._cells, reports)
        return self.store.count_many(coded, passed)             # a redelivered report is skipped

    def _cells(self, reports: list[tuple[events.RedactedReportEvent, tuple[int, int]]]) -> list:
        """The text stops here."""
        cells = counting.reports_cells([(r.answers, r.month) for r, _ in reports], self.coder, helps=self.helps)
        return [(r.event_id, c, position) for (r, position), c in zip(reports, cells)]


# --- releases, wipes and the schedule ----------------------------------------------------------

class Releases:
    """Commands (release, wipe) and the schedule. One cut at a time, in this process and across
    every aggregator sharing the store: each audits every release cut before it."""

    def __init__(self, store: Store, publisher: Publisher, log_: TopicLog, topics: Topics,
                 settings: AggregatorSettings, clock: Clock):
        self.store, self.publisher, self.log = store, publisher, log_
        self.topics, self.settings, self.clock = topics, settings, clock
        self.cutting = asyncio.Lock()

    async def command(self, command: events.CommandEvent) -> None:
        if command.kind == "wipe":
            await self.wipe(command)
        else:
            await self.publish(command.release_id)

    async def wipe(self, command: events.CommandEvent) -> None:
        """Purge the individual-level records a release covered (the redacted topic up to the
        positions it was cut at, upstream what the redactor finished with, the dead letters) and
        confirm on the wipes topic: no offsets, no counts. Once every record went, the ids counted
        below the release's positions may be forgotten later (`Store.prune`)."""
        release_id = command.release_id
        marks = self.store.watermark(release_id)
        purged, left = [], 0
        if marks is not None:
            left = await self.log.purge(marks)
            purged = [self.topics.redacted, self.topics.raw, self.topics.dead_letter]
        if marks is not None and left == 0:
            self.store.mark_wiped(release_id)
            self.store.prune()
        status = "unknown_release" if marks is None else "wiped" if left == 0 else "incomplete"
        outcome = {"schema_version": events.SCHEMA_VERSION, "command_id": command.command_id,
                   "release_id": release_id, "status": status, "topics_purged": purged,
                   "wiped_on": self.clock.today()}
        await self.publisher.publish(events.encode(events.WipeOutcome, outcome), self.topics.wipes,
                                     release_id.encode())
        log.warning("wipe " + status, extra={"release_id": release_id})

    def done(self, release_id: str) -> bool:
        """Published, or refused (by this aggregator or another sharing the store)."""
        return self.store.is_published(release_id) or self.store.refusal(release_id) is not None

    async def publish(self, release_id: str, until: str | None = None, requested: bool = True) -> None:
        """Cut (once) and publish a release. Asking again for the same id republishes the same
        cells; a refused release stays refused, and only its refusal (the rule, no count) is
        published, so the steering group sees why. A scheduled release another aggregator has
        already published (or refused) is left alone."""
        async with self.cutting, self.store.exclusive():
            if not requested and self.done(release_id):
                return
            await self._cut_and_publish(release_id, until, requested)

    async def _cut_and_publish(self, release_id: str, until: str | None, requested: bool) -> None:
        cells, reason = await self._cut_once(release_id, until, requested)
        key = release_id.encode()
        if reason is not None:
            refusal = {"schema_version": events.SCHEMA_VERSION, "release_id": release_id, "status": events.REFUSED,
                       "reason": reason, "refused_on": self.clock.today(),
                       "method_version": release.method_version(self.settings.policy)}
            await self.publisher.publish(events.encode(events.ReleaseRefusal, refusal), self.topics.releases, key)
            log.warning("release refused: " + reason, extra={"release_id": release_id})
            return
        await self.publisher.publish_all([events.encode(events.ReleaseCell, c) for c in cells],
                                         self.topics.releases, key)
        self.store.mark_published(release_id)
        log.info("release published", extra={"release_id": release_id})

    async def _cut_once(self, release_id: str, until: str | None, requested: bool) -> tuple[list | None, str | None]:
        """(cells, None), or (None, the refusal's reason). A requested release needs enough new
        reports since the last one; any release must pass the audit and be worth reading. A new
        cut or refusal is ready only a whole number of delay steps after the request."""
        cells, refused = self.store.release(release_id), self.store.refusal(release_id)
        if refused is not None:
            return None, refused.get("reason", release.AUDIT_FAILED)
        if cells is not None:
            return cells, None
        counts, months, positions, keys, reports = self.store.cut_state()   # one snapshot, whoever else counts
        began = self.clock.monotonic()
        policy = self.settings.policy
        reason = release.too_few_new(reports, self.store.reports_at_last_release(), policy) if requested else None
        failures: dict[str, int] = {}
        cut = None
        if reason is None:
            try:   # the audit takes seconds: off the event loop, so the consumers keep their heartbeat
                cut = await asyncio.to_thread(release.cut, counts, months, release_id, self.clock.today(),
                                              policy, self.store.records(), until, cell_keys=keys)
                reason = release.verdict(cut)
            except release.ReleaseRefused as refusal:
                reason, failures = release.AUDIT_FAILED, dict(refusal.failures)
        # the time a cut takes depends on the suppression the data needs: appear a whole number
        # of steps after the request, whatever the data
        await self.clock.sleep(schedule.padded(self.clock.monotonic() - began, self.settings.release_delay_seconds))
        if reason is not None:
            self.store.save_refusal(release_id, {"reason": reason, "failures": failures})
            return None, reason
        # the cells first stored under this id (another aggregator's, if it saved them first)
        return self.store.save_release(release_id, cut.cells, cut.record, positions, reports), None

    async def scheduled_once(self) -> None:
        """Cut and publish the release of the latest complete period once it is due, unless no
        report was made in that period; after a restart, finish publishing one cut but not yet
        fully acknowledged."""
        due = schedule.due(self.settings.schedule, self.clock.today())
        if due and not self.done(due.release_id) and schedule.has_reports(due, self.store.months()):
            await self.publish(due.release_id, until=due.until, requested=False)

    async def run_schedule(self, pause: float = 10.0) -> None:
        """Check the schedule for ever. A failed check (the broker or the database down) is tried
        again after a pause: the process never exits for it."""
        while True:
            try:
                await self.scheduled_once()
            except asyncio.CancelledError:
                raise
            except Exception as exc:
                log.error("scheduled release failed: retrying", extra={"error_class": type(exc).__name__})
                await self.clock.sleep(pause)
                continue
            await self.clock.sleep(self.settings.schedule_check_seconds)


# --- wiring ------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Aggregator:
    counting: Counting
    releases: Releases


def store_location(state_dir: str | os.PathLike, settings: AggregatorSettings) -> str:
    """The one store setting (a PostgreSQL URL shared by several aggregators), else the SQLite
    file in the state directory (`make run`)."""
    return settings.store_url or os.path.join(state_dir, STORE_FILE)


def build(store: Store, topics: Topics, publisher: Publisher, log_: TopicLog, coder: Coder,
          helps: Coder | None, settings: AggregatorSettings, clock: Clock | None = None) -> Aggregator:
    """The aggregator's handlers over one store of counts and releases."""
    clock = clock or SystemClock()
    return Aggregator(Counting(store, publisher, coder, helps),
                      Releases(store, publisher, log_, topics, settings, clock))
