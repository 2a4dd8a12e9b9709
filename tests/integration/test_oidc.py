"""Single sign-on against a real OpenID provider (Keycloak from Maven Central, started here):
ID tokens it issues verify, and tampered, expired or replayed ones do not; in Chromium, a viewer
and an administrator sign in through its login page with PKCE into the real reporter, each gets
exactly their role's pages, someone in neither group is refused, and signing out ends both
sessions."""
from __future__ import annotations

import base64
import json

import pytest

from deploy.services import services
from services.reporter.oidc import OidcSettings, Provider, Refused
from tests.support.browser import artifacts_for, chromium
from tests.support.keycloak import CLIENT, SECRET, USERS, Keycloak

pytestmark = [pytest.mark.oidc]


@pytest.fixture(scope="module")
def keycloak(tmp_path_factory):
    kc = Keycloak(tmp_path_factory.mktemp("keycloak")).start()
    try:
        yield kc
    finally:
        kc.stop()


@pytest.fixture
def provider(keycloak) -> Provider:
    return Provider(OidcSettings(keycloak.issuer, CLIENT, SECRET, "groups", frozenset({"portal-admins"}),
                                 frozenset({"portal-viewers"})))


def _tamper(token: str) -> str:
    header, payload, signature = token.split(".")
    claims = json.loads(base64.urlsafe_b64decode(payload + "=" * (-len(payload) % 4)))
    claims["groups"] = ["portal-admins"]   # a viewer promoting themselves
    forged = base64.urlsafe_b64encode(json.dumps(claims).encode()).rstrip(b"=").decode()
    return f"{header}.{forged}.{signature}"


def test_id_tokens_verify_and_tampered_expired_or_foreign_ones_are_refused(keycloak, provider):
    token = keycloak.password_grant("vic.viewer")["id_token"]
    claims = provider.verify(token, nonce="")
    assert claims["groups"] == ["portal-viewers"] and claims["aud"] == CLIENT
    with pytest.raises(Refused, match="signature"):
        provider.verify(_tamper(token), nonce="")
    with pytest.raises(Refused, match="expiry"):
        provider.verify(token, nonce="", now=claims["exp"] + 3600)
    with pytest.raises(Refused, match="nonce"):
        provider.verify(token, nonce="a-nonce-this-sign-in-never-sent")
    other = Provider(OidcSettings(keycloak.issuer, "another-client", SECRET, admin_values=frozenset({"x"})))
    with pytest.raises(Refused, match="audience"):
        other.verify(token, nonce="")


def _sign_in(page, origin: str, username: str, password: str) -> None:
    page.goto(origin + "/releases")
    page.get_by_role("button", name="Sign in with your organisation's account").click()
    page.wait_for_selector("#username")
    assert page.url.startswith("http://127.0.0.1:") and "/realms/nhs-test/" in page.url
    assert "code_challenge_method=S256" in page.url and "code_challenge=" in page.url
    page.fill("#username", username)
    page.fill("#password", password)
    page.click("#kc-login")
    page.wait_for_load_state("load")


@pytest.mark.kafka
def test_viewer_and_administrator_sign_in_through_the_provider_with_their_roles(keycloak, portal):
    portal.env.update(OIDC_ISSUER=keycloak.issuer, OIDC_CLIENT_ID=CLIENT, OIDC_CLIENT_SECRET=SECRET,
                      OIDC_ADMIN_VALUES="portal-admins", OIDC_VIEWER_VALUES="portal-viewers")
    portal.table = {s.name: s for s in services(portal.env)}   # the reporter, with those settings
    portal.start("reporter")
    folder = artifacts_for("oidc-sign-in")
    with chromium() as browser:
        for username, allowed_admin in (("vic.viewer", False), ("ada.admin", True)):
            context = browser.new_context()
            page = context.new_page()
            _sign_in(page, portal.reporter, username, USERS[username][0])
            assert page.url == portal.reporter + "/releases"
            page.screenshot(path=folder / f"{username}-releases.png", full_page=True)
            audit = page.goto(portal.reporter + "/audit")
            assert audit.status == (200 if allowed_admin else 403)
            cookies = {c["name"]: c for c in context.cookies()}
            assert cookies["reporter_session"]["httpOnly"] and "reporter_oidc_flow" not in cookies
            page.goto(portal.reporter + "/releases")
            page.get_by_role("button", name="Sign out").click()
            page.wait_for_url(lambda url: not url.endswith("/releases"))
            if "/realms/nhs-test/" in page.url:   # the provider asks to confirm (no ID token is kept to skip it)
                page.click("#kc-logout")
            page.wait_for_url(portal.reporter + "/sign-in")
            # The provider's session ended too: signing in again asks for the password.
            page.get_by_role("button", name="Sign in with your organisation's account").click()
            page.wait_for_selector("#username")
            context.close()
        context = browser.new_context()
        page = context.new_page()
        _sign_in(page, portal.reporter, "nat.nogroup", USERS["nat.nogroup"][0])
        assert "not in a group that may read these reports" in page.content()
        assert page.goto(portal.reporter + "/releases").url.startswith(portal.reporter + "/sign-in")
        context.close()
    logs = portal.logs()
    for username in USERS:
        assert username not in logs and f"{username}@example.org" not in logs
