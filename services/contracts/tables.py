"""The predefined release tables: the only shapes in which counts ever leave the aggregator.

Each table has at most two dimensions plus the period. A dimension is a questionnaire question
or a roll-up of one. No table combines organisation, role and characteristic.
"""
from __future__ import annotations

from dataclasses import dataclass

from .questionnaire import Questionnaire, load

QUARTER, MONTH = "quarter", "month"


@dataclass(frozen=True)
class Group:
    """One value of a grouped dimension: a label and the question's codes it gathers."""
    code: str
    label: str
    members: tuple[str, ...]


OTHER_GROUP = "other"


@dataclass(frozen=True)
class Dimension:
    name: str          # the key used in a cell's dims
    question: str      # the questionnaire question it comes from
    rollup: bool = False   # grouped by the questionnaire's own roll-ups (came_from)
    source: str = ""   # the key read from a counted report; the question's code by default
    groups: tuple[Group, ...] = ()   # grouped by this map; codes in no group go to "other"

    @property
    def grouped(self) -> bool:
        return self.rollup or bool(self.groups)

    def grouping(self, q: Questionnaire) -> dict[str, tuple[str, ...]]:
        """Group code -> the question's codes in it, "other" last with every code left over
        (present whenever the grouping leaves a code over: it depends on configuration only)."""
        groups = {g.code: g.members for g in self.groups} if self.groups else dict(q[self.question].rollups)
        grouped = {c for codes in groups.values() for c in codes}
        rest = tuple(c for c in q[self.question].codes if c not in grouped)
        return {**groups, OTHER_GROUP: rest} if rest else groups

    def group_label(self, code: str) -> str | None:
        return next((g.label for g in self.groups if g.code == code), None)

    def values(self, q: Questionnaire) -> tuple[str, ...]:
        if self.grouped:
            return tuple(self.grouping(q))
        return q[self.question].codes

    def of(self, answers: dict, q: Questionnaire) -> tuple[str, ...]:
        """The values a report contributes to this dimension (several for 'any mention')."""
        chosen = answers.get(self.source or self.question)
        if chosen is None:
            return ()
        chosen = [chosen] if isinstance(chosen, str) else list(chosen)
        if not self.grouped:
            return tuple(dict.fromkeys(chosen))
        return tuple(g for g, codes in self.grouping(q).items() if set(codes) & set(chosen))

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
ROLE = Dimension("role", "role")
ORGANISATION = Dimension("organisation", "organisation")   # large organisations only (the questionnaire's list)
PATTERN = Dimension("pattern", "pattern")
# Grouped dimensions (disclosure.md rule 14): two-dimension tables use groups, so that a year of
# reports from one ICS fills enough of their cells to show; one-dimension tables keep every code.
# Any table may use them, new ones too; codes a grouping leaves out go to "other".
ABOUT_GROUPS = (
    Group("race_ethnicity_nationality", "Race, ethnicity, nationality, language or name",
          ("race", "nationality", "accent_language", "name", "international_recruit")),
    Group("sex_gender", "Sex, gender, sexual orientation, pregnancy or menopause",
          ("sex", "gender_identity", "sexual_orientation", "pregnancy_maternity", "menopause",
           "marriage_civil_partnership")),
    Group("age", "Age", ("age",)),
    Group("disability_health", "Disability, neurodivergence or mental health",
          ("disability", "neurodivergence", "mental_health")),
    Group("religion_belief", "Religion or belief", ("religion_belief",)),
)
THEME_GROUPS = (
    Group("outsider", "Treated as an outsider, or who they are treated as a problem", ("T01", "T09", "T10")),
    Group("ability_role", "Ability or role doubted, overlooked or patronised", ("T02", "T03", "T04", "T13")),
    Group("ignored_watched", "Ignored, left out, watched or excluded by systems", ("T05", "T17", "T18")),
    Group("comments_jokes", "Comments, jokes, questions or being told it was banter",
          ("T06", "T07", "T08", "T11", "T14")),
    Group("assumptions", "Assumptions about age, caring, pregnancy, names, pronouns or partners",
          ("T12", "T15", "T16")),
)
SETTING_GROUPS = (
    Group("acute_hospital", "Acute hospital", ("acute_hospital",)),
    Group("community_mental_health", "Community, mental health or learning disability services",
          ("community_health", "mental_health_ld")),
    Group("primary_care", "GP, pharmacy, dental or optometry", ("gp_primary_care", "community_pharmacy",
                                                                  "dental_optometry")),
    Group("social_care", "Social care, care homes or hospices", ("council_social_care", "care_provider", "hospice")),
)
ROLE_GROUPS = (
    Group("nursing_midwifery", "Registered nurses and midwives", ("nursing_reg",)),
    Group("clinical_support", "Healthcare assistants and other clinical support", ("additional_clinical",)),
    Group("medical_dental", "Medical and dental", ("med_dental",)),
    Group("ahp_scientific", "Allied health professionals, scientific and technical",
          ("ahp", "add_prof_sci_tech", "healthcare_scientist")),
    Group("admin_management", "Administrative, clerical and managers", ("admin_clerical", "manager")),
)
PATTERN_GROUPS = (
    Group("first_time", "The first time", ("first_time",)),
    Group("a_few_times", "A few times before", ("a_few_times",)),
    Group("ongoing", "Ongoing", ("ongoing",)),
)

