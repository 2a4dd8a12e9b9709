"""The reporter's API: tokens and roles, released tables only and whole, no parameters, the
downloads in the audit log before they are sent, and an OpenAPI document kept current."""
from __future__ import annotations

import csv
import dataclasses
import io
import json
import re
import zipfile

import pypdfium2 as pdfium
import pytest
from openpyxl import load_workbook

from services.contracts import events
from services.contracts.topics import Topics
from services.reporter import openapi
from services.reporter.app import create_app
from services.reporter.audit import AuditTrail
from services.reporter.auth import fingerprint, token_hash
from services.reporter.releases import ReleaseBook
from services.reporter.reporting import WipeLedger
from services.common.kafka import KafkaUnavailable
from services.common.settings import SettingError
from services.reporter.settings import Settings
from tests.fakes import FakeDocuments, FakePublisher
from tests.support import releases

ADMIN_TOKEN, VIEWER_TOKEN = "unit-test-admin-token", "unit-test-viewer-token"
ADMIN = {"Authorization": f"Bearer {ADMIN_TOKEN}"}
VIEWER = {"Authorization": f"Bearer {VIEWER_TOKEN}"}
RID = releases.RELEASE_ID


def cell(release_id, i, n, value):
    return events.ReleaseCellEvent(**{"schema_version": 1, "release_id": release_id, "method_version": "1.0", "released_on": "2026-12-01",
            "table": "about", "period": "2026-Q4", "dims": {"about": ["race", "age"][i]}, "value": value,
            "status": "published" if value is not None else "suppressed", "threshold": 10,
            "cell_index": i, "cells_in_release": n})


def settings() -> Settings:
    return Settings("127.0.0.1:1", Topics("t"), 8001, token_hash(ADMIN_TOKEN),
                    viewer_token_hashes=(token_hash(VIEWER_TOKEN),))


@pytest.fixture
def publisher():
    return FakePublisher()


@pytest.fixture
def trail():
    return AuditTrail()


def fast(app):
    """The app with FakeDocuments in place of its renderer: the real report model, CSV and pack
    layout, no charts or PDF (those are tested on the real Documents, marked slow)."""
    app.extensions["reporting"].documents = FakeDocuments()
    return app


def app_with(book, publisher, trail, rendering: bool = False):
    app = create_app(settings(), book=book, publisher=publisher, start_reader=False, trail=trail)
    return app if rendering else fast(app)


@pytest.fixture
def client(publisher, trail):
    return app_with(ReleaseBook(), publisher, trail).test_client()


@pytest.fixture(scope="module")
def full_book():
    return releases.book()


@pytest.fixture
def released(full_book, publisher, trail):
    """A client over the realistic release of tests/support/releases.py."""
    return app_with(full_book, publisher, trail).test_client()


READS = ["/api/v1/releases", "/api/v1/releases/latest", f"/api/v1/releases/{RID}",
         f"/api/v1/releases/{RID}/tables/themes", f"/api/v1/releases/{RID}/figures.csv"]
ADMINISTRATIVE = [("post", "/api/v1/releases"), ("get", "/api/v1/audit"), ("get", "/api/v1/operator/lifetimes"),
                  ("post", f"/api/v1/releases/{RID}/wipe"), ("get", f"/api/v1/releases/{RID}/wipe")]


@pytest.mark.parametrize("headers", [{}, {"Authorization": "Bearer wrong"}, {"Authorization": ADMIN_TOKEN},
                                     {"Authorization": "Bearer "}])
def test_every_api_call_without_a_valid_token_is_401(released, headers):
    for path in READS:
        assert released.get(path, headers=headers).status_code == 401, path
    for method, path in ADMINISTRATIVE:
        assert getattr(released, method)(path, headers=headers).status_code == 401, path


def test_a_viewer_reads_and_downloads_but_its_administrative_requests_are_403(released, publisher):
    for path in READS:
        assert released.get(path, headers=VIEWER).status_code == 200, path
    for method, path in ADMINISTRATIVE:
        resp = getattr(released, method)(path, headers=VIEWER)
        assert (resp.status_code, resp.get_json()) == (403, {"error": "Your role does not allow this"}), path
    assert publisher.on("t.commands.v1") == []


@pytest.mark.parametrize("query", ["period=2026-Q4", "from=2026-10&to=2026-11", "about=race", "dims=theme",
                                   "table=themes", "x", "limit=1"])
