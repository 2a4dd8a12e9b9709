"""The report form, page by page, as a browser without JavaScript uses it (the browser tests
do the same in Chromium). An in-memory publisher stands in for Kafka."""
from __future__ import annotations

import html
import re

import pytest
from werkzeug.datastructures import MultiDict

from services.contracts.questionnaire import load
from services.intake.app import create_app
from services.intake.settings import Settings
from tests.fakes import FakePublisher
from tests.support.intake import fill, form_fields
from tests.support.raw import open_raw

REQUIRED = {"happened_to": "self", "came_from": ["peer", "patient"], "about": ["race"],
            "what_happened": "Someone mimicked my accent in handover."}
ROUTE = ["happened_to", "setting", "organisation", "role", "came_from", "about", "what_happened",
         "themes", "how", "where", "when", "pattern", "impact", "afterwards", "what_would_help"]


@pytest.fixture
def publisher():
    return FakePublisher()


@pytest.fixture
def settings(keys_dir):
    return Settings(keys_dir=keys_dir, min_seconds=0)


@pytest.fixture
def client(publisher, settings):
    return create_app(settings, publisher=publisher).test_client()


def page_of(resp) -> str:
    return re.search(r'name="page" value="([^"]+)"', resp.get_data(as_text=True))[1]


def text(resp) -> str:
    return resp.get_data(as_text=True)


def press(client, resp, answer=None, url="/report", **button):
    return client.post(url, data=MultiDict(fill(text(resp), answer, **button)))


def walk_to_check(client, answers: dict):
    """From the first question to "Check your answers", answering each page from `answers`."""
    resp = client.get("/report")
    while page_of(resp) != "check":
        code = page_of(resp)
        resp = press(client, resp, {code: answers[code]} if code in answers else None, action="continue")
        assert resp.status_code == 200, (code, text(resp))
    return resp


def test_the_start_page_says_what_it_is_for_and_where_to_get_urgent_help(client):
    page = text(client.get("/"))
    for words in ("What a micro-aggression is", "Who this is for", "It is anonymous",
                  "It is not a formal complaint", "How we use what you tell us", "Call 999",
                  "incident reporting system", "Freedom to Speak Up Guardian", "human resources (HR)",
                  "trade union"):
        assert words in page


def test_one_question_per_page_in_the_questionnaires_order_then_check_your_answers(client):
    resp, seen = press(client, client.get("/"), action="continue"), []
    while page_of(resp) != "check":
        seen.append(page_of(resp))
        assert len(re.findall(r'value="continue"', text(resp))) == 1
        resp = press(client, resp, {c: REQUIRED[c] for c in [page_of(resp)] if c in REQUIRED},
                     action="continue")
    assert seen == ROUTE
    assert [q.code for q in load().questions if q.code != "about_other"] == ROUTE


def test_a_report_made_page_by_page_is_sealed_and_published_exactly_as_answered(client, publisher, keys_dir):
    answers = {**REQUIRED, "about": ["race", "something_else"], "about_other": "my hair",
               "impact": ["upset", "thought_of_leaving"], "what_would_help": "Training.\nAnd allies."}
    check = walk_to_check(client, answers)
    sent = press(client, check, url="/report/send")
    assert sent.status_code == 303 and sent.headers["Location"] == "/report/sent"
    [(topic, value, _)] = publisher.sent
    assert open_raw(value, keys_dir)["answers"] == answers
    confirmation = text(client.get("/report/sent"))
    assert "Report sent" in confirmation and "no reference number" in confirmation
    assert not re.search(r"[0-9a-f]{8}-[0-9a-f]{4}", confirmation)


def test_a_missing_required_answer_gets_the_design_systems_error_summary_and_inline_error(client):
    resp = press(client, client.get("/report"), action="continue")
    page = text(resp)
    assert resp.status_code == 400
    assert "<title>Error: Did this happen to you" in page
    assert "There is a problem" in page and 'href="#happened_to"' in page
    assert page.count("Select whether it happened to you, to someone else, or both") == 2
    assert 'id="happened_to-error"' in page


