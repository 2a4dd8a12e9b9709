"""Round 3 of the redactor (issue 16): the kinds of miss left after round 2, each rule on cases of
its own, found and left alone. Without the model (the rules alone), so fast; every name, number
and place is invented for these tests."""
from __future__ import annotations

import pytest

from services.redactor import names, patterns
from tests.support.redaction import redacted
from services.redactor.redaction import SURE


def found(text: str, lex, rule: str) -> list[str]:
    finder = names.Finder(text, [], [], lex)
    return [text[s.start:s.end] for s in getattr(finder, rule)()]


@pytest.mark.parametrize("rule,text,want", [
    # an ordinary word that is no listed name, proven a name by its sentence
    ("context_names", "Drizzle told the relatives I was 'the help'.", ["Drizzle"]),
    ("context_names", "Sable, the band 6, laughed at me.", ["Sable"]),
    ("context_names", "Thimble, who runs nights, said nothing.", ["Thimble"]),
    ("context_names", "Marvel, can you stop calling me 'darling'?", ["Marvel"]),
    ("context_names", "Honestly Thimble, if you're reading this, you know.", ["Thimble"]),
    ("context_names", "Gravel keeps moving my bag.", ["Gravel"]),
    # lower-case after a possessed role or a verb said to someone
    ("role_lower", "i said to my mentor drizzle that it hurt", ["drizzle"]),
    ("role_lower", "i told our hca april about it", ["april"]),
    ("role_lower", "i told greer it wasn't ok", ["greer"]),
    # two capitals that are also a word or an abbreviation, where a person stands
    ("abbreviation_initials", "BY told me my accent was 'hard work'.", ["BY"]),
    ("abbreviation_initials", "DR keeps asking if I understand English.", ["DR"]),
    ("abbreviation_initials", "ask MY on nights, she'll tell you.", ["MY"]),
    ("abbreviation_initials", "On the rota I'm just PS, two letters.", ["PS"]),
    ("abbreviation_initials", "The sheet had me down as GB and the rest had names.", ["GB"]),
    ("context_names", "Quill is the one who started calling me that.", ["Quill"]),
    ("context_names", "Sorry Memory, but you need to hear how that sounded.", ["Memory"]),
    ("context_names", "For the record it was Quill who moved my things.", ["Quill"]),
    # lower-case subjects and "to … who"
    ("lower_subjects", "even harmony told me to keep my head down", ["harmony"]),
    ("lower_subjects", "i mentioned it to oyinkansola who said to ignore it", ["oyinkansola"]),
    # two or three capitals that are also a word, where a place of work stands
    ("acronym_places", "I moved from CV last year.", ["CV"]),
    ("acronym_places", "Everyone in CV knows.", ["CV"]),
    # one digit for the last letter of a known name
    ("leetspeak", "they wrote Kwam3 on the board", ["Kwam3"]),
    # an ordinary word and an initial, where a person stands
    ("word_and_initial", "Got moved again. Sable N. said it was for my own good.", ["Sable N."]),
    ("word_and_initial", "Me and Marvel T were the only ones on.", ["Marvel T"]),
])
def test_rule_finds(rule, text, want, lex):
    assert found(text, lex, rule) == want


@pytest.mark.parametrize("rule,text", [
    ("context_names", "Management told us nothing."),
    ("context_names", "Sorry, can you say that again?"),
    ("context_names", "Honestly, you would not believe it."),
    ("context_names", "Nurses said it was normal."),
    ("context_names", "Luckily, you were there."),
    ("context_names", "Again, you have ignored me."),
    ("context_names", "Sorry Matron, but you were wrong."),
    ("context_names", "Memory is short round here."),
    ("context_names", "The rain told on my commute."),
    ("role_lower", "my mentor today said it was fine"),
    ("role_lower", "my manager always says that"),
    ("role_lower", "i told them it was wrong"),
    ("abbreviation_initials", "The GP said I was fine."),
    ("abbreviation_initials", "HR told me to wait."),
    ("abbreviation_initials", "ask IT to fix the printer"),
    ("abbreviation_initials", "My BP was high after that shift."),
    ("abbreviation_initials", "Ask ED about it."),
    ("lower_subjects", "A sticky note said go home."),
    ("lower_subjects", "Everyone else says it."),
    ("lower_subjects", "the manager told me off"),
    ("acronym_places", "I was moved to ED from HR."),
    ("acronym_places", "I sent in my CV last year."),
    ("leetspeak", "on Band5 and COVID19 wards"),
    ("word_and_initial", "We went with Plan B in the end."),
    ("word_and_initial", "She works in Bay C and Ward D."),
])
def test_rule_leaves(rule, text, lex):
    assert found(text, lex, rule) == []


