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


def _head_follows(text: str, words: list[re.Match], i: int, key: str) -> bool:
    """A clinical head word right after the eponym, or after one or two lower-case words
    ("Rockwood frailty score", "Bristol stool chart", "Abbey pain scale"); for the eponyms of
    the first list, only round 2's heads (theirs are read below)."""
    heads = v.KIT_HEADS if key else _HEADS_ALL
    at = words[i].end()
    for k in range(i + 1, min(i + 4, len(words))):
        if text[at:words[k].start()].strip():
            return False
        word = words[k].group()
        if fold(word) in heads:
            return True
        key_k = fold(word)
        if not word.islower() or key_k in v.FUNCTION_WORDS or key_k in v.COMMON_VERBS or \
                key_k in _SAID or key_k.endswith("ed"):
            return False   # "Deaver said the retractor…": a clause, not a modifier
        at = words[k].end()
    return False


def _more_eponym(word: str) -> bool:
    """An eponym of round 2's list, plain or in the possessive ("Langenbeck", "Baker's")."""
    bare = _POSSESSIVE.sub("", word) or word
    return fold(bare) in v.EPONYMS_MORE or fold(word.rstrip("'’")) in v.EPONYMS_MORE


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
    if not prev.group()[:1].isupper() or key in v.FUNCTION_WORDS or key in v.EPONYMS or \
            key in v.EPONYMS_MORE:
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


# --- keep words, round 2 (issue 16): six more kinds of kept word inside a name's span ---------
# The lists are in vocabulary.py ("keep words, round 2"); each kind is kept only in a frame that
# says what it is, and never after a title or a capitalised name ("Mr Snellen", "Jo Deaver").

_HEADS_ALL = v.CLINICAL_HEADS | v.KIT_HEADS
# A number and its unit ("5 mg", "2.5mg", "0.1 mmol/kg", "15 ml/hr", "12 yrs"): the unit's
# letters; a unit in capitals only as a symbol ("5 L", "10 IU"), never a capitalised word
# ("5 Stone Lane" is an address).
_UNIT = re.compile(r"(?<![\w.])\d+(?:[.,]\d+)?(?:\s*-\s*\d+(?:[.,]\d+)?)?\s?"
                   r"([a-zA-Zµ]+[0-9]?(?:/[a-zA-Zµ]+[0-9]?)*)(?![\w-])")
# Abbreviations in capitals with digits or hyphens ("FY2", "ST3", "R-CHOP", "NEWS2").
_CAPS = re.compile(r"(?<![\w-])[A-Z][A-Za-z]*(?:[0-9]+|(?:-[A-Z0-9]+)+)?(?![\w-])")
# A compound of a people, a place or a language and an English word ("French-speaking",
# "Nigerian-born", "British-Asian").
_COMPOUND = re.compile(r"(?<![\w-])([A-Z][a-z]+)-([a-z]+|[A-Z][a-z]+)(?![\w-])")
# Words before a two-letter clinical abbreviation that say it is one ("in AF", "fast AF", "an
# MI", "query PE", "went into VT"); elsewhere two capitals may be someone's initials.
_ABBR_BEFORE = frozenset("""
in into of fast new known paroxysmal query possible likely suspected previous old recent an a the
his her their had has from back out then rapid slow
""".split())
_ABBR_AFTER = frozenset("""
course courses exam exams part parts rhythm regimen cycle cycles chemo score scores clinic
pathway protocol bundle trainee trainees rotation rota post level grade certificate module
""".split())
# A predicate that says what someone is ("I'm Lancastrian", "He is Malay", "as a Glaswegian").
_PREDICATE = frozenset("""
i'm im am is was are were be being been he's she's we're they're you're as proud half
""".split())
_ADVERBS = frozenset("then just still also never always".split())
_SAID = frozenset({"said", "says", "told", "asked", "shouted", "replied", "tells", "asks"})
_IDENTITY_WORDS = v.NATIONALITIES | v.DEMONYMS
_QUOTES = "\"'‘“"
_CLOSE_QUOTES = "\"'’”"


