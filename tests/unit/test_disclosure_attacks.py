"""Issue 17's attacks, ported: each is first shown to succeed on releases cut with the threshold
and rounding alone (the attacker's own arithmetic on the published values), then shown to fail
on what the release step publishes. Small table sets keep them fast: each attack needs only the
tables it names."""
from __future__ import annotations

from dataclasses import replace
from datetime import date

from services.aggregator import counting, disclosure, release
from services.aggregator.cellkey import CellKeyPerturbation, perturbation
from services.aggregator.disclosure import INF, AuditCell
from services.contracts.tables import ABOUT, THEMES, Table, table

DAY = date(2026, 12, 1)
Q = "2026-Q4"
BASE = {"happened_to": "self", "came_from": ["peer"], "about": ["sex"], "what_happened": "[PERSON] ignored me."}
THEME_TABLES = tuple(table(t) for t in ("reports", "reports_quarter", "themes", "about", "theme_by_about"))
# The issue's attacker met theme x about by single codes; the release now groups them, but any
# table of that shape (a later issue may add one) must be protected as well.
BY_CODE = Table("theme_by_about_code", "Themes by what it was about", (THEMES, ABOUT))
PAIR_TABLES = tuple(table(t) for t in ("reports", "reports_quarter", "themes", "about", "about_pairs")) + (BY_CODE,)
TOTAL_TABLES = tuple(table(t) for t in ("reports", "reports_quarter", "about"))


def counts_of(groups, month: str = "2026-11", tables=THEME_TABLES) -> dict:
    counts: dict = {}
    for n, answers in groups:
        for cell in counting.cells_of({**BASE, **answers}, month, tables=tables):
            counts[cell] = counts.get(cell, 0) + n
    return counts


def cut(groups, tables, history=(), release_id="r1", **kwargs) -> release.Release:
    return release.cut(counts_of(groups, tables=tables), ["2026-11"], release_id, DAY, tables=tables,
                       history=[r.record for r in history], **kwargs)


def plain(groups, tables) -> list[AuditCell]:
    """The quarter as threshold and rounding alone would publish it, as an attacker bounds it."""
    counts = counts_of(groups, tables=tables)
    from services.contracts.questionnaire import load
    keys = [(t.id, p, combo) for t in tables for p, combo in release.grid(t, release.window("2026-12"), load())
            if disclosure.quarter_of(p) == Q]
    return [disclosure.published(k, release.round_to(counts.get(k, 0), 5), 10) if counts.get(k, 0) >= 10
            else disclosure.suppressed(k, counts.get(k, 0), 10) for k in keys]


def quarter(r: release.Release) -> list[AuditCell]:
    return [c for c in map(AuditCell.from_record, r.record) if disclosure.quarter_of(c.period) == Q]


def by_key(cells: list[AuditCell]) -> dict:
    return {c.key: c for c in cells}


def test_attack_1_a_two_dimension_cell_is_at_least_its_row_plus_its_column_less_the_total():
    """102 reports: T05 58 (published 60), race 53 (55), total 102 (100), T05 x race 9, hidden.
    Every report is counted once, so T05 x race >= 58 + 53 - 102 = 9: exactly 9. In the grouped
    table the cell is (ignored, left out or watched) x (race, ethnicity, nationality…), whose
    groups count at least T05 and race: the same 9."""
    groups = [(9, {"themes": ["T05"], "about": ["race"]}), (49, {"themes": ["T05"]}), (44, {"about": ["race"]})]
    cell, total = ("theme_by_about", Q, ("ignored_watched", "race_ethnicity_nationality")), ("reports_quarter", Q, ())
    unprotected = by_key(plain(groups, THEME_TABLES))
    t05, race, n = unprotected[("themes", Q, ("T05",))], unprotected[("about", Q, ("race",))], unprotected[total]
    assert (t05.lo, race.lo, n.hi, unprotected[cell].hi) == (58, 53, 102, 9)
    assert t05.lo + race.lo - n.hi == 9                                  # the attack: 9 <= cell <= 9
    assert disclosure.bounds([list(unprotected.values())], 0, cell, THEME_TABLES) == (9, 9)

    published = quarter(cut(groups, THEME_TABLES))
    lo, hi = disclosure.bounds([published], 0, cell, THEME_TABLES)
    assert lo == 0 and hi >= 4
    shown = by_key(published)
    hidden = [k for k in (t05.key, race.key, total) if shown[k].hi == INF]
    assert hidden, "a margin of the pinned cell is hidden"


