"""spaCy's greedy entity recogniser, decoded for a whole batch of windows at once in NumPy.

Why: spaCy 3.8's compiled transition parser (`Parser._parseC`) re-takes Python's GIL inside its
`nogil` loop several times for every action it checks (`StateC.B_`, `safe_get` from
`TransitionSystem.set_valid`, 74 actions per token for this model): measured with `perf`, a third
of the recogniser's CPU on the long narratives' windows was `pthread_mutex_lock`/`unlock` of
the GIL, and the stepping (not the network) was two thirds of it. This module takes the same
network outputs and takes the same decisions, for all the windows of a batch together:

- the token vectors and the precomputed hidden layer (`tok2vec`, then the `lower` layer: one row
  of padding, then one per token) are computed by the model's own layers, as spaCy does;
- per step, each unfinished window's three features (the next token; the open entity's first
  token and the token before the next one, when an entity is open) are summed in spaCy's order,
  plus the bias, maxed over the pieces, and scored by the `upper` layer with thinc's own `gemm`
  (blis, the library spaCy's parser calls), plus its bias; classes the model never saw get the
  step's lowest score, as in `predict_states`;
- the valid actions are spaCy's BILUO rules (`ner.pyx`: `Begin`, `In`, `Last`, `Unit`, `Out`;
  `Missing` never) for texts without preset entities; the first best valid action is taken
  (`arg_max_if_valid`).

So the entities are spaCy's own, span for span: `tests/unit/test_redactor_ner_decode.py` and
docs/redactor.md ("Speed and memory", round 10) check them against `nlp.pipe` on the windows of
every corpus. `supports` says when it applies (a greedy BILUO recogniser with a three-feature
maxout state and an upper layer, docs without preset entities or sentence starts); otherwise the
engine keeps spaCy's own `nlp.pipe`.
"""
from __future__ import annotations

from typing import Sequence

import numpy
from spacy.tokens import Doc, Span
from thinc.api import NumpyOps

_OPS = NumpyOps()
_KINDS = {"B": 1, "I": 2, "L": 3, "U": 4, "O": 5}   # BiluoPushDown's moves; anything else: Missing


