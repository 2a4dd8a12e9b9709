"""Event contracts, one per topic, shared by producers and consumers: a marshmallow schema
validates each event, and `decode` returns it as a frozen dataclass (`RedactedReportEvent` for
`RedactedReport`, ...), every one sharing the envelope's `schema_version`.

Compatibility (docs/contracts.md): within a major version (`schema_version`) a topic may gain
optional fields, and readers ignore fields they do not know. The intake's input, a report's
answers, is the exception: an unknown answer is refused, as it could carry personal data."""
from __future__ import annotations

import dataclasses
import json
import re
import uuid
from dataclasses import dataclass
from datetime import date, datetime
from functools import cache
from pathlib import Path
from typing import Any

from marshmallow import EXCLUDE, RAISE, Schema, ValidationError, fields, validate, validates_schema

from .questionnaire import Question, Questionnaire, load

SCHEMA_VERSION = 1   # the major version of every topic's events (its topic name's .v1)
STATUSES = ("published", "suppressed")

# Patterns, defined once: a month as events carry it, a release id (also the reporter's URLs and
# its OpenAPI), a sealing key's id (the first 16 hex digits of its public key's SHA-256), and an
# event id as the intake's API takes it (a random UUID, lower case).
MONTH_PATTERN = r"^\d{4}-(0[1-9]|1[0-2])$"
MONTH = re.compile(MONTH_PATTERN)
RELEASE_ID_PATTERN = r"^[A-Za-z0-9_.-]{1,64}$"
RELEASE_ID = re.compile(RELEASE_ID_PATTERN)
KEY_ID_PATTERN = r"^[0-9a-f]{16}$"
EVENT_ID_PATTERN = r"^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$"   # new_event_id()
EVENT_ID = re.compile(EVENT_ID_PATTERN)


class Strict(Schema):
    """The intake's input (a report's answers): a field it does not know is refused."""
    class Meta:
        unknown = RAISE


class Tolerant(Schema):
    """An event on a topic: a field added in a later minor version is ignored (and not kept)."""
    class Meta:
        unknown = EXCLUDE


# A redacted text may be longer than what was written: "[PERSON]" can stand for "Jo", and a
# placeholder for a single character. Every placeholder replaces at least one character, so a
# redacted text is at most the longest placeholder's length ("[ORGANISATION]", 14) times the
# original: whatever the intake accepts fits (tests/unit/test_redaction_growth.py checks this
# against the redactor's placeholders).
REDACTED_TEXT_ROOM = 14


def _text_field(q: Question, room: int = 1) -> fields.Field:
    return fields.String(
        required=q.required,
        validate=validate.Length(min=1, max=q.max_length * room,
                                 error=f"Enter between 1 and {q.max_length * room} characters"),
    )


def _field(q: Question, room: int = 1) -> fields.Field:
    f = _text_field(q, room) if q.is_text else _choice_field(q)
    f.error_messages = {**f.error_messages, "required": f"Answer this question: {q.question}"}
    return f


def _choice_field(q: Question) -> fields.Field:
    choice = validate.OneOf(q.codes, error="Not one of the codes for this question")
    if q.kind == "one":
        return fields.String(required=q.required, validate=choice)
    return fields.List(
        fields.String(validate=choice),
        required=q.required,
        validate=[validate.Length(min=1 if q.required else 0, error="Select at least one option"),
                  validate.Length(max=len(q.codes), error="Select at most {max} options")],
    )


def _rule_errors(questionnaire: Questionnaire, data: dict) -> dict[str, list[str]]:
    """The questionnaire's cross-field rules over answers whose fields each passed their own."""
    errors: dict[str, list[str]] = {}
    for q in questionnaire.questions:
        value = data.get(q.code)
        if value is None:
            continue
        if q.is_text and not value.strip():
            errors.setdefault(q.code, []).append("Enter some text, or leave this out")
        if q.kind == "many":
            if len(set(value)) != len(value):
                errors.setdefault(q.code, []).append("An option is given more than once")
            chosen_exclusive = set(value) & set(q.exclusive)
            if chosen_exclusive and len(value) > 1:
                errors.setdefault(q.code, []).append(
                    f"'{sorted(chosen_exclusive)[0]}' cannot be combined with other options")
        for other, code in q.shown_with.items():
            if code not in (data.get(other) or ()):
                errors.setdefault(q.code, []).append(
                    f"Only answer this when '{other}' includes '{code}'")
    return errors


