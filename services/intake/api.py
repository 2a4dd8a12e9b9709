"""The JSON API: one report per request, validated by the same schema as the form."""
from __future__ import annotations

import logging

from flask import Blueprint, current_app, jsonify, request

from services.common.kafka import KafkaUnavailable

from . import openapi, submission
from .protection import RateLimiter

log = logging.getLogger("intake")
UNAVAILABLE = ("Sorry, the service is unavailable: your report may not have been sent. Sending it again "
               "with this event_id is safe: a report is counted once, however often it is sent.")


# The 202's body, written once: the bytes jsonify(status="accepted") writes (a test holds them equal).
ACCEPTED = b'{"status":"accepted"}\n'


def _errors(status: int, message: str):
    return jsonify(errors={"_schema": [message]}), status


def blueprint(send, limiter: RateLimiter) -> Blueprint:
    bp = Blueprint("api", __name__, url_prefix="/api/v1")
    document = openapi.document()

    @bp.post("/reports")
    def report():
        if request.mimetype != "application/json":
            return _errors(415, "Send the report as JSON, with Content-Type: application/json")
        if not limiter.allow(request.remote_addr or ""):
            return _errors(429, "Too many reports from this network address; try again later")
        body = submission.json_body(request.get_data(cache=False))
        if body is None:
            return _errors(400, "The body is not valid JSON")
        try:
            event_id = submission.take_event_id(body)
            send(body, event_id)
        except submission.Invalid as exc:
            return jsonify(errors=exc.errors), 400
        except KafkaUnavailable:
            # The record may still reach the broker: say so, and give the key that makes resending safe.
            return jsonify(errors={"_schema": [UNAVAILABLE]}, event_id=event_id), 503, {"Retry-After": "30"}
        return current_app.response_class(ACCEPTED, 202, mimetype="application/json")

    @bp.get("/openapi.json")
    def openapi_document():
        return jsonify(document)

    return bp