@pytest.mark.parametrize("code, choice, message", [
    ("came_from", ["line_manager", "unknown"], "Select who it came from, or select 'I do not know'"),
    ("about", ["race", "not_sure"], "Select what you think it was about, or select 'I am not sure'"),
    ("impact", ["upset", "prefer_not_to_say"], "Select how it affected you or them, or select 'Prefer not to say'"),
])
def test_an_exclusive_option_ticked_with_others_without_javascript_is_refused(client, code, choice, message):
    resp = client.get("/report")
    while page_of(resp) != code:
        resp = press(client, resp, {c: REQUIRED[c] for c in [page_of(resp)] if c in REQUIRED}, action="continue")
    refused = press(client, resp, {code: choice}, action="continue")
    assert refused.status_code == 400
    assert html.unescape(text(refused)).count(message) == 2
    assert page_of(refused) == code


def test_exclusive_options_are_marked_for_the_design_systems_script_after_an_or(client):
    about = text(client.post("/report", data={**REQUIRED, "page": "came_from", "action": "continue"}))
    assert re.search(r'value="not_sure"[^>]*data-behaviour="exclusive"', about)
    assert len(re.findall(r'data-behaviour="exclusive"', about)) == 1
    assert re.search(r'nhsuk-checkboxes__divider">\s*or\s*</div>\s*<div class="nhsuk-checkboxes__item">\s*'
                     r'<input[^>]*value="not_sure"', about)


def test_text_over_the_limit_is_refused_with_the_limit_and_a_crlf_newline_counts_once(client):
    over = client.post("/report", data={**REQUIRED, "what_happened": "x" * 3001,
                                        "page": "what_happened", "action": "continue"})
    assert over.status_code == 400
    assert text(over).count("What happened must be 3,000 characters or fewer") == 2
    at_limit = client.post("/report", data={**REQUIRED, "what_happened": "y" * 1499 + "\r\n" + "y" * 1500,
                                            "page": "what_happened", "action": "continue"})
    assert at_limit.status_code == 200 and page_of(at_limit) == "themes"


def test_the_character_count_is_on_every_text_question(client):
    page = text(client.post("/report", data={**REQUIRED, "page": "about", "action": "continue"}))
    assert 'data-module="nhsuk-character-count"' in page and 'data-maxlength="3000"' in page
    assert "You can enter up to 3000 characters" in page


def test_back_carries_every_answer_including_the_one_on_the_page(client):
    on_about = client.post("/report", data={**REQUIRED, "page": "came_from", "action": "continue"})
    back = press(client, on_about, {"about": ["age", "sex"]}, action="back")
    assert page_of(back) == "came_from"
    fields = form_fields(text(back))
    assert ("about", "age") in fields and ("about", "sex") in fields
    assert ("came_from", "peer") in fields and ("came_from", "patient") in fields
    assert ("what_happened", REQUIRED["what_happened"]) in fields


def test_back_from_the_first_question_keeps_the_answers_on_the_start_page(client):
    first = client.post("/report", data={**REQUIRED, "page": "start", "action": "continue"})
    start = press(client, first, action="back")
    assert "Start now" in text(start)
    assert ("what_happened", REQUIRED["what_happened"]) in form_fields(text(start))


def test_change_from_check_your_answers_returns_there_with_the_new_answer(client):
    check = walk_to_check(client, REQUIRED)
    question = press(client, check, change="what_happened")
    assert page_of(question) == "what_happened"
    assert "Someone mimicked my accent in handover.</textarea>" in text(question)
    back_at_check = press(client, question, {"what_happened": "A comment about my hijab."}, action="continue")
    assert page_of(back_at_check) == "check"
    page = text(back_at_check)
    assert "A comment about my hijab." in page and "mimicked" not in page


def test_a_change_that_opens_a_follow_up_question_asks_it_then_returns_to_check(client):
    check = walk_to_check(client, REQUIRED)
    about = press(client, check, change="about")
    follow_up = press(client, about, {"about": ["race", "something_else"]}, action="continue")
    assert page_of(follow_up) == "about_other"
    back_at_check = press(client, follow_up, {"about_other": "my hair"}, action="continue")
    assert page_of(back_at_check) == "check" and "my hair" in text(back_at_check)
    without = press(client, press(client, back_at_check, change="about"), {"about": ["race"]}, action="continue")
    assert page_of(without) == "check"
    assert "about_other" not in dict(form_fields(text(without)))


