"""Raw payloads are sealed (libsodium sealed boxes) to the redactor's public key, so broker
disks, backups and mirrors only ever hold ciphertext. Destroying a private key makes every raw
record sealed to it unreadable.

A key folder holds `<key_id>.public` (the intake needs only these) and `<key_id>.secret` (only
the redactor's copy has these). The key id is derived from the public key."""
from __future__ import annotations

import base64
import hashlib
import os
from pathlib import Path

from nacl.encoding import HexEncoder
from nacl.exceptions import BadSignatureError, CryptoError
from nacl.public import PrivateKey, PublicKey, SealedBox
from nacl.signing import SigningKey, VerifyKey

from services.contracts import events


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


# Public keys travel to the intakes on a Kafka topic, signed by the redactors' key lease holder
# with an Ed25519 key kept beside the private sealing keys; an intake accepts only what its
# configured verify key checks, so whoever can write the topic still cannot choose the key
# reports are sealed to.
SIGNING_FILE = "signing.ed25519"


def signing_key(folder: Path) -> SigningKey:
    """The folder's signing key, created (readable by its owner only) if it has none yet; two
    replicas creating it at once get the same one (O_EXCL: the loser reads the winner's)."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / SIGNING_FILE
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        return SigningKey(path.read_bytes())
    key = SigningKey.generate()
    with os.fdopen(fd, "wb") as fh:
        fh.write(bytes(key))
    return key


def verify_key_hex(folder: Path) -> str:
    """The setting SEALING_VERIFY_KEY every intake needs: the signing key's public half."""
    return signing_key(folder).verify_key.encode(HexEncoder).decode()


def _signed_bytes(kid: str, public: bytes, created_ms: int) -> bytes:
    return f"{kid}.{base64.b64encode(public).decode()}.{created_ms}".encode()


def public_record(signer: SigningKey, kid: str, public: bytes, created_ms: int) -> bytes:
    """The keys topic's record for one public key (keyed by its id): events.PublicKey."""
    signature = signer.sign(_signed_bytes(kid, public, created_ms)).signature
    return events.encode(events.PublicKey, {
        "schema_version": events.SCHEMA_VERSION, "key_id": kid, "public": base64.b64encode(public).decode(),
        "created_ms": created_ms, "signature": base64.b64encode(signature).decode()})


class BadKeyRecord(ValueError):
    """A record on the keys topic that is malformed, or not signed by the redactors' key."""


def verified_public(verify: VerifyKey, value: bytes) -> tuple[str, PublicKey, int]:
    """(key id, public key, created ms) of a keys-topic record, or BadKeyRecord."""
    try:
        record = events.decode(events.PublicKey, value)
        public = base64.b64decode(record.public, validate=True)
        verify.verify(_signed_bytes(record.key_id, public, record.created_ms),
                      base64.b64decode(record.signature, validate=True))
        key = PublicKey(public)
    except (ValueError, BadSignatureError, CryptoError) as exc:   # InvalidMessage is a ValueError
        raise BadKeyRecord(getattr(exc, "error_class", type(exc).__name__)) from None
    if key_id(key) != record.key_id:
        raise BadKeyRecord("key id does not match the key")
    return record.key_id, key, record.created_ms
