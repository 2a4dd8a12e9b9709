"""Writes `fresh.jsonl`: a second labelled corpus for issue 16's kinds of miss, written after the
round-2 rules were frozen and never used to tune them (`round2.jsonl` was: see README.md here).
Other people, places, wordings and voices than `make_round2.py`; same format and markup:
`{TYPE:slot}` is personal information, `[[word]]` must be kept, `{=slot}` fills plain text
(corpus.py).
Every value is invented (NHS numbers in the 999 test range, Ofcom drama phone numbers)."""
from __future__ import annotations

import random
from pathlib import Path

import corpus  # the shared machinery, beside this file

OUT = Path(__file__).with_name("fresh.jsonl")
R = random.Random(7319)

GIVEN = ["Chiamaka", "Seren", "Ruairi", "Oluwatosin", "Gintare", "Abimbola", "Tomasz", "Nkechi",
         "Efua", "Aled", "Ishaan", "Zainab", "Fionnuala", "Kwame", "Bogdana", "Temperance",
         "Mehmet", "Siobhan", "Mandla", "Ewa", "Olamide", "Rhiannon", "Dorcas", "Jaswinder",
         "Aoife", "Kelechi", "Mirela", "Babajide", "Nia", "Lindiwe", "Piotr", "Yaw", "Ffion"]
FAMILY = ["Ogunbanjo", "Llewelyn", "Mac Giolla", "Kaminska", "Osei-Bonsu", "Rzepecki",
          "Adeyinka", "Ní Fhaoláin", "Mahlangu", "Jankowski", "Oyedepo", "Bevan", "Nakamura",
          "Ilunga", "Dimitrova", "Abara", "Sandhu", "Tshabalala", "Okwuosa", "Rees-Pritchard",
          "Gallacher", "Eze", "Mbeki", "Nowicka", "Ramaphosa", "Kelleher", "Opoku"]
WORD_NAMES = ["Rose", "Faith", "Hope", "Grace", "Joy", "Ruby", "Ivy", "Dawn", "Summer", "April",
              "June", "Will", "May", "Pat", "Bless", "Sunny", "Destiny", "Blessing", "Mercy",
              "Rowan", "Iris", "Poppy", "Lily", "Daisy", "Willow", "Sage", "Rain", "Storm", "Gift"]
PARTICLED = ["Gethin ap Meurig", "Nest ferch Rhys", "Ailsa Nic a' Bhreatannaich",
             "Tormod Mac an t-Sealgair", "Orla Ní Mhurchú", "Donncha Ó Briain", "Hind bint Nasser",
             "Khalid bin Sultan", "Sanne van der Linden", "Rui da Costa", "Giulia De Luca",
             "Hywel ab Ifan", "Catriona Nic Leòid", "Wim de Vries"]
EAST_ASIAN = ["Jung Da-eun", "Han Seung-woo", "Vũ Thị Lan", "Lê Quang Huy", "Cho Min-seo",
              "Liu Yang", "Kang Hye-won", "Ngô Bảo Châu", "Chan Siu-ming", "Suzuki Aoi",
              "Yoon Ji-ho", "Hoàng Thu Hà"]
LEET = ["Ch14m4k4", "S3ren", "Kw4me", "Z41nab", "T0masz", "N1a", "Ish44n", "M1rela", "Ef0a",
        "B4bajide", "D0rcas", "Ff10n", "0lamide"]
WARDS = ["Osprey", "Cormorant", "Avocet", "Bittern", "Heron", "Kittiwake", "Dunlin", "Godwit",
         "Sanderling", "Whimbrel", "Redshank", "Turnstone"]
HOSPITALS = ["Great Ouse General Hospital", "Saxmundham Road Surgery", "Holt Community Hospital",
             "Bure Valley Care Home", "Scroby Sands Hospice", "Wensum Health Centre",
             "Loddon Medical Practice", "Fakenham Lodge"]
