"""Serving a FastStream service: its ASGI app with the health route, run by uvicorn."""
from __future__ import annotations

import logging
import os

from faststream.asgi import AsgiFastStream, make_ping_asgi
from faststream.kafka import KafkaBroker


def asgi(broker: KafkaBroker, **kwargs) -> AsgiFastStream:
    return AsgiFastStream(broker, asgi_routes=[("/healthz", make_ping_asgi(broker, timeout=5.0))],
                          logger=logging.getLogger("faststream"), **kwargs)


def serve(app: AsgiFastStream, port: int) -> None:
    import uvicorn  # only the entry point needs a server

    uvicorn.run(app, host=os.environ.get("PORTAL_BIND_HOST", "127.0.0.1"), port=port, access_log=False, log_level="warning")
