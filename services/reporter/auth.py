"""Bearer tokens, stored only as SHA-256 hashes and compared in constant time."""
from __future__ import annotations

import hashlib
import hmac


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


class Tokens:
    def __init__(self, hashes: dict[str, str]):
        """`hashes` maps a token's hash to its role."""
        self._hashes = dict(hashes)

    def role_of(self, authorization: str | None) -> str | None:
        if not authorization or not authorization.startswith("Bearer "):
            return None
        presented = token_hash(authorization[len("Bearer "):].strip())
        for stored, role in self._hashes.items():
            if hmac.compare_digest(stored, presented):
                return role
        return None

    def __repr__(self) -> str:
        return f"Tokens({len(self._hashes)} hashed)"
