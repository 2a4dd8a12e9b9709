"""Logging set-up shared by every service: one line per event, ids and error classes only.

Nothing here formats a request, a body or an address; callers pass ids in `extra`."""
from __future__ import annotations

import logging
import sys


class _IdsFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        line = f"{self.formatTime(record)} {record.levelname} {record.name} {record.getMessage()}"
        for key in ("event_id", "release_id", "key_id", "error_class", "topic", "partition", "offset"):
            if hasattr(record, key):
                line += f" {key}={getattr(record, key)}"
        return line


def configure(service: str, level: str = "INFO") -> logging.Logger:
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(_IdsFormatter())
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(level)
    # Third-party loggers that could echo payloads or client addresses stay quiet.
    for noisy in ("werkzeug", "aiokafka", "faststream", "presidio-analyzer", "kafka"):
        logging.getLogger(noisy).setLevel(logging.WARNING)
    logging.getLogger("presidio-analyzer").setLevel(logging.ERROR)  # language notices at start
    return logging.getLogger(service)
