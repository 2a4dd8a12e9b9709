"""The reporter's pages: sign-in into a session holding no token, roles, the report with a text
alternative for every chart and every hidden figure in words, and downloads in the audit log."""
from __future__ import annotations

import base64
import json
import re
import zlib

import pytest

from services.reporter.audit import AuditTrail
from services.reporter.auth import fingerprint, token_hash
from tests.fakes import FakePublisher
from tests.support import releases
from tests.unit.test_reporter_api import ADMIN_TOKEN, RID, VIEWER_TOKEN, app_with, fast


@pytest.fixture
def trail():
    return AuditTrail()


@pytest.fixture
def browser(trail):
    return app_with(releases.book(), FakePublisher(), trail).test_client()


def sign_in(browser, token, next_page="/releases"):
    return browser.post("/sign-in", data={"token": token, "next": next_page})


def session_payload(browser) -> dict:
    cookie = browser.get_cookie("reporter_session").value
    body = cookie.lstrip(".").split(".")[0]
    raw = base64.urlsafe_b64decode(body + "=" * (-len(body) % 4))
    return json.loads(zlib.decompress(raw) if cookie.startswith(".") else raw)


def test_signing_in_keeps_only_role_fingerprint_and_time_and_is_audited(browser, trail):
    assert browser.get("/releases").location == "/sign-in?next=/releases"
    refused = sign_in(browser, "wrong")
    assert refused.status_code == 401 and "Enter a valid access token" in refused.get_data(as_text=True)
    assert sign_in(browser, VIEWER_TOKEN).location == "/releases"
    payload = session_payload(browser)
    assert set(payload) == {"role", "subject", "issued"} and payload["role"] == "viewer"
    assert payload["subject"] == fingerprint(token_hash(VIEWER_TOKEN)) and VIEWER_TOKEN not in json.dumps(payload)
    browser.post("/sign-out")
    assert browser.get("/releases").status_code == 302
    assert [(e.action, e.role) for e in trail.entries()] == [
        ("signed_out", "viewer"), ("signed_in", "viewer"), ("sign_in_refused", None)]


def test_a_viewer_cannot_open_the_administrators_pages_or_request_a_release(browser, trail):
    sign_in(browser, VIEWER_TOKEN)
    for path in ("/audit", "/operator"):
        resp = browser.get(path)
        assert resp.status_code == 403 and "It is for the portal" in resp.get_data(as_text=True)
    assert browser.post("/releases").status_code == 403
    assert "Request a release" not in browser.get("/releases").get_data(as_text=True)
    assert [e.action for e in trail.entries()] == ["signed_in"]


def test_the_report_page_gives_every_chart_words_and_every_hidden_figure_a_label(browser):
    sign_in(browser, VIEWER_TOKEN)
    page = browser.get(f"/releases/{RID}").get_data(as_text=True)
    images = re.findall(r"<img ([^>]*)>", page)
    assert len(images) == 13
    for attrs in images:
        alt = re.search(r'alt="([^"]+)"', attrs).group(1)
        src = re.search(r'src="([^"]+)"', attrs).group(1)
        assert len(alt) > 60 and src.startswith(f"/releases/{RID}/charts/")
        chart = browser.get(src)
        assert chart.status_code == 200 and chart.mimetype == "image/svg+xml" and "<svg" in chart.get_data(as_text=True)
    cells = re.findall(r'<td class="([^"]+)" data-status="(\w+)">([^<]+)</td>', page)
    hidden = [c for c in cells if c[1] == "suppressed"]
    assert hidden and all(c == ("app-hidden", "suppressed", "not shown") for c in hidden)
    assert all(re.fullmatch(r"[\d,]+( \(\d+%\))?", c[2]) for c in cells if c[1] == "published")
    assert "0" not in {c[2] for c in cells}
    refs = set(re.findall(r'(?:href|src)="([^"#]+)"', page))
    assert all(r.startswith("/") for r in refs)


