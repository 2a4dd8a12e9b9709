"""`portal-redact-bench CORPUS`: texts per second of this redactor and of plain Presidio on the
same texts, in the same process and run, their ratio, and the redactor's peak memory.

The redactor is loaded and measured first, so the peak resident set size read then is its own
(Python, spaCy, Presidio, the lexicon and the work); plain Presidio is loaded after. Rounds of the
two then alternate, so that a busy machine slows both alike, and the best round of each counts.
Prints figures only, never text. A benchmark, not a test: nothing here passes or fails.
"""
from __future__ import annotations

import argparse
import resource
import sys
import time
from typing import Callable, Sequence


def _peak_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024   # kilobytes on Linux


def _rate(run: Callable[[Sequence[str]], object], texts: Sequence[str]) -> float:
    began = time.perf_counter()
    run(texts)
    return len(texts) / (time.perf_counter() - began)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="portal-redact-bench", description=__doc__.split("\n\n")[0])
    parser.add_argument("corpus", help="JSON lines with a string 'text' (e.g. dev.jsonl)")
    parser.add_argument("--rounds", type=int, default=3, help="alternating rounds (default 3)")
    args = parser.parse_args(argv)
    if args.rounds < 1:
        parser.error("--rounds must be at least 1")

    from .evaluate import CorpusError, load_corpus
    try:
        texts = [item.text for item in load_corpus(args.corpus)]
    except (OSError, UnicodeDecodeError) as exc:
        print(f"portal-redact-bench: cannot read the corpus ({type(exc).__name__})", file=sys.stderr)
        return 2
    except CorpusError as exc:
        print(f"portal-redact-bench: {exc}", file=sys.stderr)
        return 2
    if not texts:
        print("portal-redact-bench: the corpus has no texts", file=sys.stderr)
        return 2

    import logging
    logging.getLogger("presidio-analyzer").setLevel(logging.ERROR)
    from . import engine, redaction
    from .evaluate import plain_presidio

    began = time.perf_counter()
    ours = engine.Engine()
    load_ours = time.perf_counter() - began
    run_ours = lambda batch: redaction.redact_many(batch, ours.analyse_many)  # noqa: E731
    run_ours(texts[:20])
    rates_ours = [_rate(run_ours, texts)]
    peak_ours = _peak_mib()

    began = time.perf_counter()
    plain = plain_presidio()
    load_plain = time.perf_counter() - began
    plain(texts[:20])
    rates_plain = [_rate(plain, texts)]
    for _ in range(args.rounds - 1):
        rates_ours.append(_rate(run_ours, texts))
        rates_plain.append(_rate(plain, texts))

    best_ours, best_plain = max(rates_ours), max(rates_plain)
    print(f"{len(texts)} texts, {args.rounds} alternating rounds, best round of each")
    print(f"{'':<28}{'texts/s':>10}{'load s':>10}")
    print(f"{'our redactor':<28}{best_ours:>10.1f}{load_ours:>10.1f}")
    print(f"{'plain Presidio':<28}{best_plain:>10.1f}{load_plain:>10.1f}")
    print(f"ratio (ours / plain Presidio): {best_ours / best_plain:.2f}x")
    print(f"peak memory, our redactor alone: {peak_ours:.0f} MiB "
          f"(whole process after both: {_peak_mib():.0f} MiB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
