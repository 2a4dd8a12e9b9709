"""Writes `round6.jsonl`: a sixth labelled corpus, written after round 4's rules were tuned on
`round4.jsonl` and `round5.jsonl`, to measure the final rules of the round once on narratives
they have not seen (rules frozen at `cd24e8e`; figures in docs/redactor.md). Other hand-written
pieces than `make_round4.py` and `make_round5.py`, in other voices and layouts (a pharmacist, an
ambulance crew member, a social worker, a cleaner, a physio, a night HCA; bullet points, "Who:"
forms, a formal letter, chat messages pasted in, one long paragraph), other people and places,
the same kinds of case. Same markup as `make_round4.py`. Every value is invented (NHS numbers in
the 999 test range, Ofcom drama phone numbers)."""
from __future__ import annotations

import random
from pathlib import Path

import corpus  # the shared machinery (round 4's pieces: fill_piece, parse_piece), beside this file

OUT = Path(__file__).with_name("round6.jsonl")
R = random.Random(16_06)

POOLS = {
    "G": ["Obiageli", "Eirlys", "Fungai", "Nolwazi", "Przemyslaw", "Clodagh", "Kwadwo", "Bozena",
          "Soraya", "Elffin", "Ayanda", "Leandro", "Muireann", "Chipo", "Jadwiga", "Padraig",
          "Olusegun", "Wiebke", "Behzad", "Donnchadh", "Morenike", "Solveig", "Tahir", "Nerys"],
    "F": ["Eze-Williams", "Pritchard-Lloyd", "Chinembiri", "Mthembu", "Wozniak-Hale", "Ó Dubhghaill",
          "Appiah-Kubi", "Grabowska", "Rostami", "Meredith-Price", "Mabaso", "Bettencourt",
          "Matongo", "Kertesz", "Oladipo", "Drummond-Kerr", "Yamamoto-Reid", "Ogunbiyi"],
    "W": ["Bramley", "Ember-Rose", "Pewter", "Cobble", "Saffie", "Thorne", "Willow-Mae", "Fern",
          "Spruce", "Nutmeg", "Russet", "Slate", "Brindle", "Tumble", "Marlow", "Kindle", "Tansey",
          "Glade"],
    "WF": ["Shoemaker", "Greenwood", "Hedges", "Marshall", "Booker", "Tanner", "Fowler", "Parsons",
           "Slater", "Gardener", "Castle", "Summers"],
    "WARD": ["Knapweed", "Toadflax", "Campion", "Yellowhammer", "Agrimony", "Bluebell", "Sorrel Leaf",
             "Ragwort", "Cowslip", "Speedwell"],
    "SITE": ["Wissey Bank Hospital", "Nar Valley Practice", "Lynford Hall Care Home",
             "Thet Meadows Hospice", "Brettenham Road Clinic", "Stanford Water Lodge"],
    "ABBR": ["WBH", "NVP", "LHCH", "TMH", "B&S"],
    "PC": ["NR16 2XB", "IP24 1PL", "PE33 9NQ", "NR17 3GD", "IP26 5TW"],
    "STREET": ["22 Weeting Close", "7 Mundford Row", "Flat 4, 90 Hockham Road",
               "11 Croxton Walk", "Ivy Cottage, Bridgham Lane"],
    "PH": ["07700 900284", "07700 900 377", "0114 496 0561", "07700-900-915", "0131 496 0402"],
    "NHS": ["999 234 5678", "9993456782", "999 456 7893"],
    "HANDLE": ["obi.geli.rn", "elffin_paramedic", "chipo.c.x", "the.real.kwadwo", "nerys_b_",
               "padraig.physio"],
    "EMAIL": ["o.eze-williams@nhs.net", "elffin.pl@wbh.nhs.uk", "chipo.m@example.co.uk"],
    "DATE": ["17/02/1986", "2nd of August", "Fri 12/9", "3.3.2025", "Thursday 8th May",
             "25 Dec 1990"],
    "STAFF": ["731842", "A-55203", "ID 90318", "K2-7716"],
    "KEEP": ["Nigerian", "Muslim", "Pakistani", "Black", "Lithuanian", "Catholic", "hijab",
             "Chinese", "queer", "Somali", "Irish", "disabled", "Portuguese", "non-binary"],
    "KW": ["Blessing", "Precious", "Patience", "Favour", "Hope", "Grace", "Faith", "Joy",
           "Mercy", "Honour", "Comfort", "Charity", "Memory", "Gift"],
}