def test_attack_1b_relations_across_three_questions_through_the_pairs_table():
    """T05 x race 45, race+religion 15, race 51: reports with T05, race and religion number at
    least 43 + 13 - 52 = 4, so T05 x religion (9, hidden) is proven non-zero. Forty reports about
    other things keep the two-question bound (T05 + religion - total) from seeing it."""
    groups = [(36, {"themes": ["T05"], "about": ["race"]}), (9, {"themes": ["T05"], "about": ["race", "religion_belief"]}),
              (6, {"themes": ["T06"], "about": ["race", "religion_belief"]}), (40, {"themes": ["T01"], "about": ["sex"]})]
    cell = (BY_CODE.id, Q, ("T05", "religion_belief"))
    unprotected = by_key(plain(groups, PAIR_TABLES))
    c1, pair, race = (unprotected[(BY_CODE.id, Q, ("T05", "race"))], unprotected[("about_pairs", Q, ("race+religion_belief",))],
                      unprotected[("about", Q, ("race",))])
    assert c1.lo + pair.lo - race.hi == 4 and unprotected[cell].hi == 9    # the attack: the cell is at least 4
    t05, religion, n = (unprotected[("themes", Q, ("T05",))], unprotected[("about", Q, ("religion_belief",))],
                        unprotected[("reports_quarter", Q, ())])
    assert t05.lo + religion.lo - n.hi < 0                                 # two questions alone do not see it
    assert disclosure.bounds([list(unprotected.values())], 0, cell, PAIR_TABLES)[0] >= 4

    published = quarter(cut(groups, PAIR_TABLES))
    assert disclosure.bounds([published], 0, cell, PAIR_TABLES)[0] == 0


def test_attack_2_growth_between_releases_that_are_not_consecutive():
    """Totals 110, hidden, 115; race 10, hidden, 15: race grew by 13 - 12 = 1 at least and by
    117 - 108 = 9 at most between the first and the third release."""
    r1 = [(100, {}), (10, {"about": ["race"]})]
    r2 = [(101, {}), (12, {"about": ["race"]})]
    r3 = [(100, {}), (15, {"about": ["race"]})]
    race, total = ("about", Q, ("race",)), ("reports_quarter", Q, ())
    hide = {race, total, ("reports", "2026-11", ()), ("about", Q, ("sex",))}
    versions = [plain(r1, TOTAL_TABLES), [replace(c, lo=10, hi=INF) if c.key in hide else c for c in plain(r2, TOTAL_TABLES)],
                plain(r3, TOTAL_TABLES)]
    first, third = by_key(versions[0]), by_key(versions[2])
    assert (third[race].lo - first[race].hi, third[total].hi - first[total].lo) == (1, 9)   # the attack
    assert disclosure.growth_bounds(versions, 0, 2, race, TOTAL_TABLES) == (1, 7)   # as the issue found
    failures = disclosure.audit_quarter(versions, 10, TOTAL_TABLES)
    assert ("difference", race, 2, 0) in {(f.reason, f.key, f.version, f.earlier) for f in failures}

    cuts = [cut(r1, TOTAL_TABLES)]
    cuts.append(cut(r2, TOTAL_TABLES, history=cuts, release_id="r2"))
    cuts.append(cut(r3, TOTAL_TABLES, history=cuts, release_id="r3"))
    versions = [quarter(r) for r in cuts]
    assert disclosure.audit_quarter(versions, 10, TOTAL_TABLES) == []
    for earlier, later in ((0, 1), (0, 2), (1, 2)):
        for key in (race, total):
            lo, hi = disclosure.growth_bounds(versions, earlier, later, key, TOTAL_TABLES)
            assert lo <= 0 or hi >= 10, (earlier, later, key, lo, hi)


