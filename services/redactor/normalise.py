"""Text normalisation before analysis, keeping offsets into the original text.

Names hidden from a recogniser with zero-width characters ("Gi\u200bft"), letters borrowed from
another alphabet (a Cyrillic "а" in "Hаssan"), compatibility forms (full-width or mathematical
letters) or spaced-out letters ("G U R P R E E T") are made plain, so that every later step sees
"Gift", "Hassan", "GURPREET". Every character of the normalised text remembers where it came from,
so a span found in it maps back to the original text, covering any hidden characters inside.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from typing import Mapping

# Letters separated by single spaces, dots or hyphens, at least three of them.
_SPACED = re.compile(r"(?<![^\W\d_])[^\W\d_](?:[ .\-][^\W\d_]){2,}(?![^\W\d_])")


@dataclass(frozen=True)
class Normalised:
    """`text` is the normalised text; `origin[i]` is the index in the original text of its
    character i, and `origin[len(text)]` is the original's length. `spelled` are the (start, end)
    of words that were spelled out letter by letter, in normalised offsets."""
    text: str
    origin: tuple[int, ...]
    spelled: tuple[tuple[int, int], ...] = ()

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        """The original span a normalised span [start, end) came from (end exclusive)."""
        if end <= start:
            at = self.origin[start]
            return at, at
        return self.origin[start], self.origin[end - 1] + 1


def _invisible(ch: str) -> bool:
    # Format characters (zero-width space/joiners, bidi controls, soft hyphen, BOM) and
    # variation selectors or the combining grapheme joiner: they render as nothing.
    cat = unicodedata.category(ch)
    return cat == "Cf" or ch == "\u034f" or "\ufe00" <= ch <= "\ufe0f"


def _clusters(text: str):
    """(start index, characters) of each base character with its combining marks."""
    i, n = 0, len(text)
    while i < n:
        j = i + 1
        while j < n and unicodedata.combining(text[j]):
            j += 1
        yield i, text[i:j]
        i = j


def _is_latin(ch: str) -> bool:
    return ch.isascii() or unicodedata.name(ch, "").startswith("LATIN")


def _unconfuse(chars: list[str], lookalikes: Mapping[str, str]) -> None:
    """In place: in each word that mixes Latin letters with look-alikes from another script (or is
    made only of look-alikes), replace the look-alikes by the Latin letters they imitate."""
    i, n = 0, len(chars)
    while i < n:
        if not chars[i].isalpha():
            i += 1
            continue
        j = i
        while j < n and chars[j].isalpha():
            j += 1
        word = chars[i:j]
        foreign = [k for k, c in enumerate(word) if not _is_latin(c)]
        if foreign and (len(foreign) < len(word) or all(word[k] in lookalikes for k in foreign)):
            for k in foreign:
                chars[i + k] = lookalikes.get(word[k], word[k])
        i = j


def normalise(text: str, lookalikes: Mapping[str, str]) -> Normalised:
    """NFKC per character cluster, invisible characters dropped, look-alike letters made Latin,
    spaced-out letters joined. `lookalikes` maps a non-Latin letter to the Latin one it imitates."""
    if text.isascii():   # nothing invisible, nothing to compose, no other alphabet
        chars, origin = list(text), list(range(len(text)))
    else:
        chars, origin = _plain(text, lookalikes)
    out = "".join(chars)
    spelled: list[tuple[int, int]] = []
    if _SPACED.search(out):
        out, origin, spelled = _join_spelled(out, origin)
    origin.append(len(text))
    return Normalised(out, tuple(origin), tuple(spelled))


_NON_ASCII = re.compile(r"[^\x00-\x7f]+")


def _plain(text: str, lookalikes: Mapping[str, str]) -> tuple[list[str], list[int]]:
    """Runs of ASCII are copied as they are; each run of other characters (with the ASCII
    letter before it, which its combining marks may belong to) goes cluster by cluster."""
    chars: list[str] = []
    origin: list[int] = []
    cursor = 0
    for m in _NON_ASCII.finditer(text):
        start = m.start()
        if start > cursor and unicodedata.combining(text[start]):
            start -= 1
        chars.extend(text[cursor:start])
        origin.extend(range(cursor, start))
        for at, cluster in _clusters(text[start:m.end()]):
            kept = "".join(c for c in cluster if not _invisible(c))
            if not kept:
                continue
            plain = unicodedata.normalize("NFKC", kept) if not kept.isascii() else kept
            for c in plain:
                chars.append(c)
                origin.append(start + at)
        cursor = m.end()
    chars.extend(text[cursor:])
    origin.extend(range(cursor, len(text)))
    if any(c.isalpha() and not _is_latin(c) for c in chars if not c.isascii()):
        _unconfuse(chars, lookalikes)
    return chars, origin


def _join_spelled(out: str, origin: list[int]) -> tuple[str, list[int], list[tuple[int, int]]]:
    """"G U R P R E E T" -> "GURPREET"; the spans of the joined words."""
    chars: list[str] = []
    joined_origin: list[int] = []
    spelled: list[tuple[int, int]] = []
    cursor = 0
    for m in _SPACED.finditer(out):
        chars.extend(out[cursor:m.start()])
        joined_origin.extend(origin[cursor:m.start()])
        letters = [k for k in range(m.start(), m.end()) if out[k] not in " .-"]
        spelled.append((len(chars), len(chars) + len(letters)))
        chars.extend(out[k] for k in letters)
        joined_origin.extend(origin[k] for k in letters)
        cursor = m.end()
    chars.extend(out[cursor:])
    joined_origin.extend(origin[cursor:])
    return "".join(chars), joined_origin, spelled
