"""Writes `round11.jsonl`: an eleventh labelled corpus, written for issue 16's second round on the
learned name pass before any new training data was written or the model refitted, and measured
once with the model frozen (figures in docs/redactor.md). Never read by the trainer. Hand-written
pieces in voices and layouts no earlier corpus has (a hospital porter, a radiographer, a midwife,
a paramedic, a phlebotomist, a ward clerk, a speech and language therapist, a chaplaincy
volunteer, an estates electrician, a student nurse, a GP receptionist, an occupational therapist;
a forwarded e-mail, a WhatsApp export, a diary with times, bullet points, a statement with
numbered paragraphs), other people and places (none in an earlier corpus or test), names that are
ordinary words (food, plants, animals, objects) in lower case, capitalised and in capitals, in
sentences that do and do not prove a person is meant. Same markup as `make_round4.py`. Every value
is invented (NHS numbers in the 999 test range, Ofcom drama phone numbers)."""
from __future__ import annotations

import random
from pathlib import Path

import corpus  # the shared machinery (round 4's pieces: fill_piece, parse_piece), beside this file

OUT = Path(__file__).with_name("round11.jsonl")
R = random.Random(16_11)

POOLS = {
    "G": ["Folasade", "Radoslaw", "Chiamaka", "Lwazi", "Eilidh", "Kwadwo", "Gethin", "Nkechi",
          "Ludmila", "Senara", "Catriona", "Tendai", "Rukhsana"],
    "F": ["Onyekachi", "Wisniewska", "Abernethy-Cole", "Pengelly", "Dlamini", "Trevithick",
          "Olawuyi", "Zielinski", "Vandermeer", "Eze-Holt"],
    "W": ["Pumpkin", "Cobweb", "Turnip", "Damson", "Quince", "Treacle", "Barley", "Puffin",
          "Radish", "Dumpling", "Meringue", "Fudge", "Cashew", "Tulip", "Kale"],
    "KW": ["Patience", "Mercy", "Prudence", "Charity", "Modesty"],
    "EA": ["Choi Seo-yeon", "Bui Van Long", "Jang Hye-won"],
    "PART": ["Dafydd ap Gwilym", "Seonaid Nic a' Phi", "Themba ka Ndlovu"],
    "WARD": ["Heronsgate", "Lapwing", "Polwhele", "Greenbank"],
    "SITE": ["Tremough Community Hospital", "Kenwyn Vale Surgery", "Roseland Birth Centre",
             "Penryn Ambulance Station"],
    "ABBR": ["TCH", "KVS", "R&B"],
    "PC": ["TR10 9FE", "TR3 6BU", "PL14 2RN"],
    "STREET": ["6 Kernick Way", "Flat 4, 27 Goldsithney Road", "Ty Mawr, Chapel Lane"],
    "PH": ["07700 900 142", "01632 960 587", "07700-900-633"],
    "EXT": ["3318", "6042"],
    "NHS": ["999 207 4418", "999 561 0923"],
    "DATE": ["Tues 8/10", "Sat 1st March", "19th of June", "Weds 12/2", "03.04.2025"],
    "STAFF": ["58214", "P-40177"],
    "HANDLE": ["fudge.porter", "eilidh_slt"],
    "KEEP": ["Nigerian", "Hindu", "Romanian", "Sikh", "Bangladeshi", "trans", "Irish", "Kenyan",
             "Buddhist", "Eritrean"],
}

