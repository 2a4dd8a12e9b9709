"""The pure release step: threshold, rounding, the full grid, determinism."""
from __future__ import annotations

from datetime import date

import pytest

from services.aggregator import counting, release
from services.aggregator.state import Store
from services.contracts.questionnaire import load
from services.contracts.tables import ABOUT_GROUP, THEME_GROUP

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
    # four quarters of 5 theme groups by 6 groups of characteristics ("other" included)
    assert sum(1 for c in cells if c["table"] == "theme_by_about") == 4 * 5 * 6 == \
        4 * len(THEME_GROUP.values(q)) * len(ABOUT_GROUP.values(q))
    assert keyed[("theme_by_came_from_group", "2026-Q4", ("comments_jokes", "managers"))] == (10, "published")
    assert keyed[("theme_by_came_from_group", "2026-Q4", ("comments_jokes", "patients_relatives_public"))] == \
        (10, "published")
    assert keyed[("theme_by_came_from_group", "2026-Q4", ("comments_jokes", "other_colleagues"))] == (None, "suppressed")
    # a report counts once in a group however many of its codes it names (race and accent)
    assert keyed[("theme_by_about", "2026-Q4", ("comments_jokes", "race_ethnicity_nationality"))] == (10, "published")
    assert keyed[("reports", "2026-11", ())] == (10, "published")
    assert [c["cell_index"] for c in cells] == list(range(len(cells)))
    assert {c["cells_in_release"] for c in cells} == {len(cells)}


def test_periods_are_the_four_quarters_to_the_release_s_month_whatever_the_data():
    counts, months = snapshot([(REPORT, "2026-05"), (REPORT, "2026-11")])
    cells = release.cut(counts, months, "r1", date(2026, 12, 1)).cells
    # neither end of the grid may tell that someone reported in a month: it starts four
    # quarters back and ends at the month of the release, not at the months with reports
    assert sorted({c["period"] for c in cells if c["table"] == "reports"}) == [f"2026-{m:02d}" for m in range(1, 13)]
    assert sorted({c["period"] for c in cells if c["table"] == "about"}) == ["2026-Q1", "2026-Q2", "2026-Q3", "2026-Q4"]
    early = release.cut(counts, months, "r0", date(2026, 3, 1), until="2026-02").cells
    assert sorted({c["period"] for c in early if c["table"] == "about"}) == ["2025-Q2", "2025-Q3", "2025-Q4", "2026-Q1"]


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


def test_a_requested_release_needs_a_threshold_of_new_reports_since_the_last_one():
    assert release.too_few_new(41, 32) == release.TOO_FEW_NEW        # 9 new
    assert release.too_few_new(32, 32) == release.TOO_FEW_NEW        # none new
    assert release.too_few_new(42, 32) is None                       # 10 new
    assert release.too_few_new(5, None) is None                      # the first release: the total decides
    assert release.too_few_new(44, 32, release.Policy(threshold=13)) == release.TOO_FEW_NEW


def test_a_release_whose_total_is_not_shown_or_that_hides_more_than_it_shows_is_refused():
    answers = {**REPORT, "came_from": ["peer"], "about": ["race"]}
    few = release.cut(*snapshot([(answers, "2026-11")] * 8), "few", date(2026, 12, 1))
    assert few.period == "2026-Q4" and release.verdict(few) == release.TOTAL_NOT_SHOWN
    first = release.cut(*snapshot([(answers, "2026-11")] * 32), "r1", date(2026, 12, 1))
    assert release.verdict(first) is None and first.protected_in_period == 0 and first.shown_in_period > 5
    # one more report: the audit hides the total so the difference does not give it away
    second = release.cut(*snapshot([(answers, "2026-11")] * 33), "r2", date(2026, 12, 1), history=[first.record])
    assert release.verdict(second) == release.TOTAL_NOT_SHOWN
    total = {"table": "reports_quarter", "period": "2026-Q4", "status": "published", "value": 30}
    assert release.verdict(release.Release([total], [], "2026-Q4", 3, 4)) == release.MOSTLY_HIDDEN
    assert release.verdict(release.Release([total], [], "2026-Q4", 4, 4)) is None


def test_the_store_knows_how_many_reports_each_release_was_cut_from_and_the_months_with_reports():
    store = Store(":memory:")
    assert (store.reports_counted(), store.reports_at_last_release(), store.months()) == (0, None, [])
    for i, month in enumerate(["2026-10", "2026-11", "2026-11"]):
        store.count(f"id-{i}", counting.cells_of(REPORT, month))
    store.save_release("r1", [], [], {0: 3}, store.reports_counted())
    store.count("id-9", counting.cells_of(REPORT, "2026-12"))
    assert (store.reports_counted(), store.reports_at_last_release(), store.months()) == (
        4, 3, ["2026-10", "2026-11", "2026-12"])


