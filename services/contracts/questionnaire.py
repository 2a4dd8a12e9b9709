"""The questionnaire as data: loaded once from questionnaire.yaml, immutable afterwards."""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

import yaml

DEFINITION = Path(__file__).with_name("questionnaire.yaml")
KINDS = ("one", "many", "text")


@dataclass(frozen=True)
class Question:
    code: str
    kind: str
    required: bool
    question: str
    hint: str = ""
    options: dict[str, str] = field(default_factory=dict)
    exclusive: tuple[str, ...] = ()
    max_length: int = 0
    shown_with: dict[str, str] = field(default_factory=dict)
    rollups: dict[str, tuple[str, ...]] = field(default_factory=dict)
    protected: tuple[str, ...] = ()

    @property
    def codes(self) -> tuple[str, ...]:
        return tuple(self.options)

    @property
    def is_text(self) -> bool:
        return self.kind == "text"


@dataclass(frozen=True)
class Questionnaire:
    version: int
    questions: tuple[Question, ...]

    def __getitem__(self, code: str) -> Question:
        for q in self.questions:
            if q.code == code:
                return q
        raise KeyError(code)

    @property
    def text_fields(self) -> tuple[str, ...]:
        return tuple(q.code for q in self.questions if q.is_text)

    @property
    def field_codes(self) -> tuple[str, ...]:
        return tuple(q.code for q in self.questions)


def parse(raw: dict) -> Questionnaire:
    questions = []
    for item in raw["questions"]:
        q = Question(
            code=item["code"],
            kind=item["kind"],
            required=bool(item["required"]),
            question=item["question"],
            hint=item.get("hint", ""),
            options={str(k): v for k, v in (item.get("options") or {}).items()},
            exclusive=tuple(item.get("exclusive", ())),
            max_length=int(item.get("max_length", 0)),
            shown_with=dict(item.get("shown_with") or {}),
            rollups={k: tuple(v) for k, v in (item.get("rollups") or {}).items()},
            protected=tuple(item.get("protected", ())),
        )
        _check(q)
        questions.append(q)
    return Questionnaire(version=int(raw["version"]), questions=tuple(questions))


def _check(q: Question) -> None:
    if q.kind not in KINDS:
        raise ValueError(f"question {q.code}: kind must be one of {KINDS}")
    if q.is_text and q.max_length <= 0:
        raise ValueError(f"question {q.code}: a text question needs max_length")
    if not q.is_text and not q.options:
        raise ValueError(f"question {q.code}: a choice question needs options")
    unknown = set(q.exclusive) | {c for codes in q.rollups.values() for c in codes} | set(q.protected)
    if unknown - set(q.options):
        raise ValueError(f"question {q.code}: unknown codes {sorted(unknown - set(q.options))}")


@cache
def load(path: Path = DEFINITION) -> Questionnaire:
    with open(path, encoding="utf-8") as fh:
        return parse(yaml.safe_load(fh))
