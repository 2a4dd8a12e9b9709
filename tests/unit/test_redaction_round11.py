"""Round 11 of the redactor (issue 16): given names that are also a month, a season or a modal
verb ("May", "June", "Summer", "Will"), where only a person can be meant: before a surname
inside a sentence, shouted in capitals before a shouted surname and a verb that agrees with it,
shouted alone before a person's verb, spoken to at the end of a quoted clause, and as a speaker's
label before a quotation. The month, the season and the modal keep their places: after a day's
number, in a list of months, in a question. Rules alone (fast). Every sentence is invented."""
from __future__ import annotations

import pytest

from tests.support.redaction import redacted


@pytest.mark.parametrize("text,want", [
    ("The new deputy on nights is May Kovalenko.", "The new deputy on nights is [PERSON]."),
    ("Ask for Will Abiodun at the front desk.", "Ask for [PERSON] at the front desk."),
    ("I AM DONE. JUNE ADEYEMI-ROSS TREATS ME LIKE DIRT", "I AM DONE. [PERSON] TREATS ME LIKE DIRT"),
    ("FED UP. WILL OKONJO NEEDS TO BE STOPPED", "FED UP. [PERSON] NEEDS TO BE STOPPED"),
    ("I said I am Hindu. SUMMER laughed and walked away.", "I said I am Hindu. [PERSON] laughed and walked away."),
    ("'Cheers for nothing, Summer,' I muttered.", "'Cheers for nothing, [PERSON],' I muttered."),
    ("'Not now, Autumn.' That was all I got.", "'Not now, [PERSON].' That was all I got."),
    ("Handover was tense. 'Move over, please.' May: 'She can't even read the chart.'",
     "Handover was tense. 'Move over, please.' [PERSON]: 'She can't even read the chart.'"),
])
def test_a_calendar_or_modal_given_name_where_a_person_is_meant(text, want, lex):
    assert redacted(text, lex) == want


@pytest.mark.parametrize("text", [
    "Will Okonjo come to the team meeting?",               # the modal, first in a question
    "WHEN WILL OKONJO STOP",                                 # the modal, in a shouted question
    "HOW CAN OKONJO STILL BE IN CHARGE",
    "We rotate in April, May, and June.",                    # a list of months
    "The rota for May: 'all nights', it said.",              # a month before a colon
])
def test_the_month_the_season_and_the_modal_keep_their_places(text, lex):
    out = redacted(text, lex)
    assert [w for w in ("Will", "WILL", "CAN", "May", "April", "June") if w in text] == \
        [w for w in ("Will", "WILL", "CAN", "May", "April", "June") if w in out]


def test_a_month_after_a_days_number_stays_in_the_date_not_the_name_after_it(lex):
    assert redacted("On 14th May Okonjo swapped my shifts.", lex) == "On [DATE] [PERSON] swapped my shifts."
