"""The Helm chart, checked the way a platform team's CI would: `helm lint`, `helm template`, and
every rendered manifest validated against the Kubernetes schemas (kubernetes-validate) or the
Strimzi CRDs kept in deploy/strimzi-crds. The Helm CLI is built from the Go module proxy into
.cache/helm the first time (`make helm`); a machine with neither fails here, loudly."""
from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import jsonschema
import kubernetes_validate
import pytest
import yaml

from deploy import manifests

ROOT = Path(__file__).resolve().parents[2]
HELM_VERSION = "v3.21.4"
HELM = ROOT / ".cache" / "helm" / HELM_VERSION / "helm"
KUBERNETES = "1.33"
VALUES = yaml.safe_load((manifests.CHART / "values.yaml").read_text())


def helm_binary() -> Path:
    if not HELM.exists():
        go = shutil.which("go")
        if go is None:
            pytest.fail(f"no helm at {HELM} and no Go toolchain to build it (make helm)")
        subprocess.run([go, "install", f"helm.sh/helm/v3/cmd/helm@{HELM_VERSION}"], check=True, timeout=3600,
                       env={**os.environ, "GOBIN": str(HELM.parent), "GOFLAGS": "-mod=mod"})
    return HELM


@pytest.fixture(scope="module")
def helm(tmp_path_factory):
    home = tmp_path_factory.mktemp("helm-home")
    binary = helm_binary()
    env = {**os.environ, "HELM_CACHE_HOME": str(home / "cache"), "HELM_CONFIG_HOME": str(home / "config"),
           "HELM_DATA_HOME": str(home / "data")}

    def run(*args: str) -> subprocess.CompletedProcess:
        return subprocess.run([str(binary), *args], capture_output=True, text=True, env=env, timeout=120)
    return run


def rendered(helm, *sets: str) -> list[dict]:
    out = helm("template", "portal", str(manifests.CHART), *[a for s in sets for a in ("--set", s)])
    assert out.returncode == 0, out.stderr
    return [d for d in yaml.safe_load_all(out.stdout) if d]


def _crd(name: str) -> dict:
    crd = yaml.safe_load((ROOT / "deploy/strimzi-crds" / name).read_text())
    return crd["spec"]["versions"][0]["schema"]["openAPIV3Schema"]


def test_helm_lint_passes_strictly(helm):
    out = helm("lint", "--strict", str(manifests.CHART))
    assert out.returncode == 0, out.stdout + out.stderr
    assert "1 chart(s) linted, 0 chart(s) failed" in out.stdout


def test_every_rendered_manifest_is_valid_against_kubernetes_or_the_strimzi_crds(helm):
    docs = rendered(helm)
    crds = {"KafkaTopic": _crd("043-Crd-kafkatopic.yaml"), "KafkaUser": _crd("044-Crd-kafkauser.yaml")}
    kinds = {}
    for doc in docs:
        kinds[doc["kind"]] = kinds.get(doc["kind"], 0) + 1
        if doc["kind"] in crds:
            jsonschema.validate(doc, crds[doc["kind"]])
        else:
            kubernetes_validate.validate(doc, KUBERNETES, strict=True)
    assert kinds == {"KafkaTopic": 9, "KafkaUser": 5, "Deployment": 4, "Service": 2, "NetworkPolicy": 4,
                     "PersistentVolumeClaim": 2}
    # a mistake is caught: an unknown field in a Deployment's container
    deployment = next(d for d in docs if d["kind"] == "Deployment")
    deployment["spec"]["template"]["spec"]["containers"][0]["livenessProbes"] = {}
    with pytest.raises(kubernetes_validate.ValidationError):
        kubernetes_validate.validate(deployment, KUBERNETES, strict=True)


def test_each_service_is_probed_limited_isolated_and_started_by_the_one_image(helm):
    docs = rendered(helm)
    deployments = {d["metadata"]["labels"]["app.kubernetes.io/component"]: d for d in docs if d["kind"] == "Deployment"}
    policies = {d["spec"]["podSelector"]["matchLabels"]["app.kubernetes.io/component"]: d
                for d in docs if d["kind"] == "NetworkPolicy"}
    assert set(deployments) == set(policies) == set(VALUES["services"])
    for name, d in deployments.items():
        pod = d["spec"]["template"]["spec"]
        (c,) = pod["containers"]
        port = VALUES["services"][name]["port"]
        assert c["image"] == "microaggression-portal:0.1.0" and c["command"] == ["portal-service", name]
        assert c["ports"] == [{"name": "http", "containerPort": port}]
        for probe in ("livenessProbe", "readinessProbe"):
            assert c[probe]["httpGet"] == {"path": "/healthz", "port": "http"}
        assert set(c["resources"]["requests"]) == {"cpu", "memory"}
        assert c["securityContext"]["readOnlyRootFilesystem"] is True and pod["securityContext"]["runAsNonRoot"] is True
        env = {e["name"]: e.get("value") for e in c["env"]}
        assert env["KAFKA_SASL_USERNAME"] == manifests.user_name(name) and env["KAFKA_SECURITY_PROTOCOL"] == "SASL_SSL"
        assert "KAFKA_SASL_PASSWORD" not in env and env["KAFKA_SASL_PASSWORD_FILE"].startswith("/var/run/secrets/")
        egress_ports = [p["port"] for rule in policies[name]["spec"]["egress"] for p in rule["ports"]]
        assert egress_ports == [9093, 53, 53]
        assert bool(policies[name]["spec"]["ingress"]) == VALUES["services"][name]["expose"]
    claims = {d["metadata"]["name"] for d in docs if d["kind"] == "PersistentVolumeClaim"}
    assert claims == {"portal-keys", "portal-aggregator"}   # keys and counts: no volume holds report text
    mounted = {name: sorted(v["persistentVolumeClaim"]["claimName"] for v in d["spec"]["template"]["spec"]["volumes"]
                            if "persistentVolumeClaim" in v) for name, d in deployments.items()}
    assert mounted == {"intake": ["portal-keys"], "redactor": ["portal-keys"], "aggregator": ["portal-aggregator"],
                       "reporter": []}
    assert not any(d["kind"] == "Secret" for d in docs)   # credentials come from Secrets made elsewhere
    # Every intake replica reads the same form-signing key (production: INTAKE_HSTS=1 requires it).
    (intake,) = deployments["intake"]["spec"]["template"]["spec"]["containers"]
    assert intake["envFrom"] == [{"secretRef": {"name": "portal-intake-form-key"}}]
    assert {e["name"]: e.get("value") for e in intake["env"]}["INTAKE_HSTS"] == "1"


def test_with_a_verify_key_the_intakes_read_signed_keys_from_kafka_and_mount_no_key_volume(helm):
    verify = "ab" * 32
    docs = rendered(helm, f"sealingVerifyKey={verify}")
    intake = next(d for d in docs if d["kind"] == "Deployment" and d["metadata"]["name"].endswith("-intake"))
    pod = intake["spec"]["template"]["spec"]
    env = {e["name"]: e.get("value") for e in pod["containers"][0]["env"]}
    assert env["SEALING_VERIFY_KEY"] == verify and "RAW_KEYS_DIR" not in env
    assert not any("persistentVolumeClaim" in v for v in pod["volumes"])


def test_without_strimzi_the_chart_leaves_topics_and_users_to_the_platform(helm):
    kinds = {d["kind"] for d in rendered(helm, "kafka.strimzi.enabled=false")}
    assert "KafkaTopic" not in kinds and "KafkaUser" not in kinds and "Deployment" in kinds