def test_check_your_answers_nudges_next_to_text_that_seems_to_identify_someone(client):
    check = walk_to_check(client, {**REQUIRED, "what_happened": "Dr Priya Raman said it; ring 07700 900123.",
                                   "what_would_help": "More training for everyone."})
    page = text(check)
    assert page.count("This seems to include") == 1
    row = page[page.index('id="row-what_happened"'):page.index('id="row-themes"')]
    assert "This seems to include a name and a phone number." in row


def test_a_broker_outage_at_sending_apologises_and_keeps_every_answer_on_the_page(keys_dir):
    client = create_app(Settings(keys_dir=keys_dir, min_seconds=0), FakePublisher(down=True)).test_client()
    resp = press(client, walk_to_check(client, REQUIRED), url="/report/send")
    page = text(resp)
    assert resp.status_code == 503
    assert "Your report may not have been sent" in page and "Your answers are still on this page" in page
    assert "Sending it again is safe: it will only be counted once." in page
    assert "Someone mimicked my accent in handover." in page
    carried = [(k, v) for k, v in form_fields(page) if k not in ("started", "event_id", "reference_code", "page")]
    assert sorted(carried) == sorted((k, v) for k, vs in REQUIRED.items() for v in (vs if isinstance(vs, list) else [vs]))


def test_a_filled_honeypot_is_refused_and_nothing_is_published(client, publisher):
    check = walk_to_check(client, REQUIRED)
    resp = press(client, check, {"reference_code": "x"}, url="/report/send")
    assert resp.status_code == 400 and publisher.sent == []
    assert "Someone mimicked my accent in handover." in text(resp)


def test_sending_sooner_than_a_person_could_is_refused_until_the_minimum_time_has_passed(keys_dir):
    publisher = FakePublisher()
    client = create_app(Settings(keys_dir=keys_dir, min_seconds=3600), publisher).test_client()
    resp = press(client, walk_to_check(client, REQUIRED), url="/report/send")
    assert resp.status_code == 400 and publisher.sent == []
    assert "Wait a few seconds, then select" in text(resp)


def test_a_forged_start_time_is_replaced_and_the_person_is_asked_to_send_again(client, publisher):
    check = walk_to_check(client, REQUIRED)
    resp = press(client, check, {"started": "started.AAAAAA.forged"}, url="/report/send")
    assert resp.status_code == 400 and publisher.sent == []
    assert "Check your answers, then select" in text(resp)
    assert dict(form_fields(text(resp)))["started"] != "started.AAAAAA.forged"
    assert press(client, resp, url="/report/send").status_code == 303


def test_sending_is_rate_limited_per_address_without_keeping_the_address(keys_dir):
    publisher = FakePublisher()
    client = create_app(Settings(keys_dir=keys_dir, min_seconds=0, rate_limit=2), publisher).test_client()
    check = walk_to_check(client, REQUIRED)
    statuses = [press(client, check, url="/report/send").status_code for _ in range(3)]
    other = client.post("/report/send", data=MultiDict(fill(text(check))),
                        environ_base={"REMOTE_ADDR": "192.0.2.7"})
    assert statuses == [303, 303, 429] and other.status_code == 303
    assert len(publisher.sent) == 3


def test_no_page_sets_a_cookie_and_every_page_sends_the_security_headers(client):
    check = walk_to_check(client, REQUIRED)
    for resp in (client.get("/"), client.get("/report"), check, press(client, check, url="/report/send"),
                 client.get("/report/sent")):
        assert "Set-Cookie" not in resp.headers
        assert resp.headers["Referrer-Policy"] == "no-referrer"
        assert resp.headers["X-Content-Type-Options"] == "nosniff"
        csp = resp.headers["Content-Security-Policy"]
        assert "script-src 'self';" in csp and "frame-ancestors 'none'" in csp and "unsafe-inline" not in csp
        assert "camera=()" in resp.headers["Permissions-Policy"]
        assert resp.headers["Cache-Control"] == "private, no-cache"   # only the person's browser, for Back
        assert resp.headers["X-DNS-Prefetch-Control"] == "off"
        assert "Strict-Transport-Security" not in resp.headers
    assert client.get_cookie("session") is None


