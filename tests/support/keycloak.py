"""A real OpenID provider for the sign-in tests: Keycloak's server distribution from Maven
Central (checked against its SHA-256), run in development mode with an in-memory database on a
free loopback port, with a test realm: a confidential client that must use PKCE (S256), a
`groups` claim, and three users (an administrator, a viewer, and someone in neither group).
It needs Java 21 or later: KEYCLOAK_JAVA_HOME, else the Temurin JDK these machines carry."""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import tarfile
import time
import urllib.request
from dataclasses import dataclass
from pathlib import Path

import requests

from deploy.kafka.broker import free_port, sha256_of
from deploy.processes import stop_group

ROOT = Path(__file__).resolve().parents[2]
VERSION = "26.7.3"
SHA256 = "77657f30b7e90d70f727712ce1c967f430fd6a5e9f458d32d8c6df0635345f47"   # agreed with Maven Central's SHA-1 when pinned
URL = (f"https://repo1.maven.org/maven2/org/keycloak/keycloak-quarkus-dist/{VERSION}/"
       f"keycloak-quarkus-dist-{VERSION}.tar.gz")
CACHE = ROOT / ".cache" / "keycloak"
JAVA_HOMES = [os.environ.get("KEYCLOAK_JAVA_HOME", ""), "/usr/lib/jvm/temurin-25-jdk-amd64",
              "/usr/lib/jvm/temurin-21-jdk-amd64", "/usr/lib/jvm/java-21-openjdk-amd64"]
REALM, CLIENT, SECRET = "nhs-test", "portal-reporter", "test-client-secret-not-secret"
USERS = {   # username: (password, groups)
    "ada.admin": ("admin-pass-not-secret", ["portal-admins"]),
    "vic.viewer": ("viewer-pass-not-secret", ["portal-viewers"]),
    "nat.nogroup": ("nogroup-pass-not-secret", []),
}


def distribution() -> Path:
    home = CACHE / f"keycloak-{VERSION}"
    if (home / "bin/kc.sh").exists():
        return home
    CACHE.mkdir(parents=True, exist_ok=True)
    archive = CACHE / f"keycloak-{VERSION}.tar.gz"
    if not archive.exists() or sha256_of(archive) != SHA256:
        part = archive.with_suffix(".part")
        with urllib.request.urlopen(URL, timeout=120) as resp, open(part, "wb") as out:
            shutil.copyfileobj(resp, out)
        if sha256_of(part) != SHA256:
            part.unlink()
            raise RuntimeError(f"{URL}: checksum differs from the pinned SHA-256; refused")
        part.rename(archive)
    with tarfile.open(archive) as tar:
        tar.extractall(CACHE, filter="tar")
    return home


def java_home() -> str:
    for home in JAVA_HOMES:
        if home and Path(home, "bin/java").exists():
            return home
    raise RuntimeError("Keycloak needs Java 21+: set KEYCLOAK_JAVA_HOME")


def realm() -> dict:
    return {
        "realm": REALM, "enabled": True, "accessTokenLifespan": 300,
        "groups": [{"name": "portal-admins"}, {"name": "portal-viewers"}],
        "users": [{"username": name, "enabled": True, "emailVerified": True, "firstName": name.split(".")[0].title(),
                   "lastName": "Tester", "email": f"{name}@example.org",
                   "credentials": [{"type": "password", "value": password, "temporary": False}],
                   "groups": [f"/{g}" for g in groups]} for name, (password, groups) in USERS.items()],
        "clients": [{
            "clientId": CLIENT, "enabled": True, "publicClient": False, "secret": SECRET,
            "redirectUris": ["http://127.0.0.1:*"], "webOrigins": [],
            "standardFlowEnabled": True, "directAccessGrantsEnabled": True,
            "attributes": {"pkce.code.challenge.method": "S256", "post.logout.redirect.uris": "http://127.0.0.1:*"},
            "protocolMappers": [{
                "name": "groups", "protocol": "openid-connect", "protocolMapper": "oidc-group-membership-mapper",
                "config": {"claim.name": "groups", "full.path": "false", "id.token.claim": "true",
                           "access.token.claim": "true", "userinfo.token.claim": "true"}}],
        }],
    }


@dataclass
class Keycloak:
    workdir: Path
    port: int = 0
    process: subprocess.Popen | None = None

    @property
    def issuer(self) -> str:
        return f"http://127.0.0.1:{self.port}/realms/{REALM}"

    def start(self, timeout: float = 400) -> "Keycloak":
        home = distribution()
        self.port = self.port or free_port()
        imports = home / "data" / "import"
        imports.mkdir(parents=True, exist_ok=True)
        (imports / f"{REALM}.json").write_text(json.dumps(realm()))
        env = {**os.environ, "JAVA_HOME": java_home(), "KC_BOOTSTRAP_ADMIN_USERNAME": "kcadmin",
               "KC_BOOTSTRAP_ADMIN_PASSWORD": "kcadmin-not-secret"}
        log = open(self.workdir / "keycloak.log", "wb")
        self.process = subprocess.Popen(
            [str(home / "bin/kc.sh"), "start-dev", "--db=dev-mem", "--import-realm", "--http-host=127.0.0.1",
             f"--http-port={self.port}", "--hostname-strict=false", "--health-enabled=false",
             "--cache=local"], env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"Keycloak exited: see {self.workdir / 'keycloak.log'}")
            try:
                if requests.get(f"{self.issuer}/.well-known/openid-configuration", timeout=3).status_code == 200:
                    return self
            except requests.RequestException:
                pass
            time.sleep(2)
        self.stop()
        raise TimeoutError("Keycloak did not start")

    def password_grant(self, username: str) -> dict:
        """Tokens for a user straight from the token endpoint (for the ID-token checks)."""
        resp = requests.post(f"{self.issuer}/protocol/openid-connect/token", timeout=10, data={
            "grant_type": "password", "client_id": CLIENT, "client_secret": SECRET, "scope": "openid",
            "username": username, "password": USERS[username][0]})
        resp.raise_for_status()
        return resp.json()

    def stop(self) -> None:
        stop_group(self.process)
