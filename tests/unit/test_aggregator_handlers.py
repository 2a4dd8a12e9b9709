"""The aggregator's handler suite: each case defined once and run against every kind of
aggregator (tests/support/aggregator.py), asserting the same end states: the counts in the store,
the releases, refusals, wipe outcomes and dead letters on their topics, what a wipe deleted.

- `memory`: the handlers in process, with the in-memory publisher and topic log of tests/fakes.py
  and the real SQLite store; no broker (part of `make unit`);
- `kafka` (marker `kafka`): the real aggregator wiring (FastStream subscribers, publisher and
  admin-API log) on the session's real broker, fresh topics per case;
- `postgres` (marker `postgres`): the handlers in process on a real PostgreSQL store, a fresh
  database per case that every aggregator it makes shares, as replicas do."""
from __future__ import annotations

import json
import uuid
from datetime import date

import pytest

from services.aggregator.schedule import MONTHLY, OFF
from services.contracts import events
from services.contracts.topics import Topics
from tests.support.aggregator import InProcess, LoopThread, OnBroker, Shared

MONTH, QUARTER = "2026-11", "2026-Q4"
C1, C2 = str(uuid.UUID(int=901)), str(uuid.UUID(int=902))


def report(i: int, month: str = MONTH, about: str = "race", text: str = "[PERSON] talked over me at handover.") -> bytes:
    return events.encode(events.RedactedReport, {
        "schema_version": 1, "event_id": str(uuid.UUID(int=i + 1)), "month": month,
        "answers": {"happened_to": "self", "came_from": ["peer"], "about": [about], "what_happened": text}})


@pytest.fixture(scope="module")
def loop_thread():
    loop = LoopThread()
    yield loop
    loop.close()


@pytest.fixture(params=["memory", pytest.param("kafka", marks=pytest.mark.kafka),
                        pytest.param("postgres", marks=pytest.mark.postgres)])
def aggregator(request, tmp_path):
    """Makes aggregators of the variant; every one a case makes shares the store (and the topics), as
    replicas do."""
    made = []
    if request.param == "kafka":
        kafka, topics, loop = (request.getfixturevalue(f) for f in ("kafka", "topics", "loop_thread"))
        location = str(tmp_path / "aggregator.sqlite3")

        def make(schedule=OFF):
            return OnBroker(loop, kafka["bootstrap"], topics, location, schedule)
    else:
        shared, topics = Shared(), Topics("unit")
        location = (request.getfixturevalue("postgres").create_database() if request.param == "postgres"
                    else str(tmp_path / "aggregator.sqlite3"))

        def make(schedule=OFF):
            return InProcess(shared, topics, location, schedule)

    def made_one(schedule=OFF):
        made.append(make(schedule))
        return made[-1]
    yield made_one
    for one in reversed(made):
        one.close()


def counts(a) -> dict:
    return a.read(lambda store: store.frozen()[0])


def shown(a) -> dict:
    return {(c["table"], c["period"], json.dumps(c["dims"])): c["value"] for c in a.on(a.topics.releases)}


def test_counting_codes_and_counts_each_report_once_and_dead_letters_only_the_bad_record(aggregator):
    a = aggregator()
    a.deliver([report(0), report(1), b'{"not": "an event"}', None, report(2, about="age")])
    assert a.read(lambda store: store.reports_counted()) == 3
    assert a.dead_letters() == [
        {"topic": a.topics.redacted, "partition": 0, "offset": 2, "error_class": "ValidationError"},
        {"topic": a.topics.redacted, "partition": 0, "offset": 3, "error_class": "Tombstone"}]
    a.deliver([report(0)], again=True)                                  # redelivered, and duplicated
    assert a.read(lambda store: store.reports_counted()) == 3
    assert a.dead_letters()[2:] == a.dead_letters()[:2]                # read again: the same two positions
    c = counts(a)
    assert c[("reports", MONTH, ())] == 3
    assert (c[("about", QUARTER, ("race",))], c[("about", QUARTER, ("age",))]) == (2, 1)
    assert c[("coded_themes", QUARTER, ("T05",))] == 3                                # coded as counted
    assert a.read(lambda store: store.positions()) == {0: 6}                        # the wipe's watermark


