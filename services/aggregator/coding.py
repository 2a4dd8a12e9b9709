"""Theme coding: the themes T01-T18 read from what a reporter wrote (the redacted narrative and
what would help), kept apart from the themes the reporter chose. Pure.

Two coders, one protocol (`code(texts) -> frozenset[str]`):

* `LexiconCoder`: a curated lexicon of phrase patterns per theme (`lexicon.yaml`, which a
  non-programmer can read and review), with negation handling in the manner of NegEx: a match is
  dropped when a negation cue stands shortly before it in the same clause ("nobody ignored me").
* `ClassifierCoder`, the one the aggregator runs (`default_coder()`): one logistic regression per
  theme over a sentence embedding of the text (all-MiniLM-L6-v2, run with numpy by `minilm.py`
  from files fetched at build time) and word n-grams in which the words after a negation cue are
  marked as negated. Its weights (a few hundred kB) are fitted at build time (`make model`) from
  the labelled narratives in `themes/` by `python -m services.aggregator.train_coder`. The same
  classifier codes `what_would_help` into interventions (`help_coder()`).

The text is used for coding and then dropped: only the codes reach the counts.
"""
from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Iterable, Protocol

import yaml

from services.contracts.questionnaire import load as questionnaire

LEXICON = Path(__file__).with_name("lexicon.yaml")
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

    def mark(self, text: str) -> str:
        """The words of `text`, those within `window` words after a negation cue in the same clause
        prefixed with `neg_` ("nobody ignored me" -> "nobody neg_ignored neg_me")."""
        out = []
        for clause in self.breaks.split(text):
            for p in self.pseudo:
                clause = clause.replace(p, " ")
            left = 0
            for w in _WORD.findall(clause):
                if w in self.cues or w.endswith("n't"):
                    out.append(w)
                    left = self.window
                elif left:
                    out.append("neg_" + w)
                    left -= 1
                else:
                    out.append(w)
            out.append("|")
        return " ".join(out)


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


# The classifier's settings, chosen on the `dev` split (see themes/README.md); the shipped model is
# fitted on `train` and `dev` together by `python -m services.aggregator.train_coder` and measured
# on `test`, which was written after these were frozen.
SETTINGS = {"C": 16.0, "threshold": 0.5, "word_ngrams": [1, 2], "min_df": 2}


def weights_dir() -> Path:
    """Where the fitted weights live: beside the embedding model's folder, made at build time
    (`make model` fits them from the labelled data; model files are never committed)."""
    from .minilm import model_dir

    return model_dir().parent / "theme-coder"


def themes_weights() -> Path:
    return weights_dir() / "classifier.npz"


def help_weights() -> Path:
    return weights_dir() / "help_classifier.npz"


def joined(texts: Iterable[str | None]) -> str:
    return " \n ".join(t for t in texts if t and t.strip())


def words_vectoriser(negation: "_Negation", vocabulary: dict | None = None):
    """Word and word-pair counts (tf-idf) over the text with negated words marked."""
    from sklearn.feature_extraction.text import TfidfVectorizer

    return TfidfVectorizer(preprocessor=lambda t: negation.mark(normalise(t)), token_pattern=r"[a-z_']+",
                           ngram_range=tuple(SETTINGS["word_ngrams"]), sublinear_tf=True,
                           min_df=SETTINGS["min_df"], vocabulary=vocabulary)