# Themes coded from the redacted narrative and what_would_help, kept apart from the reporter's own.
CODED = "coded_themes"
CODED_THEMES = Dimension("coded_theme", "themes", source=CODED)
THEME_GROUP = Dimension("theme_group", "themes", groups=THEME_GROUPS)
ABOUT_GROUP = Dimension("about_group", "about", groups=ABOUT_GROUPS)
SETTING_GROUP = Dimension("setting_group", "setting", groups=SETTING_GROUPS)
ROLE_GROUP = Dimension("role_group", "role", groups=ROLE_GROUPS)
CODED_THEME_GROUP = Dimension("coded_theme_group", "themes", source=CODED, groups=THEME_GROUPS)
PATTERN_GROUP = Dimension("pattern_group", "pattern", groups=PATTERN_GROUPS)

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
    Table("theme_by_about", "Groups of themes by what it was about", (THEME_GROUP, ABOUT_GROUP)),
    Table("theme_by_came_from_group", "Groups of themes by who it came from", (THEME_GROUP, CAME_FROM_GROUP)),
    Table("about_by_came_from_group", "What it was about by who it came from", (ABOUT_GROUP, CAME_FROM_GROUP)),
    Table("setting_by_theme", "Groups of themes by setting", (SETTING_GROUP, THEME_GROUP)),
    Table("role_by_theme", "Groups of themes by staff group", (ROLE_GROUP, THEME_GROUP)),
    Table("organisation", "Organisation", (ORGANISATION,), percent_of=PER_QUARTER),
    # Grouped: a year of one ICS's reports is too few to show every one of the 15 settings.
    Table("setting", "Setting", (SETTING_GROUP,), percent_of=PER_QUARTER),
    Table("how", "How it happened", (Dimension("how", "how"),), percent_of=PER_QUARTER),
    Table("where", "Where it happened", (Dimension("where", "where"),), percent_of=PER_QUARTER),
    Table("when", "When it happened", (Dimension("when", "when"),), percent_of=PER_QUARTER),
    Table("pattern", "Whether it had happened before", (PATTERN,), percent_of=PER_QUARTER),
    Table("pattern_by_came_from_group", "Whether it had happened before, by who it came from",
          (PATTERN_GROUP, CAME_FROM_GROUP)),
    Table("impact", "Impact", (Dimension("impact", "impact"),), percent_of=PER_QUARTER),
    Table("afterwards", "What happened afterwards", (Dimension("afterwards", "afterwards"),), percent_of=PER_QUARTER),
    Table("coded_themes", "Themes coded from what reporters wrote", (CODED_THEMES,), percent_of=PER_QUARTER),
    Table("coded_theme_by_came_from_group", "Groups of coded themes by who it came from",
          (CODED_THEME_GROUP, CAME_FROM_GROUP)),
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
    for t in tables:
        for d in t.dims:
            members = [c for g in d.groups for c in g.members]
            assert len(members) == len(set(members)) and set(members) <= set(q[d.question].codes), d.name
            assert OTHER_GROUP not in {g.code for g in d.groups}, d.name
    codes = set(q["about"].codes) - set(q["about"].exclusive)
    assert all({a, b} <= codes and a != b for a, b in INTERSECTIONAL_PAIRS), "pairs of about codes"


_check(TABLES, load())
