"""The releases the reporter has read, assembled from cell messages. Pure and thread-safe.

A release is shown only once every one of its cells has arrived; a cell delivered twice is
kept once (the releases topic is at-least-once)."""
from __future__ import annotations

import threading

from services.contracts.questionnaire import load
from services.contracts.tables import table as table_def


class ReleaseBook:
    def __init__(self):
        self._lock = threading.Lock()
        self._cells: dict[str, dict[int, dict]] = {}
        self._complete: list[str] = []

    def add(self, cell: dict) -> None:
        rid = cell["release_id"]
        with self._lock:
            cells = self._cells.setdefault(rid, {})
            cells[cell["cell_index"]] = cell
            if len(cells) == cell["cells_in_release"] and rid not in self._complete:
                self._complete.append(rid)

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


def as_document(cells: list[dict]) -> dict:
    """Metadata and tables of cells. A table this version does not define (from a newer
    aggregator) keeps its id as title and its cells' dimension names; a cell's `percent` is
    carried when the release has one, else null."""
    q = load()
    first = cells[0]
    tables: dict[str, dict] = {}
    for c in cells:
        if c["table"] not in tables:
            tables[c["table"]] = _table_meta(c, q)
        tables[c["table"]]["cells"].append(
            {"period": c["period"], "dims": c["dims"], "value": c["value"], "status": c["status"],
             "percent": c.get("percent")})
    return {"release_id": first["release_id"], "method_version": first["method_version"],
            "released_on": str(first["released_on"]), "threshold": first["threshold"], "tables": tables}


def _table_meta(cell: dict, q) -> dict:
    try:
        t = table_def(cell["table"])
    except KeyError:
        return {"title": cell["table"], "dimensions": list(cell["dims"]), "any_mention": True,
                "period_type": "month" if len(cell["period"]) == 7 else "quarter",
                "percent_of": cell.get("percent_of"), "cells": []}
    return {"title": t.title, "dimensions": [d.name for d in t.dims], "period_type": t.period,
            "any_mention": t.any_mention(q), "percent_of": t.percent_of, "cells": []}
