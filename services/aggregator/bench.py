"""Benchmark: how fast the aggregator counts, and how long a release of a year of reports at
national scale takes to cut, each beside a baseline measured in the same run.

    python -m services.aggregator.bench [--reports 200000] [--sample 3000] [--seed 1]

* counting: reports per second through the real path (theme coding, the cells, one SQLite
  transaction per report, fsync'd), against a plain dict count of the same reports' cells;
* a release: a year of synthetic reports (12 months, skewed answers as real ones are) cut with
  threshold, rounding, secondary suppression and the audit, first alone, then after three
  quarterly releases (whose audit it must include), against a threshold-and-rounding-only cut
  of the same counts. Each cut runs in a fresh process, so its peak memory (max RSS, the
  solver's included) is its own.

Figures only: the synthetic texts are never printed.
"""
from __future__ import annotations

import argparse
import multiprocessing
import random
import resource
import sys
import tempfile
import time
from collections import Counter
from datetime import date
from functools import cache
from pathlib import Path

from services.contracts.questionnaire import Questionnaire, load
from services.contracts.tables import QUARTER, period_of

from . import counting, release
from .coding import lexicon_coder
from .labelled import load_split
from .state import Store

YEAR = [f"2026-{m:02d}" for m in range(1, 13)]


def _skewed(rng: random.Random, codes: tuple[str, ...], k: int) -> list[str]:
    weights = [1 / (i + 1) for i in range(len(codes))]          # Zipf: a few answers dominate
    return list(dict.fromkeys(rng.choices(codes, weights, k=k)))


def reports(n: int, seed: int, q: Questionnaire):
    """n synthetic redacted reports (answers, month), spread over the year."""
    rng = random.Random(seed)
    texts = [i.texts for i in load_split("train")]

    def plain(question: str) -> tuple[str, ...]:
        return tuple(c for c in q[question].codes if c not in q[question].exclusive)
    for _ in range(n):
        text, help_ = rng.choice(texts)
        answers = {"happened_to": rng.choices(q["happened_to"].codes, (6, 3, 1))[0],
                   "came_from": _skewed(rng, plain("came_from"), rng.randint(1, 2)),
                   "about": _skewed(rng, plain("about"), rng.randint(1, 3)),
                   "themes": _skewed(rng, q["themes"].codes, rng.randint(0, 3)),
                   "impact": _skewed(rng, plain("impact"), rng.randint(0, 2)),
                   "afterwards": _skewed(rng, plain("afterwards"), rng.randint(0, 1)),
                   "what_happened": text}
        if help_:
            answers["what_would_help"] = help_
        if rng.random() < 0.9:
            answers["setting"] = _skewed(rng, q["setting"].codes, 1)[0]
            answers["role"] = _skewed(rng, q["role"].codes, 1)[0]
        yield answers, rng.choice(YEAR)


def bench_counting(sample: list, q: Questionnaire) -> tuple[float, float]:
    """Reports per second: the aggregator's path, and a dict count of the same cells."""
    start = time.perf_counter()
    baseline: Counter = Counter()
    for answers, month in sample:
        baseline.update(counting.cells_of(answers, month, questionnaire=q))
    plain = len(sample) / (time.perf_counter() - start)
    coder = lexicon_coder()
    with tempfile.TemporaryDirectory() as tmp:
        store = Store(Path(tmp) / "bench.sqlite3")
        start = time.perf_counter()
        for i, (answers, month) in enumerate(sample):
            store.count(f"bench-{i}", counting.report_cells(answers, month, coder))
        real = len(sample) / (time.perf_counter() - start)
        store.close()
    return real, plain


def year_counts(n: int, seed: int, q: Questionnaire) -> dict:
    coder = lexicon_coder()
    code = cache(lambda texts: coder.code(texts))               # the texts come from a small pool
    counts: Counter = Counter()
    for answers, month in reports(n, seed, q):
        themes = code((answers["what_happened"], answers.get("what_would_help")))
        counts.update(counting.cells_of(answers, month, themes, questionnaire=q))
    return dict(counts)