ABBREV = ["GOGH", "HCH", "WHC", "BVCH", "NCH&C", "JP", "QE", "NN", "ECC&H", "N&S", "GY&W"]
POSTCODES = ["NR25 6BT", "NR34 9QP", "IP22 4LR", "NR2 3HU", "PE30 5JD", "NR18 0WL"]
HANDLES = ["ozzy_k_rn", "tee.jay.98", "lil_busola", "midwife_mo", "kwamzy.x", "sassy_siobhan_",
           "ffionfoxy", "bo.ge.da", "dj_babs_22", "zee.nab"]
PLATFORMS = ["snap", "Snapchat", "insta", "Instagram", "TikTok", "twitter", "fb"]
WEEKDAYS = ["Saturday", "Sat", "Tues", "Tuesday", "Weds", "Wednesday", "Thurs", "Fri", "Mon", "Sun"]
MONTHS = ["April", "August", "October", "December", "Jan", "Sept", "March"]
KEEP = ["Black", "Asian", "Muslim", "Hindu", "Ghanaian", "Romanian", "Welsh", "turban",
        "lesbian", "autistic", "pregnant", "Nepali", "Eritrean", "Irish", "wheelchair"]
NUMBER_WORDS = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"]


def spoken(number: str) -> str:
    out, i = [], 0
    while i < len(number):
        d = number[i]
        if i + 2 < len(number) and number[i + 1] == d == number[i + 2] and R.random() < 0.5:
            out += ["triple", NUMBER_WORDS[int(d)]]
            i += 3
        elif i + 1 < len(number) and number[i + 1] == d and R.random() < 0.6:
            out += ["double", "oh" if d == "0" else NUMBER_WORDS[int(d)]]
            i += 2
        else:
            out.append(R.choice(["oh", "o", "zero"]) if d == "0" else NUMBER_WORDS[int(d)])
            i += 1
    return R.choice([" ", ", "]).join(out) if R.random() < 0.3 else " ".join(out)


def phone() -> str:
    return f"07700900{R.randint(0, 999):03d}"


def landline() -> str:
    return f"01632960{R.randint(0, 999):03d}"


def odd_phone() -> str:
    n = R.choice([phone(), landline()])
    style = R.choice(["slash", "bullet", "emdash", "O", "dots", "middot"])
    a, b, c = n[:5], n[5:8], n[8:]
    return {"slash": f"{a}/{b}/{c}", "bullet": f"{a} • {b} • {c}", "emdash": f"{a}—{b}{c}",
            "O": f"{a} {b}{c}".replace("0", "O"), "dots": f"{a}.{b}.{c}",
            "middot": f"{a}·{b}·{c}"}[style]


def nhs() -> str:
    return f"999{R.randint(0, 9999999):07d}"


def nhs_odd() -> str:
    n = nhs()
    return R.choice([f"{n[:3]}  {n[3:6]}  {n[6:]}", f"{n[:3]}.{n[3:6]}.{n[6:]}",
                     f"{n[:3]}. {n[3:6]}. {n[6:]}", spoken(n)])


def ni() -> str:
    d = f"{R.randint(0, 999999):06d}"
    return R.choice([f"{R.choice(['TN', 'WX', 'PC', 'LB'])}/{d[:2]}/{d[2:4]}/{d[4:]}/{R.choice('ABCD')}",
                     f"{R.choice(['TN', 'WX', 'PC', 'LB'])}{d[:2]}/{d[2:4]}/{d[4:]}{R.choice('ABCD')}"])


def spaced_postcode() -> str:
    pc = R.choice(POSTCODES)
    return " ".join(pc.replace(" ", "")) if R.random() < 0.7 else "  ".join(pc.split())


def email() -> str:
    g, f = R.choice(GIVEN).lower(), R.choice([f for f in FAMILY if " " not in f]).lower()
    return R.choice([f"{g}.{f} @ nhs . net", f"{g}.{f} @nhs.net", f"{g}{f[0]} @ nhs.net",
                     f"{g}_{f} @ gmail . com"])


