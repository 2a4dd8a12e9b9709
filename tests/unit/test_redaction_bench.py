"""`portal-redact-bench` refuses bad input with a specific message and never echoes text."""
from __future__ import annotations

import pytest

from services.redactor import bench

pytestmark = pytest.mark.slow   # the model, rendering or a benchmark: not in `make unit`


def test_a_missing_corpus_is_named_by_its_error_class(tmp_path, capsys):
    assert bench.main([str(tmp_path / "absent.jsonl")]) == 2
    assert capsys.readouterr().err == "portal-redact-bench: cannot read the corpus (FileNotFoundError)\n"


def test_a_line_without_text_is_named_by_its_number_and_its_content_is_not_shown(tmp_path, capsys):
    corpus = tmp_path / "c.jsonl"
    corpus.write_text('{"id": "1", "text": "fine"}\n{"id": "2", "body": "Zanele Mokoena"}\n')
    assert bench.main([str(corpus)]) == 2
    err = capsys.readouterr().err
    assert err == "portal-redact-bench: corpus line 2: needs an object with a string 'text'\n"


def test_an_empty_corpus_is_refused(tmp_path, capsys):
    corpus = tmp_path / "c.jsonl"
    corpus.write_text("\n")
    assert bench.main([str(corpus)]) == 2
    assert capsys.readouterr().err == "portal-redact-bench: the corpus has no texts\n"


def test_fewer_than_one_round_is_refused(tmp_path):
    with pytest.raises(SystemExit) as exit_:
        bench.main(["--rounds", "0", str(tmp_path / "c.jsonl")])
    assert exit_.value.code == 2
