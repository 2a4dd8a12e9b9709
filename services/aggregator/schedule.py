"""When a release is cut without being asked: at the start of each quarter (the default) or
month, covering every complete period before it. Pure."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

QUARTERLY, MONTHLY, OFF = "quarterly", "monthly", "off"
SCHEDULES = (QUARTERLY, MONTHLY, OFF)


@dataclass(frozen=True)
class Due:
    release_id: str   # one id per period, so a release is cut once however often this is asked
    until: str        # the last month it covers
    first: str = ""   # the first month of the period it is for


def has_reports(due: Due, months_with_reports: list[str]) -> bool:
    """A scheduled release is cut only for a period with at least one report: an empty one would
    show nothing at all."""
    return any((due.first or due.until) <= m <= due.until for m in months_with_reports)


def due(schedule: str, today: date) -> Due | None:
    """The scheduled release for the latest complete period before `today`, if any."""
    if schedule == OFF:
        return None
    if schedule not in SCHEDULES:
        raise ValueError(f"a release schedule is one of {', '.join(SCHEDULES)}, not {schedule!r}")
    year, month = (today.year, today.month - 1) if today.month > 1 else (today.year - 1, 12)
    if schedule == MONTHLY:
        return Due(f"scheduled-{year:04d}-{month:02d}", f"{year:04d}-{month:02d}", f"{year:04d}-{month:02d}")
    quarter = (today.month - 1) // 3 or 4
    year = today.year if today.month > 3 else today.year - 1
    return Due(f"scheduled-{year:04d}-Q{quarter}", f"{year:04d}-{quarter * 3:02d}", f"{year:04d}-{quarter * 3 - 2:02d}")


def padded(elapsed: float, step: float) -> float:
    """How long to wait after a cut that took `elapsed` seconds so that it appears a whole number
    of `step`s after the request: the time a release takes to appear then does not tell how
    much suppression it needed (a cut longer than one step shows only as a further step)."""
    steps = max(1, -(-elapsed // step))
    return steps * step - elapsed
