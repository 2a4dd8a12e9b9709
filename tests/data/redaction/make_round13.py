"""Writes `round13.jsonl`: a thirteenth labelled corpus, held out, written for issue 16 to give an
honest figure for the redactor as it stood at the round's start, without reading or running the
redactor while writing it, committed, then measured once (figures in docs/redactor.md). Never
read by a trainer.

Written in another hand from rounds 7-12: the voices of students on placement, care-home night
staff, GP receptionists, porters, volunteers, bank staff and people writing in English as a
second language (missing articles, other tenses, words from their first language); short notes
of a line and long accounts; a setting in an invented part of Teesside and North Yorkshire whose
hospitals, practices, care homes, wards, teams and streets are made up. Each narrative is filled
three times from the pools, so its people, numbers and dates change. Kinds: initials and a first
name with an initial, given names that are words in every position (first in a sentence, spoken
to, quoted, before a comma, lower case, capitals) and the same words as words (must-keep),
leetspeak, particles and family-name-first order, honorifics and names in capitals, extensions
and badge numbers, IDs with a prefix and a hyphen, short dates with a weekday and day/month
alone, local providers and their abbreviations with team/ward/unit/station after them, handles
after a platform word, phone numbers in words and with odd separators, NHS numbers with double
spaces, dots or in words, spaced postcodes, NI numbers with slashes, letters glued to digits,
spelled e-mails. Same markup as `make_round4.py`. Every value is invented (NHS numbers in the 999
test range, Ofcom drama phone numbers, QQ NI numbers)."""
from __future__ import annotations

import random
from pathlib import Path

import corpus  # the shared machinery (fill_piece, parse_piece, write), beside this file

OUT = Path(__file__).with_name("round13.jsonl")
R = random.Random(16_13)

