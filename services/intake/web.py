"""The report form: a start page, one question per page, "Check your answers", a confirmation.

It works without JavaScript and keeps nothing between requests: the answers travel in the page
as hidden fields (never in a URL, a cookie or the server), and "Back" and "Change" are submit
buttons so that they carry the answers too."""
from __future__ import annotations

from flask import Blueprint, redirect, render_template, request

from services.common.kafka import KafkaUnavailable
from services.contracts.questionnaire import Questionnaire

from . import characters, journey, nudge, submission, wording
from .protection import HONEYPOT, FormClock, RateLimiter, Stale, TooFast

SERVICE_NAME = "Report a micro-aggression"
CONTROLS = ("page", "action", "change", "changing", "started", HONEYPOT)
UNAVAILABLE = "Sorry, there is a problem with the service. Your report has not been sent."
FORM_TYPES = ("application/x-www-form-urlencoded", "multipart/form-data")


def blueprint(questionnaire: Questionnaire, send, limiter: RateLimiter, clock: FormClock) -> Blueprint:
    bp = Blueprint("form", __name__)

    @bp.app_context_processor
    def _common():
        return {"service_name": SERVICE_NAME, "honeypot": HONEYPOT, "errors": {}, "error_list": []}

    def question_page(code: str, answers: dict, started: str, errors=None, changing=False, status=200):
        return render_template("question.html", question=questionnaire[code], answers=answers,
                               started=started, changing=changing, **_errors(errors or {}, "#")), status

    def check_page(answers: dict, started: str, errors=None, status=200, unavailable=None):
        errors = errors or {}
        return render_template("check.html", answers=answers, started=started,
                               rows=_rows(questionnaire, answers, errors), unavailable=unavailable,
                               **_errors(errors, "#row-")), status

    def page(target: str, answers: dict, started: str, changing=False):
        if target == journey.START:
            return render_template("start.html", answers=answers, started=started)
        if target == journey.CHECK:
            return check_page(answers, started)
        return question_page(target, answers, started, changing=changing)

    def read() -> tuple[dict, str, dict[str, str]]:
        """The answers the page carried, with any character no report may hold taken out (the
        page shows what is left; `unreadable` says which answers lost some), and the start time."""
        posted = submission.from_form(request.form, questionnaire, CONTROLS)
        unreadable = {code: _unreadable_message(code) for code in characters.problems(posted)}
        answers = journey.prune(questionnaire, {characters.cleaned(k): _cleaned(v) for k, v in posted.items()})
        return answers, request.form.get("started") or clock.start(), unreadable

    def _unreadable_message(code: str) -> str:
        if code in questionnaire.text_fields:
            return wording.unreadable(questionnaire[code])
        return wording.PAGE_PROBLEM

    @bp.get("/")
    def start():
        return render_template("start.html", answers={}, started="")

    @bp.get("/report")
    def first_question():
        return question_page(journey.pages(questionnaire, {})[0], {}, clock.start())

    @bp.post("/report")
    def navigate():
        answers, started, unreadable = read()
        current = request.form.get("page", journey.START)
        changing = request.form.get("changing") == "1"
        if request.form.get("change") in journey.pages(questionnaire, answers):
            return page(request.form["change"], answers, started, changing=True)
        if current not in journey.pages(questionnaire, answers) + [journey.START, journey.CHECK]:
            return page(journey.CHECK if changing else journey.START, answers, started)
        if request.form.get("action") == "back":
            return page(journey.previous_page(questionnaire, answers, current, changing), answers, started)
        if current in (journey.START, journey.CHECK):
            return page(journey.next_page(questionnaire, answers, current), answers, started)
        if current in unreadable:
            return question_page(current, answers, started, {current: unreadable[current]}, changing, 400)
        found = submission.problems(answers, required=[current])
        if current in found:
            return question_page(current, answers, started,
                                 wording.messages(questionnaire, answers, found, [current]), changing, 400)
        return page(journey.next_page(questionnaire, answers, current, changing), answers, started, changing)

    @bp.post("/report/send")
    def send_report():
        answers, started, unreadable = read()
        if not limiter.allow(request.remote_addr or ""):
            return check_page(answers, started, {"_page": "You have sent a lot of reports in a short "
                              "time. Wait 10 minutes, then select 'Send report' again"}, 429)
        if request.form.get(HONEYPOT):
            return check_page(answers, started, {"_page": wording.PAGE_PROBLEM}, 400)
        try:
            clock.check(request.form.get("started"))
        except Stale:
            return check_page(answers, clock.start(), {"_page": "Check your answers, then select "
                              "'Send report' again"}, 400)
        except TooFast:
            return check_page(answers, started, {"_page": "Wait a few seconds, then select "
                              "'Send report' again"}, 400)
        if unreadable:
            route = journey.pages(questionnaire, answers)
            return check_page(answers, started, {c: m for c, m in unreadable.items() if c in route}
                              or {"_page": wording.PAGE_PROBLEM}, 400)
        found = submission.problems(answers)
        if found:
            route = journey.pages(questionnaire, answers)
            return check_page(answers, started, wording.messages(questionnaire, answers, found, route), 400)
        try:
            send(answers)
        except KafkaUnavailable:
            return check_page(answers, started, status=503, unavailable=UNAVAILABLE)
        return redirect("/report/sent", 303)

    @bp.get("/report/sent")
    def sent():
        return render_template("confirmation.html")

    @bp.before_request
    def _form_bodies_only():
        if request.method == "POST" and request.mimetype not in FORM_TYPES:
            return render_template("problem.html", title="Sorry, this page could not be read",
                                   lines=["Go back and try again."]), 415

    return bp


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
        q, value = questionnaire[code], answers.get(code)
        if isinstance(value, list):
            value = [q.options.get(v, v) for v in value]
        elif value is not None and not q.is_text:
            value = q.options.get(value, value)
        found = nudge.identifiers(value) if q.is_text and isinstance(value, str) else []
        rows.append({"code": code, "question": q.question, "answer": value, "error": errors.get(code),
                     "nudge": nudge.sentence(found) if found else "",
                     "hidden_label": wording.asks_for(q)})
    return rows
