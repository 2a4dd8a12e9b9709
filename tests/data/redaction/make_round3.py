"""Writes `round3.jsonl`: a third labelled corpus for issue 16's kinds of miss (and the kinds
still leaking after round 2: single-word names not in any gazetteer, initials that are also
abbreviations, house and home names, names at a sentence's start before a present-tense verb).
Written for round 3 with other people, places, wordings and voices than `make_round2.py` and
`make_fresh.py`; measured once after the round-3 rules were frozen (figures in docs/redactor.md).
Same format and markup: `{TYPE:slot}` is personal information, `[[word]]` must be kept, `{=slot}`
fills plain text. Every value is invented (NHS numbers in the 999 test range, Ofcom drama phone
numbers)."""
from __future__ import annotations

import random
from pathlib import Path

import corpus  # the shared machinery, beside this file

OUT = Path(__file__).with_name("round3.jsonl")
R = random.Random(16_03)

GIVEN = ["Adwoa", "Brynmor", "Chinonso", "Deryn", "Eilidh", "Folasade", "Gwenllian", "Hadiza",
         "Iqra", "Jurgita", "Kaveh", "Liesel", "Mfoniso", "Nkosana", "Oisin", "Perpetua",
         "Qadira", "Rukayat", "Sindiswa", "Tadhg", "Uchenna", "Vesna", "Wanjiru", "Xanthe",
         "Yusra", "Zoltan", "Ebele", "Morfydd", "Tobenna", "Cerys", "Ozioma", "Kaelan"]
FAMILY = ["Ikwuemesi", "Vaughan-Thomas", "Ó Ceallaigh", "Wiśniewska", "Adjei-Mensah", "Gwilym",
          "Onyekachi", "Strachan", "Bamgbose", "Kuznetsova", "MacIver", "Nwosu", "Pretorius",
          "Lungu", "Abdirahman", "Treharne", "Okwu", "Szabo", "Mokoena", "Ferreira", "Quayle",
          "Ndlovu", "Haralambous", "Olawale", "Iheanacho", "Penhaligon", "Dzierzon"]
# given names that are ordinary words (some in a gazetteer, some not)
WORD_NAMES = ["Blossom", "Harmony", "Star", "Sterling", "Hunter", "Brook", "Clay", "Rowan",
              "Marigold", "Ember", "Justice", "Royal", "Memory", "Charity", "Unity", "Wisdom",
              "Fortune", "Lake", "River", "Sparrow", "Miracle", "Treasure", "Comfort", "Ivory"]
PARTICLED = ["Owain ap Gruffydd", "Gwen ferch Ieuan", "Morag Nic an t-Saoir",
             "Lachlan Mac a' Phì", "Niamh Ní Cheallaigh", "Eoin Ó Súilleabháin",
             "Maryam bint Yusuf", "Tariq bin Faisal", "Joost van de Berg", "Inês da Silva",
             "Carlo di Stefano", "Hélène de la Tour", "Rhys ab Emyr", "Kirsty Nic Ille"]
EAST_ASIAN = ["Bae Soo-ah", "Jeon Min-ho", "Bùi Thị Hạnh", "Đỗ Quang Minh", "Oh Ye-jin",
              "Zhao Lei", "Seo Yun-ah", "Lý Thanh Tâm", "Ho Wing-sze", "Kobayashi Ren",
              "Shin Hae-won", "Guo Meiling"]
LEET = ["Ad0wa", "Bryn m0r", "Ch1n0nso", "D3ryn", "3ilidh", "H4diza", "K4veh", "L13sel",
        "Z0ltan", "Uch3nna", "T4dhg", "Xanth3", "Y0sra"]
WARDS = ["Sandpiper", "Greenshank", "Stonechat", "Wigeon", "Pintail", "Shelduck", "Merlin",
         "Goldcrest", "Firecrest", "Linnet", "Siskin", "Dotterel"]
HOMES = ["Meadowsweet House", "The Larches", "Foxglove Court", "Hollyhock Lodge",
         "Beech Hollow", "Thornbury Grange", "Bramble Lea", "Kingfisher House"]
HOSPITALS = ["Glaven Valley Hospital", "St Botolph's Hospital", "Tas Valley Community Hospital",
             "Burnham Market Surgery", "Chet Valley Medical Centre", "Stiffkey Road Practice",
             "Waveney House Hospice", "Ant Broads General"]
