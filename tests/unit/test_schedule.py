"""Releases on a schedule: which release is due, and the settings that choose the schedule."""
from __future__ import annotations

from datetime import date

import pytest

from services.aggregator import counting, release
from services.aggregator.schedule import Due, due, has_reports
from services.aggregator.settings import AggregatorSettings, SettingError


@pytest.mark.parametrize("today, expected", [
    (date(2026, 1, 1), Due("scheduled-2025-Q4", "2025-12", "2025-10")),
    (date(2026, 3, 31), Due("scheduled-2025-Q4", "2025-12", "2025-10")),
    (date(2026, 4, 1), Due("scheduled-2026-Q1", "2026-03", "2026-01")),
    (date(2026, 12, 25), Due("scheduled-2026-Q3", "2026-09", "2026-07")),
])
def test_a_quarterly_schedule_releases_the_last_complete_quarter(today, expected):
    assert due("quarterly", today) == expected


def test_a_monthly_schedule_releases_the_last_complete_month_and_off_releases_nothing():
    assert due("monthly", date(2026, 1, 15)) == Due("scheduled-2025-12", "2025-12", "2025-12")
    assert due("monthly", date(2026, 7, 1)) == Due("scheduled-2026-06", "2026-06", "2026-06")
    assert due("off", date(2026, 7, 1)) is None


def test_no_scheduled_release_is_cut_for_a_period_with_no_reports():
    q3 = due("quarterly", date(2026, 10, 2))
    assert not has_reports(q3, [])                               # start-up on an empty portal
    assert not has_reports(q3, ["2026-06", "2026-10"])           # reports before and after, none in it
    assert has_reports(q3, ["2026-06", "2026-08"])
    assert has_reports(due("monthly", date(2026, 10, 2)), ["2026-09"])
    assert not has_reports(due("monthly", date(2026, 10, 2)), ["2026-08", "2026-10"])


def test_a_scheduled_release_covers_complete_periods_only():
    answers = {"happened_to": "self", "came_from": ["peer"], "about": ["race"]}
    counts: dict = {}
    for month, n in (("2026-09", 30), ("2026-10", 40)):
        for cell in counting.cells_of(answers, month):
            counts[cell] = counts.get(cell, 0) + n
    d = due("quarterly", date(2026, 10, 2))
    cut = release.cut(counts, ["2026-09", "2026-10"], d.release_id, date(2026, 10, 2), until=d.until)
    # the four quarters to the end of Q3: October, already counted, is not in it
    assert {c["period"] for c in cut.cells} == {f"{y}-{m:02d}" for y, ms in (("2025", range(10, 13)), ("2026", range(1, 10)))
                                                for m in ms} | {"2025-Q4", "2026-Q1", "2026-Q2", "2026-Q3"}
    assert next(c["value"] for c in cut.cells if c["table"] == "reports_quarter" and c["period"] == "2026-Q3") == 30


def test_settings_default_to_a_quarterly_schedule_and_a_threshold_of_ten():
    s = AggregatorSettings.from_env({})
    assert (s.schedule, s.policy.threshold, s.schedule_check_seconds) == ("quarterly", 10, 3600.0)
    s = AggregatorSettings.from_env({"AGGREGATOR_RELEASE_SCHEDULE": "off", "RELEASE_THRESHOLD": "12",
                                     "AGGREGATOR_SCHEDULE_CHECK_SECONDS": "0.5"})
    assert (s.schedule, s.policy.threshold, s.schedule_check_seconds) == ("off", 12, 0.5)


@pytest.mark.parametrize("env, message", [
    ({"AGGREGATOR_RELEASE_SCHEDULE": "weekly"}, "AGGREGATOR_RELEASE_SCHEDULE must be one of quarterly, monthly, off"),
    ({"RELEASE_THRESHOLD": "ten"}, "RELEASE_THRESHOLD must be a number, not 'ten'"),
    ({"AGGREGATOR_SCHEDULE_CHECK_SECONDS": "0"}, "AGGREGATOR_SCHEDULE_CHECK_SECONDS must be above 0"),
])
def test_a_bad_setting_stops_the_aggregator_with_the_variable_name(env, message):
    with pytest.raises(SettingError, match=message):
        AggregatorSettings.from_env(env)


def test_the_aggregator_refuses_to_start_with_a_threshold_below_ten():
    with pytest.raises(release.ThresholdTooLow):
        AggregatorSettings.from_env({"RELEASE_THRESHOLD": "9"})


def test_a_cut_appears_a_whole_number_of_steps_after_its_request_whatever_it_took():
    from services.aggregator.schedule import padded
    # A quick cut (little suppression) and a slow one (much) appear at the same moment.
    assert [round(e + padded(e, 60.0), 6) for e in (0.1, 11.5, 59.9)] == [60.0, 60.0, 60.0]
    assert round(61.0 + padded(61.0, 60.0), 6) == 120.0 and padded(0.0, 60.0) == 60.0


def test_the_release_delay_is_read_from_the_environment():
    assert AggregatorSettings.from_env({}).release_delay_seconds == 60.0
    assert AggregatorSettings.from_env({"AGGREGATOR_RELEASE_DELAY_SECONDS": "5"}).release_delay_seconds == 5.0
    with pytest.raises(SettingError, match="AGGREGATOR_RELEASE_DELAY_SECONDS must be a number"):
        AggregatorSettings.from_env({"AGGREGATOR_RELEASE_DELAY_SECONDS": "soon"})


def test_cell_key_noise_is_on_by_default_and_only_zero_turns_it_off():
    from services.aggregator.cellkey import CellKeyPerturbation
    assert AggregatorSettings.from_env({}).policy.perturbation == CellKeyPerturbation()
    assert AggregatorSettings.from_env({"AGGREGATOR_MAX_PERTURBATION": "0"}).policy.perturbation.widen == 0
    with pytest.raises(SettingError, match="AGGREGATOR_MAX_PERTURBATION must be 2"):
        AggregatorSettings.from_env({"AGGREGATOR_MAX_PERTURBATION": "1"})


def test_one_setting_chooses_the_store_and_a_bad_one_is_refused_without_echoing_it():
    assert AggregatorSettings.from_env({}).store_url is None   # the SQLite file in AGGREGATOR_STATE_DIR
    url = "postgresql://portal-aggregator@db.example:5432/portal?passfile=/run/secrets/pgpass"
    assert AggregatorSettings.from_env({"AGGREGATOR_STORE_URL": url}).store_url == url
    assert AggregatorSettings.from_env({"AGGREGATOR_STORE_URL": "sqlite:///var/x.sqlite3"}).store_url == "sqlite:///var/x.sqlite3"
    with pytest.raises(SettingError, match="AGGREGATOR_STORE_URL must start with sqlite:/// or postgresql://") as bad:
        AggregatorSettings.from_env({"AGGREGATOR_STORE_URL": "mysql://admin:hunter2-not-real@db/portal"})
    assert "hunter2" not in str(bad.value)
