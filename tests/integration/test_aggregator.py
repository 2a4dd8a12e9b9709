"""The aggregator against the real broker: each report counted once however often it is
delivered, releases on command and on schedule, and a releases topic that, replayed from
offset 0, shows released values only."""
from __future__ import annotations

import json
import time
import uuid
from datetime import date, timedelta

from services.aggregator.app import CODER_GROUP, GROUP
from services.aggregator.state import Store
from services.contracts import events
from services.contracts.tables import QUARTER, period_of
from tests.support.kafka import produce, read_records, wait_caught_up

THIS_MONTH = date.today().strftime("%Y-%m")
LAST_MONTH = (date.today().replace(day=1) - timedelta(days=1)).strftime("%Y-%m")


def report(i: int, month: str = THIS_MONTH, about: str = "race") -> bytes:
    return events.encode(events.RedactedReport, {
        "schema_version": 1, "event_id": str(uuid.UUID(int=i + 1)), "month": month,
        "answers": {"happened_to": "self", "came_from": ["peer"], "about": [about],
                    "what_happened": "[PERSON] talked over me at handover."}})


def command(release_id: str) -> bytes:
    return events.encode(events.Command, {"schema_version": 1, "command_id": str(uuid.uuid4()),
                                          "kind": "release", "release_id": release_id})


def counts(portal) -> dict:
    return Store(portal.workdir / "aggregator" / "aggregator.sqlite3").snapshot()[0]


def both_caught_up(kafka, portal) -> None:
    """Counting and the theme coder's second pass have both read every record."""
    wait_caught_up(kafka["bootstrap"], GROUP, portal.topics.redacted)
    wait_caught_up(kafka["bootstrap"], CODER_GROUP, portal.topics.redacted)


def releases(kafka, portal, expect: dict[str, int], timeout: float = 60) -> list:
    """Wait until each release id has arrived complete the given number of times; return every
    record on the topic."""
    deadline = time.monotonic() + timeout
    while True:
        records = read_records(kafka["bootstrap"], portal.topics.releases)
        seen: dict[str, int] = {}
        size: dict[str, int] = {}
        for r in records:
            cell = json.loads(r.value)
            seen[cell["release_id"]] = seen.get(cell["release_id"], 0) + 1
            size[cell["release_id"]] = cell.get("cells_in_release", 1)   # a refusal is one message
        if all(seen.get(k, 0) >= n * size.get(k, 1) for k, n in expect.items() if k in size) and \
                set(expect) <= set(size):
            return records
        if time.monotonic() > deadline:
            raise TimeoutError(f"messages seen per release: {seen}")
        time.sleep(0.5)


def test_duplicated_and_redelivered_reports_are_counted_once(portal, kafka):
    portal.env["AGGREGATOR_RELEASE_SCHEDULE"] = "off"
    first = [report(i) for i in range(40)]
    produce(kafka["bootstrap"], portal.topics.redacted, first + first)          # every report twice
    portal.start("aggregator")
    both_caught_up(kafka, portal)
    portal.stop()
    # the same 40 again after they were committed, and 10 new ones, to a restarted aggregator
    produce(kafka["bootstrap"], portal.topics.redacted, first + [report(i, about="age") for i in range(40, 50)])
    portal.start("aggregator")
    both_caught_up(kafka, portal)
    portal.stop()
    quarter = period_of(THIS_MONTH, QUARTER)
    c = counts(portal)
    assert c[("reports", THIS_MONTH, ())] == 50
    assert (c[("about", quarter, ("race",))], c[("about", quarter, ("age",))]) == (40, 10)
    assert c[("coded_themes", quarter, ("T05",))] == 50


def test_replaying_the_releases_topic_from_offset_0_shows_only_released_values_and_refusals(portal, kafka):
    portal.env["AGGREGATOR_RELEASE_SCHEDULE"] = "off"
    produce(kafka["bootstrap"], portal.topics.redacted, [report(i) for i in range(32)])
    portal.start("aggregator")
    wait_caught_up(kafka["bootstrap"], GROUP, portal.topics.redacted)
    produce(kafka["bootstrap"], portal.topics.commands, [command("r1")])
    releases(kafka, portal, {"r1": 1})
    produce(kafka["bootstrap"], portal.topics.redacted, [report(32)])          # one report between
    wait_caught_up(kafka["bootstrap"], GROUP, portal.topics.redacted)
    produce(kafka["bootstrap"], portal.topics.commands, [command("r2"), command("r1")])   # r1 asked again
    records = releases(kafka, portal, {"r1": 2, "r2": 1})
    portal.stop()

    # r2 came one report after r1: refused (too few new reports), with the rule and no count
    [refused] = [r.value for r in records if r.key == b"r2"]
    assert set(json.loads(refused)) == {"schema_version", "release_id", "status", "reason", "refused_on",
                                        "method_version"}                     # no other field, no count
    r2 = events.decode(events.ReleaseRefusal, refused)
    assert (r2.release_id, r2.status, r2.reason) == ("r2", "refused", "too_few_new_reports")
    assert r2.method_version == "3.0-ckp2"                                  # the same method as its cells
    records = [r for r in records if r.key == b"r1"]
    assert all(set(json.loads(r.value)) == set(events.ReleaseCell().fields) for r in records)  # no other field
    cells = [events.decode(events.ReleaseCell, r.value) for r in records]
    by_release: dict[str, list[events.ReleaseCellEvent]] = {}
    for c in cells:
        by_release.setdefault(c.release_id, []).append(c)
    assert set(by_release) == {"r1"}                                          # releases, not reports
    total = cells[0].cells_in_release
    assert len(by_release["r1"]) == 2 * total
    assert all(r.timestamp % 86_400_000 == 0 for r in records)                # the day, nothing finer
    for c in cells:
        assert c.status in ("published", "suppressed")
        assert (c.value is None) == (c.status == "suppressed")
        assert c.value is None or (c.value % 5 == 0 and c.value >= 10)
    r1 = by_release["r1"]
    assert r1[:total] == r1[total:]                                          # the same release twice
    keyed = {(c.table, c.period, json.dumps(c.dims)): c.value for c in by_release["r1"]}
    assert {c.method_version for c in cells} == {"3.0-ckp2"}                # cell-key noise of at most 2
    assert keyed[("reports", THIS_MONTH, "{}")] in (30, 35)                  # 32 reports, moved by at most 2; no r2


