"""Names beside a title or a role, in lower case as dictation and texting write them (round 13 of
the rules, issue 16):

- a title or a rank and the name after it, the title inside the name's span: "mister garbutt",
  "sister joy markwick", "officer kinsella", and capitalised "Officer Skipsey", "Mister Obi",
  "Sergeant Lund" (police and prison ranks are titles here);
- a given name in apposition to a staff role: "the HCA precious", "the student nurse raheem",
  "olive the hca", "tahmina the OT" (the name only: a role word alone is not PII).

A lower-case word is a name here only if it is a given name of the gazetteer (any given name,
those that are English words included: "precious", "olive", "memory") or no English word at all;
never a function word, a role, a title, a modal or a month. A given name that is also a word
needs the frame to end the phrase (a verb of speech, "was", a comma, the end) so that "the nurse
rose from her chair" and "to mark the nurse's work" stay as they are.

And a name with its role in brackets after it: "Marigold (HCA) laughed", "ruby (ward clerk)"
(`_role_in_brackets`).

Also: a ward's or unit's number after its name is part of the organisation ("Ward Haxmoor 3",
"Cley 2": `ward_numbers`).

Pure: text and a lexicon in, spans out."""
from __future__ import annotations

import re

from . import vocabulary as v
from .lexicon import Lexicon, fold
from .redaction import ORG_SURE, SURE, Span
from .spoken import SPOKEN_STOP

# Titles spoken or written in full, and police and prison ranks, besides vocabulary.TITLES.
SPOKEN_TITLES = frozenset("""
mister missus officer constable sergeant sarge inspector detective governor guv warden
superintendent pc sgt insp dc ds di
""".split())
_TITLES = v.TITLES | SPOKEN_TITLES
_DIGIT = re.compile(r"\d")
# Roles of staff a name can stand beside (family words and "patient" are left to the name rules).
_NOT_STAFF = frozenset("""
patient patients relative relatives visitor visitors resident residents husband wife partner son
daughter mum mother dad father neighbour grandson granddaughter family member friend colleague
colleagues staff agency bank line team lead deputy junior student foundation
""".split())
# Words of vocabulary.ROLES's phrases that are no role alone ("ward" of "ward clerk").
_PARTS = frozenset("""
ward line practice team support healthcare charge estates security worker assistant member
deputy lead leader
""".split())
STAFF_ROLES = (v.ROLES - _NOT_STAFF - _PARTS) | frozenset("hca ot slt salt odp anp acp rmn rgn hcsw".split())
_TRIGGERS = _TITLES | STAFF_ROLES   # (all ASCII: a word's lower case is its key)
_ANY_TRIGGER = re.compile(r"\b(?:" + "|".join(sorted(_TRIGGERS, key=len, reverse=True)) + r")\b", re.I)
# Qualifiers that may come before a role ("the student nurse", "the bank hca").
_QUALIFIERS = frozenset("student bank agency staff senior junior deputy charge ward night day new".split())
_DETERMINERS = frozenset("the our my your their his her a an that this".split())
# What may follow a given name that is also a word, for the phrase to be a name ("the hca
# precious said", "olive the hca, who", "the OT will.").
_ENDS = re.compile(r"\s*(?:[,.;:!?)\n\"”’]|$|(?:said|says|told|asked|shouted|rang|called|who|"
                   r"laughed|replied|snapped|whispered|came|went)\b)", re.I)
_WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")
_NEVER = v.FUNCTION_WORDS | v.ROLES | v.TITLES | SPOKEN_TITLES | v.MODALS | v.CALENDAR | \
    v.COMMON_VERBS | v.TERMS_OF_ADDRESS | v.IDENTITY | v.NATIONALITIES
# Verbs' and pronouns' words before a word that make it a verb ("to mark the nurse", "I will").
_VERB_BEFORE = frozenset("to will would can could should must might may shall i we they you "
                         "please don't didn't not".split())


def _given(word: str, lex: Lexicon) -> bool:
    key = fold(word)
    return key in lex.given or key in v.GIVEN_WORDS


_CONTRACTION = re.compile(r"['’](?:m|s|re|ve|ll|d|t)$|n['’]t$", re.I)


