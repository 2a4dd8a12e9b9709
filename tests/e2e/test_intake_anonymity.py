"""The intake as it runs in production (gunicorn with the shipped configuration, a real
broker): a run of form submissions leaves no address, user agent, referrer or narrative in any
log, and the raw topic holds only ciphertext that the redactor's key opens."""
from __future__ import annotations

import json
import re

import requests
from werkzeug.datastructures import MultiDict

from tests.support.intake import fill
from tests.support.kafka import read_all
from tests.support.raw import open_raw

AGENT = "CanaryBrowser/9.9 (X11; Canary)"
FORWARDED = "203.0.113.77"
REFERRER = "https://referrer.example/canary-page"
NARRATIVES = [
    "At handover Dr Olwen Pryce-Canary asked where I was really from, ring 07700 900461.",
    "A visitor laughed at the canary pin on my lanyard and mocked my accent.",
    "In the staff room someone said my hijab made patients uneasy; this was canary-three.",
]
HEADERS = {"User-Agent": AGENT, "X-Forwarded-For": FORWARDED, "Referer": REFERRER}


def page_of(html: str) -> str:
    return re.search(r'name="page" value="([^"]+)"', html)[1]


def send_through_the_form(base: str, answers: dict) -> requests.Response:
    resp = requests.get(f"{base}/report", headers=HEADERS, timeout=10)
    while page_of(resp.text) != "check":
        code = page_of(resp.text)
        fields = fill(resp.text, {code: answers[code]} if code in answers else None, action="continue")
        resp = requests.post(f"{base}/report", data=list(MultiDict(fields).items(multi=True)),
                             headers=HEADERS, timeout=10)
        assert resp.status_code == 200, code
    return requests.post(f"{base}/report/send", data=fill(resp.text), headers=HEADERS, timeout=15,
                         allow_redirects=False)


def test_form_submissions_leave_no_address_agent_or_words_in_the_logs_and_only_ciphertext_on_the_broker(portal, kafka):
    portal.env["INTAKE_MIN_SECONDS"] = "0"
    portal.start("intake")
    sent = []
    for i, narrative in enumerate(NARRATIVES):
        answers = {"happened_to": "self", "came_from": ["peer"], "about": ["race", "accent_language"],
                   "what_happened": narrative}
        if i == 2:
            answers["what_would_help"] = "Canary training for every ward"
        resp = send_through_the_form(portal.intake, answers)
        assert resp.status_code == 303 and resp.headers["Location"] == "/report/sent"
        assert "Set-Cookie" not in resp.headers
        sent.append(answers)
    # and some requests that fail, which must not log their content either
    assert requests.post(f"{portal.intake}/report/send", data={"what_happened": NARRATIVES[0]},
                         headers=HEADERS, timeout=10).status_code == 400
    assert requests.post(f"{portal.intake}/api/v1/reports", data=NARRATIVES[1], headers=HEADERS,
                         timeout=10).status_code == 415
    assert requests.get(f"{portal.intake}/no-such-page?canary=1", headers=HEADERS, timeout=10).status_code == 404
    portal.stop()

    raw = read_all(kafka["bootstrap"], portal.topics.raw)
    assert sorted(json.dumps(open_raw(r, portal.keys_dir)["answers"], sort_keys=True) for r in raw) == \
        sorted(json.dumps(a, sort_keys=True) for a in sent)
    for record in raw:
        assert set(json.loads(record)) == {"schema_version", "event_id", "key_id", "sealed"}
        assert b"anary" not in record and b"07700" not in record

    logs = portal.logs()
    for leak in ("127.0.0.1", FORWARDED, "Canary", "canary", "referrer.example", "07700", "hijab", "accent",
                 "/report/send", "Olwen"):
        assert leak not in logs, leak
