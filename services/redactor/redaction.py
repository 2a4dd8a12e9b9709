"""The redactor's pure core: replace personal-information spans with typed placeholders.

`redact(text, analyse)` runs, in order:
1. normalisation (normalise.py): zero-width characters, look-alike letters, compatibility forms
   and spaced-out letters made plain, offsets into the original kept;
2. the analyser (Presidio with our recognisers, engine.py) on the normalised text;
3. the allow-list: spans that are only words the analysis needs (identity and protected
   characteristics, roles, generic places, national bodies, calendar words) are dropped, and
   such words are trimmed from the start of a name ("Filipino Rosalie" keeps "Filipino"); a
   title with a name ("Sister Moldovan") is never trimmed;
4. names completed: a span is extended over the rest of a name next to it, and every other mention
   of a name's words in the same text is removed;
5. a final check that fails closed: whatever still looks like an identifier (six or more digits,
   letters mixed with three or more digits), an e-mail, a URL or a handle, a word spelled out
   letter by letter, or a word in a non-Latin script, is redacted. The redactor never publishes
   text in which such a residue survives, and never dead-letters for it either: redacting keeps
   the report and removes the risk;
6. spans mapped back to the original text and merged; placeholders written.
"""
from __future__ import annotations

import bisect
import re
import unicodedata
from dataclasses import dataclass
from typing import Callable, Iterable, Sequence

from . import lexicon
from . import vocabulary as v
from .lexicon import Lexicon, fold
from .normalise import normalise

PLACEHOLDERS = {
    "PERSON": "[PERSON]",
    "ORG": "[ORGANISATION]",
    "LOCATION": "[LOCATION]",
    "POSTCODE": "[POSTCODE]",
    "PHONE": "[PHONE]",
    "EMAIL": "[EMAIL]",
    "URL": "[URL]",
    "HANDLE": "[HANDLE]",
    "NHS_NUMBER": "[NHS_NUMBER]",
    "NI_NUMBER": "[NI_NUMBER]",
    "STAFF_ID": "[STAFF_ID]",
    "REG_NUMBER": "[REG_NUMBER]",
    "DATE": "[DATE]",
    "VEHICLE": "[VEHICLE]",
    "OTHER_ID": "[IDENTIFIER]",
}


# A person's name proven by the words around it ("Thanks, Summer.", "Will said", "Jordan K"): the
# allow-list does not drop or trim it though its words are kept ones; it becomes a PERSON there.
SURE = "PERSON_SURE"
# The same for an organisation proven by its context ("I moved from CV"): kept though its words
# are common ones; it becomes an ORG there.
ORG_SURE = "ORG_SURE"


@dataclass(frozen=True, order=True)
class Span:
    start: int
    end: int
    type: str


Analyser = Callable[[str], Iterable[Span]]
BatchAnalyser = Callable[[Sequence[str]], Sequence[Iterable[Span]]]


def merge(spans: Iterable[Span]) -> list[Span]:
    """Overlapping or touching spans become one, typed by the longest contributor."""
    merged: list[tuple[Span, int]] = []
    for span in sorted(spans):
        if merged and span.start <= merged[-1][0].end:
            last, longest = merged[-1]
            keep_type = span.type if span.end - span.start > longest else last.type
            merged[-1] = (Span(last.start, max(last.end, span.end), keep_type),
                          max(longest, span.end - span.start))
        else:
            merged.append((span, span.end - span.start))
    return [s for s, _ in merged]


def apply(text: str, spans: Iterable[Span]) -> str:
    out, cursor = [], 0
    for span in merge(spans):
        out.append(text[cursor:span.start])
        out.append(PLACEHOLDERS.get(span.type, "[REDACTED]"))
        cursor = span.end
    out.append(text[cursor:])
    return "".join(out)


# ---------------------------------------------------------------------------------------------
# Steps 3-5, given the word lists (`lexicon.Lexicon`, plain data).

