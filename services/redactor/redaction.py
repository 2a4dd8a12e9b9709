"""The redactor's pure core: replace personal-information spans with typed placeholders."""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Callable, Iterable

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


@dataclass(frozen=True, order=True)
class Span:
    start: int
    end: int
    type: str


Analyser = Callable[[str], Iterable[Span]]


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


NAMED = frozenset({"PERSON", "ORG", "LOCATION"})
_WORD = re.compile(r"[A-Z][a-z'\u2019-]+")
# Capitalised words that start sentences or follow names but are not names themselves.
_NOT_NAMES = frozenset("""I A An The My Our Your His Her Their He She They We It This That Then
When Who What Why How And But Or So If Dr Mr Mrs Ms Miss Sister Nurse Matron Said Told Asked
Call Ring Ask Email Phone Text Please Yesterday Today Tonight Later After Before Once Since
Everyone Nobody Someone Also Even Just Still""".split())


def _adjacent_name(text: str, at: int, forward: bool) -> re.Match | None:
    if forward:
        m = re.compile(r"[ \t]+([A-Z][a-z'\u2019-]+)\b").match(text, at)
        return m if m and m.group(1) not in _NOT_NAMES else None
    m = re.search(r"\b([A-Z][a-z'\u2019-]+)[ \t]+$", text[max(0, at - 40):at])
    return m if m and m.group(1) not in _NOT_NAMES else None


def expand_names(text: str, spans: list[Span]) -> list[Span]:
    """Names are often half-found (or mistyped as organisations or places by the model): extend
    such a span over adjacent capitalised words, then find every other mention of each of its
    words in the same text."""
    out = []
    for s in spans:
        if s.type in NAMED:
            start, end = s.start, s.end
            while (m := _adjacent_name(text, end, True)):
                end = m.end()
            while (m := _adjacent_name(text, start, False)):
                start = start - (len(text[max(0, start - 40):start]) - m.start())
            s = Span(start, end, s.type)
        out.append(s)
    words = {(w, s.type) for s in out if s.type in NAMED for w in _WORD.findall(text[s.start:s.end])
             if w not in _NOT_NAMES and len(w) > 2}
    for w, kind in words:
        out.extend(Span(m.start(), m.end(), kind) for m in re.finditer(rf"\b{re.escape(w)}\b", text))
    return merge(out)


def redact(text: str, analyse: Analyser) -> tuple[str, list[Span]]:
    spans = expand_names(text, merge(analyse(text)))
    return apply(text, spans), spans


def redact_answers(answers: dict, text_fields: Iterable[str], analyse: Analyser) -> dict:
    """A copy of the answers with every free-text field redacted."""
    out = dict(answers)
    for code in text_fields:
        if code in out:
            out[code] = redact(out[code], analyse)[0]
    return out
