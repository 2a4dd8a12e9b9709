"""Issue 16: training-data augmentation for the fine-tuned entity recogniser
(`train_redactor_ner.py`, docs/redactor.md "Augmented fine-tuning").

A labelled corpus holds a few thousand texts with a limited set of names in limited forms, so the
recogniser learns those names more than the contexts around them. `augment(items)` returns, for
each text with a labelled PERSON or ORG span, `copies` new texts in which

- every PERSON span is another name, drawn from pools of KINDS: given names of many origins and
  surnames (Faker's person providers, every Latin-script locale, as written, diacritics kept),
  given names that are ordinary English words (a list by kind written here, and the lexicon's
  word names given in three or more locales), initials; in varied
  forms (given + family, family-name-first, with a particle, a name plus an initial, an initial
  plus a surname, a double-barrelled surname) and case (as written, lower case, capitals; always
  lower case in a text written in lower case). A title at the start of the span is kept (it
  belongs to the name); the same name written twice in a text becomes the same new name;
- every ORG span keeps its generic words (`vocabulary.org_generic`: "General Hospital",
  "Community Mental Health Team", "ward") and has its distinctive words replaced by invented
  place names (a root and an ending of English place names), an abbreviation by other capitals
  (a span with no distinctive word is left as written);
- everything else (unlabelled words, keep spans, other labelled identifiers) is unchanged, and
  every offset of `pii` and `keep` is recomputed, so every label stays exact.

Pure and deterministic: the pools are built from installed packages and lists written here (no
corpus string), and every draw comes from a `random.Random` seeded by the seed and the text's id.
A span written to hide a name (zero-width or look-alike letters, letters spelled out with spaces,
digits) is left as written.
"""
from __future__ import annotations

import hashlib
import importlib
import pkgutil
import random
import unicodedata
from dataclasses import dataclass, replace
from functools import cache
from typing import Sequence

from . import lexicon, vocabulary
from .evaluate import Item, Labelled

COPIES = 1
# Texts with nothing to change copied as they are too (the negatives keep their weight).
UNCHANGED = False
# How the names of a copy written with capitals are cased: as written, lower case, capitals.
CASES = {"as written": 0.8, "lower": 0.1, "upper": 0.1}

# Invented place names: an English root and an ending ("Ashbury", "Thornley"), written here.
_ROOTS = ("ash oak elm birch alder hazel thorn bramble brook mill stone marsh moor heath wood "
          "fern kings queens north south east west high low long broad clay sand chalk salt "
          "cold stan whit brad sheff hart buck wolf fox hare crane swan lark raven hawk fair "
          "green red black white grey bar cran dun kil glen pen tre llan aber car bally "
          "inver strath").split()
_ENDINGS = ("field ley ton bury borough worth ford ham wick dale by combe stead more hurst gate "
            "bridge well brook wood den don cliffe holme thorpe minster mouth port side "
            "cester chester caster wich").split()
# Given names that are ordinary English words, by kind (virtues, plants, gems, months and seasons,
# weather and nature, other nouns, adjectives and verbs, short forms), written here from common
# knowledge of English names; joined by the lexicon's word names given in three or more locales.
_WORD_NAMES = """
faith hope grace joy mercy charity patience prudence constance honour verity harmony melody
bliss destiny trinity felicity serenity justice chance glory
rose lily daisy holly ivy iris hazel heather violet poppy fern willow olive rosemary jasmine
lavender primrose myrtle flora blossom clover saffron sage basil rowan ash bryony briar
ruby pearl amber crystal jade opal coral garnet beryl jet
april may june august summer autumn winter dawn eve noel
sky river rain storm sunny brook forest heath dale cliff glen stone sandy misty frost
honey candy brandy ginger sugar cookie peaches cherry berry apple maple
will mark bill pat rob sue jack frank grant hunter mason miles chase gene art bob dean drew
earl guy herb jay lance major rich ray reed rod skip sonny wade woody victor baker carter
cole hope penny patty ginny dot kitty polly molly buddy rusty dusty duke king prince
""".split()
_PARTICLES = ("van", "van der", "de", "da", "di", "del", "dos", "von", "al", "el", "bin", "ben",
              "ibn", "abu", "mac", "ap", "le", "la", "du")
_HIDDEN = {"\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u00ad"}


@dataclass(frozen=True)
class Pools:
    given: tuple[tuple[str, ...], ...]    # given names, one tuple per locale (origin), as written
    family: tuple[tuple[str, ...], ...]   # surnames, one tuple per locale
    word_given: tuple[str, ...]           # given names that are ordinary English words
    places: tuple[str, ...]               # invented place names


def _latin(word: str) -> bool:
    return word.isalpha() and all(c.isascii() or unicodedata.name(c, "").startswith("LATIN")
                                  for c in word)


