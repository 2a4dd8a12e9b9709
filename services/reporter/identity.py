"""Who is asking, and in what role: the one thing the rest of the reporter knows about a user.

Today identities come from bearer tokens (`auth.Tokens`). Single sign-on later is another
`IdentityProvider`: an OpenID Connect callback that maps the ID token's `sub` (or a pseudonymous
pairwise subject) and a group claim to an Identity, and puts it in the same session. Nothing
else changes: pages, API, roles and the audit log all take an Identity."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

from services.contracts.events import ROLES

ADMIN, VIEWER = ROLES
# What each role may do. A viewer reads releases and downloads reports; an administrator can
# also request releases, read the audit log and see where data is kept (and, later, run the wipe).
MAY = {VIEWER: frozenset({"read"}), ADMIN: frozenset({"read", "administer"})}


@dataclass(frozen=True)
class Identity:
    subject: str   # stable and not secret: a token's fingerprint now, an OpenID Connect subject later
    role: str

    def __post_init__(self):
        if self.role not in MAY:
            raise ValueError(f"unknown role {self.role!r}: one of {sorted(MAY)}")

    def may(self, permission: str) -> bool:
        return permission in MAY[self.role]


class IdentityProvider(Protocol):
    def identify(self, credential: str) -> Identity | None:
        """The identity a presented credential proves, or None."""
