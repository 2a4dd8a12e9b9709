"""The aggregator's service layer: what it does with each batch of redacted reports, each command
and each scheduled release, as plain classes given their collaborators (the store, publisher, the
topics' log, coders, settings, clock). No Kafka client here: app.py wires these to the broker.

Counting runs in two passes over the redacted topic, each its own consumer group, both into the
one store (its tables, its transactions):

* `Counting` (group `aggregator`) counts each report's answers at once, a batch of up to 500 in
  one transaction, each report once whichever aggregator reads it (no text is read: thousands a
  second);
* `ThemeCoding` (group `aggregator-coder`) reads the free text of the reports counting has
  handled, with the theme coder (off the event loop, tens a second), and counts the tables of
  coded themes and interventions, each report once (ids of its own), with positions of its own
  that never pass counting's.

`Releases` cuts, publishes and wipes releases, one cut at a time across every aggregator sharing
the store (`Store.exclusive`); a cut is read only when the coder has handled every record
counting has (`Store.coded_cut_state`), so it shows the answers and the themes of the same
reports: it waits for that (holding counting, in every replica, once the coder is near), and
past `coder_wait_s` defers the release (`CodingBehind`: the command is read again, the schedule
tries again). Narratives are never stored: only codes reach the counts."""
from __future__ import annotations

import asyncio
import logging
import os
import time
from dataclasses import dataclass, field
from datetime import date
from typing import AsyncContextManager, Callable, Protocol, Sequence

from services.contracts import events
from services.contracts.questionnaire import load
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

    def code_many(self, reports: list[tuple[str, list[CellKey], tuple[int, int]]],
                  passed: list[tuple[int, int]] = (), record_key: Callable[[str], int] | None = None) -> int: ...

    def coded_among(self, event_ids: list[str]) -> set[str]: ...

    def positions(self) -> dict[int, int]: ...

    def coded_positions(self) -> dict[int, int]: ...

    def coded_cut_state(self) -> tuple[int, tuple | None]: ...

    def hold(self, seconds: float) -> None: ...

    def unhold(self) -> None: ...

    def held(self) -> bool: ...

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
    """The hot path: a batch of redacted reports, each decoded on its own (a bad one is
    dead-lettered), the answers of the good ones counted in one transaction, each report once
    (its id is unique in the store). No text is read here."""

    def __init__(self, store: Store, publisher: Publisher, clock: Clock | None = None, hold_max_s: float = 30.0):
        self.store, self.publisher, self.clock = store, publisher, clock or SystemClock()
        self.hold_max_s, self.last = hold_max_s, float("-inf")
        self.cells = counting.AnswerCells(load())

    def busy(self, quiet_s: float = 0.5) -> bool:
        """Whether this process counted a batch in the last `quiet_s`: reports are arriving."""
        return self.clock.monotonic() - self.last < quiet_s

    async def batch(self, records: Sequence[Record]) -> int:
        """Count the batch; returns how many reports were new. Every record is handled when it returns."""
        await self._while_held()
        reports, passed = [], []
        for record in records:
            report = decoded(events.RedactedReport, record)
            if isinstance(report, events.InvalidMessage):
                await self.publisher.dead_letter(record, report)
                passed.append((record.partition, record.offset))   # a wipe covers dead letters too
                continue
            reports.append((report.event_id, self.cells(report.answers, report.month),
                            (record.partition, record.offset)))
        new = self.store.count_many(reports, passed)             # a redelivered report is skipped
        self.last = self.clock.monotonic()
        return new

    async def _while_held(self) -> None:
        """A cut waiting for the coder to catch up holds counting (in every replica) for a few
        seconds; never longer than `hold_max_s` here, so the consumer keeps its place in the group."""
        until = self.clock.monotonic() + self.hold_max_s
        while self.store.held() and self.clock.monotonic() < until:
            await self.clock.sleep(0.1)


@dataclass(frozen=True)
class Progress:
    done: dict[int, int]                                   # partition: the next offset (all before are handled)
    again: dict[int, int] = field(default_factory=dict)    # partition: the offset to read again (not yet counted)


