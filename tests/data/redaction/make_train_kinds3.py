"""Writes `train_kinds3.jsonl`: a small labelled corpus for round 13 of the rules (issue 16), for
the kinds a held-out batch (round15, never read here) showed wrong, described by kind only:
identifiers dictated to a speech-to-text app and written in words, in lower case, with spoken
punctuation ("full stop", "comma", "new paragraph"): dates (a weekday and "the" inside the
date), years of birth, extensions and bleeps, registration numbers spelled with the NATO
alphabet, day and month with a dot; titles and ranks before lower-case (or capitalised) names,
inside the name's span; given names in apposition to a staff role ("the hca <name>", "<name> the
ot"), the role kept; words that look like names and must be KEPT (bakes and dishes named after
places or people, clinical scales and hyphenated eponyms, brand medicines, faith groups, abstract
nouns first in a sentence, "bless" as an exclamation) beside real names in the same places, which
must go; a ward's name followed by its number, the number inside the span. Ordinary number words
(times, counts, bands, ages) are in the text and unlabelled.

Pieces in the markup of `make_round4.py` (corpus.build_pieces): `{TYPE:text}` is personal
information, `[[word]]` must be kept. Every person, number, ward and place is invented (names of
many origins, none taken from another corpus here). Deterministic. Written with round 13's rules
(not held out): it measures the kinds, it does not prove them on unseen text. The entity
recogniser's fine-tuning (`make model`) reads every corpus here, this one included."""
from __future__ import annotations

import random
from pathlib import Path

import corpus  # the shared machinery (fill_piece, parse_piece, write), beside this file

OUT = Path(__file__).with_name("train_kinds3.jsonl")
R = random.Random(13_1606)

POOLS = {
    "G": ["Ifeoluwa", "Saoirse", "Bartosz", "Thandiwe", "Ruairidh", "Nkechi", "Halvard", "Parveen",
          "Ottoline", "Chidubem", "Ileana", "Mehmet", "Wenonah", "Tsitsi", "Kieron", "Anouska"],
    "g": [],
    "F": ["Pennock", "Achterberg", "Quinlivan", "Dunmore", "Okwuosa", "Threlkeld", "Bairstow",
          "Ferreira-Lowe", "Gathercole", "Mwale", "Tregunna", "Sokolowska"],
    "f": [],
    # given names that are English words, in lower case
    "WG": ["memory", "precious", "blessing", "innocent", "mercy", "comfort", "patience", "ivy",
           "pearl", "hazel"],
    "STITLE": ["mister", "missus", "sister", "officer", "sergeant", "nurse"],
    "CTITLE": ["Officer", "Mister", "Sergeant", "Inspector", "Governor"],
    "ROLE": ["hca", "HCA", "OT", "physio", "porter", "student nurse", "ward clerk", "sonographer"],
    "SDATE": ["the thirtieth of november", "wednesday the third of july", "thursday the eleventh",
              "the twenty second of february", "monday the first of september",
              "the nineteenth of january", "friday the twenty fifth of may", "tuesday the sixth",
              "the twelfth of august", "saturday the fourteenth of october"],
    "SYEAR": ["nineteen seventy two", "two thousand and eleven", "nineteen eighty eight",
              "nineteen oh four", "two thousand and one", "nineteen ninety three"],
    "SEXT": ["six two nine one", "double five eight zero", "three three eight", "sixty one forty",
             "four one one seven", "nine zero two"],
    "EXTWORD": ["extension", "ext", "bleep", "extension number"],
    "SPIN": ["two three charlie four four one nine foxtrot", "zero eight bravo five two two six kilo",
             "one one hotel seven three zero two alpha", "nine four delta six six one eight echo",
             "seven two tango zero zero four one sierra"],
    "DOTDATE": ["09.04", "23.05", "11.12", "04.06", "28.02"],
    "DOTFULL": ["23.05.24", "02.11.23", "17.08.25", "30.01.24"],
    "FOOD": ["Bakewell tart", "Eccles cakes", "Victoria sponge", "Brussels sprouts",
             "Beef Wellington", "Eggs Benedict", "Battenberg", "Chelsea buns", "Jaffa cakes",
             "Welsh rarebit", "Cornish pasties", "Earl Grey"],
    "SCALE": ["Glasgow Coma Scale", "Waterlow score", "Guillain-Barré", "Braden score",
              "Apgar score"],
    "BRAND": ["Syntocinon", "Buvidal", "Oramorph", "Epilim", "Zomorph", "Calpol", "Fortisip",
              "Sevredol"],
    "FAITH": ["Jehovah's Witness", "Seventh-day Adventist", "Rastafarian", "Latter-day Saints"],
    "WARD": ["Tarrant", "Walcott", "Haddiscoe", "Sculthorpe", "Blickling", "Happisburgh"],
    "WNUM": ["2", "3", "4", "12", "7"],
    "SMALL": ["about three", "two patients", "band five", "eleven years", "four beds", "twenty minutes"],
    "KEEP": ["Polish", "Muslim", "Black", "Zimbabwean", "Sikh", "deaf"],
    "VERB": ["laughed at my accent", "moved my break again", "swapped me onto nights",
             "ignored me at handover", "called me lazy", "left me on my own"],
}
POOLS["g"] = [g.lower() for g in POOLS["G"]]
POOLS["f"] = [f.lower() for f in POOLS["F"]]