def test_any_query_parameter_at_all_is_400(released, query):
    for path in [*READS, "/api/v1/audit", "/api/v1/openapi.json"]:
        resp = released.get(f"{path}?{query}", headers=ADMIN)
        assert resp.status_code == 400, path
        assert resp.get_json()["error"].startswith("This API takes no query parameters")
    assert released.post(f"/api/v1/releases?{query}", headers=ADMIN).status_code == 400


@pytest.mark.parametrize("path", ["/api/v1/releases/nope", "/api/v1/releases/nope/tables/themes",
                                  f"/api/v1/releases/{RID}/tables/nope", f"/api/v1/releases/{RID}/tables/",
                                  f"/api/v1/releases/{RID}/report.docx", "/api/v1/releases/nope/pack.zip",
                                  "/api/v1/nothing-here"])
def test_unknown_ids_are_404_in_json(released, path, trail):
    resp = released.get(path, headers=VIEWER)
    assert resp.status_code == 404 and resp.is_json and resp.get_json()["error"]
    assert trail.entries() == []   # nothing downloaded, nothing recorded


def test_a_table_is_served_whole_with_the_releases_metadata(released):
    doc = released.get(f"/api/v1/releases/{RID}/tables/about", headers=VIEWER).get_json()
    assert {k: doc[k] for k in ("release_id", "method_version", "released_on", "threshold", "table_id")} == {
        "release_id": RID, "method_version": "1.0", "released_on": "2026-12-01", "threshold": 10, "table_id": "about"}
    table = doc["table"]
    assert (table["title"], table["dimensions"], table["period_type"], table["any_mention"]) == \
        ("What it was about", ["about"], "quarter", True)
    assert len(table["cells"]) == 2 * 24
    assert {c["dims"]["about"]: c["value"] for c in table["cells"] if c["status"] == "published"
            and c["period"] == "2026-Q4"} == {"race": 40, "religion_belief": 15, "sexual_orientation": 10}
    assert table["cells"][0] == {"period": "2026-Q3", "dims": {"about": "age"}, "value": None,
                                 "status": "suppressed", "percent": None}


def test_requesting_a_release_is_audited_then_publishes_a_command(client, publisher, trail):
    resp = client.post("/api/v1/releases", headers=ADMIN)
    assert resp.status_code == 202
    [command] = publisher.on("t.commands.v1")
    assert command["kind"] == "release" and command["release_id"] == resp.get_json()["release_id"]
    [entry] = publisher.on("t.audit.v1")
    assert (entry["action"], entry["role"], entry["release_id"], entry["actor"]) == \
        ("release_requested", "admin", command["release_id"], fingerprint(token_hash(ADMIN_TOKEN)))
    assert [dataclasses.asdict(e) for e in trail.entries()] == [entry]


def test_a_release_is_shown_only_when_all_its_cells_have_arrived(publisher, trail):
    book = ReleaseBook()
    client = app_with(book, publisher, trail).test_client()
    assert client.get("/api/v1/releases/latest", headers=ADMIN).status_code == 404
    book.add(cell("r1", 0, 2, 15))
    assert client.get("/api/v1/releases/latest", headers=ADMIN).status_code == 404
    book.add(cell("r1", 0, 2, 15))   # redelivered
    book.add(cell("r1", 1, 2, None))
    doc = client.get("/api/v1/releases/latest", headers=ADMIN).get_json()
    assert doc["release_id"] == "r1"
    assert doc["tables"]["about"]["cells"] == [
        {"period": "2026-Q4", "dims": {"about": "race"}, "value": 15, "status": "published", "percent": None},
        {"period": "2026-Q4", "dims": {"about": "age"}, "value": None, "status": "suppressed", "percent": None}]
    assert doc["tables"]["about"]["any_mention"] is True
    assert client.get("/api/v1/releases", headers=VIEWER).get_json() == {"releases": ["r1"], "listing": [
        {"release_id": "r1", "status": "published", "period": "2026-Q4", "released_on": "2026-12-01",
         "reports": None, "method_version": "1.0", "refused_on": None, "reason": None}]}


def refusal(release_id: str, reason: str = "too_few_new_reports") -> events.ReleaseRefusalEvent:
    return events.decode_release_message(events.encode(events.ReleaseRefusal, {
        "schema_version": 1, "release_id": release_id, "status": "refused", "reason": reason,
        "refused_on": "2026-12-05", "method_version": "2.0"}))