NAMED = frozenset({"PERSON", "ORG", "LOCATION"})
# A word (letters, inner apostrophes and hyphens), and the possessive or contraction at its end
# ("Okafor's", "we'll"), or a bare closing apostrophe: one definition for the redactor (names.py too).
WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*(?:-[^\W\d_]+)*")
_POSSESSIVE = re.compile(r"['’]s?$")
CONTRACTION = re.compile(r"['’](?:s|m|re|ve|ll|d|t)?$", re.I)


def _words(text: str, start: int = 0, end: int | None = None) -> list[re.Match]:
    return list(WORD.finditer(text, start, len(text) if end is None else end))


_ORG_GENERIC = v.org_generic()


def _bare(phrase: str) -> str:
    return re.sub(r"^the\s+|\s+", " ", phrase.lower()).strip()


def _key(word: str) -> str:
    # (speed: a word without an apostrophe has no contraction to cut)
    return fold(CONTRACTION.sub("", word) if "'" in word or "’" in word else word)


def _kept(lex: Lexicon, word: str) -> bool:
    return lex.is_kept(CONTRACTION.sub("", word)) or _key(word) in v.FUNCTION_WORDS


_NEVER_NAMES = v.IDENTITY | v.NATIONALITIES | v.ROLES | v.TITLES | v.TERMS_OF_ADDRESS | \
    v.FUNCTION_WORDS
_ALWAYS_TITLES = {"dr", "mr", "mrs", "ms", "mx", "prof"}


def _titled(ws: list[re.Match], lex: Lexicon) -> bool:
    """A title (perhaps after a qualifier: "Staff Nurse", "Ward Sister") and a name after it,
    capitalised or, after "Dr", "Mr"…, not ("dr patel")."""
    for k in range(min(2, len(ws) - 1)):
        title, name = _key(ws[k].group()), ws[k + 1].group()
        if title in v.TITLES and (name[:1].isupper() or
                                  (title in _ALWAYS_TITLES and not _kept(lex, name))):
            return True
    return False


def allow(text: str, spans: Iterable[Span], lex: Lexicon) -> list[Span]:
    """Step 3: drop person and place spans made only of kept words, and organisation spans with
    no word that singles one out (or that name a national body); trim kept words off the start
    of a person's name (a title with a name is left whole) and small words off the start of an
    organisation's."""
    out = []
    for s in spans:
        if s.type in (SURE, ORG_SURE):
            out.append(Span(s.start, s.end, "PERSON" if s.type == SURE else "ORG"))
            continue
        ws = _words(text, s.start, s.end) if s.type in NAMED else []
        if not ws:
            out.append(s)
            continue
        if s.type == "LOCATION":
            if any(c.isdigit() for c in text[s.start:s.end]) or \
                    not all(_kept(lex, w.group()) for w in ws):
                out.append(s)
            continue
        if s.type == "ORG":
            if _bare(text[s.start:s.end]) in v.NATIONAL_BODIES or not any(
                    w.group()[:1].isupper() and _key(w.group()) not in _ORG_GENERIC for w in ws):
                continue
            trim = lambda w: _key(w.group()) in v.FUNCTION_WORDS  # noqa: E731
        else:
            if _titled(ws, lex):
                out.append(s)
                continue
            trim = lambda w: _kept(lex, w.group())  # noqa: E731
        first = 0
        while first < len(ws) and trim(ws[first]):
            first += 1
        last = len(ws)
        while last > first and _key(ws[last - 1].group()) in v.FUNCTION_WORDS:
            last -= 1
        if first == last:
            continue
        start = ws[first].start() if first else s.start
        end = (ws[last - 1].start() + len(_POSSESSIVE.sub("", ws[last - 1].group()))
               if last < len(ws) or _POSSESSIVE.search(ws[-1].group()) else s.end)
        out.append(Span(start, end, s.type))
    return out


# A single letter between a name and a colon: the initial of a chat sender or speaker ("sharon b:
# who put the rota up", "Dev K: fine"), as "Jordan K." is after a name.
_SPEAKER_INITIAL = re.compile(r" ([^\W\d_]\.?)(?=:(?:\s|$))")


