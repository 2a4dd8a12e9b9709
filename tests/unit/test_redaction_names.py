"""The name and organisation rules (names.py), each on cases of its own, with the model's entities
given by hand: what a rule finds, and what it must leave. Names are invented, of many origins."""
from __future__ import annotations

import pytest

from services.redactor import lexicon, names


@pytest.fixture(scope="module")
def lex():
    return lexicon.load()


def found(text: str, lex, rule: str, entities=()) -> list[str]:
    tokens = []
    for e in entities:
        tokens.append(names.Token(e.start, e.label))
    finder = names.Finder(text, tokens, list(entities), lex)
    return [text[s.start:s.end] for s in getattr(finder, rule)()]


def entity(text: str, part: str, label: str) -> names.Entity:
    return names.Entity(text.index(part), text.index(part) + len(part), label)


@pytest.mark.parametrize("rule,text,want", [
    ("titled", "Yesterday Dr Kunle Adebayo was asked", ["Dr Kunle Adebayo"]),
    ("titled", "I asked Dr. Ashby-Clarke twice", ["Dr. Ashby-Clarke"]),
    ("titled", "then Sister Moldovan walked off", ["Sister Moldovan"]),
    ("titled", "Mrs K. Patel said so", ["Mrs K. Patel"]),
    ("titled", "i told dr okafor", ["dr okafor"]),
    ("titled", "dr.patel heard it", ["dr.patel"]),
    ("after_cue", "and my manager Wayne laughed", ["Wayne"]),
    ("after_cue", "our pharmacist, Yan Huang, said", ["Yan Huang"]),
    ("after_cue", "my line manager kwabena keeps", ["kwabena"]),
    ("after_cue", "Hello, I'm Yusuf and", ["Yusuf"]),
    ("after_cue", "my name is temitope and", ["temitope"]),
    ("quoted", "everyone calls him 'Mo' now", ["Mo"]),
    ("quoted", "she gets called 'Kay-oh-me' on purpose", ["Kay-oh-me"]),
    ("capitalised", "the registrar told Bev in the office", ["Bev"]),
    ("capitalised", "Tapiwa reported it", ["Tapiwa"]),
    ("capitalised", "Grace said yes", ["Grace"]),
    ("capitalised", "Dawn and Tariq were there", ["Dawn", "Tariq"]),
    ("capitalised", "It was OLUWAFEMI ADEYEMI again", ["OLUWAFEMI ADEYEMI"]),
    ("capitalised", "everyone on Kingfisher calls him that", ["Kingfisher"]),
    ("lower_case", "she said ignore adaeze, it's fine", ["adaeze"]),
    ("lower_case", "they were on cley ward", ["cley ward"]),
    ("acronyms", "a paramedic with EEAST was told", ["EEAST"]),
    ("acronyms", "nights at Thornham Ward, NNUH.", ["NNUH"]),
    ("organisations", "at Heron Reach Nursing Home the", ["Heron Reach Nursing Home"]),
    ("organisations", "We were told at St Withburga's Hospice that", ["St Withburga's Hospice"]),
    ("organisations", "a student from the University of Suffolk: my", ["University of Suffolk"]),
    ("organisations", "At the Avocet Centre clinic a mum", ["Avocet Centre clinic"]),
    ("organisations", "on the Kestrel Ward team rota", ["Kestrel Ward team"]),
    ("organisations", "only Indian HCA on Bittern Ward and", ["Bittern Ward"]),
    # round 2
    ("word_names", "Thanks, Summer. Morning Wren!", ["Summer", "Wren"]),
    ("word_names", "Ivy, can you take bay 2?", ["Ivy"]),
    ("word_names", "Will said nothing and Dawn laughed.", ["Will", "Dawn"]),
    ("word_names", "it was fine, thanks hope.", ["hope"]),
    ("initials", "then TK said it again, ask TK", ["TK", "TK"]),
    ("initials", "signed off by R.M. at six", ["R.M."]),
    ("initials", "I told Lorcan B and Ade F. too", ["Lorcan B", "Ade F."]),
    ("particles", "Gwenllian ferch Owain and Iolo ap Hywel", ["Gwenllian ferch Owain", "Iolo ap Hywel"]),
    ("particles", "with Eilidh Nic an t-Saoir on", ["Eilidh Nic an t-Saoir"]),
    ("particles", "Noor bint Faisal and Joost van der Meer", ["Noor bint Faisal", "Joost van der Meer"]),
    ("titled", "then MR ADEOSUN came", ["MR ADEOSUN"]),
    ("titled", "DR Kowalczyk said", ["DR Kowalczyk"]),
    ("shouted", "WHY DOES KWAME ALWAYS GET NIGHTS", ["KWAME"]),
    ("leetspeak", "it was T0bi and Ch1oe and 4maka", ["T0bi", "Ch1oe", "4maka"]),
    ("ampersand_orgs", "moved from the N&N to QE&K", ["N&N", "QE&K"]),
    ("lower_case", "ask joy mensah about it", ["joy mensah"]),
    ("lower_case", "then obiageli said no", ["obiageli"]),
    ("lower_case", "i told ugochinyere it was wrong", ["ugochinyere"]),
    ("after_cue", "i said to my mentor ivy that it hurt", ["ivy"]),
])
def test_each_rule_finds_its_kind_of_name(lex, rule, text, want):
    assert found(text, lex, rule) == want