def test_releases_are_listed_by_period_day_rounded_reports_and_method_and_a_refused_one_with_its_reason(
        publisher, trail):
    book = releases.book()
    book.add(refusal("20261205-0000beef"))
    book.add(refusal("20261205-0000beef"))   # redelivered
    client = app_with(book, publisher, trail).test_client()
    listing = client.get("/api/v1/releases", headers=VIEWER).get_json()
    assert listing["releases"] == [RID]
    assert listing["listing"] == [
        {"release_id": RID, "status": "published", "period": "2026-Q4", "released_on": "2026-12-01",
         "reports": 60, "method_version": "1.0", "refused_on": None, "reason": None},
        {"release_id": "20261205-0000beef", "status": "refused", "period": None, "released_on": None,
         "reports": None, "method_version": "2.0", "refused_on": "2026-12-05",
         "reason": events.REFUSAL_REASONS["too_few_new_reports"]}]
    refused = client.get("/api/v1/releases/20261205-0000beef", headers=VIEWER)
    assert refused.status_code == 200 and refused.get_json() == {
        "release_id": "20261205-0000beef", "status": "refused", "method_version": "2.0", "refused_on": "2026-12-05",
        "reason": events.REFUSAL_REASONS["too_few_new_reports"]}
    assert not re.search(r"\d", refused.get_json()["reason"])   # no count in any reason
    assert all(not re.search(r"\d", text) for text in events.REFUSAL_REASONS.values())
    assert client.get("/api/v1/releases/latest", headers=VIEWER).get_json()["release_id"] == RID


def published_in_api(doc: dict) -> dict:
    return {(t, c["period"], tuple(sorted(c["dims"].items()))): c["value"]
            for t, v in doc["tables"].items() for c in v["cells"] if c["status"] == "published"}


@pytest.mark.slow   # renders the real HTML (Vega charts), PDF (WeasyPrint) and XLSX
def test_csv_xlsx_pdf_and_api_show_the_same_numbers_for_the_same_release(full_book, publisher, trail):
    released = app_with(full_book, publisher, trail, rendering=True).test_client()
    doc = released.get(f"/api/v1/releases/{RID}", headers=VIEWER).get_json()
    expected = published_in_api(doc)
    assert len(expected) == 38 and doc == json.loads(json.dumps(full_book.get(RID)))

    def from_rows(rows):
        out = {}
        for r in rows:
            if r["status"] == "published":
                dims = tuple(sorted((r[f"dimension_{i}"], r[f"code_{i}"]) for i in (1, 2) if r[f"dimension_{i}"]))
                out[(r["table"], r["period"], dims)] = int(r["value"])
        return out

    body = released.get(f"/api/v1/releases/{RID}/figures.csv", headers=VIEWER)
    assert body.headers["Content-Disposition"] == f'attachment; filename="microaggressions-{RID}-figures.csv"'
    assert from_rows(csv.DictReader(io.StringIO(body.data.decode("utf-8-sig"), newline=""))) == expected
    sheet = load_workbook(io.BytesIO(released.get(f"/api/v1/releases/{RID}/figures.xlsx", headers=VIEWER).data))
    rows = list(sheet["Figures"].iter_rows(values_only=True))
    assert from_rows([{k: ("" if v is None else v) for k, v in zip(rows[0], r)} for r in rows[1:]]) == expected

    pdf = pdfium.PdfDocument(released.get(f"/api/v1/releases/{RID}/report.pdf", headers=VIEWER).data)
    text = re.sub(r"\s+", " ", " ".join(pdf[i].get_textpage().get_text_range() for i in range(len(pdf))))
    html = released.get(f"/api/v1/releases/{RID}/report.html", headers=VIEWER).get_data(as_text=True)
    page = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html)).replace("&#34;", '"').replace("&#39;", "'")
    for row in (("Race, ethnicity or skin colour", 40), ("Religion or belief", 15), ("Sexual orientation", 10),
                ("A line manager", 25), ("A patient or service user", 15), ("A colleague at the same level", 10),
                ("It happened to me", 40), ("I saw or heard it happen to someone else", 15),
                ("November 2026", 60), ("August 2026", 20), ("September 2026", 15)):
        assert f"{row[0]} {row[1]}" in text and f"{row[0]} {row[1]}" in page, row
    assert "October 2026 not shown" in text and "October 2026 not shown" in page
    assert "Race, ethnicity, nationality, language or name 25 not shown 15" in text   # by who it came from


