"""The reporter's pages, in the NHS design system: sign-in by token into a short session, the
list of releases, each release's report with its downloads, and for administrators the audit
log and where data is kept.

The session cookie holds only the role, the credential's fingerprint and when it was issued,
signed with a key that lives in this process's memory. Single sign-on (oidc.py) puts the same
Identity in the same session from an OpenID Connect callback instead of the token form."""
from __future__ import annotations

import time
from datetime import datetime, timezone
from functools import wraps

from flask import Blueprint, Response, redirect, render_template, request, session, url_for

from services.common import lifetimes
from services.common.kafka import KafkaUnavailable
from services.contracts.events import RELEASE_ID

from . import labels
from .identity import Identity
from .reporting import CommandNotSent, CommandUnaudited, NotFound, NotYet

SESSION_SECONDS = 8 * 60 * 60
SERVICE_NAME = "Micro-aggression reports"
COPYRIGHT = "Norfolk and Waveney Integrated Care System"
WIPE_REFRESH_SECONDS = 5   # a release's page reloads itself this often while its wipe awaits its outcome


def safe_next(value: str | None) -> str:
    """Where to go after signing in: a path on this site only."""
    return value if value and value.startswith("/") and not value.startswith("//") else url_for("web.releases")


def current() -> Identity | None:
    role, subject, issued = session.get("role"), session.get("subject"), session.get("issued", 0)
    if role and subject and time.time() - issued < SESSION_SECONDS:
        return Identity(subject, role)
    session.clear()
    return None


def problem(who: Identity | None, code: int, title: str, line: str):
    return render_template("problem.html", role=who.role if who else None, title=title, lines=[line]), code


def page(permission: str = "read"):
    """A view (a method of Pages) for a signed-in person whose role allows `permission`; it is
    given their Identity."""
    def deco(view):
        @wraps(view)
        def wrapper(self, *args, **kwargs):
            who = current()
            if who is None:
                return redirect(url_for("web.sign_in", next=request.path))
            if not who.may(permission):
                return problem(who, 403, "You cannot see this page", "It is for the portal's administrators.")
            return view(self, who, *args, **kwargs)
        return wrapper
    return deco


def navigation(role: str, active: str | None) -> dict:
    """The header's menu and account links for a signed-in role (the shared layout draws them)."""
    items = [{"href": url_for("web.releases"), "text": "Releases", "current": active == "releases"}]
    if role == "admin":
        items += [{"href": url_for("web.audit"), "text": "Audit log", "current": active == "audit"},
                  {"href": url_for("web.operator"), "text": "Where data is kept", "current": active == "operator"}]
    return {"links": items, "account": [{"text": f"Signed in ({role})", "icon": True},
                                        {"text": "Sign out", "action": url_for("web.sign_out")}]}


def layout() -> dict:
    return {"service_name": SERVICE_NAME, "html_lang": "en-GB", "stylesheet": "reporter.css",
            "copyright": COPYRIGHT, "home": url_for("web.home"), "navigation": navigation}


def attachment(body: bytes, name: str, mimetype: str) -> Response:
    return Response(body, mimetype=mimetype, headers={"Content-Disposition": f'attachment; filename="{name}"'})


def create_blueprint(service, settings) -> Blueprint:
    pages = Pages(service, settings.oidc is not None)
    web = Blueprint("web", __name__, template_folder="templates")
    web.app_context_processor(layout)
    web.register_error_handler(NotFound, lambda exc: problem(current(), 404, "Page not found", str(exc) + "."))
    web.register_error_handler(NotYet, lambda exc: problem(current(), 409, "The records cannot be wiped yet",
                                                          str(exc) + "."))
    web.register_error_handler(KafkaUnavailable, lambda exc: problem(
        current(), 503, "Sorry, this cannot be done right now",
        "The portal could not record it in the audit log, so nothing was done. Try again later."))
    web.register_error_handler(CommandNotSent, lambda exc: problem(
        current(), 503, "Sorry, the request may not have been sent",
        "The message service did not confirm it within 5 seconds: it may not have been sent, or may still arrive. "
        "The audit log records the failure. Check the releases before asking again."))
    web.register_error_handler(CommandUnaudited, lambda exc: problem(
        current(), 503, "The request was sent, but not recorded",
        "The message service took the request but did not confirm its audit log entry within 5 seconds. "
        "Check the releases before asking again."))
    for rule, view, methods in pages.routes():
        web.add_url_rule(rule, view_func=view, methods=methods)
    return web


