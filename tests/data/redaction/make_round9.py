"""Writes `round9.jsonl`: a ninth labelled corpus, written after round 5's rules were tuned on
`round7.jsonl` and `round8.jsonl` and frozen (`08d1770`), to measure the round's final rules once
on narratives they have not seen (figures in docs/redactor.md). Hand-written pieces in voices and
layouts no earlier corpus has (a GP partner, a hospital chef, a ward clerk, an A&E receptionist, a
bank HCA, a nursing associate, a physician associate, a prison nurse, a hospice nurse, a sexual
health nurse, a CAMHS worker, a student paramedic; a voice note typed out, a post, a shift log
with times, a complaint in the third person, a rant in lower case, a message with emoji), other
people and places (none in an earlier corpus or test), every kind of case of issue 16. Same
markup as `make_round4.py`. Every value is invented (NHS numbers in the 999 test range, Ofcom
drama phone numbers)."""
from __future__ import annotations

import random
from pathlib import Path

import corpus  # the shared machinery (round 4's pieces: fill_piece, parse_piece), beside this file

OUT = Path(__file__).with_name("round9.jsonl")
R = random.Random(16_09)

POOLS = {
    "G": ["Oluchi", "Wiktor", "Taiwo", "Ludmila", "Mpho", "Halina", "Ceridwen", "Lwazi", "Nnamdi",
          "Siobhra", "Arjun", "Delyth"],
    "F": ["Ogundipe-Shaw", "Ntuli", "Bevan-Hughes", "Akintola-Reeves", "Bhandari-Cole",
          "Fairweather-Obi", "Kaczmarek", "Ayodele-Price", "Moyo-Grant"],
    "W": ["Crumpet", "Noodle", "Sprout", "Dimple", "Muffin", "Pudding", "Toffee", "Nugget", "Snowy",
          "Misty", "Bumble", "Cricket"],
    "WF": ["Gideon", "Obadiah", "Silas"],
    "KW": ["Kindness", "Blessed", "Peaceful", "Goodwill", "Happiness"],
    "EA": ["Yoo Seung-ho", "Hoang Minh Thu", "Trinh Van Duc", "Duong Thi Mai Anh"],
    "PART": ["Ceridwen ferch Gwilym", "Lwazi ka Ntuli", "Seosaimhín Nic Dhonnchadha"],
    "LEET": ["Sn0wy", "Mu44in", "T0ffee"],
    "WARD": ["Lavender", "Thyme", "Mallow", "Betony", "Ochre Suite"],
    "SITE": ["Tenby Cross Hospital", "Ystrad Vale Medical Centre", "Pontardawe House Care Home",
             "Gower Point Hospice", "Aberdulais Road Clinic"],
    "ABBR": ["TCH", "YVMC", "G&A", "PHCH"],
    "PC": ["SA70 7BX", "SA8 4QL", "SA3 1DT", "SA11 3PH"],
    "STREET": ["17 Cwmtawe Close", "Flat 3, 41 Llanelli Road", "Ty Coch, Heol y Bryn",
               "2 Chapel Terrace"],
    "PH": ["07700 900 434", "029 2018 0567", "07700-900-672", "07700 900 051"],
    "EXT": ["3318", "2240"],
    "NHS": ["999 606 2219", "999 274 0158"],
    "NI": ["PR 12 73 48 C", "KN/22/61/09/A"],
    "HANDLE": ["noodle.nights", "oluchi_rn", "wiktor.pa", "misty_chef"],
    "EMAIL": ["d.bevan-hughes@wales.nhs.uk", "mpho at nhs dot net"],
    "GLUED": ["Taiwo07700900612", "arjun9993218877"],
    "DATE": ["Tues 8/4", "Sun 19th May", "12th of February", "Wed 6/11", "01.03.2025"],
    "STAFF": ["66192", "3075", "N-51140"],
    "REG": ["6612094", "99K1183E"],
    "KEEP": ["Nigerian", "Sikh", "Welsh", "Black", "Muslim", "Ukrainian", "bisexual", "Jamaican",
             "Hindu", "Eritrean", "disabled", "Chinese"],
}

