"""A person reports a micro-aggression in headless Chromium, with and without JavaScript, on a
phone and on a desktop, through the intake as it runs in production (gunicorn, the shipped
configuration, a real broker): an error, the identifier nudge, the page's Back and Change, the
browser's own Back (and Forward) at every step and after sending, then the confirmation. Every
page passes axe-core at WCAG 2.2 AA, is set in Arial, makes no request outside the intake's
origin and breaks no Content-Security-Policy rule; no cookie is ever set. Screenshots go to
test-artifacts/browser/.
"""
from __future__ import annotations

import json
import re

import pytest
from playwright.sync_api import Error as PlaywrightError
from playwright.sync_api import expect

from tests.support.browser import chromium
from tests.support.kafka import read_all
from tests.support.raw import open_raw

WCAG_22_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
SIZES = {"phone": {"width": 390, "height": 844}, "desktop": {"width": 1280, "height": 900}}
ARIAL = "arial, sans-serif"
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
        self.backs = 0
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
        fonts = self.auditor.evaluate("""() => [...document.querySelectorAll(
            'body, h1, h2, p, label, legend, button, input:not([type=hidden]), textarea, a, li')]
            .map(e => getComputedStyle(e).fontFamily)""")
        assert fonts and set(fonts) == {ARIAL}, (name, set(fonts))

    def heading(self) -> str:
        """The page's heading, without the progress caption ("Question 4 of 15") inside it."""
        h1 = self.page.locator("h1").first
        return h1.evaluate("""h => { const c = h.cloneNode(true);
            c.querySelectorAll('.app-progress').forEach(p => p.remove()); return c.innerText.trim() }""")

    def progress(self) -> str:
        return self.page.locator(".app-progress").inner_text().replace("-", "").strip()

    def history_back_and_forth(self, previous_heading: str, check=None) -> None:
        """The browser's own Back (not the page's link): the page before, as it was, without a
        prompt to send the form again; then Forward to where we were."""
        here = self.heading()
        response = self.page.go_back(wait_until="load")
        assert self.page.url.startswith(self.origin) and "chrome-error" not in self.page.url
        assert self.heading().startswith(previous_heading), (here, self.heading())
        if check:
            check()
        self.backs += 1
        self.page.go_forward(wait_until="load")
        assert self.heading() == here
        del response

    def press(self, name: str) -> None:
        """Press a button that loads a page, and check that page."""
        self.page.get_by_role("button", name=name, exact=True).click()
        self.checked()

    def carry_on(self, expected_heading: str, back_shows=None) -> None:
        """Continue to the next question; then go back with the browser and forward again."""
        before = self.heading()
        self.press("Continue")
        assert self.heading().startswith(expected_heading)
        self.history_back_and_forth(before, back_shows)


