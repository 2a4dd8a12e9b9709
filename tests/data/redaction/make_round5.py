"""Writes `round5.jsonl`: a fifth labelled corpus, written after round 4's rules were tuned on
`round4.jsonl`, to measure them once more on narratives they have not seen (rules frozen at
`2789c43`; figures in docs/redactor.md). Other hand-written pieces than `make_round4.py`
(other voices: a porter, a domiciliary carer, a GP receptionist, a junior doctor, a student
midwife, a relative's complaint quoted, a diary-like run-on), other people and places, and the
same kinds of case. Same markup as `make_round4.py`: `<slot>` is filled from the pools,
`{TYPE:text}` is personal information, `[[word]]` must be kept. Every value is invented (NHS
numbers in the 999 test range, Ofcom drama phone numbers)."""
from __future__ import annotations

import random
from pathlib import Path

import corpus  # the shared machinery (round 4's pieces: fill_piece, parse_piece), beside this file

OUT = Path(__file__).with_name("round5.jsonl")
R = random.Random(16_05)

POOLS = {
    "G": ["Chukwuemeka", "Branwen", "Kudzai", "Nokuthula", "Wojciech", "Grainne", "Yaw", "Agnieszka",
          "Roshanak", "Emrys", "Sibongile", "Teodoro", "Ailbhe", "Tafadzwa", "Malgorzata", "Seosaidh",
          "Adetokunbo", "Gesine", "Navid", "Ciaran", "Omotola", "Birte", "Imtiaz", "Gwawr"],
    "F": ["Okonkwo-Hart", "Vaughan-Pryce", "Mutasa", "Ngcobo", "Zielinski", "Mac Suibhne", "Owusu-Ansah",
          "Krawczyk", "Farahani", "Rowlands-Bevan", "Sithole", "Cavalcanti", "Moyo-Phiri", "Halasz",
          "Akinyemi", "Urquhart", "Takahashi", "Oyebanji", "Van Rensburg", "Tregenza"],
    "W": ["Pippin", "Rook", "Fennel", "Bracken", "Indigo", "Cobalt", "Meadow", "Cinder", "Drift",
          "Ripple", "Dune", "Flint", "Shale", "Tarn", "Gully", "Quarry", "Heath", "Yarrow"],
    "WF": ["Farmer", "Wood", "Barber", "Chambers", "Field", "Weaver", "Painter", "Shepherd", "Pool",
           "Glover", "Carpenter", "Turner"],
    "WARD": ["Larch", "Aspen", "Rowan Tree", "Elder", "Hawthorn", "Wych Elm", "Cedar", "Whitethorn",
             "Maple", "Osier"],
    "SITE": ["Tud Valley Hospital", "Waveney Reach Surgery", "Glandford Mill Care Home",
             "Hickling Broad Hospice", "Ingham Road Health Centre", "Ormesby Lodge"],
    "ABBR": ["TVH", "WRS", "GMCH", "HBH", "I&O"],
    "PC": ["NR12 7FD", "NR31 6QE", "IP20 9LY", "PE31 8HW", "NR19 2KA"],
    "STREET": ["5 Ludham Gardens", "41 Catfield Road", "Flat 9, 2 Repps Street",
               "18 Potter Heigham Way", "The Granary, Marsh Lane"],
    "PH": ["07700 900539", "07700 900 610", "0117 496 0281", "07700.900.744", "029 2018 0913"],
    "NHS": ["999 123 4560", "9992345671", "999 876 5430"],
    "HANDLE": ["kudzai.rn", "ciaran_on_nights", "branwen.b.midwife", "the_wojciech", "tafadzwa.tt",
               "gwawr_x"],
    "EMAIL": ["c.okonkwo-hart@nhs.net", "branwen.vp@tvh.nhs.uk", "yaw.owusu@example.com"],
    "DATE": ["04/09/1991", "19th of March", "Weds 2/10", "7.1.2025", "Saturday 21st June",
             "30 Nov 1984"],
    "STAFF": ["562190", "P-30981", "EMP 80417", "R7-2250"],
    "KEEP": ["Zimbabwean", "Sikh", "turban", "Black", "Polish", "Jewish", "Eritrean", "bisexual",
             "deaf", "Bangladeshi", "Roma", "dyslexic", "Kenyan", "trans"],
    "KW": ["Blessing", "Precious", "Patience", "Favour", "Hope", "Grace", "Faith", "Joy",
           "Mercy", "Honour", "Comfort", "Charity"],
}

