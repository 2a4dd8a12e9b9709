"""The predefined release tables: the only shapes in which counts ever leave the aggregator.

Each table has at most two dimensions plus the period. A dimension is a questionnaire question
or a roll-up of one. No table combines organisation, role and characteristic.
"""
from __future__ import annotations

from dataclasses import dataclass

from .questionnaire import Questionnaire, load

QUARTER, MONTH = "quarter", "month"


@dataclass(frozen=True)
class Dimension:
    name: str          # the key used in a cell's dims
    question: str      # the questionnaire question it comes from
    rollup: bool = False

    def values(self, q: Questionnaire) -> tuple[str, ...]:
        question = q[self.question]
        if self.rollup:
            return tuple(question.rollups) + ("other",)
        return question.codes

    def of(self, answers: dict, q: Questionnaire) -> tuple[str, ...]:
        """The values a report contributes to this dimension (several for 'any mention')."""
        chosen = answers.get(self.question)
        if chosen is None:
            return ()
        chosen = [chosen] if isinstance(chosen, str) else list(chosen)
        if not self.rollup:
            return tuple(dict.fromkeys(chosen))
        groups = q[self.question].rollups
        out = [g for g, codes in groups.items() if set(codes) & set(chosen)]
        if set(chosen) - {c for codes in groups.values() for c in codes}:
            out.append("other")
        return tuple(out)

    def any_mention(self, q: Questionnaire) -> bool:
        return self.rollup or q[self.question].kind == "many"


@dataclass(frozen=True)
class Table:
    id: str
    title: str
    dims: tuple[Dimension, ...]
    period: str = QUARTER

    def any_mention(self, q: Questionnaire) -> bool:
        """True when a report can count in several cells, so cells do not sum to reports."""
        return any(d.any_mention(q) for d in self.dims)


THEMES = Dimension("theme", "themes")
ABOUT = Dimension("about", "about")
CAME_FROM = Dimension("came_from", "came_from")
CAME_FROM_GROUP = Dimension("came_from_group", "came_from", rollup=True)
SETTING = Dimension("setting", "setting")
ROLE = Dimension("role", "role")

TABLES: tuple[Table, ...] = (
    Table("reports", "Reports received", (), MONTH),
    Table("happened_to", "To whom it happened", (Dimension("happened_to", "happened_to"),)),
    Table("themes", "Themes chosen by reporters", (THEMES,)),
    Table("about", "What it was about", (ABOUT,)),
    Table("came_from", "Who it came from", (CAME_FROM,)),
    Table("theme_by_about", "Themes by what it was about", (THEMES, ABOUT)),
    Table("theme_by_came_from_group", "Themes by who it came from", (THEMES, CAME_FROM_GROUP)),
    Table("about_by_came_from_group", "What it was about by who it came from", (ABOUT, CAME_FROM_GROUP)),
    Table("setting_by_theme", "Themes by setting", (SETTING, THEMES)),
    Table("role_by_theme", "Themes by staff group", (ROLE, THEMES)),
    Table("impact", "Impact", (Dimension("impact", "impact"),)),
    Table("afterwards", "What happened afterwards", (Dimension("afterwards", "afterwards"),)),
)


def table(table_id: str) -> Table:
    for t in TABLES:
        if t.id == table_id:
            return t
    raise KeyError(table_id)


def period_of(month: str, kind: str) -> str:
    """'2026-11' -> '2026-11' (month) or '2026-Q4' (quarter)."""
    if kind == MONTH:
        return month
    year, mm = month.split("-")
    return f"{year}-Q{(int(mm) - 1) // 3 + 1}"


def _check(tables: tuple[Table, ...], q: Questionnaire) -> None:
    for t in tables:
        assert len(t.dims) <= 2, t.id
        questions = {d.question for d in t.dims}
        assert not {"organisation", "role", "about"} <= questions, t.id
        for d in t.dims:
            q[d.question]


_check(TABLES, load())
