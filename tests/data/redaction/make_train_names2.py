"""Writes `train_names2.jsonl`: a second TRAINING corpus for the learned name pass (issue 16, third
round on the pass), read by `services/redactor/train_name_model.py` (TRAIN and BALANCED). Written
after `round12.jsonl` was committed and never measured against it; none of its pieces is taken
from a held-out batch.

The kinds `round11.jsonl` leaked (read after its single measurement) were names in verb frames the
earlier corpora hold too rarely: a lower-case name after a verb of company ("crewed with", "on
lates with"), the first object of a two-object verb ("I showed … the rota"), after a text-speak
opener before "is"/"was", a capitalised name after a date, before "who" after "spoke to", first in
a sentence before a verb and a particle ("… signed off"). Here given names that are also words
(virtues, flowers, stones, weather, short English names: "Precious", "Poppy", "Storm", "Bob") and
given names of many origins stand in those frames in one half of the pieces, in lower case,
capitalised and in capitals, while the same words, and ordinary nouns, stand in the same frames as
things in the other half ("crewed with agency all week", "I showed the student the rota",
"honestly parking is the worst", "On Tues handover took an hour", "spoke to pharmacy who"), so the
model learns the frame, not the word. Voices: a bank HCA's run-on, a night sister's notes, a
porter's texts, a community nurse's diary, an AHP's e-mail. Same markup as `make_round4.py`.
Words, names and places are invented. Deterministic."""
from __future__ import annotations

import random
from pathlib import Path

import corpus  # the shared machinery (fill_piece, parse_piece, write), beside this file

OUT = Path(__file__).with_name("train_names2.jsonl")
R = random.Random(16_1202)

POOLS = {
    "W": ["Precious", "Gift", "Memory", "Comfort", "Marvel", "Goodness", "Miracle", "Destiny",
          "Peace", "Ruby", "Jade", "Holly", "Heather", "Poppy", "Daisy", "Lily", "Iris",
          "Jasmine", "Willow", "River", "Rain", "Storm", "Angel", "Sonny", "Major", "King",
          "Hunter", "Bob", "Sue", "Dot", "Chip", "Bea", "Rich", "Sterling", "Ebony", "Lucky"],
    "G": ["Olamide", "Bogdan", "Nokuthula", "Carwyn", "Siobhán", "Yusra", "Mandeep", "Arturas",
          "Chidera", "Kasia", "Efua", "Rosalind", "Darragh", "Mehwish", "Teodor", "Ayo"],
    "F": ["Okeke", "Jankowski", "Mabuza", "Pryce", "Ní Bhriain", "Qureshi", "Bhamra",
          "Zukauskas", "Ibekwe", "Mensah", "Leggett", "Copping"],
    "THING": ["agency", "parking", "handover", "lunch", "the printer", "the rota", "training",
              "paperwork", "the heating", "the lift", "night shift", "the canteen", "bank staff",
              "the new system", "the phones", "supervision"],
    "NOUN": ["gift", "memory", "comfort", "peace", "rain", "storm", "river", "holly", "poppy",
             "daisy", "jasmine", "willow", "ruby", "angel", "chip", "favour", "miracle", "chance"],
    "COMPANY": ["crewed with", "on lates with", "paired up with", "stuck on nights with",
                "on the early with", "doing the drug round with", "buddied with", "working alongside",
                "covering the bay with", "on the ambulance with"],
    "TWO": ["I showed", "I handed", "I gave", "I passed", "I sent", "I brought", "I lent",
            "I offered", "I forwarded"],
    "OBJ": ["the rota", "my notes", "a coffee", "the handover sheet", "the keys", "my pen",
            "the obs chart", "a lift home", "the email"],
    "OPEN": ["honestly", "tbh", "ngl", "lowkey", "fr", "omg", "ugh", "literally", "icl", "tho"],
    "PRED": ["is the worst for it", "was out of order", "has it in for me", "is so rude to me",
             "was horrible today", "is always like this with me", "never says thank you to me"],
    "THINGPRED": ["is the worst", "was a nightmare", "has been awful", "is always like this",
                  "was horrible today", "is never on time"],
    "DATE": ["Tues 4th Feb", "Sat 9/8", "Weds 22nd Oct", "Mon 1/12", "Thurs 3.7"],
    "ACT": ["took the notes off me", "signed off everyone but me", "moved my bag", "sent me home",
            "put me on breaks last", "told the family I was new", "made a face at me",
            "swapped my shift", "refused to help", "walked out of handover"],
    "THINGACT": ["took an hour", "ran over", "went on forever", "was cancelled", "started late",
                 "broke down", "was chaos"],
    "TO": ["spoke to", "went to", "complained to", "rang", "emailed", "messaged", "asked"],
    "SERVICE": ["pharmacy", "the bed manager", "switchboard", "estates", "occupational health",
                "someone in HR", "a senior", "the union rep", "the site team"],
    "ROLE": ["the charge nurse", "my buddy", "the bank coordinator", "our team lead",
             "the night sister", "my practice assessor", "the ward host", "the senior porter"],
    "KEEP": ["Polish", "Zimbabwean", "Sikh", "Muslim", "Romanian", "Ghanaian", "Black", "gay",
             "Filipino", "Latvian", "Nepali", "Pakistani"],
}

