"""UK recognisers written as regular expressions, tuned for recall: NHS numbers (any checksum),
National Insurance numbers in every written form, postcodes with any spacing, UK and international
phone numbers, e-mail addresses (with "at … dot" forms), URLs, social handles, professional
registration numbers (GMC, NMC, HCPC, GPhC), staff and payroll numbers, exact dates and dates of
birth, vehicle registrations and street addresses.

Pure: text in, spans out; `RECOGNISERS` names each one so that it can be tested on its own and
registered with Presidio as one recogniser (engine.py)."""
from __future__ import annotations

import ipaddress
import re
from typing import Callable, Iterable

from . import spoken, vocabulary
from .redaction import Span

Finder = Callable[[str], Iterable[Span]]

_B = r"(?<![\w@/.+-])"      # left edge: not inside a word, an address or a number
_E = r"(?![\w@/-]|\.\w)"     # right edge


def _first(first: str | None, pattern: str) -> str:
    """`pattern` behind a look-ahead for its first character, `first` being a character class's
    inside ("\\d", "abeilpsw") that holds every character a match can start with, under the
    pattern's own flags. The matches are the same; Python's regular expressions only reject the
    many places where no match can start sooner (several times sooner for a pattern that starts
    with a look-behind or a word boundary: see docs/redactor.md, "Speed and memory", round 9).
    `tests/unit/test_redaction_pattern_speed.py` checks each against the pattern alone."""
    return pattern if first is None else "(?=[" + first + "])(?:" + pattern + ")"


def _regex(kind: str, pattern: str, flags: int = 0, group: int = 0,
           valid: Callable[[re.Match], bool] | None = None, first: str | None = None) -> Finder:
    compiled = re.compile(_first(first, pattern), flags)

    def find(text: str) -> list[Span]:
        return [Span(m.start(group), m.end(group), kind) for m in compiled.finditer(text)
                if valid is None or valid(m)]
    find.plain = (pattern, flags)   # the pattern without its look-ahead (for the tests)
    return find


def _digits(s: str) -> int:
    return sum(c.isdigit() for c in s)


# NHS number: ten digits grouped 3-3-4 (or not at all); the checksum is not required, since a
# mistyped number is still someone's. UK phone numbers start with 0 and are found below.
_NSEP = r"(?:[ \-.]{1,2}|\s)?"
nhs_number = _regex("NHS_NUMBER", _B + r"[1-9]\d{2}" + _NSEP + r"\d{3}" + _NSEP + r"\d{4}" + _E,
                    first="1-9")

# National Insurance number: two letters, six digits, a letter A-D; any case, any spacing or
# hyphens ("AB123456C", "ab 12 34 56 c", "AB-12-34-56-C"). After "NI"/"National Insurance" the
# final letter may be missing or another letter.
_ISEP = r"(?: ?[\-/.] ?| {1,2})?"
_NI = r"[A-Z]{2}(?:" + _ISEP + r"\d){6}"   # any grouping of the six digits: 2-2-2, 3-3
ni_number = _regex("NI_NUMBER", _B + _NI + _ISEP + r"[A-D]" + _E, re.I)
ni_number_in_context = _regex(
    "NI_NUMBER", r"\b(?:NI|NINO|national insurance)(?:\s+(?:no\.?|number|num))?\s*[:#-]?\s*("
    + _NI + r"(?:" + _ISEP + r"[A-Z])?)" + _E, re.I, group=1, first="n")

# Postcode: outward code (A9, A99, A9A, AA9, AA99, AA9A), any or no space, inward code (9AA).
postcode = _regex("POSTCODE", _B + r"(?:[A-Z]{1,2}\d[A-Z\d]?\s*\d[A-Z]{2}|GIR\s?0AA)" + _E, re.I)

# Phones. UK: +44 or 0044 or 0, then 9-10 more digits in any grouping, brackets allowed.
_SEP = r"[ \-.()]{0,2}"


def _uk_phone_ok(m: re.Match) -> bool:
    digits = re.sub(r"\D", "", m.group())
    if digits.startswith("0044"):
        digits = digits[4:]
    elif digits.startswith("44") and m.group().lstrip("( ").startswith("+"):
        digits = digits[2:]
    digits = digits.lstrip("0")
    return 9 <= len(digits) <= 10


uk_phone = _regex(
    "PHONE", r"(?<![\w+])(?:(?:\+|00)\s?44\s?(?:\(0\)\s?)?|\(?0)(?:" + _SEP + r"\d){9,11}(?!\d)",
    valid=_uk_phone_ok, first="+0(")
international_phone = _regex(
    "PHONE", r"(?<![\w+])\+(?!44)[1-9]\d{0,2}(?:" + _SEP + r"\d){6,12}(?!\d)", first="+")

