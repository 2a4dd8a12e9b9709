"""Key rotation and crypto-shredding: when a key is created, when its private half is
destroyed, and that a record sealed to a destroyed key opens with nothing left."""
from __future__ import annotations

import os
import time

import pytest
from nacl.exceptions import CryptoError
from nacl.public import SealedBox

from services.common import keyring, sealing

MIN = 60_000
DAY = 24 * 60 * MIN
POLICY = keyring.KeyPolicy(rotate_every_ms=DAY, grace_ms=10 * MIN, raw_worst_case_ms=52 * MIN)


def backdate(folder, kid, ms_ago):
    when = time.time() - ms_ago / 1000
    os.utime(folder / f"{kid}.public", (when, when))


def test_rotation_is_due_with_no_key_or_a_day_old_key():
    assert keyring.rotation_due({}, 0, POLICY) is True
    assert keyring.rotation_due({"a": 0}, DAY - 1, POLICY) is False
    assert keyring.rotation_due({"a": 0, "b": 5}, DAY, POLICY) is False
    assert keyring.rotation_due({"a": 0}, DAY, POLICY) is True


def test_a_superseded_key_lives_until_its_records_have_expired():
    created = {"old": 0, "new": DAY}
    unused_from = DAY + 10 * MIN
    assert keyring.to_destroy(created, unused_from + 52 * MIN - 1, POLICY, None) == []
    assert keyring.to_destroy(created, unused_from + 52 * MIN, POLICY, None) == ["old"]


def test_a_superseded_key_goes_as_soon_as_the_raw_topic_is_drained_after_its_grace():
    created = {"old": 0, "new": DAY}
    unused_from = DAY + 10 * MIN
    # drained before the grace ended: a late submission may still be sealed with the old key
    assert keyring.to_destroy(created, unused_from + MIN, POLICY, unused_from - 1) == []
    assert keyring.to_destroy(created, unused_from + MIN, POLICY, unused_from) == ["old"]


def test_the_newest_key_is_never_destroyed():
    assert keyring.to_destroy({"only": 0}, 100 * DAY, POLICY, 100 * DAY) == []
    three = {"a": 0, "b": DAY, "c": 2 * DAY}
    assert keyring.to_destroy(three, 3 * DAY, POLICY, None) == ["a", "b"]


def test_a_record_sealed_to_a_destroyed_key_opens_with_no_key_left(tmp_path):
    old = sealing.generate(tmp_path)
    kid, public = sealing.newest_public(tmp_path)
    assert kid == old
    ciphertext = sealing.seal(public, b'{"text": "synthetic canary 5f1c"}')
    assert sealing.unseal(sealing.private_keys(tmp_path), old, ciphertext).startswith(b'{"text"')
    new = sealing.generate(tmp_path)

    keyring.destroy(tmp_path, old)

    assert sorted(p.name for p in tmp_path.iterdir()) == [f"{new}.public", f"{new}.secret"]
    with pytest.raises(sealing.UnknownKey):
        sealing.unseal(sealing.private_keys(tmp_path), old, ciphertext)
    for private in sealing.private_keys(tmp_path).values():  # nor by trying every key left
        with pytest.raises(CryptoError):
            SealedBox(private).decrypt(ciphertext)


def test_the_keyring_rotates_then_destroys_and_forgets_the_old_key(tmp_path):
    first = sealing.generate(tmp_path)
    backdate(tmp_path, first, DAY)
    ring = keyring.Keyring(tmp_path, POLICY)
    held = ring.keys  # the redactor's handler holds this very dict
    assert list(held) == [first]

    now = int(time.time() * 1000)
    new, destroyed = ring.tend(now, drained_at_ms=None)
    assert new is not None and new != first and destroyed == []
    assert sealing.newest_public(tmp_path)[0] == new
    assert sorted(held) == sorted([first, new])

    new_again, destroyed = ring.tend(now + 63 * MIN, drained_at_ms=None)
    assert (new_again, destroyed) == (None, [first])
    assert list(held) == [new]
    assert not (tmp_path / f"{first}.secret").exists()
