"""The local broker made secure, for tests and trials: a TLS listener with a CA and broker
certificate generated for this data folder (keytool, from the JDK the broker needs anyway),
SASL/SCRAM-SHA-512 users created when the storage is formatted, the StandardAuthorizer with
`allow.everyone.if.no.acl.found=false`, and the ACLs of services/contracts/access.py applied
through the Admin API by a super user.

Everything generated (keys, keystore, passwords) stays in the broker's data folder, which is
never committed. The CONTROLLER listener stays PLAINTEXT on loopback (KRaft cannot use SCRAM
there); its principal, ANONYMOUS, is a super user so the broker can reach its own controller.
A production cluster (Strimzi or managed) does all of this itself: see docs/operations.md.
"""
from __future__ import annotations

import asyncio
import secrets
import shutil
import subprocess
from dataclasses import dataclass, field
from pathlib import Path

from services.common.kafka_client import client_options
from services.contracts import access
from services.contracts.topics import Topics

ADMIN = "admin"
MECHANISM = "SCRAM-SHA-512"
# Kafka's wire codes (org.apache.kafka.common.acl / resource).
_RESOURCE = {access.TOPIC: 2, access.GROUP: 3, access.CLUSTER: 4}
_OPERATION = {access.READ: 3, access.WRITE: 4, access.DELETE: 6, access.DESCRIBE: 8, access.DESCRIBE_CONFIGS: 10}
_PATTERN = {access.LITERAL: 3, access.PREFIX: 4}
_ALLOW = 3


def _keytool(*args: str) -> None:
    keytool = shutil.which("keytool")
    if keytool is None:
        raise RuntimeError("keytool (from the JDK) is needed to make the local broker's certificates")
    subprocess.run([keytool, *args], check=True, capture_output=True)


