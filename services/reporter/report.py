"""The steering group's report, built from one release document. Pure: no Flask, no Kafka, no
rendering; the same Report feeds the web page, the HTML file and the PDF.

Built from the tables' own metadata (title, dimensions, period type, any mention, cells), so a
table the aggregator adds later appears without a change here: a table with no dimension is a
count per period, one with one dimension a ranked bar chart, one with two a heat map. Every
figure carries its data as a table and a full text alternative. A suppressed cell is never a
number and never a bound: a cell under the threshold and one hidden to protect another look the
same on the wire, so every hidden cell is written "not shown, to protect anonymity" (NOT_SHOWN),
and a headline is chosen only among published figures."""
from __future__ import annotations

from dataclasses import dataclass, field

from services.contracts import coder, privacy

from . import labels

PUBLISHED, SUPPRESSED = "published", "suppressed"
# The one thing the report says of a hidden cell: it may be small, or hidden to protect a small one.
NOT_SHOWN = "not shown, to protect anonymity"
SHORT_NOT_SHOWN = "not shown"
BARS, COLUMNS, HEATMAP = "bars", "columns", "heatmap"


@dataclass(frozen=True)
class SectionPlan:
    id: str
    title: str
    intro: str
    tables: tuple[str, ...]


# Where each known table goes, in the order the steering group's questions are asked
# (questionnaire.md). A table in no plan goes to "Other released tables".
PLAN: tuple[SectionPlan, ...] = (
    SectionPlan("themes", "Which themes are most common",
                "The themes of what happened, most common first.", ("themes",)),
    # Machine-read (issue 15): below the reporters' own choices, with the coder's measured figures,
    # never in a headline. Its intro is written by _machine_read().
    SectionPlan("coded", "Themes read by machine from what people wrote", "",
                ("coded_themes", "coded_theme_by_came_from_group")),
    SectionPlan("sources", "Who it came from",
                "Which characteristics and themes come from managers, from other colleagues, and from "
                "patients, relatives or the public. This points at the intervention: leadership "
                "development and coaching for managers, cultural awareness and active-bystander "
                "training for teams, inclusive practice with the public.",
                ("about_by_came_from_group", "theme_by_came_from_group", "came_from")),
    SectionPlan("characteristics", "Who is affected, and in what combinations",
                "The characteristics reporters thought it was about, the combinations they named, and "
                "the themes for each characteristic.",
                ("about", "about_pairs", "theme_by_about", "happened_to")),
    SectionPlan("settings", "Which organisations, sectors and staff groups",
                "Reports from each of the large organisations listed in the form (smaller ones are not "
                "named, so that no one can be picked out), from each sector, and the themes reported in "
                "each setting and by each staff group.",
                ("organisation", "setting", "setting_by_theme", "role_by_theme")),
    SectionPlan("where_how", "Where and how it happened",
                "Where it happened (a clinical area, a meeting, online…) and how (something said, "
                "written, a look, being left out, a decision, the environment).", ("where", "how")),
    SectionPlan("when", "How recently it happened",
                "How long before reporting it happened: reports of things long past may mean people "
                "did not know where to report, or did not feel able to.", ("when",)),
    SectionPlan("pattern", "Is it ongoing?",
                "Whether it had happened before. Repeated or ongoing micro-aggressions are an early "
                "sign of bullying, so they are also shown by who they came from.",
                ("pattern", "pattern_by_came_from_group")),
    SectionPlan("afterwards", "What happened afterwards, and the impact",
                "Whether it was challenged or reported, and how it affected people.",
                ("afterwards", "impact")),
    SectionPlan("help", "What reporters say would help", "",
                ("what_would_help",)),
)
TRENDS = SectionPlan("trends", "Trends across periods",
                     "Counts for each period released so far: are themes growing or shrinking?", ("themes",))
PER_QUARTER_TABLE = "reports_quarter"
TRENDS_BEFORE = "afterwards"   # the trends section goes just before this one
OTHER = SectionPlan("other", "Other released tables", "Every other table in this release.", ())
HEADLINES = (("themes", "Most common theme"), ("about", "Most often about"), ("came_from", "Most often from"))


@dataclass(frozen=True)
class Entry:
    """One released cell as shown."""
    value: int | None
    status: str
    percent: int | None = None

    @property
    def suppressed(self) -> bool:
        return self.status != PUBLISHED