def test_downloads_from_the_page_are_audited_and_an_administrator_sees_them(browser, trail):
    sign_in(browser, ADMIN_TOKEN)
    confirm = browser.get(f"/releases/{RID}/download/pack")   # an administrator's pack starts the wipe
    assert confirm.status_code == 302 and confirm.location == f"/releases/{RID}/pack"
    pack = browser.post(f"/releases/{RID}/pack")
    assert pack.status_code == 200 and pack.headers["Content-Disposition"] == \
        f'attachment; filename="microaggressions-{RID}-report-pack.zip"'
    assert browser.get(f"/releases/{RID}/download/docx").status_code == 404
    audit = browser.get("/audit").get_data(as_text=True)
    assert "pack downloaded" in audit and RID in audit and fingerprint(token_hash(ADMIN_TOKEN)) in audit
    assert trail.pack_downloaded_by_admin(RID)


def test_an_administrator_requests_a_release_from_the_page(browser, trail):
    sign_in(browser, ADMIN_TOKEN)
    resp = browser.post("/releases")
    [entry] = [e for e in trail.entries() if e.action == "release_requested"]
    assert resp.location == f"/releases?requested={entry.release_id}"
    assert f"Release {entry.release_id} has been requested" in browser.get(resp.location).get_data(as_text=True)


def test_the_releases_page_lists_each_release_by_period_and_shows_a_refused_one_with_its_reason(trail):
    from services.contracts import events
    from tests.unit.test_reporter_api import refusal
    book = releases.book()
    book.add(refusal("20261205-0000beef", "total_not_shown"))
    browser = app_with(book, FakePublisher(), trail).test_client()
    sign_in(browser, ADMIN_TOKEN)
    page = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", browser.get("/releases").get_data(as_text=True)))
    assert ("Release 20261205-0000beef: refused Refused on 5 December 2026. "
            + events.REFUSAL_REASONS["total_not_shown"]) in page
    assert ("October–December 2026 (latest) Cut on 1 December 2026. 60 reports in the quarter, rounded to the "
            f"nearest 5. Method version 1.0. Release {RID}.") in page
    asked = re.sub(r"\s+", " ", browser.get("/releases?requested=20261205-0000beef").get_data(as_text=True))
    assert "Release 20261205-0000beef was refused. " + events.REFUSAL_REASONS["total_not_shown"] in asked
    assert "refresh the page" not in asked
    refused = re.sub(r"\s+", " ", browser.get("/releases/20261205-0000beef").get_data(as_text=True))
    assert "Release 20261205-0000beef was refused" in refused and events.REFUSAL_REASONS["total_not_shown"] in refused


def test_an_administrators_pack_download_is_confirmed_first_then_the_reports_are_wiped_after_the_grace(trail):
    from dataclasses import replace
    from datetime import datetime, timedelta, timezone

    from services.reporter.app import create_app
    from services.reporter.reporting import WipeLedger
    from tests.unit.test_reporter_api import Aggregator, settings
    ledger = WipeLedger()
    aggregator = Aggregator(ledger)
    app = fast(create_app(replace(settings(), wipe_grace_days=2), book=releases.book(), publisher=aggregator,
                          start_reader=False, trail=trail, wipes=ledger))
    browser = app.test_client()
    sign_in(browser, ADMIN_TOKEN)
    report = text(browser.get(f"/releases/{RID}"))
    assert ("When an administrator downloads the report pack, the individual reports this release was made "
            "from are wiped automatically, 2 days after the download.") in report
    assert f'href="/releases/{RID}/pack"' in browser.get(f"/releases/{RID}").get_data(as_text=True)
    confirm = text(browser.get(f"/releases/{RID}/pack"))
    assert ("will be deleted from the portal 2 days after the download. This cannot be undone: nobody will be "
            "able to read them again.") in confirm
    assert "What stays: the figures in this release" in confirm
    assert not trail.pack_downloaded_by_admin(RID)              # seeing the warning downloads nothing
    pack = browser.post(f"/releases/{RID}/pack")
    assert pack.status_code == 200 and pack.mimetype == "application/zip"
    downloaded = trail.first_admin_pack_download(RID)
    due = downloaded + timedelta(days=2)
    assert f"will be wiped automatically on {due.day} " in text(browser.get(f"/releases/{RID}"))
    assert [c for c in aggregator.on("t.commands.v1") if c["kind"] == "wipe"] == []
    book_reporting = app.extensions["reporting"]
    assert book_reporting.run_due_wipes(due - timedelta(seconds=1)) == []
    assert book_reporting.run_due_wipes(due) == [RID]
    assert book_reporting.run_due_wipes(due + timedelta(hours=1)) == []   # sent once
    [command] = [c for c in aggregator.on("t.commands.v1") if c["kind"] == "wipe"]
    assert command["release_id"] == RID
    [entry] = [e for e in trail.entries() if e.action == "wipe_requested"]
    assert (entry.actor, entry.release_id) == ("system:wipe-after-download", RID)
    page = text(browser.get(f"/releases/{RID}"))
    assert ("Reports wiped on 2 December 2026: the individual reports this release was made from have been "
            "deleted, and nobody can read them any more. The figures stay.") in page
    assert "topics" not in page


