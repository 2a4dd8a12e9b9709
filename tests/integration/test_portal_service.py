"""`portal-service NAME`, the image's command (compose and the Helm chart start every service this
way), becomes that service, listening where PORTAL_BIND_HOST and its port setting say."""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from deploy.kafka.broker import free_port
from services.common import sealing

BIN = Path(sys.executable).parent


def test_portal_service_intake_serves_its_health_endpoint_on_the_configured_address(tmp_path):
    port = free_port()
    sealing.generate(tmp_path / "keys")
    env = {**os.environ, "PORTAL_BIND_HOST": "127.0.0.1", "INTAKE_PORT": str(port),
           "RAW_KEYS_DIR": str(tmp_path / "keys"), "KAFKA_BOOTSTRAP_SERVERS": "127.0.0.1:9"}
    proc = subprocess.Popen([str(BIN / "portal-service"), "intake"], cwd=tmp_path, env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    try:
        deadline, status = time.monotonic() + 60, None
        while time.monotonic() < deadline and status is None:
            assert proc.poll() is None, "portal-service intake exited"
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=2) as resp:
                    status = resp.status
            except OSError:
                time.sleep(0.3)
        assert status == 200
    finally:
        os.killpg(proc.pid, signal.SIGTERM)
        proc.wait(30)


def test_an_unknown_service_name_is_refused_with_the_names_it_knows():
    out = subprocess.run([str(BIN / "portal-service"), "mailer"], capture_output=True, text=True, timeout=30)
    assert out.returncode == 2
    assert "invalid choice: 'mailer'" in out.stderr
    assert "portal-service [-h] {intake,redactor,aggregator,reporter,topics}" in out.stderr
