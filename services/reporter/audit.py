"""The audit log: every administrative action and every download, on the audit topic
(`portal.audit.v1`, kept), read back from its start when the reporter starts.

An entry holds the action, when, which credential (its fingerprint) and role, and the release id
and download kind where there is one: never report content, never a token, never an address.
An action whose entry cannot be written does not happen (the caller answers 503)."""
from __future__ import annotations

import threading
from datetime import datetime, timezone

from services.contracts import events

from .identity import ADMIN, Identity


class AuditTrail:
    """The entries read so far, each once, oldest first. Pure and thread-safe."""

    def __init__(self):
        self._lock = threading.Lock()
        self._entries: dict[str, events.AuditEventEvent] = {}

    def add(self, entry: events.AuditEventEvent) -> None:
        with self._lock:
            self._entries.setdefault(entry.event_id, entry)

    def entries(self) -> list[events.AuditEventEvent]:
        """Newest first (the later written first within one second)."""
        with self._lock:
            return sorted(reversed(self._entries.values()), key=lambda e: e.at, reverse=True)

    def first_admin_pack_download(self, release_id: str) -> datetime | None:
        """When an administrator first downloaded this release's pack: the automatic wipe's start."""
        with self._lock:
            times = [e.at for e in self._entries.values()
                     if e.action == "pack_downloaded" and e.release_id == release_id and e.role == ADMIN]
        return datetime.fromisoformat(min(times)) if times else None

    def wipe_requested_since(self, release_id: str, since: datetime) -> bool:
        with self._lock:
            return any(e.action == "wipe_requested" and e.release_id == release_id
                       and datetime.fromisoformat(e.at) >= since for e in self._entries.values())

    def pack_downloaded_by_admin(self, release_id: str) -> bool:
        """Whether an administrator has downloaded this release's report pack: the condition the
        wipe of the records the release covered waits for."""
        with self._lock:
            return any(e.action == "pack_downloaded" and e.release_id == release_id and e.role == ADMIN
                       for e in self._entries.values())


class AuditLog:
    def __init__(self, topic: str, trail: AuditTrail, publisher, clock=lambda: datetime.now(timezone.utc)):
        """`publisher()` returns the acknowledged producer (SyncProducer) to write with."""
        self.topic, self.trail = topic, trail
        self._publisher, self._clock = publisher, clock

    def record(self, action: str, who: Identity | None, release_id: str | None = None,
               detail: str | None = None) -> dict:
        """Writes the entry and returns once the broker has it; raises KafkaUnavailable if not."""
        entry = self.entry(action, who, release_id, detail)
        self.write(entry)
        return entry

    def entry(self, action: str, who: Identity | None, release_id: str | None = None,
              detail: str | None = None) -> dict:
        """A new entry, stamped now, with its own event id (written again, it is kept once)."""
        return {"schema_version": events.SCHEMA_VERSION, "event_id": events.new_event_id(),
                "at": self._clock().replace(microsecond=0).isoformat(), "action": action,
                "actor": who.subject if who else None, "role": who.role if who else None,
                "release_id": release_id, "detail": detail}

    def write(self, entry: dict) -> None:
        """Writes `entry` (AuditLog.entry) and returns once the broker has it; KafkaUnavailable if not."""
        body = events.encode(events.AuditEvent, entry)
        self._publisher().send(self.topic, body, key=(entry["release_id"] or entry["action"]).encode())
        self.trail.add(events.decode(events.AuditEvent, body))
