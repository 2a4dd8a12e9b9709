"""`portal-redact-bench CORPUS`: texts per second of this redactor and of plain Presidio on the
same texts, in the same process and run, their ratios, and the redactor's peak memory.

Two sets of texts: the corpus's own (short narratives) and narratives of about 3,000 characters
(the form's longest answer) made by joining corpus texts. Three paths:
- `portal-redact` as a new user runs it: a fresh process fed the texts as JSON lines, its start,
  imports and model loading included, against a fresh process of plain Presidio doing the same
  (loading, then analysing line by line);
- one text at a time in this process, the load excluded;
- the service's batch path: `redact_many` on batches of the service's size (app.BATCH), the load
  excluded (the service loads once and runs for days).

The redactor is loaded and measured first, so the peak resident set size read then is its own
(Python, spaCy, Presidio, the lexicon and the work); plain Presidio is loaded after. Rounds of the
two then alternate, so that a busy machine slows both alike, and the best round of each counts.
Prints figures only, never text. A benchmark, not a test: nothing here passes or fails.
"""
from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import time
from typing import Callable, Sequence

LONG = 3000   # characters: the form's longest free-text answer


def _peak_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024   # kilobytes on Linux


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def _seconds(run: Callable[[Sequence[str]], object], texts: Sequence[str]) -> tuple[float, float]:
    """Wall-clock and CPU seconds of one run. On a shared machine the wall clock moves with
    everyone else's load; the CPU seconds spent are this work's own, so their ratio is the
    steadier one."""
    began, cpu = time.perf_counter(), time.process_time()
    run(texts)
    return time.perf_counter() - began, time.process_time() - cpu


