"""A load of reports sent to the intake by threads, each resent with its event id until the
intake answers 202, and the ground truth per report: what the aggregator counted."""
from __future__ import annotations

import sqlite3
import threading
import time
import uuid
from dataclasses import dataclass, field
from pathlib import Path

import requests

from services.aggregator.app import GROUP as AGGREGATOR
from services.contracts.topics import AGGREGATOR_CODER_GROUP
from services.redactor.app import GROUP as REDACTOR
from tests.support.kafka import wait_caught_up

UNAVAILABLE = ("Sorry, the service is unavailable: your report may not have been sent. Sending it again "
               "with this event_id is safe: a report is counted once, however often it is sent.")


def report(canary: str, i: int) -> dict:
    return {"happened_to": "self" if i % 2 else "witnessed", "came_from": ["peer"], "about": ["race"],
            "what_happened": f"Someone mocked my accent at handover again, {canary} said nothing."}


@dataclass
class Answer:
    event_id: str
    status: int | str          # an HTTP status, or the class of a connection failure
    seconds: float
    body: dict | None


@dataclass
class Load:
    """`threads` senders, each sending new reports until stopped; every report is resent with
    its event id after any answer but 202 (a 503, a refused connection, a timeout). Given
    several intakes, sender n starts on intake n and moves to the next after any answer but
    202, as a load balancer would."""
    intake: str | list[str]
    canary: str
    threads: int = 8
    answers: list[Answer] = field(default_factory=list)
    accepted: set[str] = field(default_factory=set)
    _stop: threading.Event = field(default_factory=threading.Event)
    _workers: list[threading.Thread] = field(default_factory=list)
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def start(self) -> "Load":
        for n in range(self.threads):
            t = threading.Thread(target=self._run, args=(n,), daemon=True)
            t.start()
            self._workers.append(t)
        return self

    def stop(self, timeout: float = 120) -> None:
        """No new reports; each sender finishes the one it holds (until 202)."""
        self._stop.set()
        for t in self._workers:
            t.join(timeout)
        assert not any(t.is_alive() for t in self._workers), "a report never got its 202"

    def _run(self, n: int) -> None:
        session = requests.Session()
        intakes = [self.intake] if isinstance(self.intake, str) else self.intake
        at = n
        i = 0
        while not self._stop.is_set():
            event_id = str(uuid.uuid4())
            body = {**report(self.canary, i), "event_id": event_id}
            i += 1
            while True:
                started = time.monotonic()
                try:
                    resp = session.post(f"{intakes[at % len(intakes)]}/api/v1/reports", json=body, timeout=20)
                    answer = Answer(event_id, resp.status_code, time.monotonic() - started,
                                    resp.json() if resp.headers.get("content-type", "").startswith("application/json") else None)
                except requests.RequestException as exc:
                    answer = Answer(event_id, type(exc).__name__, time.monotonic() - started, None)
                    session = requests.Session()
                with self._lock:
                    self.answers.append(answer)
                    if answer.status == 202:
                        self.accepted.add(event_id)
                if answer.status == 202:
                    break
                at += 1
                time.sleep(0.3)

    def statuses(self) -> dict:
        out: dict = {}
        for a in self.answers:
            out[a.status] = out.get(a.status, 0) + 1
        return out


def counted(state_dir: Path) -> tuple[list[str], int]:
    """The ids the aggregator counted, and its total of reports over every month."""
    db = sqlite3.connect(f"file:{state_dir / 'aggregator.sqlite3'}?mode=ro", uri=True)
    try:
        ids = [r[0] for r in db.execute("SELECT event_id FROM counted")]
        total = db.execute("SELECT coalesce(sum(n), 0) FROM counts WHERE table_id = 'reports'").fetchone()[0]
        return ids, total
    finally:
        db.close()


def drained(portal, timeout: float = 180) -> None:
    wait_caught_up(portal.bootstrap, REDACTOR, portal.topics.raw, timeout)
    wait_caught_up(portal.bootstrap, AGGREGATOR, portal.topics.redacted, timeout)
    wait_caught_up(portal.bootstrap, AGGREGATOR_CODER_GROUP, portal.topics.redacted, timeout)


def counted_in_store(url: str) -> tuple[list[str], int]:
    """The same, from a store the aggregators share (AGGREGATOR_STORE_URL: PostgreSQL)."""
    from services.aggregator.state import Store

    store = Store(url)
    try:
        ids = [r[0] for r in store._execute("SELECT event_id FROM counted").fetchall()]
        total = store._execute("SELECT coalesce(sum(n), 0) FROM counts WHERE table_id = 'reports'").fetchone()[0]
        return ids, int(total)
    finally:
        store.close()


def assert_every_202_counted_once(portal, load: Load) -> None:
    url = portal.env.get("AGGREGATOR_STORE_URL")
    ids, total = counted_in_store(url) if url else counted(portal.workdir / "aggregator")
    sent = {a.event_id for a in load.answers}
    assert load.accepted == sent, "every report was resent until it got its 202"
    assert len(ids) == len(set(ids)) and set(ids) == load.accepted, "per report: each 202 counted, no phantom"
    assert total == len(load.accepted), "the month totals count each report once"


def assert_answers_true_and_bounded(load: Load, bound_s: float) -> None:
    for a in load.answers:
        assert a.status in (202, 503) or isinstance(a.status, str), a
        if a.status == 503:
            assert a.body == {"errors": {"_schema": [UNAVAILABLE]}, "event_id": a.event_id}
        if a.status in (202, 503):
            assert a.seconds < bound_s, f"a request was held {a.seconds:.1f}s"
