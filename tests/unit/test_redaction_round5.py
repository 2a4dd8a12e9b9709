"""Round 5 of the redactor (issue 16's fourth session), each kind closed after the single held-out
measurement of round7.jsonl: a word first in a sentence before an auxiliary and a person's verb,
being there, or a past verb with a particle; a kept or plain word before a short phrase of place
and a person's own act; initials in a cleft or after a text-speak opener; lower-case names after
a role before a verb, after a text-speak opener, after a verb acting on someone; a Gaelic surname
mutated without a hyphen; a named house before its street; a day and month after an e-mail's
"Sent:". Then, after round8.jsonl's single measurement: "… was the only one who", people listed
after a form's label, a clause after a label's colon, two plain words and a past verb, a person's
verb after a term's word, any capitalised word with digits inside, a number in brackets after a
name, the Nguni particle "ka", a lower-case word between a comma and "said", informal roles. Then, after round9.jsonl's: a person's verb with "with me/them" and irregular
pasts, a phrase of two words before a past verb on something, a clause after a spaced dash, a
lower-case word before "and her …", a noun ending in "-ing" whose stem is no word ("Pudding"), a lower-case ward's name after "on"
with no determiner.
Without the model (the rules alone), so fast; every name is invented for these tests and
is in no corpus."""
from __future__ import annotations

import pytest

from tests.support.redaction import redacted


@pytest.mark.parametrize("text,want", [
    # first in a sentence: an auxiliary and a person's verb, being there, a past verb + particle
    ("Nobody listened. Teasel had told them I was 'from the jungle'.",
     "Nobody listened. [PERSON] had told them I was 'from the jungle'."),
    ("It was loud. Marram was there too and laughed.",
     "It was loud. [PERSON] was there too and laughed."),
    ("The bay went quiet. Gannet started it, as always.",
     "The bay went quiet. [PERSON] started it, as always."),
    ("Teasel walked off without a word.", "[PERSON] walked off without a word."),
    # a word before a short phrase of place and a person's own act
    ("Bramblewick on the unit stood up for me when nobody else did.",
     "[PERSON] on the unit stood up for me when nobody else did."),
    # initials in a cleft, and after a text-speak opener
    ("It was AM who moved my things off the desk.",
     "It was [PERSON] who moved my things off the desk."),
    ("tbh PM is just as bad, always laughing along.",
     "tbh [PERSON] is just as bad, always laughing along."),
    # lower case: after a role before a verb; after a text-speak opener; after a verb on someone
    ("the night porter drisana puts the radio on loud when i pray",
     "the night porter [PERSON] puts the radio on loud when i pray"),
    ("ngl quenby is the reason i asked to move wards",
     "ngl [PERSON] is the reason i asked to move wards"),
    ("they moved me and sent ifeyinwa instead", "they moved me and sent [PERSON] instead"),
    # a Gaelic surname mutated without a hyphen
    ("Ciarán Nic an tSeoighe from the office backed me up.",
     "[PERSON] from the office backed me up."),
    # a named house before its street; a day and month after an e-mail's "Sent:"
    ("He turned up at Gorse Cottage, Windle Lane, on my day off.",
     "He turned up at [LOCATION], on my day off."),
    ("From: a manager\nSent: 7/11\nSubject: your accent",
     "From: a manager\nSent: [DATE]\nSubject: your accent"),
    # after the single held-out measurement of round8.jsonl (tuned on its kinds, own cases here)
    ("Marram was the only one who checked on me.", "[PERSON] was the only one who checked on me."),
    ("Person(s) involved: Teasel, Gannet", "Person(s) involved: [PERSON], [PERSON]"),
    ("Night report: Marram refused to take handover from me.",
     "Night report: [PERSON] refused to take handover from me."),
    ("Teasel and Gannet swapped my shifts without asking.",
     "[PERSON] and [PERSON] swapped my shifts without asking."),
    ("On the ward Gannet kept calling me 'the foreigner'.",
     "On the ward [PERSON] kept calling me 'the foreigner'."),
    ("someone set up a page called M4rram to mock me", "someone set up a page called [PERSON] to mock me"),
    ("staff member Quenby Adeyoola (60813) said it first.",
     "staff member [PERSON] ([STAFF_ID]) said it first."),
    ("Lerato ka Dube wrote a statement for me.", "[PERSON] wrote a statement for me."),
    ("'hun guess what, marram said i was exotic'", "'hun guess what, [PERSON] said i was exotic'"),
    ("gaffer quenby laughs every time", "gaffer [PERSON] laughs every time"),
    # after the single held-out measurement of round9.jsonl (tuned on its kinds, own cases here)
    ("I was moved again. Rissole sat with me in the canteen after.",
     "I was moved again. [PERSON] sat with me in the canteen after."),
    ("Rissole agrees with them every time.", "[PERSON] agrees with them every time."),
    ("Rissole from the night team forwarded it to everyone.",
     "[PERSON] from the night team forwarded it to everyone."),
    ("08:10 - Rissole ignored me at handover", "08:10 - [PERSON] ignored me at handover"),
    ("i'm so tired of quorn and her jokes", "i'm so tired of [PERSON] and her jokes"),
    ("They gave the shift to Gumbling without asking.", "They gave the shift to [PERSON] without asking."),
    ("nobody on quorn ward does anything about it", "nobody on [ORGANISATION] does anything about it"),
])
def test_round5_kinds_are_redacted(lex, text, want):
    assert redacted(text, lex) == want


@pytest.mark.parametrize("text", [
    # the same positions held by terms, verbs and quantifiers
    "Handover was late again. Training started in the spring.",
    "Polish staff take breaks together and nobody minds.",
    "The GP and the OT both heard it and said nothing.",
    "I'm on the ward most days, ring me there.",
    "Our new porter got asked if he 'needs a map' on his first day.",
    "When I brought biscuits in, everyone was kind.",
    "tbh work is the reason i stay, the patients are lovely",
    "It was Monday when it happened.",
    "Sent: the rota, again, with my name spelt wrong.",
    "Witnesses: none, I was alone.",
    "Our policy on Safeguarding says we must report it.",
    "It was in the staff survey (2019) results and again this year.",
    "Reading and Writing improved the scores on the unit.",
    "'hun guess what, it said i was late'",
    "We had a meeting about Safeguarding and Making the rota fair.",
    "Staffing from the bank office improved the rota a lot.",
    "I'm tired of work and her moods are not my problem.",
    "she was moved to side ward and then on postnatal ward, never on my ward",
])
def test_round5_leaves_terms_alone(lex, text):
    assert redacted(text, lex) == text
