"""The integration contract, generated from the code: an AsyncAPI 3.0 document for the releases
topic, built from the marshmallow schema other systems receive (`events.ReleaseCell`) and the
predefined tables (`tables.TABLES`). docs/asyncapi.yaml is its output; a test regenerates it.

    python -m services.aggregator.asyncapi            # print the document
    python -m services.aggregator.asyncapi --write    # write docs/asyncapi.yaml
    python -m services.aggregator.asyncapi --check    # exit 1 if docs/asyncapi.yaml is stale
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

import yaml
from apispec import APISpec
from apispec.ext.marshmallow import MarshmallowPlugin

from services.contracts import events, privacy
from services.contracts.questionnaire import Questionnaire, load
from services.contracts.tables import TABLES, Table
from services.contracts.topics import Topics

from .cellkey import MAX_PERTURBATION
from .release import METHOD_VERSION

DOCUMENT = Path(__file__).resolve().parents[2] / "docs" / "asyncapi.yaml"

SERVICE_METHOD = privacy.method_version(METHOD_VERSION, MAX_PERTURBATION)   # the service's default noise
# The checked-in examples (services/contracts/examples/releases/v1), written with the service's method.
EXAMPLE = events.example("releases", "cell-published")
SUPPRESSED = events.example("releases", "cell-suppressed")
REFUSAL = events.example("releases", "refusal")

DESCRIPTION = f"""\
Disclosure-controlled counts of anonymous reports of micro-aggressions by health and care staff.
Nothing here is about one person: every published cell counts at least `threshold` (10 or more)
distinct reports, every count is rounded to the nearest {privacy.ROUND_TO}, and cells are hidden
where a suppressed one could otherwise be worked out, within one release or across releases.

A release is a fixed grid of predefined tables (listed under `x-tables`), one message per cell,
suppressed cells included, all keyed by `release_id`. Releases are cut on request or at the
start of each quarter; a release id always denotes the same cells. The topic is kept forever
and may deliver a cell more than once: a release is complete once `cells_in_release` distinct
`cell_index` values have arrived. Periods run without gaps from the first month with a report
to the month the release covers up to. Compare releases only with the same `method_version`.

Tables marked `any_mention` count a report in every cell it mentions (several characteristics,
several people it came from), so their cells do not add up to the number of reports.

Compatibility: within `schema_version` 1 optional fields may be added to these messages; a reader
must ignore fields it does not know. A breaking change is published on a new topic (`.v2`),
alongside this one during a migration (docs/contracts.md)."""


def _schema(schema) -> dict:
    spec = APISpec("releases", "1", "3.1.0", plugins=[MarshmallowPlugin()])
    spec.components.schema(schema.__name__, schema=schema)
    return spec.to_dict()["components"]["schemas"][schema.__name__]


def _table(t: Table, q: Questionnaire) -> dict:
    return {"id": t.id, "title": t.title, "period": t.period, "any_mention": t.any_mention(q),
            "percent_of": t.percent_of,
            "dimensions": [{"name": d.name, "question": d.question,
                            "source": "coded from free text" if d.source else "reporter's answer",
                            "values": list(d.values(q))} for d in t.dims]}


def document(q: Questionnaire | None = None) -> dict:
    q = q or load()
    topic = Topics().releases
    return {
        "asyncapi": "3.0.0",
        "info": {"title": "Micro-aggression portal: releases", "version": f"{METHOD_VERSION}",
                 "description": DESCRIPTION},
        "defaultContentType": "application/json",
        "channels": {"releases": {
            "address": topic,
            "description": f"`{topic}` with the default topic prefix (PORTAL_TOPIC_PREFIX). Retention: kept.",
            "messages": {"releaseCell": {"$ref": "#/components/messages/ReleaseCell"},
                         "releaseRefusal": {"$ref": "#/components/messages/ReleaseRefusal"}}}},
        "operations": {"receiveReleaseCells": {
            "action": "receive", "channel": {"$ref": "#/channels/releases"},
            "summary": "Read releases: each cell of each release, in order, from the start of the topic.",
            "messages": [{"$ref": "#/channels/releases/messages/releaseCell"},
                         {"$ref": "#/channels/releases/messages/releaseRefusal"}]}},
        "components": {
            "messages": {"ReleaseCell": {
                "name": "ReleaseCell", "title": "One cell of one release", "contentType": "application/json",
                "payload": {"$ref": "#/components/schemas/ReleaseCell"},
                "bindings": {"kafka": {"key": {"type": "string", "description": "release_id"},
                                       "bindingVersion": "0.5.0"}},
                "examples": [{"name": "published", "payload": EXAMPLE},
                             {"name": "suppressed", "payload": SUPPRESSED}]},
                "ReleaseRefusal": {
                    "name": "ReleaseRefusal", "title": "A release refused, and the rule that refused it",
                    "contentType": "application/json", "payload": {"$ref": "#/components/schemas/ReleaseRefusal"},
                    "bindings": {"kafka": {"key": {"type": "string", "description": "release_id"},
                                           "bindingVersion": "0.5.0"}},
                    "examples": [{"name": "refused", "payload": REFUSAL}]}},
            "schemas": {"ReleaseCell": _schema(events.ReleaseCell),
                        "ReleaseRefusal": _schema(events.ReleaseRefusal)}},
        "x-tables": [_table(t, q) for t in TABLES],
    }


class _Dumper(yaml.SafeDumper):
    pass


_Dumper.add_representer(str, lambda d, s: d.represent_scalar("tag:yaml.org,2002:str", s, style="|" if "\n" in s else None))


def render() -> str:
    header = "# Generated by `python -m services.aggregator.asyncapi --write` from the code: do not edit.\n"
    return header + yaml.dump(document(), Dumper=_Dumper, sort_keys=False, width=100, allow_unicode=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="The AsyncAPI document of the releases topic.")
    mode = parser.add_mutually_exclusive_group()
    mode.add_argument("--write", action="store_true", help=f"write {DOCUMENT}")
    mode.add_argument("--check", action="store_true", help=f"exit 1 if {DOCUMENT} differs from the code")
    args = parser.parse_args(argv)
    text = render()
    if args.write:
        DOCUMENT.parent.mkdir(exist_ok=True)
        DOCUMENT.write_text(text, encoding="utf-8")
    elif args.check:
        if not DOCUMENT.exists() or DOCUMENT.read_text(encoding="utf-8") != text:
            print(f"{DOCUMENT} is out of date: run python -m services.aggregator.asyncapi --write", file=sys.stderr)
            return 1
    else:
        sys.stdout.write(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
