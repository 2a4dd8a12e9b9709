"""The aggregator's state: a SQLite file holding the ids already counted, the counts (each with
its cell key, the sum of its reports' random record keys: cellkey.py), the
releases already cut (with the bounds the audit of later releases needs) and the releases
refused. Codes and counts only: no narrative is ever written here. One transaction per batch
of reports (ids, counts and positions together) makes counting idempotent: offsets are
committed to Kafka only after it, so a redelivered report finds its id and is skipped."""
from __future__ import annotations

import functools
import json
import sqlite3
from pathlib import Path
from typing import Callable

from . import cellkey
from .counting import CellKey

MONTHLY_TOTAL = "reports"

SCHEMA = """
CREATE TABLE IF NOT EXISTS counted (event_id TEXT PRIMARY KEY);
CREATE TABLE IF NOT EXISTS counts (
  table_id TEXT NOT NULL, period TEXT NOT NULL, cell TEXT NOT NULL, n INTEGER NOT NULL,
  PRIMARY KEY (table_id, period, cell));
CREATE TABLE IF NOT EXISTS releases (release_id TEXT PRIMARY KEY, cells TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS refusals (release_id TEXT PRIMARY KEY, failures TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS published (release_id TEXT PRIMARY KEY);
CREATE TABLE IF NOT EXISTS positions (part INTEGER PRIMARY KEY, next_offset INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS watermarks (release_id TEXT PRIMARY KEY, positions TEXT NOT NULL);
"""


@functools.lru_cache(maxsize=65536)
def _dims_json(cell: tuple[str, ...]) -> str:
    """A cell's dimension values as stored (the same few thousand cells recur in every batch)."""
    return json.dumps(list(cell))


