"""Identifiers dictated to a speech-to-text app and written out in words, in lower case, without
punctuation (round 13 of the rules, issue 16): dates ("the twenty ninth of april", "tuesday the
eighth", "monday the second of june"), years of birth ("born nineteen eighty six", "born in two
thousand and three"), extensions and bleeps in words ("extension four four seven two", "bleep
six one three"), registration numbers spelled with the NATO alphabet and number words ("one five
alpha zero three one two echo": an NMC PIN), and a day and month written with a dot in brackets
("(17.06)").

Ordinary number words stay: a time ("about three"), a count ("two patients"), a band ("band
five"), an age ("she is eighty"). Every pattern needs a frame only an identifier has: a month
after an ordinal, "the" and an ordinal after a weekday, "born" before a year, "extension" or
"bleep" (or "on" and four digit words) before a number, a NATO letter among four digit words.

Pure: text in, spans out; registered in patterns.RECOGNISERS.
"""
from __future__ import annotations

import re

from .redaction import Span

# Punctuation spoken to a dictation app ("… full stop Faith matters", "new paragraph mister
# garbutt"): the end of a sentence, read by clinical.py and apposition.py.
SPOKEN_STOP = re.compile(r"\b(?:full\s+stop|period|new\s+paragraph|new\s+line|question\s+mark|"
                         r"exclamation\s+mark)\s*$", re.I)

_UNITS = "one two three four five six seven eight nine".split()
_TEENS = "ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen".split()
_TENS = "twenty thirty forty fifty sixty seventy eighty ninety".split()
_ORD_UNITS = "first second third fourth fifth sixth seventh eighth ninth".split()
_ORD_TEENS = ("tenth eleventh twelfth thirteenth fourteenth fifteenth sixteenth seventeenth "
              "eighteenth nineteenth").split()
_S = r"[\s-]+"   # dictation writes "twenty ninth" or "twenty-ninth"


def _alt(words) -> str:
    return "(?:" + "|".join(sorted(words, key=len, reverse=True)) + ")"


# An ordinal day of the month in words: "eighth", "nineteenth", "twenty ninth", "thirty first",
# "twentieth", "thirtieth".
_ORD_DAY = ("(?:(?:twenty" + _S + ")?" + _alt(_ORD_UNITS) + "|" + _alt(_ORD_TEENS)
            + "|twentieth|thirtieth|thirty" + _S + "first)")
_MONTHS = _alt("january february march april may june july august september october november "
               "december".split())
_WEEKDAY = _alt("monday tuesday wednesday thursday friday saturday sunday".split())
# A year in words: "nineteen eighty six", "nineteen oh two", "two thousand and three", "twenty
# twelve", "two thousand".
_NUMBER_UNDER_100 = "(?:" + _alt(_TENS) + "(?:" + _S + _alt(_UNITS) + ")?|" + _alt(_TEENS) + ")"
_YEAR_WORDS = ("(?:(?:nineteen|twenty)" + _S + "(?:oh" + _S + _alt(_UNITS) + "|" + _NUMBER_UNDER_100
               + "|hundred)"
               "|two" + _S + "thousand(?:" + _S + "(?:and" + _S + ")?(?:" + _NUMBER_UNDER_100 + "|"
               + _alt(_UNITS) + "))?)")

# Dates: an ordinal and a month ("the twenty ninth of april", "monday the second of june", "on
# the fourteenth of march nineteen ninety"), a month and an ordinal ("april the third"), a weekday,
# "the" and an ordinal ("on tuesday the eighth"). A weekday and "the" are part of the date.
_SPOKEN_DATE = re.compile(
    r"\b(?:" + _WEEKDAY + r"\s+)?(?:the\s+)?" + _ORD_DAY + r"\s+(?:of\s+)?" + _MONTHS
    + r"(?:\s+" + _YEAR_WORDS + r")?\b"
    r"|\b(?:" + _WEEKDAY + r"\s+)?" + _MONTHS + r"\s+the\s+" + _ORD_DAY + r"\b"
    r"|\b" + _WEEKDAY + r"\s+the\s+" + _ORD_DAY + r"\b", re.I)