def _name_like(word: str, lex: Lexicon) -> bool:
    key = fold(word)
    if _CONTRACTION.search(word):
        return False   # "I'm the HCA", "the nurse isn't"
    if key in v.GIVEN_WORDS:
        return True
    if key in _NEVER or len(key) < 2:
        return False
    return key in lex.given or key in lex.family or not lex.is_english(word)


def _is_word(word: str, lex: Lexicon) -> bool:
    return lex.is_english(word) or lex.is_kept(word)


def spans(text: str, lex: Lexicon) -> list[Span]:
    out: list[Span] = []
    if _DIGIT.search(text):
        out += _places_and_numbers(text, lex)
    if _ANY_TRIGGER.search(text) is None:
        return out   # no title and no role (many texts): nothing more to find
    words = list(_WORD.finditer(text))

    def gap(i: int) -> str:   # what lies between words i and i + 1
        return text[words[i].end():words[i + 1].start()]

    def surnames(j: int) -> int:
        """The index after a name that starts at j: one or two more words that are names and no
        English words ("joy markwick"), in the same case as the first."""
        k = j + 1
        while k < len(words) and k - j < 3 and gap(k - 1) == " " and \
                words[k].group().islower() == words[j].group().islower() and \
                fold(words[k].group()) not in _NEVER and not _is_word(words[k].group(), lex) and \
                (lex.is_name(words[k].group()) or not lex.is_english(words[k].group())):
            k += 1
        return k

    def ends_phrase(k: int) -> bool:
        return _ENDS.match(text, words[k - 1].end()) is not None

    low = [w.group().lower() for w in words]
    for i, m in enumerate(words[:-1]):
        key = low[i]
        if key not in _TRIGGERS or gap(i).strip() not in {"", "."}:
            continue   # most words: neither a title nor a role
        nxt = words[i + 1].group()
        # a title and a name: "mister garbutt", "sister joy markwick", "Officer Skipsey"; after
        # "the" or a qualifier a title is a role ("the student nurse raheem": below)
        as_role = i > 0 and fold(words[i - 1].group()) in _DETERMINERS | _QUALIFIERS
        first = key in _TITLES and (i == 0 or text[:m.start()].rstrip()[-1:] in ".!?:;\n\"'‘“(" or
                                    SPOKEN_STOP.search(text, max(0, m.start() - 20), m.start()) is not None)
        if key in _TITLES and not as_role and \
                (m.group().islower() or key in SPOKEN_TITLES or (first and nxt.islower())):
            if nxt.islower() != m.group().islower() and not (m.group()[:1].isupper() and nxt[:1].isupper()) \
                    and not (first and m.group()[:1].isupper() and m.group()[1:].islower()):
                continue   # "Sister threlkeld" first in a sentence: dictation's capital
            if not _name_like(nxt, lex):
                continue
            k = surnames(i + 1)
            if _is_word(nxt, lex) and k == i + 2 and not ends_phrase(k):
                continue   # "sister rose from her chair", "officer will be"
            out.append(Span(m.start(), words[k - 1].end(), SURE))
            continue
        # a role and a given name after it: "the HCA precious", "the student nurse raheem"
        if key in STAFF_ROLES and i > 0 and nxt.islower() and gap(i) == " " and _name_like(nxt, lex):
            j = i - 1
            if fold(words[j].group()) in _QUALIFIERS and j > 0:
                j -= 1
            if fold(words[j].group()) not in _DETERMINERS:
                continue
            k = surnames(i + 1)
            if _is_word(nxt, lex) and (k == i + 2 and not ends_phrase(k) or not _given(nxt, lex)):
                continue
            out.append(Span(words[i + 1].start(), words[k - 1].end(), SURE))
    # a name and a role after it: "olive the hca", "tahmina the OT"
    for i in range(len(words) - 2):
        m = words[i]
        if low[i + 1] != "the" or gap(i) != " " or gap(i + 1) != " ":
            continue
        role = words[i + 2]
        r = i + 2
        if fold(role.group()) in _QUALIFIERS and r + 1 < len(words):
            r += 1
        if fold(words[r].group()) not in STAFF_ROLES or not _name_like(m.group(), lex):
            continue
        if not (m.group().islower() or m.group()[:1].isupper()):
            continue
        if i > 0 and (fold(words[i - 1].group()) in _VERB_BEFORE | _DETERMINERS):
            continue
        if _is_word(m.group(), lex) and (not _given(m.group(), lex) or fold(m.group()) in v.MODALS):
            continue
        out.append(Span(m.start(), m.end(), SURE))
    out += _role_in_brackets(text, words, lex)
    return out