@dataclass(frozen=True)
class Figure:
    id: str                       # unique in the report; safe in a URL
    table_id: str
    title: str
    kind: str                     # BARS, COLUMNS or HEATMAP
    period: str                   # what the figure covers, in words
    row_heading: str
    column_heading: str
    columns: tuple[str, ...]
    rows: tuple[tuple[str, tuple[Entry, ...]], ...]
    threshold: int
    any_mention: bool
    not_drawn: tuple[str, ...] = ()   # rows and columns whose every cell is suppressed
    change_heading: str = ""          # "Change from July–September 2026", where there is a quarter before
    changes: tuple[str, ...] = ()     # per row: the change between two published figures, or why not

    @property
    def empty(self) -> bool:
        """Nothing to draw: every cell is suppressed."""
        return all(e.suppressed for _, entries in self.rows for e in entries)

    @property
    def hidden_rows(self) -> tuple[str, ...]:
        """Rows of a bar chart's table in which no figure is shown: the PDF names them in one sentence
        instead of a row each. A period in a series keeps its row, so the series has no gap."""
        if self.kind != BARS:
            return ()
        return tuple(label for label, entries in self.rows if all(e.suppressed for e in entries))

    @property
    def has_percent(self) -> bool:
        return any(e.percent is not None for _, entries in self.rows for e in entries)

    @property
    def alt(self) -> str:
        """The whole figure in words: every published value, and which cells are hidden."""
        kind = {BARS: "Bar chart", COLUMNS: "Column chart", HEATMAP: "Heat map"}[self.kind]
        head = f"{kind}: {self.title}, {self.period}."
        if self.empty:
            return f"{head} No figure in it can be shown, to protect anonymity."
        if self.kind == HEATMAP:
            head += f" Rows: {self.row_heading.lower()}; columns: {self.column_heading.lower()}."
        shown, hidden = [], 0
        for label, entries in self.rows:
            for column, entry in zip(self.columns, entries):
                where = f"{label}, {column}" if self.kind == HEATMAP else label
                if entry.suppressed:
                    hidden += 1
                else:
                    shown.append(f"{where}: {display(entry)}")
        parts = [head]
        parts.append("; ".join(shown) + "." if shown else "No cell has enough reports to show.")
        if hidden:
            parts.append(f"{hidden} {'figure' if hidden == 1 else 'figures'} {NOT_SHOWN}.")
        if self.not_drawn:
            parts.append(f"Not drawn, no figure in them can be shown: {', '.join(self.not_drawn)}.")
        return " ".join(parts)


@dataclass(frozen=True)
class Headline:
    label: str
    figure: str
    detail: str


@dataclass(frozen=True)
class Section:
    id: str
    title: str
    intro: str
    figures: tuple[Figure, ...]
    notes: tuple[str, ...] = ()


@dataclass(frozen=True)
class Report:
    release_id: str
    method_version: str
    released_on: str
    threshold: int
    headlines: tuple[Headline, ...]
    sections: tuple[Section, ...]
    methods: tuple[str, ...]
    quality: tuple[str, ...]
    counts: dict = field(default_factory=dict)   # cells published and suppressed
    summary: tuple[str, ...] = ()                # the executive summary, from published figures only

    def figures(self) -> list[Figure]:
        return [f for s in self.sections for f in s.figures]

    def figure(self, figure_id: str) -> Figure | None:
        return next((f for f in self.figures() if f.id == figure_id), None)


def display(entry: Entry) -> str:
    if entry.suppressed:
        return SHORT_NOT_SHOWN
    return f"{entry.value:,}" + (f" ({entry.percent}%)" if entry.percent is not None else "")


def _entry(cell: dict) -> Entry:
    return Entry(cell["value"], cell["status"], cell.get("percent"))


def _latest(table: dict) -> str | None:
    periods = sorted({c["period"] for c in table["cells"]})
    return periods[-1] if periods else None


