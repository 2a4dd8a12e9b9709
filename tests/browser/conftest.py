"""Headless Chromium (Debian's package, installed by `make test`) driven by Playwright, against
the intake started as in production. No browser is downloaded."""
from __future__ import annotations

import os
from contextlib import contextmanager
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = Path(os.environ.get("CHROMIUM", "/usr/bin/chromium"))
AXE = ROOT / "node_modules/axe-core/axe.min.js"
ARTIFACTS = ROOT / "test-artifacts/browser"


@contextmanager
def chromium():
    """A headless Chromium. Playwright's sync API runs an event loop in this thread while it is
    open, so the Kafka helpers (asyncio.run) are called before or after, never inside."""
    for needed, how in ((CHROMIUM, "make browser"), (AXE, "make assets")):
        if not needed.exists():
            pytest.fail(f"{needed} is missing: run `{how}` (make test does both)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM))
        try:
            yield b
        finally:
            b.close()


@pytest.fixture(scope="session")
def axe_source() -> str:
    return AXE.read_text()


@pytest.fixture
def artifacts(request) -> Path:
    folder = ARTIFACTS / request.node.name.replace("[", "-").rstrip("]")
    folder.mkdir(parents=True, exist_ok=True)
    for old in folder.glob("*.png"):
        old.unlink()
    return folder
