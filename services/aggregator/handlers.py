"""The aggregator's service layer: what it does with each batch of redacted reports, each command
and each scheduled release, as plain classes given their collaborators (stores, publisher, the
topics' log, coders, settings, clock). No Kafka client here: app.py wires these to the broker.

Counting runs in two stages over the same redacted topic, each its own consumer group:

* `Counting` counts each report's answers at once, a batch in one transaction (the hot path:
  no text is read, thousands a second);
* `ThemeCoding` reads the free text of reports already counted, and only of those not yet coded,
  with the theme coder (tens a second), and counts the coded tables in a store of its own.

Coded reports are always a subset of counted ones, and a release is cut only when they are the
same set (`Tallies.frozen`). Narratives are never stored: only codes reach the counts."""
from __future__ import annotations

import asyncio
import json
import logging
import time
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Callable, Protocol, Sequence

from services.contracts import events
from services.contracts.questionnaire import Questionnaire, load
from services.contracts.topics import Topics

from . import counting, release, schedule
from .cellkey import RecordKeys
from .coding import Coder
from .counting import CellKey
from .settings import AggregatorSettings
from .state import Store as SqliteStore

log = logging.getLogger("aggregator")
MAIN_STORE, CODED_STORE, RECORD_KEY = "aggregator.sqlite3", "coded.sqlite3", "record-key"


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
    """What the handlers ask of a store of counts (state.Store, on SQLite, is one)."""
    def count_many(self, reports: list[tuple[str, list[CellKey], tuple[int, int]]],
                   passed: list[tuple[int, int]] = (), record_key: Callable[[str], int] | None = None) -> int: ...

    def counted_among(self, event_ids: list[str]) -> set[str]: ...

    def adopt(self, path: Path | str, table_ids: tuple[str, ...]) -> int: ...

    def reports_counted(self) -> int: ...

    def frozen(self) -> tuple[dict[CellKey, int], list[str], dict[int, int]]: ...

    def cell_keys(self) -> dict[CellKey, int]: ...

    def months(self) -> list[str]: ...

    def records(self) -> list[list[list]]: ...

    def reports_at_last_release(self) -> int | None: ...

    def release(self, release_id: str) -> list[dict] | None: ...

    def refusal(self, release_id: str) -> dict | None: ...

    def save_release(self, release_id: str, cells: list[dict], record: list[list],
                     positions: dict[int, int] | None = None, reports: int | None = None) -> None: ...

    def save_refusal(self, release_id: str, failures: dict) -> None: ...

    def mark_published(self, release_id: str) -> None: ...

    def is_published(self, release_id: str) -> bool: ...

    def watermark(self, release_id: str) -> dict[int, int] | None: ...


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


def event_id_of(raw: bytes | None) -> str | None:
    """A record's event id, read without validating the rest (the coder skips what it has read
    already, and decodes only what it reads); None when there is none to read."""
    try:
        value = json.loads(raw).get("event_id")
    except Exception:   # not JSON, not an object, too deep, a tombstone: never a valid event
        return None
    return value if isinstance(value, str) else None


# --- counting ----------------------------------------------------------------------------------

class Counting:
    """The hot path: a batch of redacted reports, each decoded on its own (a bad one is
    dead-lettered), the answers of the good ones counted in one transaction, each report once."""

    def __init__(self, store: Store, publisher: Publisher, record_key: Callable[[str], int],
                 questionnaire: Questionnaire, clock: Clock, quiet_s: float = 0.5):
        self.store, self.publisher, self.record_key, self.clock = store, publisher, record_key, clock
        self.cells = counting.AnswerCells(questionnaire)
        self.turn = asyncio.Lock()   # held by a release while the coder catches up (Tallies.frozen)
        self.quiet_s, self.last = quiet_s, float("-inf")

    def busy(self) -> bool:
        """Whether a batch was counted in the last `quiet_s`: reports are arriving."""
        return self.clock.monotonic() - self.last < self.quiet_s

    async def batch(self, records: Sequence[Record]) -> int:
        """Count the batch; returns how many reports were new. Every record is handled when it returns."""
        async with self.turn:
            reports, passed = [], []
            for record in records:
                report = decoded(events.RedactedReport, record)
                if isinstance(report, events.InvalidMessage):
                    await self.publisher.dead_letter(record, report)
                    passed.append((record.partition, record.offset))   # a wipe covers dead letters too
                    continue
                reports.append((report.event_id, self.cells(report.answers, report.month),
                                (record.partition, record.offset)))
            new = self.store.count_many(reports, passed, self.record_key)   # a redelivered report is skipped
            self.last = self.clock.monotonic()
            return new


@dataclass(frozen=True)
class Progress:
    done: dict[int, int]                                   # partition: the next offset (all before are handled)
    again: dict[int, int] = field(default_factory=dict)    # partition: the offset to read again (not yet counted)


