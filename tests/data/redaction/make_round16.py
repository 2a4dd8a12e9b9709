"""Round 16's held-out batch (round16.jsonl): 246 hand-written narratives, each its own
template filled once, in a hand no earlier batch has (hospice, MRI, ambulance control, NHS 111,
sexual health, theatre scrub, renal dialysis, children's and school nurses, optometry, audiology,
Deaf, autistic and ADHD staff, return to practice, apprentices, new international recruits,
locums, pharmacy counters; shift logs, e-mail threads quoted with ">", SMS and chat threads,
typos, Cumbrian and Lancashire dialect, a few words of Urdu, Punjabi, Yoruba, Twi, Shona, Arabic,
Italian, French and Hungarian, dictation and screen-reader output) in an invented Cumbria and
Lancashire setting. Written without reading or running the redactor.

Markup (corpus.parse_piece): `{TYPE:text}` is personal information of TYPE, `[[word]]` must be
kept. Narratives are separated by a line `~~`. Deterministic: the order is shuffled with a fixed
seed, so rerunning rewrites round16.jsonl byte for byte."""
from __future__ import annotations

import random
import re
from pathlib import Path

from corpus import parse_piece, write

OUT = Path(__file__).with_name("round16.jsonl")
WORD = re.compile(r"[^\W\d_]+")

