"""The questionnaire as data: loaded once from questionnaire.yaml, immutable afterwards. The
organisation question's options come from the deployment (`deployment.py`), and a question's
words may change with one answer (`wording_follows`: a witness reads "their", not "my"); codes
never change with either."""
from __future__ import annotations

from dataclasses import dataclass, field, replace
from functools import cache
from pathlib import Path

import yaml

from . import deployment

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
    option_hints: dict[str, str] = field(default_factory=dict)
    # Other words for the question, its hint and some option labels, by the answer that
    # `Questionnaire.wording_follows` gave: {"witnessed": {"question": …, "options": {…}}}.
    worded_for: dict[str, dict] = field(default_factory=dict)
    asks_for: str = ""    # as it reads after "Select" or "Enter" (the intake's error messages)
    heading: str = ""     # how the report names its answers (the reporter)
    coded: bool = False   # free text the theme coder reads (the aggregator)

    def worded(self, answer) -> "Question":
        """This question in the words that fit `answer` (the same codes)."""
        words = self.worded_for.get(answer) if isinstance(answer, str) else None
        if not words:
            return self
        return replace(self, question=words.get("question", self.question), hint=words.get("hint", self.hint),
                       options={**self.options, **words.get("options", {})},
                       option_hints={**self.option_hints, **words.get("option_hints", {})})

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
    wording_follows: str = ""
    # The report's names for dimensions that are not one question's own, and for groups of codes.
    headings: dict[str, str] = field(default_factory=dict)
    groups: dict[str, str] = field(default_factory=dict)

    def worded(self, code: str, answers: dict) -> Question:
        """Question `code` in the words that fit this person's answer to `wording_follows`."""
        return self[code].worded(answers.get(self.wording_follows) if self.wording_follows else None)

    def __getitem__(self, code: str) -> Question:
        for q in self.questions:
            if q.code == code:
                return q
        raise KeyError(code)

    @property
    def text_fields(self) -> tuple[str, ...]:
        return tuple(q.code for q in self.questions if q.is_text)

    @property
    def coded_fields(self) -> tuple[str, ...]:
        return tuple(q.code for q in self.questions if q.coded)

    @property
    def field_codes(self) -> tuple[str, ...]:
        return tuple(q.code for q in self.questions)


def parse(raw: dict, organisations: dict[str, str] | None = None) -> Questionnaire:
    """The questionnaire from its YAML; a question marked `options_from_deployment` gets the
    deployment's `organisations` before its own options."""
    questions = []
    for item in raw["questions"]:
        options = {str(k): v for k, v in (item.get("options") or {}).items()}
        if item.get("options_from_deployment"):
            clash = set(organisations or {}) & set(options)
            if clash:
                raise ValueError(f"question {item['code']}: the deployment repeats codes {sorted(clash)}")
            options = {**(organisations or {}), **options}
        q = Question(
            code=item["code"],
            kind=item["kind"],
            required=bool(item["required"]),
            question=item["question"],
            hint=item.get("hint", ""),
            options=options,
            exclusive=tuple(item.get("exclusive", ())),
            max_length=int(item.get("max_length", 0)),
            shown_with=dict(item.get("shown_with") or {}),
            rollups={k: tuple(v) for k, v in (item.get("rollups") or {}).items()},
            protected=tuple(item.get("protected", ())),
            option_hints={str(k): v for k, v in (item.get("option_hints") or {}).items()},
            worded_for={str(k): dict(v) for k, v in (item.get("worded_for") or {}).items()},
            asks_for=item.get("asks_for", ""),
            heading=item.get("heading", ""),
            coded=bool(item.get("coded", False)),
        )
        _check(q)
        questions.append(q)
    report = raw.get("report") or {}
    questionnaire = Questionnaire(version=int(raw["version"]), questions=tuple(questions),
                                  wording_follows=raw.get("wording_follows", ""),
                                  headings=dict(report.get("headings") or {}), groups=dict(report.get("groups") or {}))
    if questionnaire.wording_follows:
        follows = questionnaire[questionnaire.wording_follows]
        for q in questions:
            if set(q.worded_for) - set(follows.codes):
                raise ValueError(f"question {q.code}: worded_for answers {sorted(set(q.worded_for) - set(follows.codes))} "
                                 f"are not codes of {follows.code}")
    return questionnaire


def _check(q: Question) -> None:
    if q.kind not in KINDS:
        raise ValueError(f"question {q.code}: kind must be one of {KINDS}")
    if q.coded and not q.is_text:
        raise ValueError(f"question {q.code}: only a text question can be coded")
    if q.is_text and q.max_length <= 0:
        raise ValueError(f"question {q.code}: a text question needs max_length")
    if not q.is_text and not q.options:
        raise ValueError(f"question {q.code}: a choice question needs options")
    unknown = (set(q.exclusive) | {c for codes in q.rollups.values() for c in codes} | set(q.protected)
               | set(q.option_hints) | {c for w in q.worded_for.values() for c in (w.get("options") or {})}
               | {c for w in q.worded_for.values() for c in (w.get("option_hints") or {})})
    if unknown - set(q.options):
        raise ValueError(f"question {q.code}: unknown codes {sorted(unknown - set(q.options))}")


@cache
def load(path: Path = DEFINITION, deployment_path: Path | None = None) -> Questionnaire:
    """The questionnaire, with the organisations of the deployment PORTAL_DEPLOYMENT names."""
    with open(path, encoding="utf-8") as fh:
        return parse(yaml.safe_load(fh), deployment.load(deployment_path).organisations)