# "may" is a month only where an ordinal is beside it: "may the first" is one, "may" alone never
# (the month list above is used only beside an ordinal).


def spoken_date(text: str) -> list[Span]:
    return [Span(m.start(), m.end(), "DATE") for m in _SPOKEN_DATE.finditer(text)]


# A year of birth in words, after "born" (perhaps "in"), "year of birth" or "DOB".
_BIRTH_YEAR = re.compile(
    r"\b(?:born(?:\s+in)?|year\s+of\s+birth(?:\s+is)?|dob(?:\s+is)?)\s+(" + _YEAR_WORDS + r")\b",
    re.I)


def birth_year(text: str) -> list[Span]:
    return [Span(m.start(1), m.end(1), "DATE") for m in _BIRTH_YEAR.finditer(text)]


# Short numbers read out digit by digit (or in pairs, "forty four seventy two") after the words
# that introduce an internal number; after "on" ("ring me on four four seven two") only four or
# more digit words (so "on two patients", "on twenty two" stay).
_DIGIT_WORD = r"(?:zero|oh|nought|" + _alt(_UNITS) + r"|\d)"
_PAIR = r"(?:" + _NUMBER_UNDER_100 + r")"
_TOKEN = r"(?:(?:double|triple|treble)\s+)?(?:" + _DIGIT_WORD + "|" + _PAIR + ")"
_EXTENSION_WORDS = re.compile(
    r"\b(?:extension|extn|ext|bleep|pager|bleeper|ext\.)\s*(?:number\s+|no\s+)?(?:is\s+|was\s+)?"
    r"(" + _TOKEN + r"(?:[\s,]+" + _TOKEN + r"){1,7})\b", re.I)
_ON_DIGITS = re.compile(
    r"\bon\s+(" + r"(?:(?:double|triple)\s+)?" + _DIGIT_WORD + r"(?:\s+(?:(?:double|triple)\s+)?"
    + _DIGIT_WORD + r"){3,10})\b", re.I)


_DIGIT = re.compile(r"\d")


def _digit_count(words: str) -> int:
    count, repeat = 0, 1
    for token in re.findall(r"[a-z]+|\d", words.lower()):
        if token in ("double", "triple", "treble"):
            repeat = 2 if token == "double" else 3
            continue
        count += repeat * (2 if token in _TENS or token in _TEENS else 1)
        repeat = 1
    return count


def spoken_extension(text: str) -> list[Span]:
    out = [Span(m.start(1), m.end(1), "PHONE") for m in _EXTENSION_WORDS.finditer(text)
           if _digit_count(m.group(1)) >= 3]
    return out + [Span(m.start(1), m.end(1), "PHONE") for m in _ON_DIGITS.finditer(text)
                  if re.search(r"[a-z]", m.group(1), re.I)]   # four digits alone: a year, a time


# Registration numbers spelled out: number words, digits, NATO letters and single capitals, with
# at least four digits and one letter ("one five alpha zero three one two echo", "15 A 0312 E").
_NATO = ("alpha alfa bravo charlie delta echo foxtrot golf hotel india juliet juliett kilo lima "
         "mike november oscar papa quebec romeo sierra tango uniform victor whiskey whisky x-ray "
         "xray yankee zulu").split()
_NATO_SET = frozenset(_NATO)
_SPELL_TOKEN = r"(?:" + _DIGIT_WORD + r"|double|triple|" + _alt(_NATO) + r"|(?-i:[A-Z])(?![\w-])|\d+)"
_SPELLED = re.compile(r"(?<![\w-])" + _SPELL_TOKEN + r"(?:[\s,]+" + _SPELL_TOKEN + r")+(?![\w-])", re.I)
_REGISTER_BEFORE = re.compile(
    r"\b(?:pin|nmc|gmc|hcpc|gphc|registration|reg|number|no)\b[^.\n]{0,25}$", re.I)