# E-mail, plain and written out ("name at nhs dot net", "name(at)nhs.net", "name [at] x [dot] uk",
# "name @ nhs.net").
email = _regex("EMAIL", r"[\w.%+'-]+@[\w-]+(?:\.[\w-]+)+", re.ASCII)
_AT = r"(?:\s*[(\[{<]\s*at\s*[)\]}>]\s*|\s+at\s+|\s*@\s+)"
_DOT = r"(?:\s*[(\[{<]\s*dot\s*[)\]}>]\s*|\s+dot\s+|\.)"
_TLD = r"(?:com|net|org|uk|co|ac|gov|nhs|edu|io|me|info|ie|biz|email|mail)"
_spelled_email = _regex(
    "EMAIL", r"\b[\w%+'-]+(?:" + _DOT + r"[\w%+'-]+)*" + _AT + r"[\w-]+(?:" + _DOT + r"[\w-]+)*" + _DOT + _TLD + r"\b",
    re.I | re.ASCII)
# Every match ends in a dot (or "dot", perhaps in brackets) and a top-level domain: a text with
# none of these (most) is not searched with the whole pattern.
_ANY_TLD = re.compile(r"(?:dot\s*[)\]}>]?\s*|\.)" + _TLD + r"\b", re.I | re.ASCII)


def spelled_email(text: str) -> list[Span]:
    return _spelled_email(text) if _ANY_TLD.search(text) else []

# URLs: with a scheme or www., or a bare domain followed by a path ("youtu.be/x", "site.com/a").
_TRAIL = r"(?<![.,;:!?'\")\]])"
url = _regex("URL", r"\b(?:https?://|www\.)[^\s<>\"']+" + _TRAIL, re.I, first="hw")
bare_url = _regex("URL", r"(?<![\w@.])(?:[a-z0-9-]+\.)+[a-z]{2,}/[^\s<>\"']*" + _TRAIL, re.I)

# Social media handles: @name (not the second half of an e-mail address).
handle = _regex("HANDLE", r"(?<![\w@.])@\w(?:[\w.]*\w)?", re.ASCII, first="@")

# Registration numbers. NMC PINs have a shape of their own (two digits, a letter, four digits, a
# letter); HCPC numbers are a profession's prefix and digits; GMC and GPhC numbers are seven digits,
# recognised after their register's name. Only the number is the span, not the register's name.
nmc_pin = _regex("REG_NUMBER", _B + r"\d{2}[A-Z]\d{4}[A-Z]" + _E, re.I, first="\\d")
hcpc_number = _regex(
    "REG_NUMBER", _B + r"(?:AS|BS|CH|CS|DT|HAD|OR|OT|PA|PH|PYL|PYF|RA|SL|ODP|AR)[ \-]?\d{5,6}" + _E,
    first="ABCDHOPRS")
registration_in_context = _regex(
    "REG_NUMBER",
    r"\b(?:GMC|GPhC|GDC|NMC|HCPC|PIN|registration|reg)(?:\s+(?:no\.?|number|num|pin|#))?"
    r"\s*[:#-]?\s*((?:[A-Z]{1,3}[ \-]?)?\d[\dA-Z]{3,9})" + _E, re.I, group=1, first="ghnpr")

# Staff, payroll, assignment and employee numbers, after a word that says so.
staff_id = _regex(
    "STAFF_ID",
    r"\b(?:staff|employee|payroll|assignment|personnel|ESR|badge|smartcard|pay|locker|bleep|"
    r"pager|swipe\s?card|ID\s?card|works)"
    # one or two qualifiers, a comma allowed: "badge, number ID 90318", "staff ID no. 20417"
    r"(?:,?\s+(?:id|no\.?|number|num|ref|reference|#)){0,2}\s*(?:is\s+)?[:#-]?\s*"
    r"((?:[A-Z]{1,4}[\-/ ]?)?\d{5,}[A-Z]?)" + _E, re.I, group=1, first="abeilpsw")
# Shorter numbers (three or four digits) only where the words say a number follows: "badge no.
# 4417", "staff number: 812", "locker 12" is too short; "the staff 2023 survey" is not one.
short_staff_id = _regex(
    "STAFF_ID",
    r"\b(?:(?:staff|employee|payroll|assignment|personnel|ESR|works)\s+(?:id|no\.?|number|num|#)"
    r"|(?:badge|smartcard|locker|bleep|pager|swipe\s?card|ID\s?card)(?:,?\s+(?:id|no\.?|number|num|#)){0,2})"
    r"\s*(?:is\s+)?[:#-]?\s*((?:[A-Z]{1,4}[\-/ ]?)?\d{3,4}[A-Z]?)" + _E, re.I, group=1,
    first="abeilpsw")

# Uniform and service numbers (police, ambulance, fire, armed forces): "collar number is 6632",
# "warrant (card) no. 40217", "shoulder number 2291", "service number 30079123"; three digits or
# more, perhaps after a force's letters ("collar number NK 4471"). "service" alone is no such word:
# "the service 2023 review" is left.
_uniform_number = _regex(
    "STAFF_ID",
    r"\b(?:collar|warrant|shoulder|epaulette|service)(?:\s+card)?"
    r"(?:\s+(?:id|no\.?|number|num|#)){1,2}"
    r"\s*(?:is\s+|was\s+)?[:#-]?\s*((?:[A-Z]{1,4}[\-/ ]?)?\d{3,}[A-Z]?)" + _E, re.I, group=1)
