"""Synthetic releases for the reporter's tests: the full predefined grid of every table, as the
aggregator publishes it, with chosen cells published and every other one suppressed.

`LATEST` and `PERCENT` hold the figures the 62 planned reports of the end-to-end test come to
(tests/e2e/test_report_to_steering_group.py checks the real release against them: one definition
for both); `EARLIER` is a quarter before it."""
from __future__ import annotations

from itertools import product

from services.contracts.events import ReleaseCellEvent
from services.contracts.questionnaire import load
from services.contracts.tables import MONTH, TABLES
from services.reporter.releases import ReleaseBook, as_document

RELEASE_ID = "20261201-5eed0001"
LATEST_QUARTER, EARLIER_QUARTER = "2026-Q4", "2026-Q3"
LATEST = {
    ("reports", ("2026-11",)): 60, ("reports_quarter", ("2026-Q4",)): 60,
    ("happened_to", ("self",)): 40, ("happened_to", ("witnessed",)): 15,
    ("themes", ("T01",)): 25, ("themes", ("T08",)): 15, ("themes", ("T12",)): 10,
    ("about_pairs", ("race+religion_belief",)): 15,
    ("about", ("race",)): 40, ("about", ("religion_belief",)): 15, ("about", ("sexual_orientation",)): 10,
    ("came_from", ("line_manager",)): 25, ("came_from", ("patient",)): 15, ("came_from", ("peer",)): 10,
    ("theme_by_about", ("outsider", "race_ethnicity_nationality")): 25,
    ("theme_by_about", ("comments_jokes", "race_ethnicity_nationality")): 15,
    ("theme_by_about", ("comments_jokes", "religion_belief")): 15, ("theme_by_about", ("assumptions", "sex_gender")): 10,
    ("theme_by_came_from_group", ("outsider", "managers")): 25,
    ("theme_by_came_from_group", ("comments_jokes", "patients_relatives_public")): 15,
    ("theme_by_came_from_group", ("assumptions", "other_colleagues")): 10,
    ("about_by_came_from_group", ("race_ethnicity_nationality", "managers")): 25,
    ("about_by_came_from_group", ("race_ethnicity_nationality", "patients_relatives_public")): 15,
    ("about_by_came_from_group", ("religion_belief", "patients_relatives_public")): 15,
    ("about_by_came_from_group", ("sex_gender", "other_colleagues")): 10,
    ("coded_themes", ("T01",)): 30, ("coded_themes", ("T06",)): 30, ("coded_themes", ("T08",)): 30,
    ("coded_theme_by_came_from_group", ("outsider", "managers")): 15,
    ("coded_theme_by_came_from_group", ("comments_jokes", "managers")): 15,
    ("coded_theme_by_came_from_group", ("outsider", "patients_relatives_public")): 10,
    ("coded_theme_by_came_from_group", ("comments_jokes", "patients_relatives_public")): 10,
}
# Percentages the aggregator gives where the denominator is published and at least 25.
PERCENT = {
    ("happened_to", ("self",)): 67, ("happened_to", ("witnessed",)): 25,
    ("themes", ("T01",)): 42, ("themes", ("T08",)): 25, ("themes", ("T12",)): 17,
    ("about_pairs", ("race+religion_belief",)): 25,
    ("about", ("race",)): 67, ("about", ("religion_belief",)): 25, ("about", ("sexual_orientation",)): 17,
    ("came_from", ("line_manager",)): 42, ("came_from", ("patient",)): 25, ("came_from", ("peer",)): 17,
    ("coded_themes", ("T01",)): 50, ("coded_themes", ("T06",)): 50, ("coded_themes", ("T08",)): 50,
}
EARLIER = {
    ("reports", ("2026-08",)): 20, ("reports", ("2026-09",)): 15, ("reports_quarter", ("2026-Q3",)): 35,
    ("themes", ("T01",)): 15, ("themes", ("T05",)): 10,
    ("about", ("race",)): 20,
}


def cells(release_id: str = RELEASE_ID, latest: dict = LATEST, earlier: dict = EARLIER,
          quarters=(EARLIER_QUARTER, LATEST_QUARTER), months=("2026-08", "2026-09", "2026-10", "2026-11"),
          threshold: int = 10) -> list[ReleaseCellEvent]:
    """Every cell of every table for the given periods, in the aggregator's grid order: `latest`
    published in the last quarter, `earlier` in the ones before (totals by their own period);
    PERCENT in the last quarter."""
    q = load()
    out = []
    for t in TABLES:
        for period in (months if t.period == MONTH else quarters):
            for values in product(*(d.values(q) for d in t.dims)):
                last = period == quarters[-1]
                if t.dims:
                    value = (latest if last else earlier).get((t.id, values))
                else:
                    value = {**earlier, **latest}.get((t.id, (period,)))
                percent = PERCENT.get((t.id, values)) if last and latest is LATEST else None
                out.append({"schema_version": 1, "release_id": release_id, "method_version": "1.0",
                            "released_on": "2026-12-01", "table": t.id, "period": period,
                            "dims": {d.name: v for d, v in zip(t.dims, values)}, "value": value,
                            "status": "published" if value is not None else "suppressed",
                            "percent": percent, "percent_of": t.percent_of if percent else None,
                            "threshold": threshold, "cell_index": len(out)})
    return [ReleaseCellEvent(**c, cells_in_release=len(out)) for c in out]


def document(**kwargs) -> dict:
    return as_document(cells(**kwargs))


def book(**kwargs) -> ReleaseBook:
    b = ReleaseBook()
    for c in cells(**kwargs):
        b.add(c)
    return b
