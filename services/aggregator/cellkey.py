"""Cell-key perturbation, as ONS used for the 2021 Census tables (disclosure.md rule 13). Pure.

Each report gets a random record key (0-255) when it is counted; a cell's key is the sum of its
reports' record keys modulo 256, kept beside its count (`state.Store`). A cell's perturbation is
a fixed function of that key (the p-table below), so the same reports always give the same
published value, whoever asks and however often, while a cell that gained even one report has a
fresh, unpredictable perturbation: the difference between two releases carries noise. Only cells
of at least the threshold are published, so only they are perturbed; then they are rounded.

The p-table: a perturbation of 0 with probability 0.4, of +1 or -1 with 0.2 each, of +2 or -2
with 0.1 each (mean 0, variance 1.2). `MAX_PERTURBATION` is published in every release's
`method_version` and in the report's methods box: |published - true| <= 2 + 2 (noise, then
rounding to 5).
"""
from __future__ import annotations

import hashlib
import hmac
import secrets
from bisect import bisect_right
from dataclasses import dataclass

from .counting import CellKey

KEY_RANGE = 256
MAX_PERTURBATION = 2
# Upper edges of each perturbation's share of the 256 cell keys: -2 26, -1 51, 0 102, +1 51, +2 26.
_EDGES = (26, 77, 179, 230, 256)
_VALUES = (-2, -1, 0, 1, 2)


def record_key() -> int:
    """A report's random record key, drawn once when it is counted."""
    return secrets.randbelow(KEY_RANGE)


@dataclass(frozen=True)
class RecordKeys:
    """Record keys the same wherever a report is counted: a keyed hash of its event id under a
    random secret kept in the shared store (state.py). The answers and the coded themes are
    counted in two stages (handlers.py); both give a report the same key, so cells of the two
    with the same reports get the same perturbation, as one random draw per report would."""
    secret: bytes

    def __call__(self, event_id: str) -> int:
        return hmac.new(self.secret, event_id.encode(), hashlib.sha256).digest()[0]   # 0-255: KEY_RANGE

    def __repr__(self) -> str:
        return "RecordKeys(secret=...)"


def combine(cell_key: int, record: int) -> int:
    return (cell_key + record) % KEY_RANGE


def perturbation(cell_key: int) -> int:
    return _VALUES[bisect_right(_EDGES, cell_key % KEY_RANGE)]


@dataclass(frozen=True)
class CellKeyPerturbation:
    """`release.Policy(perturbation=CellKeyPerturbation())`: the release step adds
    `perturbation(cell key)` to each count at or over the threshold before rounding."""
    widen: int = MAX_PERTURBATION

    def apply(self, key: CellKey, n: int, cell_key: int) -> int:
        return max(0, n + perturbation(cell_key))
