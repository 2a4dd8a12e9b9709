"""Writes `round10.jsonl`: a tenth labelled corpus, written for issue 16's learned name model
before the model was trained or its threshold chosen, and measured once with the model frozen
(figures in docs/redactor.md). Hand-written pieces in voices and layouts no earlier corpus has (a
dental nurse, a district nurse, a pharmacy technician, a domestic, a security officer, a health
visitor, a mental health support worker, a care home cook, a dietitian, a learning disability
nurse; a team chat export, a supervision note, a reflective log, a text to a friend pasted in,
a grievance in numbered points), other people and places (none in an earlier corpus or test),
names that are ordinary words (pets, plants, weather, food), lower case and capitalised, in
sentences that do and do not prove a person is meant. Same markup as `make_round4.py`. Every
value is invented (NHS numbers in the 999 test range, Ofcom drama phone numbers)."""
from __future__ import annotations

import random
from pathlib import Path

import corpus  # the shared machinery (round 4's pieces: fill_piece, parse_piece), beside this file

OUT = Path(__file__).with_name("round10.jsonl")
R = random.Random(16_10)

POOLS = {
    "G": ["Oyinda", "Wojtek", "Ugochi", "Sizwe", "Tamsin", "Kobina", "Caradog", "Ebere", "Teodora",
          "Morwenna", "Ishbel", "Thabo", "Yusra"],
    "F": ["Adeyemi-Lowe", "Szymanska", "Okonkwo-Reid", "Pendleton", "Mabaso", "Tregothnan",
          "Oyelaran", "Kowalczuk", "Achterberg", "Nwachukwu"],
    "W": ["Crouton", "Waffle", "Sorbet", "Parsnip", "Pistachio", "Kipper", "Tango", "Custard",
          "Gravy", "Mango", "Pretzel", "Acorn", "Walnut", "Cowslip", "Snowdrop", "Burdock"],
    "WF": ["Ezekiel", "Barnaby", "Jedidiah", "Cornelius"],
    "KW": ["Honesty", "Verity", "Constance", "Unity", "Felicity", "Devotion"],
    "EA": ["Kang Min-seo", "Lee Dong-hyun", "Vo Thi Lan", "Ngo Quang Huy"],
    "PART": ["Iolo ap Rhys", "Mairead Nic an Bhaird", "Sipho ka Zulu"],
    "LEET": ["W4ffle", "M4ngo", "Cust4rd"],
    "WARD": ["Tamarisk", "Kestrel", "Dozmary", "Lowen", "Saffron Unit"],
    "SITE": ["Penhallow General Hospital", "Trevose Bay Surgery", "Carn Brea Care Home",
             "St Piran's Hospice", "Lanner Road Dental Practice"],
    "ABBR": ["PGH", "TBS", "C&B", "SPH"],
    "PC": ["TR15 2DN", "TR7 1QL", "PL25 4HX", "TR1 3SZ"],
    "STREET": ["9 Wheal Rose Close", "Flat 2, 18 Trelawney Road", "Chy an Mor, Porth Lane",
               "41 Penwith Terrace"],
    "PH": ["07700 900 781", "01632 960 244", "07700-900-318", "07700 900 965"],
    "EXT": ["5127", "4093"],
    "NHS": ["999 418 3326", "999 730 1164"],
    "NI": ["TM 48 91 26 B", "JC/61/30/77/D"],
    "HANDLE": ["waffle.bakes", "oyinda_hv", "wojtek.sec", "kipper_dn"],
    "EMAIL": ["m.tregothnan@cornwall.nhs.uk", "ebere at nhs dot net"],
    "GLUED": ["Sizwe07700900466", "yusra9997305521"],
    "DATE": ["Thurs 3/7", "Mon 14th April", "22nd of August", "Fri 9/5", "17.10.2024"],
    "STAFF": ["71835", "4406", "S-29413"],
    "REG": ["7723105", "11D2094A"],
    "KEEP": ["Filipino", "Catholic", "Polish", "Black", "Muslim", "Zimbabwean", "gay", "Ghanaian",
             "Jewish", "Somali", "deaf", "Pakistani"],
}

