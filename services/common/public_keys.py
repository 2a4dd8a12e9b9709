"""Where an intake finds the public key to seal each report to. Two sources, one interface:

- `FolderPublicKeys`: the newest `*.public` file of a key folder (one machine: `make run`, tests);
- `TopicPublicKeys`: the public-keys topic, signed by the redactors' key lease holder
  (services/redactor/keys.py) and checked against SEALING_VERIFY_KEY, read from its start by a
  background thread and followed for ever, so any number of intakes on any machines see a new
  key within a poll (about a second) of its publication and stop using a destroyed one."""
from __future__ import annotations

import asyncio
import logging
import os
import threading
import time
from pathlib import Path
from typing import Protocol

from aiokafka import AIOKafkaConsumer, TopicPartition
from nacl.encoding import HexEncoder
from nacl.public import PublicKey
from nacl.signing import VerifyKey

from . import sealing
from .kafka_client import client_options

log = logging.getLogger("keys")


class PublicKeys(Protocol):
    def newest(self) -> tuple[str, PublicKey]:
        """(key id, key) to seal to now; sealing.UnknownKey if there is none."""


class FolderPublicKeys:
    """The newest public key of a folder, read again whenever the folder changes (a new or
    destroyed key changes the folder's modification time)."""

    def __init__(self, folder: Path):
        self._folder = Path(folder)
        self._cached: tuple[int, tuple[str, PublicKey]] | None = None
        self._lock = threading.Lock()

    def newest(self) -> tuple[str, PublicKey]:
        stamp = os.stat(self._folder).st_mtime_ns
        with self._lock:
            if self._cached is None or self._cached[0] != stamp:
                self._cached = (stamp, sealing.newest_public(self._folder))
            return self._cached[1]


class KeyTable:
    """The public keys a reader of the keys topic has accepted: each record checked against the
    verify key, a tombstone removing its key."""

    def __init__(self, verify_key_hex: str):
        self._verify = VerifyKey(verify_key_hex.encode(), encoder=HexEncoder)
        self._keys: dict[str, tuple[int, PublicKey]] = {}
        self._changed = threading.Condition()

    def newest(self) -> tuple[str, PublicKey]:
        with self._changed:
            if not self._keys:
                raise sealing.UnknownKey("no public key on the keys topic yet")
            kid = max(self._keys, key=lambda k: (self._keys[k][0], k))
            return kid, self._keys[kid][1]

    def wait(self, timeout: float) -> bool:
        """Whether a key is known within `timeout` seconds (an intake refuses to start without one)."""
        with self._changed:
            return self._changed.wait_for(lambda: bool(self._keys), timeout)

    def held(self) -> set[str]:
        with self._changed:
            return set(self._keys)

    def apply(self, key: bytes | None, value: bytes | None) -> None:
        """One record of the topic: a signed key, or a tombstone for a destroyed one."""
        with self._changed:
            if value is None:
                self._keys.pop((key or b"").decode(errors="replace"), None)
            else:
                try:
                    kid, public, created = sealing.verified_public(self._verify, value)
                except sealing.BadKeyRecord as exc:
                    log.error("public key record refused", extra={"error_class": str(exc)})
                    return
                self._keys[kid] = (created, public)
            self._changed.notify_all()


class TopicPublicKeys(KeyTable):
    def __init__(self, bootstrap: str, topic: str, verify_key_hex: str):
        super().__init__(verify_key_hex)
        self._bootstrap, self._topic = bootstrap, topic
        self._stopping = threading.Event()
        self._thread = threading.Thread(target=self._run, name="public-keys", daemon=True)
        self._thread.start()

    def close(self) -> None:
        self._stopping.set()
        self._thread.join(10)

    def _run(self) -> None:
        while not self._stopping.is_set():
            try:
                asyncio.run(self._follow())
            except Exception as exc:   # keep following; the keys already read stay in use
                log.warning("public keys topic unavailable", extra={"error_class": type(exc).__name__})
                time.sleep(1)

    async def _follow(self) -> None:
        consumer = AIOKafkaConsumer(bootstrap_servers=self._bootstrap, group_id=None, enable_auto_commit=False,
                                    auto_offset_reset="earliest", **client_options())
        await consumer.start()
        try:
            consumer.assign([TopicPartition(self._topic, 0)])
            await consumer.seek_to_beginning()
            while not self._stopping.is_set():
                for records in (await consumer.getmany(timeout_ms=500)).values():
                    for record in records:
                        self.apply(record.key, record.value)
        finally:
            await consumer.stop()
