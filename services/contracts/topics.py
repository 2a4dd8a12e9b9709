"""Topic names and configurations, defined once. A prefix lets several deployments (or tests)
share one cluster."""
from __future__ import annotations

from dataclasses import dataclass

from . import privacy

DEFAULT_PREFIX = "portal"


@dataclass(frozen=True)
class TopicSpec:
    name: str
    partitions: int
    config: dict[str, str]


@dataclass(frozen=True)
class Topics:
    prefix: str = DEFAULT_PREFIX

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

    def specs(self) -> list[TopicSpec]:
        short_lived = {
            "cleanup.policy": "delete",
            "retention.ms": str(privacy.RAW_RETENTION_MS),
            "segment.ms": str(privacy.RAW_SEGMENT_MS),
            "file.delete.delay.ms": str(privacy.FILE_DELETE_DELAY_MS),
            "message.timestamp.type": "LogAppendTime",
        }
        return [
            TopicSpec(self.raw, 3, short_lived),
            TopicSpec(self.dead_letter, 1, short_lived),
            TopicSpec(self.redacted, 3, {
                "cleanup.policy": "delete",
                "retention.ms": str(privacy.REDACTED_MAX_RETENTION_MS),
                "segment.ms": str(24 * 60 * 60 * 1000),
                "message.timestamp.type": "CreateTime",  # the redactor stamps the day only
            }),
            TopicSpec(self.commands, 1, {
                "cleanup.policy": "delete",
                "retention.ms": str(7 * 24 * 60 * 60 * 1000),
            }),
            TopicSpec(self.releases, 1, {"cleanup.policy": "delete", "retention.ms": "-1"}),
        ]
