"""The steering group's report, built from one release document. Pure: no Flask, no Kafka, no
rendering; the same Report feeds the web page, the HTML file and the PDF.

Built from the tables' own metadata (title, dimensions, period type, any mention, cells), so a
table the aggregator adds later appears without a change here: a table with no dimension is a
count per period, one with one dimension a ranked bar chart, one with two a heat map. Every
figure carries its data as a table and a full text alternative. A suppressed cell is never a
number: it is drawn and written as "fewer than k"."""
from __future__ import annotations

from dataclasses import dataclass, field

from services.contracts import coder, privacy

from . import labels

PUBLISHED, SUPPRESSED = "published", "suppressed"
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
    SectionPlan("settings", "Settings and staff groups",
                "The themes reported in each setting and by each staff group.",
                ("setting_by_theme", "role_by_theme")),
    SectionPlan("afterwards", "What happened afterwards, and the impact",
                "Whether it was challenged or reported, and how it affected people.",
                ("afterwards", "impact")),
    SectionPlan("help", "What reporters say would help", "",
                ("what_would_help",)),
)
TRENDS_AFTER = 5    # the trends section follows the first five of PLAN
TRENDS = SectionPlan("trends", "Trends across periods",
                     "Counts for each period released so far: are themes growing or shrinking?", ("themes",))
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

    @property
    def empty(self) -> bool:
        """Nothing to draw: every cell is suppressed."""
        return all(e.suppressed for _, entries in self.rows for e in entries)

    @property
    def has_percent(self) -> bool:
        return any(e.percent is not None for _, entries in self.rows for e in entries)

    @property
    def alt(self) -> str:
        """The whole figure in words: every published value, and which cells are hidden."""
        kind = {BARS: "Bar chart", COLUMNS: "Column chart", HEATMAP: "Heat map"}[self.kind]
        head = f"{kind}: {self.title}, {self.period}."
        if self.empty:
            return f"{head} Every figure is fewer than {self.threshold} reports, so nothing is shown."
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
            parts.append(f"{hidden} {'cell' if hidden == 1 else 'cells'} with fewer than {self.threshold} "
                         "reports, hidden.")
        if self.not_drawn:
            parts.append(f"Not drawn, every cell fewer than {self.threshold}: {', '.join(self.not_drawn)}.")
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

    def figures(self) -> list[Figure]:
        return [f for s in self.sections for f in s.figures]

    def figure(self, figure_id: str) -> Figure | None:
        return next((f for f in self.figures() if f.id == figure_id), None)


def display(entry: Entry, threshold: int | None = None) -> str:
    if entry.suppressed:
        return f"fewer than {threshold}" if threshold else "hidden"
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
    return Figure(table_id, table_id, table["title"], BARS, labels.period(period), labels.heading(dim),
                  "Reports", ("Reports",), rows, threshold, table["any_mention"])


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
    out = []
    for table_id, table in tables.items():
        period = _latest(table)
        if table["dimensions"] or period is None:
            continue
        [cell] = [c for c in table["cells"] if c["period"] == period]
        out.append(Headline(f"{table['title']}, {labels.period(period)}",
                            display(_entry(cell), threshold), "rounded to the nearest 5"
                            if cell["status"] == PUBLISHED else "too few to show"))
    for table_id, label in HEADLINES:
        figure = _bars(table_id, tables[table_id], threshold) if table_id in tables else None
        if figure is None:
            continue
        top = [(name, e) for name, (e,) in figure.rows if not e.suppressed]
        best = [name for name, e in top if top and e.value == top[0][1].value]
        lead = top[0][1] if top else None
        share = f" ({lead.percent}%)" if lead and lead.percent is not None else ""
        out.append(Headline(label, " and ".join(best) if best else "Not enough reports to say",
                            f"{lead.value:,} reports{share}, {figure.period}" if best else figure.period))
    return tuple(out)


def _methods(doc: dict) -> tuple[str, ...]:
    k = doc["threshold"]
    tables = doc["tables"].values()
    periods = {t["period_type"] for t in tables}
    lines = [
        f"Every figure counts reports, and each report counts once in a cell. A figure is shown only "
        f"when at least {k} reports are behind it. Smaller figures are hidden and shown as "
        f"\"fewer than {k}\": a hidden figure could be anything from 0 to {k - 1}, and it is never "
        "drawn as zero.",
        f"Every figure shown is rounded to the nearest {privacy.ROUND_TO}, on its own, so figures may not "
        "add up to a total.",
        "Some figures that are large enough may also be hidden, so that a hidden figure cannot be worked "
        "out from the totals around it or from an earlier report.",
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
        f"{counts[SUPPRESSED]:,} are hidden because too few reports are behind them.",
    )


def build(doc: dict) -> Report:
    """The report of one release document (as `releases.as_document` makes it)."""
    tables, k = doc["tables"], doc["threshold"]
    placed = {t for plan in PLAN for t in plan.tables}
    sections = [s for plan in PLAN[:TRENDS_AFTER] if (s := _section(plan, tables, k))]
    sections.append(_trends(tables, k))
    sections += [s for plan in PLAN[TRENDS_AFTER:] if (s := _section(plan, tables, k))]
    rest = tuple(t for t, v in tables.items() if t not in placed and v["dimensions"])
    if other := _section(SectionPlan(OTHER.id, OTHER.title, OTHER.intro, rest), tables, k):
        sections.append(other)
    statuses = [c["status"] for t in tables.values() for c in t["cells"]]
    counts = {"cells": len(statuses), PUBLISHED: statuses.count(PUBLISHED),
              SUPPRESSED: len(statuses) - statuses.count(PUBLISHED)}
    return Report(doc["release_id"], doc["method_version"], doc["released_on"], k, _headlines(tables, k),
                  tuple(sections), _methods(doc), _quality(doc, counts), counts)