def test_every_download_is_in_the_audit_log_before_it_is_sent(released, publisher, trail):
    pack = released.get(f"/api/v1/releases/latest/pack.zip", headers=ADMIN)
    assert pack.status_code == 200 and pack.mimetype == "application/zip"
    assert len(zipfile.ZipFile(io.BytesIO(pack.data)).namelist()) == 5
    released.get(f"/api/v1/releases/{RID}/figures.csv", headers=VIEWER)
    entries = [(e["action"], e["role"], e["release_id"], e["detail"]) for e in publisher.on("t.audit.v1")]
    assert entries == [("pack_downloaded", "admin", RID, "pack"), ("report_downloaded", "viewer", RID, "csv")]
    assert trail.pack_downloaded_by_admin(RID) and not trail.pack_downloaded_by_admin("other")
    assert released.get("/api/v1/audit", headers=ADMIN).get_json()["entries"] == [dataclasses.asdict(e) for e in trail.entries()]
    text = b"\n".join(value for _, value, _ in publisher.sent).decode()
    assert "Race" not in text and ADMIN_TOKEN not in text and token_hash(ADMIN_TOKEN) not in text

    publisher.down = True   # no audit entry, no download
    resp = released.get(f"/api/v1/releases/{RID}/pack.zip", headers=ADMIN)
    assert resp.status_code == 503 and resp.is_json and resp.get_json()["error"].startswith("The broker did not")


def test_only_a_viewers_pack_download_does_not_count_as_the_administrators(released, trail):
    released.get(f"/api/v1/releases/{RID}/pack.zip", headers=VIEWER)
    assert [e.action for e in trail.entries()] == ["pack_downloaded"]
    assert not trail.pack_downloaded_by_admin(RID)


def test_the_served_openapi_document_is_the_committed_one_and_describes_every_route(released):
    assert json.loads(openapi.COMMITTED.read_text()) == openapi.document(), \
        "run `python -m services.reporter.openapi > services/reporter/openapi.json`"
    resp = released.get("/api/v1/openapi.json")   # no token needed for the description
    assert resp.status_code == 200 and resp.get_json() == openapi.document()
    app = released.application
    routes = {re.sub(r"<(?:\w+:)?(\w+)>", r"{\1}", r.rule) for r in app.url_map.iter_rules()
              if r.rule.startswith("/api/")}
    documented = set(openapi.document()["paths"])
    assert routes - {"/api/v1/releases/{release_id}/{file_name}"} <= documented
    assert {p for p in documented if "{release_id}/" in p and "tables" not in p and not p.endswith("/wipe")} == {
        f"/api/v1/releases/{{release_id}}/{f}" for f in openapi.FILES}


def test_tokens_are_kept_only_as_hashes_and_a_clear_viewer_token_is_refused():
    s = Settings.from_env({"REPORTER_API_TOKEN": ADMIN_TOKEN,
                           "REPORTER_VIEWER_TOKENS": f" {token_hash(VIEWER_TOKEN)} ,{token_hash('b')}"})
    assert s.viewer_token_hashes == (token_hash(VIEWER_TOKEN), token_hash("b"))
    assert ADMIN_TOKEN not in repr(s) and token_hash(ADMIN_TOKEN) not in repr(s)
    with pytest.raises(SettingError, match="REPORTER_VIEWER_TOKENS entry 2 is not a SHA-256 hash"):
        Settings.from_env({"REPORTER_API_TOKEN": ADMIN_TOKEN,
                           "REPORTER_VIEWER_TOKENS": f"{token_hash('a')},{VIEWER_TOKEN}"})


def test_the_wipe_grace_is_a_number_of_days_from_0_to_7():
    env = {"REPORTER_API_TOKEN": ADMIN_TOKEN}
    assert Settings.from_env(env).wipe_grace_days == 1
    assert Settings.from_env({**env, "REPORTER_WIPE_GRACE_DAYS": "0"}).wipe_grace_days == 0
    assert Settings.from_env({**env, "REPORTER_WIPE_GRACE_DAYS": "7"}).wipe_grace_days == 7
    for bad in ("8", "-1", "a week"):
        with pytest.raises(SettingError, match="REPORTER_WIPE_GRACE_DAYS must be a number of days from 0 to 7"):
            Settings.from_env({**env, "REPORTER_WIPE_GRACE_DAYS": bad})


class Aggregator(FakePublisher):
    """Answers a wipe command on the ledger, as the aggregator does on the wipes topic."""

    def __init__(self, ledger, status="wiped"):
        super().__init__()
        self.ledger, self.status = ledger, status

    def send(self, topic, value, key=None):
        super().send(topic, value, key)
        command = json.loads(value)
        if command.get("kind") == "wipe" and self.status:
            self.ledger.add(events.decode(events.WipeOutcome, events.encode(events.WipeOutcome, {
                "schema_version": 1, "command_id": command["command_id"], "release_id": command["release_id"],
                "status": self.status, "topics_purged": ["t.redacted.v1", "t.raw.v1", "t.dead-letter.v1"],
                "wiped_on": "2026-12-02"})))


