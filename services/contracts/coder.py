"""What the release's method box says about the theme coder: its name, its model and the precision
and recall measured on its frozen test split. One file (`coder.json`), written by
`python -m services.aggregator.coding_eval --card` and read by the reporter; a test fails when it
no longer matches the coder the aggregator runs."""
from __future__ import annotations

import json
from functools import cache
from pathlib import Path

CARD = Path(__file__).with_name("coder.json")


@cache
def card() -> dict:
    with open(CARD, encoding="utf-8") as fh:
        return json.load(fh)
