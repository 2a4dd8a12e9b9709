"""The load benchmark (deploy/bench.py) and the scale measurement (tests/cluster/scale.py) build
their options and their redacted reports from one definition, each with its own numbers."""
from __future__ import annotations

import json

from deploy import bench
from services.contracts import events
from tests.cluster import scale


def test_the_bench_and_the_scale_measurement_share_options_with_their_own_report_counts():
    ours = bench.options("", redactor_reports=2000, aggregator_reports=20000).parse_args([])
    theirs = bench.options("", redactor_reports=300, aggregator_reports=600).parse_args(["--seconds", "3"])
    assert (ours.seconds, ours.in_flight, ours.redactor_reports, ours.aggregator_reports) == (8.0, 32, 2000, 20000)
    assert (theirs.seconds, theirs.in_flight, theirs.redactor_reports, theirs.aggregator_reports) == (3.0, 32, 300, 600)
    assert ours.texts == theirs.texts and ours.texts.name == "dev.jsonl" and ours.texts.is_file()
    assert scale.options is bench.options


def test_redacted_reports_are_valid_events_taking_narratives_and_abouts_in_turn():
    texts = ["first narrative " * 20, "second"]
    raws = bench.redacted_reports(texts, 5, abouts=[["age", "sex"], ["race"]])
    got = [events.decode(events.RedactedReport, raw) for raw in raws]
    assert [e.answers["about"] for e in got] == [["age", "sex"], ["race"], ["age", "sex"], ["race"], ["age", "sex"]]
    assert got[0].answers["what_happened"] == "[PERSON] " + texts[0][:200]
    assert got[1].answers["what_happened"] == "[PERSON] second"
    assert len({e.event_id for e in got}) == 5 and {e.month for e in got} == {"2026-11"}
    plain = [json.loads(raw)["answers"] for raw in bench.redacted_reports(texts, 2)]
    assert plain == [{**bench.REPORT, "what_happened": "[PERSON] " + t[:200]} for t in texts]
