"""Writes `round12.jsonl`: a twelfth labelled corpus, written for issue 16's third round on the
learned name pass before any rule, training corpus or model was changed, committed, and measured
once with the changes frozen (figures in docs/redactor.md). Never read by the trainer.

Written in another hand from rounds 7-11: not short pieces drawn two at a time, but whole
narratives as staff type them into a free-text box (long run-on accounts, a message pasted in,
lists, all-capital anger, text-speak, typos, quotes of what was said, a few words in Polish,
Tagalog, Portuguese, Lithuanian, Somali or Welsh), from a Norfolk and Waveney setting whose
hospitals, practices, wards, teams and streets are invented. Each narrative is filled three or
four times from the pools, so its people, numbers and dates change. Kinds: initials and a first
name with an initial, given names that are words (capitalised, lower case, first in a sentence,
spoken to, quoted, before a comma) and the same words as words, leetspeak, particles and
family-name-first order, honorifics and names in capitals, extensions and badge numbers, IDs
with a prefix and a hyphen, weekday dates and day/month, local sites and their abbreviations,
ward and team names with the word after them, handles after a platform word, phone and NHS
numbers and postcodes written oddly, spaced e-mails. Same markup as `make_round4.py`. Every value
is invented (NHS numbers in the 999 test range, Ofcom drama phone numbers, QQ NI numbers)."""
from __future__ import annotations

import random
from pathlib import Path

import corpus  # the shared machinery (fill_piece, parse_piece, write), beside this file

OUT = Path(__file__).with_name("round12.jsonl")
R = random.Random(16_12)

POOLS = {
    "G": ["Oyinkansola", "Zanele", "Grażyna", "Ionela", "Wiesław", "Eirlys", "Aoibheann",
          "Harpreet", "Lualhati", "Craig", "Jodie", "Ifeoma", "Przemek", "Marisol", "Dovilė",
          "Tadas", "Hamza", "Ifrah", "Abdirahman", "Adaora", "Reuben", "Vusi", "Aigerim",
          "Nilufar", "Keziah", "Sunita", "Jericho", "Rodel", "Lorna", "Shelley"],
    "F": ["Szymańska", "Mahamud", "Petrauskas", "Ramaswamy", "Farrow", "Howes", "Sayer", "Bunn",
          "Gedge", "Thirtle", "Loades", "Spinks", "Grimwood", "Dąbrowski", "Osei-Mensah",
          "dela Peña", "Quansah", "Van Wyk", "Ó Dálaigh", "Nkemelu"],
    "W": ["Rose", "Summer", "Will", "May", "Pat", "Bless", "Hope", "Joy", "Ivy", "Hazel",
          "Amber", "Robin", "Dawn", "Sunny", "Honey", "Rocky", "Sandy", "Lucky", "Happy", "Star",
          "Sky", "Autumn", "Brook", "Cliff", "Frank", "Mark", "Bill", "Grace", "Faith"],
    "f": ["szymańska", "mahamud", "howes", "bunn", "gedge", "quansah"],
    "EA": ["Kim Min-seo", "Lê Minh Châu", "Zhao Yuting", "Hoàng Đức Anh", "Lim Wei Ling",
           "Seo Da-eun"],
    "PART": ["Iolo ap Rhys", "Catrìona Nic an t-Saoir", "Ruairí Mac an Bhaird",
             "Eluned ferch Owain", "Pieter van der Berg", "Aminata Ba"],
    "LEET": ["Sh4ron", "Cr41g", "K3lly", "L0rna", "J4mal", "Tr1sh", "D3bbie"],
    "L": ["K", "B", "M", "T", "D", "W"],
    "UPT": ["MR", "DR", "MRS", "MS"],
    "WARD": ["Muckfleet", "Halvergate", "Reedham", "Haddiscoe", "Spoonbill", "Shotesham",
             "Fritton", "Chedgrave", "Herringfleet", "Kessingland"],
    "TEAM": ["Pakefield", "Lound", "Blundeston", "Corton", "Hopton", "Belton"],
    "SITE": ["Waveney Reach Hospital", "Chet Valley Medical Practice",
             "Lothingland Community Hospital", "Filby Marsh Care Home", "Stalham Staithe Surgery",
             "Mutford Lane Health Centre", "Somerleyton Road Ambulance Station",
             "Thurne House Hospice"],
    "ABBR": ["WRH", "CVMP", "LCH", "B&W", "FMCH", "T&M"],
    "STREET": ["14 Gedge Close, Gorleston", "Flat 2, 9 Pound Lane", "The Old Maltings, Staithe Road",
               "31a Cotmer Road", "7 Wherry Way, Reedham"],
    "PC": ["NR31 7QF", "NR33 8HL", "NR13 5TE", "NR34 9BX", "IP22 4WN"],
    "PH": ["07700 900 871", "07700900512", "01632 960 744", "+44 7700 900 653", "07700-900-208",
           "0161 496 0237", "(01632) 960118"],
    "EXT": ["4063", "5582", "3901", "7214"],
    "BADGE": ["40915", "5527", "88130", "3306", "61274"],
    "IDX": ["WRH-448201", "E-77310", "BW-20553", "LCH-90117"],
    "NHS": ["999 483 2201", "999 610 7735", "9993052217", "999-118-4406", "999.724.5513"],
    "NI": ["QQ 48 22 61 A", "QQ482917B", "QQ 12 40 88 D"],
    "DAY": ["Thurs 9/1", "Mon 3rd Feb", "fri 14/3", "Weds 5th March", "Sunday 27th April",
            "Tue 11.2", "sat 19/4", "Tues 28th Jan"],
    "DM": ["2/12", "17/10", "the 8th of Jan", "30.11", "21st Feb"],
    "DOB": ["12/03/1988", "4th Nov 1979", "03.07.1992"],
    "EMAIL": ["t.grimwood@nhs.net", "marisol.farrow@wrh.nhs.uk", "jodie.b@chetvalley.nhs.uk"],
    "SEMAIL": ["bunn.k @ nhs . net", "lorna dot howes at nhs dot net"],
    "HANDLE": ["kez.xo", "rodel_gwapo", "d4rren_g", "sunnyside.lou", "tadas.p88"],
    "PLATFORM": ["snap", "insta", "tiktok", "fb"],
    "REG": ["09H1432E", "7012345", "15C0987O"],
    "CAR": ["NU68 HBC", "EY21 KRD", "AV70 TLO"],
    "KEEP": ["Polish", "Filipino", "Muslim", "Zimbabwean", "Lithuanian", "Somali", "gay",
             "Black", "Nigerian", "Portuguese", "Tamil", "Jewish", "disabled", "Romanian"],
}

