"""What the portal's two web services (intake and reporter) share: the security headers and
Content-Security-Policy of every answer, and the Jinja set-up of their pages (the design
system's macros, the one page layout in services/common/templates, autoescaping, gettext)."""
from __future__ import annotations

from pathlib import Path
from typing import Callable

from flask import Flask, Response, request
from jinja2 import ChainableUndefined, ChoiceLoader, FileSystemLoader, PackageLoader

TEMPLATES = Path(__file__).with_name("templates")   # layout.html: the NHS header and footer
# Every asset comes from the service itself, and no page has inline script.
CSP = ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self'; font-src 'self'; "
       "connect-src 'self'; manifest-src 'self'; object-src 'none'; form-action 'self'; "
       "frame-ancestors 'none'; base-uri 'none'")
# Browser features no page of the portal uses, switched off for every page.
PERMISSIONS = ("accelerometer=(), autoplay=(), browsing-topics=(), camera=(), display-capture=(), "
               "encrypted-media=(), fullscreen=(), geolocation=(), gyroscope=(), hid=(), "
               "identity-credentials-get=(), idle-detection=(), magnetometer=(), microphone=(), "
               "midi=(), payment=(), publickey-credentials-get=(), screen-wake-lock=(), serial=(), "
               "usb=(), xr-spatial-tracking=()")
HSTS = "max-age=31536000; includeSubDomains"
HEADERS = {
    "Referrer-Policy": "no-referrer",
    "X-Content-Type-Options": "nosniff",
    "Permissions-Policy": PERMISSIONS,
    "Cross-Origin-Opener-Policy": "same-origin",
    "Cross-Origin-Resource-Policy": "same-origin",
    "X-Frame-Options": "DENY",
    "X-DNS-Prefetch-Control": "off",   # no lookup of a linked site until the link is followed
}


def pages(app: Flask, translations: Callable[[], object]) -> None:
    """Jinja for a service's pages: its own templates, then the shared layout, then the design
    system's macros (.jinja files: autoescaped too, not only .html); `translations()` gives the
    gettext catalogue of the current request."""
    app.jinja_options = {**app.jinja_options, "autoescape": True, "undefined": ChainableUndefined,
                         "extensions": ["jinja2.ext.i18n"],
                         "loader": ChoiceLoader([FileSystemLoader(Path(app.root_path) / "templates"),
                                                 FileSystemLoader(TEMPLATES),
                                                 PackageLoader("nhsuk_frontend_jinja")])}
    app.jinja_env.install_gettext_callables(gettext=lambda s: translations().gettext(s),
                                            ngettext=lambda s, p, n: translations().ngettext(s, p, n),
                                            newstyle=True)


def secure(app: Flask, cache_control: Callable[[str], str], csp: str = CSP, hsts: bool = False) -> None:
    """Every answer gets the security headers; `cache_control(path)` says who may keep it.

    The constant headers are built once. An answer that holds none of them yet (every answer
    the services make) gets them appended, without `set` looking through its headers for each
    one; an answer that already holds one has it replaced, as `set` does: the same headers
    either way, in the same order (tests/unit/test_web_headers.py)."""
    first = (*HEADERS.items(), ("Content-Security-Policy", csp))
    last = (("Strict-Transport-Security", HSTS),) if hsts else ()
    names = frozenset(name.lower() for name, _ in (*first, *last)) | {"cache-control"}

    @app.after_request
    def _headers(resp: Response) -> Response:
        headers = resp.headers
        if names.isdisjoint(name.lower() for name in headers.keys()):
            headers.extend(first)
            headers.add("Cache-Control", cache_control(request.path))
            headers.extend(last)
        else:
            headers.update(first)
            headers["Cache-Control"] = cache_control(request.path)
            headers.update(last)
        return resp
