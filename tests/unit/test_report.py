"""The steering group's report is built from the release alone: ranked, labelled, every figure
with its words and its table, and a suppressed cell never shown as a number."""
from __future__ import annotations

import re

import pytest

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
        ("Most common theme, of the figures shown", THEME["T01"],
         "25 reports (42%), October–December 2026; 15 other figures are not shown, to protect anonymity"),
        ("Most often about, of the figures shown", "Race, ethnicity or skin colour",
         "40 reports (67%), October–December 2026; 21 other figures are not shown, to protect anonymity"),
        ("Most often from, of the figures shown", "A line manager",
         "25 reports (42%), October–December 2026; 10 other figures are not shown, to protect anonymity"),
    ]


def test_sections_follow_the_steering_groups_questions_and_every_table_appears():
    report = build(releases.document())
    assert [(s.id, [f.id for f in s.figures]) for s in report.sections] == [
        ("themes", ["themes"]),
        ("coded", ["coded_themes", "coded_theme_by_came_from_group"]),
        ("sources", ["about_by_came_from_group", "theme_by_came_from_group", "came_from"]),
        ("characteristics", ["about", "about_pairs", "theme_by_about", "happened_to"]),
        ("settings", ["organisation", "setting", "setting_by_theme", "role_by_theme"]),
        ("where_how", ["where", "how"]),
        ("when", ["when"]),
        ("pattern", ["pattern", "pattern_by_came_from_group"]),
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
    # the reporters' own choice heads the report (some of its figures are hidden, as it says)
    assert [h.label for h in report.headlines if "theme" in h.label.lower()] == ["Most common theme, of the figures shown"]
    method = next(m for m in report.methods if "read by machine" in m)
    assert c["coder"] in method and "all-MiniLM-L6-v2" in method and f"precision {c['precision']:.2f}" in method


def test_themes_are_ranked_with_suppressed_ones_after_them_as_words():
    themes = build(releases.document()).sections[0].figures[0]
    assert themes.kind == BARS and themes.period == "October–December 2026"
    shown = [(label, e.value) for label, (e,) in themes.rows if not e.suppressed]
    assert shown == [(THEME["T01"], 25), (THEME["T08"], 15), (THEME["T12"], 10)]
    assert len(themes.rows) == 18 and all(e.value is None for _, (e,) in themes.rows[3:])
    assert themes.alt == (
        f"Bar chart: Themes chosen by reporters, October–December 2026. {THEME['T01']}: 25 (42%); "
        f"{THEME['T08']}: 15 (25%); {THEME['T12']}: 10 (17%). 15 figures not shown, to protect anonymity.")


def test_a_heat_map_draws_only_rows_and_columns_with_a_published_cell_and_names_the_rest():
    figure = build(releases.document()).figure("about_by_came_from_group")
    assert figure.kind == HEATMAP
    assert figure.columns == ("Managers", "Other colleagues", "Patients, relatives or the public")
    grid = {row: [e.value for e in entries] for row, entries in figure.rows}
    assert grid == {"Race, ethnicity, nationality, language or name": [25, None, 15],
                    "Religion or belief": [None, None, 15],
                    "Sex, gender, sexual orientation, pregnancy or menopause": [None, 10, None]}
    assert "Age" in figure.not_drawn and "Others, or not known" in figure.not_drawn
    assert len(figure.not_drawn) == 6 - 3 + 1


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
        THEME["T01"]: [15, 25], THEME["T05"]: [10, None], THEME["T08"]: [None, 15], THEME["T12"]: [None, 10]}


def test_one_quarter_only_says_the_trend_comes_later():
    doc = releases.document(quarters=("2026-Q4",), months=("2026-11",), earlier={})
    trends = next(s for s in build(doc).sections if s.id == "trends")
    assert [f.id for f in trends.figures] == ["reports-over-time", "reports_quarter-over-time"]
    assert trends.notes == ("Themes chosen by reporters: only one period has been released so far. "
                            "The trend appears from the second.",)


def test_a_table_with_nothing_published_is_said_in_words_and_not_drawn():
    figure = build(releases.document()).figure("impact")
    assert figure.empty
    assert figure.alt == "Bar chart: Impact, October–December 2026. No figure in it can be shown, to protect anonymity."


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
                                       "1 figure not shown, to protect anonymity.")


