"""Single sign-on's pure parts: which role a claim grants, the pseudonymous subject, settings
that refuse half a configuration, and sign-in attempts limited (token form and single sign-on
alike). The flow against a real provider is in tests/integration/test_oidc.py."""
from __future__ import annotations

import dataclasses

import pytest

from services.reporter.audit import AuditTrail
from services.reporter.oidc import OidcSettings, role_for, subject_for
from services.reporter.releases import ReleaseBook
from services.reporter.settings import MissingSetting, Settings
from tests.unit.test_reporter_api import FakePublisher, settings
from services.reporter.app import create_app

OIDC = OidcSettings("https://login.example.org/tenant/v2.0", "portal", "s3cret-not-real", "groups",
                    frozenset({"steering-admins"}), frozenset({"steering-group"}))


@pytest.mark.parametrize("claim, role", [
    (["steering-group"], "viewer"),
    (["steering-group", "steering-admins"], "admin"),   # the stronger role wins
    ("steering-admins", "admin"),                        # a single string, as some providers send
    (["finance"], None), ([], None), (None, None),
])
def test_the_role_claim_grants_a_role_or_none(claim, role):
    assert role_for({"groups": claim} if claim is not None else {}, OIDC) == role


def test_the_subject_is_a_pseudonym_of_issuer_and_sub_only():
    claims = {"iss": OIDC.issuer, "sub": "f81d4fae-7dec", "email": "someone@nhs.net", "name": "Some One"}
    subject = subject_for(claims)
    assert subject.startswith("oidc:") and len(subject) == 21
    assert subject == subject_for({"iss": OIDC.issuer, "sub": "f81d4fae-7dec"})
    assert subject != subject_for({"iss": "https://other.example.org", "sub": "f81d4fae-7dec"})
    assert "someone" not in subject and "f81d4fae" not in subject


def test_settings_read_the_secret_from_a_file_and_refuse_half_a_configuration(tmp_path):
    secret = tmp_path / "client-secret"
    secret.write_text("from-a-mounted-secret\n")
    env = {"REPORTER_API_TOKEN": "t", "OIDC_ISSUER": "https://idp.example.org/realms/nhs/",
           "OIDC_CLIENT_ID": "portal", "OIDC_CLIENT_SECRET_FILE": str(secret), "OIDC_VIEWER_VALUES": "a, b"}
    oidc = Settings.from_env(env).oidc
    assert (oidc.issuer, oidc.client_secret, oidc.viewer_values, oidc.admin_values) == (
        "https://idp.example.org/realms/nhs", "from-a-mounted-secret", frozenset({"a", "b"}), frozenset())
    assert Settings.from_env({"REPORTER_API_TOKEN": "t"}).oidc is None
    with pytest.raises(MissingSetting, match="OIDC_CLIENT_ID, OIDC_CLIENT_SECRET_FILE or OIDC_CLIENT_SECRET"):
        Settings.from_env({"REPORTER_API_TOKEN": "t", "OIDC_ISSUER": "https://idp", "OIDC_ADMIN_VALUES": "x"})
    with pytest.raises(MissingSetting, match="REPORTER_SIGN_IN_LIMIT must be attempts/seconds"):
        Settings.from_env({"REPORTER_API_TOKEN": "t", "REPORTER_SIGN_IN_LIMIT": "lots"})


def test_token_sign_in_attempts_are_limited_per_address_and_each_refusal_is_one_audit_entry():
    trail = AuditTrail()
    app = create_app(dataclasses.replace(settings(), sign_in_limit=(3, 300)), book=ReleaseBook(),
                     publisher=FakePublisher(), start_reader=False, trail=trail)
    browser = app.test_client()
    codes = [browser.post("/sign-in", data={"token": f"guess-{i}"}).status_code for i in range(5)]
    assert codes == [401, 401, 401, 429, 429]
    limited = browser.post("/sign-in", data={"token": "guess"})
    assert "Too many sign-in attempts" in limited.get_data(as_text=True)
    assert [e.action for e in trail.entries()] == ["sign_in_refused"] * 3   # limited ones write nothing
    other = app.test_client()
    other.environ_base["REMOTE_ADDR"] = "192.0.2.7"
    assert other.post("/sign-in", data={"token": "guess"}).status_code == 401   # another address is not limited


def test_the_sign_in_page_offers_single_sign_on_only_when_configured():
    plain = create_app(settings(), book=ReleaseBook(), publisher=FakePublisher(), start_reader=False,
                       trail=AuditTrail()).test_client()
    assert "organisation's account" not in plain.get("/sign-in").get_data(as_text=True)
    assert plain.get("/sign-in/oidc").status_code == 404
    sso = create_app(dataclasses.replace(settings(), oidc=OIDC), book=ReleaseBook(), publisher=FakePublisher(),
                     start_reader=False, trail=AuditTrail()).test_client()
    assert 'href="/sign-in/oidc?next=/releases"' in sso.get("/sign-in").get_data(as_text=True)