PIECES = [
    # a pharmacist
    "Dispensary was short again and {PERSON:<W>} made a point of checking every item I'd done 'just in case'.",
    "The tech, {PERSON:<G> <F>}, refers to me as 'the [[<KEEP>]] one' when she thinks I can't hear.",
    "Asked {PERSON:<W>} to countersign and she rolled her eyes at me.",
    # ambulance crew
    "Crewed with {PERSON:<W>} on {DATE:<DATE>}. Whole shift of comments about my accent.",
    "At the scene the patient's husband said he wanted 'a proper English paramedic' and {PERSON:<W>} laughed along.",
    "Back at station {PERSON:<W>} and {PERSON:<W2>} had put a sign on my locker.",
    # social worker
    "In supervision {PERSON:<TITLE> <WF>} told me families 'find my name hard' and suggested I use a nickname.",
    "Our team manager {PERSON:<G>} thinks it's funny to call me {PERSON:<W>} instead of my name.",
    "I visited {LOCATION:<STREET>}, {POSTCODE:<PC>} and the carer there had been told things about me by a colleague.",
    # cleaner
    "nobody says hello to the cleaners, only {PERSON:<w>} does and she gets stick for it",
    "the supervisor {PERSON:<W>} put me on the toilets every day since i complained",
    "{PERSON:<W>} told me to 'speak English or go home' in the corridor by {ORG:<WARD> ward}",
    # physio
    "A patient refused treatment from me because I'm [[<KEEP>]]. {PERSON:<W>} just swapped the list without a word.",
    "I mentioned it to {PERSON:<W>} in my appraisal and it ended up in my file as 'attitude'.",
    # night HCA
    "nights on {ORG:<WARD>} with {PERSON:<W>} are the worst, she talks about 'our country' all night",
    "3am and {PERSON:<W>} is doing impressions of my voice for the agency nurse",
    # bullet points and forms
    "- Who: {PERSON:<G> <F>}\n- Where: {ORG:<SITE>}\n- What: called me a 'foreigner' in front of a patient",
    "Who said it: {PERSON:<W>} (band 4)\nWhen: {DATE:<DATE>}\nWitnesses: {PERSON:<G>}, {PERSON:<W>}",
    "* {PERSON:<W>} mocks my hijab\n* {PERSON:<G>} ignores me at breaks",
    # formal letter
    "Dear steering group, I wish to report the conduct of {PERSON:<TITLE> <F>}, who on {DATE:<DATE>} described my qualifications as 'third world'. Yours, a staff nurse.",
    "I can be reached on {PHONE:<PH>} or at {EMAIL:<EMAIL>} should you require further detail.",
    # chat pasted in
    "[group chat] {PERSON:<W>}: has anyone seen the new girl's headscarf lol\n[group chat] {PERSON:<G>}: 😂",
    "she messaged me from {HANDLE:<HANDLE>} on insta saying i was 'taking jobs'",
    "{PERSON:<W>}: 'you people always stick together' - that was the message",
    # one long paragraph
    "I started in the spring and from day one {PERSON:<W>} made it clear she didn't want me there, she'd ask {PERSON:<G>} to check my work, she'd ask if I had 'learnt that back home', and when I finally told {PERSON:<W2>} about it I was told {PERSON:<W>} was 'old school' and I should let it go.",
    # kept words as names
    "{PERSON:<KW>} is always the first to make a joke about my name.",
    "I'd like to thank {PERSON:<KW>} for being kind when nobody else was.",
    "It's always {PERSON:<KW>} who gets the easy patients and me who gets the shouting ones.",
    "Spoke to {PERSON:<KW>} after and she said 'it's not racism if it's true'.",
    # vocatives and quotes
    "'Come on {PERSON:<W>}, she can't help where she's from' is what the sister said, like that made it better.",
    "{PERSON:<W>}, you know who you are.",
    "Dear {PERSON:<W>}, I hope one day you understand how that felt.",
    # capitals
    "AND THEN {PERSON:<WUP>} SAYS 'WELL WHERE ARE YOU REALLY FROM'",
    "WHY WOULD {PERSON:<WUP>} SAY THAT IN FRONT OF A PATIENT",
    "{PERSON:<GUP>} {PERSON:<FUP>} NEEDS TO BE STOPPED",
    # initials
    "The one who wrote it was {PERSON:<INI>}, everyone on nights knows.",
    "{PERSON:<INI>} and {PERSON:<W>} laughed when I corrected them.",
    # identifiers
    "Someone photographed my ID badge, number {STAFF_ID:<STAFF>}, and shared it.",
    "They looked me up with my NHS number {NHS_NUMBER:<NHS>} and told people about my health.",
    "I moved from {ORG:<SITE>} to {ORG:<ABBR>} and the same thing happened within a month.",
    # no personal information
    "I don't want to name anyone. It happens on every ward I've worked on.",
    "The Trust's Freedom to Speak Up Guardian was kind but said there was little she could do.",
    "Being the only [[<KEEP>]] person on the team is exhausting.",
    "At Christmas I was asked if I 'even celebrate it' in front of the whole team.",
]

TITLES = ["Dr", "Mr", "Mrs", "Ms", "Sister", "Prof"]
INITIALS = ["NK", "PW", "DJ", "SO", "LR", "MT"]


def main() -> None:
    corpus.build_pieces(OUT, "r6", 220, R, PIECES, POOLS, TITLES, INITIALS)


if __name__ == "__main__":
    main()
