"""The reporter API's answers as marshmallow schemas: answers are dumped through them, and the
OpenAPI document is generated from them (openapi.py)."""
from __future__ import annotations

from marshmallow import RAISE, Schema, fields, validate

from services.contracts.events import REFUSED, STATUSES, AuditEvent, WipeOutcome


class Cell(Schema):
    period = fields.String(required=True, metadata={"description": "a quarter (2026-Q4) or a month (2026-11)"})
    dims = fields.Dict(keys=fields.String(), values=fields.String(), required=True,
                       metadata={"description": "the cell's value of each of the table's dimensions"})
    value = fields.Integer(required=True, allow_none=True,
                           metadata={"description": "distinct reports rounded to the nearest 5; null when suppressed"})
    status = fields.String(required=True, validate=validate.OneOf(STATUSES))
    percent = fields.Integer(required=True, allow_none=True,
                             metadata={"description": "whole-number percentage, where the release gives one"})


class Table(Schema):
    title = fields.String(required=True)
    dimensions = fields.List(fields.String(), required=True)
    period_type = fields.String(required=True, validate=validate.OneOf(["month", "quarter"]))
    any_mention = fields.Boolean(required=True, metadata={
        "description": "a report can count in several cells, so cells do not add up to the number of reports"})
    percent_of = fields.String(required=True, allow_none=True, metadata={
        "description": "the table whose matching cell (same period, shared dimensions) each percentage is of"})
    cells = fields.List(fields.Nested(Cell), required=True)


class ReleaseMeta(Schema):
    release_id = fields.String(required=True)
    method_version = fields.String(required=True)
    released_on = fields.String(required=True, metadata={"format": "date"})
    threshold = fields.Integer(required=True, metadata={"description": "the fewest reports behind a published cell"})


class Release(ReleaseMeta):
    tables = fields.Dict(keys=fields.String(), values=fields.Nested(Table), required=True)


class ReleaseTable(ReleaseMeta):
    table_id = fields.String(required=True)
    table = fields.Nested(Table, required=True)


class ReleaseSummary(Schema):
    release_id = fields.String(required=True)
    status = fields.String(required=True, validate=validate.OneOf(["published", REFUSED]))
    period = fields.String(required=True, allow_none=True, metadata={
        "description": "the latest quarter the release covers (2026-Q4); null when refused"})
    released_on = fields.String(required=True, allow_none=True, metadata={"format": "date",
                                                                          "description": "the day it was cut"})
    reports = fields.Integer(required=True, allow_none=True, metadata={
        "description": "reports in that quarter as published, rounded to the nearest 5; null when not shown"})
    method_version = fields.String(required=True)
    refused_on = fields.String(required=True, allow_none=True, metadata={"format": "date"})
    reason = fields.String(required=True, allow_none=True, metadata={
        "description": "why it was refused, in plain language; no count"})


class ReleaseList(Schema):
    releases = fields.List(fields.String(), required=True, metadata={"description": "complete releases, oldest first"})
    listing = fields.List(fields.Nested(ReleaseSummary), required=True, metadata={
        "description": "complete and refused releases, oldest first"})


class Refusal(Schema):
    release_id = fields.String(required=True)
    status = fields.String(required=True, validate=validate.Equal(REFUSED))
    method_version = fields.String(required=True)
    refused_on = fields.String(required=True, metadata={"format": "date"})
    reason = fields.String(required=True, metadata={"description": "why it was refused, in plain language"})


class Requested(Schema):
    release_id = fields.String(required=True)
    status = fields.String(required=True, validate=validate.Equal("requested"))


class Wipe(WipeOutcome):
    """The aggregator's confirmation of a wipe: its status (`wiped` once no record the release
    covered is readable) and which topics it purged. No offsets and no counts."""

    class Meta:   # what the API serves, exactly (the topic's readers are the tolerant ones)
        unknown = RAISE


class AuditEntry(AuditEvent):
    """An audit topic event as stored: its time already ISO 8601, UTC."""
    at = fields.String(required=True, metadata={"format": "date-time"})

    class Meta:   # what the API serves, exactly
        unknown = RAISE


class AuditLog(Schema):
    entries = fields.List(fields.Nested(AuditEntry), required=True, metadata={"description": "newest first"})


class TopicLifetime(Schema):
    """No record counts and no exact times: polled, they would give away how many reports
    arrived and when."""
    topic = fields.String(required=True)
    within_bound = fields.Boolean(required=True, metadata={"description": "no record is older than bound_ms"})
    oldest_age_hours = fields.Integer(required=True, metadata={
        "description": "clock hours since the hour the oldest record arrived in; 0 also when the topic is empty"})
    bound_ms = fields.Integer(required=True, allow_none=True, metadata={
        "description": "the longest a record can stay on disk, from the topic's configuration; null: kept for ever"})
    summary = fields.String(required=True, metadata={"description": "the same in plain English"})


class SealingKey(Schema):
    key_id = fields.String(required=True)
    current = fields.Boolean(required=True, metadata={"description": "the key intakes seal with now"})
    destroyed_by = fields.String(required=True, metadata={
        "description": "the latest its private half is destroyed, to the hour (UTC)"})
    summary = fields.String(required=True)


class Lifetimes(Schema):
    topics = fields.List(fields.Nested(TopicLifetime), required=True)
    keys = fields.List(fields.Nested(SealingKey), required=True, allow_none=True, metadata={
        "description": "the sealing private keys the redactor holds; null where the reporter cannot see its folder"})


class Error(Schema):
    error = fields.String(required=True)