@dataclass
class SecureSetup:
    """Certificates and users of one secured local broker, kept in `folder`."""
    folder: Path
    users: tuple[str, ...] = (ADMIN, *access.PRINCIPALS)
    _store_password: str = field(default_factory=lambda: secrets.token_urlsafe(18), repr=False)

    @property
    def ca_file(self) -> Path:
        return self.folder / "ca.pem"

    @property
    def keystore(self) -> Path:
        return self.folder / "broker.p12"

    def password_file(self, user: str) -> Path:
        return self.folder / "users" / f"{user}.password"

    def password(self, user: str) -> str:
        return self.password_file(user).read_text().strip()

    def prepare(self) -> "SecureSetup":
        """Make the CA, the broker's key and certificate (for 127.0.0.1 and localhost) and a
        random password per user, once per folder."""
        self.folder.mkdir(parents=True, exist_ok=True)
        (self.folder / "users").mkdir(exist_ok=True)
        for user in self.users:
            f = self.password_file(user)
            if not f.exists():
                f.write_text(secrets.token_urlsafe(24))
                f.chmod(0o600)
        store_pass = self.folder / "store.password"
        if self.keystore.exists() and store_pass.exists():
            self._store_password = store_pass.read_text()
            return self
        store_pass.write_text(self._store_password)
        store_pass.chmod(0o600)
        ca, pw = self.folder / "ca.p12", self._store_password
        common = ["-storetype", "PKCS12", "-storepass", pw, "-keypass", pw]
        _keytool("-genkeypair", "-alias", "ca", "-keyalg", "RSA", "-keysize", "2048", "-validity", "30",
                 "-dname", "CN=portal local test CA", "-ext", "bc:c", "-keystore", str(ca), *common)
        _keytool("-exportcert", "-rfc", "-alias", "ca", "-keystore", str(ca), "-storepass", pw,
                 "-file", str(self.ca_file))
        _keytool("-genkeypair", "-alias", "broker", "-keyalg", "RSA", "-keysize", "2048", "-validity", "30",
                 "-dname", "CN=localhost", "-keystore", str(self.keystore), *common)
        csr, signed = self.folder / "broker.csr", self.folder / "broker.pem"
        _keytool("-certreq", "-alias", "broker", "-keystore", str(self.keystore), "-storepass", pw,
                 "-file", str(csr))
        _keytool("-gencert", "-alias", "ca", "-keystore", str(ca), "-storepass", pw, "-infile", str(csr),
                 "-outfile", str(signed), "-rfc", "-validity", "30", "-ext", "SAN=dns:localhost,ip:127.0.0.1",
                 "-ext", "EKU=serverAuth,clientAuth")
        _keytool("-importcert", "-noprompt", "-alias", "ca", "-file", str(self.ca_file),
                 "-keystore", str(self.keystore), "-storepass", pw)
        _keytool("-importcert", "-alias", "broker", "-file", str(signed), "-keystore", str(self.keystore),
                 "-storepass", pw)
        ca.unlink()   # the CA's private key is not needed again: nothing else is ever signed
        csr.unlink()
        return self

    def properties(self, port: int, controller_port: int) -> list[str]:
        admin_jaas = (f'org.apache.kafka.common.security.scram.ScramLoginModule required '
                      f'username="{ADMIN}" password="{self.password(ADMIN)}";')
        return [
            f"listeners=SASL_SSL://127.0.0.1:{port},CONTROLLER://127.0.0.1:{controller_port}",
            f"advertised.listeners=SASL_SSL://127.0.0.1:{port}",
            "inter.broker.listener.name=SASL_SSL",
            "listener.security.protocol.map=SASL_SSL:SASL_SSL,CONTROLLER:PLAINTEXT",
            f"sasl.enabled.mechanisms={MECHANISM}",
            f"sasl.mechanism.inter.broker.protocol={MECHANISM}",
            f"listener.name.sasl_ssl.scram-sha-512.sasl.jaas.config={admin_jaas}",
            "ssl.keystore.type=PKCS12",
            f"ssl.keystore.location={self.keystore}",
            f"ssl.keystore.password={self._store_password}",
            f"ssl.key.password={self._store_password}",
            "ssl.truststore.type=PEM",
            f"ssl.truststore.location={self.ca_file}",
            "ssl.enabled.protocols=TLSv1.3,TLSv1.2",
            "authorizer.class.name=org.apache.kafka.metadata.authorizer.StandardAuthorizer",
            "allow.everyone.if.no.acl.found=false",
            f"super.users=User:{ADMIN};User:ANONYMOUS",
        ]

    def format_args(self) -> list[str]:
        """SCRAM credentials written into the metadata log when the storage is formatted."""
        args = []
        for user in self.users:
            args += ["--add-scram", f"{MECHANISM}=[name={user},password={self.password(user)}]"]
        return args

    def env(self, user: str) -> dict[str, str]:
        """The settings a client of `user` needs (services/common/kafka_client.py)."""
        return {"KAFKA_SECURITY_PROTOCOL": "SASL_SSL", "KAFKA_SASL_MECHANISM": MECHANISM,
                "KAFKA_SASL_USERNAME": user, "KAFKA_SASL_PASSWORD_FILE": str(self.password_file(user)),
                "KAFKA_SSL_CAFILE": str(self.ca_file)}

    def client_options(self, user: str) -> dict:
        return client_options(self.env(user))

    def apply_acls(self, bootstrap: str, topics: Topics) -> int:
        """Create every ACL of the access table for this deployment's topics; returns how many."""
        return asyncio.run(self._apply_acls(bootstrap, topics))

    async def _apply_acls(self, bootstrap: str, topics: Topics) -> int:
        from aiokafka.admin import AIOKafkaAdminClient
        from aiokafka.errors import for_code
        from aiokafka.protocol.admin import CreateAclsRequest

        admin = AIOKafkaAdminClient(bootstrap_servers=bootstrap, **self.client_options(ADMIN))
        await admin.start()
        try:
            rules = access.acls(topics)
            for rule in rules:
                name = "kafka-cluster" if rule.resource == access.CLUSTER else rule.name
                response = await admin._send_request(CreateAclsRequest(
                    _RESOURCE[rule.resource], name, _PATTERN[rule.pattern], f"User:{rule.principal}", "*",
                    _OPERATION[rule.operation], _ALLOW))
                for error_code, message in response.creation_responses:
                    if error_code:
                        raise for_code(error_code)(f"ACL {rule}: {message}")
            return len(rules)
        finally:
            await admin.close()
