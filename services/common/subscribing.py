"""How every subscriber of the portal reads: records without their headers, bytes left for the
handler to decode one by one, and a failure the handler did not dead-letter retried from the
last commit."""
from __future__ import annotations

import asyncio
import contextlib
import dataclasses
import functools
import logging


async def raw_records(record, original):
    """A parser for `broker.subscriber(parser=...)`: FastStream's own, given the record without
    its headers, which the portal never uses (a header that is not UTF-8, or null, would fail
    FastStream's parsing of the whole batch before any handler could dead-letter it)."""
    if isinstance(record, tuple):
        return await original(tuple(dataclasses.replace(r, headers=()) for r in record))
    return await original(dataclasses.replace(record, headers=()))


async def undecoded(msg, original):
    """A decoder for `broker.subscriber(decoder=...)`: the bytes as they came. Each handler
    decodes and validates every record itself, so one bad record (deeply nested JSON, say)
    cannot fail a whole batch before the handler runs."""
    return msg.body


def robust(**kwargs) -> dict:
    """The subscriber options every consumer of the portal uses."""
    return {"parser": raw_records, "decoder": undecoded, **kwargs}


def retry_on_failure(handler, max_backoff: float = 5.0):
    """A failure a handler did not turn into a dead letter is transient (the broker gone, the
    disk full): nothing of the message is committed, the consumer is rewound to it (nack), and
    after a pause it is read again, until it goes through. Handling is idempotent (event ids),
    so a repeat is harmless. The process never exits for it: it reconnects by itself."""
    failures = 0

    @functools.wraps(handler)
    async def wrapper(msg):
        nonlocal failures
        try:
            result = await handler(msg)
        except Exception as exc:
            failures += 1
            pause = min(max_backoff, 0.2 * 2 ** min(failures, 10))
            logging.getLogger("consumer").error(
                "transient failure: retrying from the last commit",
                extra={"error_class": type(exc).__name__, "retry_in_s": round(pause, 1)})
            await asyncio.sleep(pause)
            with contextlib.suppress(Exception):   # positions fall back to the last commit anyway
                await msg.nack()
            return None
        failures = 0
        return result
    return wrapper
