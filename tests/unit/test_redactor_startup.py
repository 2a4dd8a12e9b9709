"""The redactor's start-up imports only what it uses (engine.defer_presidio_predefined): Presidio's
predefined recognisers are not loaded by the engine, and are all still there for whoever asks.
Each case runs in a fresh interpreter, since imports happen once per process."""
from __future__ import annotations

import json
import subprocess
import sys

import pytest

pytestmark = pytest.mark.slow   # loads the spaCy model in a child process


def _child(code: str) -> dict:
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=300,
                         check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def test_the_engine_redacts_without_loading_presidios_predefined_recognisers():
    found = _child(
        "import json, sys\n"
        "from services.redactor import engine, redaction\n"
        "e = engine.Engine()\n"
        "out = redaction.redact('Sorrel Okafor rang me on 07700 900123 about the rota.',\n"
        "                       e.analyse, e.lex)[0]\n"
        "print(json.dumps({'redacted': out,\n"
        "  'loaded': sorted(m for m in sys.modules if m.startswith(\n"
        "     'presidio_analyzer.predefined_recognizers.') and 'nlp_engine' not in m),\n"
        "  'phonenumbers': 'phonenumbers' in sys.modules}))\n")
    assert found["loaded"] == []
    assert found["phonenumbers"] is False
    assert found["redacted"] == "[PERSON] rang me on [PHONE] about the rota."


def _predefined(first: str) -> dict:
    return _child(
        "import json\n" + first + "\n"
        "import presidio_analyzer.predefined_recognizers as p\n"
        "from presidio_analyzer import RecognizerRegistry\n"
        "r = RecognizerRegistry(); r.load_predefined_recognizers()\n"
        "print(json.dumps({'all': sorted(p.__all__),\n"
        "  'resolved': sum(getattr(p, n) is not None for n in p.__all__),\n"
        "  'spacy': p.SpacyRecognizer.__module__,\n"
        "  'registry': sorted(type(x).__name__ for x in r.recognizers)}))\n")


def test_every_predefined_recogniser_is_still_there_when_asked_for():
    after_engine = _predefined("from services.redactor import engine")
    plain = _predefined("")
    assert after_engine == plain
    assert len(plain["all"]) > 50 and plain["resolved"] == len(plain["all"])
    assert plain["spacy"].endswith("nlp_engine_recognizers.spacy_recognizer")
    assert {"UrlRecognizer", "EmailRecognizer", "PhoneRecognizer", "NhsRecognizer"} <= \
        set(plain["registry"])
