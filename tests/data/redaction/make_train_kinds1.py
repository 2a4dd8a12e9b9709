"""Writes `train_kinds1.jsonl`: a small labelled corpus for issue 16's kinds round, written after
that round's rules were first frozen (commit e92d8a6 and the pairing of initials with a name), for the
six kinds a held-out batch showed still wrong: clinical words that look like names (eponymous
conditions, medicines, organisms, signing systems, services' abbreviations), which must be KEPT,
beside real names, which must go; uniform and service numbers; postcodes spelled out in lower
case with spaces (some missing); "the" before an ordinal day, labelled inside the date; initials
used as people (two capitals paired with another or a name before a verb, after "told by", a
quoted letter as a nickname, a lower-case given name and an initial in texting style) beside
abbreviations that must be kept ("IT", "OK", "GP", "A&E", "ED", "OT", "PT", band numbers, ward
codes); and a house's name beginning "The" before its street and postcode.

Pieces in the markup of `make_round4.py` (corpus.build_pieces): `{TYPE:text}` is personal
information, `[[word]]` must be kept. Every person, number, house, street and postcode is
invented; the medicines and conditions are common public words. Deterministic. Not held out:
it was measured with main's rules and with the round's frozen rules, then two kinds it showed
("warrant card number", a name with letters beyond ASCII beside initials) were closed (figures in
docs/redactor.md). The entity recogniser's fine-tuning (`make model`) reads every corpus here,
this one included."""
from __future__ import annotations

import random
from pathlib import Path

import corpus  # the shared machinery (fill_piece, parse_piece, write), beside this file

OUT = Path(__file__).with_name("train_kinds1.jsonl")
R = random.Random(16_2305)


def _spaced(postcode: str, r: random.Random) -> str:
    """"sy7 8hn" -> "s y 7 8 h n", with a space left out here and there."""
    chars = [c for c in postcode.lower() if c != " "]
    out = chars[0]
    for c in chars[1:]:
        out += ("" if r.random() < 0.2 else " ") + c
    return out


_POSTCODES = ["SY7 8HN", "NR14 6QB", "IP21 4XW", "PE30 2DJ", "NR3 1RT", "CB9 7LP", "IP7 5EU",
              "NR27 9BG", "LN6 3WA", "PE13 4SD", "NR19 2HZ", "IP33 1NF"]

POOLS = {
    "G": ["Oyinkansola", "Mirela", "Dervla", "Hamish", "Tuyết", "Ikenna", "Zofia", "Bronwen",
          "Anselm", "Rukhsana", "Kwabena", "Liesl", "Eamon", "Folasade", "Radhika", "Tadeusz"],
    "g": [],   # lower case: corpus.fill_piece lowers a draw from G
    "F": ["Adeyemi-Clarke", "Wróbel", "Nwachukwu", "Threlfall", "Bhardwaj", "Okonjo", "Fenwick",
          "Szabó", "Mbatha", "Cottingham", "Raghunathan", "Dunsford"],
    "LG": ["amber", "josh", "kayleigh", "ellis", "priya", "connor", "jade", "tomasz", "shauna",
           "dean", "leah", "marcus"],
    "L": ["M", "T", "K", "R", "B", "D", "P", "W", "S", "H"],
    "EPON": ["a Parkinson's review", "Down's syndrome", "a Hartmann's procedure",
             "a Huntington's patient", "Crohn's", "Alzheimer's", "Bell's palsy",
             "Addison's disease", "Turner syndrome", "a Foley catheter", "Raynaud's",
             "Guillain-Barré syndrome", "Cushing's syndrome", "the Waterlow score",
             "Ménière's disease", "Hodgkin's lymphoma", "Asperger's", "a Hickman line",
             "Wilson's disease", "Graves' disease", "Korsakoff's syndrome", "Tourette's"],
    "MEDCAP": ["Insulin", "Metformin", "Warfarin", "Oramorph", "Apixaban", "Clexane",
               "Levetiracetam", "Lorazepam", "Gabapentin", "Tazocin", "Furosemide", "Sinemet"],
    "MED": ["buccal midazolam", "paracetamol", "insulin", "oramorph", "co-codamol",
            "haloperidol", "enoxaparin", "prednisolone", "quetiapine", "gentamicin",
            "lactulose", "salbutamol"],
    "BUG": ["C. diff", "E. coli", "MRSA", "C diff", "Klebsiella", "Pseudomonas", "norovirus",
            "CPE", "ESBL", "Candida auris"],
    "COMMS": ["Makaton", "BSL", "Signalong", "PECS", "Braille"],
    "SVC": ["the LD nurse", "CLDT", "the AMHP", "the CMHT", "the HV team", "CAMHS", "the DN team",
            "IMHA"],
    "UNIWORD": ["collar number", "warrant number", "shoulder number", "service number",
                "collar no.", "warrant card number"],
    "NUM": ["6632", "40217", "2291", "30079123", "815", "5529", "71406", "3390", "24185017",
            "1147"],
    "SPC": [_spaced(p, random.Random(i)) for i, p in enumerate(_POSTCODES)],
    "PC": _POSTCODES,
    "THEDATE": ["the 8th of Feb", "the 3rd of March", "the 21st of June", "the 2nd of Oct",
                "the 14th of November", "the 30th of Jan", "the 1st of August", "the 9th Dec",
                "the 17th of April", "the 5th of Sept"],
    "INI": ["ZG", "KD", "QX", "TW", "HJ", "FN", "YL", "VB", "XR", "LK"],
    "ABBR": ["BP", "MY", "PS", "AM", "DR", "PM"],
    "HOUSE": ["The Old Forge", "The Willows", "The Old Granary", "The Larches", "The Paddocks",
              "The Old Smithy", "The Spinney", "The Old Chapel"],
    "STREET": ["Rookery Lane", "Stonepit Road", "Chapel Loke", "Mardle Street", "Hollow Lane",
               "Fen Road", "Cuckoo Lane", "Wherry Close"],
    "VERB": ["took the family off my list", "moved my break again", "laughed at my accent",
             "swapped me onto nights", "ignored me at handover", "left me on my own"],
    "KEEP": ["Polish", "Muslim", "Black", "Nigerian", "gay", "deaf"],
}
POOLS["g"] = [g.lower() for g in POOLS["G"]]

