"""Reporter settings, read once from the environment. Tokens themselves are never kept."""
from __future__ import annotations

import os
from dataclasses import dataclass, field

from services.contracts.topics import DEFAULT_PREFIX, Topics

from .auth import HASH, token_hash
from .oidc import OidcSettings


class MissingSetting(RuntimeError):
    pass


@dataclass(frozen=True)
class Settings:
    kafka_bootstrap: str
    topics: Topics
    port: int
    admin_token_hash: str = field(repr=False)
    secure_cookies: bool = True   # False only for local http://127.0.0.1 use
    viewer_token_hashes: tuple[str, ...] = field(default=(), repr=False)
    oidc: OidcSettings | None = field(default=None, repr=False)   # single sign-on, when configured
    sign_in_limit: tuple[int, float] = (10, 300)   # sign-in attempts per address per window (s)
    wipe_grace_days: float = 1.0       # from an administrator's pack download to the automatic wipe
    wipe_check_seconds: float = 60.0   # how often due wipes are looked for
    keys_dir: str | None = None   # the redactor's key folder, when on this host: the operator view lists its keys

    @classmethod
    def from_env(cls, env=os.environ) -> "Settings":
        token = env.get("REPORTER_API_TOKEN")
        if not token:
            raise MissingSetting("REPORTER_API_TOKEN must be set (make run generates one)")
        return cls(
            kafka_bootstrap=env.get("KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:9092"),
            topics=Topics(env.get("PORTAL_TOPIC_PREFIX", DEFAULT_PREFIX)),
            port=int(env.get("REPORTER_PORT", 8001)),
            admin_token_hash=token_hash(token),
            secure_cookies=env.get("REPORTER_INSECURE_COOKIES", "") != "1",
            viewer_token_hashes=viewer_hashes(env.get("REPORTER_VIEWER_TOKENS", "")),
            oidc=_oidc(env),
            sign_in_limit=_limit(env.get("REPORTER_SIGN_IN_LIMIT", "10/300")),
            wipe_grace_days=grace_days(env.get("REPORTER_WIPE_GRACE_DAYS", "1")),
            wipe_check_seconds=float(env.get("REPORTER_WIPE_CHECK_SECONDS", "60")),
            keys_dir=env.get("RAW_KEYS_DIR"),
        )

    def token_roles(self) -> dict[str, str]:
        return {**{h: "viewer" for h in self.viewer_token_hashes}, self.admin_token_hash: "admin"}


MAX_GRACE_DAYS = 7   # the FAQ: raw data is wiped once downloaded; a week at most to check the pack


def grace_days(value: str) -> float:
    try:
        days = float(value)
    except ValueError:
        days = -1.0
    if not 0 <= days <= MAX_GRACE_DAYS:
        raise MissingSetting(f"REPORTER_WIPE_GRACE_DAYS must be a number of days from 0 to {MAX_GRACE_DAYS} "
                             f"(the wait between a pack's download and the automatic wipe), not {value[:20]!r}")
    return days


def viewer_hashes(value: str) -> tuple[str, ...]:
    hashes = tuple(h.strip().lower() for h in value.split(",") if h.strip())
    bad = [i + 1 for i, h in enumerate(hashes) if not HASH.match(h)]
    if bad:
        raise MissingSetting(
            f"REPORTER_VIEWER_TOKENS: entry {bad[0]} is not a SHA-256 hash. Give the viewers' tokens as "
            "comma-separated SHA-256 hashes (64 hex digits, as `portal-token` prints), never the tokens")
    return hashes


def _oidc(env) -> OidcSettings | None:
    try:
        return OidcSettings.from_env(env)
    except (ValueError, OSError) as exc:
        raise MissingSetting(str(exc)) from None


def _limit(value: str) -> tuple[int, float]:
    try:
        attempts, window = value.split("/")
        limit = (int(attempts), float(window))
    except ValueError:
        limit = (0, 0.0)
    if limit[0] < 1 or limit[1] <= 0:
        raise MissingSetting(f"REPORTER_SIGN_IN_LIMIT must be attempts/seconds, such as 10/300, not {value!r}")
    return limit
