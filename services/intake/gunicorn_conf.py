"""Gunicorn settings for the intake (`gunicorn -c services/intake/gunicorn_conf.py`).

Anonymity: no access log at all. Should an operator switch one on (`--access-logfile`), the
format below is the only one to use: it has no client address (%(h)s), no user agent (%(a)s),
no referrer (%(f)s), no query string and no request headers.

One worker process with threads: the rate limiter's counts and the form's signing key live in
that process's memory only, so every request must meet the same ones."""

accesslog = None
access_log_format = '"%(m)s %(U)s" %(s)s %(B)s %(M)sms'
errorlog = "-"
loglevel = "warning"
workers = 1
worker_class = "gthread"
threads = 32   # each request waits for the broker's acknowledgement: enough threads to keep
               # the producer's batches full (32 in flight), not CPU; 503 bounds how long one waits
# Requests are small: a long request line or many headers is not a browser sending a report.
limit_request_line = 4094
limit_request_fields = 60
limit_request_field_size = 8190
timeout = 30