def _bars(table_id: str, table: dict, threshold: int) -> Figure | None:
    period = _latest(table)
    if period is None:
        return None
    [dim] = table["dimensions"]
    cells = [c for c in table["cells"] if c["period"] == period]
    published = sorted((c for c in cells if c["status"] == PUBLISHED), key=lambda c: -c["value"])
    hidden = [c for c in cells if c["status"] != PUBLISHED]
    rows = tuple((labels.value(dim, c["dims"][dim]), (_entry(c),)) for c in published + hidden)
    before = _previous_quarter(table, period)
    heading, changes = "", ()
    if before is not None:
        earlier = {c["dims"][dim]: c for c in table["cells"] if c["period"] == before}
        heading = f"Change from {labels.period(before)}"
        changes = tuple(change(c, earlier.get(c["dims"][dim])) for c in published + hidden)
    return Figure(table_id, table_id, table["title"], BARS, labels.period(period), labels.heading(dim),
                  "Reports", ("Reports",), rows, threshold, table["any_mention"], (), heading, changes)


NOT_COMPARABLE = "cannot be compared"


def _previous_quarter(table: dict, period: str) -> str | None:
    """The quarter before `period`, if the table is quarterly and the release has it."""
    if "-Q" not in period:
        return None
    year, quarter = int(period[:4]), int(period[-1])
    before = f"{year}-Q{quarter - 1}" if quarter > 1 else f"{year - 1}-Q4"
    return before if any(c["period"] == before for c in table["cells"]) else None


def change(now: dict, before: dict | None) -> str:
    """The change between a cell and the same cell a quarter before, only where both are published."""
    if before is None or now["status"] != PUBLISHED or before["status"] != PUBLISHED:
        return NOT_COMPARABLE
    diff = now["value"] - before["value"]
    return "no change" if diff == 0 else f"{'up' if diff > 0 else 'down'} {abs(diff):,}"


def _heatmap(figure_id: str, table_id: str, title: str, cells: list[dict], row_dim: str, column_dim: str,
             period: str, threshold: int, any_mention: bool, column_label=None) -> Figure:
    """Rows and columns in the order of the release's grid; a row or column whose every cell is
    suppressed is not drawn but named."""
    column_label = column_label or (lambda code: labels.value(column_dim, code))
    row_codes = list(dict.fromkeys(c["dims"][row_dim] if row_dim else "" for c in cells))
    column_codes = list(dict.fromkeys(_column_of(c, column_dim) for c in cells))
    grid = {(c["dims"][row_dim] if row_dim else "", _column_of(c, column_dim)): c for c in cells}
    live_rows = [r for r in row_codes if any(grid.get((r, k), {}).get("status") == PUBLISHED for k in column_codes)]
    live_columns = [k for k in column_codes if any(grid.get((r, k), {}).get("status") == PUBLISHED for r in row_codes)]
    missing = {"value": None, "status": SUPPRESSED}
    rows = tuple((labels.value(row_dim, r), tuple(_entry(grid.get((r, k), missing)) for k in live_columns))
                 for r in live_rows)
    not_drawn = tuple([labels.value(row_dim, r) for r in row_codes if r not in live_rows]
                      + [column_label(k) for k in column_codes if k not in live_columns])
    return Figure(figure_id, table_id, title, HEATMAP, period, labels.heading(row_dim),
                  labels.heading(column_dim) if column_dim != "period" else "Period",
                  tuple(column_label(k) for k in live_columns), rows, threshold, any_mention, not_drawn)


def _shape(dim: str, cells: list[dict]) -> tuple[int, float]:
    """The dimension with more values to draw goes down the side; on a tie, the one with longer
    labels, which read better there than across the top."""
    drawn = {c["dims"][dim] for c in cells if c["status"] == PUBLISHED}
    return len(drawn), sum(len(labels.value(dim, code)) for code in drawn) / max(len(drawn), 1)


def _column_of(cell: dict, column_dim: str) -> str:
    return cell["period"] if column_dim == "period" else cell["dims"][column_dim]


def _two_way(table_id: str, table: dict, threshold: int) -> Figure | None:
    period = _latest(table)
    if period is None:
        return None
    cells = [c for c in table["cells"] if c["period"] == period]
    first, second = table["dimensions"]
    row_dim, column_dim = (first, second) if _shape(first, cells) >= _shape(second, cells) else (second, first)
    return _heatmap(table_id, table_id, table["title"], cells, row_dim, column_dim, labels.period(period),
                    threshold, table["any_mention"])


