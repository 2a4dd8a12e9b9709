"""A report travels from the intake to the steering group, through every real service on a
real broker, and only disclosure-controlled numbers come out."""
from __future__ import annotations

import json
import time

import requests

from services.aggregator.app import GROUP as AGGREGATOR
from services.redactor.app import GROUP as REDACTOR
from tests.support import releases
from tests.support.kafka import read_all, wait_caught_up

FIRST = ["Amara", "Tomasz", "Priya", "Gareth", "Siobhan", "Kwame", "Olena", "Rhys"]
LAST = ["Okafor", "Nowak", "Raman", "Pryce", "Kelly", "Mensah", "Adeyemi", "Morgan"]
NARRATIVES = [
    "Yesterday {name} said my accent was hard to follow and laughed. I felt small. Call me on {phone}.",
    "My line manager, {name}, keeps asking where I am really from. Ring {phone}.",
]
# (how many, answers) planned so that some cells pass the threshold of 10 and some do not.
GROUPS = [
    (27, {"happened_to": "self", "came_from": ["line_manager"], "about": ["race"], "themes": ["T01"]}),
    (13, {"happened_to": "witnessed", "came_from": ["patient"], "about": ["religion_belief", "race"],
          "themes": ["T08"]}),
    (12, {"happened_to": "self", "came_from": ["peer"], "about": ["sexual_orientation"], "themes": ["T12"]}),
    (7, {"happened_to": "both", "came_from": ["public"], "about": ["age"], "themes": ["T15"]}),
    (3, {"happened_to": "self", "came_from": ["unknown"], "about": ["not_sure"]}),
]


def planned_reports() -> tuple[list[dict], list[str]]:
    reports, canaries = [], []
    names = [f"{f} {l}" for f in FIRST for l in LAST]
    i = 0
    for n, answers in GROUPS:
        for _ in range(n):
            name, phone = names[i], f"07700 900{i:03d}"
            canaries += [name, *name.split(), phone]
            reports.append({**answers, "what_happened": NARRATIVES[i % 2].format(name=name, phone=phone)})
            i += 1
    return reports, canaries


def cell(doc: dict, table: str, **dims) -> tuple[int | None, str]:
    matches = [c for c in doc["tables"][table]["cells"] if c["dims"] == dims]
    assert len(matches) == 1, (table, dims, matches)
    return matches[0]["value"], matches[0]["status"]


def released(portal, headers) -> dict:
    resp = requests.post(f"{portal.reporter}/api/v1/releases", headers=headers, timeout=10)
    assert resp.status_code == 202
    release_id = resp.json()["release_id"]
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        latest = requests.get(f"{portal.reporter}/api/v1/releases/latest", headers=headers, timeout=10)
        if latest.status_code == 200 and latest.json()["release_id"] == release_id:
            return latest.json()
        time.sleep(0.5)
    raise TimeoutError("release not seen by the reporter")


