"""The intake as it runs in production: gunicorn with its shipped configuration, several worker
processes, two replicas sharing INTAKE_FORM_KEY. No broker is reachable here, so a report that
passes every check of the form is answered 503 ("may not have been sent"): a form the replica
did not accept as its own would be answered 400 instead."""
from __future__ import annotations

import http.client
import os
import signal
import time
import urllib.parse
from pathlib import Path

import pytest

from deploy.kafka.broker import free_port
from deploy.services import healthy, services, start
from services.common import sealing
from tests.support.intake import form_fields

REPORT = {"happened_to": "self", "came_from": "peer", "about": "race",
          "what_happened": "A colleague mimicked my accent at handover."}
FORM_KEY = "synthetic-shared-form-key-for-tests-0123456789"


@pytest.fixture
def replicas(tmp_path):
    sealing.generate(tmp_path / "keys")
    procs = []

    def launch(form_key: str):
        """A replica; with an empty key, gunicorn_conf.py makes one for its workers."""
        port = free_port()
        env = {"INTAKE_PORT": str(port), "RAW_KEYS_DIR": str(tmp_path / "keys"), "INTAKE_MIN_SECONDS": "0",
               "KAFKA_BOOTSTRAP_SERVERS": f"127.0.0.1:{free_port()}", "INTAKE_WORKERS": "2",
               "INTAKE_FORM_KEY": form_key}
        [intake] = [s for s in services(env) if s.name == "intake"]
        log = tmp_path / f"intake-{port}.log"
        procs.append(start(intake, env, stdout=open(log, "ab")))
        deadline = time.monotonic() + 60
        while not healthy(intake.health_url):
            assert procs[-1].poll() is None and time.monotonic() < deadline, log.read_text()
            time.sleep(0.3)
        return port, procs[-1]

    yield launch
    for proc in procs:
        os.killpg(proc.pid, signal.SIGTERM)
        proc.wait(30)


def request(port: int, method: str, path: str, body: bytes | None = None, headers: dict | None = None):
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    conn.request(method, path, body, headers or {})
    resp = conn.getresponse()
    return resp.status, dict(resp.getheaders()), resp.read().decode()


def started_form(port: int) -> list[tuple[str, str]]:
    """The hidden fields of a form started on this replica, with the report's answers."""
    status, _, page = request(port, "GET", "/report")
    assert status == 200
    carried = [(k, v) for k, v in form_fields(page) if k in ("started", "event_id")]
    return carried + list(REPORT.items())


def send(port: int, fields: list[tuple[str, str]]):
    return request(port, "POST", "/report/send", urllib.parse.urlencode(fields).encode(),
                   {"Content-Type": "application/x-www-form-urlencoded"})


def test_a_form_started_on_one_replica_passes_the_checks_of_another_sharing_the_key(replicas):
    first, first_proc = replicas(FORM_KEY)
    second, _ = replicas(FORM_KEY)
    children = Path(f"/proc/{first_proc.pid}/task/{first_proc.pid}/children").read_text().split()
    assert len(children) == 2   # INTAKE_WORKERS worker processes
    status, _, page = send(second, started_form(first))
    assert status == 503 and "Your report may not have been sent" in page   # accepted: only the broker is missing


def test_replicas_with_different_keys_refuse_each_others_forms_and_keep_the_answers(replicas):
    first, _ = replicas(FORM_KEY)
    other, _ = replicas("")   # one machine, no key set: gunicorn_conf.py made its own
    status, _, page = send(other, started_form(first))
    assert status == 400 and "Check your answers, then select" in page
    assert "A colleague mimicked my accent at handover." in page


def test_too_many_headers_get_a_431_in_the_portals_words(replicas):
    port, _ = replicas(FORM_KEY)
    status, headers, page = request(port, "GET", "/", headers={f"X-Extra-{i}": "1" for i in range(70)})
    assert status == 431
    assert "<h1>Sorry, this page could not be read</h1>" in page and "gunicorn" not in page.lower()
    assert headers["Content-Security-Policy"].startswith("default-src 'self'")
    assert request(port, "GET", "/healthz")[0] == 200   # the worker goes on serving