class _AnswersBase(Strict):
    questionnaire: Questionnaire
    plainly_valid: "_PlainlyValid"

    @validates_schema(skip_on_field_errors=False)
    def _rules(self, data, **_):
        errors = _rule_errors(self.questionnaire, data)
        if errors:
            raise ValidationError(errors)


class _PlainlyValid:
    """A quick yes to answers the answers schema would load unchanged: every key a question,
    every value of exactly the type its field loads (a text within its length, a code, a list
    of codes within its bounds), every required question answered and no cross-field rule
    broken (the schema's own `_rule_errors`). Built from the schema's fields' own settings, so
    it cannot disagree with them on what it says yes to; anything else (every error included)
    goes through the schema, for its messages. The intake's hot path: a marshmallow load of a
    report costs about five times this (docs/benchmarks.md)."""

    def __init__(self, questionnaire: Questionnaire, declared: dict[str, fields.Field]):
        self.questionnaire = questionnaire
        self.required = tuple(code for code, f in declared.items() if f.required)
        self.checks = {code: self._check(f) for code, f in declared.items()}

    @staticmethod
    def _bounds(f: fields.Field) -> tuple[int, int]:
        lengths = [v for v in f.validators if isinstance(v, validate.Length)]
        return (max((v.min or 0 for v in lengths), default=0),
                min((v.max for v in lengths if v.max is not None), default=1 << 62))

    @staticmethod
    def _choices(f: fields.Field) -> frozenset | None:
        chosen = [v for v in f.validators if isinstance(v, validate.OneOf)]
        return frozenset(chosen[0].choices) if len(chosen) == 1 and len(f.validators) == 1 else None

    def _check(self, f: fields.Field):
        if f.data_key is not None or f.allow_none:
            return lambda v: False
        if type(f) is fields.String and all(isinstance(v, validate.Length) for v in f.validators) and f.validators:
            low, high = self._bounds(f)
            return lambda v: type(v) is str and low <= len(v) <= high
        if type(f) is fields.String:
            codes = self._choices(f)
            if codes is not None:
                return lambda v: type(v) is str and v in codes
        if type(f) is fields.List and type(f.inner) is fields.String \
                and all(isinstance(v, validate.Length) for v in f.validators):
            low, high = self._bounds(f)
            codes = self._choices(f.inner)
            if codes is not None:
                return lambda v: (type(v) is list and low <= len(v) <= high
                                  and all(type(c) is str and c in codes for c in v))
        return lambda v: False   # a kind of field not known here: always the schema

    def __call__(self, answers) -> bool:
        if type(answers) is not dict:
            return False
        checks = self.checks
        for code, value in answers.items():
            check = checks.get(code)
            if check is None or not check(value):
                return False
        return all(code in answers for code in self.required) and not _rule_errors(self.questionnaire, answers)


@cache
def answers_schema(questionnaire: Questionnaire | None = None, text_room: int = 1) -> type[Schema]:
    """A marshmallow schema for one report's answers, built from the questionnaire; texts may
    be `text_room` times their limit (for redacted texts)."""
    questionnaire = questionnaire or load()
    declared = {q.code: _field(q, text_room) for q in questionnaire.questions}
    cls = type("Answers", (_AnswersBase,), dict(declared))   # marshmallow takes the fields out of its copy
    cls.questionnaire = questionnaire
    cls.plainly_valid = _PlainlyValid(questionnaire, declared)
    return cls


class _Answers(fields.Nested):
    def __init__(self, text_room: int = 1, **kwargs):
        super().__init__(lambda: answers_schema(text_room=text_room)(), **kwargs)


def _about(text: str) -> dict:
    return {"metadata": {"description": text}}


class Versioned(Tolerant):
    """What every event carries: the major version of its shape."""
    schema_version = fields.Integer(required=True, validate=validate.Equal(SCHEMA_VERSION), **_about(
        "Major version of this message's shape. Fields may be added within it (readers ignore fields "
        "they do not know); a breaking change is published on a new topic (.v2)."))