ABBREV = ["GVH", "SBH", "TVCH", "CV", "BM", "GV", "S&B", "TV&C", "AB&G", "NWCH"]
POSTCODES = ["NR24 2QA", "NR15 1LE", "IP21 4YZ", "NR10 3HT", "PE32 2AB", "NR27 9JJ"]
HANDLES = ["uche.nna_", "blossom.bby", "ks_kaveh", "gwenllian.nurse", "vesnav_22",
           "the.real.tadhg", "ebele_xo", "oz_ioma", "brynnymor", "yus.ra.r"]
PLATFORMS = ["snap", "SC", "insta", "IG", "tiktok", "Facebook", "whatsapp"]
WEEKDAYS = ["Mon", "Monday", "Tue", "Thu", "Thursday", "Friday", "Sunday", "Sat", "Weds"]
MONTHS = ["May", "July", "November", "Feb", "Sep", "Dec", "April"]
KEEP = ["Black", "Muslim", "Sikh", "Jewish", "Zimbabwean", "Polish", "headscarf", "trans",
        "deaf", "dyslexic", "Filipina", "Somali", "Gypsy", "bisexual", "menopause"]
NUMBER_WORDS = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"]
AMBIGUOUS_INITIALS = ["DR", "PS", "MO", "AB", "JP", "TJ", "KC"]


def spoken(number: str) -> str:
    out, i = [], 0
    while i < len(number):
        d = number[i]
        if i + 1 < len(number) and number[i + 1] == d and R.random() < 0.5:
            out += ["double", R.choice(["oh", "zero"]) if d == "0" else NUMBER_WORDS[int(d)]]
            i += 2
        else:
            out.append(R.choice(["oh", "nought", "zero"]) if d == "0" else NUMBER_WORDS[int(d)])
            i += 1
    return R.choice([" ", "-"]).join(out) if R.random() < 0.3 else " ".join(out)


def phone() -> str:
    return f"07700900{R.randint(0, 999):03d}"


def landline() -> str:
    return f"01134960{R.randint(0, 999):03d}"


def odd_phone() -> str:
    n = R.choice([phone(), landline()])
    a, b, c = n[:5], n[5:8], n[8:]
    return R.choice([f"{a}/{b}{c}", f"{a} · {b} · {c}", f"{a}–{b}–{c}", f"{a} {b}{c}".replace("0", "o"),
                     f"({a}) {b}.{c}", f"+44 (0){a[1:]} {b} {c}", f"{a}_{b}_{c}", f"{a}|{b}{c}"])


def nhs() -> str:
    return f"999{R.randint(0, 9999999):07d}"


def nhs_odd() -> str:
    n = nhs()
    return R.choice([f"{n[:3]}  {n[3:6]}  {n[6:]}", f"{n[:3]}.{n[3:6]}.{n[6:]}",
                     f"{n[:3]}/{n[3:6]}/{n[6:]}", f"{n[:3]}_{n[3:6]}_{n[6:]}", spoken(n)])


def ni() -> str:
    d = f"{R.randint(0, 999999):06d}"
    p = R.choice(["JG", "SK", "RW", "ZT"])
    return R.choice([f"{p}/{d[:2]}/{d[2:4]}/{d[4:]}/{R.choice('ABCD')}", f"{p.lower()} {d} {R.choice('abcd')}",
                     f"{p}-{d[:2]}-{d[2:4]}-{d[4:]}-{R.choice('ABCD')}"])


def spaced_postcode() -> str:
    pc = R.choice(POSTCODES)
    return R.choice([" ".join(pc.replace(" ", "")), pc.lower(), pc.replace(" ", ""), pc.replace(" ", "  ")])


def email() -> str:
    g, f = R.choice(GIVEN).lower(), R.choice([f for f in FAMILY if f.isascii() and "-" not in f]).lower()
    return R.choice([f"{g}.{f} @ nhs . net", f"{g} dot {f} at nhs dot net", f"{g}{f[0]} (at) nhs.net",
                     f"{g}_{f} @ outlook . com", f"{g}.{f}[at]nhs[dot]net"])


def glued() -> str:
    return R.choice([R.choice(GIVEN) + nhs(), R.choice(GIVEN).lower() + phone(),
                     R.choice(GIVEN) + "-" + phone(), phone() + R.choice(GIVEN)])