def test_the_api_and_health_answers_are_never_kept_and_clearing_makes_the_browser_forget_the_pages(client):
    assert client.post("/api/v1/reports", json=REQUIRED).headers["Cache-Control"] == "no-store"
    assert client.get("/healthz").headers["Cache-Control"] == "no-store"
    cleared = client.get("/report/cleared")
    assert cleared.status_code == 200 and cleared.headers["Clear-Site-Data"] == '"cache"'
    assert "This browser no longer has your answers" in text(cleared)
    assert 'href="/report/cleared"' in text(client.get("/report/sent"))
    assert "Clear-Site-Data" not in client.get("/report/sent").headers


def test_production_settings_add_hsts(keys_dir):
    client = create_app(Settings(keys_dir=keys_dir, hsts=True), FakePublisher()).test_client()
    assert client.get("/").headers["Strict-Transport-Security"] == "max-age=31536000; includeSubDomains"


def test_no_page_has_inline_script(client):
    for resp in (client.get("/"), client.get("/report"), walk_to_check(client, REQUIRED), client.get("/report/sent")):
        assert re.findall(r"<script(?![^>]*\bsrc=)[^>]*>", text(resp)) == []


def test_a_form_page_refuses_a_body_that_is_not_a_form_with_415(client):
    resp = client.post("/report", json=REQUIRED)
    assert resp.status_code == 415 and "Sorry, this page could not be read" in text(resp)


def test_an_oversized_form_gets_413_and_a_plain_page(client):
    resp = client.post("/report/send", data={"what_happened": "x" * 70_000})
    assert resp.status_code == 413 and "Your report is too long to send" in text(resp)


def test_an_unexpected_failure_shows_a_plain_page_and_logs_only_its_class(keys_dir, caplog):
    client = create_app(Settings(keys_dir=keys_dir, min_seconds=0),
                        FakePublisher(error=RuntimeError("Someone mimicked my accent"))).test_client()
    resp = press(client, walk_to_check(client, REQUIRED), url="/report/send")
    assert resp.status_code == 500
    assert "Sorry, there is a problem with the service" in text(resp) and "Traceback" not in text(resp)
    assert [(r.getMessage(), r.error_class) for r in caplog.records] == [("unexpected error", "RuntimeError")]
    assert "mimicked" not in caplog.text


def progress(resp) -> str:
    return re.search(r'app-progress">(Question \d+ of \d+)', text(resp))[1]


def test_each_question_says_where_the_person_is_counting_only_the_questions_they_will_see(client):
    resp, seen = client.get("/report"), []
    while page_of(resp) != "check":
        seen.append(progress(resp))
        resp = press(client, resp, {c: REQUIRED[c] for c in [page_of(resp)] if c in REQUIRED}, action="continue")
    assert seen == [f"Question {n} of 15" for n in range(1, 16)]
    about = client.post("/report", data={**REQUIRED, "page": "came_from", "action": "continue"})
    opened = press(client, about, {"about": ["race", "something_else"]}, action="continue")
    assert page_of(opened) == "about_other" and progress(opened) == "Question 7 of 16"
    assert progress(press(client, opened, {"about_other": "my hair"}, action="continue")) == "Question 8 of 16"