def test_a_wipe_waits_for_the_administrators_pack_download_then_answers_202_and_is_confirmed_and_audited(
        full_book, trail):
    ledger = WipeLedger()
    aggregator = Aggregator(ledger)
    app = fast(create_app(settings(), book=full_book, publisher=aggregator, start_reader=False, trail=trail,
                          wipes=ledger)).test_client()
    early = app.post(f"/api/v1/releases/{RID}/wipe", headers=ADMIN)
    assert early.status_code == 409 and "Download this release's report pack first" in early.get_json()["error"]
    assert app.get(f"/api/v1/releases/{RID}/pack.zip", headers=VIEWER).status_code == 200
    assert app.post(f"/api/v1/releases/{RID}/wipe", headers=ADMIN).status_code == 409   # a viewer's does not count
    assert app.get(f"/api/v1/releases/{RID}/wipe", headers=ADMIN).status_code == 404    # not wiped yet
    assert app.get(f"/api/v1/releases/{RID}/pack.zip", headers=ADMIN).status_code == 200

    asked = app.post(f"/api/v1/releases/{RID}/wipe", headers=ADMIN)
    assert (asked.status_code, asked.get_json()) == (202, {"release_id": RID, "status": "requested"})
    assert asked.headers["Location"] == f"/api/v1/releases/{RID}/wipe"
    body = app.get(asked.headers["Location"], headers=ADMIN).get_json()
    assert (body["release_id"], body["status"]) == (RID, "wiped") and "covered_records_left" not in body
    [command] = [c for c in aggregator.on("t.commands.v1") if c["kind"] == "wipe"]
    assert command["release_id"] == RID and body["command_id"] == command["command_id"]
    actions = [(e.action, e.release_id, e.detail) for e in trail.entries()]
    assert actions[:2] == [("wipe_confirmed", RID, "wiped"), ("wipe_requested", RID, None)]


def test_a_wipe_answers_202_at_once_and_its_outcome_is_confirmed_when_it_arrives(full_book, trail):
    ledger = WipeLedger()
    aggregator = Aggregator(ledger, status=None)   # the aggregator answers later
    app = fast(create_app(settings(), book=full_book, publisher=aggregator, start_reader=False,
                          trail=trail, wipes=ledger)).test_client()
    assert app.get(f"/api/v1/releases/{RID}/pack.zip", headers=ADMIN).status_code == 200
    resp = app.post(f"/api/v1/releases/{RID}/wipe", headers=ADMIN)
    assert (resp.status_code, resp.get_json()) == (202, {"release_id": RID, "status": "requested"})
    assert [e.action for e in trail.entries()][0] == "wipe_requested"
    assert app.get(f"/api/v1/releases/{RID}/wipe", headers=ADMIN).status_code == 404
    [command] = [c for c in aggregator.on("t.commands.v1") if c["kind"] == "wipe"]
    Aggregator(ledger).send("t.commands.v1", json.dumps(command).encode())   # the outcome arrives
    assert app.get(f"/api/v1/releases/{RID}/wipe", headers=ADMIN).get_json()["status"] == "wiped"
    assert [e.action for e in trail.entries()][:2] == ["wipe_confirmed", "wipe_requested"]


def test_a_release_request_the_broker_does_not_acknowledge_is_503_and_audited_as_failed_not_requested(
        full_book, trail):
    import time
    publisher = FakePublisher(lost_acks=1)   # the worst case: the broker has the command, no acknowledgement
    app = fast(create_app(settings(), book=full_book, publisher=publisher, start_reader=False,
                          trail=trail)).test_client()
    resp = app.post("/api/v1/releases", headers=ADMIN)
    assert resp.status_code == 503 and "may not have been sent" in resp.get_json()["error"]
    deadline = time.monotonic() + 5
    while not trail.entries() and time.monotonic() < deadline:   # written in the background
        time.sleep(0.01)
    [lost] = publisher.on("t.commands.v1")
    assert [(e.action, e.release_id) for e in trail.entries()] == [("release_request_failed", lost["release_id"])]
    ok = app.post("/api/v1/releases", headers=ADMIN)
    assert ok.status_code == 202
    assert [(e.action, e.release_id) for e in trail.entries()][0] == ("release_requested", ok.get_json()["release_id"])
    assert [c["release_id"] for c in publisher.on("t.commands.v1")][1:] == [ok.get_json()["release_id"]]


