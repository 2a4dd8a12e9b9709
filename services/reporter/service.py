"""The reporter's service layer, built once per process: the release book, audit trail and wipe
ledger (filled by one reader of their topics, from the local cache first), the acknowledged
producer, the documents, the operator's survey of where data is kept, tokens and the sign-in
limit. The pages and the API only call it."""
from __future__ import annotations

import logging
import threading
import time
from dataclasses import dataclass
from pathlib import Path

from services.common.kafka import SyncProducer
from services.intake.protection import RateLimiter

from .audit import AuditLog, AuditTrail
from .auth import Tokens
from .consumer import Cache, TopicReader, reader
from .documents import Documents
from .operator import Lifetimes
from .releases import ReleaseBook
from .reporting import Reporting, WipeLedger
from .settings import Settings

log = logging.getLogger("reporter")
CACHE_FILE = "topics.sqlite"


@dataclass
class Service:
    reporting: Reporting
    tokens: Tokens
    limiter: RateLimiter   # sign-in attempts; keeps no address (intake/protection.py)
    lifetimes: Lifetimes
    reader: TopicReader | None

    def reading(self) -> bool:
        """Whether the topics have been read up to where they ended when reading began."""
        return self.reader is None or self.reader.running


def build(settings: Settings, book: ReleaseBook | None = None, publisher=None, trail: AuditTrail | None = None,
          wipes: WipeLedger | None = None, start_reader: bool = True) -> Service:
    book = book if book is not None else ReleaseBook()
    trail = trail if trail is not None else AuditTrail()
    producer = _shared(publisher, settings.kafka_bootstrap)
    reporting = Reporting(book, Documents(), AuditLog(settings.topics.audit, trail, producer),
                          settings.topics.commands, producer, wipes, settings.wipe_grace_days)
    topic_reader = None
    if start_reader:
        cache = Cache(Path(settings.state_dir) / CACHE_FILE if settings.state_dir else None)
        topic_reader = reader(settings.kafka_bootstrap, settings.topics, book, trail, reporting.wipes, cache)
        topic_reader.replay().start()
        threading.Thread(target=_wipe_when_due, args=(reporting, topic_reader, settings.wipe_check_seconds),
                         daemon=True, name="automatic-wipe").start()
    return Service(reporting, Tokens(settings.token_roles()), RateLimiter(*settings.sign_in_limit),
                   Lifetimes(settings.kafka_bootstrap, settings.topics, settings.keys_dir), topic_reader)


def _wipe_when_due(reporting: Reporting, topic_reader: TopicReader, every: float) -> None:
    """Send each automatic wipe once it is due, once the topics have been read (so that the audit
    log already shows the downloads and wipes made before a restart)."""
    while True:
        time.sleep(every)
        if not topic_reader.running:
            continue
        try:
            reporting.run_due_wipes()
        except Exception as exc:   # the broker is away: try again at the next check
            log.warning("automatic wipe not sent", extra={"error_class": type(exc).__name__})


def _shared(publisher, bootstrap: str):
    """One acknowledged producer for release commands and audit entries, made on first use."""
    state, lock = {"publisher": publisher}, threading.Lock()

    def get():
        with lock:
            if state["publisher"] is None:
                state["publisher"] = SyncProducer(bootstrap)
            return state["publisher"]
    return get
