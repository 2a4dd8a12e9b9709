"""Writes `round8.jsonl`: an eighth labelled corpus, written after round 5's rules were tuned on
`round7.jsonl` and frozen (`05cbba9`), to measure them once on narratives they have not seen
(figures in docs/redactor.md). Hand-written pieces in voices and layouts no earlier corpus has (a
maternity support worker, a hospital volunteer, a sonographer, an estates electrician, a district
nurse, a care home's night manager, an international doctor, a medical secretary, a children's
nurse, a stroke-ward HCA, a 999 call handler, a learning-disability nurse, a mortuary technician,
a podiatrist; a diary with dates, an incident form, a Teams chat, a letter to HR, a text to a
friend pasted in), other people and places (none in an earlier corpus or test), every kind of
case of issue 16. Same markup as `make_round4.py`. Every value is invented (NHS numbers in the 999
test range, Ofcom drama phone numbers)."""
from __future__ import annotations

import random
from pathlib import Path

import corpus  # the shared machinery (round 4's pieces: fill_piece, parse_piece), beside this file

OUT = Path(__file__).with_name("round8.jsonl")
R = random.Random(16_08)

POOLS = {
    "G": ["Ebunoluwa", "Zodwa", "Kazimierz", "Gráinne", "Eurig", "Nasrin", "Kehinde", "Yevgenia",
          "Amarachi", "Thulani", "Dorota", "Folasade", "Bronwen", "Ikechukwu"],
    "F": ["Adeyemi-Clarke", "Mazibuko", "Sokolowski", "Pryce-Jenkins", "Haldane-Obi",
          "Chatterjee-Lowe", "Nwankwo-Reid", "Quaye", "Szczepańska", "Ravindran"],
    "W": ["Pilot", "Sparkle", "Rocket", "Biscuit", "Pickle", "Rusty", "Button", "Pepper", "Poppet",
          "Sunshine", "Marble", "Velvet", "Tempest", "Bliss"],
    "WF": ["Mercer", "Fletcher", "Glover", "Tyler", "Draper", "Collier"],
    "KW": ["Godswill", "Testimony", "Victory", "Glory", "Goodluck", "Precious-Joy"],
    "EA": ["Ngo Thi Huong", "Phan Van Bao", "Seo Min-jae", "Kang Ji-hye"],
    "PART": ["Eurig ap Dafydd", "Gráinne Nic Giolla Phádraig", "Thulani ka Mazibuko",
             "Cormac Ó hAodha"],
    "LEET": ["P1ckle", "R0cket", "Kaz1mierz", "V3lvet"],
    "WARD": ["Coriander", "Chervil", "Lovage", "Tarragon", "Borage"],
    "SITE": ["Wansbeck Vale Hospital", "Coquet Lodge Nursing Home", "Alnmouth Road Surgery",
             "Rothbury Bridge Clinic", "St Aidan's Day Hospice"],
    "ABBR": ["WVH", "CLNH", "ARS", "R&B"],
    "PC": ["TD15 1AX", "NE65 7QP", "NE66 3LR", "DH8 9ZT"],
    "STREET": ["5 Bamburgh Row", "Flat 9, 12 Aln Street", "Whin Cottage, Howick Lane",
               "88 Warkworth Avenue"],
    "PH": ["07700 900 806", "07700-900-149", "0191 498 0117", "(0113) 496 0288", "07700 900957"],
    "EXT": ["6641", "7023", "1189"],
    "NHS": ["999 721 0046", "999-388-5512", "999 1035 774"],
    "NI": ["ZX 11 24 86 A", "LM/77/30/52/D"],
    "HANDLE": ["pickle.on.nights", "kaz_sono", "bliss.xo", "ebun.midwifery"],
    "EMAIL": ["k.quaye@nhs.net", "bronwen dot pryce at nhs dot net", "zodwa.m@example.org"],
    "GLUED": ["Nasrin07700900188", "kehinde9995550123"],
    "DATE": ["Mon 16/6", "Fri 31st Jan", "9th of December", "Thurs 2/10", "14.02.2025",
             "Saturday 5th April"],
    "STAFF": ["70331", "5127", "P-40982", "EST-2210"],
    "REG": ["7715302", "15J0442C"],
    "KEEP": ["Yoruba", "Hindu", "Lithuanian", "Black", "Muslim", "Kenyan", "lesbian", "Irish",
             "Tamil", "Pakistani", "Sudanese", "autistic"],
}

