"""Disclosure control: the only path by which counts leave the aggregator. Pure.

Rules (disclosure.md): distinct reports only; a cell under the threshold k (never below 10) is
suppressed, zeros included; every published count is rounded to the nearest 5; one cell per
position of the full predefined grid, suppressed cells included.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from itertools import product

from services.contracts import privacy
from services.contracts.questionnaire import Questionnaire, load
from services.contracts.tables import MONTH, QUARTER, TABLES, Table

from .counting import CellKey

METHOD_VERSION = "1.0"


class ThresholdTooLow(ValueError):
    pass


@dataclass(frozen=True)
class Policy:
    threshold: int = privacy.THRESHOLD_FLOOR
    round_to: int = privacy.ROUND_TO

    def __post_init__(self):
        if self.threshold < privacy.THRESHOLD_FLOOR:
            raise ThresholdTooLow(f"the release threshold cannot be below {privacy.THRESHOLD_FLOOR}")


def round_to(n: int, base: int) -> int:
    return base * ((n + base // 2) // base)


def months_between(first: str, last: str) -> list[str]:
    y, m = map(int, first.split("-"))
    out = []
    while f"{y:04d}-{m:02d}" <= last:
        out.append(f"{y:04d}-{m:02d}")
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    return out


def periods(months: list[str], kind: str) -> list[str]:
    if kind == MONTH:
        return months
    return list(dict.fromkeys(f"{m[:4]}-Q{(int(m[5:]) - 1) // 3 + 1}" for m in months))


def grid(table: Table, months: list[str], q: Questionnaire) -> list[tuple[str, tuple[str, ...]]]:
    values = [d.values(q) for d in table.dims]
    return [(p, combo) for p in periods(months, table.period) for combo in product(*values)]


def cut(counts: dict[CellKey, int], months_seen: list[str], release_id: str, released_on: date,
        policy: Policy = Policy(), tables: tuple[Table, ...] = TABLES,
        questionnaire: Questionnaire | None = None) -> list[dict]:
    """One release: a message dict for every cell of every table over every period from the
    first month with a report to the last. Deterministic for the same snapshot."""
    q = questionnaire or load()
    months = months_between(min(months_seen), max(months_seen)) if months_seen else []
    cells = []
    for t in tables:
        names = [d.name for d in t.dims]
        for period, combo in grid(t, months, q):
            n = counts.get((t.id, period, combo), 0)
            shown = n >= policy.threshold
            cells.append({
                "table": t.id, "period": period, "dims": dict(zip(names, combo)),
                "value": round_to(n, policy.round_to) if shown else None,
                "status": "published" if shown else "suppressed",
            })
    total = len(cells)
    return [{"schema_version": 1, "release_id": release_id, "method_version": METHOD_VERSION,
             "released_on": released_on.isoformat(), "threshold": policy.threshold,
             "cell_index": i, "cells_in_release": total, **c} for i, c in enumerate(cells)]


__all__ = ["Policy", "ThresholdTooLow", "cut", "round_to", "QUARTER", "MONTH"]
