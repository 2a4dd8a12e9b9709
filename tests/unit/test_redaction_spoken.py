"""Round 13 of the redactor's rules (issue 16): identifiers dictated to a speech-to-text app and
written out in words; titles and roles beside lower-case names; words that look like names and
are none (bakes, scales, brand medicines, faith groups, abstract nouns); a ward's number. Rules
alone (fast). Every sentence and name here is invented; none comes from a labelled corpus."""
from __future__ import annotations

import pytest

from services.redactor import apposition, clinical, patterns, spoken
from tests.support.redaction import redacted


def found(finder, text):
    return [(text[s.start:s.end], s.type) for s in finder(text)]


# --- 1. dictated identifiers ----------------------------------------------------------------

@pytest.mark.parametrize("text,want", [
    ("she moved my shift to the thirtieth of november full stop",
     "she moved my shift to [DATE] full stop"),
    ("it started on wednesday the third of july new paragraph",
     "it started on [DATE] new paragraph"),
    ("the meeting was on thursday the eleventh comma nobody came",
     "the meeting was on [DATE] comma nobody came"),
    ("on the twenty-second of february he said it again",
     "on [DATE] he said it again"),
    ("on the twenty first of october nineteen ninety nine",
     "on [DATE]"),
    ("i put it in writing august the fifth", "i put it in writing [DATE]"),
])
def test_a_spoken_date_takes_its_weekday_and_the(text, want, lex):
    assert redacted(text, lex) == want


@pytest.mark.parametrize("text,year", [
    ("she said people born nineteen seventy two are past it", "nineteen seventy two"),
    ("my son was born in two thousand and eleven full stop", "two thousand and eleven"),
    ("he was born nineteen oh five apparently", "nineteen oh five"),
    ("dob is twenty twelve", "twenty twelve"),
])
def test_a_year_of_birth_in_words(text, year):
    assert found(spoken.birth_year, text) == [(year, "DATE")]


@pytest.mark.parametrize("text,number", [
    ("call me on extension six two nine one", "six two nine one"),
    ("ext double five eight zero", "double five eight zero"),
    ("bleep three three eight comma he never answers", "three three eight"),
    ("the ward is on extension sixty one forty", "sixty one forty"),
    ("ring them on five five zero one if you can", "five five zero one"),
])
def test_an_extension_or_bleep_in_words(text, number):
    assert found(spoken.spoken_extension, text) == [(number, "PHONE")]


@pytest.mark.parametrize("text,want", [
    ("my pin is two three charlie four four one nine foxtrot",
     [("two three charlie four four one nine foxtrot", "REG_NUMBER")]),
    ("nmc number zero eight bravo five two two six kilo full stop",
     [("zero eight bravo five two two six kilo", "REG_NUMBER")]),
    ("her pin 71 D 3302 H", [("71 D 3302 H", "REG_NUMBER")]),
])
def test_a_registration_number_spelled_with_the_nato_alphabet(text, want):
    assert found(spoken.spelled_registration, text) == want


@pytest.mark.parametrize("text,want", [
    ("last incident (09.04) was worse", "last incident ([DATE]) was worse"),
    ("she did it again on 23.05.24 at handover", "she did it again on [DATE] at handover"),
])
def test_a_date_with_a_dot(text, want, lex):
    assert redacted(text, lex) == want


@pytest.mark.parametrize("text", [
    "we had about three patients waiting and two nurses on",
    "she is band five and has been here for eleven years",
    "he is eighty and lives alone",
    "the second time it happened was in march",
    "i may get there by four",
    "we played golf on the ninth hole one two three four times",
    "take two tablets (2.5) at night",
    "on two occasions she laughed",
    "on one of the nights in may",
    "the first of many complaints",
])
def test_ordinary_number_words_stay(text, lex):
    assert redacted(text, lex) == text


# --- 2. titles and roles beside lower-case names ---------------------------------------------

@pytest.mark.parametrize("text,want", [
    ("mister pennock laughed at my accent", "[PERSON] laughed at my accent"),
    ("sister ada threlfall said i was slow full stop", "[PERSON] said i was slow full stop"),
    ("officer quinlivan searched only me", "[PERSON] searched only me"),
    ("Officer Dunmore made a comment about my hijab.", "[PERSON] made a comment about my hijab."),
    ("I reported it to Mister Achterberg.", "I reported it to [PERSON]."),
    ("Then Sergeant Holloway walked off.", "Then [PERSON] walked off."),
    ("Sister mwenda ignored me full stop", "[PERSON] ignored me full stop"),
    ("it was late full stop Officer brannigan laughed", "it was late full stop [PERSON] laughed"),
])
def test_a_title_or_rank_is_inside_the_name(text, want, lex):
    assert redacted(text, lex) == want


