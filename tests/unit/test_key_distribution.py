"""Keys across machines, without a broker: signed public-key records, what an intake makes of
the keys topic's records, and replicas sharing one private-key folder."""
from __future__ import annotations

import json

import pytest
from nacl.public import PrivateKey, SealedBox
from nacl.signing import SigningKey

from services.common import keyring, sealing
from services.common.public_keys import KeyTable as Keys
from services.common.settings import SettingError
from services.intake.settings import Settings

POLICY = keyring.KeyPolicy(rotate_every_ms=86_400_000, grace_ms=600_000, raw_worst_case_ms=3_120_000)


def record(signer, private: PrivateKey, created: int) -> tuple[bytes, bytes]:
    kid = sealing.key_id(private.public_key)
    return kid.encode(), sealing.public_record(signer, kid, bytes(private.public_key), created)


def test_an_intake_seals_to_the_newest_signed_key_and_forgets_a_tombstoned_one(tmp_path):
    signer = sealing.signing_key(tmp_path)
    keys = Keys(sealing.verify_key_hex(tmp_path))
    first, second = PrivateKey.generate(), PrivateKey.generate()
    keys.apply(*record(signer, first, 1_000))
    keys.apply(*record(signer, second, 2_000))
    assert keys.newest() == (sealing.key_id(second.public_key), second.public_key)
    keys.apply(sealing.key_id(second.public_key).encode(), None)   # destroyed
    assert keys.newest()[0] == sealing.key_id(first.public_key)
    keys.apply(sealing.key_id(first.public_key).encode(), None)
    with pytest.raises(sealing.UnknownKey):
        keys.newest()


def test_a_key_signed_by_anyone_else_or_altered_is_refused(tmp_path, caplog):
    keys = Keys(sealing.verify_key_hex(tmp_path))
    mine = PrivateKey.generate()
    keys.apply(*record(SigningKey.generate(), PrivateKey.generate(), 5_000))   # another signer
    kid, value = record(sealing.signing_key(tmp_path), mine, 1_000)
    doc = json.loads(value)
    keys.apply(kid, json.dumps({**doc, "created_ms": 9_999}).encode())          # altered after signing
    keys.apply(kid, b"not json")
    assert keys.held() == set()
    assert [r.error_class for r in caplog.records] == ["BadSignatureError", "BadSignatureError", "JSONDecodeError"]
    keys.apply(kid, value)
    assert keys.held() == {sealing.key_id(mine.public_key)}


def test_two_replicas_creating_the_signing_key_at_once_get_the_same_one(tmp_path):
    assert bytes(sealing.signing_key(tmp_path)) == bytes(sealing.signing_key(tmp_path))
    assert (tmp_path / sealing.SIGNING_FILE).stat().st_mode & 0o777 == 0o600
    assert sealing.private_keys(tmp_path) == {}   # never mistaken for a sealing key


def test_a_key_destroyed_by_one_replica_leaves_the_other_s_memory_at_its_next_reload(tmp_path):
    old = sealing.generate(tmp_path)
    holder, other = keyring.Keyring(tmp_path, POLICY), keyring.Keyring(tmp_path, POLICY)
    new = sealing.generate(tmp_path)
    assert new in other.keys   # a key created by another replica is found at once, on a miss
    holder.destroy(old)
    assert set(holder.keys) == {new} and set(other.keys) == {old, new}
    other.keys.reload()        # every check (KEY_CHECK_SECONDS), on every replica
    assert set(other.keys) == {new}


def test_a_key_destroyed_by_another_replica_opens_nothing_even_before_the_next_reload(tmp_path):
    old = sealing.generate(tmp_path)
    holder, other = keyring.Keyring(tmp_path, POLICY), keyring.Keyring(tmp_path, POLICY)
    sealed = SealedBox(sealing.private_keys(tmp_path)[old].public_key).encrypt(b"{}")
    assert sealing.unseal(other.keys, old, sealed) == b"{}"
    holder.destroy(old)
    with pytest.raises(sealing.UnknownKey):
        sealing.unseal(other.keys, old, sealed)
    assert set(other.keys) == set()


@pytest.mark.parametrize("value", ["abc", "zz" * 32, "A" * 64])
def test_a_malformed_verify_key_setting_is_named(value):
    with pytest.raises(SettingError, match="SEALING_VERIFY_KEY must be the 64 hex digits"):
        Settings.from_env({"SEALING_VERIFY_KEY": value})


def test_without_a_verify_key_the_intake_reads_the_folder(tmp_path):
    assert Settings.from_env({}).verify_key is None
    hexkey = sealing.verify_key_hex(tmp_path)
    assert Settings.from_env({"SEALING_VERIFY_KEY": hexkey}).verify_key == hexkey
