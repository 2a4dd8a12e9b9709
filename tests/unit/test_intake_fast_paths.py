"""The intake's request path done once at start-up or without parsing (issue 12's speed target):
each fast path gives exactly what the general code gives, for any input."""
from __future__ import annotations

import hashlib
import hmac

import pytest
from flask import Flask, jsonify
from hypothesis import given, settings
from hypothesis import strategies as st

from services.intake import api, protection, submission


octet = st.one_of(st.integers(0, 255).map(str), st.integers(0, 999).map(lambda n: f"{n:03d}"),
                  st.integers(256, 99999).map(str), st.sampled_from(["", "-1", "+1", " 1", "1 ", "٣", "0x1f"]))
ipv4ish = st.lists(octet, min_size=1, max_size=6).map(".".join)


@settings(max_examples=500, deadline=None)
@given(address=st.one_of(ipv4ish, ipv4ish.map(lambda a: a + "\n"), st.ip_addresses().map(str), st.text(max_size=40)))
def test_an_address_counts_under_the_same_network_with_or_without_the_ipv4_fast_path(address):
    assert protection._network(address) == protection._parsed_network(address)


@pytest.mark.parametrize("address, network", [
    ("192.0.2.7", "192.0.2.7"), ("0.0.0.0", "0.0.0.0"), ("255.255.255.255", "255.255.255.255"),
    ("192.0.2.07", "192.0.2.07"),            # not an address ipaddress reads: counted as the text it is
    ("2001:db8::1", "2001:db8::/64"), ("::ffff:192.0.2.7", "192.0.2.7")])
def test_known_addresses_count_under_their_network(address, network):
    assert protection._network(address) == network


def test_the_limiters_keyed_hash_is_the_hmac_it_was():
    limiter = protection.RateLimiter(1, 600, clock=lambda: 0.0)
    assert limiter.allow("192.0.2.7") and not limiter.allow("192.0.2.7")
    expected = hmac.new(limiter._key, b"192.0.2.7", hashlib.sha256).digest()[:16]
    assert limiter._counts == {expected: 2}


@settings(max_examples=500, deadline=None)
@given(value=st.one_of(st.uuids().map(str), st.uuids(version=4).map(str),
                       st.uuids(version=4).map(lambda u: str(u).upper()),
                       st.uuids(version=4).map(lambda u: str(u) + "\n"),
                       st.uuids(version=4).map(lambda u: "{" + str(u) + "}"),
                       st.uuids(version=4).map(lambda u: u.hex), st.text(max_size=70), st.integers(), st.none()))
def test_an_event_id_is_taken_the_same_with_or_without_the_fast_path(value):
    assert submission.valid_event_id(value) == submission._parsed_event_id(value)


def test_a_canonical_event_id_is_taken_as_it_is():
    value = "0f8fad5b-d9cb-469f-a165-70867728950e"
    assert submission.valid_event_id(value) == value
    assert submission.valid_event_id(value.upper()) == value        # parsed, and written in lower case
    assert submission.valid_event_id(value.replace("-4", "-1")) is None   # not a random (version 4) id


def test_the_prebuilt_202_body_is_what_jsonify_writes():
    app = Flask(__name__)
    with app.app_context():
        answer = jsonify(status="accepted")
    assert answer.get_data() == api.ACCEPTED
    assert answer.mimetype == "application/json"


def test_the_month_is_the_same_throughout_each_utc_hour_across_both_clock_changes():
    """month_of works the month out once per UTC hour: right only if no UK month starts inside
    one. Every hour of two years (four clock changes, 24 month starts), at its start and end."""
    from datetime import datetime, timedelta, timezone

    start = datetime(2026, 1, 1, tzinfo=timezone.utc)
    for h in range(2 * 366 * 24):
        hour_start = start + timedelta(hours=h)
        hour = int(hour_start.timestamp() // 3600)
        month = submission._month_of_hour(hour)
        assert month == submission.month_of(hour_start) == submission.month_of(
            hour_start + timedelta(minutes=59, seconds=59, microseconds=999_999))


def test_the_month_now_is_the_uk_month_now():
    from datetime import datetime

    before = datetime.now(submission.LONDON).strftime("%Y-%m")
    now = submission.month_of()
    assert now in {before, datetime.now(submission.LONDON).strftime("%Y-%m")}
    assert submission.month_of(datetime(2026, 3, 31, 23, 30, tzinfo=submission.LONDON)) == "2026-03"
    # 23:30 UTC on 31 May is 00:30 on 1 June in the UK (BST); on 31 October the clocks have gone
    # back (25 October 2026), so 23:30 UTC is still 31 October there.
    from datetime import timezone
    assert submission.month_of(datetime(2026, 5, 31, 23, 30, tzinfo=timezone.utc)) == "2026-06"
    assert submission.month_of(datetime(2026, 10, 31, 23, 30, tzinfo=timezone.utc)) == "2026-10"


@pytest.mark.parametrize("event_id", ["0f8fad5b-d9cb-469f-a165-70867728950e",         # the template
                                      "0F8FAD5B-D9CB-469F-A165-70867728950E",         # json.dumps
                                      "{0f8fad5b-d9cb-469f-a165-70867728950e}"])
@pytest.mark.parametrize("key_id", ["0123456789abcdef", 'odd"key\\id'])
def test_the_sealed_envelope_is_what_json_dumps_writes_for_any_id(event_id, key_id, keys_dir):
    import base64
    import json

    from services.common import sealing
    from services.contracts import events

    _, public = sealing.newest_public(keys_dir)
    body = submission.sealed_event(b'{"answers": {}}', event_id, key_id, public)
    sealed = json.loads(body)["sealed"]
    assert body == json.dumps({"event_id": event_id, "key_id": key_id, "schema_version": events.SCHEMA_VERSION,
                               "sealed": sealed}, separators=(",", ":"), sort_keys=True).encode()
    assert len(base64.b64decode(sealed)) == len(b'{"answers": {}}') + 48   # a sealed box: key and tag