@cache
def pools() -> Pools:
    """The name pools, from Faker's person providers (every locale written in Latin letters;
    diacritics kept), the lexicon's word names and the invented place names above."""
    import faker.providers.person as person

    lex = lexicon.load()
    never = vocabulary.keep_words() | vocabulary.TERMS_OF_ADDRESS | vocabulary.TITLES
    given, family = [], []
    for info in sorted(pkgutil.iter_modules(person.__path__), key=lambda i: i.name):
        provider = importlib.import_module(f"{person.__name__}.{info.name}").Provider
        g, f = set(), set()
        for attr, value in sorted(vars(provider).items()):
            if attr.startswith("first_name") and not attr.endswith("_unisex_suffix"):
                into = g
            elif attr.startswith("last_name"):
                into = f
            else:
                continue
            if not isinstance(value, (tuple, list, set, frozenset, dict)):
                continue
            for name in (value.keys() if isinstance(value, dict) else value):
                if isinstance(name, str) and " " not in name and "-" not in name and \
                        _latin(name) and len(name) >= 2 and name[0].isupper() and \
                        lexicon.fold(name) not in never:
                    into.add(name)
        if len(g) >= 20:
            given.append(tuple(sorted(g)))
        if len(f) >= 20:
            family.append(tuple(sorted(f)))
    common = {}
    for names in given:
        for key in {lexicon.fold(n) for n in names}:
            common[key] = common.get(key, 0) + 1
    word_given = tuple(sorted(set(_WORD_NAMES) |
                              {w for w in lex.word_names & lex.given if common.get(w, 0) >= 3
                               and w.isalpha() and len(w) >= 3 and w not in never}))
    places = tuple(sorted({(r + e).capitalize() for r in _ROOTS for e in _ENDINGS
                           if r[-1] != e[0]}))
    return Pools(tuple(given), tuple(family), word_given, places)


def _seed(seed: int, item_id: str, copy: int) -> int:
    return int.from_bytes(hashlib.sha256(f"{seed}/{item_id}/{copy}".encode()).digest()[:8], "big")


def _hidden(span: str) -> bool:
    """Written to hide a name: zero-width or non-Latin letters, digits, letters spelled apart."""
    words = span.split()
    return (any(c in _HIDDEN or c.isdigit() or (c.isalpha() and not _latin(c)) for c in span)
            or (len(words) >= 3 and all(len(w) == 1 for w in words)))


def lower_case_text(text: str, pii: Sequence[Labelled]) -> bool:
    """Written in lower case (texting, dictation): no capital letter outside the labelled spans
    but "I"."""
    inside = {c for s in pii for c in range(s.start, s.end)}
    words = "".join(" " if i in inside else ch for i, ch in enumerate(text)).split()
    letters = [w for w in words if any(c.isalpha() for c in w) and w.strip(".,!?;:'\"()") != "I"]
    return len(letters) >= 3 and not any(c.isupper() for w in letters for c in w)


def _case(name: str, style: str) -> str:
    return name.lower() if style == "lower" else name.upper() if style == "upper" else name


def _style(original: str, lower_text: bool, chosen: str) -> str:
    """The case of a new name: the original's when it is all lower case or in capitals, lower
    case in a text written in lower case, else the one `chosen` for the copy."""
    letters = [c for c in original if c.isalpha()]
    if lower_text or (letters and all(c.islower() for c in letters)):
        return "lower"
    if len(letters) > 3 and all(c.isupper() for c in letters):
        return "upper"
    return chosen


def _initials(word: str, rng: random.Random) -> str:
    """Other capitals in the same shape ("AK" -> "TN", "J." -> "R.")."""
    return "".join(rng.choice("ABCDEFGHJKLMNPRSTW") if c.isalpha() else c for c in word)


def _is_initials(word: str) -> bool:
    letters = word.replace(".", "")
    return letters.isalpha() and (len(letters) == 1 or (len(letters) <= 3 and letters.isupper()))


