"""Writes `train_names1.jsonl`: a TRAINING corpus for the learned name pass (issue 16, second round
on the pass), read by `services/redactor/train_name_model.py`. The kinds the held-out batches
leaked are ordinary words used as people's names (food, plants, animals, objects, weather),
mostly in lower case, which the earlier corpora hold too rarely for the model to learn. Here the
same pool of words stands as a person's name in half the narratives (lower case, capitalised,
in capitals; after a place phrase, a role, a text-speak opener, a date in a numbered list, a
preposition or verb that takes a person; coordinated with a name; spoken to; in a chat log) and
as a thing in the other half (food, plants, objects, a heading before a colon, a shouted verb),
so the model learns the context, not the words. Same markup as `make_round4.py`. Words, names
and places are invented and none is in `round10.jsonl` or `round11.jsonl` (the held-out
batches). Deterministic."""
from __future__ import annotations

import random
from pathlib import Path

import corpus  # the shared machinery (round 4's pieces: fill_piece, parse_piece), beside this file

OUT = Path(__file__).with_name("train_names1.jsonl")
R = random.Random(16_1101)

POOLS = {
    "W": ["Biscuit", "Crumpet", "Pickle", "Noodle", "Muffin", "Nugget", "Pudding", "Toast",
          "Fern", "Bramble", "Clover", "Thistle", "Bracken", "Moss", "Nettle", "Blossom",
          "Badger", "Otter", "Sparrow", "Magpie", "Beetle", "Button", "Marble", "Kettle", "Ribbon",
          "Frost", "Breeze", "Cloud", "Ginger", "Pepper", "Peanut", "Sprout", "Olive", "Cherry",
          "Hazelnut", "Sage", "Basil", "Cinnamon", "Coco", "Lemon", "Plum", "Apricot", "Berry"],
    "G": ["Adaobi", "Bartosz", "Ngozi", "Mthunzi", "Ffion", "Kofi", "Iestyn", "Chinwe", "Halina",
          "Tegen", "Morag", "Farai", "Shazia"],
    "F": ["Okafor-Lane", "Nowakowska", "Pascoe", "Khumalo", "Penrose", "Adebayo", "Wojcik",
          "Hendry", "Mensah-Ward"],
    "ROLE": ["mentor", "manager", "supervisor", "charge nurse", "team leader", "pharmacist",
             "porter", "registrar", "deputy", "buddy", "preceptor", "consultant", "healthcare assistant"],
    "PLACEPH": ["on reception", "in theatres", "on the night shift", "from the bank", "in the office",
                "on nights", "at the nurses' station", "in outpatients", "from estates",
                "on the early", "at the front desk"],
    "OPEN": ["omg", "lol", "tbh", "honestly", "ngl", "fr", "ugh", "and", "so", "then", "literally"],
    "PVERB": ["said", "told me", "laughed", "asked me", "keeps saying", "mimics me", "rolled her eyes",
              "ignored me", "walked off", "shouted", "complained", "made a comment", "wrote me up",
              "swapped my shift", "called me 'love'", "snapped at me", "smirked"],
    "TAKES": ["raised it with", "spoke to", "told", "asked", "complained about", "went to",
              "reported it to", "was paired with", "worked with", "messaged", "warned",
              "thanked", "got a lecture from", "sat with", "texted", "mentioned it to"],
    "DATE": ["Mon 3/2", "Fri 14th May", "2nd of April", "Weds 9/11", "12.01.2025"],
    "DISH": ["soup", "cake", "sandwiches", "crumble", "pie", "curry", "biscuits", "salad", "chutney",
             "jam", "tea", "pots", "cuttings", "seeds"],
    "LABEL": ["Reflection", "Outcome", "Background", "Summary", "Update", "Action", "Context",
              "Impact", "Note", "Request"],
    "SHOUT": ["NEEDS TO STOP", "MUST APOLOGISE", "PLEASE LISTEN", "STOP IGNORING ME", "READ THIS",
              "NOBODY CARES", "ENOUGH IS ENOUGH", "SORT IT OUT"],
    "KEEP": ["Polish", "Nigerian", "Muslim", "Black", "Filipina", "Indian", "Jamaican", "Welsh",
             "lesbian", "disabled", "Portuguese", "Ghanaian"],
    "ADJ": ["happy", "tired", "calm", "grateful", "upset", "angry", "confident", "ashamed", "scared",
            "glad", "quiet", "loud", "sorry", "sure", "fond", "sick", "afraid", "capable"],
    "WARD": ["Kingfisher", "Ashdown", "Trelowarren", "Bluebell"],
}