def test_sixty_two_reports_become_a_release_with_exact_rounding_and_suppression(portal, kafka):
    portal.env["AGGREGATOR_MAX_PERTURBATION"] = "0"   # exact figures to check; the noise has tests of its own
    portal.start()
    reports, canaries = planned_reports()
    assert len(reports) == 62
    for r in reports:
        resp = requests.post(f"{portal.intake}/api/v1/reports", json=r, timeout=15)
        assert resp.status_code == 202, resp.text
    wait_caught_up(kafka["bootstrap"], REDACTOR, portal.topics.raw)
    wait_caught_up(kafka["bootstrap"], AGGREGATOR, portal.topics.redacted)
    headers = {"Authorization": f"Bearer {portal.token}"}

    doc = released(portal, headers)
    month = doc["tables"]["reports"]["cells"][-1]["period"]
    quarter = doc["tables"]["about"]["cells"][-1]["period"]
    assert doc["threshold"] == 10 and doc["method_version"] == "3.0"
    # the grid is the four quarters to this month, whatever the data: only this month has reports
    reports = doc["tables"]["reports"]["cells"]
    assert len(reports) >= 10 and [(c["period"], c["value"]) for c in reports if c["value"] is not None] == [(month, 60)]
    doc = {**doc, "tables": {t: {**v, "cells": [c for c in v["cells"] if c["period"] in (month, quarter)]}
                             for t, v in doc["tables"].items()}}
    expected = {
        ("happened_to", ("happened_to", "self")): (40, "published"),          # 42
        ("happened_to", ("happened_to", "witnessed")): (15, "published"),     # 13
        ("happened_to", ("happened_to", "both")): (None, "suppressed"),       # 7
        ("about", ("about", "race")): (40, "published"),                      # 40
        ("about", ("about", "religion_belief")): (15, "published"),           # 13
        ("about", ("about", "sexual_orientation")): (10, "published"),        # 12
        ("about", ("about", "age")): (None, "suppressed"),                    # 7
        ("about", ("about", "not_sure")): (None, "suppressed"),               # 3
        ("about", ("about", "disability")): (None, "suppressed"),             # 0
        ("came_from", ("came_from", "line_manager")): (25, "published"),      # 27
        ("came_from", ("came_from", "patient")): (15, "published"),           # 13
        ("came_from", ("came_from", "peer")): (10, "published"),              # 12
        ("came_from", ("came_from", "public")): (None, "suppressed"),         # 7
        ("came_from", ("came_from", "unknown")): (None, "suppressed"),        # 3
        ("themes", ("theme", "T01")): (25, "published"),
        ("themes", ("theme", "T08")): (15, "published"),
        ("themes", ("theme", "T12")): (10, "published"),                     # 12
        ("themes", ("theme", "T15")): (None, "suppressed"),
    }
    for (table, (dim, code)), want in expected.items():
        assert cell(doc, table, **{dim: code}) == want, (table, code)
    # two-dimension tables by groups: T01 is "treated as an outsider", T08 "comments and jokes"
    assert cell(doc, "theme_by_about", theme_group="outsider", about_group="race_ethnicity_nationality") \
        == (25, "published")
    assert cell(doc, "theme_by_about", theme_group="comments_jokes", about_group="religion_belief") == (15, "published")
    assert cell(doc, "theme_by_about", theme_group="assumptions", about_group="age") == (None, "suppressed")
    assert cell(doc, "about_by_came_from_group", about_group="race_ethnicity_nationality",
                came_from_group="patients_relatives_public") == (15, "published")
    assert cell(doc, "about_by_came_from_group", about_group="age", came_from_group="patients_relatives_public") \
        == (None, "suppressed")
    # every other cell of the grid is suppressed. The figures and percentages are the ones the
    # reporter's tests render (tests/support/releases.py, which keys a table without dimensions by
    # its period). Themes coded from the narratives: 31 mention an accent and laughing (T06; the
    # classifier also reads a "joke", T08, in every one of them), 31 'really from'.
    published = {(t, tuple(c["dims"][d] for d in v["dimensions"])): (c["value"], c["percent"])
                 for t, v in doc["tables"].items() for c in v["cells"] if c["status"] == "published"}
    undivided = {t for t, v in doc["tables"].items() if not v["dimensions"]}
    assert published == {(t, () if t in undivided else key): (value, releases.PERCENT.get((t, key)))
                         for (t, key), value in releases.LATEST.items()}
    suppressed = [c for v in doc["tables"].values() for c in v["cells"] if c["status"] == "suppressed"]
    assert suppressed and all(c["value"] is None for c in suppressed)
    assert all(c["period"] == quarter for t, v in doc["tables"].items() if t != "reports" for c in v["cells"])
    assert all(c["period"] == month for c in doc["tables"]["reports"]["cells"])

    # No name or phone number survives anywhere downstream of the redactor, or in any log.
    redacted_events = [json.loads(m) for m in read_all(kafka["bootstrap"], portal.topics.redacted)]
    assert len(redacted_events) == 62
    assert all(e["answers"]["what_happened"].count("[") >= 2 for e in redacted_events)  # name, phone
    redacted = json.dumps(redacted_events)
    release_records = b"\n".join(read_all(kafka["bootstrap"], portal.topics.releases)).decode()
    assert read_all(kafka["bootstrap"], portal.topics.raw) == []   # deleted once redacted
    responses = json.dumps(doc)
    logs = portal.logs()
    for canary in canaries:
        for where, text in (("redacted", redacted), ("releases", release_records), ("reporter", responses),
                            ("logs", logs)):
            assert canary not in text, f"{canary!r} found in {where}"
