"""The steering group's API: released tables only, whole, by release id and table id.

No call takes a query parameter: a filter, a date range or anything else that could narrow a
table is refused with 400 before any data is looked at. Every call but the OpenAPI document
needs a bearer token (401), and administrative calls an administrator's (403)."""
from __future__ import annotations

from functools import wraps

from flask import Blueprint, Response, g, jsonify, request, url_for

from services.common import lifetimes
from services.common.kafka import KafkaUnavailable

from . import schemas
from .identity import Identity
from .openapi import document as openapi_document
from .reporting import CommandUnaudited, NotFound, NotYet

FILES = {"report.pdf": "pdf", "report.html": "html", "figures.csv": "csv", "figures.xlsx": "xlsx", "pack.zip": "pack"}
PUBLIC = {"api.openapi"}
UNAVAILABLE = "The broker did not acknowledge; nothing was done. Try again later"
# A command the broker did not acknowledge (CommandNotSent), or whose audit entry it did not (CommandUnaudited).
NOT_SENT = ("The broker did not acknowledge the {kind} request within 5 seconds: it may not have been sent, or may "
            "still arrive. The audit log records the failure. {check} before asking again")
UNAUDITED = ("The {kind} request was sent, but the broker did not acknowledge its audit log entry within 5 seconds. "
             "{check} before asking again")
CHECK = {"release": "Check the list of releases", "wipe": "Check GET /api/v1/releases/{release_id}/wipe"}


def command_unavailable(kind: str, exc: KafkaUnavailable, release_id: str = ""):
    words = UNAUDITED if isinstance(exc, CommandUnaudited) else NOT_SENT
    check = CHECK[kind].format(release_id=release_id)
    return jsonify(error=words.format(kind=kind, check=check)), 503, {"Retry-After": "30"}


def may(permission: str):
    """An API view for a bearer whose role allows `permission`."""
    def deco(view):
        @wraps(view)
        def wrapper(*args, **kwargs):
            who: Identity = g.identity
            if not who.may(permission):
                return jsonify(error="Your role does not allow this"), 403
            return view(*args, **kwargs)
        return wrapper
    return deco


def error(status: int):
    return lambda exc: (jsonify(error=str(exc)), status)


def blueprint(service, settings) -> Blueprint:
    views = Views(service)
    api = Blueprint("api", __name__, url_prefix="/api/v1")
    api.before_request(views.gate)
    api.register_error_handler(NotFound, error(404))
    api.register_error_handler(NotYet, error(409))
    api.register_error_handler(KafkaUnavailable, lambda exc: (jsonify(error=UNAVAILABLE), 503))
    for rule, view, methods in views.routes():
        api.add_url_rule(rule, view_func=view, methods=methods)
    return api


class Views:
    def __init__(self, service):
        self.reporting, self.tokens, self.lifetimes = service.reporting, service.tokens, service.lifetimes

    def routes(self):
        rid = "/releases/<release_id>"
        return [("/openapi.json", self.openapi, ["GET"]), ("/releases", self.listing, ["GET"]),
                ("/releases", self.request_release, ["POST"]), (rid, self.one, ["GET"]),
                (rid + "/tables/<table_id>", self.table, ["GET"]), (rid + "/wipe", self.wipe, ["POST"]),
                (rid + "/wipe", self.wipe_outcome, ["GET"]), (rid + "/<file_name>", self.download, ["GET"]),
                ("/audit", self.audit, ["GET"]), ("/operator/lifetimes", self.operator_lifetimes, ["GET"])]

    def gate(self):
        if request.endpoint not in PUBLIC:
            g.identity = self.tokens.from_header(request.headers.get("Authorization"))
            if g.identity is None:
                return jsonify(error="A valid bearer token is required"), 401
        if request.args:
            return jsonify(error="This API takes no query parameters: releases and their tables are served "
                                 f"whole, by id (found: {', '.join(sorted(request.args))[:200]})"), 400

    def openapi(self):
        return jsonify(openapi_document())

    @may("read")
    def listing(self):
        return jsonify(schemas.ReleaseList().dump({"releases": self.reporting.book.ids(),
                                                   "listing": self.reporting.book.listing()}))

    @may("administer")
    def request_release(self):
        try:
            release_id = self.reporting.request_release(g.identity)
        except KafkaUnavailable as exc:
            return command_unavailable("release", exc)
        return jsonify(schemas.Requested().dump({"release_id": release_id, "status": "requested"})), 202

    @may("read")
    def one(self, release_id: str):
        if refused := self.reporting.refusal(release_id):
            return jsonify(schemas.Refusal().dump(refused))
        return jsonify(schemas.Release().dump(self.reporting.release(release_id)))

    @may("read")
    def table(self, release_id: str, table_id: str):
        return jsonify(schemas.ReleaseTable().dump(self.reporting.table(release_id, table_id)))

    @may("administer")
    def wipe(self, release_id: str):
        """Answers 202 at once; the outcome is read with GET on the same path (Location)."""
        try:
            outcome = self.reporting.wipe(release_id, g.identity)
        except KafkaUnavailable as exc:
            return command_unavailable("wipe", exc, release_id)
        where = url_for("api.wipe_outcome", release_id=outcome.release_id)
        return jsonify(schemas.Requested().dump(outcome)), 202, {"Location": where, "Retry-After": "5"}

    @may("administer")
    def wipe_outcome(self, release_id: str):
        return jsonify(self.reporting.wipe_outcome(release_id))   # as decoded: already in schemas.Wipe's form

    @may("read")
    def download(self, release_id: str, file_name: str):
        if file_name not in FILES:
            raise NotFound("No such file: " + ", ".join(FILES) + " are served")
        body, name, mimetype = self.reporting.download(release_id, FILES[file_name], g.identity)
        return Response(body, mimetype=mimetype, headers={"Content-Disposition": f'attachment; filename="{name}"'})

    @may("administer")
    def audit(self):
        return jsonify(schemas.AuditLog().dump({"entries": self.reporting.audit.trail.entries()}))

    @may("administer")
    def operator_lifetimes(self):
        """Per topic: within its bound or not, the oldest record's age in clock hours, the bound;
        the sealing keys held and when each is destroyed. No record counts, no exact times."""
        view = self.lifetimes.view()
        return jsonify(schemas.Lifetimes().dump(lifetimes.as_dict(view["states"], view["keys"])))
