"""Writes `round4.jsonl`: a fourth labelled corpus, written for round 4 of issue 16 before that
round's rules were tuned, and measured once with them frozen (figures in docs/redactor.md).

Unlike `make_round3.py` (one sentence frame per kind, filled at random), the pieces below are
hand-written short narratives in different voices (angry, flat, formal, text-speak, a manager's
note, a student's), each mixing several kinds of case: ordinary words used as names and in no
list, kept words used as names, names in lists and after "with/to/from/asked/told", possessives,
names spoken to, names in quoted speech, names shouted in capitals, handles without "@", plus
the usual identifiers. A narrative is one or two pieces. Markup: `<slot>` is filled from the
pools, `{TYPE:text}` is personal information, `[[word]]` must be kept. Every value is invented
(NHS numbers in the 999 test range, Ofcom drama phone numbers)."""
from __future__ import annotations

import random
from pathlib import Path

import corpus  # the shared machinery (round 4's pieces: fill_piece, parse_piece), beside this file

OUT = Path(__file__).with_name("round4.jsonl")
R = random.Random(16_04)

POOLS = {
    # given names not used by the earlier corpora
    "G": ["Oluwadamilare", "Bronwen", "Anesu", "Thandeka", "Radek", "Mairead", "Kwesi-Ato", "Zofia",
          "Golnaz", "Dafydd", "Nomvula", "Aurelio", "Sadbh", "Tendai", "Magdalena", "Fionnlagh",
          "Olamide", "Henrike", "Parisa", "Cathal", "Yewande", "Ilse", "Farhan", "Heledd"],
    "F": ["Oyelaran", "Prothero", "Chikwanha", "Dlamini", "Kowalczyk", "Ó Broin", "Boateng-Mills",
          "Wróblewska", "Tehrani", "Llewellyn-Jones", "Zulu-Banda", "Castellano", "Mhlanga",
          "Ferencz", "Adebowale", "McGillivray", "Nakashima", "Ekwueme", "Rautenbach", "Pengelly"],
    # ordinary English words used as given names, not in earlier corpora
    "W": ["Nettle", "Clover", "Haven", "Thistle", "Garnet", "Tansy", "Fable", "Onyx", "Briar",
          "Tinsel", "Echo", "Saffron", "Juniper", "Ash", "Marsh", "Story", "Lark", "Cove"],
    # family names that are ordinary words
    "WF": ["Fields", "Baker", "Hill", "Stone", "Forest", "Marsh", "Rivers", "Bell", "Frost",
           "Mason", "Fisher", "Cross"],
    "WARD": ["Hornbeam", "Spindle", "Guelder", "Wayfaring", "Buckthorn", "Dogwood", "Turnstone",
             "Blackthorn", "Whitebeam", "Plover"],
    "SITE": ["Wensum Vale Hospital", "Yare Bank Medical Centre", "Bure House", "Caister Road Surgery",
             "Hethel Lodge Care Home", "Marham Fields Hospice", "Salhouse Community Hospital"],
    "ABBR": ["WSVH", "YBMC", "SCH", "H&L", "MFH"],
    "PC": ["NR13 6PZ", "NR28 0BQ", "IP22 1HX", "PE30 4TS", "NR9 5LD"],
    "STREET": ["14 Ranworth Close", "3 Tunstead Lane", "Flat 2, 61 Cromer Road",
               "27 Hoveton Drive", "8 Smallburgh Way"],
    "PH": ["07700 900417", "07700 900 862", "0161 496 0733", "07700-900-259", "020 7946 0128"],
    "NHS": ["999 012 3456", "9990456781", "999 765 4321", "999-333-1110"],
    "HANDLE": ["nettle.x.rn", "kwesi_does_nights", "bronwen.b99", "the_anesu", "radek.k.rn",
               "sadbh_o_", "tendai.theatres"],
    "EMAIL": ["i.oyelaran@nhs.net", "bronwen.prothero@wvh.nhs.uk", "anesu.c@nhs.net",
              "radek_k@example.org"],
    "DATE": ["12/03/1988", "3rd of June", "Tues 9/7", "21.11.2024", "Sunday 14th April",
             "1 Feb 1979"],
    "STAFF": ["448213", "E-20417", "SN 77341", "T4-9012"],
    "KEEP": ["Nigerian", "Muslim", "hijab", "Black", "Ghanaian", "Hindu", "Romanian", "gay",
             "wheelchair", "Filipino", "Traveller", "autistic", "Jamaican", "lesbian"],
    # words the analysis keeps, used here as names
    "KW": ["Blessing", "Precious", "Patience", "Favour", "Hope", "Grace", "Faith", "Joy",
           "Mercy", "Honour"],
}

