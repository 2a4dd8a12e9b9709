"""Topic names and configurations, defined once. A prefix lets several deployments (or tests)
share one cluster."""
from __future__ import annotations

from dataclasses import dataclass

from . import privacy

DEFAULT_PREFIX = "portal"

# Consumer groups: the redactor's on the raw topic, the aggregator's on redacted and commands.
REDACTOR_GROUP = "redactor"
AGGREGATOR_GROUP = "aggregator"
# The aggregator's theme coder: a second pass over the redacted topic (services/aggregator/handlers.py).
AGGREGATOR_CODER_GROUP = "aggregator-coder"
# The redactors' key lease: the one member of this group assigned the key-lease topic's single
# partition rotates and destroys sealing keys (services/redactor/keys.py).
KEY_LEASE_GROUP = "redactor-keys"


@dataclass(frozen=True)
class Replication:
    """How many brokers hold each partition, and how many must acknowledge a write (acks=all)."""
    factor: int
    min_insync: int


# On a cluster of three or more brokers every topic survives the loss of one broker without
# refusing writes; on fewer (`make run`, the single-broker fixtures) both are lowered to 1.
CLUSTER_REPLICATION = Replication(factor=3, min_insync=2)
SINGLE_REPLICATION = Replication(factor=1, min_insync=1)
# The replication factors a deployment may name (KAFKA_REPLICATION).
REPLICATIONS = {r.factor: r for r in (SINGLE_REPLICATION, CLUSTER_REPLICATION)}


def replication_for(brokers: int) -> Replication:
    return CLUSTER_REPLICATION if brokers >= CLUSTER_REPLICATION.factor else SINGLE_REPLICATION


@dataclass(frozen=True)
class TopicSpec:
    name: str
    partitions: int
    config: dict[str, str]


@dataclass(frozen=True)
class Topics:
    prefix: str = DEFAULT_PREFIX
    raw_lifetime: privacy.Lifetime = privacy.RAW          # raw and dead-letter topics
    redacted_lifetime: privacy.Lifetime = privacy.REDACTED

    @property
    def raw(self) -> str:
        return f"{self.prefix}.raw.v1"

    @property
    def redacted(self) -> str:
        return f"{self.prefix}.redacted.v1"

    @property
    def dead_letter(self) -> str:
        return f"{self.prefix}.dead-letter.v1"

    @property
    def commands(self) -> str:
        return f"{self.prefix}.commands.v1"

    @property
    def releases(self) -> str:
        """The integration topic other NHS systems read."""
        return f"{self.prefix}.releases.v1"

    @property
    def audit(self) -> str:
        """The reporter's audit log: who did what administrative action, never report content."""
        return f"{self.prefix}.audit.v1"

    @staticmethod
    def _lifetime_config(lifetime: privacy.Lifetime) -> dict[str, str]:
        return {
            "cleanup.policy": "delete",  # never compact: compaction keeps data (kafka-local.md)
            "retention.ms": str(lifetime.retention_ms),
            "segment.ms": str(lifetime.segment_ms),
            "file.delete.delay.ms": str(lifetime.delete_delay_ms),
        }

    @property
    def wipes(self) -> str:
        """The aggregator's confirmations of wipes, read by the reporter's audit."""
        return f"{self.prefix}.wipes.v1"

    @property
    def public_keys(self) -> str:
        """The sealing public keys, signed by the redactors' key lease holder, read by every
        intake: one record per key id, a tombstone once its private half is destroyed."""
        return f"{self.prefix}.public-keys.v1"

    @property
    def key_lease(self) -> str:
        """Never written: its single partition, assigned to one member of KEY_LEASE_GROUP at a
        time, is the redactors' lease on rotating and destroying keys."""
        return f"{self.prefix}.key-lease.v1"

    def specs(self) -> list[TopicSpec]:
        # LogAppendTime: a producer's clock cannot keep a raw record's segment alive.
        short_lived = {**self._lifetime_config(self.raw_lifetime), "message.timestamp.type": "LogAppendTime"}
        return [
            TopicSpec(self.raw, 3, short_lived),
            TopicSpec(self.dead_letter, 1, short_lived),
            TopicSpec(self.redacted, 3, {
                **self._lifetime_config(self.redacted_lifetime),
                "message.timestamp.type": "CreateTime",  # the redactor stamps the day only
            }),
            TopicSpec(self.commands, 1, {
                "cleanup.policy": "delete",
                "retention.ms": str(7 * privacy.DAY_MS),
            }),
            TopicSpec(self.releases, 1, {"cleanup.policy": "delete", "retention.ms": "-1"}),
            TopicSpec(self.audit, 1, {"cleanup.policy": "delete", "retention.ms": "-1"}),
            TopicSpec(self.wipes, 1, {"cleanup.policy": "delete", "retention.ms": "-1"}),
            # Public keys are not personal data; compaction keeps the latest record per key id
            # and removes a destroyed key's record after its tombstone.
            TopicSpec(self.public_keys, 1, {"cleanup.policy": "compact", "min.compaction.lag.ms": "0"}),
            TopicSpec(self.key_lease, 1, {"cleanup.policy": "delete", "retention.ms": "-1"}),
        ]
