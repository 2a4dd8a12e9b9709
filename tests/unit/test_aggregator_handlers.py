"""The aggregator's handler suite: each case defined once and run against every kind of
aggregator (tests/support/aggregator.py), asserting the same end states: the counts in the store,
the releases, refusals, wipe outcomes and dead letters on their topics, what a wipe deleted.

- `memory`: the handlers in process, with the in-memory publisher and topic log of tests/fakes.py
  and the real SQLite store; no broker (part of `make unit`). Delivering a batch runs counting,
  then the theme coder's pass over the same records;
- `kafka` (marker `kafka`): the real aggregator wiring (FastStream subscribers, publisher and
  admin-API log) on the session's real broker, fresh topics per case;
- `postgres` (marker `postgres`): the handlers in process on a real PostgreSQL store, a fresh
  database per case that every aggregator it makes shares, as replicas do.

How the two passes interleave (a cut while the coder lags, the hold, the coder reading only what
counting has handled) is tested in process only, at the end of this file."""
from __future__ import annotations

import asyncio
import json
import uuid
from datetime import date

import pytest

from services.aggregator import handlers
from services.aggregator.coding import lexicon_coder
from services.aggregator.schedule import MONTHLY, OFF
from services.contracts import events
from services.contracts.topics import Topics
from tests.fakes import FakeRecord
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


def test_each_report_is_counted_then_coded_once_and_only_the_bad_record_dead_lettered(aggregator):
    a = aggregator()
    a.deliver([report(0), report(1), b'{"not": "an event"}', None, report(2, about="age")])
    assert a.read(lambda store: store.reports_counted()) == 3
    assert a.dead_letters() == [
        {"topic": a.topics.redacted, "partition": 0, "offset": 2, "error_class": "ValidationError"},
        {"topic": a.topics.redacted, "partition": 0, "offset": 3, "error_class": "Tombstone"}]
    a.deliver([report(0)], again=True)                                  # redelivered, and duplicated
    assert a.read(lambda store: store.reports_counted()) == 3
    assert a.dead_letters()[2:] == a.dead_letters()[:2]                # read again: the same two positions
    assert a.coder.read == 3                                            # each text read once
    c = counts(a)
    assert c[("reports", MONTH, ())] == 3
    assert (c[("about", QUARTER, ("race",))], c[("about", QUARTER, ("age",))]) == (2, 1)
    assert c[("coded_themes", QUARTER, ("T05",))] == 3                                # coded once each
    assert a.read(lambda store: (store.positions(), store.coded_positions())) == ({0: 6}, {0: 6})   # the wipe's watermark


def test_a_release_shows_the_answers_and_the_coded_themes_of_the_same_reports(aggregator):
    a = aggregator()
    a.deliver([report(i) for i in range(30)])
    a.command("release", "r1", C1)
    cells = a.on(a.topics.releases)
    assert {c["release_id"] for c in cells} == {"r1"} and len(cells) == cells[0]["cells_in_release"]
    assert shown(a)[("reports", MONTH, "{}")] == 30
    assert shown(a)[("coded_themes", QUARTER, '{"coded_theme": "T05"}')] == 30
    assert a.read(lambda store: store.is_published("r1"))
    keys = a.read(lambda store: store.cell_keys())     # one record key per report, whichever pass counted it
    assert keys[("reports", MONTH, ())] == keys[("coded_themes", QUARTER, ("T05",))]


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
    stream = [report(i) for i in range(30)]
    a.deliver(stream, partition=2)
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
    ids = [json.loads(r)["event_id"] for r in stream]
    assert a.read(lambda store: store.coded_among(ids)) == set()       # pruned too
    # pruning shrinks the ids, not the positions: the next cut still sees the coder caught up
    a.deliver([report(i) for i in range(30, 60)], partition=2)
    a.command("release", "r2", str(uuid.UUID(int=904)))
    assert shown(a)[("coded_themes", QUARTER, '{"coded_theme": "T05"}')] == 60


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


# --- the two passes interleaved: in process only -----------------------------------------------------

@pytest.fixture
def in_process(tmp_path):
    made = []

    def make():
        made.append(InProcess(Shared(), Topics("unit"), str(tmp_path / "aggregator.sqlite3"), OFF))
        return made[-1]
    yield make
    for one in made:
        one.close()


