"""The word lists the redactor looks names up in, built once per process from packages installed
with the project (nothing is fetched at run time):

- given names and surnames from the person providers of Faker (MIT licence), which covers some 80
  locales (British, Irish, Welsh, Nigerian, Ghanaian, Kenyan, Zulu, Swahili, Indian, Nepali,
  Bangladeshi, Pakistani, Arabic, Persian, Turkish, Polish, Romanian, Portuguese, Filipino-Spanish,
  Chinese and Korean romanisations, …): invented-data lists compiled from public sources, not
  records of real people;
- ordinary English words: the lower-case entries of Webster's Second International (public
  domain), as packaged by `english-words` (MIT licence); its proper nouns are capitalised and so
  left out;
- look-alike letters: Unicode's confusables table as packaged by `confusable-homoglyphs` (MIT);
- `anyascii` (ISC) folds letters to ASCII for lookups ("Róisín" and "Roisin" are one name).

Building the lists takes a second or two (importing every Faker locale), so the built lists are
kept as JSON in a cache directory (`$REDACTOR_CACHE_DIR`, else `$XDG_CACHE_HOME/portal-redactor`
or `~/.cache/portal-redactor`), under a key made of the three packages' versions and this
module's and vocabulary.py's own source: any change rebuilds them. The cache holds public word
lists only, never text; a cache that cannot be read or written is ignored.
"""
from __future__ import annotations

import hashlib
import importlib
import json
import os
import pkgutil
import sys
import tempfile
import unicodedata
from importlib import metadata
from pathlib import Path
from dataclasses import dataclass
from functools import cache

from anyascii import anyascii

from . import vocabulary


def fold(word: str) -> str:
    """The lookup key of a word: ASCII, lower case."""
    return anyascii(word).lower() if not word.isascii() else word.lower()


_SUFFIXES = (("ies", "y"), ("ied", "y"), ("ier", "y"), ("iest", "y"), ("ily", "y"), ("es", ""),
             ("s", ""), ("ed", ""), ("ed", "e"), ("ing", ""), ("ing", "e"), ("er", ""),
             ("er", "e"), ("est", ""), ("ly", ""), ("n't", ""))


def _stems(key: str) -> list[str]:
    out = [key]
    for suffix, repl in _SUFFIXES:
        stem = key[:-len(suffix)] + repl
        if key.endswith(suffix) and len(stem) >= 3:
            out.append(stem)
            if not repl and len(stem) >= 4 and stem[-1] == stem[-2]:   # "stopped" -> "stop"
                out.append(stem[:-1])
    return out


@dataclass(frozen=True)
class Lexicon:
    given: frozenset[str]        # folded given names
    family: frozenset[str]       # folded surnames
    english: frozenset[str]      # ordinary (lower-case) English words
    keep: frozenset[str]         # words kept on their own (vocabulary.keep_words)
    lookalikes: dict[str, str]   # non-Latin letter -> the Latin letter it imitates
    # given names and surnames that are also words or kept ("Rose", "May", "Will", "Park"):
    # names only where the words around them say so
    word_names: frozenset[str] = frozenset()

    def is_name(self, word: str) -> bool:
        key = fold(word)
        return key in self.given or key in self.family

    def __post_init__(self):
        object.__setattr__(self, "_english_memo", {})

    def is_english(self, word: str) -> bool:
        """An ordinary English word, inflected or not ("laughed", "carries", "making")."""
        memo = self._english_memo
        found = memo.get(word)
        if found is None:
            if len(memo) > 100_000:
                memo.clear()
            found = memo[word] = self._is_english(word)
        return found

    def _is_english(self, word: str) -> bool:
        key = fold(word)
        return any(stem in self.english or stem in vocabulary.FUNCTION_WORDS or
                   stem in vocabulary.MODERN_WORDS or stem in vocabulary.IRREGULAR_WORDS
                   for stem in _stems(key))

    def is_kept(self, word: str, key: str | None = None) -> bool:
        """Kept on its own, the plural of a kept word ("Turks", "Sikhs"), or a common acronym
        in capitals ("HCA", "ED"). `key`, when given, is `fold(word)` already computed."""
        if key is None:
            key = fold(word)
        if key in self.keep or (key.endswith("s") and len(key) > 3 and key[:-1] in self.keep):
            return True
        if len(word) > 2 and word[-1] == "s" and word[:-1].isupper():   # "HCAs", "TTOs"
            word, key = word[:-1], key[:-1]
        return word.isupper() and key in vocabulary.ACRONYMS


