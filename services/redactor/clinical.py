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
from .spoken import SPOKEN_STOP

_WORD = re.compile(r"[^\W\d_]+(?:[-.][^\W\d_]+)*(?:['’]s?|(?<=s)['’])?")
# A genus's initial and its species ("C. diff", "E coli", "S. aureus", "H. pylori").
_ORGANISM = re.compile(r"\b[A-Z]\.?\s?(?:diff|difficile|coli|aureus|pylori|pneumoniae|pyogenes)\b")
_NAMED = frozenset({"PERSON", "ORG", "LOCATION"})
_POSSESSIVE = re.compile(r"['’]s?$|(?<=[a-z])s$")
_GENERIC = v.org_generic()
_REFERRALS = frozenset({"referral", "referrals", "review", "visit", "visits", "input", "caseload"})

# --- round 13 of the rules: more words that look like names and are none (issue 16) -----------
# Compact lists by kind, written from public knowledge (the BNF's brand names of medicines given
# on wards and in drug services; British regional bakes and dishes named after a place or a
# person; the scales on a ward's nursing charts; the names faith groups give themselves); nothing
# here comes from a labelled corpus. A title or a capitalised name before one still makes it a
# name ("Dr Whipple's patient"), and the word on its own in a name's place stays a name
# ("Victoria said": only "Victoria sponge" is kept).

# Brand names of medicines (the generic names are vocabulary.MEDICINES).
BRANDS = frozenset("""
syntocinon syntometrine ergometrine hemabate carboprost entonox buvidal espranor subutex
suboxone sublocade physeptone zomorph sevredol longtec shortec matrifen durogesic butec butrans
abstral instanyl zapain solpadol tylex kapake voltarol nurofen calpol piriton zimovane
stilnoct valium ativan xanax seroquel zyprexa risperdal abilify clozaril depakote tegretol
lamictal trileptal vimpat briviact neurontin lyrica cymbalta prozac lustral cipramil efexor
zispin dulcolax fybogel fortisip fresubin ensure calogen scandishake zoton losec nexium
eliquis xarelto lixiana pradaxa lasix ventolin seretide symbicort fostair clenil spiriva
""".split())

# Conditions and procedures named after people that stand alone in the possessive ("his
# Whipple's", "a Hartmann's") besides vocabulary.EPONYMS_ALONE.
PROCEDURES_ALONE = frozenset("whipple hartmann nissen".split())

# Nursing scales and scores named after people, kept alone after a determiner or before a number
# ("her Waterlow", "Apgar 9", "the Braden was 14"): elsewhere the word is a person's name.
SCALES = frozenset("apgar waterlow braden barthel must norton".split())
_DETERMINERS = frozenset("the his her their a an my your our its this that".split())

# Phrases that hold a place's or a person's name and are none: bakes and dishes, scales, faith
# groups (the whole phrase is kept; each word alone is not).
_PHRASES = [
    # bakes and dishes
    r"bakewell\s+(?:tarts?|puddings?)", r"eccles\s+cakes?", r"victoria\s+sponges?",
    r"brussels?\s+sprouts?", r"beef\s+wellingtons?", r"eggs?\s+benedict", r"chelsea\s+buns?",
    r"bath\s+buns?", r"chorley\s+cakes?", r"dundee\s+cakes?", r"madeira\s+cakes?",
    r"eton\s+mess", r"yorkshire\s+puddings?", r"cornish\s+past(?:y|ies)", r"lancashire\s+hotpot",
    r"cumberland\s+sausages?", r"welsh\s+rarebit", r"scotch\s+eggs?", r"peach\s+melba",
    r"earl\s+grey", r"kendal\s+mint\s+cake", r"jaffa\s+cakes?", r"black\s+forest\s+gateaux?",
    r"chicken\s+kievs?", r"beef\s+stroganoff", r"waldorf\s+salad", r"caesar\s+salad",
    r"battenb(?:e|u)rg(?:\s+cakes?)?", r"pavlovas?", r"garibaldi(?:\s+biscuits?)?",
    r"bourbon\s+biscuits?", r"melton\s+mowbray(?:\s+pork)?\s+pies?", r"bramley\s+apples?",
    r"victoria\s+plums?", r"granny\s+smiths?", r"arbroath\s+smokies", r"shrewsbury\s+biscuits?",
    # scales
    r"glasgow\s+coma\s+(?:scale|score)", r"glasgow\s+coma", r"richmond\s+agitation",
    # faith groups that hold a name
    r"jehovah['’]?s?\s+witness(?:es)?", r"seventh[\s-]+day\s+adventists?",
    r"latter[\s-]+day\s+saints?", r"rastafarians?", r"rastafari", r"christadelphians?",
    r"salvation\s+army",
]
# Each phrase holds one of these words: a text with none (most) is not searched for them.
_PHRASE_WORDS = ("tart pudding cake sponge sprout wellington benedict bun hotpot sausage rarebit "
                 "egg melba grey gateau kiev stroganoff salad battenb pavlova garibaldi biscuit "
                 "pie apple plum smith smokie past mess coma agitation witness adventist saint "
                 "rastafari christadelphian army").split()
