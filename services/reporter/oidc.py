"""Sign-in for the steering group through the organisation's identity provider (NHSmail and
Microsoft Entra ID speak OpenID Connect): the authorization code flow with PKCE (S256).

The reporter is a confidential client. Signing in starts at `/sign-in/oidc`, which keeps the
flow's state, nonce and PKCE verifier in a short-lived signed cookie of its own (SameSite=Lax,
so that it comes back on the provider's redirect, unlike the Strict session cookie) and sends
the browser to the provider. `/sign-in/oidc/callback` checks the state, exchanges the code with
the verifier, verifies the ID token (signature against the provider's published keys, issuer,
audience, expiry, nonce) and maps its role claim to a role. The session then holds exactly what
a token sign-in puts there: the role, a pseudonymous subject (a hash of issuer and `sub`, so the
audit log holds no name or e-mail), and when it was issued; it expires like any other session.

Nothing the provider says about a person (name, e-mail, groups) is stored or logged.
"""
from __future__ import annotations

import hashlib
import os
import secrets
import time
from dataclasses import dataclass
from urllib.parse import urlencode, urlsplit

import requests
from authlib.common.security import generate_token
from authlib.integrations.requests_client import OAuth2Session
from flask import Blueprint, abort, redirect, render_template, request, session, url_for
from itsdangerous import BadSignature, URLSafeTimedSerializer
from joserfc import jwt
from joserfc.errors import JoseError
from joserfc.jwk import KeySet

from .identity import ADMIN, VIEWER, Identity

FLOW_COOKIE = "reporter_oidc_flow"
FLOW_SECONDS = 600          # a sign-in must come back from the provider within 10 minutes
LEEWAY_SECONDS = 60         # clock difference allowed when checking the ID token's times


class Refused(Exception):
    """The provider's answer does not sign this person in; the reason names the check, never the person."""


@dataclass(frozen=True)
class OidcSettings:
    issuer: str
    client_id: str
    client_secret: str
    role_claim: str = "groups"
    admin_values: frozenset[str] = frozenset()
    viewer_values: frozenset[str] = frozenset()
    scope: str = "openid"
    redirect_uri: str | None = None   # behind a proxy: the public https URL of /sign-in/oidc/callback

    @classmethod
    def from_env(cls, env=os.environ) -> "OidcSettings | None":
        """None unless OIDC_ISSUER is set. The client secret comes from OIDC_CLIENT_SECRET_FILE
        (a mounted secret) or OIDC_CLIENT_SECRET."""
        issuer = env.get("OIDC_ISSUER", "").rstrip("/")
        if not issuer:
            return None
        missing = [n for n in ("OIDC_CLIENT_ID",) if not env.get(n)]
        secret = env.get("OIDC_CLIENT_SECRET", "")
        if env.get("OIDC_CLIENT_SECRET_FILE"):
            with open(env["OIDC_CLIENT_SECRET_FILE"]) as fh:
                secret = fh.read().strip()
        if not secret:
            missing.append("OIDC_CLIENT_SECRET_FILE or OIDC_CLIENT_SECRET")
        admins, viewers = _values(env.get("OIDC_ADMIN_VALUES", "")), _values(env.get("OIDC_VIEWER_VALUES", ""))
        if not admins and not viewers:
            missing.append("OIDC_ADMIN_VALUES or OIDC_VIEWER_VALUES")
        if missing:
            raise ValueError(f"OIDC_ISSUER is set, so these must be too: {', '.join(missing)}")
        return cls(issuer, env["OIDC_CLIENT_ID"], secret, env.get("OIDC_ROLE_CLAIM", "groups"),
                   admins, viewers, env.get("OIDC_SCOPE", "openid"), env.get("OIDC_REDIRECT_URI") or None)


def _values(text: str) -> frozenset[str]:
    return frozenset(v.strip() for v in text.split(",") if v.strip())


def origin(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}"


def role_for(claims: dict, settings: OidcSettings) -> str | None:
    """The role the claim grants: administrator before viewer; None for neither. The claim may
    be a string or a list (Entra `roles`, Keycloak or NHSmail `groups`)."""
    value = claims.get(settings.role_claim)
    held = {value} if isinstance(value, str) else set(value or ())
    if held & settings.admin_values:
        return ADMIN
    if held & settings.viewer_values:
        return VIEWER
    return None


def subject_for(claims: dict) -> str:
    """A stable pseudonym for the audit log: no name, no e-mail, not the provider's `sub` itself."""
    return "oidc:" + hashlib.sha256(f"{claims['iss']}|{claims['sub']}".encode()).hexdigest()[:16]


