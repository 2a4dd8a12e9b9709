"""Backup and restore of the aggregator's store, as docs/operations.md tells an operator to do it:
PostgreSQL with pg_dump / pg_restore, SQLite with SQLite's online backup. Back up, lose the
database, restore: the next release is identical to the one the lost database would have cut
(counts, cell keys and the audit's record of every earlier release all came back), and a report
delivered again is still skipped."""
from __future__ import annotations

import sqlite3
from datetime import date
from pathlib import Path

import pytest

from services.aggregator import counting, release
from services.aggregator.cellkey import CellKeyPerturbation
from services.aggregator.state import PRUNE_AFTER_WIPE_MS, Store

POLICY = release.Policy(perturbation=CellKeyPerturbation())   # the production noise: cell keys matter
ORGS = ["nnuh", "nsft", "qeh", "jpuh"]


def fill(store: Store) -> None:
    """Synthetic reports over two months: enough for published and suppressed cells."""
    for i in range(180):
        answers = {"happened_to": "self" if i % 3 else "witnessed", "came_from": ["peer", "patient"][: 1 + i % 2],
                   "about": [["race"], ["age"], ["sex", "race"]][i % 3], "organisation": ORGS[i % 4 if i % 7 else 0],
                   "what_happened": "[PERSON] ignored me."}
        store.count(f"report-{i:04d}", counting.cells_of(answers, "2026-10" if i < 100 else "2026-11"), (i % 3, i))


def cut(store: Store, release_id: str) -> list[dict]:
    """What the aggregator's cut does (app._cut_once), saved as it saves it."""
    counts, months, positions, keys, reports = store.cut_state()
    made = release.cut(counts, months, release_id, date(2026, 12, 1), POLICY, store.records(), cell_keys=keys)
    store.save_release(release_id, made.cells, made.record, positions, reports)
    return made.cells


def backup_postgres(request, location: str, to: Path) -> None:
    request.getfixturevalue("postgres").tool("pg_dump", "--format=custom", f"--file={to}", location)


def lose_and_restore_postgres(request, location: str, backup: Path) -> None:
    server = request.getfixturevalue("postgres")
    name = location.rsplit("/", 1)[1]
    server.drop_database(name)              # the database is gone...
    server.create_database(name)            # ...an empty one in its place
    server.tool("pg_restore", "--exit-on-error", f"--dbname={location}", str(backup))


def backup_sqlite(request, location: str, to: Path) -> None:
    with sqlite3.connect(location.removeprefix("sqlite:///")) as live, sqlite3.connect(to) as copy:
        live.backup(copy)                   # what `sqlite3 aggregator.sqlite3 ".backup FILE"` does


def lose_and_restore_sqlite(request, location: str, backup: Path) -> None:
    path = Path(location.removeprefix("sqlite:///"))
    for lost in path.parent.glob(path.name + "*"):   # the file, its WAL and shared memory
        lost.unlink()
    path.write_bytes(backup.read_bytes())


@pytest.mark.parametrize("kind", ["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def test_backup_lose_the_database_restore_and_the_next_release_is_identical(request, kind, tmp_path):
    location = (f"sqlite:///{tmp_path / 'aggregator.sqlite3'}" if kind == "sqlite"
                else request.getfixturevalue("postgres").create_database())
    backup, restore = ((backup_sqlite, lose_and_restore_sqlite) if kind == "sqlite"
                       else (backup_postgres, lose_and_restore_postgres))
    store = Store(location)
    fill(store)
    first = cut(store, "r1")
    store.mark_published("r1")
    backup(request, location, tmp_path / "aggregator.backup")
    expected = cut(store, "r2")             # the release the lost database would have cut next
    store.close()

    restore(request, location, tmp_path / "aggregator.backup")
    restored = Store(location)
    try:
        assert restored.release("r1") == first and restored.is_published("r1")
        assert restored.release("r2") is None and restored.reports_counted() == 180
        assert restored.count("report-0007", [], (1, 7)) is False     # still known: skipped
        again = cut(restored, "r2")
        assert again == expected
        published = [c for c in again if c["status"] == "published"]
        assert len(published) > 10 and any(c["status"] == "suppressed" for c in again)
    finally:
        restored.close()


@pytest.mark.postgres
def test_a_sqlite_store_copied_into_postgresql_cuts_the_same_next_release(postgres, tmp_path, capsys):
    from services.aggregator.state import main

    sqlite_url, pg_url = f"sqlite:///{tmp_path / 'aggregator.sqlite3'}", postgres.create_database()
    store = Store(sqlite_url)
    fill(store)
    first = cut(store, "r1")
    store.mark_published("r1")
    store.mark_wiped("r1", now_ms=5)
    store.close()
    main(["copy", sqlite_url, pg_url])
    assert capsys.readouterr().out.strip() == "copied: 180 reports counted, 1 releases"
    with pytest.raises(ValueError, match="must be empty"):
        Store(pg_url).copy_from(Store(sqlite_url))
    moved, kept = Store(pg_url), Store(sqlite_url)
    try:
        assert moved.release("r1") == first and moved.is_published("r1") and moved.positions() == kept.positions()
        assert moved.count("report-0003", [], (0, 3)) is False
        assert cut(moved, "r2") == cut(kept, "r2")                        # counts, keys and the audit's record moved
        assert moved.prune(now_ms=5 + PRUNE_AFTER_WIPE_MS) == kept.prune(now_ms=5 + PRUNE_AFTER_WIPE_MS) > 0
    finally:
        moved.close()
        kept.close()