_KEPT_PHRASE = re.compile(r"(?<![\w-])(?:" + "|".join(_PHRASES) + r")(?![\w-])", re.I)

# Abstract nouns that are also given names, kept first in a sentence before a verb that says
# something of an abstract thing ("Justice would be nice", "Hope is running out", "Faith
# matters"); "Hope said", "Hope told me" stay names.
ABSTRACT = frozenset("""
justice hope faith grace charity patience mercy joy honour honor liberty unity harmony glory
trust peace truth prudence serenity dignity respect kindness compassion courage
""".split())
_ABSTRACT_VERBS = frozenset("matters matter prevails costs remains springs dies fades would".split())
# "is" with a verb in -ing and a particle: "Hope is running out", "patience is wearing thin"
# ("Grace is always the first to…" is someone).
_ABSTRACT_IS = re.compile(r"\s+is\s+[a-z]+ing\s+(?:out|thin|away|low)\b", re.I)
# An exclamation ("Bless, she tried", "Oh bless her."): "bless" after "oh"/"aw", before
# "her"/"him"/"them", or before a comma and a pronoun that starts a clause; "Bless, the band 6,
# laughed" (apposition) and "Bless, can you…" (spoken to) stay names.
_BLESS = re.compile(r"\b(?:oh|aw+|ah)\s+bless\b|\bbless\s+(?:her|him|them|'?em)\b"
                    r"|\bbless(?=,\s*(?:she|he|they|it|i|we)\b)"
                    # round 15: opening a quotation as an exclamation ("'Bless,' she said",
                    # "'Bless, look at her'", "'Bless, you don't even know…'"); "'Bless, can
                    # you…'" speaks to someone and stays a name
                    r"|(?<=['‘\"“])bless(?=,\s*(?:['’\"”]|look\b|you\s+(?:don|didn|can['’]?t|"
                    r"cannot|won|haven|have\s+no|do\s+not|poor|little)))", re.I)


def _is_eponym_key(word: str) -> tuple[str, bool]:
    """The word's eponym key (or "") and whether it was written in the possessive."""
    bare = _POSSESSIVE.sub("", word)
    possessive = bare != word
    key = fold(bare)
    if key in v.EPONYMS or key in SCALES:   # round 15: every scale, not only the eponyms'
        return key, possessive
    key = fold(word.rstrip("'’"))
    return (key, False) if key in v.EPONYMS or key in SCALES else ("", False)


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
    if _OWNER.search(prev.group()) and fold(_POSSESSIVE.sub("", words[i].group())) in SCALES:
        return False   # round 15: "Mrs Ode's Waterlow": a scale that someone has
    if not prev.group()[:1].isupper() or key in v.FUNCTION_WORDS or key in v.EPONYMS:
        return False
    before = text[:prev.start()].rstrip()
    return bool(before) and before[-1] not in ".!?:;\n\"'‘“(-*•"


# Verbs that open an instruction before a medicine ("Give Syntocinon", "Start Buvidal"): what is
# left of a name's span once the medicine is kept, and no one's name.
_VERBS_FIRST = frozenset("give given start started stop stopped restart withhold hold omit "
                         "increase reduce wean continue prescribe prescribed gave".split())


