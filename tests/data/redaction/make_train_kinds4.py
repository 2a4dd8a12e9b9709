"""Writes `train_kinds4.jsonl`: a small labelled corpus for round 15 of the rules (issue 16), for
the kinds a seen batch (round15) still leaked, described by kind only and written in new wordings
with new people and places, BEFORE that round's rules were changed (so its first figure, with
main's rules, is honest for the pools below):

1. lower-case given names that are ordinary words, in texting and dictation: the subject of a
   sentence, before a surname, before an -ing verb ("<name> shouting at me");
2. a lower-case given name with a diacritic;
3. a word name shouted as a vocative ("<NAME>, ..."), and a word name spoken to at the end of a
   chat message;
4. a capitalised word name before a bare verb in non-native English ("<Name> say to me ..."),
   beside capitalised common nouns in the same frame ("Manager say ...", "Trust say ...");
5. a nickname given against someone's wishes, capitalised and quoted (or not) after "calls me" /
   "called me" (PERSON), beside ordinary insults and descriptions in lower case (not labelled);
6. a provider's name with the words after it that name the service ("<Place> Orthodontics",
   "<Place> community midwifery team": one ORG span), beside the same service words with no name;
7. must-keep words: a quoted "Bless," as an exclamation, a clinical scale after a possessive
   ("the patient's Waterlow", "baby's Apgar").

The same words as words (must KEPT) stand in the same frames: an abstract noun as a subject, a
word before an -ing verb, a shouted ordinary word before a comma, a chat message ending in an
ordinary word, a capitalised common noun before a bare verb.

Pieces in the markup of `make_round4.py` (corpus.build_pieces): `{TYPE:text}` is personal
information, `[[word]]` must be kept. Every person, provider and place is invented (none taken
from another corpus here). Deterministic. Not held out: it measures the kinds, it does not prove
them on unseen text. The entity recogniser's fine-tuning (`make model`) reads every corpus here,
this one included."""
from __future__ import annotations

import random
from pathlib import Path

import corpus  # the shared machinery (fill_piece, parse_piece, write), beside this file

OUT = Path(__file__).with_name("train_kinds4.jsonl")
R = random.Random(15_1606)

POOLS = {
    "G": ["Tafadzwa", "Rutendo", "Ngozi", "Oluwaseun", "Aoife", "Eilidh", "Radek", "Yusuf",
          "Ilse", "Thabo", "Mariam", "Caoimhe"],
    "F": ["Ormerod", "Blenkinsop", "Cattermole", "Rudkin", "Venables", "Tillotson", "Marwick",
          "Szczepanik", "Ndlovu-Hart", "Pemberthy", "Okafor-Lind", "Hebden"],
    "f": [],
    # given names that are English words (lower case in texting, capitalised in other frames)
    "W": ["Talent", "Fortune", "Beauty", "Charity", "Liberty", "River", "Meadow", "Melody", "Sage",
          "Clover", "Goodwill", "Trinity"],
    "w": [],
    # lower-case given names with a diacritic
    "DG": ["józef", "agnès", "tomáš", "zoë", "léa", "björn", "dóra", "renée", "øystein",
           "hélène", "jiří", "françois"],
    # ordinary words in the same frames, to be kept
    "ABS": ["trust", "charity", "beauty", "talent", "patience", "kindness", "respect", "honesty"],
    "INGW": ["the rain", "the heating", "the noise", "the alarm", "the printer", "the phone"],
    "SHOUT": ["STOP", "WAIT", "LISTEN", "ENOUGH", "MOVE", "HURRY"],
    "ENDW": ["pls", "thanks", "asap", "today", "tonight", "again"],
    "COMMON": ["Manager", "Patient", "Trust", "Nurse in charge", "Family", "Agency", "Supervisor"],
    "INSULT": ["lazy", "slow", "useless", "the new girl", "a liar", "love", "darling", "stupid"],
    "NICK": ["Kimchi", "Mowgli", "Kathmandu", "Bangkok", "Borat", "Kung Fu", "Chapati", "Bombay",
             "Jungle Boy", "Tarzan"],
    "PLACE": ["Thornleigh", "Cressbrook", "Hollin Moor", "Brackenby", "Ashcombe Vale",
              "Marlow Fen", "Saltcote", "Kettlewick"],
    "SPEC": ["Orthodontics", "Dental Care", "Audiology", "Physiotherapy", "Podiatry",
             "community midwifery team", "community nursing team", "district nursing team",
             "health visiting team", "Family Practice"],
    "GSPEC": ["orthodontics", "audiology", "physiotherapy", "podiatry", "community midwifery",
              "district nursing", "health visiting"],
    "SCALE": ["Waterlow", "Apgar", "Braden", "Barthel", "Norton", "Rockwood", "MUST", "NEWS2"],
    "OWNER": ["the patient's", "baby's", "her", "his", "mum's", "the resident's", "gran's"],
    "KEEP": ["Filipino", "Muslim", "Black", "Nepali", "Hindu", "gay", "Kenyan", "disabled"],
    "ING": ["shouting", "laughing", "talking", "moaning", "staring", "whispering", "complaining"],
    "BARE": ["say to me", "tell everyone", "make me do", "speak to me like", "shout at me",
             "laugh when"],
    "TIME": ["07:42", "13:05", "22:18", "19:56", "06:30", "23:11"],
}
POOLS["f"] = [f.lower() for f in POOLS["F"]]
POOLS["w"] = [w.lower() for w in POOLS["W"]]