def glued() -> str:
    return R.choice([R.choice(GIVEN) + nhs(), R.choice(GIVEN).lower() + phone(),
                     R.choice(GIVEN) + "_" + phone()])


def prefixed() -> str:
    return f"{R.choice(['DATIX', 'W', 'IR', 'CASE', 'REF', 'AB'])}-{R.randint(10000, 9999999)}"


def weekday_date() -> str:
    d, m = R.randint(1, 30), R.randint(1, 12)
    return R.choice([f"{R.choice(WEEKDAYS)} {d}/{m}", f"{R.choice(WEEKDAYS)} {d}{R.choice(['st', 'nd', 'th'])} {R.choice(MONTHS)}",
                     f"{R.choice(WEEKDAYS)} the {d}th"])


def initials() -> str:
    return R.choice("ABDEFGHJKLMNOPRSTVWYZ") + R.choice("ABDEFGHJKLMNOPRSTVWYZ")


SLOTS = {
    "full": lambda: f"{R.choice(GIVEN)} {R.choice(FAMILY)}", "given": lambda: R.choice(GIVEN),
    "initials": initials,
    "name_initial": lambda: f"{R.choice(GIVEN + WORD_NAMES)} {R.choice('BCDFGHKLMNPRSTW')}{R.choice(['', '.'])}",
    "word_name": lambda: R.choice(WORD_NAMES), "word_lower": lambda: R.choice(WORD_NAMES).lower(),
    "leet": lambda: R.choice(LEET), "particled": lambda: R.choice(PARTICLED),
    "east_asian": lambda: R.choice(EAST_ASIAN),
    "caps_title": lambda: f"{R.choice(['MR', 'MRS', 'DR', 'MISS'])} {R.choice([f for f in FAMILY if ' ' not in f]).upper()}",
    "caps_name": lambda: f"{R.choice(GIVEN).upper()}",
    "lower_full": lambda: f"{R.choice(GIVEN).lower()} {R.choice([f for f in FAMILY if ' ' not in f]).lower()}",
    "ext": lambda: str(R.randint(1000, 8999)), "badge": lambda: str(R.randint(100, 99999)),
    "prefixed": prefixed, "weekday_date": weekday_date,
    "day_month": lambda: f"{R.randint(1, 30)}/{R.randint(1, 12)}",
    "hospital": lambda: R.choice(HOSPITALS), "abbrev": lambda: R.choice(ABBREV),
    "ward_word": lambda: f"{R.choice(WARDS)} {R.choice(['Ward', 'ward', 'Unit'])} {R.choice(['team', 'station', 'unit', 'ward'])}",
    "team": lambda: f"{R.choice(WARDS)} {R.choice(['team', 'station', 'unit'])}",
    "handle": lambda: R.choice(HANDLES), "odd_phone": odd_phone,
    "spoken_phone": lambda: spoken(phone()), "nhs_odd": nhs_odd, "ni": ni,
    "spaced_postcode": spaced_postcode, "email": email, "glued": glued, "keep": lambda: R.choice(KEEP),
}
FILL = {"platform": lambda: R.choice(PLATFORMS), "keep": lambda: R.choice(KEEP)}

