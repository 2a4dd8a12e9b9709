"""A light check, in memory, for things in a person's own words that could identify someone,
so "Check your answers" can suggest taking them out. It is a nudge, not redaction: the
redactor removes personal information downstream whatever this finds. Nothing it sees is kept.
"""
from __future__ import annotations

import re

from .i18n import N_

_TITLE = r"(?:Dr|Mr|Mrs|Ms|Miss|Mx|Prof|Professor|Sister|Nurse|Matron|Sir|Dame)\.?"
_CAPITALISED = r"[A-Z][a-z'\u2019-]+"
# Capitalised words that are not names when they stand next to another capitalised word.
_NOT_NAMES = frozenset("""I A An The My Our Your His Her Their He She They We It This That These
Then When Where Who What Why How And But Or So If On In At To For Of By After Before Since Once
Yesterday Today Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March
April May June July August September October November December NHS English British
Muslim Christian Jewish Hindu Sikh Black White Asian Indian African Caribbean Polish""".split())

# (what it may be, pattern), in the order they are listed to the person.
PATTERNS: tuple[tuple[str, re.Pattern], ...] = (
    (N_("a name"), re.compile(rf"\b{_TITLE}\s+{_CAPITALISED}|\b(?:named|called)\s+{_CAPITALISED}")),
    (N_("a phone number"), re.compile(r"(?<!\d)(?:\+44\s?|0)(?:\d[\s-]?){9,10}(?!\d)")),
    (N_("an email address"), re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")),
    (N_("a postcode"), re.compile(r"\b[A-Z]{1,2}\d[A-Z\d]?\s*\d[A-Z]{2}\b", re.IGNORECASE)),
    (N_("an NHS number"), re.compile(r"(?<!\d)\d{3}[\s-]?\d{3}[\s-]?\d{4}(?!\d)")),
    (N_("a web address"), re.compile(r"\b(?:https?://|www\.)\S+", re.IGNORECASE)),
    (N_("a social media handle"), re.compile(r"(?<![\w.])@[A-Za-z0-9_]{2,}")),
)
_PAIR = re.compile(rf"\b(?=({_CAPITALISED})\s+({_CAPITALISED})\b)")  # overlapping pairs


def _has_full_name(text: str) -> bool:
    return any(a not in _NOT_NAMES and b not in _NOT_NAMES for a, b in _PAIR.findall(text))


def identifiers(text: str) -> list[str]:
    """What `text` seems to contain that could identify someone, e.g. ["a name",
    "a phone number"]; empty when nothing is found."""
    found = [kind for kind, pattern in PATTERNS if pattern.search(text)]
    if "a name" not in found and _has_full_name(text):
        found.insert(0, "a name")
    # A mobile number also matches the NHS number's shape: say only what it most likely is.
    if "a phone number" in found and "an NHS number" in found and not _nhs_number_only(text):
        found.remove("an NHS number")
    return found


def _nhs_number_only(text: str) -> bool:
    phone = PATTERNS[1][1]
    return any(not phone.fullmatch(m.group()) for m in PATTERNS[4][1].finditer(text))


def sentence(kinds: list[str]) -> str:
    """'a name and a phone number' — for "This seems to include …"."""
    return kinds[0] if len(kinds) == 1 else ", ".join(kinds[:-1]) + " and " + kinds[-1]