def test_the_methods_say_the_threshold_rounding_suppression_periods_and_any_mention():
    methods = " ".join(build(releases.document()).methods)
    for words in ("at least 10 reports", "not shown, to protect anonymity", "may be small or large",
                  "never drawn as zero", "nearest 5", "worked out from the figures around it", "each quarter, and the number of reports also for each month", "\"any mention\"",
                  "Release 20261201-5eed0001, method version 1.0"):
        assert words in methods
    assert "Percentages are shown only where the group they are of has at least 25 reports" in methods
    assert "random amount" not in methods                         # method 1.0 had no noise


def test_the_methods_state_the_published_maximum_perturbation_of_a_noisy_release():
    doc = releases.document()
    methods = " ".join(build({**doc, "method_version": "3.0-ckp2"}).methods)
    assert "moved up or down by a small random amount, at most 2, that stays the same for the same reports" in methods
    assert "a figure shown is within 4 of the true count" in methods and "method version 3.0-ckp2" in methods


def test_a_bar_chart_plots_published_figures_only_with_each_label_above_its_bar():
    report = build(releases.document())
    themes = report.figure("themes")
    spec = charts.spec(themes)
    bars, label, value = spec["layer"]
    values = spec["data"]["values"] if "data" in spec else bars["data"]["values"]
    assert bars["mark"]["color"] == charts.BLUE and label["mark"]["baseline"] == "top"
    assert [v["row"] for v in values] == [THEME["T01"], THEME["T08"], THEME["T12"]]   # no hidden row
    assert values[0]["lines"] == ["Treated as an outsider or asked", "where I'm \"really\" from"]
    assert values[1]["lines"] == ["", "A \"joke\" or a stereotype"]     # last line on its bar


@pytest.mark.slow   # draws the chart (Vega-Lite to SVG)
def test_a_bar_chart_is_drawn_at_12_px_or_more_to_fit_a_small_screen_with_its_figures_and_nothing_hidden():
    svg = charts.svg(build(releases.document()).figure("themes"))
    assert "not shown" not in svg and "fewer than" not in svg
    assert int(re.search(r'<svg[^>]* width="(\d+)"', svg).group(1)) <= 288       # fits a 320 px screen unscaled
    assert min(float(s) for s in re.findall(r'font-size="([\d.]+)px"', svg)) >= 12
    for value in ("25 (42%)", "15 (25%)", "10 (17%)"):
        assert f">{value}</text>" in svg


def test_second_release_with_protected_figures_states_no_bound_and_no_false_headline():
    """The case from issue 13: one more report, and the audit hides the line managers' figure
    (25 before) and the quarter's total (60 before). Every headline, label and sentence must stay
    true: no bound it does not know, no "most often" from a figure that might not be the largest."""
    second = {k: v for k, v in releases.LATEST.items()
              if k not in {("came_from", ("line_manager",)), ("reports_quarter", ("2026-Q4",)),
                           ("reports", ("2026-11",))}}
    doc = releases.document(release_id="20261205-5eed0002", latest=second)
    report = build(doc)
    assert [(h.label, h.figure, h.detail) for h in report.headlines[:2]] == [
        ("Reports received, November 2026", "Not shown", "to protect anonymity"),
        ("Reports received in the quarter, October–December 2026", "Not shown", "to protect anonymity")]
    came_from = report.headlines[-1]
    assert (came_from.label, came_from.figure, came_from.detail) == (
        "Most often from, of the figures shown", "A patient or service user",
        "15 reports, October–December 2026; 11 other figures are not shown, to protect anonymity")
    figure = report.figure("came_from")
    assert dict((label, e.value) for label, (e,) in figure.rows)["A line manager"] is None
    words = [h.label + " " + h.figure + " " + h.detail for h in report.headlines]
    words += [f.alt for f in report.figures()] + list(report.methods) + list(report.quality)
    for text in words:
        for false in ("fewer than", "0 to 9", "too few", "anything from"):
            assert false not in text, text


@pytest.mark.slow   # renders the whole report (Vega charts)
def test_the_second_releases_rendered_report_states_no_bound_and_marks_every_hidden_figure():
    from services.reporter.documents import Documents
    second = {k: v for k, v in releases.LATEST.items()
              if k not in {("came_from", ("line_manager",)), ("reports_quarter", ("2026-Q4",)),
                           ("reports", ("2026-11",))}}
    doc = releases.document(release_id="20261205-5eed0002", latest=second)
    report = build(doc)
    html = Documents().html(doc)
    for false in ("fewer than", "0 to 9", "too few", "anything from"):
        assert false not in html
    assert html.count('data-status="suppressed">not shown</td>') == sum(
        1 for f in report.figures() if not f.empty for _, es in f.rows for e in es if e.suppressed)