TEMPLATES = [
    "Handover sheet had me down as {PERSON:initials} and the [[=keep]] nurses had full names.",
    "{PERSON:initials} keeps asking if I 'understand English' in front of patients.",
    "Got moved again. {PERSON:name_initial} said it was 'for my own good'.",
    "Me and {PERSON:name_initial} were the only [[Black]] staff on and we got the worst bays.",
    "{PERSON:word_name} told the relatives I was 'the help'.",
    "Honestly {PERSON:word_name}, if you're reading this, you know what you said.",
    "'{PERSON:word_name}' — that's what they renamed me, as if my name was too hard.",
    "{PERSON:word_name}, can you stop calling me 'sweetheart' in front of my students?",
    "Nobody stopped it. Then {PERSON:word_name} walked off laughing.",
    "i said to my mentor {PERSON:word_lower} that the comments about my [[turban]] hurt",
    "cheers {PERSON:word_lower}, the only one who asked if I was ok",
    "Somebody left a note saying {PERSON:leet} 'go home'.",
    "They write {PERSON:leet} on the whiteboard so management can't search for it.",
    "{PERSON:particled} asked me if I was 'one of the [[Muslim]] ones'.",
    "I was paired with {PERSON:particled} and the patient refused both of us.",
    "{PERSON:east_asian} gets called 'Covid' by the porters.",
    "The matron asked {PERSON:east_asian} to 'smile more, like the other Asian girls'.",
    "{PERSON:caps_title} TOLD ME TO GO BACK TO MY OWN COUNTRY",
    "I'M FED UP OF {PERSON:caps_name} MAKING JOKES ABOUT MY [[ACCENT]]",
    "Call me on extension {PHONE:ext} if you need to talk.",
    "My staff no. is {STAFF_ID:badge}, I don't care who knows.",
    "Badge number {STAFF_ID:badge}. I was the one they laughed at.",
    "It went on Datix as {OTHER_ID:prefixed} and I heard nothing.",
    "It happened on {DATE:weekday_date} on the late shift.",
    "Last time was {DATE:day_month}, right before my appraisal.",
    "Everyone at {ORG:hospital} knows what goes on with the agency staff.",
    "I left {ORG:abbrev} because of this and now it's happening here too.",
    "Nobody on {ORG:ward_word} will swap shifts with me.",
    "The {ORG:team} call me 'the [[Romanian]]' not my name.",
    "Complaining to {ORG:abbrev} management got me nowhere.",
    "He messaged me on {=platform} as {HANDLE:handle} after I refused his friend request.",
    "Her {=platform} is {HANDLE:handle} and she posted a video mocking my [[accent]].",
    "{PERSON:lower_full} said [[pregnant]] staff are 'a liability'.",
    "She gave my mobile, {PHONE:odd_phone}, to a patient's son.",
    "A patient copied my number {PHONE:odd_phone} off the rota.",
    "He said my number back to me — {PHONE:spoken_phone} — and winked.",
    "The form had NHS no {NHS_NUMBER:nhs_odd} and my name on it.",
    "My NI {NI_NUMBER:ni} was on the letter left on the desk.",
    "He knew my postcode, {POSTCODE:spaced_postcode}, and said it out loud.",
    "Write to me at {EMAIL:email} and I'll tell you more.",
    "Someone wrote {OTHER_ID:glued} on the staff room wall.",
    "{PERSON:full} refuses to work with [[Nepali]] HCAs.",
    "Ask {PERSON:full}, she saw everything and said nothing.",
]
CLEAN = [
    "The rota for May will be out soon and I'm dreading it again.",
    "Staff rose to the challenge but the [[Eritrean]] nurses got no credit at all.",
    "About 3/4 of the team are agency and they're treated worse, 24/7.",
    "It's the same every Christmas: [[Hindu]] and [[Muslim]] staff are told to cover.",
    "I'm on a Band 6 and the ED consultant still assumes I'm the HCA.",
    "Grace and patience are what they expect from us while they say nothing.",
    "Summer holidays always go to the same people, never the [[Welsh]] speakers.",
    "THIS HAPPENS EVERY SINGLE SHIFT AND NOBODY DOES ANYTHING",
    "Hope it changes. I can't keep working like this.",
    "My [[lesbian]] colleague was asked 'which one of you is the man'.",
]


def parts_of(n: int) -> list[str]:
    """The templates narrative n joins: this corpus's own mix of kinds and clean text."""
    parts = [R.choice(TEMPLATES) for _ in range(R.choice([1, 2, 2, 3, 4]))]
    if n % 9 == 0:
        parts = [R.choice(CLEAN) for _ in range(R.choice([1, 2]))]
    elif R.random() < 0.25:
        parts.insert(R.randrange(len(parts) + 1), R.choice(CLEAN))
    return parts


def main() -> None:
    corpus.build(OUT, "fr", 420, parts_of, SLOTS, FILL)


if __name__ == "__main__":
    main()