def test_a_release_shows_the_answers_and_the_coded_themes_of_the_same_reports(aggregator):
    a = aggregator()
    a.deliver([report(i) for i in range(30)])
    a.command("release", "r1", C1)
    cells = a.on(a.topics.releases)
    assert {c["release_id"] for c in cells} == {"r1"} and len(cells) == cells[0]["cells_in_release"]
    assert shown(a)[("reports", MONTH, "{}")] == 30
    assert shown(a)[("coded_themes", QUARTER, '{"coded_theme": "T05"}')] == 30
    assert a.read(lambda store: store.is_published("r1"))


def test_a_second_release_too_soon_is_refused_with_its_rule_and_no_count(aggregator):
    a = aggregator()
    a.deliver([report(i) for i in range(30)])
    a.command("release", "r1", C1)
    a.deliver([report(30)])
    a.command("release", "r2", C2)
    a.command("release", "r1", str(uuid.UUID(int=903)))                  # asked again: the same cells
    refusals = [m for m in a.on(a.topics.releases) if m["release_id"] == "r2"]
    assert refusals == [{"schema_version": 1, "release_id": "r2", "status": "refused",
                         "reason": "too_few_new_reports", "refused_on": "2026-11-16", "method_version": "3.0"}]
    r1 = [m for m in a.on(a.topics.releases) if m["release_id"] == "r1"]
    assert len(r1) == 2 * r1[0]["cells_in_release"] and r1[:len(r1) // 2] == r1[len(r1) // 2:]


def test_a_wipe_purges_up_to_the_positions_its_release_was_cut_at_and_lets_their_ids_be_pruned(aggregator):
    a = aggregator()
    a.deliver([report(i) for i in range(30)], partition=2)
    a.command("release", "r1", str(uuid.UUID(int=903)))
    a.command("wipe", "r1", C1)
    a.command("wipe", "never-cut", C2)
    assert a.purged() == {2: 30}
    assert a.on(a.topics.wipes) == [
        {"schema_version": 1, "command_id": C1, "release_id": "r1", "status": "wiped",
         "topics_purged": [a.topics.redacted, a.topics.raw, a.topics.dead_letter], "wiped_on": "2026-11-16"},
        {"schema_version": 1, "command_id": C2, "release_id": "never-cut", "status": "unknown_release",
         "topics_purged": [], "wiped_on": "2026-11-16"}]
    assert a.read(lambda store: store.prune(now_ms=2**62)) == 30       # the wipe was recorded: once the raw bound has passed
    assert a.read(lambda store: store.reports_counted()) == 30         # the running total is kept


def test_a_wipe_that_leaves_records_behind_says_it_is_incomplete_and_prunes_nothing(aggregator):
    a = aggregator()
    a.deliver([report(i) for i in range(30)])
    a.command("release", "r1", str(uuid.UUID(int=903)))
    a.leave_behind(3)
    a.command("wipe", "r1", C1)
    assert a.purged() == {0: 27}                                        # three records are still there
    assert [o["status"] for o in a.on(a.topics.wipes)] == ["incomplete"]
    assert a.read(lambda store: store.prune(now_ms=2**62)) == 0


def test_the_schedule_cuts_last_months_release_once_and_not_for_a_month_without_reports(aggregator):
    a = aggregator(schedule=MONTHLY)
    a.clock.day = date(2026, 12, 3)
    a.scheduled()
    assert a.on(a.topics.releases) == []                                # no report yet: nothing to show
    a.deliver([report(i) for i in range(30)])
    a.scheduled()
    a.scheduled()
    cells = a.on(a.topics.releases)
    assert {c["release_id"] for c in cells} == {"scheduled-2026-11"}
    assert len(cells) == cells[0]["cells_in_release"]                   # once


def test_a_scheduled_release_another_aggregator_published_is_not_cut_again(aggregator):
    first = aggregator(schedule=MONTHLY)
    second = aggregator(schedule=MONTHLY)                               # the same store, another instance
    first.deliver([report(i) for i in range(30)])
    first.publish("scheduled-2026-11", until="2026-11", requested=False)
    second.publish("scheduled-2026-11", until="2026-11", requested=False)
    cells = first.on(first.topics.releases)
    assert {c["release_id"] for c in cells} == {"scheduled-2026-11"}
    assert len(cells) == cells[0]["cells_in_release"]                   # published once, by the first