@pytest.mark.parametrize("text,want", [
    ("the HCA memory said nothing", "the HCA [PERSON] said nothing"),
    ("ivy the hca was the only one who helped", "[PERSON] the hca was the only one who helped"),
    ("farzana the OT asked where i was really from", "[PERSON] the OT asked where i was really from"),
    ("the student nurse tobiah was there", "the student nurse [PERSON] was there"),
    ("then the porter innocent said it was a joke", "then the porter [PERSON] said it was a joke"),
])
def test_a_given_name_beside_a_role_is_a_person(text, want, lex):
    assert redacted(text, lex) == want


@pytest.mark.parametrize("text", [
    "the hca was rude to me",
    "i asked the student nurse to help",
    "the OT said it was fine",
    "officer on duty did nothing",
    "my sister said it was racist",
    "they told the hca off",
])
def test_a_role_or_title_alone_stays(text, lex):
    assert redacted(text, lex) == text


def test_the_title_rule_alone_finds_the_whole_name(lex):
    text = "sister ada threlfall said so"
    assert [(text[s.start:s.end]) for s in apposition.spans(text, lex)] == ["sister ada threlfall"]


# --- 3. words that look like names and are none ----------------------------------------------

@pytest.mark.parametrize("text", [
    "Bakewell tart again in the canteen, no Eccles cakes left.",
    "Chelsea buns and a Victoria sponge for her leaving do.",
    "Dinner was Beef Wellington with Brussels sprouts.",
    "They bought Battenberg and Jaffa cakes for the night shift.",
    "His Glasgow Coma Scale dropped to 8.",
    "Her Waterlow was 16 and the Braden score was low.",
    "Apgar 9 at five minutes.",
    "He has Guillain-Barré and she had a Whipple's in May.",
    "Oxytocin was running, then Syntocinon was stopped.",
    "Buvidal was given on Monday.",
    "She is a Jehovah's Witness and refused blood.",
    "He is a Seventh-day Adventist.",
    "The Latter-day Saints bishop visited.",
    "He said being Rastafarian was a phase.",
    "Justice would be nice for once.",
    "Hope is running out on this ward.",
    "Faith matters to her.",
    "Bless, she tried her best.",
    "nobody came full stop Faith matters to me",
    "i asked again new paragraph Hope is running out",
    "the porter laughed\nFaith matters to me",
])
def test_kept_words_that_look_like_names(text, lex):
    assert redacted(text, lex) == text


@pytest.mark.parametrize("text,want", [
    ("Dr Whipple said my English was poor.", "[PERSON] said my English was poor."),
    ("Victoria said I should smile more.", "[PERSON] said I should smile more."),
    ("Hope said she would report it.", "[PERSON] said she would report it."),
    ("Braden said it was banter.", "[PERSON] said it was banter."),
    ("'Grace' is what they call me.", "'[PERSON]' is what they call me."),
    ("Mercy is always the first to laugh at me.", "[PERSON] is always the first to laugh at me."),
    ("Bless, the band 6, laughed at me.", "[PERSON], the band 6, laughed at me."),
    ("Bless, can you stop calling me that?", "[PERSON], can you stop calling me that?"),
])
def test_a_real_name_in_the_same_place_still_goes(text, want, lex):
    assert redacted(text, lex) == want


def test_an_instruction_verb_left_over_beside_a_medicine_is_no_name(lex):
    assert redacted("Give Syntocinon then call me.", lex) == "Give Syntocinon then call me."


def test_the_kept_phrases_are_found_where_the_words_are():
    text = "cake: Bakewell tart, Eccles cake; scale: Glasgow Coma Scale"
    assert [text[a:b] for a, b in clinical.ranges(text)] == \
        ["Bakewell tart", "Eccles cake", "Glasgow Coma Scale"]


# --- 4. a ward's number ------------------------------------------------------------------------

@pytest.mark.parametrize("text,want", [
    ("I was moved from Ward Tarrant 4 to Walcott 2 without notice.",
     "I was moved from Ward [ORGANISATION] to [ORGANISATION] without notice."),
])
def test_a_wards_number_is_in_its_span(text, want, lex):
    assert redacted(text, lex) == want


@pytest.mark.parametrize("text", [
    "I was moved to Bay 2 without notice.",
    "She went back to Band 5 after that.",
    "It went from Kowalczyk 2 times to more.",
])
def test_a_number_after_a_word_or_a_count_is_no_ward(text, lex):
    assert redacted(text, lex).endswith(text[text.index(" 2") if " 2" in text else text.index(" 5"):])


def test_a_count_after_a_name_is_not_a_ward():
    text = "I gave it to Tarrant 2 times"
    from services.redactor.redaction import Span
    assert apposition.ward_numbers(text, [Span(13, 20, "PERSON")]) == [Span(13, 20, "PERSON")]


def test_the_spoken_finders_are_registered():
    assert set(spoken.FINDERS) <= set(patterns.RECOGNISERS)