# A police rank written before the officer's collar number ("PC 4471", "PCSO 60213", "Sgt 812").
_rank_number = _regex(
    "STAFF_ID", r"\b(?:PC|DC|PS|DS|PCSO|Sgt|Sergeant|Constable)\.?\s?(\d{3,6})" + _E, group=1)


def uniform_number(text: str) -> list[Span]:
    return _uniform_number(text) + _rank_number(text)

# Internal phone extensions: "ext 2217", "extension 4471", "x4471" after a number; the digits.
extension = _regex(
    "PHONE", r"\b(?:ext|extn|extension)\.?\s*(?:no\.?|number)?\s*(?:is\s+|was\s+)?[:#-]?\s*(\d{2,6})"
    + _E, re.I, group=1, first="e")

# An internal number given after a call ("rang estates on 5827", "call the switchboard on
# 44712"): four or five digits after "on", within three words of a verb of calling; not a time
# ("rang him on 1430 hrs") nor the start of a whole number ("on 07700 900 461").
number_after_call = _regex(
    "PHONE", r"\b(?:rang|ring|ringing|rung|call|called|calling|phone|phoned|phoning|dial|dialled|"
    r"dialed|bleep|bleeped|page|paged)\b(?:\s+[^\s\d]+){0,3}?\s+on\s+(\d{4,5})\b"
    r"(?!\s*(?:hrs?\b|hours?\b|h\b|am\b|pm\b|[:.]\d|\d)|[ -]\d)", re.I, group=1, first="rcpdb")

# Identifiers of letters, a hyphen or slash and digits ("MRN-48213", "INC/20417"), also with two
# or three groups of letters ("W/IR/40917", an incident system's site and kind): the whole.
prefixed_id = _regex("OTHER_ID", _B + r"[A-Za-z]{1,6}(?:[\-/][A-Za-z]{1,6}){0,2}[\-/]\d{3,}(?:[\-/]\d+)*[A-Za-z]?" + _E,
                     first="A-Za-z")

# Exact dates and dates of birth: "27 September", "Wednesday 10th January", "3 October 2023",
# "4th of May", "May 4th", "22/08/1990", "14.02.24", "2023-10-03". Relative or vague phrases
# ("last week", "a year", "nights", "every Tuesday") are not dates of anything.
# "May" and "Mar" only capitalised: "2 may" is not a date.
_MONTH = (r"(?:jan(?:uary)?|feb(?:ruary)?|march|(?-i:Mar|May)|apr(?:il)?|june?|july?|aug(?:ust)?|"
          r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?")
_DAY = r"(?:(?:mon|tues?|weds?|wednes|thu(?:rs?)?|fri|sat(?:ur)?|sun)(?:day)?\.?,?\s+(?:the\s+)?)"
_ORD = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
_YEAR = r"(?:,?\s+(?:19|20)\d{2}|\s+'\d{2})"
# An ordinal day with the "the" before it ("the 3rd of March"); a bare number takes no "the".
_THE_ORD = r"(?:(?:the\s+)?(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)|" + _ORD + r")"
written_date = _regex(
    # "the 8th of Feb": a "the" right before an ordinal day is part of the date
    "DATE", r"\b" + _DAY + r"?" + _THE_ORD + r"\s+(?:of\s+)?" + _MONTH + _YEAR + r"?\b"
    r"|\b" + _DAY + r"?" + _MONTH + r"\s+(?:the\s+)?" + _ORD + r"(?!\d)" + _YEAR + r"?\b"
    r"|\b" + _DAY + r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)\b"
    r"(?!\s*(?:%|percent|hours|hrs|mins|minutes|years|weeks|days|months|pm|am|patients|staff))",
    re.I, first="0-9adfjmnostw")


def _numeric_date_ok(m: re.Match) -> bool:
    parts = [int(p) for p in re.split(r"[/.\-]", m.group())]
    if len(str(parts[0])) == 4 or m.group()[:4].isdigit():
        _, month, day = parts
    else:
        day, month, _ = parts
        if month > 12:   # written month first
            day, month = month, day
    return 1 <= day <= 31 and 1 <= month <= 12


numeric_date = _regex(
    "DATE", _B + r"(?:\d{1,2}([/.\-])\d{1,2}\1(?:\d{4}|\d{2})|\d{4}-\d{2}-\d{2})" + _E,
    valid=_numeric_date_ok, first="\\d")


def _day_month_ok(m: re.Match) -> bool:
    day, month = (int(p) for p in re.split(r"[/.]", m.group(1)))
    return 1 <= day <= 31 and 1 <= month <= 12


# A day and month without a year, only where a date is plainly meant ("on 03/10", "dated 4.5",
# "last time was 5/8", "before 3/4"), not the idiom "24/7".
short_date = _regex(
    "DATE", r"\b(?:(?:on|dated?|from|until|since|was|before|after|by)\s+|"
    r"(?:sent|received|date|when)\s*:\s*)(?:the\s+)?(?!24/7\b)(\d{1,2}[/.]\d{1,2})" + _E, re.I,
    group=1, valid=_day_month_ok, first="abdfosurw")

