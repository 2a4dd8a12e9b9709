"""The aggregator's counting core: which cells one report contributes to. Pure."""
from __future__ import annotations

from itertools import product

from services.contracts.questionnaire import Questionnaire, load
from services.contracts.tables import CODED, TABLES, Table, period_of

from .coding import Coder, texts_of

CellKey = tuple[str, str, tuple[str, ...]]  # (table id, period, dimension values)


def cells_of(answers: dict, month: str, coded_themes: tuple[str, ...] | frozenset[str] = (),
             tables: tuple[Table, ...] = TABLES, questionnaire: Questionnaire | None = None) -> list[CellKey]:
    """Every cell this report counts in, each once. Free text plays no part: the themes coded
    from it arrive as codes in `coded_themes`, kept apart from the reporter's own `themes`."""
    q = questionnaire or load()
    record = {**answers, CODED: sorted(coded_themes)}
    cells: list[CellKey] = []
    for t in tables:
        values = [d.of(record, q) for d in t.dims]
        period = period_of(month, t.period)
        for combo in product(*values):
            cells.append((t.id, period, tuple(combo)))
    return cells


def report_cells(answers: dict, month: str, coder: Coder, tables: tuple[Table, ...] = TABLES) -> list[CellKey]:
    """The cells of one redacted report: its answers, and the themes `coder` reads in its free
    text. The text goes no further than this call."""
    return cells_of(answers, month, coder.code(texts_of(answers)), tables)
