"""The report read on any device, in headless Chromium against the reporter's own pages (a
synthetic release in its release book, no broker): at 320, 390 and 1280 px no page scrolls
sideways, every page is set in Arial (the design system's fallback), no chart is shrunk below its
own size (so its text, 12 px or more in the SVG, stays 12 px or more), every chart's title is a
heading, and axe-core finds no WCAG 2.2 AA violation at 390 and 1280 px. The walk through a real
broker is tests/browser/test_reporter_in_chromium.py. Screenshots go to test-artifacts/browser/."""
from __future__ import annotations

import re
import threading

import pytest
from werkzeug.serving import make_server

from services.reporter.app import create_app
from services.reporter.audit import AuditTrail
from tests.support import releases
from tests.support.browser import artifacts_for, axe_violations, chromium
from tests.fakes import FakePublisher
from tests.unit.test_reporter_api import ADMIN_TOKEN, RID, refusal, settings

PAGES = ("/releases", f"/releases/{RID}", f"/releases/{RID}/pack", "/releases/20261205-0000beef", "/audit")
MEASURE = """() => {
  const root = document.documentElement;
  const fonts = [...new Set([...document.querySelectorAll('body, h1, h2, h3, p, td, th, a, button, li')]
                  .map(e => getComputedStyle(e).fontFamily))];
  const charts = [...document.querySelectorAll('img.app-figure__chart')]
                  .map(i => i.getBoundingClientRect().width / i.naturalWidth);
  const titles = [...document.querySelectorAll('figure.app-figure')]
                  .map(f => f.querySelector('figcaption h3') ? 1 : 0);
  return {scroll: root.scrollWidth, width: root.clientWidth, fonts, charts, titles};
}"""


@pytest.fixture(scope="module")
def reporter():
    book = releases.book()
    book.add(refusal("20261205-0000beef", "mostly_hidden"))
    app = create_app(settings(), book=book, publisher=FakePublisher(), start_reader=False, trail=AuditTrail())
    server = make_server("127.0.0.1", 0, app, threaded=True)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()


def test_every_report_page_reads_at_320_390_and_1280_px(reporter):
    from services.reporter import charts
    from services.reporter.report import build
    report = build(releases.document())
    for figure in report.figures():
        if not figure.empty:
            sizes = [float(s) for s in re.findall(r'font-size="([\d.]+)px"', charts.svg(figure))]
            assert sizes and min(sizes) >= 12, figure.id
    folder = artifacts_for("report-layout")
    with chromium() as browser:
        for width in (320, 390, 1280):
            context = browser.new_context(viewport={"width": width, "height": 900})
            page = context.new_page()
            page.goto(reporter + "/sign-in")
            page.get_by_label("Access token").fill(ADMIN_TOKEN)
            page.get_by_role("button", name="Sign in").click()
            for path in PAGES:
                page.goto(reporter + path)
                page.wait_for_load_state("load")
                seen = page.evaluate(MEASURE)
                where = f"{path} at {width} px"
                assert seen["scroll"] <= seen["width"], f"{where} scrolls sideways: {seen['scroll']} px"
                assert seen["fonts"] == ["arial, sans-serif"], where
                assert all(scale >= 0.999 for scale in seen["charts"]), f"{where}: a chart is shrunk {seen['charts']}"
                assert all(seen["titles"]), f"{where}: a chart title is not a heading"
                name = re.sub(r"[^a-z0-9]+", "-", path.strip("/"))
                page.screenshot(path=folder / f"{width}-{name}.png", full_page=True)
                if width != 320:
                    assert axe_violations(page) == [], where
                if path == f"/releases/{RID}":
                    assert len(seen["charts"]) == 13 and len(seen["titles"]) == len(report.figures())
            context.close()
