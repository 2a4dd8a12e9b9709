"""Reporter settings, read once from the environment (services/common/settings.py). Tokens
themselves are never kept."""
from __future__ import annotations

import os
from dataclasses import dataclass, field

from services.common.settings import SettingError, flag, number, rate, required
from services.contracts.topics import DEFAULT_PREFIX, Topics

from .auth import HASH, token_hash
from .oidc import OidcSettings


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
    state_dir: str | None = None  # the local cache of the topics read (consumer.py); None: memory only

    @classmethod
    def from_env(cls, env=os.environ) -> "Settings":
        token = required(env, "REPORTER_API_TOKEN", "make run generates one")
        return cls(
            kafka_bootstrap=env.get("KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:9092"),
            topics=Topics(env.get("PORTAL_TOPIC_PREFIX", DEFAULT_PREFIX)),
            port=number(env, "REPORTER_PORT", 8001, int),
            admin_token_hash=token_hash(token),
            secure_cookies=not flag(env, "REPORTER_INSECURE_COOKIES"),
            viewer_token_hashes=viewer_hashes(env.get("REPORTER_VIEWER_TOKENS", "")),
            oidc=_oidc(env),
            sign_in_limit=rate(env, "REPORTER_SIGN_IN_LIMIT", "10/300", float),
            wipe_grace_days=grace_days(env),
            wipe_check_seconds=number(env, "REPORTER_WIPE_CHECK_SECONDS", 60.0, float, above=0),
            keys_dir=env.get("RAW_KEYS_DIR"),
            state_dir=env.get("REPORTER_STATE_DIR", os.path.join(".state", "reporter")),
        )

    def token_roles(self) -> dict[str, str]:
        return {**{h: "viewer" for h in self.viewer_token_hashes}, self.admin_token_hash: "admin"}


MAX_GRACE_DAYS = 7   # the FAQ: raw data is wiped once downloaded; a week at most to check the pack


def grace_days(env) -> float:
    try:
        return number(env, "REPORTER_WIPE_GRACE_DAYS", 1.0, float, at_most=MAX_GRACE_DAYS)
    except SettingError:
        raise SettingError("REPORTER_WIPE_GRACE_DAYS", f"must be a number of days from 0 to {MAX_GRACE_DAYS} (the "
                           "wait between a pack's download and the automatic wipe), not "
                           f"{env['REPORTER_WIPE_GRACE_DAYS'][:20]!r}") from None


def viewer_hashes(value: str) -> tuple[str, ...]:
    hashes = tuple(h.strip().lower() for h in value.split(",") if h.strip())
    bad = [i + 1 for i, h in enumerate(hashes) if not HASH.match(h)]
    if bad:
        raise SettingError("REPORTER_VIEWER_TOKENS", f"entry {bad[0]} is not a SHA-256 hash. Give the viewers' tokens "
                           "as comma-separated SHA-256 hashes (64 hex digits, as `portal-token` prints), never the tokens")
    return hashes


def _oidc(env) -> OidcSettings | None:
    try:
        return OidcSettings.from_env(env)
    except (ValueError, OSError) as exc:
        name, _, problem = str(exc).partition(" ")   # its message starts with the variable's name
        raise SettingError(name, problem) from None
