"""The steering group's API: released tables only, whole, by release id and table id.

No call takes a query parameter: a filter, a date range or anything else that could narrow a
table is refused with 400 before any data is looked at. Every call but the OpenAPI document
needs a bearer token (401), and administrative calls an administrator's (403)."""
from __future__ import annotations

from functools import wraps

from flask import Blueprint, Response, g, jsonify, request

from services.common import lifetimes
from services.common.kafka import KafkaUnavailable

from . import schemas
from .identity import Identity
from .openapi import document as openapi_document
from .reporting import NotFound, NotYet, Reporting

FILES = {"report.pdf": "pdf", "report.html": "html", "figures.csv": "csv", "figures.xlsx": "xlsx", "pack.zip": "pack"}
PUBLIC = {"api.openapi"}


def blueprint(reporting: Reporting, identify, settings) -> Blueprint:
    api = Blueprint("api", __name__, url_prefix="/api/v1")

    @api.before_request
    def _gate():
        if request.endpoint not in PUBLIC:
            g.identity = identify(request.headers.get("Authorization"))
            if g.identity is None:
                return jsonify(error="A valid bearer token is required"), 401
        if request.args:
            return jsonify(error="This API takes no query parameters: releases and their tables are served "
                                 f"whole, by id (found: {', '.join(sorted(request.args))[:200]})"), 400

    def may(permission: str):
        def deco(view):
            @wraps(view)
            def wrapper(*args, **kwargs):
                who: Identity = g.identity
                if not who.may(permission):
                    return jsonify(error="Your role does not allow this"), 403
                return view(*args, **kwargs)
            return wrapper
        return deco

    @api.errorhandler(NotFound)
    def _not_found(exc: NotFound):
        return jsonify(error=str(exc)), 404

    @api.errorhandler(NotYet)
    def _not_yet(exc: NotYet):
        return jsonify(error=str(exc)), 409

    @api.errorhandler(KafkaUnavailable)
    def _unavailable(exc: KafkaUnavailable):
        return jsonify(error="The broker did not acknowledge; nothing was done. Try again later"), 503

    @api.get("/openapi.json")
    def openapi():
        return jsonify(openapi_document())

    @api.get("/releases")
    @may("read")
    def listing():
        return jsonify(schemas.ReleaseList().dump({"releases": reporting.book.ids(),
                                                   "listing": reporting.book.listing()}))

    @api.post("/releases")
    @may("administer")
    def request_release():
        release_id = reporting.request_release(g.identity)
        return jsonify(schemas.Requested().dump({"release_id": release_id, "status": "requested"})), 202

    @api.get("/releases/<release_id>")
    @may("read")
    def one(release_id: str):
        if refused := reporting.refusal(release_id):
            return jsonify(schemas.Refusal().dump(refused))
        return jsonify(schemas.Release().dump(reporting.release(release_id)))

    @api.get("/releases/<release_id>/tables/<table_id>")
    @may("read")
    def table(release_id: str, table_id: str):
        return jsonify(schemas.ReleaseTable().dump(reporting.table(release_id, table_id)))

    @api.post("/releases/<release_id>/wipe")
    @may("administer")
    def wipe(release_id: str):
        outcome = reporting.wipe(release_id, g.identity)
        if outcome.status == "requested":
            return jsonify(schemas.Requested().dump(outcome)), 202
        return jsonify(outcome)   # as decoded from the wipes topic: already in schemas.Wipe's form

    @api.get("/releases/<release_id>/wipe")
    @may("administer")
    def wipe_outcome(release_id: str):
        return jsonify(reporting.wipe_outcome(release_id))

    @api.get("/releases/<release_id>/<file_name>")
    @may("read")
    def download(release_id: str, file_name: str):
        if file_name not in FILES:
            raise NotFound("No such file: " + ", ".join(FILES) + " are served")
        body, name, mimetype = reporting.download(release_id, FILES[file_name], g.identity)
        return Response(body, mimetype=mimetype, headers={"Content-Disposition": f'attachment; filename="{name}"'})

    @api.get("/audit")
    @may("administer")
    def audit():
        return jsonify(schemas.AuditLog().dump({"entries": reporting.audit.trail.entries()}))

    @api.get("/operator/lifetimes")
    @may("administer")
    def operator_lifetimes():
        """Per topic: within its bound or not, the oldest record's age in clock hours, the bound;
        the sealing keys held and when each is destroyed. No record counts, no exact times."""
        view = lifetimes.operator_view(settings.kafka_bootstrap, settings.topics, settings.keys_dir)
        return jsonify(schemas.Lifetimes().dump(lifetimes.as_dict(view["states"], view["keys"])))

    return api