def _release_id(**kwargs) -> fields.Field:
    return fields.String(required=True, validate=validate.Regexp(RELEASE_ID), **kwargs)


class Envelope(Versioned):
    """A report's envelope: the version and the event's own id (the intake's idempotency key)."""
    event_id = fields.UUID(required=True)


class RawReport(Envelope):
    """What the intake accepted, before redaction: travels only sealed, inside SealedRaw."""
    month = fields.String(required=True, validate=validate.Regexp(MONTH))
    answers = _Answers(required=True)


class SealedRaw(Envelope):
    """raw topic, on the wire: a RawReport sealed to the redactor's public key `key_id`."""
    key_id = fields.String(required=True, validate=validate.Regexp(KEY_ID_PATTERN))
    sealed = fields.String(required=True)   # base64 of the sealed box


class PublicKey(Versioned):
    """public-keys topic (compacted, keyed by key_id): a sealing public key, signed by the
    redactors' key lease holder; a tombstone (no value) once its private half is destroyed."""
    key_id = fields.String(required=True, validate=validate.Regexp(KEY_ID_PATTERN))
    public = fields.String(required=True, **_about("base64 of the 32-byte X25519 public key"))
    created_ms = fields.Integer(required=True, validate=validate.Range(min=0))
    signature = fields.String(required=True, **_about(
        "base64 Ed25519 signature of '<key_id>.<public>.<created_ms>' (services/common/sealing.py)"))


class RedactedReport(Envelope):
    """redacted topic: free text with personal information replaced by placeholders."""
    month = fields.String(required=True, validate=validate.Regexp(MONTH))
    answers = _Answers(text_room=REDACTED_TEXT_ROOM, required=True)


class DeadLetter(Versioned):
    """dead-letter topic: ids, the record's position and error classes only, never content."""
    event_id = fields.String(required=True, allow_none=True)
    source_topic = fields.String(required=True)
    partition = fields.Integer(load_default=None, allow_none=True)
    offset = fields.Integer(load_default=None, allow_none=True)
    error_class = fields.String(required=True)


class Command(Versioned):
    """commands topic: requests from the reporter to the aggregator."""
    command_id = fields.UUID(required=True)
    kind = fields.String(required=True, validate=validate.OneOf(["release", "wipe"]))
    release_id = _release_id()


AUDIT_ACTIONS = ("signed_in", "sign_in_refused", "signed_out", "release_requested", "report_downloaded",
                 "pack_downloaded", "wipe_requested", "wipe_confirmed",
                 # a command the broker did not acknowledge: it may still arrive
                 "release_request_failed", "wipe_request_failed")
ROLES = ("admin", "viewer")
DOWNLOAD_KINDS = ("pdf", "html", "csv", "xlsx", "pack")
WIPE_STATUSES = ("wiped", "incomplete", "unknown_release")


class AuditEvent(Versioned):
    """audit topic: one administrative action. Ids, roles and kinds only: never report content,
    never a token, never an address."""
    event_id = fields.UUID(required=True)
    at = fields.AwareDateTime(required=True, format="iso")
    action = fields.String(required=True, validate=validate.OneOf(AUDIT_ACTIONS))
    actor = fields.String(required=True, allow_none=True, validate=validate.Regexp(r"^[A-Za-z0-9:._@|-]{1,128}$"))
    role = fields.String(required=True, allow_none=True, validate=validate.OneOf(ROLES))
    release_id = _release_id(allow_none=True)
    detail = fields.String(required=True, allow_none=True,
                           validate=validate.OneOf(DOWNLOAD_KINDS + WIPE_STATUSES))  # a download's kind, a wipe's outcome


class WipeOutcome(Versioned):
    """wipes topic: what the aggregator purged for a release's wipe command. No offsets and no
    counts: they would give away how many reports there are. (Outcomes written before round 2
    of disclosure control carried `covered_records_left`, a count: as an unknown field it is
    dropped on reading, never passed on.)"""
    command_id = fields.UUID(required=True)
    release_id = _release_id()
    status = fields.String(required=True, validate=validate.OneOf(WIPE_STATUSES))
    topics_purged = fields.List(fields.String(), required=True)
    wiped_on = fields.Date(required=True)


