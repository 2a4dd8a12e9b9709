"""Sealing keys over time: a new key pair on a schedule, and each old private key destroyed as
soon as no raw record sealed with it can still need opening (crypto-shredding).

A key is *superseded* when a newer key is created (the intake seals to the newest public key,
read at each submission). After a grace period for submissions already under way, nothing new
is sealed with it. Its private key is then destroyed at the earlier of:
- the redactor having drained the raw topic at some moment after that (every record appended
  before the moment is redacted and deleted), or
- the raw topic's worst-case lifetime having passed after that (every such record has expired).
Destroyed means the secret file is overwritten and unlinked and the key dropped from memory."""
from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from services.common.settings import number
from services.contracts import privacy

from . import sealing


@dataclass(frozen=True)
class KeyPolicy:
    rotate_every_ms: int
    grace_ms: int
    raw_worst_case_ms: int        # from the raw topic's configuration, as the broker reports it
    check_every_ms: int = 60_000

    @classmethod
    def from_env(cls, env: Mapping[str, str], raw_worst_case_ms: int) -> "KeyPolicy":
        def ms(name: str, default_ms: int) -> int:
            return int(number(env, name, default_ms / 1000, float, above=0) * 1000)
        return cls(rotate_every_ms=ms("KEY_ROTATE_SECONDS", privacy.KEY_ROTATION_MS),
                   grace_ms=ms("KEY_GRACE_SECONDS", privacy.KEY_GRACE_MS),
                   raw_worst_case_ms=raw_worst_case_ms,
                   check_every_ms=ms("KEY_CHECK_SECONDS", 60_000))


def created_ms(folder: Path) -> dict[str, int]:
    """Each key's creation time, from its public file (written once, never modified)."""
    return {p.stem: p.stat().st_mtime_ns // 1_000_000 for p in folder.glob("*.public")}


def rotation_due(created: dict[str, int], now_ms: int, policy: KeyPolicy) -> bool:
    return not created or now_ms - max(created.values()) >= policy.rotate_every_ms


def to_destroy(created: dict[str, int], now_ms: int, policy: KeyPolicy,
               drained_at_ms: int | None) -> list[str]:
    """The keys whose private halves can no longer be needed. `drained_at_ms` is a moment by
    which every raw record then on the topic had been redacted (None if not known)."""
    order = sorted(created, key=lambda k: (created[k], k))
    doomed = []
    for older, newer in zip(order, order[1:]):
        unused_from = created[newer] + policy.grace_ms
        if now_ms >= unused_from + policy.raw_worst_case_ms or (
                drained_at_ms is not None and drained_at_ms >= unused_from):
            doomed.append(older)
    return doomed


def destroy(folder: Path, kid: str) -> None:
    """Overwrite the secret with random bytes, flush it to disk and unlink it; remove the
    public half so no intake can pick it up again. (On copy-on-write or journalled storage the
    overwrite is best effort; the unlink and the short raw lifetime are what the promise rests
    on, and backups must not include the key folder.)"""
    secret = folder / f"{kid}.secret"
    if secret.exists():
        size = secret.stat().st_size
        with open(secret, "r+b") as fh:
            fh.write(os.urandom(size))
            fh.flush()
            os.fsync(fh.fileno())
        secret.unlink()
    (folder / f"{kid}.public").unlink(missing_ok=True)


class HeldKeys(dict):
    """The private keys in memory. A key id not held is looked for once more in the folder before
    it is called unknown: another replica may have created it a moment ago. A key held whose
    secret file is gone (another replica destroyed it) is dropped when it is next asked for, so no
    record is opened with a destroyed key, even between two reloads."""

    def __init__(self, folder: Path):
        super().__init__(sealing.private_keys(folder))
        self.folder = folder

    def __contains__(self, kid) -> bool:
        if not dict.__contains__(self, kid):
            self.reload()
        elif not (self.folder / f"{kid}.secret").exists():   # one stat per record opened
            del self[kid]
        return dict.__contains__(self, kid)

    def reload(self) -> None:
        """In step with the folder: a key destroyed by whichever replica is dropped from memory."""
        fresh = sealing.private_keys(self.folder)
        for kid in set(self) - set(fresh):
            del self[kid]
        self.update(fresh)


@dataclass
class Keyring:
    """The redactor's private keys, kept in step with the key folder."""
    folder: Path
    policy: KeyPolicy

    def __post_init__(self):
        self.keys = HeldKeys(self.folder)

    def tend(self, now_ms: int, drained_at_ms: int | None) -> tuple[str | None, list[str]]:
        """Rotate if due and destroy what is no longer needed; returns (new key id, destroyed ids).
        Only one replica may change the folder at a time (the lease in services/redactor/keys.py)."""
        new = self.rotate(now_ms)
        doomed = self.doomed(now_ms, drained_at_ms)
        for kid in doomed:
            self.destroy(kid)
        return new, doomed

    def rotate(self, now_ms: int) -> str | None:
        """A new key pair if one is due (its id), else None."""
        if not rotation_due(created_ms(self.folder), now_ms, self.policy):
            return None
        kid = sealing.generate(self.folder)
        self.keys.reload()   # in place: the handler holds this dict
        return kid

    def doomed(self, now_ms: int, drained_at_ms: int | None) -> list[str]:
        return to_destroy(created_ms(self.folder), now_ms, self.policy, drained_at_ms)

    def destroy(self, kid: str) -> None:
        destroy(self.folder, kid)
        self.keys.reload()