class Decoder:
    """The greedy decoder of one spaCy `ner` pipe (`EntityRecognizer`)."""

    def __init__(self, ner):
        self.ner = ner
        model = ner.model
        self.tok2vec, self.lower, self.upper = model.layers
        names = [ner.moves.get_class_name(i) for i in range(ner.moves.n_moves)]
        self.kind = numpy.array([_KINDS.get(n[:1], 0) if n == "O" or n[1:2] == "-" else 0
                                 for n in names], dtype=numpy.int8)
        labels = sorted({n[2:] for n in names if n[1:2] == "-" and n[2:]})
        self.labels = [""] + labels
        self.label = numpy.array([self.labels.index(n[2:]) if n[1:2] == "-" and n[2:] in labels
                                  else 0 for n in names], dtype=numpy.int32)
        self.seen = numpy.ones(len(names), dtype=bool)
        for c in model.attrs.get("unseen_classes", ()):
            self.seen[c] = False

    @staticmethod
    def supports(ner) -> bool:
        """A greedy BILUO recogniser whose state has three features, maxout pieces and an
        upper layer (spaCy's `TransitionBasedParser.v2` for `ner`, as `make model` builds)."""
        try:
            model = ner.model
            lower = model.get_ref("lower")
            return (type(ner.moves).__name__ == "BiluoPushDown"
                    and ner.cfg.get("beam_width", 1) == 1
                    and bool(model.attrs.get("has_upper"))
                    and lower.get_dim("nF") == 3 and lower.get_dim("nP") >= 2
                    and len(model.layers) == 3)
        except (AttributeError, KeyError, ValueError):
            return False

    @staticmethod
    def plain(doc: Doc) -> bool:
        """No preset entity and no sentence start after the first token: the rules below assume
        both (fresh docs from the tokenizer, as the engine's windows are)."""
        if len(doc) == 0:
            return True
        marks = doc.to_array(["ENT_IOB", "SENT_START"])
        return not marks[:, 0].any() and not (marks[1:, 1] == 1).any()

    def __call__(self, docs: Sequence[Doc]) -> list[list[Span]]:
        """Each doc's entities, as `nlp.pipe` would set them (`doc.ents`), in order."""
        out: list[list[Span]] = [[] for _ in docs]
        lengths = numpy.array([len(d) for d in docs], dtype=numpy.int64)
        if not lengths.any():
            return out
        tokvecs = self.tok2vec.predict(list(docs))
        cached = self.lower.predict(tokvecs)          # (tokens + 1, nF, nO, nP): row 0 pads
        n_o, n_p = cached.shape[2], cached.shape[3]
        bias = self.lower.get_param("b").reshape(n_o * n_p)
        cached = cached.reshape(cached.shape[0], cached.shape[1], n_o * n_p)
        weights, upper_b = self.upper.get_param("W"), self.upper.get_param("b")
        space = numpy.zeros(int(lengths.sum()) + 1, dtype=bool)   # one more: past the end
        start = numpy.zeros(len(docs) + 1, dtype=numpy.int64)
        numpy.cumsum(lengths, out=start[1:])
        for i, doc in enumerate(docs):
            if len(doc):
                space[start[i]:start[i + 1]] = doc.to_array("IS_SPACE").astype(bool)
        kind, label, seen = self.kind, self.label, self.seen
        # the unfinished windows' states
        live = numpy.flatnonzero(lengths > 0)
        b = numpy.zeros(len(live), dtype=numpy.int64)
        is_open = numpy.zeros(len(live), dtype=bool)
        ent_start = numpy.zeros(len(live), dtype=numpy.int64)
        ent_label = numpy.zeros(len(live), dtype=numpy.int32)
        found: list[tuple[int, int, int, int]] = []   # doc, start, end, label
        valid_b = (kind == 1) & (label != 0)
        valid_i = (kind == 2) & (label != 0)
        valid_l = (kind == 3) & (label != 0)
        valid_u = (kind == 4) & (label != 0)
        valid_o = kind == 5
        while len(live):
            offset = start[live]
            length = lengths[live]
            g = offset + b                              # global index of the next token
            # features: next token; entity's first token; the token before the next one
            f0 = g + 1
            f1 = numpy.where(is_open, offset + ent_start + 1, 0)
            f2 = numpy.where(is_open, g, 0)            # (b - 1) + offset, plus 1 for the pad row
            unmaxed = cached[f0, 0] + cached[f1, 1]
            unmaxed += cached[f2, 2]
            unmaxed += bias
            hidden = unmaxed.reshape(len(live), n_o, n_p).max(axis=2)
            scores = _OPS.gemm(numpy.ascontiguousarray(hidden), weights, trans2=True)
            scores += upper_b
            if not seen.all():
                scores[:, ~seen] = scores.min()
            # the valid actions (ner.pyx, no preset entities)
            left = length - b
            two = left >= 2
            sp = space[g]
            closed = ~is_open
            valid = (closed & two & ~sp)[:, None] & valid_b[None, :]
            same = label[None, :] == ent_label[:, None]
            valid |= (is_open & two)[:, None] & valid_i[None, :] & same
            valid |= is_open[:, None] & valid_l[None, :] & same
            valid |= (closed & ~sp)[:, None] & valid_u[None, :]
            valid |= closed[:, None] & valid_o[None, :]
            scores[~valid] = -numpy.inf
            guess = scores.argmax(axis=1)
            act, lab = kind[guess], label[guess]
            # actions: Begin opens, Last closes, Unit opens and closes; every action moves on
            for j in numpy.flatnonzero(act == 3):
                found.append((int(live[j]), int(ent_start[j]), int(b[j]) + 1, int(ent_label[j])))
            for j in numpy.flatnonzero(act == 4):
                found.append((int(live[j]), int(b[j]), int(b[j]) + 1, int(lab[j])))
            opening = act == 1
            ent_start = numpy.where(opening, b, ent_start)
            ent_label = numpy.where(opening, lab, ent_label)
            is_open = (is_open & (act == 2)) | opening
            b = b + 1
            going = b < length
            live, b, is_open = live[going], b[going], is_open[going]
            ent_start, ent_label = ent_start[going], ent_label[going]
        for i, s, e, lab in sorted(found):
            out[i].append(Span(docs[i], s, e, label=self.labels[lab]))
        return out
