"""Shared fixtures. Tests that need Kafka get it from one fixture, in this order:
KAFKA_BOOTSTRAP_SERVERS if set; a testcontainers Kafka if a Docker engine answers; otherwise a
local broker from the Maven Central cache. The choice is printed."""
from __future__ import annotations

import os
import re
import uuid

import pytest
from flask import Flask
from jinja2 import BytecodeCache

from services.common.kafka import ensure_topics
from services.contracts.topics import Topics


class _CompiledTemplates(BytecodeCache):
    """Compiled templates kept for the whole test session. Each test makes a fresh app, and each
    app's Jinja environment would otherwise parse and compile every page and design-system macro
    again (most of an intake page test's time). Jinja checks each entry against its template's
    source, so an edited template is compiled afresh; entries are kept apart by the options that
    change the compiled code (extensions, autoescape)."""

    def __init__(self):
        self._code: dict[tuple, bytes] = {}

    @staticmethod
    def _key(bucket) -> tuple:
        env = bucket.environment
        return bucket.key, tuple(sorted(env.extensions)), repr(env.autoescape), getattr(env, "newstyle_gettext", None)

    def load_bytecode(self, bucket) -> None:
        code = self._code.get(self._key(bucket))
        if code is not None:
            bucket.bytecode_from_string(code)

    def dump_bytecode(self, bucket) -> None:
        self._code[self._key(bucket)] = bucket.bytecode_to_string()


# Every Flask app made in a test starts from these options (the services add theirs to them).
Flask.jinja_options = {**Flask.jinja_options, "bytecode_cache": _CompiledTemplates()}


def _leaves_out_slow(expression: str) -> bool:
    """Whether `-m expression` selects no test marked slow, whatever its other markers."""
    from itertools import product

    from _pytest.mark.expression import Expression

    names = sorted(set(re.findall(r"[A-Za-z_][A-Za-z0-9_]*", expression)) - {"and", "or", "not", "slow"})
    compiled = Expression.compile(expression)
    return not any(compiled.evaluate(lambda name, **_: name == "slow" or values.get(name, False))
                   for values in (dict(zip(names, bits)) for bits in product((False, True), repeat=len(names))))


def pytest_ignore_collect(collection_path, config):
    """A test module marked slow as a whole (`pytestmark = pytest.mark.slow`, or a list holding
    it) is not even imported when the marker expression leaves slow tests out, as `make unit`'s
    does: importing those modules (spaCy, schemathesis, WeasyPrint) cost the unit suite about two
    CPU seconds for tests it never runs."""
    expression = config.getoption("markexpr")
    if not expression or collection_path.suffix != ".py" or not collection_path.name.startswith("test_"):
        return None
    if re.search(r"^pytestmark = .*\bpytest\.mark\.slow\b", collection_path.read_text(), re.M) \
            and _leaves_out_slow(expression):
        return True
    return None


def _docker_answers() -> bool:
    try:
        import docker

        docker.from_env(timeout=3).ping()
        return True
    except Exception:
        return False


def _say(config, line: str) -> None:
    reporter = config.pluginmanager.get_plugin("terminalreporter")
    if reporter:
        reporter.write_line(line)


@pytest.fixture(scope="session")
def kafka(request, tmp_path_factory):
    """A dict with the broker's bootstrap address and, for a local broker, its log dirs."""
    if os.environ.get("KAFKA_BOOTSTRAP_SERVERS"):
        _say(request.config, f"kafka fixture: KAFKA_BOOTSTRAP_SERVERS={os.environ['KAFKA_BOOTSTRAP_SERVERS']}")
        yield {"bootstrap": os.environ["KAFKA_BOOTSTRAP_SERVERS"], "log_dirs": None}
        return
    if _docker_answers():
        from testcontainers.kafka import KafkaContainer

        with KafkaContainer().with_kraft() as container:
            _say(request.config, "kafka fixture: testcontainers Kafka")
            yield {"bootstrap": container.get_bootstrap_server(), "log_dirs": None}
        return
    from deploy.kafka.broker import LocalBroker, free_port

    broker = LocalBroker(tmp_path_factory.mktemp("kafka"), port=free_port(), retention_check_ms=5000)
    broker.start()
    _say(request.config, f"kafka fixture: local broker from the cache at {broker.bootstrap}")
    try:
        yield {"bootstrap": broker.bootstrap, "log_dirs": broker.log_dirs}
    finally:
        broker.stop()


@pytest.fixture
def kafka_cluster(request, tmp_path_factory):
    """Three KRaft brokers on loopback (tests/support/cluster.py), for tests marked `cluster`;
    a test may kill any one node."""
    from tests.support.cluster import LocalCluster

    cluster = LocalCluster(tmp_path_factory.mktemp("kafka-cluster")).start()
    _say(request.config, f"kafka_cluster fixture: three local brokers at {cluster.bootstrap}")
    try:
        yield cluster
    finally:
        cluster.stop()


@pytest.fixture
def topics(kafka) -> Topics:
    """A fresh set of topics, so each test starts from empty."""
    t = Topics(f"test-{uuid.uuid4().hex[:10]}")
    ensure_topics(kafka["bootstrap"], t)
    return t


@pytest.fixture
def portal(kafka, topics, tmp_path):
    """All four services, started as processes on the test broker with fresh topics."""
    from tests.support.portal import Portal

    p = Portal(kafka["bootstrap"], topics, tmp_path)
    try:
        yield p
    finally:
        p.stop()


@pytest.fixture
def keys_dir(tmp_path):
    """A folder with one fresh sealing key pair."""
    from services.common import sealing

    folder = tmp_path / "keys"
    sealing.generate(folder)
    return folder


@pytest.fixture(scope="session")
def postgres(request):
    """A throwaway PostgreSQL cluster on a free loopback port (tests/support/postgres.py), for the
    tests marked `postgres`; each test makes its own database with `create_database()`."""
    from tests.support.postgres import BIN, LocalPostgres, available

    if not available():
        pytest.fail(f"PostgreSQL 15 binaries missing from {BIN}: run `make pg`")
    server = LocalPostgres().start()
    _say(request.config, f"postgres fixture: throwaway cluster at 127.0.0.1:{server.port}")
    try:
        yield server
    finally:
        server.stop()