def _faker_names() -> tuple[set[str], set[str]]:
    import faker.providers.person as person

    given: set[str] = set()
    family: set[str] = set()
    before = set(sys.modules)
    for info in pkgutil.iter_modules(person.__path__):
        provider = importlib.import_module(f"{person.__name__}.{info.name}").Provider
        for attr, value in vars(provider).items():
            if attr.startswith("first_name") or attr.startswith("first_romanized"):
                into = given
            elif "last_name" in attr or attr.startswith("last_romanized"):
                into = family
            else:
                continue
            if not isinstance(value, (tuple, list, set, frozenset, dict)):
                continue
            for name in (value.keys() if isinstance(value, dict) else value):
                if isinstance(name, str):
                    for part in name.replace("-", " ").split():
                        if all(c.isascii() or unicodedata.name(c, "").startswith("LATIN")
                               for c in part):
                            key = fold(part)
                            if len(key) >= 2 and key.isalpha():
                                into.add(key)
    for name in set(sys.modules) - before:  # the providers' own tables are not needed any more
        if name.startswith("faker.providers.person."):
            del sys.modules[name]
    return given, family


def _english() -> frozenset[str]:
    from english_words import get_english_words_set

    return frozenset(w for w in get_english_words_set(["web2"]) if w.islower())


def _lookalikes() -> dict[str, str]:
    from confusable_homoglyphs.confusables import confusables_data

    table = {}
    for ch, glyphs in confusables_data.items():
        if len(ch) != 1 or not ch.isalpha() or ch.isascii() or \
                unicodedata.name(ch, "").startswith("LATIN"):
            continue
        for glyph in glyphs:
            if len(glyph["c"]) == 1 and glyph["c"].isascii() and glyph["c"].isalpha():
                table[ch] = glyph["c"]
                break
    return table


def _build() -> dict[str, list]:
    keep = vocabulary.keep_words()
    given, family = _faker_names()
    never_names = keep | vocabulary.FUNCTION_WORDS | vocabulary.TERMS_OF_ADDRESS
    english = _english()
    # modal verbs are given names too ("Will", "May"); other small words never are
    never = (vocabulary.FUNCTION_WORDS - vocabulary.MODALS) | vocabulary.TERMS_OF_ADDRESS | \
        vocabulary.TITLES
    word_names = {n for n in given | family if (n in keep or n in english) and n not in never}
    return {"given": sorted(given - never_names), "family": sorted(family - never_names),
            "english": sorted(english), "keep": sorted(keep),
            "lookalikes": sorted(_lookalikes().items()), "word_names": sorted(word_names)}


def cache_dir() -> Path:
    explicit = os.environ.get("REDACTOR_CACHE_DIR")
    if explicit:
        return Path(explicit)
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "portal-redactor"


def _cache_key() -> str:
    h = hashlib.sha256()
    for package in ("faker", "english-words", "confusable-homoglyphs", "anyascii"):
        try:
            h.update(f"{package}=={metadata.version(package)}\n".encode())
        except metadata.PackageNotFoundError:
            h.update(f"{package} missing\n".encode())
    for source in (Path(__file__), Path(vocabulary.__file__)):
        h.update(source.read_bytes())
    return h.hexdigest()[:32]


def _cached_lists() -> dict[str, list]:
    path = cache_dir() / f"lexicon-{_cache_key()}.json"
    try:
        with open(path, encoding="utf-8") as f:
            lists = json.load(f)
        if isinstance(lists, dict) and set(lists) == _FIELDS:
            return lists
    except (OSError, ValueError):
        pass
    lists = _build()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".lexicon-", suffix=".tmp")
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            json.dump(lists, f)
        os.replace(tmp, path)   # whole or nothing, even with several processes starting at once
    except OSError:
        pass
    return lists


_FIELDS = {"given", "family", "english", "keep", "lookalikes", "word_names"}


@cache
def load() -> Lexicon:
    lists = _cached_lists()
    return Lexicon(frozenset(lists["given"]), frozenset(lists["family"]),
                   frozenset(lists["english"]), frozenset(lists["keep"]),
                   {a: b for a, b in lists["lookalikes"]}, frozenset(lists["word_names"]))
