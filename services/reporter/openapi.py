"""The OpenAPI document of the reporter's API, generated with apispec from the marshmallow
schemas its answers are dumped through (schemas.py).

`python -m services.reporter.openapi` prints it; `services/reporter/openapi.json` is that output,
committed for readers and kept current by a test."""
from __future__ import annotations

import json
from functools import cache
from pathlib import Path

from apispec import APISpec
from apispec.ext.marshmallow import MarshmallowPlugin

from services.contracts.events import RELEASE_ID_PATTERN

from . import schemas

COMMITTED = Path(__file__).with_name("openapi.json")
ID = {"type": "string", "pattern": RELEASE_ID_PATTERN}
RELEASE_ID = {"name": "release_id", "in": "path", "required": True, "description": "a release id, or `latest`",
              "schema": ID}
TABLE_ID = {"name": "table_id", "in": "path", "required": True, "description": "a table id of the release",
            "schema": ID}
FILES = {
    "report.pdf": ("application/pdf", "The report as a PDF", "binary"),
    "report.html": ("text/html", "The report as one stand-alone HTML file", None),
    "figures.csv": ("text/csv", "Every cell of the release, one row each, with its metadata (UTF-8 with BOM)", None),
    "figures.xlsx": ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                     "The same rows as the CSV, and a sheet describing the release", "binary"),
    "pack.zip": ("application/zip", "The report pack: PDF, HTML, CSV and XLSX in one archive, with a manifest of "
                                    "their SHA-256 digests", "binary"),
}


def _json(schema: str, description: str) -> dict:
    return {"description": description,
            "content": {"application/json": {"schema": {"$ref": f"#/components/schemas/{schema}"}}}}


def _errors(*codes: int) -> dict:
    text = {400: "a query parameter was given: this API takes none",
            401: "no valid bearer token", 403: "an administrator's token is needed",
            404: "no such release, table or file", 409: "the release's report pack has not been downloaded yet",
            503: "the broker did not acknowledge; nothing was done"}
    return {str(c): _json("Error", text[c]) for c in codes}


def _command_errors(*codes: int, kind: str) -> dict:
    """A command's errors: its 503 may mean the command was sent all the same."""
    return {**_errors(*codes), "503": _json("Error", (
        f"the broker did not acknowledge the {kind} command within 5 s: it may not have been sent, or may still "
        f"arrive (audited as {kind}_request_failed); or it acknowledged the command but not its audit entry. "
        "The error says which"))}


def _get(op_id: str, summary: str, ok: dict, *errors: int, params=(), admin=False) -> dict:
    codes = (400, 401, *((403,) if admin else ()), *errors)
    return {"get": {"operationId": op_id, "summary": summary, "parameters": list(params),
                    "responses": {"200": ok, **_errors(*codes)}}}


@cache
def document() -> dict:
    spec = APISpec(
        title="Micro-aggression portal: reporter", version="1", openapi_version="3.1.0",
        plugins=[MarshmallowPlugin()],
        info={"description": "Released, disclosure-controlled tables only, each served whole by release id and "
                             "table id. No call takes a query parameter (400). Every call but this document needs "
                             "`Authorization: Bearer <token>`; a viewer's token reads, an administrator's also "
                             "requests releases and reads the audit log. Every download is written to the audit "
                             "log before it is sent."},
        components={"securitySchemes": {"bearer": {"type": "http", "scheme": "bearer"}}},
        security=[{"bearer": []}])
    for name in ("Release", "Refusal", "ReleaseTable", "ReleaseList", "Requested", "Wipe", "AuditLog", "Lifetimes", "Error"):
        spec.components.schema(name, schema=getattr(schemas, name))
    spec.path("/api/v1/openapi.json", operations={"get": {
        "operationId": "openapi", "summary": "This document", "security": [],
        "responses": {"200": {"description": "OpenAPI 3.1", "content": {"application/json": {}}},
                      **_errors(400)}}})
    spec.path("/api/v1/releases", operations={
        **_get("listReleases", "Complete and refused releases: ids, periods, days, reports and methods",
               _json("ReleaseList", "the releases")),
        "post": {"operationId": "requestRelease", "summary": "Ask the aggregator to cut a release (administrators)",
                 "responses": {"202": _json("Requested", "requested; it appears once every cell has arrived"),
                               **_command_errors(400, 401, 403, kind="release")}}})
    spec.path("/api/v1/releases/{release_id}", operations=_get(
        "getRelease", "A complete release: its metadata and every table; or, for a refused one, why",
        {"description": "the release, or its refusal (status: refused)", "content": {"application/json": {"schema": {
            "oneOf": [{"$ref": "#/components/schemas/Release"}, {"$ref": "#/components/schemas/Refusal"}]}}}},
        404, params=[RELEASE_ID]))
    spec.path("/api/v1/releases/{release_id}/tables/{table_id}", operations=_get(
        "getTable", "One table of a release, whole", _json("ReleaseTable", "the table"), 404,
        params=[RELEASE_ID, TABLE_ID]))
    spec.path("/api/v1/releases/{release_id}/wipe", operations={
        **_get("getWipe", "The outcome of this release's wipe (administrators)", _json("Wipe", "the outcome"), 404,
               params=[RELEASE_ID], admin=True),
        "post": {"operationId": "wipeRelease",
                 "summary": "Purge the individual-level records this release covered, once an administrator has "
                            "downloaded its report pack (administrators); recorded in the audit log",
                 "parameters": [RELEASE_ID],
                 "responses": {"202": _json("Requested", "requested: the aggregator's outcome is read with GET "
                                                         "on the same path (the Location header) once it arrives"),
                               **_command_errors(400, 401, 403, 404, 409, kind="wipe")}}})
    for file_name, (media, summary, fmt) in FILES.items():
        body = {"schema": {"type": "string", **({"format": fmt} if fmt else {})}}
        spec.path(f"/api/v1/releases/{{release_id}}/{file_name}", operations=_get(
            "download" + "".join(p.capitalize() for p in file_name.replace(".", " ").split()), summary,
            {"description": summary + "; recorded in the audit log", "content": {media: body}}, 404, 503,
            params=[RELEASE_ID]))
    spec.path("/api/v1/audit", operations=_get(
        "getAuditLog", "The audit log, newest first (administrators)", _json("AuditLog", "entries"), admin=True))
    spec.path("/api/v1/operator/lifetimes", operations=_get(
        "getLifetimes", "Each topic's records, oldest record and worst-case lifetime (administrators)",
        _json("Lifetimes", "topics"), admin=True))
    return spec.to_dict()


def main() -> None:
    print(json.dumps(document(), indent=2, sort_keys=True))


if __name__ == "__main__":
    main()