PIECES = [
    # angry, run-on
    "so {PERSON:<W>} decided id be on bank again and when i said no she told {PERSON:<G>} i was 'difficult'. every single time",
    "I'm sick of it. {PERSON:<W>} and {PERSON:<G>} laugh every time I open my mouth because of my accent, I'm [[<KEEP>]] not stupid.",
    "Handover on {ORG:<WARD>} was a joke, {PERSON:<G> <F>} talked over me then asked {PERSON:<W>} to 'translate' what I meant.",
    "WHY DOES {PERSON:<WUP>} GET AWAY WITH THIS. every shift the same comments about my [[<KEEP>]] family",
    "me, {PERSON:<G>}, {PERSON:<W>} and {PERSON:<G2>} were all on lates and only I got pulled to the other ward.",
    # flat, factual
    "On {DATE:<DATE>} the nurse in charge ({PERSON:<G> <F>}) said to a patient that I was 'one of the foreign ones'.",
    "The comment was made by {PERSON:<W> <WF>}, a band 7, in front of two students.",
    "I raised it with {PERSON:<W>}. Nothing happened. I raised it again with {PERSON:<G> <F>} and was told to 'pick my battles'.",
    "Staff member involved: {PERSON:<G> <F>}, staff number {STAFF_ID:<STAFF>}.",
    "It happened at {ORG:<SITE>} in the staff room after the morning huddle.",
    "{PERSON:<W>}'s comment about my [[<KEEP>]] name was the worst part, everyone heard it.",
    "It was {PERSON:<W>}'s idea to move me to nights after I complained.",
    # quoted speech
    "\"{PERSON:<W>}, leave it, she won't understand anyway\" is what the deputy said, loud enough for me to hear.",
    "She turned round and said 'ask {PERSON:<W>}, she's one of them' meaning [[<KEEP>]].",
    "He goes \"{PERSON:<G>} can do the commodes, they're used to it\" and everyone laughed.",
    "'Not you, {PERSON:<KW>}, we need someone who speaks proper English' was said at the nurses' station.",
    # vocatives, written to the reader / to the person
    "{PERSON:<W>}, if you read this, you know what you said.",
    "Honestly {PERSON:<KW>} you should be ashamed, calling me that in front of relatives.",
    "Thanks {PERSON:<W>} for being the only one who stood up for me that day.",
    # relational words
    "I was paired with {PERSON:<W>} again even though I'd asked not to be.",
    "My manager told {PERSON:<W>} that I 'play the race card'. I only found out from {PERSON:<G>}.",
    "I got a message from {PERSON:<W>} saying I should stop wearing my headscarf as a [[<KEEP>]] woman on shift.",
    "When I spoke to {PERSON:<KW>} about it she said it was banter.",
    "i asked {PERSON:<w>} to swap and she said 'not with you lot'",
    "went to {PERSON:<g>} about it n she just shrugged",
    # manager's note, formal
    "Reported by a staff nurse, {ORG:<WARD>} ward. Alleged comments by HCA {PERSON:<W> <WF>} regarding the reporter's [[<KEEP>]] heritage. Witness: {PERSON:<G> <F>}.",
    "The matter was escalated to {PERSON:<TITLE> <F>} on {DATE:<DATE>} and to HR thereafter.",
    "Contact me on {PHONE:<PH>} if the steering group needs more, or email {EMAIL:<EMAIL>}.",
    "Please note the incident is also logged under Datix, and {PERSON:<TITLE> <WF>} has been informed.",
    # student / text-speak
    "placement at {ORG:<ABBR>} was awful tbh, my PA {PERSON:<W>} kept calling me 'the [[<KEEP>]] one'",
    "he added me on snap ({HANDLE:<HANDLE>}) after i said no and sent stuff about my religion",
    "she follows me on insta {HANDLE:<HANDLE>} and screenshots my posts to the group chat",
    "lol {PERSON:<WUP>} said it AGAIN today, 'your lot' this 'your lot' that",
    "ngl {PERSON:<W>} is the worst for it, {PERSON:<G>} is ok tho",
    # identifiers
    "A relative rang the ward asking for my address, {LOCATION:<STREET>}, {POSTCODE:<PC>}, which someone had given them.",
    "They wrote my NHS number {NHS_NUMBER:<NHS>} on a note and left it on my locker.",
    "My personal mobile {PHONE:<PH>} was put on the ward whatsapp without asking me.",
    "The patient's daughter kept asking where I really live, I said near {POSTCODE:<PC>} and she laughed.",
    # capitals, initials
    "{PERSON:<INI>} on the rota is the one who said it, everyone knows who.",
    "Told {PERSON:<INI>} and {PERSON:<INI2>} at handover, neither did anything.",
    "MY CHARGE NURSE {PERSON:<GUP> <FUP>} SAID I SMELL OF CURRY. I AM [[<KEEPUP>]].",
    # lists, mixed
    "Present were {PERSON:<G> <F>}, {PERSON:<W>} and {PERSON:<W2>} from the day team.",
    "{PERSON:<W>}, {PERSON:<W2>} and I were all told to use 'English names' for the patients.",
    # organisations
    "I moved from {ORG:<SITE>} to {ORG:<ABBR>} because of the way I was treated.",
    "Even the {ORG:<WARD>} team have started copying the jokes.",
    # no personal information
    "Someone asked if I was the cleaner again. I'm a band 6 [[<KEEP>]] nurse.",
    "People keep touching my hair without asking. It is every week.",
    "Matron said we all need to be more patient with each other, but nothing changed.",
    "They say Grace and Favour is a phrase, not a person, when I complained about the rota names.",
]
# the last piece has no names ("Grace and Favour" is a phrase): it is kept out of PIECES' names
PIECES[-1] = "The rota said 'hope for the best' next to my name, which says it all."

TITLES = ["Dr", "Mr", "Mrs", "Ms", "Sister", "Charge Nurse"]
INITIALS = ["KO", "BP", "TD", "RK", "SM", "AC", "EL"]


def main() -> None:
    corpus.build_pieces(OUT, "r4", 220, R, PIECES, POOLS, TITLES, INITIALS)


if __name__ == "__main__":
    main()
