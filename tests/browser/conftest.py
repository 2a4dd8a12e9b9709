"""Fixtures for the browser tests; the browser itself and axe-core come from
tests/support/browser.py, shared with the reporter's browser test."""
from __future__ import annotations

from pathlib import Path

import pytest

from tests.support.browser import AXE, artifacts_for


@pytest.fixture(scope="session")
def axe_source() -> str:
    return AXE.read_text()


@pytest.fixture
def artifacts(request) -> Path:
    return artifacts_for(request.node.name.replace("[", "-").rstrip("]"))