def test_the_change_from_the_quarter_before_is_given_only_where_both_figures_are_published():
    report = build(releases.document())
    themes = report.figure("themes")
    assert themes.change_heading == "Change from July–September 2026"
    changes = dict(zip((label for label, _ in themes.rows), themes.changes))
    assert changes[THEME["T01"]] == "up 10"                  # 15 -> 25
    assert changes[THEME["T08"]] == "cannot be compared"     # hidden before
    assert changes[THEME["T05"]] == "cannot be compared"     # 10 -> not shown
    about = report.figure("about")
    assert dict(zip((label for label, _ in about.rows), about.changes))["Race, ethnicity or skin colour"] == "up 20"
    one_quarter = build(releases.document(quarters=("2026-Q4",), months=("2026-11",), earlier={}))
    assert one_quarter.figure("themes").changes == () and one_quarter.figure("themes").change_heading == ""


def test_the_questions_of_organisation_where_how_when_and_pattern_each_have_their_section():
    latest = {**releases.LATEST, ("organisation", ("nnuh",)): 20, ("setting", ("acute_hospital",)): 25,
              ("where", ("clinical_area",)): 30, ("how", ("verbal",)): 35, ("when", ("last_month",)): 15,
              ("pattern", ("ongoing",)): 20, ("pattern_by_came_from_group", ("ongoing", "managers")): 15}
    report = build(releases.document(latest=latest))
    shown = {f.table_id: [(label, e.value) for label, (e, *_) in f.rows if not e.suppressed]
             for f in report.figures() if f.kind == "bars"}
    assert shown["organisation"] == [("Norfolk and Norwich University Hospitals", 20)]
    assert shown["setting"] == [("Acute hospital", 25)]
    assert shown["where"] == [("In a clinical or care area", 30)]
    assert shown["how"] == [("Something said", 35)]
    assert shown["when"] == [("In the last month", 15)]
    assert shown["pattern"] == [("Yes, it is ongoing", 20)]
    ongoing = report.figure("pattern_by_came_from_group")
    assert ongoing.kind == HEATMAP and [(r, [e.value for e in es]) for r, es in ongoing.rows] == [
        ("Yes, it is ongoing", [15])]
    titles = {s.id: s.title for s in report.sections}
    assert (titles["settings"], titles["where_how"], titles["when"], titles["pattern"]) == (
        "Which organisations, sectors and staff groups", "Where and how it happened", "How recently it happened",
        "Is it ongoing?")


def test_the_executive_summary_answers_the_faqs_questions_from_published_figures_only():
    report = build(releases.document())
    assert 5 <= len(report.summary) <= 7
    assert report.summary == (
        "This release counts reports made from August 2026 to November 2026; 60 were made in October–December "
        "2026 (rounded to the nearest 5), and the figures below are for that quarter.",
        f"Of the figures that can be shown, the most common theme was \u201c{THEME['T01']}\u201d (25 reports, 42% of "
        "the quarter's).",
        "Of the figures that can be shown, it was most often thought to be about \u201cRace, ethnicity or skin "
        "colour\u201d (40 reports, 67% of the quarter's). The most common combination shown was \u201cRace, "
        "ethnicity or skin colour and Religion or belief\u201d (15 reports, 25% of the quarter's).",
        "Of the figures that can be shown, it most often came from \u201cA line manager\u201d (25 reports, 42% of "
        "the quarter's).",
        "No organisation's figure can be shown, to protect anonymity.",
        "How many said it was ongoing is not shown, to protect anonymity.",
        "These are the reports people chose to make, not how often micro-aggressions happen: read them alongside "
        "the NHS Staff Survey, the WRES and WDES, and complaints.")
    hidden = {k: v for k, v in releases.LATEST.items() if k[0] not in ("reports_quarter", "themes")}
    hidden[("pattern", ("ongoing",))] = 15
    words = build(releases.document(latest=hidden)).summary
    assert words[0].startswith("This release counts reports made from August 2026 to November 2026. The number "
                               "made in the latest quarter is not shown, to protect anonymity")
    assert words[1] == "No theme's figure can be shown, to protect anonymity."
    assert words[-2] == "15 reports said it was ongoing, an early sign of bullying."
    assert not any(w in " ".join(words) for w in ("fewer than", "too few", "enough reports"))
