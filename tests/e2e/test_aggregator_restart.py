"""SIGKILL the aggregator mid-stream, with every report delivered twice: after a restart the
counts are exact, nothing lost and nothing counted twice; killed while its theme coder (the
second pass) is mid-stream, every report is coded exactly once."""
from __future__ import annotations

import threading
import time

from services.aggregator.app import CODER_GROUP, GROUP
from services.aggregator.state import Store
from services.contracts import events
from tests.support.kafka import committed, lag, produce, wait_caught_up

# Two batches (aggregator.app.COUNT_BATCH) per partition; every report is read by the theme coder
# (about a hundred a second on a quiet machine), so the waits allow for a busy one.
REPORTS = 1200


def redacted_report(i: int) -> bytes:
    return events.encode(events.RedactedReport, {
        "schema_version": 1, "event_id": f"00000000-0000-4000-8000-{i:012d}", "month": "2026-10",
        "answers": {"happened_to": "self" if i % 3 else "witnessed", "came_from": ["peer"],
                    "about": ["race"] if i % 2 else ["age", "sex"],
                    "what_happened": "[PERSON] talked over me in handover."}})


def test_aggregator_killed_mid_stream_counts_every_redelivered_report_exactly_once(portal, kafka):
    # The stream is fed while the aggregator runs, and its last part only after the SIGKILL: the
    # counting pass outruns any producer here, so a stream written whole beforehand could be
    # counted to its end before the kill lands (CI, 1 run).
    bootstrap, topic = kafka["bootstrap"], portal.topics.redacted
    stream = [redacted_report(i) for i in range(REPORTS)] * 2              # every report twice
    chunks = [stream[i:i + 100] for i in range(0, len(stream), 100)]
    killed = threading.Event()

    def feed():
        for chunk in chunks[:-1]:
            produce(bootstrap, topic, chunk)
        killed.wait(300)
        produce(bootstrap, topic, chunks[-1])

    portal.start("aggregator")
    feeder = threading.Thread(target=feed)
    feeder.start()
    deadline = time.monotonic() + 300
    while committed(bootstrap, GROUP, topic) == 0:                          # counted something
        assert time.monotonic() < deadline, "the aggregator committed nothing in 300 s"
        time.sleep(0.01)
    portal.kill("aggregator")
    killed.set()
    feeder.join(60)
    assert not feeder.is_alive()
    assert 0 < lag(bootstrap, GROUP, topic) < len(stream)
    portal.start("aggregator")
    wait_caught_up(kafka["bootstrap"], GROUP, portal.topics.redacted, timeout=600)
    portal.stop()

    counts, months = Store(portal.workdir / "aggregator" / "aggregator.sqlite3").snapshot()
    assert months == ["2026-10"]
    assert counts[("reports", "2026-10", ())] == 1200
    assert counts[("about", "2026-Q4", ("race",))] == 600
    assert counts[("about", "2026-Q4", ("age",))] == 600
    assert counts[("about", "2026-Q4", ("sex",))] == 600
    assert counts[("happened_to", "2026-Q4", ("witnessed",))] == 400
    assert counts[("happened_to", "2026-Q4", ("self",))] == 800
    assert counts[("came_from", "2026-Q4", ("peer",))] == 1200


def test_aggregator_killed_while_its_coder_is_mid_stream_codes_every_report_exactly_once(portal, kafka):
    bootstrap = kafka["bootstrap"]
    stream = [redacted_report(i) for i in range(REPORTS)]
    produce(bootstrap, portal.topics.redacted, stream + stream)             # every report twice
    portal.start("aggregator")
    wait_caught_up(bootstrap, GROUP, portal.topics.redacted, timeout=300)    # counted at once
    while (behind := lag(bootstrap, CODER_GROUP, portal.topics.redacted)) == 2 * REPORTS:
        time.sleep(0.05)
    portal.kill("aggregator")                                                # SIGKILL, the coder mid-stream
    assert 0 < behind < 2 * REPORTS, "the coder must be killed after it began and before it finished"
    store = Store(portal.workdir / "aggregator" / "aggregator.sqlite3")
    coded_before = len(store.coded_among([f"00000000-0000-4000-8000-{i:012d}" for i in range(REPORTS)]))
    assert 0 < coded_before < REPORTS, coded_before
    portal.start("aggregator")
    wait_caught_up(bootstrap, CODER_GROUP, portal.topics.redacted, timeout=900)
    portal.stop()

    store = Store(portal.workdir / "aggregator" / "aggregator.sqlite3")
    ids = [f"00000000-0000-4000-8000-{i:012d}" for i in range(REPORTS)]
    assert store.coded_among(ids) == set(ids)                                # every report coded
    assert store._execute("SELECT count(*) FROM coded").fetchone()[0] == REPORTS   # and no other
    assert store.coded_positions() == store.positions() and store.coding_behind() == 0
    counts, _ = store.snapshot()
    assert counts[("reports", "2026-10", ())] == REPORTS
    # each report's text is the same, so each coded cell holds every report exactly once, or none
    coded = {k: n for k, n in counts.items() if k[0] == "coded_themes" and k[1] == "2026-Q4"}
    assert coded and set(coded.values()) == {REPORTS}, coded