def prefixed() -> str:
    return f"{R.choice(['INC', 'DX', 'W', 'HR', 'ER', 'CX'])}-{R.randint(1000, 999999)}"


def weekday_date() -> str:
    d, m = R.randint(1, 28), R.randint(1, 12)
    return R.choice([f"{R.choice(WEEKDAYS)} {d}/{m}", f"{R.choice(WEEKDAYS)} {d}{R.choice(['st', 'nd', 'rd', 'th'])} {R.choice(MONTHS)}",
                     f"{R.choice(WEEKDAYS)} {d}.{m}", f"{R.choice(WEEKDAYS)}, {d} {R.choice(MONTHS)}"])


def initials() -> str:
    letters = "ABCDEFGHJKLMNPRSTWY"
    return R.choice(letters) + R.choice(letters)


SLOTS = {
    "full": lambda: f"{R.choice(GIVEN)} {R.choice(FAMILY)}", "given": lambda: R.choice(GIVEN),
    "initials": initials, "amb_initials": lambda: R.choice(AMBIGUOUS_INITIALS),
    "dotted": lambda: f"{R.choice('ABCDEFGHJKLMNPRSTW')}.{R.choice('ABCDEFGHJKLMNPRSTW')}.",
    "name_initial": lambda: f"{R.choice(GIVEN + WORD_NAMES)} {R.choice('BCDFGHKLMNPRSTW')}{R.choice(['', '.'])}",
    "word_name": lambda: R.choice(WORD_NAMES), "word_lower": lambda: R.choice(WORD_NAMES).lower(),
    "leet": lambda: R.choice(LEET), "particled": lambda: R.choice(PARTICLED),
    "east_asian": lambda: R.choice(EAST_ASIAN),
    "caps_title": lambda: f"{R.choice(['MR', 'MRS', 'DR', 'MS'])} {R.choice([f for f in FAMILY if ' ' not in f]).upper()}",
    "caps_name": lambda: R.choice(GIVEN).upper(),
    "lower_full": lambda: f"{R.choice(GIVEN).lower()} {R.choice([f for f in FAMILY if ' ' not in f]).lower()}",
    "lower_given": lambda: R.choice(GIVEN).lower(),
    "ext": lambda: str(R.randint(1000, 8999)), "badge": lambda: str(R.randint(100, 99999)),
    "prefixed": prefixed, "weekday_date": weekday_date,
    "day_month": lambda: f"{R.randint(1, 28)}/{R.randint(1, 12)}",
    "hospital": lambda: R.choice(HOSPITALS), "abbrev": lambda: R.choice(ABBREV),
    "home": lambda: R.choice(HOMES),
    "ward_word": lambda: f"{R.choice(WARDS)} {R.choice(['Ward', 'ward'])} {R.choice(['team', 'station', 'unit', 'staff'])}",
    "team": lambda: f"{R.choice(WARDS)} {R.choice(['team', 'station', 'unit', 'bay'])}",
    "handle": lambda: R.choice(HANDLES), "odd_phone": odd_phone,
    "spoken_phone": lambda: spoken(phone()), "nhs_odd": nhs_odd, "ni": ni,
    "spaced_postcode": spaced_postcode, "email": email, "glued": glued,
}
FILL = {"platform": lambda: R.choice(PLATFORMS), "keep": lambda: R.choice(KEEP)}

