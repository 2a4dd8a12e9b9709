"""The JSON API: one report per request, validated by the same schema as the form."""
from __future__ import annotations

import logging

from flask import Blueprint, current_app, jsonify, request

from services.common.kafka import KafkaUnavailable

from . import openapi, submission
from .protection import RateLimiter

log = logging.getLogger("intake")
UNAVAILABLE = ("Sorry, the service is unavailable. Your report has not been sent. "
               "Please try again later.")


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
        body = request.get_json(silent=True)
        if body is None:
            return _errors(400, "The body is not valid JSON")
        try:
            send(body)
        except submission.Invalid as exc:
            return jsonify(errors=exc.errors), 400
        except KafkaUnavailable:
            return current_app.response_class(UNAVAILABLE, status=503, mimetype="text/plain")
        return jsonify(status="accepted"), 202

    @bp.get("/openapi.json")
    def openapi_document():
        return jsonify(document)

    return bp