def _lower_surname(text: str, start: int, end: int, m: re.Match, lex: Lexicon) -> bool:
    """A lower-case word that is no English word right after a lower-case given name ("robin
    spurr said"): the name's surname, though the gazetteer does not know it; not text-speak, a
    role word or a word the analysis keeps. Only after a given name: after anything else taken
    as a name, the next word of a text in another language is its own ("ela disse que")."""
    word, name = m.group(), text[start:end]
    return name.islower() and fold(name) in lex.given and word.islower() and len(word) >= 3 and \
        not lex.is_english(word) and not lex.is_kept(word) and \
        _key(word) not in v.TEXT_SPEAK | v.FOREIGN_ROLES | v.FUNCTION_WORDS


def _extendable(text: str, m: re.Match, lex: Lexicon, after_name: bool) -> bool:
    """Is the word `m`, right next to a name, part of it?"""
    word = CONTRACTION.sub("", m.group())
    key = _key(word)
    if word.islower():   # "adaeze okafor": lower-case names only from the gazetteer
        return len(word) >= 2 and lex.is_name(word) and not lex.is_english(word) and \
            not lex.is_kept(word) and key not in v.FOREIGN_ROLES   # not "pani", "señora"
    if not word[:1].isupper() or key in v.TITLES | v.TERMS_OF_ADDRESS or \
            (word.isupper() and len(word) > 1):
        return False
    if key in v.FUNCTION_WORDS:
        # "Nguyen Van An": a small word capitalised inside a sentence, right after a name
        return after_name and word != "I" and not _sentence_start(text, m.start())
    if lex.is_kept(word):
        # "Sohel Islam said" (a surname) but not "Amaka Black nurses" (a description).
        if not after_name:
            # "June Okafor", "Park Ji-woo": a name that is also a word, before a name
            return key in v.CALENDAR_NAMES or (key in lex.word_names and key not in _NEVER_NAMES)
        nxt = WORD.match(text, m.end() + 1) if text[m.end():m.end() + 1] == " " else None
        # "Hoàng Thu Hà": a kept word between two parts of a name that are not English
        return nxt is None or _key(nxt.group()) in v.FUNCTION_WORDS or (
            nxt.group()[:1].isupper() and not lex.is_kept(nxt.group()) and key not in _NEVER_NAMES
            and (not lex.is_english(nxt.group()) or lex.is_name(nxt.group()) or
                 not nxt.group().isascii()))
    return lex.is_name(word) or not lex.is_english(word) or after_name


def _given_before_name(text: str, m: re.Match, start: int, end: int, lex: Lexicon) -> bool:
    """Is the word `m`, a given name that is also a word, the first part of the name found at
    `start`..`end` right after it? A modal capitalised inside a sentence ("the deputy is May
    Popescu", "ask for Will Okafor"; first in a sentence it stays the verb: "Will Okafor come?";
    after a day's number it is the month: "14th May"), or a given name shouted in capitals
    before a name in capitals and a verb that agrees with it ("WILL EDATHIL NEEDS…", not the
    question "WHEN WILL OISÍN STOP")."""
    word = CONTRACTION.sub("", m.group())
    key = _key(word)
    if key not in lex.word_names or key in _NEVER_NAMES - v.MODALS or len(word) < 3:
        return False
    if word.islower():
        # round 15: in lower case before a lower-case surname that is no English word ("and will
        # tennant on the switchboard"), not after a pronoun ("she will okafor…" is no English)
        name = text[start:end]
        before = _words(text, max(0, m.start() - 20), m.start())
        return name.islower() and " " not in name and not lex.is_english(name) and \
            not lex.is_kept(name) and _key(name) not in v.TEXT_SPEAK | v.FOREIGN_ROLES and \
            not (before and before[-1].end() == m.start() - 1 and
                 _key(before[-1].group()) in _SUBJECT_PRONOUNS)
    if word.isupper():
        if not text[start:end].isupper() or \
                re.search(r"\b(?:WHEN|HOW|WHY|WHAT|WHERE|WHO|IF)\s+$", text[max(0, m.start() - 8):m.start()]):
            return False
        return key not in _NEVER_NAMES or (
            key in _GIVEN_MODALS and re.match(r"\s+[A-Z]{2,}(?:S|ED)\b", text[end:end + 30]) is not None)
    return word[:1].isupper() and key in _GIVEN_MODALS and not _sentence_start(text, m.start()) and \
        not re.search(r"\d(?:st|nd|rd|th)?\s+$", text[max(0, m.start() - 6):m.start()])