def records(a, values: list[bytes], first: int = 0) -> list[FakeRecord]:
    return [FakeRecord(a.topics.redacted, 0, first + i, v) for i, v in enumerate(values)]


def release_command(release_id: str, command_id: str) -> events.CommandEvent:
    return events.CommandEvent(schema_version=1, command_id=command_id, kind="release", release_id=release_id)


def test_a_cut_while_the_coder_lags_is_deferred_and_never_shows_counted_but_uncoded_reports(in_process):
    a = in_process()
    service, run = a.service, a.run
    stream = records(a, [report(i) for i in range(30)])
    run(service.counting.batch(stream))
    run(service.coding.batch(stream[:10]))                              # the coder has read 10 of 30
    store = service.releases.store
    assert store.coding_behind() == 20
    with pytest.raises(handlers.CodingBehind, match="20 records behind counting"):
        run(service.releases.command(release_command("r1", C1)))
    assert a.on(a.topics.releases) == []                                # nothing published, nothing refused
    assert store.release("r1") is None and store.refusal("r1") is None and not store.held()
    run(service.coding.batch(stream[10:]))
    run(service.releases.command(release_command("r1", C1)))          # the command, read again
    assert shown(a)[("reports", MONTH, "{}")] == 30
    assert shown(a)[("coded_themes", QUARTER, '{"coded_theme": "T05"}')] == 30


def test_a_cut_waits_for_the_coder_holding_counting_then_shows_the_same_reports_in_both(in_process):
    a = in_process()
    service = a.service
    stream = records(a, [report(i) for i in range(30)])
    a.run(service.counting.batch(stream))
    service.releases.coder_wait_s = 1e9       # fake time runs on while the coder reads in a real thread
    store = service.releases.store

    async def scenario():
        cut = asyncio.create_task(service.releases.publish("r1"))
        for _ in range(5):
            await asyncio.sleep(0)
        assert store.held() and not cut.done()                          # counting held, the cut waiting
        late = records(a, [report(i) for i in range(30, 35)], first=30)
        counted = asyncio.create_task(service.counting.batch(late))     # arrives during the hold: waits
        await service.coding.batch(stream)
        await cut
        assert await counted == 5
    a.run(asyncio.wait_for(scenario(), 60))     # a hold counting ignored would leave the cut waiting: fail, not hang
    assert not store.held()
    assert shown(a)[("reports", MONTH, "{}")] == 30                     # not the 5 held back
    assert shown(a)[("coded_themes", QUARTER, '{"coded_theme": "T05"}')] == 30


def test_the_coder_reads_only_what_counting_has_handled_and_sets_aside_a_text_it_cannot_read(in_process):
    a = in_process()
    service, run, coder = a.service, a.run, a.coder
    stream = records(a, [report(i) for i in range(6)])
    run(service.counting.batch(stream[:3]))
    progress = run(service.coding.batch(stream))
    assert (progress.done, progress.again) == ({0: 3}, {0: 3})          # the rest read again later
    assert service.coding.store.coded_positions() == {0: 3} and coder.read == 3

    def fails_on_one(texts):
        texts = list(texts)
        if any("cannot be read" in (t or "") for t in texts):
            raise ValueError("unreadable")
        return lexicon_coder().code(texts)
    coder.code = fails_on_one
    odd = records(a, [report(6, text="[PERSON] this cannot be read.")], first=6)
    run(service.counting.batch(stream[3:] + odd))
    run(service.coding.batch(stream[3:] + odd))
    assert a.dead_letters() == [{"topic": a.topics.redacted, "partition": 0, "offset": 6,
                                 "error_class": "ValueError"}]
    c = counts(a)
    assert (c[("reports", MONTH, ())], c[("coded_themes", QUARTER, ("T05",))]) == (7, 6)
    assert service.coding.store.coding_behind() == 0                   # set aside: releases go on


def test_the_fast_answer_cells_are_exactly_those_cells_of_gives_for_every_report():
    from services.aggregator import bench, counting
    from services.contracts.questionnaire import load

    q = load()
    fast = counting.AnswerCells(q, limit=50)        # a small memory: it is emptied and refilled on the way
    for answers, month in bench.reports(600, 7, q):
        assert fast(answers, month) == counting.answer_cells(answers, month, q)