def test_proven_names_are_sure_so_the_allow_list_keeps_them(lex):
    finder = names.Finder("BY told me off.", [], [], lex)
    assert [s.type for s in finder.abbreviation_initials()] == [SURE]
    assert redacted("BY told me off.", lex) == "[PERSON] told me off."


@pytest.mark.parametrize("text,want", [
    # the first part of a name, first in its sentence, though it is an English word
    ("It was late. Aled Kaminska refuses to work with me.",
     "It was late. [PERSON] refuses to work with me."),
    ("Nothing changed. temperance ezeogu said pregnant staff are a liability.",
     "Nothing changed. [PERSON] said pregnant staff are a liability."),
    # a family name before a romanised given name, though it is also a word
    ("Nobody helped. Oh Ye-jin was asked where she was really from.",
     "Nobody helped. [PERSON] was asked where she was really from."),
    # but not a verb said to someone
    ("Ask Amaka Okonkwo, she saw it.", "Ask [PERSON], she saw it."),
    # "The" mid-sentence is part of a house's or a home's name
    ("He followed me to The Larches after my shift.",
     "He followed me to [PERSON] after my shift."),
    ("The ward was quiet.", "The ward was quiet."),
])
def test_names_completed(text, want, lex):
    assert redacted(text, lex) == want


@pytest.mark.parametrize("name,text,want", [
    ("short_date", "Last time was 5/8, right before my appraisal.", "5/8"),
    ("short_date", "It got worse after 12.3 when the rota changed.", "12.3"),
    ("year_in_context", "I was born in 1994.", "1994"),
    ("year_in_context", "It has gone on since 2019 on this ward.", "2019"),
    ("extension_after_number", "ring 0161 496 0000 x12 please", "x12"),
    ("extension_after_number", "ring 0161 496 0000 ext. 4471", "ext. 4471"),
    ("user_name", "I added you on Skype. My ID is kofi.b.rn", "kofi.b.rn"),
    ("user_name", "username: jo_bloggs_77 if you want it", "jo_bloggs_77"),
    ("address_lines", "Send it to\nFlat 7B\nPightle Row\nLittle Snoring\nNR21 0XX",
     "Flat 7B\nPightle Row\nLittle Snoring"),
])
def test_patterns_find(name, text, want):
    assert [text[s.start:s.end] for s in patterns.RECOGNISERS[name](text)] == [want]


@pytest.mark.parametrize("name,text", [
    ("short_date", "It was 24/7 on that ward."),
    ("year_in_context", "1 in 2000 patients get it."),
    ("year_in_context", "the 2019 staff survey"),
    ("extension_after_number", "band 5 x 3 shifts"),
    ("user_name", "my ID is fine, thanks"),
    ("user_name", "the account is closed."),
    ("address_lines", "We talked.\nThen I left.\nNR21 0XX"),
])
def test_patterns_leave(name, text):
    assert list(patterns.RECOGNISERS[name](text)) == []


@pytest.mark.parametrize("text,want", [
    ("The initials R.A. were on it.", "The initials [PERSON] were on it."),
    ("I moved from CV last year.", "I moved from [ORGANISATION] last year."),
    ("Nobody on Firecrest bay team will swap.", "Nobody on [ORGANISATION] will swap."),
])
def test_proven_spans_survive_the_allow_list_whole(text, want, lex):
    assert redacted(text, lex) == want