@pytest.mark.parametrize("rule,text", [
    ("titled", "Sister on nights said it"),
    ("titled", "Matron said to me"),
    ("after_cue", "I'm disabled and I'm Ghanaian"),
    ("after_cue", "my manager said no"),
    ("quoted", "he only said 'Sorry' and left"),
    ("quoted", "they called it 'Turkish Delight' all week"),
    ("capitalised", "Hope this gets to someone."),
    ("capitalised", "Will somebody tell him? Heard a porter say it."),
    ("capitalised", "I'm from Hull and he's from Enugu; go back to Wuhan, they said."),
    ("capitalised", "A Band 5 nurse on the Agenda for Change scale, in Black History Month."),
    ("capitalised", "I'm Muslim, Polish and a Filipino HCA's friend; it was Ramadan in March."),
    ("capitalised", "he called her 'the Paki nurse' on the ward"),
    ("lower_case", "didn't recognise you in your ninja outfit"),
    ("acronyms", "the HCA and the GP called the NMC and HR"),
    ("organisations", "the Stroke Unit and the Acute Medical Unit"),
    ("word_names", "In May we moved. May, June and July were busy. Summer was hot."),
    ("word_names", "Black staff said so; Grace Period is over, I may go."),
    ("initials", "OK, the GP and HR said NO to the TV in A&E, I think"),
    ("initials", "I am on the A team"),
    ("particles", "Paid a la carte, and Band de facto"),
    ("shouted", "WHY IS IT ALWAYS ME ON NIGHTS"),
    ("leetspeak", "COVID19, Band5, B12, 3rd, 10am, A4 and mp3"),
    ("ampersand_orgs", "sent to A&E twice"),
    ("lower_case", "my girlfriend said it was fine, then everyone laughed"),
    ("after_cue", "my colleague will help, my manager may not"),
])
def test_each_rule_leaves_what_is_not_a_name(lex, rule, text):
    assert found(text, lex, rule) == []


def test_the_models_people_and_organisations_are_used_unless_plainly_ordinary_words(lex):
    text = "Email me. Vimbai Chirwa works at Lantern House in Porto."
    ents = [entity(text, "Email", "PERSON"), entity(text, "Vimbai Chirwa", "PERSON"),
            entity(text, "Lantern House", "ORG"), entity(text, "Porto", "GPE")]
    assert found(text, lex, "model_entities", ents) == ["Vimbai Chirwa", "Lantern House"]


def test_a_place_after_a_preposition_is_not_taken_for_a_name(lex):
    text = "A wedding in Kumasi last year."
    assert found(text, lex, "capitalised", [entity(text, "Kumasi", "GPE")]) == []
    assert found(text, lex, "capitalised") == ["Kumasi"]   # without the model's word, fail closed
