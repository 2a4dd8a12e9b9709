"""Builds `name_model.json`, the weights of the learned name pass (name_model.py), from the
labelled corpora in tests/data/redaction. Deterministic: the same corpora give the same file.

    .venv/bin/python -m services.redactor.train_name_model        # (make model)

Training examples are all the candidate words (name_model.candidate, not spared by the rules, not
a verb by its grammar: name_model.verb_by_grammar) of each narrative: positive when the word lies in a
labelled PERSON span, negative when it lies in no labelled span (words inside other identifiers
are left out). A word's features include the stock model's entity label; `--cross-fitted` uses
the fine-tuned recogniser's on the run-time windows instead, each corpus read by a recogniser
fine-tuned without it (rounds 10-11: measured leave one corpus out on round11-14, not clearly
better, as it costs must-keep words on round13; not the default, docs/redactor.md). (The rules, tuned on these corpora, leave only a few dozen of their names, too few
to learn from; trained on every word, the model learns where names stand in general.) The corpora in
HELD_OUT are never trained on: their figures measure the pass on narratives it has not seen.
A logistic regression with an L2 penalty is fitted by L-BFGS (scipy, already a dependency of
spaCy); features seen in fewer than MIN_COUNT training words are dropped. The threshold is the
lowest at which the model's precision on all candidate words, with each training corpus scored
by a model fitted on the others (so as on a new batch), is at least PRECISION; the redactor's
must-keep words and character precision with the pass are then checked with portal-redact-eval. Prints figures only,
never text.
"""
from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter
from types import SimpleNamespace
from pathlib import Path
from typing import Sequence

import numpy as np
from scipy import sparse
from scipy.optimize import minimize

from . import lexicon, name_model, names
from . import train_redactor_ner
from .engine import LANGUAGE, SPACY_MODEL, Engine, TrimmedSpacyNlpEngine
from .evaluate import load_corpus

DATA = Path(__file__).resolve().parents[2] / "tests" / "data" / "redaction"
TRAIN = ["dev", "fresh", "round2", "round3", "round4", "round5", "round6", "round7", "round8",
         "train_names1", "train_names2"]
# corpora of hard cases written for the pass, trained on but not used to choose the threshold
BALANCED = ["train_names1", "train_names2"]
HELD_OUT = ["round9"]   # round10-12.jsonl are batches measured once after freezing, round15.jsonl and round16.jsonl not trained on: never read here
MIN_COUNT = 3
L2 = 1.0
PRECISION = 0.92


FOLDS = 2   # entities of each training corpus from a recogniser fine-tuned without its fold


def _windows_of(nlp, lex):
    """texts -> NlpArtifacts: `nlp`'s entities read on the windows of `Engine.artifacts_many` (the
    one definition of what the model reads at run time, called on this model and word lists)."""
    reader = SimpleNamespace(nlp=SimpleNamespace(nlp={LANGUAGE: nlp}), lex=lex)
    return lambda texts: Engine.artifacts_many(reader, texts)


def stock_entities(lex):
    """corpus, texts -> the stock model's entities on whole texts (as rounds 6-9; the default)."""
    engine = TrimmedSpacyNlpEngine(SPACY_MODEL)
    engine.load()
    nlp = engine.nlp[LANGUAGE]

    def read(name, texts):
        return [SimpleNamespace(tokens=[names.Token(t.idx, e.label_) for e in doc.ents for t in e],
                                entities=[names.Entity(e.start_char, e.end_char, e.label_)
                                          for e in doc.ents])
                for doc in nlp.pipe(texts, batch_size=32)]
    return read


