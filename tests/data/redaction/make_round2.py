"""Writes `round2.jsonl`: labelled synthetic narratives for the kinds of miss of issue 16, in the
format of `dev.jsonl` (see README.md here). Written after the rules for these kinds were frozen;
every name, place, number and handle is invented here (numbers in the NHS 999 test range and
Ofcom's drama ranges), not taken from any corpus. Deterministic: `python make_round2.py` rewrites
the same file.

Templates mark spans inline: `{TYPE:slot}` is personal information of TYPE filled from a slot
(a list or a function below); `[[word]]` is a must-keep word. Each narrative joins one to three
templates, so that kinds meet in one text as they do in real reports."""
from __future__ import annotations

import random
from pathlib import Path

import corpus  # the shared machinery, beside this file

OUT = Path(__file__).with_name("round2.jsonl")
R = random.Random(20261205)

# --- invented people and places -------------------------------------------------------------
GIVEN = ["Oyelaran", "Tendai", "Mairead", "Ifeoluwa", "Bartosz", "Sunniva", "Ngozi", "Eluned",
         "Kofi", "Anjali", "Dumisani", "Catrin", "Rafferty", "Yetunde", "Marisol", "Hamid",
         "Zdenka", "Precious", "Obinna", "Saoirse", "Thandiwe", "Lowri", "Wiremu", "Farida",
         "Kwabena", "Isolde", "Chidera", "Radomir", "Akosua", "Bronwen", "Nnamdi", "Leocadia",
         "Tiago", "Shirin", "Mthunzi", "Greer", "Adaugo", "Emeka", "Hollis", "Jolanta"]
FAMILY = ["Okonjo", "Varga", "Ní Riain", "Adebisi", "Kowalewski", "Haugland", "Ezeh",
          "Prydderch", "Asante", "Menon", "Zulu-Khumalo", "Gruffudd", "Thistlewood", "Balogun",
          "Quintero", "Rahimi", "Novakova", "Mwale", "Chukwu", "Ó Dálaigh", "Dlamini", "Pughe",
          "Te Rangi", "Haidari", "Boateng", "Featherstone", "Nwachukwu", "Petrovic", "Oduya",
          "Carvalho", "Tehrani", "Sibiya", "Lockhart", "Okafor-Reid", "Achterberg", "Wojcik"]
# given names that are also words
WORD_NAMES = ["Rose", "Faith", "Hope", "Grace", "Joy", "Ruby", "Holly", "Ivy", "Dawn", "Summer",
              "April", "June", "Will", "May", "Pat", "Bless", "Sky", "Amber", "Hazel", "Heather",
              "Patience", "Precious", "Honor", "Jade", "Pearl", "Robin", "Drew", "Skye", "Autumn"]
PARTICLED = ["Rhodri ap Iorwerth", "Angharad ferch Dafydd", "Mairi Nic a' Phearsain",
             "Ciarán Mac an t-Saoir", "Eimear Ní Bhraonáin", "Pádraig Ó Floinn",
             "Yasmin bint Hamad", "Omar ibn Saeed", "Liesbeth van den Heuvel", "Ana dos Reis",
             "Matteo di Salvo", "Léa de la Croix", "Iolo ab Owain", "Sorcha Nic Dhòmhnaill"]
EAST_ASIAN = ["Park Ji-woo", "Kim Seo-yeon", "Phạm Thu Trang", "Nguyễn Văn Hùng", "Lee Min-jun",
              "Zhang Wei", "Choi Hye-jin", "Trần Thị Mai", "Wong Ka-yan", "Tanaka Haruto",
              "Lim Su-bin", "Huang Xiaoling", "Đặng Minh Khôi"]
LEET = {"Tendai": "T3nd4i", "Kofi": "K0fi", "Anjali": "4njali", "Hamid": "H4mid", "Catrin": "C4tr1n",
        "Obinna": "0binna", "Farida": "F4rida", "Emeka": "Em3ka", "Shirin": "Sh1rin",
        "Lowri": "L0wri", "Greer": "Gr33r", "Marisol": "M4r1sol", "Tiago": "T1ag0"}
WARDS = ["Plover", "Curlew", "Samphire", "Marram", "Teasel", "Lapwing", "Sedge", "Tern",
         "Wherry", "Brancaster", "Holkham", "Reedling"]
HOSPITALS = ["Waveney Valley Hospital", "St Felix's Hospital", "Ringland Community Hospital",
             "Yare Park Hospital", "Hethersett Lodge", "Broadland Medical Practice",
             "Tasburgh Surgery", "Mardle House"]
