"""The attacks of disclosure.md, tried on planted data against the pure release step."""
from __future__ import annotations

from datetime import date

import pytest

from services.aggregator import counting, disclosure, release
from services.aggregator.disclosure import AuditCell, ReleaseRefused
from services.contracts.questionnaire import load

DAY = date(2026, 12, 1)
BASE = {"happened_to": "self", "came_from": ["peer"], "about": ["race"], "what_happened": "[PERSON] ignored me."}


def counts_of(groups: list[tuple[int, dict]], month: str = "2026-11") -> tuple[dict, list[str]]:
    counts: dict = {}
    for n, answers in groups:
        for cell in counting.cells_of({**BASE, **answers}, month) if n else ():
            counts[cell] = counts.get(cell, 0) + n
    return counts, [month]


def fresh_cut(groups, history=(), release_id="r1", **kwargs) -> release.Release:
    counts, months = counts_of(groups)
    return release.cut(counts, months, release_id, DAY, history=[r.record for r in history], **kwargs)


_CUTS: dict[str, release.Release] = {}


def cut(groups, history=(), release_id="r1", **kwargs) -> release.Release:
    """The release of planted groups, cut once for this module: several tests plant the same
    groups, and the audit's linear programs are most of this file's time. A cut with options
    (a policy, cell keys) is made afresh; `fresh_cut` always is."""
    if kwargs:
        return fresh_cut(groups, history, release_id, **kwargs)
    key = repr((groups, [r.record for r in history], release_id))
    if key not in _CUTS:
        _CUTS[key] = fresh_cut(groups, history, release_id)
    return _CUTS[key]


def shown(r: release.Release) -> dict:
    return {(c["table"], c["period"], tuple(c["dims"].values())): c["value"] for c in r.cells}


def audit_cells(r: release.Release, quarter: str = "2026-Q4") -> list[AuditCell]:
    return [c for c in map(AuditCell.from_record, r.record) if disclosure.quarter_of(c.period) == quarter]


def threshold_only(groups) -> list[AuditCell]:
    """What a cut with no secondary suppression would publish, as the attacker bounds it."""
    counts, _ = counts_of(groups)
    keys = [c.key for c in map(AuditCell.from_record, cut(groups, release_id="r0").record)
            if disclosure.quarter_of(c.period) == "2026-Q4"]
    return [disclosure.published(k, release.round_to(counts.get(k, 0), 5), 10) if counts.get(k, 0) >= 10
            else disclosure.suppressed(k, counts.get(k, 0), 10) for k in keys]


HAPPENED = ("happened_to", "2026-Q4")
# 48 + 48 + 1 = 97 reports, published 95: 'both' = [93, 97] - [48, 52] - [48, 52] is 0 or 1.
PINNED = [(48, {"happened_to": "self"}), (48, {"happened_to": "witnessed"}), (1, {"happened_to": "both"})]


def test_the_planted_margins_would_pin_a_suppressed_cell_without_secondary_suppression():
    failures = disclosure.audit_quarter([threshold_only(PINNED)], threshold=10)
    assert [(f.key, f.reason) for f in failures] == [(HAPPENED + (("both",),), "small")]


def test_margins_never_recover_a_suppressed_cell():
    r = cut(PINNED)
    values = shown(r)
    assert values[HAPPENED + (("both",),)] is None
    assert values[("reports_quarter", "2026-Q4", ())] == 95
    # exactly one complementary cell is hidden, the smaller (here the first of two equals)
    assert (values[HAPPENED + (("self",),)], values[HAPPENED + (("witnessed",),)]) == (None, 50)
    # by hand: both = total - self - witnessed, with self now anything from 10 up
    assert max(0, 93 - 52 - 10**6) == 0 and min(9, 97 - 10 - 48) >= 4
    versions = [audit_cells(r)]
    assert disclosure.bounds(versions, 0, HAPPENED + (("both",),)) == (0, 9)
    assert disclosure.audit_quarter(versions, threshold=10) == []


def test_no_cell_is_hidden_when_the_margins_already_protect_the_small_ones():
    groups = [(40, {"happened_to": "self"}), (30, {"happened_to": "witnessed"}), (3, {"happened_to": "both"})]
    r = cut(groups)
    values = shown(r)
    assert (values[HAPPENED + (("self",),)], values[HAPPENED + (("witnessed",),)]) == (40, 30)
    counts, _ = counts_of(groups)
    assert {k for k, v in values.items() if v is None} == {k for k in values if counts.get(k, 0) < 10}