# A name with its role in brackets after it, as notes and logs write them: "Marigold (HCA)
# laughed", "ruby (ward clerk) won't", "Sonny (HCA, nights)". The role may have qualifiers
# ("(duty manager)", "(bank hca)") and must end the bracket or be followed by a comma.
_BRACKET_QUALIFIERS = _QUALIFIERS | frozenset("duty shift team acting locum trainee".split())


def _role_in_brackets(text: str, words: list, lex: Lexicon) -> list[Span]:
    out = []
    for i in range(len(words) - 1):
        m = words[i]
        if text[m.end():words[i + 1].start()] not in (" (", "("):
            continue
        r = i + 1
        while r + 1 < len(words) and fold(words[r].group()) in _BRACKET_QUALIFIERS and \
                text[words[r].end():words[r + 1].start()] == " ":
            r += 1
        if fold(words[r].group()) not in STAFF_ROLES or \
                not re.match(r"\s*[,)/]", text[words[r].end():]):
            continue
        word, key = m.group(), fold(m.group())
        if key in _NEVER or key in v.PLACES or key in v.GENERIC_SERVICES or lex.is_kept(word) or \
                len(key) < 2 or not (word.islower() or word[:1].isupper() and word[1:].islower()):
            continue
        if word.islower() and not _name_like(word, lex):
            continue   # a lower-case English word that is no name: "the notes (hca) said"
        out.append(Span(m.start(), m.end(), SURE))
    return out


# A ward's or a unit's number after its name: "Ward Haxmoor 3", "Cley 2 staff" (one or two digits,
# not a time, a count or a measure after it).
_NOT_A_WARD_AFTER = (r"(?!\s*(?:%|am|pm|hours?|hrs?|mins?|minutes?|days?|weeks?|months?|years?|"
                     r"times|patients|beds|people|of|x|mg|ml|kg)\b)")
_WARD_NUMBER = re.compile(r"[ \t]+(\d{1,2}[A-Za-z]?)(?![\w:.,]\d|[\w/])" + _NOT_A_WARD_AFTER, re.I)


# A capitalised word after "on", "to", "from" with a ward's number after it ("to Salthouse 2").
_PLACE_AND_NUMBER = re.compile(
    r"\b(?:on|onto|to|from|off)\s+([A-Z][a-z]+(?:-[A-Z][a-z]+)?)[ \t]+(\d{1,2}[A-Za-z]?)"
    r"(?![\w:.,/]\d|[\w/])" + _NOT_A_WARD_AFTER)


def _places_and_numbers(text: str, lex: Lexicon) -> list[Span]:
    """A ward's name in no gazetteer with its number, after "on", "to", "from": "moved to Cley 2"."""
    out = []
    for m in _PLACE_AND_NUMBER.finditer(text):
        word = m.group(1)
        if fold(word) not in _NEVER and not lex.is_kept(word) and not lex.is_english(word):
            out.append(Span(m.start(1), m.end(2), ORG_SURE))
    return out


def ward_numbers(text: str, spans: list[Span]) -> list[Span]:
    """Organisation spans followed by a ward's number take the number, and so do names after
    "on", "to", "from" ("moved to Cley 2": a ward)."""
    out = []
    for s in spans:
        if s.type == "ORG" or (s.type in ("PERSON", "LOCATION") and _ON_A_WARD.search(text[max(0, s.start - 8):s.start])):
            m = _WARD_NUMBER.match(text, s.end)
            if m:
                s = Span(s.start, m.end(1), "ORG")
        out.append(s)
    return out


# A name after "on", "onto", "to" or "from" and before a number is a ward ("moved to Cley 2"): a
# person's name is not followed by a one- or two-digit number there.
_ON_A_WARD = re.compile(r"\b(?:on|onto|to|from|off|ward|unit)\s+$", re.I)