def cross_fitted_entities(lex, corpora: list[str], without: Sequence[str] = (), log=print,
                          also: Sequence[str] = (), cache: Path | None = None):
    """corpus, texts -> the entities the fine-tuned recogniser finds at run time on text it has
    never seen: the corpora are split into FOLDS folds, and each fold's texts are read (on the
    run-time windows) by a recogniser fine-tuned as `make model` does (train_redactor_ner) on every
    corpus but that fold's (and `without`'s). Fitted on the built model's entities instead, the
    pass would learn from text that model was trained on, where its PERSON label is almost always
    right, and trust it far more than it deserves on new text (measured: docs/redactor.md)."""
    of: dict[str, object] = {}
    for k in range(FOLDS):
        fold = corpora[k::FOLDS]
        began = time.perf_counter()
        trained = [c for c in sorted({*train_redactor_ner.trainable(), *also})
                   if c not in fold and c not in without]
        nlp = train_redactor_ner.fine_tuned(trained, cache, log=lambda _: None) if cache \
            else train_redactor_ner.fine_tune(trained, log=lambda _: None)
        log(f"entity recogniser without fold {k + 1} ({len(fold)} corpora) fine-tuned in "
            f"{time.perf_counter() - began:.0f}s")
        read = _windows_of(nlp, lex)
        of.update({c: read for c in fold})
    return lambda name, texts: of[name](texts)


def examples(corpora: list[str], lex, entities) -> tuple[list[list[str]], list[int], list[int],
                                                         list[bool]]:
    """Features, label, corpus number and whether the rules left it, for every candidate word."""
    feats, labels, text_no, left = [], [], [], []
    for n, name in enumerate(corpora):
        items = load_corpus(str(DATA / f"{name}.jsonl"))
        for item, found in zip(items, entities(name, [i.text for i in items])):
            text = item.text
            finder = names.Finder(text, found.tokens, found.entities, lex)
            taken = finder.spans()
            person = [(s.start, s.end) for s in item.pii if s.type == "PERSON"]
            other = [(s.start, s.end) for s in item.pii if s.type != "PERSON"]
            ws = finder.words
            for i, w in enumerate(ws):
                if not name_model.candidate(w, lex, text) or finder._spared(w) or \
                        name_model.verb_by_grammar(text, ws, i, lex):
                    continue
                if any(a < w.end and w.start < b for a, b in person):
                    label = 1
                elif any(a < w.end and w.start < b for a, b in other):
                    continue
                else:
                    label = 0
                feats.append(name_model.features(text, ws, i, lex))
                labels.append(label)
                text_no.append(n)
                left.append(not any(s.start < w.end and w.start < s.end for s in taken))
    return feats, labels, text_no, left


def matrix(feats: list[list[str]], index: dict[str, int]) -> sparse.csr_matrix:
    rows, cols = [], []
    for r, fs in enumerate(feats):
        for f in set(fs):
            c = index.get(f)
            if c is not None:
                rows.append(r)
                cols.append(c)
    return sparse.csr_matrix((np.ones(len(rows)), (rows, cols)), shape=(len(feats), len(index)))


def fit(x: sparse.csr_matrix, y: np.ndarray) -> tuple[np.ndarray, float]:
    """L2-penalised logistic regression (bias not penalised), by L-BFGS from zero."""
    def loss(theta):
        w, b = theta[:-1], theta[-1]
        z = x @ w + b
        p = 1.0 / (1.0 + np.exp(-z))
        nll = np.sum(np.logaddexp(0.0, z) - y * z) + 0.5 * L2 * w @ w
        g = p - y
        return nll, np.concatenate([x.T @ g + L2 * w, [g.sum()]])

    res = minimize(loss, np.zeros(x.shape[1] + 1), jac=True, method="L-BFGS-B",
                   options={"maxiter": 500})
    return res.x[:-1], float(res.x[-1])


def scores(x, w, b) -> np.ndarray:
    return 1.0 / (1.0 + np.exp(-(x @ w + b)))


def threshold(p: np.ndarray, y: np.ndarray) -> float:
    """The lowest threshold (in steps of 0.01) whose precision is at least PRECISION."""
    for t in np.arange(0.05, 0.99, 0.01):
        taken = p >= t
        if taken.sum() and y[taken].mean() >= PRECISION:
            return round(float(t), 2)
    return 0.99


def report(label: str, p: np.ndarray, y: np.ndarray, t: float) -> None:
    taken = p >= t
    tp = int((taken & (y == 1)).sum())
    print(f"{label}: {len(y)} candidate words, {int(y.sum())} names; at {t:.2f} the pass takes "
          f"{int(taken.sum())}: precision {tp / max(1, taken.sum()):.3f}, "
          f"recall of the names the rules left {tp / max(1, y.sum()):.3f}")


