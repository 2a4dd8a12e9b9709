"""The report form: a start page, one question per page, "Check your answers", a confirmation.

It works without JavaScript and keeps nothing between requests: the answers travel in the page
as hidden fields (never in a URL, a cookie or the server), and "Back" and "Change" are submit
buttons so that they carry the answers too. The browser's own Back works too: each page may be
kept by the person's own browser (`Cache-Control: private, no-cache`, set in app.py), so going
back shows the page as it was, without asking to send the form again (docs/intake.md, "The report form")."""
from __future__ import annotations

from functools import partial
from typing import Callable

from flask import Blueprint, redirect, render_template, request

from services.common.kafka import KafkaUnavailable
from services.contracts import events
from services.contracts.deployment import Deployment, sms, tel
from services.contracts.questionnaire import Questionnaire

from . import characters, i18n, journey, nudge, submission, wording
from .i18n import N_, _
from .protection import HONEYPOT, FormClock, RateLimiter, Stale, TooFast

SERVICE_NAME = N_("Report a micro-aggression")
# Values the form carries from page to page besides the answers, each with how a new form gets
# one (given the form's clock): one more (an idempotency key, say) is one more entry here.
# The report's idempotency key is minted when the form starts: sending the same form twice (a
# resend after a 503, a double tap) counts the report once.
CARRIED: dict[str, Callable[[FormClock], str]] = {"started": FormClock.start,
                                                  "event_id": lambda _clock: events.new_event_id()}
CONTROLS = ("page", "action", "change", "changing", *CARRIED, HONEYPOT)
# A long list of options gets a link past it to "Continue", for people using a keyboard.
SKIP_PAST = 8
UNAVAILABLE = N_("Sorry, there is a problem with the service. Your report may not have been sent. "
                 "Sending it again is safe: it will only be counted once.")
FORM_TYPES = ("application/x-www-form-urlencoded", "multipart/form-data")