def test_attack_3_an_earlier_hidden_cell_is_at_least_its_later_value_less_its_margins_growth():
    """Total 110 and 110, disability hidden then 10: the earlier disability is at least
    10 - (112 - 108) = 6 (true 9)."""
    before = [(101, {}), (9, {"about": ["disability"]})]
    after = [(100, {}), (10, {"about": ["disability"]})]
    disability, total = ("about", Q, ("disability",)), ("reports_quarter", Q, ())
    versions = [plain(before, TOTAL_TABLES), plain(after, TOTAL_TABLES)]
    first, second = by_key(versions[0]), by_key(versions[1])
    assert second[disability].lo - (second[total].hi - first[total].lo) == 6       # the attack
    assert disclosure.bounds(versions, 0, disability, TOTAL_TABLES)[0] == 6

    one = cut(before, TOTAL_TABLES)
    two = cut(after, TOTAL_TABLES, history=[one], release_id="r2")
    versions = [quarter(one), quarter(two)]
    assert disclosure.bounds(versions, 0, disability, TOTAL_TABLES)[0] == 0


def test_attack_4_the_grid_does_not_start_at_the_first_month_with_a_report():
    """A grid from the first month with a report proves that month holds one, even with its
    total hidden. The grid is now the four quarters to the release's month, whatever the data."""
    may = {("reports", "2026-05", ()): 1, ("reports_quarter", "2026-Q2", ()): 1}
    unprotected_grid = release.months_between("2026-05", "2026-12")      # the old rule
    assert unprotected_grid[0] == "2026-05"                              # the attack: May holds a report
    periods = lambda r: sorted({c["period"] for c in r.cells if c["table"] == "reports"})  # noqa: E731
    with_report = release.cut(may, ["2026-05"], "r1", DAY, tables=TOTAL_TABLES)
    without = release.cut({}, [], "r1", DAY, tables=TOTAL_TABLES)
    assert periods(with_report) == periods(without) == [f"2026-{m:02d}" for m in range(1, 13)]
    assert [c["status"] for c in with_report.cells] == [c["status"] for c in without.cells]


def test_cell_key_noise_is_bounded_fixed_for_the_same_reports_and_published_in_the_method_version():
    assert {perturbation(k) for k in range(256)} == {-2, -1, 0, 1, 2}
    assert sum(perturbation(k) for k in range(256)) == 0                       # unbiased over keys
    noise = CellKeyPerturbation()
    for n in range(10, 60):
        for k in range(256):
            assert abs(release.round_to(noise.apply(None, n, k), 5) - n) <= noise.widen + 2
    groups = [(40, {"about": ["race"]}), (23, {"about": ["disability"]})]
    counts = counts_of(groups, tables=TOTAL_TABLES)
    keys = {k: 200 for k in counts}                                            # +1 for every cell
    policy = release.Policy(perturbation=noise)
    a = release.cut(counts, ["2026-11"], "r1", DAY, policy=policy, tables=TOTAL_TABLES, cell_keys=keys)
    b = release.cut(counts, ["2026-11"], "r1", DAY, policy=policy, tables=TOTAL_TABLES, cell_keys=keys)
    assert a == b                                                              # same reports, same value
    values = {(c["table"], tuple(c["dims"].values())): c["value"] for c in a.cells if c["period"] in (Q, "2026-11")}
    assert values[("about", ("disability",))] == 25                             # 23 + 1, then rounded
    assert {c["method_version"] for c in a.cells} == {"3.0-ckp2"}
    record = by_key(quarter(a))
    assert (record[("about", Q, ("disability",))].lo, record[("about", Q, ("disability",))].hi) == (21, 29)
    try:
        release.cut(counts, ["2026-11"], "r1", DAY, policy=policy, tables=TOTAL_TABLES)
    except ValueError as e:
        assert "pass cell_keys" in str(e)
    else:
        raise AssertionError("a noisy policy without cell keys must be refused")
