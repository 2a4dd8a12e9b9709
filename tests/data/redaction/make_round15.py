"""Writes `round15.jsonl`: a fifteenth labelled corpus, held out, written for issue 16 to give an
honest figure for the redactor, without reading or running the redactor while writing it,
committed, then measured once by the lead. Never read by a trainer
(`train_redactor_ner.NOT_YET_MEASURED`; `train_name_model.TRAIN` does not list it).

Written in another hand from rounds 7-14: students (nursing, medical, paramedic, a college
apprentice) and volunteers; porters, estates, catering, cleaners, receptionists, bank staff;
community midwives, dental nurses, mental-health wards, prison healthcare, care-home night
shifts; writers whose first language is not English (word order, missing articles, other
capitalisation habits); speech-to-text dictation (numbers and dates in words, no punctuation,
homophones, "full stop" spoken); reports pasted from WhatsApp, Teams and Slack with timestamps and
@mentions; forms filled with "N/A"; long rambling narratives and one-liners. Staff with
Bangladeshi, Zimbabwean (given names that are words: Memory, Loveness, Precious, Gift), Sri
Lankan, Lithuanian, Bulgarian, Nepali, Kenyan, Jamaican, Hong Kong, Ukrainian, Iranian, Sudanese,
Malay, Irish, Scottish and Welsh names. An invented Lincolnshire and Humber setting whose
hospitals, practices, prison, care homes, wards, teams and streets are made up.

Like round 14 every one of the NARRATIVES is its own template, filled once (in a shuffled order),
from a few words to about 3,000 characters; most hold one to three identifiers, some none.
Kinds: initials and a given name with an initial; given names that are words in every position
(first in a sentence, spoken to, quoted, before a comma, lower case in texting and dictation,
capitals); leetspeak; particles (ap, Nic a', Mac an t-, Ní, binti, bin, dos) and family-name-first
order; honorifics and names in capitals; extensions and badge numbers; IDs with a prefix and a
hyphen; short dates with a weekday and day/month alone; full dates, dates in words, dates of
birth and years of birth; local providers and their abbreviations (two-letter and ampersand
forms) with team/ward/unit/station; handles after a platform word and @handles; phone numbers in
words and with odd separators; NHS numbers oddly written; spaced postcodes; NI numbers with
slashes; letters glued to digits, IBANs and IP addresses (`OTHER_ID`); spelled e-mails.
Must-keep spans: identity words, roles, clinical terms (eponyms, medicines, organisms), ordinary
words that are also given names ("since May", "will", "her sats rose", "grace", "hope", "Bless
you", "frank", "dawn" as daybreak, "memory", "comfort", "wisdom teeth"), and place-like words that
are no place ("Yorkshire pudding", "Bakewell tart", "Brussels sprouts"). Same markup as
`make_round4.py` (`corpus.fill_piece`, `corpus.parse_piece`). Every value is invented (NHS numbers
in the 999 test range, Ofcom drama phone numbers, QQ NI numbers, documentation IP ranges); no
name, place, handle or number is in an earlier corpus here except given names that are words and
initials."""
from __future__ import annotations

import random
from pathlib import Path

import corpus  # the shared machinery (fill_piece, parse_piece, write), beside this file

OUT = Path(__file__).with_name("round15.jsonl")
R = random.Random(16_15)

POOLS = {
    "G": ["Rumana", "Shahidul", "Tahmina", "Munyaradzi", "Kudakwashe", "Tatenda", "Kajan", "Rūta", "Radoslav",
          "Bikash", "Nyokabi", "Otieno", "Marcia", "Behrouz", "Awadia", "Elfatih", "Fearghal",
          "Aoibheann", "Nadeem", "Thembekile", "Kieran", "Stacey-Jo"],
    "F": ["Mutasa", "Chikowore", "Vaitkevičiūtė", "Petkova", "Limbu-Rai", "Kamau", "Ebanks",
          "Kalantari", "Elamin", "Ó Ceallacháin", "Uddin", "Fotherby", "Scarth", "Ingoldmells-Rae"],
    "F2": ["Mwangi", "Begum-Lowther", "Kavaliauskas"],  # a second surname
    "f": ["kamau", "uddin", "petkova", "scarth", "ebanks"],  # surnames in lower case
    "L": ["J", "R", "S", "V", "P"],
    "W": ["Memory", "Loveness", "Marvel", "Wisdom", "Comfort", "Mercy", "Precious", "Gift", "Lucky",
          "Cliff", "Dale", "Glen", "Sandy", "Brook", "Heather", "Olive", "Iris", "Rose", "Summer",
          "Will", "May", "Pat", "Faith", "Grace", "Hope", "Joy", "Dawn", "Robin", "Frank", "Justice"],
    "KEEP": ["Bangladeshi", "Zimbabwean", "Lithuanian", "Bulgarian", "Nepali", "Kenyan", "Jamaican",
             "Black", "Muslim", "Sikh", "Hindu", "lesbian", "trans", "Sudanese", "Kurdish",
             "Ukrainian", "Chinese", "Iranian", "mixed race", "Traveller", "Jewish", "gay", "deaf",
             "partially sighted"],
}

TITLES = ["Dr", "Mr", "Mrs", "Ms", "Sister", "Staff Nurse"]
INITIALS = ["HV", "QT", "PJ", "NW", "AY", "DF"]

