"""The releases topic keeps every release for ever: cells written by an earlier method version
must still read with today's schema."""
import json

from services.contracts import events


def test_a_method_1_cell_without_percentages_still_reads():
    old = {"schema_version": 1, "release_id": "20261124-aaaa0001", "method_version": "1.0",
           "released_on": "2026-11-24", "table": "about", "period": "2026-Q4", "dims": {"about": "race"},
           "value": 15, "status": "published", "threshold": 10, "cell_index": 0, "cells_in_release": 1}
    cell = events.decode(events.ReleaseCell, json.dumps(old).encode())
    assert cell == {**old, "percent": None, "percent_of": None}