NARRATIVES = [
    # a long run-on account from a health care assistant
    "so basically it started when {PERSON:<W>} came on shift and said in front of everyone that "
    "[[<KEEP>]] people are 'always on their phones' and then {PERSON:<G> <F>} laughed and said "
    "'well she's not wrong is she' and i just carried on with obs but i was shaking, this was "
    "{DATE:<DAY>} on {ORG:<WARD> ward}",
    "Im writing this because nobody listens. {PERSON:<INI>} told me to 'go back to the "
    "laundry where you belong' and when I told the nurse in charge she said {PERSON:<INI>} "
    "was only joking. it happens every week",
    "{PERSON:<G> <L>} from bank keeps calling me 'the [[<KEEP>]] one' instead of my name even "
    "though its on my badge. i will not put up with this any more",
    "Summer rota came out and once again I'm on every weekend. When I asked why, {PERSON:<W>} said "
    "'you people don't celebrate Christmas anyway'. I do. May I say that this is not ok.",
    "{PERSON:<W>}, if you read this, you know what you said in the sluice.",
    "Me and {PERSON:<W>} were on nights at {ORG:<SITE>} and the patient's son asked for "
    "'an English nurse'. {PERSON:<w>} just swapped with me without a word, bless her, but the "
    "coordinator said I should 'toughen up'.",
    "I rang {ORG:<ABBR>} switchboard on {PHONE:<PH>} and asked for ext {PHONE:<EXT>}, the man who "
    "answered put on an accent and hung up. Later found out it was {PERSON:<TITLE> <F>}.",
    "THIS IS THE THIRD TIME {PERSON:<UPT> <FUP>} HAS MOCKED MY ACCENT IN HANDOVER AND NOBODY SAYS "
    "ANYTHING. I AM [[<KEEPUP>]] AND PROUD OF IT",
    "WHY IS IT ALWAYS ME. ASK {PERSON:<GUP>} WHO SHE GIVES THE BREAKS TO",
    "Mój przełożony {PERSON:<G> <F>} powiedział że jestem 'tylko z Polski'. In English: my "
    "supervisor said I'm 'only from Poland' and should be grateful for the job.",
    "sabi ni {PERSON:<G>} na hindi daw ako marunong mag-English. She said it loud at the nurses "
    "station on {ORG:<WARD> ward} so the relatives heard. I am a band 6 and [[<KEEP>]].",
    "Ela disse que eu não pertenço aqui. That was {PERSON:<G>}, the new HCA, on {DATE:<DAY>}. "
    "Ela repetiu no dia seguinte.",
    "{PERSON:<EA>} is my preceptee and {PERSON:<W>} keeps asking her if she eats dogs. She is "
    "too polite to say anything so I am reporting it.",
    "{PERSON:<PART>} stood up for me when the consultant said my name was 'too hard' and called "
    "me 'Sue' for the whole ward round.",
    "Patient's wife kept calling me the cleaner. {PERSON:<LEET>} (they spell it like that on "
    "the group chat so it doesnt get flagged) said its because of my hijab and laughed",
    "1. On {DATE:<DAY>} {PERSON:<W>} said I smelt of curry.\n2. On {DATE:<DM>} she did it again in "
    "the staff room.\n3. {PERSON:<INI>} and {PERSON:<INI2>} heard both times.\n4. I raised it "
    "with my manager, nothing happened.",
    "- told I 'sound aggressive' by {PERSON:<g> <f>}\n- left off the {ORG:<TEAM> team} whatsapp\n"
    "- asked where im really from, twice\nthats just this month",
    "My badge no. {STAFF_ID:<BADGE>} was used to log me into a complaint I never wrote. The "
    "other log in was {STAFF_ID:<IDX>}. Someone is trying to get me in trouble, I think its "
    "{PERSON:<W>} from the {ORG:<TEAM> unit}.",
    "They found me on <PLATFORM> {HANDLE:<HANDLE>} and sent pictures of me round the "
    "ward with monkey emojis. Please do something.",
    "ngl {PERSON:<w>} is the worst for it, always 'joking' about my hair",
    "Hazel eyes, brown skin, 'where are you from' - every single shift. The person asking is "
    "{PERSON:<G> <F>} on the {ORG:<WARD> unit}.",
    "I will be honest I nearly left. {PERSON:<W>} said I only got the job because I'm [[<KEEP>]]. "
    "{PERSON:<W2>} said nothing. Hope this gets to someone who cares.",
    "Pat on the back from the matron but {PERSON:<TITLE> <F>} told the family I was 'the help'.",
    "Called {PERSON:<W>} about it on {PHONE:<PH>} and she said 'don't be so sensitive'. Call "
    "was on {DATE:<DAY>} at 14:20.",
    "the registrar {PERSON:<g>} asked if I was 'even qualified' in front of the patient, i have "
    "been qualified 11 years. my NMC pin is {REG_NUMBER:<REG>} if anyone doubts it",
    "Letter about the investigation was sent to my old address {LOCATION:<STREET>}, {POSTCODE:<PC>} "
    "with my NHS no {NHS_NUMBER:<NHS>} on the front, and my DOB {DATE:<DOB>}. Anyone could have "
    "opened it.",
    "Someone wrote my NI number {NI_NUMBER:<NI>} on the whiteboard as a 'joke' about my visa. "
    "The writing looked like {PERSON:<G>}'s.",
    "Email me on {EMAIL:<EMAIL>} not my work one, because {PERSON:<W>} reads my inbox.",
    "you can reach me at {EMAIL:<SEMAIL>} if you need more detail about what {PERSON:<G> <F>} did",
    "{PERSON:<W>} keeps parking her car {VEHICLE:<CAR>} in the disabled bay and when I said "
    "something she called me 'a [[<KEEP>]] troublemaker'",
    "Rocky start to the week. Manager said 'your lot' again. I am tired.",
    "The rose garden by {ORG:<SITE>} is where I go to cry after {PERSON:<W>} has had a go.",
    "Was on {ORG:<WARD> ward} on {DATE:<DAY>} when {PERSON:<G> <F>} (agency) told a "
    "patient not to let me touch her because I'm [[<KEEP>]]. The patient said 'bless you love, "
    "you're fine'. Kinder than my colleague.",
    "Dear steering group,\nI work at {ORG:<ABBR>} in the {ORG:<TEAM> team}. Over the last year "
    "{PERSON:<TITLE> <F>} has repeatedly called me 'sweetheart' and 'exotic'. I have told "
    "{PERSON:<G>} in HR. Nothing.\nRegards",
    "[22:41] {PERSON:<W>}: who's doing the 2am obs\n[22:42] {PERSON:<G>}: not the [[<KEEP>]] "
    "girl lol she'll be praying\n[22:42] {PERSON:<W>}: 😂😂",
    "It wasnt just once. {PERSON:<w>} and {PERSON:<g>} both do it, the 'ching chong' thing when "
    "{PERSON:<EA>} walks past. Its been going on since {DATE:<DM>}.",
    "so i said to {PERSON:<W>} 'please dont call me that' and she said 'what, love?' and "
    "everyone laughed. that was the end of it for them",
    "Sky high bank rates and still they treat agency staff like this. {PERSON:<G> <F>}, the "
    "site manager, said 'you're only here for the money, go home'.",
    "A relative at {ORG:<SITE>} asked me where I was from and when I said Lowestoft she said 'no "
    "where are you REALLY from'. {PERSON:<W>} on reception heard and just smirked.",
    "Dawn handover on {ORG:<WARD> ward}: I was told my English was 'hard to follow' by "
    "{PERSON:<INI>}. I have a degree in English.",
    "DR {PERSON:<FUP>} refused to take a referral from me and asked for 'one of the English "
    "doctors'. I am an English doctor.",
    "Diolch i {PERSON:<G>} am fy nghefnogi - thanks to the one person who backed me up when "
    "{PERSON:<W>} said Welsh was 'a made up language'.",
    "Waxaan ahay Soomaali - I am [[Somali]] and {PERSON:<G> <F>} asked if I was 'a pirate' "
    "on {DATE:<DAY>}. The whole office laughed.",
    "{PERSON:<W>} said it, {PERSON:<W2>} repeated it, {PERSON:<G>} wrote it on the board. Three "
    "people, one joke, every shift.",
    "Ring {PERSON:<G>} on extension {PHONE:<EXT>} if you want a witness, she was there",
    "staff no {STAFF_ID:<BADGE>} (me) was rota'd for every christmas since I started, others "
    "never. i asked {PERSON:<TITLE> <F>} why and was told 'you dont do christmas'.",
    "joy of joys, another 'where's your accent from' at the {ORG:<ABBR>} induction. The trainer "
    "{PERSON:<G> <F>} then did an impression of it.",
    "We were at the {ORG:<TEAM> station} (ambulance) and {PERSON:<W>} told me to 'speak "
    "English' on the radio. I was speaking English.",
    "I have spoken to {PERSON:<W>} about it, I have spoken to {PERSON:<W2>} about it, I have "
    "even spoken to {PERSON:<PART>}. I am done speaking.",
    "Nothing specific happened this week, just the usual looks. Will report when I have "
    "more to say.",
    "Amber warnings on the rota app every day and now {PERSON:<W>} calls me 'the refugee' even though I was "
    "born in Great Yarmouth.",
    "hi, {PERSON:<G> <L>} here (not my real initial). on {DATE:<DAY>} a patient called me a "
    "slur and {PERSON:<w>} from the {ORG:<WARD> ward} team told me to 'let it go'",
    "my mentor {PERSON:<w>} kept saying my name wrong on purpose and my name is not hard. she "
    "called me {PERSON:<LEET>} in a text so it wouldnt look like a name",
    "Grace period for the appraisal is over and {PERSON:<TITLE> <F>} has still not signed "
    "mine, but signed all the [[British]] nurses' ones.",
    "{PERSON:<G>}: 'we don't need more of your kind here'. That was said to me in the lift at "
    "{ORG:<SITE>} on {DATE:<DM>}.",
    "happy to be contacted, my number is {PHONE:<PH>} ext {PHONE:<EXT>}, ask for me not "
    "{PERSON:<W>}",
    "Told by {PERSON:<W> <L>} that I was 'lucky to be here'. Told by {PERSON:<INI>} that "
    "I 'should be grateful'. Told by the ward manager that they are 'good people really'.",
    "The district team at {ORG:<SITE>} ({ORG:<ABBR>}) has one [[<KEEP>]] nurse. Me. "
    "{PERSON:<G> <F>} calls me 'diversity quota' at every meeting.",
]

TITLES = ["Dr", "Mr", "Mrs", "Ms", "Sister", "Nurse", "Dr."]
INITIALS = ["BK", "TW", "LM", "CJ", "OA", "PF"]


def main() -> None:
    items = []
    order = list(range(len(NARRATIVES)))
    for _ in range(3):
        R.shuffle(order)
        for i in order:
            text = corpus.fill_piece(NARRATIVES[i], R, POOLS, TITLES, INITIALS)
            items.append({"id": f"r12-{len(items) + 1:04d}", **corpus.parse_piece(text)})
    corpus.write(OUT, items)


if __name__ == "__main__":
    main()