PIECES = [
    # 1. lower-case word names in texting and dictation
    "{PERSON:<w>} told the whole bay i smell full stop nobody said anything",
    "on nights again n {PERSON:<w>} took my break 4 the third time",
    "{PERSON:<w> <f>} said im only here because im [[<KEEP>]] comma i reported it",
    "went to the office and {PERSON:<w> <f>} was there laughing",
    "{PERSON:<w>} <ING> about me at handover again",
    "i heard {PERSON:<w>} <ING> to the hca about my accent",
    "[[<ABS>]] is gone in this team full stop i want to move",
    "[[<ABS>]] is not something they show the [[<KEEP>]] staff here",
    "<INGW> going off all night and {PERSON:<w>} blamed me for it",
    "<INGW> ringing all shift, i was on my own",
    # 2. a lower-case name with a diacritic
    "{PERSON:<DG>} said i should go back where i came from",
    "me n {PERSON:<DG>} were on the late n the sister ignored us both",
    "asked {PERSON:<DG>} for help with the hoist and she said no because im [[<KEEP>]]",
    "new paragraph {PERSON:<DG> <f>} called me lazy in front of the family",
    "the café was shut so {PERSON:<G>} told me to eat at my desk like a [[<KEEP>]]",
    # 3. shouted vocatives and a name spoken to at the end of a chat message
    "He screamed \"{PERSON:<WUP>}, GET BACK ON THE FLOOR\" in front of the patients.",
    "{PERSON:<WUP>}, WHERE IS THE OBS CHART, he shouted down the corridor at me.",
    "She shouted \"<SHOUT>, DON'T TOUCH THAT\" and the [[<KEEP>]] cleaner left in tears.",
    "[<TIME>] {PERSON:<G>}: can u cover sat {PERSON:<w>}",
    "[<TIME>] {PERSON:<G>}: not u again {PERSON:<w>}",
    "[<TIME>] {PERSON:<G>}: can u cover sat <ENDW>",
    "[<TIME>] {PERSON:<G> <F>}: ur on the rota w {PERSON:<w>} <ENDW>",
    # 4. a capitalised word name before a bare verb in non-native English
    "{PERSON:<W>} <BARE> I am not clean person because I am [[<KEEP>]].",
    "In morning {PERSON:<W>} <BARE> I am slow and stupid.",
    "When I ask for help {PERSON:<W>} always <BARE> I am lazy.",
    "<COMMON> say to me I must work every weekend.",
    "<COMMON> tell me they will investigate but nothing happen.",
    "I report to Manager and {PERSON:<W> <F>} <BARE> I am liar.",
    # 5. nicknames after "calls me" / "called me"
    "{PERSON:<G> <F>} calls me '{PERSON:<NICK>}' every shift.",
    "The charge nurse called me \"{PERSON:<NICK>}\" in front of the [[<KEEP>]] patient.",
    "he keeps calling me {PERSON:<NICK>} and the others laugh",
    "{PERSON:<G>} called me '<INSULT>' again today.",
    "She calls me <INSULT> and thinks it's fine.",
    # 6. providers with the words that name the service
    "I am receptionist at {ORG:<PLACE> <SPEC>} for two years.",
    "Student placement with the {ORG:<PLACE> <SPEC>}: my mentor {PERSON:<G>} ignored me.",
    "The dentist at {ORG:<PLACE> <SPEC>} said my English was a joke.",
    "I work in <GSPEC> and the [[<KEEP>]] patients get the worst slots.",
    "moved from <GSPEC> to wards last year, same thing happens there",
    # 7. must-keep words
    "\"[[Bless]], you don't even know what a hoist is,\" {PERSON:<G>} said to me.",
    "'[[Bless]], look at her trying,' the sister laughed.",
    "I did <OWNER> [[<SCALE>]] on time and {PERSON:<G>} still said it was wrong.",
    "{PERSON:Mrs <F>}'s [[<SCALE>]] was done by me but {PERSON:<G>} took the credit.",
    "<OWNER> [[<SCALE>]] was charted late, not by me.",
]

if __name__ == "__main__":
    corpus.build_pieces(OUT, "tk4", 160, R, PIECES, POOLS, ["Dr", "Sister"], ["ZG", "KD"])
