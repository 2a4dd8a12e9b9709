"""The security headers every answer of both web services gets (services/common/web.py:secure),
built once and appended: exactly the headers, values and order that setting each one in turn
gives, whether or not the answer already holds some of them."""
from __future__ import annotations

import pytest
from flask import Flask, Response

from services.common import web


def reference(resp: Response, path: str, cache_control, hsts: bool) -> list[tuple[str, str]]:
    """The headers as setting each one in turn makes them (the code before they were prebuilt)."""
    resp.headers.update(web.HEADERS)
    resp.headers["Content-Security-Policy"] = web.CSP
    resp.headers["Cache-Control"] = cache_control(path)
    if hsts:
        resp.headers["Strict-Transport-Security"] = web.HSTS
    return list(resp.headers.items())


def cache_control(path: str) -> str:
    return "no-store" if path.startswith("/api/") else "private, no-cache"


ANSWERS = {
    "plain": lambda: Response('{"status":"accepted"}\n', 202, mimetype="application/json"),
    "own headers": lambda: Response("x", 503, {"Retry-After": "30", "Clear-Site-Data": '"cache"'}),
    # an answer that already holds some of them has them replaced, as setting them does
    "holds some": lambda: Response("x", 200, [("Cache-Control", "public"), ("X-Frame-Options", "SAMEORIGIN"),
                                              ("x-content-type-options", "sniff")]),
}


@pytest.mark.parametrize("hsts", [False, True])
@pytest.mark.parametrize("kind", sorted(ANSWERS))
@pytest.mark.parametrize("path", ["/api/v1/reports", "/report/start"])
def test_every_answer_gets_the_same_headers_in_the_same_order_as_setting_each(kind, path, hsts):
    app = Flask(__name__)
    web.secure(app, cache_control, hsts=hsts)
    app.add_url_rule(path, "view", ANSWERS[kind], methods=["GET", "POST"])
    got = list(app.test_client().post(path).headers.items())
    expected = reference(ANSWERS[kind](), path, cache_control, hsts)
    # Content-Length is the test client's own; both lists end with the same security headers
    assert [h for h in got if h[0] != "Content-Length"] == [h for h in expected if h[0] != "Content-Length"]
    names = [name.lower() for name, _ in got]
    assert len(names) == len(set(names))   # never a header twice
    assert dict(got)["Cache-Control"] == cache_control(path)
    assert ("Strict-Transport-Security" in dict(got)) == hsts


def test_the_plain_answer_holds_exactly_these_headers():
    app = Flask(__name__)
    web.secure(app, cache_control, hsts=True)
    app.add_url_rule("/api/v1/reports", "view", ANSWERS["plain"], methods=["POST"])
    got = app.test_client().post("/api/v1/reports").headers
    assert list(got.items()) == [
        ("Content-Type", "application/json"), ("Content-Length", "22"),
        ("Referrer-Policy", "no-referrer"), ("X-Content-Type-Options", "nosniff"),
        ("Permissions-Policy", web.PERMISSIONS), ("Cross-Origin-Opener-Policy", "same-origin"),
        ("Cross-Origin-Resource-Policy", "same-origin"), ("X-Frame-Options", "DENY"),
        ("X-DNS-Prefetch-Control", "off"), ("Content-Security-Policy", web.CSP),
        ("Cache-Control", "no-store"), ("Strict-Transport-Security", web.HSTS)]
