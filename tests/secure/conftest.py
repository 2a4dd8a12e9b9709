"""A secured local broker (TLS, SCRAM-SHA-512, StandardAuthorizer, no ACL means no access) with
the ACLs of services/contracts/access.py, started once for the secure_kafka tests."""
from __future__ import annotations

import os
import uuid
from dataclasses import dataclass

import pytest

from deploy.kafka.broker import LocalBroker, free_port
from deploy.kafka.secure import ADMIN, SecureSetup
from services.common.kafka import ensure_topics
from services.contracts.topics import Topics


@dataclass
class SecureKafka:
    bootstrap: str
    setup: SecureSetup

    def topics(self) -> Topics:
        """Fresh topics, created by the administrator, with every principal's ACLs on them."""
        topics = Topics(f"sec-{uuid.uuid4().hex[:10]}")
        saved = dict(os.environ)
        os.environ.update(self.setup.env(ADMIN))
        try:
            ensure_topics(self.bootstrap, topics)
        finally:
            os.environ.clear()
            os.environ.update(saved)
        self.setup.apply_acls(self.bootstrap, topics)
        return topics


@pytest.fixture(scope="session")
def secure_kafka(tmp_path_factory):
    folder = tmp_path_factory.mktemp("secure-kafka")
    broker = LocalBroker(folder, port=free_port(), retention_check_ms=5000, secure=SecureSetup(folder / "secure"))
    broker.start()
    try:
        yield SecureKafka(broker.bootstrap, broker.secure)
    finally:
        broker.stop()