PIECES = [
    # a GP partner
    "At the partners' meeting {PERSON:<TITLE> <F>} said the practice 'already has enough of my sort'.",
    "{PERSON:<W>} from the admin team forwarded it round with a laughing face.",
    # a hospital chef
    "the chefs call my food 'smelly' every day, {PERSON:<W>} the worst, {PERSON:<W2>} close second",
    "Head chef {PERSON:<G>} told me to 'cook normal food' for the staff canteen.",
    # a ward clerk
    "On {ORG:<WARD> ward} the clerk job was given to {PERSON:<W>} even though I had covered it a year.",
    "When I asked why, {PERSON:<W>} said I 'wouldn't be understood on the phone'.",
    # an A&E receptionist
    "A patient called me a [[<KEEP>]] slur at the desk and {PERSON:<W>} just carried on typing.",
    "My shift lead {PERSON:<g>} told me to 'let it go' because the patient was drunk.",
    # a bank HCA
    "I'm bank so they think I won't complain. {PERSON:<W>} puts me on the heaviest bay every time.",
    "Call me on {PHONE:<PH>} if you want more details, I'm free after six.",
    # a nursing associate
    "My practice supervisor {PERSON:<W>} told the student 'not to copy how she does it' about me.",
    # a physician associate
    "{PERSON:<TITLE> <WF>} refuses to let me see his patients and calls me 'the assistant'.",
    "{PERSON:<EA>} on the rota has had the same.",
    # a prison nurse
    "Officers at {ORG:<ABBR>} make monkey noises when I walk the landing. {PERSON:<W>} laughs.",
    # a hospice nurse
    "At {ORG:<SITE>} a relative wouldn't let me wash his wife. {PERSON:<G> <F>} took over without asking me.",
    "{PERSON:<KW>} sat with me in the garden after. She is the kindest person there.",
    # a sexual health nurse
    "Patients ask for 'a proper nurse'. {PERSON:<W>} agrees with them loudly.",
    "I'm on extension {PHONE:<EXT>} if anyone wants to talk.",
    # a CAMHS worker
    "My manager {PERSON:<G>} says my [[<KEEP>]] accent 'unsettles' the young people.",
    "{PERSON:<W>} told a family I was 'still learning English'.",
    # a student paramedic
    "On placement with {PERSON:<W>} and {PERSON:<G>}, both kept asking if I was 'really a student'.",
    "My mentor {PERSON:<TITLE> <F>} signed me off late on purpose, I'm sure of it.",
    # a voice note typed out
    "um so basically {PERSON:<w>} right, she keeps calling me by the other girl's name, like on purpose",
    "and then {PERSON:<W>} goes 'oh they all look the same anyway' and everyone laughed",
    # a post
    "Another shift, another 'where are you from' from {PERSON:<W>}. #NHS #tired",
    "she tagged me {HANDLE:<HANDLE>} on tiktok in a video doing my accent",
    # a shift log with times
    "07:30 handover - {PERSON:<W>} ignored me\n10:15 - {PERSON:<W2>} moved my patients\n14:00 - told {PERSON:<G>}",
    "19:45 - {PERSON:<W>} made the comment about my hijab again",
    # a complaint in the third person
    "The complainant states that {PERSON:<G> <F>} called her 'a terrorist' on {DATE:<DATE>} at {ORG:<SITE>}.",
    "The complainant can be reached at {EMAIL:<EMAIL>}.",
    # a rant in lower case
    "honestly sick of {PERSON:<w>} and her comments, nobody on {ORG:<w> ward} does anything",
    "why is it always me {PERSON:<w>} picks on",
    # a message with emoji
    "{PERSON:<W>} 🙄 again. asked if i eat dogs. i'm [[<KEEP>]].",
    "😡 {PERSON:<G>} put my name down as 'the foreign one' on the board",
    # capitals
    "I AM DONE WITH {PERSON:<WUP>} AND THE WHOLE DAY TEAM",
    "{PERSON:DR <FUP>} SHOULD BE ASHAMED",
    # initials
    "Tell {PERSON:<INI>} I heard what he said.",
    "{PERSON:<INI>} and {PERSON:<INI2>} were both there and did nothing.",
    # names and particles
    "{PERSON:<PART>} was the only manager who listened.",
    "someone renamed my locker {PERSON:<LEET>} as a joke",
    # identifiers
    "My badge number {STAFF_ID:<STAFF>} was put on a complaint form I never wrote.",
    "The letter had my NHS number {NHS_NUMBER:<NHS>} and my address, {LOCATION:<STREET>}, {POSTCODE:<PC>}.",
    "My NI {NI_NUMBER:<NI>} was read out in the office.",
    "Someone wrote {OTHER_ID:<GLUED>} on my car window.",
    "My NMC pin is {REG_NUMBER:<REG>} if you need it.",
    "It happened on {DATE:<DATE>} in the staff room.",
    # no personal information
    "I'm not naming anyone because I'll be found out.",
    "It's worse on nights when there are fewer managers about.",
    "As a [[<KEEP>]] woman I am tired of explaining myself.",
    "Training on inclusion was cancelled again this year.",
]

TITLES = ["Dr", "Mr", "Mrs", "Ms", "Miss"]
INITIALS = ["FG", "HB", "OK", "MJ", "RW", "ND"]


def main() -> None:
    corpus.build_pieces(OUT, "r9", 220, R, PIECES, POOLS, TITLES, INITIALS)


if __name__ == "__main__":
    main()
