"""A failure a handler did not dead-letter ends the process before anything else is committed."""
from __future__ import annotations

import subprocess
import sys

SCRIPT = """
import asyncio
from services.common import consumer, logs
logs.configure("test")

@consumer.crash_on_failure
async def handler(msg):
    raise ConnectionError("broker gone while publishing Bronwen's report")

asyncio.run(handler(None))
print("still running")
"""


def test_a_transient_failure_exits_with_70_naming_only_the_error_class():
    done = subprocess.run([sys.executable, "-c", SCRIPT], capture_output=True, text=True, timeout=60)
    assert done.returncode == 70
    assert "still running" not in done.stdout
    assert "error_class=ConnectionError" in done.stderr
    assert "Bronwen" not in done.stderr + done.stdout