class _Draw:
    """The draws for one copy of one text; the same original word gets the same new one."""

    def __init__(self, rng: random.Random, p: Pools):
        self.rng, self.p, self.memo = rng, p, {}
        # the case of the copy's names written with capitals: one choice for the whole text
        self.case = rng.choices(list(CASES), list(CASES.values()))[0]

    def given(self) -> str:
        if self.p.word_given and self.rng.random() < 0.25:   # a word name, for a quarter
            return self.rng.choice(self.p.word_given).capitalize()
        return self.rng.choice(self.rng.choice(self.p.given))

    def family(self) -> str:
        return self.rng.choice(self.rng.choice(self.p.family))

    def word(self, original: str, kind: str) -> str:
        key = (lexicon.fold(original.strip(".")), kind)
        if key not in self.memo:
            self.memo[key] = _initials(original, self.rng) if kind == "initial" else \
                self.given() if kind == "given" else self.family()
        return self.memo[key]

    def person(self, span: str, lower_text: bool) -> str:
        words = span.split()
        lead = []
        while words[:-1] and lexicon.fold(words[0].rstrip(".")) in vocabulary.TITLES:
            lead.append(words.pop(0))
        if not words or (lead and lexicon.fold(words[0].rstrip(".")) in vocabulary.TITLES):
            return span
        style = _style(" ".join(words), lower_text, self.case)
        if len(words) == 1 and _is_initials(words[0]):
            return " ".join(lead + [self.word(words[0], "initial")])
        kinds = ["initial" if _is_initials(w) else "given" for w in words]
        if lead or len(words) > 1:
            kinds[-1] = "family" if kinds[-1] != "initial" else "initial"
        new = [self.word(w, k) for w, k in zip(words, kinds)]
        if not lead and len(words) == 2 and kinds == ["given", "family"]:
            form = self.rng.choices(("plain", "family first", "particle", "plus initial",
                                     "initial first", "double"), (5, 1, 1, 1, 1, 1))[0]
            g, f = new
            if form == "family first":
                new = [f.upper() if style == "as written" and self.rng.random() < 0.5 else f, g]
            elif form == "particle":
                new = [g, self.rng.choice(_PARTICLES), f]
            elif form == "plus initial":
                new = [g, _initials("A", self.rng) + self.rng.choice(("", "."))]
            elif form == "initial first":
                new = [_initials("A", self.rng) + self.rng.choice(("", ".")), f]
            elif form == "double":
                new = [g, f"{f}-{self.family()}"]
        elif not lead and len(words) == 1 and self.rng.random() < 0.1:
            new = new + [_initials("A", self.rng)]
        return " ".join(lead + [_case(w, style) for w in new])

    def org(self, span: str, lower_text: bool) -> str:
        words = span.split()
        if len(words) == 1 and words[0].isupper() and words[0].isalpha():
            return "".join(self.rng.choice("ABCDEFGHJKLMNPRSTW")
                           for _ in range(self.rng.choice((2, 3, 3, 4))))
        generic = vocabulary.org_generic()
        new, changed = [], False
        for w in words:
            key = lexicon.fold(w.strip(".,'’"))
            if key in generic or not w.isalpha() or lexicon.load().is_english(w):
                new.append(w)
            else:
                place = self.memo.setdefault(("place", key), self.rng.choice(self.p.places))
                new.append(place.lower() if w.islower() else place.upper() if
                           len(w) > 1 and w.isupper() else place)
                changed = True
        if not changed:
            return span
        return " ".join(new).lower() if lower_text else " ".join(new)


def augment_item(item: Item, copy: int = 0, seed: int = 0, p: Pools | None = None) -> Item | None:
    """One augmented copy of `item` (None when it has no PERSON or ORG span to change)."""
    if not any(s.type in ("PERSON", "ORG") for s in item.pii):
        return None
    p = p or pools()
    draw = _Draw(random.Random(_seed(seed, item.id, copy)), p)
    lower_text = lower_case_text(item.text, item.pii)
    edits = []   # (start, end, new text), in order, none overlapping
    for s in sorted(item.pii, key=lambda s: (s.start, s.end)):
        if s.type not in ("PERSON", "ORG"):
            continue
        span = item.text[s.start:s.end]
        if not span.strip() or span != span.strip() or _hidden(span) or \
                any(e[0] < s.end and s.start < e[1] for e in edits) or \
                any(a < s.end and s.start < b for a, b in item.keep):
            continue
        new = draw.person(span, lower_text) if s.type == "PERSON" else draw.org(span, lower_text)
        if new != span:
            edits.append((s.start, s.end, new))
    if not edits:
        return None

    def moved(pos: int, end: bool) -> int:
        shift = 0
        for a, b, new in edits:
            if b <= pos:
                shift += len(new) - (b - a)
            elif a < pos:   # inside an edited span (a span labelled twice): to its new end
                return a + shift + len(new) if end else a + shift
        return pos + shift

    text, last = [], 0
    for a, b, new in edits:
        text.append(item.text[last:a])
        text.append(new)
        last = b
    text.append(item.text[last:])
    pii = tuple(Labelled(moved(s.start, False), moved(s.end, True), s.type) for s in item.pii)
    keep = tuple((moved(a, False), moved(b, True)) for a, b in item.keep)
    return replace(item, id=f"{item.id}~aug{copy}", text="".join(text), pii=pii, keep=keep)


def augment(items: Sequence[Item], copies: int = COPIES, seed: int = 0,
            unchanged: bool | None = None) -> list[Item]:
    """The augmented copies of `items` (not the items themselves), in order. With `unchanged`
    (default `UNCHANGED`), a
    text with nothing to change is copied as it is, so texts without a name keep their weight
    beside the texts whose names were multiplied."""
    p = pools()
    unchanged = UNCHANGED if unchanged is None else unchanged
    out = []
    for item in items:
        for copy in range(copies):
            new = augment_item(item, copy, seed, p)
            if new is not None:
                out.append(new)
            elif unchanged:
                out.append(replace(item, id=f"{item.id}~aug{copy}"))
    return out
