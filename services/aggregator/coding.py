"""Theme coding: the themes T01-T18 read from what a reporter wrote (the redacted narrative and
what would help), kept apart from the themes the reporter chose. Pure.

Two coders, one protocol (`code(texts) -> frozenset[str]`):

* `LexiconCoder`: a curated lexicon of phrase patterns per theme (`lexicon.yaml`, which a
  non-programmer can read and review), with negation handling in the manner of NegEx: a match is
  dropped when a negation cue stands shortly before it in the same clause ("nobody ignored me").
* `ClassifierCoder`, the one the aggregator runs (`default_coder()`): one logistic regression per
  theme over a sentence embedding of the text (all-MiniLM-L6-v2, run with numpy by `minilm.py`
  from files fetched at build time) and word and character n-grams in which the words after a
  negation cue are marked as negated, with a threshold per theme, and a denial head: one more
  logistic regression over the same features, fitted to tell the texts whose theme words are
  denied and where nothing happened ("nobody ignored me"), which codes no theme when it is sure
  enough. Its weights (about a MB) are
  fitted at build time (`make model`) from the labelled narratives in `themes/` by
  `python -m services.aggregator.train_coder`. The same
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
# on `test`. Character n-grams (3-5 letters within words) read misspelt and run-together words the
# word n-grams miss; each theme's threshold is the one that gives the best F1 on out-of-fold
# predictions over the training data (never the test split), from `threshold_grid`. Thresholds below
# 0.5 gained F1 on `dev` but coded more false themes on negated texts until the denial head (round
# 4) took those away: with it, 0.40-0.60 is the best grid on `dev` (docs/themes.md).
# The denial head (round 4) vetoes every theme of a text it gives a probability of at least `veto`
# of being "theme words denied, nothing happened"; 0.6 was chosen on `dev` (docs/themes.md).
SETTINGS = {"C": 16.0, "word_ngrams": [1, 2], "min_df": 2, "char_ngrams": [3, 5], "char_min_df": 3,
            "folds": 5, "threshold_grid": [0.4, 0.45, 0.5, 0.55, 0.6], "veto": 0.6}
VECTORISERS = ("words", "chars")


def weights_dir() -> Path:
    """Where the fitted weights live: beside the embedding model's folder, made at build time
    (`make model` fits them from the labelled data; model files are never committed)."""
    from .minilm import model_dir

    return model_dir().parent / "theme-coder"


def themes_weights() -> Path:
    return weights_dir() / "classifier.npz"


def help_weights() -> Path:
    return weights_dir() / "help_classifier.npz"


def code_each(coder: Coder, reports: list[Iterable[str | None]]) -> list[frozenset[str]]:
    """The codes of several reports, as `coder.code` gives each: a coder that reads a batch faster
    (the classifier embeds up to 32 texts in one pass) gets them in one call, any other one by one."""
    many = getattr(coder, "code_many", None)
    if many is None:
        return [coder.code(texts) for texts in reports]
    texts = [joined(t) for t in reports]
    todo = [i for i, t in enumerate(texts) if t]
    found = dict(zip(todo, many([texts[i] for i in todo]))) if todo else {}
    return [found.get(i, frozenset()) for i in range(len(texts))]


def joined(texts: Iterable[str | None]) -> str:
    return " \n ".join(t for t in texts if t and t.strip())


def words_vectoriser(negation: "_Negation", vocabulary: dict | None = None, kind: str = "words"):
    """Counts (tf-idf) over the text with negated words marked: word and word-pair counts
    (`words`), or 3-5 letter pieces within words (`chars`)."""
    from sklearn.feature_extraction.text import TfidfVectorizer

    def marked(t: str) -> str:
        return negation.mark(normalise(t))

    if kind == "chars":
        return TfidfVectorizer(preprocessor=marked, analyzer="char_wb", ngram_range=tuple(SETTINGS["char_ngrams"]),
                               sublinear_tf=True, min_df=SETTINGS["char_min_df"], vocabulary=vocabulary)
    return TfidfVectorizer(preprocessor=marked, token_pattern=r"[a-z_']+",
                           ngram_range=tuple(SETTINGS["word_ngrams"]), sublinear_tf=True,
                           min_df=SETTINGS["min_df"], vocabulary=vocabulary)


def features(embedder, vectorisers, texts: list[str], embedded=None):
    """The classifier's inputs: the sentence embedding beside each vectoriser's counts."""
    from scipy.sparse import csr_matrix, hstack

    emb = embedder.embed(texts) if embedded is None else embedded
    return hstack([csr_matrix(emb), *(v.transform(texts) for v in vectorisers)]).tocsr()


@dataclass(frozen=True)
class ClassifierCoder:
    """One logistic regression per code over a sentence embedding of the text (all-MiniLM-L6-v2)
    and negation-aware word and character n-grams; a code is given when its probability reaches
    its threshold. With `at_least_one`, a text that reaches no threshold gets its most likely code
    (the intervention coder: any answer asks for something, if only "not sure"). With a denial head
    (`veto_coef`), a text it finds denied ("nobody ignored me", probability >= `veto_threshold`)
    gets no code at all."""
    version: str
    codes: tuple[str, ...]
    embedder: object                 # minilm.MiniLM
    vectorisers: tuple               # fitted TfidfVectorizers, in VECTORISERS order
    coef: object                     # numpy array, codes x features
    intercept: object
    thresholds: tuple[float, ...]    # one per code
    meta: dict = field(default_factory=dict)
    at_least_one: bool = False
    veto_coef: object = None         # the denial head: numpy array, features; None for no head
    veto_intercept: float = 0.0
    veto_threshold: float = 1.0

    def describe(self) -> str:
        return (f"logistic regression per theme (scikit-learn) over {self.meta.get('embedding', 'sentence')} "
                f"embeddings (PyPI {self.meta.get('embedding_package', '?')}) and negation-aware word and "
                f"character n-grams, a threshold per theme"
                f"{' and a denial head' if self.veto_coef is not None else ''}, fitted on {self.meta.get('items', '?')} labelled "
                f"synthetic narratives")

    def probabilities(self, texts: list[str]):
        return self._probabilities(features(self.embedder, self.vectorisers, texts))[0]

    def _probabilities(self, x):
        """Each code's probability, and the denial head's (zero without a head), per text."""
        import numpy as np

        p = 1.0 / (1.0 + np.exp(-(x @ self.coef.T + self.intercept)))
        if self.veto_coef is None:
            return p, np.zeros(x.shape[0])
        return p, 1.0 / (1.0 + np.exp(-(x @ self.veto_coef + self.veto_intercept)))

    def code(self, texts: Iterable[str | None]) -> frozenset[str]:
        text = joined(texts)
        return self.code_many([text])[0] if text else frozenset()

    def code_many(self, texts: list[str]) -> list[frozenset[str]]:
        out = []
        probabilities, denied = self._probabilities(features(self.embedder, self.vectorisers, texts))
        for row, d in zip(probabilities, denied):
            found = frozenset(c for c, p, t in zip(self.codes, row, self.thresholds) if p >= t)
            if d >= self.veto_threshold:
                found = frozenset()
            if not found and self.at_least_one:
                found = frozenset({self.codes[int(row.argmax())]})
            out.append(found)
        return out

    def save(self, path: Path) -> None:
        import json

        import numpy as np

        arrays = {}
        for kind, v in zip(VECTORISERS, self.vectorisers):
            arrays[f"{kind}_vocabulary"] = np.array(sorted(v.vocabulary_, key=v.vocabulary_.get))
            arrays[f"{kind}_idf"] = v.idf_.astype(np.float32)
        if self.veto_coef is not None:
            arrays["veto"] = np.concatenate([[self.veto_intercept, self.veto_threshold], self.veto_coef]).astype(np.float64)
        np.savez_compressed(path, codes=np.array(self.codes), coef=self.coef.astype(np.float32),
                            intercept=self.intercept.astype(np.float32),
                            thresholds=np.array(self.thresholds, dtype=np.float64), **arrays,
                            meta=np.array(json.dumps({**self.meta, "version": self.version}, sort_keys=True)))

    @classmethod
    def load(cls, path: Path, embedder, negation: "_Negation", at_least_one: bool = False) -> "ClassifierCoder":
        import json

        import numpy as np

        if not path.exists():
            raise FileNotFoundError(f"{path} is missing: run `make model`")
        with np.load(path, allow_pickle=False) as z:
            if "thresholds" not in z.files:
                raise FileNotFoundError(f"{path} was fitted by an older coder: run `make model`")
            meta = json.loads(str(z["meta"]))
            vectorisers = []
            for kind in VECTORISERS:
                v = words_vectoriser(negation, {w: i for i, w in enumerate(z[f"{kind}_vocabulary"].tolist())}, kind)
                v.idf_ = z[f"{kind}_idf"].astype(np.float64)
                vectorisers.append(v)
            veto = z["veto"] if "veto" in z.files else None
            return cls(meta["version"], tuple(z["codes"].tolist()), embedder, tuple(vectorisers),
                       z["coef"].astype(np.float64), z["intercept"].astype(np.float64),
                       tuple(float(t) for t in z["thresholds"]), meta, at_least_one,
                       *(() if veto is None else (veto[2:], float(veto[0]), float(veto[1]))))


def data_digest(texts: list[str], labels: list[frozenset[str]], codes: tuple[str, ...],
                denied: list[bool] | None = None) -> str:
    """What a fitted classifier was fitted from (its data, denial labels and settings), to tell a
    stale one."""
    data = (SETTINGS, texts, [sorted(lab) for lab in labels], codes)
    if denied is not None:
        data += ([bool(d) for d in denied],)
    return hashlib.sha256(repr(data).encode()).hexdigest()


def _fit_linear(x, y_all, codes: tuple[str, ...]):
    import numpy as np
    from sklearn.linear_model import LogisticRegression

    coef, intercept = [], []
    for j, _ in enumerate(codes):
        m = LogisticRegression(C=SETTINGS["C"], class_weight="balanced", solver="liblinear", max_iter=3000,
                               random_state=0).fit(x, y_all[:, j])
        coef.append(m.coef_[0])
        intercept.append(m.intercept_[0])
    return np.array(coef), np.array(intercept)


def _fit_vectorisers(negation: "_Negation", texts: list[str]) -> tuple:
    return tuple(words_vectoriser(negation, kind=k).fit(texts) for k in VECTORISERS)


def best_threshold(p, y) -> float:
    """The threshold from the grid with the best F1 of these predictions (ties: nearest 0.5)."""
    def f1(t):
        got = p >= t
        tp = int((got & (y == 1)).sum())
        return 2 * tp / max(1, int(got.sum()) + int(y.sum()))
    return max(SETTINGS["threshold_grid"], key=lambda t: (f1(t), -abs(t - 0.5)))


def tuned_thresholds(embedded, texts: list[str], y_all, codes: tuple[str, ...], negation: "_Negation") -> tuple:
    """Each code's threshold, chosen on out-of-fold predictions (k folds over the training data)."""
    import numpy as np
    from sklearn.model_selection import KFold

    p = np.zeros(y_all.shape)
    for train, held in KFold(SETTINGS["folds"], shuffle=True, random_state=0).split(texts):
        vectorisers = _fit_vectorisers(negation, [texts[i] for i in train])
        coef, intercept = _fit_linear(features(None, vectorisers, [texts[i] for i in train], embedded[train]),
                                      y_all[train], codes)
        x = features(None, vectorisers, [texts[i] for i in held], embedded[held])
        p[held] = 1.0 / (1.0 + np.exp(-(x @ coef.T + intercept)))
    return tuple(best_threshold(p[:, j], y_all[:, j]) for j in range(len(codes)))


