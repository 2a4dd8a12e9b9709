"""What the steering group can do, whichever way they ask (API or pages): read complete
releases, download their report and exports, and, as administrators, request a release or a
wipe. Every download is written to the audit log before a byte is sent; every command (release,
wipe) once the broker has acknowledged it, or as `..._request_failed` when it did not."""
from __future__ import annotations

import logging
import secrets
import threading
import time
from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone
from typing import Callable

from services.common.kafka import KafkaUnavailable
from services.contracts import events

from .audit import AuditLog
from .documents import DOWNLOADS, Renderer, filename
from .identity import ADMIN, Identity
from .releases import ReleaseBook

# Who the audit log names for a wipe the reporter sends itself, a grace after an administrator's
# download of the pack (the download's confirmation step is the administrator's consent).
AUTOMATIC = Identity("system:wipe-after-download", ADMIN)
log = logging.getLogger("reporter")


class NotFound(LookupError):
    pass


class NotYet(RuntimeError):
    """An action whose precondition is not met (a wipe before the pack was downloaded)."""


class CommandNotSent(KafkaUnavailable):
    """A command (release or wipe) the broker did not acknowledge within the bound: it may not
    have been sent, or may still arrive. The audit log records `<kind>_request_failed`, not the
    request."""


class CommandUnaudited(KafkaUnavailable):
    """A command the broker acknowledged whose audit entry it did not: the command was sent."""


# What the audit log records for a command the broker did not acknowledge.
FAILED = {"release_requested": "release_request_failed", "wipe_requested": "wipe_request_failed"}
# When a failure entry is tried again (seconds before each try): about 3 minutes in all.
FAILURE_RETRIES = (0, 1, 4, 10, 25, 60, 90)


@dataclass(frozen=True)
class WipeRequested:
    """A wipe sent, whose outcome has not arrived yet (GET .../wipe answers it once it has)."""
    release_id: str
    command_id: str
    status: str = "requested"


class WipeLedger:
    """The aggregator's wipe outcomes (wipes topic), by command and by release. Thread-safe.
    `on_outcome(outcome)` is called, outside the lock, for each outcome added."""

    def __init__(self, on_outcome: Callable[[dict], None] | None = None):
        self._lock = threading.Lock()
        self._by_command: dict[str, events.WipeOutcomeEvent] = {}
        self._by_release: dict[str, events.WipeOutcomeEvent] = {}
        self.on_outcome = on_outcome

    def add(self, outcome: events.WipeOutcomeEvent) -> None:
        with self._lock:
            self._by_command[outcome.command_id] = outcome
            self._by_release[outcome.release_id] = outcome
        if self.on_outcome is not None:
            self.on_outcome(outcome)

    def latest(self, release_id: str) -> events.WipeOutcomeEvent | None:
        with self._lock:
            return self._by_release.get(release_id)

    def wiped(self, release_id: str) -> bool:
        """Whether the release's latest wipe outcome is a complete wipe."""
        latest = self.latest(release_id)
        return latest is not None and latest.status == "wiped"

    def of_command(self, command_id: str) -> events.WipeOutcomeEvent | None:
        with self._lock:
            return self._by_command.get(command_id)


@dataclass
class _Waiting:
    """A wipe command sent from this reporter: who asked (None for an automatic wipe, whose
    outcome the audit log does not confirm), whether its send has returned, and its outcome if
    that came first."""
    release_id: str
    who: Identity | None
    sent: bool = False
    outcome: events.WipeOutcomeEvent | None = None