PIECES = [
    # 1. dictated identifiers
    "it happened on {DATE:<SDATE>} full stop {PERSON:<g>} saw it comma nobody else",
    "new paragraph so on {DATE:<SDATE>} she said it again comma in front of <SMALL>",
    "he told me people born {DATE:<SYEAR>} are too old for this job full stop",
    "my son was born in {DATE:<SYEAR>} and she still asked if he was really mine",
    "ring me on <EXTWORD> {PHONE:<SEXT>} if you want to talk full stop",
    "i tried <EXTWORD> {PHONE:<SEXT>} over and over and nobody picked up comma again",
    "my pin is {REG_NUMBER:<SPIN>} full stop she reported me to the nmc anyway",
    "she wrote my nmc pin {REG_NUMBER:<SPIN>} on the board new paragraph",
    "last incident ({DATE:<DOTDATE>}) was worse than the one before",
    "on {DATE:<DOTFULL>} at handover they <VERB>",
    "we had <SMALL> on the list and she is eighty comma i was on my own",
    # 2. titles and roles beside lower-case names
    "{PERSON:<STITLE> <f>} <VERB> full stop",
    "{PERSON:<STITLE> <g> <f>} said i was slow comma again",
    "new paragraph {PERSON:Sister <f>} <VERB> full stop",
    "I reported it to {PERSON:<CTITLE> <F>} and nothing happened.",
    "{PERSON:<CTITLE> <F>} <VERB> in front of the [[<KEEP>]] families.",
    "the [[<ROLE>]] {PERSON:<WG>} said nothing when they <VERB>",
    "{PERSON:<WG>} the [[<ROLE>]] was the only one who helped",
    "{PERSON:<g>} the [[<ROLE>]] asked where i was really from",
    "the [[<ROLE>]] was rude to me and the [[<ROLE>]] laughed",
    # 3. kept words beside names
    "[[<FOOD>]] again in the canteen and {PERSON:<G>} said my food smells.",
    "They brought [[<FOOD>]] for the night shift but {PERSON:<G> <F>} hid it from me.",
    "His [[<SCALE>]] was charted late and {PERSON:<G>} blamed the [[<KEEP>]] nurse.",
    "[[<BRAND>]] was given on time, {PERSON:<G>} still reported me.",
    "She is a [[<FAITH>]] and {PERSON:<G>} made fun of it at handover.",
    "[[Justice]] would be nice for once. {PERSON:<G>} said I was too [[<KEEP>]] to complain.",
    "[[Hope]] is running out on this ward. {PERSON:Hope} said she would report it.",
    "[[Faith]] matters to me. {PERSON:Dr <F>} said it has no place here.",
    "[[Bless]], she tried her best, but {PERSON:<F>} <VERB>.",
    "{PERSON:Victoria} said I should smile more, then offered me [[Victoria sponge]].",
    # 4. a ward's number
    "I was moved from Ward {ORG:<WARD> <WNUM>} without notice.",
    "they sent me to {ORG:<WARD> <WNUM>} because I'm [[<KEEP>]], {PERSON:<G>} said.",
]

if __name__ == "__main__":
    corpus.build_pieces(OUT, "tk3", 160, R, PIECES, POOLS, ["Dr", "Sister"], ["ZG", "KD"])