def _unit_ranges(text: str) -> list[tuple[int, int]]:
    out = []
    for m in _UNIT.finditer(text):
        unit = m.group(1)
        if unit[:1].isupper() and unit[1:2].islower():
            continue   # a capitalised word after a number: "5 Stone Lane", "12 Mary"
        if all(part.lower().rstrip("0123456789") in v.UNITS for part in unit.split("/")):
            out.append((m.start(1), m.end(1)))
    return out


def _abbreviation_ranges(text: str, words: list[re.Match]) -> list[tuple[int, int]]:
    """Clinical, training and service abbreviations in capitals ("MRCP", "FY2", "R-CHOP"):
    not when a provider's name goes on after one ("ALS Medical Ltd"), and two letters only
    where the words around say it is no one's initials ("in AF", "the ALS course")."""
    out = []
    for m in _CAPS.finditer(text):
        word = m.group()
        letters = sum(c.isalpha() for c in word)
        if fold(word) not in v.CLINICAL_ABBREVIATIONS or \
                (not word.replace("-", "").isupper() and not any(c.isdigit() for c in word)):
            continue   # in capitals only ("Als", "Chop" are names or words)
        after = text[m.end():m.end() + 40].split()
        nxt = fold(after[0].strip(".,;:!?)")) if after else ""
        if any(fold(w.strip(".,;:!?)")) in v.PROVIDER_SUFFIXES for w in after[:3]):
            continue
        if letters <= 2 and not any(c.isdigit() for c in word):
            before = text[:m.start()].split()
            prev = fold(before[-1].strip("(,")) if before else ""
            if prev not in _ABBR_BEFORE and nxt not in _ABBR_AFTER and nxt not in _HEADS_ALL:
                continue
            if (nxt in v.COMMON_VERBS and nxt not in _ADVERBS) or nxt in _SAID:
                continue   # "AF said", "VT was on with me": someone's initials
        out.append((m.start(), m.end()))
    return out


def _quoted_or_exclaimed(text: str, start: int, end: int) -> bool:
    before = text[:start].rstrip(" ")
    after = text[end:end + 2]
    return (bool(before) and before[-1] in _QUOTES) or \
        (after[:1] != "" and after[:1] in "!,?" + _CLOSE_QUOTES) or _first_in_sentence(text, start)


def _greeting_key(m: re.Match) -> str:
    return fold(m.group().rstrip("'’"))   # "'Ay Dios mío', she said": the quote is no letter


def _greeting_ranges(text: str, words: list[re.Match], lex: Lexicon) -> list[tuple[int, int]]:
    """Greetings, exclamations and endearments in other languages, quoted or exclaimed
    ('"Habibi, calm down"', "Wallahi I didn't", "Eish!"); a run of them is kept whole ("Mamma
    mia", "Mon chéri") if one of its words is no name; a lone given name ("Bella") is not."""
    out, i = [], 0
    while i < len(words):
        if _greeting_key(words[i]) not in v.FOREIGN_GREETINGS:
            i += 1
            continue
        j = i + 1
        while j < len(words) and _greeting_key(words[j]) in v.FOREIGN_GREETINGS and \
                not text[words[j - 1].end():words[j].start()].strip():
            j += 1
        run = [_greeting_key(w) for w in words[i:j]]
        start, end = words[i].start(), words[j - 1].end()
        unnamed = [w for w in run if w not in lex.given and w not in lex.word_names and len(w) > 2]
        if (unnamed and (j - i > 1 or run[0] in unnamed)) and \
                _quoted_or_exclaimed(text, start, end) and not _named_before(text, words, i):
            out.append((start, end))
        i = j
    return out


_PREPOSITIONS = frozenset("from to by in into on onto at for with over off up out about".split())


def _participle(key: str, lex: Lexicon) -> bool:
    """A verb's -ed or -ing form whose stem is a word ("typed", "copied", "stopped",
    "walking", "typing"), not a noun that ends so ("pudding", "bed")."""
    if key.endswith("ing"):
        stems = [key[:-3], key[:-3] + "e"]
    elif key.endswith("ed"):
        stems = [key[:-1], key[:-2], key[:-3] + "y", key[:-3]]
    else:
        return False
    return any(len(stem) > 2 and stem in lex.english for stem in stems)