def test_organisation_setting_how_where_when_and_pattern_are_counted_and_released_like_any_question():
    answers = {**REPORT, "organisation": "nsft", "setting": "mental_health_ld", "how": ["verbal", "exclusion"],
               "where": ["meeting_handover"], "when": "1_6_months", "pattern": "ongoing"}
    cells = set(counting.cells_of(answers, "2026-11"))
    for key in [("organisation", ("nsft",)), ("setting", ("community_mental_health",)), ("how", ("verbal",)),
                ("how", ("exclusion",)), ("where", ("meeting_handover",)), ("when", ("1_6_months",)),
                ("pattern", ("ongoing",)), ("pattern_by_came_from_group", ("ongoing", "managers")),
                ("pattern_by_came_from_group", ("ongoing", "patients_relatives_public"))]:
        assert (key[0], "2026-Q4", key[1]) in cells, key
    keyed = by_key(release.cut(*snapshot([(answers, "2026-11")] * 12 + [(REPORT, "2026-11")] * 3), "r1",
                               date(2026, 12, 1)).cells)
    assert keyed[("organisation", "2026-Q4", ("nsft",))] == (10, "published")
    assert keyed[("pattern", "2026-Q4", ("ongoing",))] == (10, "published")
    assert keyed[("organisation", "2026-Q4", ("nnuh",))] == (None, "suppressed")
    assert keyed[("when", "2026-Q4", ("last_7_days",))] == (None, "suppressed")


def test_each_report_gets_a_record_key_shared_through_the_store_and_a_cell_keeps_only_their_sum(tmp_path):
    from services.aggregator import cellkey
    store = Store(tmp_path / "s.sqlite3")
    cells = counting.cells_of(REPORT, "2026-11")
    assert store.count("a", cells) and store.count("b", cells) and not store.count("b", cells)   # a redelivery adds none
    store.count("c", counting.cells_of({**REPORT, "about": ["age"]}, "2026-11"))
    a, b, c = (store.record_key(e) for e in "abc")
    keyed = store.cell_keys()
    assert keyed[("about", "2026-Q4", ("race",))] == (a + b) % cellkey.KEY_RANGE
    assert keyed[("about", "2026-Q4", ("age",))] == c and keyed[("reports", "2026-11", ())] == (a + b + c) % 256
    replica = Store(tmp_path / "s.sqlite3")          # another instance on the same store: the same keys
    assert [replica.record_key(e) for e in "abc"] == [a, b, c]
    other = Store(tmp_path / "other.sqlite3")        # another store: its own secret
    assert [other.record_key(str(i)) for i in range(40)] != [store.record_key(str(i)) for i in range(40)]
    assert repr(store._keys) == "RecordKeys(secret=...)" and len(store._keys.secret) == 32   # never logged


def test_cells_counted_before_cell_keys_existed_get_a_random_key_each(tmp_path):
    import sqlite3
    db = sqlite3.connect(tmp_path / "old.sqlite3")
    db.execute("CREATE TABLE counts (table_id TEXT NOT NULL, period TEXT NOT NULL, cell TEXT NOT NULL, "
               "n INTEGER NOT NULL, PRIMARY KEY (table_id, period, cell))")
    db.executemany("INSERT INTO counts VALUES (?, ?, ?, ?)", [("about", "2026-Q4", f'["c{i}"]', 12) for i in range(40)])
    db.commit()
    db.close()
    store = Store(tmp_path / "old.sqlite3")
    keys = store.cell_keys()
    assert len(keys) == 40 and all(0 <= k < 256 for k in keys.values()) and len(set(keys.values())) > 10
    assert store.snapshot()[0][("about", "2026-Q4", ("c1",))] == 12


def test_a_store_kept_when_coding_was_inline_gives_its_ids_and_positions_to_the_coder_once(tmp_path):
    import sqlite3
    db = sqlite3.connect(tmp_path / "old.sqlite3")
    db.execute("CREATE TABLE counted (event_id TEXT PRIMARY KEY, part INTEGER, off INTEGER)")
    db.execute("CREATE TABLE positions (part INTEGER PRIMARY KEY, next_offset INTEGER NOT NULL)")
    db.executemany("INSERT INTO counted VALUES (?, 0, ?)", [(f"e{i}", i) for i in range(3)])
    db.execute("INSERT INTO positions VALUES (0, 4)")
    db.commit()
    db.close()
    store = Store(tmp_path / "old.sqlite3")          # every report in it was coded as it was counted
    assert store.coded_positions() == {0: 4} and store.coding_behind() == 0
    assert store.coded_among(["e0", "e1", "e2", "e9"]) == {"e0", "e1", "e2"}
    store.count_many([("e3", [], (0, 4))])
    reopened = Store(tmp_path / "old.sqlite3")        # once: a report counted since is left to the coder
    assert reopened.coded_positions() == {0: 4} and reopened.coding_behind() == 1
    assert reopened.record_key("e3") == store.record_key("e3")
