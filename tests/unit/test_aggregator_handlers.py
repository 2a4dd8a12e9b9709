"""The aggregator's handlers in-process: the real SQLite store and the lexicon theme coder, an
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


def counts(service) -> dict:
    return service.counting.store.frozen()[0]


def run(coro):
    return asyncio.run(coro)


def shown(publisher) -> dict:
    return {(c["table"], c["period"], json.dumps(c["dims"])): c["value"] for c in publisher.on(TOPICS.releases)}


def test_counting_codes_and_counts_each_report_once_and_dead_letters_only_the_bad_record(aggregator):
    service, publisher, _, _, coder = aggregator()
    batch = records([report(0), report(1), b'{"not": "an event"}', None, report(2, about="age")])
    assert run(service.counting.batch(batch)) == 3
    assert publisher.dead_letters == [
        {"topic": TOPICS.redacted, "partition": 0, "offset": 2, "error_class": "ValidationError"},
        {"topic": TOPICS.redacted, "partition": 0, "offset": 3, "error_class": "Tombstone"}]
    assert run(service.counting.batch(batch + records([report(0)], first=5))) == 0     # redelivered, duplicated
    c = counts(service)
    assert c[("reports", MONTH, ())] == 3
    assert (c[("about", QUARTER, ("race",))], c[("about", QUARTER, ("age",))]) == (2, 1)
    assert c[("coded_themes", QUARTER, ("T05",))] == 3                                # coded as counted
    assert service.counting.store.positions() == {0: 6}                              # the wipe's watermark


def test_a_release_shows_the_answers_and_the_coded_themes_of_the_same_reports(aggregator):
    service, publisher, *_ = aggregator()
    run(service.counting.batch(records([report(i) for i in range(30)])))
    run(service.releases.command(command("release", "r1", C1)))
    cells = publisher.on(TOPICS.releases)
    assert {c["release_id"] for c in cells} == {"r1"} and len(cells) == cells[0]["cells_in_release"]
    assert shown(publisher)[("reports", MONTH, "{}")] == 30
    assert shown(publisher)[("coded_themes", QUARTER, '{"coded_theme": "T05"}')] == 30
    assert service.releases.store.is_published("r1")


def test_a_second_release_too_soon_is_refused_with_its_rule_and_no_count(aggregator):
    service, publisher, *_ = aggregator()
    stream = records([report(i) for i in range(30)] + [report(30)])
    run(service.counting.batch(stream[:30]))
    run(service.releases.publish("r1"))
    run(service.counting.batch(stream[30:]))
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
    run(service.counting.batch(stream))
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


def test_a_wipe_that_leaves_records_behind_says_it_is_incomplete_and_prunes_nothing(aggregator):
    service, publisher, log, *_ = aggregator()
    run(service.counting.batch(records([report(i) for i in range(30)])))
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
    run(service.counting.batch(records([report(i) for i in range(30)])))
    run(service.releases.scheduled_once())
    run(service.releases.scheduled_once())
    cells = publisher.on(TOPICS.releases)
    assert {c["release_id"] for c in cells} == {"scheduled-2026-11"}
    assert len(cells) == cells[0]["cells_in_release"]                   # once


def test_a_scheduled_release_another_aggregator_published_is_not_cut_again(aggregator):
    first, published, *_ = aggregator(schedule=MONTHLY)
    second, idle, *_ = aggregator(schedule=MONTHLY)                     # the same store, another instance
    run(first.counting.batch(records([report(i) for i in range(30)])))
    run(first.releases.publish("scheduled-2026-11", until="2026-11", requested=False))
    run(second.releases.publish("scheduled-2026-11", until="2026-11", requested=False))
    assert idle.sent == []
    assert {c["release_id"] for c in published.on(TOPICS.releases)} == {"scheduled-2026-11"}
