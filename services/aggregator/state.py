"""The aggregator's state: the ids already counted, the counts (each with its cell key, the sum of
its reports' random record keys: cellkey.py), the releases already cut (with the bounds the audit
of later releases needs), the releases refused and the wipes done. Codes and counts only: no
narrative is ever written here. One transaction per batch of reports (ids, counts and positions
together) makes counting idempotent: offsets are committed to Kafka only after it, so a
redelivered report finds its id and is skipped.

`Store` is the interface; `Store(location)` opens the implementation the one setting names
(`AGGREGATOR_STORE_URL`, settings.store_url): a path or `sqlite:///path` opens a SQLite file (the
`make run` default, one aggregator), `postgresql://…` a PostgreSQL database shared by any number
of aggregators in one consumer group. Both run the same statements (`_Sql`): an event id's
uniqueness is the database's primary key, so whichever instance counts a report first counts it
and every other skips it; releases are cut by one instance at a time (`exclusive`).

Counting has two stages over the redacted topic, each with its own ids and positions in the same
database (handlers.py): `count_many` (the answers, at once: `counted`, `positions`) and
`code_many` (the tables of coded themes, as fast as the theme coder reads: `coded`,
`coded_positions`). The coder handles only records counting has handled, so its positions never
pass counting's; a cut is read only when they are equal (`coded_cut_state`), and counting pauses
while a cut holds it (`hold`). Both give a report the same record key, a keyed hash of its event id
under a secret kept in the store itself (`secrets`), so every replica derives the same keys."""
from __future__ import annotations

import abc
import asyncio
import contextlib
import json
import os
import secrets
import sqlite3
import time
from collections import defaultdict
from pathlib import Path
from typing import Callable

from services.contracts import privacy

from . import cellkey
from .counting import CellKey

MONTHLY_TOTAL = "reports"
# A report's duplicate can be made upstream only from its raw record, which lives at most this
# long (the raw topic's worst case): ids below a wiped release's watermark are pruned this long
# after the wipe (docs/operations.md, "Pruning counted ids").
PRUNE_AFTER_WIPE_MS = privacy.RAW_WORST_CASE_MS

SQLITE_SCHEMA = """
CREATE TABLE IF NOT EXISTS counted (event_id TEXT PRIMARY KEY);
CREATE TABLE IF NOT EXISTS counts (
  table_id TEXT NOT NULL, period TEXT NOT NULL, cell TEXT NOT NULL, n INTEGER NOT NULL,
  PRIMARY KEY (table_id, period, cell));
CREATE TABLE IF NOT EXISTS releases (release_id TEXT PRIMARY KEY, cells TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS refusals (release_id TEXT PRIMARY KEY, failures TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS published (release_id TEXT PRIMARY KEY);
CREATE TABLE IF NOT EXISTS positions (part INTEGER PRIMARY KEY, next_offset INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS watermarks (release_id TEXT PRIMARY KEY, positions TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS wipes (release_id TEXT PRIMARY KEY, wiped_at_ms INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS totals (name TEXT PRIMARY KEY, n INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS coded (event_id TEXT PRIMARY KEY, part INTEGER, off INTEGER);
CREATE TABLE IF NOT EXISTS coded_positions (part INTEGER PRIMARY KEY, next_offset INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS secrets (name TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS holds (name TEXT PRIMARY KEY, until_ms INTEGER NOT NULL);
"""