# A date of birth in any form, even a bare year ("DOB: 1988", "date of birth 4/5/88").
date_of_birth = _regex(
    "DATE", r"\b(?:DOB|D\.O\.B\.?|date of birth|born on)\s*(?:is\s+)?[:\-]?\s*"
    r"(\d{1,4}(?:(?:st|nd|rd|th)?[/.\-\s](?:\d{1,4}|" + _MONTH + r")){0,2})\b", re.I, group=1,
    first="bd")

# Vehicle registrations: current (AB12 CDE), prefix (A123 BCD) and suffix (ABC 123D) styles, in
# capitals; in lower case only after a word about a vehicle.
_PLATE = r"(?:[A-Z]{2}\d{2}[\s\-]?[A-Z]{3}|[A-Z]\d{1,3}\s?[A-Z]{3}|[A-Z]{3}\s?\d{1,3}[A-Z])"
vehicle = _regex("VEHICLE", _B + _PLATE + _E, first="A-Z")
# Round 8: the current style in any case, spaced as on the plate ("ab12 cde"): no word has that shape
vehicle_current = _regex("VEHICLE", _B + r"[A-Z]{2}\d{2}\s[A-Z]{3}" + _E, re.I)
vehicle_in_context = _regex(
    "VEHICLE", r"\b(?:car|reg|registration|number\s?plate|plate|vehicle|van|motorbike)\b[^.\n]{0,25}?"
    r"(?<![\w-])(" + _PLATE + r")" + _E, re.I, group=1, first="cmnprv")

# Street addresses: an optional flat, a house number, one to three capitalised words and a street
# word ("38 Sandringham Avenue", "Flat 12, Jubilee Court"), or a capitalised street name without
# a number ("off Regent Road", "London Road North"); a town after it when a postcode follows.
_STREET = "|".join(sorted(vocabulary.STREET_SUFFIXES, key=len, reverse=True))
_CAP = r"(?:St\.?\s|Saint\s)?[A-Z][\w'’]*(?:-[A-Z]?[\w'’]+)*"
_STREET_NAME = (r"(?:" + _CAP + r"\s+(?:(?:of|upon|on|the|and)\s+)?){1,3}(?i:" + _STREET + r")\b"
                r"(?:\s+(?:North|South|East|West))?")
_FLAT = r"(?:(?i:flat|apartment|apt|unit|room)\s+\d+[A-Za-z]?,?\s+)"
_HOUSE = r"(?:\d{1,4}[A-Za-z]?(?:-\d{1,4})?,?\s+)"
_POSTCODE = r"[A-Z]{1,2}\d[A-Z\d]?\s*\d[A-Z]{2}\b"
_TOWN = r"(?:,?\s+[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?(?=,?\s*(?i:" + _POSTCODE + r")))?"


# Round 5: a number of four to six digits in brackets right after a word ("staff member Eluned
# Carys (60813)"): a staff number, not a year ("(2019)") nor a phone's area code ("(0113) 496…").
bracketed_number = _regex(
    "STAFF_ID", r"(?<=[^\W\d_] )\((?!(?:19|20)\d\d\))(?!0)(\d{4,6})\)(?!\s*\d)", group=1)

# A named house before its street ("Beck House, Moorgate Lane", "Ivy Cottage, Mill Lane").
# Round 8: the house word first, as in Welsh, Cornish and Gaelic ("Tŷ Mawr, Chapel Lane", "Bryn
# Awel", "Chy an Mor", "Glan yr Afon"), and "The …" ("The Old Maltings, Staithe Road").
_HOUSE_NAME = (r"(?:(?:[A-Z][\w'’]+\s+(?:House|Cottage|Cottages|Farm|Farmhouse|Lodge|Barn|Villa|"
               r"Mill|Hall|Grange|Bungalow|Manor|Mews|Maltings|Forge|Rectory|Vicarage|Granary|"
               r"Stables|Croft)"
               r"|(?:Y\s+)?(?:Tŷ|Ty|Bryn|Plas|Bwthyn|Hafod|Pen|Glan|Nant|Maes|Fferm|Chy|Bos|Tigh|Taigh)"
               r"(?:\s+(?:an|yr|y|a|na|nan|'r)\b)?(?:\s+[A-Z][\w'’]+)?"
               r"|The\s+(?:Old\s+)?[A-Z][\w'’]+),\s+)")
# the first character: a capital (a house's or street's name), a digit (a house number) or the
# first letter of a flat's word in any case (_FLAT)
_ADDRESS = re.compile(_first("A-Z\\dfaurFAUR", r"\b" + _HOUSE_NAME + "?" + _FLAT + "?" + _HOUSE + "?"
                             + _STREET_NAME + _TOWN))
_LEADING_SMALL_WORD = re.compile(r"(?:[A-Z][a-z]*\s+)")
_HOUSE_THE = re.compile(r"The\s+(?:Old\s+)?[A-Z][\w'’]+,\s+")


# An address needs a street word: a text with none (most) is not searched further.
_ANY_STREET = re.compile(r"(?i:" + _STREET + r")\b")