_SUBJECT_PRONOUNS = frozenset("i you u he she it we they who that which".split())

# Modal verbs that are given names as well.
_GIVEN_MODALS = frozenset({"will", "may"})


def _first_of_name(text: str, m: re.Match, start: int, lex: Lexicon) -> bool:
    """Is the word `m`, first in its sentence and right before a name that is no English word
    ("Aled Kaminska refuses", "temperance eze said"), that name's first part, though it is an
    English word itself? Not a verb said to someone ("Ask Okafor"), nor a kept word."""
    word = CONTRACTION.sub("", m.group())
    key = _key(word)
    name = WORD.match(text, start)
    if name is not None and _HYPHENATED_GIVEN.fullmatch(name.group()) and \
            2 <= len(word) <= 5 and word[:1].isupper() and not word.isupper() and \
            key not in v.TITLES and key not in v.ROLES and key not in _SAID_TO:
        return True   # a family name before a romanised given name: "Oh Ye-jin", "Bae Soo-ah"
    return name is not None and not lex.is_english(_POSSESSIVE.sub("", name.group())) and \
        _sentence_start(text, m.start()) and len(word) >= 3 and \
        (word[:1].isupper() == name.group()[:1].isupper()) and not word.isupper() and \
        not _kept(lex, word) and key not in _NEVER_NAMES and key not in v.COMMON_VERBS and \
        key not in _SAID_TO and key not in v.INTERJECTIONS and key not in v.TEXT_OPENERS and \
        not key.endswith(("ing", "ly")) and not (key.endswith("ed") and len(key) >= 6)


# Generic words that go with a ward's or team's name when they follow it ("Firecrest bay team",
# "Siskin ward station"): part of how the place is named, so they go with it, failing closed.
_AFTER_ORG = frozenset({"bay", "bays", "team", "unit", "station", "ward"})

# A romanised Korean or Chinese given name in two hyphenated syllables ("Ye-jin", "Siu-ming").
_HYPHENATED_GIVEN = re.compile(r"[A-Z][a-z]{1,4}-[a-z]{2,5}")

# Verbs said to someone, first in a sentence before a name ("Ask Okafor", "Thank Ilunga").
_SAID_TO = frozenset({"ask", "tell", "thank", "call", "email", "text", "ring", "message",
                      "contact", "see", "meet", "blame", "help", "let", "get", "make", "have",
                      "ignore", "report", "remind", "warn", "invite", "like", "love", "hate",
                      "trust", "believe", "follow", "pity", "poor", "dear", "sack", "pay", "give",
                      "send", "find", "leave", "watch", "phone", "hug", "forgive", "cheers"})


# Round 15: the words after a provider's name that say which service it is.
_SERVICE_WORDS = (v.GENERIC_SERVICES | v.SPECIALTIES | v.ORG_SUFFIXES) - (v.ROLES - v.ORG_SUFFIXES)
_SERVICE_HEADS = v.ORG_SUFFIXES - {"nursing", "care", "health", "healthcare", "dental", "home",
                                   "house", "primary", "group", "foundation"}