def test_with_no_grace_the_wipe_follows_the_download_at_once(trail):
    from dataclasses import replace

    from services.reporter.app import create_app
    from services.reporter.reporting import WipeLedger
    from tests.unit.test_reporter_api import Aggregator, settings
    ledger = WipeLedger()
    aggregator = Aggregator(ledger)
    browser = fast(create_app(replace(settings(), wipe_grace_days=0), book=releases.book(), publisher=aggregator,
                              start_reader=False, trail=trail, wipes=ledger)).test_client()
    sign_in(browser, ADMIN_TOKEN)
    assert "deleted from the portal straight after the download" in text(browser.get(f"/releases/{RID}/pack"))
    assert browser.post(f"/releases/{RID}/pack").status_code == 200
    assert [c["release_id"] for c in aggregator.on("t.commands.v1") if c["kind"] == "wipe"] == [RID]
    assert "Reports wiped on 2 December 2026" in text(browser.get(f"/releases/{RID}"))


def test_a_viewer_downloads_the_pack_without_a_wipe_and_cannot_confirm_one(browser, trail):
    sign_in(browser, VIEWER_TOKEN)
    assert browser.get(f"/releases/{RID}/download/pack").status_code == 200
    assert browser.get(f"/releases/{RID}/pack").status_code == 403
    assert browser.post(f"/releases/{RID}/pack").status_code == 403
    assert not trail.pack_downloaded_by_admin(RID)


def text(resp) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", resp.get_data(as_text=True))).replace("&#39;", "'")


def test_a_wipe_the_broker_does_not_acknowledge_says_so_on_the_page_and_a_pack_download_still_arrives(trail):
    from dataclasses import replace

    from services.common.kafka import KafkaUnavailable
    from services.reporter.app import create_app
    from services.reporter.reporting import AUTOMATIC, WipeLedger
    from tests.unit.test_reporter_api import Aggregator, _written, settings

    class CommandsDown(Aggregator):   # audit entries are acknowledged, commands are not
        def send(self, topic, value, key=None):
            if topic == "t.commands.v1":
                raise KafkaUnavailable("KafkaTimeoutError")
            super().send(topic, value, key)

    publisher = CommandsDown(WipeLedger(), status=None)
    browser = fast(create_app(replace(settings(), wipe_grace_days=0), book=releases.book(), publisher=publisher,
                              start_reader=False, trail=trail, wipes=publisher.ledger)).test_client()
    sign_in(browser, ADMIN_TOKEN)
    download = browser.post(f"/releases/{RID}/pack")   # the automatic wipe right after it fails
    assert download.status_code == 200 and download.mimetype == "application/zip"
    page = browser.post(f"/releases/{RID}/wipe")
    assert page.status_code == 503
    assert "Sorry, the request may not have been sent" in text(page)
    assert "it may not have been sent, or may still arrive. The audit log records the failure." in text(page)
    admin = fingerprint(token_hash(ADMIN_TOKEN))
    entries = sorted((a, who) for a, _rid, who in _written(trail, 4) if a != "signed_in")
    assert entries == sorted([("pack_downloaded", admin), ("wipe_request_failed", AUTOMATIC.subject),
                              ("wipe_request_failed", admin)])
    assert publisher.on("t.commands.v1") == []
