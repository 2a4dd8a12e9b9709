"""A member of the steering group, in headless Chromium, against the real services on a real
broker: signs in, opens the latest release's report, finds a text alternative for every chart
and every hidden figure labelled, passes axe-core at WCAG 2.2 AA on every page, and downloads
the report pack; the download is in the audit log. Then it wipes the reports the release covered,
and the redacted topic, read from offset 0, no longer holds them. A viewer cannot open the audit
log.
Screenshots go to test-artifacts/browser/."""
from __future__ import annotations

import csv
import io
import re
import zipfile

import pypdfium2 as pdfium
import pytest
import requests

from services.aggregator.app import GROUP as AGGREGATOR
from services.redactor.app import GROUP as REDACTOR
from services.reporter.auth import token_hash
from tests.e2e.test_report_to_steering_group import planned_reports, released
from tests.support.browser import artifacts_for, axe_violations, chromium
from tests.support.kafka import read_all, wait_caught_up

VIEWER_TOKEN = "test-viewer-token-not-secret"


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
    portal.env["REPORTER_VIEWER_TOKENS"] = token_hash(VIEWER_TOKEN)
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

    with chromium() as browser:
        context = browser.new_context(accept_downloads=True, viewport={"width": 1280, "height": 900})
        visit = Visit(context.new_page(), portal.reporter, artifacts_for("reporter"))
        page = visit.page
        sign_in(visit, portal.token)
        assert page.url == portal.reporter + "/releases"
        visit.checked("releases")
        page.get_by_role("link", name=f"Release {rid}").click()
        assert page.url == f"{portal.reporter}/releases/{rid}"
        visit.checked("report")

        figures = page.locator("figure.app-figure")
        charts = page.locator("figure.app-figure img")
        assert figures.count() == 17 and charts.count() == 13   # four quarters (the grid): a trend of themes too
        for i in range(charts.count()):
            chart = charts.nth(i)
            alt = chart.get_attribute("alt")
            table = chart.locator("xpath=ancestor::figure").locator("table")
            for label, value in zip(table.locator("tbody th").all_inner_texts(),
                                    table.locator("tbody td").all_inner_texts()):   # one-column figures
                if table.locator("thead th").count() == 2 and value != "fewer than 10" and not alt.startswith("Heat"):
                    assert f"{label}: {value}" in alt, (label, alt)
            assert alt.startswith(("Bar chart: ", "Column chart: ", "Heat map: ")), alt
            assert chart.evaluate("img => img.complete && img.naturalWidth > 0"), alt   # drawn
            figure = chart.locator("xpath=ancestor::figure")
            assert figure.locator("table caption").inner_text().startswith("The figures in the chart:")
        for i in range(figures.count()):   # a figure with nothing to draw says so in words
            figure = figures.nth(i)
            assert figure.locator("img").count() == 1 or \
                "so none is shown" in figure.locator(".app-figure__empty").inner_text()
        hidden = page.locator('td[data-status="suppressed"]')
        assert hidden.count() > 50
        assert set(hidden.all_inner_texts()) == {"fewer than 10"}
        assert hidden.first.evaluate("td => getComputedStyle(td).fontStyle") == "italic"
        themes = page.locator("#figure-themes table tbody tr").all_inner_texts()
        assert [re.sub(r"\s+", " ", t).strip() for t in themes[:4]] == [
            "Treated as an outsider or asked where I'm \"really\" from 25 (42%)", "A \"joke\" or a stereotype 15 (25%)",
            "Wrong name or pronouns, or assumptions about my partner 10 (17%)",   # T12: 12 reports
            "My ability, qualifications or English were doubted fewer than 10"]
        headline = page.locator(".app-headline").first.inner_text()
        assert re.sub(r"\s+", " ", headline).endswith("60 rounded to the nearest 5")

        with page.expect_download() as download:
            page.get_by_role("link", name="The report pack: PDF, HTML, CSV and spreadsheet in one ZIP file").click()
        pack = download.value
        assert pack.suggested_filename == f"microaggressions-{rid}-report-pack.zip"
        archive = zipfile.ZipFile(pack.path())

        page.get_by_role("link", name="Audit log").click()
        visit.checked("audit")
        rows = page.locator("table tbody tr").all_inner_texts()
        assert "pack downloaded" in rows[0] and rid in rows[0] and "admin" in rows[0]
        assert any("release requested" in r for r in rows) and any("signed in" in r for r in rows)

        # Download, then wipe: the individual reports the release covered are deleted for good.
        page.goto(f"{portal.reporter}/releases/{rid}")
        page.get_by_role("button", name=f"Wipe the reports of release {rid}").click()
        assert page.url == f"{portal.reporter}/releases/{rid}#wipe"
        confirmed = page.locator("#wipe + .nhsuk-inset-text").inner_text()
        assert "have been deleted from 3 topics, and none of them can be read any more" in confirmed
        visit.checked("wiped")
        cookies = context.cookies()
        context.close()

        viewer = browser.new_context(viewport={"width": 1280, "height": 900})
        visit2 = Visit(viewer.new_page(), portal.reporter, artifacts_for("reporter-viewer"))
        sign_in(visit2, VIEWER_TOKEN)
        visit2.checked("viewer-releases")
        assert visit2.page.get_by_role("link", name="Audit log").count() == 0
        assert visit2.page.goto(portal.reporter + "/audit").status == 403
        visit2.checked("viewer-refused")
        viewer.close()

    assert [u for u in visit.requests + visit2.requests if not u.startswith(portal.reporter + "/")] == []
    assert visit.csp == [] and visit2.csp == []
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
    assert [(e["action"], e["detail"]) for e in audit if e["release_id"] == rid][:2] == [
        ("wipe_confirmed", "wiped"), ("wipe_requested", None)]
    # Read from offset 0: every redacted report the release covered is gone, and nothing upstream.
    assert read_all(kafka["bootstrap"], portal.topics.redacted) == []
    assert read_all(kafka["bootstrap"], portal.topics.raw) == []
    wipe = requests.get(f"{portal.reporter}/api/v1/releases/{rid}/wipe", headers=admin, timeout=10).json()
    assert wipe["status"] == "wiped" and "covered_records_left" not in wipe   # a status, never a count
