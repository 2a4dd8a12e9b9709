"""How each service is started as a process: one definition, used by `make run` and the tests."""
from __future__ import annotations

import os
import subprocess
import sys
import urllib.request
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
INTAKE_GUNICORN = ROOT / "services/intake/gunicorn_conf.py"   # no access log; see the file


@dataclass(frozen=True)
class Service:
    name: str
    argv: tuple[str, ...]
    health_url: str


def services(env: dict[str, str]) -> list[Service]:
    intake_port = env.get("INTAKE_PORT", "8000")
    reporter_port = env.get("REPORTER_PORT", "8001")
    redactor_port = env.get("REDACTOR_HEALTH_PORT", "8002")
    aggregator_port = env.get("AGGREGATOR_HEALTH_PORT", "8003")
    gunicorn = str(BIN / "gunicorn")
    host = env.get("PORTAL_BIND_HOST", "127.0.0.1")   # 0.0.0.0 in a container (compose, Helm)
    return [
        Service("intake", (gunicorn, "--config", str(INTAKE_GUNICORN), "--bind", f"{host}:{intake_port}",
                           "services.intake.wsgi:app"), f"http://127.0.0.1:{intake_port}/healthz"),
        Service("redactor", (sys.executable, "-m", "services.redactor.app"),
                f"http://127.0.0.1:{redactor_port}/healthz"),
        Service("aggregator", (sys.executable, "-m", "services.aggregator.app"),
                f"http://127.0.0.1:{aggregator_port}/healthz"),
        Service("reporter", (gunicorn, "--workers", "1", "--threads", "4", "--bind",
                             f"{host}:{reporter_port}", "--error-logfile", "-",
                             "--log-level", "warning", "services.reporter.wsgi:app"),
                f"http://127.0.0.1:{reporter_port}/healthz"),
    ]


def healthy(url: str) -> bool:
    try:
        with urllib.request.urlopen(url, timeout=2) as resp:
            return resp.status < 300
    except OSError:
        return False


def start(service: Service, env: dict[str, str], stdout=None) -> subprocess.Popen:
    return subprocess.Popen(service.argv, cwd=ROOT, env={**os.environ, **env}, stdout=stdout,
                            stderr=subprocess.STDOUT if stdout else None, start_new_session=True)


def main(argv: list[str] | None = None) -> None:
    """`portal-service NAME`: become one service (the container image's command), or
    `portal-service topics` to create the topics with their lifetimes and exit."""
    import argparse

    table = {s.name: s for s in services(dict(os.environ))}
    parser = argparse.ArgumentParser(prog="portal-service", description=main.__doc__)
    parser.add_argument("name", choices=[*table, "topics"])
    name = parser.parse_args(argv).name
    if name == "topics":
        from services.common.kafka import TooFewBrokers, ensure_topics
        from services.contracts.topics import DEFAULT_PREFIX, REPLICATIONS, Topics

        # KAFKA_REPLICATION: the copies of each topic the deployment promises (3 on a cluster);
        # unset, the brokers the cluster shows now decide (one machine)
        named = os.environ.get("KAFKA_REPLICATION", "").strip()
        if named and named not in {str(f) for f in REPLICATIONS}:
            parser.error(f"KAFKA_REPLICATION must be one of {sorted(REPLICATIONS)}, not {named!r}")
        try:
            created = ensure_topics(os.environ.get("KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:9092"),
                                    Topics(os.environ.get("PORTAL_TOPIC_PREFIX", DEFAULT_PREFIX)),
                                    replicas=int(named) if named else None,
                                    wait=float(os.environ.get("KAFKA_REPLICATION_WAIT_S", "60")))
        except TooFewBrokers as exc:
            raise SystemExit(f"portal-service topics: {exc}") from None
        print(f"topics created: {len(created)}")
        return
    os.chdir(ROOT)
    os.execv(table[name].argv[0], list(table[name].argv))
