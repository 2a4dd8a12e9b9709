"""Round 8 of the redactor (issue 16, third session on the learned name pass), each kind found in
round11.jsonl's misses after its single measurement (and round10's), closed in general: two
pairs of initials joined by "and" before a verb (one of them also a role), a capitalised word
after a date with its day ("On Sat 1st March … took"), a current-style vehicle registration in
lower case and the Girobank postcode (from the peer tests), a house's name whose house word comes
first (Welsh, Cornish, Gaelic) or "The …" before its street, and in shouting no name or
organisation from an English word that is only a family name ("READ"), a pronoun after "at"
("AT ME") or an English word after "to" ("TO STOP"). Without the model (the rules alone), so
fast; every name is invented for these tests and is in no corpus."""
from __future__ import annotations

import pytest

from tests.support.redaction import redacted


@pytest.mark.parametrize("text,want", [
    # two pairs of initials before a verb: both people, even the one that is also a role
    ("On the night KD and RM were both in the office.",
     "On the night [PERSON] and [PERSON] were both in the office."),
    ("XB & TJ said nothing when it happened.", "[PERSON] & [PERSON] said nothing when it happened."),
    ("I heard PW and RM laughing about my accent.",
     "I heard [PERSON] and [PERSON] laughing about my accent."),
    # a capitalised word after a date with its day, before a verb
    ("On Weds 9th July Saucer took the obs chart off me.",
     "On [DATE] [PERSON] took the obs chart off me."),
    # a house's name with its house word first, and "The …", before the street
    ("They posted it to Tŷ Gwyn, Church Lane, SA31 2ZZ by mistake.",
     "They posted it to [LOCATION], [POSTCODE] by mistake."),
    ("The letter went to Bryn Hyfryd, Mill Road, LL55 9XX.",
     "The letter went to [LOCATION], [POSTCODE]."),
    ("It was sent to Chy an Gwyns, Harbour Street in the end.",
     "It was sent to [LOCATION] in the end."),
    # a vehicle registration of the current style in lower case; the Girobank postcode
    ("the car was yx19 kpl, parked across the bay", "the car was [VEHICLE], parked across the bay"),
    ("the form said GIR 0AA as the postcode", "the form said [POSTCODE] as the postcode"),
    # shouting: a title still proves a family name that is a word
    ("MRS PRATT SHOUTED AT ME", "[PERSON] SHOUTED AT ME"),
])
def test_round8_kinds_are_found(lex, text, want):
    assert redacted(text, lex) == want


@pytest.mark.parametrize("text", [
    # departments and roles joined by "and" are not initials
    "HR and IT were told about it.",
    "GP and RM were there too.",
    # a month without its day before a capitalised term
    "In March Agenda for Change pay went up.",
    "In the 2nd week of March Agenda for Change pay went up.",
    # letters glued to digits without the plate's space and three letters
    "the covid19 jab and the mp3 player", "bed b12 was empty",
    # shouting: words, not names nor organisations
    "PLEASE READ THIS BEFORE FRIDAY",
    "I TOLD HER TO STOP",
    "SHE SHOUTED AT ME IN FRONT OF EVERYONE",
])
def test_round8_leaves_words_alone(lex, text):
    assert redacted(text, lex) == text
