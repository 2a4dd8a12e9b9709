"""What the steering group can do, whichever way they ask (API or pages): read complete
releases, download their report and exports, and, as administrators, request a release.
Every request for a release and every download is written to the audit log first."""
from __future__ import annotations

import secrets
from datetime import date

from services.contracts import events

from .audit import AuditLog
from .documents import DOWNLOADS, Documents, filename
from .identity import Identity
from .releases import ReleaseBook


class NotFound(LookupError):
    pass


class Reporting:
    def __init__(self, book: ReleaseBook, documents: Documents, audit: AuditLog, commands_topic: str, publisher):
        self.book, self.documents, self.audit = book, documents, audit
        self._commands_topic, self._publisher = commands_topic, publisher

    def release(self, release_id: str) -> dict:
        """A complete release's document; `latest` for the newest. NotFound otherwise."""
        rid = self.book.latest_id() if release_id == "latest" else release_id
        doc = self.book.get(rid) if rid else None
        if doc is None:
            raise NotFound("No release has been published yet" if release_id == "latest" else "No such release")
        return doc

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