def street_address(text: str) -> list[Span]:
    out = []
    if _ANY_STREET.search(text) is None:
        return out
    for m in _ADDRESS.finditer(text):
        start = m.start()
        # "At Benjamin Court", "The Lane": small words before the name are not part of it; but
        # a house's name that begins with "The" ("The Old Forge, Mill Lane") keeps it.
        while not _HOUSE_THE.match(text, start, m.end()) and \
                (w := _LEADING_SMALL_WORD.match(text, start, m.end())) and \
                w.group().strip().lower() in vocabulary.FUNCTION_WORDS:
            start = w.end()
        names = [w for w in text[start:m.end()].split() if w[:1].isupper() and
                 w.lower().strip(",.") not in vocabulary.STREET_SUFFIXES | vocabulary.DIRECTIONS]
        if names:
            out.append(Span(start, m.end(), "LOCATION"))
    return out


# --- Identifiers written to dodge a filter, and other shapes (round 2) ------------------------

# Phone numbers with any separators ("07700/900/123", "07700•900•123", "07700 — 900 123"), the
# letter O for a zero ("O77OO 9OO123") and North American shapes ("(312) 515-2239",
# "312.714.8142"). A run of digit-like characters in groups; at least seven true digits.
_PSEP = r"[ \t\-.()/\\•·∙‧—–_|]{0,3}"
_ANY_PHONE = re.compile(r"(?<![\w+])(?:\+|00)?\(?[\dOo](?:" + _PSEP + r"[\dOo]){8,14}(?![\w])")


def any_phone(text: str) -> list[Span]:
    out = []
    for m in _ANY_PHONE.finditer(text):
        raw = m.group()
        like = sum(c.isdigit() or c in "Oo" for c in raw)
        if _digits(raw) < (5 if like < 10 else 3) or like < 9:
            continue
        if not raw.lstrip("+(")[:1].isdigit() and _digits(raw[:4]) == 0:
            continue   # starts "Oo…": not a number
        out.append(Span(m.start(), m.end(), "PHONE"))
    return out


# Numbers read out in words ("oh seven seven double oh nine…", "nine four three…"): six or more
# digits' worth of number words in a row ("double"/"triple" count twice/three times).
_NUMBER_WORDS = {"zero": 1, "oh": 1, "o": 1, "nought": 1, "nil": 1, "one": 1, "two": 1,
                 "three": 1, "four": 1, "five": 1, "six": 1, "seven": 1, "eight": 1, "nine": 1}
_REPEATS = {"double": 2, "triple": 3, "treble": 3}
_SPOKEN_FIRST = "dtzonfse\\d"   # "double", "triple", a number word or a digit
_SPOKEN = re.compile(_first(
    _SPOKEN_FIRST, r"(?<![\w])(?:(?:" + "|".join(sorted(_REPEATS, key=len, reverse=True)) + r")[\s,\-]+)?(?:"
    + "|".join(sorted(_NUMBER_WORDS, key=len, reverse=True)) + r"|\d+)"
    r"(?:[\s,\-]+(?:(?:" + "|".join(_REPEATS) + r")[\s,\-]+)?(?:"
    + "|".join(sorted(_NUMBER_WORDS, key=len, reverse=True)) + r"|\d+))+(?![\w])"), re.I)


def spoken_number(text: str) -> list[Span]:
    out = []
    for m in _SPOKEN.finditer(text):
        count, repeat, words = 0, 1, 0
        for token in re.findall(r"[A-Za-z]+|\d+", m.group()):
            key = token.lower()
            if key in _REPEATS:
                repeat = _REPEATS[key]
                continue
            count += repeat * (len(token) if token.isdigit() else 1)
            words += not token.isdigit()
            repeat = 1
        if count >= 6 and words >= 2:
            digits_first = m.group().lstrip()[:2].lower()
            out.append(Span(m.start(), m.end(), "PHONE" if digits_first in {"oh", "ze", "no", "0", "o "}
                            or count <= 11 else "OTHER_ID"))
    return out


# Postcodes spelled out with a space between every character ("N R 4 7 1 A B"), in capitals.
spaced_postcode = _regex(
    "POSTCODE", r"(?<![\w])[A-Z] (?:[A-Z] )?\d (?:[A-Z\d] )?\d [A-Z] [A-Z](?![\w])")

# Postcodes spelled out in any case with spaces, a space missing here and there ("s y 7 8 h n",
# "sy7 8 h n", "n r 47 a b"): the postcode's shape (its area letters, never Q/V/X first nor I/J/Z
# second; its inward letters, never C/I/K/M/O/V), at least three spaces inside and two letters
# spaced apart, so that ordinary words and times ("at 2 3 pm") are not one; a space may be doubled.
_SPACED_ANY = re.compile(
    r"(?<![\w])[a-pr-uwyz] {0,2}(?:[a-hk-y] {0,2})?\d {0,2}(?:[a-z\d] {0,2})?\d {0,2}"
    r"[abd-hjlnp-uw-z] {0,2}[abd-hjlnp-uw-z](?![\w])",
    re.I)


_WHOLE_POSTCODE = re.compile(r"[A-Z]{1,2}\d[A-Z\d]?\s*\d[A-Z]{2}", re.I)