PIECES = [
    # a hospital porter
    "{PERSON:<W>} on the switchboard puts me through last every time.",
    "the porters' supervisor {PERSON:<w>} calls me 'the new one' after four years",
    # a radiographer
    "After the scan {PERSON:<W>} asked the patient if they wanted 'a proper radiographer'.",
    "I showed {PERSON:<w>} the rota and she just laughed",
    # a midwife
    "On {DATE:<DATE>} {PERSON:<W>} took the birth plan off me in front of the family.",
    "{PERSON:<G> <F>} at {ORG:<SITE>} said my accent would 'scare the mums'.",
    # a paramedic
    "crewed with {PERSON:<w>} all week and not one word to me",
    "{PERSON:<W>} and {PERSON:<G>} both talk over me at handover.",
    # a phlebotomist
    "{PERSON:<W>}, from the lab, keeps relabelling my samples as if I can't read.",
    "honestly {PERSON:<w>} is the worst for it",
    # a ward clerk
    "Forwarded message\nFrom: {PERSON:<G> <F>}\nSubject: complaint\n{PERSON:<W>} moved my desk again while I was at lunch.",
    "I sit by the door on {ORG:<WARD> ward} where nobody talks to me.",
    # a speech and language therapist
    "- {PERSON:<W>} repeats my words back in a funny voice\n- {PERSON:<W2>} says nothing",
    "Ask {PERSON:<w>} why I was left off the training list.",
    # a chaplaincy volunteer
    "A relative asked for 'a [[<KEEP>]] chaplain, not one like you', and {PERSON:<W>} agreed with them.",
    "{PERSON:<KW>} is the one person who checks I'm ok.",
    # an estates electrician
    "WHY DOES {PERSON:<WUP>} GET THE DAY JOBS",
    "{PERSON:MR <FUP>} SHOULD BE ASHAMED",
    # a student nurse
    "my mentor {PERSON:<w>} told the patient i was 'only a student from abroad'",
    "{PERSON:<W>} signed off everyone else's book but not mine.",
    # a GP receptionist
    "Ring the practice on {PHONE:<PH>} ext {PHONE:<EXT>} and ask for {PERSON:<G>}.",
    "a patient called me a name and {PERSON:<w>} said i should have been nicer",
    # an occupational therapist
    "{PERSON:<TITLE> <F>} assumed I was the interpreter.",
    "{PERSON:<EA>} saw it and backed me up.",
    # a WhatsApp export
    "[08:14] {PERSON:<W>}: who's covering the [[<KEEP>]] lady in bay 2\n[08:15] {PERSON:<G>}: not me lol",
    # a diary with times
    "07:40 - {PERSON:<W>} ignored me at the huddle.\n12:10 - {PERSON:<W2>} asked where I'm 'really from'.",
    # a statement with numbered paragraphs
    "4. I then spoke to {PERSON:<W>} who said it was 'just a joke'.",
    "5. {PERSON:<INI>} and {PERSON:<INI2>} were present.",
    # initials and particles
    "{PERSON:<INI>} keeps asking if I pray five times a day.",
    "{PERSON:<PART>} raised it at the team meeting for me.",
    # identifiers
    "My badge no. {STAFF_ID:<STAFF>} was written on the complaint by someone else.",
    "The letter with my NHS number {NHS_NUMBER:<NHS>} went to {LOCATION:<STREET>}, {POSTCODE:<PC>}.",
    "They found my insta {HANDLE:<HANDLE>} and shared it on the ward.",
    "This happened on {DATE:<DATE>} at {ORG:<ABBR>}.",
    # ordinary words that are not names here
    "Pumpkin soup again in the canteen, nobody eats it.",
    "The tulips in reception were lovely but the comments weren't.",
    "Someone left fudge and cashews in the staff room for Diwali.",
    "Barley water is the only thing on the trolley.",
    "Notes: I don't want this to come back to me.",
    "PLEASE READ THIS BEFORE THE MEETING",
    "As a [[<KEEP>]] woman I am tired of explaining myself.",
    "The turnip and radish salad was a nice change from chips.",
]

TITLES = ["Dr", "Mr", "Mrs", "Ms", "Sister"]
INITIALS = ["RM", "TQ", "FE", "GH", "NB", "WJ"]


def main() -> None:
    corpus.build_pieces(OUT, "r11", 130, R, PIECES, POOLS, TITLES, INITIALS)


if __name__ == "__main__":
    main()
