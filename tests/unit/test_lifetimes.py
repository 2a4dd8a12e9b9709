"""The operator's view: a topic's worst-case lifetime from its configuration as the broker
reports it, and when a topic is out of bounds."""
from services.common.lifetimes import TopicState, duration, lifetime_of, render
from services.contracts import privacy
from services.contracts.topics import Topics


def test_the_raw_topic_as_configured_gives_the_documented_52_minutes():
    raw = next(s for s in Topics("p").specs() if s.name == "p.raw.v1")
    lifetime = lifetime_of(raw.config)
    assert lifetime == privacy.RAW
    assert lifetime.worst_case_ms(privacy.BROKER_RETENTION_CHECK_MS) == 52 * 60_000 == privacy.RAW_WORST_CASE_MS


def test_a_topic_kept_for_ever_or_compacted_has_no_bound():
    assert lifetime_of({"cleanup.policy": "delete", "retention.ms": "-1", "segment.ms": "1"}) is None
    assert lifetime_of({"cleanup.policy": "compact", "retention.ms": "1000", "segment.ms": "1"}) is None


H = 3_600_000
NOW = 1_796_000_000_000 // H * H + 25 * 60_000      # 25 minutes past an hour


def test_a_record_older_than_its_bound_is_flagged_and_no_count_or_exact_time_is_shown():
    fine = TopicState("p.raw.v1", NOW - 60_000, 3_120_000, NOW)
    stale = TopicState("p.raw.v1", NOW - 3_120_001, 3_120_000, NOW)
    empty = TopicState("p.raw.v1", None, 3_120_000, NOW)
    kept = TopicState("p.releases.v1", NOW - 10**9, None, NOW)
    assert [s.within_bound for s in (fine, stale, empty, kept)] == [True, False, True, True]
    # A record of this hour and an empty topic read the same: nobody learns a report just came.
    assert fine.oldest_age_hours == empty.oldest_age_hours == 0 and fine.summary() == empty.summary()
    assert stale.oldest_age_hours == 1
    assert fine.summary() == "No record is older than an hour. No record can stay longer than 52 minutes: within the bound."
    assert stale.summary().startswith("The oldest record arrived about 1 hour ago. A record has stayed longer")
    assert kept.summary() == "The oldest record arrived about 11 days ago. Records are kept for ever."
    assert duration(3 * 86_400_000, "-") == "3 days" and duration(None, "never") == "never"


def test_the_age_changes_on_the_clock_hour_whenever_the_record_came():
    """Polling the age must not time a record's arrival: it moves on the hour, for any record."""
    early, late = NOW - 24 * 60_000, NOW - 1_000           # both in this hour
    for poll in range(NOW, NOW + 2 * H, 60_000):
        assert TopicState("t", early, None, poll).oldest_age_hours == TopicState("t", late, None, poll).oldest_age_hours


def test_the_api_view_has_no_record_count_and_lists_each_key_with_its_destruction_hour(tmp_path):
    from services.common import sealing
    from services.common.keyring import KeyPolicy
    from services.common.lifetimes import as_dict, key_states
    import os

    old = sealing.generate(tmp_path)
    os.utime(tmp_path / f"{old}.public", (NOW / 1000 - 7200, NOW / 1000 - 7200))
    new = sealing.generate(tmp_path)
    os.utime(tmp_path / f"{new}.public", (NOW / 1000 - 600, NOW / 1000 - 600))
    policy = KeyPolicy(rotate_every_ms=24 * H, grace_ms=600_000, raw_worst_case_ms=3_120_000, check_every_ms=60_000)
    keys = key_states(tmp_path, policy)
    assert [(k.key_id, k.current) for k in keys] == [(old, False), (new, True)]
    # superseded 10 minutes ago: + 10 min grace + 52 min + 1 min check = 63 minutes from then
    assert keys[0].destroyed_by_ms == NOW - 600_000 + 600_000 + 3_120_000 + 60_000
    view = as_dict([TopicState("p.raw.v1", NOW - 60_000, 3_120_000, NOW)], keys)
    assert view["topics"] == [{"topic": "p.raw.v1", "within_bound": True, "oldest_age_hours": 0, "bound_ms": 3_120_000,
                               "summary": view["topics"][0]["summary"]}]
    assert [k["destroyed_by"] for k in view["keys"]] == [
        lifetimes_hour(keys[0].destroyed_by_ms), lifetimes_hour(keys[1].destroyed_by_ms)]
    assert view["keys"][0]["summary"].startswith("Replaced; destroyed as soon as every report sealed with it")
    text = render([TopicState("p.raw.v1", None, 3_120_000, NOW)], keys)
    assert "Sealing private keys held: 2." in text and "records" not in text.split("\n")[0].lower().split(":")[0]


def lifetimes_hour(ms: int) -> str:
    from datetime import datetime, timezone
    return datetime.fromtimestamp(-(-ms // H) * 3600, tz=timezone.utc).strftime("%Y-%m-%d %H:00 UTC")


def test_the_rules_are_pure_they_load_no_kafka_client():
    """The rules, wording and key schedule can be read and tested without a broker library."""
    import subprocess
    import sys

    probe = ("import sys, services.common.lifetimes_rules; "
             "print(sorted(m for m in ('aiokafka', 'faststream', 'kafka') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, timeout=60, check=True)
    assert out.stdout.strip() == "[]"


def test_the_cli_prints_the_view_and_fails_when_a_topic_is_out_of_bounds(monkeypatch, capsys):
    import pytest

    from services.common import lifetimes

    states = [TopicState("p.raw.v1", NOW - 3_120_001, 3_120_000, NOW), TopicState("p.releases.v1", None, None, NOW)]

    async def survey(bootstrap, topics, now_ms=None):
        assert (bootstrap, topics.raw) == ("kafka-9.example:9092", "p.raw.v1")
        return states

    monkeypatch.setattr(lifetimes, "survey", survey)
    with pytest.raises(SystemExit) as exited:
        lifetimes.main(["--bootstrap", "kafka-9.example:9092", "--prefix", "p"])
    assert exited.value.code == 1
    assert capsys.readouterr().out == (
        "p.raw.v1: The oldest record arrived about 1 hour ago. A record has stayed longer than the bound of "
        "52 minutes: investigate.\n"
        "p.releases.v1: No record is older than an hour. Records are kept for ever.\n")


def test_the_view_lists_keys_only_where_the_key_folder_is_reachable(tmp_path):
    from services.common import sealing
    from services.common.lifetimes import view_of

    states = [TopicState("p.raw.v1", None, 3_120_000, NOW)]
    kid = sealing.generate(tmp_path)
    held = view_of(states, Topics("p"), str(tmp_path), env={})
    assert held["states"] == states and [k.key_id for k in held["keys"]] == [kid]
    assert view_of(states, Topics("p"), str(tmp_path / "absent"), env={})["keys"] is None
    assert view_of(states, Topics("p"), None, env={})["keys"] is None
