"""Round 8 of the redactor (issue 16, third session on the learned name pass), each kind found in
round11.jsonl's misses after its single measurement (and round10's), closed in general: two
pairs of initials joined by "and" before a verb (one of them also a role), a capitalised word
after a date with its day ("On Sat 1st March … took"), a current-style vehicle registration in
lower case and the Girobank postcode (from the peer tests); then, after round12.jsonl's single
measurement, given names that are calendar words or "Will" where the grammar leaves no month,
season or modal, a lower-case full name after a word pointing at a person, two lower-case names
before "both", a lower-case name "from the … team" before a person's verb, a title before particles and a name ("Mrs de la …"), a word first in a sentence before a place phrase of
two words and a person's verb ("… at the front desk keeps telling", from round10); a house's name whose house word comes
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
    # after round12's single measurement: given names that are calendar words or "Will", where
    # the grammar leaves no month, season or modal
    ("Kim is new and Will keeps asking her where she is from.",
     "[PERSON] is new and [PERSON] keeps asking her where she is from."),
    ("because June reads my messages", "because [PERSON] reads my messages"),
    ("Called Will about it and she said to calm down.",
     "Called [PERSON] about it and she said to calm down."),
    ("so i said to May 'please stop' and she laughed",
     "so i said to [PERSON] 'please stop' and she laughed"),
    ("Autumn on reception heard and just smirked.", "[PERSON] on reception heard and just smirked."),
    ("I think it was Summer from the night team.", "I think it was [PERSON] from the night team."),
    ("Me and Summer were on the late shift.", "Me and [PERSON] were on the late shift."),
    ("ngl may is the worst for it", "ngl [PERSON] is the worst for it"),
    ("the agency girl will just swapped with me", "the agency girl [PERSON] just swapped with me"),
    # a full name in lower case after a word pointing at a person, before a new line
    ("- told I 'sound aggressive' by thembeka dlodlo\n- left off the rota",
     "- told I 'sound aggressive' by [PERSON]\n- left off the rota"),
    # two lower-case names before "both"; a lower-case name from a team before a person's verb
    ("rose and tegan were both there when it happened",
     "[PERSON] and [PERSON] were both there when it happened"),
    ("a patient called me a slur and bill from the night team told me to let it go",
     "a patient called me a slur and [PERSON] from the night team told me to let it go"),
    # first in a sentence, before a place phrase of two words and a person's verb
    ("Quern at the front desk keeps telling patients I'm new.",
     "[PERSON] at the front desk keeps telling patients I'm new."),
    # a title before particles and a name, the title with it
    ("but Nurse dela Peñaranda told the family", "but [PERSON] told the family"),
    ("Mrs de la Fuentes said no", "[PERSON] said no"),
    ("Sister dos Anjos said no", "[PERSON] said no"),
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
    "Training on the new system keeps crashing.",
    # a title before an article and a nationality
    "the Sister a Nigerian woman said no",
    # calendar words and modals as words
    "I do. May I say that this is not ok.",
    "Will I get paid for this?",
    "In May said it would get better, the rota never did.",
    "I will be honest, it was hard.",
    "We go on leave in May and come back in June.",
    "Summer holidays are always short staffed.",
    "Will you please stop?",
    "the will is being read tomorrow",
    "They will keep doing it. People may think I'm overreacting.",
    "The summer rota came out. Summer shifts are the worst.",
    "This summer said a lot about the team.",
    # lower-case pairs that are things, a thing from a team
    "tea and milk both do the job",
    "lunch from the canteen team made me ill",
    # shouting: words, not names nor organisations
    "PLEASE READ THIS BEFORE FRIDAY",
    "I TOLD HER TO STOP",
    "SHE SHOUTED AT ME IN FRONT OF EVERYONE",
])
def test_round8_leaves_words_alone(lex, text):
    assert redacted(text, lex) == text
