"""Writes `round14.jsonl`: a fourteenth labelled corpus, held out, written for issue 16 to give an
honest figure for the redactor, without reading or running the redactor while writing it,
committed, then measured once by the lead. Never read by a trainer.

Written in another hand from rounds 7-13: managers and senior staff writing formally (a grievance
letter, a meeting note, an e-mail quoted verbatim), allied health professionals (physios,
occupational therapists, paramedics, pharmacists, a podiatrist, a radiographer's helper),
social workers and an approved mental health professional, domiciliary carers texting from a
phone (no capitals, no punctuation, abbreviations), learning-disability nurses and support
workers, agency staff, chat logs, bullet points, pasted messages; staff with Polish, Portuguese,
Romanian, Tagalog, Malayalam, Nigerian and Ghanaian names. An invented Shropshire and Welsh
Marches setting whose hospitals, practices, care homes, wards, teams and streets are made up.
Unlike round 13 the narratives are distinct: each of the 187 NARRATIVES is written once and
filled once (in a shuffled order); they run from a few words to about 3,000 characters.

Kinds: initials and a first name with an initial; given names that are words in every position
(first in a sentence, spoken to, quoted, before a comma, lower case, capitals) and the same words
as words (must-keep: the month May, "will", "rose", "grace", "Bless you"); leetspeak; particles
and family-name-first order; honorifics and names in capitals; extensions and badge numbers; IDs
with a prefix and a hyphen; short dates with a weekday and day/month alone; full dates and dates
of birth; local providers and their abbreviations with team/ward/unit/station after them;
handles after a platform word; phone numbers in words and with odd separators; NHS numbers with
double spaces, dots or in words; spaced postcodes; NI numbers with slashes; letters glued to
digits and IBANs and IP addresses (`OTHER_ID`); spelled e-mails. Must-keep spans: identity words,
roles, clinical terms (eponyms included), ordinary words that are also given names. Same markup
as `make_round4.py` (`corpus.fill_piece`, `corpus.parse_piece`). Every value is invented (NHS
numbers in the 999 test range, Ofcom drama phone numbers, QQ NI numbers, documentation IP
ranges)."""
from __future__ import annotations

import random
from pathlib import Path

import corpus  # the shared machinery (fill_piece, parse_piece, write), beside this file

OUT = Path(__file__).with_name("round14.jsonl")
R = random.Random(16_14)

POOLS = {
    "G": ["Małgorzata", "Jarosław", "Dobrosława", "Mieczysław", "Abílio", "Leonor", "Ambrósio",
          "Ioana", "Bogdan", "Viorica", "Rhodora", "Rodelio", "Jonalyn", "Jincy", "Shijo", "Reshma",
          "Tintu", "Chidiebere", "Adaeze", "Olumide", "Funmilayo", "Ekua", "Kwamena", "Abena",
          "Gareth", "Jodie-Lee", "Lindsey", "Wesley"],
    "F": ["Zielińska", "Grabowski", "Magalhães", "Esteves", "Popescu", "Dumitrescu", "Dela Cruz",
          "Bautista", "Edathil", "Kuriakose", "Thekkekara", "Olaniyan", "Nwosu-Eke", "Agyeman", "Boakye-Ansah",
          "Bassington", "Hotchkiss", "Whitmore", "Van der Merwe", "Lloyd-Ellis"],
    "F2": ["Ogunwale", "Sequeira", "Chacko", "Sobczak", "Kyei-Baffour"],  # a second surname
    "W": ["Rose", "Summer", "Will", "May", "Pat", "Bless", "Faith", "Grace", "Hope", "Joy", "Dawn",
          "Amber", "Hazel", "Robin", "Frank", "Mark", "Sky", "Ivy", "Honor", "Reed", "Hunter",
          "Angel", "Star", "Marigold"],
    "EA": ["Lee Min-seo", "Trần Văn Hùng", "Zhou Meiling", "Sato Yui", "Kim Do-hyun",
           "Lim Xiu Mei", "Đặng Thị Hoa"],
    "PART": ["Rhodri ap Cadwgan", "Ealasaid Nic an t-Saoir", "Eilidh Nic a' Bhreatannaich",
             "Ruairidh Mac an t-Sealgair", "Gwenno ferch Madog", "Maria das Dores Lobo",
             "Joost van 't Hof", "Seán Ó hAodha"],
    "LEET": ["R0s3", "F41th", "Gr4c3", "Ng0z1", "B0gd4n", "5umm3r", "J1ncy"],
    "L": ["K", "B", "T", "W", "D", "M"],
    "UPT": ["MR", "DR", "MRS", "MS"],
    "WARD": ["Brockton", "Acton Burnell", "Wistanstow", "Cardington", "Hopesay", "Bitterley",
             "Culmington", "Munslow"],
    "TEAM": ["Ditton Priors", "Cleobury", "Stiperstones", "Clee Hill", "Onibury", "Hodnet"],
    "SITE": ["Wrekinford General Hospital", "Clunbury Community Hospital", "Ellesmere Vale Hospice",
             "Corvedale Medical Practice", "Ludford Mill Care Home", "Kinlet Road Ambulance Station",
             "Severnbank Pharmacy", "Longmynd House Supported Living"],
    "ABBR": ["WGH", "CCH", "EVH", "L&M", "K&C", "SB"],
    "STREET": ["14 Corndon Close, Pontesbury", "Flat 2, 9 Tanners Row", "The Old Forge, Pulverbatch Lane",
               "37 Wenlock Edge Road", "6a Lydham Terrace, Churchstoke"],
    "PC": ["SY5 0QT", "SY7 8HN", "TF9 2LW", "WV16 4RB", "SY15 6DE"],
    "SPC": ["S Y 5  0 Q T", "T F 9 2 L W", "W V 1 6  4 R B", "s y 7 8 h n"],
    "PH": ["07700 900 687", "07700900274", "01632 960 447", "+44 7700 900 518", "020 7946 0193",
           "0121 496 0732"],
    "OPH": ["07700/900/687", "07700•900•274", "07700—900—518", "O77OO 9OO 883", "077.00.900.361",
            "07700 - 900 - 129", "0 7 7 0 0 9 0 0 4 0 6"],
    "WPH": ["oh seven seven oh oh nine oh oh six eight seven",
            "zero seven seven zero zero nine zero zero two seven four",
            "oh seven seven double oh, nine double oh, five one eight"],
    "EXT": ["4463", "2286", "7314", "5902", "3068"],
    "BADGE": ["40917", "6632", "81245", "27708", "5519"],
    "IDX": ["WGH-408816", "P-77215", "EV-291604", "ESR-6614402", "AG-30571"],
    "NHS": ["999  318  2204", "999.725.4410", "999 061 8873", "9994417265", "999 - 502 - 3396"],
    "WNHS": ["nine nine nine, three one eight, two two oh four",
             "nine nine nine seven two five four four one oh"],
    "NI": ["QQ/45/61/08/D", "QQ 27 93 51 A", "qq/80/12/66/b", "QQ 11 04 87 C"],
    "DAY": ["Sat 14/9", "Tues 15/4", "Weds 23rd July", "Thurs 9/10", "fri 16.5", "Mon 1st Dec",
            "Sun 27/4", "tue the 11th"],
    "DAY2": ["Wed 5/11", "Sat 31st May", "Thur 18/12", "mon 9.6"],
    "DM": ["19/3", "4.11", "the 8th of Feb", "25/10", "12th Jun"],
    "FULL": ["12 May 2025", "03/02/2025", "21st January 2026", "14.10.2025", "7 March 2025"],
    "DOB": ["09/04/1987", "23rd August 1979", "30.06.1993", "1 May 1990"],
    "EMAIL": ["m.zielinska@nhs.net", "olumide.olaniyan2@wgh.nhs.uk", "reshma.e@corvedale.nhs.uk"],
    "SEMAIL": ["jodie dot bassington at nhs dot net", "b.popescu @ nhs . net",
               "jincy (dot) k (at) wgh (dot) nhs (dot) uk", "abena underscore agyeman at gmail dot com"],
    "HANDLE": ["jodieb_x", "jarek.grab91", "ekua.kente", "viorica_pops", "wes_w84"],
    "PLATFORM": ["snap", "insta", "tiktok", "fb", "twitter", "threads"],
    "PIN": ["18F2207E", "05I4419W", "22C0913S"],
    "HCPC": ["PH118204", "OT70331", "PA40928"],
    "GPHC": ["2091734", "2207519"],
    "CAR": ["FX21 KLP", "WP68 RYD", "MA19 ZSE"],
    "IBAN": ["GB48 SRLG 6044 7713 2290 51", "GB09RMBA40517720681133",
             "PL27 1140 2004 0000 3602 7719 4580", "RO66 BTRL 0130 1205 K288 5170"],
    "IP": ["192.0.2.147", "198.51.100.23", "203.0.113.88"],
    "KEEP": ["Pakistani", "Jewish", "Roma", "Gypsy Traveller", "autistic", "Deaf", "gay", "bisexual",
             "Catholic", "Malayali", "Igbo", "Yoruba", "Tamil", "Eritrean", "dyslexic", "Filipina",
             "Polish", "Romanian", "Nigerian", "Ghanaian", "Portuguese", "disabled", "non-binary",
             "Buddhist"],
}

