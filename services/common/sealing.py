"""Raw payloads are sealed (libsodium sealed boxes) to the redactor's public key, so broker
disks, backups and mirrors only ever hold ciphertext. Destroying a private key makes every raw
record sealed to it unreadable.

A key folder holds `<key_id>.public` (the intake needs only these) and `<key_id>.secret` (only
the redactor's copy has these). The key id is derived from the public key."""
from __future__ import annotations

import hashlib
import os
from pathlib import Path

from nacl.exceptions import CryptoError
from nacl.public import PrivateKey, PublicKey, SealedBox


class UnknownKey(LookupError):
    """The record was sealed to a key this redactor does not hold (destroyed or never had)."""


class Unsealable(ValueError):
    """The ciphertext does not open with the key it names."""


def key_id(public: PublicKey) -> str:
    return hashlib.sha256(bytes(public)).hexdigest()[:16]


def generate(folder: Path) -> str:
    """Create a new key pair in `folder`; returns its id. The secret file is readable by its owner only."""
    folder.mkdir(parents=True, exist_ok=True)
    private = PrivateKey.generate()
    kid = key_id(private.public_key)
    secret = folder / f"{kid}.secret"
    fd = os.open(secret, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "wb") as fh:
        fh.write(bytes(private))
    (folder / f"{kid}.public").write_bytes(bytes(private.public_key))
    return kid


def newest_public(folder: Path) -> tuple[str, PublicKey]:
    """The public key to seal new records to: the most recently created one."""
    keys = sorted(folder.glob("*.public"), key=lambda p: p.stat().st_mtime_ns)
    if not keys:
        raise UnknownKey(f"no public key in {folder}")
    return keys[-1].stem, PublicKey(keys[-1].read_bytes())


def private_keys(folder: Path) -> dict[str, PrivateKey]:
    return {p.stem: PrivateKey(p.read_bytes()) for p in folder.glob("*.secret")}


def seal(public: PublicKey, plaintext: bytes) -> bytes:
    return SealedBox(public).encrypt(plaintext)


def unseal(keys: dict[str, PrivateKey], kid: str, ciphertext: bytes) -> bytes:
    if kid not in keys:
        raise UnknownKey(kid)
    try:
        return SealedBox(keys[kid]).decrypt(ciphertext)
    except CryptoError:
        raise Unsealable(kid) from None