class ThemeCoding:
    """The coded tables: reads the text of reports counting has handled, and counts their coded
    themes and interventions in the same store (ids and positions of its own), each report once.
    A record counting has not reached stops its partition there, to be read again (`again`): the
    coder's positions never pass counting's."""

    def __init__(self, store: Store, publisher: Publisher, coder: Coder, helps: Coder | None,
                 clock: Clock | None = None, counting_busy: Callable[[], bool] = lambda: False,
                 pause: float = 0.5, yield_s: float = 60.0):
        self.store, self.publisher, self.coder, self.helps = store, publisher, coder, helps
        self.clock, self.counting_busy = clock or SystemClock(), counting_busy
        self.pause, self.yield_s = pause, yield_s

    async def batch(self, records: Sequence[Record]) -> Progress:
        await self._yield()
        counted, coded = self.store.positions(), self.store.coded_positions()
        parts: dict[int, list[Record]] = {}
        for record in sorted(records, key=lambda r: (r.partition, r.offset)):
            parts.setdefault(record.partition, []).append(record)
        todo: dict[str, tuple[events.RedactedReportEvent, Record]] = {}
        passed: list[tuple[int, int]] = []
        done: dict[int, int] = {}
        again: dict[int, int] = {}
        for partition, items in parts.items():
            done[partition] = items[0].offset
            for record in items:
                if record.offset >= counted.get(partition, 0):
                    again[partition] = record.offset           # counting has not reached it yet
                    break
                done[partition] = record.offset + 1
                if record.offset < coded.get(partition, 0):
                    continue                                   # handled already (read again after a crash)
                report = decoded(events.RedactedReport, record)
                if isinstance(report, events.InvalidMessage) or report.event_id in todo:
                    passed.append((partition, record.offset))  # dead-lettered by counting, or a duplicate
                else:
                    todo[report.event_id] = (report, record)
        for event_id in self.store.coded_among(list(todo)):    # coded already (a duplicate, a redelivery)
            passed.append((todo[event_id][1].partition, todo[event_id][1].offset))
            del todo[event_id]
        if todo or passed:
            coded_cells, failed = await asyncio.to_thread(self._code, todo)
            for record, error in failed:                       # the coder cannot read it: never block the rest
                await self.publisher.dead_letter(record, error)
                passed.append((record.partition, record.offset))
            self.store.code_many(coded_cells, passed)
        if again and not todo:
            await self.clock.sleep(self.pause)                 # counting is behind (or held): not a busy loop
        return Progress(done, again)

    async def _yield(self) -> None:
        """Counting goes first: while reports are arriving the coder (which shares the process's
        CPU) waits, for up to `yield_s`, so a burst is counted at full speed and coded after it."""
        until = self.clock.monotonic() + self.yield_s
        while self.counting_busy() and self.clock.monotonic() < until:
            await self.clock.sleep(0.2)

    def _code(self, todo: dict) -> tuple[list, list]:
        """Off the event loop: the text stops here. A batch the coder fails on is coded report by
        report, and a report it still fails on is set aside (its record dead-lettered, never content)."""
        items = list(todo.values())
        try:
            cells = counting.coded_cells([(r.answers, r.month) for r, _ in items], self.coder, self.helps)
            return [(r.event_id, c, (rec.partition, rec.offset)) for (r, rec), c in zip(items, cells)], []
        except Exception:
            pass
        out, failed = [], []
        for r, rec in items:
            try:
                [c] = counting.coded_cells([(r.answers, r.month)], self.coder, self.helps)
            except Exception as exc:
                failed.append((rec, exc))
                continue
            out.append((r.event_id, c, (rec.partition, rec.offset)))
        return out, failed


class CodingBehind(RuntimeError):
    """The theme coder has not caught up with counting in time: the release is deferred (a
    transient failure, tried again), never cut from counted but uncoded reports."""


# --- releases, wipes and the schedule ----------------------------------------------------------

class Releases:
    """Commands (release, wipe) and the schedule. One cut at a time, in this process and across
    every aggregator sharing the store: each audits every release cut before it."""

    coder_wait_s = 60.0    # how long a cut waits for the coder before it is deferred
    coder_near = 500       # records behind: near enough to hold counting while the coder catches up
    hold_s = 10.0          # each hold of counting runs out after this (renewed while the cut waits)

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
            await self._coded_up_to(marks)
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

    async def _coded_up_to(self, marks: dict[int, int]) -> None:
        """Both groups have handled every record below the positions (a release is cut only then,
        so this waits only on a store kept otherwise): nothing the wipe deletes is left uncoded."""
        deadline = self.clock.monotonic() + self.coder_wait_s
        while True:
            coded = self.store.coded_positions()
            behind = sum(max(0, o - coded.get(p, 0)) for p, o in marks.items())
            if behind == 0:
                return
            if self.clock.monotonic() >= deadline:
                raise CodingBehind(f"wipe deferred: the theme coder has {behind} records below the release to read")
            await self.clock.sleep(1.0)

    async def coded_state(self) -> tuple:
        """`Store.cut_state()` once the coder has handled every record counting has. Counting is
        held (every replica) while the coder is near; past `coder_wait_s`, CodingBehind."""
        deadline = self.clock.monotonic() + self.coder_wait_s
        try:
            while True:
                behind, state = self.store.coded_cut_state()
                if state is not None:
                    return state
                if self.clock.monotonic() >= deadline:
                    raise CodingBehind(f"release deferred: the theme coder is {behind} records behind counting")
                if behind <= self.coder_near:
                    self.store.hold(self.hold_s)
                await self.clock.sleep(0.2)
        finally:
            self.store.unhold()

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
            try:
                await self._cut_and_publish(release_id, until, requested)
            except CodingBehind as behind:
                log.warning(str(behind), extra={"release_id": release_id})
                raise

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
        # one snapshot, whoever else counts, with the themes of the same reports coded
        counts, months, positions, keys, reports = await self.coded_state()
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
    coding: ThemeCoding


def store_location(state_dir: str | os.PathLike, settings: AggregatorSettings) -> str:
    """The one store setting (a PostgreSQL URL shared by several aggregators), else the SQLite
    file in the state directory (`make run`)."""
    return settings.store_url or os.path.join(state_dir, STORE_FILE)


def build(store: Store, topics: Topics, publisher: Publisher, log_: TopicLog, coder: Coder,
          helps: Coder | None, settings: AggregatorSettings, clock: Clock | None = None) -> Aggregator:
    """The aggregator's handlers over one store of counts and releases."""
    clock = clock or SystemClock()
    count = Counting(store, publisher, clock)
    return Aggregator(count, Releases(store, publisher, log_, topics, settings, clock),
                      ThemeCoding(store, publisher, coder, helps, clock, counting_busy=count.busy))
