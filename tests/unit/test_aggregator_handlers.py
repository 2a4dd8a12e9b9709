"""The aggregator's handlers in-process: the real SQLite stores and the lexicon theme coder, an
in-memory publisher and topic log, and a clock that moves only when something waits. No broker."""
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


@pytest.fixture
def aggregator(tmp_path):
    def make(schedule: str = OFF, **tallies):
        publisher, log, clock, coder = InMemoryPublisher(), InMemoryTopicLog(), FakeClock(), CountingCoder()
        settings = AggregatorSettings(Policy(threshold=10, perturbation=NoNoise()), schedule, 3600.0, 1.0)
        service = handlers.build(tmp_path / "state", TOPICS, publisher, log, coder, None, settings, clock)
        for name, value in tallies.items():
            setattr(service.releases.tallies, name, value)
        return service, publisher, log, clock, coder
    return make


def counts(service) -> dict:
    return {**service.counting.store.frozen()[0], **service.coding.coded.frozen()[0]}


def run(coro):
    return asyncio.run(coro)


def test_counting_counts_each_report_once_and_dead_letters_only_the_bad_record(aggregator):
    service, publisher, *_ = aggregator()
    batch = records([report(0), report(1), b'{"not": "an event"}', None, report(2, about="age")])
    assert run(service.counting.batch(batch)) == 3
    assert publisher.dead_letters == [
        {"topic": TOPICS.redacted, "partition": 0, "offset": 2, "error_class": "ValidationError"},
        {"topic": TOPICS.redacted, "partition": 0, "offset": 3, "error_class": "Tombstone"}]
    assert run(service.counting.batch(batch + records([report(0)], first=5))) == 0     # redelivered, duplicated
    c = counts(service)
    assert c[("reports", MONTH, ())] == 3
    assert (c[("about", QUARTER, ("race",))], c[("about", QUARTER, ("age",))]) == (2, 1)
    assert not any(t == "coded_themes" for t, _, _ in c)                             # no text read yet
    assert service.counting.store.positions() == {0: 6}                              # the wipe's watermark


def test_the_coder_reads_only_counted_reports_and_stops_its_partition_at_the_first_one_not_counted(aggregator):
    service, _, _, _, coder = aggregator()
    stream = records([report(i) for i in range(6)], partition=1, first=10)
    run(service.counting.batch(stream[:4]))
    progress = run(service.coding.batch(stream))
    assert (progress.done, progress.again) == ({1: 14}, {1: 14})
    assert coder.read == 4
    assert counts(service)[("coded_themes", QUARTER, ("T05",))] == 4


def test_the_coder_never_reads_a_report_it_has_already_coded(aggregator):
    service, _, _, _, coder = aggregator()
    stream = records([report(i) for i in range(5)] + [report(0)])       # the last is a resend of the first
    run(service.counting.batch(stream))
    assert run(service.coding.batch(stream)).done == {0: 6}
    assert run(service.coding.batch(stream)).done == {0: 6}             # redelivered after a crash
    assert coder.read == 5
    assert counts(service)[("coded_themes", QUARTER, ("T05",))] == 5


def test_a_report_gets_the_same_record_key_in_the_answers_and_the_coded_tables(aggregator):
    service, *_ = aggregator()
    stream = records([report(i) for i in range(7)])
    run(service.counting.batch(stream))
    run(service.coding.batch(stream))
    keys = {**service.counting.store.cell_keys(), **service.coding.coded.cell_keys()}
    # the same seven reports: the same cell key, so the same perturbation
    assert keys[("coded_themes", QUARTER, ("T05",))] == keys[("reports_quarter", QUARTER, ())]