def report(visit: Visit, js: bool, witness: bool) -> None:
    page = visit.page
    page.goto(visit.origin + "/")
    visit.checked()
    assert visit.heading() == "Tell us about a micro-aggression"
    support = page.locator("#support ~ ul")
    assert support.get_by_role("link", name="116 123").get_attribute("href") == "tel:116123"
    assert support.get_by_role("link", name="85258").get_attribute("href") == "sms:85258?body=SHOUT"
    visit.press("Start now")
    visit.history_back_and_forth("Tell us about a micro-aggression")
    assert visit.progress() == "Question 1 of 15"

    visit.press("Continue")                                     # an error: nothing chosen
    assert page.title().startswith("Error: ")
    summary = page.locator(".nhsuk-error-summary")
    assert summary.get_by_role("link").inner_text() == \
        "Select whether it happened to you, to someone else, or both"
    if js:
        assert page.evaluate("document.activeElement.classList.contains('nhsuk-error-summary')")
    page.get_by_label("I saw or heard it happen to someone else" if witness else "It happened to me").check()
    visit.carry_on("Where do you work")
    assert visit.progress() == "Question 2 of 15"
    page.get_by_label("Acute hospital").check()
    visit.carry_on("Which organisation?", lambda: expect(page.get_by_label("Acute hospital")).to_be_checked())
    visit.press("Back")                                         # the page's Back keeps what was chosen
    assert page.get_by_label("Acute hospital").is_checked()
    visit.carry_on("Which organisation?")
    assert page.get_by_label("East Coast Community Healthcare (Waveney)").count() == 1
    visit.carry_on("What is your role?")
    assert "Additional professional, scientific and technical" in page.locator("#role-4-item-hint").inner_text()
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
    visit.carry_on("What do you think it was about?",
                   lambda: expect(page.get_by_label("A patient or service user")).to_be_checked())

    # By keyboard alone: a link past the 24 options reaches "Continue" in a few presses.
    page.reload(wait_until="load")      # from the top of the page, as it loads
    assert page.evaluate("document.activeElement === document.body")
    tabs = 0
    while page.evaluate("document.activeElement.textContent.trim()") != "Skip the list and go to Continue":
        page.keyboard.press("Tab")
        tabs += 1
        assert tabs < 10, "the link past the list is not among the first stops"
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "continue"
    visit.tabs_to_continue = tabs

    page.get_by_label("Race, ethnicity or skin colour").check()
    page.get_by_label("Something else").check()
    visit.carry_on("What else do you think it was about?")
    assert visit.progress() == "Question 7 of 16"               # the follow-up now counts
    page.get_by_label("What else do you think it was about?").fill("my hair")
    visit.carry_on("Tell us what happened")
    hint = page.locator("#what_happened-hint").inner_text()
    assert ("how it seemed to affect the person it was aimed at" in hint) == witness
    page.get_by_label("Tell us what happened").fill(FIRST_TEXT)
    if js:      # the design system's live count
        assert page.locator(".nhsuk-character-count__status").inner_text().strip() == \
            f"You have {3000 - len(FIRST_TEXT):,} characters remaining"
    else:
        assert page.locator("#what_happened-info").inner_text().strip() == "You can enter up to 3000 characters"
    visit.carry_on("Which of these describe what happened?",
                   lambda: expect(page.get_by_label("Tell us what happened")).to_have_value(FIRST_TEXT))
    whose = "Their" if witness else "My"
    page.get_by_label(f"{whose} ability, qualifications or English were doubted").check()
    page.get_by_label(f"Comments about {whose.lower()} name, accent or language").check()
    for heading in ("How did it happen?", "Where did it happen?", "When did it happen?",
                    "Has this happened before?"):
        visit.carry_on(heading)
    visit.carry_on("How did it affect them, or you?" if witness else "How did it affect you?")
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
    assert f"{whose} ability, qualifications or English were doubted" in page.locator("#row-themes").inner_text()

    visit.press("Send report")
    assert visit.heading() == "Report sent"
    assert "no reference number" in page.content()
    assert page.locator("#support ~ ul").get_by_role("link", name="116 123").count() == 1
    # Back after sending: "Check your answers" as it was, with no prompt to send again.
    visit.history_back_and_forth("Check your answers before sending your report")
    # On a shared computer: the browser forgets the pages it kept, so Back cannot show them.
    page.get_by_role("link", name="Delete your answers from this browser").click()
    visit.checked()
    assert visit.heading() == "This browser no longer has your answers"
    page.go_back(wait_until="load")
    assert visit.heading() == "Report sent"
    with pytest.raises(PlaywrightError, match="ERR_CACHE_MISS"):
        page.go_back(wait_until="load")


@pytest.mark.kafka
@pytest.mark.parametrize("size", sorted(SIZES))
@pytest.mark.parametrize("js", [True, False], ids=["with-javascript", "without-javascript"])
def test_a_person_reports_through_every_page_accessibly_and_privately(portal, kafka, axe_source, artifacts, js, size):
    portal.env["INTAKE_MIN_SECONDS"] = "1"
    portal.start("intake")
    witness = js    # one run in a witness's words, one in the words of someone it happened to
    with chromium() as browser:
        context = browser.new_context(java_script_enabled=js, viewport=SIZES[size])
        auditor = None if js else browser.new_context(viewport=SIZES[size]).new_page()
        visit = Visit(context.new_page(), portal.intake, axe_source, artifacts, auditor)
        report(visit, js, witness)
        cookies = context.cookies()

    assert visit.pages == (25 if js else 26)   # every page seen, each checked by axe
    assert visit.backs == 20                   # the browser's Back at every step, and after sending
    assert visit.tabs_to_continue == 4   # skip link, NHS logo, Back, the link past the list; then Enter
    assert [u for u in visit.requests if not u.startswith(portal.intake + "/")] == []
    assert visit.csp_violations == []
    assert cookies == []
    assert [r.url for r in visit.responses if "set-cookie" in r.headers] == []
    assert visit.requests.count(portal.intake + "/report/send") == 1   # Back and Forward sent nothing again
    confirmation = [r for r in visit.responses if r.url == portal.intake + "/report/sent"][0]
    headers = confirmation.headers
    assert headers["referrer-policy"] == "no-referrer"
    assert headers["x-content-type-options"] == "nosniff"
    assert re.search(r"(^|; )script-src 'self'(;|$)", headers["content-security-policy"])
    assert "frame-ancestors 'none'" in headers["content-security-policy"]
    assert "geolocation=()" in headers["permissions-policy"]
    assert headers["cache-control"] == "private, no-cache"
    if js:
        assert portal.intake + "/assets/nhsuk/nhsuk-frontend.min.js" in visit.requests

    [raw] = read_all(kafka["bootstrap"], portal.topics.raw)
    assert set(json.loads(raw)) == {"schema_version", "event_id", "key_id", "sealed"}
    assert open_raw(raw, portal.keys_dir)["answers"] == {**EXPECTED, "happened_to": "witnessed" if witness else "self"}