def _over_time(table_id: str, table: dict, threshold: int) -> Figure | None:
    """A count per period (no dimension) as columns, or one dimension across periods as a heat map."""
    periods = sorted({c["period"] for c in table["cells"]})
    if not periods:
        return None
    span = labels.period(periods[0]) + (f" to {labels.period(periods[-1])}" if len(periods) > 1 else "")
    if not table["dimensions"]:
        by_period = {c["period"]: c for c in table["cells"]}
        rows = tuple((labels.period(p), (_entry(by_period[p]),)) for p in periods)
        unit = "Month" if table.get("period_type") == "month" else "Quarter"
        return Figure(f"{table_id}-over-time", table_id, table["title"], COLUMNS, span, unit, "Reports",
                      ("Reports",), rows, threshold, table["any_mention"])
    [dim] = table["dimensions"]
    return _heatmap(f"{table_id}-over-time", table_id, f"{table['title']}, by period", table["cells"], dim,
                    "period", span, threshold, table["any_mention"], column_label=labels.period)


def figure_for(table_id: str, table: dict, threshold: int) -> Figure | None:
    builders = {0: _over_time, 1: _bars, 2: _two_way}
    builder = builders.get(len(table["dimensions"]))
    return builder(table_id, table, threshold) if builder else None


def _machine_read(plan_id: str) -> str:
    """What a machine-read section says about how it was read and how well (the method box's card)."""
    c = coder.card()
    measured = (f"Measured on {c['measured_on'].split(', ')[-1]} written and coded by hand, it finds "
                f"{c['recall']:.0%} of the themes a careful reader finds (recall), and {c['precision']:.0%} of "
                f"the themes it finds are right (precision).")
    if plan_id == "coded":
        return ("Machine-read, not chosen by reporters: the themes a trained classifier found in what "
                f"people wrote. {measured} Read them beside the reporters' own choices above, never instead "
                "of them: some themes are missed and some are wrong.")
    return ("Machine-read: what reporters asked for in answer to \"What would help stop this happening "
            "again?\", sorted by a trained classifier into the kinds of intervention the portal's FAQ names. "
            "A report counts once in each kind it asks for.")


def _section(plan: SectionPlan, tables: dict, threshold: int) -> Section | None:
    figures = tuple(f for t in plan.tables if t in tables and (f := figure_for(t, tables[t], threshold)))
    intro = plan.intro or _machine_read(plan.id)
    return Section(plan.id, plan.title, intro, figures) if figures else None


def _trends(tables: dict, threshold: int) -> Section:
    figures = [f for t, v in tables.items() if not v["dimensions"] and (f := _over_time(t, v, threshold))]
    notes = []
    for t in TRENDS.tables:
        if t not in tables:
            continue
        if len({c["period"] for c in tables[t]["cells"]}) > 1:
            figures.append(_over_time(t, tables[t], threshold))
        else:
            notes.append(f"{tables[t]['title']}: only one period has been released so far. "
                         "The trend appears from the second.")
    return Section(TRENDS.id, TRENDS.title, TRENDS.intro, tuple(figures), tuple(notes))


def _headlines(tables: dict, threshold: int) -> tuple[Headline, ...]:
    """The latest totals, and the largest published figure of each headline question. Chosen only
    among published figures: where some figures are hidden, the headline says it is the largest
    of those shown, since a hidden one may be larger; where none is shown, it says so."""
    out = []
    for table_id, table in tables.items():
        period = _latest(table)
        if table["dimensions"] or period is None:
            continue
        [cell] = [c for c in table["cells"] if c["period"] == period]
        shown = cell["status"] == PUBLISHED
        out.append(Headline(f"{table['title']}, {labels.period(period)}",
                            f"{cell['value']:,}" if shown else "Not shown",
                            "rounded to the nearest 5" if shown else "to protect anonymity"))
    for table_id, label in HEADLINES:
        figure = _bars(table_id, tables[table_id], threshold) if table_id in tables else None
        if figure is None:
            continue
        top = [(name, e) for name, (e,) in figure.rows if not e.suppressed]
        hidden = len(figure.rows) - len(top)
        if not top:
            out.append(Headline(label, "None can be shown", f"to protect anonymity, {figure.period}"))
            continue
        lead = top[0][1]
        best = [name for name, e in top if e.value == lead.value]
        share = f" ({lead.percent}%)" if lead.percent is not None else ""
        detail = f"{lead.value:,} reports{share}, {figure.period}"
        if hidden:
            label = f"{label}, of the figures shown"
            detail += f"; {hidden:,} other {'figure is' if hidden == 1 else 'figures are'} {NOT_SHOWN}"
        out.append(Headline(label, " and ".join(best), detail))
    return tuple(out)


