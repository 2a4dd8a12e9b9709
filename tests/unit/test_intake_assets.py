"""The design system's files come from the locked npm package, built at set-up and served by
the intake itself: no page refers to anything outside its own origin."""
from __future__ import annotations

import json
import re
from importlib.metadata import version
from pathlib import Path

import pytest

from services.contracts import deployment
from services.intake.app import create_app
from services.intake.settings import Settings

ROOT = Path(__file__).resolve().parents[2]
BUILT = ROOT / "services/intake/static/nhsuk"
# nhsuk-frontend-jinja's compatibility table: its templates match exactly one nhsuk-frontend.
MATCHING = {"0.10.2": "10.6.1"}


@pytest.fixture(scope="module")
def client(tmp_path_factory):
    if not (BUILT / ".built").exists():
        pytest.fail("the design system's assets are not built: run `make assets`")
    from services.common import sealing

    keys = tmp_path_factory.mktemp("keys")
    sealing.generate(keys)
    return create_app(Settings(keys_dir=keys)).test_client()


def test_the_npm_package_is_the_version_the_jinja_templates_were_made_for():
    lock = json.loads((ROOT / "package-lock.json").read_text())
    entry = lock["packages"]["node_modules/nhsuk-frontend"]
    assert entry["version"] == MATCHING[version("nhsuk-frontend-jinja")]
    assert entry["integrity"].startswith("sha512-")
    assert json.loads((ROOT / "package.json").read_text())["dependencies"]["nhsuk-frontend"] == entry["version"]


def test_the_compiled_stylesheet_has_no_third_party_font_or_url(client):
    resp = client.get("/assets/nhsuk/intake.css")
    css = resp.get_data(as_text=True)
    assert resp.status_code == 200 and resp.mimetype == "text/css"
    assert ".nhsuk-button" in css and ".app-link-button" in css
    assert "@font-face" not in css and "assets.nhs.uk" not in css
    assert sorted(set(re.findall(r"url\(\"?([^\")]+)", css))) == [
        "/assets/nhsuk/images/nhsuk-icon-arrow-down.svg", "/assets/nhsuk/images/nhsuk-icon-arrow-up-down.svg",
        "/assets/nhsuk/images/nhsuk-icon-arrow-up.svg", "/assets/nhsuk/images/nhsuk-icon-cross.svg"]
    for url in re.findall(r"url\(\"?([^\")]+)", css):
        assert client.get(url).status_code == 200


def test_everything_a_page_refers_to_is_served_from_the_intake(client):
    page = client.get("/").get_data(as_text=True)
    # What a page loads (<link>, src=) is all the intake's own; a link to another site is only
    # a link a person may follow (the support contacts), never fetched, prefetched or looked up.
    refs = re.findall(r'<link[^>]*\bhref="([^"#]+)"', page) + re.findall(r'\bsrc="([^"#]+)"', page)
    outside = re.findall(r'<a [^>]*href="(https?://[^"]+)"', page)
    assert outside == [c.href for c in deployment.load().support if c.href]
    assert not re.search(r'rel="(dns-prefetch|preconnect|prefetch|prerender|preload|modulepreload)"', page)
    assert {"/assets/nhsuk/intake.css", "/assets/js-enabled.js", "/assets/intake.js",
            "/assets/nhsuk/manifest.json"} <= set(refs)
    for ref in refs:
        assert ref.startswith("/"), ref
        assert client.get(ref).status_code == 200, ref
    script = client.get("/assets/intake.js")
    assert script.mimetype == "text/javascript" and "./nhsuk/nhsuk-frontend.min.js" in script.get_data(as_text=True)
    assert client.get("/assets/nhsuk/nhsuk-frontend.min.js").status_code == 200


def test_the_design_systems_files_may_be_cached_but_pages_never(client):
    assert client.get("/assets/nhsuk/intake.css").headers["Cache-Control"] == "public, max-age=3600"
    assert client.get("/").headers["Cache-Control"] == "private, no-cache"


def test_the_compiled_stylesheet_sets_arial_on_the_page_and_its_form_controls(client):
    css = client.get("/assets/nhsuk/intake.css").get_data(as_text=True)
    assert re.search(r"(^|})html\{[^}]*font-family:arial,sans-serif", css)
    assert re.search(r"button,input,select,textarea\{font-family:inherit\}", css)
    assert "serif" not in css.replace("sans-serif", "")
