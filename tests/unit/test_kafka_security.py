"""The Kafka security settings every client takes (services/common/kafka_client.py) and the
access table (services/contracts/access.py), without a broker."""
from __future__ import annotations

import ssl

import pytest

from services.common.kafka_client import broker_options, client_options
from services.common.settings import SettingError
from services.contracts import access
from services.contracts.access import DELETE, READ, WRITE
from services.contracts.topics import Topics


def test_unset_means_plaintext_as_before():
    assert client_options({}) == {}
    assert broker_options({}) == {"security": None, "allow_auto_create_topics": False}


def test_sasl_ssl_takes_the_user_from_settings_and_the_password_from_its_file(tmp_path):
    secret = tmp_path / "intake.password"
    secret.write_text("synthetic-password\n")
    options = client_options({"KAFKA_SECURITY_PROTOCOL": "sasl_ssl", "KAFKA_SASL_USERNAME": "intake",
                              "KAFKA_SASL_PASSWORD_FILE": str(secret)})
    context = options.pop("ssl_context")
    assert isinstance(context, ssl.SSLContext) and context.check_hostname and context.verify_mode == ssl.CERT_REQUIRED
    assert options == {"security_protocol": "SASL_SSL", "sasl_mechanism": "SCRAM-SHA-512",
                       "sasl_plain_username": "intake", "sasl_plain_password": "synthetic-password"}
    security = broker_options({"KAFKA_SECURITY_PROTOCOL": "SASL_SSL", "KAFKA_SASL_USERNAME": "intake",
                               "KAFKA_SASL_PASSWORD_FILE": str(secret)})["security"]
    assert (type(security).__name__, security.username, security.use_ssl) == ("SASLScram512", "intake", True)


@pytest.mark.parametrize("env, names", [
    ({"KAFKA_SECURITY_PROTOCOL": "TLS"}, "KAFKA_SECURITY_PROTOCOL is 'TLS'"),
    ({"KAFKA_SECURITY_PROTOCOL": "SASL_SSL", "KAFKA_SASL_PASSWORD_FILE": "/nowhere"}, "KAFKA_SASL_USERNAME is required"),
    ({"KAFKA_SECURITY_PROTOCOL": "SASL_SSL", "KAFKA_SASL_USERNAME": "intake"}, "KAFKA_SASL_PASSWORD_FILE is required"),
    ({"KAFKA_SECURITY_PROTOCOL": "SASL_SSL", "KAFKA_SASL_USERNAME": "intake", "KAFKA_SASL_PASSWORD_FILE": "/nowhere/x"},
     "KAFKA_SASL_PASSWORD_FILE names /nowhere/x, which cannot be read"),
    ({"KAFKA_SECURITY_PROTOCOL": "SSL", "KAFKA_SSL_CAFILE": "/nowhere/ca.pem"}, "KAFKA_SSL_CAFILE names /nowhere/ca.pem"),
    ({"KAFKA_SECURITY_PROTOCOL": "SASL_SSL", "KAFKA_SASL_MECHANISM": "PLAIN"}, "KAFKA_SASL_MECHANISM is 'PLAIN'"),
])
def test_a_wrong_setting_is_named(env, names):
    with pytest.raises(SettingError, match=names):
        client_options(env)


def test_the_access_table_gives_each_service_exactly_the_issue_s_topic_operations():
    granted = {p: {(role, op) for role in access.TOPIC_ROLES for op in (READ, WRITE, DELETE)
                   if op in access.allowed(p, role)} for p in access.PRINCIPALS}
    assert granted == {
        "intake": {("raw", WRITE), ("public_keys", READ)},
        "redactor": {("raw", READ), ("raw", DELETE), ("redacted", WRITE), ("dead_letter", WRITE),
                     ("public_keys", WRITE), ("key_lease", READ)},
        "aggregator": {("redacted", READ), ("commands", READ), ("releases", WRITE), ("wipes", WRITE),
                       ("dead_letter", WRITE), ("redacted", DELETE), ("raw", DELETE), ("dead_letter", DELETE)},
        "reporter": {("releases", READ), ("wipes", READ), ("audit", READ), ("commands", WRITE), ("audit", WRITE)},
        "external-reader": {("releases", READ)},
    }
    # nobody but the redactor reads raw; nobody may create, alter or delete topics
    ops = {a.operation for a in access.acls(Topics())}
    assert ops == {"Read", "Write", "Delete", "Describe", "DescribeConfigs"}
    assert {a.principal for a in access.acls(Topics()) if a.name == "portal.raw.v1" and a.operation == READ} == {"redactor"}
