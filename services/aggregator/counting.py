"""The aggregator's counting core: which cells one report contributes to. Pure."""
from __future__ import annotations

from itertools import product

from services.contracts.questionnaire import Questionnaire, load
from services.contracts.tables import TABLES, Table, period_of

CellKey = tuple[str, str, tuple[str, ...]]  # (table id, period, dimension values)


def cells_of(answers: dict, month: str, tables: tuple[Table, ...] = TABLES,
             questionnaire: Questionnaire | None = None) -> list[CellKey]:
    """Every cell this report counts in, each once. Free text plays no part."""
    q = questionnaire or load()
    cells: list[CellKey] = []
    for t in tables:
        values = [d.of(answers, q) for d in t.dims]
        period = period_of(month, t.period)
        for combo in product(*values):
            cells.append((t.id, period, tuple(combo)))
    return cells