class ThemeCoding:
    """The coded tables: reads the text of reports already counted and not yet coded, and counts
    their coded themes and interventions in its own store, each report once. A report not yet
    counted stops its partition there, to be read again later: coded is always within counted."""

    def __init__(self, counted: Store, coded: Store, coder: Coder, helps: Coder | None,
                 record_key: Callable[[str], int], questionnaire: Questionnaire, clock: Clock,
                 pause: float = 0.5, counting_busy: Callable[[], bool] = lambda: False, yield_s: float = 60.0):
        self.counted, self.coded, self.coder, self.helps = counted, coded, coder, helps
        self.record_key, self.q, self.clock, self.pause = record_key, questionnaire, clock, pause
        self.counting_busy, self.yield_s = counting_busy, yield_s

    async def batch(self, records: Sequence[Record]) -> Progress:
        await self._yield()
        parts: dict[int, list] = {}
        for record in sorted(records, key=lambda r: (r.partition, r.offset)):
            parts.setdefault(record.partition, []).append((record, event_id_of(record.value)))
        ids = [event_id for items in parts.values() for _, event_id in items if event_id]
        done_before, counted = self.coded.counted_among(ids), self.counted.counted_among(ids)
        todo: dict[str, tuple[events.RedactedReportEvent, tuple[int, int]]] = {}
        passed, done, again = [], {}, {}
        for partition, items in parts.items():
            done[partition] = items[0][0].offset
            for record, event_id in items:
                position = (partition, record.offset)
                if event_id is None or event_id in done_before or event_id in todo:
                    passed.append(position)            # never valid, or coded already: not decoded at all
                    done[partition] = record.offset + 1
                    continue
                report = decoded(events.RedactedReport, record)   # only what is to be coded, or waited for
                if isinstance(report, events.InvalidMessage) or report.event_id != event_id:
                    passed.append(position)            # dead-lettered by counting
                elif event_id not in counted:
                    again[partition] = record.offset
                    break
                else:
                    todo[event_id] = (report, position)
                done[partition] = record.offset + 1
        if todo or passed:
            self.coded.count_many(await asyncio.to_thread(self._code, todo), passed, self.record_key)
        if again and not todo:
            await self.clock.sleep(self.pause)         # counting is behind (or held): not a busy loop
        return Progress(done, again)

    async def _yield(self) -> None:
        """Counting goes first: while reports are arriving the coder (which shares the process's
        CPU and interpreter lock) waits, for up to `yield_s`, so a burst is counted at full speed
        and coded after it; releases wait for the coder anyway."""
        until = self.clock.monotonic() + self.yield_s
        while self.counting_busy() and self.clock.monotonic() < until:
            await self.clock.sleep(0.2)

    def _code(self, todo: dict[str, tuple[events.RedactedReportEvent, tuple[int, int]]]) -> list:
        """Off the event loop: the text stops here."""
        return [(event_id, counting.coded_cells(r.answers, r.month, self.coder, self.helps, self.q), position)
                for event_id, (r, position) in todo.items()]


# --- what a release is cut from ----------------------------------------------------------------

class CodingBehind(RuntimeError):
    """The coder has not caught up with counting in time: a transient failure, retried."""


@dataclass(frozen=True)
class Snapshot:
    counts: dict[CellKey, int]
    months: list[str]
    positions: dict[int, int]     # the redacted topic's positions the counts cover (a wipe's watermark)
    cell_keys: dict[CellKey, int]
    reports: int


class Tallies:
    """The counts of both stages, read together only when they cover the same reports."""

    def __init__(self, counted: Store, coded: Store, counting_turn: asyncio.Lock, clock: Clock,
                 near: int = 200, settle_s: float = 30.0, wait_s: float = 180.0):
        self.counted, self.coded, self.turn, self.clock = counted, coded, counting_turn, clock
        self.near, self.settle_s, self.wait_s = near, settle_s, wait_s

    def behind(self) -> int:
        """How many counted reports the coder has still to read."""
        return self.counted.reports_counted() - self.coded.reports_counted()

    async def frozen(self) -> Snapshot:
        """Once the coder is near, counting waits while it catches up; the counts are read then.
        Raises CodingBehind if that does not happen within `wait_s` (counting is never held
        longer than `settle_s` at a time, so its consumer keeps its place in the group)."""
        deadline = self.clock.monotonic() + self.wait_s
        while True:
            if self.behind() <= self.near:
                async with self.turn:
                    settle = self.clock.monotonic() + self.settle_s
                    while self.behind() > 0 and self.clock.monotonic() < settle:
                        await self.clock.sleep(0.1)
                    if self.behind() == 0:
                        return self._read()
            if self.clock.monotonic() > deadline:
                raise CodingBehind(f"the theme coder is {self.behind()} reports behind counting")
            await self.clock.sleep(1.0)

    def _read(self) -> Snapshot:
        counts, months, positions = self.counted.frozen()
        coded, _, _ = self.coded.frozen()
        keys = {**_only(self.counted.cell_keys(), ANSWERS), **_only(self.coded.cell_keys(), CODED)}
        return Snapshot({**_only(counts, ANSWERS), **_only(coded, CODED)}, months, positions, keys,
                        self.counted.reports_counted())