POOLS = {
    "G": ["Tendai", "Olamide", "Bożena", "Răzvan", "Gwenllian", "Siobhán", "Manpreet", "Maricel",
          "Kayleigh", "Darren", "Chiamaka", "Radosław", "Inês", "Aurimas", "Yusra", "Farhiya",
          "Kwabena", "Nokuthula", "Bakhyt", "Shirin", "Eleni", "Jolene", "Tiarnan", "Rhiannon",
          "Ezinne", "Florin", "Deepika", "Anselm", "Wayne", "Michelle"],
    "F": ["Wojciechowska", "Adeyemi-Cole", "Stănescu", "Thorburn", "Pybus", "Cairns", "Metcalfe",
          "Raistrick", "Appleby", "Kowalczyk", "Mwangi", "Venkataraman", "Ferreira da Silva",
          "De Souza", "Ó Ceallaigh", "Abdikarim", "Lumsden", "Gowland", "Nwachukwu", "Outhwaite"],
    "W": ["Ruby", "Holly", "Crystal", "Sterling", "Grant", "Bob", "Rusty", "Poppy", "Jasmine",
          "Sunday", "Precious", "Patience", "Blessing", "Gift", "Lily", "Heather", "Jade", "Dusty",
          "Chance", "Noble", "Guy", "Gene", "Penny", "Carol", "Bunny", "Misty", "Storm", "Victor",
          "Rich", "Ernest"],
    "EA": ["Choi Seo-yeon", "Nguyễn Thị Lan", "Wang Xiuying", "Tanaka Haruto", "Bùi Văn Long",
           "Jung Ha-eun", "Chen Jiahui"],
    "PART": ["Dafydd ap Iorwerth", "Mairead Nic a' Phearsain", "Seumas Mac an t-Sagairt",
             "Siân ferch Gwilym", "Ana dos Santos", "Kofi ben Amara", "Niamh Ní Bhriain"],
    "LEET": ["J4sm1ne", "P0ppy", "Gr4nt", "D4rr3n", "K4yl3igh", "M1ch3lle", "W4yne"],
    "L": ["R", "P", "G", "S", "H", "N"],
    "UPT": ["MR", "DR", "MRS", "MISS"],
    "WARD": ["Kildale", "Hutton Rudby", "Ormesby", "Great Ayton", "Swainby", "Ingleby",
             "Roseberry", "Eston", "Lazenby", "Boosbeck"],
    "TEAM": ["Marske", "Carlin How", "Loftus", "Skinningrove", "Brotton", "Saltburn Bank"],
    "SITE": ["Skelderby General Hospital", "Marrick Bank Surgery", "Ormsgill Lodge Care Home",
             "Cleveland Fold Hospice", "Wilton Beck Medical Centre", "Teesmouth Community Hospital",
             "Hartburn Grange Nursing Home", "Coatham Road Ambulance Station"],
    "ABBR": ["SGH", "MBS", "O&L", "TCH", "HG", "C&F"],
    "STREET": ["22 Brackenbeck Road, Guisborough", "Flat 5, 31 Mill Yard", "Ivy House, Kirkleatham Lane",
               "8b Stanghow Road", "61 Cleaver Court, Redcar"],
    "PC": ["TS14 6QW", "TS10 2XP", "DL7 9LJ", "TS5 8YH", "YO21 3ET"],
    "SPC": ["T S 1 4  6 Q W", "T S 5 8 Y H", "D L 7  9 L J"],
    "PH": ["07700 900 318", "07700900446", "01632 960 581", "+44 7700 900 772", "0113 496 0855",
           "(0161) 496 0193"],
    "OPH": ["07700/900/318", "07700•900•446", "07700—900—772", "O77OO 9OO 561", "0 7 7 0 0 9 0 0 2 4 9",
            "07700_900_635"],
    "WPH": ["oh seven seven double oh nine double oh three one eight",
            "zero seven seven zero zero, nine zero zero, four four six",
            "oh seven seven oh oh nine oh oh seven seven two"],
    "EXT": ["2217", "6618", "4092", "3350", "5129"],
    "BADGE": ["55031", "7720", "30418", "94127", "6203"],
    "IDX": ["SGH-551902", "B-60217", "OL-338120", "TCH-70455"],
    "NHS": ["999  231  4471", "999.402.6618", "999 577 3109", "9990148832", "999 - 660 - 2741"],
    "WNHS": ["nine nine nine, two three one, four four seven one",
             "nine nine nine four oh two six six one eight"],
    "NI": ["QQ/12/34/56/C", "QQ 73 10 42 B", "QQ/90/41/27/A", "qq582203d"],
    "DAY": ["Sat 22/6", "Tues 4/6", "Weds 17th July", "Thur 3/10", "sun 12.5", "Mon 30th Sept",
            "Fri 7/3", "wed the 9th"],
    "DM": ["14/8", "3.2", "the 21st of Nov", "6/11", "29th Aug"],
    "DOB": ["17/09/1990", "2nd March 1984", "11.12.1996"],
    "EMAIL": ["kayleigh.pybus@nhs.net", "t.mwangi@sgh.nhs.uk", "bozena.w@marrickbank.nhs.uk"],
    "SEMAIL": ["jolene dot cairns at nhs dot net", "r.stanescu @ nhs . net",
               "deepika (dot) v (at) sgh (dot) nhs (dot) uk"],
    "HANDLE": ["kaylz.xo", "darren_boro88", "tendai.mufaro", "jojo_cairnsy", "florin.s7"],
    "PLATFORM": ["snap", "insta", "tiktok", "fb", "twitter"],
    "REG": ["12I3456E", "09A7712C", "21D0458O"],
    "CAR": ["NL19 XKR", "YK67 TBO", "VU22 HPE"],
    "KEEP": ["Zimbabwean", "Filipino", "Muslim", "Polish", "Romanian", "Sikh", "Nigerian",
             "Portuguese", "Ghanaian", "lesbian", "Black", "Hindu", "Kenyan", "trans"],
}

