"""Names of people and organisations, found from the words around them, a gazetteer, an English
word list and the spaCy model's entities.

Pure: the caller (engine.py, a Presidio recogniser) hands over the text, the model's tokens
(`Token`: offset and entity label), its entities and the lexicon; spans come back.

Rules, each for a kind of case rather than for particular strings:
- a title and the capitalised words after it ("Dr Kunle Adebayo", "Sister Hart"), title included;
- a name after a role ("my manager Wayne", "our pharmacist, yan"), or after "my name is",
  "call me", "known as"… (lower-case names too when the gazetteer knows them and they are not
  ordinary English words);
- a quoted nickname or deliberate misspelling ("calls him 'Kay-oh-me'");
- capitalised words: in the middle of a sentence a capitalised word that is not kept
  (identity, calendar, role, body, generic place, country) and not a place someone comes from
  is taken as a name: this fails closed for names of any origin; at the start of a sentence,
  where ordinary words are capitalised too, a word that is not English, or a given name before
  a verb or another name ("Grace said", not "Hope this helps");
- lower-case given names from the gazetteer that are not English words ("ignore adaeze");
- organisations: capitalised words ending with a word such as Ward, Unit, Hospital, Practice,
  Care Home, School ("Larkspur Ward", "St Withburga's Hospice"), "University of …", and
  acronyms that are not common ones in an organisation's place ("paramedic with EEAST");
- the model's PERSON, ORG and FAC entities, except those that are plainly ordinary words.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from typing import Iterable, NamedTuple, Sequence

from . import apposition, name_model
from . import vocabulary as v
from .lexicon import Lexicon, fold
from .redaction import CONTRACTION, ORG_SURE, SURE, WORD, Span


@dataclass(frozen=True)
class Token:
    """One token of the model: its character offset and entity label ("" outside entities)."""
    idx: int
    ent: str = ""


@dataclass(frozen=True)
class Entity:
    start: int
    end: int
    label: str


class Word(NamedTuple):
    """A word of the text (a named tuple: a text has hundreds, built on every call)."""
    start: int
    end: int
    text: str
    ent: str
    initial: bool   # first word of a sentence, a quotation or a line
    key: str = ""   # its lookup key (lexicon.fold), computed once: the rules read it many times


def _loose(text: str) -> Word:
    """A word out of context ("is this a name?")."""
    return Word(0, 0, text, "", False, fold(text))


# Quotation marks open a sentence of their own; brackets and colons do not ("We (Hamza and I)").
_OPENERS = "'\"‘“«"
_TITLE_QUALIFIERS = {"Staff", "Charge", "Ward", "Deputy", "Senior", "Junior", "Student", "Head",
                     "Chief", "Agency", "Bank"}
_SHORT_TITLES = {"dr", "mr", "mrs", "ms", "mx", "prof", "miss"}
_WEAK_INTRODUCERS = {"i'm", "i am", "this is", "signed"}
_QUOTE = re.compile(r"(?<![\w])['‘\"“]([^'’\"”\n]{2,40})['’\"”](?![\w])")
_GAP = re.compile(r"(?:['’](?:m|s|re|ve|ll|d))?[ \t,'‘\"“]*", re.I)
# "I'm from …", "she is from …", "go back to …", "born in …", "trained in …": a place of origin.
_ORIGIN = re.compile(
    r"(?:\b(?:am|is|are|was|were|be|been|come|comes|came|originally|born|moved|back|home|"
    r"trained|raised|grew up|brought up)|['’](?:m|s|re))"
    r"\s+(?:from|in|to)\s+(?:the\s+)?$", re.I)
_ORG_GENERIC = v.org_generic()
_NOT_ORG_START = v.FUNCTION_WORDS | v.IDENTITY | v.NATIONALITIES | v.ROLES | v.TITLES
_DETERMINERS = {"the", "a", "an", "my", "your", "his", "her", "our", "their", "its", "this",
                "that", "these", "those", "some", "any", "no", "every", "each"}
# articles and number words, never possessives: after them a word name is the word (round 10)
_ARTICLES = {"a", "an", "the", "one", "no", "every", "each", "any", "some", "another"}
_ORG_PREPOSITIONS = {"at", "with", "from", "for", "joined", "by", "to", "of"}
_ORG_FOLLOWERS = v.ORG_SUFFIXES | {"staff", "site", "colleagues", "management"}
_LOWER_ORG = re.compile(r"\b([a-z][a-z'’-]{2,})\s+(?:ward|unit|team|hospital|surgery|practice|"
                        r"hospice|lodge|house|care home|nursing home|centre)\b")
_LOWER_WARD = re.compile(r"\b(?:on|at|to|from|off)\s+([a-z][a-z'’-]{2,})\s+(?:ward|unit|bay)\b")
_LOCATIVE = re.compile(r"\b(?:in|to|from|near|around|across|outside|towards|via)\s+(?:the\s+)?$",
                       re.I)
_NEVER_WORD_NAMES = v.IDENTITY | v.NATIONALITIES | v.ROLES | v.TITLES | v.TERMS_OF_ADDRESS
_PAST_VERBS = {"said", "says", "told", "tells", "asked", "asks", "rang", "came", "went", "saw",
               "heard", "sat", "stood", "ran", "took", "gave", "wrote", "spoke", "knew", "thought",
               "felt", "kept", "made", "got", "left", "replied", "shouted", "laughed", "snapped",
               "muttered", "whispered", "texted", "walked", "looked", "smiled", "refused",
               "insisted", "explained", "added", "answered", "yelled", "sighed"}
_PERSON_VERBS = {"told", "tell", "tells", "asked", "ask", "asks", "thanked", "warned", "reminded",
                 "messaged", "texted", "emailed", "phoned", "rang", "called", "met", "informed",
                 "helped", "saw", "heard"}
_PLACE_WORDS = v.PLACE_NAMES | v.PLACES
_ADVERBS = {"just", "then", "also", "never", "always", "still", "only", "actually", "literally",
            "even", "immediately", "simply", "quickly", "suddenly", "once", "apparently"}
# Two capitals standing alone ("AK"), or dotted initials ("A.K.", "A. K."), not "I" or "A".
_INITIALS = re.compile(r"(?<![\w.&'’-])(?:[A-Z]\.\s?[A-Z]\.(?:\s?[A-Z]\.)?|[A-Z]{2})(?![\w&'’-]|\.\w)")
# English words and abbreviations written in two capitals that are not initials.
_CAPS_WORDS = {"ok", "no", "so", "go", "to", "in", "on", "at", "is", "it", "us", "we", "me", "my",
               "up", "be", "do", "he", "if", "of", "or", "am", "an", "as", "by", "hi", "oh", "ah",
               "eh", "uh", "ha", "ex", "pa", "ma", "tv", "pc", "id", "dj", "mp", "pr", "qa", "uk",
               "eu", "gp", "hr", "it", "ae", "ed", "ot", "pt", "sw", "ct", "mo", "rn", "rm", "ni",
               "bp", "ok", "cv", "vs", "ps", "pm", "xx", "ii", "iv", "vi", "ix", "xi", "ai", "ac",
               "dc", "iq", "ic", "bs", "ab", "ad", "bc", "mg", "ml", "kg", "km", "cm", "mm", "hb"}
_NAME_AND_INITIAL = re.compile(
    r"(?<![\w'’-])([A-Z][a-z][\w'’-]*)\s([A-Z])(?:\.|(?=[\s,;:!?)]|$))(?!\s?[A-Z]\.)(?![\w'’])")
_PARTICLE = "|".join(sorted(v.NAME_PARTICLES, key=len, reverse=True))
_PARTICLE_NAME = re.compile(
    r"(?<![\w'’-])([A-Z][^\W\d_]+(?:-[^\W\d_]+)*)((?:\s(?i:" + _PARTICLE + r")['’]?(?=\s))+)\s"
    r"((?:[tnh]-)?[^\W\d_][^\W\d_'’]*(?:['’-][^\W\d_]+)*)")
# The mutation before a Gaelic surname after a particle, with or without a hyphen: "t-Sagairt",
# "tSaoir", "nDúill", "bhFlannagáin".
_PREFIXED = re.compile(r"^(?:[tnh]-|(?:t|n|h|bh|mb|gc|nd|ng|bp|dt)(?=[A-ZÁÉÍÓÚ]))")
_SHOUTING = re.compile(r"\b[A-Z][A-Z'’]+(?:[\s,!?]+[A-Z][A-Z'’]*){3,}")
# (speed: only the words with a digit, "@" or "$" in them, the only ones `leetspeak` can take)
_LEET = re.compile(r"(?<![\w@$])(?=[A-Za-z0-9@$]*[0-9@$])[A-Za-z0-9@$]*[A-Za-z][A-Za-z0-9@$]*(?![\w@$])")
_LEET_INSIDE = re.compile(r"[A-Za-z][0-9@$]+[A-Za-z]|^[0-9@$][A-Za-z]{2}")
_LEET_I = str.maketrans("0134578@$9", "oieastbasg")
_LEET_L = str.maketrans("0134578@$9", "oleastbasg")
_LOWER_NAME_POINTERS = {"by", "with", "to", "from", "told", "asked", "and", "called", "named",
                        "thanked", "warned", "messaged"}
_LOWER_WORD = re.compile(r"[^\W\d_A-Z][^\W\d_]*(?:[-'’][^\W\d_]+)?")
_LOWER_PAIR = re.compile(r"(?<![\w'’-])([a-z][a-z'’-]+)\s+and\s+([a-z][a-z'’-]+)\s+(?:were\s+|are\s+)?"
                         r"both\s+(?:do|did|does|were|are|have|had|said|laugh|laughed|think|"
                         r"thought|know|knew|ignore|ignored|make|made|call|called|heard|saw|"
                         r"there|just)\b")
_LOWER_FROM_TEAM = re.compile(r"(?<![\w'’-])([a-z][a-z'’-]+)\s+from\s+(?:the\s+)?(?:[A-Za-z]+\s+){1,3}"
                              r"(?:team|ward|unit|office|desk|lab|crew)(?:\s+team)?\s+"
                              r"(?:just\s+|then\s+)?(?:told|said|asked|laughed|shouted|snapped|"
                              r"smirked|ignored|refused|called|made|kept|keeps|says|tells)\b")
# particles after a title ("Mrs de la Cruz"), not a lone letter or an article ("Sister a Nigerian")
_TITLE_PARTICLES = (v.NAME_PARTICLES | {"dela", "delos", "dei", "degli", "ten", "op", "vande"}) - \
    {"a", "an", "o", "y"}
# Round 8: given names that are calendar words or a modal verb, and what proves them names
_CALENDAR_NAMES = v.CALENDAR_NAMES | {"will"}
_TIME_BEFORE = {"in", "of", "this", "last", "next", "every", "since", "until", "till", "by",
                "during", "early", "late", "mid", "the", "a", "each", "until", "from", "through",
                "free", "good", "own", "your", "my", "his", "her", "their", "our", "i", "you", "we",
                "they", "he", "she", "it"}
_PERSON_S = ("keeps", "reads", "says", "thinks", "calls", "puts", "gets", "makes", "tells",
             "asks", "laughs", "mocks", "mimics", "refuses", "ignores", "talks", "shouts",
             "snaps", "sends", "takes", "gives", "moves", "writes", "comments", "acts",
             "treats", "looks", "picks", "blames", "swaps", "leaves", "knows", "wants")
_PERSON_PAST = ("said", "told", "asked", "laughed", "heard", "saw", "smirked", "shouted", "took",
                "swapped", "moved", "put", "sent", "wrote", "refused", "ignored", "snapped",
                "called", "kept", "made", "mocked", "rolled", "walked", "stood", "sat", "backed",
                "reported", "complained", "agreed", "giggled", "sniggered", "muttered", "yelled",
                "tutted", "replied", "joked", "texted", "messaged", "blamed", "thought", "decided",
                "insisted", "wanted")
_CALENDAR_VERB = re.compile(r"\s+(?:just\s+|always\s+|still\s+|never\s+|then\s+|also\s+)?"
                            r"(?:" + "|".join(_PERSON_S + _PERSON_PAST) + r")\b")
_CALENDAR_PLACED = re.compile(
    r"\s+(?:(?:on|in|at|from)\s+(?:the\s+)?[a-z]+(?:\s+[a-z]+)?\s+(?:just\s+)?(?:"
    + "|".join(_PERSON_S + _PERSON_PAST) + r")\b|from\s+the\s+[A-Za-z]+(?:\s+[A-Za-z]+)?\s+"
    r"(?:team|unit|ward|office|desk|lab|crew)\b)")
_CALENDAR_POINTERS = {"told", "asked", "called", "rang", "thanked", "messaged", "texted",
                      "emailed", "phoned", "warned", "ask", "tell", "thank", "cheers", "thanks"}
_SAID_TO_VERBS = {"said", "spoke", "talked", "mentioned", "complained", "explained", "went",
                  "turned", "reported", "say", "speak", "talk"}
_CALENDAR_AFTER_POINTED = re.compile(r"\s*(?:['‘\"“]|[,.!?;]|$|\s(?:about|that|if|to|and|why|"
                                     r"what|how|for|but|again|before|after|who)\b)")
_DAY_NUMBER = re.compile(r"(?<!\d)\d{1,2}(?:st|nd|rd|th)?(?:\s+of)?\s+$", re.I)
# "GH and RM were present", "BK & TL said": two pairs of initials before a verb or "were"
_COORDINATED_INITIALS = re.compile(
    r"(?<![\w.&'’-])([A-Z]{2})\s+(?:and|&)\s+([A-Z]{2})(?![\w&'’-])(?=,?\s+(?:both\s+|all\s+)?"
    r"(?:were|was|are|have|had|said|told|saw|heard|laughed|witnessed|did|kept|refused|walked|"
    r"ignored|agreed|joined|stood|sat|[a-z]{3,}ing)\b)")
# Kinds round: "BP and ZG took …": two pairs of capitals joined before a verb of any kind,
# checked by `coordinated_initials_acts`.
_COORDINATED_ACTS = re.compile(
    r"(?<![\w.&'’-])([A-Z]{2})\s+(?:and|&)\s+([A-Z]{2})(?![\w&'’-]),?\s+"
    r"(?:both\s+|all\s+|just\s+)?([a-z]{3,}|[a-z]+n't)\b")
_INITIALS_AND_NAME = re.compile(
    r"(?<![\w.&'’-])(?:([A-Z]{2})\s+(?:and|&)\s+([A-Z](?:(?![A-Z])[^\W\d_])+)|"
    r"([A-Z](?:(?![A-Z])[^\W\d_])+)\s+(?:and|&)\s+"
    r"([A-Z]{2}))(?![\w&'’-]),?\s+(?:both\s+|all\s+|just\s+)?([a-z]{3,}|[a-z]+n't)\b")
# Observations written in two capitals ("BP and HR were stable", "RR and GCS"): never people.
_OBSERVATIONS = {"bp", "hr", "rr", "o2", "pr", "sp", "ph", "hb", "cr", "na"}
# "still call me 'G'", "known as J": one capital after a word introducing a name.
_LETTER_NICKNAME = re.compile(
    r"\b(?:call(?:s|ed)?\s+(?:me|him|her|them)|known\s+as|nicknamed|named)\s+['‘\"“]?"
    r"((?-i:[B-HJ-Z]))(?![\w&-]|\.\w|['’]\w)", re.I)
_LOWER_NAME_INITIAL = re.compile(
    r"(?<![\w'’-])([a-z]{3,})\s([B-HJ-Z])(?![\w&'’.-])(?!\s*\d)")
_AMPERSAND = re.compile(r"(?<![\w&])[A-Z]{1,4}&[A-Z]{1,4}(?![\w&])")
# Verbs whose subject is a person ("Rain told the relatives", "DR keeps asking"): after a word that
# is in no list of names, only these prove it is one.
_SPEECH_VERBS = {"said", "says", "told", "tells", "asked", "asks", "laughed", "laughs", "shouted",
                 "yelled", "replied", "snapped", "muttered", "whispered", "sighed", "smirked",
                 "sneered", "texted", "messaged", "winked", "joked", "jokes", "mocked", "mocks",
                 "screamed", "tutted", "grinned", "insisted", "keeps", "kept", "refused", "refuses",
                 "mimics", "mimicked", "calls", "called", "makes", "made", "thinks", "thought",
                 "wants", "wanted", "won't", "wouldn't", "didn't", "doesn't", "never", "always"}
# A clause that speaks to someone: "Rain, can you…", "…, if you're reading this".
_TO_YOU = re.compile(r"\s*(?:(?:can|could|would|will|do|did|are|were|have|please|why|if|when|"
                     r"stop|just|honestly|seriously|but|and|so)\s+)?(?:you|your|you['’]\w+)\b",
                     re.I)
# Discourse words and adverbs that stand first, before a comma, and are no one's name.
_DISCOURSE = {"again", "anyway", "now", "still", "so", "well", "right", "okay", "ok", "yes", "yeah",
              "no", "oh", "also", "besides", "instead", "otherwise", "meanwhile", "however",
              "therefore", "plus", "luckily", "management", "leadership", "everybody", "listen",
              "look", "see", "mind", "trust", "believe", "remember", "imagine", "guess", "apparently"}
_THE_ONE_WHO = re.compile(r"(?:\s+[a-z]+){0,3}?"   # "…on the rota is the one who"
                          r"\s+(?:is|was|'s|’s)\s+the\s+(?:only\s+)?one\s+(?:who|that)\b", re.I)
_CLEFT = re.compile(r"\b(?:it|it's|it’s)\s+(?:was|is|were)\s+$", re.I)
# What a name's initial may be followed by in a person's place ("Temperance B. said").
_AFTER_PERSON = _SPEECH_VERBS | _PAST_VERBS | {"and", "was", "is", "were", "has", "had"}
# Words after which two capitals stand for a person ("ask MY", "down as DR", "I'm just PA").
_INITIALS_BEFORE = {"ask", "asked", "told", "tell", "as", "just", "with", "and", "from", "by"}
_INITIALS_AFTER = re.compile(r"\s*(?:[,.;:!?)]|$|\s(?:on|and|about|if|to|that|who|or|in|at|said|"
                             r"told|keeps|asked|it|not|off|what|how|why|I|she|he|we|they)\b)")
# Departments, services and common shorthand in two capitals: never someone's initials.
_DEPARTMENTS = {"hr", "it", "ot", "pt", "ae", "ed", "uk", "eu", "tv", "pc", "id", "ok", "gp", "rn",
                "icu", "itu", "or", "er", "ct", "ecg"}


# Round 4. Endings of abstract nouns and gerunds: terms people capitalise, rarely names.
_TERM_ENDINGS = ("ing", "tion", "sion", "ment", "ness", "ity", "ism", "ist", "ance", "ence",
                 "ship", "ogy", "ics", "ful", "ive", "ous", "able", "ible", "ical", "ated")


def _term_ending(key: str) -> bool:
    """Ends as an abstract noun, a gerund or an adjective does, after a stem of three letters
    or more ("Safeguarding", "Equality", not "Fable")."""
    return any(key.endswith(e) and len(key) - len(e) >= 3 for e in _TERM_ENDINGS)


_PRONOUNS = {"him", "her", "them", "us", "me", "you", "it", "one", "someone", "everyone",
             "anyone", "nobody", "somebody", "everybody", "anybody", "people", "others"}
# "… ignored me", "… blanked her": a verb in the past with a person as its object.
_PAST_ON_PERSON = re.compile(r"\s+(?:just\s+|then\s+|always\s+|still\s+)?([a-z]{3,}(?:ed|s)|sat|"
                             r"stood|spoke|took|gave|kept|made|told|left|met)\s+"
                             r"(?:with\s+)?(?:me|us|him|her|my|our|them)\b")
# "… just swapped the list": an adverb, then a verb in the past or the present.
_ADVERB_VERB = re.compile(r"\s+(?:just|then|always|still|never|even)\s+([a-z]{3,}(?:ed|s))\b")
# A focusing word, a lower-case word, an auxiliary, then "she"/"he": "only sorrel does and she…".
_FOCUS = {"only", "even", "except", "but", "apart"}
_FOCUSED_VERBS = {"does", "did", "is", "was", "has", "had", "cares", "cared", "helps", "helped",
                  "bothers", "bothered", "speaks", "spoke", "listens", "listened"}
# "… from estates calls me", "… on reception with me said": a short phrase, then a verb.
_PLACED_SUBJECT = re.compile(r"\s+(?:from|on|in|at|with|off)\s+(?:the\s+)?[a-z]+"
                             r"(?:\s+(?:with|and)\s+(?:me|us|her|him))?\s+([a-z']+)\b")
_PLACED_SUBJECT_2 = re.compile(r"\s+(?:from|on|in|at|off)\s+(?:the\s+)?[a-z]+\s+[a-z]+\s+([a-z']+)\b")
# Round 5: a form's label that asks for people ("Person(s) involved:", "Witnesses:", "Who:").
_PEOPLE_LABEL = re.compile(r"(?im)(?:^|(?<=[.;\n]\s))[ \t]*(?:person\(s\)\s+involved|persons?\s+"
                           r"involved|people\s+involved|staff\s+involved|who(?:\s+was\s+involved)?|"
                           r"witness(?:es)?|names?|involved)\s*:[ \t]*")
# Round 5: after a word first in a sentence, what only a person's name is followed by.
_AUX_VERB = re.compile(r"\s+(?:had|has|have|would|will|then|also)\s+([a-z]+)\b")
_BEING_THERE = re.compile(r"\s+(?:was|is|were)\s+(?:there|here)\b")
_PAST_PARTICLE = re.compile(r"\s+([a-z]{3,}ed)\s+(?:it|in|up|off|out)\b")
# Verbs of a person's own acting after a short phrase of place ("… on the ward stood up").
_PAST_ON_THING = re.compile(r"\s+([a-z]{3,}ed|told|said|made|kept|took|gave)\s+"
                            r"(?:the|my|our|me|us|her|him|it|them)\b")
_PLACED_ACT = re.compile(r"\s+(?:from|on|in|at|with|off)\s+(?:the\s+)?[a-z]+(?:\s+[a-z]+)?\s+"
                         r"([a-z]{3,}ed)\s+(?:it|me|us|her|him|them|my|our|the)\b")
_PLACED_VERBS = {"stood", "sat", "spoke", "smiled", "walked", "helped", "backed", "stuck",
                 "stepped", "waited", "listened", "apologised", "intervened"}
# Openers of text-speak after which a clause starts: "ngl x is the reason", "tbh AM is as bad".
_TEXT_OPENERS = v.TEXT_OPENERS
# A person named by what follows: "… and her comments", "… and his mates".
_AND_HERS = re.compile(r"\s+and\s+(?:her|his)\s+[a-z]")
_SAID = {"said", "says", "told", "tells", "asked", "asks"}
_QUANTIFIERS = {"both", "all", "each", "most", "some", "many", "few", "several", "every",
                "either", "neither", "none", "more", "less", "half", "too", "again", "there"}
# Verbs after which a lower-case word that is no English word is the person acted on ("the office
# sent anwen instead").
_ACTED_ON = _PERSON_VERBS | {"sent", "put", "brought", "paired", "swapped", "moved", "gave",
                             "let", "made", "got", "replaced", "chose", "picked"}
_GROUP = re.compile(r"\b[Tt]he\s+([A-Z][a-z'’-]+)\s+(?:lot|crowd|lads|girls|gang|mob|clique|bunch)\b")
_AND_HER = re.compile(r"\s+AND\s+(?:HER|HIS)\s+[A-Z]")
# A verb said to a person, then "to": what follows is a person, whatever the model says.
_SAID_TO = re.compile(r"\b(?:said|spoke|speak|speaking|talked|talk|talking|mentioned\s+it|"
                      r"complained|reported\s+(?:it|this|him|her)|explained|apologised|wrote|"
                      r"replied|listened|listen|lied|shouted|whispered|turned)\s+to\s+$", re.I)
# A chat log's speaker: "[group chat] Name: …", "Name: 'you people…'".
_SPEAKER = re.compile(r"\]\s*$")
# Punctuation after which a capitalised word starts a label or an item, not a sentence's middle.
_NOT_NAME_AFTER = set(":;([/•*#=>|+-–—")
# Words before a capitalised term rather than a name ("of Health", "per Policy", "via Teams").
_TERM_BEFORE = {"of", "per", "via", "re", "band", "bay", "level", "grade", "room", "bed",
                "ward", "unit", "team", "called", "named", "titled", "version", "stage", "step"}
# Words that point at a person: after them a kept word that is a given name ("spoke to Memory
# about it", "told Comfort that") is one.
_POINTERS = {"to", "with", "from", "told", "asked", "thanked", "tell", "ask", "by", "warned",
             "reminded", "messaged", "texted", "emailed", "phoned", "rang", "called", "against"}
_POINTED_AFTER = re.compile(r"(?:['’]s\s+[a-z]|\s*[,.!?;]|\s+(?:about|that|again|and|if|who|"
                            r"for|to|said|told|when|because|but|over|on|after|later|"
                            r"privately|directly|yesterday|today)\b|\s*$)")
# A list of capitalised names ending with "and I", "and me" or another name: "Sorrel, Tinsel and I".
_NAME_LIST = re.compile(r",\s*(?:[A-Z][\w'’-]+\s*,\s*)*[A-Z][\w'’-]+\s+(?:and|&)\s+"
                        r"(?:I|me|myself|[A-Z][\w'’-]+)\b")
# Auxiliaries after "why"/"how" in a shouted question: the next word is its subject.
_SHOUTED_SUBJECT = re.compile(r"\b(?:WHY|HOW|WHEN|WHAT)\s+(?:DOES|DID|IS|WAS|CAN|HAS|DO|WOULD|"
                              r"WILL|SHOULD|DOESN['’]T|DIDN['’]T|CAN['’]T|ISN['’]T)\s+"
                              r"([A-Z][A-Z'’-]{2,})\b")


# Entity labels of the model that, on a capitalised word, mean a time or an amount.
# Round 12: what a person does after a lower-case given name that is a word (Finder._person_act)
_ACT = re.compile(r"(?:\s*\([^()\n]{1,25}\))?\s+(?:(?:just|then|also|both|all|always|still|"
                  r"never|even|literally|actually|proper)\s+)?(?P<verb>[a-z]+(?:n't|’t)?)\b")
_SAID_VERBS = {"said", "says", "told", "tells", "asked", "asks", "laughed", "shouted", "yelled",
               "snapped", "texted", "messaged", "mocked", "screamed", "smirked", "sneered",
               "muttered", "whispered", "replied", "tutted", "joked"}
_ACT_VERBS = _SAID_VERBS | {"swapped", "ignored", "blanked", "moved", "sent", "reported",
                            "blamed", "rang", "phoned", "emailed", "grabbed", "pushed", "mimicked",
                            "refused", "insisted", "winked", "grinned", "corrected", "criticised",
                            "humiliated", "excluded", "swaps", "ignores", "mocks", "laughs",
                            "shouts", "texts", "txts", "txtd", "messages", "blames", "moves"}
_DONE_BY = {"told", "asked", "sent", "called", "reported", "ignored", "blamed", "bullied",
            "mocked", "warned", "moved", "stopped", "grabbed", "pushed", "rung", "phoned",
            "texted", "messaged", "emailed", "corrected", "criticised", "criticized",
            "humiliated", "targeted", "excluded", "followed", "shouted", "laughed", "screamed",
            "yelled", "sworn", "replaced", "swapped", "put", "left", "given", "shown", "picked",
            "ordered", "accused", "questioned", "interrupted", "patronised", "mimicked", "txtd"}
_CONJUNCTIONS = {"n", "and", "then", "but", "so", "cos", "coz", "cuz", "because", "when",
                 "while", "plus", "an", "after", "until", "if", "tho", "though", "also", "&",
                 "til", "till", "once", "since", "or"}
_WITH_AND_SHE = re.compile(r"\s*,?\s+(?:and|n|&|but)\s+(?:she|he|they)\s+(?:just\s+|then\s+)?"
                           r"[a-z]{3,}(?:ed|s)\b")
_LOWER_LIST = re.compile(r"(?<![\w'’-])(?:[a-z]++(?:\s*,\s*|\s+(?:n|and|&)\s+))+[a-z]++(?![\w'’-])")
_ACT_ADVERBS = {"just", "then", "also", "both", "all", "always", "still", "never", "even",
                "literally", "actually", "proper"}
_QUOTE_SPAN = re.compile(r"(?<![\w])['‘\"“]([^'’\"”\n]{3,60})['’\"”](?![\w])")
_MANNER = re.compile(r"\b(?:it|this|that|everything|herself|himself|themselves|myself|yourself|"
                     r"ourselves|things|them)\s+with\s+$", re.I)
_TIME_PREPOSITION = re.compile(r"\b(?:at|before|after|until|till|by|since|from|around|near)\s+$",
                               re.I)
_TIME_PHRASE = re.compile(r"\s+(?:on|in|of)\s+(?:a|an|the)\s+(?:night|day|long|late|early|"
                          r"cold|winter|summer)\b[^.!?\n]{0,30}?\b(?:is|was|are|were)\b", re.I)
_BEFORE_VOCATIVE = {"up", "on", "it", "me", "off", "now", "out", "down", "over", "away", "here",
                    "there", "again", "too", "then", "yet", "already", "us", "quick"}
_ROLE_ASIDE = re.compile(r"\s*\((?:band\s*\d|hca|rn|rgn|rmn|sn|cn|nurse|sister|porter|carer|"
                        r"domestic|physio|ot|agency|bank|student|manager|deputy|dr|doctor)\b"
                        r"[^()\n]{0,20}\)", re.I)
_GREETED = re.compile(r"(?:^|(?<=[\s(:]))['‘\"“]([A-Za-z]+)[\s,!]+([a-z][a-z'’-]+)[\s,!]+"
                      r"(?:listen|come|stop|get|go|move|look|hurry|wait|leave|give|can|could|"
                      r"will|would|do|don't|dont|pls|please|you)\b")
# "was on with grace,", "paired with grace,": with a person (company), not a manner
_COMPANY = re.compile(r"\b(?:am|is|are|was|were|be|been|on|working|worked|work|paired|sat|"
                      r"stayed|went|came|left|nights|days|shift|lunch|break|talking|spoke|"
                      r"chatting|along|in)\s+with\s+$", re.I)
# Round 15 of the rules (Finder.round15_names).
# Verbs only a person does, in the past, after a lower-case word name in texting ("n clover
# blamed me"): not "moved", "sent", "rang" (a rota moves, a system sends).
_PERSON_ONLY = _SAID_VERBS | {"swapped", "ignored", "blanked", "reported", "blamed", "grabbed",
                              "pushed", "mimicked", "refused", "winked", "grinned", "corrected",
                              "criticised", "humiliated", "excluded", "swaps", "ignores", "mocks",
                              "laughs", "shouts", "blames", "bullied", "belittled", "accused"}
# What a person is doing, after their lower-case name ("heard charity laughing about me").
_PERSON_ING = {"talking", "laughing", "shouting", "moaning", "whispering", "staring", "smirking",
               "complaining", "gossiping", "sniggering", "mocking", "muttering", "chatting",
               "yelling", "screaming", "giggling", "swearing", "sneering", "sulking", "bitching",
               "slagging", "speaking", "tutting", "mimicking", "glaring", "bullying"}
# Words after which a lower-case name is the subject of what follows ("i heard X laughing").
_PERCEIVED = {"heard", "saw", "seen", "caught", "watched", "noticed", "found", "hear", "see"}
# A bare verb a person does to someone, in non-native English after a name ("Grace correct
# my notes", "X say to me"); not "make" ("Patience make you strong").
_BARE_PERSON_VERBS = {"say", "tell", "shout", "speak", "talk", "laugh", "correct", "ignore",
                      "call", "ask", "treat", "blame", "scream", "insult", "mock", "push", "show",
                      "complain", "report", "refuse", "swear", "yell", "order", "criticise",
                      "check", "follow", "mimic", "touch", "grab"}
# A finite verb: after it "will" or "may" is no modal ("will has put me on nights").
_FINITE_AFTER_MODAL = {"has", "had", "is", "was", "does", "did", "said", "says", "told", "tells",
                       "keeps", "kept", "wants", "wanted", "thinks", "thought", "puts", "asked",
                       "asks", "put", "gets", "got", "makes", "made", "laughed", "shouted"}
_PERSON_FINITE = _FINITE_AFTER_MODAL - {"has", "had", "is", "was", "does", "did"}
# After a name shouted before a comma: an imperative, a pronoun or a question ("MAY, STOP …").
_SHOUT_AFTER = {"stop", "get", "don't", "dont", "do", "move", "come", "go", "leave", "shut",
                "wake", "hurry", "listen", "look", "give", "put", "take", "bring", "you",
                "you're", "your", "where", "what", "why", "how", "can", "could", "would",
                "please", "are", "have", "did", "answer", "help", "sit", "stand", "clean", "wait",
                "tell", "i", "we"}
# A phrase of place or time fronted at a clause's start ("on the ward round <name> asked").
_FRONTED = re.compile(r"(?:^|[.!?\n]\s*|,\s*|\b(?:and|then|so|but|omg|ngl|tbh)\s+)"
                      r"(?:on|at|in|during|after|before)\s+(?:the\s+|my\s+|our\s+|a\s+)?"
                      r"[a-z]+(?:\s+[a-z]+)?\s+$")
# A chat line: an optional time, a speaker of one to three words, a colon, the message.
_CHAT_LINE = re.compile(r"(?m)^[ \t]*(?:\[[^\]\n]{1,25}\][ \t]*|\d{1,2}[:.]\d{2}(?:\s*[ap]m)?"
                        r"[ \t]*(?:[-–][ \t]*)?)?@?[^\W\d_][\w'’.-]*(?:[ \t]+[^\W\d_][\w'’.-]*){0,2}"
                        r":[ \t]+(?P<msg>[^\n]*\S)")
_MESSAGE_END = re.compile(r"[\s.!?,x]*(?:[^\w\s]\s*)*$")
# Before a name spoken to at the end of a message ("can u cover sat clover", "yeah Summer").
_BEFORE_END_VOCATIVE = _BEFORE_VOCATIVE | v.VOCATIVES | v.INTERJECTIONS | v.TEXT_SPEAK | \
    _DISCOURSE | {"u", "you", "mate", "babe", "hun", "sat", "sun", "mon", "tue", "tues", "wed",
                  "thu", "thurs", "fri", "tmrw", "tomorrow", "tonight", "today", "pls", "plz"}
# "calls me Bollywood and the other one X": a second nickname in the same sentence.
_SECOND_NICKNAME = re.compile(
    r"\b(?:call|calls|called|calling)\s+(?:me|him|her|them|us)\s+['‘\"“]?[A-Z][\w'’-]*"
    r"(?:\s+[A-Z][\w'’-]*)?['’\"”]?,?\s+and\s+(?:the\s+other\s+(?:one|girl|boy|guy|lad|nurse|"
    r"woman|man)|him|her|them|my\s+[a-z]+|the\s+[a-z]+|[A-Z][a-z]+)\s+['‘\"“]?([A-Z][\w'’-]*)")


TIMES_AND_NUMBERS = {"DATE", "TIME", "EVENT", "MONEY", "PERCENT", "QUANTITY", "CARDINAL",
                     "ORDINAL"}


def _initial(text: str, at: int) -> bool:
    i = at - 1
    while i >= 0 and text[i] in " \t":
        i -= 1
    if i < 0 or text[i] in ".!?\n\r":
        return True
    if text[i] in "*-•–" and (i == 0 or text[i - 1] in "\n\r"):
        return True   # a bullet point: "* Sorrel mocks my accent"
    if text[i] in _OPENERS:
        j = i - 1
        return j < 0 or text[j].isspace() or text[j] in "([:—–-"
    return False


def words(text: str, tokens: Sequence[Token] = ()) -> list[Word]:
    """The words of the text (a possessive or contraction cut off), with the entity label of the
    model's token that starts where the word starts."""
    ents = {t.idx: t.ent for t in tokens}
    out = []
    for m in WORD.finditer(text):
        word, start = m.group(), m.start()
        if "'" in word or "’" in word:
            cut = CONTRACTION.search(word)
            if cut and cut.start() > 0:
                word = word[:cut.start()]
        out.append(Word(start, start + len(word), word, ents.get(start, ""), _initial(text, start),
                        fold(word)))
    return out


