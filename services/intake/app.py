"""Intake: the report form and the JSON API. Stores nothing; logs no content or addresses."""
from __future__ import annotations

import logging
import threading

from flask import Flask, jsonify, render_template, request
from werkzeug.exceptions import HTTPException
from werkzeug.middleware.proxy_fix import ProxyFix

from services.common import web as common_web
from services.common.public_keys import FolderPublicKeys, PublicKeys, TopicPublicKeys
from services.common.kafka import KafkaUnavailable, SyncProducer
from services.contracts import deployment, events
from services.contracts.questionnaire import load

from . import api, i18n, submission, web
from .i18n import N_, _
from .protection import FormClock, RateLimiter
from .settings import Settings

log = logging.getLogger("intake")
MAX_BODY = 64 * 1024
PROBLEMS = {
    400: (N_("Sorry, this page could not be read"), N_("Go back and try again.")),
    404: (N_("Page not found"), N_("If you typed the web address, check it is correct.")),
    405: (N_("Page not found"), N_("If you typed the web address, check it is correct.")),
    413: (N_("Your report is too long to send"), N_("Go back and make the text shorter.")),
    429: (N_("Sorry, there have been too many reports from your network"), N_("Try again in 10 minutes.")),
    500: (N_("Sorry, there is a problem with the service"), N_("Try again later.")),
}


class Sender:
    """Validates, seals and publishes one report; returns only once the broker acknowledged."""

    def __init__(self, settings: Settings, publisher=None, public_keys: PublicKeys | None = None):
        self._settings = settings
        self._keys = public_keys or _public_keys(settings)
        self._keys.newest()  # refuse to start without a sealing key
        self._publisher = publisher
        self._lock = threading.Lock()

    def __call__(self, answers, event_id: str | None = None) -> None:
        """`event_id` is the report's idempotency key (the form's or the API client's); the
        broker may still get a report whose send raised KafkaUnavailable, so a resend must
        carry the same id."""
        event_id = event_id or events.new_event_id()
        raw = submission.raw_event(answers, event_id, submission.month_of())
        key_id, public_key = self._keys.newest()
        sealed = submission.sealed_event(raw, event_id, key_id, public_key)
        try:
            # No log line per report: an id beside an exact time would undo the month-only rule.
            self._producer().send(self._settings.topics.raw, sealed, key=event_id.encode())
        except KafkaUnavailable as exc:
            log.warning("broker unavailable", extra={"error_class": str(exc)})
            raise

    def _producer(self):
        with self._lock:
            if self._publisher is None:
                # each report stands alone: sent together, reports share one batch (StickyPartitioner)
                self._publisher = SyncProducer(self._settings.kafka_bootstrap, any_partition=True)
            return self._publisher


KEY_WAIT_S = 30   # how long a starting intake waits for the first public key on the topic


def _public_keys(settings: Settings) -> PublicKeys:
    """The signed keys topic when a verify key is set (any number of machines); else the folder."""
    if settings.verify_key is None:
        return FolderPublicKeys(settings.keys_dir)
    keys = TopicPublicKeys(settings.kafka_bootstrap, settings.topics.public_keys, settings.verify_key)
    keys.wait(KEY_WAIT_S)
    return keys


def create_app(settings: Settings | None = None, publisher=None) -> Flask:
    settings = settings or Settings.from_env()
    app = Flask(__name__, static_folder="static", static_url_path="/assets")
    app.config.update(MAX_CONTENT_LENGTH=MAX_BODY, MAX_FORM_MEMORY_SIZE=MAX_BODY, MAX_FORM_PARTS=500)
    # Every string a person reads comes from the catalogue of their language (i18n.py).
    common_web.pages(app, i18n.current)
    common_web.secure(app, cache_control, hsts=settings.hsts)
    send = Sender(settings, publisher)
    limiter = RateLimiter(settings.rate_limit, settings.rate_window)
    clock = FormClock(settings.min_seconds, settings.form_max_age, settings.form_key)
    app.register_blueprint(api.blueprint(send, limiter))
    app.register_blueprint(web.blueprint(load(), send, limiter, clock, deployment.load()))
    app.add_url_rule("/healthz", "healthz", healthz)
    app.register_error_handler(HTTPException, http_error)
    app.register_error_handler(Exception, unexpected)
    if settings.trusted_proxies:
        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=settings.trusted_proxies)
    return app


def healthz():
    return jsonify(status="ok")


def cache_control(path: str) -> str:
    """The design system's files may be cached by anyone. A page of the form may be kept only by
    the person's own browser, so that its Back button shows the page as it was instead of
    asking to send the form again (a page reached by POST that the browser may not keep cannot
    be shown again without sending it again); `no-cache` makes the browser ask afresh whenever
    it is not going back or forward. Nothing else may keep a page or an API answer.
    /report/cleared makes the browser forget every page it kept (web.py)."""
    if path.startswith("/assets/"):
        return "public, max-age=3600"
    if path.startswith("/api/") or path == "/healthz":
        return "no-store"
    return "private, no-cache"


def http_error(exc: HTTPException):
    if request.path.startswith("/api/"):
        return jsonify(errors={"_schema": [exc.description]}), exc.code
    title, line = PROBLEMS.get(exc.code, PROBLEMS[400])
    return render_template("problem.html", title=_(title), lines=[_(line)]), exc.code


def unexpected(exc: Exception):
    # The class only: an exception's message or traceback could quote what someone wrote.
    log.error("unexpected error", extra={"error_class": type(exc).__name__})
    if request.path.startswith("/api/"):
        return jsonify(errors={"_schema": ["Sorry, something went wrong; nothing was stored"]}), 500
    title, line = PROBLEMS[500]
    return render_template("problem.html", title=_(title), lines=[_(line)]), 500
