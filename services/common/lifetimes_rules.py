"""The wipe promise's rules as the operator sees them, pure: a topic's lifetime from its
configuration as the broker reports it (not as the code hopes it is), whether its oldest record
is within that bound and the record's age in whole clock hours, the sealing keys still held and
the latest each is destroyed, and their wording. Never a record count or an exact time: polled,
they would give away how many reports arrived and when. The broker is asked in
lifetimes_admin.py; `portal-lifetimes` and the reporter show it (lifetimes.py)."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

from services.contracts.privacy import HOUR_MS, Lifetime
from services.contracts.topics import Topics

from .keyring import KeyPolicy, created_ms


@dataclass(frozen=True)
class TopicState:
    """What the operator may see of a topic: never how many records it holds (polling a count
    would give away exact report numbers and arrival times), only whether its oldest record is
    within the topic's bound and that record's age in whole clock hours."""
    topic: str
    oldest_ms: int | None        # the oldest record's timestamp; internal, never shown
    bound_ms: int | None         # None when the topic keeps records for ever (releases)
    now_ms: int

    @property
    def within_bound(self) -> bool:
        return self.bound_ms is None or self.oldest_ms is None or self.now_ms - self.oldest_ms <= self.bound_ms

    @property
    def oldest_age_hours(self) -> int:
        """Clock hours between the hour the oldest record arrived in and this hour: it changes
        on the hour, whenever the record came, and an empty topic reads as 0 like a record of
        this hour (so the view tells no one that a report just arrived)."""
        if self.oldest_ms is None:
            return 0
        return max(0, self.now_ms // HOUR_MS - self.oldest_ms // HOUR_MS)

    def summary(self) -> str:
        age = self.oldest_age_hours
        held = ("No record is older than an hour." if age == 0 else
                f"The oldest record arrived about {hours(age)} ago.")
        if self.bound_ms is None:
            return held + " Records are kept for ever."
        return held + (f" No record can stay longer than {duration(self.bound_ms, '')}: within the bound."
                       if self.within_bound else
                       f" A record has stayed longer than the bound of {duration(self.bound_ms, '')}: investigate.")


@dataclass(frozen=True)
class KeyState:
    """A sealing private key the redactor still holds, and the latest its destruction is due."""
    key_id: str
    created_ms: int
    destroyed_by_ms: int
    current: bool                 # the newest key: intakes seal with it until the next rotation

    def summary(self) -> str:
        by = clock_hour(self.destroyed_by_ms, up=True)
        if self.current:
            return (f"In use since {clock_hour(self.created_ms)}. It is replaced at the next rotation and destroyed "
                    f"once every report sealed with it is redacted, at the latest by {by}.")
        return (f"Replaced; destroyed as soon as every report sealed with it is redacted, at the latest by {by}.")


def lifetime_of(config: dict[str, str]) -> Lifetime | None:
    """A topic's lifetime from its configuration as described by the broker."""
    if "delete" not in config.get("cleanup.policy", "delete") or int(config["retention.ms"]) < 0:
        return None
    return Lifetime(retention_ms=int(config["retention.ms"]), segment_ms=int(config["segment.ms"]),
                    delete_delay_ms=int(config.get("file.delete.delay.ms", 60000)))


def raw_bound_ms(states: list[TopicState], topics: Topics) -> int | None:
    return next((s.bound_ms for s in states if s.topic == topics.raw), None)


def as_dict(states: list[TopicState], keys: list[KeyState] | None) -> dict:
    """The operator view as the API serves it: no record counts, no exact times."""
    return {"topics": [{"topic": s.topic, "within_bound": s.within_bound, "oldest_age_hours": s.oldest_age_hours,
                        "bound_ms": s.bound_ms, "summary": s.summary()} for s in states],
            "keys": None if keys is None else [
                {"key_id": k.key_id, "current": k.current, "destroyed_by": clock_hour(k.destroyed_by_ms, up=True),
                 "summary": k.summary()} for k in keys]}


def hours(n: int) -> str:
    return "1 hour" if n == 1 else f"{n} hours" if n < 72 else f"{n // 24} days"


def clock_hour(ms: int, up: bool = False) -> str:
    """A moment to the hour (rounded up for a deadline), in UTC."""
    hour = -(-ms // HOUR_MS) if up else ms // HOUR_MS
    return datetime.fromtimestamp(hour * 3600, tz=timezone.utc).strftime("%Y-%m-%d %H:00 UTC")


def duration(ms: int | None, never: str) -> str:
    if ms is None:
        return never
    minutes = ms / 60000
    if minutes < 120:
        return f"{minutes:.0f} minutes"
    hours_ = minutes / 60
    return f"{hours_:.0f} hours" if hours_ < 72 else f"{hours_ / 24:.0f} days"


def render(states: list[TopicState], keys: list[KeyState] | None = None) -> str:
    lines = [f"{s.topic}: {s.summary()}" for s in states]
    if keys is not None:
        lines.append(f"Sealing private keys held: {len(keys)}.")
        lines += [f"  key {k.key_id}: {k.summary()}" for k in keys]
    return "\n".join(lines)


def key_states(folder: Path, policy: KeyPolicy) -> list[KeyState]:
    """The private keys still held, and the latest each is destroyed under `policy` (from the
    key rule in keyring.py: superseded, then a grace, then the raw topic's worst case)."""
    created = created_ms(folder)
    order = sorted(created, key=lambda k: (created[k], k))
    out = []
    for i, kid in enumerate(order):
        if not (folder / f"{kid}.secret").exists():
            continue
        superseded = created[order[i + 1]] if i + 1 < len(order) else created[kid] + policy.rotate_every_ms
        out.append(KeyState(kid, created[kid], superseded + policy.grace_ms + policy.raw_worst_case_ms
                            + policy.check_every_ms, i + 1 == len(order)))
    return out
