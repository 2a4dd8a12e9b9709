"""How every Kafka client of the portal connects: security settings from the environment (and
files it names), in one place. Unset, a client connects PLAINTEXT as before (`make run` on
loopback).

| variable | meaning |
|---|---|
| KAFKA_SECURITY_PROTOCOL | PLAINTEXT (default), SSL, SASL_SSL or SASL_PLAINTEXT |
| KAFKA_SASL_MECHANISM | SCRAM-SHA-512 (default) or SCRAM-SHA-256 |
| KAFKA_SASL_USERNAME | this service's principal (services/contracts/access.py) |
| KAFKA_SASL_PASSWORD_FILE | a file holding its password (a mounted secret), never the password itself |
| KAFKA_SSL_CAFILE | PEM file of the CA that signed the brokers' certificates (default: the system's) |
"""
from __future__ import annotations

import os
import ssl
from collections.abc import Mapping
from pathlib import Path

from services.common.settings import SettingError

PROTOCOLS = ("PLAINTEXT", "SSL", "SASL_SSL", "SASL_PLAINTEXT")
MECHANISMS = ("SCRAM-SHA-512", "SCRAM-SHA-256")


def _ssl_context(env: Mapping[str, str]) -> ssl.SSLContext:
    cafile = env.get("KAFKA_SSL_CAFILE")
    if cafile and not Path(cafile).is_file():
        raise SettingError("KAFKA_SSL_CAFILE", f"names {cafile}, which is not a readable file")
    context = ssl.create_default_context(cafile=cafile or None)   # verifies the certificate and host name
    context.minimum_version = ssl.TLSVersion.TLSv1_2
    return context


def _password(env: Mapping[str, str]) -> str:
    path = env.get("KAFKA_SASL_PASSWORD_FILE")
    if not path:
        raise SettingError("KAFKA_SASL_PASSWORD_FILE", "is required with SASL (the password is read from a file)")
    try:
        password = Path(path).read_text().strip()
    except OSError as exc:
        raise SettingError("KAFKA_SASL_PASSWORD_FILE", f"names {path}, which cannot be read "
                                 f"({type(exc).__name__})") from None
    if not password:
        raise SettingError("KAFKA_SASL_PASSWORD_FILE", f"names {path}, which is empty")
    return password


def client_options(env: Mapping[str, str] | None = None) -> dict:
    """Keyword arguments for any aiokafka client (producer, consumer, admin): {} for PLAINTEXT."""
    env = os.environ if env is None else env
    protocol = env.get("KAFKA_SECURITY_PROTOCOL", "PLAINTEXT").strip().upper() or "PLAINTEXT"
    if protocol not in PROTOCOLS:
        raise SettingError("KAFKA_SECURITY_PROTOCOL", f"is {protocol!r}; expected one of {', '.join(PROTOCOLS)}")
    if protocol == "PLAINTEXT":
        return {}
    options: dict = {"security_protocol": protocol}
    if protocol.endswith("SSL"):
        options["ssl_context"] = _ssl_context(env)
    if protocol.startswith("SASL"):
        mechanism = env.get("KAFKA_SASL_MECHANISM", "SCRAM-SHA-512").strip().upper()
        if mechanism not in MECHANISMS:
            raise SettingError("KAFKA_SASL_MECHANISM", f"is {mechanism!r}; expected one of {', '.join(MECHANISMS)}")
        username = env.get("KAFKA_SASL_USERNAME", "").strip()
        if not username:
            raise SettingError("KAFKA_SASL_USERNAME", "is required with SASL")
        options.update(sasl_mechanism=mechanism, sasl_plain_username=username, sasl_plain_password=_password(env))
    return options


def broker_security(env: Mapping[str, str] | None = None):
    """The same settings as FastStream's `security` object for a KafkaBroker (None: PLAINTEXT)."""
    from faststream.security import BaseSecurity, SASLScram256, SASLScram512

    options = client_options(env)
    if not options:
        return None
    context = options.get("ssl_context")
    if "sasl_mechanism" not in options:
        return BaseSecurity(ssl_context=context)
    scram = SASLScram512 if options["sasl_mechanism"] == "SCRAM-SHA-512" else SASLScram256
    return scram(options["sasl_plain_username"], options["sasl_plain_password"], ssl_context=context,
                 use_ssl=context is not None)


def broker_options(env: Mapping[str, str] | None = None) -> dict:
    """Keyword arguments for a FastStream KafkaBroker: its security, and no topic creation by
    subscribers (topics are made with their lifetimes by ensure_topics or the platform's
    KafkaTopic resources; a topic a subscriber made would keep records for ever, and no service
    principal may create topics)."""
    return {"security": broker_security(env), "allow_auto_create_topics": False}
