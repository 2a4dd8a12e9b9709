"""A person reports a micro-aggression in headless Chromium, with and without JavaScript,
through the intake as it runs in production (gunicorn, the shipped configuration, a real
broker): an error, the identifier nudge, Back and Change, then the confirmation. Every page
passes axe-core at WCAG 2.2 AA, makes no request outside the intake's origin and breaks no
Content-Security-Policy rule; no cookie is ever set. Screenshots go to test-artifacts/browser/.
"""
from __future__ import annotations

import json
import re

import pytest

from tests.support.browser import chromium
from tests.support.kafka import read_all
from tests.support.raw import open_raw

WCAG_22_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
FIRST_TEXT = "Dr Amara Okafor said my accent was hard to follow. Ring me on 07700 900123."
FINAL_TEXT = "A senior colleague said my accent was hard to follow and laughed.\nI felt small."
EXPECTED = {"happened_to": "self", "setting": "acute_hospital", "came_from": ["peer", "patient"],
            "about": ["race", "something_else"], "about_other": "my hair", "what_happened": FINAL_TEXT,
            "themes": ["T02", "T06"], "impact": ["prefer_not_to_say"]}


class Visit:
    """One person's visit: the page, what it asked for, and the checks run on every page."""

    def __init__(self, page, origin: str, axe: str, artifacts, auditor=None):
        self.page, self.origin, self.axe, self.artifacts = page, origin, axe, artifacts
        # axe needs script (its timers never fire where script is off): a page seen without
        # JavaScript is audited as that same markup, scripts removed, in a page that runs them.
        self.auditor = auditor or page
        self.requests: list[str] = []
        self.responses: list = []
        self.csp_violations: list[str] = []
        self.pages = 0
        page.on("request", lambda r: self.requests.append(r.url))
        page.on("response", lambda r: self.responses.append(r))
        page.on("console", lambda m: self.csp_violations.append(m.text)
                if "Content Security Policy" in m.text else None)

    def checked(self) -> None:
        """Screenshot the page and assert it has no WCAG 2.2 AA violation."""
        self.page.wait_for_load_state("load")
        self.pages += 1
        name = re.sub(r"[^a-z0-9]+", "-", self.page.title().split(" – ")[0].lower()).strip("-")[:60]
        self.page.screenshot(path=self.artifacts / f"{self.pages:02d}-{name}.png", full_page=True)
        if self.auditor is not self.page:
            markup = re.sub(r"<script\b[^>]*>.*?</script>", "", self.page.content(), flags=re.S)
            audited = self.origin + "/__audit__"
            self.auditor.route(audited, lambda route: route.fulfill(body=markup, content_type="text/html"))
            self.auditor.goto(audited, wait_until="load")
            assert self.auditor.evaluate("getComputedStyle(document.body).backgroundColor") == "rgb(240, 244, 245)"
            assert "js-enabled" not in self.auditor.evaluate("document.body.className")
        self.auditor.evaluate(self.axe)
        result = self.auditor.evaluate(
            "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", WCAG_22_AA)
        assert [(v["id"], [n["target"] for n in v["nodes"]]) for v in result["violations"]] == [], name
        assert result["passes"], name   # axe really ran its rules on this page

    def heading(self) -> str:
        return self.page.locator("h1").first.inner_text().strip()

    def press(self, name: str) -> None:
        """Press a button that loads a page, and check that page."""
        self.page.get_by_role("button", name=name, exact=True).click()
        self.checked()

    def carry_on(self, expected_heading: str) -> None:
        self.press("Continue")
        assert self.heading().startswith(expected_heading)


