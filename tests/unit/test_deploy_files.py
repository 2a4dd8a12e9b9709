"""The deploy files agree with the code: the chart's Strimzi resources are the ones the topic and
ACL definitions generate, the compose file is valid Compose and starts each service the one way
deploy/services.py knows, and the chart probes each service's own health endpoint."""
from __future__ import annotations

import json
from pathlib import Path
from urllib.parse import urlsplit

import jsonschema
import pytest
import yaml

from deploy import manifests
from deploy.services import services
from services.contracts import access

ROOT = Path(__file__).resolve().parents[2]
COMPOSE = ROOT / "deploy/compose/compose.yaml"
VALUES = yaml.safe_load((manifests.CHART / "values.yaml").read_text())


def test_the_committed_strimzi_resources_are_the_generated_ones():
    for path, text in manifests.files().items():
        assert path.read_text() == text, f"{path.name} is stale: run `python -m deploy.manifests`"


def test_each_kafka_user_carries_exactly_the_access_table():
    users = {u["metadata"]["name"]: u for u in manifests.users()}
    assert sorted(users) == sorted(f"portal-{p}" for p in access.PRINCIPALS)
    intake = users["portal-intake"]["spec"]["authorization"]["acls"]
    assert intake == [{"type": "allow", "resource": {"type": "topic", "name": "portal.raw.v1", "patternType": "literal"},
                       "operations": ["Write"], "host": "*"},
                      {"type": "allow", "resource": {"type": "topic", "name": "portal.public-keys.v1",
                                                     "patternType": "literal"}, "operations": ["Read"], "host": "*"}]
    reporter_raw = [a["operations"] for a in users["portal-reporter"]["spec"]["authorization"]["acls"]
                    if a["resource"].get("name") == "portal.raw.v1"]
    assert reporter_raw == [["Describe", "DescribeConfigs"]]


def _crd_schema(name: str) -> dict:
    crd = yaml.safe_load((ROOT / "deploy/strimzi-crds" / name).read_text())
    return crd["spec"]["versions"][0]["schema"]["openAPIV3Schema"]


def test_the_generated_resources_match_the_strimzi_crds():
    for schema, docs in ((_crd_schema("043-Crd-kafkatopic.yaml"), manifests.topics()),
                         (_crd_schema("044-Crd-kafkauser.yaml"), manifests.users())):
        for doc in docs:
            jsonschema.validate(doc | {"spec": {**doc["spec"], **({"replicas": 3} if "replicas" in doc["spec"] else {})}},
                                schema)
    bad = manifests.users()[0]
    bad["spec"]["authorization"]["acls"][0]["operations"] = ["Everything"]
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(bad, _crd_schema("044-Crd-kafkauser.yaml"))


def test_the_compose_file_is_valid_compose_and_starts_each_service_the_one_way():
    schema = json.loads((ROOT / "deploy/compose/schema/compose-spec.json").read_text())
    doc = yaml.safe_load(COMPOSE.read_text())
    jsonschema.Draft7Validator(schema).validate(doc)   # the schema's own draft
    names = {s.name for s in services({})}
    commands = {name: svc["command"] for name, svc in doc["services"].items() if name != "kafka"}
    assert commands == {**{n: ["portal-service", n] for n in names}, "topics": ["portal-service", "topics"]}
    for name in names:
        svc = doc["services"][name]
        assert svc["read_only"] is True and svc["cap_drop"] == ["ALL"] and svc["user"] == "10001:10001"
    assert "ports" not in doc["services"]["kafka"] and doc["networks"]["kafka"]["internal"] is True
    assert doc["services"]["kafka"]["environment"]["KAFKA_LOG_RETENTION_CHECK_INTERVAL_MS"] == "60000"
    broken = {**doc, "services": {**doc["services"], "intake": {**doc["services"]["intake"], "readonly": True}}}
    with pytest.raises(jsonschema.ValidationError, match="readonly"):
        jsonschema.Draft7Validator(schema).validate(broken)   # a misspelt key is caught


def test_the_chart_probes_each_service_s_health_endpoint_on_its_port():
    table = {s.name: urlsplit(s.health_url) for s in services({})}
    assert set(VALUES["services"]) == set(table)
    for name, url in table.items():
        svc = VALUES["services"][name]
        assert (svc["port"], svc["healthPath"]) == (url.port, url.path)
        env = {s.name: s for s in services({svc["portEnv"]: "9999"})}
        assert urlsplit(env[name].health_url).port == 9999   # portEnv is the setting the service reads
