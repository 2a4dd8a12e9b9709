"""Privacy constants: the floors no setting may go below, and the data lifetimes."""
from __future__ import annotations

from dataclasses import dataclass

# Disclosure control (disclosure.md rules 2 and 3).
THRESHOLD_FLOOR = 10
ROUND_TO = 5
PERCENT_MIN_DENOMINATOR = 25


def method_version(base: str, max_perturbation: int) -> str:
    """A release's method version names its noise: "3.0-ckp2" is cell-key perturbation of at
    most 2 before rounding; "3.0" none."""
    return f"{base}-ckp{max_perturbation}" if max_perturbation else base


def max_perturbation(version: str) -> int:
    """The most a published count was moved before rounding, read from its method version."""
    head, _, noise = version.partition("-ckp")
    return int(noise) if noise.isdigit() else 0


# The audit (rule 4): every suppressed cell must still be able to be 0, and to be at least this.
SUPPRESSED_MUST_REACH = 4

MINUTE_MS = 60 * 1000
DAY_MS = 24 * 60 * MINUTE_MS
HOUR_MS = 60 * MINUTE_MS


@dataclass(frozen=True)
class Lifetime:
    """How long a record can stay on a broker's disk: until its segment rolls (segment_ms),
    then until the segment's newest record is older than retention_ms, then until the broker's
    next retention check, then until the renamed file is unlinked (delete_delay_ms)."""
    retention_ms: int
    segment_ms: int
    delete_delay_ms: int = MINUTE_MS

    def worst_case_ms(self, check_interval_ms: int) -> int:
        return self.segment_ms + self.retention_ms + check_interval_ms + self.delete_delay_ms


# The broker's log.retention.check.interval.ms (Kafka's default is 5 minutes: too slow here).
BROKER_RETENTION_CHECK_MS = MINUTE_MS

# Raw and dead-letter topics: records are deleted as soon as they are redacted; this is the
# backstop when the redactor is stopped. Worst case 10 + 40 + 1 + 1 = 52 minutes.
RAW = Lifetime(retention_ms=40 * MINUTE_MS, segment_ms=10 * MINUTE_MS)
RAW_WORST_CASE_MS = RAW.worst_case_ms(BROKER_RETENTION_CHECK_MS)
assert RAW_WORST_CASE_MS <= HOUR_MS, "raw records must not outlive one hour"

# Redacted narratives live until the release covering them is downloaded and wiped; this is
# the backstop if nobody ever runs the wipe (a quarter plus the time to report on it).
REDACTED = Lifetime(retention_ms=100 * DAY_MS, segment_ms=DAY_MS)

# Sealing keys: a new key each day; an old private key is destroyed once every raw record
# sealed with it has been redacted or has expired (see services/common/keyring.py).
KEY_ROTATION_MS = DAY_MS
KEY_GRACE_MS = 10 * MINUTE_MS  # intakes switch to a new key within this time