def _top(tables: dict, table_id: str, threshold: int) -> tuple[list[str], Entry, int] | None:
    """The largest published figure(s) of a one-question table's latest period, and how many of
    its figures are not shown; None if the table is absent or shows nothing."""
    figure = _bars(table_id, tables[table_id], threshold) if table_id in tables else None
    if figure is None:
        return None
    shown = [(name, e) for name, (e,) in figure.rows if not e.suppressed]
    if not shown:
        return None
    lead = shown[0][1]
    return [name for name, e in shown if e.value == lead.value], lead, len(figure.rows) - len(shown)


def _reports(entry: Entry) -> str:
    return f"{entry.value:,} reports" + (f", {entry.percent}% of the quarter's" if entry.percent is not None else "")


def _names(names: list[str]) -> str:
    quoted = [f"“{n}”" for n in names]
    return quoted[0] if len(quoted) == 1 else ", ".join(quoted[:-1]) + " and " + quoted[-1]


def _summary(tables: dict, threshold: int) -> tuple[str, ...]:
    """Five to seven sentences answering the FAQ's questions (themes, characteristics and their
    combinations, where in the system, who from, is it ongoing), built only from published figures
    of the latest quarter; nothing from any report's text. Where a question's figures are all
    hidden, the sentence says so."""
    out = []
    months = sorted({c["period"] for c in tables.get("reports", {}).get("cells", [])})
    quarter = _latest(tables[PER_QUARTER_TABLE]) if PER_QUARTER_TABLE in tables else None
    span = (f"from {labels.period(months[0])} to {labels.period(months[-1])}" if len(months) > 1
            else f"in {labels.period(months[0])}" if months else "")
    total = next((c for c in tables.get(PER_QUARTER_TABLE, {}).get("cells", []) if c["period"] == quarter), None)
    if quarter and total and total["status"] == PUBLISHED:
        out.append(f"This release counts reports made {span}; {total['value']:,} were made in "
                   f"{labels.period(quarter)} (rounded to the nearest {privacy.ROUND_TO}), and the figures "
                   "below are for that quarter.")
    else:
        out.append(f"This release counts reports made {span}. The number made in the latest quarter is "
                   f"{NOT_SHOWN}, and the figures below are for that quarter.")

    def sentence(table_id: str, found: str, none: str) -> None:
        top = _top(tables, table_id, threshold)
        if top is None:
            out.append(none)
            return
        names, lead, hidden = top
        text = found.format(names=_names(names), reports=_reports(lead))
        out.append(f"Of the figures that can be shown, {text[0].lower()}{text[1:]}" if hidden else text)

    sentence("themes", "The most common theme was {names} ({reports}).",
             "No theme's figure can be shown, to protect anonymity.")
    sentence("about", "It was most often thought to be about {names} ({reports}).",
             "No characteristic's figure can be shown, to protect anonymity.")
    pairs = _top(tables, "about_pairs", threshold)
    if pairs is not None:
        out[-1] += f" The most common combination shown was {_names(pairs[0])} ({_reports(pairs[1])})."
    sentence("came_from", "It most often came from {names} ({reports}).",
             "No figure of whom it came from can be shown, to protect anonymity.")
    sentence("organisation", "The organisation named most often was {names} ({reports}).",
             "No organisation's figure can be shown, to protect anonymity.")
    ongoing = next((c for c in tables.get("pattern", {}).get("cells", [])
                    if c["period"] == quarter and c["dims"].get("pattern") == "ongoing"), None)
    if ongoing and ongoing["status"] == PUBLISHED:
        out.append(f"{ongoing['value']:,} reports said it was ongoing, an early sign of bullying.")
    elif ongoing:
        out.append(f"How many said it was ongoing is {NOT_SHOWN}.")
    out = out[:6]
    out.append("These are the reports people chose to make, not how often micro-aggressions happen: read them "
               "alongside the NHS Staff Survey, the WRES and WDES, and complaints.")
    return tuple(out)


