"""Regression harness for speed work on the redactor: every span it returns, for every corpus.

    python -m tests.support.span_snapshot write OUT.jsonl [CORPUS.jsonl ...]
    python -m tests.support.span_snapshot compare BEFORE.jsonl AFTER.jsonl

`write` runs the whole redactor (engine.Engine, Presidio with the model, in batches of 32 as
`portal-redact` does) over each corpus (by default tests/data/redaction/*.jsonl and the peer
tests in ../shared/data/redaction/peer/) and writes one line per text: the corpus, the text's
id and its spans (start, end, type). No text is written, only offsets and types. Keep the file
outside the repository. `compare` prints every text whose spans differ and exits 1 if any do.
A speed change is kept only when `compare` finds no difference on every corpus."""
from __future__ import annotations

import argparse
import json
import pathlib
import sys
import time

ROOT = pathlib.Path(__file__).resolve().parents[2]
PEER = pathlib.Path("/work/shared/data/redaction/peer/peer_tests.jsonl")
BATCH = 32


def corpora() -> list[pathlib.Path]:
    found = sorted((ROOT / "tests/data/redaction").glob("*.jsonl"))
    return found + ([PEER] if PEER.exists() else [])


def write(out: pathlib.Path, paths: list[pathlib.Path]) -> None:
    from services.redactor import engine, redaction

    analyser = engine.Engine()
    lex = analyser.lex
    cpu = time.process_time()
    with out.open("w", encoding="utf-8") as sink:
        for path in paths:
            records = [json.loads(line) for line in path.open(encoding="utf-8") if line.strip()]
            for i in range(0, len(records), BATCH):
                chunk = records[i:i + BATCH]
                results = redaction.redact_many([r["text"] for r in chunk],
                                                analyser.analyse_many, lex)
                for record, (_, spans) in zip(chunk, results):
                    sink.write(json.dumps({"corpus": path.name, "id": record["id"],
                                           "spans": [[s.start, s.end, s.type] for s in spans]})
                               + "\n")
            print(f"{path.name}: {len(records)} texts", file=sys.stderr)
    print(f"CPU {time.process_time() - cpu:.2f} s", file=sys.stderr)


def _load(path: pathlib.Path) -> dict[tuple[str, str], list]:
    rows = (json.loads(line) for line in path.open(encoding="utf-8"))
    return {(r["corpus"], str(r["id"])): r["spans"] for r in rows}


def compare(before: pathlib.Path, after: pathlib.Path) -> int:
    a, b = _load(before), _load(after)
    differ = 0
    for key in sorted(a.keys() | b.keys()):
        if a.get(key) != b.get(key):
            differ += 1
            print(f"{key[0]} {key[1]}: before {a.get(key)} after {b.get(key)}")
    print(f"{len(a)} texts before, {len(b)} after, {differ} differ")
    return 1 if differ or len(a) != len(b) else 0


def main(argv: list[str] | None = None) -> int:
    return command_line(argv, __doc__.split("\n\n", 1)[0], write, compare)


def command_line(argv: list[str] | None, description: str, write, compare) -> int:
    """`write OUT [CORPUS ...]` (every corpus by default) and `compare BEFORE AFTER`: this
    module's and `accuracy_gate`'s command lines."""
    parser = argparse.ArgumentParser(description=description)
    sub = parser.add_subparsers(dest="command", required=True)
    w = sub.add_parser("write")
    w.add_argument("out", type=pathlib.Path)
    w.add_argument("corpora", type=pathlib.Path, nargs="*")
    c = sub.add_parser("compare")
    c.add_argument("before", type=pathlib.Path)
    c.add_argument("after", type=pathlib.Path)
    args = parser.parse_args(argv)
    if args.command == "write":
        write(args.out, args.corpora or corpora())
        return 0
    return compare(args.before, args.after)


if __name__ == "__main__":
    sys.exit(main())