def _service_tail(text: str, end: int) -> int:
    """Where a provider's name that ends at `end` really ends, with the words after it that
    name its service: capitalised ("S&A Orthodontics", "Hollin Moor Dental Care") or in lower
    case ending in an organisation's word ("Eastmarsh community midwifery team"); not roles nor
    words that only describe ("the Eastmarsh night staff", "Eastmarsh community nursing")."""
    run, at = [], end
    while len(run) < 4 and text[at:at + 1] == " " and (m := WORD.match(text, at + 1)) and \
            m.group().lower() in _SERVICE_WORDS:
        run.append(m)
        at = m.end()
    for k in range(len(run), 0, -1):
        part = [m.group() for m in run[:k]]
        if all(w[:1].isupper() and not w.isupper() for w in part) or \
                (all(w.islower() for w in part) and part[-1] in _SERVICE_HEADS):
            return run[k - 1].end()
    return end


def _sentence_start(text: str, at: int) -> bool:
    before = text[:at].rstrip()
    return not before or before[-1] in ".!?:;\n'\"‘“("


def expand_names(text: str, spans: list[Span], lex: Lexicon) -> list[Span]:
    """Step 4: extend names over adjacent parts of the same name, then find every other mention
    of their words (case-insensitively for words that are not English words)."""
    out = []
    for s in spans:
        if s.type == "ORG":
            # the generic words after a ward's or team's name go with it (_AFTER_ORG)
            end = s.end
            while (m := WORD.match(text, end + 1)) and text[end:end + 1] == " " and \
                    m.group().lower() in _AFTER_ORG:
                end = m.end()
            s = Span(s.start, _service_tail(text, end), s.type)
        elif s.type == "LOCATION" and (end := _service_tail(text, s.end)) > s.end:
            s = Span(s.start, end, "ORG")   # "Ashcombe Vale community nursing team": a team
        if s.type == "PERSON":
            start, end = s.start, s.end
            while (m := WORD.match(text, end + 1)) and text[end:end + 1] == " " and \
                    (_extendable(text, m, lex, after_name=True) or
                     _lower_surname(text, start, end, m, lex)):
                end = m.start() + len(_POSSESSIVE.sub("", m.group()))
            if (m := _SPEAKER_INITIAL.match(text, end)):
                end = m.end(1)   # "sharon b: cos u…": a chat sender's initial
            while start >= 2 and text[start - 1] == " ":
                prev = _words(text, max(0, start - 40), start - 1)
                if not prev or prev[-1].end() != start - 1 or not (
                        _extendable(text, prev[-1], lex, after_name=False) or
                        _first_of_name(text, prev[-1], start, lex) or
                        _given_before_name(text, prev[-1], start, end, lex)):
                    break
                start = prev[-1].start()
            if text[max(0, start - 4):start] == "The " and not _sentence_start(text, start - 4):
                start -= 4   # "at The Old Forge", "to The Larches": "The" mid-sentence is the name's
            s = Span(start, end, s.type)
            if (tail := _service_tail(text, end)) > end and \
                    len(_words(text, end, tail)) >= 2:
                s = Span(start, tail, "ORG")   # "the Kettlewick district nursing team"
        out.append(s)
    exact: dict[str, str] = {}    # word -> type, found as written
    loose: dict[str, str] = {}    # lower-cased word -> type, found in any case
    for s in list(out):
        if s.type not in {"PERSON", "ORG"}:
            continue
        for m in _words(text, s.start, s.end):
            word = _POSSESSIVE.sub("", m.group())
            key = _key(word)
            if len(word) < 2 or word in exact or lex.is_kept(word) or \
                    key in v.FUNCTION_WORDS or key in v.ORG_SUFFIXES or not word[:1].isupper():
                continue
            exact[word] = s.type
            if not lex.is_english(word) and len(word) >= 4:
                loose.setdefault(word.lower(), s.type)
    # one scan of the text for every mention (longest words first, so "Ann" does not cut "Anna")
    for table, flags in ((exact, 0), (loose, re.I)):
        if not table:
            continue
        ordered = sorted(table, key=len, reverse=True)
        if text.isascii() and all(w.isascii() for w in ordered):
            out.extend(Span(a, b, table.get(w) or "PERSON")
                       for a, b, w in _mentions(text, ordered, folded=bool(flags)))
            continue
        pattern = re.compile(r"(?<![\w-])(?:" + "|".join(
            re.escape(w) for w in ordered) + r")(?![\w-])", flags)
        for x in pattern.finditer(text):
            kind = table.get(x.group()) if not flags else table.get(x.group().lower())
            out.append(Span(x.start(), x.end(), kind or "PERSON"))
    return out


