"""The redactor's service core sets aside exactly the record it cannot redact, whatever it is,
and redacts the rest of the batch."""
from __future__ import annotations

import json

from services.common import sealing
from services.common.consumer import error_class_of
from services.redactor.app import redacted_events
from services.redactor.redaction import Span
from tests.support.raw import sealed, sealed_unchecked

ANSWERS = {"happened_to": "self", "came_from": ["peer"], "about": ["race"],
           "what_happened": "Marek laughed at my accent."}


def kind(out) -> str:
    """What the redactor made of a record: its event, or the error class its dead letter names."""
    return "bytes" if isinstance(out, bytes) else error_class_of(out)


def ids(n: int) -> str:
    return f"00000000-0000-4000-8000-{n:012d}"


def marek(texts):
    for t in texts:
        assert not any(0xD800 <= ord(c) <= 0xDFFF for c in t), "a lone surrogate reached the model"
    return [[Span(t.index("Marek"), t.index("Marek") + 5, "PERSON")] if "Marek" in t else [] for t in texts]


def test_tombstones_deep_json_and_bad_bytes_are_errors_of_their_own_and_the_rest_is_redacted(keys_dir):
    raws = [None, b"[" * 50_000 + b"]" * 50_000, sealed(ANSWERS, ids(1), keys_dir), b"\xff", b"",
            b'{"event_id": ' * 5000]
    outs = redacted_events(raws, marek, sealing.private_keys(keys_dir))
    assert [kind(o) for o in outs] == ["Tombstone", "TooDeep", "bytes", "UnicodeDecodeError",
                                                "JSONDecodeError", "TooDeep"]
    assert json.loads(outs[2])["answers"]["what_happened"] == "[PERSON] laughed at my accent."


def test_a_lone_surrogate_never_reaches_the_model_and_the_report_is_redacted(keys_dir):
    # the intake refuses lone surrogates (characters.py); the redactor must not rely on it
    raw = sealed_unchecked({**ANSWERS, "what_happened": "Marek said \ud800 to me"}, ids(2), keys_dir)
    [out] = redacted_events([raw], marek, sealing.private_keys(keys_dir))
    assert json.loads(out)["answers"]["what_happened"] == "[PERSON] said \ufffd to me"


def test_a_report_the_pipeline_fails_on_is_set_aside_alone_and_its_batch_is_redacted(keys_dir):
    def fragile(texts):
        if any("poison" in t for t in texts):
            raise IndexError("the pipeline failed on one text")
        return marek(texts)

    raws = [sealed(ANSWERS, ids(3), keys_dir), sealed({**ANSWERS, "what_happened": "poison"}, ids(4), keys_dir),
            sealed(ANSWERS, ids(5), keys_dir)]
    outs = redacted_events(raws, fragile, sealing.private_keys(keys_dir))
    assert [kind(o) for o in outs] == ["bytes", "IndexError", "bytes"]
    assert [json.loads(o)["event_id"] for o in (outs[0], outs[2])] == [ids(3), ids(5)]

    [alone] = redacted_events([raws[1]], fragile, sealing.private_keys(keys_dir))
    assert kind(alone) == "IndexError"
