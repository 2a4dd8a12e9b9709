"""Intake: the report form and the JSON API. Stores nothing; logs no content or addresses."""
from __future__ import annotations

import logging

from flask import Flask, jsonify, render_template, request
from werkzeug.exceptions import HTTPException

from services.common import sealing
from services.common.kafka import KafkaUnavailable, SyncProducer
from services.contracts import events
from services.contracts.questionnaire import load

from . import submission
from .settings import Settings

log = logging.getLogger("intake")
UNAVAILABLE = ("Sorry, the service is unavailable. Your report has not been sent. "
               "Please try again later.")


def create_app(settings: Settings | None = None, publisher=None) -> Flask:
    settings = settings or Settings.from_env()
    app = Flask(__name__)
    app.config["MAX_CONTENT_LENGTH"] = 64 * 1024
    questionnaire = load()
    sealing.newest_public(settings.keys_dir)  # refuse to start without a sealing key
    state = {"publisher": publisher}

    def publish(raw: bytes, event_id: str) -> None:
        if state["publisher"] is None:
            state["publisher"] = SyncProducer(settings.kafka_bootstrap)
        # No log line per report: an id beside an exact time would undo the month-only rule.
        state["publisher"].send(settings.topics.raw, raw, key=event_id.encode())

    def accept(answers) -> None:
        event_id = events.new_event_id()
        raw = submission.raw_event(answers, event_id, submission.month_of())
        key_id, public_key = sealing.newest_public(settings.keys_dir)  # keys rotate: read each time
        publish(submission.sealed_event(raw, event_id, key_id, public_key), event_id)

    @app.after_request
    def _headers(resp):
        resp.headers["Referrer-Policy"] = "no-referrer"
        resp.headers["X-Content-Type-Options"] = "nosniff"
        resp.headers["Content-Security-Policy"] = (
            "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self'; "
            "form-action 'self'; frame-ancestors 'none'; base-uri 'none'")
        resp.headers["Cache-Control"] = "no-store"
        return resp

    @app.get("/healthz")
    def healthz():
        return jsonify(status="ok")

    @app.post("/api/v1/reports")
    def api_report():
        body = request.get_json(silent=True)
        if body is None:
            return jsonify(errors={"_schema": ["Send a JSON object with Content-Type application/json"]}), 400
        try:
            accept(body)
        except submission.Invalid as exc:
            return jsonify(errors=exc.errors), 400
        except KafkaUnavailable as exc:
            log.warning("broker unavailable", extra={"error_class": str(exc)})
            return app.response_class(UNAVAILABLE, status=503, mimetype="text/plain")
        return jsonify(status="accepted"), 202

    @app.get("/")
    def form():
        return render_template("form.html", q=questionnaire, answers={}, errors={})

    @app.post("/")
    def form_post():
        answers = submission.from_form(request.form, questionnaire)
        try:
            accept(answers)
        except submission.Invalid as exc:
            return render_template("form.html", q=questionnaire, answers=answers, errors=exc.errors), 400
        except KafkaUnavailable as exc:
            log.warning("broker unavailable", extra={"error_class": str(exc)})
            return render_template("form.html", q=questionnaire, answers=answers, errors={},
                                   unavailable=UNAVAILABLE), 503
        return render_template("confirmation.html")

    @app.errorhandler(HTTPException)
    def _http_error(exc: HTTPException):
        if request.path.startswith("/api/"):
            return jsonify(errors={"_schema": [exc.description]}), exc.code
        return exc

    return app
