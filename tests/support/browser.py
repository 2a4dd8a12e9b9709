"""Headless Chromium (Debian's package, installed by `make test`) driven by Playwright, and
axe-core from the locked npm packages: the same set-up as the intake's browser tests."""
from __future__ import annotations

import os
import re
from contextlib import contextmanager
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = Path(os.environ.get("CHROMIUM", "/usr/bin/chromium"))
AXE = ROOT / "node_modules/axe-core/axe.min.js"
ARTIFACTS = ROOT / "test-artifacts/browser"
WCAG_22_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]


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


def artifacts_for(name: str) -> Path:
    folder = ARTIFACTS / re.sub(r"[^A-Za-z0-9_-]+", "-", name)
    folder.mkdir(parents=True, exist_ok=True)
    for old in folder.glob("*.png"):
        old.unlink()
    return folder


def axe_violations(page) -> list:
    """axe-core's WCAG 2.2 AA violations on the page as it is; fails if axe ran no rule."""
    page.evaluate(AXE.read_text())
    result = page.evaluate("tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", WCAG_22_AA)
    assert result["passes"], "axe ran no rule"
    return [(v["id"], [n["target"] for n in v["nodes"]]) for v in result["violations"]]
