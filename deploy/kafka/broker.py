"""A real single-node Apache Kafka broker (KRaft) from Maven Central, needing only Java 17+.

The jars are listed with their SHA-256 in jars.lock, fetched once into a cache folder and
verified; a jar whose checksum differs is deleted and the fetch fails.
"""
from __future__ import annotations

import argparse
import hashlib
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from deploy.processes import stop_group
from services.contracts import privacy

if TYPE_CHECKING:
    from .secure import SecureSetup

HERE = Path(__file__).parent
LOCK = HERE / "jars.lock"
ROOT = HERE.parent.parent
DEFAULT_CACHE = ROOT / ".cache" / "kafka"
DEFAULT_REPOSITORY = "https://repo.maven.apache.org/maven2"


class BrokerError(RuntimeError):
    pass


def random_cluster_id(cache: Path = DEFAULT_CACHE) -> str:
    lib = ensure_jars(cache)
    return subprocess.run([shutil.which("java") or "java", "-cp", f"{lib}/*", "kafka.tools.StorageTool",
                           "random-uuid"], check=True, capture_output=True, text=True).stdout.strip()


def sha256_of(path: Path) -> str:
    """The SHA-256 of a file, read in blocks: how every download of the set-up is checked."""
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def locked_jars() -> list[tuple[str, str]]:
    rows = []
    for line in LOCK.read_text().splitlines():
        if line.strip() and not line.startswith("#"):
            digest, rel = line.split()
            rows.append((digest, rel))
    return rows


def ensure_jars(cache: Path = DEFAULT_CACHE, repository: str | None = None) -> Path:
    """Fetch every locked jar not yet cached; verify every checksum. Returns the lib folder."""
    repository = (repository or os.environ.get("MAVEN_REPOSITORY_URL") or DEFAULT_REPOSITORY).rstrip("/")
    lib = cache / "lib"
    lib.mkdir(parents=True, exist_ok=True)
    for digest, rel in locked_jars():
        target = lib / Path(rel).name
        if target.exists() and sha256_of(target) == digest:
            continue
        print(f"fetching {Path(rel).name}", file=sys.stderr)
        with tempfile.NamedTemporaryFile(dir=lib, delete=False) as tmp:
            with urllib.request.urlopen(f"{repository}/{rel}", timeout=120) as resp:
                shutil.copyfileobj(resp, tmp)
        tmp_path = Path(tmp.name)
        if sha256_of(tmp_path) != digest:
            tmp_path.unlink()
            raise BrokerError(f"checksum mismatch for {rel}: refusing to use it")
        tmp_path.replace(target)
    return lib


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _port_open(port: int) -> bool:
    with socket.socket() as s:
        s.settimeout(0.5)
        return s.connect_ex(("127.0.0.1", port)) == 0


LOG4J = """log4j.rootLogger=WARN, file
log4j.appender.file=org.apache.log4j.FileAppender
log4j.appender.file.File={log}
log4j.appender.file.layout=org.apache.log4j.PatternLayout
log4j.appender.file.layout.ConversionPattern=[%d] %p %m (%c)%n
log4j.logger.kafka.server.KafkaServer=INFO
log4j.logger.kafka.server.BrokerServer=INFO
"""


