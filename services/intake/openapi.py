"""The OpenAPI document of the intake's JSON API, generated from the same marshmallow schema
that validates every report (`events.answers_schema`), with the questionnaire's wording.

`python -m services.intake.openapi` prints it; `services/intake/openapi.json` is that output,
committed for readers and kept current by a test."""
from __future__ import annotations

import json
from pathlib import Path

from apispec import APISpec
from apispec.ext.marshmallow import MarshmallowPlugin

from services.contracts import events
from services.contracts.questionnaire import Questionnaire, load

from . import characters

COMMITTED = Path(__file__).with_name("openapi.json")
PATH = "/api/v1/reports"
# A character that Python's str.strip() keeps, which the schema's blank-text rule relies on
# (JSON Schema's \S differs: it counts U+FEFF as space and U+001C–U+001F as text).
NOT_BLANK = "[^" + "".join(f"\\u{i:04x}" for i in range(0x10000) if chr(i).isspace()) + "]"


def _errors(description: str) -> dict:
    return {"description": description,
            "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Errors"}}}}


def _describe(answers: dict, questionnaire: Questionnaire) -> None:
    """The questionnaire's rules that marshmallow's fields do not say, in JSON Schema 2020-12
    (OpenAPI 3.1): wording, no repeated option, an exclusive option alone, no blank text, and a
    follow-up question only with the answer that opens it."""
    for q in questionnaire.questions:
        prop = answers["properties"][q.code]
        prop["description"] = q.question
        if q.kind == "many":
            prop["uniqueItems"] = True
        for code in q.exclusive:
            prop["description"] += f" '{code}' cannot be combined with other options."
            prop.setdefault("allOf", []).append(
                {"anyOf": [{"not": {"contains": {"const": code}}}, {"maxItems": 1}]})
        if q.is_text:
            # Blank text is rejected (leave the field out instead), and so are the characters no
            # report may hold: one pattern, so that generators from the document honour both.
            allowed, refused = "[^" + characters.REFUSED_CLASS[1:-1] + "]", characters.REFUSED_CLASS[1:-1]
            prop["pattern"] = f"^{allowed}*[^{NOT_BLANK[2:-1]}{refused}]{allowed}*$"
            prop["description"] += (" Text only: no control character but tab and newline, no unpaired surrogate, "
                                    "U+FFFD, noncharacter or bidirectional override or isolate, and at most "
                                    f"{characters.MAX_MARKS_IN_A_ROW} combining marks in a row.")
        if q.shown_with:
            prop["description"] += " Only with " + ", ".join(
                f"{k} including '{v}'" for k, v in q.shown_with.items()) + "."
            answers.setdefault("dependentSchemas", {})[q.code] = {
                "required": list(q.shown_with),
                "properties": {k: {"contains": {"const": v}} for k, v in q.shown_with.items()}}


def document() -> dict:
    questionnaire = load()
    spec = APISpec(
        title="Micro-aggression portal: intake", version=str(questionnaire.version),
        openapi_version="3.1.0", plugins=[MarshmallowPlugin()],
        info={"description": "Send one anonymous report. No reference is returned: nothing can be "
                             "followed up. Fields are the questionnaire's codes; unknown fields are "
                             "rejected."})
    spec.components.schema("Answers", schema=events.answers_schema())
    spec.components.schema("Errors", {
        "type": "object", "required": ["errors"], "additionalProperties": False,
        "properties": {"errors": {"type": "object", "description": "messages by field; `_schema` for the body",
                                  "additionalProperties": {}}}})
    spec.path(PATH, operations={"post": {
        "operationId": "sendReport",
        "summary": "Send a report",
        "requestBody": {"required": True, "content": {
            "application/json": {"schema": {"$ref": "#/components/schemas/Answers"}}}},
        "responses": {
            "202": {"description": "accepted: sealed and acknowledged by the broker",
                    "content": {"application/json": {"schema": {
                        "type": "object", "required": ["status"], "additionalProperties": False,
                        "properties": {"status": {"type": "string", "enum": ["accepted"]}}}}}},
            "400": _errors("the body is not JSON, or the answers break the questionnaire's rules"),
            "413": _errors("the body is larger than 64 KiB"),
            "415": _errors("the body is not sent as application/json"),
            "429": _errors("too many reports from one network address; try again later"),
            "503": {"description": "the broker did not acknowledge within 5 seconds: the report may not "
                                   "have been sent. Send it again with the `event_id` returned: a report "
                                   "is counted once, however often it is sent",
                    "headers": {"Retry-After": {"schema": {"type": "integer"}}},
                    "content": {"application/json": {"schema": {
                        "type": "object", "required": ["errors", "event_id"], "additionalProperties": False,
                        "properties": {"errors": {"type": "object", "additionalProperties": {}},
                                       "event_id": {"type": "string", "format": "uuid"}}}}}},
        }}})
    doc = spec.to_dict()
    _describe(doc["components"]["schemas"]["Answers"], questionnaire)
    doc["components"]["schemas"]["Answers"]["properties"]["event_id"] = {
        "type": "string", "format": "uuid",
        "pattern": events.EVENT_ID_PATTERN,
        "description": "Optional idempotency key: a random (version 4) UUID, lower case. Send the same "
                       "report again with the same key (after a 503, say) and it is counted once."}
    return doc


def dumps(doc: dict) -> str:
    return json.dumps(doc, indent=2, sort_keys=True, ensure_ascii=False) + "\n"


if __name__ == "__main__":
    print(dumps(document()), end="")
