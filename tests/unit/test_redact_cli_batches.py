"""`portal-redact` reads lines in batches and keeps each line's own outcome (in-memory analyser:
the rules of redaction.py with spans given by hand)."""
from __future__ import annotations

import io
import json

from services.redactor import cli
from services.redactor.redaction import Span
import pytest

pytestmark = pytest.mark.slow   # the model, rendering or a benchmark: not in `make unit`


def analyser_finding(word: str, fail_on: str | None = None):
    calls = []

    def analyse_many(texts):
        calls.append(len(texts))
        if fail_on is not None and any(fail_on in t for t in texts):
            raise RuntimeError("boom")
        return [[Span(t.index(word), t.index(word) + len(word), "PERSON")] if word in t else []
                for t in texts]
    return analyse_many, calls


def lines(*objs) -> io.BytesIO:
    return io.BytesIO("".join((o if isinstance(o, str) else json.dumps(o)) + "\n"
                              for o in objs).encode())


def test_lines_waiting_are_redacted_in_one_batch_in_their_order():
    analyse, calls = analyser_finding("Zanele")
    out, err = io.StringIO(), io.StringIO()
    stdin = lines(*({"id": i, "text": f"{i}: Zanele came"} for i in range(40)))
    assert cli.run(stdin, out, err, lambda: analyse) == 0
    got = [json.loads(line) for line in out.getvalue().splitlines()]
    assert [g["id"] for g in got] == list(range(40))
    assert got[7]["redacted"] == "7: [PERSON] came"
    assert calls == [cli.BATCH, 40 - cli.BATCH]
    assert err.getvalue() == ""


def test_a_text_the_redactor_fails_on_is_reported_by_line_and_the_rest_of_its_batch_is_kept():
    analyse, _ = analyser_finding("Zanele", fail_on="poison")
    out, err = io.StringIO(), io.StringIO()
    stdin = lines({"id": "a", "text": "Zanele one"}, {"id": "b", "text": "poison Zanele"},
                  "not json Zanele", {"id": "c", "text": "three Zanele"})
    assert cli.run(stdin, out, err, lambda: analyse) == 1
    assert [json.loads(line)["redacted"] for line in out.getvalue().splitlines()] == [
        "[PERSON] one", "three [PERSON]"]
    assert err.getvalue().splitlines() == [
        "portal-redact: line 3: not valid JSON (at character 1)",
        "portal-redact: line 2: redaction failed (RuntimeError)",
        "portal-redact: 2 bad line(s) skipped",
    ]
    assert "Zanele" not in err.getvalue() and "poison" not in err.getvalue()


def test_batches_number_lines_and_stop_at_the_end():
    stdin = io.BytesIO(b"a\n\nb\nc")
    assert list(cli.batches(stdin, size=2)) == [[(1, b"a\n"), (2, b"\n")], [(3, b"b\n"), (4, b"c")]]