NARRATIVES = [
    # a student nurse on placement, long
    "First placement, 2nd year. My practice assessor {PERSON:<G> <F>} would not sign my "
    "competencies and said to the other student 'she will not pass, they never do' meaning "
    "[[<KEEP>]] students. I heard it from the linen cupboard. This was on {ORG:<WARD> ward} at "
    "{ORG:<SITE>}, {DATE:<DAY>}. My link lecturer said to 'keep a diary' so this is me keeping it.",
    # a student, short
    "{PERSON:<INI>} keeps calling me 'the student' but calls the white student by her name.",
    # care home night staff
    "Night shift at {ORG:<SITE>}. 2am, {PERSON:<W>} the senior comes in and says to me and "
    "{PERSON:<G>} 'you two talk your language again I send you home'. We were talking English.",
    "nights r the worst. {PERSON:<w>} sleeps in the lounge and leaves me with 19 residents "
    "and when family complain she says 'the [[<KEEP>]] girl was on'. every time",
    "[[Holly]] wreath on the door, tinsel up, and {PERSON:<W>} still says I 'dont do christmas' "
    "so I get 24th, 25th, 26th and 31st. I am [[Christian]].",
    # a GP receptionist
    "I work front desk at {ORG:<SITE>} ({ORG:<ABBR>}). Patient rang on {PHONE:<PH>}, asked my "
    "name, then said 'put me through to someone English'. Practice manager {PERSON:<TITLE> <F>} "
    "said I should use an English name on the phone. My name is {PERSON:<G>}.",
    "Reception log {DATE:<DAY>}: {PERSON:<G> <L>} (partner) told locum in front of the "
    "waiting room that I 'cant be trusted with the repeat prescriptions' because I am "
    "[[<KEEP>]]. Witness: {PERSON:<INI>}.",
    "Can someone please call me back on ext {PHONE:<EXT>}, ask for the desk, not for "
    "{PERSON:<W>}.",
    # a porter
    "Porter here. Been told by {PERSON:<W> <L>} in the {ORG:<TEAM> team} radio 'oi bongo come "
    "get this bed'. Radio is recorded so check {DATE:<DAY>} around 15:40. My badge no. "
    "{STAFF_ID:<BADGE>}.",
    "PORTERS LODGE IS A JOKE. {PERSON:<UPT> <FUP>} CALLS US 'THE FOREIGN LEGION'. I AM FROM "
    "MIDDLESBROUGH. EVERYONE LAUGHS.",
    "Took patient down to x-ray and {PERSON:<W>} on the desk said 'does he even speak English' "
    "about me, to the patient. The patient said 'he speaks better than you love'. [[Sterling]] "
    "effort from him.",
    # a volunteer
    "I volunteer at {ORG:<SITE>} on the tea trolley Tuesdays. A man on {ORG:<WARD> ward} "
    "refused his tea from me and {PERSON:<W>}, the volunteer coordinator, said I should "
    "'just let {PERSON:<G2>} do that bay'. I am 71 and [[<KEEP>]] and I have done this 9 years.",
    "volunteer driver. {PERSON:<G> <F>} at the {ORG:<TEAM> station} told me park round back "
    "'so the patients arent scared'. my car is {VEHICLE:<CAR>} if you check cctv",
    # bank staff
    "Bank HCA. Whenever I go to {ORG:<ABBR>} the {ORG:<WARD> unit} lot give me all the "
    "heavy patients and {PERSON:<w>} says 'bank dont need breaks, theyre paid enough'. Bank "
    "ID {STAFF_ID:<IDX>} if you want to see my shifts.",
    "agency and bank treated like dirt. {PERSON:<G>}, {PERSON:<W>} and {PERSON:<INI>} all "
    "went for break together and left me alone with 12 residents. I am [[<KEEP>]]. [[Rusty]] hoists and no help.",
    # English as a second language
    "Please excuse my English. The nurse {PERSON:<G> <F>} is say to me every day 'speak "
    "proper' and she is laughing with {PERSON:<W>}. I am do this job 14 years in my country. "
    "I feel very small. It is happen on {ORG:<WARD> ward}.",
    "In my culture we respect the elder. {PERSON:<W>} is shouting me in handover 'hurry up "
    "auntie' and all laughing. Yesterday also, {DATE:<DM>}. Please do not tell her it is me.",
    "Bună ziua. Colegul meu {PERSON:<G>} mi-a spus că sunt 'hoț'. He says all [[Romanian]] "
    "steal. He said it {DATE:<DAY>} in staff room at {ORG:<ABBR>}.",
    "Magandang gabi. {PERSON:<EA>} and me are the only Asian on nights, {PERSON:<W>} call us "
    "both 'Chinky' even I am [[Filipino]] and she is not Chinese.",
    # initials and first name with an initial
    "{PERSON:<INI>} and {PERSON:<INI2>} on the rota are the ones. Two letters is all I will "
    "give.",
    "Its {PERSON:<G> <L>} again. Always {PERSON:<G> <L>}.",
    "Spoke to {PERSON:<W> <L>.} about it - she said it was 'banter'.",
    # word names in all positions, and the same words as words
    "{PERSON:<W>}, stop. Just stop. You know what you did.",
    "'{PERSON:<W>}, leave her,' the HCA said, but {PERSON:<W>} carried on.",
    "[[Patience]] is running out. [[Precious]] little support from management. Meanwhile "
    "{PERSON:<W>} is telling everyone I got band 6 'to fill a quota'.",
    "A [[Ruby]] wedding card went round for the ward sister and my name was left off. "
    "{PERSON:<W2>} said 'didnt think your lot did cards'.",
    "got told by {PERSON:<w>} that i 'talk like a rapper'. {PERSON:<w>} is the deputy. lovely.",
    "{PERSON:<WUP>} AND {PERSON:<GUP>} DID IT AGAIN. 'GO BACK TO YOUR OWN COUNTRY.' AGAIN.",
    "[[Grant]] application for the course got approved but {PERSON:<TITLE> <F>} told the panel "
    "I'd 'struggle with the language'. Nobody asked me.",
    "Not one [[Penny]] of the overtime came to me. {PERSON:<W>} gives it to her friends, the "
    "ones who are not [[<KEEP>]].",
    "Thanks {PERSON:<W>} for standing up for me on {DATE:<DAY>}, the only one who did.",
    # leetspeak
    "They call me '{PERSON:<LEET>}' in the ward group chat because the chat 'bans' my real "
    "name. {PERSON:<LEET>} is how they write it so it doesnt get picked up.",
    # particles and family-name-first
    "{PERSON:<PART>} got told her name is 'too much of a mouthful' and now the team calls her "
    "'{PERSON:Annie}'. She never agreed to that.",
    "My preceptee {PERSON:<EA>} was asked by {PERSON:<G> <F>} whether she 'eats normal food'. "
    "This was {DATE:<DAY>} on the {ORG:<TEAM> unit}.",
    "On the handover sheet they wrote {PERSON:<EA>} as 'the Chinese one'. I am {PERSON:<PART>} "
    "and I was written as 'the Welsh one'. Apparently that's funny.",
    # honorifics in capitals
    "{PERSON:<UPT> <F>} said in the MDT that [[<KEEP>]] families 'never follow advice'.",
    "complaint re {PERSON:<UPT> <FUP>} (consultant) - said patient 'should see a proper doctor' "
    "when I walked in. I AM A DOCTOR.",
    # extensions, badge numbers, prefixed IDs
    "You can call me on {PHONE:<PH>} extension {PHONE:<EXT>} or bleep me. Staff number "
    "{STAFF_ID:<BADGE>}. The person is {PERSON:<G> <F>}.",
    "My old ID was {STAFF_ID:<IDX>} and someone used it to change my shifts. I think "
    "{PERSON:<W>}.",
    "x{PHONE:<EXT>} is the unit phone, {PERSON:<G>} answers it with 'yeah what' to me and 'hello "
    "darling' to everyone else.",
    # dates
    "{DATE:<DAY>}, nights. {DATE:<DAY>} again. Same comments, same person ({PERSON:<INI>}).",
    "happened {DATE:<DM>} and again the week after. i have dates written down.",
    # local providers and abbreviations with team/ward/unit
    "Moved from {ORG:<ABBR>} to {ORG:<TEAM> team} thinking it would be better. "
    "{PERSON:<W>} from {ORG:<WARD> ward} followed me and told everyone I 'got pushed out'.",
    "Everyone on {ORG:<WARD> ward} knows. The {ORG:<TEAM> team} knows. {ORG:<ABBR>} knows. "
    "Nothing done.",
    # handles after a platform word
    "Someone at work made a fake account, <PLATFORM> {HANDLE:<HANDLE>}, posting pics of my "
    "[[<KEEP>]] headscarf. I think its {PERSON:<W>}.",
    "add me on <PLATFORM> {HANDLE:<HANDLE>} if you need screenshots, not putting my name on here",
    # phone numbers in words and odd separators
    "Call me back on {PHONE:<WPH>} after 6, I am on lates. {PERSON:<W>} cannot know.",
    "my mobile {PHONE:<OPH>} (work phone is monitored by {PERSON:<TITLE> <F>})",
    # NHS numbers, postcodes, NI, glued, spelled e-mails
    "The patient's son {PERSON:<G> <F>} (NHS no {NHS_NUMBER:<NHS>}) spat at me and said 'go home'. "
    "Nobody on {ORG:<WARD> ward} wrote it up.",
    "Her NHS number is {NHS_NUMBER:<WNHS>}, she is the resident who kept calling me a slur. "
    "Manager said 'she has dementia, ignore it'.",
    "Letters sent to me at {LOCATION:<STREET>}, {POSTCODE:<SPC>} with my NI {NI_NUMBER:<NI>} "
    "on the front, envelope open. {PERSON:<W>} in payroll laughed about my surname.",
    "moved house, new postcode {POSTCODE:<PC>}, DOB {DATE:<DOB>} if you need to find my record. "
    "I am the [[<KEEP>]] HCA that {PERSON:<INI>} complained about.",
    "login shows {PERSON:<G>}{STAFF_ID:<BADGE>} made the change, not me",
    "email me {EMAIL:<SEMAIL>} not {EMAIL:<EMAIL>} because {PERSON:<W>} has my work inbox open.",
    # none, and words that look like names but are not
    "[[Storm]] warning on the rota again, [[Sunday]] lates, [[Carol]] service cancelled. Nothing "
    "happened this week, just tired.",
    "Will write more when I am ready. Better rota? [[Chance]] would be a fine thing.",
    # a long run-on from a bank HCA writing fast
    "so im bank and i do {ORG:<SITE>} and {ORG:<ABBR>} mostly and at the first one its fine but "
    "at the second {PERSON:<w>} and {PERSON:<g>} put me on the side rooms every shift and "
    "when i asked {PERSON:<G2> <F>} why she said 'well you people are used to isolation' and i "
    "honestly didnt know what to say, my NMC pin is {REG_NUMBER:<REG>} if you need to check im "
    "real, ring {PHONE:<PH>} anytime after {DATE:<DAY>} when im off",
]

TITLES = ["Dr", "Mr", "Mrs", "Miss", "Sister", "Nurse", "Prof"]
INITIALS = ["AK", "JR", "TP", "MB", "SH", "DW"]


def main() -> None:
    items = []
    order = list(range(len(NARRATIVES)))
    for _ in range(3):
        R.shuffle(order)
        for i in order:
            while True:  # a must-keep word is never also a person's name in the same narrative
                item = corpus.parse_piece(corpus.fill_piece(NARRATIVES[i], R, POOLS, TITLES, INITIALS))
                names = {item["text"][s["start"]:s["end"]].lower() for s in item["pii"]}
                if not any(k["text"].lower() in names for k in item["keep"]):
                    break
            items.append({"id": f"r13-{len(items) + 1:04d}", **item})
    corpus.write(OUT, items)


if __name__ == "__main__":
    main()
