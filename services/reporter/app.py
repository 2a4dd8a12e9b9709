"""Reporter: the steering group's report, exports and API over released tables, its pages, and
release requests. The composition root: the service (service.py) is built once, then the
pages, the API and single sign-on are wired around it."""
from __future__ import annotations

import gettext
import secrets

from flask import Flask, jsonify, render_template, request
from werkzeug.exceptions import HTTPException

from services.common import web as common_web

from . import api, oidc, web
from .audit import AuditTrail
from .releases import ReleaseBook
from .reporting import WipeLedger
from .service import Service, build
from .settings import Settings

NO_TRANSLATION = gettext.NullTranslations()   # the reporter's pages are in English only


def create_app(settings: Settings | None = None, book: ReleaseBook | None = None, publisher=None,
               start_reader: bool = True, trail: AuditTrail | None = None, wipes: WipeLedger | None = None) -> Flask:
    settings = settings or Settings.from_env()
    service = build(settings, book, publisher, trail, wipes, start_reader)
    app = Flask(__name__, static_folder="static", static_url_path="/assets")
    app.secret_key = secrets.token_bytes(32)   # sessions end when the process does
    app.config.update(SESSION_COOKIE_HTTPONLY=True, SESSION_COOKIE_SAMESITE="Strict",
                      SESSION_COOKIE_SECURE=settings.secure_cookies, SESSION_COOKIE_NAME="reporter_session")
    common_web.pages(app, lambda: NO_TRANSLATION)
    common_web.secure(app, cache_control, csp=content_policy(settings))
    app.register_error_handler(HTTPException, http_error)
    app.add_url_rule("/healthz", "healthz", lambda: healthz(service))
    app.extensions["reporting"] = service.reporting
    app.register_blueprint(api.blueprint(service, settings))
    app.register_blueprint(web.create_blueprint(service, settings))
    if settings.oidc is not None:
        app.register_blueprint(oidc.create_blueprint(oidc.Provider(settings.oidc), service.reporting, service.limiter,
                                                     app.secret_key, settings.secure_cookies, web.safe_next))
    return app


def cache_control(path: str) -> str:
    """Reports are not for caches; the design system's files may be."""
    return "public, max-age=3600" if path.startswith("/assets/") else "no-store"


def content_policy(settings: Settings) -> str:
    """Signing out of single sign-on ends at the provider: the sign-out form's redirect goes there."""
    if settings.oidc is None:
        return common_web.CSP
    return common_web.CSP.replace("form-action 'self'", f"form-action 'self' {oidc.origin(settings.oidc.issuer)}")


def http_error(exc: HTTPException):
    if request.path.startswith("/api/"):
        return jsonify(error=exc.description or exc.name), exc.code
    return render_template("problem.html", role=None, title=exc.name, lines=[exc.description]), exc.code


def healthz(service: Service):
    reading = service.reading()
    return jsonify(status="ok" if reading else "starting", releases=len(service.reporting.book.ids())), \
        200 if reading else 503
