"""The benchmark runs end to end at a small scale and prints its ratios (no timing is asserted)."""
from __future__ import annotations

from services.aggregator import bench
import pytest

pytestmark = pytest.mark.slow   # the model, rendering or a benchmark: not in `make unit`


def test_the_benchmark_prints_rates_and_ratios_against_its_baselines(capsys):
    assert bench.main(["--reports", "400", "--sample", "30", "--regional", "0"]) == 0
    out = capsys.readouterr().out
    assert "reports/s counted" in out and "dict count of the same cells: ratio" in out
    assert "threshold and rounding only (baseline)" in out
    assert out.count("release with secondary suppression and audit") == 2 and "peak RSS" in out


def test_counts_until_keeps_the_months_and_quarters_up_to_a_month():
    counts = {("reports", "2026-03", ()): 1, ("reports", "2026-04", ()): 2,
              ("about", "2026-Q1", ("race",)): 3, ("about", "2026-Q2", ("race",)): 4}
    assert bench.counts_until(counts, "2026-03") == {("reports", "2026-03", ()): 1, ("about", "2026-Q1", ("race",)): 3}


def test_the_coder_benchmark_prints_speed_and_memory_beside_the_lexicon(capsys):
    from services.aggregator import coding_bench

    assert coding_bench.main(["--texts", "5"]) == 0
    out = capsys.readouterr().out
    lexicon, classifier, ratio = out.strip().splitlines()
    assert lexicon.startswith("lexicon coder (baseline): start-up") and classifier.startswith("classifier: start-up")
    assert "narratives/s" in classifier and "peak RSS" in classifier
    assert ratio.startswith("classifier against the lexicon: speed ratio")