NARRATIVES = r"""
Hospice, nights. The daughter in room 4 asked for "an English nurse, not the [[Filipino]] one". I was the only nurse on. {PERSON:Divina Tagumpay} took over the syringe driver and I sat in the sluice for ten minutes.
~~
MRI. Patient refused to go in the scanner until "the [[Muslim]] lad" left the control room. That's me, {PERSON:Idrees}. I'm the [[radiographer]] running the list.
~~
Control room log, typed up from my notebook:
- {DATE:Tues 3rd}, 14:10 — dispatcher {PERSON:Gav Scaife} says on open channel "put the [[Polish]] one on the phones, she can't read a map". Me.
- {DATE:Thurs 5th}, 02:40 — same again, said to the whole pod.
- {DATE:Sat 7th} — he calls me {PERSON:Bogusia-Vodka}. My name is {PERSON:Bogumiła Wierzbowska-Lund}.
~~
111 call handler. Caller said she wanted "someone who speaks proper English" then asked {PERSON:Ugochinyere} where I was "really from". Blackburn. I'm from Blackburn.
~~
told by TL ({PERSON:V.R.}) to stop wearing my hijab on the floor as it "scares callers". callers cant see me
~~
Sexual health clinic, {ORG:Lunesfoot SHC}. Consultant {PERSON:DR. OLAWUNMI-FRITH} shouted across reception "is the [[gay]] one free to do the Grindr lot". I'm the [[health adviser]], I have a name.
~~
scrub nurse here. {PERSON:mr halloran} asks for "the quiet [[Chinese]] girl" every list. I'm Malaysian. My name's on the board.
~~
Renal unit at {ORG:Cragholme DGH}, chair 9. A patient on dialysis keeps calling me "{PERSON:Sambo}" and the charge nurse laughs. Third week running. Dialysing takes four hours so I can't get away from it.
~~
Every break the band 6s speak [[Yoruba]] around me then switch to English to tell me to fetch things. e kaaro to you too {PERSON:Morayo}.
~~
It's just banter apparently.
~~
Children's ward, {ORG:Guillemot Ward}, {ORG:Wyrescale Royal}. A dad asked {PERSON:Fiifi} if he was "the cleaner or summat" while {PERSON:Fiifi} was hanging the [[IV]] antibiotics for his son.
~~
School nurse. Head of year at {ORG:Hollinbank Academy} said in front of the pupils "you're very articulate for someone from Zimbabwe". medaase, I suppose? wrong language but you get the idea.
~~
Optometrist, high street branch. Customer wanted "a proper optician, a British one" and would not sit for the [[Snellen]] chart with me. My colleague {PERSON:Tudwal ap Cadwgan} said "he's as British as me, mate" and the man walked out.
~~
audiology, {ORG:CDH hearing services}. patient said "can I have the one without the accent, I'm deaf enough". i'm the [[audiologist]] w/ 12 yrs experience.
~~
I'm [[Deaf]] and use BSL. At the {ORG:Thornsett Bay CMHT} team meeting {PERSON:Lorcan Mac an Bhreithiúnaigh} covered his mouth every time he spoke to me "by accident". It happened six times in one hour. Interpreter booked through {ORG:SignLink North} noted it.
~~
im [[autistic]] and told my manager. since then {PERSON:Pauline} introduces me to new starters as "our little {PERSON:Sat-Nav}". i have asked her not to twice.
~~
Returned to practice at 58. {PERSON:Staff Nurse Brannigan} asked if I needed the computer "explaining slowly" and showed the [[HCA]]s where my reading glasses were "in case Grandma loses them".
~~
Apprentice (level 3). Called "work experience" and "{PERSON:Titch}" by the estates supervisor in front of patients.
~~
First month here from Kerala. {PERSON:Sister Pennington-Sharples} made me say "water" five times at the nurses' station because "nobody understands your vowels, love".
~~
Locum reg. Paged by ext {PHONE:4638} and told by the ward clerk "oh, you're the agency one, I'll find a real doctor". I was the real doctor for that shift.
~~
Pharmacy counter. Customer asked me to "take that off your head before you touch my tablets". My colleague {PERSON:Iolanthe} served her instead without a word to me. I'm [[Sikh]]. It's a [[patka]].
~~
Crew log {DATE:15/10}. Job at a nursing home. Staff there asked my crewmate {PERSON:Tonderai Mupfumira} if he "had the right paperwork" to be in the country. He's a paramedic. Badge {STAFF_ID:308817}.
~~
This was written by hand on the night then typed up next day:
"Sat in car park after shift. {PERSON:Jem} said again in the staffroom that [[Pakistani]] men are 'all the same'. Nobody said anything. Not even me. Feel sick."
~~
Q: Describe what happened (optional)
A: same as everyone else in the team, the usual
~~
Too many to write here.
~~
Please see my email below.
> From: {EMAIL:b.lindqvist-okparaeke at nhs dot net}
> Sent: {DATE:Monday 9 November}
> I'm not comfortable with being called "{PERSON:Lindy Hop}" at handover. Please use my name.
>> From: {PERSON:Crispin Rawthey}
>> Lighten up, it's affectionate!!
I have not replied.
~~
sms thread, copied off my phone:
[07:02] {PERSON:Shaz} (bank coord): can u do lates wk? they asked for no foreign staff on {ORG:Sloethorn}
[07:03] me: im from Preston
[07:03] {PERSON:Shaz}: lol u no what i mean hun
[07:05] me: no i dont
~~
Sorry for typos, on my phone. The reg {PERSON:Dr Szabo-Eckhart} called me "{PERSON:Mother Teresa}" all shift becuase I'm a [[Catholic]] and wear a cross. Patient heard and asked if I'd pray for him. Fine but it was him saying it like that. Not fine.
~~
Dont know if this counts. Old lady on {ORG:Rydal Ward} said I have lovely skin "for a [[Black]] girl". I said thank you. Still thinking about it.
~~
were on about me again in the brew room, saying i talk "reet common" and that i shouldn't be on reception at {ORG:Ormgarth Surgery} cos "patients want summat posh". i'm from Workington, aye, and i'm good at me job. {PERSON:Lynsey Tickell} started it.
~~
Ee, I were mithered all day by our {PERSON:Bernadette} (practice manager) about me "scruffy" hair. It's locs. They're [[Rastafarian]]. She knows that.
~~
Ward sister at {ORG:Kelderby CH} keeps calling me "habibi" in a silly voice and doing a belly dance when I walk past. I'm [[Egyptian]], I'm a man, and I'm the [[charge nurse]] on nights. Yalla, grow up.
~~
{PERSON:Nonna} they call me. I'm 41. Because I'm [[Italian]] and I "cook". Basta. My name is {PERSON:Graziella Tomasetti-Blake}.
~~
The consultant said "n'importe quoi" and laughed when I gave my handover, then made me repeat it "in English this time". It was in English. I am French Canadian, the [[registrar]] on call. {PERSON:Dr Thibodeau-Marr}.
~~
At {ORG:Skelbeck & Wyrescale} our new [[HCA]] {PERSON:Zsófia} was told by a visitor to "go back to Romania". She is [[Hungarian]]. Jaj. She cried in the linen cupboard. {PERSON:Sister Ó Faoláin} sent her home early to "calm down" rather than speak to the visitor.
~~
Said to me by {PERSON:R. Fazackerley}: "you people always want time off for Eid." I have taken one day in four years.
~~
Just want it on record.
~~
New starter {PERSON:Ebuka} was asked by three people on his first day if he was "the doctor or the porter". He is the [[pharmacist]].
~~
DICTATED. new paragraph the registrar doctor {PERSON:hemsworth} told me in theatre that women from my part of the world comma quote do not make surgeons unquote full stop new paragraph this happened on {DATE:wednesday the eleventh of november} full stop
~~
[screen reader output pasted] heading level 2 Incident. list 3 items. bullet {PERSON:Ms Armitage-Khoury} said my dog was a "pet not a need". bullet She asked in a team meeting if I was "really blind". bullet I am registered blind and that was my guide dog. list end.
~~
{PERSON:Fr. Colmcille Mulgrew} (chaplain) asked me if my husband "lets me" work nights. I'm a [[Muslim]] woman, a [[band 7]]. He was joking, he said.
~~
OK so — {PERSON:K} and {PERSON:Brogan} from the {ORG:SWH} porters were doing the "ching chong" thing at the lifts. I'm [[Vietnamese]]. It's not the first time.
~~
My manager ({PERSON:Lesleyanne}) said I was "very emotional for a man" because I asked for time off after my dad died in Lagos.
~~
they put me on the rota as "{PERSON:Mohammed 2}" because there's another {PERSON:Mohammed}. my surname is on my badge.
~~
The GP at {ORG:Pellthwaite MP}, {PERSON:dr. Ferrand}, asked our receptionist {PERSON:Patience} whether she was "even allowed to work here". [[Bless]] her, she just said yes.
~~
Ward round, dermatology, {DATE:Weds 28th}. The consultant looked at my arms and said "vitiligo or just dirty?" to the students and they laughed. I'm the [[F1]].
~~
{PERSON:Kwaku} told me they call him "{PERSON:Quacker}" on {ORG:Ward 22}. He hates it. He's said so.
~~
Dialysis unit again. Patient wouldn't let me cannulate. "I want the [[white]] nurse." {PERSON:Charge Nurse Haaland} said just let {PERSON:Becca} do it then, easier. I have done 2,000 fistula needlings.
~~
Hospice day centre. Volunteer {PERSON:Tansy Robleto} asked one of our [[Roma]] patients' carers to "check her pockets before she leaves".
~~
NHS 111. A caller gave his NHS number as {NHS_NUMBER:999  828  9831} then said "you won't be able to read that, will you, being foreign". I read it back twice. I was born in Lancaster.
~~
Someone wrote "{PERSON:N1k1 th3 Nurs3}" and a monkey emoji on the whiteboard by my name on {ORG:Heronsyke Ward}. My name is {PERSON:Nikiwe Zwane}.
~~
The patient's son posted about me on Facebook as {HANDLE:wyre_watchdog_71}, with my photo from the ward and "look who's caring for your mum". I work at {ORG:Lunesfoot Infirmary}. Please take this seriously.
~~
Abuse via work mobile from {PHONE:07700 900 418}: "go home {PERSON:al-Rashidi}, we don't want you delivering our babies". I am a community midwife. I have reported to police, crime ref {OTHER_ID:LC-26-118904}.
~~
{PERSON:MR JOSIAH KILLINGBECK}, THE [[MATRON]], IN CAPITALS ON THE EMAIL TO ALL STAFF: "SOME OF OUR OVERSEAS COLLEAGUES NEED TO LEARN TO QUEUE". Only two of us were named in the cc.
~~
{PERSON:Mr Josiah}
~~
{PERSON:van der Spuy}, {PERSON:Annelies}. That is how I'm put on the rota at {ORG:Birkthwaite}, surname first and shouted. Then "{PERSON:Van Der Spew}" when I'm in earshot.
~~
"{PERSON:De la Fuente}! {PERSON:DE LA FUENTE}! Where's the Filipina gone now" — shouted down {ORG:Gowbarrow Ward}, every single late shift, by {PERSON:SN Ruthven}.
~~
My colleague {PERSON:Haziq bin Salleh} was told in the canteen queue he "smells of curry". He is [[Malay]] and he'd had a tuna sandwich.
~~
Please call me back on {PHONE:O1632 96O 274} ext. {PHONE:2386}, or the ward on {PHONE:01632•960•751}. I'd rather speak than write it.
~~
my number is {PHONE:zero seven seven double oh nine double oh five six two} if you need to ask me more, I work days
~~
Form: NHS number of patient involved (if any): {NHS_NUMBER:999.515.0042}
What happened: patient's wife refused a [[Black]] nurse for her husband's stoma care.
~~
The DOB on the form is hers, {DATE:03/02/1961}, she asked me to write it in. She is the patient who said it, I'm the [[district nurse]].
~~
Patient at {LOCATION:14 Tarnside Row, Ulverby}, {POSTCODE:LA13  9ZW}, refuses to open the door to [[Asian]] carers. We are sending two white staff as "a compromise". I think that's wrong.
~~
For the record my NI number is {NI_NUMBER:RW/61/44/08/B} — they keep asking me for my "papers" in front of others, as a joke. I have British citizenship.
~~
He put my email as {EMAIL:tunde.ajibade-scott @ nhs . net} on the list as "contact the [[Nigerian]] if ur wallet is empty" and sent it round the dialysis team.
~~
Reg {REG_NUMBER:2839104} on the rota, not my name. Everybody else has their name. Just the two international doctors have the GMC number.
~~
Same. {PERSON:H.} again.
~~
{DATE:Fri 20/11}
~~
patient asked {PERSON:Roisin} if she was "one of them [[Travellers]]". She's from a [[Traveller]] family. She didn't say.
~~
At the {ORG:C&L ICS} diversity event, the speaker from {ORG:NLF Care Trust} said "we have lovely [[Gypsy]] staff too" and pointed at me.
~~
Security officer {PERSON:Dermot Holroyd-Tunstall} said "are you lost?" when I badged in at the theatre doors. Theatre is where I work. Scrub nurse, 14 years.
~~
Wrote this in the car, sorry if its garbled. The SHO said "the [[Jewish]] lad will know about money" in front of the [[anaesthetist]]. The lad is {PERSON:Yehuda}. {PERSON:Yehuda}'s a trainee.
~~
{PERSON:YEHUDI}?? they shout. the name is {PERSON:Yehuda}.
~~
Sent by text to my own number so I have it: ward clerk {PERSON:Maureen} — "oh you're the [[Shona]] speaker, you can translate for that lot in bay 3". I don't speak Ndebele. Ndatenda.
~~
The van registration is {VEHICLE:PN19 XKE}. The driver of that van shouted "[[paki]]" at me as I crossed the ambulance bay.
~~
Vehicle {VEHICLE:LV21 HBW}. He parked across the dialysis entrance and called our nurse a "terrorist".
~~
I am writing to make a formal complaint about the conduct of {PERSON:Mr Ptolemy Gatenby-Yeung}, Consultant Radiologist at {ORG:Cragholme District Hospital}, towards me and towards other members of the MRI team over the past five months.

I qualified as a [[diagnostic radiographer]] in Accra in 2014 and have worked in the {ORG:CDH Imaging Department} since {DATE:2 March 2026}. From my first week, {PERSON:Mr Gatenby-Yeung} has addressed me as "{PERSON:Ghana}" rather than by my name. When I asked him, politely, to call me {PERSON:Afua Serwaa}, he said, "Don't be so sensitive, it's a compliment — lovely country." He has continued to do it in front of patients.

On {DATE:Thursday 16 July}, during a cardiac MRI list, I asked him to confirm the gadolinium dose (the request said 0.1 mmol/kg, which at the patient's weight was [[15 ml]]). He replied, loudly, in front of the patient and the senior radiographer, {PERSON:Wendell Anyanwu-Baptiste}: "Just do it the way we do it here, not the way you did it in the bush." The patient asked me afterwards if I was "allowed" to do the scan.

On {DATE:Monday 3 August} he asked {PERSON:Wendell} — in my hearing — whether "the Africans" on the team could be put on the weekend lists together "so at least they understand each other". There are three of us. We are from Ghana, Zimbabwe and Sierra Leone and we all speak English at work.

On {DATE:Wednesday 19 August} I was the [[superintendent]] on the late and he refused to accept my decision to stop a scan for a patient whose pacemaker was not MR-conditional. He said, "I'll wait for a proper radiographer." He then phoned {PERSON:Dr. Imelda Quarshie-Gilpin} on ext {PHONE:5530} to "check". She confirmed my decision was correct.

I have kept a note of each incident. I am not asking for him to be punished. I am asking for him to use my name, and for the department to make clear that this is not acceptable. My staff number is {STAFF_ID:40027716} and I can be reached on {PHONE:+44 (0) 1632 960 388}.

Thank you for reading this.
~~
[[Glasgow Coma Scale]] 15, obs stable, {ORG:Fellgate AMU}, and the first thing the patient says is "where's the English doctor". I'm from Paisley.
~~
They've started calling me "{PERSON:Loo Roll}" because I take a lot of toilet breaks. I have [[Crohn's]]. My OH letter says so. {PERSON:Bunty} in the office told everyone.
~~
Waterlow done, [[Braden]] done, turns charted. Still told by the ward manager, {PERSON:Tovah Blenkinsop}, that "your lot" don't do pressure care properly.
~~
The [[Addison's]] patient's hydrocortisone was late because he threw it at me and told me to "get back on the boat". Porter {PERSON:Lenny Gaskarth} saw it.
~~
Theatre. {PERSON:Mr Ibbotson}: "Scrub, give the [[Langenbeck]] to the proper nurse." Me: I am the scrub.
~~
When I went back on the {ORG:Fellgarth Unit} after my mastectomy, {PERSON:Charmaine} said "well at least you can't get pregnant now, that's you promotable." I'm 39.
~~
He said "[[Eccles cake]] and a brew for the lads, and a samosa for you, love". Every Friday, from {PERSON:Keith} at stores.
~~
We have a weekly [[Lancashire hotpot]] lunch on the {ORG:Ribblemere CCU}. I'm vegetarian for religious reasons ([[Jain]]) and get asked why I "won't even try British food".
~~
Nobody on our unit talks to me unless they need a [[Punjabi]] interpreter. Then it's "oye, {PERSON:Jaskaran}, come here". Ki haal aa, I'd like to say, I'm a nurse, not the translator.
~~
Tuesdays the coordinator is {PERSON:Amna}. Tuesdays nobody will sit with me.
~~
{PERSON:R.J.} said yesterday that "the [[Hindus]] on nights" are always late. I'm the only one and I'm never late.
~~
Bed manager {PERSON:cassius mowbray-ince} was overheard on the bed meeting Teams call saying "we'll get the Africans to cover, they don't have families here".
~~
{PERSON:winter} from the bank office says she "can't pronounce" my name so I'm "{PERSON:Wednesday}" because that's the day I started. My name is {PERSON:Sibongile}. It's not that hard.
~~
School nurse drop-in, {ORG:Kirkfold High}. A teacher asked me in the staffroom whether I'd "had to learn to use a toilet" when I came here. I'm from Harare. We have toilets.
~~
HCPC {REG_NUMBER:OR04519} — that's on my badge because the manager insisted on "just your number" for me alone, as my name is "too long". It's four syllables.
~~
On TikTok, {HANDLE:@lunesfoot.nurse.exposed} filmed me on my break and wrote "NHS hire anyone now". I'm in uniform, my name badge is readable.
~~
Instagram account {HANDLE:skelbeck_scrubs_lol} posted a photo of our [[Sikh]] consultant with a bin bag drawn on his head.
~~
someone in the group chat (whatsapp, "{ORG:Ward 7 Lates}") changed my name to "{PERSON:Aunty Jemima}". i'm 26. {PERSON:Demi} did it, i saw the notification.
~~
[09:14] {PERSON:Lennox Oyibo-Lyle}: who's on with the [[Deaf]] one today lol
[09:14] {PERSON:Fenna}: me 🙄 gna be a long day
[09:15] {PERSON:Lennox Oyibo-Lyle}: just shout louder 😂
I'm the Deaf one. I was added to the chat by mistake.
~~
Twitter, reply from {HANDLE:@CumbriaTruthPatriot}: "ask the nurse with the tea towel on her head" and tagged the {ORG:Thursgill Renal Unit} page.
~~
He gave his bank details for the refund as {OTHER_ID:GB71 WYRE 4019 2283 1146 07} and then said "and don't you lot be nicking from it". I'm the pharmacy counter assistant.
~~
The IT log shows the email calling me a "dirty [[immigrant]]" came from {OTHER_ID:203.0.113.47}, a ward PC at {ORG:Kelderby Community Hospital}. Nobody has been spoken to.
~~
GDC number {REG_NUMBER:287316}, I'm a [[dental hygienist]] at the community dental service. A patient's mum refused to let me "near her child's mouth with those hands". Henna from my sister's wedding.
~~
nmc pin {REG_NUMBER:26B0713E}. I'm giving it so you know I'm real. I've been the only [[Nigerian]] nurse on {ORG:Skiddaw Ward} for two years and every agency shift I'm "checked" twice.
~~
Ward postcode for the letter: {POSTCODE:c a 2 8  0 z q}. I want a written reply.
~~
Home visit, {LOCATION:Flat 3, Gannet Court, Marsh Lane}, {POSTCODE:fy7 9zx}. Family said they would "only have English girls" and shut the door on me. I am English. I'm [[mixed race]].
~~
NI no is {NI_NUMBER:jt 48 27 19 c}, HR asked for it so they could "check I'm legal" again. Third time this year. Nobody else was asked.
~~
Phone: {PHONE:0161 — 496 — 0732}. That's the line for {ORG:Wyrescale Hospice at Home}. A caller on it told our [[Filipina]] nurse that she was "a robot that learned English from a phone".
~~
Ambulance crew, call sign not needed. On scene a relative told my crewmate {PERSON:Sadhbh Ní Dhubhghaill} to "go back to the bogs" and me to "take the turban off if you want to come in". I'm [[Sikh]]. We went in anyway, the patient was in [[AF]].
~~
Plain and simple: {PERSON:Sister Jocasta Pemberton} says because I'm [[autistic]] I get given the "easy" patients. I have a first-class degree and I'm a [[band 6]].
~~
Audiology booth 2, {ORG:Ulverby Health Centre}. The patient's husband asked me to "speak normal" and said my hearing aids "must be why you mumble". I'm [[hard of hearing]] and an audiologist. Yes I see the irony.
~~
{PERSON:Dr Ayoola Fakeye} — that's my name. Not "{PERSON:Dr Fake}". Every morning on the {ORG:L&F Stroke Unit} board someone writes "{PERSON:Dr Fake}".
~~
Triage at {ORG:Wyrescale UTC}. The patient said to the [[receptionist]], not quietly, "I'm not being seen by a [[Muslim]], I'll wait".
~~
{PERSON:Sonny} (HCA, nights) says "as-salaam-alaikum" to me in a silly accent and laughs every time I come on. I'm not Muslim, I'm [[Coptic]] Christian. Inshallah he'll stop one day, ha.
~~
The boss, {PERSON:Mrs Eithne Sherrington}, told me in supervision "you're a lovely girl, but the parents find you a bit [[Black]] for children's". I wrote it down word for word straight after.
~~
Message on the team board: "WHO KEEPS MOVING MY MUG — {PERSON:ÉABHA} THE KETTLE IS NOT YOURS". The rest of the team is called by first name on the board; only the two of us Irish get shouted in caps.
~~
Rang the patient back on {PHONE:0151/496/0913}. His first words were "is this a call centre in India?"
~~
{PERSON:Grace} called me a "coconut" at the nurses' station.
~~
"Speak English!" — {PERSON:mrs. hebblethwaite}, bay 2, every obs round.
~~
Told to "smile more" by {PERSON:SN K. Lowther}. Again.
~~
Nights on {ORG:Borrowdale Ward}: "where's the token [[Asian]]?"
~~
They call me {PERSON:Chappati}. I'm {PERSON:Chapa}. From Goa.
~~
[[Bless]] you, {PERSON:Noreen} said, when I mentioned [[Ramadan]]. Odd.
~~
{PERSON:Will} asked if I'd "ever stop moaning about racism".
~~
{PERSON:may} said i should "go back to Kenya". I'm from Leeds.
~~
{PERSON:SUMMER}!!! stop talking foreign 😡 — said to me and my mum on the phone
~~
It's [[April]] and {PERSON:Mr Ulyett} has said "go home" four times since [[Easter]].
~~
{PERSON:Dawn} and {PERSON:Jude} mimic my stammer in handover.
~~
{PERSON:ruby} (ward clerk) won't transfer calls to me, "can't understand u".
~~
{PERSON:Dr Sterling}, not Dr "{PERSON:Stirling Moss}". Please.
~~
Nothing specific, just a general feeling of being left out.
~~
I'd rather not give details.
~~
Mostly fine now, new manager.
~~
The [[Waterlow]] was wrong, not me ({PERSON:ST}). But I was "the new foreign one".
~~
Comments on my accent. Daily. From patients and staff.
~~
I'm [[Shona]]; they think it's funny to call me "{PERSON:Sean}".
~~
{PERSON:Dr. HOLLY PRIESTMAN-ADDO} laughed at my [[hearing aid]]. In front of a patient.
~~
"[[Heather]] honey or just honey?" — this is about food. The issue is {PERSON:Dr Mallinder}.
~~
Told I'm "quite clever for a [[care assistant]]". By {PERSON:Deano}.
~~
{PERSON:H. Kewley-Murdoch}: "you lot breed like rabbits".
~~
ext {PHONE:three three one eight} — ring me, dont email. won't write it down.
~~
Call me on {PHONE:07700.900.764}, after 6.
~~
On {DATE:13.11} it happened again at the {ORG:LFI} front desk.
~~
{DATE:Sunday 22nd} - "ur too old to learn the system"
~~
Badge {STAFF_ID:7716 2093}. Nobody uses my name, just "the new one".
~~
I'm [[neurodivergent]] and was told by {PERSON:Jaxon} to "stop being weird in handover".
~~
"Are you even a proper [[midwife]]?" Asked by a dad on {ORG:Lunesfoot MLU}. I've delivered 600 babies.
~~
{PERSON:Fru-Fru}. That's what the porters call our [[French]] physio.
~~
No names. Just the vibe on {ORG:Ennerdale Ward} for [[Black]] staff.
~~
{PERSON:J.} and {PERSON:P.} again, same jokes about my [[kippah]].
~~
Me and {PERSON:Tinotenda} both got "which one are you?" today. Again.
~~
The [[Yorkshire pudding]] comment ({PERSON:Bryony}) at Christmas lunch: "don't choke, it's not rice".
~~
[[Hope]] this gets read by someone. Ext {PHONE:5172}.
~~
[[Faith]] in HR at {ORG:WFT}: low. Incidents: many.
~~
It's {PERSON:Tasos}. [[Olive]] oil jokes. I'm [[Greek]]. Every lunch.
~~
No PII. It was a patient and I don't know his name.
~~
See attached. (nothing attached, sorry, will send)
~~
Dates it happened (all on {ORG:Heronsyke}):
1) {DATE:6th Oct} — "oi {PERSON:Bhangra Boy}" from {PERSON:Lewys W}
2) {DATE:the 8th} — same, plus a dance
3) {DATE:12/10} — "{PERSON:Bhangra Boy}'s on the phones" to the bleep holder
4) {DATE:Mon 19 Oct} — I complained to {PERSON:Sister Ibironke Cattermole}, she said "he's harmless"
~~
Sorry abt spelling, autocorrect hates me. The [[mangager]] ({PERSON:Tanwen}, autocorrected to "{PERSON:Tanned}" lol) said I shud "tone down the afro" for the CQC visit. Its my hair. It grows like that.
~~
hi its me agian. so {PERSON:dunc} at the desk (duty manger) told the new intl nurses they was "lucky to be let in" and to "not get used to the wether". ones from chennai one from cebu. they laughed but they wasnt laughing.
~~
Wor lass at work, {PERSON:Sadia}, gets called "the {PERSON:Paki princess}" by the lads on the loading bay at {ORG:Lunesfoot}. Nowt gets done about it. Aye, they're "just daft" — {PERSON:Neville Corkhill} specially.
~~
Ah'm a laal bit fed up, marra. Our {PERSON:Shona} on the desk tells every new starter I'm "the cleaner who thinks she's a nurse". Ah've been a staff nurse twenty year.
~~
Urdu word {PERSON:Rizwan} uses is "yaar". Manager said in my appraisal I'm "too informal — all that yaar yaar stuff". Bas, I said nothing.
~~
Medaase, I tell the patient. The [[sonographer]] with me, {PERSON:Lettie Bramall}, mimics it back — "may-DAH-see" — with a big grin to the student. It's Twi, my language.
~~
Mhoro! I say to my friend {PERSON:Rumbidzai} on the phone at break and {PERSON:Tilly Hesketh} says "talk English, this is England". Break room, {ORG:Ward 41}.
~~
Arabic prayer app went off on my phone in the office, the coordinator {PERSON:Lupton} turned it into a joke about "bombs going off". [[Arabic]] is my first language.
~~
"Basta, basta!" he said in a fake [[Italian]] accent when I asked for help turning. Senior HCA {PERSON:Baz} on {ORG:Ward 9, KCH}.
~~
Köszönöm, I say. "Cos-a-what?" says {PERSON:Eamonn} and the room laughs. Every handover.
~~
n'est-ce pas? — I said at the end of a sentence once. Now {PERSON:Dr Prys-Jago} calls me "{PERSON:Mademoiselle Froggy}" on ward rounds. I'm Congolese. It's a [[French]]-speaking country.
~~
We're called "the [[Zimbabwean]] mafia" by the [[ward manager]], {PERSON:Glenys Tyldesley}, because four of us are from Bulawayo.
~~
I'm on the renal unit. A patient calls me "{PERSON:Mowgli}". Another laughs. My name is {PERSON:Sowmya Raghavan-Ormerod}. Staff number {STAFF_ID:CLH-40218}.
~~
Incident {OTHER_ID:INC-26-07713} (Datix). The patient shouted "I don't want a [[Jew]] doctor" and threw the water jug. The doctor was {PERSON:Dr Avital Rosenzweig}.
~~
Datix ref {OTHER_ID:W/IR/40917}. The same patient on {DATE:Monday 2nd Nov} called the same nurse "a monkey". No action on the first one.
~~
Locum shift, {ORG:Cragholme ED}. The [[nurse in charge]] told me "we normally have our own doctors, not you lot from the agency, especially not from Pakistan". I'm a locum [[consultant]].
~~
International recruit, week 3. My "buddy" {PERSON:Kerensa-Jayne} said I should "thank God" I'm out of the Philippines. I asked her to stop. She did it again in the staff room.
~~
4/52 into my new job. It's a lot. The [[OSCE]] was fine, the ward is not. {PERSON:Wanjugu} is the only person who speaks to me at lunch.
~~
Theatre 3, list overran. {PERSON:Mr Castellanos-Birch} threw the [[Deaver]] retractor back on the trolley and said "God, the [[Indian]] scrubs are slow". I'm from Mauritius.
~~
School nurse. Asked a parent for the child's DOB and she said "{DATE:fourth of June twenty eighteen}, can you even write that down?". I'm the school nurse with the headscarf.
~~
Sexual health. {PERSON:Nurse Ibukunoluwa} was told by a patient "I don't want a [[Black]] woman looking at my bits". Charge nurse moved her off the clinic instead of moving him.
~~
Ambulance control, typed from my shift log because I was asked to "put it in writing" —

Night shift, {ORG:Calderfell Ambulance Service} EOC. I am an [[emergency medical dispatcher]] and have been for six years. I am also [[neurodivergent]] (ADHD, diagnosed at 30) and wear ear defenders between calls, which is in my reasonable adjustments plan.

22:05 — Team leader {PERSON:Llinos Mac Fhionnlaigh} takes my ear defenders off my desk and puts them on her own head, says to the pod "look, I'm {PERSON:Ezra}, I'm SO sensitive". Laughter.

23:40 — During a cardiac arrest call I ask the caller to repeat the address. {PERSON:Llinos} says, audible on the pod, "she's off with the fairies again". The caller did not hear, I hope. CPR instructions given, crew on scene 7 minutes.

01:15 — My break is moved twice "because you'll only fidget". Others' breaks not moved.

03:30 — In the kitchen, {PERSON:Clinical Supervisor Ogunleye-Barr} says that "in his day" people like me "just got on with it" and "ADHD is a middle-class excuse". I'm from a council estate in Barrow.

05:50 — Handover. I mention the defenders. {PERSON:Llinos} says "it was a joke, {PERSON:Ezra}, you need to learn to take one". It is the fourth shift this has happened.

I have not been off sick. I have not missed a call target. I would like this logged, and my adjustments respected. Staff number {STAFF_ID:CAS-118302}, direct dial {PHONE:01632 960 819}.
~~
To whom it may concern at {ORG:Wyrescale & Furthwaite NHS FT} People Services,

Re: my treatment on {ORG:Lilac Ward} (older people's mental health) between {DATE:1 September} and {DATE:30 October}.

I am a [[healthcare support worker]] apprentice, aged 19, and the first person in my family to work in the NHS. I am also [[Gypsy Roma Traveller]] and I said so on my application, because the trust asked.

Within a week, it was known on the ward. The deputy manager, {PERSON:Ms Ottilie Strzelecka-Rowe}, asked me in front of two patients whether I "lived in a caravan" and whether my family "would be coming in to nick the TVs". When I didn't answer she said "only joking, {PERSON:Esmeralda}!". That name stuck. I heard it from the [[OT]], the domestic and a bank nurse by the end of that week.

On {DATE:Friday 18 September} a resident's purse went missing. {PERSON:Ms Strzelecka-Rowe} asked me, and only me, to turn out my pockets and locker. The purse was found in the resident's own bedside drawer that afternoon. Nobody apologised.

On {DATE:Tuesday 6 October} my assessor, {PERSON:Chibuike Oosterhuis}, signed off my competency for [[MUST]] screening and Waterlow, then said to me privately that he "didn't want to, because of the complaints". I asked what complaints. There are none on my file that I know of.

On {DATE:27/10} I was taken off the rota for the following month "pending a conversation". That conversation has not happened.

I love the work. I am good with the residents, especially those with [[dementia]]. I want to stay in the NHS. I am asking for: the name to stop; an apology for the search; and to be put back on the rota.

You can contact me on {PHONE:07700 900 651} or at {EMAIL:kezia.lovell at nhs dot net}. My address for letters is {LOCATION:7 Dovecote Lane, Birkthwaite}, {POSTCODE:CA10 7QZ}.

Yours faithfully,
{PERSON:Kezia Lovell}
~~
Long one, sorry. It's about our [[Hodgkin lymphoma]] clinic and the things said to my colleague over the past year. I'm writing it because she won't, she says it's "pointless". Her name is {PERSON:Mahjabeen Yusufzai} and she is a [[clinical nurse specialist]], [[band 7]], the best I have worked with.

The main person is the service manager, {PERSON:Mr Corin Duckworth-Boakye}. In meetings he calls her "{PERSON:Freda}" ("easier for the patients"). She has told him three times her name is {PERSON:Mahjabeen}. In February he said, in front of the whole MDT, "{PERSON:Freda}, you'll have to take your scarf off for the photos, we want the brochure to look welcoming." She didn't. The photos went ahead without her. In the spring he put her on the Friday afternoon clinic every week "because you'll be finished at the mosque by then". She does not go to mosque on Friday afternoons; she works.

Then there's the patient feedback. One patient wrote on the form that he wanted "a nurse from round here". Instead of thanking him and moving on, the manager read it out in the team meeting and said "well, he's got a point, {PERSON:Freda}, it's about relatability". Our [[haematology]] consultant, {PERSON:Dr Oriel Fairbairn}, said "that's enough, {PERSON:Corin}" and the meeting moved on — but nothing was written down.

In August a relative on the phone to the CNS line called her "a terrorist's wife" after she explained a delay in the [[ABVD]] cycle. {PERSON:Mahjabeen} logged it (Datix {OTHER_ID:W/IR/52204}). The manager's response was to suggest she should "let one of the English girls take the phone" for a while. I am one of the English girls. I said no.

I don't know what you can do. I just want someone senior to know that it's been every month, for a year, and that she's tired.
~~
{PERSON:Mr Jeremiah} is what I'd like to be called. Not "{PERSON:Jezza}".
~~
DOB {DATE:29-02-1988} – yes a leap baby. {PERSON:Prof. Lindahl} thought that was hilarious "for an African".
~~
DoB: {DATE:eleventh of may nineteen seventy} (given by patient, who then called me "the [[Bangladeshi]] girl" to her son)
~~
NHS number, in words as she read it out: {NHS_NUMBER:nine nine nine eight eight six one four seven oh}. She then told me my "English is very good considering".
~~
{NHS_NUMBER:999-182-0280} is his number. He called our [[Irish]] nurse a "thick Paddy" in front of the whole bay.
~~
NHS no. {NHS_NUMBER:9996352056}. Patient asked three times for "a nurse who isn't [[Chinese]]".
~~
{PERSON:NIC DHOMHNAILL}, {PERSON:ÁINE}! Yelled across the ward by {PERSON:Sister Marsden} as if I'm a schoolgirl. Others get first names.
~~
Surname first on every email: "{PERSON:ONYEKWERE Somtochukwu}, please see me." Nobody else's surname gets shouted.
~~
{PERSON:Bin Yusof}, they write on the handover sheet, like "Bin" is my first name. It is {PERSON:Aizat bin Yusof}. {PERSON:Aizat}.
~~
"{PERSON:AL-HASHIMI}, BAY 5, NOW" — {PERSON:Dr Trenholme} on the {ORG:CDH AMU} floor. He uses first names for the white juniors.
~~
{PERSON:Sister Przybyłowska-Ambrose} asked our new [[Nepali]] HCA if she'd "ever seen a flushing toilet before". {PERSON:Sabitri} is a qualified nurse in Nepal, doing her OSCE next month.
~~
On {ORG:Guillemot Ward} a child's grandad refused to let me take a blood sugar: "not you, the other one". I'm the [[children's nurse]]. The other one was the [[play specialist]].
~~
A mum asked if I'd "had the jabs" before touching her baby because I'm from Uganda. On the [[NNU]] at {ORG:Wyrescale Royal Infirmary}.
~~
Hospice HCA. A patient, dying, said I was "a lovely coloured girl". I held her hand. I don't want anything done about her. I want something done about {PERSON:Corinne}, the nurse, who repeated it at handover in a funny voice.
~~
I'm 63 and came back via return to practice. {PERSON:Mags Etherington} asked if my "pension pot ran dry" and told the students to "go slowly with the old girl". {PERSON:Mags} is 30.
~~
{PERSON:L1nd0n} (yes, his name in leet) — that's what's written on my locker at {ORG:Thursgill}. My name is {PERSON:Lindon Ashby-Ansomah}. Somebody thinks it's funny.
~~
Graffiti in the staff toilet: "{PERSON:GUL3D}  G0 H0M3". My name is {PERSON:Guled}.
~~
Typed from my handwritten note (sorry, my writing):
"{DATE:wed 4/11} - {PERSON:mr. o'shaughnessy-vance} said 'them [[Eastern Europeans]] are all on the fiddle' when I asked for the overtime form. I'm [[Latvian]]. {PERSON:Ieva}."
~~
This was in a card left in my pigeonhole: "Happy [[Diwali]] {PERSON:Apu} lol". I'm not Hindu and my name is {PERSON:Prakash}.
~~
Said at the [[Bakewell tart]] stall, charity day, by {PERSON:Gordon} from estates: "don't let the [[Muslims]] near the pork pies, they'll faint".
~~
Optometry practice, {ORG:Kirkfold Eyecare}. The manager said my [[Ishihara]] test explanations were "too African" and to "slow down and smile".
~~
Scrub again. Cases were [[Whipple's]] and a Hartmann's. {PERSON:Mr Dunstall-Achebe} asked me if I'd "learned to count swabs in the jungle". I count swabs the same way everybody counts swabs.
~~
Heard {PERSON:PJ} in the tea room: "the [[Polish]] ones drink on shift, everyone knows". I'm Polish. I'm teetotal.
~~
Kings of the banter on nights: {PERSON:Stevo}, {PERSON:Dazza} and {PERSON:Leighton Fairclough-Spedding}. Topic this week: my "dodgy [[Albanian]] cousins".
~~
Dialysis again. "You're the [[Klebsiella]] nurse" — because I was the one who did the screening swabs. Said to other patients as if I'm dirty. It's {PERSON:Ms Umeadi} saying it, the unit manager.
~~
{PERSON:SN Gabor}, written on the board as "{PERSON:SN Gabby}". He's asked four times.
~~
{PERSON:Autumn} is always the one who says "I'm not being funny but…" and then says something about [[Muslim]] women.
~~
> On {DATE:Thu 12 Nov}, {PERSON:Lucian Ackroyd-Ezeoke} wrote:
> > Can we stop putting the two [[Ghanaian]] lads on together, the patients complain they can't follow them.
> They're both called {PERSON:Ekow}. That's the issue, isn't it.
Forwarding to you as asked. No complaints from patients are on record.
~~
RE: RE: rota
>> could the [[Filipino]] girl do Xmas, they don't celebrate it the same
> {PERSON:Rowelyn} is a practising [[Catholic]]. She's asked for Christmas off for three years.
Sent from my iPhone
~~
txt from {PERSON:Shaunagh} (HCA):
"hun r u ok? heard wot big {PERSON:tina} said bout ur accent n the [[cleaner]] thing. shes a cow x"
~~
[18:22] me: are u on wiv {PERSON:hazel} 2moro
[18:25] {PERSON:Precious}: ye. she said she wont work wiv "the african" again lol
[18:25] me: ur joking
[18:26] {PERSON:Precious}: nope
~~
Nothing to add to the last report, it's still going on.
~~
Training day, {DATE:25/11}. Trainer {PERSON:Gillian Thwaites} said "the [[Asian]] mums" don't breastfeed "because of the in-laws". Twenty of us in the room. I'm an [[infant feeding lead]].
~~
Handover at 07:30, [[28 beds]], 2 side rooms closed. Then "{PERSON:Noodles}'s on bay 3" from the night nurse. That's what she calls me.
~~
Sexual health clinic, [[HIV]] clinic day. A new [[health care assistant]], {PERSON:Shanice}, asked if I "caught it in Africa" because I'm the [[Zimbabwean]] nurse. I don't have HIV. I'm the nurse.
~~
{ORG:Gowbarrow} bed count: [[32]]. Staff: [[6]]. Staff spoken to like a person: 5.
~~
Survey free text: fine apart from the racism lol
~~
Survey free text: {PERSON:Sister Nzeogwu} is brilliant and the only reason I've stayed.
~~
Survey free text: n/a
~~
Gave [[2.5 mg]] midazolam buccal, seizure stopped, {ORG:Guillemot HDU}. Mum said "where did they find you, the jungle?" Dad said sorry after.
~~
[[Oramorph]] [[5 mg]] given at 02:00. Then I was called "{PERSON:Nurse Ratched}" and "the [[Romanian]] witch" for the rest of the night by {PERSON:Mr Quilliam} in bed 8.
~~
Clinic with [[Cushing's]] patients, I'm the [[endocrine nurse]]. Colleague {PERSON:Verity} asked me if my "people" believe in medicine at all.
~~
Retinal screening, van {VEHICLE:PO70 DKU}. The patient said he didn't want "someone from India looking in my eyes". I'm from Wigan. My parents are from Gujarat.
~~
{PERSON:Nana Yaa} — my name. Not "{PERSON:Nana}" as in granny, which is how the physios say it, with a wobbly voice.
~~
Paged to {ORG:Ward 31}: "is that the [[locum]]? the [[Egyptian]] one?" I'm the medical registrar. Hello.
~~
"I'm not racist, I'm [[Lancastrian]]" — actual quote, physio gym, by {PERSON:Wilf}.
~~
Worked with {PERSON:Hyacinth Oduro-Lamb} on {ORG:Skiddaw}. Was told she "talks funny" by the ward manager.
~~
Fed up with it. That's all.
~~
Two years on the {ORG:Tarnbeck unit} and still "the new girl from abroad". [[2 years]].
~~
Called "{PERSON:Pocahontas}" again by the registrar, {PERSON:Dr Kitteridge}.
~~
The caller to 111 asked for "a white doctor" and the clinician, {PERSON:Dr Kenji Atherstone}, took the call anyway.
~~
GMC {REG_NUMBER:7140882}. I'm the [[FY2]] who was asked to "wait outside" at the consultant's dinner because "it's a pub, love, they serve pork".
~~
Sorry this is anonymous. I'm scared.
~~
Honestly nothing to report. Good team.
~~
copied from the ward whiteboard: "lates call {PERSON:Ozioma}{PHONE:07700900287} if the [[Nigerian]] ones dont turn up". Someone wrote it as a joke. {PERSON:Ozioma} is the bank nurse.
~~
Patient ref {OTHER_ID:CRG5520931} (from the label). She asked for "anyone but the [[Sudanese]] one" for her [[Warfarin]] check. I'm the [[anticoagulation nurse]].
~~
Slack, {ORG:Thornsett Bay} huddle channel:
{PERSON:Marguerite Oldroyd}: can {HANDLE:@g.fenby} sort the [[Ramadan]] rota, not me 🙄 "they" can cover "their" own
Nobody replied. {PERSON:Gormlaith Fenby} is the only one who asked for Eid off.
~~
HR keep writing my NI as {NI_NUMBER:PX730561D} and my name as "{PERSON:Mr Mohammad}" — I'm {PERSON:Mr Mahamat Abakar}. From Chad. The letter was addressed to "the [[Arab]] nurse".
~~
reply to {EMAIL:dearbhla dot mccallion at nhs dot net} - i'm the one {PERSON:Dr Scholefield} called "the [[Irish]] problem" at the MDT. pls dont use my name.
~~
Ring me on {PHONE:+44 (0)7700 900 835} not the ward. The ward is where it happens.
~~
[[May]] I say, {PERSON:Dr Cadogan-Nkansah} is the worst for it on {ORG:Yewdale Ward}. Every ward round, "where are you from, no, originally".
~~
It [[will]] happen again. {PERSON:Tallulah} says it's "just how folk talk round here" when {PERSON:mr cleasby} calls me "{PERSON:Gandhi}".
~~
Every [[summer]] the same: {PERSON:Farouk Ashcroft-Diallo} gets asked by the charge nurse if he "misses the heat back home". He's from Morecambe.
~~
Bank staff wear the [[amber]] lanyard, so {PERSON:Perpetua} got called "{PERSON:Traffic Light}" by {PERSON:Lorne Whiteside} all through her first month.
~~
I brought [[daisies]] in for the nurses' station. {PERSON:SN Rothery} told {PERSON:Ines Carvalhal} to "take the weeds home to Portugal".
~~
His face went [[scarlet]] when I corrected him, then he called me "{PERSON:Ali Baba}" in front of the whole [[autumn]] intake. {PERSON:Mr Benfield}, {ORG:Kesteven House} induction.
~~
{PERSON:jules t} from pharmacy said it again, the "you people" thing, to {PERSON:jolyon k} of all people.
"""


def narratives() -> list[str]:
    """The hand-written narratives, in the order they were written."""
    return NARRATIVES.strip("\n").split("\n~~\n")


def check(item: dict) -> None:
    """No markup left in the text, and no kept word is also a word of a name in the narrative."""
    assert not re.search(r"[{}]|\[\[|\]\]", item["text"]), item["id"]
    names = {w.lower() for s in item["pii"] if s["type"] == "PERSON"
             for w in WORD.findall(item["text"][s["start"]:s["end"]])}
    for k in item["keep"]:
        assert not names & {w.lower() for w in WORD.findall(k["text"])}, (item["id"], k["text"])


def main() -> None:
    texts = narratives()
    random.Random(16).shuffle(texts)
    items = []
    for n, text in enumerate(texts, 1):
        item = {"id": f"r16-{n:04d}", **parse_piece(text)}
        check(item)
        items.append(item)
    write(OUT, items)


if __name__ == "__main__":
    main()
