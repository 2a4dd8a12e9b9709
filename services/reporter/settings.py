"""Reporter settings, read once from the environment. The token itself is never kept."""
from __future__ import annotations

import os
from dataclasses import dataclass, field

from services.contracts.topics import DEFAULT_PREFIX, Topics

from .auth import token_hash


class MissingSetting(RuntimeError):
    pass


@dataclass(frozen=True)
class Settings:
    kafka_bootstrap: str
    topics: Topics
    port: int
    admin_token_hash: str = field(repr=False)
    secure_cookies: bool = True   # False only for local http://127.0.0.1 use


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
        )