def test_the_linked_tables_of_one_release_do_not_pin_a_pair_cell():
    # every report names race and sex, bar 3 that name race only: about=race 53, about=sex 50,
    # race+sex 50. Without suppression the overlap pins nothing below 10; the audit agrees.
    groups = [(50, {"about": ["race", "sex"]}), (3, {"about": ["race"]})]
    r = cut(groups)
    versions = [audit_cells(r)]
    assert disclosure.audit_quarter(versions, threshold=10) == []
    lo, hi = disclosure.bounds(versions, 0, ("about", "2026-Q4", ("age",)))
    assert lo == 0 and hi >= 4


GROWING = [(40, {"happened_to": "witnessed"})]


def test_a_cell_growing_from_nine_to_ten_while_its_margins_barely_grow_gives_nothing_away():
    """Attack 3 of issue 17: a cell grows by no more than its margins. Total 49 then 50, age
    hidden then 10: the earlier hidden age is at least 10 - (52 - 48) = 6 (true 9)."""
    nine, ten = GROWING + [(9, {"happened_to": "self", "about": ["age"]})], \
        GROWING + [(10, {"happened_to": "self", "about": ["age"]})]
    age, total = ("about", "2026-Q4", ("age",)), ("reports_quarter", "2026-Q4", ())
    # Without the protection: threshold and rounding alone publish total 50 twice and age 10.
    plain = [threshold_only(nine), threshold_only(ten)]
    shown_plain = [{c.key: c for c in v} for v in plain]
    assert (shown_plain[0][total].lo, shown_plain[0][total].hi, shown_plain[1][total].hi) == (48, 52, 52)
    assert shown_plain[1][age].lo == 10 and shown_plain[0][age].hi == 9
    assert shown_plain[1][age].lo - (shown_plain[1][total].hi - shown_plain[0][total].lo) == 6   # the attack
    assert disclosure.bounds(plain, 0, age)[0] == 6                      # the audit's model finds it
    assert ("present", age) in {(f.reason, f.key) for f in disclosure.audit_quarter(plain, threshold=10)}
    # With it: the second release hides what would give the first away.
    first = cut(nine)
    second = cut(ten, history=[first], release_id="r2")
    versions = [audit_cells(first), audit_cells(second)]
    assert disclosure.audit_quarter(versions, threshold=10) == []
    assert disclosure.bounds(versions, 0, age)[0] == 0 and disclosure.bounds(versions, 0, age)[1] >= 4


ONE_MORE = {"happened_to": "self", "came_from": ["line_manager"], "about": ["age"], "themes": ["T15"]}
BEFORE = [(40, {"happened_to": "witnessed"}), (12, ONE_MORE), (10, {"happened_to": "both"})]


def test_one_report_added_between_two_releases_cannot_be_read_off_their_difference():
    first = cut(BEFORE)
    second = cut(BEFORE[:1] + [(13, ONE_MORE)] + BEFORE[2:], history=[first], release_id="r2")
    before, after = shown(first), shown(second)
    # Alone, the second release would show age, T15 and line_manager moving from 10 to 15 and
    # the total from 60 to 65: each a report added in that cell. Every such step is hidden.
    alone = shown(cut(BEFORE[:1] + [(13, ONE_MORE)] + BEFORE[2:]))
    assert alone[("about", "2026-Q4", ("age",))] == 15 and before[("about", "2026-Q4", ("age",))] == 10
    steps = {k for k in before if before[k] is not None and after[k] is not None and 0 < after[k] - before[k] < 10}
    assert steps == set()
    for k in (("about", "2026-Q4", ("age",)), ("reports", "2026-11", ())):
        assert after[k] is None, k
    assert disclosure.audit_quarter([audit_cells(first), audit_cells(second)], threshold=10) == []


def test_the_cross_release_audit_blocks_what_one_release_alone_would_allow():
    first = cut(BEFORE)
    grown = BEFORE[:1] + [(13, ONE_MORE)] + BEFORE[2:]
    alone = [audit_cells(cut(grown))]
    assert disclosure.audit_quarter(alone, threshold=10) == []
    failures = disclosure.audit_quarter([audit_cells(first)] + alone, threshold=10)
    assert {(f.key[0], f.reason) for f in failures} >= {("about", "difference"), ("reports", "difference")}


