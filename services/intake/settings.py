"""Intake settings, read once from the environment (services/common/settings.py)."""
from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from pathlib import Path

from services.common.settings import SettingError, flag, number, rate
from services.contracts.topics import DEFAULT_PREFIX, Topics

FORM_KEY = "INTAKE_FORM_KEY"
MIN_KEY_LENGTH = 32
DEFAULT_WORKERS = 2


@dataclass(frozen=True)
class Settings:
    kafka_bootstrap: str = "127.0.0.1:9092"
    topics: Topics = Topics()
    port: int = 8000
    keys_dir: Path = Path(".keys")   # the public keys' folder, when no verify key is set (one machine)
    verify_key: str | None = None    # SEALING_VERIFY_KEY: read signed public keys from the topic instead
    rate_limit: int = 100            # report submissions per address (or IPv6 /64) per window, per worker process
    rate_window: int = 600           # seconds
    min_seconds: float = 10          # from the first question to "Send report"
    form_max_age: int = 12 * 3600    # a form's signed start time is honoured this long
    hsts: bool = False               # production behind HTTPS: send Strict-Transport-Security
    trusted_proxies: int = 0         # reverse proxies in front whose X-Forwarded-For is trusted
    # Signs the form's start time: the same secret on every replica and worker, so that any of
    # them accepts a form started on another. Never logged, never in a repr.
    form_key: bytes = field(default_factory=lambda: os.urandom(32), repr=False)

    @classmethod
    def from_env(cls, env=os.environ) -> "Settings":
        limit, window = rate(env, "INTAKE_RATE_LIMIT", f"{cls.rate_limit}/{cls.rate_window}")
        hsts = flag(env, "INTAKE_HSTS")
        return cls(
            kafka_bootstrap=env.get("KAFKA_BOOTSTRAP_SERVERS", cls.kafka_bootstrap),
            topics=Topics(env.get("PORTAL_TOPIC_PREFIX", DEFAULT_PREFIX)),
            port=number(env, "INTAKE_PORT", cls.port, int),
            keys_dir=Path(env.get("RAW_KEYS_DIR", cls.keys_dir)),
            verify_key=_verify_key(env.get("SEALING_VERIFY_KEY")),
            rate_limit=limit,
            rate_window=window,
            min_seconds=number(env, "INTAKE_MIN_SECONDS", cls.min_seconds, float),
            form_max_age=number(env, "INTAKE_FORM_MAX_AGE", cls.form_max_age, int),
            hsts=hsts,
            trusted_proxies=number(env, "INTAKE_TRUSTED_PROXIES", cls.trusted_proxies, int),
            form_key=form_key(env, production=hsts),
        )


def workers(env) -> int:
    """`INTAKE_WORKERS`: gunicorn worker processes per replica (gunicorn_conf.py reads it too)."""
    return number(env, "INTAKE_WORKERS", DEFAULT_WORKERS, int, at_least=1, at_most=64)


def _verify_key(value: str | None) -> str | None:
    if value is None or not value.strip():
        return None
    if not re.fullmatch(r"[0-9a-f]{64}", value.strip()):
        raise SettingError("SEALING_VERIFY_KEY", "must be the 64 hex digits printed by "
                           "`python -m services.redactor.keys verify-key`")
    return value.strip()


def form_key(env, production: bool) -> bytes:
    """The shared form-signing secret. Required in production (INTAKE_HSTS=1, behind HTTPS),
    where replicas must agree on it; on one machine (`make run`, the tests) gunicorn_conf.py
    generates one for all the workers of the process, and a process on its own makes its own."""
    value = env.get(FORM_KEY, "")
    if not value:
        if production:
            raise SettingError(FORM_KEY, "must be set in production (INTAKE_HSTS=1): the same secret of at least "
                               f"{MIN_KEY_LENGTH} characters on every intake replica, from a secret store")
        return os.urandom(32)
    if len(value) < MIN_KEY_LENGTH:
        raise SettingError(FORM_KEY, f"must be at least {MIN_KEY_LENGTH} characters (it has {len(value)})")
    return value.encode()