def spaced_postcode_any(text: str) -> list[Span]:
    return [Span(m.start(), m.end(), "POSTCODE") for m in _SPACED_ANY.finditer(text)
            if m.group().count(" ") >= 2 and re.search(r"[^\W\d_] [^\W\d_]", m.group())
            and not _WHOLE_POSTCODE.search(m.group())]   # "a W1A 0AX": the postcode alone


# E-mail addresses with spaces round the "@" or the dots ("jo.bloggs @ nhs . net").
_spaced_email = _regex(
    "EMAIL", r"[\w%+'-]+(?:\s*\.\s*[\w%+'-]+)*\s*@\s*[\w-]+(?:\s*\.\s*[\w-]+)*\s*\.\s*" + _TLD + r"\b", re.I | re.ASCII)


def spaced_email(text: str) -> list[Span]:
    return _spaced_email(text) if "@" in text else []

# IP addresses: IPv4 (with a prefix length), IPv6 in any of its forms (checked by `ipaddress`).
_IPV4 = r"(?:(?:25[0-5]|2[0-4]\d|1?\d?\d)\.){3}(?:25[0-5]|2[0-4]\d|1?\d?\d)"
ipv4 = _regex("OTHER_ID", r"(?<![\w.])" + _IPV4 + r"(?:/\d{1,2})?(?!\d)")
_IPV6 = re.compile(r"(?<![\w:])(?:[0-9A-Fa-f]{0,4}:){2,7}(?:" + _IPV4 + r"|[0-9A-Fa-f]{1,4})?"
                   r"(?:%\w+)?(?:/\d{1,3})?(?![\w:])")


def ipv6(text: str) -> list[Span]:
    out = []
    for m in _IPV6.finditer(text):
        core = re.split(r"[%/]", m.group())[0]
        try:
            ipaddress.IPv6Address(core)
        except ValueError:
            continue
        out.append(Span(m.start(), m.end(), "OTHER_ID"))
    return out


# IBANs: country letters, check digits, then groups of four (spaced, hyphenated or not), capitals.
iban = _regex("OTHER_ID", _B + r"[A-Z]{2}\d{2}(?:[ \-]?[A-Z0-9]{4}){2,7}(?:[ \-]?[A-Z0-9]{1,3})?" + _E)

# UK driving licence numbers (five letters of a surname, six digits, …), any case and spacing;
# HMRC temporary references ("11A 12345").
driving_licence = _regex(
    "OTHER_ID", _B + r"[A-Z9]{5} ?\d{3} ?\d{3} ?[A-Z9]{2}\d[A-Z0-9]{2}(?: ?\d{2})?" + _E, re.I)
tax_reference = _regex("OTHER_ID", _B + r"\d{2} ?[A-Z] ?\d{3} ?\d{2}" + _E, first="\\d")

# More date shapes: ISO date-times, "5-May-2021", "21-May", "May-2021", a month and year
# ("05/2021"), a weekday with a day and month ("Sat 22/6", "Tues 4/6"), and a day and month alone
# ("22/6"), but not a small fraction ("1/2", "3/4") or "24/7".
iso_datetime = _regex(
    "DATE", _B + r"\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+\-]\d{2}:?\d{2})?(?![\w])",
    first="\\d")
month_dash_date = _regex(
    "DATE", r"(?<![\w/.\-])(?:\d{1,2}[\-/ ](?:" + _MONTH + r")(?:[\-/ ](?:(?:19|20)\d{2}|'?\d{2}))?"
    r"|(?:" + _MONTH + r")-(?:(?:19|20)\d{2}|\d{2}))(?![\w\-])", re.I, first="\\dadfjmnos")
month_year = _regex("DATE", _B + r"(?:0?[1-9]|1[0-2])/(?:19|20)\d{2}" + _E, first="0-9")
weekday_date = _regex(
    "DATE", r"\b" + _DAY + r"(\d{1,2}[/.]\d{1,2}(?:[/.]\d{2,4})?)" + _E, re.I, group=0,
    first="fmstw")


def _bare_day_month_ok(m: re.Match) -> bool:
    a, b = (int(p) for p in m.group().split("/"))
    if m.group() in {"24/7", "50/50", "12/12"}:
        return False
    if a < b <= 10:   # a fraction: "1/2", "2/3", "3/4"
        return False
    return (1 <= a <= 31 and 1 <= b <= 12) or (1 <= b <= 31 and 1 <= a <= 12)


bare_day_month = _regex("DATE", r"(?<![\w/.\-])\d{1,2}/\d{1,2}(?![\w/]|\.\d)", valid=_bare_day_month_ok,
                        first="\\d")

# Handles after (or before) a platform's name: "snap jaz_b", "my insta is x.y", "kayla.m on tiktok".
_PLATFORM = (r"(?:snap(?:chat)?|sc|insta(?:gram)?|ig|tik\s?tok|twitter|tweeter|x|fb|facebook|"
             r"telegram|discord|threads|bluesky|linkedin|skype|kik|whatsapp|reddit|twitch|youtube)")
