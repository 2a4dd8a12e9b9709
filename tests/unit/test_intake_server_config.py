"""The production server configuration shipped for the intake logs no address, user agent or
referrer, and is the one `make run` and the end-to-end tests start."""
from __future__ import annotations

import re

from gunicorn.config import Config

from deploy.services import INTAKE_GUNICORN, services


def loaded() -> Config:
    cfg = Config()
    namespace: dict = {}
    exec(compile(INTAKE_GUNICORN.read_text(), str(INTAKE_GUNICORN), "exec"), namespace)
    for key, value in namespace.items():
        if key in cfg.settings:
            cfg.set(key, value)
    return cfg


def test_the_intake_runs_with_no_access_log_and_a_format_without_address_agent_or_referrer():
    cfg = loaded()
    assert cfg.accesslog is None
    fmt = cfg.access_log_format
    assert re.findall(r"%\((\w+|\{[^}]+\}\w)\)s", fmt) == ["m", "U", "s", "B", "M"]
    for leaking in ("%(h)s", "%(a)s", "%(f)s", "%(q)s", "%(r)s", "%({x-forwarded-for}i)s"):
        assert leaking not in fmt
    assert (cfg.workers, cfg.worker_class_str, cfg.threads) == (1, "gthread", 32)


def test_the_intake_process_is_started_with_that_configuration():
    [intake] = [s for s in services({"INTAKE_PORT": "8123"}) if s.name == "intake"]
    assert intake.argv[1:5] == ("--config", str(INTAKE_GUNICORN), "--bind", "127.0.0.1:8123")
    assert "--access-logfile" not in intake.argv