POSTGRES_SCHEMA = """
CREATE TABLE IF NOT EXISTS counted (event_id TEXT PRIMARY KEY, part INTEGER, off BIGINT);
CREATE TABLE IF NOT EXISTS counts (
  table_id TEXT NOT NULL, period TEXT NOT NULL, cell TEXT NOT NULL, n BIGINT NOT NULL,
  ckey INTEGER NOT NULL, PRIMARY KEY (table_id, period, cell));
CREATE TABLE IF NOT EXISTS releases (seq BIGSERIAL, release_id TEXT PRIMARY KEY, cells TEXT NOT NULL,
  record TEXT, reports BIGINT);
CREATE TABLE IF NOT EXISTS refusals (release_id TEXT PRIMARY KEY, failures TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS published (release_id TEXT PRIMARY KEY);
CREATE TABLE IF NOT EXISTS positions (part INTEGER PRIMARY KEY, next_offset BIGINT NOT NULL);
CREATE TABLE IF NOT EXISTS watermarks (release_id TEXT PRIMARY KEY, positions TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS wipes (release_id TEXT PRIMARY KEY, wiped_at_ms BIGINT NOT NULL);
CREATE TABLE IF NOT EXISTS totals (name TEXT PRIMARY KEY, n BIGINT NOT NULL);
CREATE TABLE IF NOT EXISTS coded (event_id TEXT PRIMARY KEY, part INTEGER, off BIGINT);
CREATE TABLE IF NOT EXISTS coded_positions (part INTEGER PRIMARY KEY, next_offset BIGINT NOT NULL);
CREATE TABLE IF NOT EXISTS secrets (name TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS holds (name TEXT PRIMARY KEY, until_ms BIGINT NOT NULL);
"""


class StoreSettingError(ValueError):
    pass


def _implementation(location) -> type["Store"]:
    text = str(location)
    if text.startswith(("postgresql://", "postgres://")):
        return PostgresStore
    if "://" in text and not text.startswith("sqlite:///"):
        raise StoreSettingError("AGGREGATOR_STORE_URL must be sqlite:///<path> or postgresql://…, "
                                f"not a {text.split('://', 1)[0]!r} URL")
    return SqliteStore


