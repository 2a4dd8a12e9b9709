"""Round 4 of the redactor (issue 16): ordinary words used as names where the sentence puts a
person, failing closed in mid-sentence; kept words used as names after words that point at a
person; names in lists, in quoted speech and shouted in capitals. Without the model (the rules
alone), so fast; every name is invented for these tests and is in no corpus."""
from __future__ import annotations

import pytest

from tests.support.redaction import redacted


@pytest.mark.parametrize("text,want", [
    # a capitalised ordinary word in mid-sentence, after a word that points at a person
    ("I was put on nights with Sorrel again after I complained.",
     "I was put on nights with [PERSON] again after I complained."),
    ("My manager told Pebble that I was 'too sensitive'.",
     "My manager told [PERSON] that I was 'too sensitive'."),
    # … or anywhere in mid-sentence that is not a term's place
    ("ngl Tinsel is the worst for it and nobody says anything.",
     "ngl [PERSON] is the worst for it and nobody says anything."),
    ("It was Thicket's idea to move me to the other bay.",
     "It was [PERSON]'s idea to move me to the other bay."),
    # a list of names, first in the sentence
    ("Pebble, Gorse and I were the only ones told to speak English.",
     "[PERSON], [PERSON] and I were the only ones told to speak English."),
    # spoken to at the start of a quotation
    ("'Heron, leave it, she won't get it' was what the deputy said.",
     "'[PERSON], leave it, she won't get it' was what the deputy said."),
    # a kept word used as a name: spoken to after "you,", after a word that points at a person
    ("Not you, Memory, we need someone who speaks properly.",
     "Not you, [PERSON], we need someone who speaks properly."),
    ("I spoke to Charity about it and she said it was banter.",
     "I spoke to [PERSON] about it and she said it was banter."),
    # names shouted in capitals that are English words
    ("WHY DOES GORSE ALWAYS GET THE WEEKENDS OFF",
     "WHY DOES [PERSON] ALWAYS GET THE WEEKENDS OFF"),
    ("lol GORSE said it AGAIN today", "lol [PERSON] said it AGAIN today"),
    ("I AM SO SICK OF THIMBLE AND HER JOKES", "I AM SO SICK OF [PERSON] AND HER JOKES"),
    # after the single held-out measurement (tuned on round4.jsonl's kinds, own cases here):
    # first in a sentence before a possessive, or before "and" and a name
    ("Gorse's comment about my accent was the worst part.",
     "[PERSON]'s comment about my accent was the worst part."),
    ("Sorrel and Adaeze laugh every time I speak.", "[PERSON] and [PERSON] laugh every time I speak."),
    # thanked; after a role in capitals; a word that ends like an adjective but is no adjective
    ("Thanks Pebble for backing me up.", "Thanks [PERSON] for backing me up."),
    ("my PA Heron kept calling me 'the quiet one'", "my PA [PERSON] kept calling me 'the quiet one'"),
    ("I raised it with Gable. Nothing happened.", "I raised it with [PERSON]. Nothing happened."),
    # initials before "… is the one who"
    ("KT on the rota is the one who said it, everyone knows.",
     "[PERSON] on the rota is the one who said it, everyone knows."),
    # lower case: asked to do something, went to someone about it
    ("i asked gorse to swap and she said no", "i asked [PERSON] to swap and she said no"),
    ("went to chidinma about it and she laughed", "went to [PERSON] about it and she laughed"),
    # a kept word (a country here) first in a sentence before a person's verb, or in a cleft
    ("Chad keeps telling patients I'm agency.", "[PERSON] keeps telling patients I'm agency."),
    # after the single measurement of round5.jsonl (tuned on its kinds, own cases here): first
    # in a sentence before a short phrase and a person's verb, a past verb on a person, "if you"
    ("Thimble from pharmacy calls me 'the foreigner'.", "[PERSON] from pharmacy calls me 'the foreigner'."),
    ("Thimble on nights with me said it was banter.", "[PERSON] on nights with me said it was banter."),
    ("Thimble ignored me at handover.", "[PERSON] ignored me at handover."),
    ("Thimble if you see this, you know what you did.", "[PERSON] if you see this, you know what you did."),
    ("Dilly if you see this, you know what you did.", "[PERSON] if you see this, you know what you did."),
    # a group named after its ward; an abbreviation with an ampersand and an "I"
    ("the Thornapple lot are the worst for it", "the [ORGANISATION] lot are the worst for it"),
    ("I moved to I&K last year.", "I moved to [ORGANISATION] last year."),
    # after the single measurement of round6.jsonl (tuned on its kinds, own cases here): a
    # verb first in a sentence, a chat's speaker, a bullet point, a present verb on a person
    ("Asked Thimble to countersign and she rolled her eyes.",
     "Asked [PERSON] to countersign and she rolled her eyes."),
    ("[ward chat] Thimble: has anyone seen her hair lol", "[ward chat] [PERSON]: has anyone seen her hair lol"),
    ("Thimble: 'you people always stick together' - that was it.",
     "[PERSON]: 'you people always stick together' - that was it."),
    ("* Thimble mocks my accent", "* [PERSON] mocks my accent"),
    ("Spoke to Charity after and she laughed.", "Spoke to [PERSON] after and she laughed."),
    ("Thimble just swapped the list without a word.", "[PERSON] just swapped the list without a word."),
    ("only thimble does and she gets stick for it", "only [PERSON] does and she gets stick for it"),
    ("For the record it was Chad who moved my bag.",
     "For the record it was [PERSON] who moved my bag."),
])
def test_round4_kinds_are_redacted(lex, text, want):
    assert redacted(text, lex) == want


