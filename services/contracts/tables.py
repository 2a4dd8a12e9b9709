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
    source: str = ""   # the key read from a counted report; the question's code by default

    def values(self, q: Questionnaire) -> tuple[str, ...]:
        question = q[self.question]
        if self.rollup:
            return tuple(question.rollups) + ("other",)
        return question.codes

    def of(self, answers: dict, q: Questionnaire) -> tuple[str, ...]:
        """The values a report contributes to this dimension (several for 'any mention')."""
        chosen = answers.get(self.source or self.question)
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


OTHER_COMBINATION = "two_or_more_other"


@dataclass(frozen=True)
class PairDimension(Dimension):
    """Intersectionality: a report naming two or more characteristics counts in each configured
    pair it names; one naming two or more, none of whose pairs is configured, counts in
    'two_or_more_other'."""
    pairs: tuple[tuple[str, str], ...] = ()

    def values(self, q: Questionnaire) -> tuple[str, ...]:
        return tuple(f"{a}+{b}" for a, b in self.pairs) + (OTHER_COMBINATION,)

    def of(self, answers: dict, q: Questionnaire) -> tuple[str, ...]:
        chosen = set(answers.get(self.question) or ()) - set(q[self.question].exclusive)
        if len(chosen) < 2:
            return ()
        named = tuple(f"{a}+{b}" for a, b in self.pairs if {a, b} <= chosen)
        return named or (OTHER_COMBINATION,)

    def any_mention(self, q: Questionnaire) -> bool:
        return True


@dataclass(frozen=True)
class Table:
    id: str
    title: str
    dims: tuple[Dimension, ...]
    period: str = QUARTER
    percent_of: str | None = None   # the table whose matching cell is this cell's denominator

    def any_mention(self, q: Questionnaire) -> bool:
        """True when a report can count in several cells, so cells do not sum to reports."""
        return any(d.any_mention(q) for d in self.dims)


THEMES = Dimension("theme", "themes")
ABOUT = Dimension("about", "about")
CAME_FROM = Dimension("came_from", "came_from")
CAME_FROM_GROUP = Dimension("came_from_group", "came_from", rollup=True)
SETTING = Dimension("setting", "setting")
ROLE = Dimension("role", "role")
# Themes coded from the redacted narrative and what_would_help, kept apart from the reporter's own.
CODED = "coded_themes"
CODED_THEMES = Dimension("coded_theme", "themes", source=CODED)

# What reporters say would help (`what_would_help`), coded from their words into the interventions
# the FAQ names. Each answer counts in at least one (services/aggregator/coding.py, help_coder).
CODED_HELP = "coded_help"
INTERVENTIONS: dict[str, str] = {
    "cultural_awareness": "Cultural awareness training",
    "coaching": "Coaching or mentoring",
    "leadership": "Leadership development for managers",
    "inclusive_practice": "Inclusive practice in the team",
    "bystander": "Bystander or allyship training: calling it out",
    "policy_process": "A change of policy, process or facilities",
    "nothing_unsure": "Nothing, or not sure",
    "other": "Something else",
}


@dataclass(frozen=True)
class CodedDimension(Dimension):
    """Codes read from free text into a fixed list of its own, not a question's options."""
    codes: tuple[str, ...] = ()

    def values(self, q: Questionnaire) -> tuple[str, ...]:
        return self.codes

    def of(self, answers: dict, q: Questionnaire) -> tuple[str, ...]:
        return tuple(c for c in dict.fromkeys(answers.get(self.source) or ()) if c in self.codes)

    def any_mention(self, q: Questionnaire) -> bool:
        return True


INTERVENTION = CodedDimension("intervention", "what_would_help", source=CODED_HELP, codes=tuple(INTERVENTIONS))

# The configured intersectional pairs of `about` characteristics (disclosure.md rule 6). Every
# other combination of two or more characteristics collapses into one cell.
INTERSECTIONAL_PAIRS: tuple[tuple[str, str], ...] = (
    ("race", "religion_belief"),
    ("race", "sex"),
    ("race", "nationality"),
    ("race", "accent_language"),
    ("sex", "age"),
    ("sex", "pregnancy_maternity"),
    ("disability", "neurodivergence"),
    ("sexual_orientation", "gender_identity"),
)
ABOUT_PAIR = PairDimension("about_pair", "about", pairs=INTERSECTIONAL_PAIRS)

PER_QUARTER = "reports_quarter"
TABLES: tuple[Table, ...] = (
    Table("reports", "Reports received", (), MONTH),
    Table(PER_QUARTER, "Reports received in the quarter", ()),
    Table("happened_to", "To whom it happened", (Dimension("happened_to", "happened_to"),), percent_of=PER_QUARTER),
    Table("themes", "Themes chosen by reporters", (THEMES,), percent_of=PER_QUARTER),
    Table("about", "What it was about", (ABOUT,), percent_of=PER_QUARTER),
    Table("about_pairs", "Combinations of characteristics", (ABOUT_PAIR,), percent_of=PER_QUARTER),
    Table("came_from", "Who it came from", (CAME_FROM,), percent_of=PER_QUARTER),
    Table("theme_by_about", "Themes by what it was about", (THEMES, ABOUT), percent_of="about"),
    Table("theme_by_came_from_group", "Themes by who it came from", (THEMES, CAME_FROM_GROUP), percent_of="themes"),
    Table("about_by_came_from_group", "What it was about by who it came from", (ABOUT, CAME_FROM_GROUP),
          percent_of="about"),
    Table("setting_by_theme", "Themes by setting", (SETTING, THEMES), percent_of="themes"),
    Table("role_by_theme", "Themes by staff group", (ROLE, THEMES), percent_of="themes"),
    Table("impact", "Impact", (Dimension("impact", "impact"),), percent_of=PER_QUARTER),
    Table("afterwards", "What happened afterwards", (Dimension("afterwards", "afterwards"),), percent_of=PER_QUARTER),
    Table("coded_themes", "Themes coded from what reporters wrote", (CODED_THEMES,), percent_of=PER_QUARTER),
    Table("coded_theme_by_came_from_group", "Coded themes by who it came from", (CODED_THEMES, CAME_FROM_GROUP),
          percent_of="coded_themes"),
    Table("what_would_help", "What reporters say would help", (INTERVENTION,), percent_of=PER_QUARTER),
)


def table(table_id: str, tables: tuple[Table, ...] = TABLES) -> Table:
    for t in tables:
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
    ids = [t.id for t in tables]
    assert len(ids) == len(set(ids)), "table ids are unique"
    for t in tables:
        assert len(t.dims) <= 2, t.id
        questions = {d.question for d in t.dims}
        assert not {"organisation", "role", "about"} <= questions, t.id
        for d in t.dims:
            q[d.question]
        if t.percent_of:
            base = table(t.percent_of, tables)
            assert base.period == t.period and {d.name for d in base.dims} <= {d.name for d in t.dims}, t.id
    codes = set(q["about"].codes) - set(q["about"].exclusive)
    assert all({a, b} <= codes and a != b for a, b in INTERSECTIONAL_PAIRS), "pairs of about codes"


_check(TABLES, load())
