"""The four services as real processes against a real broker, with their output captured."""
from __future__ import annotations

import dataclasses
import os
import signal
import time
from dataclasses import dataclass, field
from pathlib import Path

from deploy.kafka.broker import free_port
from deploy.processes import stop_group
from deploy.services import Service, healthy, services, start
from services.common import sealing
from services.contracts.topics import Topics


PORT_SETTING = {"intake": "INTAKE_PORT", "reporter": "REPORTER_PORT",
                "redactor": "REDACTOR_HEALTH_PORT", "aggregator": "AGGREGATOR_HEALTH_PORT"}


@dataclass
class Portal:
    bootstrap: str
    topics: Topics
    workdir: Path
    token: str = "test-admin-token-not-secret"
    env: dict[str, str] = field(default_factory=dict)
    procs: dict = field(default_factory=dict)
    table: dict[str, Service] = field(default_factory=dict)
    service_env: dict[str, dict[str, str]] = field(default_factory=dict)   # one service's own settings

    def __post_init__(self):
        self.env = {
            "KAFKA_BOOTSTRAP_SERVERS": self.bootstrap,
            "PORTAL_TOPIC_PREFIX": self.topics.prefix,
            "INTAKE_PORT": str(free_port()),
            "REPORTER_PORT": str(free_port()),
            "REDACTOR_HEALTH_PORT": str(free_port()),
            "AGGREGATOR_HEALTH_PORT": str(free_port()),
            "AGGREGATOR_STATE_DIR": str(self.workdir / "aggregator"),
            "REPORTER_STATE_DIR": str(self.workdir / "reporter"),
            "REPORTER_API_TOKEN": self.token,
            "REPORTER_INSECURE_COOKIES": "1",
            "RAW_KEYS_DIR": str(self.keys_dir),
            "AGGREGATOR_RELEASE_DELAY_SECONDS": "2",   # production: 60
        }
        if not list(self.keys_dir.glob("*.public")):
            sealing.generate(self.keys_dir)
        self.table = {s.name: s for s in services(self.env)}

    @property
    def keys_dir(self) -> Path:
        return self.workdir / "keys"

    @property
    def intake(self) -> str:
        return f"http://127.0.0.1:{self.env['INTAKE_PORT']}"

    @property
    def reporter(self) -> str:
        return f"http://127.0.0.1:{self.env['REPORTER_PORT']}"

    def replica(self, name: str) -> str:
        """Another process of service `name` on its own port, as `name-2`, `name-3`...: start
        it with start(); it shares the topics, groups and key folder of the first."""
        port_var = PORT_SETTING[name]
        replica = f"{name}-{sum(1 for n in self.table if n.split('-')[0] == name) + 1}"
        env = {**self.env, port_var: str(free_port())}
        self.table[replica] = dataclasses.replace(next(s for s in services(env) if s.name == name), name=replica)
        self.service_env[replica] = {**self.service_env.get(name, {}), port_var: env[port_var]}
        return replica

    def url(self, name: str) -> str:
        """The address of a web service or replica (intake, intake-2, reporter...)."""
        setting = PORT_SETTING[name.split("-")[0]]
        return f"http://127.0.0.1:{self.service_env.get(name, {}).get(setting, self.env[setting])}"

    def log_path(self, name: str) -> Path:
        return self.workdir / f"{name}.log"

    def start(self, *names: str, timeout: float = 90) -> "Portal":
        for name in names or self.table:
            out = open(self.log_path(name), "ab")
            self.procs[name] = start(self.table[name], {**self.env, **self.service_env.get(name, {})}, stdout=out)
        deadline = time.monotonic() + timeout
        for name in names or self.table:
            while not healthy(self.table[name].health_url):
                if self.procs[name].poll() is not None:
                    raise RuntimeError(f"{name} exited: see {self.log_path(name)}")
                if time.monotonic() > deadline:
                    raise TimeoutError(f"{name} not healthy")
                time.sleep(0.3)
        return self

    def kill(self, name: str, sig=signal.SIGKILL) -> None:
        proc = self.procs.pop(name)
        os.killpg(proc.pid, sig)
        proc.wait(30)

    def stop(self) -> None:
        """Every service still running stopped (one that has exited already is left alone, so a
        test's own failure is not hidden behind a teardown error)."""
        for name in list(self.procs):
            stop_group(self.procs.pop(name))

    def logs(self) -> str:
        return "".join(self.log_path(n).read_text(errors="replace")
                       for n in self.table if self.log_path(n).exists())
