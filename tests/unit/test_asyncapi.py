"""The integration contract stays current: docs/asyncapi.yaml is what the code generates."""
from __future__ import annotations

import dataclasses

import yaml

from services.aggregator import asyncapi
from services.contracts import events
from services.contracts.tables import TABLES


def test_the_committed_asyncapi_document_is_what_the_code_generates():
    assert asyncapi.DOCUMENT.read_text(encoding="utf-8") == asyncapi.render()
    assert asyncapi.main(["--check"]) == 0


def test_a_stale_document_is_reported(tmp_path, monkeypatch, capsys):
    stale = tmp_path / "asyncapi.yaml"
    stale.write_text(asyncapi.render().replace("percent_of", "percentage_of"), encoding="utf-8")
    monkeypatch.setattr(asyncapi, "DOCUMENT", stale)
    assert asyncapi.main(["--check"]) == 1
    assert "is out of date: run python -m services.aggregator.asyncapi --write" in capsys.readouterr().err


def test_the_document_describes_every_field_table_and_example_of_the_releases_topic():
    doc = yaml.safe_load(asyncapi.DOCUMENT.read_text(encoding="utf-8"))
    payload = doc["components"]["schemas"]["ReleaseCell"]
    assert doc["asyncapi"] == "3.0.0" and doc["channels"]["releases"]["address"] == "portal.releases.v1"
    assert set(payload["properties"]) == set(events.ReleaseCell().fields)
    fields = events.ReleaseCell().fields
    assert set(payload["required"]) == {n for n, f in fields.items() if f.required} == set(fields) - {"percent", "percent_of"}
    assert "additionalProperties" not in payload   # v1.x may add optional fields: readers ignore them
    assert all(p.get("description") for p in payload["properties"].values())
    assert payload["properties"]["value"]["type"] == ["integer", "null"]
    assert [t["id"] for t in doc["x-tables"]] == [t.id for t in TABLES]
    for example in doc["components"]["messages"]["ReleaseCell"]["examples"]:
        assert dataclasses.asdict(events.decode(events.ReleaseCell, events.encode(events.ReleaseCell,
                                                                                  example["payload"]))) \
            == example["payload"]
