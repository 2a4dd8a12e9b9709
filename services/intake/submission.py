"""The intake's pure core: turn a form or JSON body into a validated raw event."""
from __future__ import annotations

import base64
import functools
import json
import re
import time
import uuid
from datetime import datetime
from typing import Iterable
from zoneinfo import ZoneInfo

from marshmallow import ValidationError

from services.common import sealing
from services.contracts import events
from services.contracts.questionnaire import Questionnaire, load

from . import characters

LONDON = ZoneInfo("Europe/London")
KEY_ID = re.compile(events.KEY_ID_PATTERN)


class Invalid(ValueError):
    """The answers break the questionnaire's rules; `errors` maps each field to its messages."""

    def __init__(self, errors: dict):
        super().__init__("invalid answers")
        self.errors = errors


def from_form(form, questionnaire: Questionnaire | None = None, controls: Iterable[str] = ()) -> dict:
    """Answers from an HTML form (a MultiDict): blanks dropped, checkboxes as lists, newlines
    as the browser's character count sees them (a textarea posts CRLF). Fields named in
    `controls` belong to the page, not the report; any other unknown field is kept so that
    validation rejects it."""
    questionnaire = questionnaire or load()
    answers: dict = {}
    for q in questionnaire.questions:
        if q.kind == "many":
            values = [v for v in form.getlist(q.code) if v]
            if values:
                answers[q.code] = values
        else:
            value = form.get(q.code, "").replace("\r\n", "\n").replace("\r", "\n")
            if value.strip():
                answers[q.code] = value
    unknown = set(form.keys()) - set(questionnaire.field_codes) - set(controls)
    for name in sorted(unknown):
        answers[name] = form.get(name)
    return answers


def problems(answers: dict, required: Iterable[str] | None = None) -> dict:
    """The intake's verdict on `answers`, as {field: [messages]} (empty when valid): characters
    no report may hold (characters.py), then the questionnaire's rules.

    `required` limits the required-answer rule to those questions (a page of the form checks
    only its own); None applies it to every question, as at sending."""
    unreadable = characters.problems(answers)
    if unreadable:   # before the schema: its messages could quote the characters back
        return unreadable
    schema = events.instance(events.answers_schema())
    partial = False if required is None else tuple(set(schema.fields) - set(required))
    try:
        schema.load(answers, partial=partial)
    except ValidationError as exc:
        return exc.messages
    return {}


def json_body(data: bytes):
    """The parsed JSON body, or None when it is not JSON (including JSON nested too deeply to
    parse, which is a bad request, not a failure of the service)."""
    try:
        return json.loads(data)
    except (ValueError, RecursionError):
        return None


def valid_event_id(value) -> str | None:
    """`value` as a canonical random (version 4) UUID, or None."""
    if isinstance(value, str) and events.EVENT_ID.fullmatch(value):
        return value   # already canonical: what the parse gives back, at a fifth of its cost
    return _parsed_event_id(value)


def _parsed_event_id(value) -> str | None:
    if not isinstance(value, str) or len(value) > 64:
        return None
    try:
        parsed = uuid.UUID(value)
    except ValueError:
        return None
    return str(parsed) if parsed.version == 4 and str(parsed) == value.lower() else None


def take_event_id(body) -> str:
    """The report's idempotency key: the `event_id` an API client sent (removed from the body,
    which then holds answers only), or a fresh one. A report sent again with the same id is
    counted once."""
    if not isinstance(body, dict) or "event_id" not in body:
        return events.new_event_id()
    event_id = valid_event_id(body.pop("event_id"))
    if event_id is None:
        raise Invalid({"event_id": ["Send a random (version 4) UUID, or leave this out"]})
    return event_id


def month_of(now: datetime | None = None) -> str:
    """The only time the pipeline keeps: the month of submission, in UK time."""
    if now is None:
        return _month_of_hour(int(time.time() // 3600))
    return now.astimezone(LONDON).strftime("%Y-%m")


@functools.lru_cache(maxsize=2)
def _month_of_hour(hour: int) -> str:
    """The UK month throughout UTC hour `hour` (hours since the epoch): worked out once an hour,
    not per report. UK time is UTC or UTC+1 and changes on a UTC hour (01:00), so a UK midnight,
    and a month's first moment, is always the start of a UTC hour (tests/unit/test_intake_fast_paths.py)."""
    return datetime.fromtimestamp(hour * 3600, LONDON).strftime("%Y-%m")


def raw_event(answers: dict, event_id: str, month: str) -> bytes:
    """A validated, encoded raw event, or Invalid with a field-by-field error map."""
    if not isinstance(answers, dict):
        raise Invalid({"_schema": ["Send a JSON object of answers"]})
    found = characters.problems(answers)
    if found:   # before the schema: its messages could quote the characters back
        raise Invalid(found)
    try:   # one validation: the event's nested answers schema is the questionnaire's
        return events.encode_raw_report(event_id, month, answers)
    except ValidationError as exc:
        found = exc.messages.get("answers") if isinstance(exc.messages, dict) else None
        raise Invalid(found if isinstance(found, dict) and len(exc.messages) == 1 else exc.messages) from None


def sealed_event(raw: bytes, event_id: str, key_id: str, public) -> bytes:
    """The raw event as it goes on the wire: sealed, with only its id and key id in clear."""
    # Every field is ours and already valid (the id was checked, the key id is a key's name):
    # written directly, byte for byte as events.encode(SealedRaw) writes it (a test holds them
    # equal), without validating the envelope again on every report.
    sealed = base64.b64encode(sealing.seal(public, raw)).decode()
    if events.EVENT_ID.fullmatch(event_id) and KEY_ID.fullmatch(key_id):
        # nothing in them to escape: the bytes json.dumps writes below, without its scan of the box
        return (f'{{"event_id":"{event_id}","key_id":"{key_id}","schema_version":{events.SCHEMA_VERSION},'
                f'"sealed":"{sealed}"}}').encode()
    return json.dumps({"event_id": event_id, "key_id": key_id, "schema_version": events.SCHEMA_VERSION,
                       "sealed": sealed}, separators=(",", ":"), sort_keys=True).encode()