def _bounded(text: str, at: int) -> bool:
    """No word character (\\w: a letter, a digit, "_") nor hyphen at `at`."""
    return at < 0 or at >= len(text) or not (text[at].isalnum() or text[at] in "_-")


def _mentions(text: str, ordered: Sequence[str], folded: bool) -> list[tuple[int, int, str]]:
    """What `(?<![\\w-])(?:w1|w2|…)(?![\\w-])` (re.I when `folded`) finds with `finditer` in an
    ASCII text, for ASCII words in that order, without compiling a new pattern for every text
    (compiling was a tenth of the rules' time on long texts): every occurrence with its
    boundaries, then, from left to right, the first word in the alternation's order at each
    place, never inside the previous mention. `folded`: the words are in lower case and the
    text is matched in any case (for ASCII, re.I is exactly lower-casing)."""
    haystack = text.lower() if folded else text
    found: list[tuple[int, int, str]] = []
    for rank, word in enumerate(ordered):
        at = haystack.find(word)
        while at != -1:
            if _bounded(text, at - 1) and _bounded(text, at + len(word)):
                found.append((at, rank, word))
            at = haystack.find(word, at + 1)
    found.sort()
    out, end = [], 0
    for at, _, word in found:
        if at < end:
            continue   # inside the previous mention, or a later alternative at the same place
        out.append((at, at + len(word), word))
        end = at + len(word)
    return out


# An identifier's length: a run of this many digits never survives the final check.
IDENTIFIER_DIGITS = 6
IDENTIFIER_SEPARATORS = r"[ \t\-./\\•·∙‧—–_|()]"

_DIGIT = re.compile(r"\d")
# A dose or a measurement glued to its number ("500mcg", "40mmol", "10units"): never an
# identifier (the units, by kind, are vocabulary.UNITS; the longest tried first).
_UNIT_SUFFIXES = "|".join(sorted((re.escape(u) for u in v.UNITS if len(u) > 1 and u.isalpha()),
                                 key=len, reverse=True))
# Each pattern of the final check with what a text must hold for it to match at all (a text
# without it is not searched: the same spans, sooner).
_RESIDUE = [
    ("EMAIL", re.compile(r"[\w.%+'-]+@[\w-]+(?:\.[\w-]+)+"), lambda text, lower: "@" in text),
    ("HANDLE", re.compile(r"(?<![\w@])@\w+(?:\.\w+)*"), lambda text, lower: "@" in text),
    ("URL", re.compile(r"\b(?:https?://|www\.)\S+", re.I),
     lambda text, lower: "://" in text or "www." in lower),
    ("HANDLE", re.compile(r"\b[A-Za-z0-9]+(?:_[A-Za-z0-9]+)+\b"), lambda text, lower: "_" in text),
    # six or more digits in a row, or in groups split by one or two separators ("07700/900 123",
    # "943.476.5919", "07700•900•123"), even glued to letters ("Priya9434765919")
    ("OTHER_ID", re.compile(r"(?<!\d)\d(?:" + IDENTIFIER_SEPARATORS + r"{0,2}\d){5,}(?!\d)"),
     lambda text, lower: _DIGIT.search(text) is not None),
    # letters mixed with three or more digits ("E482913", "X12345"), not "1990s", "100mg" or
    # "500mcg"
    ("OTHER_ID", re.compile(r"(?<![\w-])(?=[\w-]*\d[\w-]*\d[\w-]*\d)(?=[\w-]*[A-Za-z])"
                            r"(?!\d+(?:st|nd|rd|th|s|am|pm|g|k|" + _UNIT_SUFFIXES + r")\b)"
                            r"[A-Za-z0-9][\w-]{3,}(?![\w-])"),
     lambda text, lower: _DIGIT.search(text) is not None),
]


