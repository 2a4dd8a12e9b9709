"""Tables the data can bear (disclosure.md rule 14): on a realistic year of reports, cut on the
default schedule with noise and the full audit, at most 40% of the non-empty cells the report
shows are hidden, table by table."""
from __future__ import annotations

from collections import Counter

from services.aggregator import realistic
from services.contracts import events
from services.contracts.tables import TABLES
import pytest

pytestmark = pytest.mark.slow   # the model, rendering or a benchmark: not in `make unit`


def test_the_generated_year_is_skewed_as_real_reporting_is():
    year = realistic.year(2000, seed=3)
    assert len(year) == 2000 and {m for _, m, _, _ in year} == set(realistic.MONTHS)
    about = Counter(c for a, _, _, _ in year for c in a["about"])
    assert [c for c, _ in about.most_common(2)] == ["race", "sex"]
    assert sum(len(a["about"]) > 1 for a, _, _, _ in year) > 800          # many name several things
    assert sum(len(a["came_from"]) > 1 for a, _, _, _ in year) > 500
    assert Counter(m for _, m, _, _ in year)["2026-12"] > Counter(m for _, m, _, _ in year)["2026-01"]
    schema = events.answers_schema()()
    assert [schema.validate(a) for a, _, _, _ in year[:300]] == [{}] * 300   # every answer the form could send


def test_a_realistic_year_hides_at_most_forty_percent_of_the_non_empty_cells_of_any_table():
    r, counts, _ = realistic.run(realistic.year(2000, seed=3), seed=3)
    assert r.cells[0]["release_id"] == "scheduled-2026-Q4" and r.cells[0]["method_version"] == "3.0-ckp2"
    share = realistic.hidden_share(r, counts)
    assert {t.id for t in TABLES if len(t.dims) == 2} <= set(share)      # every table with data is measured
    for table_id, (hidden, non_empty) in share.items():
        assert hidden / non_empty <= 0.40, (table_id, hidden, non_empty)
    hidden, non_empty = (sum(x[i] for x in share.values()) for i in (0, 1))
    assert hidden / non_empty <= 0.25
    # every hidden cell is either under the threshold or hidden by the audit, never shown below 10
    for c in r.cells:
        n = counts.get((c["table"], c["period"], tuple(c["dims"].values())), 0)
        assert c["value"] is None or (n >= 10 and abs(c["value"] - n) <= 4)


def test_what_the_noise_changes_for_an_attacker_comparing_releases_or_sending_fake_reports():
    # one report added: without noise the values alone prove it whenever a rounding boundary is
    # crossed (1 case in 5); with noise far less often
    assert realistic.differencing(0) == (0.2, 0.2)
    proven, changed = realistic.differencing(2)
    assert proven < 0.08 and changed > 0.25
    # nine fake reports: the threshold is on true counts, so someone else's report is proven
    # either way; only the noise stops the value pinning how many (1-3 without it)
    assert realistic.fake_reports(0) == (1.0, 1.0)
    assert realistic.fake_reports(2) == (1.0, 0.0)