PIECES = [
    # a dental nurse
    "{PERSON:<W>} at the front desk keeps telling patients I'm 'just the nurse, not a real one'.",
    "The dentist, {PERSON:<TITLE> <F>}, laughed along and said nothing.",
    # a district nurse
    "Out on visits with {PERSON:<W>} again today. Every house she tells them I'm [[<KEEP>]] before I speak.",
    "{PERSON:<G>} from the coordinating hub moved my visits without telling me.",
    # a pharmacy technician
    "the pharmacist {PERSON:<w>} said my english was 'cute' in front of a patient",
    "Asked {PERSON:<W>} to check the controlled drugs with me and got a sigh.",
    # a domestic
    "Nobody says hello to the cleaners. {PERSON:<W>} walked past me three times like I'm not there.",
    "The supervisor on {ORG:<WARD> ward} said 'your lot' don't clean properly.",
    # a security officer
    "A visitor spat at me and {PERSON:<W>} wrote it up as 'verbal disagreement'.",
    "Ring me on {PHONE:<PH>} and ask for {PERSON:<G>}.",
    # a health visitor
    "A mum refused a [[<KEEP>]] health visitor so {PERSON:<W>} went in my place.",
    "{PERSON:<G> <F>} from {ORG:<SITE>} is the one who told them they could choose.",
    # a mental health support worker
    "on the ward round {PERSON:<w>} asked if i was 'here legally'",
    "{PERSON:<KW>} is the only one who backs me when the patients get racist.",
    # a care home cook
    "I cook for forty residents and {PERSON:<W>} still calls my food 'foreign muck'.",
    "Manager at {ORG:<ABBR>} said it was banter. Call me on extension {PHONE:<EXT>}.",
    # a dietitian
    "{PERSON:<TITLE> <WF>} wouldn't take my advice until a white colleague said the same.",
    "{PERSON:<EA>} has noticed it too.",
    # a learning disability nurse
    "my team leader {PERSON:<w>} mimics my accent on the phone to families",
    "{PERSON:<W>}, if you read this, it wasn't funny.",
    # a team chat export
    "[14:02] {PERSON:<W>}: can someone else take the [[<KEEP>]] one\n[14:03] {PERSON:<W2>}: lol",
    "[09:15] {PERSON:<G>}: who swapped my shift?",
    # a supervision note
    "Supervision note: discussed comments made by {PERSON:<W>} about my hijab. Supervisor {PERSON:<G> <F>} said to 'toughen up'.",
    # a reflective log
    "Reflection: I felt small when {PERSON:<W>} corrected my pronunciation in handover.",
    "I have raised it with {PERSON:<w>} before and nothing changed.",
    # a text to a friend pasted in
    "omg {PERSON:<w>} did it again 😤 called me 'the [[<KEEP>]] girl' in front of everyone",
    "and {PERSON:<W>} just stood there",
    # a grievance in numbered points
    "1. On {DATE:<DATE>} {PERSON:<W>} told me to 'go home'.\n2. {PERSON:<W2>} witnessed this.",
    "3. I reported it to {PERSON:<TITLE> <F>} at {ORG:<SITE>}.",
    # capitals
    "WHY IS {PERSON:<WUP>} STILL ON MY SHIFTS",
    "{PERSON:MRS <FUP>} NEEDS TO APOLOGISE",
    # initials
    "{PERSON:<INI>} said I should be grateful to be here.",
    "I heard {PERSON:<INI>} and {PERSON:<INI2>} laughing about my name.",
    # names and particles
    "{PERSON:<PART>} stood up for me at the meeting.",
    "someone wrote {PERSON:<LEET>} on my mug with a monkey face",
    # identifiers
    "My staff number {STAFF_ID:<STAFF>} was put on a rota I never agreed to.",
    "They sent the letter with my NHS number {NHS_NUMBER:<NHS>} to {LOCATION:<STREET>}, {POSTCODE:<PC>}.",
    "My NI {NI_NUMBER:<NI>} was on the printout left at the nurses' station.",
    "Someone messaged me as {OTHER_ID:<GLUED>} after my shift.",
    "My NMC pin is {REG_NUMBER:<REG>}.",
    "Email me at {EMAIL:<EMAIL>} or find me on insta {HANDLE:<HANDLE>}.",
    "It was on {DATE:<DATE>} during the night shift.",
    # no personal information, ordinary words where a name could stand
    "Gravy and custard go missing from the staff kitchen every week.",
    "I'm not naming anyone, it would be obvious who I am.",
    "As a [[<KEEP>]] nurse I shouldn't have to prove myself twice.",
    "The sunny weather made the visits easier but the comments didn't stop.",
    "Mango chutney was on the menu and the residents loved it.",
]

TITLES = ["Dr", "Mr", "Mrs", "Ms", "Sister"]
INITIALS = ["JT", "PK", "AB", "SL", "DW", "KO"]


def main() -> None:
    corpus.build_pieces(OUT, "r10", 200, R, PIECES, POOLS, TITLES, INITIALS)


if __name__ == "__main__":
    main()