_HANDLE_WORD = r"(@?[A-Za-z0-9_][\w.]*[A-Za-z0-9_])"
_PLATFORM_FIRST = r"(?=[bdfiklrstwxy])"   # each platform's first letter (a look-ahead: see _first)
_AFTER_PLATFORM = re.compile(
    _PLATFORM_FIRST + r"\b" + _PLATFORM + r"\b(?:\s+(?:me|us|name|handle|username|user|id|account|acc))?"
    r"(?:\s*(?:is|was|as|at|:|=|-|\())?\s*" + _HANDLE_WORD + r"(?![\w@])", re.I)
_BEFORE_PLATFORM = re.compile(r"(?<![\w@.])" + _HANDLE_WORD + r"\)?\s+on\s+" + _PLATFORM + r"\b", re.I)


# Both patterns above hold a platform's name as a whole word: a text without one is not searched.
_ANY_PLATFORM = re.compile(_PLATFORM_FIRST + r"\b" + _PLATFORM + r"\b", re.I)


def platform_handle(text: str, english=None) -> list[Span]:
    """`english(word)` says whether a word is an ordinary one (then it is not a handle unless it
    has a digit, an underscore or a dot in it)."""
    out = []
    if _ANY_PLATFORM.search(text) is None:
        return out
    for pattern in (_AFTER_PLATFORM, _BEFORE_PLATFORM):
        for m in pattern.finditer(text):
            word = m.group(1)
            bare = word.lstrip("@")
            marked = word.startswith("@") or any(c.isdigit() or c in "_." for c in bare)
            if len(bare) < 3 or (not marked and (bare.lower() in vocabulary.FUNCTION_WORDS or
                                                 english is None or english(bare))):
                continue
            out.append(Span(m.start(1), m.end(1), "HANDLE"))
    return out


# An address of any shape that ends in a postcode: a house number (perhaps a flat first) at the
# start of a line or after a comma, the words after it, and the postcode ("4 Mill views, Lake
# Town, NR4 7AB", "Flat 9\n12 Some fall\nTown\nNR4 7AB"); no sentence ends inside.
_postal_address = _regex(
    "LOCATION", r"(?<![\w,.])(?:(?i:flat|apartment|apt)\s+\w{1,4}[,\s]+)?\d{1,4}[A-Za-z]?,?[ \t]+"
    r"[A-Za-z][^\d@.!?;:()]{2,80}?[,\s]+" + _POSTCODE, first="\\dfaFA")


def postal_address(text: str) -> list[Span]:
    """The whole address with its postcode, where the street recogniser did not find it (there
    the street and the postcode keep a placeholder each)."""
    found = _postal_address(text)
    if not found:   # most texts: the street recogniser need not run again
        return found
    streets = street_address(text)
    return [s for s in found if not any(s.start <= t.start < s.end for t in streets)]

# Bare domain names with a common top-level domain ("example.com", "trust.nhs.uk").
bare_domain = _regex(
    "URL", r"(?<![\w@.\-])(?:[a-z0-9][a-z0-9\-]*\.)+(?:com|net|org|io|info|biz|co\.uk|org\.uk|"
    r"ac\.uk|nhs\.uk|nhs\.net|gov\.uk|co\.il|co\.in|com\.au|ie|uk|de|fr|es|it|nl|eu|us|ca|in|au|"
    r"co)(?![\w\-]|\.\w)", re.I)

# A year where it says when something happened to someone ("born in 1994", "in 1972", "since
# 2019"), not a proportion ("1 in 2000"): with a name or a place it narrows a person down; the
# themes never need it.
year_in_context = _regex(
    "DATE", r"(?<!\d )\b(?:born|in|since|from|until|till|of|year)\s+(?:(?:early|late|mid)[\s-]+)?"
    r"((?:19|20)\d{2})(?![\w/\-]|\.\d)", re.I, group=1, first="bfiostuy")

# An extension written after a whole number ("0161 496 0000 x12", "312-515-2239 ext.12").
_PHONE_BEFORE = re.compile(r"\d(?:[\s\-.()]{0,2}\d){6,}\s*$")
extension_after_number = _regex(
    "PHONE", r"(?<=\d)\s*((?:x|ext\.?|extn\.?)\s*\d{1,6})\b", re.I, group=1,
    valid=lambda m: _PHONE_BEFORE.search(m.string, max(0, m.start() - 30), m.start()) is not None)

# A user name after the words that introduce one ("my ID is dean.malmgren", "username: jo_b"):
# it must have a dot, an underscore or a digit in it, so that "my ID is fine" is left alone.
user_name = _regex(
    "HANDLE", r"\b(?:user\s?name|handle|(?:user\s?)?id|login|gamertag|account)\s*(?:is|was|:|=)?"
    r"\s*(@?[A-Za-z][\w.]*(?:[._]|\d)[\w.]*[A-Za-z0-9])(?![\w@])", re.I, group=1, first="aghilu")

# An address written on lines of its own above a postcode ("Flat 98R\nNatasha fall\nLake
# Rosie\nB73 8PJ"): up to four short lines with no sentence in them, the postcode after.
_address_lines = _regex(
    "LOCATION", r"(?:^|(?<=\n))((?:[^\n.!?@]{2,40},?[ \t]*\n){1,4})(?=[ \t]*"
    + _POSTCODE + r")", re.I, group=1)


