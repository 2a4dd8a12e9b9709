"""Bearer tokens, stored only as SHA-256 hashes and compared in constant time: the reporter's
IdentityProvider until single sign-on replaces it (see identity.py)."""
from __future__ import annotations

import hashlib
import hmac
import re
import secrets
import sys

from .identity import Identity

HASH = re.compile(r"^[0-9a-f]{64}$")


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def fingerprint(stored_hash: str) -> str:
    """Names a token in the audit log without revealing it: a prefix of its hash's hash."""
    return "token:" + hashlib.sha256(stored_hash.encode()).hexdigest()[:12]


class Tokens:
    def __init__(self, hashes: dict[str, str]):
        """`hashes` maps a token's SHA-256 (hex) to its role."""
        bad = [h for h in hashes if not HASH.match(h)]
        if bad:
            raise ValueError(f"{len(bad)} token hash(es) are not 64 lowercase hex digits")
        self._identities = {h: Identity(fingerprint(h), role) for h, role in hashes.items()}

    def identify(self, credential: str) -> Identity | None:
        presented = token_hash(credential.strip())
        found = None
        for stored, identity in self._identities.items():   # every hash compared: no early exit
            if hmac.compare_digest(stored, presented):
                found = identity
        return found if credential.strip() else None

    def from_header(self, authorization: str | None) -> Identity | None:
        if not authorization or not authorization.startswith("Bearer "):
            return None
        return self.identify(authorization[len("Bearer "):])

    def __repr__(self) -> str:
        return f"Tokens({len(self._identities)} hashed)"


def main() -> None:
    """`portal-token`: a new random token and the SHA-256 to configure (REPORTER_VIEWER_TOKENS);
    hand the token to its holder and keep only the hash."""
    token = secrets.token_urlsafe(24)
    sys.stdout.write(f"token:  {token}\nsha256: {token_hash(token)}\n")