class ReleaseCell(Versioned):
    """releases topic: one message per cell of the full predefined grid."""
    release_id = fields.String(required=True, **_about("The release this cell belongs to; also the Kafka key."))
    method_version = fields.String(required=True, **_about(
        "Version of the disclosure method (tables, threshold rules, audit) and its noise: '3.0-ckp2' is cell-key "
        "perturbation of at most 2 before rounding, '3.0' none; compare releases only within one."))
    released_on = fields.Date(required=True, **_about("The day the release was cut: no finer time is published."))
    table = fields.String(required=True, **_about("Id of the predefined table (x-tables lists them)."))
    period = fields.String(required=True, **_about(
        "A quarter such as 2026-Q4, or a month such as 2026-11 for the monthly totals table. A release covers "
        "the four quarters up to the month it covers, whatever the data."))
    dims = fields.Dict(keys=fields.String(), values=fields.String(), required=True, **_about(
        "The cell's position: one code per dimension of its table ({} for a total)."))
    value = fields.Integer(required=True, allow_none=True, validate=validate.Range(min=0), **_about(
        "Distinct reports n (at least threshold), moved by at most the perturbation in method_version, then "
        "rounded to the nearest 5: |value - n| <= 2 + that maximum. The same reports always give the same value. "
        "Null when suppressed."))
    status = fields.String(required=True, validate=validate.OneOf(STATUSES), **_about(
        "published, or suppressed: fewer reports than the threshold (zero included), or hidden so that a "
        "suppressed cell cannot be worked out from others. The two kinds of suppression look the same."))
    # Added in method 2.0: optional on the wire, so method 1.0 cells kept on the topic still read.
    percent = fields.Integer(load_default=None, allow_none=True, validate=validate.Range(min=1, max=99), **_about(
        "Whole percentage of value over the published value of the matching cell of percent_of; null (or absent, "
        "in releases of method 1.0) where that is under 25, suppressed, or the share would show as 0% or 100%."))
    percent_of = fields.String(load_default=None, allow_none=True, **_about(
        "The table whose cell (same period, shared dimensions) is the percentage's denominator (method 2.0 on)."))
    threshold = fields.Integer(required=True, **_about("Minimum distinct reports for a published cell (10 or more)."))
    cell_index = fields.Integer(required=True, validate=validate.Range(min=0), **_about(
        "Position of this cell in the release, from 0."))
    cells_in_release = fields.Integer(required=True, validate=validate.Range(min=1), **_about(
        "How many cells the release has: it is complete once that many distinct cell_index values arrived."))

    @validates_schema
    def _value_matches_status(self, data, **_):
        if (data["status"] == "suppressed") != (data["value"] is None):
            raise ValidationError("a suppressed cell has value null, a published one a number")
        if data["percent"] is not None and data["value"] is None:
            raise ValidationError("a suppressed cell has no percentage")


# Why a release was refused, in words a steering group reads (the page and the API say these).
# No reason carries a count: each is a rule's name.
REFUSAL_REASONS = {
    "too_few_new_reports": "Too few reports have arrived since the last release for any new figure to be "
                           "shown: a release now would only hide figures to protect the last one. Ask again "
                           "when more reports have arrived.",
    "total_not_shown": "The number of reports in the period cannot be shown yet, so almost nothing in the "
                       "release could be. It will be possible once more reports have arrived.",
    "mostly_hidden": "More figures would have to be hidden, to protect others, than could be shown. Ask "
                     "again when more reports have arrived.",
    "audit_failed": "The check across every release so far found that a hidden figure could be worked out, "
                    "so nothing of this release was published.",
}
REFUSED = "refused"


class ReleaseRefusal(Versioned):
    """releases topic: a release the aggregator refused to cut, and why (a rule's code, no count)."""
    release_id = fields.String(required=True, **_about("The release refused; also the Kafka key."))
    status = fields.String(required=True, validate=validate.Equal(REFUSED), **_about("Always refused."))
    reason = fields.String(required=True, validate=validate.OneOf(tuple(REFUSAL_REASONS)), **_about(
        "The rule that refused it: " + "; ".join(f"{k}: {v}" for k, v in REFUSAL_REASONS.items())))
    refused_on = fields.Date(required=True, **_about("The day it was refused: no finer time is published."))
    method_version = fields.String(required=True, **_about("Version of the disclosure method that refused it."))


