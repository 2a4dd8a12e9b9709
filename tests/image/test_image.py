"""`make image`: the one image runs every service, as an unprivileged user on a read-only root,
and reports posted to its intake come out redacted and counted in a release."""
from __future__ import annotations

import subprocess
import time

import pytest
import requests

from services.aggregator.app import GROUP as AGGREGATOR
from services.redactor.app import GROUP as REDACTOR
from tests.support.image import ImagePortal, build_once, inspect, mount, unmount
from tests.e2e.test_report_to_steering_group import planned_reports
from tests.support.kafka import read_all, wait_caught_up

pytestmark = [pytest.mark.image, pytest.mark.kafka]


@pytest.fixture(scope="module")
def built():
    tag = build_once()
    root = mount(tag)
    try:
        yield tag, root, inspect(tag)
    finally:
        unmount(tag)


def test_image_is_labelled_unprivileged_and_has_no_compiler(built):
    tag, root, config = built
    assert config["User"] == "10001:10001"
    assert config["Entrypoint"] == ["/opt/portal/venv/bin/portal-service"]
    assert config["Labels"]["org.opencontainers.image.version"] == tag.split(":")[1]
    assert config["Labels"]["org.opencontainers.image.revision"]
    for compiler in ("usr/bin/gcc", "usr/bin/cc", "usr/bin/g++", "usr/bin/make"):
        assert not (root / compiler).exists(), compiler
    models = list((root / "opt/portal/venv/lib/python3.11/site-packages").glob("en_core_web_sm*"))
    assert models, "the spaCy model is built in"
    assert (root / "opt/portal/models/theme-coder/classifier.npz").exists(), "the theme coder is built in"
    assert (root / "opt/portal/models/redactor-ner/config.cfg").exists(), "the fine-tuned NER is built in"
    assert (root / "opt/portal/venv/lib/python3.11/site-packages/services/intake/static/nhsuk/intake.css").exists()
    assert not (root / "opt/portal/src").exists() and not (root / "opt/portal/wheels").exists()


def test_every_service_runs_from_the_image_on_a_read_only_root(built, kafka, topics, tmp_path):
    tag, root, config = built
    portal = ImagePortal(kafka["bootstrap"], topics, tmp_path, root=root, config=config)
    try:
        portal.start(timeout=180)
        reports, canaries = planned_reports()   # the end-to-end test's 62, with names and phones
        accepted = [requests.post(f"{portal.intake}/api/v1/reports", json=r, timeout=15).status_code
                    for r in reports]
        assert accepted == [202] * 62
        wait_caught_up(kafka["bootstrap"], REDACTOR, topics.raw)
        wait_caught_up(kafka["bootstrap"], AGGREGATOR, topics.redacted)
        redacted = read_all(kafka["bootstrap"], topics.redacted)
        assert len(redacted) == 62
        assert not any(canary.encode() in r for r in redacted for canary in canaries)
        headers = {"Authorization": f"Bearer {portal.token}"}
        asked = requests.post(f"{portal.reporter}/api/v1/releases", headers=headers, timeout=10)
        assert asked.status_code == 202
        deadline, doc = time.monotonic() + 90, None
        while time.monotonic() < deadline and doc is None:
            latest = requests.get(f"{portal.reporter}/api/v1/releases/latest", headers=headers, timeout=10)
            if latest.status_code == 200 and latest.json()["release_id"] == asked.json()["release_id"]:
                doc = latest.json()
            time.sleep(1)
        assert doc is not None, "the release asked for did not reach the reporter"
        shown = [c["value"] for c in doc["tables"]["reports_quarter"]["cells"] if c["status"] == "published"]
        assert len(shown) == 1 and abs(shown[0] - 62) <= 4   # rounded to 5, perturbed by at most 2
        # Nothing could be written to the image's root: the services ran read-only, as uid 10001.
        ps = subprocess.run(["ps", "-o", "uid=,args=", "-e"], capture_output=True, text=True).stdout
        running = [line for line in ps.splitlines() if "/opt/portal/venv" in line and "chroot" not in line]
        assert running and all(line.split()[0] == "10001" for line in running)
    finally:
        portal.stop()
    assert "Traceback" not in portal.logs()
