"""The fault suite's own broker: its tests SIGKILL and SIGSTOP it, so it is never the session's
shared one. One for the fault suite; none is left behind."""
from __future__ import annotations

import os
import signal
import socket
import time

import pytest

from deploy.kafka.broker import LocalBroker, free_port
from services.common.kafka import ensure_topics
from services.contracts.topics import Topics


class FaultyBroker(LocalBroker):
    def signal(self, sig: int) -> None:
        os.killpg(self.process.pid, sig)

    def crash(self) -> None:
        """SIGKILL: no clean shutdown, no flush."""
        self.signal(signal.SIGKILL)
        self.process.wait(30)

    def restart(self) -> None:
        deadline = time.monotonic() + 30
        while _port_open(self.port) and time.monotonic() < deadline:
            time.sleep(0.2)
        self.start()


def _port_open(port: int) -> bool:
    with socket.socket() as s:
        s.settimeout(0.5)
        return s.connect_ex(("127.0.0.1", port)) == 0


@pytest.fixture(scope="package")
def fault_broker(tmp_path_factory):
    broker = FaultyBroker(tmp_path_factory.mktemp("fault-kafka"), port=free_port(), retention_check_ms=5000)
    broker.start()
    try:
        yield broker
    finally:
        if broker.process and broker.process.poll() is None:
            broker.signal(signal.SIGCONT)
        broker.stop()


@pytest.fixture
def fault_portal(fault_broker, tmp_path):
    """The services as processes on the fault broker, with fresh topics and no rate limit in the
    way of the load."""
    from tests.support.portal import Portal

    topics = Topics(f"fault-{os.urandom(5).hex()}")
    ensure_topics(fault_broker.bootstrap, topics)
    portal = Portal(fault_broker.bootstrap, topics, tmp_path)
    portal.env["INTAKE_RATE_LIMIT"] = "1000000/600"
    try:
        yield portal
    finally:
        portal.stop()
