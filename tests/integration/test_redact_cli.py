"""The `portal-redact` console script, run as a process with the real Presidio engine."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

SCRIPT = Path(sys.executable).with_name("portal-redact")
ROOT = Path(__file__).resolve().parents[2]
# The installed script runs this checkout's code, whichever checkout the package was installed from.
ENV = {**os.environ, "PYTHONPATH": str(ROOT)}

NAMED = "My manager Gareth Pemberton told me to ring him on 07700 900123 after the shift."
PLAIN = "Nothing personal in this one."


def run(*lines: str) -> subprocess.CompletedProcess:
    assert SCRIPT.exists(), "install the package (pip install -e .) so that portal-redact exists"
    return subprocess.run([str(SCRIPT)], input="\n".join(lines) + "\n", capture_output=True,
                          text=True, timeout=300, env=ENV)


def at(text: str, word: str) -> tuple[int, int]:
    return text.index(word), text.index(word) + len(word)


def test_a_name_and_a_phone_number_are_replaced_and_a_bad_line_is_reported_by_number():
    result = run(json.dumps({"id": "r-1", "text": NAMED}),
                 "{not json: Zanele Mokoena",
                 json.dumps({"id": 3, "text": PLAIN}))

    name, phone = at(NAMED, "Gareth Pemberton"), at(NAMED, "07700 900123")
    first, third = [json.loads(line) for line in result.stdout.splitlines()]
    assert first == {
        "id": "r-1",
        "redacted": "My manager [PERSON] told me to ring him on [PHONE] after the shift.",
        "spans": [{"start": name[0], "end": name[1], "type": "PERSON"},
                  {"start": phone[0], "end": phone[1], "type": "PHONE"}],
    }
    assert [NAMED[s["start"]:s["end"]] for s in first["spans"]] == ["Gareth Pemberton", "07700 900123"]
    assert third == {"id": 3, "redacted": PLAIN, "spans": []}

    assert result.returncode == 1
    assert "portal-redact: line 2: not valid JSON" in result.stderr
    for fragment in ("Zanele", "Mokoena", "Gareth", "Pemberton", "07700", "Nothing personal"):
        assert fragment not in result.stderr


def test_a_missing_or_non_string_text_is_named_by_line_and_nothing_is_written():
    result = run(json.dumps({"id": "a", "body": "Zanele Mokoena"}),
                 json.dumps({"id": "b", "text": ["Zanele Mokoena"]}))
    assert result.returncode == 1
    assert result.stdout == ""
    assert result.stderr.splitlines() == [
        'portal-redact: line 1: missing "text"',
        'portal-redact: line 2: "text" must be a string, not list',
        "portal-redact: 2 bad line(s) skipped",
    ]