def _written(trail, n: int, seconds: float = 5.0) -> list[tuple]:
    """The trail's (action, release_id, actor) once it holds n entries (failures are written in the background)."""
    import time
    deadline = time.monotonic() + seconds
    while len(trail.entries()) < n and time.monotonic() < deadline:
        time.sleep(0.01)
    return [(e.action, e.release_id, e.actor) for e in trail.entries()]


def test_a_wipe_the_broker_does_not_acknowledge_is_503_audited_as_failed_not_requested_and_not_shown_pending(
        full_book, trail):
    ledger = WipeLedger()
    aggregator = Aggregator(ledger, status=None)
    app = fast(create_app(settings(), book=full_book, publisher=aggregator, start_reader=False,
                          trail=trail, wipes=ledger))
    client = app.test_client()
    assert client.get(f"/api/v1/releases/{RID}/pack.zip", headers=ADMIN).status_code == 200
    aggregator.lost_acks = 1   # the wipe command reaches the broker; its acknowledgement never comes back
    resp = client.post(f"/api/v1/releases/{RID}/wipe", headers=ADMIN)
    assert resp.status_code == 503 and resp.headers["Retry-After"] == "30"
    assert resp.get_json() == {"error": "The broker did not acknowledge the wipe request within 5 seconds: it may "
                               "not have been sent, or may still arrive. The audit log records the failure. Check "
                               f"GET /api/v1/releases/{RID}/wipe before asking again"}
    admin = fingerprint(token_hash(ADMIN_TOKEN))
    assert _written(trail, 2) == [("wipe_request_failed", RID, admin), ("pack_downloaded", RID, admin)]
    assert app.extensions["reporting"].wipe_pending(RID) is False
    again = client.post(f"/api/v1/releases/{RID}/wipe", headers=ADMIN)
    assert again.status_code == 202
    assert _written(trail, 3)[0] == ("wipe_requested", RID, admin)
    assert [c["kind"] for c in aggregator.on("t.commands.v1")] == ["wipe", "wipe"]


class AuditDown(FakePublisher):
    """A broker that takes commands but not audit entries (the audit write times out)."""

    def send(self, topic, value, key=None):
        if topic == "t.audit.v1":
            raise KafkaUnavailable("KafkaTimeoutError")
        super().send(topic, value, key)


def test_a_release_sent_whose_audit_entry_is_not_acknowledged_says_it_was_sent(full_book, trail):
    publisher = AuditDown()
    client = app_with(full_book, publisher, trail).test_client()
    resp = client.post("/api/v1/releases", headers=ADMIN)
    assert resp.status_code == 503
    assert resp.get_json()["error"] == ("The release request was sent, but the broker did not acknowledge its audit "
                                        "log entry within 5 seconds. Check the list of releases before asking again")
    [command] = publisher.on("t.commands.v1")
    assert command["kind"] == "release" and trail.entries() == []


def test_an_automatic_wipe_not_acknowledged_is_audited_as_failed_and_sent_again_at_the_next_check(full_book, trail):
    from datetime import datetime, timedelta, timezone
    ledger = WipeLedger()
    aggregator = Aggregator(ledger, status=None)
    app = fast(create_app(settings(), book=full_book, publisher=aggregator, start_reader=False,
                          trail=trail, wipes=ledger))
    assert app.test_client().get(f"/api/v1/releases/{RID}/pack.zip", headers=ADMIN).status_code == 200
    reporting = app.extensions["reporting"]
    later = datetime.now(timezone.utc) + timedelta(days=2)   # past the grace of settings() (1 day)
    aggregator.down = True
    with pytest.raises(KafkaUnavailable):
        reporting.run_due_wipes(now=later)
    aggregator.down = False
    # the failure entry is written in the background, once the broker takes it
    assert _written(trail, 2)[0] == ("wipe_request_failed", RID, "system:wipe-after-download")
    assert reporting.due_wipes(later) == [RID]   # a failed wipe is still due
    assert reporting.run_due_wipes(now=later) == [RID]
    assert _written(trail, 3)[0] == ("wipe_requested", RID, "system:wipe-after-download")
    assert reporting.due_wipes(later) == []
    assert [c["release_id"] for c in aggregator.on("t.commands.v1")] == [RID]
