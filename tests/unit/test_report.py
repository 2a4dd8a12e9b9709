"""The steering group's report is built from the release alone: ranked, labelled, every figure
with its words and its table, and a suppressed cell never shown as a number."""
from __future__ import annotations

import re

from services.reporter import charts
from services.reporter.report import BARS, COLUMNS, HEATMAP, build
from tests.support import releases

THEME = {"T01": "Treated as an outsider or asked where I'm \"really\" from", "T05": "Ignored, left out or talked over",
         "T08": "A \"joke\" or a stereotype", "T12": "Wrong name or pronouns, or assumptions about my partner"}


def test_headlines_are_the_latest_figures_and_the_largest_of_each_question():
    report = build(releases.document())
    assert [(h.label, h.figure, h.detail) for h in report.headlines] == [
        ("Reports received, November 2026", "60", "rounded to the nearest 5"),
        ("Reports received in the quarter, October–December 2026", "60", "rounded to the nearest 5"),
        ("Most common theme", THEME["T01"], "25 reports (42%), October–December 2026"),
        ("Most often about", "Race, ethnicity or skin colour", "40 reports (67%), October–December 2026"),
        ("Most often from", "A line manager", "25 reports, October–December 2026"),
    ]


def test_sections_follow_the_steering_groups_questions_and_every_table_appears():
    report = build(releases.document())
    assert [(s.id, [f.id for f in s.figures]) for s in report.sections] == [
        ("themes", ["themes"]),
        ("coded", ["coded_themes", "coded_theme_by_came_from_group"]),
        ("sources", ["about_by_came_from_group", "theme_by_came_from_group", "came_from"]),
        ("characteristics", ["about", "about_pairs", "theme_by_about", "happened_to"]),
        ("settings", ["setting_by_theme", "role_by_theme"]),
        ("trends", ["reports-over-time", "reports_quarter-over-time", "themes-over-time"]),
        ("afterwards", ["afterwards", "impact"]),
        ("help", ["what_would_help"]),
    ]
    assert {f.table_id for f in report.figures()} == set(releases.document()["tables"])


def test_machine_read_themes_come_below_the_reporters_own_labelled_with_the_coders_measured_figures():
    from services.contracts.coder import card

    report = build(releases.document())
    ids = [s.id for s in report.sections]
    assert ids.index("coded") == ids.index("themes") + 1
    coded = report.sections[ids.index("coded")]
    c = card()
    assert coded.intro.startswith("Machine-read, not chosen by reporters")
    assert f"it finds {c['recall']:.0%} of the themes" in coded.intro and f"{c['precision']:.0%} of" in coded.intro
    assert not any("coded" in h.label.lower() or "machine" in h.label.lower() for h in report.headlines)
    assert [h.label for h in report.headlines if "theme" in h.label.lower()] == ["Most common theme"]
    method = next(m for m in report.methods if "read by machine" in m)
    assert c["coder"] in method and "all-MiniLM-L6-v2" in method and f"precision {c['precision']:.2f}" in method


def test_themes_are_ranked_with_suppressed_ones_after_them_as_words():
    themes = build(releases.document()).sections[0].figures[0]
    assert themes.kind == BARS and themes.period == "October–December 2026"
    shown = [(label, e.value) for label, (e,) in themes.rows if not e.suppressed]
    assert shown == [(THEME["T01"], 25), (THEME["T08"], 15)]
    assert len(themes.rows) == 18 and all(e.value is None for _, (e,) in themes.rows[2:])
    assert themes.alt == (
        f"Bar chart: Themes chosen by reporters, October–December 2026. {THEME['T01']}: 25 (42%); "
        f"{THEME['T08']}: 15 (25%). 16 cells with fewer than 10 reports, hidden.")


def test_a_heat_map_draws_only_rows_and_columns_with_a_published_cell_and_names_the_rest():
    figure = build(releases.document()).figure("about_by_came_from_group")
    assert figure.kind == HEATMAP
    assert figure.columns == ("Managers", "Other colleagues", "Patients, relatives or the public")
    grid = {row: [e.value for e in entries] for row, entries in figure.rows}
    assert grid == {"Race, ethnicity or skin colour": [25, None, 15], "Religion or belief": [None, None, 15],
                    "Sexual orientation": [None, 10, None]}
    assert "Age" in figure.not_drawn and "Others, or not known" in figure.not_drawn
    assert len(figure.not_drawn) == 24 - 3 + 1


