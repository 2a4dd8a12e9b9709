"""What the steering group can do, whichever way they ask (API or pages): read complete
releases, download their report and exports, and, as administrators, request a release.
Every request for a release and every download is written to the audit log first."""
from __future__ import annotations

import secrets
import threading
from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone

from services.contracts import events

from .audit import AuditLog
from .documents import DOWNLOADS, Documents, filename
from .identity import ADMIN, Identity

# Who the audit log names for a wipe the reporter sends itself, a grace after an administrator's
# download of the pack (the download's confirmation step is the administrator's consent).
AUTOMATIC = Identity("system:wipe-after-download", ADMIN)
from .releases import ReleaseBook


class NotFound(LookupError):
    pass


class NotYet(RuntimeError):
    """An action whose precondition is not met (a wipe before the pack was downloaded)."""


@dataclass(frozen=True)
class WipeRequested:
    """A wipe asked for whose outcome did not come in time."""
    release_id: str
    status: str = "requested"


class WipeLedger:
    """The aggregator's wipe outcomes (wipes topic), by command and by release. Thread-safe."""

    def __init__(self):
        self._changed = threading.Condition()
        self._by_command: dict[str, events.WipeOutcomeEvent] = {}
        self._by_release: dict[str, events.WipeOutcomeEvent] = {}

    def add(self, outcome: events.WipeOutcomeEvent) -> None:
        with self._changed:
            self._by_command[outcome.command_id] = outcome
            self._by_release[outcome.release_id] = outcome
            self._changed.notify_all()

    def latest(self, release_id: str) -> events.WipeOutcomeEvent | None:
        with self._changed:
            return self._by_release.get(release_id)

    def wiped(self, release_id: str) -> bool:
        """Whether the release's latest wipe outcome is a complete wipe."""
        latest = self.latest(release_id)
        return latest is not None and latest.status == "wiped"

    def wait(self, command_id: str, timeout: float) -> events.WipeOutcomeEvent | None:
        with self._changed:
            self._changed.wait_for(lambda: command_id in self._by_command, timeout)
            return self._by_command.get(command_id)


class Reporting:
    def __init__(self, book: ReleaseBook, documents: Documents, audit: AuditLog, commands_topic: str, publisher,
                 wipes: WipeLedger | None = None, wipe_wait: float = 60.0, wipe_grace_days: float = 1.0):
        self.book, self.documents, self.audit = book, documents, audit
        self._commands_topic, self._publisher = commands_topic, publisher
        self.wipes = wipes if wipes is not None else WipeLedger()
        self._wipe_wait = wipe_wait
        self.wipe_grace = timedelta(days=wipe_grace_days)
        self._wiping = threading.Lock()

    def wipe_due_at(self, release_id: str) -> datetime | None:
        """When the reports of a release will be wiped automatically: a grace after an
        administrator first downloaded its pack; None before any such download."""
        downloaded = self.audit.trail.first_admin_pack_download(release_id)
        return downloaded + self.wipe_grace if downloaded else None

    def due_wipes(self, now: datetime) -> list[str]:
        """Releases whose automatic wipe is due: downloaded by an administrator at least a grace
        ago, not wiped, and no wipe requested since the download."""
        due = []
        for rid in self.book.ids():
            at = self.wipe_due_at(rid)
            if at is None or now < at or self.wipes.wiped(rid):
                continue
            if not self.audit.trail.wipe_requested_since(rid, at - self.wipe_grace):
                due.append(rid)
        return due

    def run_due_wipes(self, now: datetime | None = None) -> list[str]:
        """Send the wipe command of every release whose automatic wipe is due (audited first, as
        `wipe_requested` by AUTOMATIC); the outcome arrives on the wipes topic. Returns their ids."""
        with self._wiping:
            due = self.due_wipes(now or datetime.now(timezone.utc))
            for rid in due:
                self._send_wipe(rid, AUTOMATIC)
        return due

    def _send_wipe(self, release_id: str, who: Identity) -> str:
        command_id = events.new_event_id()
        command = events.encode(events.Command, {"schema_version": events.SCHEMA_VERSION, "command_id": command_id,
                                                 "kind": "wipe", "release_id": release_id})
        self.audit.record("wipe_requested", who, release_id=release_id)
        self._publisher().send(self._commands_topic, command, key=release_id.encode())
        return command_id

    def release(self, release_id: str) -> dict:
        """A complete release's document; `latest` for the newest. NotFound otherwise."""
        rid = self.book.latest_id() if release_id == "latest" else release_id
        doc = self.book.get(rid) if rid else None
        if doc is None:
            raise NotFound("No release has been published yet" if release_id == "latest" else "No such release")
        return doc

    def refusal(self, release_id: str) -> dict | None:
        """A refused release's entry (`releases.refusal_entry`), else None."""
        return self.book.refusal(release_id)

    def table(self, release_id: str, table_id: str) -> dict:
        doc = self.release(release_id)
        if table_id not in doc["tables"]:
            raise NotFound("No such table in this release")
        meta = {k: v for k, v in doc.items() if k != "tables"}
        return {**meta, "table_id": table_id, "table": doc["tables"][table_id]}

    def request_release(self, who: Identity) -> str:
        """Audits, then puts a release command on the commands topic; raises KafkaUnavailable."""
        release_id = f"{date.today():%Y%m%d}-{secrets.token_hex(4)}"
        command = events.encode(events.Command, {"schema_version": events.SCHEMA_VERSION,
                                                 "command_id": events.new_event_id(),
                                                 "kind": "release", "release_id": release_id})
        self.audit.record("release_requested", who, release_id=release_id)
        self._publisher().send(self._commands_topic, command, key=release_id.encode())
        return release_id

    def wipe(self, release_id: str, who: Identity) -> events.WipeOutcomeEvent | WipeRequested:
        """Once an administrator has downloaded the release's pack, ask the aggregator to purge
        the individual-level records the release covered, and wait for its confirmation. Both
        the request and the confirmation go to the audit log. Returns the outcome, or
        WipeRequested if none came in time."""
        release_id = self.release(release_id)["release_id"]
        if not self.audit.trail.pack_downloaded_by_admin(release_id):
            raise NotYet("Download this release's report pack first: the wipe deletes the records it was made from")
        command_id = self._send_wipe(release_id, who)
        outcome = self.wipes.wait(command_id, self._wipe_wait)
        if outcome is None:
            return WipeRequested(release_id)
        self.audit.record("wipe_confirmed", who, release_id=release_id, detail=outcome.status)
        return outcome

    def wipe_outcome(self, release_id: str) -> events.WipeOutcomeEvent:
        outcome = self.wipes.latest(self.release(release_id)["release_id"])
        if outcome is None:
            raise NotFound("This release has not been wiped")
        return outcome

    def download(self, release_id: str, kind: str, who: Identity) -> tuple[bytes, str, str]:
        """(body, file name, media type). The download is in the audit log before a byte is sent:
        a pack as `pack_downloaded`, anything else as `report_downloaded` with its kind."""
        if kind not in DOWNLOADS:
            raise NotFound("No such download")
        doc = self.release(release_id)
        body = self.documents.render(doc, kind)
        action = "pack_downloaded" if kind == "pack" else "report_downloaded"
        self.audit.record(action, who, release_id=doc["release_id"], detail=kind)
        return body, filename(doc["release_id"], kind), DOWNLOADS[kind].mimetype
