"""Who may do what on the Kafka cluster: one principal per service and one for other NHS
systems, each with exactly the operations its code performs, defined once.

Used by the local secure broker (deploy/kafka/secure.py applies these ACLs), the tests (which
also try every operation NOT granted here and require a refusal) and the Helm chart's Strimzi
KafkaUser resources (deploy/manifests.py). Kafka's own implications apply: Read, Write and
Delete each imply Describe on the same resource.
"""
from __future__ import annotations

from dataclasses import dataclass

from .topics import AGGREGATOR_CODER_GROUP, AGGREGATOR_GROUP, KEY_LEASE_GROUP, REDACTOR_GROUP, Topics

# Kafka operation names, as AclCommand and Strimzi spell them.
READ, WRITE, DELETE, DESCRIBE, DESCRIBE_CONFIGS = "Read", "Write", "Delete", "Describe", "DescribeConfigs"
TOPIC, GROUP, CLUSTER = "topic", "group", "cluster"
LITERAL, PREFIX = "literal", "prefix"

# Topic roles: attribute names of Topics. Every topic the portal has.
TOPIC_ROLES = ("raw", "dead_letter", "redacted", "commands", "releases", "audit", "wipes", "public_keys", "key_lease")
# Consumer groups other NHS systems reading the releases topic must start with this.
EXTERNAL_GROUP_PREFIX = "external-"


@dataclass(frozen=True)
class Grant:
    resource: str              # TOPIC, GROUP or CLUSTER
    name: str                  # a topic role (TOPIC_ROLES), a group name or prefix, or "" for the cluster
    operations: tuple[str, ...]
    pattern: str = LITERAL


def _topic(role: str, *ops: str) -> Grant:
    assert role in TOPIC_ROLES, role
    return Grant(TOPIC, role, ops)


# The table. Each line says why, in terms of the code that needs it.
PRINCIPALS: dict[str, tuple[Grant, ...]] = {
    "intake": (
        _topic("raw", WRITE),                                # SyncProducer (idempotent: Write suffices)
        _topic("public_keys", READ),                         # the keys to seal to (no group: assigned)
    ),
    "redactor": (
        _topic("raw", READ, DELETE, DESCRIBE_CONFIGS),       # consume; RecordPurger; raw_worst_case_ms
        _topic("redacted", WRITE),
        _topic("dead_letter", WRITE),
        Grant(GROUP, REDACTOR_GROUP, (READ,)),
        _topic("public_keys", WRITE),                        # the lease holder publishes public keys
        _topic("key_lease", READ),                           # joining the lease group
        Grant(GROUP, KEY_LEASE_GROUP, (READ,)),
        Grant(CLUSTER, "", (DESCRIBE_CONFIGS,)),             # the broker's retention check interval
    ),
    "aggregator": (
        _topic("redacted", READ, DELETE),                    # consume; wipe
        _topic("commands", READ),
        _topic("releases", WRITE),
        _topic("wipes", WRITE),
        _topic("dead_letter", WRITE, DELETE),                # dead-letter; a wipe purges dead letters
        _topic("raw", DELETE),                               # a wipe purges what the redactor finished
        Grant(GROUP, AGGREGATOR_GROUP, (READ,)),
        Grant(GROUP, AGGREGATOR_CODER_GROUP, (READ,)),     # the theme coder's second pass
        Grant(GROUP, REDACTOR_GROUP, (DESCRIBE,)),           # how far the redactor has committed on raw
    ),
    "reporter": (
        _topic("releases", READ),
        _topic("wipes", READ),
        _topic("audit", READ, WRITE),
        _topic("commands", WRITE),
        # the /operator page: every topic's configuration and record counts (Describe lists
        # offsets and timestamps; it reads no record of a topic it may not Read)
        *(_topic(role, DESCRIBE, DESCRIBE_CONFIGS) for role in TOPIC_ROLES),
        Grant(CLUSTER, "", (DESCRIBE_CONFIGS,)),
    ),
    "external-reader": (                                     # another NHS system
        _topic("releases", READ),
        Grant(GROUP, EXTERNAL_GROUP_PREFIX, (READ,), PREFIX),
    ),
}

SERVICES = ("intake", "redactor", "aggregator", "reporter")


@dataclass(frozen=True)
class Acl:
    """One allow rule, resolved to names for one deployment's topic prefix."""
    principal: str
    resource: str
    name: str
    pattern: str
    operation: str


def acls(topics: Topics, principals: dict[str, tuple[Grant, ...]] = PRINCIPALS) -> list[Acl]:
    out = []
    for principal, grants in principals.items():
        for g in grants:
            name = getattr(topics, g.name) if g.resource == TOPIC else g.name
            out += [Acl(principal, g.resource, name, g.pattern, op) for op in g.operations]
    return out


def _implied(ops: set[str]) -> set[str]:
    return ops | ({DESCRIBE} if ops & {READ, WRITE, DELETE} else set())


def allowed(principal: str, role: str) -> set[str]:
    """Operations `principal` may perform on the topic of `role` (with Kafka's implications)."""
    ops = {op for g in PRINCIPALS[principal] if g.resource == TOPIC and g.name == role for op in g.operations}
    return _implied(ops)


def forbidden(principal: str) -> list[tuple[str, str]]:
    """Every (topic role, operation) among Read, Write and Delete that `principal` must be
    refused."""
    return [(role, op) for role in TOPIC_ROLES for op in (READ, WRITE, DELETE)
            if op not in allowed(principal, role)]