def _is_caps(w: str) -> bool:
    """In capitals, plural included ("HCAs", "TTOs")."""
    return len(w) >= 2 and (w.isupper() or (len(w) >= 3 and w[-1] == "s" and w[:-1].isupper()))


def _is_title_case(w: str) -> bool:
    return w[:1].isupper() and any(c.islower() for c in w) and not _is_caps(w)


def _never_a_name(w: str, key: str | None = None) -> bool:
    if key is None:
        key = fold(w)
    return key in v.FUNCTION_WORDS or key in v.TITLES or key in v.TERMS_OF_ADDRESS


# Introducing phrases, longest first, not inside a word (their own ends are checked by the caller).
_INTRODUCER = re.compile(r"(?<![^\W\d_])(?:" + "|".join(
    re.escape(p) for p in sorted(v.NAME_INTRODUCERS, key=len, reverse=True)) + r")")


class _GivenOrMonth:
    """`word in self`: a folded given name or a month that is a given name ("june")."""

    def __init__(self, given: frozenset[str]):
        self.given = given

    def __contains__(self, key: str) -> bool:
        return key in self.given or key in v.CALENDAR_NAMES


class Finder:
    """The rules above over one text. Build one per text: `Finder(text, tokens, entities,
    lexicon).spans()`."""

    def __init__(self, text: str, tokens: Sequence[Token], entities: Sequence[Entity],
                 lexicon: Lexicon):
        self.text = text
        self.lower = text.lower()
        self.lex = lexicon
        self.words = words(text, tokens)
        self.entities = entities
        self.at = {w.start: i for i, w in enumerate(self.words)}
        self._starts = [w.start for w in self.words]
        self._given_or_month = _GivenOrMonth(lexicon.given)
        # where each introducing phrase ("my name is", "call me") ends, and which it is
        self._introducers = {m.end(): m.group() for m in _INTRODUCER.finditer(self.lower)}
        self._texting_memo: bool | None = None

    # -- helpers ---------------------------------------------------------------------------
    def _within(self, start: int, end: int) -> list[Word]:
        """The words wholly inside [start, end), in order."""
        i = bisect.bisect_left(self._starts, start)
        out = []
        while i < len(self.words) and self.words[i].start < end:
            if self.words[i].end <= end:
                out.append(self.words[i])
            i += 1
        return out

    def _kept(self, w: Word) -> bool:
        return self.lex.is_kept(w.text, w.key) or _never_a_name(w.text, w.key)

    def _lower_name(self, w: Word, known: bool) -> bool:
        """A lower-case word taken as a name: not an English word or a kept one, and (if `known`)
        in the gazetteer."""
        return w.text.islower() and len(w.text) >= 3 and not self._kept(w) and \
            not self.lex.is_english(w.text) and (not known or self.lex.is_name(w.text))

    def _run(self, i: int, limit: int = 3) -> int:
        """Index after the run of capitalised non-kept words starting at word i (same line,
        separated by spaces only)."""
        j = i
        while j < len(self.words) and j - i < limit:
            w = self.words[j]
            if not self._capital(w) or (j > i and self._kept(w)):
                break
            if j > i and self.text[self.words[j - 1].end:w.start].strip() != "":
                break
            j += 1
        return j

    def _span(self, i: int, j: int, kind: str) -> Span:
        return Span(self.words[i].start, self.words[j - 1].end, kind)

    # -- rules -----------------------------------------------------------------------------
    def titled(self) -> Iterable[Span]:
        for i, w in enumerate(self.words[:-1]):
            key = w.key
            if key not in v.TITLES:
                continue
            if not w.text[:1].isupper() and key not in _SHORT_TITLES:
                continue
            k = i + 1
            gap = self.text[w.end:self.words[k].start]
            if gap.strip() not in {"", "."}:
                continue
            if len(self.words[k].text) == 1 and self.words[k].text.isupper() and k + 1 < len(self.words):
                k += 1   # an initial: "Dr J. Okafor"
            nxt = self.words[k]
            start = w.start
            if i and self.words[i - 1].text in _TITLE_QUALIFIERS and \
                    self.text[self.words[i - 1].end:w.start] == " ":
                start = self.words[i - 1].start    # "Staff Nurse Kowalski", "Ward Sister Mwangi"
            if _is_title_case(nxt.text) and not _never_a_name(nxt.text) and \
                    nxt.key not in v.ROLES:
                j = self._run_names(k)
                yield Span(start, self.words[j - 1].end, "PERSON")
            elif (j := self._particles_then_name(k)) is not None:
                yield Span(start, self.words[j - 1].end, SURE)   # "Mrs de la Cruz"
            elif nxt.text.islower() and len(nxt.text) >= 2 and not self._kept(nxt) and \
                    (self.lex.is_name(nxt.text) or not self.lex.is_english(nxt.text)):
                yield Span(w.start, nxt.end, "PERSON")   # "dr patel", "mrs okafor"
            elif _is_caps(nxt.text) and key in _SHORT_TITLES and \
                    nxt.key not in v.ACRONYMS and not _never_a_name(nxt.text):
                j = k + 1   # "MR OKAFOR", "DR ADEYEMI-COLE": a title and a name in capitals
                while j < len(self.words) and j - k < 3 and _is_caps(self.words[j].text) and \
                        self.text[self.words[j - 1].end:self.words[j].start] == " " and \
                        not self.lex.is_english(self.words[j].text):
                    j += 1
                yield Span(start, self.words[j - 1].end, "PERSON")

    def _particles_then_name(self, k: int) -> int | None:
        """Round 8: after a title, one to three lower-case particles and a capitalised name
        ("Mrs de la Cruz", "Sister dos Santos", "Nurse dela Peña"): the index after the name."""
        j = k
        while j < len(self.words) and j - k < 3 and self.words[j].key in _TITLE_PARTICLES and \
                self.words[j].text.islower() and \
                self.text[self.words[j].end:self.words[j + 1].start if j + 1 < len(self.words)
                          else self.words[j].end] in (" ", ""):
            j += 1
        if j == k or j >= len(self.words):
            return None
        w = self.words[j]
        if not _is_title_case(w.text) or self._kept(w) or _never_a_name(w.text) or w.key in v.ROLES:
            return None
        return self._run_names(j)

    def _run_names(self, k: int) -> int:
        """After a title: capitalised words, kept ones included ("Sister Moldovan")."""
        j = k + 1
        while j < len(self.words) and j - k < 3:
            w = self.words[j]
            if not _is_title_case(w.text) or _never_a_name(w.text) or \
                    self.text[self.words[j - 1].end:w.start].strip() != "":
                break
            j += 1
        return j

    def _cue(self, k: int) -> str | None:
        """What precedes word k: "role" ("my manager"), "intro" ("my name is", "call me"),
        "weak" ("I'm", "this is": lower-case names only from the gazetteer) or nothing."""
        at = self.words[k].start
        before = self.lower[max(0, at - 40):at].rstrip(" ,'‘\"“")
        key = self.words[k - 1].key
        if key in v.ROLES and key not in v.TITLES and \
                self.words[k - 1].end == max(0, at - 40) + len(before):
            return "role"
        phrase = self._introducers.get(max(0, at - 40) + len(before))
        if phrase is not None:
            return "weak" if phrase in _WEAK_INTRODUCERS else "intro"
        return None

    def after_cue(self) -> Iterable[Span]:
        """A name after a role word or an introducing phrase."""
        for k in range(1, len(self.words)):
            nxt = self.words[k]
            if not _GAP.fullmatch(self.text[self.words[k - 1].end:nxt.start]):
                continue
            cue = self._cue(k)
            if cue is None:
                continue
            if _is_title_case(nxt.text) and not self._kept(nxt) and \
                    (self.lex.is_name(nxt.text) or not self.lex.is_english(nxt.text)):
                yield self._span(k, self._run(k), "PERSON")
            elif self._lower_name(nxt, known=cue != "intro"):
                yield Span(nxt.start, nxt.end, "PERSON")
            elif cue != "weak" and self._word_name(nxt) and \
                    (cue == "intro" or self._possessed(k - 1)) and \
                    (self._ends_clause(k) or nxt.key in self._given_or_month) and \
                    (not nxt.text.islower() or nxt.key in self.lex.given or
                     (nxt.key in v.CALENDAR_NAMES and self._ends_clause(k))):
                # "my colleague Will said", "our hca faith, who", "my name is rose."
                yield Span(nxt.start, nxt.end, SURE)

    def quoted(self) -> Iterable[Span]:
        """A whole quotation of one or two capitalised words, none of them kept or a word one
        says on its own ('Sorry'): a nickname or a mangled name ('Paddy', 'Kay-oh-me')."""
        for m in _QUOTE.finditer(self.text):
            inner = self._within(m.start(1), m.end(1))
            if not 1 <= len(inner) <= 2 or any(
                    not _is_title_case(w.text) or w.key in v.INTERJECTIONS or
                    (self._kept(w) and not self._word_name(w)) for w in inner):
                continue
            kind = SURE if any(self._kept(w) for w in inner) else "PERSON"
            yield Span(inner[0].start, inner[-1].end, kind)

    def _spared(self, w: Word) -> bool:
        """Not a name though capitalised: a place someone comes from ("I'm from Hull", "go back
        to Wuhan", "trained in China"); a place after a preposition ("a wedding in Porto"), a
        group or language ("Eritrean"), or a time or event, to the model. A known given name or
        surname, or a word followed by a possessive ("Angharad's accent"), is never spared."""
        if _ORIGIN.search(self.text, max(0, w.start - 40), w.start):
            return True
        if self._word_after_article(self.at[w.start]) and \
                self.text[w.end:w.end + 2] not in {"'s", "’s"}:
            return True   # "a Ruby wedding card": the word (round 10)
        if self._word_in_use(w):
            return True   # round 12: "with grace,", "at dawn", "pls", "right"
        if self.lex.is_name(w.text) or self.text[w.end:w.end + 2] in {"'s", "’s"}:
            return False
        if w.ent in {"GPE", "LOC"}:
            if _SAID_TO.search(self.text, max(0, w.start - 30), w.start):
                return False   # "I mentioned it to Bramble", "spoke to Larch": a person
            return bool(_LOCATIVE.search(self.text, max(0, w.start - 20), w.start))
        if w.ent in {"NORP", "LANGUAGE"}:
            return w.key.endswith(("an", "ese", "ish", "ic", "i", "ch"))
        return w.ent in TIMES_AND_NUMBERS

    def _word_in_use(self, w: Word) -> bool:
        """Round 12: a word the model and the name pass must leave, by grammar: a text-speak
        word or a greeting in lower case ("pls", "right"); a noun of manner after "with" and an
        object ("handled it with grace,"); a time of day after a preposition of time or before a
        phrase of when ("at dawn", "Dawn on a night shift is…")."""
        if w.text.islower() and (w.key in v.TEXT_SPEAK or w.key in v.FOREIGN_ROLES or
                                 (w.key in v.VOCATIVES and w.key != "bless")):
            return True
        if w.text.islower() and (_MANNER.search(self.text, max(0, w.start - 40), w.start) or (
                w.key in v.VIRTUES and re.search(r"\bwith\s+$", self.text[max(0, w.start - 6):w.start])
                and not _COMPANY.search(self.text, max(0, w.start - 30), w.start))) and \
                re.match(r"\s*(?:[,.;!?]|$|\s(?:and|but|then)\b)", self.text[w.end:w.end + 6]):
            return True
        if w.key in v.TIMES_OF_DAY and (
                _TIME_PREPOSITION.search(self.text, max(0, w.start - 12), w.start) or
                _TIME_PHRASE.match(self.text, w.end)):
            return True
        return False

    def _verb_follows(self, w: Word) -> bool:
        """Is w followed as a name that is the subject would be: by a verb ("Grace said",
        "Rose laughed"), a possessive ("Bill's") or "and" with another name ("Dawn and
        Tariq")?"""
        after = self.text[w.end:w.end + 2]
        if after in {"'s", "’s"}:
            return True
        i = self.at[w.start] + 1
        if i >= len(self.words) or self.text[w.end:self.words[i].start].strip():
            return False
        nxt = self.words[i].key
        if nxt == "and" and i + 1 < len(self.words):
            other = self.words[i + 1]
            return _is_title_case(other.text) and not self._kept(other) and \
                (self.lex.is_name(other.text) or not self.lex.is_english(other.text))
        return nxt in v.COMMON_VERBS or (nxt.endswith("ed") and self.lex.is_english(nxt))

    def _initial_name(self, i: int) -> bool:
        """Is the capitalised word i, first in its sentence, a name? Ordinary words are
        capitalised there too: a word that is not English is taken as a name; a given name
        that is also a word ("Grace", "Hope") only before a verb or another name."""
        w = self.words[i]
        if not self.lex.is_english(w.text):
            return True
        if not self.lex.is_name(w.text):
            return False
        nxt = self.words[i + 1] if i + 1 < len(self.words) else None
        follows = nxt is not None and not nxt.initial and _is_title_case(nxt.text) and \
            not self._kept(nxt) and self.text[w.end:nxt.start].strip() == "" and \
            (self.lex.is_name(nxt.text) or not self.lex.is_english(nxt.text))
        return follows or self._verb_follows(w)

    def _negated(self, w: Word) -> bool:
        """Round 15: the verb of a negative contraction ("DON'T", "Won't"), never a name."""
        return self.text[w.end:w.end + 2].lower() in {"'t", "’t"}

    def _capital(self, w: Word) -> bool:
        """Capitalised, or a name shouted in capitals ("OLUWAFEMI"): not a known acronym."""
        if self._negated(w):
            return False
        if _is_title_case(w.text):
            return True
        # round 8: an English word that is only a family name ("PLEASE READ THIS", "ON THE
        # GREEN") is not one in shouting: a title ("MRS GREEN") or a person's place proves it
        return _is_caps(w.text) and len(w.text) >= 3 and w.key not in v.ACRONYMS and \
            not self._kept(w) and (
                (self.lex.is_name(w.text) and
                 not (self.lex.is_english(w.text) and w.key not in self.lex.given)) or
                (len(w.text) >= 6 and not self.lex.is_english(w.text)))

    def _adjacent(self, i: int, j: int) -> bool:
        a, b = sorted((i, j))
        return 0 <= a and b < len(self.words) and \
            self.text[self.words[a].end:self.words[b].start].strip() == ""

    def _ordinary(self, i: int) -> bool:
        """A capitalised English word on its own in mid-sentence, as people capitalise terms
        ("a Band 5", "Agenda for Change"): not a name, unless it is a known name, the model
        says PERSON, it stands after "on" or "at" ("on Kingfisher"), or a capitalised word that
        is not kept stands next to it ("Harbour Team")."""
        w = self.words[i]
        if not self.lex.is_english(w.text) or w.ent == "PERSON":
            return False
        if self._word_after_article(i):
            return True
        if self.lex.is_name(w.text):
            return False
        if i and self._adjacent(i - 1, i) and (self.words[i - 1].key in {"on", "at"} or (
                self.words[i - 1].text == "The" and not self.words[i - 1].initial)):
            return False   # "on Kingfisher", "at The Larches": a place's or a house's name
        for k in (i - 1, i + 1):
            if self._adjacent(i, k) and self._capital(self.words[k]) and \
                    not self._kept(self.words[k]) and not (k > i and self.words[k].initial):
                return False
        return not self._name_position(i)

    def _word_after_article(self, i: int) -> bool:
        """Issue 16, round 10: a given name that is also a word, right after an article or a
        number in lower case ("a Ruby wedding card", "not one Penny of", "the Rose garden") is
        the word: a person's name takes no article. A possessive is no article ("our Rose said"
        is a name in many voices), nor a capitalised "The" (a house's name)."""
        if not i or not self._word_name(self.words[i]) or not self._adjacent(i - 1, i):
            return False
        prev = self.words[i - 1]
        return prev.key in _ARTICLES and not (prev.text == "The" and not prev.initial)

    def _name_position(self, i: int) -> bool:
        """Round 4, failing closed: a capitalised English word in mid-sentence that is not a
        term people capitalise is taken as a name ("paired with Sorrel again", "ngl Tinsel is the
        worst"). A term is a word after a determiner, a possessive or a number ("the Trust",
        "my Band"), before a number ("Band 5"), a heading ("Outcome:"), an abstract noun or a
        gerund by its ending ("Safeguarding", "Equality"), or a plural."""
        w = self.words[i]
        if not self._plain_word(w) or self._term(w.key) or \
                w.key in v.CALENDAR or w.key in _PLACE_WORDS or self._followed_by_number(i):
            return False
        before = self.text[max(0, w.start - 3):w.start].rstrip(" \t")
        if before[-1:] in _NOT_NAME_AFTER or self.text[w.end:w.end + 1] == ":":
            return False
        if i:
            prev = self.words[i - 1]
            if prev.key in _DETERMINERS or prev.key in _TERM_BEFORE or prev.text[:1].isdigit() or \
                    (_is_caps(prev.text) and prev.key not in v.ROLES and not self._possessed(i - 1)):
                return False   # after shouting a sentence may start without a full stop
            if prev.text[:1].isupper() and self._adjacent(i - 1, i) and not (
                    prev.key in v.ROLES or self._possessed(i - 1) or
                    # round 8: after a date with its day ("On Sat 1st March Treacle took…")
                    (prev.key in v.CALENDAR and not prev.initial and self._day_before(i - 1)) or
                    (prev.initial and prev.key in _POINTERS | _PERSON_VERBS)):
                return False   # "Agenda Item", but "my PA Sorrel", "Nurse Sorrel"
            if i >= 2 and prev.key in {"for", "of", "to", "in", "on", "the", "upon"} and \
                    _is_title_case(self.words[i - 2].text) and \
                    self._adjacent(i - 2, i - 1) and self._adjacent(i - 1, i):
                return False   # a capitalised title: "Agenda for Change", "Freedom to Speak"
        return True

    def _day_before(self, k: int) -> bool:
        """A day's number before word k ("1st March", "22nd of August", "Sat 1 March")."""
        start = self.words[k].start
        return _DAY_NUMBER.search(self.text, max(0, start - 12), start) is not None

    def capitalised(self) -> Iterable[Span]:
        i = 0
        n = len(self.words)
        while i < n:
            w = self.words[i]
            if not self._capital(w) or self._kept(w) or self._spared(w) or \
                    (self._initial_name(i) is False if w.initial else self._ordinary(i)):
                i += 1
                continue
            j = self._run(i)
            yield self._span(i, j, "PERSON")
            i = j

    # -- round 2: names that are words, initials, particles, shouting, leetspeak --------------
    def _word_name(self, w: Word) -> bool:
        """A given name or surname that is also a word or a kept one ("Rose", "May", "Will"),
        never a word for identity, nationality or a role."""
        key = w.key
        return key in self.lex.word_names and len(key) >= 3 and key not in _NEVER_WORD_NAMES

    def _ends_clause(self, k: int, punctuation: bool = True) -> bool:
        """Word k is followed by a verb in the past ("said", "laughed", "just rolled") or, if
        `punctuation`, by punctuation or the end."""
        w = self.words[k]
        after = self.text[w.end:w.end + 3]
        if re.match(r"['’]\w", after):
            return False   # "Don't", "Will's": a contraction or a possessive says nothing
        if not after.strip() or after.lstrip()[:1] in ",.!?;:)'’\"”":
            return punctuation
        nxt = self.words[k + 1] if k + 1 < len(self.words) else None
        if nxt is None or self.text[w.end:nxt.start].strip():
            return False
        key = nxt.key
        if key in _ADVERBS and k + 2 < len(self.words) and \
                not self.text[nxt.end:self.words[k + 2].start].strip():
            key = self.words[k + 2].key   # "Will just rolled her eyes"
        return key in _PAST_VERBS or (key.endswith("ed") and self.lex.is_english(key))

    def word_names(self) -> Iterable[Span]:
        """Names that are also words, where the words around them say a person is meant: spoken
        to ("Thanks, Rose.", "Morning Will!", "Rose, can you…", "…, Summer?"), or the subject of
        a verb in the past ("Will said", "May laughed"), in title case; in lower case only when
        spoken to after a greeting ("thanks faith")."""
        for k, w in enumerate(self.words):
            if not self._word_name(w) or (w.text.isupper() and len(w.text) > 1):
                continue
            prev = self.words[k - 1] if k else None
            gap = self.text[prev.end:w.start] if prev else ""
            after = self.text[w.end:w.end + 2]
            greeted = prev is not None and prev.key in v.VOCATIVES and \
                _GAP.fullmatch(gap) is not None and "\n" not in gap and \
                (not after.strip() or after[:1] in ",.!?;:")
            if w.text.islower():
                opens = prev is not None and (prev.initial or self.text[:prev.start].rstrip()[-1:] == ",")
                if greeted and opens and w.key in self._given_or_month:
                    yield Span(w.start, w.end, SURE)   # "thanks ruby, you were…"
                continue
            if not _is_title_case(w.text):
                continue
            addressed = (w.initial and after[:1] == "," and not self._calendar_list(k)) or \
                (gap.rstrip(" ").endswith(",") and (not after.strip() or after[:1] in ".!?")
                 and not self._calendar_list(k))
            subject = self._ends_clause(k, punctuation=False) and w.key not in _PLACE_WORDS and \
                after[:1] not in ",.!?;:" and not self._followed_by_number(k) and \
                not (w.key in v.CALENDAR and prev is not None and prev.key in _TIME_BEFORE and
                     gap.strip() == "")
            if greeted or addressed or subject:
                yield Span(w.start, w.end, SURE)

    def _possessed(self, k: int) -> bool:
        """Word k (a role) follows "my", "our", "his"…: "my colleague", "our hca"."""
        return k > 0 and self.words[k - 1].key in {"my", "our", "his", "her", "their",
                                                          "your"}

    def _calendar_list(self, k: int) -> bool:
        """"May, June and July": a month in a list of calendar words is not a name."""
        near = [self.words[j] for j in (k - 1, k + 1) if 0 <= j < len(self.words)]
        return self.words[k].key in v.CALENDAR and \
            any(n.key in v.CALENDAR for n in near)

    def _followed_by_number(self, k: int) -> bool:
        return bool(re.match(r"\s*\d", self.text[self.words[k].end:]))

    def initials(self) -> Iterable[Span]:
        """Initials used as names: two capitals that are not a known acronym or a word ("AK
        said", "ask AK"), dotted initials ("A.K."), and a name followed by an initial ("Jordan
        K", "Sam T.")."""
        for m in _INITIALS.finditer(self.text):
            word = m.group()
            key = fold(word.replace(".", ""))
            if "." not in word and (key in v.ACRONYMS or key in _CAPS_WORDS or
                                    self.lex.is_kept(word)):
                continue
            # dotted initials are sure: "R.A." must not lose its "A." to the allow-list
            yield Span(m.start(), m.end(), SURE if "." in word else "PERSON")
        for m in _NAME_AND_INITIAL.finditer(self.text):
            name = m.group(1)
            word_name = self._word_name(_loose(name))
            if fold(name) in _NEVER_WORD_NAMES or (_never_a_name(name) and not word_name) or \
                    not (self.lex.is_name(name) or word_name or not self.lex.is_english(name)):
                continue
            if m.group(2) == "I" and re.match(r" [a-z]", self.text[m.end():m.end() + 2]):
                continue   # round 8: the pronoun, "May I say", "Will I get"
            yield Span(m.start(), m.end(), SURE)

    def particles(self) -> Iterable[Span]:
        """A name's particles and the name after them: "Dafydd ap Rhys", "Siobhán Nic a'
        Bhàird", "Seán Mac an t-Sagairt", "Aisha bint Khalid", "Pieter van der Berg"."""
        for m in _PARTICLE_NAME.finditer(self.text):
            first, last = m.group(1), m.group(3)
            if _never_a_name(first) or self.lex.is_kept(first) and not self._word_name(
                    _loose(first)):
                continue
            if not _PREFIXED.sub("", last)[:1].isupper() or _never_a_name(last):
                continue
            if first.isupper() and self.lex.is_english(first) and \
                    fold(first) not in self.lex.given and fold(first) not in self.lex.family:
                continue   # round 12: shouted words around "A"/"AN" ("GETTING A BREAK")
            yield Span(m.start(1), m.end(3), SURE)

    def shouted(self) -> Iterable[Span]:
        """Names in a run of words in capitals ("WHY DOES TUNDE ALWAYS GET NIGHTS"): a word of
        three letters or more that is not English, not a known acronym and not kept."""
        for m in _SHOUTING.finditer(self.text):
            for w in self.words:
                if m.start() <= w.start and w.end <= m.end() and len(w.text) >= 3 and \
                        w.text.isupper() and w.key not in v.ACRONYMS and \
                        not self._kept(w) and (not self.lex.is_english(w.text) or
                                               w.key in self.lex.given) and \
                        not self._shouted_word(w) and not self._negated(w):
                    yield Span(w.start, w.end, "PERSON")

    def _shouted_word(self, w: Word) -> bool:
        """Round 12: a shouted given name that is an English word used as the word: after a
        determiner or "no" ("NO HOPE OF A BREAK", "THE JOY OF IT"), or before "of"/"that"."""
        if not self.lex.is_english(w.text):
            return False
        k = self.at[w.start]
        prev = self.words[k - 1].key if k else ""
        nxt = self.words[k + 1].key if k + 1 < len(self.words) else ""
        return prev in _DETERMINERS or prev in _ARTICLES or prev in _QUANTIFIERS or \
            nxt in {"of", "that"}

    def shouted_subjects(self) -> Iterable[Span]:
        """Round 4: a name in capitals that is also an English word, where a person stands: the
        subject of a shouted question ("WHY DOES SORREL GET…"), or before a verb only a person
        does ("lol SORREL said it AGAIN", "SORREL TOLD ME")."""
        for m in _SHOUTED_SUBJECT.finditer(self.text):
            k = self.at.get(m.start(1))
            if k is not None and self._shouted_name(self.words[k]):
                yield Span(m.start(1), m.end(1), SURE)
        for k, w in enumerate(self.words[:-1]):
            nxt = self.words[k + 1]
            if self.text[w.end:nxt.start] != " " or not w.text.isupper():
                continue
            if (nxt.key in _SPEECH_VERBS or _AND_HER.match(self.text, w.end)) and \
                    self._shouted_name(w) and (k == 0 or self.words[k - 1].key not in _DETERMINERS):
                yield Span(w.start, w.end, SURE)   # also "TIRED OF SORREL AND HER COMMENTS"

    def _shouted_name(self, w: Word) -> bool:
        return len(w.text) >= 3 and w.text.isupper() and w.key not in v.ACRONYMS and \
            not self._kept(w) and w.key not in _DISCOURSE and w.key not in _NEVER_WORD_NAMES and \
            w.key not in v.INTERJECTIONS and w.key not in v.CALENDAR and \
            w.key not in _PLACE_WORDS and not self._term(w.key) and \
            w.key not in {"everyone", "everybody", "someone", "nobody", "anyone", "management"}

    def leetspeak(self) -> Iterable[Span]:
        """Names written with digits for letters ("J0rdan", "Pr1ya", "4nita"): a word of letters
        with digits inside (not only at its end) that reads as a name, or in title case as a
        word that is not English."""
        for m in _LEET.finditer(self.text):
            token = m.group()
            if not _LEET_INSIDE.search(token):
                # one digit for a last letter ("Xanth3"): only a name the gazetteer knows
                if re.fullmatch(r"[A-Za-z]{3,}[013457]", token) and any(
                        self.lex.is_name(token.translate(t)) for t in (_LEET_I, _LEET_L)):
                    yield Span(m.start(), m.end(), SURE)
                continue   # digits only at the end ("COVID19", "Band5") or none
            for plain in {token.translate(_LEET_I), token.translate(_LEET_L)}:
                if not plain.isalpha() or len(plain) < 3:
                    continue
                if self.lex.is_name(plain) or fold(plain) in self.lex.word_names or \
                        ((plain[:1].isupper() or len(plain) >= 4) and not self.lex.is_english(plain)) or \
                        (plain[:1].isupper() and len(plain) >= 4):   # round 5: "R0cket"
                    yield Span(m.start(), m.end(), SURE)
                    break

    def ampersand_orgs(self) -> Iterable[Span]:
        """Organisations abbreviated with an ampersand ("N&N", "NCH&C"), not "A&E"."""
        for m in _AMPERSAND.finditer(self.text):
            if fold(m.group()) not in v.ACRONYMS:
                # sure: the allow-list must not keep the "I" of "I&O" as the pronoun
                yield Span(m.start(), m.end(), ORG_SURE)

    def lower_case(self) -> Iterable[Span]:
        """Names written in lower case ("ignore adaeze", "cley ward"): a given name from the
        gazetteer that is not an English word; a word that is not English before "ward",
        "unit", "team"…"""
        for i, w in enumerate(self.words):
            if len(w.text) >= 3 and w.text.islower() and w.key not in v.FOREIGN_ROLES and \
                    w.key not in v.TEXT_SPEAK and \
                    all(part in self.lex.given for part in w.key.split("-")) and \
                    not self._kept(w) and not self.lex.is_english(w.text) and \
                    not (i and self.words[i - 1].key in _DETERMINERS):   # "your ninja outfit"
                yield Span(w.start, w.end, "PERSON")
        for i, w in enumerate(self.words[1:], start=1):
            # "i told ifeoluwa", "asked shirin": after a verb that takes a person, a lower-case
            # word that is not English and not kept
            if w.text.islower() and len(w.text) >= 3 and \
                    (self.words[i - 1].key in _PERSON_VERBS or (  # "went to olamide about it"
                        self.words[i - 1].key in {"to", "with", "from"} and
                        (self.lex.is_name(w.text) or
                         re.match(r"\s+(?:about|who)\b", self.text[w.end:w.end + 8])))) and \
                    self.text[self.words[i - 1].end:w.start] == " " and \
                    self.text[w.end:w.end + 1] not in {"'", "’"} and \
                    not self.lex.is_english(w.text) and not self._kept(w) and \
                    w.key not in v.TEXT_SPEAK:   # round 12: "rang agn"
                yield Span(w.start, w.end, "PERSON")
        for i, w in enumerate(self.words):
            # "olamide said", "seren oyedepo told": lower-case words that are not English (the
            # first may be a given name that is), right before a verb in the past
            if not (w.text.islower() and len(w.text) >= 3 and not self.lex.is_english(w.text)
                    and not self._kept(w) and self._ends_clause(i, punctuation=False)) or \
                    (i and self.words[i - 1].key in _DETERMINERS):   # "my girlfriend said"
                continue
            start = w.start
            if i and self.words[i - 1].text.islower() and len(self.words[i - 1].text) >= 2 and \
                    self.text[self.words[i - 1].end:w.start] == " " and \
                    not self._kept(self.words[i - 1]) and \
                    (not self.lex.is_english(self.words[i - 1].text) or
                     self.words[i - 1].key in self._given_or_month):
                start = self.words[i - 1].start
            yield Span(start, w.end, "PERSON")
        for i, w in enumerate(self.words[1:], start=1):
            # "grace ogunleye", "faith mensah-bonsu": a given name (a word or not) and a surname
            # that is not an English word, both in lower case
            prev = self.words[i - 1]
            if w.text.islower() and prev.text.islower() and len(w.text) >= 3 and \
                    self.text[prev.end:w.start] == " " and \
                    not self.lex.is_english(w.text) and not self._kept(w) and \
                    not self._kept(prev) and len(prev.text) >= 3 and (
                        (all(part in self.lex.family for part in w.key.split("-")) and
                         (prev.key in self.lex.given or self._word_name(prev))) or
                        (not self.lex.is_english(prev.text) and
                         (self.lex.is_name(prev.text) or self.lex.is_name(w.text)))):
                yield Span(prev.start, w.end, "PERSON")
        for m in _LOWER_ORG.finditer(self.text):
            word = m.group(1)
            if not self.lex.is_english(word) and not self.lex.is_kept(word):
                # sure: in lower case the allow-list would drop it as no organisation's name
                yield Span(m.start(), m.end(), ORG_SURE)
        # round 5: a lower-case ward's name that is an English word, after "on", "at", "to",
        # "from", "off" with no determiner ("nobody on muffin ward"), unless a kind of ward
        # ("on postnatal ward"); sure, so the allow-list keeps it
        for m in _LOWER_WARD.finditer(self.text):
            word = m.group(1)
            key = fold(word)
            if self.lex.is_english(word) and not self.lex.is_kept(word) and \
                    key not in v.GENERIC_SERVICES and \
                    key not in v.PLACES and key not in v.FUNCTION_WORDS and \
                    key not in v.ROLES and key not in _DETERMINERS and key not in _QUANTIFIERS:
                yield Span(m.start(1), m.end(), ORG_SURE)

    def acronym_places(self) -> Iterable[Span]:
        """Two or three capitals that are also a common abbreviation ("CV"), where a place of
        work stands ("I moved from CV", "everyone in CV knows"): an organisation's, unless it
        is a department, a service or a body ("in ED", "from HR")."""
        for i, w in enumerate(self.words[1:], start=1):
            key = w.key
            if not (2 <= len(w.text) <= 3 and w.text.isupper()) or key in _DEPARTMENTS or \
                    key in v.ROLES or key in v.PLACES or key in v.GENERIC_SERVICES or \
                    key in v.NATIONAL_BODIES or key in v.FUNCTION_WORDS or key in _PRONOUNS or \
                    not (key in v.ACRONYMS or key in _CAPS_WORDS or self.lex.is_kept(w.text)):
                continue
            prev = self.words[i - 1]
            if prev.key in {"from", "in", "at", "left", "joined"} and \
                    self.text[prev.end:w.start] == " " and \
                    not (i > 1 and self.words[i - 2].key in _DETERMINERS):
                yield Span(w.start, w.end, ORG_SURE)

    def acronyms(self) -> Iterable[Span]:
        """Acronyms that are not common ones (NHS, HCA, A&E, …): an organisation's where one
        would stand ("a paramedic with EEAST", "Thornham Ward, NNUH", "QEH staff"), and, failing
        closed, wherever they are not also an English word ("SALT", "PALS")."""
        shouting = [m.span() for m in _SHOUTING.finditer(self.text)]
        for i, w in enumerate(self.words):
            if not _is_caps(w.text) or len(w.text) > 6 or w.key in v.ACRONYMS or \
                    self.lex.is_kept(w.text) or w.key in _PRONOUNS:   # "SHOUTED AT ME"
                continue
            before = self.words[i - 1].key if i else ""
            after = self.words[i + 1].key if i + 1 < len(self.words) else ""
            listed = before in v.ORG_SUFFIXES and \
                self.text[max(0, w.start - 3):w.start].rstrip().endswith(",")
            # round 8: in shouting, an English word after "to"/"at" is no acronym ("TELL HER TO STOP")
            shouted = len(w.text) >= 3 and self.lex.is_english(w.text) and \
                any(a <= w.start and w.end <= b for a, b in shouting)
            if (before in _ORG_PREPOSITIONS and not shouted) or listed or after in _ORG_FOLLOWERS or \
                    (len(w.text) >= 3 and not self.lex.is_english(w.text)):
                yield Span(w.start, w.end, "ORG")

    _ORG = re.compile(
        r"(?:\b(?:St\.?|Saint)\s+)?(?:[A-Z][\w'’]*(?:-[\w'’]+)*\s+(?:(?:and|&|of|upon)\s+)?)"
        r"{1,5}(?i:(" + "|".join(sorted(v.ORG_SUFFIXES, key=len, reverse=True)) + r"))\b"
        r"(?:\s(?i:" + "|".join(sorted(v.ORG_SUFFIXES, key=len, reverse=True)) + r")\b)?"
        r"|\bUniversity\s+of\s+(?:the\s+)?[A-Z][\w'’]*(?:\s+[A-Z][\w'’]*)?"
        r"|\b(?:St\.?|Saint)\s+[A-Z][\w]*['’]s\b")

    def _organisation(self, inner: list[Word]) -> Span | None:
        """An organisation's name from its words: small words off the start, and it must have a
        word that singles it out (not "the Stroke Unit")."""
        while inner and inner[0].key in _NOT_ORG_START:
            inner = inner[1:]
        while inner and not inner[-1].text[:1].isupper() and not (   # "Avocet Centre clinic"
                len(inner) > 1 and inner[-1].key in v.ORG_SUFFIXES):   # not "Kite team"
            inner = inner[:-1]
        if any(_is_title_case(w.text) and w.key not in _ORG_GENERIC for w in inner):
            return Span(inner[0].start, inner[-1].end, "ORG")
        return None

    def organisations(self) -> Iterable[Span]:
        for m in self._ORG.finditer(self.text):
            inner = self._within(m.start(), m.end())
            # "the Kestrel Ward team", "Avocet Centre clinic": the generic word after the name
            # goes with it (failing closed: it may be part of the name)
            span = self._organisation(inner)
            if span:
                yield span

    def model_entities(self) -> Iterable[Span]:
        for e in self.entities:
            if e.label not in {"PERSON", "ORG", "FAC"}:
                continue
            inner = self._within(e.start, e.end)
            if e.label != "PERSON":
                span = self._organisation(inner)
                if span and not self._spared(self.words[self.at[span.start]]):
                    if len(inner) == 1 and not _is_caps(inner[0].text) and \
                            (inner[0].key in self.lex.given or
                             not self.lex.is_english(inner[0].text)):
                        span = Span(span.start, span.end, "PERSON")   # "Bukola" taken for an org
                    yield span
                continue
            while inner and not inner[-1].text[:1].isupper():
                inner.pop()
            if not inner or all(self._kept(w) or not w.text[:1].isupper() for w in inner) or \
                    self._spared(inner[0]):
                continue
            if len(inner) == 1:
                w = inner[0]
                if self.lex.is_english(w.text) and (w.text.islower() or (
                        w.initial and not self._initial_name(self.at[w.start]))):
                    continue
            yield Span(inner[0].start, inner[-1].end, "PERSON")

    # -- round 3: a word in no list of names, proven a name by the words around it -------------
    def _plain_word(self, w: Word) -> bool:
        """A capitalised word that may be a name though it is an ordinary one ("Rain", "Gift",
        "Honor"): not kept, not a function, discourse or identity word, not an adverb in -ly, and
        not a plural of an English word ("Nurses")."""
        key = w.key
        if not _is_title_case(w.text) or len(key) < 3 or self._kept(w) or key in _DISCOURSE or \
                key in _NEVER_WORD_NAMES or key in v.INTERJECTIONS and key != "bless" or \
                self._adverb(key) or key in v.VOCATIVES:
            return False
        return not (key.endswith("s") and self.lex.is_english(key[:-1]))

    def context_names(self) -> Iterable[Span]:
        """Ordinary words used as names where the sentence leaves no doubt: first in a sentence
        and the subject of a verb only a person does ("Gift told the relatives", "Honor, the
        band 6, laughed", "Rain, who…"), or spoken to ("Rain, can you stop…", "Honestly Rain, if
        you're reading this")."""
        for k, w in enumerate(self.words):
            plain = self._plain_word(w)
            if not plain and not (  # a kept word ("Memory") only when greeted, below
                    _is_title_case(w.text) and self._kept(w) and not _never_a_name(w.text) and
                    w.key not in _NEVER_WORD_NAMES and w.key not in _DISCOURSE and
                    w.key not in v.VOCATIVES and w.key not in v.INTERJECTIONS and
                    w.key not in v.PLACES):
                continue
            after = self.text[w.end:w.end + 60]
            nxt = self.words[k + 1] if k + 1 < len(self.words) else None
            if plain and after[:1] == ":" and (
                    _SPEAKER.search(self.text, max(0, w.start - 3), w.start) or
                    re.match(r":\s*['‘\"“][^'’\"”\n]{0,40}\b(?:you|I|we|me|us)\b", after)):
                yield Span(w.start, w.end, SURE)   # a chat's speaker: "[chat] Sorrel: …"
            elif plain and (w.initial or self._after_label(w)):
                if nxt is not None and self.text[w.end:nxt.start] == " " and \
                        nxt.key in _SPEECH_VERBS | {"didn", "doesn", "won", "wouldn"}:
                    yield Span(w.start, w.end, SURE)
                elif self._subject_of_person_verb(after) or (
                        not self._term(w.key) and w.ent not in TIMES_AND_NUMBERS and
                        self._initial_subject(after)):
                    yield Span(w.start, w.end, SURE)   # "Sorrel ignored me", "Sorrel from X said"
                elif re.match(r"\s+if\s+you\b", after):
                    yield Span(w.start, w.end, SURE)   # "Sorrel if you see this, …"
                elif after[:1] == ",":
                    rest = after[1:]
                    # an apposition between commas, then a verb: "Bless, the band 6, laughed"
                    aside = re.match(r"\s*(?:the|a|an|our|my|his|her|their|who|one)\b[^,.!?\n]{0,40},\s*(\w+)", rest, re.I)
                    if re.match(r"\s*who\b", rest, re.I) or _TO_YOU.match(rest) or \
                            (aside and fold(aside.group(1)) in _AFTER_PERSON) or \
                            _NAME_LIST.match(after) or self._after_opening_quote(w):
                        # also "Sorrel, Tinsel and I were", and "'Sorrel, leave it,' she said"
                        yield Span(w.start, w.end, SURE)
                elif _THE_ONE_WHO.match(after):
                    yield Span(w.start, w.end, SURE)   # "Lake is the one who started it"
                elif re.match(r"['’]s\s+[a-z]", after) and w.key not in v.CALENDAR:
                    yield Span(w.start, w.end, SURE)   # "Sorrel's comment was the worst"
                elif self._and_a_name(k):
                    yield Span(w.start, w.end, SURE)   # "Sorrel and Adaeze laugh"
            elif plain and not w.initial and k and nxt is not None and \
                    self.text[w.end:nxt.start] == " " and \
                    nxt.key in _SPEECH_VERBS - {"never", "always", "won't", "wouldn't",
                                                "didn't", "doesn't"} and \
                    self.words[k - 1].key not in _DETERMINERS and \
                    not self.words[k - 1].text[:1].isupper() and not self._term(w.key):
                # round 5: after a word a term follows, a person's verb still makes a name
                # ("On the postnatal ward Pickle kept telling mums…"), not "the Act says"
                yield Span(w.start, w.end, SURE)
            elif _CLEFT.search(self.text, max(0, w.start - 12), w.start) and \
                    re.match(r"\s+who\b", after) and (plain or self._kept_as_name(w)):
                yield Span(w.start, w.end, SURE)       # "It was Ivory who moved my things"
            elif not plain and w.initial and nxt is not None and \
                    self.text[w.end:nxt.start] == " " and \
                    nxt.key in _SPEECH_VERBS - {"never", "always"} and self._kept_as_name(w):
                yield Span(w.start, w.end, SURE)       # a kept word: "Memory keeps telling…"
            elif k and self.words[k - 1].initial and (after[:1] in {",", "!"} or (
                    self._word_name(w) and _TO_YOU.match(after)) or
                    re.match(r"\s+for\b", after)) and \
                    self.text[self.words[k - 1].end:w.start] == " " and \
                    (self.words[k - 1].key in v.VOCATIVES | v.INTERJECTIONS or
                     self.words[k - 1].key.endswith("ly")) and \
                    (after[:1] == "!" or _TO_YOU.match(after[1:]) or
                     re.match(r",\s*(?:if|I|we|this|that)\b", after) or
                     (self._word_name(w) and _TO_YOU.match(after)) or   # "Honestly Memory you…"
                     (plain and self.words[k - 1].key in v.VOCATIVES and
                      re.match(r"\s+for\b", after))):   # "Thanks Sorrel for standing up"
                yield Span(w.start, w.end, SURE)   # "Honestly Rain, if you're reading this"
            elif not plain and k and not w.initial and (
                    (self._word_name(w) and self.words[k - 1].key in _POINTERS and
                     self.text[self.words[k - 1].end:w.start] == " " and
                     _POINTED_AFTER.match(after)) or
                    (self.words[k - 1].key == "you" and
                     re.fullmatch(r",\s*", self.text[self.words[k - 1].end:w.start]) and
                     after[:1] in {",", "!", "?"}) or
                    (self._word_name(w) and re.match(r"['’]s\s+[a-z]", after))):
                # a kept word that is a given name, where a person stands: "spoke to Memory
                # about it", "Not you, Memory, we need…", "Memory's shift"
                yield Span(w.start, w.end, SURE)

    def _subject_of_person_verb(self, after: str) -> bool:
        """What follows a word first in its sentence makes it a person: a verb in the past and
        a person as its object ("… ignored me", "… blanked her"), or a short phrase of place or
        team and a verb only a person does ("… from estates calls me", "… on reception with me
        said")."""
        m = _PAST_ON_PERSON.match(after) or _ADVERB_VERB.match(after)
        if m and self.lex.is_english(m.group(1)):
            return True
        for placed in (_PLACED_SUBJECT, _PLACED_SUBJECT_2):   # round 8: "… at the front desk keeps"
            m = placed.match(after)
            if m and fold(m.group(1)) in _SPEECH_VERBS | _PLACED_VERBS:
                return True
        return False

    def _term(self, key: str) -> bool:
        """A term by its ending (`_term_ending`), and, for "-ing", a gerund of a word
        ("Safeguarding", "Making"), not a noun that only ends so ("Pudding")."""
        if not _term_ending(key):
            return False
        if not key.endswith("ing") or any(key.endswith(e) for e in _TERM_ENDINGS if e != "ing"):
            return True
        stem = key[:-3]
        return self.lex.is_english(stem) or self.lex.is_english(stem + "e") or \
            (len(stem) >= 5 and stem[-1] == stem[-2] and self.lex.is_english(stem[:-1]))

    def _after_label(self, w: Word) -> bool:
        """Round 5. Word w is the first after a label's colon ("Night report: Rocket refused
        to…"): a clause starts there, as after a full stop."""
        before = self.text[max(0, w.start - 3):w.start]
        return before.rstrip(" ").endswith(":") or re.search(r"\s[-–—]\s+$", before) is not None

    def labelled_people(self) -> Iterable[Span]:
        """Round 5. The capitalised words listed after a label that asks for people ("Person(s)
        involved: Sparkle, Bronwen", "Witnesses: Rocket and Kehinde"), up to the line's end:
        names, whatever words they are (not roles, titles or kept words)."""
        for m in _PEOPLE_LABEL.finditer(self.text):
            end = self.text.find("\n", m.end())
            for w in self._within(m.end(), len(self.text) if end < 0 else end):
                if _is_title_case(w.text) and not self._kept(w) and not _never_a_name(w.text) and \
                        w.key not in _NEVER_WORD_NAMES:
                    yield Span(w.start, w.end, SURE)

    def _initial_subject(self, after: str) -> bool:
        """Round 5. What follows a word first in its sentence (no determiner before it) makes it
        a person: an auxiliary and a verb only a person does ("… had told", "… has asked"), being
        there ("… was there too"), or a verb in the past on "it" or with a particle of movement
        ("… started it", "… scrubbed in", "… backed off")."""
        m = _AUX_VERB.match(after)
        if m:
            return fold(m.group(1)) in _SPEECH_VERBS | _PAST_VERBS | _PERSON_VERBS
        if _BEING_THERE.match(after):
            return True
        m = _PAST_PARTICLE.match(after) or _PLACED_ACT.match(after)   # "… from the team forwarded it"
        return bool(m) and self.lex.is_english(m.group(1))

    def _adverb(self, key: str) -> bool:
        """An adverb in -ly ("Honestly", "Sadly", "Luckily", "Simply"), not a noun or a name
        that ends so ("Gully"): its stem is an English word."""
        if not key.endswith("ly") or len(key) < 4:
            return False
        stem = key[:-2]
        if len(stem) < 4 and self.lex.is_name(key):
            return False   # a known name: "Gully", "Kelly", not "Sadly"
        return self.lex.is_english(stem) or self.lex.is_english(stem + "e") or \
            (stem.endswith("i") and self.lex.is_english(stem[:-1] + "y")) or \
            (key.endswith(("bly", "ply", "tly")) and self.lex.is_english(key[:-1] + "e")) or \
            (stem.endswith("al") and self.lex.is_english(stem[:-2]))

    def group_names(self) -> Iterable[Span]:
        """A ward's or team's name before a word for a group ("the Larkspur lot", "the
        Bittern crowd"): an organisation's, if it is no kept word."""
        for m in _GROUP.finditer(self.text):
            k = self.at.get(m.start(1))
            if k is not None and (self._plain_word(self.words[k]) or
                                  not self.lex.is_english(self.words[k].text)) and \
                    not self._kept(self.words[k]):
                yield Span(m.start(1), m.end(1), "ORG")

    def _kept_as_name(self, w: Word) -> bool:
        """A kept word that may be someone's name: not a service, a body or a calendar word
        ("Pharmacy said", "Monday was")."""
        return w.key not in v.GENERIC_SERVICES and w.key not in v.NATIONAL_BODIES and \
            w.key not in v.CALENDAR and w.key not in v.ROLES

    def _and_a_name(self, k: int) -> bool:
        """Word k is followed by "and" and a name (a known one, or a word that is not English):
        "Sorrel and Adaeze laugh"."""
        if k + 2 >= len(self.words) or self.words[k + 1].key not in {"and", "&"} or \
                self.text[self.words[k].end:self.words[k + 2].start].strip() not in {"and", "&"}:
            return False
        other = self.words[k + 2]
        if not _is_title_case(other.text) or self._kept(other):
            return False
        if self.lex.is_name(other.text) or not self.lex.is_english(other.text):
            return True
        # round 5: two plain words and a verb in the past ("Sparkle and Pilot swapped the rota")
        return self._plain_word(other) and not self._term(other.key) and \
            not self._term(self.words[k].key) and \
            bool(_PAST_ON_THING.match(self.text, other.end))

    def _after_opening_quote(self, w: Word) -> bool:
        """Word w opens a quotation ("'Sorrel, leave it'"): its first word before a comma is
        spoken to."""
        before = self.text[max(0, w.start - 2):w.start].rstrip(" ")
        return before[-1:] in _OPENERS

    def role_lower(self) -> Iterable[Span]:
        """A lower-case word after "my mentor", "our hca", or after "told", "asked", before the
        clause goes on ("my mentor gift that…", "i told greer it wasn't"): a name even if it is
        also an English word."""
        for k in range(1, len(self.words) - 1):
            w, prev, nxt = self.words[k], self.words[k - 1], self.words[k + 1]
            if prev.key not in v.ROLES and prev.key not in _PERSON_VERBS:
                continue   # the cheap test first: most words follow neither
            if not w.text.islower() or len(w.text) < 3 or \
                    (self._kept(w) and not self._word_name(w)) or w.key in _DISCOURSE or w.text.endswith("ly") or \
                    self.text[prev.end:w.start] != " " or \
                    self.text[w.end:nxt.start].strip(" ,") != "":
                continue
            after = nxt.key
            if prev.key in v.ROLES and self._possessed(k - 1) and \
                    after in {"that", "who", "about", "and", "said", "told", "if", "what", "how",
                              "because", "but", "when", "after", "before"}:
                yield Span(w.start, w.end, SURE)
            elif prev.key in {"asked", "told", "ask", "tell"} and after == "to" and \
                    not w.key.endswith("s") and w.key not in v.PLACES and \
                    w.key not in v.GENERIC_SERVICES and w.key not in v.ROLES and \
                    w.key not in _PRONOUNS and \
                    k + 2 < len(self.words) and self.words[k + 2].text.islower():
                yield Span(w.start, w.end, SURE)   # "i asked sorrel to swap"
            elif prev.key in _PERSON_VERBS and self.lex.is_name(w.text) and \
                    after in {"it", "that", "i", "she", "he", "we", "they", "about", "if", "not",
                              "to", "how", "what", "why", "my"}:
                yield Span(w.start, w.end, SURE)

    def lower_subjects(self) -> Iterable[Span]:
        """A lower-case word as the subject of a verb only a person does, with no determiner
        before it ("even royal told me", "and sparrow said"), or before "who" after a word that
        points at a person ("i mentioned it to eilidh who said…"): a name, even if it is also an
        English word."""
        for k, w in enumerate(self.words):
            if k + 1 >= len(self.words) or (self.words[k + 1].key not in _SPEECH_VERBS and
                                            self.words[k + 1].key != "who"):
                continue   # the cheap test first: most words come before neither
            said_after_comma = k > 0 and self.words[k + 1].key in _SAID and \
                self.text[self.words[k - 1].end:w.start] == ", " and \
                not w.key.endswith("s") and w.key not in _PRONOUNS and \
                w.key not in v.FUNCTION_WORDS and w.key not in v.ROLES and \
                w.key not in v.GENERIC_SERVICES and w.key not in v.PLACES and \
                w.key not in v.COMMON_VERBS and w.key not in _QUANTIFIERS
            if not w.text.islower() or len(w.text) < 3 or w.text.endswith("ly") or \
                    w.key in _DISCOURSE or w.key in _NEVER_WORD_NAMES or \
                    (self._kept(w) and not self._word_name(w)) or \
                    (self.lex.is_english(w.text) and not self._word_name(w) and
                     w.key not in self.lex.given and not said_after_comma):
                continue   # "the note said": an English word only if it is also a name
            prev = self.words[k - 1].key if k else ""
            nxt = self.words[k + 1] if k + 1 < len(self.words) else None
            if nxt is None or self.text[w.end:nxt.start] != " " or prev in _DETERMINERS or \
                    prev.endswith(("one", "body", "thing")) or \
                    prev in _PERSON_VERBS and nxt.key not in {"who"}:
                continue
            if nxt.key in _SPEECH_VERBS - {"never", "always", "makes", "made", "calls",
                                                  "called", "thinks", "thought", "wants",
                                                  "wanted", "kept", "keeps"} or \
                    (nxt.key == "who" and prev in {"to", "with", "and", "told", "asked",
                                                         "ask", "tell", "by", "from"}):
                yield Span(w.start, w.end, SURE)

    def lower_positions(self) -> Iterable[Span]:
        """Round 5. A lower-case word where a person stands: after a role and before a verb
        ("the kitchen supervisor ginger puts…"); after a text-speak opener before "is"/"was" or
        a person's verb, when the gazetteer knows it or it is no English word ("ngl tucker is
        the reason"); after a verb acting on someone, when it is no English word ("the office
        sent anwen instead")."""
        for k in range(1, len(self.words) - 1):
            w, prev, nxt = self.words[k], self.words[k - 1], self.words[k + 1]
            if prev.key not in v.ROLES and prev.key not in _TEXT_OPENERS and \
                    prev.key not in _ACTED_ON and not _AND_HERS.match(self.text, w.end):
                continue   # the cheap test first
            if not w.text.islower() or len(w.text) < 3 or w.key in _DISCOURSE or \
                    w.key in _ADVERBS or w.key in _PRONOUNS or w.key in _NEVER_WORD_NAMES or \
                    w.key in v.FUNCTION_WORDS or w.text.endswith("ly") or \
                    (self._kept(w) and not self._word_name(w)) or \
                    self.text[prev.end:w.start] != " " or self.text[w.end:nxt.start] != " ":
                continue
            if w.key in v.COMMON_VERBS or w.key in _QUANTIFIERS or w.key in _SPEECH_VERBS or \
                    w.key in _PAST_VERBS or w.key in _ACTED_ON or w.key.endswith("ed") or \
                    self.lex.is_english(w.key + "s") and self.lex.is_english(w.key + "ed") and \
                    not self.lex.is_name(w.text):
                continue   # a verb ("staff take breaks") or a quantifier ("the OT both heard")
            english = self.lex.is_english(w.text)
            if prev.key in v.ROLES and not w.key.endswith("s") and \
                    w.key not in v.ROLES and w.key not in v.PLACES and \
                    w.key not in v.GENERIC_SERVICES and w.key not in v.ORG_SUFFIXES and \
                    (nxt.key in _SPEECH_VERBS or nxt.key in _PAST_VERBS or
                     (nxt.key.endswith("s") and len(nxt.key) >= 4 and
                      self.lex.is_english(nxt.key[:-1]))):
                yield Span(w.start, w.end, SURE)
            elif prev.key in _TEXT_OPENERS and \
                    (nxt.key in {"is", "was"} or nxt.key in _SPEECH_VERBS) and \
                    (self.lex.is_name(w.text) or not english):
                yield Span(w.start, w.end, SURE)
            elif _AND_HERS.match(self.text, w.end) and not w.key.endswith("s") and \
                    prev.key not in _DETERMINERS and w.key not in v.ROLES and \
                    w.key not in v.PLACES and w.key not in v.GENERIC_SERVICES:
                yield Span(w.start, w.end, SURE)   # round 5: "sick of x and her comments"
            elif prev.key in _ACTED_ON and not english and len(w.text) >= 5 and \
                    (not w.key.endswith("s") or self.lex.is_name(w.text)):
                yield Span(w.start, w.end, SURE)

    def focused_subjects(self) -> Iterable[Span]:
        """A lower-case word after "only", "even", "except" as the subject of an auxiliary, a
        person named by "she"/"he" after it ("only sorrel does and she gets stick for it"): a
        name, even if it is an English word (not a plural, a kept or a discourse word)."""
        for k in range(1, len(self.words) - 1):
            w, nxt = self.words[k], self.words[k + 1]
            if nxt.key not in _FOCUSED_VERBS or self.words[k - 1].key not in _FOCUS:
                continue   # the cheap test first
            if not w.text.islower() or len(w.text) < 3 or w.key.endswith("s") or \
                    (self._kept(w) and not self._word_name(w)) or w.key in _DISCOURSE or \
                    self.text[w.end:nxt.start] != " " or \
                    not re.match(r"[^.!?\n]{0,30}\b(?:she|he)\b", self.text[nxt.end:]):
                continue
            yield Span(w.start, w.end, SURE)

    def abbreviation_initials(self) -> Iterable[Span]:
        """Two capitals that are also an abbreviation or a word ("DR", "PS", "MY", "BY") stand
        for a person where a person stands: first in a sentence before a verb only a person does
        ("DR keeps asking", "BY told me"), or after "ask", "told", "down as", "just" at the end
        of a phrase ("ask MY on nights", "I'm just PA, two letters"). Roles, departments and
        bodies ("GP", "HR", "IT", "ED") are never taken."""
        for m in _INITIALS.finditer(self.text):
            word = m.group()
            if "." in word:
                continue
            key = fold(word)
            if key in v.ROLES or key in v.PLACES or key in v.GENERIC_SERVICES or \
                    key in v.NATIONAL_BODIES or key in _DEPARTMENTS:
                continue
            k = self.at.get(m.start())
            if k is None:
                continue
            w = self.words[k]
            nxt = self.words[k + 1] if k + 1 < len(self.words) else None
            prev = self.words[k - 1] if k else None
            subject = w.initial and nxt is not None and \
                self.text[w.end:nxt.start] == " " and (nxt.key in _SPEECH_VERBS or
                                                      _THE_ONE_WHO.match(self.text, w.end))
            placed = prev is not None and prev.key in _INITIALS_BEFORE and \
                self.text[prev.end:w.start] == " " and \
                _INITIALS_AFTER.match(self.text, w.end) is not None
            # round 5: "it was AM who…", "tbh PM is just as bad"
            cleft = _CLEFT.search(self.text, max(0, m.start() - 12), m.start()) is not None and \
                re.match(r"\s+who\b", self.text[m.end():m.end() + 6]) is not None
            opened = prev is not None and prev.key in _TEXT_OPENERS and \
                nxt is not None and self.text[w.end:nxt.start] == " " and \
                nxt.key in _SPEECH_VERBS | {"is", "was", "has", "had"}
            if subject or placed or cleft or opened:
                yield Span(m.start(), m.end(), SURE)   # SURE: the allow-list keeps "BY", "MY"

    def coordinated_initials(self) -> Iterable[Span]:
        """Two pairs of capitals joined by "and" or "&" before a verb or "were" ("GH and RM were
        present", "BK & TL said"): both are people, even one that is also a role ("RM"), when
        the other is no role, department, body or English word in capitals."""
        for m in _COORDINATED_INITIALS.finditer(self.text):
            keys = [fold(m.group(1)), fold(m.group(2))]
            if all(k in v.ROLES or k in _DEPARTMENTS or k in _CAPS_WORDS or k in v.NATIONAL_BODIES
                   or k in v.PLACES or k in v.GENERIC_SERVICES for k in keys):
                continue
            yield Span(m.start(1), m.end(1), SURE)
            yield Span(m.start(2), m.end(2), SURE)

    def lower_full_names(self) -> Iterable[Span]:
        """Round 8: a full name in lower case, two words that are no English words, after a word
        that points at a person ("… by zanele mokoena", "told jericho bunn"), whatever their
        origin and whether or not the gazetteer knows them."""
        for k in range(1, len(self.words) - 1):
            prev, w, nxt = self.words[k - 1], self.words[k], self.words[k + 1]
            if prev.key not in _LOWER_NAME_POINTERS or not (
                    self._adjacent(k - 1, k) and self.text[w.end:nxt.start] == " "):
                continue
            if all(_LOWER_WORD.fullmatch(x.text) and not self.lex.is_english(x.text) and
                   not self._kept(x) and x.key not in _TEXT_OPENERS and
                   x.key not in v.INTERJECTIONS and x.key not in v.FUNCTION_WORDS
                   for x in (w, nxt)):
                yield Span(w.start, nxt.end, "PERSON")

    def lower_pairs(self) -> Iterable[Span]:
        """Round 8: two lower-case words joined by "and" before "both" and a verb ("bless and
        hamza both do it", "rose and tegan were both there"), and a lower-case word before "from
        the … team/ward/unit" and a person's verb ("bill from the night team told me"): a given
        name the gazetteer knows or no English word, both of a pair ("tea and milk both do" is
        left);
        never a role, a kept word, a pronoun or a function word."""
        for m in _LOWER_PAIR.finditer(self.text):
            ks = [self.at.get(m.start(1)), self.at.get(m.start(2))]
            if None in ks or not all(self._lower_candidate(self.words[k]) and
                                     self._lower_name_like(self.words[k]) for k in ks):
                continue
            for k in ks:
                yield Span(self.words[k].start, self.words[k].end, "PERSON")
        for m in _LOWER_FROM_TEAM.finditer(self.text):
            k = self.at.get(m.start(1))
            if k is not None and self._lower_candidate(self.words[k]) and \
                    self._lower_name_like(self.words[k]) and \
                    (k == 0 or self.words[k - 1].key in {"and", "but", "then", "so"} or
                     self.text[self.words[k - 1].end:self.words[k].start].strip() in {",", ";"}):
                yield Span(m.start(1), m.end(1), "PERSON")

    def _lower_name_like(self, w: Word) -> bool:
        """A given name the gazetteer knows, or no English word."""
        return w.key in self.lex.given or not self.lex.is_english(w.text)

    def _lower_candidate(self, w: Word) -> bool:
        return w.text.islower() and len(w.text) >= 2 and not self._kept(w) and \
            w.key not in v.FUNCTION_WORDS and w.key not in v.ROLES and w.key not in _PRONOUNS and \
            w.key not in _QUANTIFIERS and w.key not in v.PLACES and \
            w.key not in v.GENERIC_SERVICES and w.key not in _TEXT_OPENERS

    def calendar_names(self) -> Iterable[Span]:
        """Round 8: given names that are calendar words or a modal verb ("May", "June", "Summer",
        "Autumn", "Will"), which the allow-list keeps and the name pass never takes, where the
        grammar leaves no month, season or modal: before a verb in -s or a past verb of a
        person ("Will keeps asking", "May said", "will just swapped", "because Will reads my
        inbox"); before a short place phrase and such a verb, or "from the … team" ("Autumn on
        reception heard", "Summer from the night team"); spoken of after a verb that points at
        a person ("told May", "said to Will", "Called Will about it"); coordinated with a person
        ("Me and Summer were"); after a text-speak opener before "is"/"was" ("ngl may is the
        worst"). Never after a word that makes it a time ("in May", "this summer", "from April
        to May") nor before a number ("May 5th")."""
        for k, w in enumerate(self.words):
            if w.key not in _CALENDAR_NAMES:
                continue
            shouted = w.text.isupper() and len(w.text) > 1 and not self.text.isupper()
            if shouted and not _CALENDAR_VERB.match(self.text, w.end):
                continue   # "SUMMER thought": one word in capitals for a person, before a verb
            prev = self.words[k - 1] if k else None
            pp = self.words[k - 2] if k >= 2 else None
            if prev is not None and (prev.key in _TIME_BEFORE or prev.key in v.CALENDAR) and \
                    self._adjacent(k - 1, k):
                continue
            after = self.text[w.end:w.end + 60]
            if re.match(r"\s*\d", after):
                continue
            verb = _CALENDAR_VERB.match(after)
            placed = _CALENDAR_PLACED.match(after)
            pointed = prev is not None and self._adjacent(k - 1, k) and (
                prev.key in _CALENDAR_POINTERS or
                (prev.key == "to" and pp is not None and pp.key in _SAID_TO_VERBS)) and \
                _CALENDAR_AFTER_POINTED.match(after) is not None
            coordinated = prev is not None and prev.key == "and" and pp is not None and \
                (pp.key in {"me", "i"} or pp.key in self.lex.given) and \
                re.match(r"\s+(?:were|both|have|had|are)\b", after) is not None
            opened = prev is not None and prev.key in _TEXT_OPENERS and \
                re.match(r"\s+(?:is|was|has|had)\b", after) is not None
            # spoken to at the end of a quoted clause ("'Thanks for nothing, Summer,' I said"), or
            # a speaker's label ("May: 'Why, she can't…'")
            vocative = self.text[max(0, w.start - 2):w.start] == ", " and \
                re.match(r"[,.!?]*['’\"”]", after) is not None and \
                not (prev is not None and prev.key in v.CALENDAR)
            speaker = re.match(r":\s*['‘\"“]", after) is not None and (
                w.initial or re.search(r"[.!?]['’\"”]?\s+$", self.text[max(0, w.start - 4):w.start]))
            if verb or placed or pointed or coordinated or opened or vocative or speaker:
                yield Span(w.start, w.end, SURE)

    def word_and_initial(self) -> Iterable[Span]:
        """An ordinary word and an initial where a person stands ("Temperance B. said", "Me and
        Bless S. were"), not "Plan B" or "Bay C"."""
        for m in _NAME_AND_INITIAL.finditer(self.text):
            k = self.at.get(m.start(1))
            if k is None:
                continue
            key = self.words[k].key
            if not self._plain_word(self.words[k]) and (
                    not self._kept(self.words[k]) or _never_a_name(self.words[k].text) or
                    key in _NEVER_WORD_NAMES or key in v.GENERIC_SERVICES or key in v.PLACES or
                    key in _DISCOURSE or key in v.CALENDAR):
                continue   # "Memory F." is a name; "Plan B", "Bay C", "Ward D" are not
            rest = re.match(r"\.?\s+([\w’']+)", self.text[m.end():m.end() + 30])
            prev = self.words[k - 1].key if k else ""
            if (rest and fold(rest.group(1)) in _AFTER_PERSON) or prev in {"and", "told", "asked"}:
                yield Span(m.start(), m.end(), SURE)

    def coordinated_initials_acts(self) -> Iterable[Span]:
        """Kinds round: two pairs of capitals joined by "and"/"&" before any past verb acting on
        something ("BP and ZG took the family off my list"), as `coordinated_initials` before
        the verbs it lists; never when both are roles, departments or bodies ("OT and PT
        took over", "IT and HR were told")."""
        for m in _COORDINATED_ACTS.finditer(self.text):
            keys = [fold(m.group(1)), fold(m.group(2))]
            kept = [k in v.ROLES or k in _DEPARTMENTS or k in v.NATIONAL_BODIES or k in v.PLACES
                    or k in v.GENERIC_SERVICES for k in keys]
            if all(kept[i] or keys[i] in _CAPS_WORDS or keys[i] in v.ACRONYMS or
                   keys[i] in _OBSERVATIONS for i in range(2)):
                continue   # "BP and HR were stable", "OT and PT took over"
            verb = m.group(3).lower()
            if verb in v.IRREGULAR_WORDS or verb in _SPEECH_VERBS or verb.endswith("ed"):
                for i in range(2):
                    if not kept[i]:
                        yield Span(m.start(i + 1), m.end(i + 1), SURE)

    def initials_and_a_name(self) -> Iterable[Span]:
        """Kinds round: two capitals joined to a name by "and"/"&" before a past verb ("Grace
        and BP took the family off my list", "BP & Okafor said"): the capitals are initials,
        even an abbreviation, when the other word is a name in the gazetteer or no English word,
        and no kept word
        ("Sister and BP", "Mum and HR" are left) and the capitals no role or department."""
        for m in _INITIALS_AND_NAME.finditer(self.text):
            caps, name = (1, 2) if m.group(1) else (4, 3)
            key, word = fold(m.group(caps)), m.group(name)
            if key in v.ROLES or key in _DEPARTMENTS or key in v.NATIONAL_BODIES or \
                    key in v.PLACES or key in v.GENERIC_SERVICES or \
                    not (self.lex.is_name(word) or not self.lex.is_english(word)) or \
                    self.lex.is_kept(word) or \
                    fold(word) in v.TITLES or fold(word) in v.TERMS_OF_ADDRESS:
                continue
            verb = m.group(5).lower()
            if verb in v.IRREGULAR_WORDS or verb in _SPEECH_VERBS or verb.endswith("ed"):
                yield Span(m.start(caps), m.end(caps), SURE)

    def quoted_letter(self) -> Iterable[Span]:
        """Kinds round: a single capital used as a nickname, after a word that introduces a
        name, in quotes or not ("still call me 'G'", "known as J")."""
        for m in _LETTER_NICKNAME.finditer(self.text):
            yield Span(m.start(1), m.end(1), SURE)

    def lower_name_initial(self) -> Iterable[Span]:
        """Kinds round: a lower-case given name and a capital initial, texting style ("n amber M
        txts me", "me and josh T went"): both, when the gazetteer knows the given name and the
        initial is no "I" or "A" and no number follows ("plan B", "vitamin D 1000" are left)."""
        for m in _LOWER_NAME_INITIAL.finditer(self.text):
            name = m.group(1)
            key = fold(name)
            if key not in self.lex.given or key in v.FUNCTION_WORDS or self.lex.is_kept(name) \
                    or key in v.ROLES or key in v.TITLES or key in v.TERMS_OF_ADDRESS:
                continue
            yield Span(m.start(1), m.end(2), SURE)

    # -- round 12 (issue 16): word names in texting, quoted vocatives, roles in other languages --
    def _texting(self) -> bool:
        """Written as a text message: no capital letter anywhere, or text-speak words ("u",
        "pls", "n" for "and")."""
        if self._texting_memo is None:
            self._texting_memo = not any(c.isupper() for c in self.text) or \
                any((w.key in v.TEXT_SPEAK and w.text.islower()) or w.text == "i"
                    for w in self.words)   # "u", "pls", "n", or "i" in lower case
        return self._texting_memo

    def _lower_word_name(self, w: Word, english_ok: bool) -> bool:
        """A lower-case word that may be a given name though it is a word ("faith", "robin"):
        in the gazetteer (or, if `english_ok`, any English noun in no list the analysis keeps),
        never a function, discourse, role, place, calendar, quantity, text-speak word, a plural,
        an adverb in -ly or a word with a term's ending."""
        key = w.key
        if not w.text.islower() or len(key) < 3 or key in v.FUNCTION_WORDS or \
                key in _DISCOURSE or key in _NEVER_WORD_NAMES or key in v.CALENDAR or \
                key in _CALENDAR_NAMES or key in v.MODALS or key in _PRONOUNS or \
                key in _QUANTIFIERS or key in v.TEXT_SPEAK or key in _ADVERBS or \
                key in v.PLACES or key in v.GENERIC_SERVICES or \
                (key in v.ORG_SUFFIXES and key not in self.lex.given) or \
                key in v.VOCATIVES or key in v.INTERJECTIONS or key in v.COMMON_VERBS or \
                key in _SPEECH_VERBS or key in _PAST_VERBS or \
                self._adverb(key) or (key.endswith("ly") and key not in self.lex.given) or \
                (_term_ending(key) and key not in self.lex.given) or \
                (key.endswith("s") and self.lex.is_english(key[:-1])):
            return False
        if self._kept(w) and not self._word_name(w):
            return False
        return key in self.lex.given or not self.lex.is_english(w.text) or english_ok

    def _person_act(self, at: int, listed: bool = False) -> bool:
        """The words from `at` say what a person did: a bracketed aside may come first ("(band
        7)", "(hca)"), an adverb, then a verb only a person does ("said", "told", "swapped my
        shift", "ignored me"); after a list of people also "were on", "both …"."""
        m = _ACT.match(self.text, at)
        if not m:
            return False
        verb = m.group("verb").lower()
        rest = self.text[m.end():m.end() + 20]
        if verb in _ACT_VERBS:
            return True
        if verb in {"were", "are", "was", "is"}:
            return listed and re.match(r"\s+(?:on|in|at|working|laughing|talking|there|both|"
                                       r"all|off|sat|stood|chatting|whispering)\b", rest) is not None
        if verb.endswith("ed") or verb in v.IRREGULAR_WORDS or verb in _PAST_VERBS:
            return re.match(r"\s+(?:me|us|him|her|them|my|our|his|their|everyone|every|the\s+pt|"
                            r"the\s+patient)\b", rest) is not None
        return False

    def texting_names(self) -> Iterable[Span]:
        """Round 12. Given names that are words, in lower case, as people in texting style:
        the subject of a person's verb with no article or possessive ("then faith told me",
        "robin (band 7) swapped my shift", "n grace said"), the agent after "by" of a verb done
        to a person ("told by robin 2 use…"), coordinated in a list of people before a
        person's verb ("me n joy n patience were on nights"), after "with" before "and she…";
        spoken to in a quotation ("'pls hurry up dawn'", "'cheers hope x'", "'right grace
        listen'")."""
        last = len(self.words) - 1
        for k, w in enumerate(self.words):
            if k == last or not w.text.islower() or len(w.text) < 3:
                continue   # the cheap tests first: what follows, what comes before
            prev = self.words[k - 1] if k else None
            nxt = self.words[k + 1].key
            if nxt in _ACT_VERBS or nxt in _ACT_ADVERBS or nxt.endswith("ed") or \
                    nxt in _PAST_VERBS or nxt in v.IRREGULAR_WORDS or \
                    self.text[w.end:w.end + 2] == " (":
                start_like = prev is None or w.initial or prev.key in _CONJUNCTIONS or \
                    prev.key in _TEXT_OPENERS or \
                    self.text[prev.end:w.start].strip() in {",", "(", ";"} or \
                    _ROLE_ASIDE.match(self.text, w.end) is not None   # "… daisy (band 6) swapped"
                act = start_like and (prev is None or prev.key not in _DETERMINERS) and \
                    _ACT.match(self.text, w.end)
                if act and self._person_act(w.end) and \
                        self._lower_word_name(w, english_ok=self._texting()) and \
                        (w.key in self.lex.given or act.group("verb").lower() in _SAID_VERBS):
                    yield Span(w.start, w.end, SURE)
                    continue
            if prev is None:
                continue
            if prev.key == "by" and k >= 2 and \
                    self.words[k - 2].key in _DONE_BY and self._adjacent(k - 1, k) and \
                    self._lower_word_name(w, english_ok=False):
                yield Span(w.start, w.end, SURE)   # "told by robin 2 use the side door"
            elif prev.key == "with" and self._adjacent(k - 1, k) and \
                    _WITH_AND_SHE.match(self.text, w.end) and \
                    self._lower_word_name(w, english_ok=False):
                yield Span(w.start, w.end, SURE)   # "i was with hope and she laughed"
        yield from self._lower_lists()
        yield from self._quoted_vocatives()

    def _lower_lists(self) -> Iterable[Span]:
        """Lower-case people in a list ("me n joy n patience were on nights", "charity n faith
        both ignored me"): each given name that is a word, when the list ends in a person's act."""
        for m in _LOWER_LIST.finditer(self.text):
            items = re.split(r"\s*(?:,|\bn\b|\band\b|&)\s*", m.group())
            items = [i for i in items if i]
            if len(items) < 2 or not self._person_act(m.end(), listed=True):
                continue
            pos, placed = m.start(), []
            for item in items:
                at = self.text.index(item, pos)
                pos = at + len(item)
                placed.append(self.at.get(at))
            found, others = [], 0
            for k in reversed(placed):   # the people nearest the verb; a word before them ends it
                if k is None or (k and (self.words[k - 1].key in _DETERMINERS or
                                        self.words[k - 1].key in _ARTICLES)):
                    break   # "the cover is a joke and rose laughs": the thing ends the list
                if self.words[k].key in {"me", "i"}:
                    others += 1
                elif self._lower_word_name(self.words[k], english_ok=False):
                    found.append(self.words[k])
                elif self._lower_name(self.words[k], known=True):
                    others += 1
                else:
                    break
            if found and len(found) + others >= 2:
                for w in found:
                    yield Span(w.start, w.end, SURE)

    def _quoted_vocatives(self) -> Iterable[Span]:
        """A lower-case given name spoken to inside a quotation: at its end after an imperative,
        a greeting or "pls" ("'pls hurry up dawn'", "'cheers hope x'", "'move it faith'"), or at
        its start after a greeting before an imperative ("'right grace listen to me'")."""
        for m in _QUOTE_SPAN.finditer(self.text):
            inner = self._within(m.start(1), m.end(1))
            if len(inner) < 2:
                continue
            first = inner[0]
            opens = first.key in v.VOCATIVES or first.key in v.INTERJECTIONS or \
                first.key in v.TEXT_SPEAK or first.key in {"please", "move", "hurry", "come",
                                                           "get", "go", "stop", "shut", "wake",
                                                           "hurry", "give", "leave"}
            # first, before "pls" or a comma and an imperative: "'violet pls cover my shift'"
            if self._lower_word_name(first, english_ok=False) and \
                    re.match(r"(?:\s+(?:pls|plz|please)|\s*,)\s+[a-z]+\s+(?:my|me|it|the|this|us|for)\b",
                             self.text[first.end:first.end + 30]):
                yield Span(first.start, first.end, SURE)
            if not opens:
                continue
            # at the end: "… dawn'", "… hope x'", "… faith!'"
            last = inner[-1]
            if last.key in v.TEXT_SPEAK and len(inner) >= 3 and last.key.startswith("x"):
                last = inner[-2]
            before = self.words[self.at[last.start] - 1]
            # spoken to, not an object: after a particle, "it"/"me", a greeting or a comma
            if last is not first and self._lower_word_name(last, english_ok=False) and (
                    before.key in _BEFORE_VOCATIVE or before.key in v.VOCATIVES or
                    before.key in v.INTERJECTIONS or before.key in v.TEXT_SPEAK or
                    self.text[before.end:last.start].strip() == ","):
                yield Span(last.start, last.end, SURE)
        # at a quotation's start, after a greeting, before an imperative (the quotation may
        # not close where a contraction's apostrophe is): "'right grace listen to me'"
        for m in _GREETED.finditer(self.text):
            k = self.at.get(m.start(2))
            if fold(m.group(1)) in v.VOCATIVES | v.INTERJECTIONS and k is not None and \
                    self._lower_word_name(self.words[k], english_ok=True):
                yield Span(m.start(2), m.end(2), SURE)

    def foreign_role_names(self) -> Iterable[Span]:
        """Round 12. A given name after a role or form of address in another language ("a
        enfermeira Will disse", "pani Hope", "ate Joy", "doña Grace"), as after "nurse": even a
        word, a month or a modal. After a role that is also an English word ("ate", "pan",
        "don") only a name the gazetteer knows."""
        for k, w in enumerate(self.words[:-1]):
            if w.key not in v.FOREIGN_ROLES:
                continue
            nxt = self.words[k + 1]
            if self.text[w.end:nxt.start] != " " or nxt.key in v.ROLES or \
                    nxt.key in v.FOREIGN_ROLES or nxt.key in _NEVER_WORD_NAMES or \
                    (_never_a_name(nxt.text) and nxt.key not in _CALENDAR_NAMES) or \
                    len(nxt.text) < 2:
                continue   # "Will" and "May" are names here, as after "nurse"
            english_role = self.lex.is_english(w.text)
            if _is_title_case(nxt.text) or (_is_caps(nxt.text) and len(nxt.text) >= 3):
                if english_role and nxt.key not in self._given_or_month and \
                        nxt.key not in {"will"}:
                    continue
                j = k + 2
                while j < len(self.words) and j - k <= 3 and \
                        _is_title_case(self.words[j].text) and \
                        self.text[self.words[j - 1].end:self.words[j].start] == " " and \
                        not self._kept(self.words[j]) and not _never_a_name(self.words[j].text):
                    j += 1   # a surname after it: "pani Hope Wiśniewska"
                yield Span(nxt.start, self.words[j - 1].end, SURE)
            elif nxt.text.islower() and not english_role and \
                    self._lower_word_name(nxt, english_ok=False):
                yield Span(nxt.start, nxt.end, SURE)   # "pani hope powiedziała"

    # -- round 15 of the rules ---------------------------------------------------------------
    def round15_names(self) -> Iterable[Span]:
        """Round 15: word names by grammar. A lower-case word name before what a person is
        doing ("heard charity laughing about me", "this is memory talking"), or before a verb
        only a person does in texting ("n clover blamed me"); "will"/"may" before a finite verb
        ("will has put me on nights"); a capitalised given name before a bare verb done to
        someone ("Grace correct my notes", "X say to me"); a lower-case given name with a
        diacritic among English words ("its rūta because"); a name shouted before a comma and
        an imperative ("MAY, STOP CALLING ME"); a given name spoken to at the end of a chat
        message ("can u cover sat clover", "yeah Summer"); a second nickname ("calls me X and
        the other one Y")."""
        words, text = self.words, self.text
        last = len(words) - 1
        for k, w in enumerate(words):
            if k == last:
                break
            nxt = words[k + 1]
            if text[w.end:nxt.start] != " ":
                continue
            prev = words[k - 1] if k else None
            start_like = prev is None or w.initial or prev.key in _CONJUNCTIONS or \
                prev.key in _TEXT_OPENERS or text[prev.end:w.start].strip() in {",", ";", "("}
            if w.text.islower() and len(w.text) >= 3 and \
                    (prev is None or prev.key not in _DETERMINERS):
                if nxt.key in _PERSON_ING and (start_like or prev.key in _PERCEIVED) and \
                        self._lower_word_name(w, english_ok=False):
                    yield Span(w.start, w.end, SURE)   # "heard charity laughing about me"
                    continue
                if nxt.key in {"talking", "speaking"} and prev is not None and k >= 2 and \
                        f"{words[k - 2].key} {prev.key}" in {"this is", "it is"} and \
                        w.key not in v.FUNCTION_WORDS and w.key not in _PRONOUNS and \
                        w.key not in _NEVER_WORD_NAMES and w.key not in v.TEXT_SPEAK:
                    yield Span(w.start, w.end, SURE)   # "hi this is memory talking"
                    continue
                if nxt.key in _SAID_VERBS and _FRONTED.search(text, max(0, w.start - 40), w.start) \
                        and self._person_act(w.end) and \
                        self._lower_word_name(w, english_ok=self._texting()) and \
                        not self.lex.is_kept(w.text, w.key):
                    yield Span(w.start, w.end, SURE)   # "on the ward round kipper asked"
                    continue
                if start_like and nxt.key in _PERSON_ONLY and self._texting() and \
                        self._person_act(w.end) and \
                        self._lower_word_name(w, english_ok=True) and \
                        not self.lex.is_kept(w.text, w.key):
                    yield Span(w.start, w.end, SURE)   # "n clover blamed me"
                    continue
            if w.key in {"will", "may"} and not w.text.isupper() and \
                    (nxt.key in (_FINITE_AFTER_MODAL if w.key == "will" else _PERSON_FINITE)) and \
                    (prev is None or start_like) and nxt.text.islower():
                yield Span(w.start, w.end, SURE)   # "will has put me on the top floor"
                continue
            if _is_title_case(w.text) and (w.initial or (prev is not None and prev.text.islower())) \
                    and nxt.key in _BARE_PERSON_VERBS and nxt.text.islower() and \
                    self._plain_word(w) and w.key not in v.MODALS and \
                    w.key not in _CALENDAR_NAMES and \
                    (w.key in self.lex.given or w.key in self.lex.word_names) and \
                    (k + 2 > last or words[k + 2].key in _PRONOUNS | _DETERMINERS | {
                        "to", "at", "i", "everyone", "everybody", "in", "on", "when", "that",
                        "about"}):
                yield Span(w.start, w.end, SURE)   # "Grace correct my notes"
        yield from self._diacritic_names()
        yield from self._shouted_vocatives()
        yield from self._chat_end_vocatives()
        for m in _SECOND_NICKNAME.finditer(text):
            k = self.at.get(m.start(1))
            if k is not None and not self._kept(words[k]) and words[k].key not in v.FUNCTION_WORDS:
                yield Span(m.start(1), m.end(1), SURE)

    def _diacritic_names(self) -> Iterable[Span]:
        """A lower-case given name with a diacritic ("rūta", "józef") between English words;
        not a word of a text in another language ("a mãe disse")."""
        for k, w in enumerate(self.words):
            if w.text.isascii() or not w.text.islower() or len(w.key) < 3 or \
                    w.key not in self.lex.given or self.lex.is_english(w.text) or \
                    self._kept(w) or w.key in v.FOREIGN_ROLES or w.key in v.FUNCTION_WORDS:
                continue
            around = [self.words[j] for j in (k - 1, k + 1) if 0 <= j < len(self.words)]
            if around and all(o.text.isascii() and (self.lex.is_english(o.text) or
                                                   o.key in v.TEXT_SPEAK) for o in around):
                yield Span(w.start, w.end, SURE)

    def _shouted_vocatives(self) -> Iterable[Span]:
        """A given name in capitals first in a sentence or quotation, before a comma and a
        shouted imperative, pronoun or question ("'MAY, STOP CALLING ME'", "GIFT, GET OUT"):
        even a month or a modal; not an ordinary shouted word ("STOP, DON'T")."""
        for k, w in enumerate(self.words[:-1]):
            nxt = self.words[k + 1]
            if not (w.initial and w.text.isupper() and len(w.text) >= 3 and nxt.text.isupper()):
                continue
            between = self.text[w.end:nxt.start]
            if between.strip(" \t'’\"”") not in {",", "!"} or nxt.key not in _SHOUT_AFTER:
                continue
            if (w.key in self.lex.given or w.key in self.lex.word_names) and \
                    w.key not in v.INTERJECTIONS and w.key not in v.VOCATIVES and \
                    w.key not in _DISCOURSE and w.key not in _NEVER_WORD_NAMES and \
                    w.key not in v.ACRONYMS:
                yield Span(w.start, w.end, SURE)

    def _chat_end_vocatives(self) -> Iterable[Span]:
        """A given name spoken to at the end of a chat message, after a greeting, discourse
        or text-speak word, a pronoun or a day ("[21:15] Kacey: yeah Summer", "can u cover sat
        clover"). Capitalised, a season may be a name; in lower case no calendar word is."""
        if ":" not in self.text:
            return
        for m in _CHAT_LINE.finditer(self.text):
            inner = self._within(m.start("msg"), m.end("msg"))
            while inner and inner[-1].key in {"x", "xx", "xxx"}:
                inner.pop()   # a kiss after the name: "cheers olive x"
            if len(inner) < 2:
                continue
            w, before = inner[-1], inner[-2]
            if not _MESSAGE_END.fullmatch(self.text, w.end, m.end("msg")) or \
                    self.text[before.end:w.start] not in {" ", ", "} or \
                    before.key not in _BEFORE_END_VOCATIVE:
                continue
            if w.text.islower():
                ok = self._lower_word_name(w, english_ok=False) and \
                    (w.key in self.lex.given or w.key in self.lex.word_names)
            else:
                ok = _is_title_case(w.text) and w.key not in v.MODALS and \
                    w.key not in (_CALENDAR_NAMES - {"summer", "autumn"}) and \
                    (w.key in self.lex.given or w.key in self.lex.word_names) and \
                    w.key not in _NEVER_WORD_NAMES and w.key not in v.INTERJECTIONS and \
                    w.key not in v.VOCATIVES and w.key not in _DISCOURSE and \
                    w.key not in _PLACE_WORDS
            if ok:
                yield Span(w.start, w.end, SURE)

    def spans(self) -> list[Span]:
        return [*self.titled(), *self.after_cue(), *self.quoted(), *self.capitalised(),
                *self.lower_case(), *self.acronyms(), *self.organisations(), *self.model_entities(),
                *self.word_names(), *self.initials(), *self.particles(), *self.shouted(),
                *self.leetspeak(), *self.ampersand_orgs(), *self.context_names(),
                *self.role_lower(), *self.abbreviation_initials(), *self.coordinated_initials(),
                *self.calendar_names(), *self.lower_full_names(), *self.lower_pairs(),
                *self.word_and_initial(),
                *self.lower_subjects(), *self.acronym_places(), *self.shouted_subjects(),
                *self.group_names(), *self.focused_subjects(), *self.lower_positions(),
                *self.labelled_people(),
                # the kinds round (issue 16)
                *self.coordinated_initials_acts(), *self.initials_and_a_name(),
                *self.quoted_letter(), *self.lower_name_initial(),
                # round 12
                *self.texting_names(), *self.foreign_role_names(),
                # round 15
                *self.round15_names()]


def find(text: str, tokens: Sequence[Token], entities: Sequence[Entity],
         lexicon: Lexicon, model: "name_model.Model | None" = None) -> list[Span]:
    """The rules' spans, then (given the learned model) the words they left that the model
    scores as names (name_model.py: a fail-closed last pass)."""
    finder = Finder(text, tokens, entities, lexicon)
    spans = finder.spans() + apposition.spans(text, lexicon)   # round 13: titles, roles
    if model is not None:
        spans += name_model.spans(text, finder.words, spans, lexicon, model, finder._spared)
    return spans