def _methods(doc: dict) -> tuple[str, ...]:
    k = doc["threshold"]
    tables = doc["tables"].values()
    periods = {t["period_type"] for t in tables}
    lines = [
        f"Every figure counts reports, and each report counts once in a cell. A figure is shown only "
        f"when at least {k} reports are behind it. Smaller figures are {NOT_SHOWN}.",
        f"Every figure shown is rounded to the nearest {privacy.ROUND_TO}, on its own, so figures may not "
        "add up to a total.",
        *([f"Before rounding, each figure was moved up or down by a small random amount, at most "
           f"{noise}, that stays the same for the same reports (cell-key perturbation, as the Office for "
           f"National Statistics used for the 2021 Census). So a figure shown is within "
           f"{noise + privacy.ROUND_TO // 2} of the true count, and comparing two reports cannot show one "
           "report more or less."] if (noise := privacy.max_perturbation(doc["method_version"])) else []),
        "Some larger figures are also not shown, so that a small one cannot be worked out from the "
        "figures around it or from an earlier release. Both kinds look the same, on purpose: a figure "
        "that is not shown may be small or large, and it is never drawn as zero.",
        "The change from the quarter before is given only where both quarters' figures are shown. Each "
        f"figure is rounded to the nearest {privacy.ROUND_TO} on its own, so a change of {privacy.ROUND_TO} "
        "may be a smaller or a larger one.",
        "Counts are for each quarter" + (", and the number of reports also for each month"
                                         if "month" in periods else "") + "; they are never added up across periods.",
        "Where a question allowed more than one answer (\"any mention\"), a report counts once in "
        "each answer it gave, so those figures add up to more than the number of reports. Tables "
        "marked \"any mention\" are like this.",
    ]
    if any(c.get("percent") is not None for t in tables for c in t["cells"]):
        lines.append(f"Percentages are shown only where the group they are of has at least "
                     f"{privacy.PERCENT_MIN_DENOMINATOR} reports, as whole numbers.")
    c = coder.card()
    lines.append(f"Themes \"read by machine\" come from a trained classifier ({c['model']}; coder "
                 f"{c['coder']}), not from the reporters' own choices. On its {c['measured_on']}, precision "
                 f"{c['precision']:.2f}, recall {c['recall']:.2f}.")
    lines.append(f"Release {doc['release_id']}, method version {doc['method_version']}, released on "
                 f"{doc['released_on']}. Nothing in it changes until the next release.")
    return tuple(lines)


def _quality(doc: dict, counts: dict) -> tuple[str, ...]:
    return (
        "Reports are anonymous and people choose whether to report: the figures show what was "
        "reported, not how often micro-aggressions happen. One person may report more than once, "
        "and one event may be reported by several people.",
        "Reporters say for themselves what it was about and who it came from; nothing can be "
        "checked or followed up.",
        f"This release has {counts['cells']:,} figures, of which {counts[PUBLISHED]:,} are shown and "
        f"{counts[SUPPRESSED]:,} are {NOT_SHOWN}.",
    )


def build(doc: dict) -> Report:
    """The report of one release document (as `releases.as_document` makes it)."""
    tables, k = doc["tables"], doc["threshold"]
    placed = {t for plan in PLAN for t in plan.tables}
    sections = []
    for plan in PLAN:
        if plan.id == TRENDS_BEFORE:
            sections.append(_trends(tables, k))
        if s := _section(plan, tables, k):
            sections.append(s)
    rest = tuple(t for t, v in tables.items() if t not in placed and v["dimensions"])
    if other := _section(SectionPlan(OTHER.id, OTHER.title, OTHER.intro, rest), tables, k):
        sections.append(other)
    statuses = [c["status"] for t in tables.values() for c in t["cells"]]
    counts = {"cells": len(statuses), PUBLISHED: statuses.count(PUBLISHED),
              SUPPRESSED: len(statuses) - statuses.count(PUBLISHED)}
    return Report(doc["release_id"], doc["method_version"], doc["released_on"], k, _headlines(tables, k),
                  tuple(sections), _methods(doc), _quality(doc, counts), counts, _summary(tables, k))