ABBREV = ["WVH", "YPH", "RCH", "N&W", "HL&T", "BMP", "WV", "YP", "NC&H", "SFH"]
STREETS = ["22 Wherryman Lane", "5 Cockle Row", "Flat 4, 17 Pightle Close", "81 Staithe Road",
           "9 Reedcutters Way", "The Old Forge, Mill Loke"]
POSTCODES = ["NR12 8QT", "NR31 6XB", "IP20 9HA", "NR28 0EW", "PE31 7LD", "NR9 5RS"]
PLATFORMS = ["snap", "insta", "tiktok", "snapchat", "ig", "discord"]
HANDLES = ["lilzee_77", "mumbles.rn", "kaybee2004", "nightnursenoni", "the_real_ozzy",
           "tundeee.x", "bexi_boo", "gorgeousgwen", "skyrocketkel", "dami.jnr"]
WEEKDAYS = ["Sat", "Tues", "Weds", "Thurs", "Mon", "Fri", "Sun", "Wed", "Tue"]
MONTHS = ["January", "March", "June", "July", "September", "November", "Feb", "Aug", "Oct"]
NUMBER_WORDS = ["oh", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"]
KEEP = ["Black", "Muslim", "Nigerian", "Polish", "hijab", "gay", "disabled", "Filipino",
        "Sikh", "Ghanaian", "accent", "trans", "Zimbabwean", "Jewish", "deaf", "Romanian"]


def full() -> str:
    return f"{R.choice(GIVEN)} {R.choice(FAMILY)}"


def initials() -> str:
    return R.choice("ABCDEFGHJKLMNPRSTWYZ") + R.choice("ABCDEFGHJKLMNPRSTWYZ")


def name_initial() -> str:
    return f"{R.choice(GIVEN + WORD_NAMES[:10])} {R.choice('BCDFGHJKLMNPRSTW')}" + R.choice(["", "."])


def lower_full() -> str:
    return f"{R.choice(GIVEN).lower()} {R.choice([f for f in FAMILY if ' ' not in f]).lower()}"


def mobile() -> str:
    return f"07700 900{R.randint(0, 999):03d}"


def digits_phone(sep: str, o_for_zero: bool = False) -> str:
    n = f"07700900{R.randint(0, 999):03d}"
    groups = [n[:5], n[5:8], n[8:]]
    s = sep.join(groups)
    return s.replace("0", "O") if o_for_zero else s


def spoken(number: str) -> str:
    words, i = [], 0
    while i < len(number):
        d = number[i]
        if i + 1 < len(number) and number[i + 1] == d and R.random() < 0.6:
            words += ["double", NUMBER_WORDS[int(d)]]
            i += 2
        else:
            words.append(NUMBER_WORDS[int(d)] if d != "0" else R.choice(["oh", "zero"]))
            i += 1
    return " ".join(words)


def nhs() -> str:
    return f"999{R.randint(0, 9999999):07d}"


def nhs_odd() -> str:
    n = nhs()
    style = R.choice(["double", "dots", "words", "dash2"])
    if style == "double":
        return f"{n[:3]}  {n[3:6]}  {n[6:]}"
    if style == "dots":
        return f"{n[:3]}.{n[3:6]}.{n[6:]}"
    if style == "dash2":
        return f"{n[:3]} - {n[3:6]} - {n[6:]}"
    return spoken(n)


def ni_slash() -> str:
    letters = R.choice(["JT", "KC", "PW", "RZ", "HL"])
    d = f"{R.randint(0, 999999):06d}"
    sep = R.choice(["/", " / ", "."])
    return sep.join([letters, d[:2], d[2:4], d[4:], R.choice("ABCD")])


def spaced_postcode() -> str:
    return " ".join(R.choice(POSTCODES).replace(" ", ""))


def email_spaced() -> str:
    g, f = R.choice(GIVEN).lower(), R.choice([f for f in FAMILY if " " not in f]).lower()
    return R.choice([f"{g}.{f} @ nhs . net", f"{g}{f[:3]} @ nhs.net", f"{g}.{f}@ nhs . net",
                     f"{g} . {f} @ nnuh . nhs . uk"])


def glued() -> str:
    return R.choice(GIVEN) + R.choice([nhs(), f"07700900{R.randint(0, 999):03d}"])


def ext() -> str:
    return f"{R.randint(2000, 7999)}"


def badge() -> str:
    return f"{R.randint(100, 9999)}"


def prefixed() -> str:
    return f"{R.choice(['MRN', 'RX', 'INC', 'DX', 'E', 'ESR', 'HR'])}-{R.randint(1000, 999999)}"


def weekday_date() -> str:
    d, m = R.randint(1, 28), R.randint(1, 12)
    return R.choice([f"{R.choice(WEEKDAYS)} {d}/{m}", f"{R.choice(WEEKDAYS)} {d}th {R.choice(MONTHS)}",
                     f"{R.choice(WEEKDAYS)} {d}.{m}"])


def day_month() -> str:
    return f"{R.randint(13, 28)}/{R.randint(1, 12)}"


def ward_team() -> str:
    return f"{R.choice(WARDS)} {R.choice(['Ward', 'ward'])} {R.choice(['team', 'unit', 'station'])}"


def team_word() -> str:
    return f"{R.choice(WARDS)} {R.choice(['team', 'unit', 'station', 'ward'])}"


def caps_title() -> str:
    return f"{R.choice(['MR', 'DR', 'MRS', 'MS'])} {R.choice([f for f in FAMILY if ' ' not in f]).upper()}"


def caps_title_mixed() -> str:
    return f"{R.choice(['MR', 'DR', 'MRS'])} {R.choice([f for f in FAMILY if ' ' not in f])}"


SLOTS = {
    "full": full, "given": lambda: R.choice(GIVEN), "family": lambda: R.choice(FAMILY),
    "initials": initials, "name_initial": name_initial, "word_name": lambda: R.choice(WORD_NAMES),
    "word_name_lower": lambda: R.choice(WORD_NAMES[:12]).lower(),
    "leet": lambda: R.choice(list(LEET.values())), "particled": lambda: R.choice(PARTICLED),
    "east_asian": lambda: R.choice(EAST_ASIAN), "caps_title": caps_title,
    "caps_title_mixed": caps_title_mixed, "shout_name": lambda: R.choice(GIVEN).upper(),
    "lower_full": lower_full, "lower_given": lambda: R.choice(GIVEN).lower(),
    "ext": ext, "badge": badge, "prefixed": prefixed, "weekday_date": weekday_date,
    "day_month": day_month, "hospital": lambda: R.choice(HOSPITALS),
    "abbrev": lambda: R.choice(ABBREV), "ward_team": ward_team, "team_word": team_word,
    "handle": lambda: R.choice(HANDLES), "mobile": mobile,
    "phone_slash": lambda: digits_phone("/"), "phone_bullet": lambda: digits_phone("•"),
    "phone_dash": lambda: digits_phone(" — "), "phone_o": lambda: digits_phone(" ", True),
    "phone_words": lambda: spoken(f"07700900{R.randint(0, 999):03d}"), "nhs_odd": nhs_odd,
    "ni_slash": ni_slash, "spaced_postcode": spaced_postcode, "email_spaced": email_spaced,
    "glued": glued, "street": lambda: R.choice(STREETS), "postcode": lambda: R.choice(POSTCODES),
    "keep": lambda: R.choice(KEEP),
}
FILL = {"platform": lambda: R.choice(PLATFORMS)}

# --- templates: {TYPE:slot} is personal information, [[x]] must be kept, {=slot} fills plain --
TEMPLATES = [
    # initials and a name with an initial
    "{PERSON:initials} told me my [[accent]] was 'hard work' in front of the whole handover.",
    "On the rota I'm just {PERSON:initials}, two letters, while everyone else gets a full name.",
    "I asked {PERSON:name_initial} why I'm always given the side rooms and got a shrug.",
    "It was {PERSON:name_initial} who said [[Muslim]] staff shouldn't do the Christmas shift.",
    "ask {PERSON:initials} on nights, she'll tell you what was said about my [[hijab]].",
    # names that are words
    "{PERSON:word_name} said I should 'go back to where I came from'. Nobody said anything.",
    "Thanks, {PERSON:word_name}, for being the only one who backed me up.",
    "'{PERSON:word_name}' is what they call me because they can't be bothered with my real name.",
    "{PERSON:word_name}, the band 6, laughed when the patient asked if I was [[Muslim]].",
    "Morning {PERSON:word_name}! is all I get, then I'm ignored for the rest of the shift.",
    "I told my manager and {PERSON:word_name} just rolled her eyes.",
    "my colleague {PERSON:word_name_lower} said it's 'just banter' when they mock my [[accent]].",
    "thanks {PERSON:word_name_lower}, you were the only one who checked on me after.",
    # leetspeak
    "Someone wrote {PERSON:leet} on the board next to a monkey drawing. It was about me.",
    "They keep spelling it {PERSON:leet} in the group chat so the filter doesn't catch it.",
    # particles and family name first
    "{PERSON:particled} told the patient I was 'only the cleaner' though I'm the nurse in charge.",
    "I work with {PERSON:particled} and she is always asked where she's 'really' from.",
    "{PERSON:east_asian} was told by a relative to 'speak proper English' on the ward.",
    "The consultant kept calling {PERSON:east_asian} by the wrong name for six months.",
    # honorifics in capitals, shouting
    "{PERSON:caps_title} SAID I SHOULD BE GRATEFUL TO BE HERE AT ALL.",
    "The letter was signed {PERSON:caps_title_mixed} and it called my [[hijab]] 'unprofessional'.",
    "WHY DOES {PERSON:shout_name} ALWAYS GET THE DAY SHIFTS AND I GET NIGHTS",
    "I AM SO TIRED OF {PERSON:shout_name} TALKING ABOUT 'YOU PEOPLE'",
    # numbers
    "If anyone wants to follow up ring me on ext {PHONE:ext}, I'm on the ward most days.",
    "My extension is {PHONE:ext} and my badge no. {STAFF_ID:badge}, I'm not hiding.",
    "The incident went in as {OTHER_ID:prefixed} but nothing happened.",
    "Staff number {STAFF_ID:badge}, I've complained twice already about the comments.",
    "The ticket {OTHER_ID:prefixed} was closed without anyone talking to me.",
    # dates
    "On {DATE:weekday_date} the registrar told me [[Black]] nurses 'can take more pain'.",
    "It happened again {DATE:weekday_date}, in the staff room, in front of students.",
    "It was {DATE:day_month}, I remember because it was my first night back.",
    # organisations
    "At {ORG:hospital} the [[Filipino]] nurses are always sent to the heaviest bays.",
    "I moved from {ORG:abbrev} to escape this and it's the same here.",
    "On the {ORG:ward_team} nobody will sit with me at break.",
    "The {ORG:team_word} jokes about my name every handover.",
    "{ORG:abbrev} staff told me my [[accent]] upsets the patients.",
    # handles
    "He added me on {=platform} {HANDLE:handle} and sent me messages about my [[hijab]].",
    "She posted about me, her {=platform} is {HANDLE:handle}, everyone saw it.",
    # lower case names
    "{PERSON:lower_full} is the one who keeps calling me 'the [[Polish]] one'.",
    "i told {PERSON:lower_given} it wasn't ok and she said i was too sensitive",
    # phones, NHS, NI, postcodes, e-mail, glued
    "I gave the relative my number by mistake, it's {PHONE:phone_slash}, and now he rings me.",
    "The patient wrote my number on the board: {PHONE:phone_bullet}.",
    "He had my mobile, {PHONE:phone_dash}, and texted me at night.",
    "My number is {PHONE:phone_o} if anyone wants to talk about it.",
    "He read my number out to the whole bay, {PHONE:phone_words}, laughing.",
    "The patient's NHS number {NHS_NUMBER:nhs_odd} was on the note he threw at me.",
    "My NI number {NI_NUMBER:ni_slash} was read out at the desk.",
    "He found my house, {POSTCODE:spaced_postcode}, and waited outside.",
    "Email me at {EMAIL:email_spaced} if you want the details.",
    "Someone wrote {OTHER_ID:glued} on my locker.",
    "He followed me to {LOCATION:street}, {POSTCODE:postcode} after the shift.",
    "{PERSON:full} said [[Nigerian]] nurses 'fake their qualifications'. {PERSON:given} heard it.",
]
# narratives with no personal information, written to trip a redactor that fails open or shut
CLEAN = [
    "In May we had a new rota and I may ask to move. It will not change anything.",
    "Grace period for the training is over, half the staff (1/2) haven't done it, 24/7 care.",
    "I'm a [[Black]] Band 5 nurse on A&E and the GP said I was 'aggressive' for asking a question.",
    "The prices rose again and nobody will cover the [[Muslim]] staff at Eid.",
    "Hope this is the right place. It's about how [[disabled]] staff are spoken to in handover.",
    "We were told on the 3/4 of the rota that [[trans]] staff must use the disabled loo.",
    "It was OK at first but by week 3 the HCA said my [[accent]] was 'a problem'.",
    "WHY IS IT ALWAYS THE INTERNATIONAL NURSES ON NIGHTS",
    "Summer is always the worst, agency staff are treated like they're invisible.",
    "My [[Sikh]] colleague was asked to take off his turban for a photo ID.",
]


def parts_of(n: int) -> list[str]:
    """The templates narrative n joins: this corpus's own mix of kinds and clean text."""
    parts = [R.choice(TEMPLATES) for _ in range(R.choice([1, 1, 2, 2, 3]))]
    if n % 10 == 0:
        parts = [R.choice(CLEAN)] + ([R.choice(CLEAN)] if R.random() < 0.5 else [])
    elif R.random() < 0.2:
        parts.insert(R.randrange(len(parts) + 1), R.choice(CLEAN))
    return parts


def main() -> None:
    corpus.build(OUT, "r2", 440, parts_of, SLOTS, FILL)


if __name__ == "__main__":
    main()
