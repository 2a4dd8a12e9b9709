"""The redactor's purge of raw records it has redacted: a deletion the cluster refuses for a
moment (a partition's leader moving after a broker is lost) is tried again in the background, so
the records do not wait for the topic's retention. The broker's answers are scripted here; the
real deletion is exercised by the wipe and cluster tests."""
from __future__ import annotations

import asyncio
import logging

from aiokafka import TopicPartition

from services.common.kafka import RecordPurger

RAW = TopicPartition("t.raw.v1", 1)


class ScriptedPurger(RecordPurger):
    """DeleteRecords answering from a script: False (refused) or True (deleted), in turn."""

    def __init__(self, answers: list[bool], **kwargs):
        super().__init__("127.0.0.1:9", **kwargs)
        self.answers, self.asked = list(answers), []

    async def _delete_through(self, tp: TopicPartition, offset: int) -> bool:
        self.asked.append((tp.partition, offset))
        return self.answers.pop(0) if self.answers else True


def test_a_refused_deletion_is_tried_again_through_the_latest_offset_until_it_succeeds():
    async def run():
        purger = ScriptedPurger([False, False, False, True], first_retry=0.01)
        await purger.purge_through(RAW.topic, RAW.partition, 5)    # refused: retried in the background
        await purger.purge_through(RAW.topic, RAW.partition, 9)    # refused too: the retry goes through 9
        await asyncio.wait_for(purger._retrying, 5)
        return purger.asked, purger._pending
    asked, pending = asyncio.run(run())
    assert asked == [(1, 5), (1, 9), (1, 9), (1, 9)]
    assert pending == {}


def test_a_later_deletion_that_succeeds_covers_a_refused_one():
    async def run():
        purger = ScriptedPurger([False, True], first_retry=60)
        await purger.purge_through(RAW.topic, RAW.partition, 5)
        await purger.purge_through(RAW.topic, RAW.partition, 9)
        pending = dict(purger._pending)
        await purger.close()
        return purger.asked, pending
    asked, pending = asyncio.run(run())
    assert asked == [(1, 5), (1, 9)]
    assert pending == {}


def test_after_its_bound_the_purger_leaves_the_records_to_retention_and_says_so(caplog):
    async def run():
        purger = ScriptedPurger([False] * 100, first_retry=0.01, retry_for=0.05)
        await purger.purge_through(RAW.topic, RAW.partition, 5)
        await asyncio.wait_for(purger._retrying, 5)
        return purger._pending
    with caplog.at_level(logging.WARNING, logger="purger"):
        assert asyncio.run(run()) == {}
    assert [r.getMessage() for r in caplog.records] == ["purge left to retention"]
    assert caplog.records[0].partitions == 1
