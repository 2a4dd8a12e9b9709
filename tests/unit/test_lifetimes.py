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


def test_a_record_older_than_its_bound_is_flagged():
    fine = TopicState("p.raw.v1", 2, 60_000, 3_120_000)
    stale = TopicState("p.raw.v1", 2, 3_120_001, 3_120_000)
    empty = TopicState("p.raw.v1", 0, None, 3_120_000)
    kept = TopicState("p.releases.v1", 9, 10**12, None)
    assert [s.within_bound for s in (fine, stale, empty, kept)] == [True, False, True, True]
    lines = render([fine, stale, kept], keys=[("k1", 3_600_000)]).splitlines()
    assert lines[1].split() == ["p.raw.v1", "2", "1.0", "min", "52.0", "min", "yes"]
    assert lines[2].split()[-1] == "NO"
    assert lines[3].split()[-3:] == ["days", "kept", "yes"]
    assert lines[4] == "sealing private keys held: 1 (oldest created 60.0 min ago)"
    assert duration(3 * 86_400_000, "-") == "3.0 days" and duration(None, "never") == "never"
