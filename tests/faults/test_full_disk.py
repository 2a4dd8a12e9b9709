"""The disk under the aggregator's state fills up while reports arrive: it counts nothing it
cannot keep, commits nothing past them, does not exit, and once space is freed counts every
report exactly once."""
from __future__ import annotations

import subprocess
import time

import pytest

from services.aggregator.app import GROUP
from tests.e2e.test_aggregator_restart import redacted_report
from tests.faults.load import counted
from tests.support.kafka import lag, produce, wait_caught_up

pytestmark = [pytest.mark.kafka, pytest.mark.faults]


@pytest.fixture
def small_disk(tmp_path):
    """A 2 MiB tmpfs (needs root, as `make test` runs); skipped where mounting is not allowed."""
    where = tmp_path / "small-disk"
    where.mkdir()
    if subprocess.run(["mount", "-t", "tmpfs", "-o", "size=2m", "tmpfs", str(where)],
                      capture_output=True).returncode != 0:
        pytest.skip("cannot mount a tmpfs here")
    try:
        yield where
    finally:
        subprocess.run(["umount", "-l", str(where)], check=False)


def fill(where) -> None:
    """Take every free byte, as a full disk does."""
    with open(where / "filler", "wb") as fh:
        try:
            while True:
                fh.write(b"\0" * 65536)
                fh.flush()
        except OSError:
            pass


def test_a_full_disk_under_the_aggregator_delays_counting_and_loses_nothing(fault_portal, small_disk):
    portal = fault_portal
    portal.env["AGGREGATOR_STATE_DIR"] = str(small_disk)
    b, t = portal.bootstrap, portal.topics
    produce(b, t.redacted, [redacted_report(i) for i in range(0, 200)])
    portal.start("aggregator")
    wait_caught_up(b, GROUP, t.redacted)
    fill(small_disk)

    produce(b, t.redacted, [redacted_report(i) for i in range(200, 2200)])
    # a few attempts, each refused by the disk: a batch is coded (500 narratives, seconds on a busy
    # machine) before its transaction is refused, so wait for the refusal rather than a fixed time
    deadline = time.monotonic() + 120
    while "error_class=OperationalError" not in portal.logs() and time.monotonic() < deadline:
        time.sleep(1)
    assert "error_class=OperationalError" in portal.logs()
    assert lag(b, GROUP, t.redacted) > 0, "nothing may be committed that was not counted"
    assert portal.procs["aggregator"].poll() is None, "the aggregator exited"

    (small_disk / "filler").unlink()
    wait_caught_up(b, GROUP, t.redacted)
    ids, total = counted(small_disk)
    assert sorted(ids) == [f"00000000-0000-4000-8000-{i:012d}" for i in range(2200)] and total == 2200
    assert portal.procs["aggregator"].poll() is None
