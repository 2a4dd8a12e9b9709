"""`portal-redact`: redact JSON lines from standard input.

Each input line is `{"id": ..., "text": ...}`; each good line gives one output line
`{"id": ..., "redacted": ..., "spans": [{"start": ..., "end": ..., "type": ...}]}`, whose offsets
count Python characters of the input text. Blank lines are skipped. A bad line (not UTF-8, not
JSON, not an object, no `id`, no string `text`, or a text the redactor fails on) gives a message on
standard error naming its line number and is otherwise skipped; the exit status is then 1.
Standard error never carries any part of a report's text."""
from __future__ import annotations

import argparse
import json
import logging
import os
import sys
from typing import BinaryIO, Callable, TextIO

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


def run(stdin: BinaryIO, stdout: TextIO, stderr: TextIO,
        analyse: Callable[[], redaction.Analyser]) -> int:
    """Redact every line of `stdin`; `analyse` builds the analyser (once, on the first good line)."""
    analyser = None
    bad = 0
    for number, raw in enumerate(stdin, start=1):
        if not raw.strip():
            continue
        try:
            ident, text = parse(raw)
            if analyser is None:
                analyser = analyse()
            try:
                redacted, spans = redaction.redact(text, analyser)
            except Exception as exc:  # the message could quote the text: report the class only
                raise BadLine(f"redaction failed ({type(exc).__name__})") from None
        except BadLine as exc:
            bad += 1
            print(f"{PROG}: line {number}: {exc}", file=stderr, flush=True)
            continue
        stdout.write(json.dumps({
            "id": ident, "redacted": redacted,
            "spans": [{"start": s.start, "end": s.end, "type": s.type} for s in spans],
        }) + "\n")
        stdout.flush()
    if bad:
        print(f"{PROG}: {bad} bad line(s) skipped", file=stderr)
    return 1 if bad else 0


def _engine_analyser() -> redaction.Analyser:
    from . import engine  # Presidio and spaCy load once, here

    return engine.analyser()


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