PIECES = [
    # a porter, blunt
    "Every time I bring a patient up to {ORG:<WARD>} the same lad, {PERSON:<W>}, does the monkey noise. Every time.",
    "{PERSON:<W>} from estates calls me 'Bin Laden' because of my beard. I'm [[<KEEP>]].",
    "Me and {PERSON:<W>} were moving beds and {PERSON:<G> <F>} said I should 'go back and push carts there'.",
    # a domiciliary carer
    "The client's son, {PERSON:<G>}, told the office he doesn't want 'one of them' in the house, meaning [[<KEEP>]].",
    "My coordinator {PERSON:<W>} just laughed and took me off the run.",
    "I do calls round {LOCATION:<STREET>} and the family there keep asking where I'm 'really' from.",
    # a GP receptionist
    "A patient asked for 'someone English' at the desk and {PERSON:<TITLE> <F>} agreed with her in front of everyone.",
    "Practice manager is {PERSON:<G> <F>}, I've emailed her at {EMAIL:<EMAIL>} three times.",
    "{PERSON:<W>} on reception with me said it was 'just a joke' and I should lighten up.",
    # a junior doctor
    "On the ward round the reg, {PERSON:<W>}, kept correcting my pronunciation in front of the patient.",
    "The consultant ({PERSON:<TITLE> <WF>}) asked if my degree was 'a real one' because it's from abroad.",
    "I'd rather not say more, but {PERSON:<G>} and {PERSON:<W>} both heard it.",
    "FY2s were asked to cover and somehow it's always me and {PERSON:<G>}, the two [[<KEEP>]] ones.",
    # a student midwife
    "my mentor {PERSON:<w>} said i was 'too loud, like all of you' on my second day",
    "told {PERSON:<W>} i wasnt comfortable and she said maybe midwifery isnt for me",
    "{PERSON:<W>}, {PERSON:<G>} and {PERSON:<W2>} went for lunch and left me with the whole bay.",
    # a relative's complaint quoted
    "A relative wrote in: 'I do not want {PERSON:<G>} caring for my mother, I want a British nurse.' Nobody challenged it.",
    "The daughter shouted 'Get {PERSON:<W>} out of here' and my manager just moved me.",
    "\"{PERSON:<W>}, go and do the obs, let the real nurses talk\" was said in front of the relatives.",
    # diary-like run-on
    "monday again. {PERSON:<W>} ignored me at handover then told {PERSON:<G>} i was lazy. tuesday same",
    "sat in the car after for ages. {PERSON:<W>}'s words going round my head.",
    "why does everyone laugh when {PERSON:<W>} does my accent",
    # capitals
    "I AM SO TIRED OF {PERSON:<WUP>} AND HER COMMENTS",
    "{PERSON:<WUP>} TOLD THE WHOLE STAFF ROOM I WAS AN 'ILLEGAL'",
    "HOW CAN {PERSON:<WUP>} STILL BE IN CHARGE AFTER ALL THE COMPLAINTS",
    # vocatives
    "{PERSON:<W>} if you see this, I hope you know how much it hurt.",
    "Cheers {PERSON:<W>}, you were the only one who said anything.",
    "Honestly {PERSON:<KW>}, you of all people should know better.",
    # kept words used as names
    "{PERSON:<KW>} keeps putting me on the worst bays.",
    "I went to {PERSON:<KW>} for support and she told me to toughen up.",
    "It was {PERSON:<KW>} who started calling me 'the [[<KEEP>]] girl'.",
    # relational / possessives
    "Ended up on shift with {PERSON:<W>} and {PERSON:<W2>} again, the pair of them whispering in Polish about me.",
    "I was told by {PERSON:<W>} that people like me 'shouldn't be nurses'.",
    "Apparently {PERSON:<W>}'s sister works in HR so nothing will happen.",
    # handles and identifiers
    "someone made a TikTok about me, the account is {HANDLE:<HANDLE>}",
    "she added me on snap as {HANDLE:<HANDLE>} then posted my rota",
    "Call or text {PHONE:<PH>} if you need to speak to me, not my work phone.",
    "He read out my staff number {STAFF_ID:<STAFF>} and my date of birth {DATE:<DATE>} at the huddle.",
    "Someone put my NHS number ({NHS_NUMBER:<NHS>}) in the group chat.",
    "They know I live near {POSTCODE:<PC>} and keep saying they'll 'pop round'.",
    # organisations and initials
    "I've since moved from {ORG:<SITE>} to {ORG:<ABBR>} and it's better.",
    "{PERSON:<INI>} is the one who wrote it on the board.",
    "Tell {PERSON:<INI>} to stop. Everyone on {ORG:<WARD> ward} knows it's them.",
    "the {ORG:<WARD>} lot are the worst for it",
    # no personal information
    "People ask where I'm from before they ask my name. Every shift.",
    "I was called 'love' and 'darling' all day and asked if I understood English.",
    "My manager said the Trust takes this seriously but nothing happened after the Datix.",
    "We had the Equality training on Teams last week and the same people made jokes after.",
]

TITLES = ["Dr", "Mr", "Mrs", "Miss", "Nurse", "Prof"]
INITIALS = ["GW", "TO", "RM", "YN", "AF", "BK"]


def main() -> None:
    corpus.build_pieces(OUT, "r5", 220, R, PIECES, POOLS, TITLES, INITIALS)


if __name__ == "__main__":
    main()