def test_a_release_waits_for_the_coder_and_is_cut_from_counts_that_cover_the_same_reports(aggregator):
    # the coder reads in a real thread while the fake clock races: no deadline may pass meanwhile
    service, publisher, _, clock, _ = aggregator(settle_s=1e9, wait_s=1e9)
    stream = records([report(i) for i in range(30)])
    run(service.counting.batch(stream))

    async def scenario():
        cut = asyncio.create_task(service.releases.command(command("release", "r1", C1)))
        await clock.sleep(5)
        assert not cut.done() and publisher.sent == []                  # the coder has read nothing yet
        more = asyncio.create_task(service.counting.batch(records([report(99)], first=30)))
        await service.coding.batch(stream)
        await cut
        await more                                                      # held while the coder caught up
    run(scenario())
    cells = publisher.on(TOPICS.releases)
    shown = {(c["table"], c["period"], json.dumps(c["dims"])): c["value"] for c in cells}
    assert {c["release_id"] for c in cells} == {"r1"} and len(cells) == cells[0]["cells_in_release"]
    assert shown[("reports", MONTH, "{}")] == 30
    assert shown[("coded_themes", QUARTER, '{"coded_theme": "T05"}')] == 30
    assert counts(service)[("reports", MONTH, ())] == 31                 # counted once the cut was read


def test_a_release_whose_coder_does_not_catch_up_in_time_fails_to_be_retried(aggregator):
    service, publisher, *_ = aggregator(wait_s=60.0)
    run(service.counting.batch(records([report(i) for i in range(30)])))
    with pytest.raises(handlers.CodingBehind, match="30 reports behind"):
        run(service.releases.publish("r1"))
    assert publisher.sent == [] and service.releases.store.release("r1") is None