def test_a_release_is_refused_when_what_is_already_published_gives_a_cell_away():
    # an earlier release cut by a threshold alone pinned 'both' to 0 or 1; nothing hidden now helps
    earlier = release.Release([], [c.as_record() for c in threshold_only(PINNED)])
    with pytest.raises(ReleaseRefused) as refused:
        cut(PINNED + [(20, {"happened_to": "witnessed", "about": ["age"]})], history=[earlier], release_id="r2")
    # 'both' in the earlier release and in this one: table ids and counts, never a value
    assert str(refused.value) == "release refused: the audit fails for 2 cells (happened_to 2)"
    assert refused.value.failures == {"happened_to": 2}


def test_no_group_shows_zero_or_one_hundred_percent():
    assert [release.percent(v, d) for v, d in [(30, 30), (10, 2500), (10, 2000), (10, 20), (None, 30),
                                               (15, 25), (25, 30)]] == [None, None, 1, None, None, 60, 83]
    r = cut([(30, {"about": ["race"]}), (10, {"about": ["race", "age"]})])
    values = shown(r)
    cells = {(c["table"], tuple(c["dims"].values())): c for c in r.cells}
    assert cells[("about", ("race",))]["percent"] is None              # 40 of 40
    assert cells[("about", ("age",))]["percent"] == 25                 # 10 of 40
    assert values[("reports_quarter", "2026-Q4", ())] == 40
    assert all(c["percent"] is None or 0 < c["percent"] < 100 for c in r.cells)


def test_percentages_come_from_published_values_of_at_least_twenty_five():
    r = cut([(27, {"about": ["race"]}), (12, {"about": ["age"]})])     # 39 -> 40, 27 -> 25, 12 -> 10: 62.5% shows as 63%
    cells = {(c["table"], tuple(c["dims"].values())): c for c in r.cells}
    assert (cells[("about", ("race",))]["percent"], cells[("about", ("age",))]["percent"]) == (63, 25)
    assert cells[("came_from", ("peer",))]["percent"] is None              # 39 of 39: 100% is never shown
    small = cut([(20, {"about": ["race"]})])                                # total 20: no percentages
    assert all(c["percent"] is None for c in small.cells)


def test_a_suppressed_zero_and_a_suppressed_small_count_look_the_same():
    r = cut([(40, {"about": ["race"]}), (4, {"about": ["age"]})])
    cells = {tuple(c["dims"].values()): c for c in r.cells if c["table"] == "about"}
    age, disability = cells[("age",)], cells[("disability",)]
    strip = lambda c: {k: v for k, v in c.items() if k not in ("dims", "cell_index")}   # noqa: E731
    assert strip(age) == strip(disability)
    assert list(age) == list(disability)


def test_intersectional_pairs_count_configured_pairs_and_collapse_the_rest():
    q = load()

    def pairs(about):
        return [c[2] for c in counting.cells_of({**BASE, "about": about}, "2026-11") if c[0] == "about_pairs"]
    assert pairs(["race", "sex", "age"]) == [("race+sex",), ("sex+age",)]
    assert pairs(["age", "disability"]) == [("two_or_more_other",)]
    assert pairs(["race"]) == []
    from services.contracts.tables import table
    assert table("about_pairs").any_mention(q) and table("themes").any_mention(q)
    assert not table("happened_to").any_mention(q)


def test_a_perturbation_changes_published_values_and_widens_what_the_audit_assumes():
    class PlusTwo:
        widen = 2

        def apply(self, key, n, cell_key):
            return n + 2

    groups = [(40, {"happened_to": "witnessed"}), (12, {"happened_to": "self"})]
    plain, noisy = cut(groups), cut(groups, policy=release.Policy(perturbation=PlusTwo()), cell_keys={})
    key = HAPPENED + (("self",),)
    assert (shown(plain)[key], shown(noisy)[key]) == (10, 15)
    record = {c.key: c for c in audit_cells(noisy)}
    assert (record[key].lo, record[key].hi) == (11, 19)


def test_the_same_snapshot_and_history_give_the_same_release():
    first = cut(BEFORE)
    grown = BEFORE[:1] + [(13, ONE_MORE)] + BEFORE[2:]
    assert cut(grown, history=[first], release_id="r2") == fresh_cut(grown, history=[first], release_id="r2")


def test_an_empty_snapshot_gives_a_complete_grid_of_suppressed_cells():
    r = release.cut({}, [], "r0", DAY)
    assert r.cells and {c["status"] for c in r.cells} == {"suppressed"}
    # the four quarters to the release's month, as for any snapshot
    assert sorted({c["period"] for c in r.cells if c["table"] == "reports"}) == \
        [f"2026-{m:02d}" for m in range(1, 13)]
