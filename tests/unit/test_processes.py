"""Stopping a local server stops everything it started: its whole process group, politely first,
by force once the grace is over, and a process already gone is left alone."""
from __future__ import annotations

import signal
import subprocess
import time
from pathlib import Path

from deploy.processes import stop_group


def gone(pid: int) -> bool:
    """No such process, or only its exit status left for a parent to collect, once the signal
    has had a moment to land (up to 10 s on a loaded machine)."""
    status = Path(f"/proc/{pid}/status")
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        try:
            if "\nState:\tZ" in status.read_text():
                return True
        except FileNotFoundError:
            return True
        time.sleep(0.05)
    return False


def started(script: str) -> tuple[subprocess.Popen, int]:
    """A shell in a group of its own, and the pid of the child it started."""
    proc = subprocess.Popen(["sh", "-c", script], stdout=subprocess.PIPE, text=True, start_new_session=True)
    return proc, int(proc.stdout.readline())


def test_the_group_is_stopped_by_sigterm_children_too():
    proc, child = started("sleep 60 & echo $!; wait")
    stop_group(proc, grace_s=10)
    assert proc.returncode == -signal.SIGTERM
    assert gone(child)


def test_a_group_that_ignores_sigterm_is_killed_once_the_grace_is_over():
    proc, child = started('trap "" TERM; sleep 60 & echo $!; wait')
    stop_group(proc, grace_s=0.5)
    assert proc.returncode == -signal.SIGKILL
    assert gone(child)


def test_a_process_already_gone_or_never_started_is_left_alone():
    proc = subprocess.Popen(["true"], start_new_session=True)
    proc.wait()
    stop_group(proc)
    stop_group(None)
    assert proc.returncode == 0
