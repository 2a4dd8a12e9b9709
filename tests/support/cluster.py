"""Three KRaft nodes (each broker and controller) on loopback, built from the single-broker
LocalBroker of deploy/kafka/broker.py: one cluster id, one controller quorum, Kafka's own
topics kept on all three, so that any one node may be killed."""
from __future__ import annotations

import asyncio
import time
from dataclasses import dataclass, field
from pathlib import Path

from aiokafka.admin import AIOKafkaAdminClient

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
            asyncio.run(self._every_broker_registered(timeout))
        except BaseException:
            self.stop()
            raise
        return self

    async def _every_broker_registered(self, timeout: float) -> None:
        """Until every node's metadata lists every node, topics would be created with fewer
        replicas (ensure_topics asks whichever broker it reaches). A client bootstrapped from
        one node alone holds that node's view of the cluster."""
        deadline = time.monotonic() + timeout
        for node in self.nodes:
            while True:
                admin = AIOKafkaAdminClient(bootstrap_servers=node.bootstrap)
                await admin.start()
                seen = len(admin._client.cluster.brokers())
                await admin.close()
                if seen >= self.size:
                    break
                if time.monotonic() > deadline:
                    raise TimeoutError(f"{node.bootstrap} sees {seen} of {self.size} brokers")
                await asyncio.sleep(0.5)

    @property
    def bootstrap(self) -> str:
        return ",".join(node.bootstrap for node in self.nodes)

    def log_dirs(self) -> list[Path]:
        return [node.log_dirs for node in self.nodes]

    def stop(self) -> None:
        for node in self.nodes:
            node.stop()