class Provider:
    """The identity provider's published configuration and keys, fetched once and kept."""

    def __init__(self, settings: OidcSettings, http: requests.Session | None = None):
        self.settings = settings
        self._http = http or requests.Session()
        self._metadata: dict | None = None
        self._keys: KeySet | None = None

    @property
    def metadata(self) -> dict:
        if self._metadata is None:
            resp = self._http.get(f"{self.settings.issuer}/.well-known/openid-configuration", timeout=10)
            resp.raise_for_status()
            metadata = resp.json()
            if metadata.get("issuer", "").rstrip("/") != self.settings.issuer:
                raise Refused("the provider's configuration names another issuer")
            self._metadata = metadata
        return self._metadata

    def keys(self, refresh: bool = False) -> KeySet:
        if self._keys is None or refresh:
            resp = self._http.get(self.metadata["jwks_uri"], timeout=10)
            resp.raise_for_status()
            self._keys = KeySet.import_key_set(resp.json())
        return self._keys

    def _client(self, redirect_uri: str) -> OAuth2Session:
        return OAuth2Session(self.settings.client_id, self.settings.client_secret, scope=self.settings.scope,
                             redirect_uri=redirect_uri, code_challenge_method="S256")

    def start(self, redirect_uri: str) -> tuple[str, dict]:
        """The provider's authorization URL, and the flow to keep until the callback."""
        flow = {"state": generate_token(32), "nonce": generate_token(32), "verifier": generate_token(64)}
        url, _ = self._client(redirect_uri).create_authorization_url(
            self.metadata["authorization_endpoint"], state=flow["state"], nonce=flow["nonce"],
            code_verifier=flow["verifier"])
        return url, flow

    def finish(self, redirect_uri: str, flow: dict, args: dict) -> dict:
        """Checks the callback against the flow, exchanges the code, returns the verified claims."""
        if args.get("error"):
            raise Refused("the provider refused the sign-in")
        if not args.get("state") or not secrets.compare_digest(args["state"], flow["state"]):
            raise Refused("the sign-in's state does not match")
        if not args.get("code"):
            raise Refused("the provider sent no code")
        try:
            token = self._client(redirect_uri).fetch_token(
                self.metadata["token_endpoint"], code=args["code"], code_verifier=flow["verifier"],
                timeout=10)
        except Exception as exc:   # any failure of the exchange: the code, verifier or secret was refused
            raise Refused(f"the code exchange failed ({type(exc).__name__})") from None
        if "id_token" not in token:
            raise Refused("the provider sent no ID token")
        return self.verify(token["id_token"], flow["nonce"])

    def verify(self, id_token: str, nonce: str, now: float | None = None) -> dict:
        """The ID token's claims, if its signature, issuer, audience, times and nonce all hold."""
        try:
            try:
                decoded = jwt.decode(id_token, self.keys())
            except (JoseError, ValueError):
                decoded = jwt.decode(id_token, self.keys(refresh=True))   # the provider rotated its keys
        except (JoseError, ValueError) as exc:
            raise Refused(f"the ID token's signature does not verify ({type(exc).__name__})") from None
        claims = decoded.claims
        now = time.time() if now is None else now
        audience = claims.get("aud")
        audiences = [audience] if isinstance(audience, str) else list(audience or ())
        checks = [
            (str(claims.get("iss", "")).rstrip("/") == self.settings.issuer, "issuer"),
            (self.settings.client_id in audiences, "audience"),
            (len(audiences) == 1 or claims.get("azp") == self.settings.client_id, "authorised party"),
            (isinstance(claims.get("exp"), (int, float)) and now < claims["exp"] + LEEWAY_SECONDS, "expiry"),
            (isinstance(claims.get("iat"), (int, float)) and claims["iat"] <= now + LEEWAY_SECONDS, "issue time"),
            (secrets.compare_digest(str(claims.get("nonce", "")), nonce), "nonce"),
            (bool(claims.get("sub")), "subject"),
        ]
        failed = [name for ok, name in checks if not ok]
        if failed:
            raise Refused(f"the ID token fails its {failed[0]} check")
        return claims

    def end_session_url(self, after: str) -> str | None:
        endpoint = self.metadata.get("end_session_endpoint")
        if not endpoint:
            return None
        return f"{endpoint}?{urlencode({'client_id': self.settings.client_id, 'post_logout_redirect_uri': after})}"


def create_blueprint(provider: Provider, reporting, limiter, secret_key: bytes, secure_cookies: bool,
                     safe_next) -> Blueprint:
    oidc = Blueprint("oidc", __name__, template_folder="templates")
    flows = URLSafeTimedSerializer(secret_key, salt="reporter-oidc-flow")

    def callback_url() -> str:
        return provider.settings.redirect_uri or url_for("oidc.callback", _external=True)

    def limited() -> None:
        if not limiter.allow(request.remote_addr or ""):
            abort(429, "Too many sign-in attempts. Wait a few minutes and try again.")

    @oidc.get("/sign-in/oidc")
    def start():
        limited()
        url, flow = provider.start(callback_url())
        resp = redirect(url)
        flow["next"] = safe_next(request.args.get("next"))
        resp.set_cookie(FLOW_COOKIE, flows.dumps(flow), max_age=FLOW_SECONDS, httponly=True,
                        secure=secure_cookies, samesite="Lax", path=url_for("oidc.callback"))
        return resp

    @oidc.get("/sign-in/oidc/callback")
    def callback():
        limited()
        try:
            flow = flows.loads(request.cookies.get(FLOW_COOKIE, ""), max_age=FLOW_SECONDS)
        except BadSignature:
            return refused("The sign-in took too long or was not started here. Start again.")
        try:
            claims = provider.finish(callback_url(), flow, request.args)
        except Refused:
            return refused("Your organisation's account could not be checked. Start again.")
        role = role_for(claims, provider.settings)
        if role is None:
            return refused("Your account is not in a group that may read these reports. "
                           "Ask the portal's administrator to add you.", code=403)
        who = Identity(subject_for(claims), role)
        reporting.audit.record("signed_in", who)
        session.clear()
        session.update(role=who.role, subject=who.subject, issued=int(time.time()), via="oidc")
        resp = redirect(flow["next"])
        resp.delete_cookie(FLOW_COOKIE, path=url_for("oidc.callback"))
        return resp

    @oidc.get("/signed-out")
    def signed_out():
        """After the portal's own sign-out: end the provider's session too, then come back."""
        after = url_for("web.sign_in", _external=True)
        return redirect(provider.end_session_url(after) or after)

    def refused(line: str, code: int = 401):
        reporting.audit.record("sign_in_refused", None)
        resp = render_template("problem.html", role=None, title="You are not signed in", lines=[line]), code
        return resp

    return oidc