def test_trends_show_every_period_and_a_hidden_month_as_hidden():
    report = build(releases.document())
    months = report.figure("reports-over-time")
    assert months.kind == COLUMNS and months.period == "August 2026 to November 2026"
    assert [(p, e.value, e.status) for p, (e,) in months.rows] == [
        ("August 2026", 20, "published"), ("September 2026", 15, "published"),
        ("October 2026", None, "suppressed"), ("November 2026", 60, "published")]
    themes = report.figure("themes-over-time")
    assert themes.columns == ("July–September 2026", "October–December 2026")
    assert {row: [e.value for e in es] for row, es in themes.rows} == {
        THEME["T01"]: [15, 25], THEME["T05"]: [10, None], THEME["T08"]: [None, 15]}


def test_one_quarter_only_says_the_trend_comes_later():
    doc = releases.document(quarters=("2026-Q4",), months=("2026-11",), earlier={})
    trends = next(s for s in build(doc).sections if s.id == "trends")
    assert [f.id for f in trends.figures] == ["reports-over-time", "reports_quarter-over-time"]
    assert trends.notes == ("Themes chosen by reporters: only one period has been released so far. "
                            "The trend appears from the second.",)


def test_a_table_with_nothing_published_is_said_in_words_and_not_drawn():
    figure = build(releases.document()).figure("impact")
    assert figure.empty
    assert figure.alt == ("Bar chart: Impact, October–December 2026. Every figure is fewer than 10 reports, "
                          "so nothing is shown.")


def test_a_table_this_version_does_not_know_appears_under_other_tables_with_its_percentages():
    doc = releases.document()
    doc["tables"]["new_pairs"] = {"title": "A table added later", "dimensions": ["about_pair"],
                                  "period_type": "quarter", "any_mention": True, "cells": [
        {"period": "2026-Q4", "dims": {"about_pair": "race+sex"}, "value": 20, "status": "published", "percent": 33},
        {"period": "2026-Q4", "dims": {"about_pair": "two_or_more_other"}, "value": None, "status": "suppressed",
         "percent": None}]}
    other = build(doc).sections[-1]
    assert other.id == "other" and [f.id for f in other.figures] == ["new_pairs"]
    [f] = other.figures
    assert f.has_percent and f.alt == ("Bar chart: A table added later, October–December 2026. "
                                       "Race, ethnicity or skin colour and Sex: 20 (33%). "
                                       "1 cell with fewer than 10 reports, hidden.")


def test_the_methods_say_the_threshold_rounding_suppression_periods_and_any_mention():
    methods = " ".join(build(releases.document()).methods)
    for words in ("at least 10 reports", "anything from 0 to 9", "never drawn as zero", "nearest 5",
                  "worked out from the totals", "each quarter, and the number of reports also for each month", "\"any mention\"",
                  "Release 20261201-5eed0001, method version 1.0"):
        assert words in methods
    assert "Percentages are shown only where the group they are of has at least 25 reports" in methods


def test_a_chart_draws_a_hidden_cell_as_a_dashed_band_labelled_never_as_a_bar():
    report = build(releases.document())
    themes = report.figure("themes")
    layers = charts.spec(themes)["layer"]
    bar, band, text = layers
    assert bar["transform"][-1] == {"filter": "!datum.hidden"} and bar["mark"]["color"] == charts.BLUE
    assert band["transform"][-1] == {"filter": "datum.hidden"} and band["mark"]["strokeDash"] == [4, 3]
    assert band["encoding"]["x"]["field"] == "zero" and band["encoding"]["x2"]["field"] == "band"
    svg = charts.svg(themes)
    assert svg.count(">fewer than 10</text>") == 16
    assert len(re.findall(r'stroke-dasharray="4,3"', svg)) == 16
    for value in ("25 (42%)", "15 (25%)"):
        assert f">{value}</text>" in svg