def _sentence_opener(text: str, words: list[re.Match], i: int, lex: Lexicon) -> bool:
    """An ordinary English word first on its line or in its sentence, as a note or a form
    writes one: a heading or a one-word sentence ("Handover.", "Outcome:"), a participle
    before a preposition ("Typed from…", "Copied to"), or a word before a lower-case word that
    it qualifies ("Survey free text:", "Kettle water"). Never a name the gazetteer knows, a
    title or a role, and never before a small word, a verb, a particle or a ward's or a
    street's word ("Pebble on reception", "Pebble and Thimble", "Gwen ferch Dafydd", "Garnet
    ward team", "Baker shouted"): word names stand there."""
    m = words[i]
    word = m.group()
    if not (word[:1].isupper() and word[1:].islower()) or not _first_in_sentence(text, m.start()):
        return False
    key = fold(word)
    if key in v.FUNCTION_WORDS or key in v.TITLES or key in v.ROLES or key in lex.given or \
            key in lex.family or key in lex.word_names or not lex.is_english(word):
        return False   # "Baker: you're late", "Sister okwuosa": a name or a title opens it
    if key in _VERBS_FIRST:
        return True   # "Gave 500mcg…", "Start Buvidal": an instruction opens the sentence
    before = text[:m.start()].rstrip()
    if before and before[-1] in ",-–—'’":
        return False   # a sign-off ("Thanks,\nSunshine"), a name after a dash or "Mac a' "
    after = text[m.end():m.end() + 3]
    if after[:1] and after[:1] in ":." and (len(after) < 2 or after[1].isspace()) and \
            not (after[:1] == ":" and after[2:3] in _QUOTES + "[("):
        return True   # a heading or a one-word sentence; not a speaker ("Pebble: 'you…'")
    if i + 1 >= len(words) or text[m.end():words[i + 1].start()] != " ":
        return False
    nxt = words[i + 1].group()
    nkey = fold(nxt)
    if nkey in _PREPOSITIONS and _participle(key, lex):
        return True   # "Typed from…", "Copied to"; not "Pudding from"
    if not nxt.islower() or not lex.is_english(nxt) or nkey in v.FUNCTION_WORDS or \
            nkey in v.COMMON_VERBS or nkey in _SAID or nkey in v.NAME_PARTICLES or \
            nkey in v.ORG_SUFFIXES or nkey in v.PLACES or nkey in v.STREET_SUFFIXES or \
            nkey in v.ROLES or nkey.endswith("ed") or nkey.endswith("s") or \
            nkey in v.IRREGULAR_WORDS:
        return False
    return True


def _word_before(text: str, start: int) -> str:
    """The word before `start`, folded, with its apostrophe kept ("i'm"), or "" after
    punctuation."""
    before = text[max(0, start - 20):start]
    if not before[-1:].isspace():
        return ""
    parts = before.split()
    return fold(parts[-1].replace("’", "'")) if parts else ""


_FESTIVAL_BEFORE = frozenset("""
over for at during on after before the of since until celebrate celebrates celebrating
celebrated happy merry blessed
""".split())


def _festival(text: str, words: list[re.Match], i: int, nxt: str,
              lex: Lexicon | None) -> bool:
    """A festival or holy day ("over Shavuot", "Guru Nanak Gurpurab"), or a wish before one
    ("Happy Vaisakhi"): after a title it is someone's name."""
    key = fold(words[i].group())
    if key not in v.FESTIVALS and not (key in v.FESTIVAL_WISHES and (
            nxt in v.FESTIVALS or nxt in v.IDENTITY or nxt in v.FESTIVAL_WISHES)):
        return False
    prev = fold(words[i - 1].group()) if i > 0 else ""
    if lex is not None and key in lex.given and prev not in _FESTIVAL_BEFORE and \
            nxt not in v.FESTIVALS:
        return False   # "Raksha said": a given name unless the words around make it the day
    return prev not in v.TITLES


