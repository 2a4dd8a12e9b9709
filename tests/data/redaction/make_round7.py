"""Writes `round7.jsonl`: a seventh labelled corpus for round 5 of the redactor (issue 16's fourth
session), written before any rule of that round and measured once with the round's rules frozen
(figures in docs/redactor.md). Hand-written pieces in voices and layouts no earlier corpus has (a
radiographer, a phlebotomist in text-speak, a home carer, a GP receptionist, a dental nurse, a
mental-health nurse, a lab scientist, an occupational therapist, a student on placement, a
chaplain, a catering assistant, a security officer, a theatre ODP, a community midwife; a
forwarded e-mail, a messaging app with times, a numbered list, a witness's account, a question
and answer form), other people and places (none in an earlier corpus or test), every kind of
case of issue 16. Same markup as `make_round4.py`. Every value is invented (NHS numbers in the 999
test range, Ofcom drama phone numbers)."""
from __future__ import annotations

import random
from pathlib import Path

import corpus  # the shared machinery (round 4's pieces: fill_piece, parse_piece), beside this file

OUT = Path(__file__).with_name("round7.jsonl")
R = random.Random(16_07)

POOLS = {
    "G": ["Anwen", "Radoslaw", "Ewelina", "Rukhsana", "Mihai", "Tolulope", "Chidubem", "Sibusiso",
          "Grzegorz", "Oisín", "Pádraigín", "Shabnam", "Tanvir", "Mehwish", "Ifunanya", "Bethan",
          "Siôn", "Xiadani"],
    "F": ["Ahenkorah", "Nkosi-Barnes", "Rasheed", "Bhattarai", "Tiwari-Cole", "Mensah-Ofori",
          "Lloyd-Pugh", "Cadwaladr", "Oyelaran", "Brzezińska", "Mukherjee-Ross", "Onyekachi"],
    "W": ["Dusty", "Harbor", "Chance", "Breezy", "Cliff", "Penny", "Bishop", "Tucker", "Cotton",
          "Lyric", "Dove", "Scout", "Journey", "Sonnet", "Tinker", "Birdie", "Ginger"],
    "WF": ["Cooper", "Thatcher", "Sawyer", "Chandler", "Carter", "Bowman"],
    "KW": ["Peace", "Liberty", "Promise", "Prudence", "Innocent", "Marvellous", "Beauty", "Goodness"],
    "EA": ["Hwang Da-som", "Tran Minh Khoa", "Cheng Yu-ting", "Jeong Ha-eun", "Do Van Long"],
    "PART": ["Siôn ap Cadwaladr", "Máire Nic an tSaoir", "Ruaridh Mac an t-Sionnaich",
             "Anwen ferch Rhisiart", "Bram van der Hoek"],
    "LEET": ["Dus7y", "P3nny", "T4nvir", "Bi5hop"],
    "WARD": ["Orion", "Obsidian", "Malachite", "Quartz", "Sapphire", "Tourmaline", "Jasper Court"],
    "SITE": ["Tynedale Moor Hospital", "Eden Fell Surgery", "Allenbank Care Centre",
             "St Cuthbert's Lodge", "Haltwhistle Road Health Centre", "Kielder Rise Hospice"],
    "ABBR": ["TDMH", "EFS", "ACC", "K&T", "HR&C"],
    "PC": ["CA11 7QR", "NE46 2JD", "DL12 8UF", "CA16 6BW", "NE48 1PA"],
    "SPPC": ["C A 1 1 7 Q R", "N E 4 6 2 J D", "D L 1 2 8 U F"],
    "STREET": ["14 Fellside Terrace", "Flat 2, 33 Eden Walk", "3 Tarn Cottages",
               "Beck House, Moorgate Lane", "62 Hexham Road"],
    "PH": ["07700 900 642", "07700900519", "0191 498 0733", "07700•900•281", "0113 496 0954",
           "07700/900/368"],
    "WORDPH": ["oh seven seven double oh nine double oh four one six",
               "zero seven seven zero zero nine zero zero eight three two"],
    "EXT": ["3381", "4472", "2096", "5530"],
    "NHS": ["999 312 4478", "999.840.2215", "999  667  1023", "9994561230"],
    "NI": ["JT/40/18/73/C", "RK 63 29 05 B", "WP603817A"],
    "HANDLE": ["lyra.rad.x", "dumi_the_odp", "adwoa.cares", "mossy_nights", "bart.k.lab",
               "sonnetxx"],
    "EMAIL": ["t.ahenkorah@nhs.net", "anwen.cadwaladr @ nhs . net", "rukhsana.r(at)tynecare.org.uk",
              "oisin.b@example.co.uk"],
    "GLUED": ["Tanvir07700900417", "mehwish9998123406", "Radoslaw_07700900733"],
    "DATE": ["Weds 9/7", "Sat 14th June", "Tue 3/2", "19th of March", "11.11.2024",
             "Sunday 2nd Nov", "4/10"],
    "DOB": ["03/05/1979", "21.09.1988", "7 Jan 1992"],
    "STAFF": ["83517", "4402", "E-77310", "HCA-5518", "609142"],
    "REG": ["11H2307E", "PH 442190", "7731054"],
    "CAR": ["NK19 PWE", "YA70 LRT"],
    "LETTER": ["K", "B", "T", "M"],
    "KEEP": ["Ghanaian", "Sikh", "Polish", "Black", "Romanian", "Jewish", "turban", "Zimbabwean",
             "gay", "Bangladeshi", "Welsh", "deaf", "Filipino", "trans"],
}