def report(visit: Visit, js: bool) -> None:
    page = visit.page
    page.goto(visit.origin + "/")
    visit.checked()
    assert visit.heading() == "Tell us about a micro-aggression"
    visit.press("Start now")

    visit.press("Continue")                                     # an error: nothing chosen
    assert page.title().startswith("Error: ")
    summary = page.locator(".nhsuk-error-summary")
    assert summary.get_by_role("link").inner_text() == \
        "Select whether it happened to you, to someone else, or both"
    if js:
        assert page.evaluate("document.activeElement.classList.contains('nhsuk-error-summary')")
    page.get_by_label("It happened to me").check()
    visit.carry_on("Where do you work")
    page.get_by_label("Acute hospital").check()
    visit.carry_on("Which organisation?")
    visit.press("Back")                                         # Back keeps what was chosen
    assert page.get_by_label("Acute hospital").is_checked()
    visit.carry_on("Which organisation?")
    visit.carry_on("What is your role?")
    visit.carry_on("Who did it come from?")

    page.get_by_label("A colleague at the same level").check()
    page.get_by_label("A patient or service user").check()
    page.get_by_label("I do not know").check()
    if js:      # the design system's script unticks the others: nothing slips through
        assert not page.get_by_label("A patient or service user").is_checked()
        page.get_by_label("A colleague at the same level").check()
        page.get_by_label("A patient or service user").check()
        assert not page.get_by_label("I do not know").is_checked()
    else:       # without it, the server refuses the combination in the design system's words
        visit.press("Continue")
        assert page.locator(".nhsuk-error-message").inner_text().endswith(
            "Select who it came from, or select 'I do not know'")
        page.get_by_label("I do not know").uncheck()
    visit.carry_on("What do you think it was about?")
    page.get_by_label("Race, ethnicity or skin colour").check()
    page.get_by_label("Something else").check()
    visit.carry_on("What else do you think it was about?")
    page.get_by_label("What else do you think it was about?").fill("my hair")
    visit.carry_on("Tell us what happened")
    page.get_by_label("Tell us what happened").fill(FIRST_TEXT)
    if js:      # the design system's live count
        assert page.locator(".nhsuk-character-count__status").inner_text().strip() == \
            f"You have {3000 - len(FIRST_TEXT):,} characters remaining"
    else:
        assert page.locator("#what_happened-info").inner_text().strip() == "You can enter up to 3000 characters"
    visit.carry_on("Which of these describe what happened?")
    page.get_by_label("My ability, qualifications or English were doubted").check()
    page.get_by_label("Comments about my name, accent or language").check()
    for heading in ("How did it happen?", "Where did it happen?", "When did it happen?",
                    "Has this happened before?", "How did it affect you (or them)?"):
        visit.carry_on(heading)
    page.get_by_label("Prefer not to say").check()
    visit.carry_on("What happened afterwards?")
    visit.carry_on("What would help stop this happening again?")
    visit.carry_on("Check your answers before sending your report")

    nudge = page.locator("#nudge-what_happened")
    assert "This seems to include a name and a phone number." in nudge.inner_text()
    visit.press("Change what happened")                         # a change link
    assert page.get_by_label("Tell us what happened").input_value() == FIRST_TEXT
    page.get_by_label("Tell us what happened").fill(FINAL_TEXT)
    visit.carry_on("Check your answers before sending your report")
    assert page.locator("#nudge-what_happened").count() == 0
    assert page.locator("#row-what_happened dd").first.inner_text().strip() == FINAL_TEXT
    assert page.locator("#row-about_other dd").first.inner_text().strip() == "my hair"

    visit.press("Send report")
    assert visit.heading() == "Report sent"
    assert "no reference number" in page.content()


@pytest.mark.kafka
@pytest.mark.parametrize("js", [True, False], ids=["with-javascript", "without-javascript"])
def test_a_person_reports_through_every_page_accessibly_and_privately(portal, kafka, axe_source, artifacts, js):
    portal.env["INTAKE_MIN_SECONDS"] = "1"
    portal.start("intake")
    with chromium() as browser:
        context = browser.new_context(java_script_enabled=js, viewport={"width": 1024, "height": 900})
        auditor = None if js else browser.new_context(viewport={"width": 1024, "height": 900}).new_page()
        visit = Visit(context.new_page(), portal.intake, axe_source, artifacts, auditor)
        report(visit, js)
        cookies = context.cookies()

    assert visit.pages == (24 if js else 25)   # every page seen, each checked by axe
    assert [u for u in visit.requests if not u.startswith(portal.intake + "/")] == []
    assert visit.csp_violations == []
    assert cookies == []
    assert [r.url for r in visit.responses if "set-cookie" in r.headers] == []
    [confirmation] = [r for r in visit.responses if r.url == portal.intake + "/report/sent"]
    headers = confirmation.headers
    assert headers["referrer-policy"] == "no-referrer"
    assert headers["x-content-type-options"] == "nosniff"
    assert re.search(r"(^|; )script-src 'self'(;|$)", headers["content-security-policy"])
    assert "frame-ancestors 'none'" in headers["content-security-policy"]
    assert "geolocation=()" in headers["permissions-policy"]
    assert headers["cache-control"] == "no-store"
    if js:
        assert portal.intake + "/assets/nhsuk/nhsuk-frontend.min.js" in visit.requests

    [raw] = read_all(kafka["bootstrap"], portal.topics.raw)
    assert set(json.loads(raw)) == {"schema_version", "event_id", "key_id", "sealed"}
    assert open_raw(raw, portal.keys_dir)["answers"] == EXPECTED
