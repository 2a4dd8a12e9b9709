"""Intake settings, read once from the environment."""
from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path

from services.contracts.topics import DEFAULT_PREFIX, Topics

_RATE = re.compile(r"^(\d+)/(\d+)$")


class BadSetting(ValueError):
    """An environment variable holds a value the intake cannot use; the message names it."""


@dataclass(frozen=True)
class Settings:
    kafka_bootstrap: str = "127.0.0.1:9092"
    topics: Topics = Topics()
    port: int = 8000
    keys_dir: Path = Path(".keys")   # the public keys' folder, when no verify key is set (one machine)
    verify_key: str | None = None    # SEALING_VERIFY_KEY: read signed public keys from the topic instead
    rate_limit: int = 100            # report submissions per address (or IPv6 /64) per window
    rate_window: int = 600           # seconds
    min_seconds: float = 10          # from the first question to "Send report"
    form_max_age: int = 12 * 3600    # a form's signed start time is honoured this long
    hsts: bool = False               # production behind HTTPS: send Strict-Transport-Security
    trusted_proxies: int = 0         # reverse proxies in front whose X-Forwarded-For is trusted

    @classmethod
    def from_env(cls, env=os.environ) -> "Settings":
        limit, window = _rate(env.get("INTAKE_RATE_LIMIT", f"{cls.rate_limit}/{cls.rate_window}"))
        return cls(
            kafka_bootstrap=env.get("KAFKA_BOOTSTRAP_SERVERS", cls.kafka_bootstrap),
            topics=Topics(env.get("PORTAL_TOPIC_PREFIX", DEFAULT_PREFIX)),
            port=_number(env, "INTAKE_PORT", cls.port, int),
            keys_dir=Path(env.get("RAW_KEYS_DIR", cls.keys_dir)),
            verify_key=_verify_key(env.get("SEALING_VERIFY_KEY")),
            rate_limit=limit,
            rate_window=window,
            min_seconds=_number(env, "INTAKE_MIN_SECONDS", cls.min_seconds, float),
            form_max_age=_number(env, "INTAKE_FORM_MAX_AGE", cls.form_max_age, int),
            hsts=_flag(env, "INTAKE_HSTS"),
            trusted_proxies=_number(env, "INTAKE_TRUSTED_PROXIES", cls.trusted_proxies, int),
        )


def _verify_key(value: str | None) -> str | None:
    if value is None or not value.strip():
        return None
    if not re.fullmatch(r"[0-9a-f]{64}", value.strip()):
        raise BadSetting("SEALING_VERIFY_KEY must be the 64 hex digits printed by "
                         "`python -m services.redactor.keys verify-key`")
    return value.strip()


def _rate(value: str) -> tuple[int, int]:
    m = _RATE.match(value.strip())
    if not m or int(m[1]) < 1 or int(m[2]) < 1:
        raise BadSetting(f"INTAKE_RATE_LIMIT must look like 100/600 (reports per seconds), not {value!r}")
    return int(m[1]), int(m[2])


def _number(env, name: str, default, kind):
    raw = env.get(name)
    if raw is None:
        return default
    try:
        value = kind(raw)
    except ValueError:
        raise BadSetting(f"{name} must be a number, not {raw!r}") from None
    if value < 0:
        raise BadSetting(f"{name} must not be negative")
    return value


def _flag(env, name: str) -> bool:
    raw = env.get(name, "0").strip().lower()
    if raw not in ("0", "1", "true", "false", "yes", "no", ""):
        raise BadSetting(f"{name} must be 1 or 0, not {raw!r}")
    return raw in ("1", "true", "yes")