def fit(texts: list[str], labels: list[frozenset[str]], codes: tuple[str, ...], embedder, negation: "_Negation",
        meta: dict, at_least_one: bool = False, tune: bool = True, denied: list[bool] | None = None) -> ClassifierCoder:
    """Fit one logistic regression per code, and (with `tune`) each code's threshold; 0.5 for every
    code otherwise. With `denied` (per text: its theme words are denied and nothing happened), also
    the denial head, with the threshold SETTINGS["veto"]. Deterministic for the same texts, labels
    and model."""
    import numpy as np

    embedded = embedder.embed(texts)
    y_all = np.array([[c in lab for c in codes] for lab in labels], dtype=int)
    thresholds = tuned_thresholds(embedded, texts, y_all, codes, negation) if tune else (0.5,) * len(codes)
    vectorisers = _fit_vectorisers(negation, texts)
    x = features(embedder, vectorisers, texts, embedded)
    coef, intercept = _fit_linear(x, y_all, codes)
    digest = data_digest(texts, labels, codes, denied)
    head = ()
    if denied is not None:
        veto_coef, veto_intercept = _fit_linear(x, np.array(denied, dtype=int)[:, None], ("denied",))
        head = (veto_coef[0], float(veto_intercept[0]), float(SETTINGS["veto"]))
    return ClassifierCoder(f"minilm-logreg-{digest[:10]}", codes, embedder, vectorisers, coef, intercept,
                           thresholds, {**meta, "items": len(texts), "data_sha256": digest}, at_least_one, *head)


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
