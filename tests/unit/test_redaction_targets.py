"""The redactor with the real engine (Presidio, the spaCy model, the lexicon), loaded once for the
module: the targets of issue 4 on the labelled corpus `dev.jsonl`, and whole narratives of our
own (invented people and places, not from the corpus) redacted exactly.

The corpus is read from `$REDACTION_CORPUS` (point it at a held-out corpus), or else from
`tests/data/redaction/dev.jsonl`, a copy of the project's shared synthetic corpus
(`../shared/data/redaction/`) so that a clean clone tests itself."""
from __future__ import annotations

import os
from pathlib import Path

import pytest

from services.redactor import engine, evaluate, redaction

pytestmark = pytest.mark.slow   # the model, rendering or a benchmark: not in `make unit`

ROOT = Path(__file__).resolve().parents[2]
CORPUS = Path(os.environ.get("REDACTION_CORPUS", ROOT / "tests" / "data" / "redaction" / "dev.jsonl"))


@pytest.fixture(scope="module")
def analyser():
    return engine.Engine()


@pytest.fixture(scope="module")
def measured(analyser):
    assert CORPUS.exists(), f"the labelled corpus is missing: {CORPUS} (set REDACTION_CORPUS)"
    items = evaluate.load_corpus(str(CORPUS))
    predicted = [spans for _, spans in
                 redaction.redact_many([item.text for item in items], analyser.analyse_many)]
    return items, predicted, evaluate.score(items, predicted)


def test_almost_all_personal_information_is_removed(measured):
    _, _, m = measured
    assert m["char_recall"] >= 0.995
    assert m["span_removal"] >= 0.99
    assert m["text_leak_rate"] <= 0.01


def test_no_persons_full_name_is_ever_left_whole(measured):
    items, predicted, _ = measured
    whole = []
    for item, spans in zip(items, predicted):
        redacted = evaluate._chars(item.text, spans)
        for s in item.pii:
            if s.type == "PERSON" and len(item.text[s.start:s.end].split()) > 1 and \
                    not evaluate._chars(item.text, [s]) & redacted:
                whole.append((item.id, s.start))   # ids and offsets only, never text
    assert whole == []


def test_words_the_analysis_needs_are_kept_and_little_else_is_removed(measured):
    _, _, m = measured
    assert m["keep_preserved"] >= 0.98
    assert m["char_precision"] >= 0.80


@pytest.mark.parametrize("text,want", [
    ("Chiamaka Eze was told by the bank manager at Mulberry Ward that her braids were "
     "unprofessional. Chiamaka is Nigerian.",
     "[PERSON] was told by the bank manager at [ORGANISATION] that her braids were "
     "unprofessional. [PERSON] is Nigerian."),
    ("my line manager kwabena keeps calling me 'the quiet one'. i'm from Accra and proud of it.",
     "my line manager [PERSON] keeps calling me 'the quiet one'. i'm from Accra and proud of it."),
    ("Sent from sunita.rai@nnuh.nhs.uk, or ring 07700 900 321. Staff no. 4471209, "
     "NMC PIN 09A1234C, DOB 03/11/1987.",
     "Sent from [EMAIL], or ring [PHONE]. Staff no. [STAFF_ID], NMC PIN [REG_NUMBER], DOB [DATE]."),
    ("I live at 14 Church Lane, Diss, IP22 4DY and a neighbour keyed my car, LB07 SEO.",
     "I live at [LOCATION], [POSTCODE] and a neighbour keyed my car, [VEHICLE]."),
    ("Ask for me: @nurse_bola or bola.adeyemi at gmail dot com. NI JG 10 33 75 A.",
     "Ask for me: [HANDLE] or [EMAIL]. NI [NI_NUMBER]."),
    ("Sister Ruth Baxter said my turban was 'a health and safety issue'. I'm Sikh.",
     "[PERSON] said my turban was 'a health and safety issue'. I'm Sikh."),
    ("They call him 'Raj' because Rajeshwar is 'too long'. The deaf HCA on nights agreed.",
     "They call him '[PERSON]' because [PERSON] is 'too long'. The deaf HCA on nights agreed."),
    ("A consultant on the Acute Medical Unit asked whether I'm 'one of those trans people'.",
     "A consultant on the Acute Medical Unit asked whether I'm 'one of those trans people'."),
    ("Hаssаn N\u200basser from the Kestrel Unit at Gorleston Hospital was called a terrorist.",
     "[PERSON] from the [ORGANISATION] at [ORGANISATION] was called a terrorist."),
])
def test_narratives_of_our_own_are_redacted_exactly(analyser, text, want):
    assert redaction.redact(text, analyser.analyse)[0] == want


# --- issue 16: the corpora of its kinds of miss ------------------------------------------------
# round2.jsonl was written after the rules for its kinds were frozen, then used to tune them;
# fresh.jsonl was written after that and used once more (see tests/data/redaction/README.md).
# round3.jsonl (round 3) was measured once with the rules frozen, then used to tune them by kind.
# These floors guard what was reached; the issue's targets are checked on held-out corpora.
# (character recall, spans fully removed, texts leaking at most, character precision)
ROUND2 = {"round2.jsonl": (0.995, 0.99, 0.015, 0.95), "fresh.jsonl": (0.995, 0.99, 0.015, 0.95),
          "round3.jsonl": (0.98, 0.96, 0.07, 0.93),
          # round 5: measured once each (18.3% and 31.6% leaking), then tuned on by kind
          "round7.jsonl": (0.99, 0.985, 0.03, 0.95), "round9.jsonl": (0.91, 0.87, 0.20, 0.96)}


@pytest.mark.parametrize("name", sorted(ROUND2))
def test_the_kinds_of_miss_of_issue_16_are_closed(analyser, name):
    items = evaluate.load_corpus(str(ROOT / "tests" / "data" / "redaction" / name))
    predicted = [spans for _, spans in
                 redaction.redact_many([item.text for item in items], analyser.analyse_many)]
    m = evaluate.score(items, predicted)
    recall, spans, leaking, precision = ROUND2[name]
    assert m["char_recall"] >= recall
    assert m["span_removal"] >= spans
    assert m["text_leak_rate"] <= leaking
    assert m["keep_preserved"] >= 0.98
    assert m["char_precision"] >= precision
    for item, (out, _) in zip(items, redaction.redact_many([i.text for i in items],
                                                             analyser.analyse_many)):
        assert not redaction.re.search(r"\d{%d}" % redaction.IDENTIFIER_DIGITS, out), item.id
