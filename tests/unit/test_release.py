"""The pure release step: threshold, rounding, the full grid, determinism."""
from __future__ import annotations

from datetime import date

import pytest

from services.aggregator import counting, release
from services.aggregator.state import Store
from services.contracts.questionnaire import load

REPORT = {"happened_to": "self", "came_from": ["line_manager", "patient"], "about": ["race", "accent_language"],
          "themes": ["T06"], "what_happened": "[PERSON] mocked my accent."}


def snapshot(reports: list[tuple[dict, str]]) -> tuple[dict, list[str]]:
    store = Store(":memory:")
    for i, (answers, month) in enumerate(reports):
        store.count(f"id-{i}", counting.cells_of(answers, month))
    return store.snapshot()


def by_key(cells):
    return {(c["table"], c["period"], tuple(c["dims"].values())): (c["value"], c["status"]) for c in cells}


def test_the_threshold_cannot_be_configured_below_ten():
    with pytest.raises(release.ThresholdTooLow):
        release.Policy(threshold=9)
    assert release.Policy(threshold=12).threshold == 12


@pytest.mark.parametrize("n, shown", [(0, None), (1, None), (9, None), (10, 10), (12, 10), (13, 15),
                                      (17, 15), (18, 20), (22, 20), (23, 25)])
def test_cells_under_ten_are_suppressed_and_the_rest_rounded_to_five(n, shown):
    counts, months = snapshot([(REPORT, "2026-11")] * n if n else [({**REPORT, "about": ["age"]}, "2026-11")])
    cells = by_key(release.cut(counts, months, "r1", date(2026, 12, 1)).cells)
    assert cells[("about", "2026-Q4", ("race",))] == (shown, "published" if shown else "suppressed")


def test_a_report_counts_once_in_every_cell_it_mentions_and_the_grid_is_complete():
    counts, months = snapshot([(REPORT, "2026-11")] * 11)
    cells = release.cut(counts, months, "r1", date(2026, 12, 1)).cells
    keyed = by_key(cells)
    q = load()
    assert len(keyed) == len(cells)
    assert sum(1 for c in cells if c["table"] == "theme_by_about") == len(q["themes"].codes) * len(q["about"].codes)
    assert keyed[("theme_by_came_from_group", "2026-Q4", ("T06", "managers"))] == (10, "published")
    assert keyed[("theme_by_came_from_group", "2026-Q4", ("T06", "patients_relatives_public"))] == (10, "published")
    assert keyed[("theme_by_came_from_group", "2026-Q4", ("T06", "other_colleagues"))] == (None, "suppressed")
    assert keyed[("reports", "2026-11", ())] == (10, "published")
    assert [c["cell_index"] for c in cells] == list(range(len(cells)))
    assert {c["cells_in_release"] for c in cells} == {len(cells)}


def test_periods_run_without_gaps_from_the_first_month_to_the_last():
    counts, months = snapshot([(REPORT, "2026-05"), (REPORT, "2026-11")])
    cells = release.cut(counts, months, "r1", date(2026, 12, 1)).cells
    # to the month of the release, not to the last month with a report: the end of the grid
    # must not tell that someone reported in a month
    assert sorted({c["period"] for c in cells if c["table"] == "reports"}) == \
        ["2026-05", "2026-06", "2026-07", "2026-08", "2026-09", "2026-10", "2026-11", "2026-12"]
    assert sorted({c["period"] for c in cells if c["table"] == "about"}) == ["2026-Q2", "2026-Q3", "2026-Q4"]


def test_the_same_snapshot_gives_the_same_release():
    counts, months = snapshot([(REPORT, "2026-11")] * 14)
    assert release.cut(counts, months, "r1", date(2026, 12, 1)) == release.cut(counts, months, "r1", date(2026, 12, 1))


def test_a_report_delivered_twice_is_counted_once():
    store = Store(":memory:")
    cells = counting.cells_of(REPORT, "2026-11")
    assert store.count("same-id", cells) is True
    assert store.count("same-id", cells) is False
    counts, _ = store.snapshot()
    assert counts[("about", "2026-Q4", ("race",))] == 1


def test_free_text_never_reaches_the_counts():
    counts, _ = snapshot([(REPORT, "2026-11")])
    assert "mocked" not in repr(counts) and "[PERSON]" not in repr(counts)


def test_the_store_keeps_each_release_with_its_audit_record_and_each_refusal_with_counts_only(tmp_path):
    store = Store(tmp_path / "state.sqlite3")
    counts, months = snapshot([(REPORT, "2026-11")] * 14)
    cut = release.cut(counts, months, "r1", date(2026, 12, 1))
    store.save_release("r1", cut.cells, cut.record)
    store.save_refusal("r2", {"happened_to": 2})
    store.close()
    again = Store(tmp_path / "state.sqlite3")
    assert again.release("r1") == cut.cells
    assert again.records() == [cut.record]
    assert again.refusal("r2") == {"happened_to": 2}
    assert again.release("r2") is None and again.refusal("r1") is None