# --- what decode returns: one frozen dataclass per event, sharing the envelope -------------
# Values are as on the wire (ids, dates and times as strings), so encode(decode(x)) == x.

@dataclass(frozen=True, kw_only=True)
class Event:
    """The envelope every event shares."""
    schema_version: int


@dataclass(frozen=True, kw_only=True)
class PublicKeyEvent(Event):
    key_id: str
    public: str
    created_ms: int
    signature: str


@dataclass(frozen=True, kw_only=True)
class RawReportEvent(Event):
    event_id: str
    month: str
    answers: dict[str, Any]


@dataclass(frozen=True, kw_only=True)
class SealedRawEvent(Event):
    event_id: str
    key_id: str
    sealed: str


@dataclass(frozen=True, kw_only=True)
class RedactedReportEvent(Event):
    event_id: str
    month: str
    answers: dict[str, Any]


@dataclass(frozen=True, kw_only=True)
class DeadLetterEvent(Event):
    event_id: str | None
    source_topic: str
    error_class: str
    partition: int | None = None
    offset: int | None = None


@dataclass(frozen=True, kw_only=True)
class CommandEvent(Event):
    command_id: str
    kind: str
    release_id: str


@dataclass(frozen=True, kw_only=True)
class AuditEventEvent(Event):
    event_id: str
    at: str
    action: str
    actor: str | None
    role: str | None
    release_id: str | None
    detail: str | None


@dataclass(frozen=True, kw_only=True)
class WipeOutcomeEvent(Event):
    command_id: str
    release_id: str
    status: str
    topics_purged: list[str]
    wiped_on: str


@dataclass(frozen=True, kw_only=True)
class ReleaseCellEvent(Event):
    release_id: str
    method_version: str
    released_on: str
    table: str
    period: str
    dims: dict[str, str]
    value: int | None
    status: str
    threshold: int
    cell_index: int
    cells_in_release: int
    percent: int | None = None
    percent_of: str | None = None


@dataclass(frozen=True, kw_only=True)
class ReleaseRefusalEvent(Event):
    release_id: str
    status: str
    reason: str
    refused_on: str
    method_version: str


EXAMPLES = Path(__file__).resolve().parent / "examples"

# What each topic carries, by the kind its checked-in examples are named after:
# examples/<topic>/v<major>/<kind>[-<variant>].json (raw's `report` is what a sealed box holds).
TOPIC_EVENTS: dict[str, dict[str, type[Schema]]] = {
    "raw": {"sealed": SealedRaw, "report": RawReport},
    "redacted": {"report": RedactedReport},
    "dead-letter": {"letter": DeadLetter},
    "commands": {"command": Command},
    "releases": {"cell": ReleaseCell, "refusal": ReleaseRefusal},
    "audit": {"entry": AuditEvent},
    "wipes": {"outcome": WipeOutcome},
    "public-keys": {"key": PublicKey},
}


def example(topic: str, name: str, major: int = SCHEMA_VERSION) -> dict:
    """A checked-in example event, as a dict of its JSON."""
    return json.loads((EXAMPLES / topic / f"v{major}" / f"{name}.json").read_text(encoding="utf-8"))


EVENT_TYPES: dict[type[Schema], type[Event]] = {
    RawReport: RawReportEvent, SealedRaw: SealedRawEvent, RedactedReport: RedactedReportEvent,
    DeadLetter: DeadLetterEvent, Command: CommandEvent, AuditEvent: AuditEventEvent,
    WipeOutcome: WipeOutcomeEvent, ReleaseCell: ReleaseCellEvent, ReleaseRefusal: ReleaseRefusalEvent,
    PublicKey: PublicKeyEvent,
}


