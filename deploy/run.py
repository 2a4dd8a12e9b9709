"""`make run`: a local broker (unless KAFKA_BOOTSTRAP_SERVERS is set), the topics, and the four
services. Ctrl-C stops everything and leaves no process behind."""
from __future__ import annotations

import hashlib
import os
import secrets
import signal
import sys
import time
from pathlib import Path

from services.common import sealing
from services.common.kafka import ensure_topics
from services.contracts.topics import DEFAULT_PREFIX, Topics

from .kafka.broker import ROOT, LocalBroker
from .processes import stop_group
from .services import healthy, services, start


def main() -> int:
    env = {k: v for k, v in os.environ.items()}
    broker = None
    procs: dict[str, object] = {}
    stopping = False

    def on_signal(signum, _frame):
        nonlocal stopping
        stopping = True

    signal.signal(signal.SIGINT, on_signal)
    signal.signal(signal.SIGTERM, on_signal)
    try:
        if "KAFKA_BOOTSTRAP_SERVERS" not in env:
            print("starting Kafka (first run fetches the broker from Maven Central)…", flush=True)
            broker = LocalBroker(ROOT / ".state" / "kafka", port=9092).start()
            env["KAFKA_BOOTSTRAP_SERVERS"] = broker.bootstrap
        created = ensure_topics(env["KAFKA_BOOTSTRAP_SERVERS"],
                                Topics(env.get("PORTAL_TOPIC_PREFIX", DEFAULT_PREFIX)))
        print(f"Kafka at {env['KAFKA_BOOTSTRAP_SERVERS']}; topics created: {len(created)}", flush=True)
        keys = Path(env.setdefault("RAW_KEYS_DIR", str(ROOT / ".keys")))
        if not list(keys.glob("*.public")):
            print(f"sealing key created: {sealing.generate(keys)} (in {keys})", flush=True)
        token = env.get("REPORTER_API_TOKEN") or secrets.token_urlsafe(24)
        env["REPORTER_API_TOKEN"] = token
        viewer = None
        if "REPORTER_VIEWER_TOKENS" not in env:   # a viewer to try the roles with; only its hash is passed
            viewer = secrets.token_urlsafe(24)
            env["REPORTER_VIEWER_TOKENS"] = hashlib.sha256(viewer.encode()).hexdigest()
        env.setdefault("REPORTER_INSECURE_COOKIES", "1")   # local http only; production keeps Secure
        table = services(env)
        for s in table:
            procs[s.name] = start(s, env)
        deadline = time.monotonic() + 120
        while not stopping and not all(healthy(s.health_url) for s in table):
            if time.monotonic() > deadline:
                print("services did not become healthy in 120 s", file=sys.stderr)
                return 1
            time.sleep(1)
        if not stopping:
            print("\nThe portal is running:")
            print(f"  report form:  http://127.0.0.1:{env.get('INTAKE_PORT', '8000')}/")
            print(f"  reporter API: http://127.0.0.1:{env.get('REPORTER_PORT', '8001')}/api/v1/releases/latest")
            print(f"  where data is kept (administrators): http://127.0.0.1:{env.get('REPORTER_PORT', '8001')}/operator")
            print(f"  reports (sign in with a token): http://127.0.0.1:{env.get('REPORTER_PORT', '8001')}/releases")
            print(f"  reporter token (admin): {token}")
            if viewer:
                print(f"  reporter token (viewer): {viewer}")
            print("Press Ctrl-C to stop.", flush=True)
        while not stopping:
            for s in table:
                if procs[s.name].poll() is not None:
                    print(f"{s.name} exited ({procs[s.name].returncode}); restarting", file=sys.stderr)
                    procs[s.name] = start(s, env)
            time.sleep(1)
        return 0
    finally:
        print("\nstopping…", flush=True)
        for p in procs.values():
            stop_group(p, 15)
        if broker:
            broker.stop()
        print("stopped.")


if __name__ == "__main__":
    sys.exit(main())
