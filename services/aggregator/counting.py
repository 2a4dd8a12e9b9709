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


def _coded(table: Table) -> bool:
    return any(d.source in (CODED, CODED_HELP) for d in table.dims)


# The tables counted from the reporter's answers alone (at once, in batches: no text is read) and
# those that need the theme coder's reading of the free text (counted as fast as it reads, in a
# second pass: services/aggregator/handlers.py).
ANSWER_TABLES = tuple(t for t in TABLES if not _coded(t))
CODED_TABLES = tuple(t for t in TABLES if _coded(t))


def answer_cells(answers: dict, month: str, questionnaire: Questionnaire | None = None) -> list[CellKey]:
    """The cells of one report in the tables that need no coding: no text is read."""
    return cells_of(answers, month, tables=ANSWER_TABLES, questionnaire=questionnaire)


def coded_cells(reports: list[tuple[dict, str]], coder: Coder, helps: Coder | None = None) -> list[list[CellKey]]:
    """The cells of several reports in the tables of coded themes and interventions, their texts
    coded in one batch. The text goes no further than this call."""
    return reports_cells(reports, coder, CODED_TABLES, helps)


class AnswerCells:
    """`answer_cells` for a stream of reports, fast: a table's cells (but for the period) depend
    only on the answers to its dimensions' questions, so they are worked out once per distinct set
    of those answers (by `cells_of` itself) and reused. The same cells as `answer_cells`, in order
    (tested over generated reports)."""

    def __init__(self, questionnaire: Questionnaire | None = None, tables: tuple[Table, ...] = ANSWER_TABLES,
                 limit: int = 100_000):
        self.q, self.limit = questionnaire or load(), limit
        self._plan = [(t, tuple(dict.fromkeys(d.source or d.question for d in t.dims))) for t in tables]
        self._combos: dict = {}

    def __call__(self, answers: dict, month: str) -> list[CellKey]:
        cells: list[CellKey] = []
        periods: dict[str, str] = {}
        for t, fields in self._plan:
            period = periods.get(t.period) or periods.setdefault(t.period, period_of(month, t.period))
            cells.extend((t.id, period, combo) for combo in self._of(t, fields, answers))
        return cells

    def _of(self, t: Table, fields: tuple[str, ...], answers: dict) -> list[tuple[str, ...]]:
        chosen = tuple(_frozen(answers.get(f)) for f in fields)
        key = (t.id, chosen)
        found = self._combos.get(key)
        if found is None:
            if len(self._combos) >= self.limit:
                self._combos.clear()
            given = {f: a for f, a in zip(fields, chosen) if a is not None}
            found = self._combos[key] = [c for _, _, c in cells_of(given, "2000-01", (), (t,), self.q)]
        return found


def _frozen(answer):
    return answer if answer is None or isinstance(answer, str) else tuple(answer)