def main(argv: list[str] | None = None) -> int:
    args = argparse.ArgumentParser(prog="train_name_model", description=__doc__.split("\n\n")[0])
    args.add_argument("--out", type=Path, default=None,
                      help=f"where to write the weights (default: ${name_model.WEIGHTS_ENV}, "
                           f"or {name_model.DEFAULT_WEIGHTS.relative_to(name_model.DEFAULT_WEIGHTS.parents[3])})")
    args.add_argument("--cross-fitted", action="store_true",
                      help="features from cross-fitted entities of the fine-tuned recogniser on "
                           "the run-time windows, not the stock model's (round 10's experiment)")
    args.add_argument("--ner-without", nargs="*", default=[], metavar="CORPUS",
                      help="with --cross-fitted: corpora its recognisers never train on (to "
                           "measure the pass on them, left out)")
    args.add_argument("--ner-also", nargs="*", default=[], metavar="CORPUS",
                      help="with --cross-fitted: batches of train_redactor_ner.NOT_YET_MEASURED "
                           "its recognisers train on all the same (to measure adding one)")
    args.add_argument("--ner-cache", type=Path, default=None, metavar="DIR",
                      help="with --cross-fitted: keep the fold recognisers in DIR and reuse them "
                           "(measurements only; make model trains afresh)")
    args.add_argument("--train-also", nargs="*", default=[], metavar="CORPUS",
                      help="natural corpora to fit the pass on besides TRAIN (to measure adding "
                           "a seen batch, e.g. round14; round 11 of the learned parts)")
    parsed = args.parse_args(argv)
    train = TRAIN + [c for c in parsed.train_also if c not in TRAIN]
    out_path = parsed.out or name_model.weights_path()
    lex = lexicon.load()
    nlp = cross_fitted_entities(lex, train + HELD_OUT, parsed.ner_without,
                                also=parsed.ner_also, cache=parsed.ner_cache) \
        if parsed.cross_fitted else stock_entities(lex)
    feats, labels, corpus_no, left = examples(train, lex, nlp)
    counts = Counter(f for fs in feats for f in set(fs))
    index = {f: i for i, f in enumerate(sorted(f for f, c in counts.items() if c >= MIN_COUNT))}
    x, y, corpus_no = matrix(feats, index), np.array(labels, dtype=float), np.array(corpus_no)
    left = np.array(left)
    # each corpus scored by a model fitted on the others, to choose the threshold
    cross = np.zeros(len(y))
    for n in range(len(train)):
        part = corpus_no == n
        w, b = fit(x[~part], y[~part])
        cross[part] = scores(x[part], w, b)
    # the threshold from the natural corpora only: a corpus of hard cases (BALANCED) holds as many
    # word names as words used as things, far from the proportion in real narratives
    natural = ~np.isin(corpus_no, [train.index(c) for c in BALANCED])
    t = threshold(cross[natural], y[natural])
    w, b = fit(x, y)
    report("training corpora, all candidates, leave one corpus out", cross, y, t)
    report("training corpora, words the rules left, leave one corpus out", cross[left], y[left], t)
    report("natural corpora (threshold chosen here), words the rules left, leave one corpus out",
           cross[left & natural], y[left & natural], t)
    hf, hl, _, hleft = examples(HELD_OUT, lex, nlp)
    hp, hy, hleft = scores(matrix(hf, index), w, b), np.array(hl, dtype=float), np.array(hleft)
    report(f"held out ({', '.join(HELD_OUT)}), all candidates", hp, hy, t)
    report(f"held out ({', '.join(HELD_OUT)}), words the rules left", hp[hleft], hy[hleft], t)
    names_ = sorted(index, key=index.get)
    weights = {f: round(float(w[index[f]]), 4) for f in names_ if abs(w[index[f]]) >= 1e-4}
    out = {"about": "weights of the learned name pass (services/redactor/name_model.py), built "
                    "by train_name_model.py from tests/data/redaction: " + ", ".join(train),
           "held_out": HELD_OUT, "threshold": t, "bias": round(b, 4), "weights": weights}
    out_path.parent.mkdir(parents=True, exist_ok=True)
    out_path.write_text(json.dumps(out, indent=0, sort_keys=True) + "\n", encoding="utf-8")
    print(f"{len(weights)} weights, threshold {t:.2f} -> {out_path.name}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