def threshold_only(counts: dict, months: list[str], policy: release.Policy) -> list[dict]:
    """The baseline: the full grid with threshold and rounding, no secondary suppression, no audit."""
    q = load()
    grid = release.months_between(months[0], months[-1])
    out = []
    for t in release.TABLES:
        for period, combo in release.grid(t, grid, q):
            n = counts.get((t.id, period, combo), 0)
            out.append({"table": t.id, "period": period, "dims": combo,
                        "value": release.round_to(n, policy.round_to) if n >= policy.threshold else None})
    return out


def _cut(kind: str, counts: dict, months: list[str], conn) -> None:
    policy = release.Policy()
    start = time.perf_counter()
    if kind == "baseline":
        cells = threshold_only(counts, months, policy)
        hidden = 0
    else:
        history = []
        if kind == "after three quarterly releases":
            for until in ("2026-03", "2026-06", "2026-09"):
                history.append(release.cut(counts_until(counts, until), [m for m in months if m <= until],
                                           f"q-{until}", date(2026, int(until[5:]) + 1, 1), history=history,
                                           until=until).record)
            start = time.perf_counter()
        cut = release.cut(counts, months, "year", date(2027, 1, 1), history=history, until="2026-12")
        cells = cut.cells
        hidden = sum(1 for c in cells if c["value"] is None
                     and counts.get((c["table"], c["period"], tuple(c["dims"].values())), 0) >= policy.threshold)
    seconds = time.perf_counter() - start
    conn.send((seconds, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, len(cells),
               sum(c["value"] is not None for c in cells), hidden))


def counts_until(counts: dict, until: str) -> dict:
    """The counts as they stood at the end of month `until` (months and quarters up to it)."""
    last_quarter = period_of(until, QUARTER)
    return {k: v for k, v in counts.items() if (k[1] <= until if "-Q" not in k[1] else k[1] <= last_quarter)}


def in_fresh_process(kind: str, counts: dict, months: list[str]) -> tuple:
    ctx = multiprocessing.get_context("spawn")
    parent, child = ctx.Pipe()
    proc = ctx.Process(target=_cut, args=(kind, counts, months, child))
    proc.start()
    result = parent.recv()
    proc.join()
    return result


def release_bench(n: int, seed: int, q: Questionnaire) -> None:
    start = time.perf_counter()
    counts = year_counts(n, seed, q)
    months = sorted(k[1] for k in counts if k[0] == "reports")
    print(f"a year of {n:,} synthetic reports counted in memory in {time.perf_counter() - start:.1f} s "
          f"({len(counts):,} non-zero cells)")
    base = in_fresh_process("baseline", counts, months)
    print(f"  release, threshold and rounding only (baseline): {base[0]:.3f} s, peak RSS {base[1]:.0f} MiB, "
          f"{base[2]:,} cells, {base[3]:,} published")
    for kind in ("alone", "after three quarterly releases"):
        t, rss, cells, shown, hidden = in_fresh_process(kind, counts, months)
        print(f"  release with secondary suppression and audit, {kind}: {t:.2f} s (x{t / base[0]:,.0f} the "
              f"baseline), peak RSS {rss:.0f} MiB (x{rss / base[1]:.2f}), {shown:,} published, "
              f"{hidden} hidden to protect others")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Counting and release benchmarks with same-run baselines.")
    parser.add_argument("--reports", type=int, default=200_000, help="reports in the year (default 200000)")
    parser.add_argument("--regional", type=int, default=3000,
                        help="reports in a smaller year, where many cells are small (default 3000; 0 skips it)")
    parser.add_argument("--sample", type=int, default=3000, help="reports timed through the counting path")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args(argv)
    if args.reports < 1 or args.sample < 1 or args.regional < 0:
        parser.error("--reports and --sample must be at least 1, --regional at least 0")
    q = load()

    sample = list(reports(args.sample, args.seed + 1, q))
    real, plain = bench_counting(sample, q)
    print(f"counting ({args.sample} reports): {real:,.0f} reports/s counted (coding, cells, one fsync'd "
          f"SQLite transaction each) vs {plain:,.0f}/s dict count of the same cells: ratio {real / plain:.3f}")

    for n in [args.reports] + ([args.regional] if args.regional > 0 else []):
        release_bench(n, args.seed, q)
    return 0


if __name__ == "__main__":
    sys.exit(main())
