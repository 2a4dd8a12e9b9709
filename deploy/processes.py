"""Stopping what the local tools start: each server runs in a process group of its own
(`start_new_session=True`), so that stopping it stops everything it started too."""
from __future__ import annotations

import os
import signal
import subprocess


def stop_group(process: subprocess.Popen | None, grace_s: float = 30) -> None:
    """SIGTERM to the process's group, then SIGKILL if it has not gone within `grace_s`.
    Nothing happens to a process that has already gone."""
    if process is None or process.poll() is not None:
        return
    try:
        os.killpg(process.pid, signal.SIGTERM)
        process.wait(grace_s)
    except ProcessLookupError:
        process.wait()                # it went between the poll and the signal
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait()
