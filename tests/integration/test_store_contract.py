"""One contract for the aggregator's store, run against both implementations: SQLite (a file) and
PostgreSQL (a real server, started by the `postgres` fixture; these cases are marked `postgres`).
Whatever the store, a report is counted once, releases are idempotent by id, a cut reads one state,
one holder of the cut's lock at a time, and pruning forgets only ids that can never come back."""
from __future__ import annotations

import threading
import time

import pytest

from services.aggregator import counting
from services.aggregator.state import PRUNE_AFTER_WIPE_MS, PostgresStore, SqliteStore, Store, StoreSettingError

REPORT = {"happened_to": "self", "came_from": ["peer"], "about": ["race"], "what_happened": "[PERSON] spoke over me"}


def cells(about: str = "race", month: str = "2026-10") -> list:
    return counting.cells_of({**REPORT, "about": [about]}, month)


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def location(request, tmp_path):
    """Where a store lives: a fresh SQLite file, or a fresh database on the throwaway cluster."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'state.sqlite3'}"
    return request.getfixturevalue("postgres").create_database()


@pytest.fixture
def store(location):
    s = Store(location)
    yield s
    s.close()


def test_the_location_chooses_the_implementation(location, tmp_path):
    s = Store(location)
    try:
        assert type(s) is (PostgresStore if location.startswith("postgresql://") else SqliteStore)
        assert isinstance(s, Store)
    finally:
        s.close()
    plain = Store(tmp_path / "plain.sqlite3")   # the path setting of old: still a SQLite file
    assert type(plain) is SqliteStore and (tmp_path / "plain.sqlite3").exists()
    plain.close()
    with pytest.raises(StoreSettingError, match="sqlite:///<path> or postgresql://"):
        Store("mysql://somewhere/db")


def test_each_report_is_counted_once_however_often_it_comes(store):
    assert store.count("a", cells(), (0, 0)) is True
    assert store.count("a", cells(), (0, 1)) is False   # redelivered
    assert store.count_many([("b", cells("age"), (1, 0)), ("a", cells(), (0, 2)), ("c", cells(), (2, 0))],
                            passed=[(1, 4)]) == 2
    assert store.count_many([("b", cells("age"), (1, 0)), ("c", cells(), (2, 0))]) == 0
    counts, months = store.snapshot()
    assert months == ["2026-10"]
    assert counts[("reports", "2026-10", ())] == 3
    assert counts[("about", "2026-Q4", ("race",))] == 2 and counts[("about", "2026-Q4", ("age",))] == 1
    assert store.reports_counted() == 3
    assert store.positions() == {0: 3, 1: 5, 2: 1}     # the next offset to read, never moved back
    store.advance(0, 0)
    assert store.positions()[0] == 3


def test_a_cell_key_is_the_sum_of_its_reports_keys(store, monkeypatch):
    monkeypatch.setattr(store, "record_key", {"a": 100, "b": 200, "c": 7}.__getitem__)   # the store's own, by id
    store.count_many([("a", cells(), (0, 0)), ("b", cells(), (0, 1)), ("a", cells(), (0, 2))])   # a: once, one key
    store.count("c", cells("age"), (0, 3))
    keyed = store.cell_keys()
    assert keyed[("about", "2026-Q4", ("race",))] == (100 + 200) % 256 == 44
    assert keyed[("about", "2026-Q4", ("age",))] == 7
    assert keyed[("reports", "2026-10", ())] == (300 + 7) % 256 == 51


def test_a_report_key_can_come_from_its_id_and_counted_ids_can_be_asked_for(store):
    keys = {"a": 10, "b": 250, "c": 3}
    assert store.count_many([(e, cells(), (0, i)) for i, e in enumerate("abc")], record_key=keys.__getitem__) == 3
    assert store.count_many([("a", cells(), (0, 9))], record_key=lambda e: 1 / 0) == 0   # counted: no key asked
    assert store.cell_keys()[("about", "2026-Q4", ("race",))] == (10 + 250 + 3) % 256 == 7
    assert store.counted_among(["a", "x", "c"]) == {"a", "c"}
    assert store.counted_among([f"id-{i}" for i in range(1200)] + ["b"]) == {"b"}   # asked in chunks
    assert store.counted_among([]) == set()


def test_releases_are_idempotent_by_id_and_kept_in_the_order_cut(store):
    store.count("a", cells(), (0, 0))
    assert store.save_release("r1", [{"cell": 1}], [["rec", 1]], {0: 1}, reports=1) == [{"cell": 1}]
    # a second cut of r1 (another instance): ignored, and told what to publish instead
    assert store.save_release("r1", [{"cell": 99}], [["rec", 99]], {0: 50}, reports=50) == [{"cell": 1}]
    store.save_release("r2", [{"cell": 2}], [["rec", 2]], {0: 1, 1: 7}, reports=8)
    assert store.release("r1") == [{"cell": 1}] and store.release("nope") is None
    assert store.releases() == [[{"cell": 1}], [{"cell": 2}]]
    assert store.records() == [[["rec", 1]], [["rec", 2]]]
    assert store.watermark("r1") == {0: 1} and store.watermark("r2") == {0: 1, 1: 7}
    assert store.reports_at_last_release() == 8
    assert not store.is_published("r1")
    store.mark_published("r1")
    store.mark_published("r1")
    assert store.is_published("r1") and not store.is_published("r2")
    store.save_refusal("r3", {"reason": "too_few_new", "failures": {}})
    store.save_refusal("r3", {"reason": "other", "failures": {}})
    assert store.refusal("r3") == {"reason": "too_few_new", "failures": {}} and store.refusal("r1") is None


def test_a_cut_reads_counts_keys_positions_and_total_as_one_state(store):
    store.count_many([("a", cells(), (0, 4)), ("b", cells("age", "2026-11"), (1, 2))])
    counts, months, positions, keys, reports = store.cut_state()
    assert counts == store.snapshot()[0] and months == ["2026-10", "2026-11"]
    assert positions == {0: 5, 1: 3} and set(keys) == set(counts) and reports == 2
    assert store.frozen() == (counts, months, positions)


def test_one_holder_of_the_cut_lock_at_a_time(location):
    first, second = Store(location), Store(location)
    try:
        assert first.try_lock() is True
        assert second.try_lock() is False
        first.unlock()
        assert second.try_lock() is True
        assert first.try_lock() is False
        second.close()                    # a holder that goes away gives the lock back (its server
        deadline = time.monotonic() + 10  # session ends a moment after the client's goodbye)
        while not first.try_lock():
            assert time.monotonic() < deadline, "the lock of a closed store was never given back"
            time.sleep(0.05)
    finally:
        first.close()


def test_aggregators_opening_a_new_store_at_once_all_start_and_share_one_record_key(location):
    """Replicas started together on an empty store: one makes the schema, none fails."""
    start, keys, errors = threading.Barrier(4), [], []

    def run():   # each instance its own connection, opened and closed in its own thread
        start.wait()
        try:
            s = Store(location)
        except Exception as exc:   # the assertion below names it
            errors.append(repr(exc))
            return
        try:
            keys.append(s.record_key("id-0001"))
        finally:
            s.close()
    threads = [threading.Thread(target=run) for _ in range(4)]
    [t.start() for t in threads]
    [t.join(60) for t in threads]
    assert errors == []
    assert len(keys) == 4 and len(set(keys)) == 1


def test_two_instances_counting_the_same_reports_at_once_count_each_once(location):
    """Two aggregators handed overlapping batches (a rebalance redelivers) at the same moment."""
    ids = [f"id-{i:04d}" for i in range(400)]
    batches = {0: [(e, cells("race" if i % 2 else "age"), (i % 3, i)) for i, e in enumerate(ids[:300])],
               1: [(e, cells("race" if (i + 100) % 2 else "age"), ((i + 100) % 3, i + 100))
                   for i, e in enumerate(ids[100:])]}
    new = {}
    start = threading.Barrier(2)

    def run(k):   # each instance its own connection, opened in its own thread
        s = Store(location)
        try:
            start.wait()
            new[k] = sum(s.count_many(batches[k][i:i + 50]) for i in range(0, len(batches[k]), 50))
        finally:
            s.close()
    threads = [threading.Thread(target=run, args=(k,)) for k in batches]
    [t.start() for t in threads]
    [t.join(60) for t in threads]
    assert new[0] + new[1] == 400
    s = Store(location)
    try:
        counts, _ = s.snapshot()
        assert counts[("reports", "2026-10", ())] == 400
        assert counts[("about", "2026-Q4", ("race",))] == 200 and counts[("about", "2026-Q4", ("age",))] == 200
        assert s.reports_counted() == 400
    finally:
        s.close()


def test_pruning_forgets_only_ids_that_can_never_come_back(store):
    store.count_many([(f"old-{i}", cells(), (i % 2, i)) for i in range(10)])       # partition 0: 0,2..8; 1: 1..9
    store.save_release("r1", [{"cell": 1}], [["rec"]], store.positions(), reports=10)
    store.count_many([(f"new-{i}", cells(), (i % 2, 10 + i)) for i in range(4)])   # after the cut
    wiped_at = 1_000_000_000_000
    assert store.prune(now_ms=wiped_at) == 0                     # nothing wiped yet: nothing pruned
    store.mark_wiped("r1", now_ms=wiped_at)
    assert store.prune(now_ms=wiped_at + PRUNE_AFTER_WIPE_MS - 1) == 0   # raw records may still exist
    assert store.prune(now_ms=wiped_at + PRUNE_AFTER_WIPE_MS) == 10
    assert store.prune(now_ms=wiped_at + PRUNE_AFTER_WIPE_MS) == 0
    assert store.reports_counted() == 14                         # the total does not move
    assert store.count("new-2", cells(), (0, 12)) is False        # ids after the watermark are still known
    assert store.count("new-9", cells(), (1, 19)) is True
    assert store.snapshot()[0][("reports", "2026-10", ())] == 15


@pytest.mark.postgres
def test_a_lost_database_connection_fails_one_batch_and_the_next_reconnects(postgres):
    import psycopg

    url = postgres.create_database()
    store = Store(url)
    try:
        store.count("a", cells(), (0, 0))
        assert store.try_lock()
        with psycopg.connect(postgres.url(), autocommit=True) as admin:   # the server drops every session
            admin.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = %s",
                          (url.rsplit("/", 1)[1],))
        with pytest.raises(psycopg.OperationalError):
            store.count_many([("b", cells(), (0, 1))])                 # this batch fails whole...
        assert store.count_many([("b", cells(), (0, 1)), ("a", cells(), (0, 0))]) == 1   # ...read again, it counts
        assert store.snapshot()[0][("reports", "2026-10", ())] == 2 and store.positions() == {0: 2}
        store.unlock()                                                  # its session, and lock, are gone
        other = Store(url)
        assert other.try_lock() and not store.try_lock()
        other.close()
    finally:
        store.close()
