"""A member of the steering group, in headless Chromium, against the real services on a real
broker: signs in, finds the release by its quarter in the list (and a refused one with its
reason), opens the report, finds a text alternative for every chart and every hidden figure
labelled, passes axe-core at WCAG 2.2 AA on every page at 1280 and 390 px, and downloads the
report pack after a confirmation page that says what will be deleted; the reports the release
covered are then wiped automatically (grace 0), and the redacted topic, read from offset 0, no
longer holds them. A viewer cannot open the audit log.
Screenshots go to test-artifacts/browser/."""
from __future__ import annotations

import csv
import io
import re
import time
import zipfile

import pypdfium2 as pdfium
import pytest
import requests

from services.aggregator.app import GROUP as AGGREGATOR
from services.redactor.app import GROUP as REDACTOR
from services.contracts.events import REFUSAL_REASONS
from services.reporter import labels
from services.reporter.auth import token_hash
from tests.e2e.test_report_to_steering_group import planned_reports, released
from tests.support.browser import artifacts_for, axe_violations, chromium
from tests.support.kafka import read_all, wait_caught_up

VIEWER_TOKEN = "test-viewer-token-not-secret"


def wait_for(check, timeout: float = 60) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if check():
            return True
        time.sleep(0.5)
    return False


class Visit:
    def __init__(self, page, origin: str, folder):
        self.page, self.origin, self.folder = page, origin, folder
        self.requests: list[str] = []
        self.csp: list[str] = []
        self.pages = 0
        page.on("request", lambda r: self.requests.append(r.url))
        page.on("console", lambda m: self.csp.append(m.text) if "Content Security Policy" in m.text else None)

    def checked(self, name: str) -> None:
        self.page.wait_for_load_state("load")
        self.pages += 1
        self.page.screenshot(path=self.folder / f"{self.pages:02d}-{name}.png", full_page=True)
        assert axe_violations(self.page) == [], name


def sign_in(visit: Visit, token: str) -> None:
    visit.page.goto(visit.origin + "/releases")
    assert visit.page.url == visit.origin + "/sign-in?next=/releases"
    visit.checked("sign-in")
    visit.page.get_by_label("Access token").fill(token)
    visit.page.get_by_role("button", name="Sign in").click()


