"""The intake's gunicorn worker: gunicorn's threaded worker, except for requests gunicorn
refuses before the application sees them (too many or too long headers, a request line too
long, a malformed request). Those get a plain page in the portal's own words, with the same
security headers as every other page, instead of gunicorn's HTML; and the client's address is
never logged (gunicorn's own handler logs it at warning level)."""
from __future__ import annotations

import html

from gunicorn import util
from gunicorn.http.errors import LimitRequestHeaders, LimitRequestLine
from gunicorn.workers.gthread import ThreadWorker

from services.common.web import CSP, HEADERS

PAGE = """<!DOCTYPE html>
<html lang="en-GB">
<head>
  <meta charset="utf-8">
  <title>{title} – Report a micro-aggression – NHS</title>
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <link rel="stylesheet" href="/assets/nhsuk/intake.css">
</head>
<body>
  <main class="nhsuk-width-container nhsuk-main-wrapper" id="maincontent">
    <h1>{title}</h1>
    <p>{line}</p>
    <p><a href="/">Go to the start</a></p>
  </main>
</body>
</html>
"""
UNREADABLE = "Sorry, this page could not be read"
REFUSALS = {   # gunicorn's exception -> status, reason, what the person is told
    LimitRequestHeaders: (431, "Request Header Fields Too Large", UNREADABLE,
                          "Your browser sent more, or longer, headers than sending a report needs. "
                          "Go back and try again."),
    LimitRequestLine: (414, "URI Too Long", UNREADABLE, "The web address is too long. Go back and try again."),
}
BAD = (400, "Bad Request", UNREADABLE, "Go back and try again.")
FAILED = (500, "Internal Server Error", "Sorry, there is a problem with the service", "Try again later.")


def refusal(exc: BaseException) -> tuple[int, str, str, str]:
    """(status, reason, title, line) for an exception gunicorn raised before the application."""
    for kind, answer in REFUSALS.items():
        if isinstance(exc, kind):
            return answer
    return BAD if type(exc).__module__.startswith("gunicorn.http") else FAILED


def response(exc: BaseException) -> bytes:
    status, reason, title, line = refusal(exc)
    body = PAGE.format(title=html.escape(title), line=html.escape(line)).encode()
    headers = {**HEADERS, "Content-Security-Policy": CSP, "Cache-Control": "no-store",
               "Content-Type": "text/html; charset=utf-8", "Content-Length": str(len(body)), "Connection": "close"}
    head = f"HTTP/1.1 {status} {reason}\r\n" + "".join(f"{k}: {v}\r\n" for k, v in headers.items()) + "\r\n"
    return head.encode("latin-1") + body


class Worker(ThreadWorker):
    def handle_error(self, req, client, addr, exc):
        if refusal(exc) is FAILED:   # the class only: never the address, the request or its text
            self.log.error("request failed before the application: %s", type(exc).__name__)
        try:
            util.write_nonblock(client, response(exc))
        except Exception:   # the client has gone: nothing to answer
            pass
