"""Disclosure control: the only path by which counts leave the aggregator. Pure.

Rules (disclosure.md): distinct reports only; a cell under the threshold k (never below 10) is
suppressed, zeros included; every published count, totals included, is rounded to the nearest 5
from its own unrounded value; more cells are hidden where the audit of this release with every
earlier one needs it (`disclosure.protect`); percentages only of a published denominator of at
least 25, whole, never 0% or 100%; one cell per position of the full predefined grid,
suppressed cells included.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from itertools import product
from typing import Protocol

from services.contracts import events, privacy
from services.contracts.questionnaire import Questionnaire, load
from services.contracts.tables import MONTH, PER_QUARTER, QUARTER, TABLES, Table, period_of, table as table_def

from . import disclosure
from .counting import CellKey
from .disclosure import AuditCell, ReleaseRefused

METHOD_VERSION = "3.0"


class ThresholdTooLow(ValueError):
    pass


class Perturbation(Protocol):
    """Noise on published counts (disclosure.md rule 13). `apply` must depend only on the cell,
    its count and its cell key, so that the same snapshot always gives the same release; `widen`
    is the most a noisy count can differ from the true one, which the audit adds to every
    published interval and `method_version` publishes. The service uses
    `cellkey.CellKeyPerturbation`; the pure step defaults to none."""
    widen: int

    def apply(self, key: CellKey, n: int, cell_key: int) -> int: ...


@dataclass(frozen=True)
class NoNoise:
    widen: int = 0

    def apply(self, key: CellKey, n: int, cell_key: int) -> int:
        return n


@dataclass(frozen=True)
class Policy:
    threshold: int = privacy.THRESHOLD_FLOOR
    round_to: int = privacy.ROUND_TO
    perturbation: Perturbation = field(default_factory=NoNoise)

    def __post_init__(self):
        if self.threshold < privacy.THRESHOLD_FLOOR:
            raise ThresholdTooLow(f"the release threshold cannot be below {privacy.THRESHOLD_FLOOR}")


@dataclass(frozen=True)
class Release:
    """The messages for the releases topic, and what the audit of later releases must know of
    this one (the attacker's bounds of each cell: never published, kept with the counts)."""
    cells: list[dict]
    record: list[list]
    period: str = ""              # the latest quarter it covers
    shown_in_period: int = 0      # cells of that quarter published
    protected_in_period: int = 0  # cells of that quarter with enough reports, hidden to protect others


# Release refusal (issue 13): a release that would hide more than it shows is not cut. The codes
# are events.REFUSAL_REASONS's; none carries a count.
TOO_FEW_NEW, TOTAL_NOT_SHOWN, MOSTLY_HIDDEN, AUDIT_FAILED = (
    "too_few_new_reports", "total_not_shown", "mostly_hidden", "audit_failed")


def too_few_new(reports_now: int, reports_at_last_release: int | None, policy: Policy = Policy()) -> str | None:
    """A requested release needs at least `threshold` reports counted since the last release: with
    fewer, no new figure can be shown, and figures the last one showed would be hidden to stop
    the difference giving the new reports away."""
    if reports_at_last_release is not None and reports_now - reports_at_last_release < policy.threshold:
        return TOO_FEW_NEW
    return None


def verdict(release: Release) -> str | None:
    """Whether a cut release is worth publishing: its latest quarter's total must be shown, and no
    more of that quarter's cells may be hidden to protect others than are shown."""
    total = [c for c in release.cells if c["table"] == PER_QUARTER and c["period"] == release.period]
    if not total or total[0]["status"] != "published":
        return TOTAL_NOT_SHOWN
    if release.protected_in_period > release.shown_in_period:
        return MOSTLY_HIDDEN
    return None


def round_to(n: int, base: int) -> int:
    return base * ((n + base // 2) // base)


def percent(value: int | None, denominator: int | None) -> int | None:
    """A whole percentage of two published values; None where the denominator is under 25 or
    the share would show as 0% or 100%."""
    if value is None or denominator is None or denominator < privacy.PERCENT_MIN_DENOMINATOR:
        return None
    share = (200 * value + denominator) // (2 * denominator)
    return share if 0 < share < 100 else None


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
    return list(dict.fromkeys(period_of(m, QUARTER) for m in months))


def method_version(policy: Policy) -> str:
    """What every message of a release or refusal cut under `policy` says of its method."""
    return privacy.method_version(METHOD_VERSION, policy.perturbation.widen)


QUARTERS_SHOWN = 4


def window(until: str) -> list[str]:
    """The months a release covers: the four quarters up to the one holding `until`, ending at
    `until`. It depends on nothing but `until`, so no period's existence tells that someone
    reported in it (a grid starting at the first month with a report would)."""
    y, m = map(int, until.split("-"))
    first = (m - 1) // 3 * 3 + 1 - 3 * (QUARTERS_SHOWN - 1)
    while first < 1:
        y, first = y - 1, first + 12
    return months_between(f"{y:04d}-{first:02d}", until)


def grid(table: Table, months: list[str], q: Questionnaire) -> list[tuple[str, tuple[str, ...]]]:
    values = [d.values(q) for d in table.dims]
    return [(p, combo) for p in periods(months, table.period) for combo in product(*values)]


def cut(counts: dict[CellKey, int], months_seen: list[str], release_id: str, released_on: date,
        policy: Policy = Policy(), history: list[list[list]] = (), until: str | None = None,
        tables: tuple[Table, ...] = TABLES, questionnaire: Questionnaire | None = None,
        cell_keys: dict[CellKey, int] | None = None) -> Release:
    """One release, pure and deterministic for the same arguments. Raises ReleaseRefused.

    Arguments: `counts`, distinct reports per cell `(table id, period, dimension values)` as
    `counting.cells_of` keys them (missing cells are 0); `months_seen`, the months with reports
    (only used for the default `until`); `until`, the last month covered (by default the later
    of `released_on`'s month and the last month seen); `history`, the `record` of every earlier
    release, oldest first (the audit covers them all); `policy`, threshold, rounding and noise;
    `cell_keys`, each cell's key (sum of its reports' record keys mod 256), needed when the
    policy's perturbation is not `NoNoise`.

    The release is one message per cell of every table over every period of the four quarters
    up to `until` (`window`), whatever the data. Each message's fields: `table`, `period`,
    `dims`; `status` "published" or "suppressed"; `value`, for a published cell, the true count n
    (at least `threshold`), perturbed by at most `widen` (`max_perturbation` in
    `method_version`, "3.0-ckp2" = 2) and rounded to the nearest 5: |value - n| <= widen + 2;
    null when suppressed (fewer than `threshold` reports, or hidden by the audit); `percent` and
    `percent_of`, a share of two published values; `threshold`, `method_version`,
    `released_on`, `cell_index` and `cells_in_release`. `record` holds the attacker's bounds of
    every cell, for the audit of later releases: keep it, never publish it."""
    q = questionnaire or load()
    noisy = policy.perturbation.widen > 0
    if noisy and cell_keys is None:
        raise ValueError("this policy perturbs counts: pass cell_keys (each cell's sum of record keys mod 256, "
                         "Store.cell_keys()), or Policy(perturbation=NoNoise())")
    until = until or max([released_on.strftime("%Y-%m"), *months_seen])
    months = window(until)
    keys = [(t.id, p, combo) for t in tables for p, combo in grid(t, months, q)]
    n = {k: counts.get(k, 0) for k in keys}
    shown = {k: round_to(policy.perturbation.apply(k, n[k], (cell_keys or {}).get(k, 0)), policy.round_to)
             for k in keys if n[k] >= policy.threshold}
    audit = [disclosure.published(k, shown[k], policy.threshold, policy.perturbation.widen) if k in shown
             else disclosure.suppressed(k, n[k], policy.threshold) for k in keys]
    earlier = [[AuditCell.from_record(r) for r in record] for record in history]
    hidden = disclosure.protect(audit, n, earlier, policy.threshold, tables, q)
    for k in hidden:
        del shown[k]
    audit = [disclosure.suppressed(c.key, n[c.key], policy.threshold) if c.key in hidden else c for c in audit]
    cells = [_message(k, shown, tables) for k in keys]
    total = len(cells)
    head = {"schema_version": events.SCHEMA_VERSION, "release_id": release_id,
            "method_version": method_version(policy),
            "released_on": released_on.isoformat(), "threshold": policy.threshold, "cells_in_release": total}
    latest = period_of(until, QUARTER)
    return Release([{**head, "cell_index": i, **c} for i, c in enumerate(cells)], [c.as_record() for c in audit],
                   latest, sum(1 for k in shown if k[1] == latest), sum(1 for k in hidden if k[1] == latest))


def _message(key: CellKey, shown: dict[CellKey, int], tables: tuple[Table, ...]) -> dict:
    t = table_def(key[0], tables)
    value = shown.get(key)
    base = None
    if t.percent_of:
        names = {d.name for d in table_def(t.percent_of, tables).dims}
        base_dims = tuple(v for d, v in zip(t.dims, key[2]) if d.name in names)
        base = shown.get((t.percent_of, key[1], base_dims))
    return {"table": key[0], "period": key[1], "dims": {d.name: v for d, v in zip(t.dims, key[2])},
            "value": value, "status": "published" if value is not None else "suppressed",
            "percent": percent(value, base), "percent_of": t.percent_of}


__all__ = ["AUDIT_FAILED", "MOSTLY_HIDDEN", "TOO_FEW_NEW", "TOTAL_NOT_SHOWN", "too_few_new", "verdict",
           "METHOD_VERSION", "NoNoise", "Perturbation", "Policy", "Release", "ReleaseRefused", "ThresholdTooLow",
           "cut", "percent", "round_to", "QUARTER", "MONTH"]