def test_a_scheduled_release_is_cut_once_for_its_period_and_survives_a_restart(portal, kafka):
    """Also: nothing is cut for a period with no reports (the empty start-up release of issue 13)."""
    portal.env.update({"AGGREGATOR_RELEASE_SCHEDULE": "monthly", "AGGREGATOR_SCHEDULE_CHECK_SECONDS": "1"})
    portal.start("aggregator")
    time.sleep(4)
    portal.stop()
    assert read_records(kafka["bootstrap"], portal.topics.releases) == []
    produce(kafka["bootstrap"], portal.topics.redacted, [report(i, month=LAST_MONTH) for i in range(30)])
    portal.start("aggregator")
    wait_caught_up(kafka["bootstrap"], GROUP, portal.topics.redacted)
    scheduled = f"scheduled-{LAST_MONTH}"
    first = releases(kafka, portal, {scheduled: 1})
    portal.stop()
    portal.start("aggregator")
    time.sleep(4)
    portal.stop()
    again = read_records(kafka["bootstrap"], portal.topics.releases)
    assert len(again) == len(first) == events.decode(events.ReleaseCell, first[0].value).cells_in_release
    cells = [events.decode(events.ReleaseCell, r.value) for r in again]
    assert {c.release_id for c in cells} == {scheduled}
    months = sorted({c.period for c in cells if c.table == "reports"})
    assert months[-1] == LAST_MONTH and len(months) >= 10     # the four quarters to the month it covers


def wipe_command(release_id: str) -> bytes:
    return events.encode(events.Command, {"schema_version": 1, "command_id": str(uuid.uuid4()),
                                          "kind": "wipe", "release_id": release_id})


def wipe_outcomes(kafka, portal, n: int, timeout: float = 60) -> list[dict]:
    deadline = time.monotonic() + timeout
    while len(found := [json.loads(r.value) for r in read_records(kafka["bootstrap"], portal.topics.wipes)]) < n:
        if time.monotonic() > deadline:
            raise TimeoutError(f"{len(found)} wipe outcomes")
        time.sleep(0.5)
    return found


def test_a_wipe_purges_exactly_the_records_its_release_covered(portal, kafka):
    bootstrap = kafka["bootstrap"]
    portal.env["AGGREGATOR_RELEASE_SCHEDULE"] = "off"
    covered = [report(i) for i in range(30)]
    later = [report(100 + i) for i in range(5)]
    produce(bootstrap, portal.topics.redacted, covered + [b"not an event"])
    portal.start("aggregator")
    wait_caught_up(bootstrap, GROUP, portal.topics.redacted)
    produce(bootstrap, portal.topics.commands, [command("r1")])
    releases(kafka, portal, {"r1": 1})
    produce(bootstrap, portal.topics.redacted, later)       # after the release: not covered by it
    both_caught_up(kafka, portal)
    before = counts(portal)

    produce(bootstrap, portal.topics.commands, [wipe_command("r1"), wipe_command("never-cut")])
    outcomes = {o["release_id"]: o for o in wipe_outcomes(kafka, portal, 2)}
    assert {k: o["status"] for k, o in outcomes.items()} == {"r1": "wiped", "never-cut": "unknown_release"}
    assert outcomes["r1"]["topics_purged"] == [portal.topics.redacted, portal.topics.raw,
                                               portal.topics.dead_letter]
    assert set(outcomes["r1"]) == {"schema_version", "command_id", "release_id", "status", "topics_purged",
                                   "wiped_on"}   # no offsets, no counts

    left = [json.loads(r.value)["event_id"] for r in read_records(bootstrap, portal.topics.redacted)]
    assert sorted(left) == sorted(json.loads(r)["event_id"] for r in later)   # the covered 30 and the bad one are gone
    assert read_records(bootstrap, portal.topics.dead_letter) == []
    assert counts(portal) == before                          # the counts are not individual-level: they stay
