"""Key tending for any number of redactor replicas.

- Private keys: every replica reads the same key folder (RAW_KEYS_DIR: a volume they all mount,
  never backed up). A replica reloads it at every check (KEY_CHECK_SECONDS, default 60 s) and
  whenever a record names a key it does not hold, so a key destroyed by another replica leaves
  its memory within one check interval.
- Rotation and destruction: done only by the holder of the key lease, the one member of the
  consumer group KEY_LEASE_GROUP assigned the key-lease topic's single partition. A replica that
  dies loses the lease when its group session times out (LEASE_SESSION_MS); another takes over.
- Public keys: the holder publishes each public key, signed, on the public-keys topic before
  any intake can seal to it, and a tombstone for a key before its private half is destroyed, so
  intakes on any machine follow without a shared folder (services/common/public_keys.py).

Run `python -m services.redactor.keys verify-key DIR` for the SEALING_VERIFY_KEY every intake needs."""
from __future__ import annotations

import argparse
import asyncio
import logging
import os
import time
from pathlib import Path

from aiokafka import AIOKafkaConsumer, AIOKafkaProducer

from services.common import keyring, lifetimes, sealing
from services.common.kafka import group_lag
from services.common.kafka_client import client_options
from services.contracts.topics import KEY_LEASE_GROUP, REDACTOR_GROUP, Topics

log = logging.getLogger("keys")
LEASE_SESSION_MS = 10_000   # a dead holder's lease passes to another replica within about this


class KafkaLease:
    """Held while this replica's member of KEY_LEASE_GROUP is assigned the lease partition:
    Kafka's group protocol assigns it to at most one live member at a time."""

    def __init__(self, bootstrap: str, topic: str, check_every_ms: int):
        self._consumer = AIOKafkaConsumer(
            topic, bootstrap_servers=bootstrap, group_id=KEY_LEASE_GROUP, enable_auto_commit=False,
            session_timeout_ms=LEASE_SESSION_MS, heartbeat_interval_ms=LEASE_SESSION_MS // 5,
            max_poll_interval_ms=max(300_000, 3 * check_every_ms), **client_options())

    async def start(self, wait_s: float = 5.0) -> None:
        """Joins the group; waits a little for an assignment, so that a lone replica rotates
        at once (one of several may never be assigned: it does not hold the lease)."""
        await self._consumer.start()
        deadline = time.monotonic() + wait_s
        while not self._consumer.assignment() and time.monotonic() < deadline:
            await self._consumer.getmany(timeout_ms=200)

    async def held(self) -> bool:
        await self._consumer.getmany(timeout_ms=0)   # a poll: stays a live member of the group
        return bool(self._consumer.assignment())

    async def stop(self) -> None:
        await self._consumer.stop()


class KeyBoard:
    """The holder's writes to the public-keys topic (compacted, keyed by key id)."""

    def __init__(self, bootstrap: str, topic: str, signer):
        self._topic, self._signer = topic, signer
        self._producer = AIOKafkaProducer(bootstrap_servers=bootstrap, acks="all", enable_idempotence=True,
                                          **client_options())
        self._published: set[str] = set()

    async def start(self) -> None:
        await self._producer.start()

    async def publish(self, folder: Path) -> None:
        """Every public key in the folder not yet published by this holder (a new holder
        publishes them all again: the same records, which compaction folds together)."""
        for kid, created in sorted(keyring.created_ms(folder).items(), key=lambda kv: kv[1]):
            if kid not in self._published:
                public = (folder / f"{kid}.public").read_bytes()
                await self._producer.send_and_wait(self._topic, sealing.public_record(
                    self._signer, kid, public, created), key=kid.encode())
                self._published.add(kid)

    async def retract(self, kid: str) -> None:
        await self._producer.send_and_wait(self._topic, None, key=kid.encode())
        self._published.discard(kid)

    async def stop(self) -> None:
        await self._producer.stop()


class KeyTender:
    """Started with the redactor: `ring.keys` is what the handler opens records with."""

    def __init__(self, bootstrap: str, topics: Topics, folder: Path, env=os.environ):
        self._bootstrap, self._topics, self._folder, self._env = bootstrap, topics, Path(folder), env
        self.ring: keyring.Keyring | None = None
        self._drained_at: int | None = None
        self._task: asyncio.Task | None = None

    async def start(self) -> None:
        bound = await lifetimes.raw_worst_case_ms(self._bootstrap, self._topics.raw)
        policy = keyring.KeyPolicy.from_env(self._env, raw_worst_case_ms=bound)
        self.ring = keyring.Keyring(self._folder, policy)
        self._lease = KafkaLease(self._bootstrap, self._topics.key_lease, policy.check_every_ms)
        self._board = KeyBoard(self._bootstrap, self._topics.public_keys, sealing.signing_key(self._folder))
        await self._lease.start()
        await self._board.start()
        await self.tick()
        self._task = asyncio.create_task(self._every(policy.check_every_ms / 1000))

    async def tick(self) -> None:
        """The holder rotates, publishes and destroys; every replica reloads the folder."""
        if not await self._lease.held():
            self.ring.keys.reload()
            self._drained_at = None   # a lease held again starts from what it sees itself
            return
        checked = int(time.time() * 1000)
        if await group_lag(self._bootstrap, REDACTOR_GROUP, self._topics.raw) == 0:
            self._drained_at = checked   # every raw record appended before `checked` is redacted
        if new := self.ring.rotate(checked):
            log.warning("sealing key created", extra={"key_id": new})
        await self._board.publish(self._folder)
        for kid in self.ring.doomed(checked, self._drained_at):
            await self._board.retract(kid)   # first: no intake seals to it any more
            self.ring.destroy(kid)
            log.warning("sealing key destroyed", extra={"key_id": kid})

    async def _every(self, seconds: float) -> None:
        while True:
            await asyncio.sleep(seconds)
            try:
                await self.tick()
            except Exception as exc:   # keep tending; the raw lifetime stays the backstop
                log.error("key check failed", extra={"error_class": type(exc).__name__})

    async def stop(self) -> None:
        if self._task:
            self._task.cancel()
        for part in (getattr(self, "_lease", None), getattr(self, "_board", None)):
            if part is not None:
                await part.stop()


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description="Sealing-key helpers for operators.")
    parser.add_argument("command", choices=["verify-key"])
    parser.add_argument("folder", type=Path, help="the redactors' key folder (RAW_KEYS_DIR)")
    args = parser.parse_args(argv)
    print(sealing.verify_key_hex(args.folder))


if __name__ == "__main__":
    main()