class Store(abc.ABC):
    """The aggregator's state. `Store(location)` opens the implementation the location names."""

    ORDER = "rowid"   # the column that orders releases as they were cut

    def __new__(cls, location=None, *args, **kwargs):
        if cls is Store:
            cls = _implementation(location)
        return super().__new__(cls)

    # What each implementation provides: a statement, a transaction, the cut's lock.
    @abc.abstractmethod
    def _execute(self, sql: str, params=()):
        """Run one statement (written with ? placeholders); returns a cursor."""

    @abc.abstractmethod
    def _tx(self, snapshot: bool = False):
        """A transaction (a context manager); `snapshot`: every read in it sees one state."""

    @abc.abstractmethod
    def try_lock(self) -> bool:
        """Take the cut's lock if no other instance holds it."""

    @abc.abstractmethod
    def unlock(self) -> None:
        """Give the cut's lock back."""

    @abc.abstractmethod
    def close(self) -> None:
        ...

    def _settle(self) -> None:
        """Once, when the store is made (or first opened by this version): the record-key secret
        every replica shares. A store kept before theme coding had a stage of its own coded each
        report as it counted it: its ids and positions are the coder's too."""
        with self._tx():
            if self._execute("SELECT 1 FROM secrets WHERE name = 'record_key'").fetchone() is None:
                self._execute("INSERT INTO secrets (name, value) VALUES ('record_key', ?) ON CONFLICT DO NOTHING",
                              (secrets.token_hex(32),))
                self._execute("INSERT INTO coded (event_id, part, off) SELECT event_id, part, off FROM counted WHERE true "
                              "ON CONFLICT DO NOTHING")
                self._execute("INSERT INTO coded_positions (part, next_offset) SELECT part, next_offset "
                              "FROM positions WHERE true ON CONFLICT DO NOTHING")
        self._keys = cellkey.RecordKeys(bytes.fromhex(self._execute(
            "SELECT value FROM secrets WHERE name = 'record_key'").fetchone()[0]))

    def record_key(self, event_id: str) -> int:
        """A report's record key: the same in both stages and in every replica sharing the store."""
        return self._keys(event_id)

    def _retrying(self, work):
        """Run `work` in a transaction; implementations retry it when the database asks."""
        with self._tx():
            return work()

    @contextlib.asynccontextmanager
    async def exclusive(self, poll: float = 0.2):
        """Held by one instance at a time across every aggregator sharing this store: a release is
        cut under it. Waits without blocking the event loop (the consumer keeps its heartbeat)."""
        while not self.try_lock():
            await asyncio.sleep(poll)
        try:
            yield
        finally:
            self.unlock()

    # Counting.
    def count(self, event_id: str, cells: list[CellKey], position: tuple[int, int] | None = None) -> bool:
        """Count one report in its cells, once. Returns False if it was already counted.
        `position` is the (partition, offset) it was read from on the redacted topic: the
        release cut from this state covers every record before it (the wipe's watermark)."""
        def work():
            if position is not None:
                self.advance(*position)
            return self._count_new([(event_id, cells, position)]) == 1
        return self._retrying(work)

    def count_many(self, reports: list[tuple[str, list[CellKey], tuple[int, int]]],
                   passed: list[tuple[int, int]] = (), record_key: Callable[[str], int] | None = None) -> int:
        """Count a batch of reports, each once, in one transaction (one fsync), with the
        positions they were read from and those of records `passed` without counting (dead
        letters). All or nothing: a crash leaves the batch wholly uncounted, to be read again.
        `record_key(event_id)` gives each report's record key (the store's own when not given).
        Returns how many were new."""
        return self._retrying(lambda: self._stage("counted", "positions", reports, passed, record_key))

    def code_many(self, reports: list[tuple[str, list[CellKey], tuple[int, int]]],
                  passed: list[tuple[int, int]] = (), record_key: Callable[[str], int] | None = None) -> int:
        """`count_many` for the second stage: the cells of the coded tables, each report once
        (its own ids, `coded`), with the coder's positions. Returns how many were new."""
        return self._retrying(lambda: self._stage("coded", "coded_positions", reports, passed, record_key))

    def _stage(self, ids: str, positions: str, reports, passed, record_key) -> int:
        furthest: dict[int, int] = {}
        for partition, offset in [*passed, *(position for _, _, position in reports)]:
            furthest[partition] = max(offset, furthest.get(partition, -1))
        for partition in sorted(furthest):   # rows always taken in one order: no deadlock between instances
            self.advance(partition, furthest[partition], positions)
        return self._count_new(reports, record_key, ids)

    def _count_new(self, reports, record_key: Callable[[str], int] | None = None, ids: str = "counted") -> int:
        """Inside the caller's transaction: the reports' ids, in id order, and one more report in
        each cell of those not counted before, each with its record key (only their sums are
        kept, per cell), cells written in key order."""
        added: dict[tuple[str, str, str], list[int]] = defaultdict(lambda: [0, 0])
        new = 0
        record_key = record_key or self.record_key
        for event_id, cells, position in sorted(reports, key=lambda r: r[0]):
            part, off = position if position is not None else (None, None)
            if self._execute(f"INSERT INTO {ids} (event_id, part, off) VALUES (?, ?, ?) ON CONFLICT DO NOTHING",
                             (event_id, part, off)).rowcount != 1:
                continue
            new += 1
            key = record_key(event_id)
            for t, p, c in cells:
                cell = added[(t, p, json.dumps(list(c)))]
                cell[0] += 1
                cell[1] += key
        for (t, p, c), (n, keys) in sorted(added.items()):
            self._execute("INSERT INTO counts (table_id, period, cell, n, ckey) VALUES (?, ?, ?, ?, ?) "
                          "ON CONFLICT (table_id, period, cell) DO UPDATE SET n = counts.n + excluded.n, "
                          f"ckey = (counts.ckey + excluded.ckey) % {cellkey.KEY_RANGE}",
                          (t, p, c, n, keys % cellkey.KEY_RANGE))
        return new

    def counted_among(self, event_ids: list[str]) -> set[str]:
        """Which of these reports have been counted."""
        return self._among("counted", event_ids)

    def coded_among(self, event_ids: list[str]) -> set[str]:
        """Which of these reports the theme coder has coded."""
        return self._among("coded", event_ids)

    def _among(self, ids: str, event_ids: list[str]) -> set[str]:
        """Which of these reports the table of ids `ids` holds (asked 500 at a time)."""
        found: set[str] = set()
        for i in range(0, len(event_ids), 500):
            chunk = event_ids[i:i + 500]
            found.update(e for (e,) in self._execute(
                f"SELECT event_id FROM {ids} WHERE event_id IN ({','.join('?' * len(chunk))})", chunk).fetchall())
        return found

    def advance(self, partition: int, offset: int, table: str = "positions") -> None:
        """Everything on the redacted topic's `partition` up to `offset` has been handled (by
        counting; by the coder when `table` is coded_positions)."""
        self._execute(f"INSERT INTO {table} (part, next_offset) VALUES (?, ?) ON CONFLICT (part) DO UPDATE "
                      f"SET next_offset = CASE WHEN excluded.next_offset > {table}.next_offset "
                      f"THEN excluded.next_offset ELSE {table}.next_offset END", (partition, offset + 1))

    # Reading.
    def positions(self) -> dict[int, int]:
        return {int(p): int(o) for p, o in self._execute("SELECT part, next_offset FROM positions").fetchall()}

    def coded_positions(self) -> dict[int, int]:
        """How far the theme coder has handled each partition (never past `positions`)."""
        return {int(p): int(o) for p, o in self._execute("SELECT part, next_offset FROM coded_positions").fetchall()}

    def coding_behind(self) -> int:
        """How many records of the redacted topic counting has handled and the coder not yet
        (offsets, not ids: pruning does not change it)."""
        row = self._execute("SELECT coalesce(sum(p.next_offset - coalesce(c.next_offset, 0)), 0) FROM positions p "
                            "LEFT JOIN coded_positions c ON c.part = p.part "
                            "WHERE p.next_offset > coalesce(c.next_offset, 0)").fetchone()
        return int(row[0])

    def coded_cut_state(self) -> tuple[int, tuple | None]:
        """(0, `cut_state()`) when the coder has handled every record counting has, read in one
        snapshot: the counts then hold the answers and the coded themes of the same reports.
        Otherwise (how many records the coder is behind, None)."""
        with self._tx(snapshot=True):
            behind = self.coding_behind()
            return (0, self.cut_state()) if behind == 0 else (behind, None)

    # The hold: counting pauses (every replica) while a cut waits for the coder to catch up.
    def hold(self, seconds: float, now_ms: int | None = None) -> None:
        now_ms = int(time.time() * 1000) if now_ms is None else now_ms
        with self._tx():
            self._execute("INSERT INTO holds (name, until_ms) VALUES ('counting', ?) ON CONFLICT (name) DO UPDATE "
                          "SET until_ms = excluded.until_ms", (now_ms + int(seconds * 1000),))

    def unhold(self) -> None:
        with self._tx():
            self._execute("DELETE FROM holds WHERE name = 'counting'")

    def held(self, now_ms: int | None = None) -> bool:
        """Whether counting is held (until the hold is given back, or it runs out)."""
        now_ms = int(time.time() * 1000) if now_ms is None else now_ms
        return self._execute("SELECT 1 FROM holds WHERE name = 'counting' AND until_ms > ?",
                             (now_ms,)).fetchone() is not None

    def watermark(self, release_id: str) -> dict[int, int] | None:
        """The redacted topic's positions the release was cut at: the records it covers."""
        row = self._execute("SELECT positions FROM watermarks WHERE release_id = ?", (release_id,)).fetchone()
        return {int(p): int(o) for p, o in json.loads(row[0])} if row else None

    def _counts(self) -> dict[CellKey, int]:
        return {(t, p, tuple(json.loads(c))): n
                for t, p, c, n in self._execute("SELECT table_id, period, cell, n FROM counts").fetchall()}

    def frozen(self) -> tuple[dict[CellKey, int], list[str], dict[int, int]]:
        """The counts, the months with reports and the positions they were counted up to,
        read in one transaction."""
        with self._tx(snapshot=True):
            counts = self._counts()
            months = sorted(p for (t, p, _) in counts if t == MONTHLY_TOTAL)
            return counts, months, self.positions()

    def cut_state(self) -> tuple[dict[CellKey, int], list[str], dict[int, int], dict[CellKey, int], int]:
        """What a cut reads, as one state even while other instances count: the counts, the
        months with reports, the positions, the cell keys and the reports counted."""
        with self._tx(snapshot=True):
            counts, months, positions = self.frozen()
            return counts, months, positions, self.cell_keys(), self.reports_counted()

    def reports_counted(self) -> int:
        """How many distinct reports have been counted (pruned ids included): never published,
        only compared."""
        present = self._execute("SELECT count(*) FROM counted").fetchone()[0]
        row = self._execute("SELECT n FROM totals WHERE name = 'pruned'").fetchone()
        return int(present) + (int(row[0]) if row else 0)

    def reports_at_last_release(self) -> int | None:
        row = self._execute("SELECT reports FROM releases WHERE reports IS NOT NULL "
                            f"ORDER BY {self.ORDER} DESC LIMIT 1").fetchone()
        return int(row[0]) if row else None

    def months(self) -> list[str]:
        """The months with at least one report counted."""
        return [m for (m,) in self._execute(
            "SELECT DISTINCT period FROM counts WHERE table_id = ? ORDER BY period", (MONTHLY_TOTAL,)).fetchall()]

    def cell_keys(self) -> dict[CellKey, int]:
        """Each cell's key: the sum of its reports' record keys, modulo 256 (cellkey.py)."""
        return {(t, p, tuple(json.loads(c))): k
                for t, p, c, k in self._execute("SELECT table_id, period, cell, ckey FROM counts").fetchall()}

    def snapshot(self) -> tuple[dict[CellKey, int], list[str]]:
        """A frozen copy of the counts and the months with reports, read in one transaction."""
        counts, months, _ = self.frozen()
        return counts, months

    # Releases.
    def release(self, release_id: str) -> list[dict] | None:
        row = self._execute("SELECT cells FROM releases WHERE release_id = ?", (release_id,)).fetchone()
        return json.loads(row[0]) if row else None

    def releases(self) -> list[list[dict]]:
        return [json.loads(c) for (c,) in self._execute(f"SELECT cells FROM releases ORDER BY {self.ORDER}").fetchall()]

    def records(self) -> list[list[list]]:
        """What the audit needs of every release cut so far, oldest first."""
        return [json.loads(r) for (r,) in self._execute(
            f"SELECT record FROM releases WHERE record IS NOT NULL ORDER BY {self.ORDER}").fetchall()]

    def save_release(self, release_id: str, cells: list[dict], record: list[list],
                     positions: dict[int, int] | None = None, reports: int | None = None) -> list[dict]:
        """The cut release, and the redacted topic's positions it covers, in one transaction.
        Idempotent by release id: a second save of the same id changes nothing. Returns the cells
        stored under the id, the first saved: publish those (should two instances ever cut one id,
        both publish the same)."""
        with self._tx():
            self._execute("INSERT INTO releases (release_id, cells, record, reports) VALUES (?, ?, ?, ?) "
                          "ON CONFLICT DO NOTHING", (release_id, json.dumps(cells), json.dumps(record), reports))
            if positions is not None:
                self._execute("INSERT INTO watermarks (release_id, positions) VALUES (?, ?) ON CONFLICT DO NOTHING",
                              (release_id, json.dumps(sorted(positions.items()))))
            return self.release(release_id)

    def mark_published(self, release_id: str) -> None:
        """Every cell of the release has been acknowledged by the broker."""
        with self._tx():
            self._execute("INSERT INTO published (release_id) VALUES (?) ON CONFLICT DO NOTHING", (release_id,))

    def is_published(self, release_id: str) -> bool:
        return self._execute("SELECT 1 FROM published WHERE release_id = ?", (release_id,)).fetchone() is not None

    def refusal(self, release_id: str) -> dict | None:
        """Why a release was refused: the rule's code and, when the audit refused it, the failing
        cells per table (counts only)."""
        row = self._execute("SELECT failures FROM refusals WHERE release_id = ?", (release_id,)).fetchone()
        return json.loads(row[0]) if row else None

    def save_refusal(self, release_id: str, failures: dict) -> None:
        with self._tx():
            self._execute("INSERT INTO refusals (release_id, failures) VALUES (?, ?) ON CONFLICT DO NOTHING",
                          (release_id, json.dumps(failures)))

    # Wipes and pruning.
    def mark_wiped(self, release_id: str, now_ms: int | None = None) -> None:
        """Every record the release covers is deleted from the redacted topic (the wipe's outcome
        was `wiped`)."""
        now_ms = int(time.time() * 1000) if now_ms is None else now_ms
        with self._tx():
            self._execute("INSERT INTO wipes (release_id, wiped_at_ms) VALUES (?, ?) ON CONFLICT DO NOTHING",
                          (release_id, now_ms))

    def prune(self, now_ms: int | None = None, after_ms: int = PRUNE_AFTER_WIPE_MS) -> int:
        """Forget the ids of reports that can never be delivered again: read from below the
        watermark of a release wiped at least `after_ms` ago (their redacted records are deleted,
        and their raw records, the only source of a duplicate, have outlived their bound). The
        number pruned is kept, so `reports_counted` does not change. Returns how many."""
        now_ms = int(time.time() * 1000) if now_ms is None else now_ms
        with self._tx():
            safe: dict[int, int] = {}
            for (release_id,) in self._execute("SELECT release_id FROM wipes WHERE wiped_at_ms <= ?",
                                               (now_ms - after_ms,)).fetchall():
                for part, offset in (self.watermark(release_id) or {}).items():
                    safe[part] = max(offset, safe.get(part, 0))
            pruned = 0
            for part in sorted(safe):
                pruned += self._execute("DELETE FROM counted WHERE part = ? AND off < ?", (part, safe[part])).rowcount
                self._execute("DELETE FROM coded WHERE part = ? AND off < ?", (part, safe[part]))
            if pruned:
                self._execute("INSERT INTO totals (name, n) VALUES ('pruned', ?) ON CONFLICT (name) DO UPDATE "
                              "SET n = totals.n + excluded.n", (pruned,))
            return pruned


    # Moving a store (SQLite to PostgreSQL when one aggregator becomes several).
    TABLES = {   # every table and the columns a copy carries, in the order rows are read
        "counted": ("event_id", "part", "off"),
        "counts": ("table_id", "period", "cell", "n", "ckey"),
        "releases": ("release_id", "cells", "record", "reports"),
        "refusals": ("release_id", "failures"),
        "published": ("release_id",),
        "positions": ("part", "next_offset"),
        "watermarks": ("release_id", "positions"),
        "wipes": ("release_id", "wiped_at_ms"),
        "totals": ("name", "n"),
        "coded": ("event_id", "part", "off"),
        "coded_positions": ("part", "next_offset"),
        "secrets": ("name", "value"),
    }

    def copy_from(self, source: "Store") -> int:
        """Copy everything `source` holds into this store, which must be empty, in one
        transaction (releases keep their order). Returns how many reports it holds."""
        with self._tx():
            if self._execute("SELECT count(*) FROM counted").fetchone()[0] or self.releases():
                raise ValueError("the store copied into must be empty")
            self._execute("DELETE FROM secrets")   # the source's record keys are the ones its cells hold
            self._execute("DELETE FROM coded")
            self._execute("DELETE FROM coded_positions")
            for table, columns in self.TABLES.items():
                order = f" ORDER BY {source.ORDER}" if table == "releases" else ""
                rows = source._execute(f"SELECT {', '.join(columns)} FROM {table}{order}").fetchall()
                for row in rows:
                    self._execute(f"INSERT INTO {table} ({', '.join(columns)}) "
                                  f"VALUES ({', '.join('?' * len(columns))})", tuple(row))
            self._keys = cellkey.RecordKeys(bytes.fromhex(self._execute(
                "SELECT value FROM secrets WHERE name = 'record_key'").fetchone()[0]))
            return self.reports_counted()