def test_a_second_release_too_soon_is_refused_with_its_rule_and_no_count(aggregator):
    service, publisher, *_ = aggregator()
    stream = records([report(i) for i in range(30)] + [report(30)])
    run(service.counting.batch(stream[:30]))
    run(service.coding.batch(stream[:30]))
    run(service.releases.publish("r1"))
    run(service.counting.batch(stream[30:]))
    run(service.coding.batch(stream[30:]))
    run(service.releases.publish("r2"))
    run(service.releases.publish("r1"))                                 # asked again: the same cells
    refusals = [m for m in publisher.on(TOPICS.releases) if m["release_id"] == "r2"]
    assert refusals == [{"schema_version": 1, "release_id": "r2", "status": "refused",
                         "reason": "too_few_new_reports", "refused_on": "2026-11-16", "method_version": "3.0"}]
    r1 = [m for m in publisher.on(TOPICS.releases) if m["release_id"] == "r1"]
    assert len(r1) == 2 * r1[0]["cells_in_release"] and r1[:len(r1) // 2] == r1[len(r1) // 2:]


def test_a_wipe_purges_up_to_the_positions_its_release_was_cut_at(aggregator):
    service, publisher, log, *_ = aggregator()
    stream = records([report(i) for i in range(30)], partition=2, first=100)
    run(service.counting.batch(stream))
    run(service.coding.batch(stream))
    run(service.releases.publish("r1"))
    run(service.releases.command(command("wipe", "r1", C1)))
    run(service.releases.command(command("wipe", "never-cut", C2)))
    assert log.purged == [{2: 130}]
    assert publisher.on(TOPICS.wipes) == [
        {"schema_version": 1, "command_id": C1, "release_id": "r1", "status": "wiped",
         "topics_purged": [TOPICS.redacted, TOPICS.raw, TOPICS.dead_letter], "wiped_on": "2026-11-16"},
        {"schema_version": 1, "command_id": C2, "release_id": "never-cut", "status": "unknown_release",
         "topics_purged": [], "wiped_on": "2026-11-16"}]


def test_a_wipe_that_leaves_records_behind_says_it_is_incomplete(aggregator):
    service, publisher, log, *_ = aggregator()
    stream = records([report(i) for i in range(30)])
    run(service.counting.batch(stream))
    run(service.coding.batch(stream))
    run(service.releases.publish("r1"))
    log.left = 3
    run(service.releases.wipe(command("wipe", "r1", C1)))
    assert [o["status"] for o in publisher.on(TOPICS.wipes)] == ["incomplete"]


def test_the_schedule_cuts_last_months_release_once_and_not_for_a_month_without_reports(aggregator):
    service, publisher, _, clock, _ = aggregator(schedule=MONTHLY)
    clock.day = date(2026, 12, 3)
    run(service.releases.scheduled_once())
    assert publisher.sent == []                                         # no report yet: nothing to show
    stream = records([report(i) for i in range(30)])
    run(service.counting.batch(stream))
    run(service.coding.batch(stream))
    run(service.releases.scheduled_once())
    run(service.releases.scheduled_once())
    cells = publisher.on(TOPICS.releases)
    assert {c["release_id"] for c in cells} == {"scheduled-2026-11"}
    assert len(cells) == cells[0]["cells_in_release"]                   # once


def test_the_fast_answer_cells_are_exactly_those_cells_of_gives_for_every_report():
    from services.aggregator import bench, counting
    from services.contracts.questionnaire import load

    q = load()
    fast = counting.AnswerCells(q, limit=50)        # a small memory: it is emptied and refilled on the way
    for answers, month in bench.reports(600, 7, q):
        assert fast(answers, month) == counting.answer_cells(answers, month, q)


def test_a_bad_record_never_stops_the_coder_even_with_the_id_of_a_report(aggregator):
    service, publisher, _, _, coder = aggregator()
    bad = json.dumps({"schema_version": 1, "event_id": str(uuid.UUID(int=50)), "month": "late"}).encode()
    copy = json.dumps({"schema_version": 1, "event_id": str(uuid.UUID(int=1)), "answers": {}}).encode()
    stream = records([report(0), bad, b"[1, 2", None, copy, report(1)])
    run(service.counting.batch(stream))
    progress = run(service.coding.batch(stream))
    assert (progress.done, progress.again) == ({0: 6}, {})
    assert [d["offset"] for d in publisher.dead_letters] == [1, 2, 3, 4]     # by counting only
    assert coder.read == 2 and service.coding.coded.reports_counted() == 2


def test_the_coder_waits_while_reports_are_being_counted_but_not_for_ever(aggregator):
    service, _, _, clock, coder = aggregator()
    stream = records([report(i) for i in range(3)])
    run(service.counting.batch(stream))
    began = clock.now
    run(service.coding.batch(stream))
    assert 0.5 <= clock.now - began < 1 and coder.read == 3          # until counting had been quiet 0.5 s
    service.coding.counting_busy = lambda: True                     # reports arriving without end
    began = clock.now
    run(service.coding.batch(records([report(i) for i in range(3, 6)], first=3)))
    assert 60 <= clock.now - began < 61                             # yet it codes after a minute


def test_a_state_kept_before_the_coder_had_its_own_store_is_taken_over_once(aggregator, tmp_path):
    from services.aggregator import counting
    from services.aggregator.state import Store
    from services.contracts.questionnaire import load

    old = Store(tmp_path / "state" / "aggregator.sqlite3")            # counted as the aggregator did before
    for i in range(30):
        answers = {"happened_to": "self", "came_from": ["peer"], "about": ["race"],
                   "what_happened": "[PERSON] talked over me at handover."}
        old.count(str(uuid.UUID(int=i + 1)), counting.report_cells(answers, MONTH, lexicon_coder()))
    old.close()
    service, publisher, _, _, coder = aggregator()
    assert service.coding.coded.reports_counted() == 30
    stream = records([report(i) for i in range(31)])                  # redelivered, and one new
    run(service.counting.batch(stream))
    run(service.coding.batch(stream))
    assert coder.read == 1                                            # the 30 are not read again
    run(service.releases.publish("r1"))
    shown = {(c["table"], c["period"], json.dumps(c["dims"])): c["value"] for c in publisher.on(TOPICS.releases)}
    assert shown[("coded_themes", QUARTER, '{"coded_theme": "T05"}')] == 30   # 31, rounded to 5
    assert shown[("reports", MONTH, "{}")] == 30
    service2, *_ = aggregator()                                       # a restart: nothing taken twice
    assert service2.coding.coded.reports_counted() == 31
    assert service2.coding.coded.frozen()[0][("coded_themes", QUARTER, ("T05",))] == 31