PIECES = [
    # a maternity support worker
    "On the postnatal ward {PERSON:<W>} kept telling mums I 'wouldn't understand' because I'm [[<KEEP>]].",
    "{PERSON:<W>} said the same to the student today, word for word.",
    # a hospital volunteer
    "I volunteer on the welcome desk at {ORG:<SITE>}. A man asked {PERSON:<G>} if I was 'allowed out on my own'.",
    "The volunteer coordinator, {PERSON:<TITLE> <WF>}, said I should 'toughen up'.",
    # a sonographer
    "Mid-scan the husband asked {PERSON:<W>} to 'get the English girl' and she went and got her.",
    "I trained for four years. {PERSON:<W>} still introduces me as 'the helper'.",
    # an estates electrician
    "lads in the workshop call me {PERSON:<W>} cos they can't be bothered with my real name",
    "gaffer {PERSON:<w>} laughs along every time, never says owt",
    # a district nurse
    "Visited {LOCATION:<STREET>}, {POSTCODE:<PC>} on {DATE:<DATE>}. The patient's daughter would not let me in and {PERSON:<G>} from the office told me to 'not make a fuss'.",
    "Car keyed again outside the base. Told {PERSON:<W>}, nothing done.",
    # a care home's night manager
    "Night report: {PERSON:<W>} refused to work with the new [[<KEEP>]] carer again. Spoke to {PERSON:<G> <F>} at handover.",
    "{PERSON:<W>} and {PERSON:<W2>} swapped the rota so I'm always alone with the hoist.",
    # an international doctor
    "As an IMG I'm used to it, but {PERSON:<TITLE> <F>} asking if my degree was 'bought' in front of the ward round was too much.",
    "My educational supervisor {PERSON:<G>} told me to 'work on my accent' in my ARCP feedback.",
    # a medical secretary
    "Typing clinic letters, {PERSON:<W>} reads mine out in a silly voice for the others.",
    "If you need me I'm on extension {PHONE:<EXT>}, mornings only.",
    # a children's nurse
    "A parent on {ORG:<WARD> ward} asked for 'someone who speaks properly'. {PERSON:<W>} laughed and took over.",
    "{PERSON:<KW>} was the only one who checked I was ok afterwards.",
    # a stroke-ward HCA
    "every shift with {PERSON:<w>} its the same, comments about my headscarf",
    "ask {PERSON:<INI>}, she heard it all",
    # a 999 call handler
    "A caller said he wanted 'a British operator'. My team leader {PERSON:<W>} took the call and apologised to HIM.",
    "In the control room {PERSON:<G>} plays music from 'my country' when I walk in, as a joke.",
    # a learning-disability nurse
    "At {ORG:<ABBR>} the deputy, {PERSON:<G> <F>}, calls my [[<KEEP>]] colleagues 'you lot'.",
    "{PERSON:<PART>} witnessed it and wrote a statement.",
    # a mortuary technician
    "The porters won't come in when I'm on, {PERSON:<W>} told them I 'do rituals'.",
    # a podiatrist
    "{PERSON:<EA>} was booked with me and asked for 'anyone else'. Reception just moved her.",
    # a diary with dates
    "{DATE:<DATE>} - {PERSON:<W>} again. Mocked my name in handover.\n{DATE:<DATE>} - reported it, nothing.",
    # an incident form
    "Incident description: staff member {PERSON:<G> <F>} ({STAFF_ID:<STAFF>}) made remarks about my religion.\nLocation: {ORG:<WARD> unit}",
    "Person(s) involved: {PERSON:<W>}, {PERSON:<G>}\nContact number: {PHONE:<PH>}",
    # a Teams chat
    "[Teams] {PERSON:<W>}: can someone else take bay 3, I don't think she'll cope\n[Teams] {PERSON:<G>}: lol",
    "she found me on insta {HANDLE:<HANDLE>} and commented on every picture",
    # a letter to HR
    "Dear HR, I am writing about {PERSON:<TITLE> <WF>}, band 7, who has repeatedly questioned my right to work here. My NHS number, {NHS_NUMBER:<NHS>}, was looked up without reason.",
    "Please reply to {EMAIL:<EMAIL>} rather than my work address.",
    # a text to a friend pasted in
    "'hun u wont believe it, {PERSON:<w>} said i smell of spices in front of everyone x'",
    "'{PERSON:<W>} is at it again, says im only here for the visa lol'",
    # capitals
    "WHY IS {PERSON:<WUP>} STILL ON THE ROTA AFTER EVERYTHING",
    "{PERSON:<GUP>} KEEPS DOING IT AND NOBODY CARES",
    "REPORTED {PERSON:MRS <FUP>} TWICE NOW",
    # initials
    "It started when {PERSON:<INI>} moved me off days.",
    "{PERSON:<INI>} laughed the loudest.",
    # leetspeak
    "someone made an account called {PERSON:<LEET>} to post about me",
    # identifiers
    "My NI {NI_NUMBER:<NI>} was left on the printer with a note.",
    "Someone scrawled {OTHER_ID:<GLUED>} on the staff room fridge.",
    "My GMC number is {REG_NUMBER:<REG>} if you need to check who I am.",
    "The incident was on {DATE:<DATE>} in the {ORG:<WARD> ward} sluice.",
    # no personal information
    "I don't want anyone named, I just want it counted.",
    "It's the little things every day, not one big thing.",
    "Being [[<KEEP>]] on a night shift means you hear everything they think you can't.",
    "The manager said it was 'just banter' and that I should 'have a thicker skin'.",
]

TITLES = ["Dr", "Mr", "Mrs", "Ms", "Sister", "Nurse"]
INITIALS = ["JB", "KO", "SH", "LW", "DM", "TC"]


def main() -> None:
    corpus.build_pieces(OUT, "r8", 220, R, PIECES, POOLS, TITLES, INITIALS)


if __name__ == "__main__":
    main()