class Reporting:
    def __init__(self, book: ReleaseBook, documents: Renderer, audit: AuditLog, commands_topic: str, publisher,
                 wipes: WipeLedger | None = None, wipe_grace_days: float = 1.0):
        self.book, self.documents, self.audit = book, documents, audit
        self._commands_topic, self._publisher = commands_topic, publisher
        self.wipes = wipes if wipes is not None else WipeLedger()
        self.wipes.on_outcome = self._confirmed
        self.wipe_grace = timedelta(days=wipe_grace_days)
        self._wiping = threading.Lock()
        self._pending = threading.Lock()
        # Wipe commands sent from here, awaiting their outcome, by command id.
        self._waiting: dict[str, _Waiting] = {}

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
        """Send the wipe command of every release whose automatic wipe is due (audited once the
        broker acknowledged it, as `wipe_requested` by AUTOMATIC; a wipe not acknowledged is
        sent again at the next check); the outcome arrives on the wipes topic. Returns their ids."""
        with self._wiping:
            due = self.due_wipes(now or datetime.now(timezone.utc))
            for rid in due:
                self._send_wipe(rid, AUTOMATIC, confirm=False)
        return due

    def _send_wipe(self, release_id: str, who: Identity, confirm: bool = True) -> str:
        command_id = events.new_event_id()
        command = events.encode(events.Command, {"schema_version": events.SCHEMA_VERSION, "command_id": command_id,
                                                 "kind": "wipe", "release_id": release_id})
        with self._pending:   # before sending: the outcome can arrive before send returns
            self._waiting[command_id] = _Waiting(release_id, who if confirm else None)
        try:
            self._send_command("wipe_requested", who, release_id, command)
        except CommandNotSent:
            with self._pending:
                self._waiting.pop(command_id, None)
            raise
        finally:   # sent (audited or not): an outcome that came first is confirmed now, after the request
            with self._pending:
                waiting = self._waiting.get(command_id)
                if waiting is not None:
                    waiting.sent = True
                early = self._waiting.pop(command_id) if waiting is not None and waiting.outcome else None
            if early is not None:
                self._confirm(early)
        return command_id

    def _send_command(self, action: str, who: Identity, release_id: str, command: bytes) -> None:
        """Puts a command on the commands topic, then audits `action` (`release_requested`,
        `wipe_requested`): the audit log never shows a request the broker did not take. When the
        command is not acknowledged within the producer's bound (it may still arrive), the audit
        log records `<kind>_request_failed` in the background, without holding the caller past
        the bound, and CommandNotSent is raised; when the command was acknowledged but its audit
        entry was not, CommandUnaudited."""
        try:
            self._publisher().send(self._commands_topic, command, key=release_id.encode())
        except KafkaUnavailable as exc:
            threading.Thread(target=self._record_quietly, args=(FAILED[action], who, release_id),
                             daemon=True, name="audit-failure").start()
            raise CommandNotSent(str(exc)) from None
        try:
            self.audit.record(action, who, release_id=release_id)
        except KafkaUnavailable as exc:
            raise CommandUnaudited(str(exc)) from None

    def _confirmed(self, outcome: events.WipeOutcomeEvent) -> None:
        """An outcome on the wipes topic: the audit log confirms a wipe an administrator asked
        this reporter for (once: only the reporter that sent the command waits for it)."""
        with self._pending:
            waiting = self._waiting.get(outcome.command_id)
            if waiting is None:
                return
            waiting.outcome = outcome
            if not waiting.sent:   # the request's own entry is not written yet: it confirms this once it is
                return
            del self._waiting[outcome.command_id]
        self._confirm(waiting)

    def _confirm(self, waiting: "_Waiting") -> None:
        outcome, who = waiting.outcome, waiting.who
        if who is None:
            return
        try:
            self.audit.record("wipe_confirmed", who, release_id=outcome.release_id, detail=outcome.status)
        except KafkaUnavailable:   # the outcome itself stays on the wipes topic, shown on the release's page
            log.warning("wipe confirmation not audited", extra={"release_id": outcome.release_id})

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
        """Puts a release command on the commands topic and audits it as `release_requested` once
        the broker acknowledged it (`_send_command`); raises CommandNotSent or CommandUnaudited."""
        release_id = f"{date.today():%Y%m%d}-{secrets.token_hex(4)}"
        command = events.encode(events.Command, {"schema_version": events.SCHEMA_VERSION,
                                                 "command_id": events.new_event_id(),
                                                 "kind": "release", "release_id": release_id})
        self._send_command("release_requested", who, release_id, command)
        return release_id

    def _record_quietly(self, action: str, who: Identity, release_id: str) -> None:
        """Writes a failure entry from a background thread, trying again while the broker is away
        (FAILURE_RETRIES); the same entry each time, so that the trail keeps it once."""
        entry = self.audit.entry(action, who, release_id=release_id)
        for delay in FAILURE_RETRIES:
            time.sleep(delay)
            try:
                self.audit.write(entry)
                return
            except KafkaUnavailable:
                continue
        log.warning("audit entry not written", extra={"action": action, "release_id": release_id})

    def wipe(self, release_id: str, who: Identity) -> WipeRequested:
        """Once an administrator has downloaded the release's pack, ask the aggregator to purge
        the individual-level records the release covered. Returns at once (no request waits for
        the aggregator): WipeRequested; the outcome
        arrives on the wipes topic (`wipe_outcome`), and is audited as `wipe_confirmed`."""
        release_id = self.release(release_id)["release_id"]
        if not self.audit.trail.pack_downloaded_by_admin(release_id):
            raise NotYet("Download this release's report pack first: the wipe deletes the records it was made from")
        command_id = self._send_wipe(release_id, who)
        return WipeRequested(release_id, command_id)

    def wipe_pending(self, release_id: str) -> bool:
        """Whether a wipe this reporter sent for the release still awaits its outcome."""
        with self._pending:
            return any(w.release_id == release_id for w in self._waiting.values())

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