TITLES = ["Dr", "Mr", "Mrs", "Ms", "Sister", "Charge Nurse", "Prof"]
INITIALS = ["KO", "BP", "RV", "ZG", "TM", "LD"]

NARRATIVES = [
    # --- managers and senior staff, formal ---
    "I write as Head of Therapies to record a concern raised with me in confidence. A member of "
    "my team, a band 6 [[physio]], reports that {PERSON:<TITLE> <F>} repeatedly refers to her as "
    "'the [[<KEEP>]] lady' in the {ORG:<TEAM> team} huddle rather than by name. I have asked that "
    "this be addressed informally in the first instance.",
    "Dear colleagues, further to the meeting of {DATE:<FULL>}, please note that comments of the "
    "kind made about our [[<KEEP>]] staff on {ORG:<WARD> ward} are not acceptable and will be "
    "managed under the dignity at work policy. Regards, {PERSON:<G> <F>}, Ward Manager.",
    "Minutes, band 7 forum. Item 4: a senior nurse stated that international recruits 'need more "
    "supervision than the rest'. The chair ({PERSON:<G> <L>}) challenged this. No further action "
    "was agreed, which several of us felt was wrong.",
    "As the Matron for {ORG:<SITE>} I am uncomfortable that a concern about a consultant was "
    "closed without speaking to the person affected. I am told {PERSON:<UPT> <FUP>} described "
    "her as 'very emotional, as they tend to be'. I can be reached on extension {PHONE:<EXT>}.",
    "Formal note for file. On {DATE:<DAY>} I observed a deputy manager tell a [[Deaf]] "
    "support worker that she was 'not safe' for nights because she 'cannot hear the buzzers'. "
    "Vibrating pagers are available. The deputy is {PERSON:<W> <F>}.",
    "To the steering group. I am a service manager and I am ashamed to say that I laughed along "
    "when {PERSON:<G>} called a [[<KEEP>]] colleague 'the diversity hire'. I did not intervene. "
    "I want that recorded, and I want us to train managers like me.",
    "I chair the {ORG:<ABBR>} recruitment panel. Two panel members marked down an applicant for "
    "'accent'. I [[will]] not sign off the scores.",
    "Please find below the e-mail I received, copied exactly:\n\n> From: {PERSON:<G> <F>}\n"
    "> Sent: {DATE:<FULL>}\n> Subject: rota\n> Hi, can we avoid putting the two "
    "[[Filipina]] girls on together, patients struggle to understand them. Thanks\n\nI did not "
    "reply. I am their line manager.",
    # --- physios ---
    "[[physio]] here. a patient's son said 'I want an English one' and {PERSON:<w>} (band 7) "
    "swapped me off without asking me. happened {DATE:<DM>}",
    "During a [[Parkinson's]] review on {ORG:<WARD> ward} the consultant asked whether I was "
    "'really a physiotherapist or the cleaner'. I was in uniform with my badge. {PERSON:<INI>} "
    "witnessed it.",
    "Rehab gym, {ORG:<ABBR>}. {PERSON:<W>}, the gym lead, calls me '{PERSON:Gonzo}' because she cannot "
    "be bothered with {PERSON:<G>}. I have told her twice.",
    "Our [[OT]] and I ran the falls clinic. The patient asked {PERSON:<G2>} where the real "
    "therapist was, meaning the white one. That's all. I'm just tired.",
    "My HCPC number is {REG_NUMBER:<HCPC>}, I'm writing so this is not anonymous to you but "
    "please keep it from {PERSON:<TITLE> <F>}.",
    # --- occupational therapists ---
    "Home visit with {PERSON:<G> <F>} (OT student). The client's husband said he 'didn't let "
    "[[<KEEP>]] people in the house'. My senior said we should have sent someone else. Next time "
    "they [[will]].",
    "OT team meeting. {PERSON:<W>} said, 'We can't send her to the Traveller site, she's one "
    "of them.' I am [[Gypsy Traveller]] and proud of it.",
    "Occupational therapy. Every assessment I write gets rechecked by {PERSON:<INI>}. Nobody "
    "else's. I have 11 years' experience.",
    "'{PERSON:<W>}, that is racist,' I said. She said 'it's a joke'. It was in the {ORG:<TEAM> "
    "team} office, {DATE:<DAY>}.",
    # --- paramedics ---
    "Crew of two out of {ORG:Kinlet Road station}, {DATE:<DAY>} nights. My crewmate {PERSON:<G>} was called a "
    "slur by a patient; control told us to 'just get on with it'. Call sign doesn't matter. My "
    "collar number is {STAFF_ID:<BADGE>}.",
    "[[paramedic]]. when i arrived at the house {PERSON:<G> <F>} from the GP practice said on the "
    "phone 'oh good, a proper one' after the [[<KEEP>]] tech had been there first.",
    "At the {ORG:<TEAM> station} the mess room whiteboard had 'ALLAHU AKBAR' written next to my "
    "name on the rota. I'm not even Muslim. {PERSON:<WUP>} thought it was hilarious.",
    "ECA on the {ORG:<ABBR>} patch. Supervisor {PERSON:<G> <L>} keeps telling me to 'calm down' "
    "when I'm speaking normally. I'm the only Black woman on the station.",
    "Our ambulance {VEHICLE:<CAR>} was parked outside the [[Catholic]] church and someone keyed "
    "'go home' into it. Management shrugged.",
    "Handover at {ORG:<SITE>}: the nurse in charge, {PERSON:<W> <F>}, wouldn't take the "
    "handover from me and waited for my white student. [[sepsis]] patient, NEWS 9. Time matters.",
    # --- pharmacists ---
    "Pharmacist. A GP rang the dispensary on {PHONE:<PH>}, asked my name and then said 'put me "
    "through to the other one'. I am the only [[pharmacist]] on site.",
    "{ORG:Severnbank Pharmacy}: the owner calls me 'the Mumbai one' (I'm from Kerala and [[Malayali]]). GPhC "
    "{REG_NUMBER:<GPHC>}, so you know I'm real. I'd rather not give more.",
    "pharmacy tech. {PERSON:<g>} hides the [[warfarin]] charts so I look slow in front of the "
    "{ORG:<WARD> ward} nurses. i think its because i wear a hijab",
    "Clinical pharmacist on {ORG:<WARD> ward}. In my intervention log someone wrote '{PERSON:<LEET>} "
    "strikes again lol'. That is my name in numbers. Screenshots available.",
    # --- social workers, AMHP ---
    "Social worker, adults team. A carer's daughter at a review said she wanted 'someone "
    "British'. My manager {PERSON:<G> <F>} reallocated the case the same afternoon. I found out "
    "on the system.",
    "As an AMHP I am used to hostility. What I am not used to is my own team lead, "
    "{PERSON:<W> <F>}, asking in front of the police whether I 'understand the Mental Health "
    "Act, in English'.",
    "children's services. {PERSON:<INI>} and {PERSON:<INI2>} took the [[Roma]] family off my list "
    "'because you'll side with them'. I'm not even Roma, I'm [[Tamil]].",
    "Case note (mine, anonymised): I was told by a colleague at {ORG:<SITE>} that my "
    "[[social worker]] registration 'must have been bought'. I have a master's degree.",
    "Our team's group e-mail went to {EMAIL:<EMAIL>} and a colleague replied all with a joke "
    "about my surname. It's {PERSON:<F>}. The joke was about bombs.",
    # --- domiciliary carers texting ---
    "hi its me agn frm the care agency {PERSON:<w>} sed i smell of curry in front of mrs "
    "clients daughter i wnt back 2 the car n cried",
    "on call mngr {PERSON:<g>} wont pick up 4 me only 4 the english girls i rang 6 times "
    "{DATE:<DAY>} nite",
    "dom care 12 calls a day no break n {PERSON:<w> <L>} txts me 'hurry up monkey' i hav the txt "
    "still",
    "u can txt me {PHONE:<OPH>} i dnt want 2 use my name tbh",
    "client ok its the coordinator {PERSON:<G>} she gives me all the far calls cos i dnt drive n "
    "says 'ur lot walk everywhere anyway'",
    "the [[carer]] cover is a joke and {PERSON:<w>} laughs at my accent on the rota call evry "
    "monday",
    "shes nice to my face then on the wa group calls me the [[<KEEP>]] 1",
    "rota from {ORG:<SITE>} hav put me on 7 til 10 wiv no travel time agn n {PERSON:<WUP>} says "
    "take it or leave it",
    "ring me {PHONE:<WPH>} after 8 plz im on doubles til then",
    "[[Bless you]] for reading this lol nobody else does",
    # --- learning-disability nurses and support workers ---
    "[[LD]] nurse. A visiting [[psychiatrist]] asked me whether 'people like you' could manage "
    "behaviour that challenges. The resident is [[autistic]] and so am I. The psychiatrist was {PERSON:Dr <F>}.",
    "Supported living, {ORG:Longmynd House}. The manager {PERSON:<G>} told a tenant's mum 'don't worry, "
    "the [[<KEEP>]] staff are only on the day shift'. I was standing next to her.",
    "I teach [[Makaton]] to the team and {PERSON:<W>} mocks it by signing rude words at me. I "
    "am [[Deaf]] in one ear. It is not funny.",
    "Service user's [[Down's syndrome]] review: the CLDT psychologist said to me after, 'you "
    "people are so good with them, it's in your culture'. I'm Irish. It is not in my culture. "
    "{DATE:<DM>}.",
    "support worker at {ORG:<ABBR>}. {PERSON:<G> <F>} sed i was 'too gay to do personal care for "
    "the lads'. i am [[gay]] and i have done it for 6 years no complaints",
    "Learning disability ward, {ORG:<WARD> unit}. Staff room conversation about 'Eastern "
    "Europeans taking the jobs'. Three of us in the room are [[Polish]]. {PERSON:<W>} said it.",
    # --- agency staff ---
    "Agency RGN, first shift at {ORG:<SITE>}. I asked for the door code and {PERSON:<G>} said "
    "'we don't give it to agency, you people nick things'. I had to wait outside in the rain.",
    "agency. id badge {STAFF_ID:<IDX>}. every ward at {ORG:<ABBR>} gives me the side rooms with "
    "[[C. diff]] and says 'you're used to it'",
    "I'm an agency HCA. The permanent staff on {ORG:<WARD> ward} speak about me in front of me as "
    "'she' and 'the agency'. Today {PERSON:<W>} said, 'Does she even know what [[obs]] are?'",
    "Booked through the agency for {DATE:<DAY>} and {DATE:<DAY2>}. Both shifts the nurse in "
    "charge, {PERSON:<UPT> <FUP>}, called me '{PERSON:Maria}' because 'you all look the same'.",
    "Locum [[registrar]]. A consultant at {ORG:<SITE>} told the patient I was 'just visiting from "
    "Lagos'. I trained in Leeds.",
    # --- chat logs and pasted messages ---
    "Pasting our team chat as it was:\n[07:41] {PERSON:<G>}: who's on "
    "with the foreigner today\n[07:42] {PERSON:<W>}: me unfortunately 🙄\n[07:42] "
    "{PERSON:<G2>}: lol good luck understanding her\nI am the 'foreigner'. I was in the group.",
    "Text I got from {PERSON:<W>} (pasted): 'dont bother coming to the xmas do its not really "
    "your thing is it, with your religion'. I'm [[<KEEP>]]. I like Christmas.",
    "WhatsApp from the deputy: \"{PERSON:<G> <L>}, can you tell your friend to stop wearing that "
    "thing on her head on shift\". The friend is me.",
    "[09:02] me: can I have my break?\n[09:15] me: hello?\n[09:40] {PERSON:<W>}: when the "
    "English staff have had theirs\n[09:41] {PERSON:<W>}: joke!!",
    "the message said, word for word, 'Tell {PERSON:<PART>} to use a normal name on the badge'. "
    "Sent to the {ORG:<TEAM> team} group by {PERSON:<G> <F>}.",
    "Voice note from my senior, I typed it up: 'right {PERSON:<w>} listen, you can't be praying "
    "in the sluice, people find it weird, yeah?' I was not praying, I was crying.",
    # --- bullet points ---
    "What happened:\n- {DATE:<DAY>}: {PERSON:<INI>} called me 'the refugee'\n- {DATE:<DAY2>}: "
    "same again, in handover\n- nothing done when I told my manager",
    "Points for the steering group:\n• agency staff of colour get the heaviest bays\n• "
    "[[<KEEP>]] staff are asked to translate for any patient 'foreign'\n• no one is thanked\n"
    "• {ORG:<ABBR>} knows",
    "* name: not giving it\n* ward: {ORG:<WARD> ward}\n* who: {PERSON:<TITLE> <F>}\n* what: "
    "said my hijab is 'unprofessional' in front of the patient",
    "1. I was told I 'smell'. 2. I was told to 'go back to Romania'. 3. I was told I would be "
    "'next to go'. All by {PERSON:<G> <F>}, all in [[May]]. (I'm [[Romanian]].)",
    # --- initials and first name with initial ---
    "{PERSON:<INI>} again. That's it. That's the report.",
    "Two letters on the rota, {PERSON:<INI>}. Everyone knows who.",
    "It was {PERSON:<G> <L>.}, the one with the lanyard full of badges.",
    "{PERSON:<G> <L>} and {PERSON:<INI>} do it together.",
    # --- word names in all positions, and words that are also names ---
    "{PERSON:<W>} said I was 'lucky to be here'.",
    "'Thanks for nothing, {PERSON:<W>},' I said, and walked off.",
    "I am writing about {PERSON:<W>}, who runs the night shift like a private club.",
    "my senior {PERSON:<w>}, who is lovely to patients, calls me 'slave' when no one's listening",
    "Her BP [[rose]] and I called the doctor. {PERSON:<W>} said I 'panicked like they all do'.",
    "[[Will]] anyone actually read this? I've reported {PERSON:<G> <F>} three times.",
    "Since [[May]] I've been the only [[<KEEP>]] nurse on nights. {PERSON:<W>} makes sure I know it.",
    "She took the criticism with [[grace]], which is more than {PERSON:<W>} deserved.",
    "I keep the [[faith]], I keep my head down, and {PERSON:<W2>} keeps calling me 'Aunty Ebola'.",
    "'{PERSON:<W>}!' the sister shouted, 'stop bullying the student!' Thank goodness for her.",
    "[[Summer]] rota out and the [[<KEEP>]] staff have all the bank holidays again.",
    "I'll be [[frank]]: the culture on {ORG:<WARD> ward} is rotten. Ask anyone who isn't white.",
    "Patient sneezed, I said '[[Bless you]]', and {PERSON:<W>} said 'they bless everything, "
    "that lot'.",
    "NO [[HOPE]] OF ANYTHING CHANGING WHILE {PERSON:<WUP>} IS IN CHARGE.",
    "got a [[Star]] of the Month nomination, then {PERSON:<w>} told the panel i 'only got it "
    "because im [[<KEEP>]]'",
    "We [[will]] lose good staff over this. {PERSON:<W>}, {PERSON:<W2>} and {PERSON:<INI>} are "
    "the problem, and everyone knows.",
    "no [[joy]] from HR. {PERSON:<w>} still on the ward. still calling me 'the help'.",
    "The [[Amber]] alert went off on the monitor and {PERSON:<G>} said to let 'the African' deal "
    "with it. That's me.",
    "You're an [[angel]], the patient said. {PERSON:<W>} said 'don't encourage her'.",
    "{PERSON:<WUP> <FUP>} NEEDS TO BE STOPPED",
    "Not naming anyone. Just: it's every shift.",
    "{PERSON:<w>} again",
    "[[Dawn]] on a night shift is the best bit, nobody around to say anything.",
    # --- leetspeak ---
    "In the ward banter chat they write my name as {PERSON:<LEET>} so the filter doesn't catch it "
    "and then make monkey emojis.",
    "'{PERSON:<LEET>} the refugee' is what's scrawled on my locker. Estates painted over it after "
    "a week.",
    # --- particles and family-name-first ---
    "My colleague {PERSON:<PART>} was told the surname was 'made up'. It is a real name from home.",
    "A patient refused care from {PERSON:<EA>}, saying 'I don't want the virus girl'. The nurse in "
    "charge ({PERSON:<W>}) moved her.",
    "{PERSON:<EA>} (family name first, that's how she writes it) gets called by her family name as "
    "if it were her first name, on purpose, by {PERSON:<TITLE> <F>}.",
    "The podiatrist {PERSON:<PART>} was asked at reception if that was 'a real name'.",
    "Student nurse {PERSON:<EA>} was told to pick an English name 'for the patients'. I'm her "
    "practice assessor and I said no.",
    # --- honorifics and names in capitals ---
    "{PERSON:<UPT> <FUP>} SAID I WAS 'AGGRESSIVE' FOR ASKING A QUESTION. I AM 5 FOOT 1.",
    "complaint about {PERSON:<UPT> <F>}: called my [[hijab]] 'a tea towel' in theatre",
    "THE CONSULTANT ({PERSON:<UPT> <FUP>}) ONLY TALKS TO THE WHITE REGISTRAR ON THE ROUND.",
    # --- extensions, badge and staff numbers, prefixed IDs ---
    "If you need to speak to me, ext {PHONE:<EXT>}, mornings only. The person is {PERSON:<W> <F>}.",
    "badge no. {STAFF_ID:<BADGE>}. that is mine. please tell me what happens.",
    "My ESR number is {STAFF_ID:<IDX>}; somebody changed my annual leave after I complained about "
    "{PERSON:<G>}.",
    "Staff no {STAFF_ID:<BADGE>}, porter, {ORG:<ABBR>}. Told to use the back lift 'so visitors "
    "aren't scared'.",
    "ring the office x{PHONE:<EXT>} ask for me not for {PERSON:<W>}",
    # --- dates ---
    "{DATE:<DAY>} and {DATE:<DM>}. Both times {PERSON:<INI>}.",
    "It started on {DATE:<FULL>} and it hasn't stopped.",
    "I'm [[<KEEP>]], born {DATE:<DOB>}, and a colleague said I'm 'too old and too foreign' for "
    "the band 6.",
    "{DATE:<DAY>}: called 'Boko' by {PERSON:<G>} in the tea room. I'm [[Yoruba]], from Ibadan.",
    # --- local providers and abbreviations, team/ward/unit/station ---
    "Moved from {ORG:<ABBR>} to the {ORG:<TEAM> team} to get away from it. {PERSON:<W>} "
    "followed me on the bank.",
    "{ORG:<WARD> ward} is the worst. {ORG:<ABBR>} as a whole is no better.",
    "The {ORG:<TEAM> unit} staff call our night team 'the United Nations'.",
    "At {ORG:Wrekinford General Hospital} ({ORG:WGH}) they put 'foreign' after my name on the allocation sheet.",
    "Work at the {ORG:<TEAM> station}. Nobody there has said anything wrong to me. The trouble "
    "is with control.",
    # --- handles after a platform word ---
    "Someone's posting photos of me praying on <PLATFORM> {HANDLE:<HANDLE>}, with laughing "
    "faces. I think it's {PERSON:<W>}.",
    "{PERSON:<G>} shared my picture on <PLATFORM> as {HANDLE:<HANDLE>} captioned 'our new "
    "[[<KEEP>]] import'.",
    "add me on <PLATFORM> {HANDLE:<HANDLE>} for screenshots",
    # --- phone numbers in words and odd separators ---
    "Number is {PHONE:<WPH>}. Please text, do not call, {PERSON:<W>} checks my phone at work.",
    "My mobile is {PHONE:<OPH>}, my desk is {PHONE:<PH>}.",
    "call {PHONE:<OPH>} if u need more",
    # --- NHS numbers, postcodes, NI, glued, e-mails, IBAN, IP ---
    "The resident (NHS {NHS_NUMBER:<NHS>}) calls me the n-word daily and the manager says it's "
    "'the [[dementia]]'.",
    "Her NHS number, {NHS_NUMBER:<WNHS>}, so you can see she's the one on the care plan.",
    "Payslip posted to {LOCATION:<STREET>}, {POSTCODE:<PC>}, opened, with 'go home' written on it. "
    "NI {NI_NUMBER:<NI>}.",
    "postcode {POSTCODE:<SPC>} so u know which patch. {PERSON:<g>} is the coordinator",
    "The rostering system shows {OTHER_ID:<G>07700900771} made the change. That's her login.",
    "The comment was posted from {OTHER_ID:<IP>} on the staff intranet, IT confirmed it was a "
    "ward PC on {ORG:<WARD> ward}.",
    "My overtime was paid into the wrong account ({OTHER_ID:<IBAN>}) twice and {PERSON:<G> "
    "<F>} in payroll said 'your names are all the same'.",
    "email me at {EMAIL:<SEMAIL>} not the work one, {PERSON:<W>} reads it",
    "e-mail: {EMAIL:<EMAIL>}. I'll answer questions, but do not pass it on.",
    "Patient ID {OTHER_ID:<G>9997315508} on the bed board, and the family shouting at me about "
    "my [[<KEEP>]] accent.",
    # --- no personal information; clinical terms and identity words kept ---
    "[[Hartmann's]] procedure, [[PEG]] feed, [[DNACPR]] discussion, all done on my own because "
    "the others were on break. Nobody said anything unkind today.",
    "I am [[bisexual]] and [[Buddhist]] and I should not have to hide either at work.",
    "[[Huntington's]] patient, very distressed, and the only one who sat with him was the "
    "[[<KEEP>]] HCA everyone mocks.",
    "The [[ward manager]] and [[team leader]] know. The [[Matron]] knows. Nothing.",
    "[[NEWS2]] of 7, I escalated, and was told I was 'overreacting, typical'.",
    "Been a [[social worker]] 20 years. Never felt less welcome than this year.",
    "Grey hair, [[Eritrean]], band 3. Apparently that means I'm the one who cleans up sick.",
    "[[insulin]] error blamed on me on the handover sheet. It wasn't my patient. I'm [[<KEEP>]]; "
    "make of that what you like.",
    # --- mixed, medium ---
    "Bank HCA at {ORG:<SITE>} and {ORG:<ABBR>}. {PERSON:<G>} at the first and {PERSON:<W>} at the "
    "second both do the same thing: 'where are you really from?' Shropshire. I'm from Shropshire.",
    "My name is not hard. {PERSON:<G>}. Three people on {ORG:<WARD> ward} still call me '{PERSON:G}'.",
    "{PERSON:<TITLE> <F>} told the [[Filipina]] nurses to 'stop chattering in Tagalog' at the "
    "station. They were speaking English.",
    "Nakakapagod na. Every shift {PERSON:<W>} says 'ang bagal mo' to me in bad Tagalog to make "
    "the others laugh. She learnt it to mock us.",
    "Dzień dobry. Mój kierownik {PERSON:<G> <F>} nazwał mnie 'Polaczek'. In front of the team, "
    "{DATE:<DAY>}.",
    "Bom dia. A enfermeira {PERSON:<W>} disse que os [[Portuguese]] são preguiçosos. I "
    "understood every word, she didn't know that.",
    "Our [[Nigerian]] HCA was told by {PERSON:<G> <F>} to 'take off that Nollywood accent'. She "
    "lodged a grievance, ref {STAFF_ID:<IDX>}.",
    "Chai break, {ORG:<TEAM> team} office. {PERSON:<w> <L>} holding her nose when I opened my "
    "lunch. Every day.",
    "I'm [[Tamil]]. {PERSON:<W>} thinks it's funny to ask if I'm 'Tamil Tiger'. Every new "
    "starter hears it from her first.",
    "[[Pakistani]] and [[Muslim]] and a nurse for 15 years. {PERSON:<G>} still asks me to check "
    "with a 'proper nurse'.",
    "Three Ghanaian nurses on {ORG:<WARD> ward}, and {PERSON:<INI>} calls us all '{PERSON:Kojo}', even "
    "the women. I'm {PERSON:<G>}.",
    "{PERSON:Mr <F>} (patient's relative) shouted that 'a [[Jewish]] nurse shouldn't be on a "
    "Christian ward'. The nurse in charge ({PERSON:<W> <L>}) did nothing.",
    # --- long: a formal grievance letter ---
    "To: Head of People\nFrom: a band 6 [[occupational therapist]], {ORG:<TEAM> team}\n\n"
    "Re: formal grievance\n\nI am writing to raise a formal grievance about the conduct of my "
    "line manager, {PERSON:<TITLE> <F>}, over the period from {DATE:<FULL>} to the present. "
    "I set out the incidents below as fully as I can, and I have kept a diary.\n\n1. On "
    "{DATE:<DAY>}, in the weekly allocation meeting, my manager allocated all the complex "
    "discharges on {ORG:<WARD> ward} to me and said, in front of six colleagues, that 'people "
    "from your background are used to hard work'. I asked what she meant. She said it was a "
    "compliment. It did not feel like one, and two colleagues, {PERSON:<G>} and {PERSON:<INI>}, "
    "told me afterwards that they were embarrassed.\n\n2. On {DATE:<DM>} I asked for a day of "
    "annual leave for a religious festival. I was told that leave for 'your festivals' would be "
    "considered 'after everyone else's Christmas requests'. I am [[<KEEP>]]. Other staff's "
    "religious leave is not treated this way.\n\n3. My supervision notes record that my "
    "'communication needs development'. No example has ever been given. I have an IELTS score of "
    "8.5 and a master's degree from a UK university. When I asked for examples in supervision, "
    "my manager said I was 'being defensive, which is a cultural thing'.\n\n4. A colleague from "
    "{ORG:<SITE>}, {PERSON:<W> <L>}, forwarded me an e-mail my manager had sent her in which I am "
    "called 'the import'. I attach it.\n\nI have tried to resolve this informally, through my "
    "professional lead and through the Freedom to Speak Up Guardian. I would like an independent "
    "investigator and a change of line manager while it is looked at. I can be contacted on "
    "{PHONE:<PH>} or at {EMAIL:<EMAIL>}. I am a member of a union and would like my "
    "representative present at any meeting.\n\nYours sincerely,\n{PERSON:<G2> <F2>}",
    # --- long: a domiciliary carer's run-on ---
    "ok so im writing this on my phone in the car between calls so sorry for spelling. i work for "
    "an agency that does home care round {ORG:<TEAM> team} patch and my "
    "coordinator is {PERSON:<w>} and from day one she has had it in for me. first she put me on "
    "all the calls with no travel time so i was always late and then the clients complained and "
    "she said 'well thats what happens when you hire from abroad' to the office girls i know "
    "cos {PERSON:<g>} told me. then on {DATE:<DAY>} i had a client {PERSON:mr <F>} who is lovely "
    "actually and his son came in and said he doesnt want 'a foreigner' washing his dad and i "
    "rang the office on {PHONE:<PH>} and {PERSON:<w>} picked up and laughed and said 'just do "
    "the meds and go then' so the client didnt get his wash. thats not right for him either. i "
    "am [[<KEEP>]] and ive been in this country 9 yrs i pay my tax my NI is {NI_NUMBER:<NI>} i "
    "dont know why im telling u that. anyway the worst was last week the whole team were on the "
    "group chat and she put a picture of a monkey in a uniform and wrote 'guess who' and "
    "everyone did laughing faces except {PERSON:<G>} who messaged me private to say sorry. i "
    "didnt say anything cos i need the hours. if u want to talk my number is {PHONE:<WPH>} but "
    "text first because i dont answer unknown numbers when im with clients",
    # --- long: a chat log export ---
    "Chat export, {ORG:<ABBR>} nights group, pasted as it is:\n[22:01] {PERSON:<G>}: evening "
    "all, who's in charge\n[22:03] {PERSON:<W>}: me. {PERSON:<G2>} you're on bay 4 with the "
    "agency\n[22:03] {PERSON:<G2>}: which agency\n[22:04] {PERSON:<W>}: the one who doesn't "
    "speak English lol\n[22:04] {PERSON:<G>}: 😂\n[22:10] {PERSON:<G2>}: she's fine actually, "
    "she's worked here loads\n[22:11] {PERSON:<W>}: if you say so. I'll do her obs myself\n"
    "[23:40] {PERSON:<W>}: has anyone seen the [[cannula]] trolley\n[23:41] {PERSON:<G>}: "
    "ask the agency, she probably took it home\n[23:41] {PERSON:<W>}: 🐒\n\nI am the agency "
    "nurse. I was added to the group by mistake on {DATE:<DAY>} and saw all of this. I have "
    "kept the screenshots. My agency number is {STAFF_ID:<IDX>}.",
    # --- long: a social worker's case diary ---
    "Diary, kept on advice of my union rep.\n\nMonday. Team meeting. Our senior, {PERSON:<G> "
    "<F>}, asked who would take the new referral from {ORG:<SITE>}. Before I could speak she "
    "said, 'not you, the family are Polish and they'll think you're one of them'. I am "
    "[[Polish]]. I speak the language. That is a reason to send me, not to keep me away.\n\n"
    "Tuesday. {PERSON:<W>} from the duty desk told me a caller had asked for 'a social worker "
    "who speaks proper English' and that she had put them through to {PERSON:<G2>} 'to be on the "
    "safe side'. I checked the call log: the caller had asked for nothing of the kind.\n\n"
    "Wednesday. Supervision. I raised Monday and Tuesday. I was told I was 'very sensitive' and "
    "that 'in this country we have banter'. I have lived in this country for 17 years.\n\n"
    "Thursday. Home visit to {LOCATION:<STREET>}, {POSTCODE:<PC>} with a student. Afterwards the "
    "student said my senior had warned her I was 'a bit intense, you know what they're like'. "
    "The student apologised for telling me. She did the right thing.\n\nFriday. I went to see "
    "the [[team manager]] about all of it. She listened. She said she [[will]] speak to my senior "
    "informally. I asked for it to be formal. She said she would 'think about it'.\n\n"
    "Weekend. Couldn't sleep. Wrote this.",
    # --- long: a learning-disability nurse's reflective account ---
    "Reflective account for revalidation, which I am also sending here because it's the truest "
    "thing I've written this year. I am a learning disability nurse of 12 years at "
    "{ORG:Longmynd House Supported Living}, and I am [[Nigerian]] and [[Igbo]]. In March a resident with complex needs "
    "and [[epilepsy]] had a long seizure; I gave [[buccal midazolam]] per his plan and called "
    "999. The paramedics were excellent. The trouble came after. The deputy manager, "
    "{PERSON:<W> <F>}, wrote in the incident form that I had 'panicked' and 'not followed "
    "protocol', and she told the family on the phone that 'the African nurse' had been on. "
    "I followed the protocol to the minute. I had to ask three times to see the form. When I "
    "did, {PERSON:<INI>} had added a comment: 'language barrier?'. I have no language barrier; "
    "English is my first language. I have since learnt that two of my colleagues, both "
    "[[<KEEP>]], have had similar comments on their forms. What I take from this for my "
    "practice is that I must write my own account at once and keep a copy, and that I must "
    "support newer colleagues to do the same. What I take from it as a person is harder to "
    "write. My NMC pin is {REG_NUMBER:<PIN>}, if the reviewer needs it.",
    # --- more short and medium, various voices ---
    "Radiographer's helper. The consultant radiologist refers to me as 'the Romanian' in the "
    "reporting room. I have a name: {PERSON:<G>}.",
    "Podiatry clinic at {ORG:<SITE>}. A patient asked whether I'd 'washed my hands, in your "
    "culture'. {PERSON:<W>} on reception laughed.",
    "Pharmacy counter. {PERSON:<G> <F>} (the area manager) told me to take my turban off for the "
    "photos. He didn't ask the Christian girl to take her cross off.",
    "Night sister: '{PERSON:<W>}, help the agency, please.' {PERSON:<W>}: 'Why, she can't "
    "understand me anyway.'",
    "I am [[non-binary]] and {PERSON:<G>} refuses to use my name, calls me 'it' in the staff "
    "room.",
    "The [[disabled]] parking bay is next to the door. I use a stick. {PERSON:<W> <L>} parks "
    "there and tells me to 'walk it off'.",
    "Only [[dyslexic]] nurse on the team and {PERSON:<TITLE> <F>} reads my notes out loud in "
    "handover to show the spelling.",
    "A patient's wife called me 'Paki' on {ORG:<WARD> ward} on {DATE:<DAY>}. I'm Bangladeshi. "
    "Not that it matters.",
    "Every time {PERSON:<G>} comes on shift she asks 'any [[<KEEP>]] staff on today?' and laughs.",
    "[[Catholic]], and a colleague put a crucifix upside down in my locker. {PERSON:<INI>} "
    "thinks I don't know it was them.",
    "FaceTime with my family on my break and {PERSON:<w>} said 'tell them to stay there'.",
    "Ward round at {ORG:<ABBR>}, {DATE:<DM>}: {PERSON:<UPT> <F>} asked whether my degree was "
    "'from a real country'.",
    "Theatre. {PERSON:<G> <F>} hands me the wrong gloves on purpose, says 'they're your "
    "colour'.",
    "hr said 'put it in writing' so here it is. {PERSON:<W>} called me a 'boat person' on "
    "{DATE:<DAY>}. I'm [[<KEEP>]]. I came on a plane, on a work visa, to do this job.",
    "I rang {PHONE:<PH>} (the ward) to say I was sick and {PERSON:<G>} told the others I was "
    "'probably at the mosque'.",
    "agency nurse badge {STAFF_ID:<BADGE>} told by {PERSON:<w>} 2 use the staff toilet upstairs "
    "not the one 4 'proper staff'",
    "{PERSON:<PART>} and I are the only Welsh speakers and {PERSON:<W>} tells us off for "
    "speaking it on our break.",
    "The patient's notes say 'requested no [[<KEEP>]] staff'. The ward agreed. I'm writing "
    "because that should never have been agreed.",
    "She wrote on the board: DO NOT LET {PERSON:<GUP>} DO THE DRUGS ROUND. No reason given.",
    "My manager ({PERSON:<G> <F>}, {ORG:<ABBR>}) asked if my husband 'lets me' work nights.",
    "Support worker, {ORG:<SITE>}, {DATE:<DAY>}: the new manager told me my braids were "
    "'unhygienic'. White staff have long hair tied back same as me.",
    "'You're very articulate for a—' and {PERSON:<W>} stopped herself. I know how it ended.",
    "[[Ghanaian]] HCA here. Patient asked {PERSON:<G>} if I was 'safe to touch'. {PERSON:<G>} "
    "said 'probably'.",
    "On the {ORG:<TEAM> team} handover sheet my name is written '{PERSON:Gonzo}'. It is not my "
    "name.",
    # --- rarer forms written out once each ---
    "NI number {NI_NUMBER:QQ/52/19/73/A}, payroll have it wrong again and {PERSON:<W>} says I "
    "should 'go back and get a proper one'.",
    "i live {POSTCODE:S Y 1 5  6 D E} way n the coordinator {PERSON:<g> <L>} wont give me calls "
    "near home",
    "resident's NHS {NHS_NUMBER:999  204  7731}, other resident {NHS_NUMBER:999.618.0247}, both "
    "told the family they 'don't want the [[<KEEP>]] one'.",
    "my personal email is {EMAIL:tintu dot edathil at gmail dot com} if you need proof",
    "text {PHONE:O77OO 9OO 2O4} not my work phone, {PERSON:<TITLE> <F>} has access to that one",
    "{PERSON:<G> <L>} on {DATE:Sat 20/9}, {PERSON:<G2> <L>} on {DATE:Tues 30/9}. Same words.",
    "{PERSON:Mòrag Nic a' Ghobhainn}, {PERSON:Tegwen ferch Iestyn} and {PERSON:Cadfael ap Gwalchmai} "
    "had their names cut to '{PERSON:Mo}', '{PERSON:Teg}' and '{PERSON:Caddy}' on the whiteboard by "
    "{PERSON:<W>}. None of them agreed.",
    # --- long: a paramedic's free-text incident report ---
    "Incident report, free text (ambulance service), written by the attending paramedic.\n\n"
    "Summary: a pattern of racially loaded comments from a hospital site towards ambulance crews "
    "of colour, culminating in an incident at handover on {DATE:<DAY>} at approximately 03:20.\n\n"
    "Background. I have been a [[paramedic]] for nine years, the last four at {ORG:Kinlet Road Ambulance Station}. I am "
    "[[<KEEP>]]. My crewmate that night was an ECA, {PERSON:<G> <F>}, who is [[Ghanaian]]. We "
    "conveyed an elderly patient with suspected [[sepsis]] and new [[atrial fibrillation]] to "
    "the emergency department at {ORG:<ABBR>}. Pre-alert was given. On arrival there was a wait "
    "of some forty minutes in the corridor, which is, sadly, routine and not the subject of this "
    "report.\n\nThe incident. When a cubicle became free, the nurse taking handover, whom I "
    "know as {PERSON:<W>}, looked at my crewmate and said to a colleague, loudly enough for the "
    "patient and his daughter to hear, 'can we get one of the English crews to do the "
    "handover, I can't follow these two'. I gave the handover myself in full, using the "
    "standard structure; it was clear and it was acknowledged by the doctor, "
    "{PERSON:<TITLE> <F2>}, who thanked me. The nurse then asked my crewmate whether she had "
    "'washed her hands properly' before touching the trolley, which she had not asked me. My "
    "crewmate did not respond. Afterwards, in the ambulance, she told me this was the third "
    "time at that department this month, and that on {DATE:<DM>} a different nurse had asked "
    "her for 'proof she was qualified'. She has been qualified longer than I have.\n\n"
    "Impact. My crewmate was upset for the rest of the shift and has since asked not to be "
    "rostered for conveyances to that hospital, which is not practical on our patch and "
    "should not be necessary. I have found myself dreading handovers there. Patients hear "
    "these things: the patient's daughter apologised to us on the nurse's behalf.\n\n"
    "Actions taken. I informed the clinical team leader on shift, {PERSON:<INI>}, by phone at "
    "04:05, and the hospital's site manager on extension {PHONE:<EXT>}. I was told it would be "
    "'passed on'. I have heard nothing since. I am writing here as well as on the internal "
    "system because I do not believe the internal route will reach anyone who can change it, "
    "and because the steering group asked for examples.\n\nWhat I would like. An "
    "acknowledgement to my crewmate. A conversation between our service and the hospital about "
    "how crews are spoken to at handover. Training that is not a tick-box e-learning module. "
    "And for someone to notice that it is always the same crews being asked whether they are "
    "qualified.\n\nI am happy to be contacted by the steering group through my union "
    "representative rather than directly. My collar number is {STAFF_ID:<BADGE>} if the "
    "service needs to match this to the job.",
]


def person_words(item: dict) -> set[str]:
    """Every word of every PERSON span, in lower case."""
    return {w for s in item["pii"] if s["type"] == "PERSON"
            for w in item["text"][s["start"]:s["end"]].lower().split()}


def filled(template: str) -> dict:
    """The template filled until no must-keep word is also a word of a name in it."""
    while True:
        item = corpus.parse_piece(corpus.fill_piece(template, R, POOLS, TITLES, INITIALS))
        names = person_words(item)
        if not any(w in names for k in item["keep"] for w in k["text"].lower().split()):
            return item


def main() -> None:
    order = list(range(len(NARRATIVES)))
    R.shuffle(order)
    items = []
    for i in order:
        items.append({"id": f"r14-{len(items) + 1:04d}", **filled(NARRATIVES[i])})
    corpus.write(OUT, items)


if __name__ == "__main__":
    main()
