"""Theme coding: the themes T01-T18 read from what a reporter wrote (the redacted narrative and
what would help), kept apart from the themes the reporter chose. Pure.

The coder is transparent: a curated lexicon of phrase patterns per theme (`lexicon.yaml`, which
a non-programmer can read and review), and negation handling in the manner of NegEx: a match is
dropped when a negation cue stands shortly before it in the same clause ("nobody ignored me").
Any object with a `code(texts) -> frozenset[str]` method can replace it (a trained model, say).
The text is used for coding and then dropped: only the codes reach the counts.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Iterable, Protocol

import yaml

LEXICON = Path(__file__).with_name("lexicon.yaml")
TEXT_FIELDS = ("what_happened", "what_would_help")
_WORD = re.compile(r"[a-z']+")


class Coder(Protocol):
    def code(self, texts: Iterable[str | None]) -> frozenset[str]:
        """The theme codes the texts show, none when there is no text."""


class LexiconError(ValueError):
    pass


@dataclass(frozen=True)
class _Negation:
    cues: frozenset[str]
    phrases: tuple[str, ...]       # cues of several words
    pseudo: tuple[str, ...]        # look like negation but are not ("not only")
    window: int
    breaks: re.Pattern

    def negates(self, before: str) -> bool:
        """Whether the text just before a match, in its clause, negates it."""
        clause = self.breaks.split(before)[-1]
        for p in self.pseudo:
            clause = clause.replace(p, " ")
        words = _WORD.findall(clause)[-self.window:]
        tail = " ".join(words)
        return any(w in self.cues or w.endswith("n't") for w in words) or \
            any(f" {p} " in f" {tail} " for p in self.phrases)


@dataclass(frozen=True)
class LexiconCoder:
    version: int
    patterns: dict[str, tuple[re.Pattern, ...]]
    negation: _Negation

    def __post_init__(self):
        # one pass per theme finds the themes worth looking at closely (most texts match few)
        object.__setattr__(self, "_any", {t: re.compile("|".join(p.pattern for p in ps))
                                          for t, ps in self.patterns.items()})

    @classmethod
    def from_dict(cls, raw: dict) -> "LexiconCoder":
        neg = raw["negation"]
        words = [*neg["cues"], *neg.get("pseudo", ()), *(p for ps in raw["themes"].values() for p in ps or ())]
        if not all(isinstance(w, str) for w in words):
            raise LexiconError("cues and patterns must be quoted strings (YAML reads a bare no as false)")
        cues = [c.lower() for c in neg["cues"]]
        try:
            patterns = {theme: tuple(re.compile(rf"\b(?:{p})\b") for p in phrases)
                        for theme, phrases in raw["themes"].items()}
        except re.error as exc:
            raise LexiconError(f"a theme pattern is not a valid regular expression: {exc}") from exc
        if not patterns or not all(patterns.values()):
            raise LexiconError("every theme needs at least one pattern")
        return cls(int(raw["version"]), patterns, _Negation(
            cues=frozenset(c for c in cues if " " not in c),
            phrases=tuple(c for c in cues if " " in c),
            pseudo=tuple(p.lower() for p in neg.get("pseudo", ())),
            window=int(neg["window"]),
            breaks=re.compile("|".join(re.escape(b) for b in neg["clause_breaks"])),
        ))

    def code(self, texts: Iterable[str | None]) -> frozenset[str]:
        found = set()
        for text in texts:
            if text:
                found |= self._code(normalise(text))
        return frozenset(found)

    def _code(self, text: str) -> set[str]:
        return {theme for theme, pats in self.patterns.items() if self._any[theme].search(text)
                and any(not self.negation.negates(text[: m.start()]) for p in pats for m in p.finditer(text))}


def normalise(text: str) -> str:
    text = text.lower().replace("\u2019", "'").replace("\u2018", "'").replace("\u201c", '"').replace("\u201d", '"')
    return " ".join(text.split())


@cache
def lexicon_coder(path: Path = LEXICON) -> LexiconCoder:
    with open(path, encoding="utf-8") as fh:
        return LexiconCoder.from_dict(yaml.safe_load(fh))


def texts_of(answers: dict) -> list[str | None]:
    return [answers.get(f) for f in TEXT_FIELDS]
