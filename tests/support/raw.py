"""Open sealed raw events the way the redactor does, for assertions."""
from __future__ import annotations

import base64
import json
from pathlib import Path

from services.common import sealing
from services.contracts import events
from services.intake import submission


def open_raw(value: bytes, keys_dir: Path) -> dict:
    """The sealed report as it is on the wire (a dict of its JSON, every field it has)."""
    envelope = events.decode(events.SealedRaw, value)
    inner = sealing.unseal(sealing.private_keys(keys_dir), envelope.key_id, base64.b64decode(envelope.sealed))
    return json.loads(inner)


def sealed(answers: dict, event_id: str, keys_dir: Path, month: str = "2026-11") -> bytes:
    kid, public = sealing.newest_public(keys_dir)
    return submission.sealed_event(submission.raw_event(answers, event_id, month), event_id, kid, public)


def sealed_unchecked(answers: dict, event_id: str, keys_dir: Path, month: str = "2026-11") -> bytes:
    """A raw record the intake would refuse (a client of its own, an older intake), sealed as
    the intake seals: for the redactor's own defences."""
    kid, public = sealing.newest_public(keys_dir)
    raw = json.dumps({"schema_version": events.SCHEMA_VERSION, "event_id": event_id, "month": month,
                      "answers": answers}).encode()
    return submission.sealed_event(raw, event_id, kid, public)