PIECES = [
    # a radiographer
    "Had the worst list on {DATE:<DATE>}. {PERSON:<W>} kept calling me 'the [[<KEEP>]] girl' to the patients.",
    "The reporting rad, {PERSON:<TITLE> <WF>}, said my English 'wasn't clinical enough' in front of the students.",
    "I told {PERSON:<W>} I didn't find it funny and she just shrugged.",
    # a phlebotomist in text-speak
    "ngl {PERSON:<w>} is the reason i dread mondays, always asking where im 'really' from",
    "cant even do a bloods round without {PERSON:<W>} n {PERSON:<W2>} taking the mick out of my accent",
    "tbh {PERSON:<INI>} is just as bad, sits there laughing",
    # a home carer
    "on my visit to {LOCATION:<STREET>}, {POSTCODE:<PC>} the client's son told me he wanted 'one of our own' and the office sent {PERSON:<g>} instead",
    "my coordinator {PERSON:<W>} rota'd me off the nice clients after she found out i'm [[<KEEP>]]",
    "rang the office on {PHONE:<PH>} and {PERSON:<G>} put the phone down on me",
    # a GP receptionist
    "At {ORG:<SITE>} the practice manager, {PERSON:<G> <F>}, says my voice 'puts patients off' on the phones.",
    "{PERSON:<W>} answers my line when I'm on it, every single time.",
    "Please ring me back on ext {PHONE:<EXT>}, I'm there Tuesdays and Thursdays.",
    # a dental nurse
    "The dentist, {PERSON:<TITLE> <F>}, asked if I was 'allowed' to work with men because I'm [[<KEEP>]].",
    "{PERSON:<W>}, the other nurse, laughed and said I'd 'get used to it'.",
    # a mental-health nurse, reflective
    "I keep thinking about that shift on {ORG:<WARD> ward}. {PERSON:<W>} had told the patients I was 'agency from abroad' and they believed it.",
    "When I raised it, {PERSON:<EA>} from the bank office said it 'wasn't a big deal'.",
    "It was {PERSON:<INI>} who wrote the note in the handover book, not me.",
    # a lab biomedical scientist
    "In the lab {PERSON:<W>} labels my samples 'the foreign batch'. My staff number is {STAFF_ID:<STAFF>} if you need to check the rota.",
    "The senior BMS, {PERSON:<G> <LETTER>}, has never once said good morning to me.",
    # an occupational therapist
    "Assessed a patient at home with {PERSON:<W>} and she told the family I 'wouldn't understand English customs'.",
    "{PERSON:<PART>} from the team was the only one who backed me up.",
    # a student on placement
    "My practice assessor {PERSON:<W>} wrote that I was 'too quiet for a [[<KEEP>]] girl' on my placement form.",
    "Uni said to email my link lecturer at {EMAIL:<EMAIL>} but nothing happened.",
    "{PERSON:<W>} and {PERSON:<G>} would talk about me in Polish thinking I couldn't follow.",
    # a chaplain
    "A relative at {ORG:<SITE>} refused to let me pray with his mother because I'm [[<KEEP>]]. {PERSON:<KW>} on the ward stood up for me.",
    "I would like to thank {PERSON:<KW>} for walking me back to the office afterwards.",
    # catering
    "the kitchen supervisor {PERSON:<w>} puts pork on my plate for a laugh",
    "Lunch rush, {PERSON:<W>} shouting 'hurry up {PERSON:<G>}' in a fake accent over the counter.",
    # security officer
    "On nights at {ORG:<ABBR>} the control room lads make bomb jokes when I walk in. {PERSON:<W>} started it.",
    "My badge no. {STAFF_ID:<STAFF>} was written on the wall next to a slur.",
    "CCTV shows {PERSON:<W>} doing it on {DATE:<DATE>} about 2am.",
    # theatre ODP
    "In theatre 4 {PERSON:<TITLE> <WF>} asked me to 'stand somewhere else' because I'm [[<KEEP>]].",
    "{PERSON:<W>} scrubbed in and said nothing, as usual.",
    "The anaesthetist {PERSON:<G>} told me to 'go back to {ORG:<WARD> unit} where you belong'.",
    # community midwife
    "A woman asked for 'a white midwife' at her booking on {DATE:<DATE>} and {PERSON:<W>} from the team just swapped us.",
    "{PERSON:<G>} said on the group chat that I was 'hired to tick a box'.",
    # forwarded email
    "From: {PERSON:<G> <F>}\nSent: {DATE:<DATE>}\nSubject: re: rota\nTell {PERSON:<W>} to cover, she won't understand the handover anyway.",
    "---- Forwarded ----\nFrom: {EMAIL:<EMAIL>}\nTo: the whole team\n'can someone please translate for our new colleague' (that's me)",
    # messaging app with times
    "[21:04] {PERSON:<W>}: has anyone else got the [[<KEEP>]] one on their shift again\n[21:05] {PERSON:<G>}: unlucky lol",
    "she added me on snap {HANDLE:<HANDLE>} and then sent screenshots of my profile round",
    "[07:12] {PERSON:<W>}: don't leave her in charge",
    # numbered list
    "1. {PERSON:<W>} mimics my accent at handover\n2. {PERSON:<W2>} calls me by the wrong name on purpose\n3. nobody says anything",
    "1) Who: {PERSON:<LEET>} (that's how he spells it on the group chat)\n2) Where: {ORG:<WARD> ward team}",
    # witness account
    "I am writing as a witness. My colleague was told by {PERSON:<TITLE> <F>} that she 'smelled of curry'. {PERSON:<W>} was there too.",
    "I saw {PERSON:<W>} take her photo off the staff room board and write '[[<KEEP>]]' on it.",
    # question and answer form
    "Q: Who was involved?\nA: {PERSON:<W>}, and {PERSON:<G> <F>} from {ORG:<SITE>}.\nQ: When?\nA: {DATE:<DATE>}",
    "Q: Can we contact you?\nA: yes, {PHONE:<WORDPH>}",
    # capitals and shouting
    "I AM SICK OF {PERSON:<WUP>} TELLING EVERYONE I'M 'FRESH OFF THE BOAT'",
    "{PERSON:MR <FUP>} ON {ORG:<ABBR>} SHOULD NOT BE ALLOWED NEAR STUDENTS",
    "WHEN WILL {PERSON:<GUP>} STOP",
    # initials and abbreviations
    "Same thing again today with {PERSON:<INI>} and {PERSON:<INI2>}, they think it's banter.",
    "Ask {PERSON:<INI>}, she was on the early with me.",
    # identifiers in odd forms
    "They put my NHS number {NHS_NUMBER:<NHS>} on a post-it with 'overseas?' written under it.",
    "My NI number {NI_NUMBER:<NI>} was read out in the office so everyone heard.",
    "Someone wrote {OTHER_ID:<GLUED>} on the whiteboard after I complained.",
    "He followed me home, he knows my postcode, {POSTCODE:<SPPC>}, and said so.",
    "My car, {VEHICLE:<CAR>}, was keyed in the staff car park with a word I won't write.",
    "My registration is {REG_NUMBER:<REG>} if that helps you find me.",
    "He wrote my date of birth, {DATE:<DOB>}, on the board to 'prove' I was too old for the job.",
    # no personal information
    "Nobody on nights would sit with me at break for a month.",
    "Our Trust says it has zero tolerance but the managers just move people round.",
    "Being the only [[<KEEP>]] person in the department means every joke lands on me.",
    "It happens in every team I've been in, I'm just tired.",
]

TITLES = ["Dr", "Mr", "Mrs", "Miss", "Ms", "Prof"]
INITIALS = ["AM", "PM", "TB", "CJ", "EB", "AJ", "RM"]


def main() -> None:
    corpus.build_pieces(OUT, "r7", 240, R, PIECES, POOLS, TITLES, INITIALS)


if __name__ == "__main__":
    main()