# an ordinary word used as a person's name: only positions a reader takes as a person
NAMES = [
    "{PERSON:<w>} <PLACEPH> <PVERB> again",
    "{PERSON:<W>} <PLACEPH> <PVERB> when I walked in.",
    "<OPEN> {PERSON:<w>} <PVERB> in front of everyone",
    "the <ROLE> {PERSON:<w>} <PVERB> and nobody said anything",
    "My <ROLE> {PERSON:<W>} <PVERB> after handover.",
    "my <ROLE> {PERSON:<w>} said i was too [[<KEEP>]] for the job",
    "i <TAKES> {PERSON:<w>} about it twice",
    "I <TAKES> {PERSON:<W>} and nothing changed.",
    "I have <TAKES> {PERSON:<w>} before",
    "1. On {DATE:<DATE>} {PERSON:<W>} <PVERB>.\n2. {PERSON:<W2>} saw it.",
    "3. On {DATE:<DATE>} {PERSON:<w>} <PVERB> again.",
    "{PERSON:<W>} and {PERSON:<G>} <PVERB> at the huddle.",
    "{PERSON:<G>} and {PERSON:<w>} both laughed",
    "me and {PERSON:<w>} were on together and she <PVERB>",
    "{PERSON:<W>}, if you're reading this, I know it was you.",
    "{PERSON:<w>} if you see this, stop",
    "[10:41] {PERSON:<W>}: anyone seen the [[<KEEP>]] nurse?\n[10:42] {PERSON:<G>}: lol",
    "{PERSON:<W>}: 'you lot always stick together'",
    "and {PERSON:<w>} just stood there watching",
    "Asked {PERSON:<W>} to help with the hoist and got nothing.",
    "asked {PERSON:<w>} for a break and she said no",
    "on the ward round {PERSON:<w>} <PVERB>",
    "In the staff room {PERSON:<W>} <PVERB> about my lunch.",
    "it was {PERSON:<w>} who reported me",
    "{PERSON:<W>} is the one who keeps moving my name on the rota.",
    "{PERSON:<w>} is the one who keeps starting it",
    "thanks to {PERSON:<w>} for backing me up today",
    "Thanks {PERSON:<W>} for sticking up for me.",
    "WHY DOES {PERSON:<WUP>} ALWAYS DO THIS",
    "{PERSON:<WUP>} <SHOUT>",
    "{PERSON:<W>}'s comment about my hair was the last straw.",
    "{PERSON:<w>}'s joke about my accent wasn't funny",
    "- {PERSON:<W>} talks over me\n- {PERSON:<W2>} copies my voice",
    "{PERSON:<W>} from {ORG:<WARD> ward} <PVERB>.",
    "Even {PERSON:<w>} said it was wrong.",
    "I think {PERSON:<w>} is the worst for it",
    "told {PERSON:<w>} i'm [[<KEEP>]] and she laughed",
    "{PERSON:<W>} keeps calling me by the wrong name.",
    "{PERSON:<w>} keeps calling me by the wrong name",
    "got moved again because {PERSON:<w>} wanted the easy bay",
    "{PERSON:<W> <F>} <PVERB> on my first day.",
    "{PERSON:<TITLE> <W>} <PVERB> during the ward round.",
    "{PERSON:<INI>} and {PERSON:<INI2>} <PVERB>.",
    "I heard {PERSON:<INI>} and {PERSON:<INI2>} talking about me.",
]

# the same kinds of word as things: food, plants, objects, weather, headings, shouted verbs
THINGS = [
    "<W> <DISH> was on the menu and everyone loved it.",
    "<W> <DISH> again in the canteen.",
    "someone brought <w> <DISH> in for the night shift",
    "We had <w> <DISH> at the leaving do.",
    "The <w> in the garden outside the unit needs cutting back.",
    "there's a <w> stuck in the kettle again",
    "A bag of <w> <DISH> went missing from the fridge.",
    "<LABEL>: I felt invisible for the whole shift.",
    "<LABEL>: nothing was done.",
    "<LABEL>: I would like this recorded.",
    "THE MANAGER <SHOUT>",
    "SOMEBODY <SHOUT>",
    "PLEASE <SHOUT>",
    "The <w> <DISH> in the vending machine is always out of date.",
    "I brought <w> <DISH> for everyone and it went in the bin.",
    "The patients' garden has <w> and roses along the path.",
    "My [[<KEEP>]] food gets called smelly but <w> <DISH> is fine apparently.",
    "The <w> was left on the trolley all night.",
    "We planted <w> by the day room window.",
    "<W> and rice was the only hot meal left.",
    "Nobody asked before taking my <w> <DISH> from the fridge.",
    "Save the <w> <DISH> for the night staff please.",
    "As a [[<KEEP>]] nurse I get the worst bays.",
    "The sign says no <w> on the ward.",
    "i left my <w> <DISH> in the office and it was gone",
    "<W> <DISH> recipe is on the board in the staff room.",
    "They put a <w> on the door of the quiet room.",
    # ordinary lower-case words after "and", a preposition or a verb, where a name could stand
    "i'm [[<KEEP>]] and <ADJ> of it, whatever they say",
    "By the end I was tired and <ADJ> and nobody noticed.",
    "i stayed <ADJ> and kept working",
    "I felt <ADJ> and small after the meeting.",
    "she was kind and <ADJ> with the patients, just not with me",
    "we were all <ADJ> about the changes",
]

TITLES = ["Dr", "Mr", "Mrs", "Ms", "Sister", "Nurse"]
INITIALS = ["BK", "HT", "ZP", "CL", "MV", "OD", "YS", "EL"]


def main() -> None:
    items = []
    for n in range(420):
        with_name = n % 2 == 0
        parts = [R.choice(NAMES if with_name else THINGS)]
        if R.random() < 0.5:
            parts.append(R.choice(THINGS))
        R.shuffle(parts)
        joiner = R.choice([" ", "\n", "  "])
        texts = [corpus.fill_piece(p, R, POOLS, TITLES, INITIALS) for p in parts]
        items.append({"id": f"tn1-{n + 1:04d}", **corpus.parse_piece(joiner.join(texts))})
    corpus.write(OUT, items)


if __name__ == "__main__":
    main()