def decode_release_message(raw: bytes) -> ReleaseCellEvent | ReleaseRefusalEvent:
    """A releases topic message: a cell (ReleaseCell) or a refusal (ReleaseRefusal)."""
    body = _parsed(raw)
    schema = ReleaseRefusal if isinstance(body, dict) and body.get("status") == REFUSED else ReleaseCell
    return _validated(schema, body)


def new_event_id() -> str:
    return str(uuid.uuid4())


@cache
def instance(schema: type[Schema]) -> Schema:
    """One instance per schema: building one (and its nested schemas) costs more than a load,
    and an instance holds no state between loads."""
    return schema()


def _jsonable(value):
    if dataclasses.is_dataclass(value):
        return dataclasses.asdict(value)
    if isinstance(value, (date, datetime, uuid.UUID)):
        return str(value)
    raise TypeError(f"{type(value).__name__} is not JSON serialisable")


def encode(schema: type[Schema], payload: dict | Event) -> bytes:
    """Validate then serialise (a dict, or a decoded event); raises ValidationError rather
    than publish a bad event."""
    s = instance(schema)
    return json.dumps(s.dump(s.load(json.loads(json.dumps(payload, default=_jsonable)))),
                      separators=(",", ":"), sort_keys=True).encode()


def encode_raw_report(event_id: str, month: str, answers) -> bytes:
    """`encode(RawReport, ...)` for the intake's one event per report, validated once: the same
    bytes and the same ValidationError (tests/unit/test_contracts_raw.py), at a third of the cost.

    The envelope's fields are the intake's own (an id it checked or minted, the month it
    formatted): when they match the patterns the schema checks them against (a canonical id
    is what the schema's UUID field writes back), only the answers go through the schema, the
    RawReport's own nested answers schema, loaded once, and what it loads is written out as it
    is (texts and lists of codes: what a dump would give back) rather than dumped again. Answers
    the schema's quick check (`_PlainlyValid`) says yes to are what the load would give back,
    and are written without it. Anything else takes the general encoder, for its error messages."""
    if isinstance(answers, dict) and isinstance(event_id, str) and isinstance(month, str) \
            and EVENT_ID.fullmatch(event_id) and MONTH.fullmatch(month):
        schema = instance(RawReport).fields["answers"].schema
        if schema.plainly_valid(answers):   # what the load would give back, at a fifth of its cost
            loaded = answers
        else:
            try:
                loaded = schema.load(answers)
            except ValidationError as exc:
                raise ValidationError({"answers": exc.messages}) from None
        return json.dumps({"answers": loaded, "event_id": event_id, "month": month,
                           "schema_version": SCHEMA_VERSION}, separators=(",", ":"), sort_keys=True).encode()
    return encode(RawReport, {"schema_version": SCHEMA_VERSION, "event_id": event_id, "month": month,
                              "answers": answers})


class InvalidMessage(ValueError):
    """A record that can never be processed, whatever is retried: a consumer dead-letters (or
    skips) it and moves on. `error_class` names what was wrong (the cause's class where there
    is one: JSONDecodeError, ValidationError, UnknownKey...), the only thing a dead letter says."""

    @property
    def error_class(self) -> str:
        cause = self.__cause__
        return type(cause if cause is not None else self).__name__


class Tombstone(InvalidMessage):
    """A record with no value (a null, as log compaction uses): nothing to process."""


class TooDeep(InvalidMessage):
    """JSON nested deeper than Python's parser can follow: never a valid event."""


def _parsed(raw: bytes | None):
    if raw is None:
        raise Tombstone("no value")
    try:
        return json.loads(raw)
    except RecursionError:
        raise TooDeep("nested too deeply") from None
    except ValueError as exc:   # JSONDecodeError, UnicodeDecodeError
        raise InvalidMessage("not JSON") from exc


def _validated(schema: type[Schema], parsed) -> Event:
    s = instance(schema)
    try:
        return EVENT_TYPES[schema](**s.dump(s.load(parsed)))
    except ValidationError as exc:
        raise InvalidMessage("not a valid event") from exc


def decode(schema: type[Schema], raw: bytes | None) -> Event:
    """Parse and validate: the event as its frozen dataclass (EVENT_TYPES), fields it does not
    know left out. Raises InvalidMessage for a record that can never be processed."""
    return _validated(schema, _parsed(raw))
