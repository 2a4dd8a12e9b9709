"""The lexicon's lists are built once and kept as JSON in the cache directory; a broken or
unwritable cache is rebuilt or ignored, never trusted."""
from __future__ import annotations

import json

from services.redactor import lexicon

LISTS = {"given": ["adaeze"], "family": ["okafor"], "english": ["ward"], "keep": ["muslim"],
         "lookalikes": [["а", "a"]], "word_names": ["rose"]}


def counting_build(monkeypatch):
    calls = []

    def build():
        calls.append(1)
        return json.loads(json.dumps(LISTS))
    monkeypatch.setattr(lexicon, "_build", build)
    return calls


def test_the_lists_are_built_once_then_read_from_the_cache(tmp_path, monkeypatch):
    monkeypatch.setenv("REDACTOR_CACHE_DIR", str(tmp_path / "c"))
    calls = counting_build(monkeypatch)
    assert lexicon._cached_lists() == LISTS
    assert lexicon._cached_lists() == LISTS
    assert calls == [1]
    [written] = (tmp_path / "c").glob("lexicon-*.json")
    assert json.loads(written.read_text()) == LISTS


def test_a_broken_cache_file_is_rebuilt(tmp_path, monkeypatch):
    monkeypatch.setenv("REDACTOR_CACHE_DIR", str(tmp_path))
    calls = counting_build(monkeypatch)
    lexicon._cached_lists()
    [written] = tmp_path.glob("lexicon-*.json")
    written.write_text('{"given": ')
    assert lexicon._cached_lists() == LISTS
    written.write_text('{"given": []}')
    assert lexicon._cached_lists() == LISTS
    assert calls == [1, 1, 1]


def test_an_unwritable_cache_directory_is_ignored(tmp_path, monkeypatch):
    blocker = tmp_path / "file"
    blocker.write_text("not a directory")
    monkeypatch.setenv("REDACTOR_CACHE_DIR", str(blocker / "sub"))
    calls = counting_build(monkeypatch)
    assert lexicon._cached_lists() == LISTS
    assert calls == [1]
