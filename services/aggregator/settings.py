"""The aggregator's settings, read once from the environment; a bad value stops it at start
with the variable's name."""
from __future__ import annotations

import os
from dataclasses import dataclass

from services.common.settings import SettingError, number

from .cellkey import MAX_PERTURBATION, CellKeyPerturbation
from .release import NoNoise, Policy
from .schedule import QUARTERLY, SCHEDULES


@dataclass(frozen=True)
class AggregatorSettings:
    policy: Policy
    schedule: str = QUARTERLY
    schedule_check_seconds: float = 3600.0
    release_delay_seconds: float = 60.0   # a release or refusal appears a whole number of these after its request
    store_url: str | None = None   # AGGREGATOR_STORE_URL; None: the SQLite file in AGGREGATOR_STATE_DIR

    @classmethod
    def from_env(cls, env=os.environ) -> "AggregatorSettings":
        schedule = env.get("AGGREGATOR_RELEASE_SCHEDULE", QUARTERLY)
        if schedule not in SCHEDULES:
            raise SettingError("AGGREGATOR_RELEASE_SCHEDULE", f"must be one of {', '.join(SCHEDULES)}, not {schedule!r}")
        noise = env.get("AGGREGATOR_MAX_PERTURBATION", str(MAX_PERTURBATION))
        if noise not in ("0", str(MAX_PERTURBATION)):
            raise SettingError("AGGREGATOR_MAX_PERTURBATION", f"must be {MAX_PERTURBATION} (cell-key noise, the default) "
                               f"or 0 (none: for tests that check exact figures), not {noise!r}")
        perturbation = CellKeyPerturbation() if noise != "0" else NoNoise()
        store_url = env.get("AGGREGATOR_STORE_URL") or None
        if store_url is not None and not store_url.startswith(("sqlite:///", "postgresql://", "postgres://")):
            # never echo the value: a database URL may hold a password
            raise SettingError("AGGREGATOR_STORE_URL", "must start with sqlite:/// or postgresql://")
        return cls(Policy(threshold=number(env, "RELEASE_THRESHOLD", 10, int, above=0), perturbation=perturbation),
                   schedule,
                   number(env, "AGGREGATOR_SCHEDULE_CHECK_SECONDS", 3600.0, float, above=0),
                   number(env, "AGGREGATOR_RELEASE_DELAY_SECONDS", 60.0, float, above=0),
                   store_url)