# a person in the frames round11 leaked on (lower case, capitalised, capitals)
NAMES = [
    "{PERSON:<w>} kept saying i was slow, i was <COMPANY> {PERSON:<w2>} all week",
    "<COMPANY> {PERSON:<w>} again and not one word to me all shift",
    "<COMPANY> {PERSON:<W>} and she ignored me the whole time",
    "<COMPANY> {PERSON:<g>} who kept calling me 'the foreign one'",
    "<TWO> {PERSON:<w>} <OBJ> and she just laughed at me",
    "<TWO> {PERSON:<W>} <OBJ> and got no reply",
    "<TWO> {PERSON:<g>} <OBJ> but he gave it to someone else",
    "<OPEN> {PERSON:<w>} <PRED>",
    "<OPEN> {PERSON:<W>} <PRED>",
    "<OPEN> {PERSON:<g>} <PRED> and everyone knows",
    "On {DATE:<DATE>} {PERSON:<W>} <ACT>.",
    "{DATE:<DATE>} - {PERSON:<W>} <ACT> again",
    "On {DATE:<DATE>} {PERSON:<w>} <ACT> in front of the [[<KEEP>]] patient",
    "I <TO> {PERSON:<W>} who said it was 'banter'.",
    "i <TO> {PERSON:<w>} who just shrugged",
    "I <TO> {PERSON:<G> <F>} who told me to let it go.",
    "{PERSON:<W>} <ACT>, and I'm the only [[<KEEP>]] one on the ward.",
    "{PERSON:<W>} and {PERSON:<G>} <ACT> in handover",
    "<ROLE> {PERSON:<w>} <ACT>",
    "me and {PERSON:<w>} were the only ones there when it happened",
    "'{PERSON:<W>}, leave it' is all anyone ever says",
    "{PERSON:<W>}, if you're reading this, you know what you did",
    "cheers {PERSON:<w>} for backing me up today",
    "{PERSON:<W> <INITIAL>} <ACT>",
    "TELL {PERSON:<WUP>} TO STOP CALLING ME THAT",
    "{PERSON:<WUP>} <ACT> AND NOBODY CARES",
    "{PERSON:<W>}'s comments about my [[<KEEP>]] family are not ok",
    "{PERSON:<w>}: 'you lot always stick together'",
    # a question about a person, in lower case and in capitals
    "why does {PERSON:<w>} always get the good shifts",
    "how is {PERSON:<w>} still allowed to talk to people like that",
    "why did {PERSON:<W>} never get told off",
    "WHY DOES {PERSON:<WUP>} ALWAYS GET WEEKENDS OFF",
]

# the same frames, and the same words, with no person in them
THINGS = [
    "i was <COMPANY> agency all week and they were lovely",
    "<COMPANY> a student again, which I don't mind",
    "<TWO> the patient <OBJ> and he said thanks",
    "<TWO> the student <OBJ> after handover",
    "<OPEN> <THING> <THINGPRED>",
    "<OPEN> the <NOUN> outside <THINGPRED>",
    "On {DATE:<DATE>} handover <THINGACT>.",
    "On {DATE:<DATE>} training <THINGACT> and nobody minded",
    "{DATE:<DATE>} - the meeting <THINGACT> again",
    "I <TO> <SERVICE> who said they would look into it.",
    "i <TO> <SERVICE> who never got back to me",
    "Paperwork <THINGACT> and I missed my break.",
    "<ROLE> said the <NOUN> in reception was a nice touch",
    "The <NOUN> on the windowsill was from a patient's family, a real <NOUN> to see",
    "Thank you for the <NOUN>, it meant a lot to the [[<KEEP>]] family.",
    "It was a miracle nobody got hurt, <NOUN> or not.",
    "Subject: rota for next month",
    "Forwarded message about the car park",
    "PLEASE STOP PUTTING ME ON NIGHTS",
    "She is the one person who helps.",
    "Ask pharmacy before you give it.",
    "why does <THING> always take so long",
    "how is <THING> still this bad",
    "why did the rota never get fixed",
    "WHY DOES NOBODY EVER LISTEN",
]

TITLES = ["Dr", "Mr", "Mrs", "Ms", "Sister"]
INITIALS = ["K", "B", "J", "R", "S"]


def main() -> None:
    POOLS["w2"] = [w.lower() for w in POOLS["W"]]
    POOLS["INITIAL"] = INITIALS
    items = []
    people, things = NAMES * 14, THINGS * 14
    R.shuffle(people)
    R.shuffle(things)
    pieces = [*people, *things]
    R.shuffle(pieces)
    i = 0
    while i < len(pieces):
        parts = pieces[i:i + R.choice([1, 2, 2])]
        i += len(parts)
        text = R.choice([" ", "\n", ". "]).join(
            corpus.fill_piece(p, R, POOLS, TITLES, INITIALS) for p in parts)
        items.append({"id": f"tn2-{len(items) + 1:04d}", **corpus.parse_piece(text)})
    corpus.write(OUT, items)


if __name__ == "__main__":
    main()
