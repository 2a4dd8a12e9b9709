"""Reporter settings, read once from the environment. Tokens themselves are never kept."""
from __future__ import annotations

import os
from dataclasses import dataclass, field

from services.contracts.topics import DEFAULT_PREFIX, Topics

from .auth import HASH, token_hash


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
            keys_dir=env.get("RAW_KEYS_DIR"),
        )

    def token_roles(self) -> dict[str, str]:
        return {**{h: "viewer" for h in self.viewer_token_hashes}, self.admin_token_hash: "admin"}


def viewer_hashes(value: str) -> tuple[str, ...]:
    hashes = tuple(h.strip().lower() for h in value.split(",") if h.strip())
    bad = [i + 1 for i, h in enumerate(hashes) if not HASH.match(h)]
    if bad:
        raise MissingSetting(
            f"REPORTER_VIEWER_TOKENS: entry {bad[0]} is not a SHA-256 hash. Give the viewers' tokens as "
            "comma-separated SHA-256 hashes (64 hex digits, as `portal-token` prints), never the tokens")
    return hashes
