"""Characters no answer may hold, refused at the intake before anything is sealed or sent.

Pure. A report is text a person typed: it never needs an unpaired UTF-16 surrogate (valid in a
JSON escape, not text, and it breaks every encoder downstream), a control character other than
tab and newline, a character that could not be decoded (U+FFFD: what a browser sends for an
unpaired surrogate, and what invalid UTF-8 in a form becomes), a Unicode noncharacter, a
bidirectional embedding, override or isolate (they make text read differently from how it is
stored, "Trojan Source"), or a pile of combining marks on one letter. Every script people write
in stays allowed, with its accents: the limit on marks is Unicode's Stream-Safe Text Format (UAX
#15), 30 in a row, far above any real language."""
from __future__ import annotations

import re
import unicodedata
from typing import Iterable

MAX_MARKS_IN_A_ROW = 30
BIDI_CONTROLS = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
ALLOWED_CONTROLS = frozenset("\t\n\r")

# Kinds of problem, each with the sentence an API client reads (after the field's name).
SURROGATE, CONTROL, UNREADABLE, NONCHARACTER, BIDI, MARKS = (
    "surrogate", "control", "unreadable", "noncharacter", "bidi", "marks")
EXPLAINED = {
    SURROGATE: "Contains an unpaired UTF-16 surrogate ({code}), which is not text",
    CONTROL: "Contains a control character ({code}); only tab and newline are allowed",
    UNREADABLE: "Contains a character that could not be read ({code})",
    NONCHARACTER: "Contains a Unicode noncharacter ({code})",
    BIDI: "Contains a bidirectional override or isolate ({code})",
    MARKS: f"Contains more than {MAX_MARKS_IN_A_ROW} accents or other combining marks on one character",
}


# The same single characters as a JSON Schema character class, for the OpenAPI document, but for
# unpaired surrogates: a JSON text decoded as Unicode scalar values (as most validators read it)
# cannot hold one, and a class naming them does not compile in such validators' regex engines.
REFUSED_CLASS = ("[\\u0000-\\u0008\\u000b\\u000c\\u000e-\\u001f\\u007f-\\u009f\\u202a-\\u202e"
                 "\\u2066-\\u2069\\ufdd0-\\ufdef\\ufffd-\\uffff]")


def _kind(ch: str) -> str | None:
    cp = ord(ch)
    if 0xD800 <= cp <= 0xDFFF:
        return SURROGATE
    if (cp < 0x20 or 0x7F <= cp <= 0x9F) and ch not in ALLOWED_CONTROLS:
        return CONTROL
    if cp == 0xFFFD:
        return UNREADABLE
    if 0xFDD0 <= cp <= 0xFDEF or cp in (0xFFFE, 0xFFFF):
        return NONCHARACTER
    if ch in BIDI_CONTROLS:
        return BIDI
    return None


# In ASCII text the only possible problem is a control character (no ASCII character is a mark).
_ASCII_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def problem(text: str) -> str | None:
    """The first problem with `text`, as a sentence, or None when it is fine."""
    if text.isascii():   # most answers: one scan in C instead of a loop over the characters
        found = _ASCII_CONTROL.search(text)
        return EXPLAINED[CONTROL].format(code=f"U+{ord(found[0]):04X}") if found else None
    marks = 0
    for ch in text:
        kind = _kind(ch)
        if kind:
            return EXPLAINED[kind].format(code=f"U+{ord(ch):04X}")
        marks = marks + 1 if unicodedata.category(ch).startswith("M") else 0
        if marks > MAX_MARKS_IN_A_ROW:
            return EXPLAINED[MARKS]
    return None


def cleaned(text: str) -> str:
    """`text` without the characters `problem` refuses (marks beyond the limit dropped), so
    that a form can show a person what remains of what they wrote."""
    out, marks = [], 0
    for ch in text:
        if _kind(ch):
            continue
        marks = marks + 1 if unicodedata.category(ch).startswith("M") else 0
        if marks <= MAX_MARKS_IN_A_ROW:
            out.append(ch)
    return "".join(out)


def _texts(value) -> Iterable[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, list):
        yield from (v for v in value if isinstance(v, str))


def problems(answers: dict) -> dict[str, list[str]]:
    """{field: [sentence]} for every answer (a text, or a code among a list) holding a
    character no report may hold. A field's name is checked too: an unknown field is refused
    anyway, but its name must be safe to quote back."""
    found: dict[str, list[str]] = {}
    for name, value in answers.items():
        for text in (str(name), *_texts(value)):
            sentence = problem(text)
            if sentence:
                found[_safe(str(name))] = [sentence]
                break
    return found


def _safe(name: str) -> str:
    return name if problem(name) is None else cleaned(name) or "_field"