@pytest.mark.parametrize("happened_to, label, hint", [
    ("self", "My ability, qualifications or English were doubted", "how it made you feel."),
    ("witnessed", "Their ability, qualifications or English were doubted", "how it seemed to affect the person it was aimed at"),
    ("both", "Our ability, qualifications or English were doubted", "how it made you or them feel."),
])
def test_questions_hints_and_labels_fit_someone_it_happened_to_or_who_saw_it(client, happened_to, label, hint):
    answers = {**REQUIRED, "happened_to": happened_to}
    what = client.post("/report", data={**answers, "page": "about", "action": "continue"})
    assert page_of(what) == "what_happened" and hint in text(what)
    themes = text(client.post("/report", data={**answers, "page": "what_happened", "action": "continue"}))
    assert html.unescape(themes).count(label) == 1
    check = text(walk_to_check(client, {**answers, "themes": ["T02"]}))
    assert label in html.unescape(check)
    values = re.findall(r'name="themes" value="([^"]+)"', check)
    assert values == ["T02"]   # the same code whoever it happened to


def test_job_groups_are_in_plain_words_with_the_nhs_staff_group_as_a_hint_and_say_why_they_are_asked(client):
    role = html.unescape(text(client.post("/report", data={**REQUIRED, "page": "organisation", "action": "continue"})))
    assert page_of_html(role) == "role"
    assert "Pharmacist, psychologist or other professional" in role
    assert re.search(r'id="role-4-item-hint"[^>]*>\s*Additional professional, scientific and technical staff', role)
    assert "So that we can see which staff groups are affected most. You can skip this question." in role


def page_of_html(page: str) -> str:
    return re.search(r'name="page" value="([^"]+)"', page)[1]


@pytest.mark.parametrize("before, code, why", [
    ("happened_to", "setting", "So that we can see where micro-aggressions happen most. You can skip this question."),
    ("setting", "organisation", "So that each organisation can see its own themes."),
])
def test_each_optional_question_about_the_person_says_why_and_that_it_can_be_skipped(client, before, code, why):
    resp = client.post("/report", data={**REQUIRED, "page": before, "action": "continue"})
    assert page_of(resp) == code and why in html.unescape(text(resp))
    assert "(optional)" in text(resp)
    assert press(client, resp, action="continue").status_code == 200   # skipped


def test_the_organisation_list_covers_waveney_from_the_deployment(client):
    page = html.unescape(text(client.post("/report", data={**REQUIRED, "page": "setting", "action": "continue"})))
    assert "East Coast Community Healthcare (Waveney)" in page and "Suffolk County Council (Waveney social care)" in page


def test_a_long_list_has_a_link_past_it_to_continue_and_a_short_one_does_not(client):
    about = text(client.post("/report", data={**REQUIRED, "page": "came_from", "action": "continue"}))
    assert 'href="#continue"' in about and 'id="continue"' in about
    happened = text(client.get("/report"))
    assert 'href="#continue"' not in happened


@pytest.mark.parametrize("path", ["/", "/report/sent"])
def test_the_start_and_confirmation_pages_list_support_with_real_links_and_numbers(client, path):
    page = html.unescape(text(client.get(path)))
    for link in ('href="tel:116123">116 123</a>', 'href="sms:85258?body=SHOUT">85258</a>',
                 'href="tel:03000303300">0300 0303 300</a>', 'href="https://www.practitionerhealth.nhs.uk/"',
                 'href="https://www.samaritans.org/"', 'href="https://giveusashout.org/"',
                 'href="https://nationalguardian.org.uk/"'):
        assert link in page, link
    for words in ("Employee Assistance Programme", "Freedom to Speak Up Guardian", "NHS Practitioner Health",
                  "Samaritans", "Shout", "Norfolk and Waveney staff wellbeing"):
        assert words in page


def test_the_start_page_says_it_is_voluntary_a_pilot_and_used_alongside_surveys_and_complaints(client):
    page = text(client.get("/"))
    assert "Telling us is voluntary. This is a pilot across Norfolk and Waveney" in page
    assert "staff surveys" in page and "complaints and grievances" in page


def test_a_value_the_form_carries_besides_the_answers_goes_through_every_page_unchanged(client):
    first = client.get("/report")
    started = dict(form_fields(text(first)))["started"]
    resp = first
    while page_of(resp) != "check":
        resp = press(client, resp, {c: REQUIRED[c] for c in [page_of(resp)] if c in REQUIRED}, action="continue")
        assert dict(form_fields(text(resp)))["started"] == started
    assert dict(form_fields(text(press(client, resp, action="back"))))["started"] == started