def _foreign_script(word: str) -> bool:
    return any(c.isalpha() and not c.isascii() and
               not unicodedata.name(c, "").startswith("LATIN") for c in word)


def residue(text: str, spans: Iterable[Span], spelled: Iterable[tuple[int, int]],
            lex: Lexicon) -> list[Span]:
    """Step 5, the final check: spans for whatever must never survive, outside `spans`."""
    covered = merge(spans)   # sorted, disjoint
    starts = [s.start for s in covered]

    def free(a: int, b: int) -> bool:
        """Not wholly inside what is already redacted (a name found in "Priya9434765919" or
        the letters of "MRN-48213" must not shield the rest). The one merged span that starts
        at or before `a` is the only one that can hold [a, b)."""
        i = bisect.bisect_right(starts, a) - 1
        return i < 0 or covered[i].end < b

    out = []
    lower = text.lower()
    for kind, pattern, needs in _RESIDUE:
        if needs(text, lower):
            out.extend(Span(m.start(), m.end(), kind) for m in pattern.finditer(text)
                       if free(m.start(), m.end()))
    # most words are ASCII, and an ASCII word is in no other script: the cheap tests first
    for m in WORD.finditer(text) if not text.isascii() else ():
        if not m.group().isascii() and _foreign_script(m.group()) and free(m.start(), m.end()):
            out.append(Span(m.start(), m.end(), "PERSON"))
    for start, end in spelled:
        word = text[start:end]
        if free(start, end) and _key(word) not in v.ACRONYMS and not lex.is_kept(word):
            out.append(Span(start, end, "PERSON"))
    return out


def postprocess(text: str, spans: Iterable[Span], lex: Lexicon,
                spelled: Iterable[tuple[int, int]] = ()) -> list[Span]:
    """Steps 3-5 on the analyser's spans of (normalised) `text`."""
    from .clinical import spare   # clinical words that look like names are kept
    from .apposition import ward_numbers   # round 13: "Ward Haxmoor 3"
    kept = allow(text, spans, lex)
    named = ward_numbers(text, spare(text, expand_names(text, kept, lex), lex))
    return merge(named + residue(text, named, spelled, lex))


def redact(text: str, analyse: Analyser, lex: Lexicon | None = None) -> tuple[str, list[Span]]:
    return redact_many([text], lambda texts: [analyse(t) for t in texts], lex)[0]


def redact_many(texts: Sequence[str], analyse_many: BatchAnalyser,
                lex: Lexicon | None = None) -> list[tuple[str, list[Span]]]:
    """Each text redacted; spans are in offsets of the original text."""
    lex = lex or lexicon.load()
    normalised = [normalise(t, lex.lookalikes) for t in texts]
    found = analyse_many([n.text for n in normalised])
    out = []
    for text, norm, spans in zip(texts, normalised, found):
        final = postprocess(norm.text, spans, lex, norm.spelled)
        original = merge(Span(*norm.to_original(s.start, s.end), s.type) for s in final)
        out.append((apply(text, original), original))
    return out


def redact_answers(answers: dict, text_fields: Iterable[str], analyse: Analyser) -> dict:
    """A copy of the answers with every free-text field redacted."""
    return redact_answers_many([answers], text_fields, lambda texts: [analyse(t) for t in texts])[0]


def redact_answers_many(many: Sequence[dict], text_fields: Iterable[str],
                        analyse_many: BatchAnalyser) -> list[dict]:
    """Copies of several reports' answers with every free-text field redacted, all the texts
    analysed in one batch (one pass of the model over them)."""
    fields = list(text_fields)
    places = [(i, code) for i, answers in enumerate(many) for code in fields if code in answers]
    results = redact_many([many[i][code] for i, code in places], analyse_many)
    out = [dict(answers) for answers in many]
    for (i, code), (redacted, _) in zip(places, results):
        out[i][code] = redacted
    return out
