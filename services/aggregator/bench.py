"""Benchmark: how fast the aggregator counts, and how long a release of a year of reports at
national scale takes to cut, each beside a baseline measured in the same run.

    python -m services.aggregator.bench [--reports 200000] [--sample 3000] [--seed 1] [--service 20000]

* counting, in process: reports per second through the service's hot path (`handlers.Counting`:
  each record decoded and validated, its answers' cells, one fsync'd SQLite transaction per
  batch of 500), beside two baselines measured in the same run: the path before it (theme
  coding and one fsync'd transaction per report) and a plain dict count of the same cells
  (no decoding, no disk); and
  the theme-coding stage (`handlers.ThemeCoding`, the lexicon coder here);
* `--service N`: N redacted reports through the aggregator service on a real broker (the
  trained theme coder): counted reports/s (its consumer group's lag to 0) and coded reports/s
  (the coder group's), beside a bare consumer committing the same records in batches, measured
  in the same run;
* a release: a year of synthetic reports (12 months, skewed answers as real ones are) cut with
  threshold, rounding, secondary suppression and the audit, first alone, then after three
  quarterly releases (whose audit it must include), against a threshold-and-rounding-only cut
  of the same counts. Each cut runs in a fresh process, so its peak memory (max RSS, the
  solver's included) is its own.

Figures only: the synthetic texts are never printed.
"""
from __future__ import annotations

import argparse
import asyncio
import multiprocessing
import random
import resource
import sys
import tempfile
import time
import uuid
from collections import Counter
from datetime import date
from functools import cache
from pathlib import Path
from typing import NamedTuple

from services.contracts import events
from services.contracts.questionnaire import Questionnaire, load
from services.contracts.tables import QUARTER, period_of

from . import counting, release
from .cellkey import RecordKeys
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


class _Record(NamedTuple):
    topic: str
    partition: int
    offset: int
    value: bytes


class _NoDeadLetters:
    """The sample holds no bad record: a dead letter would be a fault of the bench."""
    async def dead_letter(self, record, error: Exception) -> None:
        raise AssertionError(f"a synthetic report was refused: {type(error).__name__}")


def redacted_records(sample: list, topic: str = "bench.redacted.v1") -> list[_Record]:
    """The sample as the redacted topic holds it: one encoded event per report, on 3 partitions."""
    return [_Record(topic, i % 3, i // 3, events.encode(events.RedactedReport, {
        "schema_version": events.SCHEMA_VERSION, "event_id": str(uuid.UUID(int=i + 1)), "month": month,
        "answers": answers})) for i, (answers, month) in enumerate(sample)]


def bench_counting(sample: list, q: Questionnaire) -> dict[str, float]:
    """Reports per second: the hot path, the path before it, a dict count of the same cells, and
    the coding stage."""
    from .app import CODE_BATCH, COUNT_BATCH
    from .handlers import Counting, SystemClock, ThemeCoding

    rates = {}
    start = time.perf_counter()
    baseline: Counter = Counter()
    cells = counting.AnswerCells(q)     # the same cells as the hot path's, counted in memory
    for answers, month in sample:
        baseline.update(cells(answers, month))
    rates["dict"] = len(sample) / (time.perf_counter() - start)
    coder, records, keys = lexicon_coder(), redacted_records(sample), RecordKeys(b"bench")
    with tempfile.TemporaryDirectory() as tmp:
        store = Store(Path(tmp) / "before.sqlite3")
        start = time.perf_counter()
        for i, (answers, month) in enumerate(sample):
            store.count(f"bench-{i}", counting.report_cells(answers, month, coder))
        rates["before"] = len(sample) / (time.perf_counter() - start)
        counted, coded = Store(Path(tmp) / "counted.sqlite3"), Store(Path(tmp) / "coded.sqlite3")
        hot = Counting(counted, _NoDeadLetters(), keys, q, SystemClock())
        start = time.perf_counter()
        for i in range(0, len(records), COUNT_BATCH):
            asyncio.run(hot.batch(records[i:i + COUNT_BATCH]))
        rates["hot"] = len(sample) / (time.perf_counter() - start)
        stage = ThemeCoding(counted, coded, coder, None, keys, q, SystemClock())
        start = time.perf_counter()
        for i in range(0, len(records), CODE_BATCH):
            asyncio.run(stage.batch(records[i:i + CODE_BATCH]))
        rates["coding"] = len(sample) / (time.perf_counter() - start)
        assert counted.reports_counted() == coded.reports_counted() == len(sample)
        for s in (store, counted, coded):
            s.close()
    return rates


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
    parser.add_argument("--service", type=int, default=0,
                        help="reports through the aggregator service on a real broker (default 0: skipped)")
    args = parser.parse_args(argv)
    if args.reports < 1 or args.sample < 1 or args.regional < 0:
        parser.error("--reports and --sample must be at least 1, --regional at least 0")
    q = load()

    sample = list(reports(args.sample, args.seed + 1, q))
    r = bench_counting(sample, q)
    print(f"counting ({args.sample} reports): {r['hot']:,.0f} reports/s counted (decoded, answers' cells, one "
          f"fsync'd SQLite transaction per batch of 500) vs {r['before']:,.0f}/s the path before (coding, cells, "
          f"one transaction each): ratio {r['hot'] / r['before']:.1f}; vs {r['dict']:,.0f}/s dict count of the "
          f"same cells: ratio {r['hot'] / r['dict']:.3f}")
    print(f"theme coding stage ({args.sample} reports, lexicon coder): {r['coding']:,.0f} reports/s coded and counted")
    if args.service:
        from .service_bench import bench_service
        bench_service(args.service, sample)

    for n in [args.reports] + ([args.regional] if args.regional > 0 else []):
        release_bench(n, args.seed, q)
    return 0


if __name__ == "__main__":
    sys.exit(main())