# NATO letters that are also ordinary words ("golf", "hotel", "mike") and the capitals that are
# words ("I", "A") are not taken at the edges of a run.
_EDGE_WORDS = frozenset("golf hotel india mike november papa victor uniform i a".split())


def _is_letter(token: str) -> bool:
    return token.lower() in _NATO_SET or (len(token) == 1 and token.isalpha() and token.isupper())


def spelled_registration(text: str) -> list[Span]:
    out = []
    for m in _SPELLED.finditer(text):
        tokens = list(re.finditer(r"[A-Za-z-]+|\d+", m.group()))
        while tokens and tokens[0].group().lower() in _EDGE_WORDS:
            tokens.pop(0)
        while tokens and tokens[-1].group().lower() in _EDGE_WORDS:
            tokens.pop()
        letters = sum(_is_letter(t.group()) for t in tokens)
        digits = _digit_count(" ".join(t.group() for t in tokens if not _is_letter(t.group())))
        if digits < 4 or letters < 1 or digits + letters < 7:
            continue
        start, end = m.start() + tokens[0].start(), m.start() + tokens[-1].end()
        kind = "REG_NUMBER" if _REGISTER_BEFORE.search(text, max(0, start - 40), start) or \
            (digits == 6 and letters == 2) else "OTHER_ID"
        out.append(Span(start, end, kind))
    return out


# A day and a month with a dot, in brackets: "(17.06)", "( 3.11 )"; a two-digit month, so that a
# measure ("(2.5)") is not one.
_BRACKET_DOT = re.compile(r"\(\s*((?:0?[1-9]|[12]\d|3[01])\.(?:0[1-9]|1[0-2]))\s*\)")


def bracketed_dot_date(text: str) -> list[Span]:
    return [Span(m.start(1), m.end(1), "DATE") for m in _BRACKET_DOT.finditer(text)]


FINDERS = {
    "spoken_date": spoken_date,
    "birth_year": birth_year,
    "spoken_extension": spoken_extension,
    "spelled_registration": spelled_registration,
    "bracketed_dot_date": bracketed_dot_date,
}

# What a text must hold for each finder to have anything to find (patterns._applicable skips the
# others: the same spans, sooner): a month's or weekday's name, "born"/"birth"/"dob", a word that
# introduces an extension or "on", a NATO letter or a capital between digits, a bracket and a dot;
# a date also an ordinal.
# Four digit words after "on": a text with fewer of these strings (and no digit) has none (a
# cheap test before the pattern; "someone" counts, which only makes it run more often).
_ON_SPACE = re.compile(r"on\s")
_DIGIT_WORDS = ("zero", "oh", "nought", "one", "two", "three", "four", "five", "six", "seven",
                "eight", "nine")
_CAPITAL_AMONG_DIGITS = re.compile(r"\d\s+[A-Z]\s+\d")
_ORDINALS = ("first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth "
             "teenth twentieth thirtieth").split()
_FULL_CALENDAR = ("january february march april may june july august september october november "
                  "december monday tuesday wednesday thursday friday saturday sunday").split()
NEEDS = {
    "spoken_date": lambda text, lower: any(w in lower for w in _ORDINALS) and
    any(w in lower for w in _FULL_CALENDAR),
    "birth_year": lambda text, lower: "born" in lower or "birth" in lower or "dob" in lower,
    "spoken_extension": lambda text, lower: "ext" in lower or "bleep" in lower or
    "pager" in lower or (_ON_SPACE.search(lower) is not None and
                         (_DIGIT.search(text) is not None or
                          sum(lower.count(w) for w in _DIGIT_WORDS) >= 4)),
    "spelled_registration": lambda text, lower: any(w in lower for w in _NATO) or
    (_DIGIT.search(text) is not None and _CAPITAL_AMONG_DIGITS.search(text) is not None),
    "bracketed_dot_date": lambda text, lower: "(" in text and "." in text,
}
