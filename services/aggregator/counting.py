"""The aggregator's counting core: which cells one report contributes to. Pure."""
from __future__ import annotations

from itertools import product

from services.contracts.questionnaire import Questionnaire, load
from services.contracts.tables import CODED, CODED_HELP, TABLES, Table, period_of

from .coding import Coder, code_each, texts_of

CellKey = tuple[str, str, tuple[str, ...]]  # (table id, period, dimension values)


def cells_of(answers: dict, month: str, coded_themes: tuple[str, ...] | frozenset[str] = (),
             tables: tuple[Table, ...] = TABLES, questionnaire: Questionnaire | None = None,
             coded_help: tuple[str, ...] | frozenset[str] = ()) -> list[CellKey]:
    """Every cell this report counts in, each once. Free text plays no part: the themes coded
    from it arrive as codes in `coded_themes`, kept apart from the reporter's own `themes`, and
    the interventions read in `what_would_help` as codes in `coded_help`."""
    q = questionnaire or load()
    record = {**answers, CODED: sorted(coded_themes), CODED_HELP: sorted(coded_help)}
    cells: list[CellKey] = []
    for t in tables:
        values = [d.of(record, q) for d in t.dims]
        period = period_of(month, t.period)
        for combo in product(*values):
            cells.append((t.id, period, tuple(combo)))
    return cells


def report_cells(answers: dict, month: str, coder: Coder, tables: tuple[Table, ...] = TABLES,
                 helps: Coder | None = None) -> list[CellKey]:
    """The cells of one redacted report: its answers, the themes `coder` reads in its free text
    and the interventions `helps` reads in `what_would_help`. The text goes no further than this call."""
    return reports_cells([(answers, month)], coder, tables, helps)[0]


def reports_cells(reports: list[tuple[dict, str]], coder: Coder, tables: tuple[Table, ...] = TABLES,
                  helps: Coder | None = None) -> list[list[CellKey]]:
    """The cells of several redacted reports (answers and month each), their texts coded in one
    batch. The text goes no further than this call."""
    themes = code_each(coder, [texts_of(answers) for answers, _ in reports])
    asked = code_each(helps, [[answers.get("what_would_help")] for answers, _ in reports]) if helps \
        else [()] * len(reports)
    return [cells_of(answers, month, t, tables, coded_help=a)
            for (answers, month), t, a in zip(reports, themes, asked)]