@pytest.mark.kafka
def test_the_steering_group_reads_the_latest_report_accessibly_and_downloads_the_pack(portal, kafka):
    """Sign-in -> release list -> report -> download -> confirmation -> wipe, at 1280 px and again
    (after the wipe) at 390 px, axe on every page; a refused release in the list and the API."""
    portal.env.update({"REPORTER_VIEWER_TOKENS": token_hash(VIEWER_TOKEN), "REPORTER_WIPE_GRACE_DAYS": "0",
                       "REPORTER_WIPE_CHECK_SECONDS": "1"})
    portal.env["AGGREGATOR_MAX_PERTURBATION"] = "0"   # exact figures to check; the noise has tests of its own
    portal.start()
    reports, _ = planned_reports()
    for r in reports:
        assert requests.post(f"{portal.intake}/api/v1/reports", json=r, timeout=15).status_code == 202
    wait_caught_up(kafka["bootstrap"], REDACTOR, portal.topics.raw)
    wait_caught_up(kafka["bootstrap"], AGGREGATOR, portal.topics.redacted)
    admin = {"Authorization": f"Bearer {portal.token}"}
    doc = released(portal, admin)
    rid = doc["release_id"]
    assert len(read_all(kafka["bootstrap"], portal.topics.redacted)) == 62
    # asked again with no new report: refused, with the reason, in the API
    again = requests.post(f"{portal.reporter}/api/v1/releases", headers=admin, timeout=10).json()["release_id"]
    refused = wait_for(lambda: requests.get(f"{portal.reporter}/api/v1/releases/{again}", headers=admin,
                                            timeout=10).json().get("status") == "refused")
    body = requests.get(f"{portal.reporter}/api/v1/releases/{again}", headers=admin, timeout=10).json()
    assert refused and body["reason"] == REFUSAL_REASONS["too_few_new_reports"]
    listing = requests.get(f"{portal.reporter}/api/v1/releases", headers=admin, timeout=10).json()["listing"]
    assert [(e["release_id"], e["status"], e["reports"]) for e in listing] == [
        (rid, "published", 60), (again, "refused", None)]
    period = labels.period(listing[0]["period"])

    with chromium() as browser:
        context = browser.new_context(accept_downloads=True, viewport={"width": 1280, "height": 900})
        visit = Visit(context.new_page(), portal.reporter, artifacts_for("reporter"))
        page = visit.page
        sign_in(visit, portal.token)
        assert page.url == portal.reporter + "/releases"
        visit.checked("releases")
        listed = re.sub(r"\s+", " ", page.locator(".app-releases").inner_text())
        assert f"Release {again}: refused" in listed and REFUSAL_REASONS["too_few_new_reports"] in listed
        assert f"{period} (latest) Cut on" in listed and "60 reports in the quarter, rounded to the nearest 5" in listed
        page.get_by_role("link", name=period).click()
        assert page.url == f"{portal.reporter}/releases/{rid}"
        visit.checked("report")
        figures = page.locator("figure.app-figure")
        charts = page.locator("figure.app-figure img")
        # four quarters (the grid): a trend of themes too; and what reporters say would help
        assert (figures.count(), charts.count()) == (25, 13)
        for i in range(charts.count()):
            chart = charts.nth(i)
            alt = chart.get_attribute("alt")
            table = chart.locator("xpath=ancestor::figure").locator("table")
            for label, value in zip(table.locator("tbody th").all_inner_texts(),
                                    table.locator("tbody td").all_inner_texts()):   # one-column figures
                if table.locator("thead th").count() == 2 and value != "not shown" and not alt.startswith("Heat"):
                    assert f"{label}: {value}" in alt, (label, alt)
            assert alt.startswith(("Bar chart: ", "Column chart: ", "Heat map: ")), alt
            assert chart.evaluate("img => img.complete && img.naturalWidth > 0"), alt   # drawn
            figure = chart.locator("xpath=ancestor::figure")
            assert figure.locator("table caption").inner_text().startswith("The figures in the chart:")
        for i in range(figures.count()):   # a figure with nothing to draw says so in words
            figure = figures.nth(i)
            assert figure.locator("img").count() == 1 or \
                "can be shown, to protect anonymity" in figure.locator(".app-figure__empty").inner_text()
        hidden = page.locator('td[data-status="suppressed"]')
        assert hidden.count() > 50
        assert set(hidden.all_inner_texts()) == {"not shown"}
        assert hidden.first.evaluate("td => getComputedStyle(td).fontStyle") == "italic"
        themes = page.locator("#figure-themes table tbody tr").all_inner_texts()
        assert [re.sub(r"\s+", " ", t).strip() for t in themes[:4]] == [
            "Treated as an outsider or asked where I'm \"really\" from 25 (42%) cannot be compared",
            "A \"joke\" or a stereotype 15 (25%) cannot be compared",
            "Wrong name or pronouns, or assumptions about my partner 10 (17%) cannot be compared",   # T12: 12 reports
            "My ability, qualifications or English were doubted not shown cannot be compared"]
        # the grid's earlier quarters had no reports: nothing in them is shown to compare with
        headline = page.locator(".app-headline").first.inner_text()
        assert re.sub(r"\s+", " ", headline).endswith("60 rounded to the nearest 5")

        # Download -> confirmation -> wipe: the page says what will go, then the wipe follows.
        page.get_by_role("link", name="The report pack: PDF, HTML, CSV and spreadsheet in one ZIP file").click()
        assert page.url == f"{portal.reporter}/releases/{rid}/pack"
        visit.checked("confirm-pack")
        warning = re.sub(r"\s+", " ", page.locator(".nhsuk-card--warning").inner_text())
        assert "will be deleted from the portal straight after the download. This cannot be undone" in warning
        with page.expect_download() as download:
            page.get_by_role("button", name="Download the pack and wipe the reports").click()
        pack = download.value
        assert pack.suggested_filename == f"microaggressions-{rid}-report-pack.zip"
        archive = zipfile.ZipFile(pack.path())
        page.get_by_role("link", name="See whether the reports have been wiped").click()
        for _ in range(60):   # the aggregator's outcome arrives on the wipes topic
            if page.locator("#wipe + .nhsuk-inset-text").count():
                break
            page.wait_for_timeout(1000)
            page.reload()
        confirmed = re.sub(r"\s+", " ", page.locator("#wipe + .nhsuk-inset-text").inner_text())
        assert "Reports wiped on " in confirmed and "have been deleted, and nobody can read them any more" in confirmed
        assert "topics" not in confirmed
        visit.checked("wiped")

        page.get_by_role("link", name="Audit log").click()
        visit.checked("audit")
        rows = page.locator("table tbody tr").all_inner_texts()
        assert "wipe requested" in rows[0] and rid in rows[0] and "system:wipe-after-download" in rows[0]
        assert "pack downloaded" in rows[1] and rid in rows[1] and "admin" in rows[1]
        assert any("release requested" in r for r in rows) and any("signed in" in r for r in rows)
        cookies = context.cookies()
        context.close()

        # The same pages on a phone, after the wipe.
        phone = browser.new_context(viewport={"width": 390, "height": 844})
        visit3 = Visit(phone.new_page(), portal.reporter, artifacts_for("reporter-390"))
        sign_in(visit3, portal.token)
        visit3.checked("releases")
        visit3.page.get_by_role("link", name=period).click()
        visit3.checked("report")
        assert "Reports wiped on " in visit3.page.locator("#wipe + .nhsuk-inset-text").inner_text()
        visit3.page.get_by_role("link", name="The report pack: PDF, HTML, CSV and spreadsheet in one ZIP file").click()
        visit3.checked("confirm-pack")
        assert "already been wiped" in visit3.page.locator("main").inner_text()
        visit3.page.goto(f"{portal.reporter}/audit")
        visit3.checked("audit")
        assert visit3.page.evaluate("document.documentElement.scrollWidth <= document.documentElement.clientWidth")
        phone.close()

        viewer = browser.new_context(viewport={"width": 1280, "height": 900})
        visit2 = Visit(viewer.new_page(), portal.reporter, artifacts_for("reporter-viewer"))
        sign_in(visit2, VIEWER_TOKEN)
        visit2.checked("viewer-releases")
        assert visit2.page.get_by_role("link", name="Audit log").count() == 0
        assert visit2.page.goto(portal.reporter + "/audit").status == 403
        visit2.checked("viewer-refused")
        viewer.close()

    assert [u for u in visit.requests + visit2.requests + visit3.requests
            if not u.startswith(portal.reporter + "/")] == []
    assert visit.csp == [] and visit2.csp == [] and visit3.csp == []
    [session] = cookies
    assert (session["name"], session["httpOnly"], session["sameSite"]) == ("reporter_session", True, "Strict")

    stem = f"microaggressions-{rid}-"
    assert sorted(archive.namelist()) == sorted(
        [stem + "report.pdf", stem + "report.html", stem + "figures.csv", stem + "figures.xlsx", "manifest.json"])
    pdf = pdfium.PdfDocument(archive.read(stem + "report.pdf"))
    text = re.sub(r"\s+", " ", " ".join(pdf[i].get_textpage().get_text_range() for i in range(len(pdf))))
    assert len(pdf) >= 8 and "Race, ethnicity or skin colour 40" in text
    rows = list(csv.DictReader(io.StringIO(archive.read(stem + "figures.csv").decode("utf-8-sig"), newline="")))
    assert len(rows) == sum(len(t["cells"]) for t in doc["tables"].values())
    assert {(r["table"], r["code_1"]): int(r["value"]) for r in rows if r["status"] == "published"
            and r["table"] == "about"} == {("about", "race"): 40, ("about", "religion_belief"): 15,
                                           ("about", "sexual_orientation"): 10}
    audit = requests.get(f"{portal.reporter}/api/v1/audit", headers=admin, timeout=10).json()["entries"]
    assert [(e["action"], e["release_id"], e["detail"]) for e in audit if e["action"] == "pack_downloaded"] == \
        [("pack_downloaded", rid, "pack")]
    assert [(e["action"], e["actor"]) for e in audit if e["release_id"] == rid][:1] == [
        ("wipe_requested", "system:wipe-after-download")]
    # Read from offset 0: every redacted report the release covered is gone, and nothing upstream.
    assert read_all(kafka["bootstrap"], portal.topics.redacted) == []
    assert read_all(kafka["bootstrap"], portal.topics.raw) == []
    wipe = requests.get(f"{portal.reporter}/api/v1/releases/{rid}/wipe", headers=admin, timeout=10).json()
    assert wipe["status"] == "wiped" and "covered_records_left" not in wipe   # a status, never a count
