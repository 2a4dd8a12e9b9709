"""Three KRaft nodes (each broker and controller) on loopback, built from the single-broker
LocalBroker of deploy/kafka/broker.py: one cluster id, one controller quorum, Kafka's own
topics kept on all three, so that any one node may be killed."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from deploy.kafka.broker import LocalBroker, free_port, random_cluster_id


@dataclass
class LocalCluster:
    root: Path
    size: int = 3
    retention_check_ms: int = 5000
    nodes: list[LocalBroker] = field(default_factory=list)

    def start(self, timeout: float = 180.0) -> "LocalCluster":
        controller_ports = [free_port() for _ in range(self.size)]
        voters = ",".join(f"{i + 1}@127.0.0.1:{port}" for i, port in enumerate(controller_ports))
        cluster_id = random_cluster_id()
        self.nodes = [LocalBroker(self.root / f"node-{i + 1}", port=free_port(), controller_port=cp,
                                  retention_check_ms=self.retention_check_ms, node_id=i + 1, voters=voters,
                                  cluster_id=cluster_id, internal_replication=self.size)
                      for i, cp in enumerate(controller_ports)]
        try:
            for node in self.nodes:
                node.launch()
            for node in self.nodes:
                node.wait_started(timeout)
        except BaseException:
            self.stop()
            raise
        return self

    @property
    def bootstrap(self) -> str:
        return ",".join(node.bootstrap for node in self.nodes)

    def log_dirs(self) -> list[Path]:
        return [node.log_dirs for node in self.nodes]

    def stop(self) -> None:
        for node in self.nodes:
            node.stop()