def long_texts(texts: Sequence[str], size: int = LONG) -> list[str]:
    """Narratives of at most `size` characters (near it), each made by joining corpus texts in
    turn; as many as there are texts, divided by how many it takes to fill one."""
    out, current, i = [], "", 0
    budget = max(1, sum(map(len, texts)) * 3 // size)   # each text used about three times
    while len(out) < budget:
        text = texts[i % len(texts)][:size]
        i += 1
        if current and len(current) + 1 + len(text) > size:
            out.append(current)
            current = ""
        current = f"{current} {text}" if current else text
    return out


def batched(run: Callable[[Sequence[str]], object], size: int) -> Callable[[Sequence[str]], None]:
    def go(texts: Sequence[str]) -> None:
        for start in range(0, len(texts), size):
            run(texts[start:start + size])
    return go


def plain_lines() -> int:
    """Plain Presidio as a command: JSON lines in, the number of entities per line out."""
    import json
    import logging
    logging.getLogger("presidio-analyzer").setLevel(logging.ERROR)
    from .evaluate import plain_presidio

    analyse = plain_presidio()
    for raw in sys.stdin.buffer:
        if raw.strip():
            print(len(analyse([json.loads(raw)["text"]])[0]), flush=True)
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    if argv is None and sys.argv[1:] == ["--plain-lines"]:
        return plain_lines()
    parser = argparse.ArgumentParser(prog="portal-redact-bench", description=__doc__.split("\n\n")[0])
    parser.add_argument("corpus", help="JSON lines with a string 'text' (e.g. dev.jsonl)")
    parser.add_argument("--rounds", type=int, default=3, help="alternating rounds (default 3)")
    args = parser.parse_args(argv)
    if args.rounds < 1:
        parser.error("--rounds must be at least 1")

    from .evaluate import read_corpus
    items = read_corpus(args.corpus, parser.prog)
    if items is None:
        return 2
    short = [item.text for item in items]
    if not short:
        print("portal-redact-bench: the corpus has no texts", file=sys.stderr)
        return 2
    sets = {"short": short, f"~{LONG} chars": long_texts(short)}

    env = {**os.environ, "PYTHONPATH": os.pathsep.join(
        [os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))]
        + [p for p in os.environ.get("PYTHONPATH", "").split(os.pathsep) if p])}
    commands = {"ours": [sys.executable, "-m", "services.redactor.cli"],
                "plain": [sys.executable, "-m", "services.redactor.bench", "--plain-lines"]}
    feeds = {name: "".join(json.dumps({"id": i, "text": t}) + "\n" for i, t in enumerate(texts))
             .encode() for name, texts in sets.items()}
    processes: dict[tuple[str, str], list[tuple[float, float]]] = {}
    for _ in range(args.rounds):
        for name in sets:
            for system, command in commands.items():
                began, cpu = time.perf_counter(), _children_cpu()
                subprocess.run(command, input=feeds[name], stdout=subprocess.DEVNULL,
                               stderr=subprocess.DEVNULL, check=True, env=env)
                processes.setdefault((system, name), []).append(
                    (time.perf_counter() - began, _children_cpu() - cpu))

    import logging
    logging.getLogger("presidio-analyzer").setLevel(logging.ERROR)
    from . import engine, redaction
    from .app import BATCH
    from .evaluate import plain_presidio

    began = time.perf_counter()
    ours = engine.Engine()
    load_ours = time.perf_counter() - began
    one_by_one = lambda batch: [redaction.redact(t, ours.analyse) for t in batch]  # noqa: E731
    service = batched(lambda batch: redaction.redact_many(batch, ours.analyse_many), BATCH)
    one_by_one(short[:5])
    timings: dict[tuple[str, str], list[tuple[float, float]]] = {}

    def measure(system: str, run, texts_name: str) -> None:
        timings.setdefault((system, texts_name), []).append(_seconds(run, sets[texts_name]))

    for name in sets:
        measure("ours, one by one", one_by_one, name)
        measure("ours, batches", service, name)
    peak_ours = _peak_mib()

    began = time.perf_counter()
    plain_batch = plain_presidio()
    load_plain = time.perf_counter() - began
    plain = lambda batch: [plain_batch([t]) for t in batch]  # noqa: E731
    plain(short[:5])
    for name in sets:
        measure("plain", plain, name)
    for _ in range(args.rounds - 1):
        for name in sets:
            measure("ours, one by one", one_by_one, name)
            measure("ours, batches", service, name)
            measure("plain", plain, name)

    print(f"{args.rounds} alternating rounds, best round of each; load: ours {load_ours:.1f} s, "
          f"plain Presidio {load_plain:.1f} s")
    print("texts/s by the wall clock, and per CPU second (the steadier ratio on a shared machine)")
    print(f"{'texts':<16}{'n':>5}{'path':>38}{'ours/s':>9}{'plain/s':>9}{'ratio':>8}"
          f"{'ours/cpu-s':>12}{'plain/cpu-s':>12}{'ratio':>8}")

    def best(runs: list[tuple[float, float]]) -> tuple[float, float]:
        return min(w for w, _ in runs), min(c for _, c in runs)

    for name, texts in sets.items():
        n = len(texts)
        pairs = [("portal-redact process, load included", processes[("ours", name)],
                  processes[("plain", name)]),
                 ("one by one, load excluded", timings[("ours, one by one", name)],
                  timings[("plain", name)]),
                 (f"service batches of {BATCH}", timings[("ours, batches", name)],
                  timings[("plain", name)])]
        for path, ours_runs, plain_runs in pairs:
            (wall_o, cpu_o), (wall_p, cpu_p) = best(ours_runs), best(plain_runs)
            print(f"{name:<16}{n:>5}{path:>38}{n / wall_o:>9.1f}{n / wall_p:>9.1f}"
                  f"{wall_p / wall_o:>7.2f}x{n / cpu_o:>12.1f}{n / cpu_p:>12.1f}"
                  f"{cpu_p / cpu_o:>7.2f}x")
    print(f"peak memory, our redactor alone: {peak_ours:.0f} MiB "
          f"(whole process after both: {_peak_mib():.0f} MiB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