@pytest.mark.parametrize("text", [
    # terms people capitalise: after a determiner or a number, before a number, titles,
    # abstract nouns and gerunds, plurals, services and places of work, headings
    "A Band 5 nurse on the Agenda for Change scale, in Black History Month.",
    "We did the Safeguarding training on Teams and logged it on Datix.",
    "We reported it to Occupational Health and to Freedom to Speak Up.",
    "They asked Security to walk me to my car.",
    "I felt like a Foreigner on my own ward.",
    "He works in Radiology and says I'm too Sensitive.",
    "I'm on Nights this week and Lates next.",
    "Everyone in Theatres laughed when I said I was Pentecostal.",
    "The Matron said Diversity Week was a waste of time.",
    "I love Christmas but they made me work Eid.",
    "Outcome: Resolved informally.",
    "WHY DOES EVERYONE IGNORE IT WHEN I SAY SOMETHING",
    "I AM SICK OF MANAGEMENT AND HER EXCUSES, AND OF EVERYONE AND HIS OPINIONS",
    "I was told to be more patient and to have faith in the process.",
    "i asked everyone to stop. I asked security to help. I told staff to wait.",
    "Today's meeting was cancelled. Yesterday's handover was rushed.",
    "Monday and Tuesday were the worst shifts.",
    "Pharmacy said the order was late. Muslim staff said nothing.",
    "Management ignored us for months. Sometimes if you ask twice they listen.",
    "Honestly, sadly, luckily, simply, probably, finally, really, that is how it goes.",
    "I was sent to A&E twice and the whole lot of them laughed.",
    "Outcome: 'resolved' according to them.\nNote: nothing was done.",
    "Pharmacy just changed the order. only nurses do it and she knows.",
])
def test_round4_leaves_terms_alone(lex, text):
    assert redacted(text, lex) == text


@pytest.mark.parametrize("text", [
    "She's asked him to stop twice and asked them to leave it.",
    "NOBODY LISTENS WHEN I SAY IT Call me if you need to know more.",
])
def test_round4_leaves_pronouns_and_sentence_starts_after_shouting(lex, text):
    assert redacted(text, lex) == text
