"""The releases the reporter has read, assembled from cell messages, and the releases the
aggregator refused. Pure and thread-safe.

A release is shown only once every one of its cells has arrived; a cell delivered twice is
kept once (the releases topic is at-least-once). Each release is listed by its period, the day
it was cut, the number of reports in that period (a published, rounded figure, or none) and its
method version; a refused one by the day and the reason."""
from __future__ import annotations

import threading

from services.contracts.events import REFUSAL_REASONS, REFUSED, ReleaseCellEvent, ReleaseRefusalEvent
from services.contracts.questionnaire import load
from services.contracts.tables import PER_QUARTER, table as table_def


class ReleaseBook:
    def __init__(self):
        self._lock = threading.Lock()
        self._cells: dict[str, dict[int, ReleaseCellEvent]] = {}
        self._complete: list[str] = []
        self._listed: dict[str, dict] = {}   # complete and refused releases, in the order they arrived

    def add(self, cell: ReleaseCellEvent | ReleaseRefusalEvent) -> None:
        """A cell of a release, or a refusal (events.decode_release_message gives either)."""
        rid = cell.release_id
        if isinstance(cell, ReleaseRefusalEvent):
            with self._lock:
                if rid not in self._listed:
                    self._listed[rid] = refusal_entry(cell)
            return
        with self._lock:
            cells = self._cells.setdefault(rid, {})
            cells[cell.cell_index] = cell
            if len(cells) == cell.cells_in_release and rid not in self._complete:
                self._complete.append(rid)
                self._listed[rid] = summary([cells[i] for i in sorted(cells)])

    def listing(self) -> list[dict]:
        """Every complete or refused release, oldest first (`summary`, `refusal_entry`)."""
        with self._lock:
            return list(self._listed.values())

    def refusal(self, release_id: str) -> dict | None:
        with self._lock:
            entry = self._listed.get(release_id)
        return entry if entry and entry["status"] == REFUSED else None

    def latest_id(self) -> str | None:
        with self._lock:
            return self._complete[-1] if self._complete else None

    def ids(self) -> list[str]:
        with self._lock:
            return list(self._complete)

    def get(self, release_id: str) -> dict | None:
        """A complete release as the API shows it: its metadata and its tables of cells."""
        with self._lock:
            if release_id not in self._complete:
                return None
            cells = [self._cells[release_id][i] for i in sorted(self._cells[release_id])]
        return as_document(cells)


def as_document(cells: list[ReleaseCellEvent]) -> dict:
    """Metadata and tables of cells. A table this version does not define (from a newer
    aggregator) keeps its id as title and its cells' dimension names; a cell's `percent` is
    carried when the release has one, else null."""
    q = load()
    first = cells[0]
    tables: dict[str, dict] = {}
    for c in cells:
        if c.table not in tables:
            tables[c.table] = _table_meta(c, q)
        tables[c.table]["cells"].append(
            {"period": c.period, "dims": c.dims, "value": c.value, "status": c.status, "percent": c.percent})
    return {"release_id": first.release_id, "method_version": first.method_version,
            "released_on": str(first.released_on), "threshold": first.threshold, "tables": tables}


def _table_meta(cell: ReleaseCellEvent, q) -> dict:
    try:
        t = table_def(cell.table)
    except KeyError:
        return {"title": cell.table, "dimensions": list(cell.dims), "any_mention": True,
                "period_type": "month" if len(cell.period) == 7 else "quarter",
                "percent_of": cell.percent_of, "cells": []}
    return {"title": t.title, "dimensions": [d.name for d in t.dims], "period_type": t.period,
            "any_mention": t.any_mention(q), "percent_of": t.percent_of, "cells": []}


def summary(cells: list[ReleaseCellEvent]) -> dict:
    """What the list of releases says of a complete one: its latest quarter, the day it was cut,
    the reports in that quarter as published (rounded, or None where not shown), its method."""
    first = cells[0]
    quarters = sorted({c.period for c in cells if "-Q" in c.period})
    period = quarters[-1] if quarters else None
    total = next((c for c in cells if c.table == PER_QUARTER and c.period == period), None)
    return {"release_id": first.release_id, "status": "published", "period": period,
            "released_on": str(first.released_on), "reports": total.value if total else None,
            "method_version": first.method_version, "refused_on": None, "reason": None}


def refusal_entry(message: ReleaseRefusalEvent) -> dict:
    return {"release_id": message.release_id, "status": REFUSED, "period": None, "released_on": None,
            "reports": None, "method_version": message.method_version,
            "refused_on": str(message.refused_on), "reason": REFUSAL_REASONS[message.reason]}