NARRATIVES = [
    # --- students: nursing, medical, paramedic, a college apprentice ---
    "Second year [[student nurse]] on placement at {ORG:Witherholme Royal Infirmary}. My practice "
    "assessor {PERSON:Kerry-Ann Pocklington} signs off the white students' skills in one go and "
    "makes me do mine three times. I'm [[<KEEP>]].",
    "student nurse here, first placement. {PERSON:<w>} the hca told a patient 'dont worry shes "
    "only a student and she's foreign' i was stood right there",
    "Medical student, fourth year. On the ward round {PERSON:Dr Aldous Fenwright} asked me where I "
    "was 'really' from three times until I said Dhaka. My parents are from Sylhet; I was born in "
    "Grimsby. He then called me '{PERSON:Dhaka}' for the rest of the week.",
    "[[paramedic]] student (uni, year 2). My mentor on the {ORG:Haxmoor station} rota, "
    "{PERSON:<W> Stainthorpe}, keeps asking if my hijab is 'a fire risk'. It isn't.",
    "I'm a college apprentice in estates (electrical). {PERSON:Brandon} and {PERSON:Kurtis "
    "Hollingbrook} call me 'the Polish lad' but I'm [[Lithuanian]]. My name is {PERSON:Žydrūnas}, "
    "they say it is too hard.",
    "{PERSON:<W>}, you said I should 'go back to nursing school in my own country'. I trained "
    "here. {DATE:Tues 29/4}, sluice room.",
    "Nursing associate apprentice, {ORG:Orbymere unit}. On my progress review the educator "
    "wrote I have 'cultural communication issues'. The only example given was I said 'yes "
    "please' instead of 'yeah'.",
    "Student midwife. A consultant said to {PERSON:Tharshini Sivakumaran} and me: 'you two can "
    "share a name badge, nobody can tell you apart'. We are not related. She is [[Tamil]], I am "
    "[[Bangladeshi]].",
    "med student, the reg on {ORG:Kelstow ward} calls me {PERSON:Bollywood} and the other one "
    "{PERSON:Curry} lol its not lol",
    "As a paramedic student on placement at {ORG:WRI} ED I was told by a band 6 'you're here to "
    "fill the diversity quota'. {PERSON:<INI>} heard.",
    # --- volunteers ---
    "I volunteer on the hospital radio and the meet and greet desk at {ORG:Fenmoor Community "
    "Hospital}. A visitor refused to let me direct him because I'm in a [[wheelchair]]. The "
    "volunteer coordinator {PERSON:Mrs Ottoline Braithwaite} told me to 'stay out of the way on "
    "busy days'.",
    "chaplaincy [[volunteer]]. i am [[Sikh]]. a nurse asked me to take off my turban 'for "
    "infection control' when i visit. nobody asks the vicar to take off his collar",
    "Volunteer driver. On {DATE:Fri 13/6} a patient's son said I should not drive his mother "
    "because 'you people can't drive'. Coordinator said to let it go. I've driven forty years.",
    "Breastfeeding peer supporter (volunteer) with the {ORG:Eastmarsh community midwifery team}. "
    "A midwife, {PERSON:<TITLE> Haddlesey}, said to a mum 'she's not a real professional, just a "
    "volunteer from the mosque'. I met that mum at the children's centre.",
    "I have [[Down syndrome]] and volunteer in the café. {PERSON:Glenda} from catering says I "
    "'slow the queue down' where customers can hear.",
    # --- porters, estates, catering, cleaners ---
    "porter. {PERSON:<W>} asked me over the radio 'is that the darkie on 4 or the other one'. "
    "whole lift heard it",
    "Portering supervisor {PERSON:Mick Ostlethwaite} gives me every bariatric job and every "
    "mortuary run. I counted: 19 of 23 last month. I'm the only [[Black]] porter on days.",
    "Estates. {PERSON:Barrington Ebanks} (me) has worked at {ORG:Witherholme Royal} for 22 years. "
    "New manager calls me '{PERSON:Rasta}' in front of contractors. My badge is {STAFF_ID:38814}.",
    "The plumber from {ORG:Saltcote Estates Ltd} refused to take instructions from me because I "
    "'wouldn't understand the pipes'. I am the building services engineer.",
    "Kitchen at {ORG:Frestham Lodge Care Home}. Chef said my [[Bakewell tart]] was 'too exotic' "
    "because I put cardamom in it, then told the residents '{PERSON:Lakshmi}'s cooking smells again'. "
    "I'm {PERSON:Lakshmi}.",
    "Catering assistant. The supervisor ({PERSON:Carol-Ann Dimmock}) said the [[Yorkshire "
    "puddings]] were 'too important to leave to the foreigners' and took me off Sunday roasts.",
    "I am cleaner in the hospital since 2019. The supervisor {PERSON:Stoyanka} is also Bulgarian "
    "like me but she tell others I am 'stupid village woman'. Now they all say it.",
    "domestic on {ORG:Wrangthorpe ward}. nurses leave the commodes for me and say 'thats your job "
    "auntie'. im not there auntie",
    "Housekeeping. {PERSON:<G2>} from the linen room hides the good trolley from me and the "
    "other [[Muslim]] girls so we push the broken one.",
    "The cleaning contractor's area manager, {PERSON:MR CUDWORTH}, said in the team brief "
    "'speak English on my floors or don't come in'. We speak English to patients always.",
    "Catering. Christmas menu meeting: I suggested [[Brussels sprouts]] with chilli and "
    "{PERSON:<W>} said 'not everything has to be Indian, {PERSON:Rumana}'. I am not Indian.",
    "Estates helpdesk: a ward sister rang {PHONE:01632 960 582} and asked 'is there anyone there "
    "who speaks proper English'. I answered in proper English. The call was logged.",
    "I'm a porter and a [[Jehovah's Witness]]. {PERSON:Kyle} and {PERSON:Jonno} knock on the "
    "rest room door and shout 'Watchtower!' when I'm on break.",
    # --- receptionists, bank staff ---
    "GP receptionist at {ORG:Caistorby Medical Centre}. A patient said 'I want to speak to the "
    "English girl' and {PERSON:<W>} on the next desk just took over. Every time.",
    "Reception, {ORG:Audlesby Surgery}. Practice manager {PERSON:Jacinta Threlkeld} moved me "
    "off the front desk 'because of the accent' the week the CQC came.",
    "I'm a receptionist and I'm [[deaf]] in one ear. The others turn my side of the phone "
    "volume down as a joke. {PERSON:Tanya} started it.",
    "Outpatients reception. A consultant, {PERSON:Mr Lionel Garside-Pell}, handed his list to my "
    "colleague not me, saying 'I'll give it to someone who'll read it'. I have a degree in "
    "English literature.",
    "Bank HCA. Every shift I'm sent to the side rooms with the [[C. diff]] patients. {PERSON:Nyasha "
    "Chikowore} and I are always the ones. The permanent staff never go.",
    "bank staff no {STAFF_ID:BNK-604219}. i did 6 shifts on {ORG:Brinkhall ward} and {PERSON:<g> "
    "<f>} put in a complaint that i 'dont understand instructions'. nobody spoke to me",
    "Bank nurse. The ward clerk on {ORG:Audlesby ward} wouldn't give me the computer login, said "
    "'agency and bank don't get one', but {PERSON:Bláthnaid}, white and also bank, got one the "
    "same night.",
    "I'm on the staff bank. {PERSON:<W>} (nurse in charge) introduced me to a patient as "
    "'just the bank one, she'll do the washes'. I'm a band 5 RN.",
    # --- community midwives ---
    "Community midwife, {ORG:Eastmarsh team}. At a booking appointment the father said he "
    "didn't want a [[Muslim]] midwife touching his wife. My team leader {PERSON:Hope Ravensworth} "
    "said she'd 'swap me out quietly'. That's what she always does.",
    "Home birth on {DATE:Sun 29/6}. The second midwife, {PERSON:Henrietta Scarrow}, introduced "
    "herself to the family and introduced me as 'the student'. I have been qualified 12 years.",
    "I'm a midwife and [[Kenyan]]. At the postnatal clinic {PERSON:<TITLE> Dowbiggin} asked me to "
    "'tone down' my voice because it 'frightens the mums'.",
    "midwife. the [[Syntocinon]] was running and {PERSON:<w>} walked in and said to the woman "
    "'do you want me to check what she's doing'. in front of the woman. in labour.",
    "Community midwifery office, {ORG:Marshlands Children's Centre}: a visiting obstetrician, "
    "{PERSON:DR PRENDERGHAST}, asked if I had done my training 'in a hut'. I trained in "
    "Nairobi and in Leeds.",
    "At the antenatal clinic I said the baby's [[Apgar]] at the last birth was fine and the mum "
    "said 'I'll ask a real midwife'. {PERSON:Marigold} (HCA) laughed.",
    # --- dental nurses ---
    "Dental nurse at {ORG:Sallowfield Dental Practice}. The dentist, {PERSON:Mr Rupert "
    "Haythornthwaite}, calls me 'the refugee' when I hand him instruments. I came on a nursing "
    "visa. My GDC number is {REG_NUMBER:287719}.",
    "Dental nurse. A patient having her [[wisdom teeth]] out asked if I was 'clean' because I'm "
    "[[<KEEP>]]. The dentist said nothing.",
    "community dental service. {PERSON:<W>} told the school nurse i 'wouldnt be able to manage "
    "the children' because of my stammer. i have a [[stammer]]. i manage fine",
    "Orthodontic practice {ORG:S&A Orthodontics}: the practice owner said my hijab was 'not "
    "the brand image'. I'm a qualified dental nurse, reg {REG_NUMBER:311046}.",
    # --- mental-health wards ---
    "Mental health HCA on {ORG:Saltcote ward} (acute, female). During a restraint a colleague, "
    "{PERSON:Lyndon Bulmer}, said 'let the big Black one hold her, they're stronger'. I'm 5 foot 2.",
    "I work nights on a PICU. The nurse in charge, {PERSON:<W> <L>}, never lets me hold the keys. "
    "The white HCAs on their first week get them.",
    "Staff nurse, {ORG:Frestham Unit} (older adult mental health). A patient with [[dementia]] "
    "said something racist, that's the illness and I understand. What I don't understand is "
    "{PERSON:Gail} repeating it at handover 'for a laugh'.",
    "[[clozapine]] clinic. The psychiatrist, {PERSON:Dr Okonkwo-Reade}, in front of the patient: "
    "'she'll take your bloods, she's from a country with lots of practice'. I'm from Derby.",
    "On {ORG:Haxmoor CMHT} a care coordinator was told by the team manager that she is 'too "
    "emotional, like all [[Caribbean]] women'. I am that care coordinator.",
    "MH support worker. I'm [[trans]]. {PERSON:<G>}, the ward manager, keeps using my old name "
    "on the rota and says he 'forgets'. He doesn't forget anyone else's.",
    "Section 136 suite, {DATE:Thurs 17/7}. A police officer said to my colleague {PERSON:Taras "
    "Hnatiuk} 'you Ukrainians should be grateful'. {PERSON:Taras} is a band 6 nurse.",
    "on the rehab ward there is a man (patient) who calls me a terrorist. fine hes unwell. but "
    "{PERSON:<g>} the OT says 'well you do look a bit like one' and laughs",
    # --- prison healthcare ---
    "Prison healthcare, {ORG:HMP Ravensholt}. An officer, {PERSON:Officer Skipsey}, says 'the "
    "Nigerian nurse' on the radio instead of my name. I'm from Zimbabwe and my name is on my "
    "badge.",
    "I'm a nurse at {ORG:HMP Ravensholt} healthcare. {PERSON:<W>} on the wing locks me out of the "
    "office and says it's 'for my safety'. Only me.",
    "Pharmacy tech in the prison. When I did the [[Buvidal]] round a prisoner called me a slur "
    "and an officer, {PERSON:Mr Thwaite}, said 'he's not wrong'. Key number {STAFF_ID:K-5187}.",
    "Healthcare manager (prison). My deputy ({PERSON:<G> <F>}) won't let the [[Muslim]] nurse do "
    "[[naloxone]] training during Ramadan 'in case she faints'. Nobody asked her.",
    "Mental health in-reach, {ORG:HMP Ravensholt}. Governor's meeting on {DATE:22nd May}: a "
    "manager said our team is 'the United Nations' and asked 'which of you is the interpreter'.",
    # --- care-home night shifts ---
    "Night shift, {ORG:Haverlea Lodge}. The senior carer {PERSON:Joanne Blakey} sleeps on the "
    "sofa and wakes me at 4 to do her checks too. She calls me '{PERSON:Manila}' because I'm "
    "[[Filipino]]. My name is {PERSON:Rosalinda}.",
    "night carer. {PERSON:<w>} from days leaves a note 'dont let the nepali girl do the meds' "
    "every night. i am {PERSON:Sabina Gurung}, i am senior carer, i have meds training",
    "Care home nights. At [[dawn]] I found the resident's [[Waterlow]] chart filled in by someone "
    "else with my initials. {PERSON:DF} told the manager I 'forget things'. I don't.",
    "Nights at {ORG:Kestrelgarth Nursing Home}. Manager {PERSON:Mrs Pamela Goodlad} turns the "
    "heating off in the staff room and says 'you lot are used to hardship'. Only said on nights "
    "when it's us.",
    "I work nights in a care home. The day staff call us 'the night Africans' in the handover "
    "book. {PERSON:<W>} wrote it first.",
    # --- writers whose first language is not English ---
    "Is happening again on the ward. {PERSON:Sister Eleanor Fothergill} is saying to me in "
    "front of patients 'speak slowly, nobody understand you'. Patients understand me very "
    "good, only she is not.",
    "I am nurse from Nepal, working in {ORG:Fenmoor} since two years. The manager {PERSON:Mr. "
    "Clayburn} every time give me the heavy patients and he say 'you are small but strong, "
    "like the Gurkha'.",
    "in my country we say the Teacher is like a parent. here my Mentor {PERSON:<W>} is telling "
    "to other students that I am 'slow because of the Culture'. I am not slow.",
    "Yesterday {PERSON:Wiesława} she say me, in the Staff room, 'you Bulgarian people all are "
    "thiefs'. I am not Bulgarian even, I am [[Lithuanian]]. But also this is not ok for Bulgarians.",
    "Please I want to report. Colleague {PERSON:ANDILE} and me we are from South Africa, ward "
    "sister call us 'the Zulus' and she is doing the dance. Date was {DATE:Monday 16 of June}.",
    "Sorry for my english. The Charge nurse {PERSON:Murdo Mac an t-Srònaich} he is good man, "
    "he defend me when patient family shout 'go home'. But the family they complain about "
    "HIM after. Please protect him also.",
    "I am [[Iranian]], I am Pharmacist. When I give advise on the [[lorazepam]] dose the doctor "
    "{PERSON:Dr Wexcombe} answer not to me but to the student beside, like I am not there.",
    "For three months Manager {PERSON:Nurul Aisyah binti Rahman} and me ({PERSON:Ahmad bin "
    "Zulkifli}) not get the training day, other staff they get. She ask why, they say 'budget'. "
    "Only for Malaysian is budget?",
    "My english is not perfect but my nursing is. {PERSON:<W>} correct my notes with red pen "
    "and show to everybody. Also she write on it 'Google Translate??'",
    "In the Ward {ORG:Kelstow} there is Doctor who call all Asian nurse '{PERSON:Mary}'. I am "
    "{PERSON:Tsang Hoi-ying}, my colleague is {PERSON:Leung Chun-kit}. We are not {PERSON:Mary}.",
    "The patient was calling me 'Chinky' and the nurse was laughing, she is {PERSON:Gong "
    "Yoon-seul} is also Asian, Korean, but she laugh. I feel very alone that day ({DATE:17.06}).",
    "I come from Sudan, I am doctor here FY2. The Consultant {PERSON:Mr Benedict Ashworth-Lunn} "
    "is saying in the theatre 'careful, she might have a bomb in the scrubs'. Everybody laugh.",
    "Work in Kitchen. Supervisor she not give me the break because 'you people dont eat in "
    "Ramadan anyway'. But I need rest not only eat. Her name {PERSON:Brenda Tuplin}.",
    # --- speech-to-text dictation ---
    "report for the steering group full stop on the {DATE:fourteenth of march} the nurse in "
    "charge {PERSON:grace ellerby} said to me that i should not be in charge because i am "
    "[[<KEEP>]] full stop she said it in front of the student full stop",
    "this is a voice note sorry for mistakes my manager {PERSON:frank} said i was to emotional "
    "for band six and then he said women like me are to sensitive new paragraph it was in his "
    "office on {DATE:monday the second of june}",
    "dictated. i am a porter on the night shift comma and {PERSON:will tennant} on the "
    "switchboard keeps putting me through as the foreigner comma his words not mine full stop",
    "hi this is {PERSON:memory} talking to my phone because my hands are full the nurse on "
    "{ORG:brinkhall ward} told the family I am not a nurse only a carer I am a nurse I have my pin "
    "its {REG_NUMBER:one five alpha zero three one two echo}",
    "voice to text so sorry. ring me on {PHONE:oh seven seven double oh nine double oh three "
    "four one} after five. the supervisor {PERSON:dale} keeps calling me paki in the van",
    "okay recording the date was {DATE:the twenty ninth of april} and the time was about "
    "three the person was {PERSON:sister joy markwick} and she said my hair looks like a "
    "brillo pad in front of the whole bay full stop end of note",
    "new line the HCA {PERSON:precious} and me were told by the agency that the home "
    "{ORG:haverlea lodge} does not want Black staff on the weekend full stop they said it on "
    "the phone full stop",
    "i am dictating this in the car park the patients [[sats rose]] and fell all night and "
    "when i went to take his obs {PERSON:mister garbutt} called me a monkey and the nurse "
    "just laughed",
    "speech to text. I was born {DATE:nineteen eighty six} so I'm not a child but {PERSON:pat} "
    "keeps calling me young lady and good girl in front of the consultants full stop nobody "
    "else gets it",
    "note to self and to the portal the night co-ordinator on {DATE:tuesday the eighth} said I "
    "should be grateful for the job she is called {PERSON:robin spurr} extension {PHONE:four "
    "four seven two}",
    "my NHS number is {NHS_NUMBER:nine nine nine four two six oh eight one three} because they "
    "wanted to know if I was a patient when I reported it at occupational health and then "
    "{PERSON:heather} said I was making a fuss",
    "dictating in the sluice sorry. {PERSON:mercy} and me heard the reg say our accents give "
    "him a headache full stop happened twice this week full stop",
    # --- pasted chats: WhatsApp, Teams, Slack ---
    "Copied from the ward WhatsApp:\n[21:14] {PERSON:Kacey Drewery}: who's on with the "
    "African tonight lol\n[21:15] {PERSON:Jace Sowerby}: 🙈 the loud one?\n[21:15] "
    "{PERSON:Kacey Drewery}: yeah {PERSON:<W>}\n[21:16] {PERSON:Jace Sowerby}: bring "
    "earplugs\nI am the loud one. I was added to the group by mistake.",
    "{DATE:03/05/2025}, 22:41 - {PERSON:Munyaradzi Mutasa}: can someone swap my sat\n{DATE:03/05/"
    "2025}, 22:43 - {PERSON:Gaz Holtby}: not with u mate 😂 ur lot never turn up\n{DATE:03/05/"
    "2025}, 22:44 - {PERSON:Munyaradzi Mutasa}: what do u mean my lot\n(no answer. this is the unit "
    "group chat, 40 people in it.)",
    "Teams chat, {ORG:N&H} Estates channel:\n@{PERSON:Ross Whitlam} can you get "
    "someone who speaks English to fix the boiler in block C\n@{PERSON:Ross Whitlam} not "
    "{PERSON:Bogusław} again\nI am {PERSON:Bogusław}. I fixed it.",
    "From our Slack (#nights-rota):\n{HANDLE:@fenside.kez}: can we not put two of the hijabis on "
    "together, looks bad for the inspection\n{HANDLE:@j.ollerenshaw}: 👍\nnobody else said a "
    "thing.",
    "whatsapp, 2 screenshots, typed out:\n07:02 {PERSON:Sandra} (days): the bank girl left the "
    "sluice a state again. typical\n07:04 {PERSON:Sandra} (days): dunno her name, the [[<KEEP>]] "
    "one\nit wasn't me, I was on the other corridor with {PERSON:Comfort}",
    "[Teams, 09:12] {PERSON:Dr Ingrid Fairholme}: I'd rather the consult wasn't done by "
    "the Ghana one. [09:13] {PERSON:Dr Ingrid Fairholme}: no offence to her. [09:20] "
    "(me) none taken apparently.",
    "our group chat {ORG:Frestham} nights 🌙\n{PERSON:lucky}: who put the rota up\n{PERSON:sharon "
    "b}: me why\n{PERSON:lucky}: y am i on every sat again\n{PERSON:sharon b}: cos u dont go "
    "church on sat do u 😂\nI'm [[Seventh-day Adventist]]. I do.",
    "Slack DM from {HANDLE:@dsimpkins_estates} on {DATE:Weds 2nd July}: 'mate r u allowed to "
    "work near the chapel being a [[Muslim]] and that'. I reported it to my team leader "
    "{PERSON:<G>}.",
    "WhatsApp from my line manager, pasted exactly: 'Hi hun, can you not wear the headscarf "
    "for the awards photo, it's a bit much. {PERSON:Lorraine} x'",
    "[14:02] {PERSON:Oksana}: hello can I have the training date please\n[14:30] {PERSON:Oksana}: "
    "hello?\n[16:55] {PERSON:Mr K Brumby}: ask someone who speaks Russian\nI speak Ukrainian and "
    "English. He knows.",
    # --- forms, N/A filled in ---
    "Name: N/A\nRole: [[porter]]\nWard/department: {ORG:Witherholme Royal} portering\nDate: "
    "{DATE:Sat 5/7}\nWho was involved: {PERSON:<G> <F>}\nWhat happened: called me 'boy' in front "
    "of the relatives, I am 54\nWitnesses: N/A",
    "Staff group: Admin & clerical\nSite: {ORG:FCH}\nPerson(s) involved: N/A\nDescription: the "
    "clinic list had 'needs interpreter' against every patient with a foreign name, including "
    "two who are staff.\nFollow up wanted: N/A",
    "Q1 Where: {ORG:Orbymere}\nQ2 When: last {DATE:Tues 10/6}\nQ3 Who: N/A (rather not say)\n"
    "Q4 What: the nurse in charge said '[[Travellers]] steal' about a patient's family in "
    "handover. I am a Traveller.\nQ5 Contact: N/A",
    "Role: Dental nurse | Practice: N/A | Date: {DATE:30/05} | What happened: a patient said "
    "my [[hijab]] was 'unhygienic' and the dentist agreed | Contact number: N/A",
    "NAME OF PERSON: {PERSON:DR OSWIN PEACEGOOD}\nDEPARTMENT: N/A\nINCIDENT: SAID MY ENGLISH "
    "WAS 'LIKE A CHILD'\nDATE: {DATE:12/06/25}\nI WROTE THIS IN CAPITALS BECAUSE I AM ANGRY.",
    "Section A (you): N/A\nSection B (them): ward sister, {ORG:Wrangthorpe ward}\nSection C: "
    "the sister told a [[lesbian]] HCA that she shouldn't do personal care for women 'in case'."
    "\nSection D: N/A",
    "incident type: verbal / comment\nlocation: N/A\ndate: N/A\nperson: {PERSON:<W>}\ndetails: "
    "she asked if my [[Jewish]] husband 'controls the money'. at the christmas party. "
    "\noutcome wanted: n/a",
    "Reporter: N/A. Reported about: no name, a [[health visitor]]. Where: {ORG:Eastmarsh "
    "Family Hub}. What: asked a dad whether his 'other wives' would be helping. He has one "
    "wife. I was the student with her.",
    # --- one-liners ---
    "{PERSON:<W>} called me 'coconut' again.",
    "{PERSON:Sister Ottaway} won't learn my name.",
    "{PERSON:AY} said I'm 'too dark for the photos'.",
    "it was {PERSON:pj} who said it",
    "{PERSON:MAY}, STOP CALLING ME 'GIRL'.",
    "Told by {PERSON:Ruth K} my accent is 'a safeguarding risk'.",
    "Rota again. Always me on Christmas. Always the [[Hindu]] ones.",
    "'[[Bless]],' said the manager about {PERSON:Gift Moyo}, 'she tries.'",
    "The consultant said [[Parkinson's]] patients 'prefer British nurses'.",
    "{PERSON:Wisdom}, your jokes about my hijab are not jokes.",
    "Nothing to add. It happens every shift.",
    "I'm [[gay]] and {PERSON:<G> <F>} keeps asking 'which one is the man'.",
    "{PERSON:Justice Makoni} and I were called 'the twins'. We are not alike.",
    "'{PERSON:Glen}, that's racist.' He laughed and said it again.",
    "Ward {ORG:Haxmoor 3} again. Same nurse. Same word.",
    "{PERSON:heather} said my food stinks, {DATE:Wed 11/6}",
    "I will not be called '{PERSON:Osama}' at work.",
    "Same as last time. {PERSON:NW}.",
    "My name is {PERSON:Anwara}. Not '{PERSON:Anna}'. Please.",
    "no one on {ORG:K&W} nights speaks to me unless they need the keys",
    "Honestly [[hope]] this goes somewhere.",
    "{PERSON:Cliff} from estates: 'no women on ladders'.",
    "Porters' lodge, {DATE:Sat 28/6}: 'go back to your jungle'.",
    "{PERSON:Loveness} is always 'the cleaner' to them. She's an RMN.",
    "Caught on CCTV: {PERSON:<G2> <F>} spitting in my tea.",
    # --- the rarer forms, each written out once ---
    "My NI number ({NI_NUMBER:QQ/73/40/16/C}) was typed wrong by payroll twice and {PERSON:Mrs "
    "Hinchcliffe} said 'maybe use an English name next time'.",
    "ni no {NI_NUMBER:qq 58 29 07 b} - hr asked for my visa again even tho im british born",
    "Call me on {PHONE:07700/900/416} not the ward phone, {PERSON:Kerrigan} listens in.",
    "mob {PHONE:O77OO 9OO 735} (work phone, the personal one is off)",
    "Contact {PHONE:0116 496 0852} ext {PHONE:2739} and ask for the night manager, she will "
    "confirm what {PERSON:Skelton} said.",
    "Please ring {PHONE:+44 (0) 7700 900 951} — it is the only number I trust. The coordinator "
    "{PERSON:<W>} has blocked me on the other.",
    "phone {PHONE:07700•900•593}, text only. {PERSON:<w>} has the landline.",
    "number: {PHONE:zero seven seven zero zero, nine zero zero, one six three}. please don't tell "
    "{PERSON:<INI>}.",
    "Badge no. {STAFF_ID:55021}. Pharmacy porter. {PERSON:<G> <F>} calls me '{PERSON:Gunga Din}'.",
    "My payroll number is {STAFF_ID:ESR-4472093} and the deputy ({PERSON:<TITLE> Wrigglesworth}) "
    "looked me up and told the team what I earn 'for someone like me'.",
    "Staff ID {STAFF_ID:LHT-20871}. I'm in occupational health for stress after {PERSON:<W> "
    "Cawkwell} shouted about my headscarf on {ORG:Audlesby ward}.",
    "Patient NHS {NHS_NUMBER:999  447  1023} (the lady in bay 2) said she'd pray for my soul "
    "because I'm [[<KEEP>]]; the nurse in charge said I 'asked for it'.",
    "resident's number {NHS_NUMBER:999.830.2614}: her daughter asks for 'a white carer' every "
    "visit and {ORG:Kestrelgarth} agrees.",
    "NHS no. {NHS_NUMBER:999 - 362 - 8107} - the patient asked {PERSON:<W>} to 'get me someone "
    "British' and she did, straight away.",
    "I live near {POSTCODE:D N 3 6  9 X J} and the manager {PERSON:<g> <L>} won't give me the "
    "local clinics, only the far ones.",
    "Postcode {POSTCODE:l n 1 1 7 q p}, the agency says the homes round there 'don't want "
    "us'.",
    "My address is {LOCATION:7 Pelham Garth, Audlesby} {POSTCODE:DN37 4GU}, a colleague posted "
    "it on Facebook with 'the asylum seekers live here'.",
    "email me at {EMAIL:nyasha dot chikowore at nhs dot net} not the work one.",
    "my personal e-mail {EMAIL:r.begum @ hotmail . co . uk} (please don't share with "
    "{ORG:Caistorby})",
    "You can reach me at {EMAIL:tharshini.s_14@nhs.net} if you need more.",
    "The comment was posted from {OTHER_ID:198.51.100.174} on the intranet, IT said it was the "
    "{ORG:Kelstow ward} PC.",
    "The duty rota login {OTHER_ID:Memory07700900648} was used to change my shifts. That's my "
    "name and my number, someone knows my password.",
    "On the bed board it says {OTHER_ID:Rumana9998213455} next to the bed, which is my name and "
    "the patient's number glued together. {PERSON:<W>} wrote it.",
    "Expenses went to the wrong account {OTHER_ID:GB72 NWBK 6016 1331 9268 19} (not mine) "
    "and finance said I 'should have filled it in properly'.",
    "My car ({VEHICLE:YK71 HXE}) was keyed 'PAKI' in the staff car park at {ORG:Fenmoor}.",
    "Snap me on {HANDLE:kez_w1th_a_z} if you want the voice note, {PERSON:Kerry-Louise} "
    "posted it there first.",
    "A student made a tiktok {HANDLE:nursey.dreamz} mocking my accent. Username is the "
    "same on insta.",
    "He messaged me on insta as {HANDLE:dwayne.portr}: 'send pics or ill tell them ur "
    "illegal'.",
    "The incident was on {DATE:21st of June 2025} at the {ORG:WRI} main entrance.",
    "DOB {DATE:14/11/1988}, so no I am not 'a kid' as {PERSON:Dr Pennock} keeps saying.",
    "Badge {STAFF_ID:4186}, extension {PHONE:5518}. {PERSON:<W>} knows both and still calls "
    "me 'the new one'.",
    "GMC {REG_NUMBER:7330518}. The college tutor {PERSON:Prof Hilary Welbourn} asked if I "
    "'bought it'.",
    "NMC pin {REG_NUMBER:21C0745P}. The agency rang the ward to ask if I was 'really "
    "qualified'.",
    # --- given names that are words, and the same words as words ---
    "Since [[May]] I have been the only [[<KEEP>]] nurse on nights. {PERSON:Lowenna Thorley}, the "
    "ward manager, says that's 'just how the rota fell'.",
    "{PERSON:Will} says I'll never be a sister here 'with that accent'. Watch me.",
    "Her BP [[rose]] when the son started shouting at me. {PERSON:Ivy} (the nurse in charge) "
    "told him I was 'new to the country'. I've been here eleven years.",
    "I took it with [[grace]], as my mother taught me. {PERSON:Tabitha Swaby} did not take it "
    "well when I reported her, she told everyone.",
    "To be [[frank]], nobody on this ward stands up for the international nurses. Not once.",
    "We started at [[dawn]] and by eight {PERSON:JOY} had already called me 'the foreign one' "
    "twice.",
    "A patient sneezed, I said '[[Bless you]]', and {PERSON:<W>} said 'she's blessing people "
    "now, call the imam'.",
    "I have [[faith]] the steering group will read this. {PERSON:Blessing Adegbite} told me not "
    "to bother.",
    "'{PERSON:Summer}, you can't say that,' I said. She'd called the patient's family 'gyppos'.",
    "His [[memory]] is poor ([[Alzheimer's]]) so I don't blame him. I blame {PERSON:Loveness "
    "Dube}'s supervisor who laughed and repeated it.",
    "For [[comfort]] I sat with the dying man's wife. {PERSON:Marvel} (the HCA) was told off by "
    "{PERSON:<G> <F>} for 'praying over patients'. She was holding a hand.",
    "The lady needed her [[wisdom teeth]] out and said she'd wait for 'a dentist who isn't "
    "from Pakistan'. {PERSON:SANDY}, the nurse, heard it all.",
    "There is no [[mercy]] in that handover room. {PERSON:Olive Achieng} cried in the loo.",
    "Like a [[gift]], the manager said, 'we let you in'. As if it's her country to give.",
    "{PERSON:Iris} gave me a [[pat on the back]] and said 'good girl, your English is coming on'. "
    "I'm a nurse of 20 years.",
    "[[Hope]] is running out. {PERSON:BROOK}, IF YOU READ THIS, IT WAS YOU.",
    "A major incident was declared, all hands, and still {PERSON:Precious} was sent to make the "
    "tea. [[Justice]] would be nice.",
    "We were [[lucky]] the patient was OK. {PERSON:Godknows Sibanda} was not so lucky: the family "
    "spat at him and the ward said 'don't involve security'.",
    "{PERSON:Robin}, not the bird, the senior, asked me if we 'have Christmas in Africa'.",
    "The dale was lovely in the snow, that's what I remember of that drive. And {PERSON:Dale} "
    "saying 'you'll want the heating up, being from hot places'.",
    "Walking on the [[heather]] on my day off is the only time I don't think about it. "
    "{PERSON:Ivy Gosling}, the deputy, said my 'attitude' is the problem.",
    # --- particles, family-name-first order, leetspeak, capitals ---
    "{PERSON:Idwal ap Rhydderch} (band 6, theatres) and I were told by {PERSON:<TITLE> Stopford} "
    "to 'stop the Welsh' in the recovery bay. We were talking to a Welsh patient.",
    "{PERSON:Caitríona Ní Fhlaithbheartaigh} has been called '{PERSON:Katie}' on every rota for a year. "
    "She has asked {PERSON:Mr Lambkin} to stop four times.",
    "The registrar, {PERSON:Seonag Nic a' Chlèirich}, was told by a patient's husband that he "
    "wanted 'a proper doctor, a man'. The consultant agreed to go in instead.",
    "{PERSON:Luzia dos Santos Ribeiro} (HCA) was told her name is 'too long for the "
    "board' so she's '{PERSON:Lu}'. She isn't.",
    "{PERSON:Morikawa Tsubaki} is our dental therapist. The practice manager writes her name as "
    "'{PERSON:Tsubaki Morikawa}' and then calls her '{PERSON:Mori}' like a joke.",
    "Physio {PERSON:Ng Wai-kit} and I ({PERSON:Lưu Quốc Thịnh}) were asked by {PERSON:Ms "
    "Pickersgill} if we were 'related, you look the same'. He is from Hong Kong, I am from "
    "Vietnam.",
    "On the staff Facebook someone wrote '{PERSON:G0ln4r} thinks shes better than us' "
    "(spelled like that so the filter doesn't catch it). I'm {PERSON:Golnar Kalantari}.",
    "a porter kept messaging me '{PERSON:Muny4r4dz1} go home' from a fake account, spelled with numbers. "
    "i know its {PERSON:<g>} because of the spelling of everything else.",
    "The graffiti in the lift at {ORG:WRI} says '{PERSON:D3LR0Y} = ap3'. I'm the only "
    "{PERSON:Delroy} there.",
    "THE WARD MANAGER {PERSON:MRS FENTIMAN} SAID I SMELL. IN FRONT OF STUDENTS. I AM DONE.",
    "I'M SO ANGRY. {PERSON:KERRY-ANN} TOLD THE PATIENT I WAS 'ONLY A CLEANER FROM AFRICA' "
    "WHEN I AM HIS NURSE. {PERSON:DR HALLAM} JUST STOOD THERE.",
    "{PERSON:MR OYELAKIN-BRIGGS}, the consultant, said 'your lot' to me in clinic. Then he "
    "asked me to translate for a patient in Urdu. I'm [[Kurdish]].",
    # --- clinical words and place-like words that are not names or places ---
    "I was scrubbed for a [[Whipple's]] and the anaesthetist, {PERSON:Dr Sturdy}, said 'mind "
    "she doesn't pray into the wound'.",
    "Swabs came back [[Klebsiella]] and {PERSON:<W>} said it was 'the foreign nurses bringing "
    "it in'. The patient had been in ITU for six weeks.",
    "Patient with [[Guillain-Barré]] asked for 'an English physio'. The ward gave him "
    "{PERSON:Lowenna}. I'd already done the assessment.",
    "We had an outbreak of [[Pseudomonas]] on {ORG:Brinkhall} and a consultant asked me, only me, "
    "if I 'wash properly at home'.",
    "The patient with [[Tourette's]] said things, that's his condition. The charge nurse, "
    "{PERSON:Abdi}, made it worse by saying 'he's only saying what we all think'.",
    "{PERSON:Dr Zornitsa Petkova} did the [[Glasgow Coma Scale]] and the nurse redid it straight "
    "after, in front of the family.",
    "At the staff bake-off I made a [[Victoria sponge]] and {PERSON:Norma} said 'that's "
    "surprisingly British of you'.",
    "Canteen, pie day. I served a [[Cornish pasty]] to a consultant and he said 'make sure "
    "she's washed her hands'. {PERSON:Gwion}, my supervisor, said 'ignore it'.",
    "The [[Eccles cakes]] went missing from the staff room and {PERSON:<G> <F>} said 'ask the "
    "Romanian'. I'm the Romanian. I don't even like them.",
    "Patient transferred from {ORG:FH} to {ORG:WRI} ED at night, I escorted. The ED nurse said "
    "to the porter 'does she even speak English' about me, not the patient.",
    "nights at {ORG:HL} again. {PERSON:<w>} has put me on the top floor alone for 5 weeks, the "
    "[[Nepali]] girls always top floor",
    "Estates apprentice (plumbing, 2nd year). My supervisor {PERSON:Mr Spavin} asked in front of "
    "the lads whether I 'pray to the boiler'. I'm [[Hindu]]. Everyone laughed, I laughed too, "
    "which I regret.",
    # --- no identifiers at all ---
    "A relative asked the [[porter]] if the [[Black]] nurse was 'allowed' to give injections. The "
    "nurse heard. Nobody said anything.",
    "Every Eid I am put on the rota. Every Christmas I am put on the rota. Make it make sense.",
    "I am a [[dental nurse]]. Patients ask where I am from before they ask my name.",
    "The [[receptionist]] was told by a patient that she'd 'be better off back home'. She was "
    "born three streets away.",
    "It is not one big thing. It is the small things, every day. Being spoken to slowly. Being "
    "checked. Being the last to know.",
    "A student [[paramedic]] told me she stopped wearing her [[hijab]] on placement because of "
    "comments. She is 19.",
    "nights on a care home, no one ever asks the night staff, we r all [[Filipino]] and "
    "[[Zimbabwean]] n we r invisible",
    "The new form is good. Please make sure someone reads it.",
    "In the prison they call the healthcare staff 'the foreign legion'. Officers and prisoners "
    "both.",
    "Our [[Makaton]] group is run by a [[deaf]] volunteer and staff talk over her.",
    # --- long, rambling ---
    "I have started this three times so I'm just going to write it all down and you can take "
    "what you need. I'm a healthcare assistant on {ORG:Wrangthorpe ward} (respiratory) and I "
    "also do bank shifts on {ORG:Kelstow} when they're short, which is always. I'm [[<KEEP>]] "
    "and I've been in this country since I was nine, so my English is the same as anyone's, "
    "which matters for what comes next. On {DATE:Fri 20/6} I was on a late with {PERSON:<W> "
    "<L>}, who is a band 5, and a student nurse whose name I won't give because she did "
    "nothing wrong. A patient's daughter came to the station and said she wanted to complain "
    "about her mum's care, fair enough, the call bell had been going. She looked at me and "
    "said 'not you, someone who understands'. That happens, I can take that from a stressed "
    "relative. What I can't take is that the band 5 then said, loud, 'she's fine, she's one of "
    "the good ones', like that was a compliment, and they both laughed. The student looked at "
    "me and looked at the floor. Then at handover the same nurse told the night staff that "
    "'the daughter had an issue with' me, like it was my fault. I didn't say anything at the "
    "time because you don't, do you, you just carry on, the patient in bed 4 needed turning "
    "and the [[COPD]] man in the side room was on 4 litres and desatting. After the shift I sat "
    "in my car in the multi-storey for forty minutes. My partner rang, I didn't answer. I told "
    "my ward manager, {PERSON:<TITLE> Clappison}, the next week. She said she'd 'have a word' "
    "and also that I should 'try not to take things so personally'. I'd like to know what the "
    "other way of taking it is. I also want to say, because I think it matters for the "
    "steering group, that this isn't the first time: on {DATE:the 2nd of May} a different "
    "nurse asked me if I 'had a proper visa' in front of a patient, and in March someone put "
    "a sign on the HCA locker saying 'English only in here'. I took a photo of that, I can send "
    "it. I'm not asking for anyone to be sacked. I'm asking for someone senior to say out loud "
    "that it's not okay, in the huddle, where everybody heard the other things. That's all. "
    "Thank you for reading this if you got this far.",
    "This is long, sorry. Background first: I am a community midwife in the {ORG:Eastmarsh} "
    "team, I have worked for the trust for fourteen years, and for the last three I have been "
    "the only [[Black]] midwife on the team. I am writing because my team leader suggested I "
    "'put it somewhere' and this seemed the right place.\n\n1. Allocation. Since the new "
    "caseload system came in, I am allocated every family where there is a social services "
    "flag and every family whose first language is not English. When I asked why, "
    "{PERSON:Mrs Philippa Raithby} (team leader at the time) said it was because I am 'good "
    "with those families'. I am good with every family. The effect is that my caseload is "
    "heavier and my safeguarding paperwork is double anyone else's.\n\n2. Names. At team "
    "meetings {PERSON:<G> <F>} refers to me and {PERSON:Nhyira Asantewaa-Holt} as 'the girls', "
    "and to everyone else by name. We are both in our fifties.\n\n3. The home visit on "
    "{DATE:Weds 9th July}. A father refused to let me in, saying he wanted 'a white midwife'. "
    "I followed the policy: I left, informed the team, and documented it. The next day I found "
    "out that {PERSON:<W>}, who is on our team, had rung the family and apologised to them 'for "
    "the mix-up'. Nobody apologised to me.\n\n4. The phone. I have had to give my personal "
    "mobile to families because the work phones do not work in the villages. One father "
    "started messaging me at night. When I told the team, someone said I 'must have "
    "encouraged it'. The number was {PHONE:07700 900 427}; I have since changed it.\n\n5. "
    "What I want. I want the allocation looked at, by someone outside the team. I want the "
    "apology policy to include the midwife. And I want to stop being 'the girls'.\n\nI am "
    "happy to talk but please do not contact me through {PERSON:Ms Raithby}.",
    "ok so this is going to ramble because i'm on my break and i'm typing on my phone. i'm a "
    "[[porter]], i've been one eight years, before that i was a chef, so i've seen some "
    "kitchens and i've seen some wards and honestly the wards are worse. yesterday "
    "({DATE:thurs 26/6}) i took a lady down to x-ray from ward 14 at {ORG:WRI} and the "
    "radiographer (tall, ginger, i think {PERSON:<g>} but i'm not sure so don't quote me) said "
    "to her colleague 'at least this one's porter speaks english' and they both laughed and "
    "the lady on the trolley laughed too because what else do you do. i'm from kent. my "
    "parents are from jamaica. i sound like i'm from kent. i said 'excuse me?' and she said "
    "'oh not you, the other one' meaning {PERSON:<G2>} who is [[Eritrean]] and had done the "
    "run before me. so that's better is it. anyway. then on the way back the lift got stuck "
    "between 2 and 3 for ten minutes which happens weekly and i rang estates on {PHONE:5827} "
    "and the guy said 'is that you {PERSON:Desmond}' and i said no and he said 'oh you all "
    "sound the same'. that's two in one hour. i'm not even cross any more i'm just tired. the "
    "reason i'm writing is my supervisor said 'there's a portal now' so here i am. i don't "
    "want anyone in trouble i want people to think before they open their mouth. also the "
    "lift.",
    "Reflective account for revalidation, which I've been told I can also submit here "
    "(identifying details are mine to share). I am a registered mental health nurse, NMC "
    "{REG_NUMBER:09H3518O}, working on {ORG:Saltcote ward}, an acute female admission ward at "
    "{ORG:Frestham House}. I am [[Muslim]] and I wear a headscarf. The event I want to reflect "
    "on happened during a night shift on {DATE:Sunday 15 June}. A patient, acutely unwell, "
    "became distressed and shouted at me using religious abuse. That in itself I understood "
    "clinically, and we used the de-escalation plan; I do not hold it against her and she "
    "later apologised, which was kind. What I want to reflect on is what happened afterwards. "
    "In the staff base my colleague {PERSON:<TITLE> <F>} said, 'well, to be fair, the scarf "
    "winds them up; maybe take it off on nights.' The agency nurse, {PERSON:Leanne}, agreed. I "
    "said that my headscarf is part of my faith and is not a clinical risk, and that the "
    "trust's uniform policy says the same. The nurse in charge, {PERSON:<W> <F2>}, said that "
    "we'd 'discuss it another time' and nobody did. I felt ashamed, although I had done "
    "nothing wrong, and I noticed that I did not want to go back on nights.\n\nWhat I learnt. "
    "I learnt that I need to name things at the time, calmly, which I did, and that I should "
    "not be the only person doing so. I learnt that the ward does not yet have a shared "
    "language for this kind of comment.\n\nWhat I will do. I have asked my clinical supervisor, "
    "{PERSON:<G> Ravensworth-Kay}, to help me raise it at the ward's reflective practice "
    "group, without names. I have read the trust's policy again. I will keep wearing my "
    "headscarf.\n\nCode: this account links to Datix {OTHER_ID:DW-117734}.",
    "Work mobile {PHONE:07700—900—817}. {PERSON:<INI2>} has my personal one and passed it round "
    "the bank WhatsApp 'for a laugh'.",
    "Sorry this is long, I am typing on the bus home after nights and English is my third "
    "language, so forgive mistakes. I am working in {ORG:HMP Ravensholt} healthcare since "
    "almost three years, first as agency, now permanent, band 5 nurse. I am [[Kenyan]] and I am "
    "[[Christian]], I say this because it is the point. In the prison the healthcare team is "
    "small, we are eleven, and seven of us trained outside UK. Mostly the officers are good "
    "with us, some of them very good, one officer ({PERSON:Officer Kinsella-Rudd}) always walk "
    "with me on the wing at night which I appreciate. The problem is not the prisoners also. "
    "Prisoners say things, yes, but they are in prison, many of them unwell, I understand. "
    "The problem is inside our own team. Since the new clinical lead came, "
    "{PERSON:Mrs Annabel Coxon-Hyde}, there is different treatment. She give the medication "
    "rounds on the wings with most trouble always to me and to {PERSON:Nyokabi}, and the "
    "easy ones (the older prisoners wing, the day clinic) to the British nurses. When I ask "
    "her, she say 'you are used to difficult environments'. What does it mean? I worked in a "
    "teaching hospital in Nairobi with more patients than this prison. On {DATE:Sat 12/7} "
    "there was a code blue on the wing and I was first to respond, I gave [[naloxone]] and "
    "started CPR, the prisoner survived, thank God. After, in the debrief, she thanked the "
    "officer and the paramedics and the healthcare assistant, and to me she said only "
    "'next time wait for a senior'. I was the senior on shift. Everybody in the room knew "
    "this. The HCA ({PERSON:Bryony}) told me after she was embarrassed for me. Another "
    "thing: in the office there is a calendar with the shifts, and somebody wrote next to my "
    "name and {PERSON:Nyokabi}'s name small pictures of bananas. I took photo. I told the "
    "clinical lead and she said it was 'probably prisoners' but prisoners are never in the "
    "office, it is locked, only staff have key. She did not ask anybody. Also when we have "
    "the team meeting, if I speak she look at her phone, if {PERSON:Courtney} speak she "
    "listen and write. Small things, but every day small things. I am not asking for "
    "punishment. I want that somebody from outside the prison team look at how the rounds "
    "are given, because it is on paper, on the allocation sheet, it is easy to see who gets "
    "which wing. And I want the calendar thing to be investigated properly, not 'probably "
    "prisoners'. I have [[faith]] that this portal is anonymous, my friend said it is. If you "
    "need to check my story the date of the code blue is enough, the incident number is on "
    "the system. Thank you for reading until the end, I know it is too long. I only want to "
    "do my job and go home and sleep like everybody else. God bless.",
]


def person_words(item: dict) -> set[str]:
    """Every word of every PERSON span, in lower case."""
    return {w for s in item["pii"] if s["type"] == "PERSON"
            for w in item["text"][s["start"]:s["end"]].lower().split()}


def filled(template: str) -> dict:
    """The template filled until no must-keep word is also a word of a name in it."""
    for _ in range(200):
        item = corpus.parse_piece(corpus.fill_piece(template, R, POOLS, TITLES, INITIALS))
        names = person_words(item)
        if not any(w in names for k in item["keep"] for w in k["text"].lower().split()):
            return item
    raise ValueError(f"a must-keep word is always a name in: {template[:60]}")


def main() -> None:
    order = list(range(len(NARRATIVES)))
    R.shuffle(order)
    items = []
    for i in order:
        items.append({"id": f"r15-{len(items) + 1:04d}", **filled(NARRATIVES[i])})
    corpus.write(OUT, items)


if __name__ == "__main__":
    main()