@dataclass
class LocalBroker:
    """One KRaft broker+controller on loopback. `data_dir` holds its logs and log.dirs."""
    data_dir: Path
    port: int = 9092
    controller_port: int = 0
    cache: Path = DEFAULT_CACHE
    retention_check_ms: int = privacy.BROKER_RETENTION_CHECK_MS
    secure: "SecureSetup | None" = None   # TLS + SCRAM + ACLs (deploy/kafka/secure.py); None: PLAINTEXT
    node_id: int = 1
    voters: str | None = None         # the controller quorum; None: this node alone
    cluster_id: str | None = None     # shared by every node of a cluster; None: made (or read) here
    internal_replication: int = 1     # copies of Kafka's own offsets and transaction topics
    process: subprocess.Popen | None = field(default=None, repr=False)

    @property
    def bootstrap(self) -> str:
        return f"127.0.0.1:{self.port}"

    @property
    def log_dirs(self) -> Path:
        return self.data_dir / "log-dirs"

    def _properties(self) -> str:
        cp = self.controller_port
        plain = [
            f"listeners=PLAINTEXT://127.0.0.1:{self.port},CONTROLLER://127.0.0.1:{cp}",
            f"advertised.listeners=PLAINTEXT://127.0.0.1:{self.port}",
            "inter.broker.listener.name=PLAINTEXT",
            "listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT",
        ]
        return "\n".join([
            "process.roles=broker,controller",
            f"node.id={self.node_id}",
            f"controller.quorum.voters={self.voters or f'{self.node_id}@127.0.0.1:{cp}'}",
            *(self.secure.properties(self.port, cp) if self.secure else plain),
            "controller.listener.names=CONTROLLER",
            f"log.dirs={self.log_dirs}",
            "num.partitions=1",
            f"offsets.topic.replication.factor={self.internal_replication}",
            "offsets.topic.num.partitions=3",
            f"transaction.state.log.replication.factor={self.internal_replication}",
            f"transaction.state.log.min.isr={min(2, self.internal_replication)}",
            "group.initial.rebalance.delay.ms=0",
            "auto.create.topics.enable=false",
            f"log.retention.check.interval.ms={self.retention_check_ms}",
            "",
        ])

    def start(self, timeout: float = 90.0) -> "LocalBroker":
        self.launch()
        return self.wait_started(timeout)

    def launch(self) -> "LocalBroker":
        """Format the data folder if new and start the process, without waiting: the nodes of a
        cluster start only once a quorum of controllers runs, so all are launched first."""
        if _port_open(self.port):
            raise BrokerError(f"port {self.port} is already in use: is another broker running?")
        lib = ensure_jars(self.cache)
        self.controller_port = self.controller_port or free_port()
        self.data_dir.mkdir(parents=True, exist_ok=True)
        if self.secure:
            self.secure.prepare()
        props = self.data_dir / "server.properties"
        props.write_text(self._properties())
        (self.data_dir / "log4j.properties").write_text(LOG4J.format(log=self.data_dir / "broker.log"))
        java = [shutil.which("java") or "java", "-Xms256m", "-Xmx512m",
                f"-Dlog4j.configuration=file:{self.data_dir / 'log4j.properties'}",
                "-cp", f"{lib}/*"]
        cluster_id = self.cluster_id or self._cluster_id() or random_cluster_id(self.cache)
        subprocess.run(java + ["kafka.tools.StorageTool", "format", "-t", cluster_id, "-c", str(props),
                               "--ignore-formatted", *(self.secure.format_args() if self.secure else ())],
                       check=True, capture_output=True)
        out = open(self.data_dir / "broker.stdout", "ab")
        self.process = subprocess.Popen(java + ["kafka.Kafka", str(props)], stdout=out,
                                        stderr=subprocess.STDOUT, start_new_session=True)
        return self

    def wait_started(self, timeout: float = 90.0) -> "LocalBroker":
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise BrokerError(f"broker exited with {self.process.returncode}; see {self.data_dir}/broker.log")
            if _port_open(self.port) and "started" in self._log_tail():
                return self
            time.sleep(0.3)
        self.stop()
        raise BrokerError(f"broker did not start within {timeout}s; see {self.data_dir}/broker.log")

    def _cluster_id(self) -> str | None:
        """The id of a data folder formatted by an earlier run (`make run` keeps .state/kafka)."""
        meta = self.log_dirs / "meta.properties"
        if not meta.exists():
            return None
        for line in meta.read_text().splitlines():
            if line.startswith("cluster.id="):
                return line.split("=", 1)[1].strip()
        return None

    def _log_tail(self) -> str:
        log = self.data_dir / "broker.log"
        return log.read_text(errors="replace")[-20000:] if log.exists() else ""

    def kill(self) -> None:
        """SIGKILL: the node goes as a crashed machine would, without a controlled shutdown."""
        if self.process and self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait()

    def stop(self) -> None:
        stop_group(self.process)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("command", choices=["fetch"])
    parser.parse_args(argv)
    print(ensure_jars())


if __name__ == "__main__":
    main()
