"""The aggregator's handlers in-process: the real SQLite store and the lexicon theme coder, an
in-memory publisher and topic log, and a clock that moves only when something waits. No broker.
Counting and theme coding are two passes over the same records (`both` runs one after the other)."""
from __future__ import annotations

import asyncio
import json
import uuid
from datetime import date

import pytest

from services.aggregator import handlers
from services.aggregator.coding import lexicon_coder
from services.aggregator.release import NoNoise, Policy
from services.aggregator.schedule import MONTHLY, OFF
from services.aggregator.settings import AggregatorSettings
from services.aggregator.state import Store
from services.contracts import events
from services.contracts.topics import Topics
from tests.fakes import FakeClock, FakeRecord, InMemoryPublisher, InMemoryTopicLog

TOPICS = Topics("unit")
MONTH, QUARTER = "2026-11", "2026-Q4"
C1, C2 = str(uuid.UUID(int=901)), str(uuid.UUID(int=902))


def report(i: int, month: str = MONTH, about: str = "race", text: str = "[PERSON] talked over me at handover.") -> bytes:
    return events.encode(events.RedactedReport, {
        "schema_version": 1, "event_id": str(uuid.UUID(int=i + 1)), "month": month,
        "answers": {"happened_to": "self", "came_from": ["peer"], "about": [about], "what_happened": text}})


def command(kind: str, release_id: str, command_id: str) -> events.CommandEvent:
    return events.CommandEvent(schema_version=1, command_id=command_id, kind=kind, release_id=release_id)


def records(values: list[bytes], partition: int = 0, first: int = 0) -> list[FakeRecord]:
    return [FakeRecord(TOPICS.redacted, partition, first + i, v) for i, v in enumerate(values)]


class CountingCoder:
    """The lexicon coder, counting the texts it was asked to read."""

    def __init__(self):
        self.read = 0

    def code(self, texts):
        texts = list(texts)
        self.read += sum(1 for t in texts if t)
        return lexicon_coder().code(texts)


def aggregators(location: str | None):
    """Makes an aggregator's handlers (and its fakes); every one made shares the store at
    `location` (None: the SQLite file in the state directory), as replicas do."""
    made = []

    def make(schedule: str = OFF, state_dir=None):
        publisher, log, clock, coder = InMemoryPublisher(), InMemoryTopicLog(), FakeClock(), CountingCoder()
        settings = AggregatorSettings(Policy(threshold=10, perturbation=NoNoise()), schedule, 3600.0, 1.0, location)
        store = Store(handlers.store_location(state_dir, settings))
        made.append(store)
        service = handlers.build(store, TOPICS, publisher, log, coder, None, settings, clock)
        return service, publisher, log, clock, coder
    return make, made


@pytest.fixture
def aggregator(tmp_path):
    """The handlers on a real SQLite store (tests/integration/test_aggregator_handlers_postgres.py
    runs the same tests on PostgreSQL)."""
    make, made = aggregators(None)
    yield lambda schedule=OFF: make(schedule, tmp_path)
    for store in made:
        store.close()


def both(service, batch) -> int:
    """Counting, then the theme coder's pass over the same records."""
    new = run(service.counting.batch(batch))
    run(service.coding.batch(batch))
    return new


def counts(service) -> dict:
    return service.counting.store.frozen()[0]


def run(coro):
    return asyncio.run(coro)


def shown(publisher) -> dict:
    return {(c["table"], c["period"], json.dumps(c["dims"])): c["value"] for c in publisher.on(TOPICS.releases)}


def test_each_report_is_counted_then_coded_once_and_only_the_bad_record_dead_lettered(aggregator):
    service, publisher, _, _, coder = aggregator()
    batch = records([report(0), report(1), b'{"not": "an event"}', None, report(2, about="age")])
    assert run(service.counting.batch(batch)) == 3
    assert coder.read == 0                                                            # counting reads no text
    assert ("coded_themes", QUARTER, ("T05",)) not in counts(service)
    dead = [{"topic": TOPICS.redacted, "partition": 0, "offset": 2, "error_class": "ValidationError"},
            {"topic": TOPICS.redacted, "partition": 0, "offset": 3, "error_class": "Tombstone"}]
    assert publisher.dead_letters == dead
    again = batch + records([report(0)], first=5)                                    # redelivered, duplicated
    assert run(service.counting.batch(again)) == 0
    dead = list(publisher.dead_letters)
    run(service.coding.batch(again))
    run(service.coding.batch(again))
    assert coder.read == 3 and publisher.dead_letters == dead     # each text read once; no dead letter again
    c = counts(service)
    assert c[("reports", MONTH, ())] == 3
    assert (c[("about", QUARTER, ("race",))], c[("about", QUARTER, ("age",))]) == (2, 1)
    assert c[("coded_themes", QUARTER, ("T05",))] == 3                                # coded once each
    store = service.counting.store
    assert store.positions() == store.coded_positions() == {0: 6}                    # the wipe's watermark


