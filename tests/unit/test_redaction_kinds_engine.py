"""The kinds round (issue 16) with the real engine (Presidio, the spaCy model as `make model`
builds it, the learned name pass), loaded once for the module: clinical words that look like
names survive the model and the learned pass as well as the rules, and the other five kinds are
redacted exactly. Invented people, numbers and places; the rules alone are tested, faster and by
kind, in test_redaction_kinds.py."""
from __future__ import annotations

import pytest

from services.redactor import engine, redaction

pytestmark = pytest.mark.slow   # the model: not in `make unit`


@pytest.fixture(scope="module")
def analyser():
    return engine.Engine()


@pytest.mark.parametrize("text,want", [
    ("She has a Parkinson's review on Tuesday and Kemi Adeyemi-Clarke refused to cover it.",
     "She has a Parkinson's review on Tuesday and [PERSON] refused to cover it."),
    ("Her son has Down's syndrome and Nurse Threlfall laughed at him.",
     "Her son has Down's syndrome and [PERSON] laughed at him."),
    ("He was booked for a Hartmann's procedure, Hamish said I was slow.",
     "He was booked for a Hartmann's procedure, [PERSON] said I was slow."),
    ("Crohn's flare again and Dr Patel's patient shouted at me.",
     "Crohn's flare again and [PERSON]'s patient shouted at me."),
    ("gave buccal midazolam and Zofia Wróbel still reported me",
     "gave buccal midazolam and [PERSON] still reported me"),
    ("Insulin was late and the sister blamed me.", "Insulin was late and the sister blamed me."),
    ("Metformin was missed and Tadeusz blamed the agency nurse.",
     "Metformin was missed and [PERSON] blamed the agency nurse."),
    ("He has C. diff and nobody would go in, Folasade said.",
     "He has C. diff and nobody would go in, [PERSON] said."),
    ("I use Makaton with him and Eamon mocked it.", "I use Makaton with him and [PERSON] mocked it."),
    ("The LD nurse and the AMHP said I was too slow.",
     "The LD nurse and the AMHP said I was too slow."),
    ("his collar number is 6632 and he wrote it down",
     "his collar number is [STAFF_ID] and he wrote it down"),
    ("my postcode is s y 7 8 h n and they read it out",
     "my postcode is [POSTCODE] and they read it out"),
    ("It happened on the 8th of Feb in the staff room.", "It happened on [DATE] in the staff room."),
    ("BP and ZG took the family off my list.", "[PERSON] and [PERSON] took the family off my list."),
    ("they still call me 'G' because my name is too hard",
     "they still call me '[PERSON]' because my name is too hard"),
    ("The IT team said it was OK, the GP was in A&E then ED.",
     "The IT team said it was OK, the GP was in A&E then ED."),
    ("The letter went to The Old Forge, Rookery Lane, NR14 6QB.",
     "The letter went to [LOCATION], [POSTCODE]."),
])
def test_kinds_with_the_real_engine(analyser, text, want):
    assert redaction.redact(text, analyser.analyse)[0] == want


def test_the_date_and_the_house_spans_begin_at_the(analyser):
    text = "On the 3rd of March it went to The Willows, Hollow Lane."
    _, spans = redaction.redact(text, analyser.analyse)
    assert [(text[s.start:s.end], s.type) for s in spans] == \
        [("the 3rd of March", "DATE"), ("The Willows, Hollow Lane", "LOCATION")]
