"""Intake settings, read once from the environment."""
from __future__ import annotations

import os
from pathlib import Path
from dataclasses import dataclass

from services.contracts.topics import DEFAULT_PREFIX, Topics


@dataclass(frozen=True)
class Settings:
    kafka_bootstrap: str = "127.0.0.1:9092"
    topics: Topics = Topics()
    port: int = 8000
    keys_dir: Path = Path(".keys")

    @classmethod
    def from_env(cls, env=os.environ) -> "Settings":
        return cls(
            kafka_bootstrap=env.get("KAFKA_BOOTSTRAP_SERVERS", cls.kafka_bootstrap),
            topics=Topics(env.get("PORTAL_TOPIC_PREFIX", DEFAULT_PREFIX)),
            port=int(env.get("INTAKE_PORT", cls.port)),
            keys_dir=Path(env.get("RAW_KEYS_DIR", cls.keys_dir)),
        )
