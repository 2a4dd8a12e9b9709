"""Abuse protection that keeps no address: a per-address counter keyed by a hash whose key
lives only in memory and is replaced every window, a signed start time for a minimum time to
complete the form, and a honeypot field. Nothing here is logged or written anywhere."""
from __future__ import annotations

import hashlib
import hmac
import ipaddress
import os
import re
import threading
import time
from dataclasses import dataclass, field
from typing import Callable

from itsdangerous import BadSignature, SignatureExpired, TimestampSigner

HONEYPOT = "reference_code"   # a field people never see; bots that fill every field fill it


class RateLimiter:
    """At most `limit` attempts per address per `window` seconds.

    Counts are per process: no address, not even hashed, is shared between processes, so each
    gunicorn worker of each replica counts alone, and an address can send up to the limit to
    each of them (W workers on R replicas: up to W x R x the limit per window; docs/intake.md).
    Addresses are never stored: each is reduced to an HMAC under a random key that exists only
    in this process's memory. At the end of every window the key and all counts are dropped
    together, so a count can never be traced back to an address afterwards. IPv6 addresses
    count by their /64, which one household or phone is usually given whole."""

    def __init__(self, limit: int, window: float, clock: Callable[[], float] = time.monotonic,
                 max_tracked: int = 100_000):
        if limit < 1 or window <= 0:
            raise ValueError("a rate limit needs limit >= 1 and window > 0")
        self.limit, self.window, self.max_tracked = limit, window, max_tracked
        self._clock = clock
        self._lock = threading.Lock()
        self._epoch = None
        self._key = b""
        self._counts: dict[bytes, int] = {}

    def allow(self, address: str) -> bool:
        with self._lock:
            self._rotate()
            digest = hmac.digest(self._key, _network(address).encode(), hashlib.sha256)[:16]
            if digest not in self._counts and len(self._counts) >= self.max_tracked:
                return False   # flooded from more addresses than we track: refuse, keep memory bounded
            self._counts[digest] = self._counts.get(digest, 0) + 1
            return self._counts[digest] <= self.limit

    def tracked(self) -> int:
        """How many (hashed) addresses are counted in the current window."""
        with self._lock:
            self._rotate()
            return len(self._counts)

    def _rotate(self) -> None:
        epoch = int(self._clock() // self.window)
        if epoch != self._epoch:
            self._epoch, self._key, self._counts = epoch, os.urandom(32), {}


# An IPv4 address as ipaddress writes it (decimal octets 0-255, no leading zero): most clients'
# addresses, counted as they are without parsing them.
_OCTET = "(?:25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])"
_CANONICAL_IPV4 = re.compile(rf"{_OCTET}(?:\.{_OCTET}){{3}}")


def _network(address: str) -> str:
    if _CANONICAL_IPV4.fullmatch(address):
        return address   # what parsing it gives back, without the parse
    return _parsed_network(address)


def _parsed_network(address: str) -> str:
    try:
        ip = ipaddress.ip_address(address)
    except ValueError:
        return address
    if ip.version == 6:
        if ip.ipv4_mapped:
            return str(ip.ipv4_mapped)
        return str(ipaddress.ip_network(f"{ip}/64", strict=False))
    return str(ip)


class TooFast(Exception):
    """Sent sooner after starting than a person could have read and answered the form."""


class Stale(Exception):
    """The start time is missing, forged, signed with another key or too old: start a new clock."""


@dataclass
class FormClock:
    """A start time signed with the replicas' shared form key (settings.form_key): the form
    carries it from page to page, and sending, on whichever replica or worker, checks that at
    least `min_seconds` have passed."""

    min_seconds: float
    max_age: float
    key: bytes = field(default_factory=lambda: os.urandom(32), repr=False)
    clock: Callable[[], float] = time.time
    _signer: TimestampSigner = field(init=False, repr=False)

    def __post_init__(self):
        self._signer = TimestampSigner(self.key, salt="intake-form-start")
        self._signer.get_timestamp = lambda: int(self.clock())

    def start(self) -> str:
        return self._signer.sign(b"started").decode()

    def check(self, token: str | None) -> None:
        """Raises Stale or TooFast; returns quietly when the form took long enough."""
        try:
            _, signed_at = self._signer.unsign(token or "", max_age=self.max_age, return_timestamp=True)
        except (SignatureExpired, BadSignature):
            raise Stale() from None
        if self.clock() - signed_at.timestamp() < self.min_seconds:
            raise TooFast()
