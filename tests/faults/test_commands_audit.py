"""The reporter's commands (a release, a wipe) with the broker frozen, on the real broker: the
answer is a 503 within the producer's bound that says the command may not have been sent, and
the audit topic holds what actually happened: `<kind>_request_failed`, once, never
`<kind>_requested`, for a command the broker did not acknowledge. Once the broker is back the
same wipe is answered 202 and audited as `wipe_requested`."""
from __future__ import annotations

import json
import os
import signal
import time

import pytest

from services.common.kafka import ensure_topics
from services.contracts.topics import Topics
from services.reporter.app import create_app
from services.reporter.auth import fingerprint, token_hash
from services.reporter.identity import ADMIN, Identity
from services.reporter.settings import Settings
from tests.support import releases
from tests.support.kafka import read_all

pytestmark = [pytest.mark.kafka, pytest.mark.faults]
TOKEN = "fault-test-admin-token"
BEARER = {"Authorization": f"Bearer {TOKEN}"}
RID = releases.RELEASE_ID
BOUND_S = 7.5   # the producer's 5 s bound, with room for a loaded 2-core machine


def audit_entries(bootstrap: str, topic: str) -> list[dict]:
    return [json.loads(v) for v in read_all(bootstrap, topic)]


def timed(call):
    started = time.monotonic()
    resp = call()
    return resp, time.monotonic() - started


def test_commands_not_acknowledged_are_audited_as_failed_not_requested(fault_broker):
    topics = Topics(f"fault-{os.urandom(5).hex()}")
    ensure_topics(fault_broker.bootstrap, topics)
    settings = Settings(fault_broker.bootstrap, topics, 0, token_hash(TOKEN), secure_cookies=False)
    app = create_app(settings, book=releases.book(), start_reader=False)   # a real SyncProducer
    reporting = app.extensions["reporting"]
    client = app.test_client()
    admin = fingerprint(token_hash(TOKEN))
    # the administrator's pack download, which a wipe waits for, written to the real audit topic
    reporting.audit.record("pack_downloaded", Identity(admin, ADMIN), release_id=RID, detail="pack")

    fault_broker.signal(signal.SIGSTOP)   # frozen: connections stay open, nothing answers
    try:
        wipe, wipe_s = timed(lambda: client.post(f"/api/v1/releases/{RID}/wipe", headers=BEARER))
        release, release_s = timed(lambda: client.post("/api/v1/releases", headers=BEARER))
    finally:
        fault_broker.signal(signal.SIGCONT)

    assert wipe.status_code == 503 and wipe_s < BOUND_S, (wipe.status_code, wipe_s)
    assert wipe.get_json()["error"].startswith("The broker did not acknowledge the wipe request within 5 seconds: "
                                               "it may not have been sent")
    assert release.status_code == 503 and release_s < BOUND_S, (release.status_code, release_s)
    assert release.get_json()["error"].startswith("The broker did not acknowledge the release request within 5 "
                                                  "seconds: it may not have been sent")
    assert reporting.wipe_pending(RID) is False

    # the failure entries are written in the background, tried again until the broker takes them
    deadline = time.monotonic() + 90
    while time.monotonic() < deadline:
        entries = audit_entries(fault_broker.bootstrap, topics.audit)
        if {e["action"] for e in entries} >= {"wipe_request_failed", "release_request_failed"}:
            break
        time.sleep(1)
    by_id = {e["event_id"]: (e["action"], e["release_id"], e["actor"]) for e in entries}   # a retry repeats its id
    actions = sorted(a for a, _rid, _who in by_id.values())
    assert actions == ["pack_downloaded", "release_request_failed", "wipe_request_failed"], actions
    assert ("wipe_request_failed", RID, admin) in by_id.values()
    [failed_release] = [rid for a, rid, _who in by_id.values() if a == "release_request_failed"]
    # a command the broker did not acknowledge may still have arrived: whatever it holds, the
    # audit log never shows it as requested
    commands = [json.loads(v) for v in read_all(fault_broker.bootstrap, topics.commands)]
    assert {c["release_id"] for c in commands if c["kind"] == "release"} <= {failed_release}
    assert {c["release_id"] for c in commands if c["kind"] == "wipe"} <= {RID}

    again = client.post(f"/api/v1/releases/{RID}/wipe", headers=BEARER)
    assert again.status_code == 202
    entries = audit_entries(fault_broker.bootstrap, topics.audit)
    assert [(e["action"], e["release_id"]) for e in entries][-1] == ("wipe_requested", RID)
    last = json.loads(read_all(fault_broker.bootstrap, topics.commands)[-1])
    assert (last["kind"], last["release_id"]) == ("wipe", RID)
