"""Writes `train_kinds2.jsonl`: a small labelled corpus for round 12 of the rules (issue 16), for
the four kinds a seen held-out batch (`round14.jsonl`) still got wrong, written BEFORE that
round's rules were changed (so its first figure is honest for the pools below):

1. given names that are also English words, written in lower case in texting style ("then
   <name> told me", "<name> (band 6) swapped my shift", "told by <name> 2 use…", "n <name>
   said", lists of people in lower case before a person's verb, a name after "with"/"and"
   before a person's verb), beside the same words used as words in the same voice;
2. a lower-case given name spoken to inside a quotation ("'pls hurry up <name>'", "'cheers
   <name> x'");
3. a given name that is a word, after a role or form of address in Portuguese, Spanish, Polish
   or Tagalog ("a enfermeira <Name> disse", "pani <Name>", "ate <Name>", "doña <Name>");
4. the same words as words, which must be KEPT: manner after "with" ("handled it with
   [[grace]],"), shouted phrases of ordinary words ("NO [[HOPE]] OF", "[[WILL]] NOT", "IT
   [[MAY]] BE"), daybreak ("at [[dawn]]", "[[Dawn]] on a night shift"), a noun before its
   complement ("[[faith]] in", "[[hope]] that", "the [[joy]] of"), "[[bless]] you", a month after
   a day's number (inside a DATE span).

Pieces in the markup of `make_round4.py` (corpus.build_pieces): `{TYPE:text}` is personal
information, `[[word]]` must be kept. Every person and place is invented; the given names that
are words here are not those of `tests/unit/test_redaction_round12.py`. Deterministic. Not held
out; the entity recogniser's fine-tuning (`make model`) reads every corpus here."""
from __future__ import annotations

import random
from pathlib import Path

import corpus  # the shared machinery (fill_piece, parse_piece, write), beside this file

OUT = Path(__file__).with_name("train_kinds2.jsonl")
R = random.Random(16_2412)

POOLS = {
    # given names that are English words, drawn in lower case in texting pieces
    "WL": ["mercy", "pearl", "amber", "ruby", "holly", "hazel", "destiny", "precious", "heather",
           "willow", "crystal", "harmony", "lily", "daisy", "poppy", "violet", "iris",
           "felicity", "prudence", "blossom", "coral", "ember", "angel", "serenity"],
    "WL2": ["destiny", "pearl", "holly", "violet", "iris", "daisy", "angel", "coral"],
    # given names that are words or calendar words, capitalised, after a role in another language
    "WC": ["Will", "May", "June", "Summer", "Pearl", "Amber", "Mercy", "Precious", "Angel",
           "Holly", "Ruby", "Hazel", "Destiny", "Iris", "Violet", "Crystal"],
    "ROLEF": ["a enfermeira", "a senhora", "o senhor", "dona", "pani", "siostra", "la señora",
              "doña", "la enfermera", "ate", "kuya", "tita", "manang", "ginang", "pan",
              "don", "señor", "doutora"],
    "F": ["Adebisi", "Kowalczyk", "Ferreira", "Santiago", "Mendoza", "Oyelaran", "Wiśniewska",
          "Carvalho", "Dumitrescu", "Bautista"],
    "N": ["5", "6", "7", "8"],
    "KV": ["grace", "patience", "dignity", "mercy", "charity", "humour"],
    "KEEP": ["Polish", "Filipino", "Portuguese", "Muslim", "Black", "Catholic", "Nigerian"],
    "MONTH": ["may", "june", "april", "august"],
    "DAY": ["3", "14", "21", "9", "27"],
}

PIECES = [
    # 1. lower-case word names in texting
    "then {PERSON:<WL>} told me i cant go on my break agn",
    "{PERSON:<WL>} (band <N>) swapped my shift agn without asking me",
    "told by {PERSON:<WL>} 2 use the side door cos of my [[<KEEP>]] scarf",
    "n {PERSON:<WL>} said i was lazy in front of the pt",
    "me n {PERSON:<WL>} were on nights n {PERSON:<WL2>} laughed at my accent all shift",
    "{PERSON:<WL>}, {PERSON:<WL2>} n me were in the office n she mocked my english",
    "sent by {PERSON:<WL>} 2 the other ward agn, always me cos im [[<KEEP>]]",
    "i was with {PERSON:<WL>} and she laughed when they called me a name",
    "so {PERSON:<WL>} just ignored me at handover u wouldnt believe it",
    "asked by {PERSON:<WL>} where im really from, 3rd time this week",
    # the same words as words in the same voice
    "u need [[patience]] on this ward n a lot of it",
    "i lost all [[hope]] when nobody backed me up",
    # 2. a lower-case name spoken to in a quotation
    "she goes 'pls hurry up {PERSON:<WL>}' n walks off laughing",
    "on the group chat '{PERSON:<WL>} pls cover my shift' but not one reply to me",
    "the note said 'cheers {PERSON:<WL>} x' and mine said nothing",
    "'move it {PERSON:<WL>}' he shouted across the bay",
    # 3. a word name after a role in another language
    "<ROLEF> {PERSON:<WC>} said my [[<KEEP>]] accent is too strong for the phones",
    "<ROLEF> {PERSON:<WC>} told the patients not to trust me",
    "my mum calls her <ROLEF> {PERSON:<WC>}, she is kind, but {PERSON:<WC> <F>} from the office is not",
    # 4. the same words as words, kept
    "she handled it with [[<KV>]], then went home and cried",
    "NO [[HOPE]] OF A BREAK TODAY, AGAIN",
    "I [[WILL]] NOT BE SPOKEN TO LIKE THAT, NOT AGAIN",
    "IT [[MAY]] BE NOTHING TO THEM BUT IT HURT",
    "[[Dawn]] on a night shift is when it always starts",
    "we finished at [[dawn]] and nobody said thank you",
    "i have no [[faith]] in management after this",
    "i [[hope]] that someone reads this",
    "the [[joy]] of being the only [[<KEEP>]] nurse on nights",
    "she sneezed and i said [[bless]] you and she just stared",
    "it started on {DATE:<DAY> <MONTH>} when {PERSON:<WL>} moved my name on the rota",
]

if __name__ == "__main__":
    corpus.build_pieces(OUT, "tk2", 160, R, PIECES, POOLS, ["Dr", "Sister"], ["AK"])