def test_a_release_shows_the_answers_and_the_coded_themes_of_the_same_reports(aggregator):
    service, publisher, *_ = aggregator()
    both(service, records([report(i) for i in range(30)]))
    run(service.releases.command(command("release", "r1", C1)))
    cells = publisher.on(TOPICS.releases)
    assert {c["release_id"] for c in cells} == {"r1"} and len(cells) == cells[0]["cells_in_release"]
    assert shown(publisher)[("reports", MONTH, "{}")] == 30
    assert shown(publisher)[("coded_themes", QUARTER, '{"coded_theme": "T05"}')] == 30
    assert service.releases.store.is_published("r1")
    keys = service.releases.store.cell_keys()     # one record key per report, whichever pass counted it
    assert keys[("reports", MONTH, ())] == keys[("coded_themes", QUARTER, ("T05",))]


def test_a_second_release_too_soon_is_refused_with_its_rule_and_no_count(aggregator):
    service, publisher, *_ = aggregator()
    stream = records([report(i) for i in range(30)] + [report(30)])
    both(service, stream[:30])
    run(service.releases.publish("r1"))
    both(service, stream[30:])
    run(service.releases.publish("r2"))
    run(service.releases.publish("r1"))                                 # asked again: the same cells
    refusals = [m for m in publisher.on(TOPICS.releases) if m["release_id"] == "r2"]
    assert refusals == [{"schema_version": 1, "release_id": "r2", "status": "refused",
                         "reason": "too_few_new_reports", "refused_on": "2026-11-16", "method_version": "3.0"}]
    r1 = [m for m in publisher.on(TOPICS.releases) if m["release_id"] == "r1"]
    assert len(r1) == 2 * r1[0]["cells_in_release"] and r1[:len(r1) // 2] == r1[len(r1) // 2:]


def test_a_wipe_purges_up_to_the_positions_its_release_was_cut_at_and_lets_their_ids_be_pruned(aggregator):
    service, publisher, log, *_ = aggregator()
    stream = records([report(i) for i in range(30)], partition=2, first=100)
    both(service, stream)
    run(service.releases.publish("r1"))
    run(service.releases.command(command("wipe", "r1", C1)))
    run(service.releases.command(command("wipe", "never-cut", C2)))
    assert log.purged == [{2: 130}]
    assert publisher.on(TOPICS.wipes) == [
        {"schema_version": 1, "command_id": C1, "release_id": "r1", "status": "wiped",
         "topics_purged": [TOPICS.redacted, TOPICS.raw, TOPICS.dead_letter], "wiped_on": "2026-11-16"},
        {"schema_version": 1, "command_id": C2, "release_id": "never-cut", "status": "unknown_release",
         "topics_purged": [], "wiped_on": "2026-11-16"}]
    store = service.releases.store
    assert store.prune(now_ms=2**62) == 30              # the wipe was recorded: once the raw bound has passed
    assert store.reports_counted() == 30                # the running total is kept
    assert store.coded_among([json.loads(r.value)["event_id"] for r in stream]) == set()   # pruned too
    # pruning shrinks the ids, not the positions: the next cut still sees the coder caught up
    both(service, records([report(i) for i in range(30, 60)], partition=2, first=130))
    run(service.releases.publish("r2"))
    assert shown(publisher)[("coded_themes", QUARTER, '{"coded_theme": "T05"}')] == 60


def test_a_wipe_that_leaves_records_behind_says_it_is_incomplete_and_prunes_nothing(aggregator):
    service, publisher, log, *_ = aggregator()
    both(service, records([report(i) for i in range(30)]))
    run(service.releases.publish("r1"))
    log.left = 3
    run(service.releases.wipe(command("wipe", "r1", C1)))
    assert [o["status"] for o in publisher.on(TOPICS.wipes)] == ["incomplete"]
    assert service.releases.store.prune(now_ms=2**62) == 0


def test_the_schedule_cuts_last_months_release_once_and_not_for_a_month_without_reports(aggregator):
    service, publisher, _, clock, _ = aggregator(schedule=MONTHLY)
    clock.day = date(2026, 12, 3)
    run(service.releases.scheduled_once())
    assert publisher.sent == []                                         # no report yet: nothing to show
    both(service, records([report(i) for i in range(30)]))
    run(service.releases.scheduled_once())
    run(service.releases.scheduled_once())
    cells = publisher.on(TOPICS.releases)
    assert {c["release_id"] for c in cells} == {"scheduled-2026-11"}
    assert len(cells) == cells[0]["cells_in_release"]                   # once


def test_a_scheduled_release_another_aggregator_published_is_not_cut_again(aggregator):
    first, published, *_ = aggregator(schedule=MONTHLY)
    second, idle, *_ = aggregator(schedule=MONTHLY)                     # the same store, another instance
    both(first, records([report(i) for i in range(30)]))
    run(first.releases.publish("scheduled-2026-11", until="2026-11", requested=False))
    run(second.releases.publish("scheduled-2026-11", until="2026-11", requested=False))
    assert idle.sent == []
    assert {c["release_id"] for c in published.on(TOPICS.releases)} == {"scheduled-2026-11"}


def test_a_cut_while_the_coder_lags_is_deferred_and_never_shows_counted_but_uncoded_reports(aggregator):
    service, publisher, *_ = aggregator()
    stream = records([report(i) for i in range(30)])
    run(service.counting.batch(stream))
    run(service.coding.batch(stream[:10]))                              # the coder has read 10 of 30
    store = service.releases.store
    assert store.coding_behind() == 20
    with pytest.raises(handlers.CodingBehind, match="20 records behind counting"):
        run(service.releases.command(command("release", "r1", C1)))
    assert publisher.on(TOPICS.releases) == []                         # nothing published, nothing refused
    assert store.release("r1") is None and store.refusal("r1") is None and not store.held()
    run(service.coding.batch(stream[10:]))
    run(service.releases.command(command("release", "r1", C1)))        # the command, read again
    assert shown(publisher)[("reports", MONTH, "{}")] == 30
    assert shown(publisher)[("coded_themes", QUARTER, '{"coded_theme": "T05"}')] == 30


def test_a_cut_waits_for_the_coder_holding_counting_then_shows_the_same_reports_in_both(aggregator):
    service, publisher, *_ = aggregator()
    stream = records([report(i) for i in range(30)])
    run(service.counting.batch(stream))
    service.releases.coder_wait_s = 1e9       # fake time runs on while the coder reads in a real thread
    store = service.releases.store

    async def scenario():
        cut = asyncio.create_task(service.releases.publish("r1"))
        for _ in range(5):
            await asyncio.sleep(0)
        assert store.held() and not cut.done()                          # counting held, the cut waiting
        late = records([report(i) for i in range(30, 35)], first=30)
        counted = asyncio.create_task(service.counting.batch(late))     # arrives during the hold: waits
        await service.coding.batch(stream)
        await cut
        assert await counted == 5
    run(asyncio.wait_for(scenario(), 60))     # a hold counting ignored would leave the cut waiting: fail, not hang
    assert not store.held()
    assert shown(publisher)[("reports", MONTH, "{}")] == 30             # not the 5 held back
    assert shown(publisher)[("coded_themes", QUARTER, '{"coded_theme": "T05"}')] == 30


def test_the_coder_reads_only_what_counting_has_handled_and_sets_aside_a_text_it_cannot_read(aggregator):
    service, publisher, _, _, coder = aggregator()
    stream = records([report(i) for i in range(6)])
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
    odd = records([report(6, text="[PERSON] this cannot be read.")], first=6)
    run(service.counting.batch(stream[3:] + odd))
    run(service.coding.batch(stream[3:] + odd))
    assert publisher.dead_letters == [{"topic": TOPICS.redacted, "partition": 0, "offset": 6,
                                       "error_class": "ValueError"}]
    c = counts(service)
    assert (c[("reports", MONTH, ())], c[("coded_themes", QUARTER, ("T05",))]) == (7, 6)
    assert service.coding.store.coding_behind() == 0                   # set aside: releases go on


def test_the_fast_answer_cells_are_exactly_those_cells_of_gives_for_every_report():
    from services.aggregator import bench, counting
    from services.contracts.questionnaire import load

    q = load()
    fast = counting.AnswerCells(q, limit=50)        # a small memory: it is emptied and refilled on the way
    for answers, month in bench.reports(600, 7, q):
        assert fast(answers, month) == counting.answer_cells(answers, month, q)
