"""Reporter: the steering group's API over released tables, and release requests."""
from __future__ import annotations

import asyncio
import logging
import secrets
from datetime import date
from functools import wraps

from flask import Flask, g, jsonify, request

from services.common import lifetimes
from services.common.kafka import KafkaUnavailable, SyncProducer
from services.contracts import events

from .auth import Tokens
from .consumer import ReleaseReader
from .releases import ReleaseBook
from .settings import Settings
from .web import create_blueprint

log = logging.getLogger("reporter")
ADMIN, VIEWER = "admin", "viewer"


def create_app(settings: Settings | None = None, book: ReleaseBook | None = None,
               publisher=None, start_reader: bool = True) -> Flask:
    settings = settings or Settings.from_env()
    app = Flask(__name__)
    app.secret_key = secrets.token_bytes(32)   # sessions end when the process does
    app.config.update(SESSION_COOKIE_HTTPONLY=True, SESSION_COOKIE_SAMESITE="Strict",
                      SESSION_COOKIE_SECURE=settings.secure_cookies, SESSION_COOKIE_NAME="reporter_session")
    tokens = Tokens({settings.admin_token_hash: ADMIN})
    book = book if book is not None else ReleaseBook()
    reader = ReleaseReader(settings.kafka_bootstrap, settings.topics.releases, book).start() \
        if start_reader else None
    state = {"publisher": publisher}

    def require(*roles):
        def deco(view):
            @wraps(view)
            def wrapper(*args, **kwargs):
                role = tokens.role_of(request.headers.get("Authorization"))
                if role is None:
                    return jsonify(error="A valid bearer token is required"), 401
                if role not in roles:
                    return jsonify(error="Your role does not allow this"), 403
                g.role = role
                return view(*args, **kwargs)
            return wrapper
        return deco

    @app.after_request
    def _headers(resp):
        resp.headers["Cache-Control"] = "no-store"
        resp.headers["X-Content-Type-Options"] = "nosniff"
        resp.headers["Referrer-Policy"] = "no-referrer"
        resp.headers["Content-Security-Policy"] = (
            "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self'; "
            "form-action 'self'; frame-ancestors 'none'; base-uri 'none'")
        return resp

    @app.get("/healthz")
    def healthz():
        reading = reader is None or reader.running
        return jsonify(status="ok" if reading else "starting", releases=len(book.ids())), 200 if reading else 503

    @app.post("/api/v1/releases")
    @require(ADMIN)
    def request_release():
        release_id = f"{date.today():%Y%m%d}-{secrets.token_hex(4)}"
        command = events.encode(events.Command, {"schema_version": events.SCHEMA_VERSION,
                                                 "command_id": events.new_event_id(),
                                                 "kind": "release", "release_id": release_id})
        if state["publisher"] is None:
            state["publisher"] = SyncProducer(settings.kafka_bootstrap)
        try:
            state["publisher"].send(settings.topics.commands, command, key=release_id.encode())
        except KafkaUnavailable:
            return jsonify(error="The release could not be requested: try again later"), 503
        log.info("release requested", extra={"release_id": release_id})
        return jsonify(release_id=release_id, status="requested"), 202

    @app.get("/api/v1/releases/latest")
    @require(ADMIN, VIEWER)
    def latest():
        release_id = book.latest_id()
        if release_id is None:
            return jsonify(error="No release has been published yet"), 404
        return jsonify(book.get(release_id))

    @app.get("/api/v1/releases/<release_id>")
    @require(ADMIN, VIEWER)
    def one(release_id: str):
        doc = book.get(release_id)
        if doc is None:
            return jsonify(error="No such release"), 404
        return jsonify(doc)

    @app.get("/api/v1/releases")
    @require(ADMIN, VIEWER)
    def listing():
        return jsonify(releases=book.ids())

    @app.get("/api/v1/operator/lifetimes")
    @require(ADMIN)
    def operator_lifetimes():
        """Each topic's records, oldest record's age and worst-case lifetime on disk."""
        states = asyncio.run(lifetimes.survey(settings.kafka_bootstrap, settings.topics))
        return jsonify(topics=lifetimes.as_dicts(states))

    app.register_blueprint(create_blueprint(tokens, settings, ADMIN))
    return app