ANSWERS = frozenset(t.id for t in counting.ANSWER_TABLES)
CODED = frozenset(t.id for t in counting.CODED_TABLES)


def _only(cells: dict[CellKey, int], tables: frozenset[str]) -> dict[CellKey, int]:
    """Each table from the stage that counts it (an older store also holds coded tables)."""
    return {k: v for k, v in cells.items() if k[0] in tables}


# --- releases, wipes and the schedule ----------------------------------------------------------

class Releases:
    """Commands (release, wipe) and the schedule. One cut at a time: each audits every release
    cut before it."""

    def __init__(self, store: Store, tallies: Tallies, publisher: Publisher, log_: TopicLog, topics: Topics,
                 settings: AggregatorSettings, clock: Clock):
        self.store, self.tallies, self.publisher, self.log = store, tallies, publisher, log_
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
        confirm on the wipes topic: no offsets, no counts."""
        release_id = command.release_id
        marks = self.store.watermark(release_id)
        purged, left = [], 0
        if marks is not None:
            left = await self.log.purge(marks)
            purged = [self.topics.redacted, self.topics.raw, self.topics.dead_letter]
        status = "unknown_release" if marks is None else "wiped" if left == 0 else "incomplete"
        outcome = {"schema_version": events.SCHEMA_VERSION, "command_id": command.command_id,
                   "release_id": release_id, "status": status, "topics_purged": purged,
                   "wiped_on": self.clock.today()}
        await self.publisher.publish(events.encode(events.WipeOutcome, outcome), self.topics.wipes,
                                     release_id.encode())
        log.warning("wipe " + status, extra={"release_id": release_id})

    async def publish(self, release_id: str, until: str | None = None, requested: bool = True) -> None:
        """Cut (once) and publish a release. Asking again for the same id republishes the same
        cells; a refused release stays refused, and only its refusal (the rule, no count) is
        published, so the steering group sees why."""
        async with self.cutting:
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
        began = self.clock.monotonic()
        now = await self.tallies.frozen()
        policy = self.settings.policy
        reason = release.too_few_new(now.reports, self.store.reports_at_last_release(), policy) if requested else None
        failures: dict[str, int] = {}
        cut = None
        if reason is None:
            try:   # the audit takes seconds: off the event loop, so the consumers keep their heartbeat
                cut = await asyncio.to_thread(release.cut, now.counts, now.months, release_id, self.clock.today(),
                                              policy, self.store.records(), until, cell_keys=now.cell_keys)
                reason = release.verdict(cut)
            except release.ReleaseRefused as refusal:
                reason, failures = release.AUDIT_FAILED, dict(refusal.failures)
        # the time a cut takes depends on the suppression the data needs: appear a whole number
        # of steps after the request, whatever the data
        await self.clock.sleep(schedule.padded(self.clock.monotonic() - began, self.settings.release_delay_seconds))
        if reason is not None:
            self.store.save_refusal(release_id, {"reason": reason, "failures": failures})
            return None, reason
        self.store.save_release(release_id, cut.cells, cut.record, now.positions, now.reports)
        return cut.cells, None

    async def scheduled_once(self) -> None:
        """Cut and publish the release of the latest complete period once it is due, unless no
        report was made in that period; after a restart, finish publishing one cut but not yet
        fully acknowledged."""
        due = schedule.due(self.settings.schedule, self.clock.today())
        if due and not self.store.is_published(due.release_id) and self.store.refusal(due.release_id) is None \
                and schedule.has_reports(due, self.store.months()):
            await self.publish(due.release_id, until=due.until, requested=False)

    async def run_schedule(self, pause: float = 10.0) -> None:
        """Check the schedule for ever. A failed check (the broker down, the coder behind) is
        tried again after a pause: the process never exits for it."""
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
    coding: ThemeCoding
    releases: Releases


def build(state_dir: str | Path, topics: Topics, publisher: Publisher, log_: TopicLog, coder: Coder,
          helps: Coder | None, settings: AggregatorSettings, clock: Clock | None = None,
          store_factory: Callable[[Path], Store] = SqliteStore) -> Aggregator:
    """The aggregator's handlers over the state kept in `state_dir`: the answers' counts and the
    releases, the coded tables' counts, and the secret of the record keys."""
    state, clock, q = Path(state_dir), clock or SystemClock(), load()
    counted, coded = store_factory(state / MAIN_STORE), store_factory(state / CODED_STORE)
    if not coded.reports_counted() and any(k[0] in CODED for k in counted.cell_keys()):
        # a state kept before the coder had a store of its own: its tables move over, once
        log.warning("coded tables taken over from the counts",
                    extra={"reports": coded.adopt(state / MAIN_STORE, tuple(CODED))})
    keys = RecordKeys.kept_in(state / RECORD_KEY)
    count = Counting(counted, publisher, keys, q, clock)
    tallies = Tallies(counted, coded, count.turn, clock)
    return Aggregator(count, ThemeCoding(counted, coded, coder, helps, keys, q, clock, counting_busy=count.busy),
                      Releases(counted, tallies, publisher, log_, topics, settings, clock))

