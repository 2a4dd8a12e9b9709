"""Reporter: the steering group's report, exports and API over released tables, its pages, and
release requests. The composition root: settings, tokens, the release book and audit trail
(filled by one reader of the releases and audit topics), the documents, the blueprints."""
from __future__ import annotations

import logging
import secrets
import threading
import time

from flask import Flask, jsonify, render_template, request
from jinja2 import ChainableUndefined, ChoiceLoader, FileSystemLoader, PackageLoader
from werkzeug.exceptions import HTTPException

from services.common.kafka import SyncProducer
from services.intake.protection import RateLimiter

from . import api, oidc, web
from .audit import AuditLog, AuditTrail
from .auth import Tokens
from .consumer import reader as topic_reader
from .documents import Documents
from .releases import ReleaseBook
from .reporting import Reporting, WipeLedger
from .settings import Settings

log = logging.getLogger("reporter")
CSP = ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self'; font-src 'self'; "
       "connect-src 'self'; manifest-src 'self'; object-src 'none'; form-action 'self'; "
       "frame-ancestors 'none'; base-uri 'none'")


def create_app(settings: Settings | None = None, book: ReleaseBook | None = None,
               publisher=None, start_reader: bool = True, trail: AuditTrail | None = None,
               wipes: WipeLedger | None = None, wipe_wait: float = 60.0) -> Flask:
    settings = settings or Settings.from_env()
    app = Flask(__name__, static_folder="static", static_url_path="/assets")
    app.secret_key = secrets.token_bytes(32)   # sessions end when the process does
    app.config.update(SESSION_COOKIE_HTTPONLY=True, SESSION_COOKIE_SAMESITE="Strict",
                      SESSION_COOKIE_SECURE=settings.secure_cookies, SESSION_COOKIE_NAME="reporter_session")
    app.jinja_options = {**app.jinja_options, "autoescape": True, "undefined": ChainableUndefined,
                         "loader": ChoiceLoader([FileSystemLoader(app.root_path + "/templates"),
                                                 PackageLoader("nhsuk_frontend_jinja")])}
    # Signing out of single sign-on ends at the provider: the sign-out form's redirect goes there.
    csp = CSP if settings.oidc is None else CSP.replace(
        "form-action 'self'", f"form-action 'self' {oidc.origin(settings.oidc.issuer)}")
    tokens = Tokens(settings.token_roles())
    book = book if book is not None else ReleaseBook()
    trail = trail if trail is not None else AuditTrail()
    producer = _shared(publisher, settings.kafka_bootstrap)
    audit = AuditLog(settings.topics.audit, trail, producer)
    reporting = Reporting(book, Documents(), audit, settings.topics.commands, producer, wipes, wipe_wait,
                          settings.wipe_grace_days)
    reader = topic_reader(settings.kafka_bootstrap, settings.topics.releases, book, settings.topics.audit,
                          trail, settings.topics.wipes, reporting.wipes).start() if start_reader else None
    if start_reader:
        threading.Thread(target=_wipe_when_due, args=(reporting, reader, settings.wipe_check_seconds),
                         daemon=True, name="automatic-wipe").start()

    @app.after_request
    def _headers(resp):
        # Reports are not for caches; the design system's files may be.
        resp.headers["Cache-Control"] = "public, max-age=3600" if request.path.startswith("/assets/") else "no-store"
        resp.headers["X-Content-Type-Options"] = "nosniff"
        resp.headers["Referrer-Policy"] = "no-referrer"
        resp.headers["Content-Security-Policy"] = csp
        resp.headers["Cross-Origin-Opener-Policy"] = "same-origin"
        resp.headers["Cross-Origin-Resource-Policy"] = "same-origin"
        resp.headers["X-Frame-Options"] = "DENY"
        return resp

    @app.errorhandler(HTTPException)
    def _http_error(exc: HTTPException):
        if request.path.startswith("/api/"):
            return jsonify(error=exc.description or exc.name), exc.code
        return render_template("problem.html", role=None, title=exc.name, lines=[exc.description]), exc.code

    @app.get("/healthz")
    def healthz():
        reading = reader is None or reader.running
        return jsonify(status="ok" if reading else "starting", releases=len(book.ids())), 200 if reading else 503

    app.extensions["reporting"] = reporting
    app.register_blueprint(api.blueprint(reporting, tokens.from_header, settings))
    limiter = RateLimiter(*settings.sign_in_limit)   # keeps no address: see intake/protection.py
    app.register_blueprint(web.create_blueprint(reporting, tokens, settings, limiter))
    if settings.oidc is not None:
        app.register_blueprint(oidc.create_blueprint(oidc.Provider(settings.oidc), reporting, limiter,
                                                     app.secret_key, settings.secure_cookies, web.safe_next))
    return app


def _wipe_when_due(reporting: Reporting, reader, every: float) -> None:
    """Send each automatic wipe once it is due, once the topics have been read (so that the audit
    log already shows the downloads and wipes made before a restart)."""
    while True:
        time.sleep(every)
        if not reader.running:
            continue
        try:
            reporting.run_due_wipes()
        except Exception as exc:   # the broker is away: try again at the next check
            log.warning("automatic wipe not sent", extra={"error_class": type(exc).__name__})


def _shared(publisher, bootstrap: str):
    """One acknowledged producer for release commands and audit entries, made on first use."""
    state, lock = {"publisher": publisher}, threading.Lock()

    def get():
        with lock:
            if state["publisher"] is None:
                state["publisher"] = SyncProducer(bootstrap)
            return state["publisher"]
    return get