def _kept_phrases(text: str, words: list[re.Match]) -> list[tuple[int, int]]:
    """The bakes, scales and faith groups of `_PHRASES`, and "bless" as an exclamation; not
    after a title or a capitalised name ("Dr Victoria sponge" is not a cake)."""
    out = []
    lower = text.lower()
    patterns = ([_KEPT_PHRASE] if any(w in lower for w in _PHRASE_WORDS) else []) + \
        ([_BLESS] if "bless" in lower else [])
    if not patterns:
        return out
    starts = {m.start(): i for i, m in enumerate(words)}
    for pattern in patterns:
        for m in pattern.finditer(text):
            i = starts.get(m.start())
            if i is not None and _named_before(text, words, i):
                continue
            out.append((m.start(), m.end()))
    return out


def _first_in_sentence(text: str, start: int) -> bool:
    line = text[:start].rstrip(" \t")
    if not line or line[-1] == "\n":
        return True   # first on its line
    before = line.rstrip()
    return not before or before[-1] in ".!?:;\n\"'‘“(-*•" or \
        SPOKEN_STOP.search(before, max(0, len(before) - 20)) is not None


def _abstract_frame(text: str, words: list[re.Match], i: int, nxt: str) -> bool:
    """An abstract noun first in its sentence and before a verb said of things ("Hope is
    running out"), not of someone ("Hope is on nights", "Hope is a nurse")."""
    m = words[i]
    before = text[:m.start()].rstrip()
    if before and before[-1] in "'‘\"“":
        return False   # "'Grace' is what they call me": a name in quotes
    return _first_in_sentence(text, m.start()) and \
        (nxt in _ABSTRACT_VERBS or _ABSTRACT_IS.match(text, m.end()) is not None)


_NUMBER_AFTER = re.compile(r"\s*(?:of\s+|was\s+|is\s+|=\s*|:\s*)?\d")


def _scale_frame(text: str, words: list[re.Match], i: int, nxt: str) -> bool:
    """A scale after a determiner or before a number or "score"/"scale" ("her Waterlow", "Apgar
    9", "the Braden score")."""
    m = words[i]
    before = fold(words[i - 1].group()) if i > 0 and \
        not text[words[i - 1].end():m.start()].strip() else ""
    # round 15: after a possessive too ("the resident's Waterlow", "baby's Apgar")
    return before in _DETERMINERS or _OWNER.search(before) is not None or \
        nxt in v.CLINICAL_HEADS or _NUMBER_AFTER.match(text, m.end()) is not None


_OWNER = re.compile(r"\w['’]s$|s['’]$")


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
    out += _kept_phrases(text, words)
    overlaps = None if within is None else _overlap_test(within)
    for i, m in enumerate(words):
        if overlaps is not None and not overlaps(m.start(), m.end()):
            continue
        word = m.group()
        key, possessive = _is_eponym_key(word)
        nxt = fold(words[i + 1].group()) if i + 1 < len(words) and \
            not text[m.end():words[i + 1].start()].strip() else ""
        if key and ("-" in key or (possessive and key in PROCEDURES_ALONE) or
                    (key in SCALES and _scale_frame(text, words, i, nxt))) and \
                not _named_before(text, words, i):
            # a hyphenated eponym ("Guillain-Barré") names a condition, never one person
            out.append((m.start(), m.end()))
            continue
        if key:
            # "Bell's palsy", "Turner syndrome"; "Huntington's patient", "her Crohn's" only for
            # the eponyms that name a condition on their own ("Gilbert's patient" is a person's)
            if (nxt in v.CLINICAL_HEADS or (possessive and key in v.EPONYMS_ALONE)) and \
                    not _named_before(text, words, i):
                out.append((m.start(), m.end()))
            continue
        plain = fold(word.rstrip("'’"))
        if plain in ABSTRACT and _abstract_frame(text, words, i, nxt):
            out.append((m.start(), m.end()))
            continue
        if plain in BRANDS or plain in v.MEDICINES or plain in v.ORGANISMS or plain in v.COMMUNICATION or \
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
                not lex.is_kept(word) and key not in v.POSSESSIVE_HEADS and \
                not (word[:1].isupper() and word[1:].islower() and key in _VERBS_FIRST):
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
