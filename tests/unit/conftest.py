"""Fixtures the unit tests share (tests/conftest.py holds the ones every suite shares)."""
from __future__ import annotations

import pytest

from services.redactor import lexicon


@pytest.fixture(scope="session")
def lex() -> lexicon.Lexicon:
    """The redactor's real word lists (lexicon.load is cached: one load a process)."""
    return lexicon.load()
