"""The reporter's design-system files come from the locked npm package, built at set-up
(`make assets`) and served by the reporter itself: no page refers to anything elsewhere."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.support import releases
from tests.fakes import FakePublisher
from tests.unit.test_reporter_api import VIEWER_TOKEN, app_with
from services.reporter.audit import AuditTrail

BUILT = Path(__file__).resolve().parents[2] / "services/reporter/static/nhsuk"


@pytest.fixture(scope="module")
def client():
    if not (BUILT / ".built").exists():
        pytest.fail("the reporter's design-system assets are not built: run `make assets`")
    c = app_with(releases.book(), FakePublisher(), AuditTrail()).test_client()
    c.post("/sign-in", data={"token": VIEWER_TOKEN, "next": "/releases"})
    return c


def test_the_stylesheet_has_the_design_system_and_the_reports_styles_and_no_third_party_font(client):
    resp = client.get("/assets/nhsuk/reporter.css")
    css = resp.get_data(as_text=True)
    assert resp.status_code == 200 and resp.mimetype == "text/css"
    assert ".nhsuk-header" in css and ".app-headline" in css and ".app-hidden" in css
    assert "@font-face" not in css and "assets.nhs.uk" not in css
    for url in set(re.findall(r"url\(\"?([^\")]+)", css)):
        assert url.startswith("/assets/nhsuk/") and client.get(url).status_code == 200, url


def test_everything_the_report_page_refers_to_is_served_by_the_reporter(client):
    page = client.get(f"/releases/{releases.RELEASE_ID}").get_data(as_text=True)
    refs = set(re.findall(r'(?:href|src)="([^"#]+)"', page))
    assert "/assets/nhsuk/reporter.css" in refs and "<script" not in page
    for ref in refs:
        assert ref.startswith("/"), ref
        if "/download/" not in ref:
            assert client.get(ref).status_code == (302 if ref == "/" else 200), ref
    assert client.get("/assets/nhsuk/reporter.css").headers["Cache-Control"] == "public, max-age=3600"
    assert client.get("/releases").headers["Cache-Control"] == "no-store"
