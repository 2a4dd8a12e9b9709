"""The redactor's service core: a batch of sealed raw records becomes redacted events or
the errors that send them to the dead-letter topic, with every text of the batch analysed in one
call (one pass of the model)."""
from __future__ import annotations

import json

from services.common import sealing
from services.common.consumer import error_class_of
from services.contracts import events
from services.redactor.app import redacted_events
from services.redactor.redaction import Span
from tests.support.raw import sealed
import pytest

pytestmark = pytest.mark.slow   # the model, rendering or a benchmark: not in `make unit`

ANSWERS = {"happened_to": "self", "came_from": ["peer"], "about": ["race"],
           "what_happened": "Marek laughed at my accent.", "what_would_help": "Ask Marek to stop."}


def test_a_batch_is_analysed_in_one_call_and_bad_records_come_back_as_errors(tmp_path, keys_dir):
    calls = []

    def analyse_many(texts):
        calls.append(list(texts))
        return [[Span(t.index("Marek"), t.index("Marek") + 5, "PERSON")] if "Marek" in t else [] for t in texts]

    lost = tmp_path / "lost"
    sealing.generate(lost)
    raws = [sealed(ANSWERS, "00000000-0000-4000-8000-000000000001", keys_dir), b"not json",
            sealed(ANSWERS, "00000000-0000-4000-8000-000000000002", lost),
            sealed({**ANSWERS, "what_would_help": "Nothing"}, "00000000-0000-4000-8000-000000000003", keys_dir)]

    outs = redacted_events(raws, analyse_many, sealing.private_keys(keys_dir))

    kinds = ["bytes" if isinstance(o, bytes) else error_class_of(o) for o in outs]
    assert kinds == ["bytes", "JSONDecodeError", "UnknownKey", "bytes"]
    assert all(isinstance(o, events.InvalidMessage) for o in outs[1:3])   # never processable: dead letters
    assert calls == [["Marek laughed at my accent.", "Ask Marek to stop.",
                      "Marek laughed at my accent.", "Nothing"]]
    first, last = json.loads(outs[0]), json.loads(outs[3])
    assert first["event_id"] == "00000000-0000-4000-8000-000000000001"
    assert (first["answers"]["what_happened"], first["answers"]["what_would_help"]) == \
        ("[PERSON] laughed at my accent.", "Ask [PERSON] to stop.")
    assert (last["answers"]["what_happened"], last["answers"]["what_would_help"]) == \
        ("[PERSON] laughed at my accent.", "Nothing")


def test_a_text_at_its_limit_that_grows_when_redacted_is_still_published(keys_dir):
    text = ("Jo, " * 750)[:3000]   # the longest text the form takes, 750 short names
    answers = {**ANSWERS, "what_happened": text}
    del answers["what_would_help"]

    def analyse_many(texts):
        return [[Span(i, i + 2, "PERSON") for i in range(0, len(t), 4)] for t in texts]

    [out] = redacted_events([sealed(answers, "00000000-0000-4000-8000-000000000004", keys_dir)], analyse_many,
                            sealing.private_keys(keys_dir))
    redacted = json.loads(out)["answers"]["what_happened"]
    assert len(text) == 3000 and len(redacted) == 750 * len("[PERSON], ") == 7500
    assert redacted.startswith("[PERSON], [PERSON], ")
