"""Benchmark of the theme coders as the aggregator runs them: start-up time, narratives coded per
second in batches of 32 (as the aggregator codes a batch of reports), and peak resident memory, for the trained classifier beside the lexicon
coder, measured in the same run, each in a fresh process (so each peak is its own). Figures only:
the synthetic texts are never printed.

    python -m services.aggregator.coding_bench [--texts 200]
"""
from __future__ import annotations

import argparse
import multiprocessing
import resource
import sys
import time

BATCH = 32


def _rss_mb() -> float:
    """This process's peak resident memory. /proc's VmHWM is its own; ru_maxrss on Linux keeps the
    peak of the process it was forked from, which may be larger."""
    try:
        with open("/proc/self/status") as fh:
            return next(int(line.split()[1]) for line in fh if line.startswith("VmHWM:")) / 1024
    except (OSError, StopIteration):
        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _measure(kind: str, n: int, conn) -> None:
    from . import labelled
    from .coding import code_each, default_coder, help_coder, lexicon_coder

    texts = [i.texts for i in labelled.load_split("train")]
    texts = (texts * (n // len(texts) + 1))[:n]
    before = _rss_mb()
    start = time.perf_counter()
    if kind == "lexicon":
        coders = [lexicon_coder()]
    else:
        coders = [default_coder(), help_coder()]
    coders[0].code(["warm up"])
    started = time.perf_counter() - start
    start, cpu = time.perf_counter(), time.process_time()
    for i in range(0, n, BATCH):                 # in batches, as the aggregator codes a batch of reports
        code_each(coders[0], texts[i:i + BATCH])
    rate, cpu_rate = n / (time.perf_counter() - start), n / max(time.process_time() - cpu, 1e-9)
    conn.send((started, rate, cpu_rate, _rss_mb(), _rss_mb() - before))
    conn.close()


def measure(kind: str, n: int) -> tuple[float, float, float, float, float]:
    ctx = multiprocessing.get_context("spawn")
    parent, child = ctx.Pipe()
    p = ctx.Process(target=_measure, args=(kind, n, child))
    p.start()
    out = parent.recv()
    p.join()
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--texts", type=int, default=200)
    args = parser.parse_args(argv)
    lex = measure("lexicon", args.texts)
    clf = measure("classifier", args.texts)
    for name, (started, rate, cpu_rate, peak, extra) in (("lexicon coder (baseline)", lex), ("classifier", clf)):
        print(f"{name}: start-up {started:.1f} s, {rate:,.1f} narratives/s ({cpu_rate:,.1f} per CPU second), "
              f"peak RSS {peak:.0f} MB ({extra:+.0f} MB for the coder)")
    print(f"classifier against the lexicon: speed ratio {clf[1] / lex[1]:.3f}, "
          f"extra memory {clf[4] - lex[4]:+.0f} MB (budget: 50 narratives/s, 400 MB, start-up 20 s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