def blueprint(questionnaire: Questionnaire, send, limiter: RateLimiter, clock: FormClock,
              deployment: Deployment) -> Blueprint:
    bp = Blueprint("form", __name__)
    fresh = {name: partial(make, clock) for name, make in CARRIED.items()}

    @bp.app_context_processor
    def _common():
        language = i18n.language()
        return {"service_name": _(SERVICE_NAME), "html_lang": "en-GB" if language == "en" else language,
                "honeypot": HONEYPOT, "errors": {}, "error_list": [],
                "deployment": deployment, "carried": {}, "tel": tel, "sms": sms}

    def question_page(code: str, answers: dict, carried: dict, errors=None, changing=False, status=200):
        route = journey.pages(questionnaire, answers)
        question = i18n.question(questionnaire.worded(code, answers))
        return render_template("question.html", question=question, answers=answers, carried=carried,
                               changing=changing, number=route.index(code) + 1, of=len(route),
                               skip_past=len(question.options) > SKIP_PAST,
                               **_errors(errors or {}, "#")), status

    def check_page(answers: dict, carried: dict, errors=None, status=200, unavailable=None):
        errors = errors or {}
        return render_template("check.html", answers=answers, carried=carried,
                               rows=_rows(questionnaire, answers, errors), unavailable=unavailable,
                               **_errors(errors, "#row-")), status

    def page(target: str, answers: dict, carried: dict, changing=False):
        if target == journey.START:
            return render_template("start.html", answers=answers, carried=carried)
        if target == journey.CHECK:
            return check_page(answers, carried)
        return question_page(target, answers, carried, changing=changing)

    def new_form() -> dict:
        return {name: make() for name, make in fresh.items()}

    def read() -> tuple[dict, dict, dict[str, str]]:
        """The answers the page carried, with any character no report may hold taken out (the
        page shows what is left; `unreadable` says which answers lost some), and the values
        carried with them (a new form's when missing)."""
        posted = submission.from_form(request.form, questionnaire, CONTROLS)
        unreadable = {code: _unreadable_message(code) for code in characters.problems(posted)}
        answers = journey.prune(questionnaire, {characters.cleaned(k): _cleaned(v) for k, v in posted.items()})
        carried = {name: request.form.get(name) or fresh[name]() for name in CARRIED}
        carried["event_id"] = submission.valid_event_id(carried["event_id"]) or events.new_event_id()
        return answers, carried, unreadable

    def _unreadable_message(code: str) -> str:
        if code in questionnaire.text_fields:
            return wording.unreadable(questionnaire[code])
        return _(wording.PAGE_PROBLEM)

    @bp.get("/")
    def start():
        return render_template("start.html", answers={}, carried={})

    @bp.get("/report")
    def first_question():
        return question_page(journey.pages(questionnaire, {})[0], {}, new_form())

    @bp.post("/report")
    def navigate():
        answers, carried, unreadable = read()
        current = request.form.get("page", journey.START)
        changing = request.form.get("changing") == "1"
        if request.form.get("change") in journey.pages(questionnaire, answers):
            return page(request.form["change"], answers, carried, changing=True)
        if current not in journey.pages(questionnaire, answers) + [journey.START, journey.CHECK]:
            return page(journey.CHECK if changing else journey.START, answers, carried)
        if request.form.get("action") == "back":
            return page(journey.previous_page(questionnaire, answers, current, changing), answers, carried)
        if current in (journey.START, journey.CHECK):
            return page(journey.next_page(questionnaire, answers, current), answers, carried)
        if current in unreadable:
            return question_page(current, answers, carried, {current: unreadable[current]}, changing, 400)
        found = submission.problems(answers, required=[current])
        if current in found:
            return question_page(current, answers, carried,
                                 wording.messages(questionnaire, answers, found, [current]), changing, 400)
        return page(journey.next_page(questionnaire, answers, current, changing), answers, carried, changing)

    @bp.post("/report/send")
    def send_report():
        answers, carried, unreadable = read()
        if not limiter.allow(request.remote_addr or ""):
            return check_page(answers, carried, {"_page": _("You have sent a lot of reports in a short "
                              "time. Wait 10 minutes, then select 'Send report' again")}, 429)
        if request.form.get(HONEYPOT):
            return check_page(answers, carried, {"_page": _(wording.PAGE_PROBLEM)}, 400)
        try:
            clock.check(request.form.get("started"))
        except Stale:
            return check_page(answers, {**carried, "started": clock.start()}, {"_page": _("Check your answers, "
                              "then select 'Send report' again")}, 400)
        except TooFast:
            return check_page(answers, carried, {"_page": _("Wait a few seconds, then select "
                              "'Send report' again")}, 400)
        if unreadable:
            route = journey.pages(questionnaire, answers)
            return check_page(answers, carried, {c: m for c, m in unreadable.items() if c in route}
                              or {"_page": _(wording.PAGE_PROBLEM)}, 400)
        found = submission.problems(answers)
        if found:
            route = journey.pages(questionnaire, answers)
            return check_page(answers, carried, wording.messages(questionnaire, answers, found, route), 400)
        try:
            send(answers, carried["event_id"])
        except KafkaUnavailable:
            return check_page(answers, carried, status=503, unavailable=_(UNAVAILABLE))
        return redirect("/report/sent", 303)

    @bp.get("/report/sent")
    def sent():
        return render_template("confirmation.html")

    @bp.get("/report/cleared")
    def cleared():
        # The browser forgets the pages it kept for Back (Clear-Site-Data, set in app.py).
        return render_template("cleared.html")

    @bp.before_request
    def _form_bodies_only():
        if request.method == "POST" and request.mimetype not in FORM_TYPES:
            return render_template("problem.html", title=_("Sorry, this page could not be read"),
                                   lines=[_("Go back and try again.")]), 415

    return bp


def _sentence(kinds: list[str]) -> str:
    """'a name and a phone number', in the person's language."""
    if len(kinds) == 1:
        return kinds[0]
    return _("%(items)s and %(last)s", items=", ".join(kinds[:-1]), last=kinds[-1])


def _cleaned(value):
    return [characters.cleaned(v) for v in value] if isinstance(value, list) else characters.cleaned(value)


def _errors(errors: dict[str, str], anchor: str) -> dict:
    """The error summary's list: each message links to its field (the page itself if none)."""
    return {"errors": errors, "error_list": [
        {"text": text, "href": "#maincontent" if code == "_page" else f"{anchor}{code}"}
        for code, text in errors.items()]}


def _rows(questionnaire: Questionnaire, answers: dict, errors: dict[str, str]) -> list[dict]:
    rows = []
    for code in journey.pages(questionnaire, answers):
        q, value = i18n.question(questionnaire.worded(code, answers)), answers.get(code)
        if isinstance(value, list):
            value = [q.options.get(v, v) for v in value]
        elif value is not None and not q.is_text:
            value = q.options.get(value, value)
        found = nudge.identifiers(value) if q.is_text and isinstance(value, str) else []
        rows.append({"code": code, "question": q.question, "answer": value, "error": errors.get(code),
                     "nudge": _sentence([_(kind) for kind in found]) if found else "",
                     "hidden_label": wording.asks_for(q)})
    return rows
