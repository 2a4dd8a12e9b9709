"""Faults on the real broker with reports in flight: the broker frozen (SIGSTOP) and killed
(SIGKILL), and each service killed mid-stream. Ground truth per report: every report is resent
with its event id until it gets a 202, and the aggregator must have counted exactly the ids
that got one, once each; every other answer is a 503 saying the report may not have been sent,
given within the bound; no service exits on its own; no narrative reaches the disk outside the
broker."""
from __future__ import annotations

import signal
import time

import pytest

from tests.faults.load import Load, assert_answers_true_and_bounded, assert_every_202_counted_once, drained
from tests.support.disk import canary, canary_needles, hits

pytestmark = [pytest.mark.kafka, pytest.mark.faults]
BOUND_S = 7.5   # the intake's 5 s send bound, with room for a loaded 2-core machine


def no_narrative_outside_the_broker(portal, word: str) -> None:
    assert hits([portal.workdir], canary_needles([word])) == []
    assert word not in portal.logs()


def still_running(portal, *names: str) -> None:
    for name in names:
        assert portal.procs[name].poll() is None, f"{name} exited ({portal.procs[name].returncode})"


def test_broker_frozen_then_killed_with_requests_in_flight(fault_portal, fault_broker):
    portal = fault_portal.start("intake", "redactor", "aggregator")
    word = canary()
    load = Load(portal.intake, word).start()
    time.sleep(3)
    fault_broker.signal(signal.SIGSTOP)      # frozen: connections stay open, nothing answers
    time.sleep(9)
    fault_broker.signal(signal.SIGCONT)
    time.sleep(3)
    fault_broker.crash()                     # killed: connections refused
    time.sleep(4)
    fault_broker.restart()
    time.sleep(4)
    load.stop()
    drained(portal)

    statuses = load.statuses()
    print("answers:", statuses, "longest:", round(max(a.seconds for a in load.answers), 2), "s")
    assert statuses.get(503, 0) >= 8, f"the outage must have caught requests in flight: {statuses}"
    assert statuses.get(202, 0) > statuses.get(503, 0)
    assert_answers_true_and_bounded(load, BOUND_S)
    assert_every_202_counted_once(portal, load)
    still_running(portal, "intake", "redactor", "aggregator")
    no_narrative_outside_the_broker(portal, word)


def test_each_service_killed_mid_stream(fault_portal):
    portal = fault_portal.start("intake", "redactor", "aggregator")
    word = canary()
    load = Load(portal.intake, word, threads=3).start()
    for name in ("redactor", "aggregator", "intake"):
        time.sleep(2)
        portal.kill(name, signal.SIGKILL)
        portal.start(name)
    time.sleep(2)
    load.stop()
    drained(portal)

    statuses = load.statuses()
    print("answers:", statuses, "longest:", round(max(a.seconds for a in load.answers), 2), "s")
    assert statuses.get(202, 0) >= 50, statuses
    assert set(statuses) <= {202, 503, "ConnectionError"}, statuses
    assert_answers_true_and_bounded(load, BOUND_S)
    assert_every_202_counted_once(portal, load)
    still_running(portal, "intake", "redactor", "aggregator")
    no_narrative_outside_the_broker(portal, word)