@dataclass(frozen=True)
class ClassifierCoder:
    """One logistic regression per code over a sentence embedding of the text (all-MiniLM-L6-v2)
    and negation-aware word n-grams; a code is given when its probability reaches the threshold.
    With `at_least_one`, a text that reaches no threshold gets its most likely code (the
    intervention coder: any answer asks for something, if only "not sure")."""
    version: str
    codes: tuple[str, ...]
    embedder: object                 # minilm.MiniLM
    words: object                    # fitted TfidfVectorizer
    coef: object                     # numpy array, codes x features
    intercept: object
    threshold: float
    meta: dict = field(default_factory=dict)
    at_least_one: bool = False

    def describe(self) -> str:
        return (f"logistic regression per theme (scikit-learn) over {self.meta.get('embedding', 'sentence')} "
                f"embeddings (PyPI {self.meta.get('embedding_package', '?')}) and negation-aware word n-grams, "
                f"fitted on {self.meta.get('items', '?')} labelled synthetic narratives")

    def probabilities(self, texts: list[str]):
        import numpy as np
        from scipy.sparse import csr_matrix, hstack

        x = hstack([csr_matrix(self.embedder.embed(texts)), self.words.transform(texts)]).tocsr()
        return 1.0 / (1.0 + np.exp(-(x @ self.coef.T + self.intercept)))

    def code(self, texts: Iterable[str | None]) -> frozenset[str]:
        text = joined(texts)
        return self.code_many([text])[0] if text else frozenset()

    def code_many(self, texts: list[str]) -> list[frozenset[str]]:
        out = []
        for row in self.probabilities(texts):
            found = frozenset(c for c, p in zip(self.codes, row) if p >= self.threshold)
            if not found and self.at_least_one:
                found = frozenset({self.codes[int(row.argmax())]})
            out.append(found)
        return out

    def save(self, path: Path) -> None:
        import json

        import numpy as np

        vocab = sorted(self.words.vocabulary_, key=self.words.vocabulary_.get)
        np.savez_compressed(path, codes=np.array(self.codes), vocabulary=np.array(vocab),
                            idf=self.words.idf_.astype(np.float32), coef=self.coef.astype(np.float32),
                            intercept=self.intercept.astype(np.float32),
                            meta=np.array(json.dumps({**self.meta, "version": self.version,
                                                      "threshold": self.threshold}, sort_keys=True)))

    @classmethod
    def load(cls, path: Path, embedder, negation: "_Negation", at_least_one: bool = False) -> "ClassifierCoder":
        import json

        import numpy as np

        if not path.exists():
            raise FileNotFoundError(f"{path} is missing: run `make model`")
        with np.load(path, allow_pickle=False) as z:
            meta = json.loads(str(z["meta"]))
            words = words_vectoriser(negation, {w: i for i, w in enumerate(z["vocabulary"].tolist())})
            words.idf_ = z["idf"].astype(np.float64)
            return cls(meta["version"], tuple(z["codes"].tolist()), embedder, words, z["coef"].astype(np.float64),
                       z["intercept"].astype(np.float64), float(meta["threshold"]), meta, at_least_one)


def data_digest(texts: list[str], labels: list[frozenset[str]], codes: tuple[str, ...]) -> str:
    """What a fitted classifier was fitted from (its data and settings), to tell a stale one."""
    return hashlib.sha256(repr((SETTINGS, texts, [sorted(lab) for lab in labels], codes)).encode()).hexdigest()


def fit(texts: list[str], labels: list[frozenset[str]], codes: tuple[str, ...], embedder, negation: "_Negation",
        meta: dict, at_least_one: bool = False) -> ClassifierCoder:
    """Fit one logistic regression per code. Deterministic for the same texts, labels and model."""
    import numpy as np
    from scipy.sparse import csr_matrix, hstack
    from sklearn.linear_model import LogisticRegression

    words = words_vectoriser(negation)
    x = hstack([csr_matrix(embedder.embed(texts)), words.fit_transform(texts)]).tocsr()
    coef, intercept = [], []
    for code in codes:
        y = np.array([code in lab for lab in labels], dtype=int)
        m = LogisticRegression(C=SETTINGS["C"], class_weight="balanced", solver="liblinear", max_iter=3000,
                               random_state=0).fit(x, y)
        coef.append(m.coef_[0])
        intercept.append(m.intercept_[0])
    digest = data_digest(texts, labels, codes)
    return ClassifierCoder(f"minilm-logreg-{digest[:10]}", codes, embedder, words, np.array(coef),
                           np.array(intercept), SETTINGS["threshold"],
                           {**meta, "items": len(texts), "data_sha256": digest}, at_least_one)


@cache
def embedder():
    from .minilm import MiniLM

    return MiniLM.load()


@cache
def default_coder() -> ClassifierCoder:
    """The theme coder the aggregator runs: the classifier `make model` fits from the labelled
    data in themes/, over the all-MiniLM-L6-v2 model it fetches."""
    return ClassifierCoder.load(themes_weights(), embedder(), lexicon_coder().negation)


@cache
def help_coder() -> ClassifierCoder:
    """The intervention coder for `what_would_help` (codes in services/contracts/tables.py)."""
    return ClassifierCoder.load(help_weights(), embedder(), lexicon_coder().negation, at_least_one=True)


def texts_of(answers: dict) -> list[str | None]:
    """The free-text answers the coder reads: the questions marked `coded` in questionnaire.yaml."""
    return [answers.get(f) for f in questionnaire().coded_fields]
