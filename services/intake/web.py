"""The report form: a start page, one question per page, "Check your answers", a confirmation.

It works without JavaScript and keeps nothing between requests: the answers travel in the page
as hidden fields (never in a URL, a cookie or the server), and "Back" and "Change" are submit
buttons so that they carry the answers too. The browser's own Back works too: each page may be
kept by the person's own browser (`Cache-Control: private, no-cache`, app.cache_control), so going
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
    form = Form(questionnaire, send, limiter, clock, deployment)
    bp = Blueprint("form", __name__)
    bp.app_context_processor(form.common)
    bp.before_request(form.form_bodies_only)
    for rule, view, method in (("/", form.start, "GET"), ("/report", form.first_question, "GET"),
                               ("/report", form.navigate, "POST"), ("/report/send", form.send_report, "POST"),
                               ("/report/sent", form.sent, "GET"), ("/report/cleared", form.cleared, "GET")):
        bp.add_url_rule(rule, view_func=view, methods=[method])
    return bp


class Form:
    """The form's views; the answers travel in each request, nothing is kept between them."""

    def __init__(self, questionnaire: Questionnaire, send, limiter: RateLimiter, clock: FormClock,
                 deployment: Deployment):
        self.questionnaire, self.send, self.limiter, self.clock = questionnaire, send, limiter, clock
        self.deployment = deployment
        self.fresh = {name: partial(make, clock) for name, make in CARRIED.items()}

    # -- views --------------------------------------------------------------------------------

    def start(self):
        return render_template("start.html", answers={}, carried={})

    def first_question(self):
        return self.question_page(journey.pages(self.questionnaire, {})[0], {}, self.new_form())

    def navigate(self):
        answers, carried, unreadable = self.read()
        current = request.form.get("page", journey.START)
        changing = request.form.get("changing") == "1"
        route = journey.pages(self.questionnaire, answers)
        if request.form.get("change") in route:
            return self.page(request.form["change"], answers, carried, changing=True)
        if current not in route + [journey.START, journey.CHECK]:
            return self.page(journey.CHECK if changing else journey.START, answers, carried)
        if request.form.get("action") == "back":
            return self.page(journey.previous_page(self.questionnaire, answers, current, changing), answers, carried)
        if current in (journey.START, journey.CHECK):
            return self.page(journey.next_page(self.questionnaire, answers, current), answers, carried)
        return self.answered(current, answers, carried, unreadable, changing)

    def send_report(self):
        answers, carried, unreadable = self.read()
        refused = self.refusal(answers, carried, unreadable)
        if refused is not None:
            return refused
        try:
            self.send(answers, carried["event_id"])
        except KafkaUnavailable:
            return self.check_page(answers, carried, status=503, unavailable=_(UNAVAILABLE))
        return redirect("/report/sent", 303)

    def sent(self):
        return render_template("confirmation.html")

    def cleared(self):
        # The browser forgets the pages it kept for Back.
        return render_template("cleared.html"), {"Clear-Site-Data": '"cache"'}

    def form_bodies_only(self):
        if request.method == "POST" and request.mimetype not in FORM_TYPES:
            return render_template("problem.html", title=_("Sorry, this page could not be read"),
                                   lines=[_("Go back and try again.")]), 415

    def common(self) -> dict:
        """What every page and the shared layout (services/common/templates) are given."""
        language = i18n.language()
        name = _(SERVICE_NAME)
        return {"service_name": name, "html_lang": "en-GB" if language == "en" else language,
                "honeypot": HONEYPOT, "errors": {}, "error_list": [], "deployment": self.deployment,
                "carried": {}, "tel": tel, "sms": sms, "stylesheet": "intake.css", "scripts": True, "home": "/",
                "copyright": _(self.deployment.system),
                "logo": {"alt": _("NHS"), "ariaLabel": _("NHS %(service)s homepage", service=name)}}

    # -- steps ----------------------------------------------------------------------------------

    def answered(self, current: str, answers: dict, carried: dict, unreadable: dict, changing: bool):
        """"Continue" on a question page: the same page with its error, or the next page."""
        if current in unreadable:
            return self.question_page(current, answers, carried, {current: unreadable[current]}, changing, 400)
        found = submission.problems(answers, required=[current])
        if current in found:
            return self.question_page(current, answers, carried,
                                      wording.messages(self.questionnaire, answers, found, [current]), changing, 400)
        return self.page(journey.next_page(self.questionnaire, answers, current, changing), answers, carried, changing)

    def refusal(self, answers: dict, carried: dict, unreadable: dict):
        """"Check your answers" again with what stops this report being sent, or None."""
        if not self.limiter.allow(request.remote_addr or ""):
            return self.check_page(answers, carried, {"_page": _("You have sent a lot of reports in a short "
                                   "time. Wait 10 minutes, then select 'Send report' again")}, 429)
        if request.form.get(HONEYPOT):
            return self.check_page(answers, carried, {"_page": _(wording.PAGE_PROBLEM)}, 400)
        try:
            self.clock.check(request.form.get("started"))
        except Stale:
            return self.check_page(answers, {**carried, "started": self.clock.start()}, {"_page": _(
                "Check your answers, then select 'Send report' again")}, 400)
        except TooFast:
            return self.check_page(answers, carried, {"_page": _("Wait a few seconds, then select "
                                   "'Send report' again")}, 400)
        return self.invalid(answers, carried, unreadable)

    def invalid(self, answers: dict, carried: dict, unreadable: dict):
        route = journey.pages(self.questionnaire, answers)
        if unreadable:
            return self.check_page(answers, carried, {c: m for c, m in unreadable.items() if c in route}
                                   or {"_page": _(wording.PAGE_PROBLEM)}, 400)
        found = submission.problems(answers)
        if found:
            return self.check_page(answers, carried, wording.messages(self.questionnaire, answers, found, route), 400)
        return None

    # -- pages ----------------------------------------------------------------------------------

    def question_page(self, code: str, answers: dict, carried: dict, errors=None, changing=False, status=200):
        route = journey.pages(self.questionnaire, answers)
        question = i18n.question(self.questionnaire.worded(code, answers))
        return render_template("question.html", question=question, answers=answers, carried=carried,
                               changing=changing, number=route.index(code) + 1, of=len(route),
                               skip_past=len(question.options) > SKIP_PAST,
                               **_errors(errors or {}, "#")), status

    def check_page(self, answers: dict, carried: dict, errors=None, status=200, unavailable=None):
        errors = errors or {}
        return render_template("check.html", answers=answers, carried=carried,
                               rows=_rows(self.questionnaire, answers, errors), unavailable=unavailable,
                               **_errors(errors, "#row-")), status

    def page(self, target: str, answers: dict, carried: dict, changing=False):
        if target == journey.START:
            return render_template("start.html", answers=answers, carried=carried)
        if target == journey.CHECK:
            return self.check_page(answers, carried)
        return self.question_page(target, answers, carried, changing=changing)

    def new_form(self) -> dict:
        return {name: make() for name, make in self.fresh.items()}

    def read(self) -> tuple[dict, dict, dict[str, str]]:
        """The answers the page carried, with any character no report may hold taken out (the
        page shows what is left; `unreadable` says which answers lost some), and the values
        carried with them (a new form's when missing)."""
        posted = submission.from_form(request.form, self.questionnaire, CONTROLS)
        unreadable = {code: self.unreadable_message(code) for code in characters.problems(posted)}
        answers = journey.prune(self.questionnaire, {characters.cleaned(k): _cleaned(v) for k, v in posted.items()})
        carried = {name: request.form.get(name) or self.fresh[name]() for name in CARRIED}
        carried["event_id"] = submission.valid_event_id(carried["event_id"]) or events.new_event_id()
        return answers, carried, unreadable

    def unreadable_message(self, code: str) -> str:
        if code in self.questionnaire.text_fields:
            return wording.unreadable(self.questionnaire[code])
        return _(wording.PAGE_PROBLEM)


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
