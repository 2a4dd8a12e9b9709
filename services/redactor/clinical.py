"""Clinical words that look like names, kept where a name rule, the model or the learned name
pass took them (issue 16): an eponym in the possessive before, or as, a condition ("Down's
syndrome", "a Parkinson's review", "her Crohn's"), an eponym before a clinical word ("Turner
syndrome", "Foley catheter"), a medicine ("buccal midazolam", "Insulin was late"), an organism
("C. diff", "E. coli", "MRSA"), a signing or communication system ("Makaton", "BSL") and a
service's abbreviation in capitals ("LD nurse", "CLDT", "AMHP"). The word lists, by kind, are in
vocabulary.py. After a title ("Dr Down's patient") or another capitalised word that is not first
in its sentence ("Jo Parkinson's review") an eponym is a person's name and stays redacted; so
does anything else in a span ("Dr Patel's patient" keeps nothing of Patel).

Pure: text and spans in, spans out."""
from __future__ import annotations

import re
from bisect import bisect_left
from typing import Iterable

from . import vocabulary as v
from .lexicon import Lexicon, fold
from .redaction import Span

_WORD = re.compile(r"[^\W\d_]+(?:[-.][^\W\d_]+)*(?:['’]s?|(?<=s)['’])?")
# A genus's initial and its species ("C. diff", "E coli", "S. aureus", "H. pylori").
_ORGANISM = re.compile(r"\b[A-Z]\.?\s?(?:diff|difficile|coli|aureus|pylori|pneumoniae|pyogenes)\b")
_NAMED = frozenset({"PERSON", "ORG", "LOCATION"})
_POSSESSIVE = re.compile(r"['’]s?$|(?<=[a-z])s$")
_GENERIC = v.org_generic()
_REFERRALS = frozenset({"referral", "referrals", "review", "visit", "visits", "input", "caseload"})


def _is_eponym_key(word: str) -> tuple[str, bool]:
    """The word's eponym key (or "") and whether it was written in the possessive."""
    bare = _POSSESSIVE.sub("", word)
    possessive = bare != word
    key = fold(bare)
    if key in v.EPONYMS:
        return key, possessive
    key = fold(word.rstrip("'’"))
    return (key, False) if key in v.EPONYMS else ("", False)


def _named_before(text: str, words: list[re.Match], i: int) -> bool:
    """Is the word before `words[i]` a title, or a capitalised word not first in its sentence
    (then the eponym is someone's family name)?"""
    if i == 0:
        return False
    prev = words[i - 1]
    between = text[prev.end():words[i].start()]
    if between.strip():
        return False
    key = fold(_POSSESSIVE.sub("", prev.group()))
    if key in v.TITLES:
        return True
    if not prev.group()[:1].isupper() or key in v.FUNCTION_WORDS or key in v.EPONYMS:
        return False
    before = text[:prev.start()].rstrip()
    return bool(before) and before[-1] not in ".!?:;\n\"'‘“(-*•"


def _overlap_test(within: list[tuple[int, int]]):
    """`overlaps(start, end)`: is there an (a, b) in `within` with a < end and start < b? The
    ranges sorted by start, the largest end among those starting before `end` answers it (the
    same answer as testing each range, in a binary search instead of a pass per word)."""
    pairs = sorted(within)
    starts = [a for a, _ in pairs]
    reach, most = [], None
    for _, b in pairs:
        most = b if most is None or b > most else most
        reach.append(most)

    def overlaps(start: int, end: int) -> bool:
        k = bisect_left(starts, end)
        return k > 0 and reach[k - 1] > start
    return overlaps


def ranges(text: str, within: list[tuple[int, int]] | None = None) -> list[tuple[int, int]]:
    """Where the clinical words of `text` are (only those inside `within`'s ranges, if given:
    the same answer there, sooner)."""
    words = list(_WORD.finditer(text))
    out = [(m.start(), m.end()) for m in _ORGANISM.finditer(text)]
    overlaps = None if within is None else _overlap_test(within)
    for i, m in enumerate(words):
        if overlaps is not None and not overlaps(m.start(), m.end()):
            continue
        word = m.group()
        key, possessive = _is_eponym_key(word)
        nxt = fold(words[i + 1].group()) if i + 1 < len(words) and \
            not text[m.end():words[i + 1].start()].strip() else ""
        if key:
            # "Bell's palsy", "Turner syndrome"; "Huntington's patient", "her Crohn's" only for
            # the eponyms that name a condition on their own ("Gilbert's patient" is a person's)
            if (nxt in v.CLINICAL_HEADS or (possessive and key in v.EPONYMS_ALONE)) and \
                    not _named_before(text, words, i):
                out.append((m.start(), m.end()))
            continue
        plain = fold(word.rstrip("'’"))
        if plain in v.MEDICINES or plain in v.ORGANISMS or plain in v.COMMUNICATION or \
                (word.isupper() and plain in v.SERVICE_ABBREVIATIONS and
                 (len(plain) > 2 or nxt in v.ROLES or nxt in v.GENERIC_SERVICES or
                  nxt in v.PLACES or nxt in _REFERRALS)):
            if not _named_before(text, words, i):
                out.append((m.start(), m.end()))
    return out


def _keeps_nothing(text: str, start: int, end: int, lex: Lexicon) -> bool:
    """Is what is left of a span after its clinical words nothing that singles anyone out?"""
    for m in _WORD.finditer(text, start, end):
        word = _POSSESSIVE.sub("", m.group()) or m.group()
        key = fold(word)
        if key not in v.FUNCTION_WORDS and key not in _GENERIC and \
                not lex.is_kept(word) and key not in v.POSSESSIVE_HEADS:
            return False
    return True


def spare(text: str, spans: Iterable[Span], lex: Lexicon) -> list[Span]:
    """`spans` with the clinical words taken out of the name, organisation and place spans (not
    one with a digit in it: an address with its number); a span left with nothing that singles
    anyone out is dropped."""
    spans = list(spans)
    named = [(s.start, s.end) for s in spans if s.type in _NAMED]
    found = ranges(text, named) if named else []
    if not found:
        return spans
    out = []
    for s in spans:
        inside = [(a, b) for a, b in found if a < s.end and b > s.start]
        if s.type not in _NAMED or not inside or any(c.isdigit() for c in text[s.start:s.end]):
            out.append(s)
            continue
        pieces, at = [], s.start
        for a, b in sorted(inside):
            if a > at:
                pieces.append((at, a))
            at = max(at, b)
        if at < s.end:
            pieces.append((at, s.end))
        for a, b in pieces:
            while a < b and not (text[a].isalnum()):
                a += 1
            while b > a and not (text[b - 1].isalnum()):
                b -= 1
            if a < b and not _keeps_nothing(text, a, b, lex):
                out.append(Span(a, b, s.type))
    return out
