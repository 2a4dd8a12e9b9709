"""The redactor's start-up imports only what it uses (engine.defer_presidio_predefined,
engine.defer_spacy_cli): Presidio's predefined recognisers and spaCy's command line are not loaded
by the engine, and are all still there for whoever asks; the model's tokenizer is read from its
folder without first being built from the language's defaults (engine.bare_tokenizer), and is the
same. Each case runs in a fresh interpreter, since imports happen once per process."""
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


@pytest.fixture(scope="module")
def engine_child() -> dict:
    """A fresh interpreter that builds the engine and redacts one text: its answer, and which of
    the modules in question it loaded."""
    return _child(
        "import json, sys\n"
        "from services.redactor import engine, redaction\n"
        "e = engine.Engine()\n"
        "out = redaction.redact('Sorrel Okafor rang me on 07700 900123 about the rota.',\n"
        "                       e.analyse, e.lex)[0]\n"
        "print(json.dumps({'redacted': out,\n"
        "  'loaded': sorted(m for m in sys.modules if m.startswith(\n"
        "     'presidio_analyzer.predefined_recognizers.') and 'nlp_engine' not in m),\n"
        "  'phonenumbers': 'phonenumbers' in sys.modules,\n"
        "  'cli': sorted(m for m in sys.modules if m.startswith('spacy.cli.')),\n"
        "  'heavy': sorted(m for m in ('typer', 'weasel', 'httpx', 'requests') if m in sys.modules)}))\n")


def test_the_engine_redacts_without_loading_presidios_predefined_recognisers(engine_child):
    assert engine_child["loaded"] == []
    assert engine_child["phonenumbers"] is False
    assert engine_child["redacted"] == "[PERSON] rang me on [PHONE] about the rota."


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


def test_the_engine_redacts_without_loading_spacys_command_line(engine_child):
    assert engine_child["cli"] == ["spacy.cli.info"]   # the unexecuted stand-in
    assert engine_child["heavy"] == []
    assert engine_child["redacted"] == "[PERSON] rang me on [PHONE] about the rota."


def _spacy_cli(first: str) -> dict:
    return _child(
        "import json, sys\n" + first + "\n"
        "import spacy\n"
        "kind = type(spacy.cli.info).__name__\n"
        "from spacy.cli._util import app\n"
        "from spacy.cli import download\n"
        "print(json.dumps({'kind': kind, 'download': download.__module__,\n"
        "  'commands': sorted(c.name for c in app.registered_commands),\n"
        "  'groups': sorted(g.name or '' for g in app.registered_groups),\n"
        "  'info_cli': sys.modules['spacy.cli.info'].info_cli.__name__,\n"
        "  'modules': sorted(m for m in sys.modules if m.startswith('spacy.cli')),\n"
        "  'info': sorted(spacy.info(silent=True))}))\n")


def test_spacys_command_line_is_all_still_there_when_asked_for():
    after_engine = _spacy_cli("from services.redactor import engine")
    plain = _spacy_cli("")
    assert after_engine == plain
    assert plain["kind"] == "function" and plain["download"] == "spacy.cli.download"
    assert {"download", "info", "train", "evaluate", "package"} <= set(plain["commands"])
    assert {"spaCy version", "spacy_version"} & set(plain["info"])


def test_the_engines_tokenizer_is_the_models_own():
    found = _child(
        "import json, spacy\n"
        "from services.redactor import engine\n"
        "stock = spacy.load(engine.spacy_model(), exclude=list(engine.UNUSED_COMPONENTS))\n"
        "ours = engine.Engine().nlp.nlp['en']\n"
        "texts = ['Dr. O\\'Neil-Smith (ward 7b) e-mailed j.okafor@nhs.net at 10:30am... \"can\\'t\" '\n"
        "         'won\\'t U.K. vs. https://x.example/a?b=1 #tag :-) 07700-900-123 £5.50 3rd-floor']\n"
        "tok = lambda nlp, t: [(x.idx, x.text) for x in nlp.tokenizer(t)]\n"
        "pattern = lambda f: f.__self__.pattern if f is not None else None\n"
        "print(json.dumps({'same_tokens': all(tok(stock, t) == tok(ours, t) for t in texts),\n"
        "  'tokens': len(tok(ours, texts[0])),\n"
        "  'same_rules': stock.tokenizer.rules == ours.tokenizer.rules,\n"
        "  'rules': len(ours.tokenizer.rules),\n"
        "  'same_patterns': [pattern(getattr(stock.tokenizer, a)) == pattern(getattr(ours.tokenizer, a))\n"
        "                    for a in ('prefix_search', 'suffix_search', 'infix_finditer',\n"
        "                              'token_match', 'url_match')]}))\n")
    assert found["same_tokens"] and found["same_rules"]
    assert found["rules"] > 1000 and found["tokens"] > 30
    assert found["same_patterns"] == [True] * 5
