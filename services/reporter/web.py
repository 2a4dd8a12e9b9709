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
from .reporting import NotFound, NotYet, Reporting

SESSION_SECONDS = 8 * 60 * 60


def safe_next(value: str | None) -> str:
    """Where to go after signing in: a path on this site only."""
    return value if value and value.startswith("/") and not value.startswith("//") else url_for("web.releases")


def create_blueprint(reporting: Reporting, tokens, settings, limiter) -> Blueprint:
    web = Blueprint("web", __name__, template_folder="templates")

    def current() -> Identity | None:
        role, subject, issued = session.get("role"), session.get("subject"), session.get("issued", 0)
        if role and subject and time.time() - issued < SESSION_SECONDS:
            return Identity(subject, role)
        session.clear()
        return None

    def page(permission: str = "read"):
        def deco(view):
            @wraps(view)
            def wrapper(*args, **kwargs):
                who = current()
                if who is None:
                    return redirect(url_for("web.sign_in", next=request.path))
                if not who.may(permission):
                    return problem(who, 403, "You cannot see this page", "It is for the portal's administrators.")
                return view(who, *args, **kwargs)
            return wrapper
        return deco

    def problem(who: Identity | None, code: int, title: str, line: str):
        return render_template("problem.html", role=who.role if who else None, title=title, lines=[line]), code

    @web.errorhandler(NotFound)
    def _not_found(exc: NotFound):
        return problem(current(), 404, "Page not found", str(exc) + ".")

    @web.errorhandler(NotYet)
    def _not_yet(exc: NotYet):
        return problem(current(), 409, "The records cannot be wiped yet", str(exc) + ".")

    @web.errorhandler(KafkaUnavailable)
    def _unavailable(exc: KafkaUnavailable):
        return problem(current(), 503, "Sorry, this cannot be done right now",
                       "The portal could not record it in the audit log, so nothing was done. Try again later.")

    single_sign_on = settings.oidc is not None

    @web.get("/sign-in")
    def sign_in_page():
        return render_template("sign_in.html", next=safe_next(request.args.get("next")), role=None,
                               single_sign_on=single_sign_on)

    @web.post("/sign-in")
    def sign_in():
        if not limiter.allow(request.remote_addr or ""):
            return render_template("sign_in.html", next=safe_next(request.form.get("next")), role=None,
                                   single_sign_on=single_sign_on, errors=[{
                                       "text": "Too many sign-in attempts. Wait a few minutes and try again",
                                       "href": "#token"}]), 429
        who = tokens.identify(request.form.get("token", ""))
        if who is None:
            reporting.audit.record("sign_in_refused", None)
            return render_template("sign_in.html", next=safe_next(request.form.get("next")), role=None,
                                   single_sign_on=single_sign_on,
                                   errors=[{"text": "Enter a valid access token", "href": "#token"}]), 401
        reporting.audit.record("signed_in", who)
        session.clear()
        session.update(role=who.role, subject=who.subject, issued=int(time.time()))
        return redirect(safe_next(request.form.get("next")))

    @web.post("/sign-out")
    def sign_out():
        who = current()
        if who is not None:
            reporting.audit.record("signed_out", who)
        via = session.get("via")
        session.clear()
        # Signed in through the identity provider: end its session too.
        return redirect(url_for("oidc.signed_out") if via == "oidc" else url_for("web.sign_in"))

    @web.get("/")
    def home():
        return redirect(url_for("web.releases"))

    @web.get("/releases")
    @page()
    def releases(who: Identity):
        requested = request.args.get("requested", "")
        requested = requested if RELEASE_ID.match(requested) else None
        listing = list(reversed(reporting.book.listing()))
        state = next((e for e in listing if e["release_id"] == requested), None) if requested else None
        return render_template("releases.html", role=who.role, active="releases", listing=listing,
                               latest=reporting.book.latest_id(), requested=requested, requested_state=state,
                               may_request=who.may("administer"), period=labels.period, day=labels.day)

    @web.post("/releases")
    @page("administer")
    def request_release(who: Identity):
        return redirect(url_for("web.releases", requested=reporting.request_release(who)))

    @web.get("/releases/<release_id>")
    @page()
    def report(who: Identity, release_id: str):
        if refused := reporting.refusal(release_id):
            return render_template("problem.html", role=who.role, title=f"Release {release_id} was refused",
                                   lines=[f"Refused on {labels.day(refused['refused_on'])}.", refused["reason"]])
        doc = reporting.release(release_id)
        rid = doc["release_id"]
        wipe = None
        if who.may("administer"):
            due = reporting.wipe_due_at(rid)
            wipe = {"ready": due is not None, "due": wipe_when(due), "grace": grace_words(),
                    "outcome": reporting.wipes.latest(rid)}
        return render_template("report/page.html", role=who.role, active="releases", wipe=wipe, day=labels.day,
                               report=reporting.documents.report(doc),
                               chart_src=lambda f: url_for("web.chart", release_id=doc["release_id"], figure_id=f.id))

    def grace_words() -> str:
        days = reporting.wipe_grace.total_seconds() / 86400
        if days == 0:
            return "straight after the download"
        return f"{days:g} {'day' if days == 1 else 'days'} after the download"

    def wipe_when(due) -> str | None:
        if due is None:
            return None
        return "within a few minutes" if due <= datetime.now(timezone.utc) else f"on {labels.day(due.date().isoformat())}"

    @web.get("/releases/<release_id>/pack")
    @page("administer")
    def confirm_pack(who: Identity, release_id: str):
        """The confirmation step before an administrator's pack download, which starts the wipe."""
        doc = reporting.release(release_id)
        return render_template("report/confirm_pack.html", role=who.role, active="releases",
                               release_id=doc["release_id"], grace=grace_words(),
                               wiped=reporting.wipes.wiped(doc["release_id"]))

    @web.post("/releases/<release_id>/pack")
    @page("administer")
    def download_pack(who: Identity, release_id: str):
        body, name, mimetype = reporting.download(release_id, "pack", who)
        if reporting.wipe_grace.total_seconds() == 0:
            reporting.run_due_wipes()
        return Response(body, mimetype=mimetype, headers={"Content-Disposition": f'attachment; filename="{name}"'})

    @web.post("/releases/<release_id>/wipe")
    @page("administer")
    def wipe(who: Identity, release_id: str):
        reporting.wipe(release_id, who)
        return redirect(url_for("web.report", release_id=release_id) + "#wipe")

    @web.get("/releases/<release_id>/charts/<figure_id>.svg")
    @page()
    def chart(who: Identity, release_id: str, figure_id: str):
        svg = reporting.documents.chart(reporting.release(release_id), figure_id)
        if svg is None:
            raise NotFound("No such chart")
        return Response(svg, mimetype="image/svg+xml")

    @web.get("/releases/<release_id>/download/<kind>")
    @page()
    def download(who: Identity, release_id: str, kind: str):
        if kind == "pack" and who.may("administer"):   # an administrator's pack starts the wipe: confirm first
            return redirect(url_for("web.confirm_pack", release_id=release_id))
        body, name, mimetype = reporting.download(release_id, kind, who)
        return Response(body, mimetype=mimetype, headers={"Content-Disposition": f'attachment; filename="{name}"'})

    @web.get("/audit")
    @page("administer")
    def audit(who: Identity):
        return render_template("audit.html", role=who.role, active="audit", entries=reporting.audit.trail.entries())

    @web.get("/operator")
    @page("administer")
    def operator(who: Identity):
        view = lifetimes.operator_view(settings.kafka_bootstrap, settings.topics, settings.keys_dir)
        return render_template("operator.html", role=who.role, active="operator", states=view["states"],
                               keys=view["keys"], prefix=settings.topics.prefix, duration=lifetimes.duration,
                               hours=lifetimes.hours)

    return web
