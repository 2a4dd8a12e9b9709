"""Gunicorn settings for the intake (`gunicorn -c services/intake/gunicorn_conf.py`).

Anonymity: no access log at all. Should an operator switch one on (`--access-logfile`), the
format below is the only one to use: it has no client address (%(h)s), no user agent (%(a)s),
no referrer (%(f)s), no query string and no request headers. Requests gunicorn refuses itself
(too many headers, say) are answered and logged by services/intake/server.py, without the
address gunicorn's own handler would log.

Several worker processes (INTAKE_WORKERS, default 2), 32 threads in all: nothing a request
needs lives in one process only. The form's signing key is shared (INTAKE_FORM_KEY; when it is
not set outside production, one is made here, before the workers start, so that all of them
share it); each worker counts the rate limit alone (protection.py)."""
import gc
import os
import secrets

from services.intake.settings import FORM_KEY, workers as configured_workers

accesslog = None
access_log_format = '"%(m)s %(U)s" %(s)s %(B)s %(M)sms'
errorlog = "-"
loglevel = "warning"
workers = configured_workers(os.environ)
worker_class = "services.intake.server.Worker"   # gthread, answering gunicorn's refusals in our words
# Each request waits for the broker's acknowledgement: 32 threads per replica in all keep the
# producers' batches full, not the CPU; 503 bounds how long one waits.
threads = max(4, -(-32 // workers))
# Requests are small: a long request line or many headers is not a browser sending a report.
limit_request_line = 4094
limit_request_fields = 60
limit_request_field_size = 8190
timeout = 30

if not os.environ.get(FORM_KEY):
    # One machine (`make run`, the tests): every worker inherits this one. Production sets
    # INTAKE_FORM_KEY for all replicas, and settings.py refuses to start without it there.
    os.environ[FORM_KEY] = secrets.token_urlsafe(32)


def post_worker_init(worker):
    """The application is loaded in this worker: everything it holds so far (modules, the app,
    the questionnaire, templates, the client) lives as long as the worker. Moved out of the
    cyclic garbage collector's reach (`gc.freeze`), a full collection no longer scans it: about
    50,000 objects, 20 ms with every request thread waiting, every few thousand requests
    (docs/benchmarks.md). Nothing else changes: frozen objects are still freed when their last
    reference goes."""
    gc.freeze()
