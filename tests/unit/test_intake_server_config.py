"""The production server configuration shipped for the intake logs no address, user agent or
referrer, and is the one `make run` and the end-to-end tests start."""
from __future__ import annotations

import re

from gunicorn.config import Config

from deploy.services import INTAKE_GUNICORN, services


def loaded() -> Config:
    import os
    from unittest import mock

    cfg = Config()
    namespace: dict = {}
    with mock.patch.dict(os.environ, clear=False):   # the file may make a form key: not for other tests
        os.environ.pop("INTAKE_FORM_KEY", None)
        os.environ.pop("INTAKE_WORKERS", None)
        exec(compile(INTAKE_GUNICORN.read_text(), str(INTAKE_GUNICORN), "exec"), namespace)
        assert len(os.environ["INTAKE_FORM_KEY"]) >= 32   # one key for all the workers it starts
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
    assert (cfg.workers, cfg.worker_class_str, cfg.threads) == (2, "services.intake.server.Worker", 16)


def test_the_intake_process_is_started_with_that_configuration():
    [intake] = [s for s in services({"INTAKE_PORT": "8123"}) if s.name == "intake"]
    assert intake.argv[1:5] == ("--config", str(INTAKE_GUNICORN), "--bind", "127.0.0.1:8123")
    assert "--access-logfile" not in intake.argv


def test_requests_gunicorn_refuses_are_answered_in_the_portals_words_with_its_headers_and_no_address_logged(
        caplog):
    import logging
    import socket

    from gunicorn.http.errors import InvalidHeaderName, LimitRequestHeaders

    from services.intake.server import Worker

    class Log:   # gunicorn's logger: what the worker writes to it
        def __init__(self):
            self.lines = []

        def error(self, msg, *args):
            self.lines.append(msg % args)

        warning = debug = exception = error

    worker = Worker.__new__(Worker)
    worker.log = Log()
    answers = {}
    for exc in (LimitRequestHeaders("More than max header fields 60"), InvalidHeaderName("x\x00"), RuntimeError("?")):
        ours, theirs = socket.socketpair()
        with ours, theirs, caplog.at_level(logging.DEBUG):
            worker.handle_error(None, ours, ("198.51.100.23", 50000), exc)
            ours.shutdown(socket.SHUT_WR)
            answers[type(exc).__name__] = theirs.recv(65536).decode()
    too_many = answers["LimitRequestHeaders"]
    assert too_many.startswith("HTTP/1.1 431 Request Header Fields Too Large\r\n")
    assert "<h1>Sorry, this page could not be read</h1>" in too_many
    assert "Your browser sent more, or longer, headers than sending a report needs." in too_many
    assert "Content-Security-Policy: default-src 'self'" in too_many and "X-Frame-Options: DENY" in too_many
    assert "Cache-Control: no-store" in too_many and "gunicorn" not in too_many.lower()
    assert answers["InvalidHeaderName"].startswith("HTTP/1.1 400 Bad Request\r\n")
    assert answers["RuntimeError"].startswith("HTTP/1.1 500 Internal Server Error\r\n")
    assert worker.log.lines == ["request failed before the application: RuntimeError"]
    assert "198.51.100.23" not in caplog.text


def test_each_worker_freezes_what_it_loaded_out_of_the_garbage_collectors_reach():
    import gc

    hook = loaded().post_worker_init
    assert hook.__code__.co_filename == str(INTAKE_GUNICORN)   # the file's own hook, not gunicorn's default
    try:
        hook(object())
        assert gc.get_freeze_count() > 1000   # this process's modules and objects
    finally:
        gc.unfreeze()
    assert gc.get_freeze_count() == 0
