"""SIGKILL the aggregator mid-stream, with every report delivered twice, once while it counts and
once while its theme coder reads: after the restarts the counts and the coded counts are exact,
nothing lost and nothing counted twice."""
from __future__ import annotations

import time

from services.aggregator.app import CODER_GROUP, GROUP
from services.aggregator.state import Store
from services.contracts import events
from tests.support.kafka import lag, produce, wait_caught_up

# Two batches (aggregator.app.COUNT_BATCH) per partition; every report is read once by the theme
# coder (about 60 a second on a quiet machine, 10 on a busy one), so the wait allows for that.
REPORTS = 1200


def redacted_report(i: int) -> bytes:
    return events.encode(events.RedactedReport, {
        "schema_version": 1, "event_id": f"00000000-0000-4000-8000-{i:012d}", "month": "2026-10",
        "answers": {"happened_to": "self" if i % 3 else "witnessed", "came_from": ["peer"],
                    "about": ["race"] if i % 2 else ["age", "sex"],
                    "what_happened": "[PERSON] talked over me in handover."}})


def test_aggregator_killed_mid_stream_counts_every_redelivered_report_exactly_once(portal, kafka):
    stream = [redacted_report(i) for i in range(REPORTS)]
    produce(kafka["bootstrap"], portal.topics.redacted, stream + stream)   # every report twice
    portal.start("aggregator")
    while (behind := lag(kafka["bootstrap"], GROUP, portal.topics.redacted)) == 2 * REPORTS:
        time.sleep(0.01)
    portal.kill("aggregator")
    assert 0 < behind, "the aggregator must be killed before it has finished"
    portal.start("aggregator")
    while (coding := lag(kafka["bootstrap"], CODER_GROUP, portal.topics.redacted)) == 2 * REPORTS:
        time.sleep(0.01)
    portal.kill("aggregator")
    assert 0 < coding, "the aggregator must be killed before its coder has finished"
    portal.start("aggregator")
    wait_caught_up(kafka["bootstrap"], GROUP, portal.topics.redacted, timeout=600)
    wait_caught_up(kafka["bootstrap"], CODER_GROUP, portal.topics.redacted, timeout=900)
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
    coded = Store(portal.workdir / "aggregator" / "coded.sqlite3")
    assert coded.reports_counted() == 1200
    assert coded.snapshot()[0][("coded_themes", "2026-Q4", ("T05",))] == 1200
