"""`portal-redact`: redact JSON lines from standard input.

Each input line is `{"id": ..., "text": ...}`; each good line gives one output line, in input
order, `{"id": ..., "redacted": ..., "spans": [{"start": ..., "end": ..., "type": ...}]}`, whose
offsets count Python characters of the input text. Lines already waiting (a file, a pipe) are
redacted together, up to 32 at a time, in one pass of the model. Blank lines are skipped. A bad line (not UTF-8, not
JSON, not an object, no `id`, no string `text`, or a text the redactor fails on) gives a message on
standard error naming its line number and is otherwise skipped; the exit status is then 1.
Standard error never carries any part of a report's text."""
from __future__ import annotations

import argparse
import json
import logging
import os
import select
import sys
from typing import BinaryIO, Callable, Iterator, TextIO

from . import redaction

PROG = "portal-redact"


class BadLine(ValueError):
    """The reason is safe to print: it never contains the line's text."""


def parse(raw: bytes) -> tuple[object, str]:
    try:
        line = raw.decode("utf-8")
    except UnicodeDecodeError:
        raise BadLine("not UTF-8") from None
    try:
        obj = json.loads(line)
    except json.JSONDecodeError as exc:
        raise BadLine(f"not valid JSON (at character {exc.pos + 1})") from None
    if not isinstance(obj, dict):
        raise BadLine("not a JSON object")
    if "id" not in obj:
        raise BadLine('missing "id"')
    if "text" not in obj:
        raise BadLine('missing "text"')
    if not isinstance(obj["text"], str):
        raise BadLine(f'"text" must be a string, not {type(obj["text"]).__name__}')
    return obj["id"], obj["text"]


BATCH = 32   # lines redacted together when they are already waiting (one pass of the model)


def _waiting(stream: BinaryIO) -> bool:
    """Is more input there to read without waiting? (A stream with no descriptor, e.g. in
    memory, always has.) Only the batch size depends on this, never the output."""
    try:
        fd = stream.fileno()
    except (AttributeError, OSError, ValueError):
        return True
    return bool(select.select([fd], [], [], 0)[0])


def batches(stdin: BinaryIO, size: int = BATCH) -> Iterator[list[tuple[int, bytes]]]:
    """Numbered lines in batches: the lines already waiting, up to `size`, so that a file or a
    pipe is redacted in batches and someone typing gets each answer at once."""
    number = 0
    while True:
        raw = stdin.readline()
        if not raw:
            return
        number += 1
        batch = [(number, raw)]
        while len(batch) < size and _waiting(stdin):
            raw = stdin.readline()
            if not raw:
                yield batch
                return
            number += 1
            batch.append((number, raw))
        yield batch


def run(stdin: BinaryIO, stdout: TextIO, stderr: TextIO,
        analyse: Callable[[], redaction.BatchAnalyser]) -> int:
    """Redact every line of `stdin`; `analyse` builds the batch analyser (once, on the first good
    line). A text the redactor fails on is reported by its line number alone; the others of its
    batch are redacted one by one."""
    analyser = None
    bad = 0

    def report(number: int, reason: str) -> None:
        nonlocal bad
        bad += 1
        print(f"{PROG}: line {number}: {reason}", file=stderr, flush=True)

    for batch in batches(stdin):
        good = []
        for number, raw in batch:
            if not raw.strip():
                continue
            try:
                good.append((number, *parse(raw)))
            except BadLine as exc:
                report(number, str(exc))
        if not good:
            continue
        if analyser is None:
            analyser = analyse()
        texts = [text for _, _, text in good]
        try:
            results = redaction.redact_many(texts, analyser)
        except Exception:  # find the text that fails: the others are redacted on their own
            results = []
            for text in texts:
                try:
                    results.append(redaction.redact_many([text], analyser)[0])
                except Exception as exc:  # the message could quote the text: the class only
                    results.append(exc)
        for (number, ident, _), result in zip(good, results):
            if isinstance(result, Exception):
                report(number, f"redaction failed ({type(result).__name__})")
                continue
            redacted, spans = result
            stdout.write(json.dumps({
                "id": ident, "redacted": redacted,
                "spans": [{"start": s.start, "end": s.end, "type": s.type} for s in spans],
            }) + "\n")
        stdout.flush()
    if bad:
        print(f"{PROG}: {bad} bad line(s) skipped", file=stderr)
    return 1 if bad else 0


def _engine_analyser() -> redaction.BatchAnalyser:
    from . import engine  # Presidio and spaCy load once, here

    return engine.Engine().analyse_many


def main(argv: list[str] | None = None) -> int:
    argparse.ArgumentParser(
        prog=PROG, description=__doc__.split("\n\n", 1)[1],
        formatter_class=argparse.RawDescriptionHelpFormatter).parse_args(argv)
    # Third-party loggers stay quiet (Presidio's language notices at start-up).
    logging.getLogger("presidio-analyzer").setLevel(logging.ERROR)
    try:
        return run(sys.stdin.buffer, sys.stdout, sys.stderr, _engine_analyser)
    except BrokenPipeError:  # e.g. piped into `head`: stop quietly
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 1
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    sys.exit(main())