class SqliteStore(Store):
    """One file, one aggregator (the `make run` default). The cut's lock is a lock on a file beside
    it, so two processes on one machine never cut at once."""

    def __init__(self, location: Path | str):
        path = str(location).removeprefix("sqlite:///") if str(location).startswith("sqlite:///") else str(location)
        if path != ":memory:":
            Path(path).parent.mkdir(parents=True, exist_ok=True)
        self._lock_path = None if path == ":memory:" else path + ".cut-lock"
        self._lock_fd: int | None = None
        self._db = sqlite3.connect(path, isolation_level=None, timeout=30)
        self._wal()
        self._db.execute("PRAGMA synchronous=FULL")
        self._db.executescript(SQLITE_SCHEMA)   # each statement "IF NOT EXISTS", one at a time
        with self._tx():   # one process at a time upgrades: two starting together would add a column twice
            self._upgrade()
        self._settle()

    def _wal(self, seconds: float = 30.0) -> None:
        """Switching a new file to WAL can answer "locked" at once while another process sets it
        up (SQLite's busy handler is not called there): try again for a while."""
        deadline = time.monotonic() + seconds
        while True:
            try:
                self._db.execute("PRAGMA journal_mode=WAL")
                return
            except sqlite3.OperationalError as exc:
                if "locked" not in str(exc) or time.monotonic() > deadline:
                    raise
                time.sleep(0.05)

    def _upgrade(self) -> None:
        """Inside a transaction: columns added since the first layout."""
        columns = {row[1] for row in self._db.execute("PRAGMA table_info(releases)")}
        if "record" not in columns:
            self._db.execute("ALTER TABLE releases ADD COLUMN record TEXT")
        if "reports" not in columns:   # how many reports were counted when it was cut (never published)
            self._db.execute("ALTER TABLE releases ADD COLUMN reports INTEGER")
        if "part" not in {row[1] for row in self._db.execute("PRAGMA table_info(counted)")}:
            # where each id was read, for pruning; ids counted before have none and are kept
            self._db.execute("ALTER TABLE counted ADD COLUMN part INTEGER")
            self._db.execute("ALTER TABLE counted ADD COLUMN off INTEGER")
        if "ckey" not in {row[1] for row in self._db.execute("PRAGMA table_info(counts)")}:
            # cells counted before cell keys existed get a random key each
            self._db.execute("ALTER TABLE counts ADD COLUMN ckey INTEGER NOT NULL DEFAULT 0")
            self._db.execute(f"UPDATE counts SET ckey = abs(random()) % {cellkey.KEY_RANGE}")

    def _execute(self, sql: str, params=()):
        return self._db.execute(sql, params)

    def _tx(self, snapshot: bool = False):
        db = self._db

        class _Tx:
            def __enter__(self):
                if db.in_transaction:   # nested (a snapshot read inside one): the outer one holds
                    self.outer = True
                    return
                self.outer = False
                db.execute("BEGIN IMMEDIATE")

            def __exit__(self, exc_type, *_):
                if self.outer:
                    return
                # A COMMIT that fails (the disk full) leaves the transaction open: roll it back,
                # so the next batch starts clean and nothing of this one is kept.
                try:
                    if not exc_type:
                        db.execute("COMMIT")
                finally:
                    if db.in_transaction:
                        db.execute("ROLLBACK")
        return _Tx()

    def try_lock(self) -> bool:
        if self._lock_path is None:
            return True
        import fcntl
        fd = os.open(self._lock_path, os.O_RDWR | os.O_CREAT, 0o600)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            os.close(fd)
            return False
        self._lock_fd = fd
        return True

    def unlock(self) -> None:
        if self._lock_fd is not None:
            os.close(self._lock_fd)   # closing the descriptor gives the lock back
            self._lock_fd = None

    def close(self) -> None:
        self.unlock()
        self._db.close()