class Pages:
    def __init__(self, service, single_sign_on: bool):
        self.reporting, self.tokens, self.limiter = service.reporting, service.tokens, service.limiter
        self.lifetimes = service.lifetimes
        self.single_sign_on = single_sign_on

    def routes(self):
        return [("/sign-in", self.sign_in_page, ["GET"]), ("/sign-in", self.sign_in, ["POST"]),
                ("/sign-out", self.sign_out, ["POST"]), ("/", self.home, ["GET"]),
                ("/releases", self.releases, ["GET"]), ("/releases", self.request_release, ["POST"]),
                ("/releases/<release_id>", self.report, ["GET"]),
                ("/releases/<release_id>/pack", self.confirm_pack, ["GET"]),
                ("/releases/<release_id>/pack", self.download_pack, ["POST"]),
                ("/releases/<release_id>/wipe", self.wipe, ["POST"]),
                ("/releases/<release_id>/charts/<figure_id>.svg", self.chart, ["GET"]),
                ("/releases/<release_id>/download/<kind>", self.download, ["GET"]),
                ("/audit", self.audit, ["GET"]), ("/operator", self.operator, ["GET"])]

    # -- signing in and out ---------------------------------------------------------------------

    def sign_in_page(self):
        return self.sign_in_form(safe_next(request.args.get("next")))

    def sign_in(self):
        next_page = safe_next(request.form.get("next"))
        if not self.limiter.allow(request.remote_addr or ""):
            return self.sign_in_form(next_page, "Too many sign-in attempts. Wait a few minutes and try again", 429)
        who = self.tokens.identify(request.form.get("token", ""))
        if who is None:
            self.reporting.audit.record("sign_in_refused", None)
            return self.sign_in_form(next_page, "Enter a valid access token", 401)
        self.reporting.audit.record("signed_in", who)
        session.clear()
        session.update(role=who.role, subject=who.subject, issued=int(time.time()))
        return redirect(next_page)

    def sign_in_form(self, next_page: str, error: str | None = None, status: int = 200):
        errors = [{"text": error, "href": "#token"}] if error else []
        return render_template("sign_in.html", next=next_page, role=None, single_sign_on=self.single_sign_on,
                               errors=errors, error_list=errors), status

    def sign_out(self):
        who = current()
        if who is not None:
            self.reporting.audit.record("signed_out", who)
        via = session.get("via")
        session.clear()
        # Signed in through the identity provider: end its session too.
        return redirect(url_for("oidc.signed_out") if via == "oidc" else url_for("web.sign_in"))

    def home(self):
        return redirect(url_for("web.releases"))

    # -- releases -------------------------------------------------------------------------------

    @page()
    def releases(self, who: Identity):
        requested = request.args.get("requested", "")
        requested = requested if RELEASE_ID.match(requested) else None
        listing = list(reversed(self.reporting.book.listing()))
        state = next((e for e in listing if e["release_id"] == requested), None) if requested else None
        return render_template("releases.html", role=who.role, active="releases", listing=listing,
                               latest=self.reporting.book.latest_id(), requested=requested, requested_state=state,
                               may_request=who.may("administer"), period=labels.period, day=labels.day)

    @page("administer")
    def request_release(self, who: Identity):
        return redirect(url_for("web.releases", requested=self.reporting.request_release(who)))

    @page()
    def report(self, who: Identity, release_id: str):
        if refused := self.reporting.refusal(release_id):
            return render_template("problem.html", role=who.role, title=f"Release {release_id} was refused",
                                   lines=[f"Refused on {labels.day(refused['refused_on'])}.", refused["reason"]])
        doc = self.reporting.release(release_id)
        wipe = self.wipe_state(doc["release_id"]) if who.may("administer") else None
        return render_template("report/page.html", role=who.role, active="releases", wipe=wipe, day=labels.day,
                               report=self.reporting.documents.report(doc),
                               chart_src=lambda f: url_for("web.chart", release_id=doc["release_id"], figure_id=f.id))

    def wipe_state(self, release_id: str) -> dict:
        """What an administrator is told of the wipe of a release's reports."""
        due = self.reporting.wipe_due_at(release_id)
        outcome = self.reporting.wipes.latest(release_id)
        pending = self.reporting.wipe_pending(release_id)
        return {"ready": due is not None, "due": self.wipe_when(due), "grace": self.grace_words(),
                "outcome": outcome, "pending": pending, "refresh": WIPE_REFRESH_SECONDS if pending else None}

    def grace_words(self) -> str:
        days = self.reporting.wipe_grace.total_seconds() / 86400
        if days == 0:
            return "straight after the download"
        return f"{days:g} {'day' if days == 1 else 'days'} after the download"

    @staticmethod
    def wipe_when(due) -> str | None:
        if due is None:
            return None
        return "within a few minutes" if due <= datetime.now(timezone.utc) else f"on {labels.day(due.date().isoformat())}"

    # -- downloads and the wipe -----------------------------------------------------------------

    @page("administer")
    def confirm_pack(self, who: Identity, release_id: str):
        """The confirmation step before an administrator's pack download, which starts the wipe."""
        rid = self.reporting.release(release_id)["release_id"]
        return render_template("report/confirm_pack.html", role=who.role, active="releases", release_id=rid,
                               grace=self.grace_words(),
                               wiped=self.reporting.wipes.wiped(rid))

    @page("administer")
    def download_pack(self, who: Identity, release_id: str):
        body, name, mimetype = self.reporting.download(release_id, "pack", who)
        if self.reporting.wipe_grace.total_seconds() == 0:
            try:
                self.reporting.run_due_wipes()
            except KafkaUnavailable:   # the pack is given; the automatic wipe's next check sends it again
                pass
        return attachment(body, name, mimetype)

    @page("administer")
    def wipe(self, who: Identity, release_id: str):
        """Sends the wipe and shows the release's page, which reloads itself until the outcome arrives."""
        self.reporting.wipe(release_id, who)
        return redirect(url_for("web.report", release_id=release_id) + "#wipe")

    @page()
    def chart(self, who: Identity, release_id: str, figure_id: str):
        svg = self.reporting.documents.chart(self.reporting.release(release_id), figure_id)
        if svg is None:
            raise NotFound("No such chart")
        return Response(svg, mimetype="image/svg+xml")

    @page()
    def download(self, who: Identity, release_id: str, kind: str):
        if kind == "pack" and who.may("administer"):   # an administrator's pack starts the wipe: confirm first
            return redirect(url_for("web.confirm_pack", release_id=release_id))
        return attachment(*self.reporting.download(release_id, kind, who))

    # -- administrators -------------------------------------------------------------------------

    @page("administer")
    def audit(self, who: Identity):
        return render_template("audit.html", role=who.role, active="audit",
                               entries=self.reporting.audit.trail.entries())

    @page("administer")
    def operator(self, who: Identity):
        try:
            view = self.lifetimes.view()
        except KafkaUnavailable:
            return problem(who, 503, "Sorry, where data is kept cannot be shown right now",
                           "The broker did not answer. Try again in a few minutes.")
        return render_template("operator.html", role=who.role, active="operator", states=view["states"],
                               keys=view["keys"], prefix=self.lifetimes.prefix, duration=lifetimes.duration,
                               hours=lifetimes.hours)