def _round2(text: str, words: list[re.Match], i: int, nxt: str,
            lex: Lexicon | None) -> bool:
    """Is `words[i]` kept by one of the kinds of round 2 (eponyms of kit, identity words,
    festivals, sentence openers)?"""
    m = words[i]
    word = m.group()
    bare = _POSSESSIVE.sub("", word) or word
    key = fold(bare)
    prev = fold(words[i - 1].group()) if i > 0 and \
        not text[words[i - 1].end():m.start()].strip() else ""
    owner = bool(prev) and words[i - 1].group().endswith(("'s", "’s")) and \
        words[i - 1].group()[:1].islower()   # "the baby's Apgar", "her son's Snellen"
    if key in v.KIT_EPONYMS or fold(word) in v.KIT_EPONYMS:
        # "passed the Deaver", "her Snellen", "Ishihara done,", "Snellen:"
        rest = text[m.end():m.end() + 30]
        listed = nxt in v.CHECKLIST_WORDS and \
            re.match(r"\s*[a-z]+\s*(?:[,.;:)\n]|$|and\b)", rest) is not None
        if ((prev in _DETERMINERS or owner) and nxt not in _SAID) or listed or \
                _NUMBER_AFTER.match(text, m.end()) is not None:   # "Mallampati 3"
            return True
    if key in SCALES and nxt in v.CHECKLIST_WORDS and \
            re.match(r"\s*[a-z]+\s*(?:[,.;:)\n]|$|and\b)", text[m.end():m.end() + 30]):
        return True   # "Braden done," in a checklist
    if key in _IDENTITY_WORDS and _word_before(text, m.start()) in _PREDICATE and \
            (lex is None or (key not in lex.given and key not in lex.word_names)):
        return True   # "I'm Lancastrian", "He is Malay"; "I'm Shona" may be her name
    if lex is not None and _sentence_opener(text, words, i, lex):
        return True
    return False


def _compound_ranges(text: str) -> list[tuple[int, int]]:
    """"French-speaking", "Nigerian-born", "British-Asian": a people or place and a word."""
    out = []
    for m in _COMPOUND.finditer(text):
        first, second = fold(m.group(1)), fold(m.group(2))
        if (first in _IDENTITY_WORDS or first in v.PLACE_NAMES) and \
                (m.group(2).islower() or second in _IDENTITY_WORDS or second in v.IDENTITY):
            out.append((m.start(), m.end()))
    return out


def ranges(text: str, within: list[tuple[int, int]] | None = None,
           lex: Lexicon | None = None) -> list[tuple[int, int]]:
    """Where the clinical words of `text` are (only those inside `within`'s ranges, if given:
    the same answer there, sooner)."""
    words = list(_WORD.finditer(text))
    out = [(m.start(), m.end()) for m in _ORGANISM.finditer(text)]
    out += _kept_phrases(text, words)
    out += _unit_ranges(text) if any(c.isdigit() for c in text) else []
    out += _abbreviation_ranges(text, words) + _compound_ranges(text)
    if lex is not None:
        out += _greeting_ranges(text, words, lex)
    overlaps = None if within is None else _overlap_test(within)
    for i, m in enumerate(words):
        if overlaps is not None and not overlaps(m.start(), m.end()):
            continue
        word = m.group()
        key, possessive = _is_eponym_key(word)
        nxt = fold(words[i + 1].group()) if i + 1 < len(words) and \
            not text[m.end():words[i + 1].start()].strip() else ""
        if _festival(text, words, i, nxt, lex) or (not _named_before(text, words, i) and (
                _round2(text, words, i, nxt, lex) or
                ((key or _more_eponym(word)) and _head_follows(text, words, i, key)))):
            out.append((m.start(), m.end()))
            continue
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
                key not in v.KIT_HEADS and key not in v.CHECKLIST_WORDS and \
                not (word[:1].isupper() and word[1:].islower() and key in _VERBS_FIRST):
            return False
    return True


def spare(text: str, spans: Iterable[Span], lex: Lexicon) -> list[Span]:
    """`spans` with the clinical words taken out of the name, organisation and place spans (not
    one with a digit in it: an address with its number); a span left with nothing that singles
    anyone out is dropped."""
    spans = list(spans)
    named = [(s.start, s.end) for s in spans if s.type in _NAMED]
    found = ranges(text, named, lex) if named else []
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
