"""The intake's partitioner (services/common/kafka.py:StickyPartitioner): reports sent together
go to one partition, so that they travel as one batch; over time every available partition
gets its share; an unavailable partition gets none."""
from __future__ import annotations

import uuid
from collections import Counter

from services.common.kafka import StickyPartitioner


class Clock:
    def __init__(self):
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def test_reports_sent_within_one_window_share_one_partition_whatever_their_keys():
    clock = Clock()
    pick = StickyPartitioner(window=0.05, clock=clock)
    chosen = {pick(str(uuid.uuid4()).encode(), [0, 1, 2], [2, 0, 1]) for _ in range(200)}
    assert len(chosen) == 1


def test_over_many_windows_every_partition_gets_an_equal_share():
    clock = Clock()
    pick = StickyPartitioner(window=1.0, clock=clock)
    shares = Counter()
    for _ in range(300):
        clock.now += 1.0
        shares[pick(b"k", [0, 1, 2], [0, 1, 2])] += 1
    assert shares == {0: 100, 1: 100, 2: 100}


def test_only_available_partitions_are_chosen_and_all_partitions_when_none_is_known_available():
    clock = Clock()
    pick = StickyPartitioner(window=0.05, clock=clock)
    seen, fallback = set(), set()
    for _ in range(60):
        clock.now += 0.05
        seen.add(pick(b"k", [0, 1, 2], [2, 0]))
        fallback.add(pick(b"k", [0, 1, 2], []))
    assert seen == {0, 2} and fallback == {0, 1, 2}