def address_lines(text: str) -> list[Span]:
    """The lines just above a postcode, up to a line with a small word written in lower case
    in it ("Send it to", "We talked."): a sentence, not an address."""
    out = []
    for span in _address_lines(text):
        start, end = span.start, span.end
        for line in re.finditer(r"[^\n]*\n", text[span.start:span.end]):
            if any(w in vocabulary.FUNCTION_WORDS for w in re.findall(r"\b[a-z]+\b", line.group())):
                start = span.start + line.end()
        if start >= end:
            continue
        while end > start and text[end - 1] in " \t\n,":
            end -= 1
        if end > start:
            out.append(Span(start, end, "LOCATION"))
    return out


RECOGNISERS: dict[str, Finder] = {
    "nhs_number": nhs_number,
    "ni_number": ni_number,
    "ni_number_in_context": ni_number_in_context,
    "postcode": postcode,
    "uk_phone": uk_phone,
    "international_phone": international_phone,
    "email": email,
    "spelled_email": spelled_email,
    "url": url,
    "bare_url": bare_url,
    "handle": handle,
    "nmc_pin": nmc_pin,
    "hcpc_number": hcpc_number,
    "registration_in_context": registration_in_context,
    "staff_id": staff_id,
    "written_date": written_date,
    "numeric_date": numeric_date,
    "short_date": short_date,
    "date_of_birth": date_of_birth,
    "vehicle": vehicle,
    "vehicle_current": vehicle_current,
    "vehicle_in_context": vehicle_in_context,
    "street_address": street_address,
    "short_staff_id": short_staff_id,
    "uniform_number": uniform_number,
    "extension": extension,
    "number_after_call": number_after_call,
    "prefixed_id": prefixed_id,
    "any_phone": any_phone,
    "spoken_number": spoken_number,
    "spaced_postcode": spaced_postcode,
    "spaced_postcode_any": spaced_postcode_any,
    "spaced_email": spaced_email,
    "ipv4": ipv4,
    "ipv6": ipv6,
    "iban": iban,
    "driving_licence": driving_licence,
    "tax_reference": tax_reference,
    "iso_datetime": iso_datetime,
    "month_dash_date": month_dash_date,
    "month_year": month_year,
    "weekday_date": weekday_date,
    "bare_day_month": bare_day_month,
    "platform_handle": platform_handle,
    "postal_address": postal_address,
    "bare_domain": bare_domain,
    "year_in_context": year_in_context,
    "extension_after_number": extension_after_number,
    "user_name": user_name,
    "address_lines": address_lines,
    "bracketed_number": bracketed_number,
    **spoken.FINDERS,   # round 13: identifiers dictated in words (spoken.py)
}


# What a text must hold for a recogniser to have anything to find: most need a digit, so on the
# many narratives without one they are not run at all (the answers are the same, only sooner).
_NEEDS_DIGIT = frozenset({
    "nhs_number", "ni_number", "ni_number_in_context", "postcode", "uk_phone",
    "international_phone", "nmc_pin", "hcpc_number", "registration_in_context", "staff_id",
    "written_date", "numeric_date", "short_date", "date_of_birth", "vehicle", "vehicle_current", "vehicle_in_context",
    "short_staff_id", "extension", "prefixed_id", "any_phone", "spaced_postcode", "ipv4", "iban",
    "driving_licence", "tax_reference", "iso_datetime", "month_dash_date", "month_year",
    "weekday_date", "bare_day_month", "postal_address", "year_in_context",
    "extension_after_number", "address_lines", "bracketed_number",
    "uniform_number", "spaced_postcode_any",   # the kinds round
    "number_after_call"})
_NEEDS: dict[str, Callable[[str, str], bool]] = {
    "email": lambda text, lower: "@" in text,
    "handle": lambda text, lower: "@" in text,
    "spaced_email": lambda text, lower: "@" in text,
    "spelled_email": lambda text, lower: "@" in text or "at" in lower,
    "url": lambda text, lower: "://" in text or "www." in lower,
    "bare_url": lambda text, lower: "/" in text and "." in text,
    "bare_domain": lambda text, lower: "." in text,
    "ipv6": lambda text, lower: ":" in text,
    **spoken.NEEDS,   # round 13
}
_DIGIT = re.compile(r"\d")


def _applicable(text: str) -> list[Finder]:
    has_digit = _DIGIT.search(text) is not None
    lower = text.lower()
    return [find for name, find in RECOGNISERS.items() if name != "platform_handle" and
            (has_digit or name not in _NEEDS_DIGIT) and
            (name not in _NEEDS or _NEEDS[name](text, lower))]


def find_all(text: str, english: Callable[[str], bool] | None = None) -> list[Span]:
    """Every span any UK recogniser finds (overlaps are left to the caller); `english` (the
    lexicon's word test) lets a handle without digits or dots be found after a platform's name.
    Recognisers that need what the text lacks (a digit, an "@", a dot) are skipped."""
    out = [span for find in _applicable(text) for span in find(text)]
    return list(dict.fromkeys(out + platform_handle(text, english)))   # each span once