# The cut's lock: one advisory lock key for every aggregator sharing a database.
CUT_LOCK_KEY = 0x4D41_4752   # "MAGR"


class PostgresStore(Store):
    """A PostgreSQL database (psycopg 3) shared by every aggregator of the consumer group. The
    cut's lock is a session advisory lock held on a connection of its own, so it is given back
    when the process dies."""

    ORDER = "seq"
    RETRIES = 5

    def __init__(self, location: str):
        import psycopg

        self._psycopg = psycopg
        self._url = str(location)
        self._db = self._connect()
        self._lock_db = None
        with self._db.transaction():
            # two instances starting at once: one creates the tables, the other waits for it
            self._db.execute("SELECT pg_advisory_xact_lock(%s)", (CUT_LOCK_KEY + 1,))
            self._db.execute(POSTGRES_SCHEMA)
            self._settle()

    def _connect(self):
        return self._psycopg.connect(self._url, autocommit=True, connect_timeout=10)

    def _live(self):
        """The connection, made again if the last one was lost (the server restarted, a failover):
        the statement that found it lost failed, its batch is read again (consumer.retry_on_failure),
        and the next one reconnects. Never inside a transaction: that one failed whole."""
        if self._db.closed or self._db.broken:
            self._db = self._connect()
        return self._db

    def _execute(self, sql: str, params=()):
        db = self._db if self._in_tx() else self._live()
        return db.execute(sql.replace("%", "%%").replace("?", "%s"), params)

    def _in_tx(self) -> bool:
        return not self._db.closed and \
            self._db.info.transaction_status != self._psycopg.pq.TransactionStatus.IDLE

    def _tx(self, snapshot: bool = False):
        @contextlib.contextmanager
        def tx():
            if self._in_tx():
                yield   # nested: the outer transaction holds
                return
            db = self._live()
            with db.transaction():
                if snapshot:
                    db.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY")
                yield
        return tx()

    def _retrying(self, work):
        """Two instances counting the same cell wait on its row, and on a redelivered id; the rows
        are always taken in one order, but should the database still break a deadlock or a
        serialisation conflict, the whole transaction runs again (nothing of it was kept)."""
        errors = self._psycopg.errors
        for attempt in range(self.RETRIES):
            try:
                with self._tx():
                    return work()
            except (errors.DeadlockDetected, errors.SerializationFailure):
                if attempt == self.RETRIES - 1:
                    raise
                time.sleep(0.05 * (attempt + 1))

    def try_lock(self) -> bool:
        if self._lock_db is None or self._lock_db.closed or self._lock_db.broken:
            self._lock_db = self._connect()
        return bool(self._lock_db.execute("SELECT pg_try_advisory_lock(%s)", (CUT_LOCK_KEY,)).fetchone()[0])

    def unlock(self) -> None:
        if self._lock_db is not None and not self._lock_db.closed:
            try:
                self._lock_db.execute("SELECT pg_advisory_unlock(%s)", (CUT_LOCK_KEY,))
            except self._psycopg.OperationalError:   # the session is gone, and its lock with it
                self._lock_db.close()

    def close(self) -> None:
        if self._lock_db is not None:
            self._lock_db.close()
        self._db.close()


def main(argv: list[str] | None = None) -> None:
    """python -m services.aggregator.state copy SOURCE TARGET: copy a store (a SQLite path or
    sqlite:/// URL, or a postgresql:// URL) into an empty one, with the aggregators stopped."""
    import sys

    args = sys.argv[1:] if argv is None else argv
    if len(args) != 3 or args[0] != "copy":
        raise SystemExit(main.__doc__)
    source, target = Store(args[1]), Store(args[2])
    try:
        print(f"copied: {target.copy_from(source)} reports counted, {len(target.releases())} releases")
    finally:
        source.close()
        target.close()


if __name__ == "__main__":
    main()