TEMPLATES = [
    "On the allocation board I'm just {PERSON:initials}, everyone else gets a full name.",
    "{PERSON:initials} makes comments about my [[=keep]] every single handover.",
    "I reported {PERSON:initials} twice and nothing happened.",
    "{PERSON:amb_initials} said I should be 'grateful to be here'.",
    "Told {PERSON:amb_initials} it wasn't okay and got laughed at.",
    "The initials {PERSON:dotted} were on the complaint they wrote about me.",
    "Me and {PERSON:name_initial} got sent to the side rooms again.",
    "{PERSON:name_initial} mimics my accent at the nurses' station.",
    "{PERSON:word_name} keeps telling patients I'm 'not a real nurse'.",
    "Sorry {PERSON:word_name}, but you need to hear how that sounded.",
    "{PERSON:word_name} is the one who started calling me 'the [[=keep]] one'.",
    "It was {PERSON:word_name} who moved my things off the desk.",
    "We asked '{PERSON:word_name}' to stop and she just shrugged.",
    "{PERSON:given} always gives the heavy patients to the overseas nurses.",
    "{PERSON:given} keeps 'forgetting' to put me on the training list.",
    "{PERSON:given} is lovely to my face but not behind my back.",
    "i mentioned it to {PERSON:lower_given} who said to just ignore it",
    "even {PERSON:word_lower} told me to keep my head down",
    "A sticky note said {PERSON:leet} with a monkey drawn next to it.",
    "People spell it {PERSON:leet} in the group chat so the filter misses it.",
    "{PERSON:particled} told the family I was 'still learning English'.",
    "I work nights with {PERSON:particled} and we both get the same treatment.",
    "The patient kept calling {PERSON:east_asian} 'China' and staff laughed.",
    "{PERSON:east_asian} was asked where she was 'really' from by the registrar.",
    "{PERSON:caps_title} SAID MY [[=keep]] WAS 'UNPROFESSIONAL'",
    "WHY IS {PERSON:caps_name} ALLOWED TO TALK TO US LIKE THIS",
    "You can get me on ext. {PHONE:ext} most days.",
    "Ring extension {PHONE:ext} and ask for me if you want details.",
    "For the record my badge is {STAFF_ID:badge}.",
    "Staff number {STAFF_ID:badge}, in case anyone wants to check.",
    "I raised it as {OTHER_ID:prefixed} and the investigation never started.",
    "It was {DATE:weekday_date}, start of a long day.",
    "Happened again on {DATE:day_month} in the staff room.",
    "I used to work at {ORG:hospital} and it was just as bad there.",
    "I moved from {ORG:abbrev} last year hoping it would be better.",
    "Everyone in {ORG:abbrev} knows this happens.",
    "On {ORG:ward_word} they call me 'the foreign one'.",
    "The {ORG:team} left me out of the leaving do on purpose.",
    "I do agency shifts at {ORG:home} and the residents' families are worse than the staff.",
    "The manager at {ORG:home} said [[=keep]] carers 'don't understand dignity'.",
    "Found out he added me on {=platform} as {HANDLE:handle} and sent me abuse.",
    "Her {=platform} is {HANDLE:handle}, she posted about me there.",
    "{PERSON:lower_full} told a patient not to let me touch them.",
    "Someone gave my mobile {PHONE:odd_phone} to a relative.",
    "He read my number out loud — {PHONE:spoken_phone} — to the whole bay.",
    "They put NHS number {NHS_NUMBER:nhs_odd} and my name on the board.",
    "My NI number {NI_NUMBER:ni} was visible on the open laptop.",
    "He found my postcode {POSTCODE:spaced_postcode} and turned up.",
    "Email me at {EMAIL:email} if you want the screenshots.",
    "Somebody scrawled {OTHER_ID:glued} on the toilet door.",
    "{PERSON:full} won't let [[=keep]] staff take breaks together.",
    "Speak to {PERSON:full}, she was there when it happened.",
]
CLEAN = [
    "The rota for July came out and it's the same again.",
    "Justice would be someone actually listening for once.",
    "About half of the [[=keep]] staff have left since 2021.",
    "Every Eid the [[Muslim]] staff are told to cover the weekend.",
    "I'm a Band 5 and still get mistaken for the cleaner.",
    "Charity begins at home, they say, but not for agency staff.",
    "River walks on my day off are the only thing keeping me going.",
    "NOBODY EVER CHECKS ON THE NIGHT STAFF",
    "Memory is short round here when it suits them.",
    "The GP and the OT both heard it and said nothing.",
]


def parts_of(n: int) -> list[str]:
    """The templates narrative n joins: this corpus's own mix of kinds and clean text."""
    parts = [R.choice(TEMPLATES) for _ in range(R.choice([1, 2, 2, 3]))]
    if n % 10 == 0:
        parts = [R.choice(CLEAN) for _ in range(R.choice([1, 2]))]
    elif R.random() < 0.3:
        parts.insert(R.randrange(len(parts) + 1), R.choice(CLEAN))
    return parts


def main() -> None:
    corpus.build(OUT, "r3", 200, parts_of, SLOTS, FILL)


if __name__ == "__main__":
    main()