PIECES = [
    # 1. clinical words that look like names: kept; a name beside them goes
    "I was looking after [[<EPON>]] on bay 3 and {PERSON:<G>} said I was too slow.",
    "my dad has [[<EPON>]] and {PERSON:<G> <F>} still made jokes about it at handover",
    "[[<EPON>]] on the list again and nobody would help me, except {PERSON:<G>}.",
    "[[<MEDCAP>]] was late because I was stuck in the sluice and {PERSON:<G>} blamed my [[<KEEP>]] 'attitude'.",
    "[[<MEDCAP>]] was missed on the round, and {PERSON:Dr <F>} shouted at me in front of everyone",
    "gave [[<MED>]] as charted and {PERSON:<g>} still reported me",
    "i gave the [[<MED>]] and {PERSON:<G>} said 'you people never check'",
    "He has [[<BUG>]] so they sent me in because I'm [[<KEEP>]], {PERSON:<G>} said.",
    "[[<BUG>]] on the swab and {PERSON:<F>} told the whole ward it was my fault.",
    "I use [[<COMMS>]] with my patient and {PERSON:<G>} mocked it.",
    "[[<COMMS>]] was never booked and {PERSON:Sister <F>} said I was making a fuss",
    "[[<SVC>]] said I was too [[<KEEP>]] to understand, {PERSON:<G>} was there.",
    "I rang [[<SVC>]] about it and {PERSON:<G> <F>} laughed down the phone.",
    "{PERSON:Dr <F>}'s patient was rude about my [[<KEEP>]] accent.",
    # 2. uniform and service numbers
    "the officer would not give his name, only that his <UNIWORD> is {STAFF_ID:<NUM>}",
    "My <UNIWORD> was {STAFF_ID:<NUM>} back then and they still found me.",
    "the paramedic ({PERSON:<G>}, <UNIWORD> {STAFF_ID:<NUM>}) called me a [[<KEEP>]] name",
    # 3. postcodes spelled out in lower case
    "i live near {PERSON:<g>} so she knows my postcode is {POSTCODE:<SPC>}",
    "they read out my address, the postcode too, {POSTCODE:<SPC>}, in front of everyone",
    # 4. "the" before an ordinal day
    "It happened on {DATE:<THEDATE>} in the staff room with {PERSON:<G>}.",
    "since {DATE:<THEDATE>} {PERSON:<G> <F>} has not spoken to me",
    "{DATE:<THEDATE>} was the worst shift, [[<MEDCAP>]] was late and I got the blame",
    # 5. initials as people; abbreviations kept
    "{PERSON:<INI>} and {PERSON:<ABBR>} <VERB>.",
    "{PERSON:<G>} and {PERSON:<ABBR>} <VERB> and the [[GP]] saw it all",
    "I was told by {PERSON:<INI>} that I smell of [[<KEEP>]] food.",
    "they still call me '{PERSON:<L>}' because my name is 'too hard'",
    "n {PERSON:<LG> <L>} txts me every night about my [[<KEEP>]] family",
    "[[IT]] and [[HR]] were told on the day, it was [[OK]] apparently",
    "[[OT]] and [[PT]] took over and the [[GP]] came to [[A&E]] later, then [[ED]] again",
    "I'm a band 5 on 7B and {PERSON:<INI>} keeps asking where I'm 'really' from",
    # 6. a house's name beginning "The"
    "The letter went to {LOCATION:<HOUSE>, <STREET>}, {POSTCODE:<PC>} instead of HR.",
    "{LOCATION:<HOUSE>, <STREET>}, {POSTCODE:<PC>} is where {PERSON:<G>} told everyone I live",
]

if __name__ == "__main__":
    corpus.build_pieces(OUT, "tk1", 240, R, PIECES, POOLS, ["Dr", "Sister"], POOLS["INI"])