class Store:
    def __init__(self, path: Path | str):
        if str(path) != ":memory:":
            Path(path).parent.mkdir(parents=True, exist_ok=True)
        self._db = sqlite3.connect(str(path), isolation_level=None)
        self._db.execute("PRAGMA journal_mode=WAL")
        self._db.execute("PRAGMA synchronous=FULL")
        self._db.executescript(SCHEMA)
        columns = {row[1] for row in self._db.execute("PRAGMA table_info(releases)")}
        if "record" not in columns:
            self._db.execute("ALTER TABLE releases ADD COLUMN record TEXT")
        if "reports" not in columns:   # how many reports were counted when it was cut (never published)
            self._db.execute("ALTER TABLE releases ADD COLUMN reports INTEGER")
        if "ckey" not in {row[1] for row in self._db.execute("PRAGMA table_info(counts)")}:
            # cells counted before cell keys existed get a random key each
            with self._tx():
                self._db.execute(f"ALTER TABLE counts ADD COLUMN ckey INTEGER NOT NULL DEFAULT 0")
                self._db.execute(f"UPDATE counts SET ckey = abs(random()) % {cellkey.KEY_RANGE}")

    def count(self, event_id: str, cells: list[CellKey], position: tuple[int, int] | None = None) -> bool:
        """Count one report in its cells, once. Returns False if it was already counted.
        `position` is the (partition, offset) it was read from on the redacted topic: the
        release cut from this state covers every record before it (the wipe's watermark)."""
        with self._tx():
            if position is not None:
                self.advance(*position)
            cur = self._db.execute("INSERT OR IGNORE INTO counted VALUES (?)", (event_id,))
            if cur.rowcount == 0:
                return False
            self._add(cells)
            return True

    def _add(self, cells: list[CellKey], key: int | None = None) -> None:
        """One report more in each of its cells, inside the caller's transaction."""
        if key is None:
            key = cellkey.record_key()   # the report's random record key: only its sums are kept, per cell
        self._db.executemany(
            "INSERT INTO counts (table_id, period, cell, n, ckey) VALUES (?, ?, ?, 1, ?) ON CONFLICT DO UPDATE "
            f"SET n = n + 1, ckey = (ckey + excluded.ckey) % {cellkey.KEY_RANGE}",
            [(t, p, _dims_json(c), key) for t, p, c in cells])

    def count_many(self, reports: list[tuple[str, list[CellKey], tuple[int, int]]],
                   passed: list[tuple[int, int]] = (), record_key: Callable[[str], int] | None = None) -> int:
        """Count a batch of reports, each once, in one transaction (one fsync), with the
        positions they were read from and those of records `passed` without counting (dead
        letters). All or nothing: a crash leaves the batch wholly uncounted, to be read again.
        `record_key(event_id)` gives each report's record key (random when not given).
        Returns how many were new."""
        new = 0
        with self._tx():
            for position in passed:
                self.advance(*position)
            for event_id, cells, position in reports:
                self.advance(*position)
                if self._db.execute("INSERT OR IGNORE INTO counted VALUES (?)", (event_id,)).rowcount == 0:
                    continue
                new += 1
                self._add(cells, record_key(event_id) if record_key else None)
        return new

    def adopt(self, path: Path | str, table_ids: tuple[str, ...]) -> int:
        """Take the ids counted and the counts of `table_ids` from the store at `path`, in one
        transaction, into this empty one (a state kept before the coded tables had a store of
        their own). Returns how many reports it took."""
        marks = ",".join("?" * len(table_ids))
        self._db.execute("ATTACH DATABASE ? AS old", (str(path),))
        try:
            with self._tx():
                if self.reports_counted():
                    return 0
                self._db.execute("INSERT OR IGNORE INTO counted SELECT event_id FROM old.counted")
                self._db.execute(f"INSERT INTO counts (table_id, period, cell, n, ckey) SELECT table_id, period, "
                                 f"cell, n, ckey FROM old.counts WHERE table_id IN ({marks})", table_ids)
                return self.reports_counted()
        finally:
            self._db.execute("DETACH DATABASE old")

    def counted_among(self, event_ids: list[str]) -> set[str]:
        """Which of these reports have been counted."""
        found: set[str] = set()
        for i in range(0, len(event_ids), 500):
            chunk = event_ids[i:i + 500]
            found.update(e for (e,) in self._db.execute(
                f"SELECT event_id FROM counted WHERE event_id IN ({','.join('?' * len(chunk))})", chunk))
        return found

    def advance(self, partition: int, offset: int) -> None:
        """Everything on the redacted topic's `partition` up to `offset` has been handled."""
        self._db.execute("INSERT INTO positions VALUES (?, ?) ON CONFLICT DO UPDATE "
                         "SET next_offset = max(next_offset, excluded.next_offset)", (partition, offset + 1))

    def positions(self) -> dict[int, int]:
        return dict(self._db.execute("SELECT part, next_offset FROM positions"))

    def watermark(self, release_id: str) -> dict[int, int] | None:
        """The redacted topic's positions the release was cut at: the records it covers."""
        row = self._db.execute("SELECT positions FROM watermarks WHERE release_id = ?", (release_id,)).fetchone()
        return {int(p): int(o) for p, o in json.loads(row[0])} if row else None

    def frozen(self) -> tuple[dict[CellKey, int], list[str], dict[int, int]]:
        """The counts, the months with reports and the positions they were counted up to,
        read in one transaction."""
        with self._tx():
            counts = {(t, p, tuple(json.loads(c))): n
                      for t, p, c, n in self._db.execute("SELECT table_id, period, cell, n FROM counts")}
            months = sorted(p for (t, p, _) in counts if t == MONTHLY_TOTAL)
            return counts, months, self.positions()

    def reports_counted(self) -> int:
        """How many distinct reports have been counted: never published, only compared."""
        return self._db.execute("SELECT count(*) FROM counted").fetchone()[0]

    def reports_at_last_release(self) -> int | None:
        row = self._db.execute("SELECT reports FROM releases WHERE reports IS NOT NULL "
                               "ORDER BY rowid DESC LIMIT 1").fetchone()
        return row[0] if row else None

    def months(self) -> list[str]:
        """The months with at least one report counted."""
        return [m for (m,) in self._db.execute(
            "SELECT DISTINCT period FROM counts WHERE table_id = ? ORDER BY period", (MONTHLY_TOTAL,))]

    def cell_keys(self) -> dict[CellKey, int]:
        """Each cell's key: the sum of its reports' record keys, modulo 256 (cellkey.py)."""
        return {(t, p, tuple(json.loads(c))): k
                for t, p, c, k in self._db.execute("SELECT table_id, period, cell, ckey FROM counts")}

    def snapshot(self) -> tuple[dict[CellKey, int], list[str]]:
        """A frozen copy of the counts and the months with reports, read in one transaction."""
        counts, months, _ = self.frozen()
        return counts, months

    def release(self, release_id: str) -> list[dict] | None:
        row = self._db.execute("SELECT cells FROM releases WHERE release_id = ?", (release_id,)).fetchone()
        return json.loads(row[0]) if row else None

    def releases(self) -> list[list[dict]]:
        return [json.loads(c) for (c,) in self._db.execute("SELECT cells FROM releases ORDER BY rowid")]

    def records(self) -> list[list[list]]:
        """What the audit needs of every release cut so far, oldest first."""
        return [json.loads(r) for (r,) in
                self._db.execute("SELECT record FROM releases WHERE record IS NOT NULL ORDER BY rowid")]

    def save_release(self, release_id: str, cells: list[dict], record: list[list],
                     positions: dict[int, int] | None = None, reports: int | None = None) -> None:
        """The cut release, and the redacted topic's positions it covers, in one transaction."""
        with self._tx():
            self._db.execute("INSERT OR IGNORE INTO releases (release_id, cells, record, reports) VALUES (?, ?, ?, ?)",
                             (release_id, json.dumps(cells), json.dumps(record), reports))
            if positions is not None:
                self._db.execute("INSERT OR IGNORE INTO watermarks VALUES (?, ?)",
                                 (release_id, json.dumps(sorted(positions.items()))))

    def mark_published(self, release_id: str) -> None:
        """Every cell of the release has been acknowledged by the broker."""
        with self._tx():
            self._db.execute("INSERT OR IGNORE INTO published VALUES (?)", (release_id,))

    def is_published(self, release_id: str) -> bool:
        return self._db.execute("SELECT 1 FROM published WHERE release_id = ?", (release_id,)).fetchone() is not None

    def refusal(self, release_id: str) -> dict | None:
        """Why a release was refused: the rule's code and, when the audit refused it, the failing
        cells per table (counts only)."""
        row = self._db.execute("SELECT failures FROM refusals WHERE release_id = ?", (release_id,)).fetchone()
        return json.loads(row[0]) if row else None

    def save_refusal(self, release_id: str, failures: dict) -> None:
        with self._tx():
            self._db.execute("INSERT OR IGNORE INTO refusals VALUES (?, ?)", (release_id, json.dumps(failures)))

    def _tx(self):
        db = self._db

        class _Tx:
            def __enter__(self):
                db.execute("BEGIN IMMEDIATE")

            def __exit__(self, exc_type, *_):
                # A COMMIT that fails (the disk full) leaves the transaction open: roll it back,
                # so the next batch starts clean and nothing of this one is kept.
                try:
                    if not exc_type:
                        db.execute("COMMIT")
                finally:
                    if db.in_transaction:
                        db.execute("ROLLBACK")
        return _Tx()

    def close(self) -> None:
        self._db.close()
